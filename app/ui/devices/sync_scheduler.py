"""Platform sync in the background: due syncs, "Sync now" and the push queue on their own thread.

A sync is mostly HTTP and can take minutes (10,000 orders, Amazon's one-request-a-minute
quota), so it runs neither on the GUI thread nor on the database writer thread of
``app/ui/tasks.py`` — a clerk's writes must not queue behind it. The engine commits each
page in its own short transaction. Progress, results and connection tests arrive as Qt
signals, emitted from the worker thread and delivered queued on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from app.bootstrap import AppContext
from app.channels import ChannelError
from app.db.base import utcnow
from app.domain.errors import DomainError
from app.services.channel_push import PushReport, enqueue_due_stock_pushes, process_pushes
from app.services.channels import channel_config
from app.services.run import run_read, run_write
from app.services.sync import (
    SyncEnvironment,
    SyncProgress,
    SyncReport,
    due_channel_ids,
    fail_unexpected,
    run_sync,
)

log = logging.getLogger(__name__)

TICK_SECONDS: Final = 30.0

# Copies of the connector and sync error templates (app/channels/base.py, app/secrets.py,
# app/services/sync.py, app/services/sync_leases.py), marked so lupdate puts them in the
# channels translation file under the "errors" context that ``app.ui.i18n.error_text``
# looks them up in.
ERROR_TEMPLATES: Final[tuple[str, ...]] = (
    str(QT_TRANSLATE_NOOP("errors", "Channel error on {store}: {detail}")),
    str(QT_TRANSLATE_NOOP("errors", "Store {store}: setting {key} is missing or invalid ({detail})")),  # noqa: E501
    str(QT_TRANSLATE_NOOP("errors", "{platform} rejected the credentials of store {store}: {detail}")),  # noqa: E501
    str(QT_TRANSLATE_NOOP("errors", "{platform} refused the time of a request from store {store}: check this computer's date, time and time zone ({detail})")),  # noqa: E501
    str(QT_TRANSLATE_NOOP("errors", "{platform} is throttling store {store}; retry in {retry_after} s")),  # noqa: E501
    str(QT_TRANSLATE_NOOP("errors", "{platform} is temporarily unavailable for store {store}: {detail}")),  # noqa: E501
    str(QT_TRANSLATE_NOOP("errors", "{platform} returned error {code} for store {store}: {platform_message}")),  # noqa: E501
    str(QT_TRANSLATE_NOOP("errors", "{platform} sent an unreadable response for store {store}: {detail}")),  # noqa: E501
    str(QT_TRANSLATE_NOOP("errors", "Sync of store {store} was cancelled")),
    str(QT_TRANSLATE_NOOP("errors", "Cannot use the secret store ({where}): {detail}")),
    str(QT_TRANSLATE_NOOP("errors", "Store {store} is already being synced by {holder}; try again later.")),  # noqa: E501
    str(QT_TRANSLATE_NOOP("errors", "Sync of store {store} stopped: another computer took it over.")),  # noqa: E501
)


@dataclass(frozen=True)
class ConnectionTest:
    """Outcome of "Test connection": the platform's description of the store, or the error."""

    channel_id: int
    ok: bool
    description: str
    error: BaseException | None


class SyncScheduler(QObject):
    """Runs due syncs and the push queue on a worker thread; one per app.

    Signals carry service DTOs: ``SyncProgress`` after each committed page,
    ``SyncReport`` when a store's run ends, ``PushReport`` after a push round.
    """

    sync_started = Signal(int, str)
    progress = Signal(object)
    sync_finished = Signal(object)
    pushes_finished = Signal(object)
    connection_tested = Signal(object)
    running_changed = Signal(bool)

    def __init__(self, env: SyncEnvironment, *, tick_seconds: float = TICK_SECONDS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self._tick = tick_seconds
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._cancel = threading.Event()
        self._requests: list[int] = []
        self._thread: threading.Thread | None = None
        self.running_channel: int | None = None
        self.last_progress: SyncProgress | None = None
        self.last_reports: dict[int, SyncReport] = {}

    # -- GUI-thread API ----------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._loop, name="haicang-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop after the current request; a running sync is cancelled between requests."""
        self._stop.set()
        self._cancel.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def sync_now(self, channel_id: int) -> None:
        with self._lock:
            if channel_id not in self._requests and channel_id != self.running_channel:
                self._requests.append(channel_id)
        self._wake.set()

    def push_now(self) -> None:
        self._wake.set()

    def cancel(self) -> None:
        """Cancel the running sync (it stops between two requests; committed pages stay)."""
        with self._lock:
            self._requests.clear()
        self._cancel.set()

    def is_queued(self, channel_id: int) -> bool:
        with self._lock:
            return channel_id in self._requests

    def test_connection(self, channel_id: int) -> None:
        """Check a store's credentials on a short-lived thread; answers ``connection_tested``."""
        threading.Thread(target=self._test, args=(channel_id,), daemon=True,
                         name="haicang-sync-test").start()

    # -- worker thread -------------------------------------------------------------------

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                self._round()
            except Exception:  # never let the thread die; the next tick tries again
                log.exception("sync round failed")
            self._wake.wait(self._tick)

    def _round(self) -> None:
        due = run_read(self.env.db, due_channel_ids, utcnow())
        while not self._stop.is_set():
            with self._lock:
                channel_id = self._requests.pop(0) if self._requests else None
            if channel_id is None:
                channel_id = due.pop(0) if due else None
            if channel_id is None:
                break
            if channel_id in due:
                due.remove(channel_id)
            self._sync(channel_id)
        if self._stop.is_set():
            return
        run_write(self.env.db, enqueue_due_stock_pushes)
        report = process_pushes(self.env, cancel=self._stop)
        if report.sent or report.failed or report.retry_later:
            self.pushes_finished.emit(report)

    def _sync(self, channel_id: int) -> None:
        self._cancel.clear()
        try:
            config = run_read(self.env.db, channel_config, channel_id)
        except DomainError:  # deleted meanwhile
            return
        self.running_channel = channel_id
        self.running_changed.emit(True)
        self.sync_started.emit(channel_id, config.name)
        try:
            report = run_sync(self.env, channel_id, cancel=self._cancel,
                              progress=self._on_progress)
        except Exception as exc:  # e.g. recording the run's end failed: still end it on screen
            log.exception("sync of %s failed", config.name)
            report = SyncReport(channel_id, config.name, config.platform)
            fail_unexpected(report, exc)
        finally:
            self.running_channel = None
        self.last_reports[channel_id] = report
        self.sync_finished.emit(report)
        self.running_changed.emit(False)

    def _on_progress(self, progress: SyncProgress) -> None:
        self.last_progress = progress
        self.progress.emit(progress)

    def _test(self, channel_id: int) -> None:
        try:
            config = run_read(self.env.db, channel_config, channel_id)
            connector = self.env.connector(config)
            try:
                text = connector.test_connection()
            finally:
                connector.close()
        except (ChannelError, DomainError, OSError) as exc:
            self.connection_tested.emit(ConnectionTest(channel_id, False, "", exc))
            return
        self.connection_tested.emit(ConnectionTest(channel_id, True, text, None))


def start_sync_scheduler(app: AppContext, parent: QObject | None = None) -> SyncScheduler:
    """Build and start the scheduler; the app controller stops it (sign-out, quit)."""
    scheduler = SyncScheduler(SyncEnvironment.create(app.db), parent=parent)
    scheduler.start()
    return scheduler


__all__ = ["PushReport", "SyncScheduler", "start_sync_scheduler"]
