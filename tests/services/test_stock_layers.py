"""FIFO layers follow the ledger: receipts, returns and found units start a layer, units
leaving the warehouse draw down the oldest, transfers inside it change nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from app.db.models import Bin, Sku, StockBalance, StockLot, StockMove, Warehouse
from app.domain.states import AdjustReason, MoveKind
from app.services import inventory as inv
from app.services import ledger
from app.services.allocation import allocate_order
from app.services.fulfilment import pack_order, start_picking
from app.services.stock_layers import follow_move
from tests.services.layers_check import assert_stock_true
from tests.world import ACTOR, build_world, place_order, receive


def _layers(db, sku="MUG", wh="LA1"):
    with db.reading() as s:
        return [(r.source, r.quantity, r.remaining, r.lot) for r in s.scalars(
            select(StockLot).join(Sku, Sku.id == StockLot.sku_id)
            .join(Warehouse, Warehouse.id == StockLot.warehouse_id)
            .where(Sku.code == sku, Warehouse.code == wh).order_by(StockLot.id))]


def _ids(db, sku="MUG", wh="LA1", bin_code="A-01-01-01"):
    with db.reading() as s:
        w = s.scalar(select(Warehouse.id).where(Warehouse.code == wh))
        b = s.scalar(select(Bin.id).where(Bin.warehouse_id == w, Bin.code == bin_code))
        k = s.scalar(select(Sku.id).where(Sku.code == sku, Sku.client_id == 1))
    return w, b, k


def test_receipt_starts_a_layer_for_the_client_warehouse_and_reference(db) -> None:
    build_world(db)
    with db.writing() as s:
        inv.receive_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                          bin_code="B-01-02-01", quantity=7, actor=ACTOR, reference="PO-9")
    with db.reading() as s:
        lot = s.scalars(select(StockLot)).one()
        move = s.scalars(select(StockMove)).one()
        client = s.scalar(select(Sku.client_id).where(Sku.id == lot.sku_id))
        assert (lot.source, lot.reference, lot.quantity, lot.remaining, lot.move_id) == (
            "receipt", "PO-9", 7, 7, move.id)
        assert lot.client_id == client
    assert_stock_true(db)


def test_transfers_inside_a_warehouse_leave_layers_alone_and_picks_take_oldest_first(db):
    build_world(db)
    receive(db, "MUG", 5)
    receive(db, "MUG", 4, bin_code="B-01-02-01")
    with db.writing() as s:
        inv.move_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                       from_bin="B-01-02-01", to_bin="A-01-01-02", quantity=4, actor=ACTOR)
    assert _layers(db) == [("receipt", 5, 5, None), ("receipt", 4, 4, None)]
    oid = place_order(db, "O-1", {"MUG": 7})
    with db.writing() as s:
        allocate_order(s, oid, actor=ACTOR)
    with db.writing() as s:
        start_picking(s, oid, actor=ACTOR)
        pack_order(s, oid, actor=ACTOR)
    assert _layers(db) == [("receipt", 5, 0, None), ("receipt", 4, 2, None)]
    assert_stock_true(db)


def test_adjustments_found_start_a_layer_and_write_offs_draw_down(db) -> None:
    build_world(db)
    receive(db, "MUG", 3)
    with db.writing() as s:
        inv.adjust_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                         bin_code="A-01-01-01", delta=2, reason=AdjustReason.FOUND, actor=ACTOR)
    with db.writing() as s:
        inv.adjust_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                         bin_code="A-01-01-01", delta=-4, reason=AdjustReason.DAMAGED,
                         actor=ACTOR)
    assert _layers(db) == [("receipt", 3, 0, None), ("adjustment", 2, 1, None)]
    assert_stock_true(db)


def test_a_lot_tracked_move_draws_its_own_lot_first(db) -> None:
    build_world(db)
    _w, bin_id, sku_id = _ids(db)
    with db.writing() as s:
        for lot, qty in (("L1", 3), ("L2", 4)):
            ledger.add_on_hand(s, bin_id, sku_id, qty, datetime.now(UTC))
            ledger.record_move(s, sku_id=sku_id, quantity=qty, kind=MoveKind.RECEIPT,
                               actor=ACTOR, to_bin_id=bin_id, lot=lot,
                               expiry=date(2027, 6, 1))
    with db.writing() as s:
        ledger.take_free(s, bin_id, sku_id, 5)
        ledger.record_move(s, sku_id=sku_id, quantity=5, kind=MoveKind.SHIPMENT, actor=ACTOR,
                           from_bin_id=bin_id, lot="L2")
    assert _layers(db) == [("receipt", 3, 2, "L1"), ("receipt", 4, 0, "L2")]
    with db.reading() as s:
        assert set(s.scalars(select(StockLot.expiry))) == {date(2027, 6, 1)}
        assert s.scalar(select(StockMove.lot).where(StockMove.kind == "shipment")) == "L2"
    assert_stock_true(db)


def test_units_written_off_right_after_they_came_in_take_their_own_layer(db) -> None:
    build_world(db)
    receive(db, "MUG", 6)
    _w, _b, sku_id = _ids(db)
    _w, dmg, _k = _ids(db, bin_code="DMG-01")
    with db.writing() as s:
        ledger.add_on_hand(s, dmg, sku_id, 2, datetime.now(UTC))
        came = ledger.record_move(s, sku_id=sku_id, quantity=2, kind=MoveKind.RETURN,
                                  actor=ACTOR, to_bin_id=dmg)
        ledger.take_free(s, dmg, sku_id, 2)
        ledger.record_move(s, sku_id=sku_id, quantity=2, kind=MoveKind.ADJUSTMENT, actor=ACTOR,
                           from_bin_id=dmg, reason="damaged", draw_move_id=came)
    assert _layers(db) == [("receipt", 6, 6, None), ("return", 2, 0, None)]
    assert_stock_true(db)


def test_stock_from_before_layers_is_drawn_without_error(db) -> None:
    """A database from before the layers: balances without lots. Units leaving take what
    layers there are and stop; nothing fails, layers never exceed on hand."""
    build_world(db)
    _w, bin_id, sku_id = _ids(db)
    with db.writing() as s:
        ledger.add_on_hand(s, bin_id, sku_id, 10, datetime(2025, 1, 2, tzinfo=UTC))
        s.add(StockMove(sku_id=sku_id, to_bin_id=bin_id, quantity=10, kind="receipt",
                        actor="old"))
    receive(db, "MUG", 3)
    with db.writing() as s:
        inv.adjust_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                         bin_code="A-01-01-01", delta=-5, reason=AdjustReason.LOST, actor=ACTOR)
    assert _layers(db) == [("receipt", 3, 0, None)]
    with db.reading() as s:
        assert s.scalar(select(StockBalance.on_hand)) == 8


def test_the_layer_is_dated_by_the_warehouse_local_day(db) -> None:
    """03:30 UTC on 2 March is still 1 March in Los Angeles."""
    build_world(db)
    _w, bin_id, sku_id = _ids(db)
    with db.writing() as s:
        move = ledger.record_move(s, sku_id=sku_id, quantity=1, kind=MoveKind.RECEIPT,
                                  actor=ACTOR, to_bin_id=bin_id)
        s.execute(StockLot.__table__.delete())
        follow_move(s, move_id=move, at=datetime(2026, 3, 2, 3, 30, tzinfo=UTC),
                    sku_id=sku_id, quantity=1, kind=MoveKind.RECEIPT, from_bin_id=None,
                    to_bin_id=bin_id, reference=None, lot=None, expiry=None)
    with db.reading() as s:
        assert s.scalar(select(StockLot.received_on)) == date(2026, 3, 1)


def test_a_move_between_warehouses_leaves_one_and_enters_the_other(db) -> None:
    build_world(db)
    receive(db, "MUG", 4)
    _w, la_bin, sku_id = _ids(db)
    _w, nj_bin, _k = _ids(db, wh="NJ1")
    with db.writing() as s:
        ledger.take_free(s, la_bin, sku_id, 4)
        ledger.add_on_hand(s, nj_bin, sku_id, 4, datetime.now(UTC))
        ledger.record_move(s, sku_id=sku_id, quantity=4, kind=MoveKind.TRANSFER, actor=ACTOR,
                           from_bin_id=la_bin, to_bin_id=nj_bin)
    assert _layers(db) == [("receipt", 4, 0, None)]
    assert _layers(db, wh="NJ1") == [("transfer", 4, 4, None)]
    assert_stock_true(db)
