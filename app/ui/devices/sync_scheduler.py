"""Platform sync in the background: due syncs, "Sync now" and the push queue on their own thread.

A sync is mostly HTTP and can take minutes (10,000 orders, Amazon's one-request-a-minute
quota), so it runs neither on the GUI thread nor on the database writer thread of
``app/ui/tasks.py`` — a clerk's writes must not queue behind it. The engine commits each
page in its own short transaction. Progress and results arrive as Qt signals, emitted from
the worker thread and delivered queued on the GUI thread; what the screens show about the
scheduler (which store runs, which wait, the last report of each) comes as one frozen
:class:`SyncState` in ``state_changed`` — the GUI never reads the worker's variables.
A connection test is short device-like work: it runs on a task-runner lane
(:func:`check_store_connection`), not on this thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

from PySide6.QtCore import QObject, Signal, Slot

from app.bootstrap import AppContext
from app.channels import ChannelError
from app.db.base import utcnow
from app.domain.errors import DomainError
from app.services.channel_push import PushReport, process_pushes
from app.services.channels import channel_config
from app.services.push_outbox import enqueue_due_stock_pushes
from app.services.run import run_read, run_write
from app.services.sync import SyncReport, due_channel_ids, fail_unexpected, run_sync
from app.services.sync_env import SyncEnvironment

log = logging.getLogger(__name__)

TICK_SECONDS: Final = 30.0


@dataclass(frozen=True)
class ConnectionTest:
    """Outcome of "Test connection": the platform's description of the store, or the error."""

    channel_id: int
    ok: bool
    description: str
    error: BaseException | None


@dataclass(frozen=True)
class SyncState:
    """The scheduler as the screens see it: a snapshot, emitted whenever it changes.

    ``version`` grows with each snapshot, so a late queued one never replaces a newer one.
    """

    version: int = 0
    running: int | None = None
    queued: frozenset[int] = frozenset()
    reports: Mapping[int, SyncReport] = field(default_factory=lambda: MappingProxyType({}))

    def is_running(self, channel_id: int) -> bool:
        return self.running == channel_id

    def is_queued(self, channel_id: int) -> bool:
        return channel_id in self.queued


def check_store_connection(env: SyncEnvironment, channel_id: int) -> ConnectionTest:
    """Check a store's credentials (HTTP: run it on a task-runner lane, never the GUI)."""
    try:
        config = run_read(env.db, channel_config, channel_id)
        connector = env.connector(config)
        try:
            text = connector.test_connection()
        finally:
            connector.close()
    except (ChannelError, DomainError, OSError) as exc:
        return ConnectionTest(channel_id, False, "", exc)
    return ConnectionTest(channel_id, True, text, None)


class SyncScheduler(QObject):
    """Runs due syncs and the push queue on a worker thread; one per app.

    Signals carry service DTOs: ``SyncProgress`` after each committed page,
    ``SyncReport`` when a store's run ends, ``PushReport`` after a push round, and
    ``SyncState`` whenever the running store, the queue or a report changes.
    """

    sync_started = Signal(int, str)
    progress = Signal(object)
    sync_finished = Signal(object)
    pushes_finished = Signal(object)
    running_changed = Signal(bool)
    state_changed = Signal(object)  # SyncState

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
        # Worker-side state, guarded by ``_lock``; the GUI sees it only as SyncState.
        self._running: int | None = None
        self._reports: dict[int, SyncReport] = {}
        self._version = 0
        # The newest snapshot delivered to the GUI thread (this object lives there, so a
        # worker's emit reaches this slot queued, before any screen's slot connected later).
        self._state = SyncState()
        self.state_changed.connect(self._on_state_changed)
        # Held while emitting; once ``_closed`` (set by stop) the worker emits nothing, so a
        # thread that overran stop() cannot touch this object after it is deleted.
        self._emit_lock = threading.RLock()
        self._closed = False

    @property
    def state(self) -> SyncState:
        """The last state delivered on the GUI thread (for a screen built mid-sync)."""
        return self._state

    @Slot(object)
    def _on_state_changed(self, state: SyncState) -> None:
        if state.version > self._state.version:
            self._state = state

    # -- GUI-thread API ----------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._loop, name="haicang-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> bool:
        """Stop after the current request; a running sync is cancelled between requests.

        Returns False when the thread is still running after ``timeout`` (an HTTP request
        ends within the connector's own timeout; the thread then ends without emitting).
        """
        self._stop.set()
        self._cancel.set()
        self._wake.set()
        stopped = True
        if self._thread is not None:
            self._thread.join(timeout)
            stopped = not self._thread.is_alive()
            if not stopped:
                log.warning("the sync thread did not stop within %.0f s", timeout)
            self._thread = None
        with self._emit_lock:
            self._closed = True
        return stopped

    def sync_now(self, channel_id: int) -> None:
        with self._lock:
            if channel_id not in self._requests and channel_id != self._running:
                self._requests.append(channel_id)
        self._publish()
        self._wake.set()

    def push_now(self) -> None:
        self._wake.set()

    def cancel(self) -> None:
        """Cancel the running sync (it stops between two requests; committed pages stay)."""
        with self._lock:
            self._requests.clear()
        self._publish()
        self._cancel.set()

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
            if channel_id is not None:
                self._publish()
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
            self._emit("pushes_finished", report)

    def _sync(self, channel_id: int) -> None:
        self._cancel.clear()
        try:
            config = run_read(self.env.db, channel_config, channel_id)
        except DomainError:  # deleted meanwhile
            return
        with self._lock:
            self._running = channel_id
        self._publish()
        self._emit("running_changed", True)
        self._emit("sync_started", channel_id, config.name)
        try:
            report = run_sync(self.env, channel_id, cancel=self._cancel,
                              progress=lambda p: self._emit("progress", p))
        except Exception as exc:  # e.g. recording the run's end failed: still end it on screen
            log.exception("sync of %s failed", config.name)
            report = SyncReport(channel_id, config.name, config.platform)
            fail_unexpected(report, exc)
        with self._lock:
            self._running = None
            self._reports[channel_id] = report
        self._publish()
        self._emit("sync_finished", report)
        self._emit("running_changed", False)

    def _publish(self) -> None:
        """Emit a snapshot of the state (from either thread); built under the lock."""
        with self._lock:
            self._version += 1
            state = SyncState(self._version, self._running, frozenset(self._requests),
                              MappingProxyType(dict(self._reports)))
        self._emit("state_changed", state)

    def _emit(self, signal: str, *args: object) -> None:
        """Emit one of this object's signals unless the scheduler was stopped."""
        with self._emit_lock:
            if not self._closed:
                getattr(self, signal).emit(*args)


def start_sync_scheduler(app: AppContext, parent: QObject | None = None) -> SyncScheduler:
    """Build and start the scheduler; the app controller stops it (sign-out, quit)."""
    scheduler = SyncScheduler(SyncEnvironment.create(app.db), parent=parent)
    scheduler.start()
    return scheduler


__all__ = [
    "PushReport",
    "SyncScheduler",
    "SyncState",
    "check_store_connection",
    "start_sync_scheduler",
]
