"""Allocating many orders in one transaction: one read of the stock, one write of the result.

:func:`app.services.allocation.allocate_order` costs a dozen statements per
order; a CLI run, the demo or a synced page of 250 new orders pays that
thousands of times. Here a batch reads every candidate bin once, plans the
orders one after another against that in-memory stock (same pure planner,
same rules, same order of precedence), then books the summed quantities per
bin with the same guarded UPDATE. If another writer took stock in between, the
booking fails, the savepoint rolls back, and the batch falls back to
allocating its orders one at a time — correctness never depends on the read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.bulk import DriverStatement
from app.db.models import Order, OrderLine, OrderStatusChange, Reservation, Sku, Warehouse
from app.domain.address import region_of_state
from app.domain.allocation import AllocationPlan, BinStock, LineNeed, plan_order
from app.domain.ids import OrderId, OrderLineId, SkuId, WarehouseId
from app.domain.permissions import Actor, Permission, require
from app.domain.states import ALLOCATABLE_STATES, OrderStatus
from app.services import ledger
from app.services.allocation import BookingLost, _allocate, _candidates, allocate_order
from app.services.dto import AllocationResult, Shortfall
from app.services.replenishment import replenish_after_allocation

_ORDERS = cast(Table, Order.__table__)
_RESERVATIONS = cast(Table, Reservation.__table__)
_HISTORY = cast(Table, OrderStatusChange.__table__)
#: Orders per transaction for callers that allocate many: big enough to amortise the
#: reads, small enough that the write lock is held for well under a second.
ALLOCATION_BATCH = 200


def allocate_orders(
    session: Session, order_ids: Sequence[int], *, actor: Actor, automatic: bool = False
) -> list[AllocationResult]:
    """Allocate the allocatable ones among ``order_ids``, in that order (oldest first).

    Orders that are no longer new or backordered (another PC got there first) are
    left out of the result; one whose lines name another client's SKU goes
    through :func:`allocate_order`, which refuses it with a clear error.
    ``automatic``: nobody asked (after an import or a sync page), so only warehouses
    with ``auto_allocate`` on give stock (see ``allocation._candidates``).
    """
    require(actor, Permission.ALLOCATE)
    orders = _lock(session, order_ids)
    if not orders:
        return []
    lines = _lines(session, [o.id for o in orders])
    foreign = _orders_with_foreign_skus(session, orders, lines)
    for order in orders:
        if order.id in foreign:
            allocate_order(session, order.id, actor=actor)  # raises WrongClient
    needs = {o.id: [LineNeed(OrderLineId(i), SkuId(s), q) for i, s, q in lines[o.id]]
             for o in orders}
    all_needs = [n for group in needs.values() for n in group]
    # What is still free, by SKU and bin; each planned order takes its picks out.
    pool: dict[int, dict[int, BinStock]] = defaultdict(dict)
    for stock in _candidates(session, all_needs, automatic=automatic):
        pool[stock.sku_id][stock.bin_id] = stock
    regions = _warehouses_by_region(session)
    plans: dict[int, AllocationPlan] = {}
    for order in orders:
        skus = {n.sku_id for n in needs[order.id]}
        candidates = [s for sku in skus for s in pool[sku].values()]
        plan = plan_order(needs[order.id], candidates,
                          regions.get(region_of_state(order.state).value, []))
        plans[order.id] = plan
        for pick in plan.picks:
            s = pool[pick.sku_id][pick.bin_id]
            pool[pick.sku_id][pick.bin_id] = replace(s, available=s.available - pick.quantity)
    try:
        with session.begin_nested():
            results = _write(session, orders, plans, actor)
    except BookingLost:  # stock moved under us (another PC): the careful path, order by order
        results = [_allocate(session, o.id, actor, automatic) for o in orders]
    replenish_after_allocation(
        session, [r.order_id for r in results if r.status == OrderStatus.ALLOCATED], actor=actor)
    return results


class _Locked:
    __slots__ = ("client_id", "id", "number", "state", "status")

    def __init__(self, id: int, number: str, status: str, state: str, client_id: int) -> None:
        self.id, self.number, self.state, self.client_id = id, number, state, client_id
        self.status = OrderStatus(status)


def _lock(session: Session, order_ids: Sequence[int]) -> list[_Locked]:
    """The batch's allocatable orders, row-locked on PostgreSQL until the commit."""
    rows = session.execute(
        select(Order.id, Order.number, Order.status, Order.state, Order.client_id)
        .where(Order.id.in_(list(order_ids)),
               Order.status.in_([s.value for s in ALLOCATABLE_STATES]))
        .order_by(Order.id)
        .with_for_update()
    ).all()
    found = {r.id: _Locked(r.id, r.number, r.status, r.state, r.client_id) for r in rows}
    return [found[i] for i in order_ids if i in found]


