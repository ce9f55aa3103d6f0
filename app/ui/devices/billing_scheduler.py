"""The nightly billing job in the background: charge each ended day, on its own thread.

A 3PL's client is charged for every day: storage in particular is what the warehouse
holds as each day ends, so the charge must be made daily without anyone typing a
command. Each office PC with ``billing_auto`` on checks once an hour (the first time a
minute after sign-in) and runs :func:`app.services.billing_accrual.accrue_due`: every
ended (UTC) day since the last one charged, or yesterday on a first run; None when
nothing is due, which is most hours. A busy warehouse's day takes seconds, so like the
tracking poll it runs neither on the GUI thread nor on the task runner's writer, as one
``run_write`` transaction (retried while another PC writes). Two PCs doing it is safe:
a rerun charges only what no line holds yet. The loop is
:class:`~app.ui.devices.periodic_job.PeriodicJob`'s; ``finished`` carries the
``AccrualResult`` (or None), and :func:`changes_of` tells the screens when days were
charged.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Final

from PySide6.QtCore import QObject

from app.bootstrap import AppContext
from app.db.engine import Database
from app.domain.permissions import Actor
from app.services.billing_accrual import AccrualResult, accrue_due
from app.services.changes import Changes
from app.services.run import run_write
from app.ui.devices.periodic_job import PeriodicJob

#: The first pass waits a little after sign-in, so start-up stays quick.
FIRST_DELAY_SECONDS: Final = 60.0
#: A day ends at 00:00 UTC; checking hourly charges it within the hour on a PC left on.
INTERVAL_SECONDS: Final = 3600.0
#: The machine as administrator (``MANAGE_BILLING``), named in the charges it writes.
ACTOR: Final = Actor.system("billing")


def utc_today() -> date:
    return datetime.now(UTC).date()


class BillingScheduler(PeriodicJob):
    """Charges the ended days every ``interval_seconds`` on a worker thread until
    stopped; ``finished`` carries each pass's ``AccrualResult`` or None (nothing due)."""

    def __init__(self, db: Database, *, interval_seconds: float = INTERVAL_SECONDS,
                 first_delay: float = FIRST_DELAY_SECONDS, parent: QObject | None = None) -> None:
        super().__init__(lambda: run_write(db, accrue_due, today=utc_today(), actor=ACTOR),
                         name="billing", interval_seconds=interval_seconds,
                         first_delay=first_delay, parent=parent)


def changes_of(result: AccrualResult | None) -> Changes:
    """What a pass changed for the screens: a pass that charged days (lines or not — a
    quiet day still moves "charged through") reloads the Billing screen; an hour with
    nothing due changes nothing."""
    return Changes.BILLING if result is not None else Changes.NONE


def start_billing_scheduler(app: AppContext,
                            parent: QObject | None = None) -> BillingScheduler | None:
    """Start the job on an office PC whose ``billing_auto`` is on, else None."""
    settings = app.settings
    if settings.mode != "office" or not settings.billing_auto:
        return None
    scheduler = BillingScheduler(app.db, parent=parent)
    scheduler.start()
    return scheduler
