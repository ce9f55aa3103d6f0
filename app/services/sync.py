"""Platform order sync: HTTP without a session, then one transaction per page.

The engine (``run_sync``) takes a lease on the store (two syncs of one store
never overlap, also across PCs), fixes the window — from the newest platform
``updated_at`` committed by the last finished run minus an overlap, up to the
platform's own "safe" now — and pages through it. Each page is imported by
``import_orders`` in ONE transaction together with the cursor, so a crash
loses at most the page in flight and a restart resumes at the next page.

The import is idempotent, keyed on (channel, external id): a version of an
order that is not newer than the one stored changes nothing. New orders are
created (and allocated after commit); a platform cancellation cancels and
releases stock before picking and otherwise holds the order for interception;
an order with an unmapped platform SKU is kept as a held record and created
when the mapping is added (``release_held_orders``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.channels import (
    ChannelError,
    Clock,
    Connector,
    HttpOptions,
    NormalizedOrder,
    PlatformError,
    RateLimiterRegistry,
    SyncCancelled,
    SystemClock,
    create_connector,
)
from app.channels import OrderStatus as PlatformStatus
from app.channels.normalized import Address, Buyer, OrderLine, Platform
from app.db.base import utcnow
from app.db.engine import Database
from app.db.models import Channel, ChannelCursor, ChannelOrder, Order, SkuMapping, SyncLease
from app.db.models import OrderLine as OrderLineRow
from app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from app.domain.states import OrderStatus
from app.secrets import SecretStore
from app.services.batch_allocation import allocate_orders
from app.services.channels import ChannelConfig, channel_config
from app.services.order_bulk import existing_order_ids, insert_orders, resolve_skus
from app.services.order_states import status_before_hold
from app.services.orders import LineDraft, OrderDraft, cancel_order, hold_order, release_order
from app.services.run import run_read, run_write

log = logging.getLogger(__name__)

ORDERS_OPERATION = "orders"
INTERCEPT_REASON = "cancelled on platform — intercept"
SHIPPED_ELSEWHERE_REASON = "shipped on platform — intercept"
PLATFORM_HOLD_REASON = "on hold on platform"
LINES_CHANGED_REASON = "changed on platform after allocation — check the lines"
UNMAPPED_PREFIX = "unmapped SKU: "
NO_ADDRESS_REASON = "no usable ship-to address"
DEFAULT_LOOKBACK = timedelta(days=30)
DEFAULT_OVERLAP = timedelta(minutes=10)
DEFAULT_LEASE_SECONDS = 900.0

#: Our states before anything left a bin: a platform cancellation can simply cancel.
_BEFORE_PICKING = frozenset({OrderStatus.NEW, OrderStatus.BACKORDERED, OrderStatus.ALLOCATED})
_SHIPPED_STATES = frozenset({OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED,
                             OrderStatus.RETURNED})
_RELEASABLE = frozenset({PlatformStatus.OPEN, PlatformStatus.PARTIALLY_SHIPPED})


class SyncRefused(DomainError):
    """Another sync of the same store holds the lease."""

    code = "sync_refused"
    template = QT_TRANSLATE_NOOP(
        "errors", "Store {store} is already being synced by {holder}; try again later."
    )


class LeaseLost(DomainError):
    """Our lease expired and someone else took the store over; the page was not saved."""

    code = "lease_lost"
    template = QT_TRANSLATE_NOOP(
        "errors", "Sync of store {store} stopped: another computer took it over."
    )


# --- DTOs --------------------------------------------------------------------------------


@dataclass
class SyncCounts:
    """Orders of one run: fetched from the platform, and what the import did with them."""

    fetched: int = 0
    new: int = 0
    updated: int = 0
    cancelled: int = 0
    held: int = 0
    unchanged: int = 0

    def add(self, other: SyncCounts) -> None:
        for name in ("fetched", "new", "updated", "cancelled", "held", "unchanged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class SyncProgress:
    """Sent after every committed page."""

    channel_id: int
    channel: str
    pages: int
    fetched: int
    new: int
    updated: int


@dataclass
class SyncReport:
    """The outcome of one store's sync run (``error`` set when it failed)."""

    channel_id: int
    channel: str
    platform: str
    counts: SyncCounts = field(default_factory=SyncCounts)
    pages: int = 0
    error: str | None = None
    error_template: str | None = None
    error_params: dict[str, Any] = field(default_factory=dict)
    request_id: str | None = None
    cancelled_by_user: bool = False
    refused: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.error is not None and not self.cancelled_by_user

    def to_json(self) -> dict[str, Any]:
        """The per-store part of ``haicang sync --json``."""
        c = self.counts
        return {
            "channel": self.channel, "platform": self.platform, "fetched": c.fetched,
            "new": c.new, "updated": c.updated, "cancelled": c.cancelled, "held": c.held,
            "errors": 1 if self.failed else 0, "pages": self.pages, "error": self.error,
            "request_id": self.request_id, "cancelled_by_user": self.cancelled_by_user,
            "warnings": self.warnings,
        }


