"""Flagged seller labels, resolved by a clerk: listed, accepted with a reason, or discarded.

A seller label whose tracking number another order's label (or bought label) carries is
stored flagged (:mod:`app.services.seller_labels`) and refuses to print until someone
decides: *accept* when it is right after all (say, the seller sent a reprint of the same
parcel: the flag is cleared and the reason kept in the audit log), *discard* when it is
wrong (the label is removed; the order falls back to its bought or the warehouse's own
label, and the other orders' labels are flagged only for what still clashes).

Listing needs the right to print labels; deciding needs the right to change orders, since
it decides which parcel travels under the tracking number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import LabelPurchase, Order, OrderLabel
from app.domain.errors import NotFound
from app.domain.label_errors import AcceptReasonMissing, LabelNotFlagged
from app.domain.permissions import Actor, Permission, require
from app.services.audit import record_audit
from app.services.seller_labels import LabelFlag, read_flag, stored_flag


@dataclass(frozen=True)
class FlaggedSellerLabel:
    """One flagged label as the clerk sees it: whose it is and which orders it clashes with."""

    id: int
    order_number: str
    tracking_number: str | None
    flag: LabelFlag
    others: tuple[str, ...]
    source_file: str
    imported_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "order_number": self.order_number,
                "tracking_number": self.tracking_number, "flag": self.flag.value,
                "others": list(self.others), "source_file": self.source_file,
                "imported_at": self.imported_at.isoformat()}


@dataclass(frozen=True)
class LabelDecision:
    """What accepting or discarding did: ``cleared`` are other labels no longer flagged."""

    id: int
    order_number: str
    tracking_number: str | None
    action: str
    cleared: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "order_number": self.order_number,
                "tracking_number": self.tracking_number, "action": self.action,
                "cleared": list(self.cleared)}


def list_flagged_labels(session: Session, *, actor: Actor) -> list[FlaggedSellerLabel]:
    """Every flagged seller label, oldest import first."""
    require(actor, Permission.PRINT)
    rows = session.execute(
        select(OrderLabel.id, Order.number, OrderLabel.tracking_number, OrderLabel.flag,
               OrderLabel.source_file, OrderLabel.imported_at)
        .join(Order, Order.id == OrderLabel.order_id)
        .where(OrderLabel.flag.is_not(None)).order_by(OrderLabel.imported_at, OrderLabel.id))
    found = []
    for label_id, number, tracking, flag, source, imported in rows:
        read = read_flag(flag)
        if read is not None:
            found.append(FlaggedSellerLabel(label_id, number, tracking, read[0], read[1],
                                            source, imported))
    return found


def accept_flagged_label(session: Session, label_id: int, reason: str, *,
                         actor: Actor) -> LabelDecision:
    """Clear a label's flag because a clerk says it is right; the reason goes to the audit
    log with the orders it clashed with."""
    require(actor, Permission.EDIT_ORDERS)
    row, number = _label(session, label_id)
    read = read_flag(row.flag)
    if read is None:
        raise LabelNotFlagged(label=label_id, order=number)
    if not reason.strip():
        raise AcceptReasonMissing(label=label_id)
    row.flag = None
    record_audit(session, actor, "accept_flagged_label", "order_label", row.id,
                 order=number, tracking_number=row.tracking_number, flag=read[0].value,
                 others=list(read[1]), reason=reason.strip()[:500])
    session.flush()
    return LabelDecision(row.id, number, row.tracking_number, "accepted")


def discard_seller_label(session: Session, label_id: int, *, actor: Actor) -> LabelDecision:
    """Remove a seller label from its order (flagged or not); the labels of other orders
    sharing its tracking number are flagged again only for the orders still sharing it."""
    require(actor, Permission.EDIT_ORDERS)
    row, number = _label(session, label_id)
    tracking = row.tracking_number
    record_audit(session, actor, "discard_seller_label", "order_label", row.id, order=number,
                 tracking_number=tracking, flag=row.flag, source_file=row.source_file)
    session.delete(row)
    session.flush()
    cleared = _reflag(session, tracking) if tracking else ()
    return LabelDecision(label_id, number, tracking, "discarded", cleared)


def _label(session: Session, label_id: int) -> tuple[OrderLabel, str]:
    row = session.get(OrderLabel, label_id)
    if row is None:
        raise NotFound(kind="Label", key=str(label_id))
    number = session.scalar(select(Order.number).where(Order.id == row.order_id)) or ""
    return row, number


def _reflag(session: Session, tracking: str) -> tuple[int, ...]:
    """Recompute the flags of the flagged labels carrying ``tracking``; the ids cleared."""
    holders: set[tuple[int, str]] = set()
    for table in (OrderLabel, LabelPurchase):
        holders.update((order_id, number) for order_id, number in session.execute(
            select(Order.id, Order.number).join(table, table.order_id == Order.id)
            .where(table.tracking_number == tracking)))
    cleared = []
    for label in session.scalars(select(OrderLabel).where(
            OrderLabel.tracking_number == tracking, OrderLabel.flag.is_not(None))):
        others = sorted({n for o, n in holders if o != label.order_id})
        label.flag = stored_flag(LabelFlag.TRACKING_REUSED, others) if others else None
        if not others:
            cleared.append(label.id)
    session.flush()
    return tuple(sorted(cleared))
