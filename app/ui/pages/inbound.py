"""The Inbound screen (入库预报): announced shipments, their cartons and lines, and the
unknown codes the dock put in quarantine.

Top: the shipments (status, ETA, cartons, expected against received) with the client
and status filters, and the office's actions: import a file, announce one by hand, mark
one arrived, print its carton labels on the station's 4x6 label printer (through the
print queue, on the printer's own lane; or save them as a PDF), close it and open its
discrepancy report. Bottom:
the selected shipment's lines (expected, received, damaged, difference per carton and
SKU) and the unknown codes waiting for a clerk, who maps each to a SKU or rejects it.
Every read and write runs on the task runner.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.domain.inbound_errors import LotRequired
from app.services.changes import Changes
from app.services.inbound import arrive_inbound, create_inbound, get_inbound, list_inbound
from app.services.inbound_documents import (
    carton_labels_document,
    carton_labels_pdf,
    write_discrepancy,
)
from app.services.inbound_dto import InboundDetail, InboundSummary
from app.services.organisation import list_clients, list_warehouses
from app.services.print_documents import JobKind
from app.services.print_queue import DeliveryResult
from app.services.receiving import (
    CloseResult,
    UnknownLine,
    close_inbound,
    discrepancy_report,
    list_unknown,
    reject_unknown,
    resolve_unknown,
)
from app.ui.devices.printing import PrintWorker, station_printers
from app.ui.dialogs.inbound_import import InboundImportDialog
from app.ui.dialogs.inbound_new import NewShipmentDialog
from app.ui.dialogs.lot_dialog import LotDialog
from app.ui.i18n import error_text
from app.ui.models.inbound import LinesModel, ShipmentsModel, UnknownModel, status_names
from app.ui.pages.admin_clients_common import Saved
from app.ui.pages.base import Page, PageContext
from app.ui.widgets.message_bar import Level
from app.ui.widgets.tables import configure_table, fit_columns

T = TypeVar("T")


@dataclass(frozen=True)
class Choices:
    clients: list[str]
    warehouses: list[str]


def load_choices(session: Session) -> Choices:
    return Choices([c.code for c in list_clients(session) if c.active],
                   [w.code for w in list_warehouses(session)])


class InboundPage(Page):
    """Announce, follow and close inbound shipments; resolve unknown codes."""

    listens_to = Changes.STOCK | Changes.ORGANISATION | Changes.CATALOG

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.choices = Choices([], [])
        self.detail: InboundDetail | None = None
        self._build()
        self.ctx.tasks.read(load_choices, on_done=self._set_choices, on_error=self.show_error,
                            owner=self)

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        title_row, self.count_label = self.title_row(
            QCoreApplication.translate("MainWindow", "Inbound"))
        self.client_filter = QComboBox()
        self.client_filter.addItem(self.tr("All clients"), "")
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Open shipments"), "open")
        for value, name in status_names().items():
            self.status_filter.addItem(name, value)
        self.status_filter.addItem(self.tr("All"), "")
        for combo in (self.client_filter, self.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        title_row.addWidget(QLabel(self.tr("Client")))
        title_row.addWidget(self.client_filter)
        title_row.addWidget(QLabel(self.tr("Show")))
        title_row.addWidget(self.status_filter)

        self.import_button = QPushButton(self.tr("Import file…"))
        self.new_button = QPushButton(self.tr("New shipment…"))
        self.arrive_button = QPushButton(self.tr("Arrived"))
        self.arrive_button.setToolTip(self.tr("The shipment is at the dock"))
        # a split button: a click prints on the label printer, its arrow saves a PDF
        self.labels_button = QToolButton()
        self.labels_button.setText(self.tr("Print carton labels"))
        self.labels_button.setToolTip(self.tr(
            "One 4x6 label per carton, on this station's label printer"))
        self.labels_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        labels_menu = QMenu(self.labels_button)
        self.save_labels_action = labels_menu.addAction(self.tr("Save PDF…"))
        self.save_labels_action.triggered.connect(self.ask_labels)
        self.labels_button.setMenu(labels_menu)
        self.close_button = QPushButton(self.tr("Close and report…"))
        self.close_button.setToolTip(self.tr(
            "Post the received units to stock, make the put-away tasks and save the "
            "discrepancy report for the client"))
        self.report_button = QPushButton(self.tr("Report…"))
        actions = QHBoxLayout()
        for button, slot in ((self.import_button, self.open_import),
                             (self.new_button, self.open_new),
                             (self.arrive_button, self.arrive),
                             (self.labels_button, self.print_labels),
                             (self.close_button, self.ask_close),
                             (self.report_button, self.ask_report)):
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)

        self.shipments = ShipmentsModel(self)
        self.shipment_table = configure_table(QTableView())
        self.shipment_table.setModel(self.shipments)
        self.shipment_table.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._load_detail())
        fit_columns(self.shipment_table, ["ASN-2026-0001", "ACME", "LA1", "receiving",
                                          "2026-12-20", "000", "00000", "00000", "0000",
                                          "-0000"])
        self.lines = LinesModel(self)
        self.line_table = configure_table(QTableView())
        self.line_table.setModel(self.lines)
        fit_columns(self.line_table, ["C-0001", "SKU-CODE-001", "A product name of a mug",
                                      "0000", "0000", "0000", "-0000"])
        self.unknown = UnknownModel(self)
        self.unknown_table = configure_table(QTableView())
        self.unknown_table.setModel(self.unknown)
        fit_columns(self.unknown_table, ["ASN-2026-0001", "ACME", "C-0001", "X00-CODE-0001",
                                         "000", "QUA-01"])
        self.map_button = QPushButton(self.tr("Map to SKU…"))
        self.map_button.clicked.connect(self.ask_map)
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setToolTip(self.tr("The units are not taken into stock (sent back "
                                              "or disposed of)"))
        self.reject_button.clicked.connect(self.ask_reject)
        unknown_actions = QHBoxLayout()
        unknown_actions.addWidget(QLabel(self.tr(
            "Codes the dock could not match to a SKU of the client wait in quarantine.")), 1)
        unknown_actions.addWidget(self.map_button)
        unknown_actions.addWidget(self.reject_button)
        unknown_page = QWidget()
        unknown_layout = QVBoxLayout(unknown_page)
        unknown_layout.setContentsMargins(0, 6, 0, 0)
        unknown_layout.addLayout(unknown_actions)
        unknown_layout.addWidget(self.unknown_table, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.line_table, self.tr("Lines"))
        self.tabs.addTab(unknown_page, self.tr("Unknown codes"))

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.shipment_table)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        body = self.body()
        body.addLayout(title_row)
        body.addLayout(actions)
        body.addWidget(split, 1)
        self._update_buttons()

    def _set_choices(self, choices: Choices) -> None:
        self.choices = choices
        current = self.client_filter.currentData()
        self.client_filter.blockSignals(True)
        while self.client_filter.count() > 1:
            self.client_filter.removeItem(1)
        for code in choices.clients:
            self.client_filter.addItem(code, code)
        index = self.client_filter.findData(current)
        self.client_filter.setCurrentIndex(max(0, index))
        self.client_filter.blockSignals(False)
        self.reload()

    # -- reading -----------------------------------------------------------------------

    def on_changes(self, changes: Changes) -> None:
        if changes & (Changes.ORGANISATION | Changes.CATALOG):
            self.ctx.tasks.read(load_choices, on_done=self._set_choices,
                                on_error=self.show_error, owner=self)
        else:
            self.reload()

    def reload(self) -> None:
        client = self.client_filter.currentData() or None
        status = self.status_filter.currentData()

        def read(s: Session) -> tuple[list[InboundSummary], list[UnknownLine]]:
            rows = list_inbound(s, client_code=client, status=status or None) if status != \
                "open" else [r for r in list_inbound(s, client_code=client)
                             if r.status != "closed"]
            unknown = [u for u in list_unknown(s) if client is None or u.client == client]
            return rows, unknown

        self.ctx.tasks.read(read, on_done=self._show, on_error=self.show_error, owner=self)

    def _show(self, data: tuple[list[InboundSummary], list[UnknownLine]]) -> None:
        rows, unknown = data
        selected = self.selected()
        self.shipments.set_rows(rows)
        self.unknown.set_rows(unknown)
        self.count_label.setText(self.tr("%n shipment(s)", "", len(rows)))
        self.tabs.setTabText(1, self.tr("Unknown codes (%n)", "", len(unknown)))
        keep = next((i for i, r in enumerate(rows)
                     if selected is not None and r.id == selected.id), 0 if rows else None)
        if keep is not None:
            self.shipment_table.selectRow(keep)
        self._load_detail()

    def selected(self) -> InboundSummary | None:
        index = self.shipment_table.currentIndex()
        if not index.isValid() or index.row() >= self.shipments.rowCount():
            return None
        return self.shipments.shipment(index.row())

    def _load_detail(self) -> None:
        shipment = self.selected()
        self._update_buttons()
        if shipment is None:
            self.detail = None
            self.lines.set_rows([])
            return
        reference, client = shipment.reference, shipment.client
        self.ctx.tasks.read(lambda s: get_inbound(s, reference, client),
                            on_done=self._show_detail, on_error=self.show_error, owner=self)

    def _show_detail(self, detail: InboundDetail) -> None:
        self.detail = detail
        self.lines.set_rows(detail.lines)

    def _update_buttons(self) -> None:
        s = self.selected()
        status = s.status if s else ""
        self.arrive_button.setEnabled(status == "announced")
        self.labels_button.setEnabled(s is not None)
        self.save_labels_action.setEnabled(s is not None)
        self.close_button.setEnabled(status in ("arrived", "receiving"))
        self.report_button.setEnabled(s is not None and status != "announced")

    # -- writing -----------------------------------------------------------------------

    def _write(self, fn: Callable[[Session], T], on_done: Callable[[T], None],
               on_error: Callable[[BaseException], None] | None = None) -> None:
        def done(saved: Saved) -> None:
            on_done(saved.value)

        self.ctx.tasks.write(lambda s: Saved(fn(s), Changes.STOCK), on_done=done,
                             on_error=on_error or self.show_error, owner=self)

    def open_import(self) -> InboundImportDialog:
        dialog = InboundImportDialog(self.ctx.tasks, self.ctx.actor, self.choices.clients,
                                     self.choices.warehouses, self)
        dialog.imported.connect(lambda report: self.show_info(self.tr(
            "Announced: {shipments}.").format(shipments=", ".join(report.shipments))))
        dialog.open()
        return dialog

    def open_new(self) -> NewShipmentDialog:
        dialog = NewShipmentDialog(self.choices.clients, self.choices.warehouses,
                                   self._submit_new, self)
        dialog.open()
        return dialog

    def _submit_new(self, dialog: NewShipmentDialog) -> None:
        actor = self.ctx.actor
        try:
            draft = dialog.draft()
        except Exception as exc:  # a quantity typed as text: said in the dialog
            dialog.show_error(error_text(exc))
            return
        client, warehouse = dialog.client(), dialog.warehouse()

        def done(info: InboundSummary) -> None:
            dialog.accept()
            self.show_info(self.tr("Shipment {reference} announced: {cartons}.").format(
                reference=info.reference, cartons=self.tr("%n carton(s)", "", info.cartons)))

        self._write(lambda s: create_inbound(s, client_code=client, warehouse_code=warehouse,
                                             draft=draft, actor=actor), done,
                    lambda e: dialog.show_error(error_text(e)))

    def arrive(self) -> None:
        s = self.selected()
        if s is None:
            return
        actor, ref, client = self.ctx.actor, s.reference, s.client
        self._write(lambda session: arrive_inbound(session, ref, client_code=client,
                                                   actor=actor),
                    lambda info: self.show_info(self.tr("{reference} has arrived.").format(
                        reference=info.reference)))

    def print_labels(self) -> None:
        """The shipment's carton labels on this station's label printer, laid out at its
        dpi; a job the printer does not take waits in the print queue."""
        s = self.selected()
        if s is None:
            return
        try:
            profile = station_printers(self.ctx.app.settings).for_kind(JobKind.CARTON_LABELS)
        except Exception as exc:  # no label printer set up, or a damaged settings file
            self.show_error(exc)
            return
        ref, client, cartons = s.reference, s.client, s.cartons
        self.messages.show_message(self.tr("Printing %n carton label(s) on {printer}…", "",
                                           cartons).format(printer=profile.name))

        def done(result: DeliveryResult) -> None:
            if result.error is None:
                self.show_info(self.tr("%n carton label(s) of {reference} sent to {printer}.",
                                       "", cartons).format(reference=ref,
                                                           printer=result.job.printer_name))
            else:
                self.messages.show_message(self.tr(
                    "Job {job} was not printed and waits in the print queue (Printing "
                    "screen): {error}").format(job=result.job.id,
                                               error=error_text(result.error)), Level.ERROR)

        PrintWorker.for_tasks(self.ctx.tasks).print_document(
            lambda session, p: carton_labels_document(session, ref, p, client), profile,
            actor=self.ctx.actor, station=self.ctx.app.settings.station_name, on_done=done,
            on_error=self.show_error, owner=self)

    def ask_labels(self) -> None:
        s = self.selected()
        if s is None:
            return
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save carton labels"), f"{s.reference}-cartons.pdf",
            self.tr("PDF (*.pdf)"))
        if path:
            self.save_labels(path, open_after=True)

    def save_labels(self, path: str, *, open_after: bool = False) -> None:
        """The shipment's 4x6 carton labels as a PDF (written off the GUI thread)."""
        s = self.selected()
        if s is None:
            return
        ref, client = s.reference, s.client

        def write(session: Session) -> Path:
            target = Path(path)
            target.write_bytes(carton_labels_pdf(session, ref, client))
            return target

        self.ctx.tasks.read(write, on_done=lambda p: self._saved(p, open_after),
                            on_error=self.show_error, owner=self)

    def ask_close(self) -> None:
        s = self.selected()
        if s is None:
            return
        answer = QMessageBox.question(self, self.tr("Close shipment"), self.tr(
            "Close {reference}? The received units are posted to stock and put-away tasks are "
            "made; nothing more can be received on it.").format(reference=s.reference))
        if answer != QMessageBox.StandardButton.Yes:
            return
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save the discrepancy report"), f"{s.reference}-report.pdf",
            self.tr("PDF (*.pdf);;CSV (*.csv)"))
        self.close_shipment(path or None, open_after=True)

    def close_shipment(self, report_path: str | None, *, open_after: bool = False) -> None:
        s = self.selected()
        if s is None:
            return
        actor, ref, client = self.ctx.actor, s.reference, s.client

        def done(result: CloseResult) -> None:
            self.show_info(self.tr("{reference} closed: {tasks} to put away.").format(
                reference=ref, tasks=self.tr("%n task(s)", "", result.putaway_tasks)))
            if report_path:
                self.save_report(report_path, open_after=open_after)

        self._write(lambda session: close_inbound(session, ref, client_code=client,
                                                  actor=actor), done)

    def ask_report(self) -> None:
        s = self.selected()
        if s is None:
            return
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save the discrepancy report"), f"{s.reference}-report.pdf",
            self.tr("PDF (*.pdf);;CSV (*.csv)"))
        if path:
            self.save_report(path, open_after=True)

    def save_report(self, path: str, *, open_after: bool = False) -> None:
        s = self.selected()
        if s is None:
            return
        ref, client = s.reference, s.client
        self.ctx.tasks.read(
            lambda session: write_discrepancy(discrepancy_report(session, ref, client), path),
            on_done=lambda p: self._saved(p, open_after), on_error=self.show_error,
            owner=self)

    def _saved(self, path: Path, open_after: bool) -> None:
        self.show_info(self.tr("Saved {file}.").format(file=str(path)))
        if open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # -- unknown codes -----------------------------------------------------------------

    def selected_unknown(self) -> UnknownLine | None:
        index = self.unknown_table.currentIndex()
        if not index.isValid():
            return None
        return self.unknown.unknown(index.row())

    def ask_map(self) -> None:
        u = self.selected_unknown()
        if u is None:
            return
        sku, ok = QInputDialog.getText(self, self.tr("Map to SKU"), self.tr(
            "Code {code} of carton {carton} is which SKU of client {client}?").format(
            code=u.code, carton=u.carton, client=u.client))
        if ok and sku.strip():
            self.map_unknown(u.id, sku.strip())

    def map_unknown(self, line_id: int, sku: str, lot: str | None = None,
                    expiry: Any = None) -> None:
        actor = self.ctx.actor

        def failed(error: BaseException) -> None:
            if isinstance(error, LotRequired):
                dialog = LotDialog(sku, self)
                if dialog.exec():
                    lot_, expiry_ = dialog.values()
                    self.map_unknown(line_id, sku, lot_, expiry_)
                return
            self.show_error(error)

        self._write(lambda s: resolve_unknown(s, line_id, sku, actor=actor, lot=lot,
                                              expiry=expiry),
                    lambda line: self.show_info(self.tr(
                        "%n unit(s) are SKU {sku}: out of quarantine.", "",
                        line.received + line.damaged).format(sku=line.sku)), failed)

    def ask_reject(self) -> None:
        u = self.selected_unknown()
        if u is None:
            return
        answer = QMessageBox.question(self, self.tr("Reject"), self.tr(
            "Reject code {code} (%n unit(s))? They are not taken into stock.", "",
            u.received + u.damaged).format(code=u.code))
        if answer == QMessageBox.StandardButton.Yes:
            self.reject_line(u.id)

    def reject_line(self, line_id: int) -> None:
        actor = self.ctx.actor
        self._write(lambda s: reject_unknown(s, line_id, actor=actor),
                    lambda _none: self.show_info(self.tr("Rejected.")))