@dataclass
class ImportOutcome:
    """What importing one page did; ``created`` are new order ids to allocate."""

    counts: SyncCounts = field(default_factory=SyncCounts)
    created: list[int] = field(default_factory=list)
    created_external: list[str] = field(default_factory=list)
    #: New key rows, written with one executemany at the end of the page.
    new_keys: list[dict[str, Any]] = field(default_factory=list)

    def flush_keys(self, session: Session) -> None:
        if self.new_keys:
            # Core, not the ORM's bulk path: no per-row unit-of-work bookkeeping.
            session.execute(cast(Table, ChannelOrder.__table__).insert(), self.new_keys)
            self.new_keys = []


# --- the environment a sync runs in --------------------------------------------------------


def default_holder() -> str:
    """Lease holder id: host, process and a random part (a crash on this host is detectable)."""
    return f"{socket.gethostname()}/{os.getpid()}/{uuid.uuid4().hex[:8]}"


@dataclass
class SyncEnvironment:
    """Everything a sync or push needs from the process: shared once per app/process."""

    db: Database
    secrets: SecretStore
    limiter: RateLimiterRegistry
    clock: Clock
    http: HttpOptions | None = None
    holder: str = field(default_factory=default_holder)
    lease_seconds: float = DEFAULT_LEASE_SECONDS
    overlap: timedelta = DEFAULT_OVERLAP
    actor: str = "sync"
    #: Reserve stock for new orders after each page (off: they wait as "new" for `allocate`).
    allocate: bool = True

    @classmethod
    def create(cls, db: Database, *, secrets: SecretStore | None = None,
               clock: Clock | None = None, http: HttpOptions | None = None,
               actor: str = "sync") -> SyncEnvironment:
        clock = clock or SystemClock()
        return cls(db, secrets or SecretStore(), RateLimiterRegistry(clock), clock, http,
                   actor=actor)

    def connector(self, config: ChannelConfig, cancel: threading.Event | None = None
                  ) -> Connector:
        """Build the store's connector; refreshed tokens go back to the secret store."""
        ref = config.secret_ref

        def save(changed: dict[str, str]) -> None:
            self.secrets.update(ref, changed)

        return create_connector(
            config.platform, config.name, config.settings, self.secrets.get(ref),
            base_url=config.base_url, http=self.http, clock=self.clock, cancel=cancel,
            limiter=self.limiter, on_secrets_changed=save,
        )


# --- leases --------------------------------------------------------------------------------


def _insert_ignore(session: Session) -> Any:
    dialect = session.get_bind().dialect.name
    module: Any = postgresql if dialect == "postgresql" else sqlite
    return module.insert


def acquire_lease(session: Session, channel_id: int, holder: str, seconds: float) -> str | None:
    """Take the store's lease; None on success, else the current holder."""
    now = utcnow()
    expires = now + timedelta(seconds=seconds)
    stmt = _insert_ignore(session)(SyncLease).values(
        channel_id=channel_id, holder=holder, acquired_at=now, expires_at=expires
    ).on_conflict_do_nothing(index_elements=["channel_id"])
    if session.execute(stmt).rowcount == 1:  # type: ignore[attr-defined]
        return None
    taken = session.execute(
        update(SyncLease)
        .where(SyncLease.channel_id == channel_id,
               (SyncLease.holder == holder) | (SyncLease.expires_at < now))
        .values(holder=holder, acquired_at=now, expires_at=expires)
    )
    if taken.rowcount == 1:  # type: ignore[attr-defined]
        return None
    current = session.scalar(select(SyncLease.holder).where(SyncLease.channel_id == channel_id))
    if current and _dead_local_holder(current):
        stolen = session.execute(
            update(SyncLease)
            .where(SyncLease.channel_id == channel_id, SyncLease.holder == current)
            .values(holder=holder, acquired_at=now, expires_at=expires)
        )
        if stolen.rowcount == 1:  # type: ignore[attr-defined]
            log.info("took over the lease of crashed sync %s", current)
            return None
    return current or "?"


