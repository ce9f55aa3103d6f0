"""A flagged seller label never prints silently: packing and reprinting refuse it naming
the other order; a clerk accepts it (reason audited) or discards it (the order falls back
to its other label source); packing uses the tracking number read on the label."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.cli import main
from app.db.engine import Database
from app.db.models import AuditEntry, Order, OrderLabel, Parcel, PrintJob, Wave
from app.domain.errors import PermissionDenied
from app.domain.label_errors import AcceptReasonMissing, LabelFlagged, LabelNotFlagged
from app.services import packing as p
from app.services import waves
from app.services.label_flags import (
    accept_flagged_label,
    discard_seller_label,
    list_flagged_labels,
)
from app.services.run import run_write
from app.services.seller_labels import LabelFlag, carrier_label_document, stored_flag
from app.services.wave_plan import WaveFilters
from printers.profiles import Language, PrinterProfile
from tests.services.packing_world import PACKER, STATION, allocated_order, build_pack_world
from tests.world import ACTOR

LABEL_PRINTER = PrinterProfile("label", "dummy://label", Language.ZPL)
SHARED = "9400111899223344556677"


def _seller_label(db: Database, number: str, other: str) -> int:
    """A seller label on ``number`` whose tracking number ``other``'s label also carries.

    Its reference is the order number (matched by it), so only the stored tracking number
    tells packing what the barcode says."""
    with db.writing() as s:
        order_id = s.scalar(select(Order.id).where(Order.number == number))
        assert order_id is not None
        row = OrderLabel(order_id=order_id, actor="clerk", source_file="seller.zip",
                         source_page=1, reference=number, zpl=b"^XA^FD" + SHARED.encode()
                         + b"^FS^XZ", tracking_number=SHARED,
                         flag=stored_flag(LabelFlag.TRACKING_REUSED, [other]))
        s.add(row)
        s.flush()
        return row.id


def _packed_up_to_labels(db: Database, oid: int, number: str) -> None:
    run_write(db, p.start_packing, number, station=STATION, actor=PACKER)
    run_write(db, p.scan_item, oid, "MUG", actor=PACKER)
    run_write(db, p.accept_weight, oid, weight_g=480, stable=True, actor=PACKER)


@pytest.fixture
def two(db: Database) -> tuple[Database, int, int, int, int]:
    """S-1 and S-2 each carry a seller label with the same tracking number."""
    build_pack_world(db)
    one = allocated_order(db, "S-1", {"MUG": 1})
    two = allocated_order(db, "S-2", {"MUG": 1})
    return db, one, two, _seller_label(db, "S-1", "S-2"), _seller_label(db, "S-2", "S-1")


def test_packing_refuses_a_flagged_label_until_accepted_then_uses_its_tracking_number(
        two: tuple[Database, int, int, int, int]) -> None:
    db, oid, _, label, _ = two
    _packed_up_to_labels(db, oid, "S-1")
    with pytest.raises(LabelFlagged) as refused:
        run_write(db, p.complete_packing, oid, station=STATION, actor=PACKER,
                  label_printer=LABEL_PRINTER)
    assert "S-2" in str(refused.value) and SHARED in str(refused.value)
    with db.reading() as s:
        assert s.scalar(select(Order.status).where(Order.id == oid)) != "packed"
        assert s.query(PrintJob).count() == 0  # nothing printed, nothing half-written
        with pytest.raises(LabelFlagged):
            carrier_label_document(s, label)

    with pytest.raises(PermissionDenied):  # a packer may not overrule the flag
        run_write(db, accept_flagged_label, label, "same parcel", actor=PACKER)
    with pytest.raises(AcceptReasonMissing):
        run_write(db, accept_flagged_label, label, "  ", actor=ACTOR)
    decision = run_write(db, accept_flagged_label, label, "seller's reprint", actor=ACTOR)
    assert (decision.order_number, decision.action) == ("S-1", "accepted")
    with pytest.raises(LabelNotFlagged):
        run_write(db, accept_flagged_label, label, "again", actor=ACTOR)

    result = run_write(db, p.complete_packing, oid, station=STATION, actor=PACKER,
                       label_printer=LABEL_PRINTER)
    (parcel,) = result.parcels
    assert parcel.label_source == "seller" and len(result.label_jobs) == 1
    with db.reading() as s:
        assert s.scalar(select(Parcel.tracking_number).where(Parcel.order_id == oid)) == SHARED
        audit = s.scalar(select(AuditEntry).where(AuditEntry.action == "accept_flagged_label"))
        assert audit is not None and audit.entity_id == label
        assert json.loads(audit.detail or "{}")["reason"] == "seller's reprint"
        assert [f.order_number for f in list_flagged_labels(s, actor=PACKER)] == ["S-2"]


def test_discarding_one_label_clears_the_other_and_the_order_falls_back(
        two: tuple[Database, int, int, int, int]) -> None:
    db, _, oid, first, second = two
    decision = run_write(db, discard_seller_label, second, actor=ACTOR)
    assert (decision.action, decision.cleared) == ("discarded", (first,))
    with db.reading() as s:
        assert list_flagged_labels(s, actor=ACTOR) == []
        assert s.get(OrderLabel, second) is None
    _packed_up_to_labels(db, oid, "S-2")
    result = run_write(db, p.complete_packing, oid, station=STATION, actor=PACKER,
                       label_printer=LABEL_PRINTER)
    assert [x.label_source for x in result.parcels] == ["warehouse"]


def test_cli_lists_accepts_and_discards(two: tuple[Database, int, int, int, int],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    db, _, _, first, second = two
    assert main(["labels", "flagged", "--json", "--db", db.url]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["order_number"], r["tracking_number"], r["flag"], r["others"])
            for r in listed] == [(first, "S-1", SHARED, "tracking_reused", ["S-2"]),
                                 (second, "S-2", SHARED, "tracking_reused", ["S-1"])]
    with pytest.raises(SystemExit) as usage:  # --reason is required
        main(["labels", "accept", str(first), "--db", db.url])
    assert usage.value.code == 2
    capsys.readouterr()
    assert main(["labels", "accept", str(first), "--reason", "", "--db", db.url]) == 1
    assert capsys.readouterr().err.startswith("error: ")
    assert main(["labels", "accept", str(first), "--reason", "reprint", "--db", db.url]) == 0
    assert "accepted" in capsys.readouterr().out
    assert main(["labels", "discard", str(second), "--json", "--db", db.url]) == 0
    assert json.loads(capsys.readouterr().out)["action"] == "discarded"
    assert main(["labels", "discard", "999999", "--db", db.url]) == 1
    assert main(["labels", "flagged", "--db", db.url]) == 0
    assert "0 flagged label(s)." in capsys.readouterr().out


def test_a_label_first_wave_is_released_without_the_flagged_label(
        two: tuple[Database, int, int, int, int]) -> None:
    """One doubtful label does not stop the wave: the others print, that one waits."""
    db, _one, _two, _label_one, _label_two = two
    allocated_order(db, "S-3", {"MUG": 1})
    with db.writing() as s:
        number = waves.release_wave(s, "LA1", WaveFilters(), actor=ACTOR).number
        wave_id = s.scalar(select(Wave.id).where(Wave.number == number))
        assert wave_id is not None
        documents = waves.wave_label_documents(s, wave_id, LABEL_PRINTER)
    # S-1 and S-2 share a tracking number: neither prints; S-3 gets the warehouse's label
    assert len(documents) == 1 and all(SHARED.encode() not in (d.zpl or b"")
                                       for d in documents)
    with db.writing() as s, pytest.raises(LabelFlagged):
        carrier_label_document(s, _label_one)
