"""Background work for the GUI: one writer thread, a small reader pool, serial lanes.

The GUI thread never touches the database or a device. A screen asks for work with
``runner.read(fn, on_done=...)`` or ``runner.write(fn, on_done=...)``; ``fn``
gets a fresh session (one transaction for writes) and must return plain data
(DTOs). The callback runs later on the GUI thread. Errors go to ``on_error``
(by default the owner's nearest :class:`ErrorSink`), never to a crash.

A single writer thread means SQLite sees one writer per process, and writes
happen in the order the user made them. Long jobs get a :class:`TaskControl`
to report progress and to notice a cancel request between safe steps.

Device work (a printer send, a scale probe) waits on hardware for seconds, so it runs on
a named *lane*: ``runner.lane("tcp://10.0.0.5:9100").submit(fn, on_done=...)``. Each lane
is one thread running its jobs in order, so a hung label printer delays only its own
jobs. A device loop that runs until told to stop (the scale's polling) is one long lane job,
``lane.run(fn, on_report=...)``: ``fn`` gets a :class:`TaskControl` whose ``report(item)``
hands each item to the GUI thread in order, and whose cancel flag ``Task.cancel()`` and
:meth:`TaskRunner.shutdown` set. Every result, whatever the thread, reaches the GUI thread
through the runner's one bridge, with the same owner checks. :meth:`TaskRunner.shutdown`
drains everything and joins every thread; after it nothing is emitted, so no worker can
touch a deleted Qt object.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from app.services.changes import Changes

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.db.engine import Database

log = logging.getLogger(__name__)

T = TypeVar("T")
READ_THREADS = 3
# How long shutdown waits for a lane's current job: longer than a printer's default
# transport timeout (printers.profiles, 10 s), so a send to a dead printer ends by itself.
LANE_STOP_SECONDS = 15.0


class Cancelled(Exception):
    """Raised inside a job by :meth:`TaskControl.check` after the user pressed Cancel."""


@dataclass(eq=False)  # compared by identity: a lane keeps its running controls in a set
class TaskControl:
    """Handed to long jobs: report progress, and stop at a safe point when asked."""

    _progress: Callable[[int, int, str], None]
    _cancel: threading.Event = field(default_factory=threading.Event)
    _report: Callable[[Any], None] | None = None

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._progress(done, total, text)

    def report(self, item: Any) -> None:
        """Hand ``item`` to the job's ``on_report`` on the GUI thread (lane loops only)."""
        if self._report is not None:
            self._report(item)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class Task(Generic[T]):
    """A handle on submitted work: lets the screen cancel a job or ignore a stale result."""

    _ids = itertools.count(1)

    def __init__(self, owner: QObject | None) -> None:
        self.id = next(self._ids)
        self.owner = owner
        self.control: TaskControl | None = None
        self.discarded = False

    def cancel(self) -> None:
        """Ask a job to stop at its next safe point (reads and writes cannot be stopped)."""
        if self.control is not None:
            self.control._cancel.set()

    def discard(self) -> None:
        """Drop the result when it arrives (e.g. a newer search replaced this one)."""
        self.discarded = True


@dataclass
class _Callbacks:
    task: Task[Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int, str], None] | None = None
    on_report: Callable[[Any], None] | None = None
    # Counted in ``busy`` ("Working…"): database work is, device lanes are not (a printer
    # send can take seconds and the window is not waiting for it).
    counted: bool = True


class _LaneQueue:
    """One thread running submitted calls in order; its futures feed the runner's bridge."""

    def __init__(self, name: str) -> None:
        self._jobs: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]] | None] = (
            queue.SimpleQueue())
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._drain, name=f"haicang-lane {name}",
                                        daemon=True)
        self._thread.start()

    def submit(self, call: Callable[[], T]) -> Future[T]:
        future: Future[T] = Future()
        if self._stopping.is_set():
            future.cancel()
        else:
            self._jobs.put((future, call))
        return future

    def stop(self) -> None:
        """Finish the current job, cancel the queued ones, end the thread (does not wait)."""
        self._stopping.set()
        self._jobs.put(None)

    def join(self, timeout: float) -> bool:
        self._thread.join(max(timeout, 0.0))
        return not self._thread.is_alive()

    def _drain(self) -> None:
        while (item := self._jobs.get()) is not None:
            future, call = item
            if self._stopping.is_set():
                future.cancel()
                continue
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = call()
            except BaseException as exc:  # handed to the GUI thread, never lost in a thread
                future.set_exception(exc)
            else:
                future.set_result(result)
        while True:  # cancel what was queued behind the stop request
            try:
                rest = self._jobs.get_nowait()
            except queue.Empty:
                return
            if rest is not None:
                rest[0].cancel()