def renew_lease(session: Session, channel_id: int, holder: str, seconds: float,
                store: str) -> None:
    """Extend our lease inside a page's transaction; raise LeaseLost if it is not ours."""
    renewed = session.execute(
        update(SyncLease)
        .where(SyncLease.channel_id == channel_id, SyncLease.holder == holder)
        .values(expires_at=utcnow() + timedelta(seconds=seconds))
    )
    if renewed.rowcount != 1:  # type: ignore[attr-defined]
        raise LeaseLost(store=store)


def release_lease(session: Session, channel_id: int, holder: str) -> None:
    session.execute(
        update(SyncLease)
        .where(SyncLease.channel_id == channel_id, SyncLease.holder == holder)
        .values(expires_at=datetime(1970, 1, 1, tzinfo=UTC), holder="")
    )


def _dead_local_holder(holder: str) -> bool:
    """True when the holder ran on this host in a process that no longer exists."""
    host, _, rest = holder.partition("/")
    pid_text = rest.partition("/")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OSError):
        return False
    return False


# --- the engine ------------------------------------------------------------------------------


ProgressCallback = Callable[[SyncProgress], None]


def due_channel_ids(session: Session, now: datetime) -> list[int]:
    """Enabled stores whose next sync time has come (or was never planned)."""
    return list(session.scalars(
        select(Channel.id)
        .where(Channel.enabled.is_(True),
               Channel.next_sync_at.is_(None) | (Channel.next_sync_at <= now))
        .order_by(Channel.next_sync_at, Channel.id)
    ))


def run_sync(env: SyncEnvironment, channel_id: int, *, cancel: threading.Event | None = None,
             progress: ProgressCallback | None = None) -> SyncReport:
    """One full pass over one store; never raises for expected failures (see the report)."""
    cancel = cancel or threading.Event()
    config = run_read(env.db, channel_config, channel_id)
    report = SyncReport(config.id, config.name, config.platform)
    holder = run_write(env.db, acquire_lease, config.id, env.holder, env.lease_seconds)
    if holder is not None:
        error = SyncRefused(store=config.name, holder=holder)
        _fail(report, error)
        report.refused = True
        return report
    connector: Connector | None = None
    try:
        connector = env.connector(config, cancel)
        _run_pages(env, config, connector, report, cancel, progress)
    except SyncCancelled:
        report.cancelled_by_user = True
    except (ChannelError, DomainError) as exc:
        _fail(report, exc)
    finally:
        if connector is not None:
            connector.close()
        run_write(env.db, _finish, config.id, report, env.holder)
    return report


def _fail(report: SyncReport, exc: ChannelError | DomainError) -> None:
    report.error = exc.message
    if isinstance(exc, DomainError):
        report.error_template, report.error_params = exc.template, dict(exc.params)
    else:
        report.error_template, report.error_params = exc.message_template, dict(exc.params)
        report.request_id = exc.request_id or None


def _run_pages(env: SyncEnvironment, config: ChannelConfig, connector: Connector,
               report: SyncReport, cancel: threading.Event,
               progress: ProgressCallback | None) -> None:
    cursor_row = run_read(env.db, _load_cursor, config.id)
    resume = cursor_row.page_cursor if cursor_row.run_start and cursor_row.run_end else None
    connector.test_connection()  # fails early on bad credentials; learns the platform clock
    if resume is not None and cursor_row.run_start and cursor_row.run_end:
        start, end = cursor_row.run_start, cursor_row.run_end
    else:
        start, end = _new_window(env, config, connector, cursor_row.window_cursor)
        resume = None
    try:
        _fetch_window(env, config, connector, report, cancel, progress, start, end, resume)
    except (PlatformError, ChannelError) as exc:
        if resume is None or report.pages > 0 or isinstance(exc, SyncCancelled):
            raise
        # A stored cursor the platform no longer accepts: redo the window from its start
        # (nothing of it was promoted, so nothing is skipped).
        log.info("%s: stored page cursor rejected (%s); restarting the window", config.name, exc)
        run_write(env.db, _reset_run, config.id)
        start, end = _new_window(env, config, connector, cursor_row.window_cursor)
        _fetch_window(env, config, connector, report, cancel, progress, start, end, None)


