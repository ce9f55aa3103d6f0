"""A whole shipment, told as a story: allocate, pick, pack, ship."""

import pytest

from app.domain.errors import IllegalTransition, InvalidValue
from app.domain.permissions import Actor
from app.domain.states import OrderStatus, Role
from app.services import fulfilment as f
from app.services.allocation import allocate_order
from app.services.health import reconcile_stock
from app.services.inventory import list_moves, stock_by_bin
from app.services.orders import cancel_order, get_order
from tests.world import build_world, place_order, receive

CLERK = Actor("clerk", Role.CLERK)
PICKER = Actor("picker", Role.PICKER)
PACKER = Actor("packer", Role.PACKER)


def test_an_order_walks_from_allocation_to_the_truck(db) -> None:
    build_world(db)
    receive(db, "MUG", 5)
    oid = place_order(db, "S-1", {"MUG": 2})
    with db.writing() as s:
        allocate_order(s, oid, actor=CLERK)
    with db.writing() as s:
        f.start_picking(s, oid, actor=PICKER)
    with db.writing() as s:
        f.pack_order(s, oid, actor=PACKER)
    with db.reading() as s:
        (bin_row,) = stock_by_bin(s)
        assert (bin_row.on_hand, bin_row.reserved) == (3, 0)
        assert get_order(s, oid).reservations == ()
        assert list_moves(s)[0].kind == "pick" and list_moves(s)[0].reference == "S-1"
        assert reconcile_stock(s).ok
    with pytest.raises(InvalidValue), db.writing() as s:
        f.ship_order(s, oid, carrier="UPS", tracking_number=" ", actor=PACKER)
    with db.writing() as s:
        f.ship_order(s, oid, carrier="UPS", tracking_number="1Z999AA10123456784", actor=PACKER)
    with db.reading() as s:
        detail = get_order(s, oid)
    assert detail.row.status == OrderStatus.SHIPPED
    assert detail.row.tracking_number == "1Z999AA10123456784" and detail.carrier == "UPS"
    assert [h.to_status for h in detail.history] == [
        "new", "allocated", "picking", "packed", "shipped"]
    assert [h.actor for h in detail.history][-3:] == ["picker", "packer", "packer"]


def test_steps_cannot_be_skipped_and_shipped_orders_cannot_be_cancelled(db) -> None:
    build_world(db)
    receive(db, "MUG", 5)
    oid = place_order(db, "S-2", {"MUG": 1})
    with pytest.raises(IllegalTransition), db.writing() as s:
        f.pack_order(s, oid, actor=PACKER)
    with db.writing() as s:
        allocate_order(s, oid, actor=CLERK)
        f.start_picking(s, oid, actor=PICKER)
        f.pack_order(s, oid, actor=PACKER)
        f.ship_order(s, oid, carrier="USPS", tracking_number="9400", actor=PACKER)
    with pytest.raises(IllegalTransition), db.writing() as s:
        cancel_order(s, oid, actor=CLERK)


def test_cancel_while_picking_releases_the_reservation(db) -> None:
    build_world(db)
    receive(db, "MUG", 5)
    oid = place_order(db, "S-3", {"MUG": 4})
    with db.writing() as s:
        allocate_order(s, oid, actor=CLERK)
        f.start_picking(s, oid, actor=PICKER)
    with db.writing() as s:
        cancel_order(s, oid, actor=CLERK, reason="buyer")
    with db.reading() as s:
        assert [(r.on_hand, r.reserved) for r in stock_by_bin(s)] == [(5, 0)]
        assert reconcile_stock(s).ok


def test_cancel_after_packing_puts_the_units_back_in_their_bins(db) -> None:
    build_world(db)
    receive(db, "MUG", 5)
    oid = place_order(db, "S-4", {"MUG": 2})
    with db.writing() as s:
        allocate_order(s, oid, actor=CLERK)
        f.start_picking(s, oid, actor=PICKER)
        f.pack_order(s, oid, actor=PACKER)
    with db.writing() as s:
        cancel_order(s, oid, actor=CLERK, reason="intercepted")
    with db.reading() as s:
        assert [(r.bin_code, r.on_hand, r.reserved) for r in stock_by_bin(s)] == [
            ("A-01-01-01", 5, 0)]
        assert list_moves(s)[0].kind == "return"
        assert reconcile_stock(s).ok
