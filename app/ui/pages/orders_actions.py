"""The Orders screen's action row: open, allocate, hold, release, cancel, print, and the
progress of a bulk action with its Stop button.

Bulk actions run as a job (:func:`app.ui.pages.orders_bulk.bulk_job`) with one
transaction per order; when it ends, one message sums up what happened to every order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QWidget,
)

from app.domain.states import ALLOCATABLE_STATES, ORDER_TRANSITIONS, OrderStatus
from app.services.allocation import allocate_order
from app.services.orders import cancel_order, hold_order, release_order
from app.ui.dialogs.order_reason import ReasonDialog
from app.ui.i18n import error_text
from app.ui.models.orders import OrderTableModel, status_text
from app.ui.pages.base import PageContext
from app.ui.pages.orders_bulk import BulkOutcome, OrderStep, PrintTally, bulk_job
from app.ui.tasks import Task
from app.ui.widgets.message_bar import Level, MessageBar

if TYPE_CHECKING:
    from app.services.print_documents import JobKind
    from app.services.print_queue import DeliveryResult

# Failures listed by name in the summary; the rest are counted.
FAILURES_LISTED = 5
#: How many short SKUs a bulk allocation names before "and N more SKUs".
SHORT_SKUS_LISTED = 5


class OrderActionBar(QWidget):
    """Acts on the orders selected in ``table``; reports on the page's ``messages``."""

    #: Open was clicked: the page opens the current order.
    open_requested = Signal()

    def __init__(self, ctx: PageContext, table: QTableView, model: OrderTableModel,
                 messages: MessageBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._table = table
        self._model = model
        self._messages = messages
        self._job: Task[BulkOutcome] | None = None
        self._job_running = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)  # the page's spacing: the row looks as if laid out there
        self._add_order_buttons(row)
        row.addSpacing(8)
        self._add_print_buttons(row)
        row.addSpacing(8)
        self.selection_label = QLabel()
        self.selection_label.setObjectName("Muted")
        row.addWidget(self.selection_label)
        row.addStretch(1)
        self._add_progress(row)
        table.selectionModel().selectionChanged.connect(lambda *_: self.refresh_enabled())
        self.refresh_enabled()

    # -- building ------------------------------------------------------------------------

    def _add_order_buttons(self, row: QHBoxLayout) -> None:
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Lines, address, reserved bins and history (Enter)"))
        self.open_button.clicked.connect(self.open_requested)
        self.allocate_button = QPushButton(self.tr("Allocate"))
        self.allocate_button.setToolTip(self.tr("Reserve stock in bins for the selected orders"))
        self.allocate_button.clicked.connect(self.allocate_selected)
        self.hold_button = QPushButton(self.tr("Hold…"))
        self.hold_button.clicked.connect(self._on_hold_button_clicked)
        self.release_button = QPushButton(self.tr("Release hold"))
        self.release_button.clicked.connect(self.release_selected)
        self.cancel_button = QPushButton(self.tr("Cancel orders…"))
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        for button in (self.open_button, self.allocate_button, self.hold_button,
                       self.release_button, self.cancel_button):
            row.addWidget(button)

    def _add_print_buttons(self, row: QHBoxLayout) -> None:
        self.label_button = QPushButton(self.tr("Print label"))
        self.label_button.setToolTip(
            self.tr("A 4x6 shipping label for each selected order, on this station's printer"))
        self.label_button.clicked.connect(self._on_label_button_clicked)
        self.slip_button = QPushButton(self.tr("Packing slip"))
        self.slip_button.setToolTip(self.tr("A packing slip for each selected order"))
        self.slip_button.clicked.connect(self._on_slip_button_clicked)
        row.addWidget(self.label_button)
        row.addWidget(self.slip_button)

    def _add_progress(self, row: QHBoxLayout) -> None:
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setFormat(self.tr("%v of %m"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop after the order being processed now"))
        self.stop_button.clicked.connect(self._on_stop_button_clicked)
        self.progress.hide()
        self.stop_button.hide()
        row.addWidget(self.progress)
        row.addWidget(self.stop_button)

    # -- selection -----------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self._table.selectionModel().selectedRows())

    def selected_ids(self) -> list[int]:
        return [int(i) for i in self._model.order_ids(self.selected_rows())]

    def refresh_enabled(self) -> None:
        """Enable what the selected orders' statuses allow (nothing changes during a job)."""
        statuses = {self._model.row_at(r).status for r in self.selected_rows()}
        busy = self._job_running
        self.open_button.setEnabled(len(statuses) > 0)
        self.allocate_button.setEnabled(not busy and bool(statuses & ALLOCATABLE_STATES))
        self.hold_button.setEnabled(
            not busy and any(OrderStatus.ON_HOLD in ORDER_TRANSITIONS[s] for s in statuses))
        self.release_button.setEnabled(not busy and OrderStatus.ON_HOLD in statuses)
        self.cancel_button.setEnabled(
            not busy and any(OrderStatus.CANCELLED in ORDER_TRANSITIONS[s] for s in statuses))
        printable = bool(statuses - {OrderStatus.CANCELLED})
        self.label_button.setEnabled(printable)
        self.slip_button.setEnabled(printable)
        count = len(self.selected_rows())
        self.selection_label.setText(
            self.tr("{count} selected").format(count=f"{count:,}") if count > 1 else "")

    # -- printing ------------------------------------------------------------------------

    def _on_label_button_clicked(self) -> None:
        from app.services.print_documents import JobKind

        self.print_selected(JobKind.SHIPPING_LABEL)

    def _on_slip_button_clicked(self) -> None:
        from app.services.print_documents import JobKind

        self.print_selected(JobKind.PACKING_SLIP)

    def print_selected(self, kind: JobKind) -> None:
        """Print ``kind`` for every selected order on the print worker, never blocking here.

        A job the printer did not take stays in the print queue (Printing screen) to retry.
        """
        from app.domain.errors import DomainError
        from app.ui.devices.printing import print_orders  # the printing stack, on first use
        from printers.errors import PrinterError

        ids = self.selected_ids()
        tally = PrintTally(len(ids))

        def one_done(result: DeliveryResult) -> None:
            tally.add(error_text(result.error) if result.error is not None else None)
            self._report_print(tally)

        def one_failed(exc: BaseException) -> None:
            tally.add_refused(error_text(exc))
            self._report_print(tally)

        try:
            print_orders(self.ctx, ids, kind, on_done=one_done, on_error=one_failed, owner=self)
        except (DomainError, PrinterError) as exc:
            self._show_error(exc)
            return
        self._messages.show_message(
            self.tr("Printing %n document(s)…", "", len(ids)), Level.SUCCESS)

    def _report_print(self, tally: PrintTally) -> None:
        if not tally.finished:
            return
        if not tally.failures and not tally.refused:
            self._messages.show_message(
                self.tr("%n document(s) sent to the printer.", "", tally.sent), Level.SUCCESS)
            return
        if tally.refused and not tally.failures and not tally.sent and len(tally.refused) == 1:
            self._messages.show_message(tally.refused[0], Level.ERROR)  # the one reason
            return
        parts = []
        if tally.refused:
            parts.append(self.tr("%n not printed: {reason}", "", len(tally.refused)).format(
                reason=tally.refused[0]))
        if tally.failures:
            parts.append(self.tr("%n not printed — waiting in the print queue (Printing "
                                 "screen): {reason}", "", len(tally.failures)).format(
                reason=tally.failures[0]))
        text = self.tr("%n sent", "", tally.sent) + self.tr("; ") + self.tr("; ").join(parts)
        self._messages.show_message(text, Level.ERROR)

    # -- bulk actions --------------------------------------------------------------------

    def allocate_selected(self) -> None:
        actor = self.ctx.actor
        self._start_bulk("allocate", lambda s, oid: allocate_order(s, oid, actor=actor))

    def cancel_selected(self, reason: str) -> None:
        actor, note = self.ctx.actor, reason or None
        self._start_bulk(
            "cancel", lambda s, oid: cancel_order(s, oid, actor=actor, reason=note).to_status)

    def hold_selected(self, reason: str) -> None:
        actor = self.ctx.actor
        self._start_bulk(
            "hold", lambda s, oid: hold_order(s, oid, actor=actor, reason=reason).to_status)

    def release_selected(self) -> None:
        actor = self.ctx.actor
        self._start_bulk("release", lambda s, oid: release_order(s, oid, actor=actor).to_status)

    def _on_cancel_button_clicked(self) -> None:
        count = len(self.selected_ids())
        dialog = ReasonDialog(
            self.tr("Cancel orders"),
            self.tr("Cancel %Ln selected order(s)? Stock reserved for them is released. "
                    "This cannot be undone.", "", count),
            self.tr("Cancel orders"), self.tr("Keep orders"), required=False, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.cancel_selected(dialog.text())

    def _on_hold_button_clicked(self) -> None:
        count = len(self.selected_ids())
        dialog = ReasonDialog(
            self.tr("Put orders on hold"),
            self.tr("Hold %Ln selected order(s)? They keep their reserved stock and go back "
                    "to where they were when released.", "", count),
            self.tr("Hold"), self.tr("Back"), required=True, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.hold_selected(dialog.text())

    def _start_bulk(self, action: str, step: OrderStep) -> None:
        ids = self.selected_ids()
        if not ids or self._job_running:
            return
        model = self._model
        numbers = {oid: model.row_at(model.row_of(oid) or 0).number for oid in ids}
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.progress.show()
        self.stop_button.setEnabled(True)
        self.stop_button.show()
        self._job_running = True
        task = self.ctx.tasks.job(
            bulk_job(action, ids, step),
            on_done=lambda outcome: self._on_bulk_done(outcome, numbers),
            on_error=self._on_bulk_error,
            on_progress=self._on_bulk_progress,
            owner=self,
        )
        if self._job_running:  # an inline runner has finished it already
            self._job = task
        self.refresh_enabled()

    def _on_bulk_progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_stop_button_clicked(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.stop_button.setEnabled(False)

    def cancel_job(self) -> None:
        """The page is closing: the bulk action stops after the order it is on."""
        if self._job is not None:
            self._job.cancel()

    def _end_job(self) -> None:
        self._job = None
        self._job_running = False
        self.progress.hide()
        self.stop_button.hide()
        self.refresh_enabled()

    def _on_bulk_error(self, error: BaseException) -> None:
        self._end_job()
        self._show_error(error)

    def _on_bulk_done(self, outcome: BulkOutcome, numbers: dict[int, str]) -> None:
        self._end_job()
        text = self.bulk_summary(outcome, numbers)
        backordered = any(status == OrderStatus.BACKORDERED for _oid, status in outcome.done)
        level = (Level.ERROR if outcome.failed
                 else Level.WARNING if backordered and outcome.action == "allocate"
                 else Level.SUCCESS)
        # Rows and counts refresh through the page's on_changes: the main window calls it
        # for the outcome's `changes`, as for any write.
        self._messages.show_message(text, level)

    def _show_error(self, exc: BaseException) -> None:
        self._messages.show_message(error_text(exc), Level.ERROR)

    # -- the summary ---------------------------------------------------------------------

    def bulk_summary(self, outcome: BulkOutcome, numbers: dict[int, str]) -> str:
        """The result in one line, e.g. '3 allocated, 1 backordered — short: MUG (need 5,
        have 2); 1 failed:' and the failures below."""
        by_status: dict[OrderStatus, int] = {}
        for _oid, status in outcome.done:
            by_status[status] = by_status.get(status, 0) + 1
        parts = [self._done_text(outcome.action, status, by_status[status])
                 for status in OrderStatus if status in by_status]
        text = self.tr(", ").join(parts)
        if outcome.shortages:
            text += self.tr(" — short: {skus}").format(skus=self._shortage_text(outcome))
        if outcome.failed:
            failed = self.tr("{count} failed").format(count=len(outcome.failed))
            separator = self.tr("; ") if outcome.shortages else self.tr(", ")
            text = text + separator + failed if text else failed
        text = text or self.tr("Nothing was changed")
        if outcome.cancelled:
            handled = len(outcome.done) + len(outcome.failed)
            text += self.tr(" — stopped after {done} of {total}").format(
                done=handled, total=outcome.total)
        if outcome.failed:
            lines = [self._failure_text(numbers.get(oid, str(oid)), exc)
                     for oid, exc in outcome.failed[:FAILURES_LISTED]]
            more = len(outcome.failed) - FAILURES_LISTED
            if more > 0:
                lines.append(self.tr("and {count} more").format(count=more))
            text += self.tr(":") + "\n" + "\n".join(lines)
        return text

    def _shortage_text(self, outcome: BulkOutcome) -> str:
        """Each short SKU once: what the backordered orders needed in all, what there was."""
        need: dict[str, int] = {}
        have: dict[str, int] = {}
        for short in outcome.shortages:
            need[short.sku] = need.get(short.sku, 0) + short.wanted
            have[short.sku] = max(have.get(short.sku, 0), short.available)
        skus = [self.tr("{sku} (need {need}, have {have})").format(
                    sku=sku, need=f"{need[sku]:,}", have=f"{have[sku]:,}")
                for sku in list(need)[:SHORT_SKUS_LISTED]]
        more = len(need) - SHORT_SKUS_LISTED
        if more > 0:
            skus.append(self.tr("%n more SKU(s)", "", more))
        return self.tr(", ").join(skus)

    def _failure_text(self, number: str, exc: Exception) -> str:
        """The error in the user's language, prefixed with the order unless it names it."""
        reason = error_text(exc)
        if number in reason:
            return reason
        return self.tr("{number}: {reason}").format(number=number, reason=reason)

    def _done_text(self, action: str, status: OrderStatus, count: int) -> str:
        if action == "allocate" and status == OrderStatus.BACKORDERED:
            return self.tr("{count} backordered").format(count=count)
        templates = {
            "allocate": self.tr("{count} allocated"),
            "cancel": self.tr("{count} cancelled"),
            "hold": self.tr("{count} put on hold"),
            "release": self.tr("{count} released to {status}"),
        }
        return templates[action].format(count=count, status=status_text(status))
