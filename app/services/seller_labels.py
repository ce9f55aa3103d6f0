"""Seller-supplied carrier labels: matched to their orders and kept in ``order_labels``.

A seller who bought the postage sends the label file; :func:`store_imported_labels`
keeps each label with the order its tracking or order number names (and releases an
order held only because Amazon withholds its address: the label is what it waited
for; :func:`import_label_file` then allocates it as an import allocates new orders), and
:func:`carrier_label_document` makes one printable, through the same queue as any
document (as a ``carrier_label`` job, :mod:`app.services.print_queue`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.bulk import chunks
from app.db.engine import Database
from app.db.models import Order, OrderLabel
from app.domain.errors import NotFound
from app.domain.permissions import Actor, Permission, require
from app.domain.states import OrderStatus
from app.services.auto_allocation import AllocationSummary, allocate_in_batches
from app.services.orders import release_order
from app.services.print_documents import Document, JobKind
from app.services.run import run_write
from app.services.sync_import import ADDRESS_WITHHELD_REASON
from printers.importing import ImportedLabel


@dataclass(frozen=True)
class MatchedLabel:
    index: int
    order_id: int
    order_number: str
    reference: str
    label_id: int


@dataclass(frozen=True)
class UnmatchedLabel:
    index: int
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class LabelImportReport:
    """What a label file held and which orders its labels belong to; ``released`` are
    the numbers of orders whose address hold the labels lifted (``released_ids`` their
    ids), ``allocation`` what allocating them did (None: not tried)."""

    file: str
    labels: int
    matched: tuple[MatchedLabel, ...]
    unmatched: tuple[UnmatchedLabel, ...]
    released: tuple[str, ...] = ()
    released_ids: tuple[int, ...] = ()
    allocation: AllocationSummary | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "labels": self.labels,
            "matched": [
                {"index": m.index, "order_number": m.order_number, "reference": m.reference}
                for m in self.matched
            ],
            "unmatched": [
                {"index": u.index, "candidates": list(u.candidates)} for u in self.unmatched
            ],
            "released": list(self.released),
            "allocation": self.allocation.to_json() if self.allocation else None,
        }


def match_labels(
    session: Session, labels: Sequence[ImportedLabel]
) -> dict[int, tuple[int, str, str]]:
    """Label index -> (order id, order number, matching reference).

    Each label's candidates are tried most trustworthy first; a candidate matches an
    order whose tracking number or order number equals it. A number shared by orders of
    two clients matches nothing (we cannot tell which parcel it is).
    """
    wanted = {candidate for label in labels for candidate in label.candidates}
    by_reference: dict[str, set[tuple[int, str]]] = {}
    for chunk in chunks(sorted(wanted), 500):
        rows = session.execute(
            select(Order.id, Order.number, Order.tracking_number).where(
                or_(Order.tracking_number.in_(chunk), Order.number.in_(chunk))
            )
        )
        for order_id, number, tracking in rows:
            for key in (number, tracking):
                if key in wanted:
                    by_reference.setdefault(key, set()).add((order_id, number))
    found: dict[int, tuple[int, str, str]] = {}
    for label in labels:
        for candidate in label.candidates:
            orders = by_reference.get(candidate, set())
            if len(orders) == 1:
                order_id, number = next(iter(orders))
                found[label.index] = (order_id, number, candidate)
                break
    return found


def store_imported_labels(
    session: Session, source: str, labels: Sequence[ImportedLabel], *, actor: Actor
) -> LabelImportReport:
    """Keep each matched label with its order; list the rest with what was read on them.

    One label per order and reference: importing a file again (say, with a corrected
    label) replaces the stored label instead of adding a second one.
    """
    require(actor, Permission.PRINT)
    matches = match_labels(session, labels)
    matched: list[MatchedLabel] = []
    unmatched: list[UnmatchedLabel] = []
    for label in labels:
        if label.index not in matches:
            unmatched.append(UnmatchedLabel(label.index, label.candidates))
            continue
        order_id, number, reference = matches[label.index]
        row = session.scalar(
            select(OrderLabel).where(
                OrderLabel.order_id == order_id, OrderLabel.reference == reference[:100]
            )
        )
        if row is None:
            row = OrderLabel(order_id=order_id, reference=reference[:100])
            session.add(row)
        row.actor = actor.name[:64]
        row.imported_at = utcnow()
        row.source_file = source[-300:]
        row.source_page = label.source_page
        row.pdf = label.pdf
        row.zpl = label.zpl
        session.flush()
        existing = row.id
        matched.append(MatchedLabel(label.index, order_id, number, reference, existing))
    released = _release_address_holds(session, {m.order_id for m in matched}, actor)
    return LabelImportReport(source, len(labels), tuple(matched), tuple(unmatched),
                             tuple(n for _, n in released), tuple(i for i, _ in released))


def import_label_file(
    db: Database, source: str, labels: Sequence[ImportedLabel], *, actor: Actor
) -> LabelImportReport:
    """Store a label file's labels (one transaction), then allocate the orders whose
    address hold they lifted, in transactions of their own as after an order import:
    those orders waited only for the label, and a warehouse that allocates on its own
    should see them reserved, not back at "new"."""
    report = run_write(db, store_imported_labels, source, labels, actor=actor)
    allocation = allocate_in_batches(db, report.released_ids, actor=Actor.system(actor.name))
    return replace(report, allocation=allocation)


def _release_address_holds(
    session: Session, order_ids: set[int], actor: Actor
) -> list[tuple[int, str]]:
    """Release the orders among ``order_ids`` held only for a withheld address.

    Nothing is filled in from the label: the order keeps what the platform gave, and the
    seller's label carries the address. The clerk importing labels needs no right to
    release holds for this one (the system does it on their behalf, in their name).
    """
    if not order_ids:
        return []
    held = session.execute(
        select(Order.id, Order.number).where(
            Order.id.in_(sorted(order_ids)),
            Order.status == OrderStatus.ON_HOLD.value,
            Order.hold_reason == ADDRESS_WITHHELD_REASON,
        ).order_by(Order.number)
    ).all()
    for order_id, _ in held:
        release_order(session, order_id, actor=Actor.system(actor.name))
    return [(order_id, number) for order_id, number in held]


def carrier_label_document(session: Session, label_id: int) -> Document:
    """A stored seller label as a printable document."""
    row = session.get(OrderLabel, label_id)
    if row is None:
        raise NotFound(kind="Label", key=str(label_id))
    number = session.scalar(select(Order.number).where(Order.id == row.order_id)) or ""
    return Document(JobKind.CARRIER_LABEL, number, row.pdf, row.zpl, order_id=row.order_id)
