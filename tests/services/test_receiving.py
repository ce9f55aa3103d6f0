"""Receiving at the dock and closing: over, short, damaged and unknown codes, the ledger
posted at the close, put-away tasks, the discrepancy report (PDF and CSV) and labels."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from sqlalchemy import func, select

from app.db.models import Bin, InboundReceipt, PutawayTask, Sku, StockBalance, StockLot, StockMove
from app.domain.errors import InvalidValue, NotFound, WrongClient
from app.domain.inbound_errors import (
    CartonNotInShipment,
    InboundClosed,
    InboundIllegalTransition,
    LotRequired,
    NoReceivingBin,
    UnknownLineNotOpen,
)
from app.domain.states import BinType
from app.services import organisation as org
from app.services import skus as sku_svc
from app.services.health import reconcile_stock
from app.services.inbound import CartonDraft, InboundDraft, create_inbound, get_inbound
from app.services.inbound_documents import carton_labels_pdf, write_discrepancy
from app.services.receiving import (
    close_inbound,
    discrepancy_report,
    list_unknown,
    receive_units,
    reject_unknown,
    resolve_unknown,
    scan_carton,
)
from tests.world import ACTOR, build_world


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    """ASN-1 of ACME at LA1: carton C1 with 10 MUG and 5 CUP, carton C2 with 4 MUG;
    LA1 has a quarantine bin; BETA sells HAT; ACME's PILL is lot-tracked."""
    build_world(db)
    with db.writing() as s:
        org.create_bins(s, "LA1", [org.BinDraft("QUA-01", BinType.QUARANTINE)], actor=ACTOR)
        sku_svc.create_sku(s, "BETA", sku_svc.SkuDraft("HAT", "Hat"), actor=ACTOR)
        sku_svc.create_sku(s, "ACME", sku_svc.SkuDraft("PILL", "Vitamins", lot_tracked=True),
                           actor=ACTOR)
        create_inbound(s, client_code="ACME", warehouse_code="LA1", actor=ACTOR, draft=InboundDraft(
            "ASN-1", (CartonDraft("C1", (("MUG", 10), ("CUP", 5))),
                      CartonDraft("C2", (("MUG", 4),)))))
    return db


def receive(db, carton: str, code: str, qty: int, **kw):  # type: ignore[no-untyped-def]
    with db.writing() as s:
        return receive_units(s, "ASN-1", carton=carton, code=code, quantity=qty, actor=ACTOR,
                             **kw)


def balances(db) -> dict[tuple[str, str], int]:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return {(b, k): q for b, k, q in s.execute(
            select(Bin.code, Sku.code, StockBalance.on_hand)
            .join(Bin, Bin.id == StockBalance.bin_id).join(Sku, Sku.id == StockBalance.sku_id)
            .where(StockBalance.on_hand != 0))}


def ledger_ok(db) -> None:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        report = reconcile_stock(s)
    assert report.ok, report


