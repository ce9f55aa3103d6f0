"""Carrier tracking in the background: one polling pass every few minutes, on its own thread.

A pass is HTTP to the label providers (seconds to minutes for many parcels), so like the
platform sync (``sync_scheduler.py``) it runs neither on the GUI thread nor on the task
runner's writer: :func:`app.services.tracking.update_tracking` reads, polls outside any
transaction and writes in short transactions of its own. The GUI learns of a pass only
through the queued ``finished`` signal (a frozen ``TrackingReport``); the Exceptions view
refreshes from it. Only office PCs poll (a pack or pick station has other work), every
``tracking_minutes`` of the station settings (0 = never on this PC).
"""

from __future__ import annotations

import logging
import threading
from typing import Final

from PySide6.QtCore import QObject, Signal

from app.bootstrap import AppContext
from app.db.engine import Database
from app.domain.permissions import Actor
from app.secrets import SecretStore
from app.services.label_providers import provider_source
from app.services.label_quotes import ProviderSource
from app.services.tracking import update_tracking

log = logging.getLogger(__name__)

#: The first pass waits a little after sign-in, so start-up stays quick.
FIRST_DELAY_SECONDS: Final = 60.0
ACTOR: Final = Actor.system("tracking")


class TrackingScheduler(QObject):
    """Polls tracking every ``interval_seconds`` on a worker thread until stopped."""

    finished = Signal(object)  # TrackingReport

    def __init__(self, db: Database, providers: ProviderSource, *, interval_seconds: float,
                 no_scan_days: int, first_delay: float = FIRST_DELAY_SECONDS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._providers = providers
        self._interval = interval_seconds
        self._first_delay = first_delay
        self._no_scan_days = no_scan_days
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        # held while emitting; after stop() nothing is emitted (the object may be deleted)
        self._emit_lock = threading.Lock()
        self._closed = False

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="haicang-tracking",
                                            daemon=True)
            self._thread.start()

    def update_now(self) -> None:
        """Poll at once instead of at the next tick."""
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
                report = update_tracking(self._db, self._providers, actor=ACTOR,
                                         no_scan_days=self._no_scan_days)
            except Exception:  # never let the thread die; the next tick tries again
                log.exception("tracking pass failed")
                continue
            with self._emit_lock:
                if not self._closed:
                    self.finished.emit(report)


def start_tracking_scheduler(app: AppContext,
                             parent: QObject | None = None) -> TrackingScheduler | None:
    """Start polling on an office PC whose ``tracking_minutes`` is above 0, else None."""
    settings = app.settings
    if settings.mode != "office" or settings.tracking_minutes <= 0:
        return None
    db = app.db
    # the secret store is opened on the worker thread, when a provider is first needed
    scheduler = TrackingScheduler(
        db, lambda config: provider_source(db, SecretStore())(config),
        interval_seconds=settings.tracking_minutes * 60.0,
        no_scan_days=settings.no_scan_days, parent=parent)
    scheduler.start()
    return scheduler