def _new_window(env: SyncEnvironment, config: ChannelConfig, connector: Connector,
                window_cursor: datetime | None) -> tuple[datetime, datetime]:
    end = connector.latest_safe_window_end()
    if window_cursor is not None:
        return window_cursor - env.overlap, end
    days = config.settings.get("sync.initial_days", "").strip()
    lookback = timedelta(days=int(days)) if days.isdigit() else DEFAULT_LOOKBACK
    return end - lookback, end


def _fetch_window(env: SyncEnvironment, config: ChannelConfig, connector: Connector,
                  report: SyncReport, cancel: threading.Event,
                  progress: ProgressCallback | None, start: datetime, end: datetime,
                  cursor: str | None) -> None:
    finished = False
    if end > start:
        for page in connector.fetch_orders(start, end, cursor):
            outcome = run_write(env.db, _commit_page, config, page.orders, page.next_cursor,
                                page.max_updated_at, start, end, env)
            finished = page.next_cursor is None
            report.pages += 1
            report.counts.add(outcome.counts)
            _after_commit(env, config, connector, outcome, report)
            if progress is not None:
                c = report.counts
                progress(SyncProgress(config.id, config.name, report.pages, c.fetched, c.new,
                                      c.updated))
            if cancel.is_set() and not finished:
                raise SyncCancelled(store=config.name)
    if not finished:
        run_write(env.db, _finish_window, config.id)


def _commit_page(session: Session, config: ChannelConfig, orders: Sequence[NormalizedOrder],
                 next_cursor: str | None, newest: datetime | None, start: datetime,
                 end: datetime, env: SyncEnvironment) -> ImportOutcome:
    """One page: lease check, import, cursor — all or nothing."""
    renew_lease(session, config.id, env.holder, env.lease_seconds, config.name)
    outcome = import_orders(session, config, orders, actor=env.actor)
    row = _cursor_for_update(session, config.id)
    row.run_start, row.run_end = start, end
    if newest is not None and (row.run_max is None or newest > row.run_max):
        row.run_max = newest
    row.page_cursor = next_cursor
    row.pages_done += 1
    row.updated_at = utcnow()
    if next_cursor is None:
        _promote(row)
    return outcome


def _after_commit(env: SyncEnvironment, config: ChannelConfig, connector: Connector,
                  outcome: ImportOutcome, report: SyncReport) -> None:
    """Allocate the page's new orders; acknowledge them where the platform wants it."""
    if outcome.created and env.allocate:
        run_write(env.db, allocate_new_orders, outcome.created, actor=env.actor)
    acknowledge = getattr(connector, "acknowledge", None)
    if acknowledge is None:
        return
    for external_id in outcome.created_external:
        try:
            acknowledge(external_id)
        except SyncCancelled:
            raise
        except ChannelError as exc:  # repeated before shipping anyway; never fatal
            report.warnings.append(exc.message)


def allocate_new_orders(session: Session, order_ids: Sequence[int], *, actor: str) -> int:
    """Try to reserve stock for freshly imported orders; returns how many were allocated.

    Orders someone held or cancelled meanwhile are simply left out by the batch.
    """
    results = allocate_orders(session, order_ids, actor=actor)
    return sum(r.status == OrderStatus.ALLOCATED for r in results)


def _finish(session: Session, channel_id: int, report: SyncReport, holder: str) -> None:
    channel = session.get(Channel, channel_id)
    if channel is not None and not report.refused:
        now = utcnow()
        channel.last_sync_at = now
        channel.next_sync_at = now + timedelta(minutes=channel.interval_minutes)
        if not report.cancelled_by_user:
            channel.last_error = report.error
            channel.last_request_id = report.request_id
    release_lease(session, channel_id, holder)


