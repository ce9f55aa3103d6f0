"""Stock age from the FIFO layers in fixed-date buckets; days of cover, low and out flags;
the seller's low-stock export; and the `stock age` / `stock cover` commands."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from app.cli import main
from app.db.models import Bin, Sku, StockBalance, StockLot, StockMove
from app.domain.errors import InvalidValue
from app.services import ledger
from app.services.allocation import allocate_order
from app.services.fulfilment import pack_order, start_picking
from app.services.low_stock_export import HEADERS, export_low_stock
from app.services.stock_age import BUCKET_NAMES, bucket_of, stock_age
from app.services.stock_cover import stock_cover
from tests.world import ACTOR, build_world, place_order, receive

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
TODAY = {"LA1": date(2026, 12, 1), "NJ1": date(2026, 12, 1)}


def _date_last_layer(db, day: date) -> None:
    with db.writing() as s:
        last = s.scalar(select(StockLot.id).order_by(StockLot.id.desc()).limit(1))
        s.execute(update(StockLot).where(StockLot.id == last).values(received_on=day))


def test_bucket_edges() -> None:
    assert [bucket_of(d) for d in (0, 30, 31, 60, 61, 90, 91, 180, 181, 365, 366, 4000)] == [
        0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_units_fall_in_buckets_by_receipt_day_and_picks_take_the_oldest(db) -> None:
    build_world(db)
    for qty, days_ago in ((5, 400), (4, 200), (3, 100), (2, 70), (6, 45), (7, 0)):
        receive(db, "MUG", qty)
        _date_last_layer(db, TODAY["LA1"] - timedelta(days=days_ago))
    receive(db, "CUP", 2, wh="NJ1")
    _date_last_layer(db, TODAY["NJ1"] - timedelta(days=31))
    with db.reading() as s:
        rows = [r.as_json() for r in stock_age(s, today=TODAY)]
    assert rows == [
        {"client": "ACME", "sku": "CUP", "warehouse": "NJ1", "units": 2, "0-30": 0, "31-60": 2,
         "61-90": 0, "91-180": 0, "181-365": 0, "365+": 0},
        {"client": "ACME", "sku": "MUG", "warehouse": "LA1", "units": 27, "0-30": 7,
         "31-60": 6, "61-90": 2, "91-180": 3, "181-365": 4, "365+": 5},
    ]
    oid = place_order(db, "O-1", {"MUG": 6})
    with db.writing() as s:
        allocate_order(s, oid, actor=ACTOR)
        start_picking(s, oid, actor=ACTOR)
        pack_order(s, oid, actor=ACTOR)
    with db.reading() as s:
        mug = stock_age(s, client_code="ACME", warehouse_code="LA1", today=TODAY)
    assert [r.buckets for r in mug] == [(7, 6, 2, 3, 3, 0)]


def test_stock_from_before_layers_is_aged_from_the_balance(db) -> None:
    build_world(db)
    with db.reading() as s:
        bin_id = s.scalar(select(Bin.id).where(Bin.code == "B-01-02-01", Bin.warehouse_id == 1))
        sku_id = s.scalar(select(Sku.id).where(Sku.code == "CUP"))
    with db.writing() as s:  # as a database from before stock lots holds it
        ledger.add_on_hand(s, bin_id, sku_id, 9, datetime(2026, 7, 1, 18, tzinfo=UTC))
        s.add(StockMove(sku_id=sku_id, to_bin_id=bin_id, quantity=9, kind="receipt",
                        actor="old"))
    receive(db, "CUP", 1, bin_code="B-01-02-01")
    _date_last_layer(db, TODAY["LA1"])
    with db.reading() as s:
        rows = stock_age(s, warehouse_code="LA1", today=TODAY)
    assert [(r.sku, r.units, r.buckets) for r in rows] == [("CUP", 10, (1, 0, 0, 9, 0, 0))]


def test_lot_tracked_layers_are_nested_per_lot(db) -> None:
    build_world(db)
    with db.reading() as s:
        bin_id = s.scalar(select(Bin.id).where(Bin.code == "A-01-01-01", Bin.warehouse_id == 1))
        sku_id = s.scalar(select(Sku.id).where(Sku.code == "CUP"))
    with db.writing() as s:
        s.execute(update(Sku).where(Sku.id == sku_id).values(lot_tracked=True))
        for lot, qty in (("L1", 3), ("L2", 4)):
            ledger.add_on_hand(s, bin_id, sku_id, qty, datetime.now(UTC))
            ledger.record_move(s, sku_id=sku_id, quantity=qty, kind=ledger.MoveKind.RECEIPT,
                               actor=ACTOR, to_bin_id=bin_id, lot=lot,
                               expiry=date(2027, 5, 1))
    _date_last_layer(db, TODAY["LA1"] - timedelta(days=50))
    with db.reading() as s:
        (row,) = stock_age(s, today=TODAY)
    assert row.as_json()["lots"] == [
        {"lot": "L1", "expiry": "2027-05-01", "units": 3, "0-30": 3, "31-60": 0, "61-90": 0,
         "91-180": 0, "181-365": 0, "365+": 0},
        {"lot": "L2", "expiry": "2027-05-01", "units": 4, "0-30": 0, "31-60": 4, "61-90": 0,
         "91-180": 0, "181-365": 0, "365+": 0},
    ]


def _ship(db, number: str, lines: dict[str, int]) -> None:
    oid = place_order(db, number, lines)
    with db.writing() as s:
        allocate_order(s, oid, actor=ACTOR)
        start_picking(s, oid, actor=ACTOR)
        pack_order(s, oid, actor=ACTOR)


def test_days_of_cover_low_and_out(db) -> None:
    build_world(db)
    receive(db, "MUG", 100)
    receive(db, "CUP", 10)
    receive(db, "CUP", 50, bin_code="DMG-01")  # damaged units are not sellable
    _ship(db, "O-1", {"MUG": 30, "CUP": 10})
    _ship(db, "O-2", {"MUG": 30})
    with db.reading() as s:
        rows = {r.sku: r for r in stock_cover(s, client_code="ACME")}
        flagged = stock_cover(s, client_code="ACME", low_days=30, only_flagged=True)
    mug, cup = rows["MUG"], rows["CUP"]
    assert (mug.sellable, mug.shipped_30d, mug.daily_average, mug.days_of_cover) == (
        40, 60, 2.0, 20.0)
    assert (mug.low, mug.out, mug.status) == (False, False, "ok")
    assert (cup.sellable, cup.shipped_30d, cup.out, cup.status) == (0, 10, True, "out")
    assert [(r.sku, r.status) for r in flagged] == [("CUP", "out"), ("MUG", "low")]
    with pytest.raises(InvalidValue), db.reading() as s:
        stock_cover(s, low_days=0)


def test_cover_counts_only_units_of_orders_that_were_packed(db) -> None:
    """Units picked for an order later sent back to backordered never left."""
    build_world(db)
    receive(db, "MUG", 10)
    oid = place_order(db, "O-1", {"MUG": 4})
    with db.writing() as s:
        allocate_order(s, oid, actor=ACTOR)
    with db.reading() as s:
        (mug,) = [r for r in stock_cover(s, client_code="ACME") if r.sku == "MUG"]
    assert (mug.sellable, mug.shipped_30d, mug.days_of_cover, mug.low) == (6, 0, None, False)


def test_export_for_the_seller_csv_and_xlsx(db, tmp_path) -> None:
    build_world(db)
    receive(db, "MUG", 12)
    _ship(db, "O-1", {"MUG": 10})
    with db.reading() as s:
        rows = stock_cover(s, client_code="ACME", only_flagged=True)
    export_low_stock(rows, tmp_path / "low.csv")
    with (tmp_path / "low.csv").open(encoding="utf-8-sig") as fh:
        table = list(csv.reader(fh))
    assert table[0] == list(HEADERS)
    assert [r[1] for r in table[1:]] == ["CUP", "MUG"]
    assert table[2][7] == "low" and table[1][7] == "out"
    export_low_stock(rows, tmp_path / "low.xlsx")
    sheet = load_workbook(tmp_path / "low.xlsx").active
    values = list(sheet.values)
    assert values[0] == HEADERS and values[2][:2] == ("ACME", "MUG")
    with pytest.raises(InvalidValue):
        export_low_stock(rows, tmp_path / "low.pdf")


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_stock_age_and_cover(db, db_url, capsys, tmp_path) -> None:
    build_world(db)
    receive(db, "MUG", 5)
    receive(db, "MUG", 2, wh="NJ1", client="BETA")
    code, out, _err = _cli(capsys, "stock", "age", "--client", "ACME", "--json", "--db", db_url)
    assert code == 0
    (row,) = json.loads(out)
    assert list(row) == ["client", "sku", "warehouse", "units", *BUCKET_NAMES]
    assert (row["sku"], row["units"], row["0-30"]) == ("MUG", 5, 5)
    code, out, _err = _cli(capsys, "stock", "age", "--warehouse", "NJ1", "--db", db_url)
    assert code == 0 and "BETA" in out and "ACME" not in out
    code, out, _err = _cli(capsys, "stock", "cover", "--client", "ACME", "--json", "--db",
                           db_url)
    by_sku = {r["sku"]: r for r in json.loads(out)}
    assert by_sku["CUP"]["out"] is True and by_sku["MUG"]["sellable"] == 5
    target = tmp_path / "acme-low.xlsx"
    code, out, _err = _cli(capsys, "stock", "cover", "--client", "ACME", "--export",
                           str(target), "--db", db_url)
    assert code == 0 and target.exists() and "1 low or out-of-stock" in out
    code, _out, err = _cli(capsys, "stock", "cover", "--client", "NOPE", "--db", db_url)
    assert code == 1 and err.startswith("error: Client NOPE")
    code, _out, err = _cli(capsys, "stock", "cover", "--export", str(tmp_path / "x.txt"),
                           "--db", db_url)
    assert code == 1 and ".csv or .xlsx" in err


def test_units_and_balances_agree_after_shipping(db) -> None:
    build_world(db)
    receive(db, "MUG", 8)
    _ship(db, "O-1", {"MUG": 3})
    with db.reading() as s:
        (row,) = stock_age(s, client_code="ACME")
        on_hand = s.scalar(select(StockBalance.on_hand))
    assert row.units == on_hand == 5
