"""Receiving, moving and adjusting stock: ledger and balances move together."""

import pytest

from app.domain.errors import BinInactive, InsufficientStock, InvalidValue, NotFound
from app.domain.permissions import Actor
from app.domain.states import AdjustReason, OrderStatus, Role
from app.services import inventory as inv
from app.services.health import reconcile_stock
from app.services.orders import get_order
from tests.world import ACTOR, build_world, place_order, receive


def _stock(db, sku="MUG", wh="LA1"):
    with db.reading() as s:
        rows = inv.stock_by_sku(s, sku_code=sku, warehouse_code=wh, client_code="ACME")
    return rows[0] if rows else None


def test_receive_creates_a_move_and_a_balance(db) -> None:
    build_world(db)
    receive(db, "MUG", 12)
    row = _stock(db)
    assert (row.on_hand, row.reserved, row.available) == (12, 0, 12)
    with db.reading() as s:
        moves = inv.list_moves(s)
        assert [(m.kind, m.quantity, m.to_bin, m.actor) for m in moves] == [
            ("receipt", 12, "A-01-01-01", ACTOR.name)
        ]
        assert reconcile_stock(s).ok


def test_receive_by_scanned_barcode(db) -> None:
    build_world(db)
    with db.writing() as s:
        result = inv.receive_stock(s, client_code="ACME", sku_code="012345678905",
                                   warehouse_code="LA1", bin_code="a-01-01-01", quantity=3,
                                   actor=ACTOR)
    assert result.sku_code == "MUG"


@pytest.mark.parametrize("qty", [0, -3])
def test_receive_rejects_non_positive_quantities(db, qty: int) -> None:
    build_world(db)
    with pytest.raises(InvalidValue), db.writing() as s:
        inv.receive_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                          bin_code="A-01-01-01", quantity=qty, actor=ACTOR)


def test_unknown_bin_or_sku_is_a_clear_error_and_writes_nothing(db) -> None:
    build_world(db)
    with pytest.raises(NotFound, match="Bin Z-99 was not found"), db.writing() as s:
        inv.receive_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                          bin_code="Z-99", quantity=1, actor=ACTOR)
    with pytest.raises(NotFound, match="SKU NOPE"), db.writing() as s:
        inv.receive_stock(s, client_code="ACME", sku_code="NOPE", warehouse_code="LA1",
                          bin_code="A-01-01-01", quantity=1, actor=ACTOR)
    with db.reading() as s:
        assert inv.list_moves(s) == []


def test_move_only_free_units_and_keep_ledger_in_step(db) -> None:
    build_world(db)
    receive(db, "MUG", 5)
    place_order(db, "1001", {"MUG": 4})
    with db.writing() as s:
        from app.services.allocation import allocatable_order_ids, allocate_order
        allocate_order(s, allocatable_order_ids(s)[0], actor=ACTOR)
    with pytest.raises(InsufficientStock, match="1 available, 2 wanted"), db.writing() as s:
        inv.move_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                       from_bin="A-01-01-01", to_bin="B-01-02-01", quantity=2, actor=ACTOR)
    with db.writing() as s:
        inv.move_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                       from_bin="A-01-01-01", to_bin="B-01-02-01", quantity=1, actor=ACTOR)
    with db.reading() as s:
        bins = {(r.bin_code, r.on_hand, r.reserved) for r in inv.stock_by_bin(s, sku_code="MUG")}
        assert bins == {("A-01-01-01", 4, 4), ("B-01-02-01", 1, 0)}
        assert reconcile_stock(s).ok


def test_move_to_the_same_bin_is_refused(db) -> None:
    build_world(db)
    receive(db, "MUG", 5)
    with pytest.raises(InvalidValue), db.writing() as s:
        inv.move_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                       from_bin="A-01-01-01", to_bin="A-01-01-01", quantity=1, actor=ACTOR)


def test_adjust_needs_a_reason_and_cannot_go_negative(db) -> None:
    build_world(db)
    receive(db, "MUG", 5)
    with db.writing() as s:
        inv.adjust_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                         bin_code="A-01-01-01", delta=-2, reason=AdjustReason.DAMAGED,
                         actor=ACTOR, note="crushed box")
    with pytest.raises(InsufficientStock), db.writing() as s:
        inv.adjust_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                         bin_code="A-01-01-01", delta=-4, reason=AdjustReason.LOST, actor=ACTOR)
    with pytest.raises(ValueError), db.writing() as s:
        inv.adjust_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                         bin_code="A-01-01-01", delta=1, reason="because",  # type: ignore[arg-type]
                         actor=ACTOR)
    assert _stock(db).on_hand == 3
    with db.reading() as s:
        assert next(m.reason for m in inv.list_moves(s)) == "damaged"
        assert reconcile_stock(s).ok


def test_only_sellable_bins_count_as_available(db) -> None:
    build_world(db)
    receive(db, "MUG", 4, bin_code="DMG-01")
    receive(db, "MUG", 3, bin_code="RCV-01")
    receive(db, "MUG", 2, bin_code="B-01-02-01")
    row = _stock(db)
    assert (row.on_hand, row.available) == (9, 2)


def test_receiving_retries_backorders_for_that_sku(db) -> None:
    build_world(db)
    oid = place_order(db, "1001", {"MUG": 3})
    with db.writing() as s:
        from app.services.allocation import allocate_order
        assert allocate_order(s, oid, actor=ACTOR).status == OrderStatus.BACKORDERED
    with db.writing() as s:
        result = inv.receive_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                                   bin_code="A-01-01-01", quantity=3,
                                   actor=Actor("receiver", Role.CLERK))
    assert result.allocated_orders == ("1001",)
    with db.reading() as s:
        assert get_order(s, oid).row.status == OrderStatus.ALLOCATED


def test_inactive_bins_take_no_stock(db) -> None:
    build_world(db)
    from sqlalchemy import update

    from app.db.models import Bin
    with db.writing() as s:
        s.execute(update(Bin).where(Bin.code == "B-01-02-02").values(active=False))
    with pytest.raises(BinInactive), db.writing() as s:
        inv.receive_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                          bin_code="B-01-02-02", quantity=1, actor=ACTOR)


def test_reconcile_finds_a_balance_tampered_with_outside_the_ledger(db) -> None:
    build_world(db)
    receive(db, "MUG", 5)
    from sqlalchemy import update

    from app.db.models import StockBalance
    with db.writing() as s:
        s.execute(update(StockBalance).values(on_hand=7))
    with db.reading() as s:
        report = reconcile_stock(s)
    assert not report.ok
    diff = report.differences[0]
    assert (diff.bin_code, diff.sku_code, diff.on_hand_balance, diff.on_hand_ledger) == (
        "A-01-01-01", "MUG", 7, 5)


def test_the_ledger_names_the_warehouse_of_each_move(db) -> None:
    build_world(db)
    receive(db, "MUG", 2, bin_code="A-01-01-01", wh="LA1")
    receive(db, "MUG", 3, bin_code="A-01-01-01", wh="NJ1")  # the same bin code elsewhere
    with db.reading() as s:
        moves = inv.list_moves(s)
    assert [(m.to_bin, m.warehouse_code, m.quantity) for m in moves] == [
        ("A-01-01-01", "NJ1", 3), ("A-01-01-01", "LA1", 2)]
