"""Tracking after handover: poll the providers, record events, move orders, open exceptions.

A desktop on a warehouse LAN has no public address for webhooks, so tracking is polled:
:func:`update_tracking` reads which handed-over parcels are still on their way (a short
read), asks each carrier account's provider for them over HTTP *outside* any transaction,
and records the answers account by account in short write transactions. A provider that
fails is an entry in the report's errors, never the end of the run.

Events are unique per (tracking number, time, status), so polling again records nothing
twice. An order goes shipped -> in transit at its first carrier scan and -> delivered
when every one of its parcels is. Exceptions a seller may need as evidence are opened
once per parcel and kind: returned to sender, an address problem (a ``failure`` event),
and no carrier scan N days after handover (the first-scan evidence for an Amazon
late-scan claim).

Which account tracks a parcel: the account its label was bought from (EasyPost, Shippo,
TikTok package documents); for a seller's own label, the first enabled EasyPost or Shippo
account (their tracker endpoints take any carrier's number).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.carriers.base import CarrierAuthError, CarrierError, CarrierUnavailable, Tracking
from app.db.base import utcnow
from app.db.dialects import dialect_insert
from app.db.engine import Database
from app.db.models import (
    CarrierAccount,
    Client,
    LabelPurchase,
    Order,
    Parcel,
    ShippingException,
    TrackingEvent,
)
from app.domain.errors import HaicangError
from app.domain.handover import (
    CARRIER_SCANS,
    DEFAULT_NO_SCAN_DAYS,
    EXCEPTION_OF_STATUS,
    FINAL_TRACKING,
    ExceptionKind,
    label_carrier,
    order_progress,
    progress_path,
)
from app.domain.permissions import Actor, Permission, require
from app.domain.states import OrderStatus
from app.services.audit import record_audit
from app.services.carrier_accounts import CarrierAccountConfig, carrier_account_config
from app.services.handover_errors import ShippingExceptionNotFound
from app.services.handover_parcels import BOUGHT
from app.services.label_quotes import ProviderSource
from app.services.order_states import set_status
from app.services.run import run_read, run_write

#: Providers whose tracker endpoints take a tracking number of any carrier.
EXTERNAL_TRACKERS = ("easypost", "shippo")
#: Tracking numbers per provider call.
BATCH = 50
ON_THE_WAY = (OrderStatus.SHIPPED.value, OrderStatus.IN_TRANSIT.value)


@dataclass(frozen=True)
class TrackingReport:
    """One polling run, as ``haicang tracking update --json`` prints it."""

    parcels_polled: int = 0
    events_recorded: int = 0
    orders_in_transit: tuple[str, ...] = ()
    orders_delivered: tuple[str, ...] = ()
    exceptions_opened: tuple[str, ...] = ()
    #: Parcels on their way that no carrier account can track.
    untracked: int = 0
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class ShippingExceptionInfo:
    """One exception as the Exceptions view lists it (with the evidence dates)."""

    id: int
    kind: str
    order_number: str
    client: str
    parcel: str
    tracking_number: str | None
    carrier: str | None
    detail: str | None
    detected_at: datetime
    shipped_at: datetime | None
    first_scan_at: datetime | None
    resolved_at: datetime | None
    resolved_by: str | None


@dataclass(frozen=True)
class _Target:
    parcel_id: int
    tracking_number: str
    #: The label's carrier (Shippo's tracker needs it; EasyPost guesses better with it).
    carrier: str | None = None


@dataclass(frozen=True)
class _Group:
    config: CarrierAccountConfig
    targets: tuple[_Target, ...]


@dataclass
class _Tally:
    events: int = 0
    in_transit: list[str] = field(default_factory=list)
    delivered: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)


# --- polling ------------------------------------------------------------------------------


def update_tracking(db: Database, open_provider: ProviderSource, *, actor: Actor,
                    now: datetime | None = None,
                    no_scan_days: int = DEFAULT_NO_SCAN_DAYS) -> TrackingReport:
    """One polling run over every handed-over parcel still on its way."""
    require(actor, Permission.HAND_OVER)
    groups, untracked = run_read(db, _plan)
    tally = _Tally()
    errors: list[str] = []
    polled = 0
    for group in groups:
        answers, failures = _poll(group, open_provider)
        errors += failures
        polled += len(group.targets)
        if answers:
            run_write(db, record_tracking, answers, {t.tracking_number: t.parcel_id
                                                    for t in group.targets},
                      tally=tally, now=now or utcnow(), actor=actor)
    opened = run_write(db, open_no_scan_exceptions, now=now or utcnow(), days=no_scan_days,
                       actor=actor)
    tally.exceptions += opened
    return TrackingReport(polled, tally.events, tuple(tally.in_transit),
                          tuple(tally.delivered), tuple(tally.exceptions), untracked,
                          tuple(errors))


def _poll(group: _Group, open_provider: ProviderSource) -> tuple[list[Tracking], list[str]]:
    """Ask one account's provider, a batch at a time; failures become error lines."""
    name = group.config.name
    try:
        provider = open_provider(group.config)
    except (HaicangError, CarrierError, OSError) as exc:
        return [], [f"{name}: {getattr(exc, 'message', None) or exc}"]
    answers: list[Tracking] = []
    errors: list[str] = []
    try:
        numbers = [t.tracking_number for t in group.targets]
        carriers = {t.tracking_number: t.carrier for t in group.targets if t.carrier}
        for start in range(0, len(numbers), BATCH):
            batch = numbers[start:start + BATCH]
            try:
                answers += provider.track(batch, carriers)
            except (CarrierAuthError, CarrierUnavailable) as exc:
                errors.append(f"{name}: {exc.message}")
                break  # the account or the provider is down: the next run tries again
            except CarrierError as exc:
                if len(batch) == 1:
                    errors.append(f"{name}: {batch[0]}: {exc.message}")
                    continue
                for number in batch:  # one refused number must not hide the others
                    try:
                        answers += provider.track([number], carriers)
                    except CarrierError as one:
                        errors.append(f"{name}: {number}: {one.message}")
    finally:
        provider.close()
    return answers, errors