def _load_cursor(session: Session, channel_id: int) -> ChannelCursor:
    row = session.get(ChannelCursor, (channel_id, ORDERS_OPERATION))
    if row is None:
        return ChannelCursor(channel_id=channel_id, operation=ORDERS_OPERATION, pages_done=0)
    session.expunge(row)
    return row


def _cursor_for_update(session: Session, channel_id: int) -> ChannelCursor:
    row = session.get(ChannelCursor, (channel_id, ORDERS_OPERATION))
    if row is None:
        row = ChannelCursor(channel_id=channel_id, operation=ORDERS_OPERATION, pages_done=0,
                            updated_at=utcnow())
        session.add(row)
    return row


def _promote(row: ChannelCursor) -> None:
    """A pagination finished: its newest updated_at becomes the base of the next window."""
    if row.run_max is not None and (row.window_cursor is None or row.run_max > row.window_cursor):
        row.window_cursor = row.run_max
    row.run_start = row.run_end = row.run_max = None
    row.page_cursor = None
    row.pages_done = 0


def _finish_window(session: Session, channel_id: int) -> None:
    _promote(_cursor_for_update(session, channel_id))


def _reset_run(session: Session, channel_id: int) -> None:
    row = _cursor_for_update(session, channel_id)
    row.run_start = row.run_end = row.run_max = None
    row.page_cursor = None
    row.pages_done = 0


# --- the idempotent import ------------------------------------------------------------------


def import_orders(session: Session, config: ChannelConfig, orders: Iterable[NormalizedOrder],
                  *, actor: str) -> ImportOutcome:
    """Apply one page of platform orders to the warehouse (caller owns the transaction)."""
    outcome = ImportOutcome()
    newest: dict[str, NormalizedOrder] = {}
    for order in orders:
        outcome.counts.fetched += 1
        known = newest.get(order.external_id)
        if known is None or order.updated_at > known.updated_at:
            newest[order.external_id] = order
    if not newest:
        return outcome
    rows = {
        r.external_id: r for r in session.scalars(
            select(ChannelOrder).where(ChannelOrder.channel_id == config.id,
                                       ChannelOrder.external_id.in_(list(newest)))
        )
    }
    to_create: list[tuple[NormalizedOrder, ChannelOrder | None]] = []
    for external_id, order in newest.items():
        row = rows.get(external_id)
        if row is not None and order.updated_at <= row.platform_updated_at:
            outcome.counts.unchanged += 1
            continue
        if (row is not None and row.order_id is not None
                and row.content_hash == content_digest(order)):
            row.platform_updated_at, row.platform_status = order.updated_at, order.platform_status
            outcome.counts.unchanged += 1
            continue
        if row is not None and row.order_id is not None:
            _update_existing(session, row, order, outcome, config, actor)
            continue
        if order.status in _RELEASABLE:
            to_create.append((order, row))
            continue
        _record(outcome, config.id, row, order, order_id=None, held=None, keep_payload=False)
        if row is not None:
            outcome.counts.updated += 1
    if to_create:
        _create(session, config, to_create, outcome, actor)
    outcome.flush_keys(session)
    return outcome


def release_held_orders(session: Session, channel_id: int, *, actor: str) -> list[str]:
    """Create the orders held for unmapped SKUs that can now be resolved; their numbers."""
    config = channel_config(session, channel_id)
    held = list(session.scalars(
        select(ChannelOrder).where(ChannelOrder.channel_id == channel_id,
                                   ChannelOrder.order_id.is_(None),
                                   ChannelOrder.held_reason.is_not(None),
                                   ChannelOrder.payload.is_not(None))
    ))
    candidates = [(order_from_json(r.payload or "{}"), r) for r in held]
    if not candidates:
        return []
    outcome = ImportOutcome()
    _create(session, config, [(o, r) for o, r in candidates], outcome, actor)
    outcome.flush_keys(session)
    allocate_new_orders(session, outcome.created, actor=actor)
    numbers = session.scalars(select(Order.number).where(Order.id.in_(outcome.created)))
    return sorted(numbers)


