"""Announcing shipments from a file: choose client, warehouse and file, see the shipments it
would announce and every bad row by line, then import all or only the good shipments.

The check is the import's own (``preview_inbound_import``) run without writing; the import
is one transaction on the writer thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.permissions import Actor
from app.services.changes import Changes
from app.services.inbound import (
    InboundImportRejected,
    InboundImportReport,
    import_inbound,
    preview_inbound_import,
)
from app.ui.dialogs.sku_import_dialog import SkuProblemsModel, problem_text
from app.ui.i18n import error_text
from app.ui.tasks import TaskRunner
from app.ui.widgets.tables import configure_table


class InboundProblemsModel(SkuProblemsModel):
    """Line, reference, column and reason of every bad row."""

    def set_problems(self, problems: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = [(str(p.line), p.reference or "", p.column or "", problem_text(p))
                      for p in problems]
        self.endResetModel()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Line"), self.tr("Reference"), self.tr("Column"),
                    self.tr("Problem"))[section]
        return None


@dataclass(frozen=True)
class InboundImportOutcome:
    report: InboundImportReport
    changes: Changes = Changes.STOCK


class InboundImportDialog(QDialog):
    """Emits ``imported(InboundImportReport)`` and closes after a successful import."""

    imported = Signal(object)

    def __init__(self, tasks: TaskRunner, actor: Actor, clients: Sequence[str],
                 warehouses: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.actor = actor
        self.report: InboundImportReport | None = None
        self.setWindowTitle(self.tr("Import inbound shipments"))
        self.setMinimumSize(760, 500)
        self.client = QComboBox()
        self.client.addItems(list(clients))
        self.warehouse = QComboBox()
        self.warehouse.addItems(list(warehouses))
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("CSV or Excel (.xlsx) file"))
        self.path_edit.returnPressed.connect(self.preview)
        browse = QPushButton(self.tr("Choose file…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        check = QPushButton(self.tr("Check file"))
        check.setAutoDefault(False)
        check.clicked.connect(self.preview)
        for combo in (self.client, self.warehouse):
            combo.currentIndexChanged.connect(lambda _i: self._forget())
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        file_row.addWidget(check)
        form = QFormLayout()
        form.addRow(self.tr("Client"), self.client)
        form.addRow(self.tr("Arrives at warehouse"), self.warehouse)
        form.addRow(self.tr("File"), file_row)
        self.summary = QLabel(self.tr(
            "One row per SKU in a carton: reference, carton, sku, quantity (eta, container, "
            "tracking optional). English or Chinese headers (入库单号, 箱号, SKU, 数量 …)."))
        self.summary.setWordWrap(True)
        self.problems = InboundProblemsModel(self)
        self.problem_table = configure_table(QTableView())
        self.problem_table.setModel(self.problems)
        for column, width in ((0, 56), (1, 130), (2, 110)):
            self.problem_table.horizontalHeader().resizeSection(column, width)
        self.import_all_button = QPushButton(self.tr("Import all"))
        self.import_all_button.setProperty("primary", True)
        self.import_all_button.clicked.connect(lambda: self.run_import(valid_only=False))
        self.import_valid_button = QPushButton(self.tr("Import good shipments only"))
        self.import_valid_button.clicked.connect(lambda: self.run_import(valid_only=True))
        close = QPushButton(self.tr("Cancel"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.import_all_button, self.import_valid_button, close):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem_table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_file(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))
        self._forget()

    def _browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Choose a shipment file"), self.path_edit.text(),
            self.tr("Shipment files (*.csv *.xlsx *.txt);;All files (*)"))
        if path:
            self.set_file(path)
            self.preview()

    def _forget(self) -> None:
        self.report = None
        self.problems.set_problems([])
        self._update_buttons()

    def _args(self) -> tuple[str, str, str]:
        return (self.path_edit.text().strip(), self.client.currentText(),
                self.warehouse.currentText())

    def preview(self) -> None:
        path, client, warehouse = self._args()
        if not path or not client or not warehouse:
            return
        self._forget()
        self.summary.setText(self.tr("Checking the file…"))
        self.tasks.read(lambda s: preview_inbound_import(
            s, path, client_code=client, warehouse_code=warehouse),
            on_done=self._show, on_error=self._error, owner=self)

    def _show(self, report: InboundImportReport) -> None:
        self.report = report
        self.problems.set_problems(report.problems)
        text = self.tr("%n row(s): ", "", report.rows) + self.tr(
            "%n shipment(s) to announce", "", len(report.shipments))
        if report.shipments:
            text += " (" + ", ".join(report.shipments) + ")"
        text += ", " + self.tr("%n carton(s)", "", report.cartons) + ", " + self.tr(
            "%n unit(s)", "", report.units)
        if report.problems:
            text += self.tr("; %n row(s) with problems, listed below.", "", report.bad_lines)
        self.summary.setText(text)
        self._update_buttons()

    def _error(self, error: BaseException) -> None:
        self.summary.setText(error_text(error))
        self._update_buttons()

    def _update_buttons(self) -> None:
        r = self.report
        self.import_all_button.setEnabled(r is not None and not r.problems
                                          and bool(r.shipments))
        self.import_valid_button.setEnabled(r is not None and bool(r.problems)
                                            and bool(r.shipments))

    def run_import(self, *, valid_only: bool) -> None:
        path, client, warehouse = self._args()
        actor = self.actor
        self.import_all_button.setEnabled(False)
        self.import_valid_button.setEnabled(False)

        def done(outcome: InboundImportOutcome) -> None:
            self.imported.emit(outcome.report)
            self.accept()

        def failed(error: BaseException) -> None:
            if isinstance(error, InboundImportRejected):
                self._show(error.report)  # someone announced a reference meanwhile
            else:
                self._error(error)

        self.tasks.write(lambda s: InboundImportOutcome(import_inbound(
            s, path, client_code=client, warehouse_code=warehouse, actor=actor,
            valid_only=valid_only)), on_done=done, on_error=failed, owner=self)
