"""Moving an order between states: checked against the table, guarded, recorded."""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Order, OrderStatusChange
from app.domain.errors import IllegalTransition
from app.domain.permissions import Actor
from app.domain.states import OrderStatus, check_order_transition


def set_status(
    session: Session,
    order_id: int,
    number: str,
    current: OrderStatus,
    target: OrderStatus,
    *,
    actor: Actor,
    note: str | None = None,
    **values: object,
) -> None:
    """Change the status if it is still ``current``; raise if another writer moved it first.

    The ``WHERE status = current`` guard makes the check-then-write atomic: of two
    pack stations acting on one order, only one wins; the other gets a clear error
    and its whole transaction rolls back.
    """
    check_order_transition(number, current, target)
    result = session.execute(
        update(Order)
        .where(Order.id == order_id, Order.status == current.value)
        .values(status=target.value, updated_at=utcnow(), **values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        now = session.scalar(select(Order.status).where(Order.id == order_id))
        raise IllegalTransition(order=number, state=now or "missing", target=target.value)
    session.execute(
        insert(OrderStatusChange).values(
            order_id=order_id, at=utcnow(), from_status=current.value,
            to_status=target.value, actor=actor.name, note=note,
        )
    )


def record_created(session: Session, order_id: int, status: OrderStatus, actor: Actor) -> None:
    session.add(
        OrderStatusChange(
            order_id=order_id, at=utcnow(), from_status=None, to_status=status.value,
            actor=actor.name, note=None,
        )
    )


def status_before_hold(session: Session, order_id: int) -> OrderStatus:
    """The state an on-hold order was held in, from its history."""
    prev = session.scalar(
        select(OrderStatusChange.from_status)
        .where(
            OrderStatusChange.order_id == order_id,
            OrderStatusChange.to_status == OrderStatus.ON_HOLD.value,
        )
        .order_by(OrderStatusChange.id.desc())
        .limit(1)
    )
    return OrderStatus(prev) if prev else OrderStatus.NEW