def _plan(session: Session) -> tuple[list[_Group], int]:
    """Parcels to poll, grouped by the carrier account that tracks them."""
    rows = session.execute(
        select(Parcel.id, Parcel.tracking_number, Parcel.carrier, Order.carrier)
        .join(Order, Order.id == Parcel.order_id)
        .where(Parcel.shipped_at.is_not(None), Parcel.tracking_number.is_not(None),
               Parcel.delivered_at.is_(None), Order.status.in_(ON_THE_WAY),
               (Parcel.tracking_status.is_(None))
               | Parcel.tracking_status.not_in(list(FINAL_TRACKING)))
        .order_by(Parcel.id)).all()
    if not rows:
        return [], 0
    bought: dict[int | None, tuple[int, str | None]] = {
        parcel_id: (account, carrier) for parcel_id, account, carrier in session.execute(
            select(LabelPurchase.parcel_id, LabelPurchase.account_id, LabelPurchase.carrier)
            .where(LabelPurchase.parcel_id.in_([r[0] for r in rows]),
                   LabelPurchase.status == BOUGHT))}
    tracker = session.scalar(
        select(CarrierAccount.id)
        .where(CarrierAccount.enabled.is_(True),
               CarrierAccount.provider.in_(EXTERNAL_TRACKERS))
        .order_by(CarrierAccount.id).limit(1))
    by_account: dict[int, list[_Target]] = {}
    untracked = 0
    for parcel_id, tracking, parcel_carrier, order_carrier in rows:
        account, carrier = bought.get(parcel_id) or (tracker, None)
        if account is None or not tracking:
            untracked += 1
            continue
        by_account.setdefault(account, []).append(
            _Target(parcel_id, tracking,
                    label_carrier(carrier, parcel_carrier, order_carrier, tracking)))
    groups = [_Group(carrier_account_config(session, account), tuple(targets))
              for account, targets in sorted(by_account.items())]
    return groups, untracked