def resolve_platform_skus(session: Session, channel_id: int, client_id: int,
                          platform_skus: Iterable[str]) -> dict[str, int]:
    """Platform SKU -> warehouse SKU id: explicit mappings first, then the client's codes."""
    wanted = sorted(set(platform_skus))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 900):
        chunk = wanted[start:start + 900]
        found.update(session.execute(
            select(SkuMapping.platform_sku, SkuMapping.sku_id)
            .where(SkuMapping.channel_id == channel_id, SkuMapping.platform_sku.in_(chunk))
        ).all())
    rest = [s for s in wanted if s not in found]
    if rest:
        found.update(resolve_skus(session, client_id, rest))
    return found


def _create(session: Session, config: ChannelConfig,
            items: Sequence[tuple[NormalizedOrder, ChannelOrder | None]],
            outcome: ImportOutcome, actor: str) -> None:
    """Make warehouse orders of releasable platform orders; hold what cannot be made."""
    skus = resolve_platform_skus(session, config.id, config.client_id,
                                 {ln.sku for o, _ in items for ln in o.lines})
    _remember_auto_mappings(session, config.id, skus)
    drafts: list[OrderDraft] = []
    pending: list[tuple[NormalizedOrder, ChannelOrder | None, str]] = []
    taken = existing_order_ids(session, config.client_id,
                               {_number(config, o, 0) for o, _ in items}
                               | {_number(config, o, 1) for o, _ in items})
    used = set(taken)
    for order, row in items:
        problem = _problem(order, skus)
        if problem is not None:
            was_held = row is not None and row.held_reason is not None
            _record(outcome, config.id, row, order, order_id=None, held=problem,
                    keep_payload=True)
            if not was_held:
                outcome.counts.held += 1
            continue
        number = next(n for n in (_number(config, order, k) for k in range(3)) if n not in used)
        used.add(number)
        drafts.append(_draft(order, number, skus))
        pending.append((order, row, number))
    if not drafts:
        return
    ids = insert_orders(session, config.client_id, drafts,
                        {str(i): i for i in set(skus.values())}, actor=actor)
    for order, row, number in pending:
        order_id = ids[number]
        _record(outcome, config.id, row, order, order_id=order_id, held=None, keep_payload=False)
        outcome.created.append(order_id)
        outcome.created_external.append(order.external_id)
        outcome.counts.new += 1


def _problem(order: NormalizedOrder, skus: Mapping[str, int]) -> str | None:
    missing = sorted({ln.sku for ln in order.lines if ln.sku not in skus})
    if missing:
        return (UNMAPPED_PREFIX + ", ".join(missing))[:300]
    ship = order.ship_to
    if (ship is None or not ship.address1.strip() or not ship.city.strip()
            or len(ship.state.strip()) != 2 or not ship.zip.strip() or len(ship.zip) > 10
            or len(ship.country or "US") != 2 or not order.lines):
        return NO_ADDRESS_REASON
    return None


def _number(config: ChannelConfig, order: NormalizedOrder, variant: int) -> str:
    """The order number: the platform's, else prefixed by the store when another has it."""
    if variant == 0:
        return order.number[:64]
    if variant == 1:
        return f"{config.name}-{order.number}"[:64]
    return f"{config.name}-{order.external_id}"[:64]


def _draft(order: NormalizedOrder, number: str, skus: Mapping[str, int]) -> OrderDraft:
    ship = order.ship_to or Address()
    merged: dict[int, list[Any]] = {}
    for ln in order.lines:
        sku_id = skus[ln.sku]
        if sku_id in merged:
            merged[sku_id][0] += ln.quantity
        else:
            currency = (ln.currency or order.currency or "USD")[:3]
            merged[sku_id] = [ln.quantity, ln.unit_price, currency]
    return OrderDraft(
        number=number, order_date=order.created_at,
        buyer_name=(ship.name or order.buyer.name or "?")[:200],
        address1=ship.address1[:200], city=ship.city[:100], state=ship.state.upper(),
        zip=ship.zip, country=ship.country or "US",
        lines=tuple(LineDraft(str(i), q, p, c) for i, (q, p, c) in merged.items()),
        company=ship.company[:200] or None,
        address2=ship.address2[:200] or None,
        phone=(ship.phone or order.buyer.phone)[:40] or None,
        email=order.buyer.email[:200] or None,
        source=order.platform.value,
    )


