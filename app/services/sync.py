"""Platform order sync: HTTP without a session, then one transaction per page.

The engine (``run_sync``) takes a lease on the store (``sync_leases``), fixes
the window — from the newest platform ``updated_at`` committed by the last
finished run minus an overlap, up to the platform's own "safe" now — and pages
through it. Each page is imported by ``sync_import.import_orders`` in ONE
transaction together with the cursor, so a crash loses at most the page in
flight and a restart resumes at the next page. New orders are allocated in a
second transaction after their page committed.

Fetching and committing overlap: while one page is written on a writer thread,
the next is already on its way from the platform. All HTTP stays on the calling
thread (tokens, rate buckets and acknowledgements are never shared between
threads) and all writes stay on the writer, in page order, so the cursor still
only advances past pages that are committed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.channels import (
    ChannelError,
    Connector,
    FetchPage,
    PlatformError,
    PlatformOrder,
    SyncCancelled,
)
from app.db.base import utcnow
from app.db.models import Channel, ChannelCursor
from app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from app.domain.permissions import Permission, require
from app.domain.stored_errors import detail_of
from app.services.channels import ChannelConfig, channel_config
from app.services.run import run_read, run_write
from app.services.sync_env import SyncEnvironment
from app.services.sync_import import ImportOutcome, SyncCounts, allocate_new_orders, import_orders
from app.services.sync_leases import acquire_lease, release_lease, renew_lease

log = logging.getLogger(__name__)

ORDERS_OPERATION = "orders"
DEFAULT_LOOKBACK = timedelta(days=30)
# Same texts as app.ui.i18n's, so the screens translate them from the same entries.
DATABASE_ERROR = QT_TRANSLATE_NOOP("errors", "Database error: {detail}")
UNEXPECTED_ERROR = QT_TRANSLATE_NOOP("errors", "Unexpected error: {detail}")


class SyncRefused(DomainError):
    """Another sync of the same store holds the lease."""

    code = "sync_refused"
    template = QT_TRANSLATE_NOOP(
        "errors", "Store {store} is already being synced by {holder}; try again later."
    )


# --- DTOs --------------------------------------------------------------------------------


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
    #: Set when the run failed: the message template (translated on screens) and its fields.
    error_template: str | None = None
    error_params: dict[str, Any] = field(default_factory=dict)
    request_id: str | None = None
    cancelled_by_user: bool = False
    refused: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def error(self) -> str | None:
        """The failure in English, for the CLI and the logs (None: no failure)."""
        if self.error_template is None:
            return None
        try:
            return self.error_template.format(**self.error_params)
        except (KeyError, IndexError):  # as ChannelError.message: never lose the failure
            return f"{self.error_template} {self.error_params}"

    @property
    def failed(self) -> bool:
        return self.error is not None and not self.cancelled_by_user

    def to_json(self) -> dict[str, Any]:
        """The per-store part of ``haicang sync --json``."""
        c = self.counts
        return {
            "channel": self.channel, "platform": self.platform, "fetched": c.fetched,
            "new": c.new, "updated": c.updated, "cancelled": c.cancelled, "held": c.held,
            "allocated": c.allocated, "backordered": c.backordered,
            "errors": 1 if self.failed else 0, "pages": self.pages, "error": self.error,
            "request_id": self.request_id, "cancelled_by_user": self.cancelled_by_user,
            "warnings": self.warnings,
        }


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
    """One full pass over one store; never raises for expected failures (see the report).

    That includes the database going away mid-run (a PostgreSQL server restarting, a
    network drop): the pages committed so far stay, the report says what happened, and
    the lease, if it could not be released, simply expires.

    A refusal is the one exception: PermissionDenied, before anything is done, unless
    ``env.actor`` may manage stores (the background sync acts as the administrator).
    """
    require(env.actor, Permission.MANAGE_CHANNELS)
    cancel = cancel or threading.Event()
    config = run_read(env.db, channel_config, channel_id)
    report = SyncReport(config.id, config.name, config.platform)
    try:
        holder = run_write(env.db, acquire_lease, config.id, env.holder, env.lease_seconds)
    except DBAPIError as exc:
        _fail_database(report, exc)
        return report
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
    except DBAPIError as exc:
        _fail_database(report, exc)
    except Exception as exc:  # a bug: the run still ends with a report, and the store says so
        log.exception("sync of %s failed", config.name)
        fail_unexpected(report, exc)
    finally:
        if connector is not None:
            connector.close()
        try:
            run_write(env.db, _finish, config.id, report, env.holder)
        except DBAPIError as exc:
            log.warning("%s: could not record the end of the sync: %s", config.name, exc)
            if report.error is None:
                _fail_database(report, exc)
    return report


def _fail(report: SyncReport, exc: ChannelError | DomainError) -> None:
    report.error_template, report.error_params = exc.template, dict(exc.fields)
    if isinstance(exc, ChannelError):
        report.request_id = exc.request_id or None


def _fail_database(report: SyncReport, exc: DBAPIError) -> None:
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
    report.error_template, report.error_params = DATABASE_ERROR, {"detail": detail}


def fail_unexpected(report: SyncReport, exc: Exception) -> None:
    """Record a failure no code path expected (a bug), with what it was."""
    report.error_template = UNEXPECTED_ERROR
    report.error_params = {"detail": f"{type(exc).__name__}: {exc}"}


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
    """Page through one window, writing page N while page N+1 is fetched."""
    finished = False
    if end > start:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-writer") as writer:
            pending: Future[ImportOutcome] | None = None
            try:
                for page in connector.fetch_orders(start, end, cursor):
                    if pending is not None:
                        outcome, pending = pending.result(), None
                        _accept(config, connector, outcome, report, progress)
                        if cancel.is_set():
                            raise SyncCancelled(store=config.name)
                    pending = writer.submit(_write_page, env, config, page, start, end)
                    finished = page.next_cursor is None
                if pending is not None:
                    outcome, pending = pending.result(), None
                    _accept(config, connector, outcome, report, progress)
            finally:
                if pending is not None:
                    # Fetching stopped (cancel, platform error) while a page was being
                    # written: that page still commits and counts.
                    _count(config, pending.result(), report, progress)
    if not finished:
        run_write(env.db, _finish_window, config.id)


def _write_page(env: SyncEnvironment, config: ChannelConfig, page: FetchPage,
                start: datetime, end: datetime) -> ImportOutcome:
    """On the writer thread: commit the page with its cursor, then allocate its new orders."""
    outcome = run_write(env.db, _commit_page, config, page.orders, page.next_cursor,
                        page.max_updated_at, start, end, env)
    if outcome.created and env.allocate:
        done = run_write(env.db, allocate_new_orders, outcome.created, actor=env.actor)
        if done is not None:
            outcome.counts.allocated, outcome.counts.backordered = done.allocated, done.backordered
    return outcome


def _commit_page(session: Session, config: ChannelConfig, orders: Sequence[PlatformOrder],
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


def _count(config: ChannelConfig, outcome: ImportOutcome, report: SyncReport,
           progress: ProgressCallback | None) -> None:
    report.pages += 1
    report.counts.add(outcome.counts)
    if progress is not None:
        c = report.counts
        progress(SyncProgress(config.id, config.name, report.pages, c.fetched, c.new, c.updated))


def _accept(config: ChannelConfig, connector: Connector, outcome: ImportOutcome,
            report: SyncReport, progress: ProgressCallback | None) -> None:
    """A committed page: count it, then acknowledge its new orders where the platform wants."""
    _count(config, outcome, report, progress)
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


def _finish(session: Session, channel_id: int, report: SyncReport, holder: str) -> None:
    channel = session.get(Channel, channel_id)
    if channel is not None and not report.refused:
        now = utcnow()
        channel.last_sync_at = now
        channel.next_sync_at = now + timedelta(minutes=channel.interval_minutes)
        if not report.cancelled_by_user:
            channel.last_error = report.error
            channel.last_error_detail = detail_of(report.error_template, report.error_params)
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