# --- recording ----------------------------------------------------------------------------


def record_tracking(session: Session, answers: Sequence[Tracking], parcels: dict[str, int], *,
                    now: datetime, actor: Actor, tally: _Tally | None = None) -> _Tally:
    """Record what a provider said about some parcels (``parcels``: tracking number ->
    parcel id): new events, each parcel's status and first scan, exceptions, and the
    orders' progress. Recording the same answer twice changes nothing."""
    require(actor, Permission.HAND_OVER)
    tally = tally if tally is not None else _Tally()
    orders: set[int] = set()
    for answer in answers:
        parcel_id = parcels.get(answer.tracking_number)
        parcel = session.get(Parcel, parcel_id) if parcel_id is not None else None
        if parcel is None:
            continue
        for event in answer.events:
            inserted = session.execute(
                dialect_insert(session)(TrackingEvent).values(
                    parcel_id=parcel.id, tracking_number=answer.tracking_number, at=event.at,
                    status=event.status.value, description=(event.description or "")[:300],
                    location=(event.location or "")[:200] or None, recorded_at=now)
                .on_conflict_do_nothing().returning(TrackingEvent.id))
            tally.events += inserted.scalar_one_or_none() is not None
        _update_parcel(session, parcel, answer, now)
        for status in {answer.status.value, *(e.status.value for e in answer.events)}:
            kind = EXCEPTION_OF_STATUS.get(status)
            if kind is not None and _open_exception(session, parcel, kind,
                                                    _detail(answer, status), now):
                tally.exceptions.append(f"{kind.value} {answer.tracking_number}")
        orders.add(parcel.order_id)
    session.flush()
    for order_id in sorted(orders):
        _advance_order(session, order_id, actor, tally)
    return tally


def _update_parcel(session: Session, parcel: Parcel, answer: Tracking, now: datetime) -> None:
    first, delivered = session.execute(
        select(
            func.min(TrackingEvent.at).filter(TrackingEvent.status.in_(list(CARRIER_SCANS))),
            func.max(TrackingEvent.at).filter(TrackingEvent.status == "delivered"),
        ).where(TrackingEvent.tracking_number == answer.tracking_number)).one()
    parcel.tracking_status = answer.status.value
    parcel.tracked_at = now
    if first is not None and (parcel.first_scan_at is None or first < parcel.first_scan_at):
        parcel.first_scan_at = first
    if parcel.first_scan_at is None and answer.status.value in CARRIER_SCANS:
        parcel.first_scan_at = now  # a scan the provider listed no event for
    if answer.status.value == "delivered" and parcel.delivered_at is None:
        parcel.delivered_at = delivered or now


def _detail(answer: Tracking, status: str) -> str:
    event = next((e for e in reversed(list(answer.events)) if e.status.value == status), None)
    words = [w for w in (event.description, event.location) if w] if event else []
    return " · ".join(words)[:300] or status


def _open_exception(session: Session, parcel: Parcel, kind: ExceptionKind, detail: str,
                    now: datetime) -> bool:
    """Open one exception of ``kind`` on the parcel; False when there is one already."""
    inserted = session.execute(
        dialect_insert(session)(ShippingException).values(
            order_id=parcel.order_id, parcel_id=parcel.id, kind=kind.value, detail=detail[:300],
            detected_at=now)
        .on_conflict_do_nothing().returning(ShippingException.id))
    # RETURNING, not rowcount: an ORM insert's rowcount is not reliable on PostgreSQL
    return inserted.scalar_one_or_none() is not None


