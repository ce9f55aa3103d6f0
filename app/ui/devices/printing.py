"""The print worker: printing runs on task-runner lanes, never on the GUI or DB-writer thread.

A send can take seconds, and a printer that stops reading holds the connection until its
timeout; so each printer address gets its own lane (:meth:`app.ui.tasks.TaskRunner.lane`):
a hung label printer delays only jobs for that printer, never the window, the database
writer, or the office printer. Results come back to the GUI thread through the runner, and
the lanes stop with it (:meth:`TaskRunner.shutdown`).

One worker per task runner (:meth:`PrintWorker.for_tasks`), so every screen and the
settings dialog share the lanes. :func:`print_orders` is the call the Orders page uses
to print shipping labels or packing slips for selected orders.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from app.domain.permissions import Actor
from app.services.print_documents import (
    Document,
    JobKind,
    packing_slip_document,
    pick_list_document,
    shipping_label_document,
)
from app.services.print_queue import DeliveryResult, print_from_data
from app.services.printer_settings import PrinterSettings
from app.settings import StationSettings
from app.ui.tasks import Cancelled, TaskRunner
from printers.profiles import PrinterProfile

log = logging.getLogger(__name__)

IMPORT_LANE = "label-import"


class PrintWorker(QObject):
    """Print work (lay out, queue, send) on one runner lane per printer address."""

    # Emitted on the GUI thread after any job attempt, so queue views can refresh.
    job_finished = Signal(object)  # DeliveryResult or exception
    busy_changed = Signal(bool)

    def __init__(self, tasks: TaskRunner) -> None:
        super().__init__(tasks)
        self.setObjectName("PrintWorker")
        self.tasks = tasks
        self.db = tasks.db
        self._pending = 0

    @classmethod
    def for_tasks(cls, tasks: TaskRunner) -> PrintWorker:
        """The worker shared by everything that uses this task runner (created once)."""
        existing = tasks.findChild(PrintWorker, "PrintWorker")
        return existing if isinstance(existing, PrintWorker) else cls(tasks)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def submit(self, lane: str, fn: Callable[[], Any], *,
               on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               owner: QObject | None = None) -> None:
        """Run ``fn()`` on the lane's thread; callbacks run later on the GUI thread."""
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        # The worker's own slots are the runner's callbacks (owner: the worker, which lives
        # as long as the runner); they forward to the caller's only while ``owner`` lives.
        forward = _Forward(on_done, on_error, owner)
        self.tasks.lane(lane).submit(
            fn, on_done=partial(self._on_job_done, forward),
            on_error=partial(self._on_job_failed, forward), owner=self)

    def print_document(self, build: Callable[[Session, PrinterProfile], Document],
                       profile: PrinterProfile, *, actor: Actor, station: str,
                       on_done: Callable[[DeliveryResult], None] | None = None,
                       on_error: Callable[[BaseException], None] | None = None,
                       owner: QObject | None = None) -> None:
        """Lay out from the database, queue and send, on the printer's lane."""
        db = self.db  # the job holds no Qt object: it may outlive every widget
        self.submit(
            profile.uri,
            lambda: print_from_data(db, build, profile, actor=actor, station=station),
            on_done=on_done, on_error=on_error, owner=owner,
        )

    # -- GUI-thread callbacks from the runner --------------------------------------------

    def _on_job_done(self, forward: _Forward, result: Any) -> None:
        self._job_ended(result)
        if forward.alive() and forward.on_done is not None:
            forward.on_done(result)

    def _on_job_failed(self, forward: _Forward, error: BaseException) -> None:
        self._job_ended(error)
        if not forward.alive():
            return
        if forward.on_error is not None:
            forward.on_error(error)
        elif not isinstance(error, Cancelled):
            log.error("print task failed", exc_info=error)

    def _job_ended(self, outcome: object) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        self.job_finished.emit(outcome)


class _Forward:
    """A caller's callbacks, called only while its owner widget still exists."""

    def __init__(self, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None,
                 owner: QObject | None) -> None:
        self.on_done = on_done
        self.on_error = on_error
        self.owner = owner

    def alive(self) -> bool:
        return self.owner is None or shiboken6.isValid(self.owner)


def station_printers(settings: StationSettings) -> PrinterSettings:
    """This station's printers (raises InvalidProfile when the settings file is damaged)."""
    return PrinterSettings.from_station(settings.printers)


_ORDER_DOCUMENTS: dict[JobKind, Callable[[Session, int, PrinterProfile], Document]] = {
    JobKind.SHIPPING_LABEL: shipping_label_document,
    JobKind.PACKING_SLIP: packing_slip_document,
    JobKind.PICK_LIST: pick_list_document,
}


def print_orders(ctx: Any, order_ids: Sequence[int], kind: JobKind, *,
                 on_done: Callable[[DeliveryResult], None] | None = None,
                 on_error: Callable[[BaseException], None] | None = None,
                 owner: QObject | None = None) -> int:
    """Print a shipping label, packing slip or pick list for each order, off the GUI thread.

    ``ctx`` is a :class:`app.ui.pages.base.PageContext`. The printer is the station's
    printer for ``kind``; ``on_done`` gets each order's :class:`DeliveryResult` (a failed
    delivery has ``result.error`` set and waits in the queue), ``on_error`` any other
    failure (no printer set up, order not allocated...). Returns the number of jobs
    submitted.
    """
    if kind not in _ORDER_DOCUMENTS:
        raise ValueError(f"{kind} is not an order document")
    profile = station_printers(ctx.app.settings).for_kind(kind)
    worker = PrintWorker.for_tasks(ctx.tasks)
    layout = _ORDER_DOCUMENTS[kind]
    for order_id in order_ids:
        build: Callable[[Session, PrinterProfile], Document] = partial(_for_order, layout,
                                                                        order_id)
        worker.print_document(
            build, profile,
            actor=ctx.actor, station=ctx.app.settings.station_name,
            on_done=on_done, on_error=on_error, owner=owner,
        )
    return len(order_ids)


def _for_order(layout: Callable[[Session, int, PrinterProfile], Document], order_id: int,
               session: Session, profile: PrinterProfile) -> Document:
    return layout(session, order_id, profile)
