"""Orders through their life cycle: allocate, hold, release, cancel, with history."""

from datetime import date

import pytest

from app.domain.errors import AlreadyExists, IllegalTransition, NotFound, WrongClient
from app.domain.permissions import Actor
from app.domain.states import OrderStatus, Role
from app.services import orders as o
from app.services.allocation import allocate_order
from app.services.dto import Shortfall
from app.services.health import reconcile_stock
from app.services.inventory import stock_by_bin
from tests.world import ACTOR, build_world, place_order, receive

S = OrderStatus


def _detail(db, oid):
    with db.reading() as s:
        return o.get_order(s, oid)


def test_allocation_reserves_bins_and_records_who(db) -> None:
    build_world(db)
    receive(db, "MUG", 2, bin_code="A-01-01-01")
    receive(db, "MUG", 10, bin_code="B-01-02-01")
    receive(db, "CUP", 5, bin_code="A-01-01-02")
    oid = place_order(db, "1001", {"MUG": 3, "CUP": 1})
    with db.writing() as s:
        result = allocate_order(s, oid, actor=Actor("alice", Role.CLERK))
    assert (result.status, result.warehouse_code, result.reserved_units) == (S.ALLOCATED, "LA1", 4)
    d = _detail(db, oid)
    assert {(r.sku_code, r.bin_code, r.quantity) for r in d.reservations} == {
        ("MUG", "B-01-02-01", 3), ("CUP", "A-01-01-02", 1)}
    assert [(h.from_status, h.to_status, h.actor) for h in d.history] == [
        (None, "new", ACTOR.name), ("new", "allocated", "alice")]


def test_short_stock_backorders_without_reserving_anything(db) -> None:
    build_world(db)
    receive(db, "MUG", 5)
    oid = place_order(db, "1001", {"MUG": 2, "CUP": 1})
    with db.writing() as s:
        result = allocate_order(s, oid, actor=ACTOR)
    assert result.status == S.BACKORDERED and result.shortages == (Shortfall("CUP", 1, 0),)
    with db.reading() as s:
        assert [r.reserved for r in stock_by_bin(s)] == [0]


def test_one_clients_stock_is_never_reserved_for_another(db) -> None:
    build_world(db)
    receive(db, "MUG", 5, client="BETA")
    oid = place_order(db, "1001", {"MUG": 1}, client="ACME")
    with db.writing() as s:
        assert allocate_order(s, oid, actor=ACTOR).status == S.BACKORDERED


def test_an_order_line_with_another_clients_sku_is_refused(db) -> None:
    build_world(db)
    receive(db, "MUG", 5, client="BETA")
    oid = place_order(db, "1001", {"MUG": 1}, client="ACME")
    from sqlalchemy import select, update

    from app.db.models import OrderLine, Sku
    with db.writing() as s:  # simulate a corrupted line pointing at BETA's SKU
        beta = s.scalar(select(Sku.id).where(Sku.name_en == "Beta mug"))
        s.execute(update(OrderLine).values(sku_id=beta))
    with pytest.raises(WrongClient), db.writing() as s:
        allocate_order(s, oid, actor=ACTOR)


def test_nearest_warehouse_wins_when_both_have_stock(db) -> None:
    build_world(db)
    receive(db, "MUG", 5, wh="LA1")
    receive(db, "MUG", 5, wh="NJ1")
    west = place_order(db, "W1", {"MUG": 1}, state="WA")
    east = place_order(db, "E1", {"MUG": 1}, state="NY")
    with db.writing() as s:
        assert allocate_order(s, west, actor=ACTOR).warehouse_code == "LA1"
        assert allocate_order(s, east, actor=ACTOR).warehouse_code == "NJ1"


def test_cancel_releases_reservations(db) -> None:
    build_world(db)
    receive(db, "MUG", 5)
    oid = place_order(db, "1001", {"MUG": 5})
    with db.writing() as s:
        allocate_order(s, oid, actor=ACTOR)
    with db.writing() as s:
        o.cancel_order(s, oid, actor=Actor("bob", Role.CLERK), reason="buyer asked")
    d = _detail(db, oid)
    assert d.row.status == S.CANCELLED and d.reservations == ()
    assert d.history[-1].note == "buyer asked" and d.history[-1].actor == "bob"
    with db.reading() as s:
        assert [r.reserved for r in stock_by_bin(s)] == [0]
        assert reconcile_stock(s).ok


def test_cancelled_order_cannot_be_allocated_or_cancelled_again(db) -> None:
    build_world(db)
    oid = place_order(db, "1001", {"MUG": 1})
    with db.writing() as s:
        o.cancel_order(s, oid, actor=ACTOR)
    with pytest.raises(IllegalTransition, match="1001 is cancelled"), db.writing() as s:
        allocate_order(s, oid, actor=ACTOR)
    with pytest.raises(IllegalTransition), db.writing() as s:
        o.cancel_order(s, oid, actor=ACTOR)


