"""How fast SKUs leave: units shipped per SKU over the last days.

Shared by days of cover (:mod:`app.services.stock_cover`, 30 days) and the ABC classes
of cycle counts (:mod:`app.services.counts`, 90 days). A unit counts as shipped when it
left its bin by a ``pick`` move of an order that went on to be packed (packed, shipped,
in transit, delivered or returned since - not one cancelled or sent back to backordered
after picking), or by a ``shipment`` move. The move's time decides the day.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Bin, Order, StockMove
from app.domain.states import MoveKind, OrderStatus

#: Orders whose picked units really left: packed or any state after it.
SHIPPED_STATES = frozenset({OrderStatus.PACKED, OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT,
                            OrderStatus.DELIVERED, OrderStatus.RETURNED})


def shipped_units(session: Session, *, days: int, warehouse_id: int | None = None,
                  sku_ids: list[int] | None = None, now: datetime | None = None,
                  ) -> dict[int, int]:
    """SKU id -> units shipped in the ``days`` before ``now`` (see the module)."""
    since = (now or utcnow()) - timedelta(days=days)
    M = StockMove
    stmt = (select(M.sku_id, func.sum(M.quantity))
            .outerjoin(Order, Order.id == M.order_id)
            .where(M.at >= since, M.from_bin_id.is_not(None), M.to_bin_id.is_(None),
                   or_(M.kind == MoveKind.SHIPMENT.value,
                       and_(M.kind == MoveKind.PICK.value,
                            Order.status.in_([s.value for s in SHIPPED_STATES]))))
            .group_by(M.sku_id))
    if now is not None:
        stmt = stmt.where(M.at <= now)
    if warehouse_id is not None:
        stmt = stmt.join(Bin, Bin.id == M.from_bin_id).where(Bin.warehouse_id == warehouse_id)
    if sku_ids is not None:
        stmt = stmt.where(M.sku_id.in_(sku_ids))
    return {int(sku): int(qty) for sku, qty in session.execute(stmt)}
