"""Announcing inbound shipments (ASN) from CSV/XLSX files: English and Chinese headers,
per-row problems with line numbers, all or nothing, ``valid_only``."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.channels.inbound_template import write_inbound_template
from app.db.models import InboundCarton, InboundLine, InboundShipment
from app.domain.errors import FileUnreadable, PermissionDenied
from app.domain.inbound_errors import InboundAmbiguous, InboundExists, InboundIllegalTransition
from app.domain.permissions import Actor
from app.domain.states import INBOUND_TRANSITIONS, InboundStatus, Role, check_inbound_transition
from app.services import skus as sku_svc
from app.services.inbound import (
    CartonDraft,
    InboundDraft,
    InboundImportRejected,
    arrive_inbound,
    create_inbound,
    get_inbound,
    import_inbound,
    list_inbound,
)
from tests.world import ACTOR, build_world

HEADER = "reference,carton,sku,quantity,eta,container,tracking\n"
CHINESE = ["入库单号", "箱号", "SKU", "数量", "预计到达", "柜号", "追踪号"]


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    build_world(db)
    with db.writing() as s:  # a SKU only BETA sells
        sku_svc.create_sku(s, "BETA", sku_svc.SkuDraft("HAT", "Hat"), actor=ACTOR)
    return db


def _csv(tmp_path: Path, body: str, name: str = "asn.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _import(db, path: Path, **kw):  # type: ignore[no-untyped-def]
    with db.writing() as s:
        return import_inbound(s, path, client_code="ACME", warehouse_code="LA1", actor=ACTOR,
                              **kw)


def _count(db) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return tuple(int(s.scalar(select(func.count()).select_from(t)) or 0)  # type: ignore[return-value]
                     for t in (InboundShipment, InboundCarton, InboundLine))


def test_csv_with_two_shipments_and_a_barcode(world, tmp_path: Path) -> None:
    path = _csv(tmp_path, "ASN-1,C1,MUG,10,2026-12-20,MSKU1234567,\n"
                          "ASN-1,C1,CUP,5,,,\n"
                          "ASN-1,C2,012345678905,4,,,\n"  # MUG by its UPC
                          "ASN-2,X1,CUP,3,12/24/2026,,1Z999\n")
    report = _import(world, path)
    assert report.shipments == ("ASN-1", "ASN-2") and report.problems == ()
    assert (report.rows, report.cartons, report.units) == (4, 3, 22)
    with world.reading() as s:
        one = get_inbound(s, "ASN-1")
        two = get_inbound(s, "ASN-2", "ACME")
    assert one.summary.status == "announced" and str(one.summary.eta) == "2026-12-20"
    assert one.summary.container == "MSKU1234567"
    assert [(ln.carton, ln.sku, ln.expected) for ln in one.lines] == [
        ("C1", "MUG", 10), ("C1", "CUP", 5), ("C2", "MUG", 4)]
    assert (two.summary.tracking, str(two.summary.eta), two.summary.expected) == (
        "1Z999", "2026-12-24", 3)


def test_xlsx_with_chinese_headers(world, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["入库预报"])  # a title line above the header
    sheet.append(CHINESE)
    sheet.append(["入库-001", "箱1", "MUG", 6, None, "TGHU7654321", None])
    sheet.append(["入库-001", "箱2", "CUP", 2.0, None, None, None])
    path = tmp_path / "入库.xlsx"
    book.save(path)
    report = _import(world, path)
    assert report.shipments == ("入库-001",) and report.units == 8
    assert [w.message for w in report.warnings] == ["1 line(s) above the header were ignored."]
    with world.reading() as s:
        assert [(c.code, [ln.expected for ln in c.lines])
                for c in get_inbound(s, "入库-001").cartons] == [("箱1", [6]), ("箱2", [2])]


NOT_QTY = "quantity '{}' is not a whole number greater than 0"


@pytest.mark.parametrize(("body", "expected"), [
    ("ASN-1,C1,MUG,0,,,\n", [(2, "quantity", NOT_QTY.format(0))]),
    ("ASN-1,C1,MUG,-3,,,\n", [(2, "quantity", NOT_QTY.format(-3))]),
    ("ASN-1,C1,MUG,two,,,\n", [(2, "quantity", NOT_QTY.format("two"))]),
    ("ASN-1,C1,MUG,1,next week,,\n",
     [(2, "eta", "'next week' is not a date (use YYYY-MM-DD or YYYY-MM-DD HH:MM)")]),
    ("ASN-1,C1,NOPE,1,,,\n", [(2, "sku", "client ACME has no SKU NOPE")]),
    ("ASN-1,C1,HAT,1,,,\n", [(2, "sku", "SKU HAT belongs to client BETA, not to client ACME")]),
    ("ASN-1,C1,MUG,1,,,\nASN-1,C1,MUG,2,,,\n",
     [(3, "sku", "SKU MUG of carton C1 is also on line 2")]),
    ("ASN-1,C1,MUG,1,2026-12-20,,\nASN-1,C2,CUP,1,2026-12-21,,\n",
     [(3, "eta", "eta '2026-12-21' differs from line 2 of the same shipment")]),
    (",C1,MUG,1,,,\n", [(2, "reference", "reference is missing")]),
])
def test_bad_rows_are_named_and_nothing_is_written(world, tmp_path: Path, body: str,
                                                    expected: list[tuple[int, str, str]]) -> None:
    path = _csv(tmp_path, body + "ASN-9,C0,CUP,1,,,\n")  # a good shipment after them
    with pytest.raises(InboundImportRejected) as caught:
        _import(world, path)
    got = [(p.line, p.column, p.reason) for p in caught.value.report.problems]
    assert got == expected
    assert caught.value.message.endswith("nothing was imported.")
    assert caught.value.report.shipments == ()
    assert _count(world) == (0, 0, 0)


def test_valid_only_imports_the_good_shipments_whole(world, tmp_path: Path) -> None:
    path = _csv(tmp_path, "ASN-1,C1,MUG,1,,,\nASN-2,C1,MUG,1,,,\nASN-2,C2,NOPE,1,,,\n")
    report = _import(world, path, valid_only=True)
    assert report.shipments == ("ASN-1",) and [p.line for p in report.problems] == [4]
    assert report.to_json()["rejected_lines"] == [4]
    assert _count(world) == (1, 1, 1)  # ASN-2 is not imported without its bad row


def test_reference_already_announced_is_refused(world, tmp_path: Path) -> None:
    path = _csv(tmp_path, "ASN-1,C1,MUG,1,,,\n")
    _import(world, path)
    with pytest.raises(InboundImportRejected) as caught:
        _import(world, path)
    assert [p.reason for p in caught.value.report.problems] == [
        "shipment ASN-1 is already announced for client ACME"]
    assert _count(world) == (1, 1, 1)


def test_missing_column_is_refused_before_any_row(world, tmp_path: Path) -> None:
    path = tmp_path / "asn.csv"
    path.write_text("reference,carton,sku\nASN-1,C1,MUG\n", encoding="utf-8")
    with pytest.raises(FileUnreadable, match=r"lacks the columns quantity \(数量\)"):
        _import(world, path)
    assert _count(world) == (0, 0, 0)


def test_excel_mangled_reference_is_a_row_problem(world, tmp_path: Path) -> None:
    path = _csv(tmp_path, "1.23457E+11,C1,MUG,1,,,\n")
    with pytest.raises(InboundImportRejected) as caught:
        _import(world, path)
    assert "lost digits" in caught.value.report.problems[0].reason


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("chinese", [False, True])
def test_template_headers_and_round_trip(world, tmp_path: Path, suffix: str,
                                         chinese: bool) -> None:
    path = write_inbound_template(tmp_path / f"t{suffix}", chinese=chinese)
    if suffix == ".csv":
        header = path.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    else:
        sheet = load_workbook(path).active
        assert sheet is not None
        header = [c.value for c in sheet[1]]
    assert header == (CHINESE if chinese else
                      ["reference", "carton", "sku", "quantity", "eta", "container", "tracking"])
    with world.writing() as s:  # the sample's SKUs, so the template imports as it is
        for code in ("MUG-RED", "MUG-BLUE"):
            sku_svc.create_sku(s, "ACME", sku_svc.SkuDraft(code, code), actor=ACTOR)
    assert _import(world, path).shipments == ("ASN-2026-001",)


def test_by_hand_and_states(world) -> None:
    draft = InboundDraft("PO-7", (CartonDraft("1", (("MUG", 3), ("CUP", 2))),
                                  CartonDraft("2", (("012345678905", 1),))), container="C-1")
    with world.writing() as s:
        info = create_inbound(s, client_code="ACME", warehouse_code="LA1", draft=draft,
                              actor=ACTOR)
    assert (info.reference, info.cartons, info.expected, info.status) == (
        "PO-7", 2, 6, "announced")
    with world.writing() as s, pytest.raises(InboundExists):
        create_inbound(s, client_code="ACME", warehouse_code="LA1", draft=draft, actor=ACTOR)
    with world.writing() as s:
        assert arrive_inbound(s, "PO-7", actor=ACTOR).status == "arrived"
    with world.writing() as s, pytest.raises(InboundIllegalTransition,
                                              match="is arrived and cannot become arrived"):
        arrive_inbound(s, "PO-7", actor=ACTOR)
    with world.writing() as s:  # the same reference for another client
        create_inbound(s, client_code="BETA", warehouse_code="NJ1", actor=ACTOR,
                       draft=InboundDraft("PO-7", (CartonDraft("1", (("HAT", 1),)),)))
    with world.reading() as s:
        with pytest.raises(InboundAmbiguous, match="exists for clients ACME, BETA"):
            get_inbound(s, "PO-7")
        assert get_inbound(s, "PO-7", "BETA").summary.warehouse == "NJ1"
        assert [r.reference for r in list_inbound(s, client_code="BETA")] == ["PO-7"]
        assert [r.client for r in list_inbound(s, status="arrived")] == ["ACME"]


def test_by_hand_refuses_another_clients_sku_and_a_picker_may_not_announce(world) -> None:
    from app.domain.errors import WrongClient

    with world.writing() as s, pytest.raises(WrongClient, match="HAT belongs to client BETA"):
        create_inbound(s, client_code="ACME", warehouse_code="LA1", actor=ACTOR,
                       draft=InboundDraft("PO-8", (CartonDraft("1", (("HAT", 1),)),)))
    packer = Actor("pat", Role.PACKER)
    with world.writing() as s, pytest.raises(PermissionDenied):
        create_inbound(s, client_code="ACME", warehouse_code="LA1", actor=packer,
                       draft=InboundDraft("PO-8", (CartonDraft("1", (("MUG", 1),)),)))
    assert _count(world) == (0, 0, 0)


def test_transition_table_is_the_only_way() -> None:
    legal = {(a, b) for a, targets in INBOUND_TRANSITIONS.items() for b in targets}
    assert legal == {
        (InboundStatus.ANNOUNCED, InboundStatus.ARRIVED),
        (InboundStatus.ARRIVED, InboundStatus.RECEIVING),
        (InboundStatus.ARRIVED, InboundStatus.CLOSED),
        (InboundStatus.RECEIVING, InboundStatus.CLOSED),
    }
    for a in InboundStatus:
        for b in InboundStatus:
            if (a, b) in legal:
                check_inbound_transition("R", a, b)
            else:
                with pytest.raises(InboundIllegalTransition):
                    check_inbound_transition("R", a, b)
