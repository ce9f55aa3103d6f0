"""The pack station as a story: scan, verify, box, weigh, label — and what it refuses."""

from __future__ import annotations

import pytest

from app.db.engine import Database
from app.db.models import Parcel, PrintJob
from app.domain.states import OrderStatus
from app.domain.weighing import Verdict
from app.services import packing as p
from app.services.health import reconcile_stock
from app.services.inventory import stock_by_bin
from app.services.orders import get_order
from app.services.packing_errors import (
    ExtraUnit,
    ItemOfAnotherClient,
    OrderAlreadyPacked,
    OrderBeingPacked,
    PackingIncomplete,
    UnknownItem,
    UnknownPackScan,
    WeightNotPositive,
    WeightNotStable,
    WrongItem,
)
from app.services.packing_view import PackState
from app.services.run import run_write
from printers.profiles import Language, PrinterProfile
from tests.services.packing_world import (
    PACKER,
    STATION,
    SUPERVISOR_PIN,
    allocated_order,
    build_pack_world,
)

LABEL_PRINTER = PrinterProfile("label", "dummy://label", Language.ZPL)


def test_a_normal_order_is_scanned_weighed_and_packed_with_its_label_queued(db: Database) -> None:
    build_pack_world(db)
    oid = allocated_order(db, "S-1", {"MUG": 2, "CUP": 1})
    view = run_write(db, p.start_packing, "S-1", station=STATION, actor=PACKER)
    assert view.state is PackState.PACKING and view.order_id == oid
    assert [(ln.sku_code, ln.quantity, ln.scanned, ln.bins) for ln in view.lines] == [
        ("MUG", 2, 0, ("A-01-01-01",)), ("CUP", 1, 0, ("A-01-01-01",))]
    assert view.lines[0].name_zh == "马克杯"
    assert view.suggested_box is not None and view.suggested_box.code == "BOX-8X6X4"

    run_write(db, p.scan_item, oid, "012345678905", actor=PACKER)  # MUG by its barcode
    run_write(db, p.scan_item, oid, "mug".upper(), actor=PACKER)
    scan = run_write(db, p.scan_item, oid, "CUP", actor=PACKER)
    assert scan.view.all_scanned and scan.sku_code == "CUP"

    # expected = 2 x 350 + 200 + 120 (8x6x4 tare) = 1020 g
    check = run_write(db, p.accept_weight, oid, weight_g=1031, stable=True, actor=PACKER)
    assert check.accepted and check.verdict is Verdict.OK
    assert (check.expected_g, check.difference_g, check.box_code) == (1020, 11, "BOX-8X6X4")
    result = run_write(db, p.complete_packing, oid, station=STATION, actor=PACKER,
                       label_printer=LABEL_PRINTER)
    assert result.transition.to_status is OrderStatus.PACKED
    (parcel,) = result.parcels
    assert (parcel.box_code, parcel.weight_g, parcel.expected_weight_g) == ("BOX-8X6X4", 1031, 1020)
    assert parcel.label_source == "warehouse" and parcel.packed_by == "packer"
    assert len(result.label_jobs) == 1 and result.label_jobs[0].status == "queued"
    with db.reading() as s:
        assert get_order(s, oid).row.status is OrderStatus.PACKED
        assert stock_by_bin(s) == []  # both SKUs left their bin
        assert reconcile_stock(s).ok
        assert [h.note for h in get_order(s, oid).history][-2] == p.PICKED_AT_STATION

    again = run_write(db, p.start_packing, "S-1", station="PACK-2", actor=PACKER)
    assert again.state is PackState.PACKED  # shown for reprint, never packed twice
    with pytest.raises(OrderAlreadyPacked):
        run_write(db, p.complete_packing, oid, station=STATION, actor=PACKER)
    reprinted = run_write(db, p.reprint_label, oid, station=STATION, actor=PACKER,
                          profile=LABEL_PRINTER)
    with db.reading() as s:
        jobs = s.query(PrintJob).order_by(PrintJob.id).all()
        assert len(jobs) == 2 and jobs[1].id == reprinted[0].id and jobs[0].pdf == jobs[1].pdf


def test_wrong_item_and_extra_units_are_refused_and_change_nothing(db: Database) -> None:
    build_pack_world(db)
    oid = allocated_order(db, "S-2", {"MUG": 1})
    run_write(db, p.start_packing, "S-2", station=STATION, actor=PACKER)
    with pytest.raises(WrongItem):
        run_write(db, p.scan_item, oid, "CUP", actor=PACKER)
    with pytest.raises(UnknownItem):
        run_write(db, p.scan_item, oid, "NOPE-123", actor=PACKER)
    with pytest.raises(ExtraUnit):
        run_write(db, p.scan_item, oid, "MUG", quantity=2, actor=PACKER)
    run_write(db, p.scan_item, oid, "MUG", actor=PACKER)
    with pytest.raises(ExtraUnit):
        run_write(db, p.scan_item, oid, "MUG", actor=PACKER)
    with db.reading() as s:
        view = p.get_pack_view(s, oid)
    assert view.lines[0].scanned == 1


def test_another_clients_unit_is_named_as_such(db: Database) -> None:
    build_pack_world(db)
    from app.services import skus as sku_svc
    from tests.world import ACTOR

    with db.writing() as s:
        sku_svc.create_sku(s, "BETA", sku_svc.SkuDraft("TEA", "Tea", weight_g=100,
                                                       barcodes=("0799999000019",)),
                           actor=ACTOR)
    oid = allocated_order(db, "S-3", {"MUG": 1})
    run_write(db, p.start_packing, "S-3", station=STATION, actor=PACKER)
    with pytest.raises(ItemOfAnotherClient, match="client BETA"):
        run_write(db, p.scan_item, oid, "0799999000019", actor=PACKER)