class Lane:
    """A serial queue of device work: one thread, jobs run one after another in order."""

    def __init__(self, runner: TaskRunner, name: str, executor: _LaneQueue | None) -> None:
        self.runner = runner
        self.name = name
        self._executor = executor
        # Controls of the loop (``run``) jobs now running on the lane thread, so shutdown can
        # ask them to end; guarded by ``_lock`` as the lane thread adds and removes them.
        self._running: set[TaskControl] = set()
        self._lock = threading.Lock()
        self._cancelling = False

    def submit(self, fn: Callable[[], T], *, on_done: Callable[[T], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               owner: QObject | None = None) -> Task[T]:
        """Run ``fn()`` on this lane's thread; the callbacks run later on the GUI thread.

        ``fn`` opens its own database transactions if it needs any (``runner.db``).
        Results for an ``owner`` that was deleted meanwhile are dropped.
        """
        task: Task[T] = Task(owner)
        callbacks = _Callbacks(task, on_done, on_error, counted=False)
        return self.runner._submit_task(self._executor, fn, callbacks)

    def run(self, fn: Callable[[TaskControl], T], *,
            on_report: Callable[[Any], None] | None = None,
            on_done: Callable[[T], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            owner: QObject | None = None) -> Task[T]:
        """Run a loop ``fn(control)`` on this lane until it returns (e.g. polling a device).

        ``control.report(item)`` delivers ``item`` to ``on_report`` on the GUI thread, in
        order and before ``on_done``. ``fn`` must return soon after ``control.cancelled``
        turns true (``task.cancel()``, or the runner's shutdown) and bound every wait, as
        the lane runs nothing else meanwhile.
        """
        task: Task[T] = Task(owner)
        callbacks = _Callbacks(task, on_done, on_error, on_report=on_report, counted=False)
        control = TaskControl(lambda _d, _t, _text: None,
                              _report=lambda item: self.runner._emit_report(callbacks, item))
        task.control = control

        def call() -> T:
            with self._lock:
                self._running.add(control)
                if self._cancelling:
                    control._cancel.set()
            try:
                return fn(control)
            finally:
                with self._lock:
                    self._running.discard(control)

        return self.runner._submit_task(self._executor, call, callbacks)

    def _cancel_running(self) -> None:
        """Ask the loop job now running (and any about to start) to end."""
        with self._lock:
            self._cancelling = True
            for control in self._running:
                control._cancel.set()


class _Bridge(QObject):
    """Lives on the GUI thread; signals emitted from workers arrive here queued."""

    finished = Signal(object, object, object)  # callbacks, result, error
    progressed = Signal(object, int, int, str)
    reported = Signal(object, object)  # callbacks, item


class TaskRunner(QObject):
    """Runs database work off the GUI thread and hands results back to it."""

    busy_changed = Signal(bool)
    # A finished task changed data (its result carried a ``changes`` set); screens reload.
    data_changed = Signal(object)
    # A write waits for another PC's write lock (``run_write`` retries): text for the
    # status bar until the runner is no longer busy.
    waiting = Signal(str)

    def __init__(self, db: Database | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        if db is not None:
            self.attach(db)
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="haicang-writer")
        self._readers = ThreadPoolExecutor(READ_THREADS, thread_name_prefix="haicang-reader")
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._on_bridge_finished)
        self._bridge.progressed.connect(self._on_bridge_progressed)
        self._bridge.reported.connect(self._on_bridge_reported)
        self._pending = 0
        self._lanes: dict[str, Lane] = {}
        # Held while a worker emits into the bridge; ``_closed`` (set by shutdown) stops them.
        self._emit_lock = threading.Lock()
        self._closed = False
        self.error_handler: Callable[[BaseException, QObject | None], None] | None = None

    # -- public API ------------------------------------------------------------------

    def attach(self, db: Database) -> None:
        """Give the runner its database. Until then only lanes work: the app opens the
        database itself on a lane, and reads, writes and jobs raise RuntimeError."""
        self._db = db.notifying(self._on_database_wait)

    @property
    def db(self) -> Database:
        """The database reads, writes and jobs use (RuntimeError before :meth:`attach`)."""
        if self._db is None:
            raise RuntimeError("the task runner has no database yet")
        return self._db

    def read(self, fn: Callable[[Session], T], *, on_done: Callable[[T], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             owner: QObject | None = None) -> Task[T]:
        """Run ``fn(session)`` on a reader thread with a read-only session."""
        db = self.db
        return self._submit(self._readers, lambda: self._read(db, fn), on_done, on_error, owner)

    def write(self, fn: Callable[[Session], T], *, on_done: Callable[[T], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None,
              owner: QObject | None = None) -> Task[T]:
        """Run ``fn(session)`` as one transaction on the writer thread."""
        from app.services.run import run_write

        db = self.db
        return self._submit(self._writer, lambda: run_write(db, fn), on_done, on_error, owner)

    def job(self, fn: Callable[[Database, TaskControl], T], *,
            on_done: Callable[[T], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[int, int, str], None] | None = None,
            owner: QObject | None = None) -> Task[T]:
        """Run a long job on the writer thread; it opens its own transactions."""
        task: Task[T] = Task(owner)
        callbacks = _Callbacks(task, on_done, on_error, on_progress)
        task.control = TaskControl(
            lambda d, t, text: self._emit_progress(callbacks, d, t, text)
        )
        control, db = task.control, self.db
        return self._submit_task(self._writer, lambda: fn(db, control), callbacks)

    def report_changes(self, changes: Changes) -> None:
        """Data changed by work outside the runner (the nightly billing job on its own
        thread; call on the GUI thread): screens reload as after one of its writes."""
        if changes:
            self.data_changed.emit(changes)

    def lane(self, name: str) -> Lane:
        """The serial lane called ``name`` (created with its thread on first use)."""
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        if name not in self._lanes:
            self._lanes[name] = Lane(self, name, self._new_lane_queue(name))
        return self._lanes[name]

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self, lane_timeout: float = LANE_STOP_SECONDS) -> None:
        """Stop every thread: queued writes finish (never lose a user's action), pending
        reads and queued lane jobs are dropped, each lane ends after its current job, and a
        loop job (``Lane.run``) is asked to end through its control.

        Waits up to ``lane_timeout`` for lanes (a device job ends within its own transport
        timeout). Afterwards no result is delivered, even from a lane that overran.
        """
        lanes = [lane._executor for lane in self._lanes.values() if lane._executor is not None]
        for executor in lanes:
            executor.stop()
        for lane in self._lanes.values():
            lane._cancel_running()
        self._readers.shutdown(wait=True, cancel_futures=True)
        self._writer.shutdown(wait=True)
        deadline = time.monotonic() + lane_timeout
        for executor in lanes:
            if not executor.join(deadline - time.monotonic()):
                log.warning("a device lane did not stop within %.0f s", lane_timeout)
        with self._emit_lock:
            self._closed = True

    # -- plumbing --------------------------------------------------------------------

    @staticmethod
    def _read(db: Database, fn: Callable[[Session], T]) -> T:
        with db.reading() as session:
            return fn(session)

    def _submit(self, pool: ThreadPoolExecutor, call: Callable[[], T],
                on_done: Callable[[T], None] | None,
                on_error: Callable[[BaseException], None] | None,
                owner: QObject | None) -> Task[T]:
        task: Task[T] = Task(owner)
        return self._submit_task(pool, call, _Callbacks(task, on_done, on_error))

    def _new_lane_queue(self, name: str) -> _LaneQueue | None:
        return _LaneQueue(name)

    def _submit_task(self, pool: ThreadPoolExecutor | _LaneQueue | None,
                     call: Callable[[], T], callbacks: _Callbacks) -> Task[T]:
        assert pool is not None
        if callbacks.counted:
            self._started()
        future = pool.submit(call)
        future.add_done_callback(lambda f: self._deliver(callbacks, f))
        return callbacks.task

    def _deliver(self, callbacks: _Callbacks, future: Future[Any]) -> None:
        """Worker side: hand the outcome to the GUI thread (nothing once shut down)."""
        result: Any = None
        error: BaseException | None
        if future.cancelled():
            error = Cancelled()
        else:
            error = future.exception()
            result = None if error else future.result()
        with self._emit_lock:
            if not self._closed:
                self._bridge.finished.emit(callbacks, result, error)

    def _on_database_wait(self) -> None:
        """Worker side: a write found the database locked by another program."""
        with self._emit_lock:
            if not self._closed:
                self.waiting.emit(self.tr("Waiting for another PC to finish writing…"))

    def _emit_progress(self, callbacks: _Callbacks, done: int, total: int, text: str) -> None:
        with self._emit_lock:
            if not self._closed:
                self._bridge.progressed.emit(callbacks, done, total, text)

    def _emit_report(self, callbacks: _Callbacks, item: Any) -> None:
        with self._emit_lock:
            if not self._closed:
                self._bridge.reported.emit(callbacks, item)

    @Slot(object, object, object)
    def _on_bridge_finished(self, callbacks: _Callbacks, result: Any,
                            error: BaseException | None) -> None:
        if callbacks.counted:
            self._finished()
        changes = getattr(result, "changes", None)
        if error is None and isinstance(changes, Changes) and changes:
            self.data_changed.emit(changes)
        task = callbacks.task
        if task.discarded or (task.owner is not None and not shiboken6.isValid(task.owner)):
            return
        if error is None:
            if callbacks.on_done is not None:
                callbacks.on_done(result)
            return
        if isinstance(error, Cancelled) and callbacks.on_error is None:
            return
        if not isinstance(error, Exception):
            log.error("task failed", exc_info=error)
        if callbacks.on_error is not None:
            callbacks.on_error(error)
        elif self.error_handler is not None:
            self.error_handler(error, task.owner)
        else:
            log.error("unhandled task error", exc_info=error)

    @Slot(object, int, int, str)
    def _on_bridge_progressed(self, callbacks: _Callbacks, done: int, total: int,
                              text: str) -> None:
        task = callbacks.task
        if callbacks.on_progress is None or task.discarded:
            return
        if task.owner is not None and not shiboken6.isValid(task.owner):
            return
        callbacks.on_progress(done, total, text)

    @Slot(object, object)
    def _on_bridge_reported(self, callbacks: _Callbacks, item: Any) -> None:
        task = callbacks.task
        if callbacks.on_report is None or task.discarded:
            return
        if task.owner is not None and not shiboken6.isValid(task.owner):
            return
        callbacks.on_report(item)

    def _started(self) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

    def _finished(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