def test_over_short_damaged_unknown_then_close(world, tmp_path: Path) -> None:
    with world.writing() as s:
        carton = scan_carton(s, "ASN-1", "C1", actor=ACTOR)
    assert [(ln.sku, ln.expected, ln.received) for ln in carton.lines] == [
        ("MUG", 10, 0), ("CUP", 5, 0)]
    r = receive(world, "C1", "012345678905", 8, damaged=1)  # MUG by its UPC
    assert (r.line.sku, r.bin, r.damaged_bin, r.over, r.line.difference) == (
        "MUG", "RCV-01", "DMG-01", False, -1)
    assert receive(world, "C1", "CUP", 4).line.received == 4
    assert receive(world, "C1", "CUP", 3).over  # 7 of 5: over is allowed and shown
    extra = receive(world, "C2", "CUP", 1)  # not announced in C2: a line with 0 expected
    assert (extra.line.expected, extra.line.received) == (0, 1)
    unknown = receive(world, "C2", "NEW-THING", 2)
    assert (unknown.quarantined, unknown.bin, unknown.line.unknown) == (True, "QUA-01", True)
    with world.reading() as s:
        assert get_inbound(s, "ASN-1").summary.status == "receiving"
        assert [(u.code, u.received, u.bin) for u in list_unknown(s)] == [
            ("NEW-THING", 2, "QUA-01")]
        assert s.scalar(select(func.count()).select_from(StockMove)) == 0  # nothing posted yet

    with world.writing() as s:
        result = close_inbound(s, "ASN-1", actor=ACTOR)
    assert result.report.to_json() == {"reference": "ASN-1", "lines": [
        {"sku": "MUG", "expected": 14, "received": 8, "damaged": 1, "difference": -5},
        {"sku": "CUP", "expected": 5, "received": 8, "damaged": 0, "difference": 3},
        {"sku": "NEW-THING", "expected": 0, "received": 2, "damaged": 0, "difference": 2},
    ]}
    assert balances(world) == {("RCV-01", "MUG"): 8, ("DMG-01", "MUG"): 1, ("RCV-01", "CUP"): 8}
    ledger_ok(world)
    with world.reading() as s:
        moves = s.execute(select(StockMove.kind, StockMove.quantity, StockMove.reference,
                                 StockMove.reason).order_by(StockMove.id)).all()
        tasks = {(k, q, src) for k, q, src in s.execute(
            select(Sku.code, PutawayTask.quantity, PutawayTask.source)
            .join(Sku, Sku.id == PutawayTask.sku_id).where(PutawayTask.status == "open"))}
        layers = s.scalar(select(func.sum(StockLot.remaining)))
    assert sorted(moves) == sorted([("receipt", 8, "ASN-1", None), ("receipt", 8, "ASN-1", None),
                                    ("receipt", 1, "ASN-1", "damaged")])
    assert tasks == {("MUG", 8, "ASN-1"), ("CUP", 8, "ASN-1")}  # damaged units stay put
    assert layers == 17  # receipts start stock lots

    with world.writing() as s, pytest.raises(InboundClosed):
        receive_units(s, "ASN-1", carton="C1", code="MUG", quantity=1, actor=ACTOR)
    with world.writing() as s, pytest.raises(InboundIllegalTransition):
        close_inbound(s, "ASN-1", actor=ACTOR)

    # the unknown code is mapped after the close: posted at once, with its put-away task
    with world.writing() as s:
        line = resolve_unknown(s, unknown.line.id, "CUP", actor=ACTOR)
    assert (line.sku, line.received) == ("CUP", 2)
    assert balances(world)[("RCV-01", "CUP")] == 10
    ledger_ok(world)
    with world.reading() as s:
        assert list_unknown(s) == []
        report = discrepancy_report(s, "ASN-1")
    assert [t.sku for t in report.lines] == ["MUG", "CUP"]  # the code counts as CUP now


def test_refusals_change_nothing(world) -> None:
    with world.writing() as s, pytest.raises(CartonNotInShipment,
                                              match="Carton C9 is not in inbound shipment ASN-1"):
        scan_carton(s, "ASN-1", "C9", actor=ACTOR)
    for code, qty, kw, error in (
        ("HAT", 1, {}, WrongClient),  # another client's SKU
        ("MUG", -1, {}, InvalidValue),
        ("MUG", 0, {}, InvalidValue),
        ("MUG", 1, {"damaged": -2}, InvalidValue),
        ("PILL", 5, {}, LotRequired),
        ("PILL", 5, {"lot": "L1"}, LotRequired),
        ("MUG", 1, {"bin_code": "NOPE"}, NotFound),
    ):
        with world.writing() as s, pytest.raises(error):
            receive_units(s, "ASN-1", carton="C1", code=code, quantity=qty, actor=ACTOR, **kw)
    with world.reading() as s:
        assert s.scalar(select(func.count()).select_from(InboundReceipt)) == 0
        assert get_inbound(s, "ASN-1").summary.status == "announced"


def test_lot_tracked_units_keep_their_lot_into_the_ledger(world) -> None:
    receive(world, "C1", "PILL", 6, lot="L-7", expiry=date(2027, 6, 30))
    receive(world, "C1", "PILL", 2, lot="L-8", expiry=date(2027, 9, 30))
    with world.writing() as s:
        close_inbound(s, "ASN-1", actor=ACTOR)
    with world.reading() as s:
        assert sorted(s.execute(select(StockMove.lot, StockMove.quantity))) == [
            ("L-7", 6), ("L-8", 2)]
        assert sorted(s.execute(select(StockLot.lot, StockLot.expiry, StockLot.remaining))) == [
            ("L-7", date(2027, 6, 30), 6), ("L-8", date(2027, 9, 30), 2)]
        assert sorted(s.execute(select(PutawayTask.lot, PutawayTask.quantity))) == [
            ("L-7", 6), ("L-8", 2)]
    ledger_ok(world)