def _advance_order(session: Session, order_id: int, actor: Actor, tally: _Tally) -> None:
    order = session.get(Order, order_id)
    assert order is not None
    if order.status not in ON_THE_WAY:
        return
    statuses = session.scalars(select(Parcel.tracking_status)
                               .where(Parcel.order_id == order_id)).all()
    target = order_progress(statuses)
    if target is None:
        return
    current = OrderStatus(order.status)
    for step in progress_path(current, target):
        set_status(session, order.id, order.number, current, step, actor=actor, note="tracking")
        (tally.delivered if step is OrderStatus.DELIVERED else tally.in_transit).append(
            order.number)
        current = step
    session.expire(order)


def open_no_scan_exceptions(session: Session, *, now: datetime, days: int,
                            actor: Actor) -> list[str]:
    """Open a ``no_scan`` exception on every parcel handed over ``days`` or more ago that
    its carrier has not scanned yet; returns them as "no_scan TRACKING". Only parcels whose
    tracking was read at least once count: a parcel no account can track, or whose
    provider has been down since handover, proves nothing either way."""
    require(actor, Permission.HAND_OVER)
    cutoff = now - timedelta(days=days)
    parcels = list(session.scalars(
        select(Parcel).join(Order, Order.id == Parcel.order_id)
        .where(Parcel.shipped_at.is_not(None), Parcel.shipped_at <= cutoff,
               Parcel.tracked_at.is_not(None), Parcel.first_scan_at.is_(None),
               Parcel.delivered_at.is_(None),
               Order.status.in_(ON_THE_WAY))
        .order_by(Parcel.id)))
    opened: list[str] = []
    for parcel in parcels:
        assert parcel.shipped_at is not None
        detail = (f"No carrier scan {days} day(s) after handover on "
                  f"{parcel.shipped_at:%Y-%m-%d %H:%M} UTC")
        if _open_exception(session, parcel, ExceptionKind.NO_SCAN, detail, now):
            opened.append(f"{ExceptionKind.NO_SCAN.value} {parcel.tracking_number or parcel.id}")
    return opened


# --- the exceptions list ------------------------------------------------------------------


def list_exceptions(session: Session, open_only: bool = True) -> list[ShippingExceptionInfo]:
    """Shipping exceptions, newest first (open ones only unless ``open_only`` is False)."""
    stmt = (
        select(ShippingException, Order.number, Client.code, Parcel)
        .join(Order, Order.id == ShippingException.order_id)
        .join(Client, Client.id == Order.client_id)
        .join(Parcel, Parcel.id == ShippingException.parcel_id)
        .order_by(ShippingException.detected_at.desc(), ShippingException.id.desc()))
    if open_only:
        stmt = stmt.where(ShippingException.resolved_at.is_(None))
    return [
        ShippingExceptionInfo(
            e.id, e.kind, number, client, parcel.tracking_number or f"{number}/{parcel.seq}",
            parcel.tracking_number, parcel.carrier, e.detail, e.detected_at, parcel.shipped_at,
            parcel.first_scan_at, e.resolved_at, e.resolved_by)
        for e, number, client, parcel in session.execute(stmt)]


def resolve_exception(session: Session, exception_id: int, *, note: str | None = None,
                      actor: Actor) -> ShippingExceptionInfo:
    """Mark an exception dealt with (who and when are kept; resolving twice is harmless)."""
    require(actor, Permission.HAND_OVER)
    row = session.get(ShippingException, exception_id)
    if row is None:
        raise ShippingExceptionNotFound(id=exception_id)
    if row.resolved_at is None:
        row.resolved_at = utcnow()
        row.resolved_by = actor.name[:64]
        session.flush()
        record_audit(session, actor, "resolve_exception", "shipping_exception", row.id,
                     kind=row.kind, note=(note or "").strip()[:200] or None)
    return next(e for e in list_exceptions(session, open_only=False) if e.id == row.id)