def test_hold_keeps_reservations_and_release_returns_to_the_held_state(db) -> None:
    build_world(db)
    receive(db, "MUG", 5)
    oid = place_order(db, "1001", {"MUG": 2})
    with db.writing() as s:
        allocate_order(s, oid, actor=ACTOR)
        o.hold_order(s, oid, actor=ACTOR, reason="address check")
    d = _detail(db, oid)
    assert d.row.status == S.ON_HOLD and d.row.hold_reason == "address check"
    assert sum(r.quantity for r in d.reservations) == 2
    with db.writing() as s:
        result = o.release_order(s, oid, actor=ACTOR)
    assert result.to_status == S.ALLOCATED
    assert _detail(db, oid).row.hold_reason is None


def test_release_of_an_order_not_on_hold_is_an_error_not_a_no_op(db) -> None:
    build_world(db)
    oid = place_order(db, "1001", {"MUG": 1})
    with pytest.raises(IllegalTransition), db.writing() as s:
        o.release_order(s, oid, actor=ACTOR)


def test_duplicate_order_numbers_per_client(db) -> None:
    build_world(db)
    place_order(db, "1001", {"MUG": 1})
    with pytest.raises(AlreadyExists):
        place_order(db, "1001", {"MUG": 1})
    place_order(db, "1001", {"MUG": 1}, client="BETA")  # another seller may reuse it


def test_unknown_sku_is_refused(db) -> None:
    build_world(db)
    with pytest.raises(NotFound, match="NOPE"):
        place_order(db, "1001", {"NOPE": 1})


def test_list_filter_search_and_counts(db) -> None:
    build_world(db)
    receive(db, "MUG", 1)
    a = place_order(db, "A-1", {"MUG": 1})
    place_order(db, "A-2", {"CUP": 2})
    place_order(db, "B-1", {"MUG": 1}, client="BETA")
    with db.writing() as s:
        allocate_order(s, a, actor=ACTOR)
    with db.reading() as s:
        assert [r.number for r in o.list_orders(s, o.OrderQuery())] == ["B-1", "A-2", "A-1"]
        assert [r.number for r in o.list_orders(s, o.OrderQuery(statuses=(S.NEW,)))] == [
            "B-1", "A-2"]
        assert [r.number for r in o.list_orders(s, o.OrderQuery(search="A-2"))] == ["A-2"]
        assert {r.number for r in o.list_orders(s, o.OrderQuery(search="CUP"))} == {"A-2"}
        assert len(o.list_orders(s, o.OrderQuery(search="jane"))) == 3
        assert o.list_orders(s, o.OrderQuery(search="50%_")) == []
        assert o.count_orders_by_status(s, o.OrderQuery(statuses=(S.NEW,))) == {
            S.NEW: 2, S.ALLOCATED: 1}
        assert o.list_orders(s, o.OrderQuery(date_from=date(2026, 11, 21))) == []
        assert len(o.list_orders(s, o.OrderQuery(date_to=date(2026, 11, 20)))) == 3
        first = o.list_order_keys(s, o.OrderQuery(), limit=2)
        rest = o.list_order_ids(s, o.OrderQuery(), after=first[-1], limit=2)
        assert len(first) == 2 and len(rest) == 1 and rest[0] < first[-1].id
        rows = o.load_order_rows(s, [k.id for k in first])
        assert [r.id for r in rows] == [k.id for k in first] and rows[0].units >= 1


def test_scanning_an_order_or_tracking_number_takes_the_indexed_path(db) -> None:
    build_world(db)
    a = place_order(db, "SCAN-1", {"MUG": 2, "CUP": 1})
    place_order(db, "SCAN-2", {"MUG": 1}, client="BETA")
    from sqlalchemy import update

    from app.db.models import Order
    with db.writing() as s:
        s.execute(update(Order).where(Order.id == a).values(tracking_number="1Z999"))
    with db.reading() as s:
        rows = o.find_orders_by_number(s, o.OrderQuery(search="SCAN-1"))
        assert [(r.number, r.client_code, r.units) for r in rows] == [("SCAN-1", "ACME", 3)]
        assert rows == o.load_order_rows(s, [a])  # the same row as the general path
        assert [r.number for r in o.find_orders_by_number(s, o.OrderQuery(search="1Z999"))] == [
            "SCAN-1"]
        beta = o.OrderQuery(search="SCAN-1", client_id=2)
        assert o.find_orders_by_number(s, beta) == []
        assert o.find_orders_by_number(s, o.OrderQuery(search="SCAN-1", statuses=(S.NEW,)))
        assert o.find_orders_by_number(s, o.OrderQuery(
            search="SCAN-1", date_from=date(2026, 11, 21))) == []
        assert o.find_orders_by_number(s, o.OrderQuery(search="jane")) == []
