"""Reserving stock for orders: plan with the pure domain function, book with guarded updates.

The plan is computed from a snapshot; the booking re-checks every bin with
``reserved = reserved + q WHERE on_hand - reserved >= q``. If another PC took
the stock in between, the booking fails, the savepoint rolls back and the
order is planned again from fresh numbers.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, insert, select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Bin, Client, Order, OrderLine, Reservation, Sku, StockBalance, Warehouse
from app.domain.address import region_of_state
from app.domain.allocation import AllocationPlan, BinStock, LineNeed, plan_order
from app.domain.errors import IllegalTransition, WrongClient
from app.domain.ids import BinId, OrderId, OrderLineId, SkuId, WarehouseId
from app.domain.lots import shippable
from app.domain.permissions import Actor, Permission, require
from app.domain.states import (
    ALLOCATABLE_STATES,
    SELLABLE_BIN_TYPES,
    BinType,
    OrderStatus,
)
from app.services import ledger
from app.services.dto import AllocationResult, Shortfall
from app.services.local_dates import warehouse_today
from app.services.order_states import set_status
from app.services.replenishment import replenish_after_allocation

BOOKING_ATTEMPTS = 3
#: How many backordered orders one receipt retries; the rest wait for `allocate`.
BACKORDER_RETRY_LIMIT = 200


class BookingLost(Exception):
    """Another writer reserved the planned stock first; plan again."""


def allocate_order(session: Session, order_id: int, *, actor: Actor) -> AllocationResult:
    require(actor, Permission.ALLOCATE)
    result = _allocate(session, order_id, actor)
    if result.status == OrderStatus.ALLOCATED:
        replenish_after_allocation(session, [result.order_id], actor=actor)
    return result


def _allocate(session: Session, order_id: int, actor: Actor,
              automatic: bool = False) -> AllocationResult:
    order = session.get(Order, order_id)
    if order is None:
        raise IllegalTransition(order=str(order_id), state="missing", target="allocated")
    status = OrderStatus(order.status)
    if status not in ALLOCATABLE_STATES:
        raise IllegalTransition(order=order.number, state=status.value, target="allocated")
    _claim(session, order, status)
    lines = list(session.scalars(select(OrderLine).where(OrderLine.order_id == order.id)))
    _check_owner(session, order, lines)
    needs = [LineNeed(OrderLineId(ln.id), SkuId(ln.sku_id), ln.quantity) for ln in lines]
    preferred = _preferred_warehouses(session, order.state)
    for _attempt in range(BOOKING_ATTEMPTS):
        plan = plan_order(needs, _candidates(session, needs, automatic=automatic), preferred)
        if not plan.complete:
            return _backorder(session, order, status, plan, actor)
        try:
            with session.begin_nested():
                _book(session, order.id, plan, actor)
        except BookingLost:
            continue
        set_status(
            session, order.id, order.number, status, OrderStatus.ALLOCATED, actor=actor,
            warehouse_id=plan.warehouse_id, hold_reason=None,
        )
        wh_code = session.scalar(select(Warehouse.code).where(Warehouse.id == plan.warehouse_id))
        return AllocationResult(
            OrderId(order.id), order.number, OrderStatus.ALLOCATED, wh_code,
            sum(p.quantity for p in plan.picks),
        )
    plan = plan_order(needs, _candidates(session, needs, automatic=automatic), preferred)
    return _backorder(session, order, status, plan, actor)


def _claim(session: Session, order: Order, status: OrderStatus) -> None:
    """Lock the order row for this transaction (PostgreSQL) and re-check its state.

    A second PC allocating or cancelling the same order waits here, then sees
    the new state and loses cleanly, instead of booking the same lines twice.
    """
    claimed = session.execute(
        update(Order)
        .where(Order.id == order.id, Order.status == status.value)
        .values(updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise IllegalTransition(order=order.number, state="changed", target="allocated")


def _check_owner(session: Session, order: Order, lines: list[OrderLine]) -> None:
    """One client's stock is never reserved for another's order: the lines must be its SKUs."""
    foreign = session.execute(
        select(Sku.code, Sku.client_id)
        .where(Sku.id.in_({ln.sku_id for ln in lines}), Sku.client_id != order.client_id)
        .limit(1)
    ).first()
    if foreign is not None:
        owner = session.scalar(select(Client.code).where(Client.id == foreign.client_id))
        client = session.scalar(select(Client.code).where(Client.id == order.client_id))
        raise WrongClient(sku=foreign.code, owner=owner or "?", client=client or "?")


def _preferred_warehouses(session: Session, state: str) -> list[WarehouseId]:
    region = region_of_state(state).value
    rows = session.execute(select(Warehouse.id, Warehouse.region).order_by(Warehouse.id))
    return [WarehouseId(i) for i, r in rows if r == region]


def auto_allocation_on(session: Session) -> bool:
    """Whether any active warehouse reserves stock on its own (import, sync, receipt)."""
    return session.scalar(
        select(Warehouse.id)
        .where(Warehouse.active.is_(True), Warehouse.auto_allocate.is_(True))
        .limit(1)
    ) is not None


def _candidates(session: Session, needs: list[LineNeed], *,
                automatic: bool = False) -> list[BinStock]:
    """Free stock of the needed SKUs in sellable bins of active warehouses.

    ``automatic``: allocation nobody asked for (after an import, a sync page, a receipt)
    reserves only in warehouses whose ``auto_allocate`` setting is on; a clerk's
    "Allocate" uses every active warehouse. Stock inside its SKU's "do not ship within
    N days of expiry" window (the warehouse's date) is never a candidate. The rule lives
    here, where bins become candidates, so every caller - single order or batch - keeps it
    the same way.
    """
    sku_ids = sorted({n.sku_id for n in needs})
    warehouses: ColumnElement[bool] = Warehouse.active.is_(True)
    if automatic:
        warehouses &= Warehouse.auto_allocate.is_(True)
    rows = session.execute(
        select(
            StockBalance.bin_id, Bin.warehouse_id, StockBalance.sku_id, Bin.bin_type,
            StockBalance.on_hand - StockBalance.reserved, StockBalance.received_at,
            StockBalance.expiry, Sku.expiry_window_days, Warehouse.time_zone,
        )
        .join(Bin, Bin.id == StockBalance.bin_id)
        .join(Warehouse, Warehouse.id == Bin.warehouse_id)
        .join(Sku, Sku.id == StockBalance.sku_id)
        .where(
            StockBalance.sku_id.in_(sku_ids),
            StockBalance.on_hand > StockBalance.reserved,
            Bin.active.is_(True),
            Bin.bin_type.in_([t.value for t in SELLABLE_BIN_TYPES]),
            warehouses,
        )
    )
    return [
        BinStock(BinId(b), WarehouseId(w), SkuId(s), BinType(t), int(a), r, e)
        for b, w, s, t, a, r, e, window, tz in rows
        if e is None or shippable(e, warehouse_today(tz), window)
    ]


def _book(session: Session, order_id: int, plan: AllocationPlan, actor: Actor) -> None:
    # Bins in id order: two PostgreSQL writers then lock rows in the same order (no deadlock).
    picks = sorted(plan.picks, key=lambda p: (p.bin_id, p.sku_id, p.line_id))
    for pick in picks:
        if not ledger.reserve(session, pick.bin_id, pick.sku_id, pick.quantity):
            raise BookingLost()
    now = utcnow()
    session.execute(insert(Reservation), [
        {"order_id": order_id, "order_line_id": p.line_id, "bin_id": p.bin_id,
         "sku_id": p.sku_id, "quantity": p.quantity, "created_at": now, "actor": actor.name}
        for p in picks
    ])


def _backorder(
    session: Session, order: Order, status: OrderStatus, plan: AllocationPlan, actor: Actor
) -> AllocationResult:
    codes: dict[int, str] = {
        sku_id: code
        for sku_id, code in session.execute(
            select(Sku.id, Sku.code).where(Sku.id.in_([s.sku_id for s in plan.shortages]))
        )
    }
    short = tuple(
        Shortfall(codes.get(s.sku_id, str(s.sku_id)), s.wanted, s.available)
        for s in plan.shortages
    )
    if status != OrderStatus.BACKORDERED:
        set_status(
            session, order.id, order.number, status, OrderStatus.BACKORDERED, actor=actor,
            note="; ".join(map(str, short))[:300],
        )
    return AllocationResult(
        OrderId(order.id), order.number, OrderStatus.BACKORDERED, None, 0, short
    )


def release_reservations(session: Session, order_id: int) -> int:
    """Give back every unit reserved for the order; returns how many."""
    reservations = list(
        session.scalars(
            select(Reservation)
            .where(Reservation.order_id == order_id)
            .order_by(Reservation.bin_id, Reservation.sku_id)
        )
    )
    units = 0
    for r in reservations:
        ledger.unreserve(session, r.bin_id, r.sku_id, r.quantity)
        units += r.quantity
        session.delete(r)
    session.flush()
    return units


def retry_backorders(session: Session, sku_id: int, *, actor: Actor) -> list[str]:
    """Try to allocate the oldest backordered orders that wait for ``sku_id``."""
    require(actor, Permission.ALLOCATE)
    return retry_backorders_for_new_stock(session, sku_id, actor=actor)


def retry_backorders_for_new_stock(session: Session, sku_id: int, *, actor: Actor) -> list[str]:
    """:func:`retry_backorders` as part of receiving, moving or adjusting stock.

    No permission check of its own: the stock service calling it checked the actor's,
    and reserving the new units is a consequence of that action, not a second one.
    It is automatic allocation: only warehouses with ``auto_allocate`` on give stock,
    and when none has it on, the backorders wait for a clerk's "Allocate".
    """
    if not auto_allocation_on(session):
        return []
    ids = list(
        session.scalars(
            select(Order.id)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .where(
                Order.status == OrderStatus.BACKORDERED.value,
                OrderLine.sku_id == sku_id,
            )
            .distinct()
            .order_by(Order.id)
            .limit(BACKORDER_RETRY_LIMIT)
        )
    )
    allocated: list[AllocationResult] = []
    for oid in ids:
        result = _allocate(session, oid, actor, automatic=True)
        if result.status == OrderStatus.ALLOCATED:
            allocated.append(result)
    replenish_after_allocation(session, [r.order_id for r in allocated], actor=actor)
    return [r.number for r in allocated]


def allocatable_order_ids(session: Session, *, number: str | None = None) -> list[int]:
    """Orders an `allocate` run should try, oldest first (ship-by, then arrival)."""
    stmt = select(Order.id).where(
        Order.status.in_([s.value for s in ALLOCATABLE_STATES])
    )
    if number is not None:
        stmt = select(Order.id).where(Order.number == number)
    return list(session.scalars(stmt.order_by(Order.ship_by.is_(None), Order.ship_by, Order.id)))
