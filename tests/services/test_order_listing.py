"""The orders list is newest first by order date (not by when a row was inserted).

Imports and platform syncs insert orders in any date order: a file of last week's orders
imported today must not sit above this morning's. Orders of the same second keep a stable
order (newest id first), also across pages.
"""

from __future__ import annotations

from datetime import UTC, datetime

from app.db.engine import Database
from app.domain.order_value import IncomingOrder, OrderLine, ShipTo
from app.domain.states import OrderStatus
from app.services import orders as order_svc
from app.services.allocation import allocate_order
from tests.world import ACTOR, build_world, receive

# Inserted in this order (ids ascending); the dates say how the list must read.
PLACED = [
    ("OLD-1", datetime(2026, 11, 2, 9, 0, tzinfo=UTC)),
    ("NEW-1", datetime(2026, 11, 20, 15, 0, tzinfo=UTC)),
    ("MID-1", datetime(2026, 11, 10, 8, 30, tzinfo=UTC)),
    ("TIE-A", datetime(2026, 11, 15, 12, 0, tzinfo=UTC)),
    ("TIE-B", datetime(2026, 11, 15, 12, 0, tzinfo=UTC)),
    ("OLDEST", datetime(2026, 10, 30, 23, 59, tzinfo=UTC)),
    ("TIE-C", datetime(2026, 11, 15, 12, 0, tzinfo=UTC)),
]
NEWEST_FIRST = ["NEW-1", "TIE-C", "TIE-B", "TIE-A", "MID-1", "OLD-1", "OLDEST"]


def _place_all(db: Database) -> dict[str, int]:
    build_world(db)
    ids = {}
    for number, ordered in PLACED:
        draft = IncomingOrder(
            number=number, order_date=ordered,
            ship_to=ShipTo(name="Jane Doe", address1="5 Elm St", city="Fresno", state="CA",
                           zip="93721"),
            lines=(OrderLine("MUG", 1),))
        with db.writing() as s:
            ids[number] = int(order_svc.create_order(s, "ACME", draft, actor=ACTOR))
    return ids


def test_list_is_newest_order_date_first_with_ties_by_newest_id(db: Database) -> None:
    _place_all(db)
    with db.reading() as s:
        assert [r.number for r in order_svc.list_orders(s, order_svc.OrderQuery())] == \
            NEWEST_FIRST
        buyer = order_svc.list_orders(s, order_svc.OrderQuery(search="jane"))
        assert [r.number for r in buyer] == NEWEST_FIRST  # the search keeps the order too


def test_pages_continue_after_the_last_key_even_inside_a_tie(db: Database) -> None:
    _place_all(db)
    seen: list[str] = []
    after = None
    with db.reading() as s:
        for _ in range(len(PLACED)):  # pages of 2 cut the three tied orders apart
            keys = order_svc.list_order_keys(s, order_svc.OrderQuery(), after=after, limit=2)
            if not keys:
                break
            seen += [r.number for r in order_svc.load_order_rows(s, [k.id for k in keys])]
            after = keys[-1]
    assert seen == NEWEST_FIRST


def test_status_filter_and_scanned_number_follow_the_same_order(db: Database) -> None:
    ids = _place_all(db)
    receive(db, "MUG", 2)
    with db.writing() as s:
        for number in ("OLD-1", "TIE-B"):
            allocate_order(s, ids[number], actor=ACTOR)
    allocated = order_svc.OrderQuery(statuses=(OrderStatus.ALLOCATED,))
    with db.reading() as s:
        assert [r.number for r in order_svc.list_orders(s, allocated)] == ["TIE-B", "OLD-1"]
        rows = order_svc.find_orders_by_number(s, order_svc.OrderQuery(search="TIE-C"))
        assert [r.number for r in rows] == ["TIE-C"]
