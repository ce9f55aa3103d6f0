"""What one person did: the "My work" list a packer or picker checks at the end of a shift.

Read from the three trails the services already write — order status changes, stock
moves and the audit log — so nothing extra is recorded to keep it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import AuditEntry, Bin, Order, OrderStatusChange, Sku, StockMove


@dataclass(frozen=True)
class ActivityRow:
    at: datetime
    #: "order" (a status change), "stock" (a move) or "audit" (any other recorded action)
    kind: str
    #: The status reached, the move's kind, or the audit action
    action: str
    #: Order number, "SKU × qty", or the audited record
    reference: str
    detail: str = ""


def list_activity(
    session: Session, username: str, *, since: datetime, limit: int = 500
) -> list[ActivityRow]:
    """The newest ``limit`` things ``username`` did since ``since``, newest first."""
    rows: list[ActivityRow] = []
    changes = session.execute(
        select(OrderStatusChange.at, OrderStatusChange.to_status, Order.number,
               OrderStatusChange.note)
        .join(Order, Order.id == OrderStatusChange.order_id)
        .where(OrderStatusChange.actor == username, OrderStatusChange.at >= since)
        .order_by(OrderStatusChange.at.desc()).limit(limit)
    )
    rows += [ActivityRow(at, "order", status, number, note or "")
             for at, status, number, note in changes]
    from_bin, to_bin = Bin.__table__.alias("from_bin"), Bin.__table__.alias("to_bin")
    moves = session.execute(
        select(StockMove.at, StockMove.kind, Sku.code, StockMove.quantity,
               from_bin.c.code, to_bin.c.code, StockMove.reason)
        .join(Sku, Sku.id == StockMove.sku_id)
        .outerjoin(from_bin, from_bin.c.id == StockMove.from_bin_id)
        .outerjoin(to_bin, to_bin.c.id == StockMove.to_bin_id)
        .where(StockMove.actor == username, StockMove.at >= since)
        .order_by(StockMove.at.desc()).limit(limit)
    )
    rows += [ActivityRow(at, "stock", kind, f"{sku} × {qty}",
                         " → ".join(b for b in (src, dst) if b) + (f" ({why})" if why else ""))
             for at, kind, sku, qty, src, dst, why in moves]
    audits = session.execute(
        select(AuditEntry.at, AuditEntry.action, AuditEntry.entity, AuditEntry.detail)
        .where(AuditEntry.actor == username, AuditEntry.at >= since,
               AuditEntry.action != "sign_in")
        .order_by(AuditEntry.at.desc()).limit(limit)
    )
    rows += [ActivityRow(at, "audit", action, entity, detail or "")
             for at, action, entity, detail in audits]
    rows.sort(key=lambda r: r.at, reverse=True)
    return rows[:limit]