def test_rejected_unknown_code_is_never_stock(world) -> None:
    unknown = receive(world, "C1", "MYSTERY", 3)
    with world.writing() as s:
        reject_unknown(s, unknown.line.id, actor=ACTOR)
    with world.writing() as s, pytest.raises(UnknownLineNotOpen):
        resolve_unknown(s, unknown.line.id, "MUG", actor=ACTOR)
    with world.reading() as s:
        assert list_unknown(s) == []
        assert [u.status for u in list_unknown(s, include_rejected=True)] == ["rejected"]
    with world.writing() as s:
        close_inbound(s, "ASN-1", actor=ACTOR)
    assert balances(world) == {}


def test_unknown_mapped_before_close_leaves_quarantine_for_receiving(world) -> None:
    unknown = receive(world, "C2", "OLD-LABEL", 4)
    with world.writing() as s:
        resolve_unknown(s, unknown.line.id, "MUG", actor=ACTOR)
        close_inbound(s, "ASN-1", actor=ACTOR)
    assert balances(world) == {("RCV-01", "MUG"): 4}


def test_no_receiving_bin_is_said(db) -> None:
    build_world(db)
    with db.writing() as s:
        org.set_bin_active(s, "LA1", "RCV-01", False, actor=ACTOR)
        create_inbound(s, client_code="ACME", warehouse_code="LA1", actor=ACTOR,
                       draft=InboundDraft("A", (CartonDraft("1", (("MUG", 1),)),)))
    with db.writing() as s, pytest.raises(NoReceivingBin, match="LA1 has no active receiving"):
        receive_units(s, "A", carton="1", code="MUG", quantity=1, actor=ACTOR)
    with db.writing() as s:  # a scanned bin does without one
        assert receive_units(s, "A", carton="1", code="MUG", quantity=1, actor=ACTOR,
                             bin_code="a-01-01-01").bin == "A-01-01-01"
        close_inbound(s, "A", actor=ACTOR)
        assert s.scalar(select(func.count()).select_from(PutawayTask)) == 0  # already sellable
    assert balances(db) == {("A-01-01-01", "MUG"): 1}


def test_report_files_in_both_languages_and_carton_labels(world, tmp_path: Path) -> None:
    receive(world, "C1", "MUG", 9, damaged=1)
    receive(world, "C2", "ODD-CODE", 1)
    with world.writing() as s:
        report = close_inbound(s, "ASN-1", actor=ACTOR).report
    pdf = write_discrepancy(report, tmp_path / "r.pdf")
    doc = pdfium.PdfDocument(pdf.read_bytes())
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    for needle in ("Receiving report", "收货差异报告", "ASN-1", "Expected", "预报", "破损",
                   "Unknown code", "未知条码", "ODD-CODE", "-5"):
        assert needle in text, needle
    rows = list(csv.reader(write_discrepancy(report, tmp_path / "r.csv").open(
        encoding="utf-8-sig")))
    assert rows[0][:7] == ["carton 箱号", "sku", "name 品名", "expected 预报", "received 实收",
                           "damaged 破损", "difference 差异"]
    assert rows[1:] == [
        ["C1", "MUG", "Mug", "10", "9", "1", "0", ""],
        ["C1", "CUP", "Cup", "5", "0", "0", "-5", "short 短少"],
        ["C2", "MUG", "Mug", "4", "0", "0", "-4", "short 短少"],
        ["C2", "ODD-CODE", "", "0", "1", "0", "1", "unknown code 未知条码"],
    ]
    with pytest.raises(InvalidValue):
        write_discrepancy(report, tmp_path / "r.txt")
    with world.reading() as s:
        labels = pdfium.PdfDocument(carton_labels_pdf(s, "ASN-1"))
    assert len(labels) == 2
    first = labels[0].get_textpage().get_text_range()
    assert "ASN-1" in first and "C1" in first and "1 / 2" in first
