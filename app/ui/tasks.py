"""Background work for the GUI: one writer thread, a small reader pool, results as signals.

The GUI thread never touches the database. A screen asks for work with
``runner.read(fn, on_done=...)`` or ``runner.write(fn, on_done=...)``; ``fn``
gets a fresh session (one transaction for writes) and must return plain data
(DTOs). The callback runs later on the GUI thread. Errors go to ``on_error``
(by default the owner's nearest :class:`ErrorSink`), never to a crash.

A single writer thread means SQLite sees one writer per process, and writes
happen in the order the user made them. Long jobs get a :class:`TaskControl`
to report progress and to notice a cancel request between safe steps.
"""

from __future__ import annotations

import itertools
import logging
import threading
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


class Cancelled(Exception):
    """Raised inside a job by :meth:`TaskControl.check` after the user pressed Cancel."""


@dataclass
class TaskControl:
    """Handed to long jobs: report progress, and stop at a safe point when asked."""

    _progress: Callable[[int, int, str], None]
    _cancel: threading.Event = field(default_factory=threading.Event)

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._progress(done, total, text)

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


class _Bridge(QObject):
    """Lives on the GUI thread; signals emitted from workers arrive here queued."""

    finished = Signal(object, object, object)  # callbacks, result, error
    progressed = Signal(object, int, int, str)


class TaskRunner(QObject):
    """Runs database work off the GUI thread and hands results back to it."""

    busy_changed = Signal(bool)
    # A finished task changed data (its result carried a ``changes`` set); screens reload.
    data_changed = Signal(object)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="haicang-writer")
        self._readers = ThreadPoolExecutor(READ_THREADS, thread_name_prefix="haicang-reader")
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._on_bridge_finished)
        self._bridge.progressed.connect(self._on_bridge_progressed)
        self._pending = 0
        self.error_handler: Callable[[BaseException, QObject | None], None] | None = None

    # -- public API ------------------------------------------------------------------

    def read(self, fn: Callable[[Session], T], *, on_done: Callable[[T], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             owner: QObject | None = None) -> Task[T]:
        """Run ``fn(session)`` on a reader thread with a read-only session."""
        return self._submit(self._readers, lambda: self._read(fn), on_done, on_error, owner)

    def write(self, fn: Callable[[Session], T], *, on_done: Callable[[T], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None,
              owner: QObject | None = None) -> Task[T]:
        """Run ``fn(session)`` as one transaction on the writer thread."""
        from app.services.run import run_write

        return self._submit(self._writer, lambda: run_write(self.db, fn), on_done, on_error, owner)

    def job(self, fn: Callable[[Database, TaskControl], T], *,
            on_done: Callable[[T], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_progress: Callable[[int, int, str], None] | None = None,
            owner: QObject | None = None) -> Task[T]:
        """Run a long job on the writer thread; it opens its own transactions."""
        task: Task[T] = Task(owner)
        callbacks = _Callbacks(task, on_done, on_error, on_progress)
        task.control = TaskControl(
            lambda d, t, text: self._bridge.progressed.emit(callbacks, d, t, text)
        )
        control = task.control
        return self._submit_task(self._writer, lambda: fn(self.db, control), callbacks)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self) -> None:
        """Finish queued writes (never lose a user's action), drop pending reads."""
        self._readers.shutdown(wait=False, cancel_futures=True)
        self._writer.shutdown(wait=True)

    # -- plumbing --------------------------------------------------------------------

    def _read(self, fn: Callable[[Session], T]) -> T:
        with self.db.reading() as session:
            return fn(session)

    def _submit(self, pool: ThreadPoolExecutor, call: Callable[[], T],
                on_done: Callable[[T], None] | None,
                on_error: Callable[[BaseException], None] | None,
                owner: QObject | None) -> Task[T]:
        task: Task[T] = Task(owner)
        return self._submit_task(pool, call, _Callbacks(task, on_done, on_error))

    def _submit_task(self, pool: ThreadPoolExecutor, call: Callable[[], T],
                     callbacks: _Callbacks) -> Task[T]:
        self._started()
        future = pool.submit(call)
        future.add_done_callback(lambda f: self._deliver(callbacks, f))
        return callbacks.task

    def _deliver(self, callbacks: _Callbacks, future: Future[Any]) -> None:
        """Worker side: hand the outcome to the GUI thread."""
        if future.cancelled():
            self._bridge.finished.emit(callbacks, None, Cancelled())
            return
        error = future.exception()
        self._bridge.finished.emit(callbacks, None if error else future.result(), error)

    @Slot(object, object, object)
    def _on_bridge_finished(self, callbacks: _Callbacks, result: Any,
                            error: BaseException | None) -> None:
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

    def _started(self) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

    def _finished(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)


class InlineTaskRunner(TaskRunner):
    """Runs every task at once on the calling thread; for tests (cf. Picard's fake pool).

    Results still arrive through the same callbacks, so screens behave exactly
    as with threads, minus the waiting.
    """

    def _submit_task(self, pool: ThreadPoolExecutor, call: Callable[[], T],
                     callbacks: _Callbacks) -> Task[T]:
        self._started()
        try:
            result, error = call(), None
        except Exception as exc:
            result, error = None, exc
        self._on_bridge_finished(callbacks, result, error)
        return callbacks.task