def _remember_auto_mappings(session: Session, channel_id: int, skus: Mapping[str, int]) -> None:
    """SKUs matched by code become mappings, so stock pushes cover them too."""
    explicit = set(session.scalars(
        select(SkuMapping.platform_sku).where(SkuMapping.channel_id == channel_id,
                                              SkuMapping.platform_sku.in_(list(skus)))
    )) if skus else set()
    new = [{"channel_id": channel_id, "platform_sku": s, "sku_id": i, "auto": True,
            "created_at": utcnow()} for s, i in skus.items() if s not in explicit]
    if new:
        stmt = _insert_ignore(session)(SkuMapping).on_conflict_do_nothing(
            index_elements=["channel_id", "platform_sku"])
        session.execute(stmt, new)


def _record(outcome: ImportOutcome, channel_id: int, row: ChannelOrder | None,
            order: NormalizedOrder,
            *, order_id: int | None, held: str | None, keep_payload: bool) -> None:
    """Insert or update the (channel, external id) key row."""
    values: dict[str, Any] = {
        "number": order.number[:100], "platform_updated_at": order.updated_at,
        "platform_status": order.platform_status[:100], "status": order.status.value,
        "held_reason": held, "payload": order_to_json(order) if keep_payload else None,
        "content_hash": content_digest(order),
        "updated_at": utcnow(),
    }
    if order_id is not None:
        values["order_id"] = order_id
    if row is None:
        outcome.new_keys.append({"channel_id": channel_id, "external_id": order.external_id,
                                 "imported_at": values["updated_at"], "order_id": order_id,
                                 **values})
    else:
        for key, value in values.items():
            setattr(row, key, value)


def _update_existing(session: Session, row: ChannelOrder, order: NormalizedOrder,
                     outcome: ImportOutcome, config: ChannelConfig, actor: str) -> None:
    """A newer platform version of an order we already made."""
    assert row.order_id is not None
    current = session.get(Order, row.order_id)
    _record(outcome, config.id, row, order, order_id=None, held=None, keep_payload=False)
    if current is None:
        return
    session.refresh(current)
    status = OrderStatus(current.status)
    before_pick = status in _BEFORE_PICKING or (
        status == OrderStatus.ON_HOLD
        and status_before_hold(session, current.id) in _BEFORE_PICKING
    )
    counts = outcome.counts
    if order.status == PlatformStatus.CANCELLED:
        if status == OrderStatus.CANCELLED or status in _SHIPPED_STATES:
            counts.updated += 1
        elif before_pick:
            cancel_order(session, current.id, actor=actor, reason="cancelled on platform")
            counts.cancelled += 1
        else:
            _intercept(session, current, status, INTERCEPT_REASON, actor)
            counts.held += 1
        return
    if order.status in (PlatformStatus.SHIPPED, PlatformStatus.DELIVERED):
        if status in _SHIPPED_STATES or status == OrderStatus.CANCELLED:
            counts.updated += 1
        else:
            _intercept(session, current, status, SHIPPED_ELSEWHERE_REASON, actor)
            counts.held += 1
        return
    if order.status == PlatformStatus.ON_HOLD and before_pick and status != OrderStatus.ON_HOLD:
        hold_order(session, current.id, actor=actor, reason=PLATFORM_HOLD_REASON)
        counts.held += 1
        return
    if (order.status in _RELEASABLE and status == OrderStatus.ON_HOLD
            and current.hold_reason == PLATFORM_HOLD_REASON):
        release_order(session, current.id, actor=actor)
        session.refresh(current)
        status = OrderStatus(current.status)
    counts.updated += 1
    if before_pick:
        _update_content(session, config, current, status, order, actor)


def _intercept(session: Session, order: Order, status: OrderStatus, reason: str,
               actor: str) -> None:
    """Stop an order the warehouse already works on, so the pack station catches it."""
    if status == OrderStatus.ON_HOLD:
        order.hold_reason = reason
        return
    hold_order(session, order.id, actor=actor, reason=reason)