def _lines(session: Session, ids: list[int]) -> dict[int, list[tuple[int, int, int]]]:
    grouped: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for order_id, line_id, sku_id, qty in session.execute(
        select(OrderLine.order_id, OrderLine.id, OrderLine.sku_id, OrderLine.quantity)
        .where(OrderLine.order_id.in_(ids))
        .order_by(OrderLine.order_id, OrderLine.line_no)
    ):
        grouped[order_id].append((line_id, sku_id, qty))
    return grouped


def _orders_with_foreign_skus(session: Session, orders: list[_Locked],
                              lines: dict[int, list[tuple[int, int, int]]]) -> set[int]:
    owner = {sku_id: client_id for sku_id, client_id in session.execute(
        select(Sku.id, Sku.client_id).where(
            Sku.id.in_({s for group in lines.values() for _l, s, _q in group})))}
    return {o.id for o in orders if any(owner.get(s) != o.client_id for _l, s, _q in lines[o.id])}


def _warehouses_by_region(session: Session) -> dict[str, list[WarehouseId]]:
    regions: dict[str, list[WarehouseId]] = defaultdict(list)
    for wh_id, region in session.execute(
            select(Warehouse.id, Warehouse.region).order_by(Warehouse.id)):
        regions[region].append(WarehouseId(wh_id))
    return regions


def _write(session: Session, orders: list[_Locked], plans: dict[int, AllocationPlan],
           actor: Actor) -> list[AllocationResult]:
    booked: dict[tuple[int, int], int] = defaultdict(int)
    for plan in plans.values():
        for pick in plan.picks:
            booked[(pick.bin_id, pick.sku_id)] += pick.quantity
    for (bin_id, sku_id), qty in sorted(booked.items()):  # bin order: no PostgreSQL deadlock
        if not ledger.reserve(session, bin_id, sku_id, qty):
            raise BookingLost()
    short_skus = {s.sku_id for p in plans.values() for s in p.shortages}
    sku_codes = {i: c for i, c in session.execute(
        select(Sku.id, Sku.code).where(Sku.id.in_(short_skus)))} if short_skus else {}
    shortages = {o.id: tuple(Shortfall(sku_codes.get(s.sku_id, str(s.sku_id)), s.wanted,
                                       s.available) for s in plans[o.id].shortages)
                 for o in orders}
    _write_rows(session, orders, plans, shortages, actor)
    codes: dict[int | None, str] = {
        i: c for i, c in session.execute(select(Warehouse.id, Warehouse.code))}
    return [
        AllocationResult(
            OrderId(o.id), o.number, _target(plans[o.id]),
            codes.get(plans[o.id].warehouse_id) if plans[o.id].complete else None,
            sum(p.quantity for p in plans[o.id].picks), shortages[o.id],
        )
        for o in orders
    ]


_RESERVATION_COLUMNS = ("order_id", "order_line_id", "bin_id", "sku_id", "quantity",
                        "created_at", "actor")
_HISTORY_COLUMNS = ("order_id", "at", "from_status", "to_status", "actor", "note")
_STATUS_UPDATE = (
    update(_ORDERS)
    .where(_ORDERS.c.id == bindparam("oid"))
    .values(status=bindparam("new_status"), warehouse_id=bindparam("wh"),
            hold_reason=bindparam("no_reason"), updated_at=bindparam("now"))
)


def _write_rows(session: Session, orders: list[_Locked], plans: dict[int, AllocationPlan],
                shortages: dict[int, tuple[Shortfall, ...]], actor: Actor) -> None:
    """Reservations, order statuses and their history: one driver executemany each."""
    session.flush()
    conn = session.connection()
    reservations = DriverStatement.insert(conn, _RESERVATIONS, _RESERVATION_COLUMNS)
    stamp = reservations.processor("created_at")(utcnow())
    reservations.run([(o.id, p.line_id, p.bin_id, p.sku_id, p.quantity, stamp, actor.name)
                      for o in orders for p in plans[o.id].picks])
    moved = [o for o in orders
             if plans[o.id].complete or o.status != OrderStatus.BACKORDERED]
    if not moved:
        return
    values = {o.id: _target(plans[o.id]).value for o in moved}
    statuses = DriverStatement.of(conn, _STATUS_UPDATE,
                                  ("oid", "new_status", "wh", "no_reason", "now"))
    statuses.run([(o.id, values[o.id], plans[o.id].warehouse_id, None, stamp) for o in moved])
    history = DriverStatement.insert(conn, _HISTORY, _HISTORY_COLUMNS)
    history.run([(o.id, stamp, o.status.value, values[o.id], actor.name,
                  "; ".join(map(str, shortages[o.id]))[:300] or None) for o in moved])


def _target(plan: AllocationPlan) -> OrderStatus:
    return OrderStatus.ALLOCATED if plan.complete else OrderStatus.BACKORDERED