def test_short_order_cannot_complete_and_bad_readings_are_never_taken(db: Database) -> None:
    build_pack_world(db)
    oid = allocated_order(db, "S-4", {"MUG": 2})
    run_write(db, p.start_packing, "S-4", station=STATION, actor=PACKER)
    run_write(db, p.scan_item, oid, "MUG", actor=PACKER)
    with pytest.raises(WeightNotStable):
        run_write(db, p.accept_weight, oid, weight_g=500, stable=False, actor=PACKER)
    with pytest.raises(WeightNotPositive):
        run_write(db, p.accept_weight, oid, weight_g=-12, stable=True, actor=PACKER)
    run_write(db, p.accept_weight, oid, weight_g=470, stable=True, actor=PACKER)
    with pytest.raises(PackingIncomplete, match="1 unit"):
        run_write(db, p.complete_packing, oid, station=STATION, actor=PACKER)
    with db.reading() as s:
        assert get_order(s, oid).row.status is OrderStatus.ALLOCATED


def test_weight_out_of_tolerance_blocks_until_a_supervisor_overrides(db: Database) -> None:
    build_pack_world(db)
    oid = allocated_order(db, "S-5", {"MUG": 1})
    run_write(db, p.start_packing, "S-5", station=STATION, actor=PACKER)
    run_write(db, p.scan_item, oid, "MUG", actor=PACKER)
    # expected 350 + 120 = 470 g; tolerance max(5 % = 24, 28) = 28 g
    check = run_write(db, p.accept_weight, oid, weight_g=820, stable=True, actor=PACKER)
    assert not check.accepted and check.verdict is Verdict.OUT_OF_TOLERANCE
    assert check.error is not None and "expected 470 g" in check.error.message
    assert "+350" in check.error.message
    with pytest.raises(PackingIncomplete.__mro__[1]):  # any refusal: not weighed
        run_write(db, p.complete_packing, oid, station=STATION, actor=PACKER)
    wrong = run_write(db, p.accept_weight, oid, weight_g=820, stable=True, actor=PACKER,
                      override_pin="9999", reason="extra bubble wrap")
    assert not wrong.accepted and wrong.error is not None and wrong.error.code == "pin_rejected"
    ok = run_write(db, p.accept_weight, oid, weight_g=820, stable=True, actor=PACKER,
                   override_pin=SUPERVISOR_PIN, reason="customer asked for double wrap")
    assert ok.accepted and ok.overridden_by == "boss"
    run_write(db, p.complete_packing, oid, station=STATION, actor=PACKER)
    with db.reading() as s:
        parcel = s.query(Parcel).one()
        assert (parcel.override_by, parcel.override_reason) == (
            "boss", "customer asked for double wrap")


def test_a_second_station_is_refused_and_the_first_resumes(db: Database) -> None:
    build_pack_world(db)
    oid = allocated_order(db, "S-6", {"MUG": 1})
    run_write(db, p.start_packing, "S-6", station=STATION, actor=PACKER)
    run_write(db, p.scan_item, oid, "MUG", actor=PACKER)
    with pytest.raises(OrderBeingPacked, match="PACK-1"):
        run_write(db, p.start_packing, "S-6", station="PACK-2", actor=PACKER)
    resumed = run_write(db, p.start_packing, "S-6", station=STATION, actor=PACKER)
    assert resumed.scanned == 1
    run_write(db, p.cancel_packing, oid, actor=PACKER)
    taken = run_write(db, p.start_packing, "S-6", station="PACK-2", actor=PACKER)
    assert taken.station == "PACK-2" and taken.scanned == 0


def test_unknown_scan_is_refused(db: Database) -> None:
    build_pack_world(db)
    with pytest.raises(UnknownPackScan):
        run_write(db, p.start_packing, "XYZ-404", station=STATION, actor=PACKER)


def test_one_scan_field_takes_items_boxes_and_the_next_order(db: Database) -> None:
    build_pack_world(db)
    first = allocated_order(db, "B-1", {"MUG": 1})
    allocated_order(db, "B-2", {"CUP": 1})
    run_write(db, p.start_packing, "B-1", station=STATION, actor=PACKER)
    item = run_write(db, p.bench_scan, first, "012345678905", station=STATION, actor=PACKER)
    assert item.kind is p.BenchScanKind.ITEM and item.item is not None
    assert item.item.sku_code == "MUG" and item.view.all_scanned
    box = run_write(db, p.bench_scan, first, "BX0003", station=STATION, actor=PACKER)
    assert box.kind is p.BenchScanKind.BOX and box.view.parcels[0].box_code == "BOX-12X10X8"
    with pytest.raises(WrongItem):  # a SKU of the client, not in this order
        run_write(db, p.bench_scan, first, "CUP", station=STATION, actor=PACKER)
    nxt = run_write(db, p.bench_scan, first, "B-2", station=STATION, actor=PACKER)
    assert nxt.kind is p.BenchScanKind.ORDER and nxt.view.number == "B-2"
    with pytest.raises(UnknownPackScan):
        run_write(db, p.bench_scan, first, "???", station=STATION, actor=PACKER)