def _update_content(session: Session, config: ChannelConfig, current: Order,
                    status: OrderStatus, order: NormalizedOrder, actor: str) -> None:
    """Bring address and lines up to date while nothing has been picked."""
    ship = order.ship_to
    if ship is not None and ship.address1 and len(ship.state) == 2 and ship.zip:
        current.buyer_name = (ship.name or order.buyer.name or current.buyer_name)[:200]
        current.company = ship.company[:200] or None
        current.address1, current.address2 = ship.address1[:200], ship.address2[:200] or None
        current.city, current.state, current.zip = ship.city[:100], ship.state.upper(), ship.zip
        current.country = ship.country or current.country
        current.phone = (ship.phone or order.buyer.phone or current.phone or "")[:40] or None
    skus = resolve_platform_skus(session, config.id, config.client_id,
                                 {ln.sku for ln in order.lines})
    if any(ln.sku not in skus for ln in order.lines) or not order.lines:
        return
    wanted: dict[int, int] = {}
    for ln in order.lines:
        wanted[skus[ln.sku]] = wanted.get(skus[ln.sku], 0) + ln.quantity
    existing = list(session.scalars(
        select(OrderLineRow).where(OrderLineRow.order_id == current.id)
        .order_by(OrderLineRow.line_no)))
    have: dict[int, int] = {}
    for line in existing:
        have[line.sku_id] = have.get(line.sku_id, 0) + line.quantity
    if have == wanted:
        return
    if status in (OrderStatus.NEW, OrderStatus.BACKORDERED):
        draft = _draft(order, current.number, skus)
        for line in existing:
            session.delete(line)
        session.flush()
        for n, new in enumerate(draft.lines, start=1):
            session.add(OrderLineRow(order_id=current.id, line_no=n, sku_id=int(new.sku_code),
                                     quantity=new.quantity, unit_price=new.unit_price,
                                     currency=new.currency))
        session.flush()
        return
    if status == OrderStatus.ALLOCATED:
        hold_order(session, current.id, actor=actor, reason=LINES_CHANGED_REASON)
    else:
        current.hold_reason = LINES_CHANGED_REASON


# --- normalised order <-> JSON (kept for held orders) -------------------------------------------


def content_digest(order: NormalizedOrder) -> str:
    """A digest of what the warehouse takes from an order (not its timestamps)."""
    ship = order.ship_to
    content = [
        order.status.value, order.number, order.buyer.name, order.buyer.email,
        order.buyer.phone,
        None if ship is None else [ship.name, ship.company, ship.address1, ship.address2,
                                   ship.city, ship.state, ship.zip, ship.country, ship.phone],
        [[ln.sku, ln.quantity, str(ln.unit_price), ln.currency] for ln in order.lines],
    ]
    return hashlib.sha256(json.dumps(content).encode()).hexdigest()[:32]


def order_to_json(order: NormalizedOrder) -> str:
    ship = order.ship_to
    return json.dumps({
        "platform": order.platform.value, "store": order.store,
        "external_id": order.external_id, "number": order.number,
        "created_at": order.created_at.isoformat(), "updated_at": order.updated_at.isoformat(),
        "platform_status": order.platform_status, "status": order.status.value,
        "buyer": {"name": order.buyer.name, "email": order.buyer.email,
                  "phone": order.buyer.phone},
        "ship_to": None if ship is None else {
            k: getattr(ship, k) for k in ("name", "company", "address1", "address2", "city",
                                          "state", "zip", "country", "phone")},
        "lines": [{"sku": ln.sku, "quantity": ln.quantity,
                   "unit_price": None if ln.unit_price is None else str(ln.unit_price),
                   "currency": ln.currency, "title": ln.title} for ln in order.lines],
        "currency": order.currency,
    }, ensure_ascii=False)


def order_from_json(text: str) -> NormalizedOrder:
    raw = json.loads(text)
    ship = raw.get("ship_to")
    return NormalizedOrder(
        platform=Platform(raw["platform"]), store=raw["store"], external_id=raw["external_id"],
        number=raw["number"], created_at=datetime.fromisoformat(raw["created_at"]),
        updated_at=datetime.fromisoformat(raw["updated_at"]),
        platform_status=raw["platform_status"], status=PlatformStatus(raw["status"]),
        buyer=Buyer(**raw.get("buyer", {})), ship_to=None if ship is None else Address(**ship),
        lines=tuple(
            OrderLine(ln["sku"], int(ln["quantity"]),
                      None if ln["unit_price"] is None else Decimal(ln["unit_price"]),
                      ln["currency"], ln.get("title", ""))
            for ln in raw.get("lines", [])),
        currency=raw.get("currency", ""),
    )

