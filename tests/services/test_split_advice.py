"""Zone charts in the database (all rows or none, a re-import replaces) and the split
advice on hand-made demand whose answer is obvious: all demand in California -> all
stock to the LA warehouse; demand split evenly between the coasts -> half each."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, update

from app.db.engine import Database
from app.db.models import (
    CarrierAccount,
    Client,
    LabelPurchase,
    Order,
    Warehouse,
    ZoneChart,
    ZoneChartRow,
)
from app.domain.errors import FileUnreadable, InvalidValue, PermissionDenied
from app.domain.permissions import Actor, Role
from app.domain.zones import COST_PER_ZONE, TRANSIT_DAYS
from app.services.split_advice import SplitAdvice, advise_split
from app.services.split_export import export_split
from app.services.zone_charts import ZoneImportRejected, import_zone_chart, list_zone_charts
from tests.world import ACTOR, build_world, place_order

NOV = (date(2026, 11, 1), date(2026, 11, 30))


def order_to(db: Database, number: str, lines: dict[str, int], zip_code: str, state: str,
             client: str = "ACME") -> None:
    order_id = place_order(db, number, lines, client=client, state=state)
    with db.writing() as s:
        s.execute(update(Order).where(Order.id == order_id).values(zip=zip_code))


def advise(db: Database, qty: int | None = None, client: str = "ACME") -> SplitAdvice:
    with db.reading() as s:
        return advise_split(s, client, *NOV, qty=qty)


def chart_counts(db: Database) -> tuple[int, int]:
    with db.reading() as s:
        return (s.scalar(select(func.count()).select_from(ZoneChart)) or 0,
                s.scalar(select(func.count()).select_from(ZoneChartRow)) or 0)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_all_demand_in_california_goes_to_la(db: Database) -> None:
    build_world(db)
    with db.writing() as s:  # the client ships from New Jersey today
        s.execute(update(Client).where(Client.code == "ACME").values(
            default_warehouse_id=select(Warehouse.id).where(Warehouse.code == "NJ1")
            .scalar_subquery()))
    order_to(db, "A1", {"MUG": 6}, "90012", "CA")
    order_to(db, "A2", {"MUG": 3}, "94103", "CA")
    order_to(db, "A3", {"MUG": 1, "CUP": 2}, "92101", "CA")
    advice = advise(db)
    assert advice.current_warehouse == "NJ1"
    mug = next(a for a in advice.skus if a.sku == "MUG")
    assert mug.units == 10 and mug.unzoned_units == 0
    by_wh = {w.warehouse: w for w in mug.warehouses}
    assert by_wh["LA1"].share == 1.0 and by_wh["NJ1"].share == 0.0
    assert by_wh["LA1"].recommended_units == 10 and by_wh["NJ1"].recommended_units == 0
    assert by_wh["NJ1"].avg_zone is None and by_wh["NJ1"].avg_zone_alone == 8.0
    assert [a.sku for a in advice.skus] == ["MUG", "CUP"]  # most units first
    assert mug.current is not None and mug.current.avg_zone == 8.0
    assert mug.saving is not None and mug.saving.avg_zone > 5 and mug.saving.transit_days > 2
    assert mug.saving.cost > Decimal("20")  # 10 units at least $2.00 each cheaper


def test_fifty_fifty_coasts_split_in_half_and_save_against_one_warehouse(db: Database) -> None:
    build_world(db)
    order_to(db, "W1", {"MUG": 5}, "90012", "CA")   # LA: zone 1-2 from LA1, 8 from NJ1
    order_to(db, "W2", {"MUG": 5}, "98101", "WA")   # Seattle: 5 from LA1, 8 from NJ1
    order_to(db, "E1", {"MUG": 5}, "10001", "NY")   # Manhattan: 1 from NJ1, 8 from LA1
    order_to(db, "E2", {"MUG": 5}, "02108", "MA")   # Boston: 3 from NJ1, 8 from LA1
    with db.writing() as s:
        s.execute(update(Order).values(warehouse_id=None))
        s.execute(update(Client).where(Client.code == "ACME").values(
            default_warehouse_id=None))
    advice = advise(db, qty=101)
    assert advice.current_warehouse == "LA1"  # no default, no history: the first by code
    mug = advice.skus[0]
    by_wh = {w.warehouse: w for w in mug.warehouses}
    assert by_wh["LA1"].share == 0.5 and by_wh["NJ1"].share == 0.5
    assert by_wh["LA1"].recommended_units + by_wh["NJ1"].recommended_units == 101
    assert {by_wh["LA1"].recommended_units, by_wh["NJ1"].recommended_units} == {50, 51}
    zones = {d.zip3: d.zones for d in mug.destinations}
    assert zones["100"] == {"LA1": 8, "NJ1": 1} and zones["021"]["LA1"] == 8
    assert mug.current is not None and mug.split is not None and mug.saving is not None
    # From LA1 alone the east half ships zone 8; split, it ships from NJ1.
    east_from_la = 8 * 10
    east_split = zones["100"]["NJ1"] * 5 + zones["021"]["NJ1"] * 5  # type: ignore[operator]
    assert mug.saving.avg_zone == round((east_from_la - east_split) / 20, 2)
    expected_cost = (COST_PER_ZONE[8] * 10 - COST_PER_ZONE[1] * 5
                     - COST_PER_ZONE[zones["021"]["NJ1"]] * 5)  # type: ignore[index]
    assert mug.saving.cost == expected_cost and mug.saving.cost > Decimal("0")
    assert mug.saving.transit_days == round(
        (TRANSIT_DAYS[8] * 10 - TRANSIT_DAYS[1] * 5
         - TRANSIT_DAYS[zones["021"]["NJ1"]] * 5) / 20, 2)  # type: ignore[index]


def test_imported_chart_wins_over_the_distance_estimate(db: Database, tmp_path: Path) -> None:
    build_world(db)
    order_to(db, "A1", {"MUG": 4}, "60601", "IL")  # Chicago: ~1,700 mi from LA1, ~720 from NJ1
    with db.reading() as s:
        before = {d.zip3: d.zones for d in advise_split(s, "ACME", *NOV).skus[0].destinations}
    assert before["606"] == {"LA1": 7, "NJ1": 5}
    chart = write(tmp_path, "la.csv", "dest_zip3,zone\n600-609,3\n")
    with db.writing() as s:
        report = import_zone_chart(s, chart, "LA1", actor=ACTOR, carrier="ups",
                                   effective=date(2026, 1, 1))
    assert report.carrier == "UPS" and report.zip3s == 10
    advice = advise(db)
    assert {o.code: o.zone_source for o in advice.origins} == {"LA1": "chart", "NJ1": "distance"}
    mug = advice.skus[0]
    assert mug.destinations[0].zones == {"LA1": 3, "NJ1": 5}
    assert {w.warehouse: w.recommended_units for w in mug.warehouses} == {"LA1": 4, "NJ1": 0}


def test_bad_chart_writes_nothing_and_reimport_replaces(db: Database, tmp_path: Path) -> None:
    build_world(db)
    good = write(tmp_path, "good.csv", "dest_zip3,zone\n005-098,1\n100,2\n")
    with db.writing() as s:
        import_zone_chart(s, good, "NJ1", actor=ACTOR, carrier="USPS")
    assert chart_counts(db) == (1, 95)
    bad = write(tmp_path, "bad.csv", "dest_zip3,zone\n005-098,1\n10X,2\n200,0\n")
    with pytest.raises(ZoneImportRejected) as err, db.writing() as s:
        import_zone_chart(s, bad, "NJ1", actor=ACTOR, carrier="USPS")
    assert [p.line for p in err.value.report.problems] == [3, 4]
    assert err.value.message == "2 of 3 rows have problems; nothing was imported."
    assert chart_counts(db) == (1, 95)
    newer = write(tmp_path, "newer.csv", "dest_zip3,zone\n005-009,2\n")
    with db.writing() as s:
        import_zone_chart(s, newer, "NJ1", actor=ACTOR, carrier="usps")
    assert chart_counts(db) == (1, 5)
    with db.reading() as s:
        charts = list_zone_charts(s)
    assert [(c.warehouse, c.carrier, c.zip3s, c.source_file) for c in charts] == [
        ("NJ1", "USPS", 5, "newer.csv")]


def test_refusals(db: Database, tmp_path: Path) -> None:
    build_world(db)
    plain = write(tmp_path, "plain.csv", "dest_zip3,zone\n100,2\n")
    with pytest.raises(InvalidValue, match="40"), db.writing() as s:
        import_zone_chart(s, plain, "NJ1", actor=ACTOR, carrier="X" * 41)
    with pytest.raises(PermissionDenied), db.writing() as s:
        import_zone_chart(s, plain, "NJ1", actor=Actor("packer", Role.PACKER), carrier="UPS")
    with pytest.raises(FileUnreadable), db.writing() as s:
        import_zone_chart(s, tmp_path / "missing.csv", "NJ1", actor=ACTOR, carrier="UPS")
    assert chart_counts(db) == (0, 0)
    with db.writing() as s:  # a plain CSV does not say whose chart it is
        assert import_zone_chart(s, plain, "NJ1", actor=ACTOR).carrier == "GENERIC"
    with pytest.raises(InvalidValue), db.reading() as s:
        advise_split(s, "ACME", date(2026, 11, 30), date(2026, 11, 1))


def test_exports_read_back(db: Database, tmp_path: Path) -> None:
    build_world(db)
    order_to(db, "A1", {"MUG": 3}, "90012", "CA")
    order_to(db, "A2", {"MUG": 1}, "10001", "NY")
    advice = advise(db)
    book = load_workbook(export_split(advice, tmp_path / "split.xlsx"))
    sheet = book.active
    assert sheet is not None
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(values) if r[0] == "sku SKU")
    assert values[header][3] == "warehouse 仓库"
    assert values[header + 1][:4] == ["MUG", "Mug", 4, "LA1"]
    assert values[header + 1][4] == "75.0%" and values[header + 1][6] == 3
    assert values[header + 2][3:7] == ["NJ1", "25.0%", "1.00", 1]
    pdf = export_split(advice, tmp_path / "split.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    import pypdfium2

    text = pypdfium2.PdfDocument(pdf)[0].get_textpage().get_text_range()
    assert "分仓补货建议" in text and "LA1" in text and "75.0%" in text
    with pytest.raises(InvalidValue):
        export_split(advice, tmp_path / "split.csv")


def test_the_clients_label_costs_replace_the_table_where_there_are_enough(db: Database) -> None:
    """From LA1: three labels to LA (zone 1) at $3.00, $3.10, $3.20 -> zone 1 costs $3.10;
    two to New York (zone 8) are too few, so zone 8 keeps the table's price; a voided
    label costs nothing and is not counted."""
    build_world(db)
    for n, (zip_code, state) in enumerate([("90012", "CA")] * 4 + [("10001", "NY")] * 2):
        order_to(db, f"O{n}", {"MUG": 1}, zip_code, state)
    with db.writing() as s:
        la = s.scalar(select(Warehouse.id).where(Warehouse.code == "LA1"))
        s.execute(update(Order).values(warehouse_id=la))
        account = CarrierAccount(provider="manual", name="Manual", secret_ref="manual-1")
        s.add(account)
        s.flush()
        ids = list(s.scalars(select(Order.id).order_by(Order.number)))
        costs = ["3.00", "3.10", "3.20", "9.99", "8.00", "8.50"]
        for n, (oid, cost) in enumerate(zip(ids, costs, strict=True)):
            s.add(LabelPurchase(reference=f"L{n}", order_id=oid, account_id=account.id,
                                status="voided" if n == 3 else "bought", carrier="UPS",
                                cost=Decimal(cost), tracking_number=f"1Z{n}", actor="test"))
    advice = advise(db)
    assert advice.label_costs == {1: Decimal("3.10")}
    assert advice.cost_basis == "labels+table"
    doc = advice.as_json()
    assert doc["cost_basis"] == "labels+table" and doc["label_costs"] == {"1": 3.1}
    mug = advice.skus[0]
    assert mug.current is not None and mug.split is not None
    # All six from LA1 today: four to zone 1 at $3.10, two to zone 8 at the table's price.
    assert mug.current.cost == Decimal("3.10") * 4 + COST_PER_ZONE[8] * 2
    # Split: New York goes to NJ1 (zone 1, same $3.10).
    assert mug.split.cost == Decimal("3.10") * 6


def test_a_zip_of_another_state_counts_at_the_named_states_centre(db: Database) -> None:
    """Every tests.world order carries ZIP 93721 (Fresno); one naming NY goes to New York's
    centroid, one naming CA keeps its ZIP3, one with a mistyped ZIP too goes by state."""
    build_world(db)
    place_order(db, "N1", {"MUG": 5}, state="NY")  # ZIP 93721 but New York
    place_order(db, "C1", {"MUG": 5}, state="CA")  # ZIP 93721, California: consistent
    order_to(db, "T1", {"MUG": 2}, "ABCDE", "TX")
    mug = advise(db).skus[0]
    where = {(d.zip3, d.state): d.zones for d in mug.destinations}
    assert set(where) == {("", "NY"), ("937", "CA"), ("", "TX")}
    assert where[("", "NY")] == {"LA1": 8, "NJ1": 2}
    fresno = where[("937", "CA")]
    assert fresno["NJ1"] == 8 and (fresno["LA1"] or 9) < 8
    assert mug.unzoned_units == 0
    by_wh = {w.warehouse: w.recommended_units for w in mug.warehouses}
    assert by_wh["NJ1"] == 5 and by_wh["LA1"] >= 5
