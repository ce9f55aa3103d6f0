"""Picked orders at the pack station: totes, cancel interception, several parcels."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models import Parcel, RestockTask, StockMove
from app.domain.permissions import Actor
from app.domain.states import OrderStatus, Role
from app.services import packing as p
from app.services import picking, waves
from app.services.health import reconcile_stock
from app.services.inventory import stock_by_bin
from app.services.orders import cancel_order, get_order, hold_order
from app.services.packing_errors import OrderStopped, ParcelNotWeighed, PickNotFinished
from app.services.packing_view import PackState
from app.services.restock import complete_restock, list_restock_tasks
from app.services.run import run_write
from app.services.wave_plan import WaveFilters
from printers.profiles import Language, PrinterProfile
from tests.services.packing_world import PACKER, STATION, allocated_order, build_pack_world

CLERK = Actor("clerk", Role.CLERK)
PICKER = Actor("picker", Role.PICKER)
LABEL_PRINTER = PrinterProfile("label", "dummy://label", Language.ZPL)


def _release(db: Database) -> str:
    """Release one wave of every allocated order; returns its (only) cart's code."""
    summary = run_write(db, waves.release_wave, "LA1", WaveFilters(), actor=CLERK)
    with db.reading() as s:
        (cart,) = waves.get_wave(s, summary.number).carts
    return cart.code


def _pick_all(db: Database, cart: str) -> None:
    view = run_write(db, picking.open_cart, cart, actor=PICKER)
    for stop in view.stops:
        run_write(db, picking.confirm_pick, stop.task_id, bin_scan=stop.bin_code,
                  item_scan=stop.sku, quantity=stop.quantity, actor=PICKER)


def _units_on_hand(db: Database) -> int:
    with db.reading() as s:
        return sum(row.on_hand for row in stock_by_bin(s))


def test_a_picked_order_is_found_by_its_tote_and_packed(db: Database) -> None:
    build_pack_world(db)
    first = allocated_order(db, "T-1", {"MUG": 1})
    second = allocated_order(db, "T-2", {"CUP": 2})
    cart = _release(db)
    with pytest.raises(PickNotFinished):  # the pick run is still under way
        run_write(db, p.start_packing, "T-2", station=STATION, actor=PACKER)
    _pick_all(db, cart)
    assert _units_on_hand(db) == 0  # the picks took the units out of their bins
    view = run_write(db, p.start_packing, f"{cart}-T2", station=STATION, actor=PACKER)
    assert view.order_id == second and view.status is OrderStatus.PICKING
    assert view.lines[0].bins == ("A-01-01-01",)
    run_write(db, p.scan_item, second, "CUP", quantity=2, actor=PACKER)
    run_write(db, p.accept_weight, second, weight_g=530, stable=True, actor=PACKER)
    run_write(db, p.complete_packing, second, station=STATION, actor=PACKER)
    # the cart's code alone names the one order on it still to pack
    assert run_write(db, p.start_packing, cart, station=STATION, actor=PACKER).order_id == first
    with db.reading() as s:
        assert get_order(s, second).row.status is OrderStatus.PACKED
        assert reconcile_stock(s).ok


def test_an_order_cancelled_mid_pack_is_stopped_and_its_units_restocked(db: Database) -> None:
    build_pack_world(db)
    oid = allocated_order(db, "C-1", {"MUG": 2, "CUP": 1})
    _pick_all(db, _release(db))
    run_write(db, p.start_packing, "C-1", station=STATION, actor=PACKER)
    run_write(db, p.scan_item, oid, "MUG", actor=PACKER)
    run_write(db, cancel_order, oid, actor=CLERK, reason="buyer cancelled")  # in the office

    with pytest.raises(OrderStopped, match="C-1 is cancelled"):  # the next scan stops
        run_write(db, p.scan_item, oid, "MUG", actor=PACKER)
    stopped = run_write(db, p.start_packing, "C-1", station=STATION, actor=PACKER)
    assert stopped.state is PackState.STOPPED and stopped.station is None
    assert stopped.parcels == ()  # the half-packed box is undone
    assert [(t.sku_code, t.quantity, t.bin_code) for t in stopped.restock_tasks] == [
        ("MUG", 2, "A-01-01-01"), ("CUP", 1, "A-01-01-01")]
    again = run_write(db, p.start_packing, "C-1", station=STATION, actor=PACKER)
    assert len(again.restock_tasks) == 2  # scanning again adds no second set
    with db.reading() as s:
        assert reconcile_stock(s).ok
    assert _units_on_hand(db) == 3  # in the ledger the units are back in their bin

    mug, cup = stopped.restock_tasks
    run_write(db, complete_restock, mug.id, bin_code="A-01-01-01", actor=PACKER)
    done = run_write(db, complete_restock, cup.id, bin_code="B-01-02-02", actor=PACKER)
    assert done.status == "done" and done.bin_code == "B-01-02-02"
    with db.reading() as s:
        assert reconcile_stock(s).ok
        assert list_restock_tasks(s) == []
        by_bin = {(r.bin_code, r.sku_code): r.on_hand for r in stock_by_bin(s)}
        assert by_bin == {("A-01-01-01", "MUG"): 2, ("B-01-02-02", "CUP"): 1}
        assert s.scalar(select(func.count()).select_from(StockMove)
                        .where(StockMove.reason == "restock")) == 1


