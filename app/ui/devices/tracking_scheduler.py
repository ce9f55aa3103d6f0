"""Carrier tracking in the background: one polling pass every few minutes, on its own thread.

A pass is HTTP to the label providers (seconds to minutes for many parcels), so like the
platform sync (``sync_scheduler.py``) it runs neither on the GUI thread nor on the task
runner's writer: :func:`app.services.tracking.update_tracking` reads, polls outside any
transaction and writes in short transactions of its own. The loop (first pass, interval,
a failed pass logged and retried, nothing emitted after ``stop``) is
:class:`~app.ui.devices.periodic_job.PeriodicJob`'s. The GUI learns of a pass only
through the queued ``finished`` signal (a frozen ``TrackingReport``); the Exceptions view
refreshes from it. Only office PCs poll (a pack or pick station has other work), every
``tracking_minutes`` of the station settings (0 = never on this PC).
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QObject

from app.bootstrap import AppContext
from app.db.engine import Database
from app.domain.permissions import Actor
from app.secrets import SecretStore
from app.services.label_providers import provider_source
from app.services.label_quotes import ProviderSource
from app.services.tracking import update_tracking
from app.ui.devices.periodic_job import PeriodicJob

#: The first pass waits a little after sign-in, so start-up stays quick.
FIRST_DELAY_SECONDS: Final = 60.0
ACTOR: Final = Actor.system("tracking")


class TrackingScheduler(PeriodicJob):
    """Polls tracking every ``interval_seconds`` on a worker thread until stopped;
    ``finished`` carries each pass's ``TrackingReport``."""

    def __init__(self, db: Database, providers: ProviderSource, *, interval_seconds: float,
                 no_scan_days: int, first_delay: float = FIRST_DELAY_SECONDS,
                 parent: QObject | None = None) -> None:
        super().__init__(lambda: update_tracking(db, providers, actor=ACTOR,
                                                 no_scan_days=no_scan_days),
                         name="tracking", interval_seconds=interval_seconds,
                         first_delay=first_delay, parent=parent)


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
