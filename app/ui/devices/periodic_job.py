"""One piece of background work repeated every so often, on a thread of its own.

The tracking poll and the nightly billing job both run for seconds to minutes, so they
run neither on the GUI thread nor on the task runner's writer (a user's save would wait
behind them). Their loop is the same and lives here once: the first pass a little after
sign-in (start-up stays quick), then one every ``interval_seconds``; ``update_now`` runs
a pass at once; a pass that raises is logged and the next tick tries again (the thread
never dies of it); each result reaches the GUI thread through the queued ``finished``
signal, and after :meth:`PeriodicJob.stop` nothing is emitted (the object may be deleted).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class PeriodicJob(QObject):
    """Runs ``work`` every ``interval_seconds`` on a worker thread until stopped."""

    finished = Signal(object)  # what one pass of ``work`` returned

    def __init__(self, work: Callable[[], object], *, name: str, interval_seconds: float,
                 first_delay: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._name = name
        self._interval = interval_seconds
        self._first_delay = first_delay
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        # held while emitting; after stop() nothing is emitted (the object may be deleted)
        self._emit_lock = threading.Lock()
        self._closed = False

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name=f"haicang-{self._name}",
                                            daemon=True)
            self._thread.start()

    def update_now(self) -> None:
        """Run a pass at once instead of at the next tick."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> bool:
        """Stop after the current pass; False when the thread outlived ``timeout``."""
        self._stop.set()
        self._wake.set()
        stopped = True
        if self._thread is not None:
            self._thread.join(timeout)
            stopped = not self._thread.is_alive()
            self._thread = None
        with self._emit_lock:
            self._closed = True
        return stopped

    def _loop(self) -> None:
        delay = self._first_delay
        while not self._stop.is_set():
            self._wake.wait(delay)
            self._wake.clear()
            delay = self._interval
            if self._stop.is_set():
                break
            try:
                result = self._work()
            except Exception:  # never let the thread die; the next tick tries again
                log.exception("%s pass failed", self._name)
                continue
            with self._emit_lock:
                if not self._closed:
                    self.finished.emit(result)
