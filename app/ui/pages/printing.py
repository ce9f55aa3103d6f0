"""The Printing screen: the print queue (retry, reprint), bin and SKU labels, seller labels.

The seller-labels tab is a panel of its own (:mod:`app.ui.pages.printing_labels`).

Everything that talks to a printer goes through the :class:`PrintWorker` (one thread
per printer), so a hung printer never freezes the window; the queue list is read by the
task runner. The queue shows every station's jobs newest first and refreshes after each
attempt and every few seconds while the screen is visible.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.services.changes import Changes
from app.services.dto import ClientInfo, WarehouseInfo
from app.services.organisation import list_clients, list_warehouses
from app.services.print_documents import (
    MAX_COPIES,
    Document,
    JobKind,
    bin_labels_document,
    sku_labels_document,
)
from app.services.print_queue import (
    DeliveryResult,
    JobStatus,
    PrintJobInfo,
    deliver,
    list_jobs,
    reprint_job,
)
from app.services.run import run_write
from app.ui.devices.printing import PrintWorker, station_printers
from app.ui.i18n import error_text
from app.ui.models.printing import PrintQueueModel
from app.ui.pages.base import Page, PageContext
from app.ui.pages.printing_labels import SellerLabelsPanel
from app.ui.widgets.message_bar import Level
from app.ui.widgets.tables import configure_table
from printers.profiles import PrinterProfile

QUEUE_LIMIT = 500
REFRESH_MS = 10_000


@dataclass(frozen=True)
class _Organisation:
    warehouses: list[WarehouseInfo]
    clients: list[ClientInfo]


def _load_organisation(session: Session) -> _Organisation:
    return _Organisation(list_warehouses(session), list_clients(session))


def _table(model: Any) -> QTableView:
    view = configure_table(QTableView())
    view.setModel(model)
    return view


class PrintingPage(Page):
    """Print queue with retry/reprint, bin and SKU label forms, seller label import."""

    listens_to = Changes.ORGANISATION | Changes.CATALOG

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self.worker = PrintWorker.for_tasks(ctx.tasks)
        self.worker.job_finished.connect(self._on_worker_job_finished)
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.reload)
        self._load_organisation()
        self.reload()

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Printing"))
        title.setObjectName("PageTitle")
        self.printer = QComboBox()
        self.printer.setObjectName("printer")
        self.printer.setMinimumWidth(260)
        self.printer.setToolTip(self.tr(
            "Automatic uses this station's printer for each kind of document "
            "(Settings → Printers)."))
        self._fill_printers()
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("Print on")))
        head.addWidget(self.printer)
        self.body().addLayout(head)

        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self._build_queue())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_bin_form(), self.tr("Bin labels"))
        self.tabs.addTab(self._build_sku_form(), self.tr("SKU labels"))
        self.seller_labels = SellerLabelsPanel(self.ctx, self.worker, self._profile, self.messages)
        self.tabs.addTab(self.seller_labels, self.tr("Seller labels"))
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.body().addWidget(split, 1)

    def _fill_printers(self) -> None:
        self.printer.clear()
        self.printer.addItem(self.tr("Automatic (by document)"), None)
        try:
            names = list(station_printers(self.ctx.app.settings).profiles)
        except Exception as exc:  # a damaged settings file: say so, keep the page usable
            self.show_error(exc)
            names = []
        for name in names:
            self.printer.addItem(name, name)

    def _build_queue(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        caption = QLabel(self.tr("Print queue"))
        caption.setStyleSheet("font-weight: 600;")
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(self.tr("All jobs"), None)
        self.status_filter.addItem(self.tr("Failed"), JobStatus.FAILED)
        self.status_filter.addItem(self.tr("Waiting"), JobStatus.QUEUED)
        self.status_filter.addItem(self.tr("Sent"), JobStatus.SENT)
        self.status_filter.currentIndexChanged.connect(self.reload)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("retry")
        self.retry_button.setToolTip(self.tr("Send a failed job again, with the same document"))
        self.retry_button.clicked.connect(self._on_retry_clicked)
        self.reprint_button = QPushButton(self.tr("Reprint"))
        self.reprint_button.setObjectName("reprint")
        self.reprint_button.setToolTip(self.tr("Print the same document again as a new job"))
        self.reprint_button.clicked.connect(self._on_reprint_clicked)
        bar.addWidget(caption)
        bar.addSpacing(12)
        bar.addWidget(self.status_filter)
        bar.addStretch(1)
        for button in (self.refresh_button, self.retry_button, self.reprint_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.queue_model = PrintQueueModel(self)
        self.queue_view = _table(self.queue_model)
        self.queue_view.setObjectName("queue")
        header = self.queue_view.horizontalHeader()
        for column, width in ((0, 60), (1, 130), (2, 130), (3, 190), (4, 150), (5, 80), (6, 50)):
            header.resizeSection(column, width)
        state = self.ctx.ui_settings.value("printing/header")
        if isinstance(state, QByteArray) and not state.isEmpty():
            header.restoreState(state)
        header.sectionResized.connect(self._on_header_changed)
        self.queue_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.queue_view.doubleClicked.connect(self._on_retry_clicked)
        layout.addWidget(self.queue_view, 1)
        self.empty_note = QLabel(self.tr(
            "No print jobs here. Labels and documents printed from Orders or below appear in "
            "this list, and stay here for a reprint."))
        self.empty_note.setObjectName("Muted")
        self.empty_note.setWordWrap(True)
        self.empty_note.hide()
        layout.addWidget(self.empty_note)
        self._update_buttons()
        return box

    def _form_page(self) -> tuple[QWidget, QFormLayout, QLabel]:
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        outer.addLayout(form)
        result = QLabel()
        result.setWordWrap(True)
        result.setObjectName("Muted")
        outer.addWidget(result)
        outer.addStretch(1)
        return page, form, result

    def _build_bin_form(self) -> QWidget:
        page, form, self.bin_result = self._form_page()
        self.bin_warehouse = QComboBox()
        self.bin_warehouse.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.bin_warehouse.setMinimumWidth(220)
        self.bin_from = QLineEdit()
        self.bin_from.setObjectName("bin_from")
        self.bin_from.setPlaceholderText(self.tr("e.g. A-01-01-01"))
        self.bin_to = QLineEdit()
        self.bin_to.setObjectName("bin_to")
        self.bin_to.setPlaceholderText(self.tr("e.g. A-01-05-04"))
        for edit in (self.bin_from, self.bin_to):
            edit.setMinimumWidth(220)
        self.bin_print = QPushButton(self.tr("Print bin labels"))
        self.bin_print.setProperty("primary", True)
        self.bin_print.clicked.connect(self._on_bin_print_clicked)
        self.bin_to.returnPressed.connect(self._on_bin_print_clicked)
        self.bin_from.returnPressed.connect(self.bin_to.setFocus)
        form.addRow(self.tr("Warehouse"), self.bin_warehouse)
        form.addRow(self.tr("From bin"), self.bin_from)
        form.addRow(self.tr("To bin"), self.bin_to)
        form.addRow("", self.bin_print)
        self.bin_result.setText(self.tr(
            "One label per bin, in code order, from the first code to the last (inclusive)."))
        return page

    def _build_sku_form(self) -> QWidget:
        page, form, self.sku_result = self._form_page()
        self.sku_code = QLineEdit()
        self.sku_code.setObjectName("sku_code")
        self.sku_code.setMinimumWidth(260)
        self.sku_code.setPlaceholderText(self.tr("Scan or type a SKU, UPC or FNSKU"))
        self.sku_code.returnPressed.connect(self._on_sku_print_clicked)
        self.sku_client = QComboBox()
        self.sku_client.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sku_client.setMinimumWidth(220)
        self.sku_copies = QSpinBox()
        self.sku_copies.setObjectName("sku_copies")
        self.sku_copies.setRange(1, MAX_COPIES)
        self.sku_copies.setMinimumWidth(100)
        self.sku_print = QPushButton(self.tr("Print SKU labels"))
        self.sku_print.setProperty("primary", True)
        self.sku_print.clicked.connect(self._on_sku_print_clicked)
        form.addRow(self.tr("SKU or barcode"), self.sku_code)
        form.addRow(self.tr("Client"), self.sku_client)
        form.addRow(self.tr("Copies"), self.sku_copies)
        form.addRow("", self.sku_print)
        self.sku_result.setText(self.tr(
            "The barcode is the FNSKU when the SKU has one, otherwise the SKU code."))
        return page

    # -- loading -----------------------------------------------------------------------

    def reload(self) -> None:
        status = self.status_filter.currentData()
        statuses = (status,) if status is not None else ()
        self.ctx.tasks.read(
            lambda s: list_jobs(s, statuses=statuses, limit=QUEUE_LIMIT),
            on_done=self._on_jobs_loaded, on_error=self.show_error, owner=self,
        )

    def _load_organisation(self) -> None:
        self.ctx.tasks.read(_load_organisation, on_done=self._on_organisation_loaded,
                            on_error=self.show_error, owner=self)

    def _on_organisation_loaded(self, org: _Organisation) -> None:
        current = self.bin_warehouse.currentData() or self.ctx.app.settings.warehouse_code
        self.bin_warehouse.clear()
        for warehouse in org.warehouses:
            self.bin_warehouse.addItem(f"{warehouse.code} — {warehouse.name}", warehouse.code)
        self.bin_warehouse.setCurrentIndex(max(0, self.bin_warehouse.findData(current)))
        client = self.sku_client.currentData()
        self.sku_client.clear()
        self.sku_client.addItem(self.tr("Any client"), None)
        for info in org.clients:
            self.sku_client.addItem(f"{info.code} — {info.name}", info.code)
        self.sku_client.setCurrentIndex(max(0, self.sku_client.findData(client)))

    def _on_jobs_loaded(self, jobs: list[PrintJobInfo]) -> None:
        selected = self._selected_job()
        self.queue_model.set_rows(jobs)
        self.empty_note.setVisible(not jobs)
        if selected is not None:
            row = self.queue_model.row_of(selected.id)
            if row >= 0:
                self.queue_view.selectRow(row)
        self._update_buttons()

    def on_changes(self, changes: Changes) -> None:
        self._load_organisation()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.sku_code.setFocus()
        self.sku_code.selectAll()

    # -- printing ----------------------------------------------------------------------

    def _profile(self, kind: JobKind) -> PrinterProfile:
        printers = station_printers(self.ctx.app.settings)
        name = self.printer.currentData()
        return printers.profile(name) if name else printers.for_kind(kind)

    def _print(self, kind: JobKind, build: Callable[[Session, PrinterProfile], Document],
               result_label: QLabel, on_sent: Callable[[], None] | None = None) -> None:
        try:
            profile = self._profile(kind)
        except Exception as exc:
            self.show_error(exc)
            return
        result_label.setText(self.tr("Printing on {printer}…").format(printer=profile.name))

        def done(result: DeliveryResult) -> None:
            self._show_delivery(result, result_label)
            if result.delivered and on_sent is not None:
                on_sent()

        def failed(exc: BaseException) -> None:
            result_label.setText(error_text(exc))
            self.show_error(exc)

        self.worker.print_document(build, profile, actor=self.ctx.actor,
                                   station=self.ctx.app.settings.station_name,
                                   on_done=done, on_error=failed, owner=self)

    def _show_delivery(self, result: DeliveryResult, label: QLabel | None = None) -> None:
        job = result.job
        if result.error is None:
            text = self.tr("Job {job} sent to {printer}.").format(
                job=job.id, printer=job.printer_name)
            self.show_info(text)
        else:
            text = self.tr("Job {job} was not printed and waits in the queue: {error}").format(
                job=job.id, error=error_text(result.error))
            self.messages.show_message(text, Level.ERROR)
        if label is not None:
            label.setText(text)

    def _on_bin_print_clicked(self) -> None:
        warehouse = self.bin_warehouse.currentData()
        first = self.bin_from.text().strip()
        last = self.bin_to.text().strip() or first
        if not warehouse or not first:
            self.bin_result.setText(self.tr("Choose a warehouse and type the first bin code."))
            self.bin_from.setFocus()
            return

        def build(s: Session, p: PrinterProfile) -> Document:
            return bin_labels_document(s, warehouse, first, last, p)

        self._print(JobKind.BIN_LABELS, build, self.bin_result)

    def _on_sku_print_clicked(self) -> None:
        code = self.sku_code.text().strip()
        if not code:
            self.sku_code.setFocus()
            return
        copies = self.sku_copies.value()
        client = self.sku_client.currentData()

        def build(s: Session, p: PrinterProfile) -> Document:
            return sku_labels_document(s, code, copies, p, client)

        self._print(JobKind.SKU_LABELS, build, self.sku_result, on_sent=self.focus_search)
        self.focus_search()

    # -- queue actions -----------------------------------------------------------------

    def _selected_job(self) -> PrintJobInfo | None:
        rows = self.queue_view.selectionModel().selectedRows()
        return self.queue_model.job(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        job = self._selected_job()
        self.retry_button.setEnabled(
            job is not None and job.status in (JobStatus.QUEUED, JobStatus.FAILED))
        self.reprint_button.setEnabled(job is not None)

    def _chosen_profile(self) -> PrinterProfile | None:
        """The printer picked in "Print on", or None to keep the job's own printer."""
        name = self.printer.currentData()
        return station_printers(self.ctx.app.settings).profile(name) if name else None

    def _on_retry_clicked(self) -> None:
        job = self._selected_job()
        if job is None or job.status not in (JobStatus.QUEUED, JobStatus.FAILED):
            return
        self._send_again(job, reprint=False)

    def _on_reprint_clicked(self) -> None:
        job = self._selected_job()
        if job is not None:
            self._send_again(job, reprint=True)

    def _send_again(self, job: PrintJobInfo, *, reprint: bool) -> None:
        try:
            profile = self._chosen_profile()
        except Exception as exc:
            self.show_error(exc)
            return
        db, station, actor = self.ctx.app.db, self.ctx.app.settings.station_name, self.ctx.actor

        def run() -> DeliveryResult:
            job_id = job.id
            target = profile
            if reprint:
                job_id = run_write(db, reprint_job, job.id, actor=actor, station=station,
                                   profile=profile).id
                target = None
            return deliver(db, job_id, actor=actor, station=station, profile=target)

        self.retry_button.setEnabled(False)
        lane = profile.uri if profile is not None else job.printer_uri
        self.worker.submit(lane, run, on_done=self._show_delivery, on_error=self.show_error,
                           owner=self)

    def _on_worker_job_finished(self, _result: object) -> None:
        self.reload()

    def _on_header_changed(self) -> None:
        self.ctx.ui_settings.setValue(
            "printing/header", self.queue_view.horizontalHeader().saveState())

    # -- visibility --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)
