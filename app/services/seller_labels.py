"""Seller-supplied carrier labels: matched to their orders and kept in ``order_labels``.

A seller who bought the postage sends the label file (PDF, PNG, ZPL, or a ZIP of them);
:func:`store_imported_labels` keeps each label with the order its tracking or order
number names, with the tracking number read on it and the file as received (and releases
an order held only because Amazon withholds its address: the label is what it waited
for; :func:`import_label_file` then allocates it as an import allocates new orders), and
:func:`carrier_label_document` makes one printable, through the same queue as any
document (as a ``carrier_label`` job, :mod:`app.services.print_queue`).

Two mistakes a seller makes are *flagged*, never guessed at: a label whose references
name two different orders is attached to neither (:class:`FlaggedLabel` in the report);
a tracking number already on another order's label, or on a label bought for another
order, is stored but flagged (``order_labels.flag``, on both labels), so a clerk sees it
before the parcel ships twice under one number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.bulk import chunks
from app.db.engine import Database
from app.db.models import LabelPurchase, Order, OrderLabel
from app.domain.errors import NotFound
from app.domain.label_errors import LabelFlagged
from app.domain.permissions import Actor, Permission, require
from app.domain.states import OrderStatus
from app.services.auto_allocation import AllocationSummary, allocate_in_batches
from app.services.orders import release_order
from app.services.print_documents import Document, JobKind
from app.services.run import run_write
from app.services.sync_import import ADDRESS_WITHHELD_REASON
from printers.importing import ImportedLabel


class LabelFlag(StrEnum):
    """Why a clerk must look at an imported label (``order_labels.flag`` starts with it)."""

    TWO_ORDERS = "two_orders"
    TRACKING_REUSED = "tracking_reused"


@dataclass(frozen=True)
class MatchedLabel:
    index: int
    order_id: int
    order_number: str
    reference: str
    label_id: int
    tracking_number: str | None = None
    #: Set when the label's tracking number is also another order's (it is stored, flagged).
    flag: LabelFlag | None = None


@dataclass(frozen=True)
class UnmatchedLabel:
    index: int
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class FlaggedLabel:
    """A label the clerk must look at: ``orders`` are the other orders involved.

    TWO_ORDERS labels are attached to no order; TRACKING_REUSED ones are attached to
    the order they matched (also in the report's ``matched``) and flagged there.
    """

    index: int
    flag: LabelFlag
    orders: tuple[str, ...]
    tracking_number: str | None
    order_number: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"index": self.index, "flag": self.flag.value, "order_number": self.order_number,
                "orders": list(self.orders), "tracking_number": self.tracking_number}


def flag_line(flag: FlaggedLabel) -> str:
    """One English line for the CLI (the GUI words it in the user's language)."""
    orders = ", ".join(flag.orders)
    if flag.flag is LabelFlag.TWO_ORDERS:
        return f"matches orders {orders}; attached to neither, check the label"
    return (f"tracking number {flag.tracking_number} is also on {orders}; stored with "
            f"{flag.order_number} and flagged, check before shipping")


def stored_flag(flag: LabelFlag, orders: Sequence[str]) -> str:
    """``order_labels.flag``: the flag and the other orders, "tracking_reused:SO-1,SO-2"."""
    return f"{flag.value}:{','.join(orders)}"[:200]


def read_flag(value: str | None) -> tuple[LabelFlag, tuple[str, ...]] | None:
    """:func:`stored_flag` read back (None for an unflagged label)."""
    if not value:
        return None
    code, _, orders = value.partition(":")
    return LabelFlag(code), tuple(order for order in orders.split(",") if order)


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
    flagged: tuple[FlaggedLabel, ...] = ()

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
            "flagged": [flag.to_json() for flag in self.flagged],
        }


@dataclass(frozen=True)
class _Match:
    """What a label's references name: the order it belongs to, or the orders in conflict."""

    order: tuple[int, str] | None
    reference: str = ""
    conflict: tuple[str, ...] = ()


def match_labels(session: Session, labels: Sequence[ImportedLabel]) -> dict[int, _Match]:
    """Label index -> its match (labels naming no order are left out).

    Each label's candidates are tried most trustworthy first; a candidate names the
    orders whose tracking number or order number equals it. The first candidate naming
    exactly one order decides (a number shared by orders of two clients names nothing we
    can use); when another candidate names exactly one *other* order, or only shared
    numbers are found, the label names two orders and is a conflict.
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
    found: dict[int, _Match] = {}
    for label in labels:
        named = [(c, by_reference[c]) for c in label.candidates if c in by_reference]
        unique = [(c, next(iter(orders))) for c, orders in named if len(orders) == 1]
        if unique:
            reference, order = unique[0]
            others = sorted({o[1] for _, o in unique if o != order})
            found[label.index] = (_Match(None, conflict=(order[1], *others)) if others
                                  else _Match(order, reference))
        elif named:
            found[label.index] = _Match(None, conflict=tuple(sorted(
                {number for _, orders in named for _, number in orders})))
    return found


def store_imported_labels(
    session: Session, source: str, labels: Sequence[ImportedLabel], *, actor: Actor
) -> LabelImportReport:
    """Keep each matched label with its order; list the rest with what was read on them.

    One label per order and reference: importing a file again (say, with a corrected
    label) replaces the stored label instead of adding a second one. A label naming two
    orders is kept with neither; one whose tracking number another order's label (or a
    label bought for another order) carries is kept flagged, and so is the other label.
    """
    require(actor, Permission.PRINT)
    matches = match_labels(session, labels)
    matched: list[MatchedLabel] = []
    unmatched: list[UnmatchedLabel] = []
    flagged: list[FlaggedLabel] = []
    rows: list[tuple[ImportedLabel, OrderLabel, str]] = []
    for label in labels:
        match = matches.get(label.index)
        if match is None:
            unmatched.append(UnmatchedLabel(label.index, label.candidates))
            continue
        if match.order is None:
            flagged.append(FlaggedLabel(label.index, LabelFlag.TWO_ORDERS, match.conflict,
                                        label.tracking_number))
            continue
        (order_id, number), reference = match.order, match.reference
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
        name = f"{source}/{label.member}" if label.member else source
        row.source_file = name[-300:]
        row.source_page = label.source_page
        row.pdf = label.pdf
        row.zpl = label.zpl
        # Matched by the order's own tracking number: that is the label's, whatever format.
        row.tracking_number = label.tracking_number or (
            reference[:64] if reference != number else None)
        row.original = label.original
        row.original_format = label.original_format
        row.flag = None
        session.flush()
        rows.append((label, row, number))
    reused = _flag_reused_tracking(session, rows)
    for label, row, number in rows:
        flag = read_flag(row.flag)
        matched.append(MatchedLabel(label.index, row.order_id, number, row.reference, row.id,
                                    row.tracking_number, flag[0] if flag else None))
        if label.index in reused:
            flagged.append(FlaggedLabel(label.index, LabelFlag.TRACKING_REUSED,
                                        reused[label.index], row.tracking_number, number))
    released = _release_address_holds(session, {m.order_id for m in matched}, actor)
    return LabelImportReport(source, len(labels), tuple(matched), tuple(unmatched),
                             tuple(n for _, n in released), tuple(i for i, _ in released),
                             flagged=tuple(sorted(flagged, key=lambda f: f.index)))


def _flag_reused_tracking(
    session: Session, rows: Sequence[tuple[ImportedLabel, OrderLabel, str]]
) -> dict[int, tuple[str, ...]]:
    """Flag stored labels whose tracking number another order's label or purchase has.

    Returns label index -> the other orders. The earlier label on the other order is
    flagged as well: which of the two is wrong is the clerk's call.
    """
    numbers = sorted({row.tracking_number for _, row, _ in rows if row.tracking_number})
    if not numbers:
        return {}
    holders: dict[str, set[tuple[int, str]]] = {}
    for chunk in chunks(numbers, 500):
        for table in (OrderLabel, LabelPurchase):
            for tracking, order_id, number in session.execute(
                select(table.tracking_number, Order.id, Order.number)
                .join(Order, Order.id == table.order_id)
                .where(table.tracking_number.in_(chunk))
            ):
                holders.setdefault(tracking or "", set()).add((order_id, number))
    reused: dict[int, tuple[str, ...]] = {}
    for label, row, _number in rows:
        others = sorted({n for o, n in holders.get(row.tracking_number or "", set())
                         if o != row.order_id})
        if not others:
            continue
        reused[label.index] = tuple(others)
        row.flag = stored_flag(LabelFlag.TRACKING_REUSED, others)
        for other in session.scalars(select(OrderLabel).where(
                OrderLabel.tracking_number == row.tracking_number,
                OrderLabel.order_id != row.order_id)):
            other.flag = stored_flag(LabelFlag.TRACKING_REUSED, sorted(
                {n for o, n in holders[row.tracking_number or ""] if o != other.order_id}))
    session.flush()
    return reused


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


def refuse_flagged(label_id: int, flag: str | None, order_number: str,
                   tracking_number: str | None) -> None:
    """Raise :class:`LabelFlagged` for a flagged label: it never prints silently (the clerk
    accepts or discards it first, :mod:`app.services.label_flags`)."""
    read = read_flag(flag)
    if read is not None:
        raise LabelFlagged(label=label_id, order=order_number, tracking=tracking_number or "?",
                           others=", ".join(read[1]) or "?")


def carrier_label_document(session: Session, label_id: int) -> Document:
    """A stored seller label as a printable document (refused while it is flagged)."""
    row = session.get(OrderLabel, label_id)
    if row is None:
        raise NotFound(kind="Label", key=str(label_id))
    number = session.scalar(select(Order.number).where(Order.id == row.order_id)) or ""
    refuse_flagged(row.id, row.flag, number, row.tracking_number)
    return Document(JobKind.CARRIER_LABEL, number, row.pdf, row.zpl, order_id=row.order_id)
