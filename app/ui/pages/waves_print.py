"""Printing from the Waves screen: carts' paper pick lists, and a label-first wave's labels.

Both go through the station's print worker (one lane per printer, so a hung printer
never blocks the screen); a job the printer did not take waits in the print queue
(Printing screen) to retry, as every other print does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QObject
from sqlalchemy.orm import Session

from app.services.pick_lists import cart_pick_list_document
from app.services.print_documents import Document, JobKind
from app.services.print_queue import DeliveryResult, deliver
from app.services.printer_settings import PrinterNotConfigured
from app.ui.devices.printing import PrintWorker, station_printers
from app.ui.i18n import error_text
from app.ui.pages.base import Page
from app.ui.pages.orders_bulk import PrintTally
from app.ui.widgets.message_bar import Level
from printers.profiles import PrinterProfile


def _cart_document(cart_code: str, session: Session, profile: PrinterProfile) -> Document:
    return cart_pick_list_document(session, cart_code, profile)


class WavePrinter(QObject):
    """Sends a page's wave documents and says on the page, once, how it went."""

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.page = page

    def label_printer(self) -> PrinterProfile | None:
        """This station's shipping-label printer, or None when it has none set up (the
        labels of a label-first wave then wait to be printed from the wave)."""
        try:
            return station_printers(self.page.ctx.app.settings).for_kind(
                JobKind.SHIPPING_LABEL)
        except PrinterNotConfigured:
            return None

    def print_pick_lists(self, cart_codes: Sequence[str]) -> None:
        """One paper pick list per cart, in the order given, on the pick-list printer."""
        ctx = self.page.ctx
        try:
            profile = station_printers(ctx.app.settings).for_kind(JobKind.PICK_LIST)
        except PrinterNotConfigured as error:
            self.page.show_error(error)
            return
        done, failed = self._callbacks(PrintTally(len(cart_codes)), self.tr("Pick lists"))
        worker = PrintWorker.for_tasks(ctx.tasks)
        for code in cart_codes:
            worker.print_document(partial(_cart_document, code), profile,
                                  actor=ctx.actor, station=ctx.app.settings.station_name,
                                  on_done=done, on_error=failed, owner=self.page)

    def send_label_jobs(self, job_ids: Sequence[int], profile: PrinterProfile) -> None:
        """Send the labels a label-first release queued, in pick order, on the label printer."""
        ctx = self.page.ctx
        db, actor, station = ctx.tasks.db, ctx.actor, ctx.app.settings.station_name
        done, failed = self._callbacks(PrintTally(len(job_ids)), self.tr("Labels"))
        worker = PrintWorker.for_tasks(ctx.tasks)
        for job_id in job_ids:
            worker.submit(profile.uri, partial(deliver, db, job_id, actor=actor,
                                               station=station, profile=profile),
                          on_done=done, on_error=failed, owner=self.page)

    def _callbacks(self, tally: PrintTally, what: str
                   ) -> tuple[Callable[[DeliveryResult], None], Callable[[BaseException], None]]:
        def done(result: DeliveryResult) -> None:
            tally.add(error_text(result.error) if result.error is not None else None)
            self._report(tally, what)

        def failed(error: BaseException) -> None:
            tally.add_refused(error_text(error))
            self._report(tally, what)

        return done, failed

    def _report(self, tally: PrintTally, what: str) -> None:
        """Once every job has come back: how many reached the printer, and the first problem."""
        if not tally.finished:
            return
        problems = tally.refused + tally.failures
        if not problems:
            self.page.messages.show_message(self.tr(
                "{what}: %n document(s) sent to the printer.", "", tally.sent).format(
                what=what), Level.SUCCESS)
            return
        self.page.messages.show_message(self.tr(
            "{what}: %n document(s) not printed (failed jobs wait in the Printing screen's "
            "queue): {reason}", "", len(problems)).format(what=what, reason=problems[0]),
            Level.ERROR)