def test_a_held_order_is_stopped_and_keeps_its_units(db: Database) -> None:
    build_pack_world(db)
    oid = allocated_order(db, "H-1", {"MUG": 1})
    _pick_all(db, _release(db))
    run_write(db, hold_order, oid, actor=CLERK, reason="address check")
    view = run_write(db, p.start_packing, "H-1", station=STATION, actor=PACKER)
    assert view.state is PackState.STOPPED and view.hold_reason == "address check"
    assert view.restock_tasks == ()
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(RestockTask)) == 0
        assert reconcile_stock(s).ok


def test_an_order_packed_in_two_parcels_gets_two_labels(db: Database) -> None:
    build_pack_world(db)
    oid = allocated_order(db, "M-1", {"MUG": 3, "CUP": 2})
    run_write(db, p.start_packing, "M-1", station=STATION, actor=PACKER)
    run_write(db, p.scan_item, oid, "MUG", quantity=3, actor=PACKER)
    run_write(db, p.choose_box, oid, "BX0003", actor=PACKER)
    first = run_write(db, p.accept_weight, oid, weight_g=1400, stable=True, actor=PACKER)
    assert first.accepted and first.expected_g == 3 * 350 + 340
    view = run_write(db, p.add_parcel, oid, actor=PACKER)
    assert view.current_parcel == 2
    again = run_write(db, p.add_parcel, oid, actor=PACKER)
    assert len(again.parcels) == 2  # an empty parcel is not doubled
    run_write(db, p.scan_item, oid, "CUP", actor=PACKER)
    run_write(db, p.scan_item, oid, "CUP", parcel_seq=2, actor=PACKER)
    with pytest.raises(ParcelNotWeighed, match="Parcel 2"):
        run_write(db, p.complete_packing, oid, station=STATION, actor=PACKER)
    second = run_write(db, p.accept_weight, oid, parcel_seq=2, weight_g=525, stable=True,
                       actor=PACKER)
    assert second.accepted and second.box_code == "BOX-8X6X4"  # the suggestion was taken
    result = run_write(db, p.complete_packing, oid, station=STATION, actor=PACKER,
                       label_printer=LABEL_PRINTER)
    assert [(x.seq, x.box_code, x.weight_g, x.units) for x in result.parcels] == [
        (1, "BOX-12X10X8", 1400, 3), (2, "BOX-8X6X4", 525, 2)]
    assert [j.reference for j in result.label_jobs] == ["M-1 1/2", "M-1 2/2"]
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Parcel)
                        .where(Parcel.status == "packed")) == 2
        assert reconcile_stock(s).ok
        hour_ago = datetime.now(UTC) - timedelta(hours=1)
        assert p.orders_packed_since(s, "packer", hour_ago) == 1  # one order, two parcels


def test_a_scan_into_a_weighed_parcel_asks_for_a_new_weight(db: Database) -> None:
    build_pack_world(db)
    oid = allocated_order(db, "R-1", {"MUG": 2})
    run_write(db, p.start_packing, "R-1", station=STATION, actor=PACKER)
    run_write(db, p.scan_item, oid, "MUG", actor=PACKER)
    run_write(db, p.accept_weight, oid, weight_g=480, stable=True, actor=PACKER)
    view = run_write(db, p.scan_item, oid, "MUG", actor=PACKER).view
    assert view.parcels[0].weight_g is None
