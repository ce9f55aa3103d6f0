"""Moving an allocated order out of the building: start picking, pack, ship.

Packing consumes the reservations: the units leave their bins in the ledger
(``pick`` moves) in the same transaction as the state change, so a balance
never counts goods that are already in a box. Pick-list routing, pack-station
scanning and weighing build on these steps in their own screens.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Order, Reservation, StockBalance, StockMove
from app.domain.errors import InvalidValue, NotFound
from app.domain.ids import OrderId
from app.domain.permissions import Actor, Permission, require
from app.domain.picking import PUT_BACK_REASON
from app.domain.states import MoveKind, OrderStatus
from app.services import ledger
from app.services.dto import TransitionResult
from app.services.order_states import set_status
from app.services.push_outbox import enqueue_tracking


def _get(session: Session, order_id: int) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise NotFound(kind="Order", key=str(order_id))
    return order


def start_picking(session: Session, order_id: int, *, actor: Actor) -> TransitionResult:
    require(actor, Permission.PICK)
    order = _get(session, order_id)
    current = OrderStatus(order.status)
    set_status(session, order.id, order.number, current, OrderStatus.PICKING, actor=actor)
    return TransitionResult(OrderId(order.id), order.number, current, OrderStatus.PICKING)


def pack_order(session: Session, order_id: int, *, actor: Actor) -> TransitionResult:
    """Picked and packed: reserved units leave their bins (ledger ``pick`` moves)."""
    require(actor, Permission.PACK)
    order = _get(session, order_id)
    current = OrderStatus(order.status)
    set_status(session, order.id, order.number, current, OrderStatus.PACKED, actor=actor)
    reservations = list(session.scalars(
        select(Reservation).where(Reservation.order_id == order.id)
        .order_by(Reservation.bin_id, Reservation.sku_id)
    ))
    for r in reservations:
        consumed = session.execute(
            update(StockBalance)
            .where(StockBalance.bin_id == r.bin_id, StockBalance.sku_id == r.sku_id,
                   StockBalance.reserved >= r.quantity, StockBalance.on_hand >= r.quantity)
            .values(on_hand=StockBalance.on_hand - r.quantity,
                    reserved=StockBalance.reserved - r.quantity)
            .execution_options(synchronize_session=False)
        )
        if consumed.rowcount != 1:  # type: ignore[attr-defined]
            raise RuntimeError(f"reservation {r.id} of order {order.number} is not on hand")
        ledger.record_move(session, sku_id=r.sku_id, quantity=r.quantity, kind=MoveKind.PICK,
                           actor=actor, from_bin_id=r.bin_id, reference=order.number,
                           order_id=order.id)
    session.execute(delete(Reservation).where(Reservation.order_id == order.id))
    return TransitionResult(OrderId(order.id), order.number, current, OrderStatus.PACKED)


def ship_order(session: Session, order_id: int, *, carrier: str, tracking_number: str,
               actor: Actor) -> TransitionResult:
    """Handed to the carrier: record carrier and tracking number."""
    require(actor, Permission.SHIP)
    carrier, tracking = carrier.strip(), tracking_number.strip()
    if not carrier:
        raise InvalidValue(field="carrier", problem="must not be empty")
    if not tracking:
        raise InvalidValue(field="tracking number", problem="must not be empty")
    order = _get(session, order_id)
    current = OrderStatus(order.status)
    set_status(session, order.id, order.number, current, OrderStatus.SHIPPED, actor=actor,
               carrier=carrier, tracking_number=tracking)
    enqueue_tracking(session, order.id, carrier, tracking)
    return TransitionResult(OrderId(order.id), order.number, current, OrderStatus.SHIPPED)


def restock_picked_units(session: Session, order_id: int, *, actor: Actor) -> int:
    """Put the units of a cancelled, already packed order back where they were picked.

    Returns how many units went back (0 for an order that was never packed).
    """
    require(actor, Permission.ADJUST_STOCK)
    return restock_cancelled_order(session, order_id, actor=actor)


def restock_cancelled_order(session: Session, order_id: int, *, actor: Actor) -> int:
    """:func:`restock_picked_units` as part of cancelling the order.

    No permission check of its own: :func:`app.services.orders.cancel_order` checked
    the actor's, and putting the units back is part of that action.
    """
    picked = session.execute(
        select(StockMove.from_bin_id, StockMove.sku_id, func.sum(StockMove.quantity))
        .where(StockMove.order_id == order_id, StockMove.kind == MoveKind.PICK.value)
        .group_by(StockMove.from_bin_id, StockMove.sku_id)
        .order_by(StockMove.from_bin_id, StockMove.sku_id)
    ).all()
    # units a short pick already put back to their bins (app/services/picking.py)
    put_back = {
        (bin_id, sku_id): int(qty) for bin_id, sku_id, qty in session.execute(
            select(StockMove.to_bin_id, StockMove.sku_id, func.sum(StockMove.quantity))
            .where(StockMove.order_id == order_id, StockMove.kind == MoveKind.RETURN.value,
                   StockMove.reason == PUT_BACK_REASON)
            .group_by(StockMove.to_bin_id, StockMove.sku_id))
    }
    number = session.scalar(select(Order.number).where(Order.id == order_id))
    units = 0
    for from_bin, sku_id, total in picked:
        bin_id = cast(int, from_bin)  # pick moves always leave a bin
        qty = int(total) - put_back.get((bin_id, sku_id), 0)
        if qty <= 0:
            continue
        ledger.add_on_hand(session, bin_id, sku_id, int(qty), utcnow())
        ledger.record_move(session, sku_id=sku_id, quantity=int(qty), kind=MoveKind.RETURN,
                           actor=actor, to_bin_id=bin_id, reason="cancelled_after_packing",
                           reference=number, order_id=order_id)
        units += int(qty)
    return units
