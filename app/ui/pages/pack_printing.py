"""The pack station's printers: which they are, sending what packing queued, their health.

The label printer is the station's ``label`` role (or its only printer); the slip
printer is the ``document`` role only — a packing slip on a 4x6 label roll would be of
no use. Sending happens on each printer's lane (:class:`app.ui.devices.printing.
PrintWorker`): a printer that hangs delays only its own jobs. A job the printer did not
take stays in the print queue, failed, for the Printing screen; the panel's status line
says so in red and :attr:`StationPrinters.delivered` carries the outcome.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from app.domain.permissions import Actor
from app.services.print_documents import JobKind
from app.services.print_queue import DeliveryResult, PrintJobInfo, deliver
from app.services.printer_settings import PrinterSettings
from app.settings import StationSettings
from app.ui.devices.printing import PrintWorker
from app.ui.i18n import error_text
from app.ui.pages.pack_panel import PackPanel
from app.ui.tasks import TaskRunner
from printers.errors import PrinterError
from printers.profiles import PrinterProfile


def station_profiles(settings: StationSettings
                     ) -> tuple[PrinterProfile | None, PrinterProfile | None, str]:
    """(label printer, slip printer, what is wrong with the settings or "")."""
    try:
        printers = PrinterSettings.from_station(settings.printers)
    except PrinterError as error:  # a damaged settings file: say so, pack without
        return None, None, error_text(error)
    return (*printers.pack_printers(), "")


class StationPrinters(QObject):
    """Sends a pack's jobs and shows how each printer is doing in the panel."""

    #: A job was sent (:class:`DeliveryResult`, ``error`` set when it waits in the queue),
    #: or sending failed outright (the exception).
    delivered = Signal(object)

    def __init__(self, settings: StationSettings, tasks: TaskRunner, panel: PackPanel,
                 actor: Actor) -> None:
        super().__init__(panel)
        self._tasks = tasks
        self._panel = panel
        self._actor = actor
        self._station = settings.station_name
        self.label, self.document, problem = station_profiles(settings)
        if self.label is not None:
            self._show(panel.label_printer, self.tr("Label printer: {name}").format(
                name=self.label.name), None)
        else:
            self._show(panel.label_printer, problem or self.tr(
                "Label printer: none — set one in Settings"), False)
        self._show(panel.document_printer, self.tr("Slip printer: {name}").format(
            name=self.document.name) if self.document else self.tr("Slip printer: none"), None)

    def send(self, jobs: list[PrintJobInfo]) -> None:
        """Send queued jobs, each on its printer's lane; a failure leaves it queued."""
        worker = PrintWorker.for_tasks(self._tasks)
        db, actor, station = self._tasks.db, self._actor, self._station
        for job in jobs:
            worker.submit(job.printer_uri, partial(deliver, db, job.id, actor=actor,
                                                   station=station),
                          on_done=self._on_delivered, on_error=self.delivered.emit,
                          owner=self)

    def _on_delivered(self, result: DeliveryResult) -> None:
        p, job = self._panel, result.job
        target = p.document_printer if job.kind is JobKind.PACKING_SLIP else p.label_printer
        if result.error is None:
            self._show(target, self.tr("{printer}: printed {reference} ✓").format(
                printer=job.printer_name, reference=job.reference), True)
        else:
            self._show(target, self.tr("{printer}: not printing — {reference} waits in "
                                       "the print queue").format(
                printer=job.printer_name, reference=job.reference), False)
        self.delivered.emit(result)

    def _show(self, label: QLabel, text: str, ok: bool | None) -> None:
        self._panel.show_printer(label, text, ok)
