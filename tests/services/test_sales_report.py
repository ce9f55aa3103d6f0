"""Sales by region on known data: exact orders and units per state, Census region and
East/West split; cancelled orders left out, multi-line orders counted once with all their
units, the period's ends included, client and SKU filters; the exports read back."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import pypdfium2
import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from app.db.engine import Database
from app.db.models import Order
from app.domain.errors import InvalidValue
from app.domain.regions import (
    CENSUS_REGIONS,
    STATES,
    TILES,
    WEST_STATES,
    census_region,
    warehouse_region,
)
from app.services.orders import cancel_order
from app.services.sales_export import export_sales
from app.services.sales_report import SalesBy, SalesReport, sales_by_region
from tests.world import ACTOR, build_world, place_order

NOV = (date(2026, 11, 1), date(2026, 11, 30))


def set_date(db: Database, order_id: int, when: datetime) -> None:
    with db.writing() as s:
        s.execute(update(Order).where(Order.id == order_id).values(order_date=when))


@pytest.fixture
def sales(db: Database) -> Database:
    """November 2026 (orders dated 20 Nov unless moved):
    CA: A1 (MUG 2 + CUP 3), A2 (MUG 1)          -> 2 orders, 6 units
    TX: A3 (MUG 4); NY: A4 (CUP 1); BETA NJ: B1 (MUG 5)
    FL: A5 (MUG 7) cancelled -> not counted; PR: A6 (CUP 2) -> region Other
    A7 CA (MUG 9) dated 1 Dec 00:00 UTC -> outside; A8 WA (CUP 1) 30 Nov 23:59 -> inside.
    """
    build_world(db)
    place_order(db, "A1", {"MUG": 2, "CUP": 3}, state="CA")
    place_order(db, "A2", {"MUG": 1}, state="ca")
    place_order(db, "A3", {"MUG": 4}, state="TX")
    place_order(db, "A4", {"CUP": 1}, state="NY")
    place_order(db, "B1", {"MUG": 5}, client="BETA", state="NJ")
    cancelled = place_order(db, "A5", {"MUG": 7}, state="FL")
    with db.writing() as s:
        cancel_order(s, cancelled, actor=ACTOR)
    place_order(db, "A6", {"CUP": 2}, state="PR")
    set_date(db, place_order(db, "A7", {"MUG": 9}, state="CA"),
             datetime(2026, 12, 1, 0, 0, tzinfo=UTC))
    set_date(db, place_order(db, "A8", {"CUP": 1}, state="WA"),
             datetime(2026, 11, 30, 23, 59, tzinfo=UTC))
    return db


def report(db: Database, client_code: str | None = None,
           sku_code: str | None = None) -> SalesReport:
    with db.reading() as s:
        return sales_by_region(s, *NOV, client_code=client_code, sku_code=sku_code)


def counts(rows: tuple) -> dict[str, tuple[int, int]]:
    return {r.key: (r.orders, r.units) for r in rows}


def test_regions_cover_every_state_once() -> None:
    assert len(STATES) == 51 and sum(len(m) for m in CENSUS_REGIONS.values()) == 51
    assert set(TILES) == STATES and len(set(TILES.values())) == 51
    assert census_region("tx") == "South" and warehouse_region("tx") == "US-West"
    assert warehouse_region("DC") == "US-East" and census_region("PR") == "Other"
    assert CENSUS_REGIONS["West"] <= WEST_STATES


def test_known_counts_by_state_and_region(sales: Database) -> None:
    r = report(sales)
    assert counts(r.states) == {"CA": (2, 6), "TX": (1, 4), "NY": (1, 1), "NJ": (1, 5),
                                "PR": (1, 2), "WA": (1, 1)}
    assert [x.key for x in r.states][:2] == ["CA", "NJ"]  # most units first
    assert counts(r.regions) == {"Northeast": (2, 6), "Midwest": (0, 0), "South": (1, 4),
                                 "West": (3, 7), "Other": (1, 2)}
    assert counts(r.split) == {"US-West": (4, 11), "US-East": (2, 6), "Other": (1, 2)}
    assert (r.orders, r.units) == (7, 19)
    west = r.top_skus["US-West"]
    assert [(t.client, t.sku, t.units) for t in west] == [("ACME", "MUG", 7), ("ACME", "CUP", 4)]


def test_filters_by_client_and_sku(sales: Database) -> None:
    acme = report(sales, client_code="ACME")
    assert "NJ" not in counts(acme.states) and (acme.orders, acme.units) == (6, 14)
    mugs = report(sales, sku_code="MUG")
    assert counts(mugs.states) == {"CA": (2, 3), "TX": (1, 4), "NJ": (1, 5)}
    both = report(sales, client_code="BETA", sku_code="MUG")
    assert counts(both.states) == {"NJ": (1, 5)}


def test_bad_period_and_unknown_client_refused(sales: Database) -> None:
    with sales.reading() as s, pytest.raises(InvalidValue):
        sales_by_region(s, date(2026, 11, 30), date(2026, 11, 1))
    with sales.reading() as s, pytest.raises(Exception, match="NOPE"):
        sales_by_region(s, *NOV, client_code="NOPE")


def test_exports_read_back(sales: Database, tmp_path: Path) -> None:
    r = report(sales)
    path = export_sales(r, SalesBy.STATE, tmp_path / "s.csv")
    with path.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "state 州" and rows[1] == ["CA", "West", "US-West", "2", "6"]
    assert rows[-1][-2:] == ["7", "19"]
    book = load_workbook(export_sales(r, SalesBy.REGION, tmp_path / "r.xlsx"))
    values = [list(row) for row in book.active.iter_rows(values_only=True)]
    assert ["census", "Northeast", 2, 6] in values and ["warehouse", "US-West", 4, 11] in values
    pdf = pypdfium2.PdfDocument(export_sales(r, SalesBy.STATE, tmp_path / "s.pdf"))
    text = pdf[0].get_textpage().get_text_range()
    assert "2026-11-01" in text and "CA" in text and "19" in text
    with pytest.raises(InvalidValue):
        export_sales(r, SalesBy.STATE, tmp_path / "s.txt")
    assert not (tmp_path / "s.txt").exists()
