"""3PL billing: a known-answer month for a small client, rate-card edge cases, reruns,
issued months and credits — on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from app.db.models import Charge
from app.domain.billing_errors import InvoiceIssued, TierGap
from app.domain.errors import PermissionDenied
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services.billing_accrual import (
    accrue,
    accrue_due,
    add_charge,
    due_days,
    last_accrued_day,
)
from app.services.invoice_documents import CSV_HEADERS, write_invoice_csv, write_invoice_pdf
from app.services.invoices import (
    credit_invoice,
    draft_invoice,
    issue_invoice,
    show_invoice,
)
from app.services.rate_cards import CardSettings, RateItem, rate_card_for, set_rate_card
from tests.services.billing_world import (
    ACTOR,
    CARD,
    add_parcel,
    build_world,
    buy_label,
    date_last_receipt,
    inbound_closed,
    receive,
    return_units,
    set_card,
    set_dims,
    set_lots,
    ship,
)

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
D = Decimal
NOV = [date(2026, 11, d) for d in range(1, 31)]


def _accrue(db, days) -> list:
    results = []
    for day in days:
        with db.writing() as s:
            results.append(accrue(s, day, actor=ACTOR))
    return results


def _november(db) -> None:
    """The story of the known-answer month (amounts in the test below)."""
    build_world(db)
    set_card(db)
    set_dims(db, "MUG", (100, 100, 100))   # 0.001 m³ each
    set_dims(db, "CUP", (200, 100, 100))   # 0.002 m³ each
    receive(db, "MUG", 100)
    date_last_receipt(db, date(2026, 10, 5))
    receive(db, "CUP", 50, bin_code="A-01-01-02")
    date_last_receipt(db, date(2026, 9, 1))
    receive(db, "MUG", 10)
    date_last_receipt(db, date(2026, 11, 10))
    ship(db, "O-1", {"MUG": 1}, date(2026, 11, 12))
    ship(db, "O-2", {"MUG": 3}, date(2026, 11, 20))
    o3 = ship(db, "O-3", {"CUP": 2}, date(2026, 11, 25))
    add_parcel(db, o3, 450, (305, 305, 305))   # 12 in cube: dim weight 13 lb wins
    buy_label(db, o3, "8.00", date(2026, 11, 25))
    return_units(db, "O-2", "MUG", 1, 2500, date(2026, 11, 28))
    inbound_closed(db, date(2026, 11, 10), cartons=3, container="MSCU1234567", pallets=2)
    with db.writing() as s:
        add_charge(s, "ACME", "vas_kitting", D(4), D("1.00"), "Kitted 4 gift sets",
                   day=date(2026, 11, 15), actor=ACTOR)
    set_lots(db, [("MUG", date(2026, 10, 5), 100), ("CUP", date(2026, 9, 1), 50),
                  ("MUG", date(2026, 11, 10), 10)])


def test_known_answer_month_and_its_documents(db, tmp_path: Path) -> None:
    _november(db)
    _accrue(db, NOV)
    with db.writing() as s:
        info = draft_invoice(s, "ACME", "2026-11", actor=ACTOR)
    by_kind = {k: a for k, _n, a in info.by_kind()}
    # receiving_unit: the 10 MUG received on Nov 10 (the Sep/Oct receipts are not Nov):
    #   10 x 0.10 = 1.00
    assert by_kind["receiving_unit"] == D("1.00")
    # ASN-1 closed Nov 10: container 300.00; 2 pallets x 15.00 = 30.00; 3 cartons x 1.25 = 3.75
    assert by_kind["receiving_container"] == D("300.00")
    assert by_kind["receiving_pallet"] == D("30.00")
    assert by_kind["receiving_carton"] == D("3.75")
    # pick/pack per order by billable weight:
    #   O-1 1 MUG 350 g -> 0.50; O-2 3 MUG 1050 g -> 1.00; O-3 parcel 450 g in a 12 in cube
    #   -> dim 1728/139 = 12.4 -> 13 lb = 5897 g -> 1.00 (450 g alone would be 0.50)
    #   = 2.50
    assert by_kind["pick_pack_order"] == D("2.50")
    # extra units: O-2 2 x 0.25 + O-3 1 x 0.25 = 0.75
    assert by_kind["pick_pack_extra_unit"] == D("0.75")
    # packing material: O-3's one box = 0.40
    assert by_kind["packing_material"] == D("0.40")
    # label of O-3: 8.00 + 10 % = 8.80
    assert by_kind["label"] == D("8.80")
    # return of 1 MUG weighing 2,500 g -> tier 2000+ = 0.50
    assert by_kind["return"] == D("0.50")
    # kitting typed in: 4 x 1.00 = 4.00
    assert by_kind["vas_kitting"] == D("4.00")
    # storage per m³ per day by lot age (received day = day 1):
    #   MUG lot of Oct 5, 100 x 0.001 = 0.1 m³: Nov 1-3 are days 28-30 (free), Nov 4-30
    #     days 31-57 at 0.50 -> 27 x 0.05 = 1.35
    #   CUP lot of Sep 1, 50 x 0.002 = 0.1 m³: Nov 1 is day 62 -> 30 x 0.10 = 3.00
    #   MUG lot of Nov 10, 0.01 m³: days 1-21, free
    #   = 4.35
    assert by_kind["storage"] == D("4.35")
    # 1.00 + 300.00 + 30.00 + 3.75 + 2.50 + 0.75 + 0.40 + 8.80 + 0.50 + 4.00 + 4.35 = 356.05
    assert info.subtotal == D("356.05")
    assert info.minimum_topup == D("0.00") and info.credits == D("0.00")
    assert info.total == D("356.05")
    assert info.number == "INV-202611-ACME" and info.status == "draft"

    with db.reading() as s:
        shown = show_invoice(s, "ACME", "2026-11")
        assert s.scalar(select(func.sum(Charge.amount))) == D("356.05")
    assert sum(ln.amount for ln in shown.lines) == shown.total
    # A line is one kind at one tier on one day; its sources add up to it.
    for line in shown.lines:
        assert sum(r.amount for r in shown.source_rows
                   if r.accrual_key == line.accrual_key) == line.amount
        assert len([r for r in shown.source_rows
                    if r.accrual_key == line.accrual_key]) == line.sources
    orders = {r.source_ref: r.amount for r in shown.source_rows if r.kind == "pick_pack_order"}
    assert orders == {"O-1": D("0.50"), "O-2": D("1.00"), "O-3": D("1.00")}
    rma = next(r for r in shown.source_rows if r.kind == "return").source_ref
    assert rma is not None and rma.startswith("RMA")
    assert {r.source_ref for r in shown.source_rows if r.kind == "receiving_carton"} == {
        "ASN-1/C001", "ASN-1/C002", "ASN-1/C003"}
    storage = [r for r in shown.source_rows if r.kind == "storage"]
    assert len(storage) == 27 + 30   # the MUG lot's charged days + the CUP lot's
    mug = next(r for r in storage if r.source_ref == "MUG")
    assert (mug.day, mug.description, mug.amount) == (
        date(2026, 11, 4), "Storage 100 x MUG, age 31 d, 0.1000 m3", D("0.05"))

    path = write_invoice_csv(shown, tmp_path / "inv.csv")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == CSV_HEADERS
    assert len(rows) == len(shown.source_rows) > len(shown.lines)
    assert sum(D(r["amount"]) for r in rows) == D("356.05")
    assert {r["source_ref"] for r in rows if r["kind"] == "pick_pack_extra_unit"} == {
        "O-2", "O-3"}
    pdf = write_invoice_pdf(shown, tmp_path / "inv.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000


def test_rerun_charges_nothing_twice(db) -> None:
    _november(db)
    first = _accrue(db, NOV)
    again = _accrue(db, NOV)
    assert sum(r.charges for r in first) > 0
    assert [r.charges for r in again] == [0] * 30
    with db.reading() as s:
        assert s.scalar(select(func.sum(Charge.amount))) == D("356.05")
    # Lot-days charged in November: the MUG lot from day 31 (Nov 4), the CUP lot every
    # day; the Nov 10 lot stays inside its free days.
    assert sum(r.snapshots for r in first) == 27 + 30
    with db.writing() as s:   # the whole month again, in one run: nothing new either
        assert accrue(s, NOV[0], through=NOV[-1], actor=ACTOR).charges == 0


def test_one_run_over_the_month_charges_what_thirty_daily_runs_do(db) -> None:
    _november(db)
    with db.writing() as s:
        month = accrue(s, NOV[0], through=NOV[-1], actor=ACTOR)
    with db.reading() as s:
        lines = set(s.execute(select(Charge.accrual_key, Charge.amount, Charge.sources)))
        s.execute(select(Charge.id)).all()
    assert month.amount == D("352.05")   # all but the 4.00 of kitting typed in
    with db.writing() as s:
        s.execute(delete(Charge).where(Charge.source_type != "adhoc"))
    daily = _accrue(db, NOV)
    assert sum(r.amount for r in daily) == month.amount
    with db.reading() as s:
        assert set(s.execute(select(Charge.accrual_key, Charge.amount, Charge.sources))) == lines


def test_a_late_source_gets_a_line_of_its_own(db) -> None:
    """An order shipped on a day already accrued (the job ran before it was recorded)
    is charged by the next run, on a line of its own; the first line stays as it was."""
    build_world(db)
    set_card(db)
    receive(db, "MUG", 10)
    ship(db, "O-1", {"MUG": 1}, date(2026, 11, 3))
    _accrue(db, [date(2026, 11, 3)])
    ship(db, "O-2", {"MUG": 1}, date(2026, 11, 3))
    again = _accrue(db, [date(2026, 11, 3)])
    assert again[0].charges == 1 and again[0].amount == D("0.50")
    with db.reading() as s:
        lines = s.execute(select(Charge.accrual_key, Charge.sources, Charge.amount)
                          .where(Charge.kind == "pick_pack_order")
                          .order_by(Charge.id)).all()
    assert [(n, a) for _k, n, a in lines] == [(1, D("0.50")), (1, D("0.50"))]
    assert lines[1][0] == lines[0][0] + "+2"
    assert _accrue(db, [date(2026, 11, 3)])[0].charges == 0


def test_issued_month_is_locked_and_credit_lands_on_the_next_draft(db) -> None:
    _november(db)
    _accrue(db, NOV)
    with db.writing() as s:
        draft_invoice(s, "ACME", "2026-11", actor=ACTOR)
    with db.writing() as s:
        issued = issue_invoice(s, "ACME", "2026-11", actor=ACTOR)
    assert issued.status == "issued" and issued.total == D("356.05")
    with db.writing() as s, pytest.raises(InvoiceIssued) as err:
        draft_invoice(s, "ACME", "2026-11", actor=ACTOR)
    assert "INV-202611-ACME" in err.value.message
    with db.writing() as s, pytest.raises(InvoiceIssued):
        issue_invoice(s, "ACME", "2026-11", actor=ACTOR)
    with db.writing() as s:
        credit_invoice(s, "ACME", "2026-11", D("3.75"), "cartons billed twice", actor=ACTOR)
    _accrue(db, [date(2026, 12, 1)])
    with db.writing() as s:
        december = draft_invoice(s, "ACME", "2026-12", actor=ACTOR)
    # Dec 1 storage: MUG Oct 5 lot day 58 -> 0.05; CUP day 92 -> 0.10; Nov 10 lot day 22: free
    assert december.subtotal == D("0.15")
    assert december.credits == D("3.75")
    assert december.total == D("0.15") + D("0") - D("3.75")
    with db.reading() as s:
        assert show_invoice(s, "ACME", "2026-11").total == D("356.05")  # unchanged


def test_monthly_minimum_tops_up(db) -> None:
    _november(db)
    set_card(db, monthly_minimum="500")
    _accrue(db, NOV)
    with db.writing() as s:
        info = draft_invoice(s, "ACME", "2026-11", actor=ACTOR)
    # 500.00 - 356.05 = 143.95
    assert info.minimum_topup == D("143.95") and info.total == D("500.00")


def test_line_minimum_and_weight_tiers(db) -> None:
    build_world(db)
    items = (RateItem("pick_pack_order", D("0.10"), 0, 500, minimum=D("0.75")),
             RateItem("pick_pack_order", D("2.00"), 500, None))
    set_card(db, items=items)
    receive(db, "MUG", 10)
    ship(db, "O-9", {"MUG": 1}, date(2026, 11, 3))   # 350 g: 0.10 raised to 0.75
    _accrue(db, [date(2026, 11, 3)])
    with db.reading() as s:
        assert s.scalar(select(Charge.amount)) == D("0.75")
    with db.writing() as s:  # never drafted: issuing drafts it first
        issued = issue_invoice(s, "ACME", "2026-11", actor=ACTOR)
    assert (issued.status, issued.total) == ("issued", D("0.75"))


def test_rate_card_with_a_gap_is_refused_and_nothing_changes(db) -> None:
    build_world(db)
    set_card(db)
    gap = (RateItem("storage", D("0"), 0, 31), RateItem("storage", D("0.5"), 40, None))
    with db.writing() as s, pytest.raises(TierGap) as err:
        set_rate_card(s, "ACME", CardSettings(), gap, actor=ACTOR)
    assert "31 to 40" in err.value.message
    with db.reading() as s:
        assert len(rate_card_for(s, "ACME").items) == len(CARD)


def test_clerk_may_not_bill(db) -> None:
    build_world(db)
    clerk = Actor("clara", Role.CLERK, 2)
    with db.writing() as s, pytest.raises(PermissionDenied):
        accrue(s, date(2026, 11, 1), actor=clerk)


def test_free_days_cross_the_month_end(db) -> None:
    """A lot received Oct 20: days 1-30 run to Nov 18, Nov 19 is day 31 and charged."""
    build_world(db)
    set_card(db)
    set_dims(db, "MUG", (100, 100, 100))
    receive(db, "MUG", 1000)   # 1 m³
    date_last_receipt(db, date(2026, 10, 20))
    days = [date(2026, 11, 17) + timedelta(days=i) for i in range(4)]
    results = _accrue(db, days)
    assert [r.amount for r in results] == [D("0"), D("0"), D("0.50"), D("0.50")]


def test_lines_accrued_before_lines_had_sources_are_kept_and_not_charged_again(
        tmp_path: Path) -> None:
    """0011: a charge of the old shape (one per source, no detail) becomes a line of one
    source; rerunning its day charges nothing again, and the audit file still lists it."""
    from sqlalchemy import text

    from app.db.models import Order
    from app.db.schema import migrate, open_database

    url = f"sqlite:///{tmp_path / 'v10.sqlite3'}"
    db = open_database(url)
    build_world(db)
    set_card(db)
    receive(db, "MUG", 10)
    order_id = ship(db, "O-1", {"MUG": 1}, date(2026, 11, 3))
    migrate(db, "0010")   # the PC was on the previous release when it billed the day
    with db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO charges (accrual_key, client_id, charge_date, kind, description, "
            "quantity, unit_price, amount, currency, source_type, source_id, source_ref, "
            "created_by, created_at) VALUES (:key, (SELECT id FROM clients WHERE code = "
            "'ACME'), '2026-11-03', 'pick_pack_order', 'Order O-1: 1 unit(s), 350 g billable',"
            " 1, 0.5, 0.5, 'USD', 'order', :id, 'O-1', 'admin', '2026-11-04 00:00:00')"),
            {"key": f"pick_pack_order:order:{order_id}:2026-11-03", "id": order_id})
    db.dispose()
    db = open_database(url)
    try:
        assert _accrue(db, [date(2026, 11, 3)])[0].charges == 0
        with db.writing() as s:
            draft_invoice(s, "ACME", "2026-11", actor=ACTOR)
        with db.reading() as s:
            shown = show_invoice(s, "ACME", "2026-11")
            assert s.scalar(select(Order.number).where(Order.id == order_id)) == "O-1"
        assert [(ln.sources, ln.amount) for ln in shown.lines] == [(1, D("0.50"))]
        assert [(r.source_ref, r.amount) for r in shown.source_rows] == [("O-1", D("0.50"))]
    finally:
        db.dispose()


def test_the_nightly_job_resumes_after_the_last_day_charged_after_it_ended(db) -> None:
    """accrue_due: yesterday alone on a first run; after that every ended day since the
    last one recorded; a day charged while it still ran is not recorded, so the job
    comes back to it; nothing due once it is up to date."""
    build_world(db)
    set_card(db)
    today = date(2026, 12, 7)
    with db.reading() as s:
        assert last_accrued_day(s) is None
        assert due_days(s, today) == (date(2026, 12, 6), date(2026, 12, 6))
    _accrue(db, [date(2026, 11, 28)])
    with db.reading() as s:
        assert last_accrued_day(s) == date(2026, 11, 28)
        assert due_days(s, today) == (date(2026, 11, 29), date(2026, 12, 6))
    with db.writing() as s:
        ran = accrue_due(s, today=today, actor=ACTOR)
    assert ran is not None and (ran.day, ran.through) == (date(2026, 11, 29), date(2026, 12, 6))
    with db.writing() as s:
        assert accrue_due(s, today=today, actor=ACTOR) is None
    real_today = datetime.now(UTC).date()
    _accrue(db, [real_today])            # still running: not recorded as charged
    with db.reading() as s:
        assert last_accrued_day(s) == date(2026, 12, 6)
        assert due_days(s, real_today + timedelta(days=1)) == (date(2026, 12, 7), real_today)
        # a job that has not run for years goes back a year (366 days), not to the start
        assert due_days(s, date(2030, 1, 1)) == (date(2028, 12, 31), date(2029, 12, 31))
