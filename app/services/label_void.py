"""Voiding bought labels, and the daily list of labels that should be voided.

A void is one action (``haicang labels void --order N``, one key on the screen): every
bought label of the order still in use is sent back to its provider. As for buying,
the provider call runs between two transactions: the purchase is marked
``void_requested`` first, so a crash mid-call leaves it visible (and listed to void)
rather than forgotten; the answer (submitted, refunded, rejected, not applicable) is
stored. A rejected refund leaves the label ``bought``, with the provider's answer.

*Labels to void* are labels that cost money and will not travel: bought for an order
since cancelled or held, superseded by a rebuy of the same parcel (a new weight band,
a new service), or bought with a tracking number another order already had.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.carriers.base import CarrierError, Label, LabelFormat, RefundStatus
from app.db.base import utcnow
from app.db.engine import Database
from app.db.models import Order, Parcel
from app.db.models.shipping import LabelPurchase
from app.domain.permissions import Actor, Permission, require
from app.domain.states import OrderStatus
from app.services.audit import record_audit
from app.services.carrier_accounts import carrier_account_config
from app.services.label_errors import NothingToVoid, VoidNotDone
from app.services.label_quotes import ProviderSource
from app.services.label_records import LabelPurchaseInfo, purchase_by_id
from app.services.run import run_read, run_write

#: Statuses of a purchase whose label exists and was not refunded.
LIVE = ("bought", "void_requested")
STOPPED = (OrderStatus.CANCELLED.value, OrderStatus.ON_HOLD.value)
#: Refund answers after which the label counts as voided.
VOIDED = (RefundStatus.SUBMITTED, RefundStatus.REFUNDED, RefundStatus.NOT_APPLICABLE)


@dataclass(frozen=True)
class LabelToVoid:
    purchase_id: int
    order_id: int
    order_number: str
    order_status: str
    reference: str
    tracking_number: str | None
    carrier: str | None
    service: str | None
    cost: Decimal | None
    bought_at: datetime | None
    #: cancelled | on_hold | superseded | tracking_taken | void_pending
    why: str


def void_labels(db: Database, order_id: int, *, providers: ProviderSource, actor: Actor,
                purchase_ids: tuple[int, ...] | None = None) -> list[LabelPurchaseInfo]:
    """Void the order's live labels (or only ``purchase_ids``); returns them afterwards.

    Runs its own transactions around each provider call: call it from a worker.
    """
    require(actor, Permission.BUY_LABELS)
    targets = run_write(db, _request, order_id, purchase_ids, actor)
    if not targets:
        number = run_read(db, lambda s: s.scalar(select(Order.number).where(
            Order.id == order_id)))
        raise NothingToVoid(order=number or str(order_id))
    done = []
    for purchase_id in targets:
        info = run_read(db, purchase_by_id, purchase_id)
        account = run_read(db, carrier_account_config, info.account_id)
        try:
            status = providers(account).void(_label(info))
        except CarrierError as exc:
            run_write(db, _answer, purchase_id, None, exc.message, actor)
            raise VoidNotDone(order=info.order_number, message=exc.message) from exc
        run_write(db, _answer, purchase_id, status, None, actor)
        done.append(run_read(db, purchase_by_id, purchase_id))
    return done


def labels_to_void(session: Session, day: date | None = None) -> list[LabelToVoid]:
    """Labels that should be voided, bought on ``day`` (UTC; None: any day), oldest first."""
    query = select(LabelPurchase, Order.number, Order.status).join(
        Order, Order.id == LabelPurchase.order_id).where(or_(
            LabelPurchase.status.in_(LIVE),
            (LabelPurchase.status == "failed") & LabelPurchase.label.is_not(None)
            & LabelPurchase.voided_at.is_(None)))
    if day is not None:
        start = datetime.combine(day, time(), tzinfo=UTC)
        query = query.where(LabelPurchase.bought_at >= start,
                            LabelPurchase.bought_at < start + timedelta(days=1))
    rows = session.execute(query.order_by(LabelPurchase.bought_at, LabelPurchase.id)).all()
    newest = _newest_per_parcel(session, {p.order_id for p, _n, _s in rows})
    result = []
    for p, number, status in rows:
        why = _why(p, status, newest)
        if why is not None:
            result.append(LabelToVoid(p.id, p.order_id, number, status, p.reference,
                                      p.tracking_number, p.carrier, p.service, p.cost,
                                      p.bought_at, why))
    return result


# --- internals -------------------------------------------------------------------------------


def _why(p: LabelPurchase, order_status: str, newest: dict[tuple[int, int | None], int]
         ) -> str | None:
    if p.status == "failed":
        return "tracking_taken"
    if p.status == "void_requested":
        return "void_pending"
    if order_status in STOPPED:
        return order_status
    if newest.get((p.order_id, p.parcel_id), p.id) != p.id:
        return "superseded"
    return None


def _newest_per_parcel(session: Session, order_ids: set[int]
                       ) -> dict[tuple[int, int | None], int]:
    """The newest bought label per (order, parcel): any older live one is superseded."""
    if not order_ids:
        return {}
    newest: dict[tuple[int, int | None], int] = {}
    for pid, order_id, parcel_id in session.execute(
            select(LabelPurchase.id, LabelPurchase.order_id, LabelPurchase.parcel_id)
            .where(LabelPurchase.order_id.in_(order_ids), LabelPurchase.status.in_(LIVE))
            .order_by(LabelPurchase.id)):
        newest[(order_id, parcel_id)] = pid
    return newest


def _request(session: Session, order_id: int, purchase_ids: tuple[int, ...] | None,
             actor: Actor) -> list[int]:
    """Mark the labels to void ``void_requested`` (committed before any provider call)."""
    query = select(LabelPurchase).where(
        LabelPurchase.order_id == order_id,
        or_(LabelPurchase.status.in_(LIVE),
            (LabelPurchase.status == "failed") & LabelPurchase.label.is_not(None)
            & LabelPurchase.voided_at.is_(None)))
    if purchase_ids is not None:
        query = query.where(LabelPurchase.id.in_(purchase_ids))
    rows = session.scalars(query.with_for_update().order_by(LabelPurchase.id)).all()
    for p in rows:
        if p.status == "bought":
            p.status = "void_requested"
    return [p.id for p in rows]


def _answer(session: Session, purchase_id: int, status: RefundStatus | None, error: str | None,
            actor: Actor) -> None:
    p = session.get(LabelPurchase, purchase_id)
    assert p is not None
    if status is None:  # no answer: stays void_requested, listed to void
        p.error = error
        return
    p.void_status = status.value
    if status in VOIDED:
        p.status = "voided"
        p.voided_at = utcnow()
        _forget_on_parcel(session, p)
    elif p.status == "void_requested":
        p.status = "bought"  # rejected: the label is still valid (e.g. already scanned)
    p.error = None
    record_audit(session, actor, "void_label", "order", p.order_id, reference=p.reference,
                 tracking=p.tracking_number, refund=status.value)


def _forget_on_parcel(session: Session, p: LabelPurchase) -> None:
    """The voided label's tracking number leaves the parcel and order that carried it."""
    if p.tracking_number is None:
        return
    for parcel in session.scalars(select(Parcel).where(
            Parcel.order_id == p.order_id, Parcel.tracking_number == p.tracking_number)):
        parcel.tracking_number = None
        parcel.label_source = None
    order = session.get(Order, p.order_id)
    if order is not None and order.tracking_number == p.tracking_number:
        order.tracking_number = None


def _label(info: LabelPurchaseInfo) -> Label:
    """The provider's view of a stored purchase (what ``void`` needs)."""
    return Label(info.tracking_number or "", info.carrier or "", info.service or "",
                 info.cost or Decimal("0"), info.currency,
                 LabelFormat(info.label_format or "PDF"), b"",
                 info.provider_shipment_id or "", info.provider_label_id)
