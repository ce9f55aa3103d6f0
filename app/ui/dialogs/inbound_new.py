"""A shipment typed by hand: reference, client, warehouse, ETA, container, tracking, and a
grid of carton / SKU / quantity rows (Enter in the last row adds the next).

The dialog only collects; the service checks (every SKU the client's, quantities above 0,
the reference not yet announced) and the page shows its refusal in this dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidValue
from app.services.inbound import CartonDraft, InboundDraft
from app.ui.i18n import error_text


class NewShipmentDialog(QDialog):
    """Collects a shipment; *Announce* hands it to ``submit``, which saves it and closes
    the dialog, or shows the refusal here (nothing typed is lost)."""

    def __init__(self, clients: Sequence[str], warehouses: Sequence[str],
                 submit: Callable[[NewShipmentDialog], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Saves the shipment; it accepts the dialog when saved, or calls show_error.
        self.submit = submit
        self.setWindowTitle(self.tr("New inbound shipment"))
        self.setMinimumSize(620, 520)
        self.reference = QLineEdit()
        self.reference.setMaxLength(64)
        self.reference.setPlaceholderText(self.tr("The seller's shipment number"))
        self.client_box = QComboBox()
        self.client_box.addItems(list(clients))
        self.warehouse_box = QComboBox()
        self.warehouse_box.addItems(list(warehouses))
        self.has_eta = QCheckBox(self.tr("Expected on"))
        self.eta = QDateEdit(QDate.currentDate().addDays(14))
        self.eta.setCalendarPopup(True)
        self.eta.setDisplayFormat("yyyy-MM-dd")
        self.eta.setEnabled(False)
        self.has_eta.toggled.connect(self.eta.setEnabled)
        eta_row = QHBoxLayout()
        eta_row.addWidget(self.has_eta)
        eta_row.addWidget(self.eta)
        eta_row.addStretch(1)
        self.container = QLineEdit()
        self.container.setMaxLength(64)
        self.tracking = QLineEdit()
        self.tracking.setMaxLength(200)
        form = QFormLayout()
        form.addRow(self.tr("Reference"), self.reference)
        form.addRow(self.tr("Client"), self.client_box)
        form.addRow(self.tr("Warehouse"), self.warehouse_box)
        form.addRow(self.tr("ETA"), eta_row)
        form.addRow(self.tr("Container"), self.container)
        form.addRow(self.tr("Tracking"), self.tracking)

        self.grid = QTableWidget(0, 3)
        self.grid.setHorizontalHeaderLabels([self.tr("Carton"), self.tr("SKU or barcode"),
                                             self.tr("Quantity")])
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.setColumnWidth(0, 120)
        self.grid.setColumnWidth(1, 260)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add = QPushButton(self.tr("Add row"))
        add.setAutoDefault(False)
        add.clicked.connect(lambda: self.add_row())
        remove = QPushButton(self.tr("Remove row"))
        remove.setAutoDefault(False)
        remove.clicked.connect(self._remove_row)
        grid_buttons = QHBoxLayout()
        grid_buttons.addWidget(add)
        grid_buttons.addWidget(remove)
        grid_buttons.addStretch(1)

        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Announce"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Cartons and their SKUs (one row per SKU in a carton):")))
        layout.addWidget(self.grid, 1)
        layout.addLayout(grid_buttons)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.add_row()

    def add_row(self, carton: str = "", sku: str = "", quantity: str = "") -> None:
        """A row, the carton filled in from the row above (most cartons hold several SKUs)."""
        row = self.grid.rowCount()
        if not carton and row:
            above = self.grid.item(row - 1, 0)
            carton = above.text() if above is not None else ""
        self.grid.insertRow(row)
        for column, text in enumerate((carton, sku, quantity)):
            self.grid.setItem(row, column, QTableWidgetItem(text))

    def _remove_row(self) -> None:
        row = self.grid.currentRow()
        if row >= 0:
            self.grid.removeRow(row)

    def client(self) -> str:
        return self.client_box.currentText()

    def warehouse(self) -> str:
        return self.warehouse_box.currentText()

    def draft(self) -> InboundDraft:
        """The shipment as typed; raises InvalidValue for a quantity that is no number."""
        cartons: dict[str, list[tuple[str, int]]] = {}
        for row in range(self.grid.rowCount()):
            carton, sku, quantity = (self._cell(row, c) for c in range(3))
            if not (carton or sku or quantity):
                continue
            if not quantity.isdigit():
                raise InvalidValue(field="quantity",
                                   problem=f"'{quantity}' must be a whole number above 0")
            cartons.setdefault(carton, []).append((sku, int(quantity)))
        day = self.eta.date()
        eta = date(day.year(), day.month(), day.day()) if self.has_eta.isChecked() else None
        return InboundDraft(self.reference.text(), tuple(
            CartonDraft(c, tuple(lines)) for c, lines in cartons.items()),
            eta=eta, container=self.container.text(), tracking=self.tracking.text())

    def _cell(self, row: int, column: int) -> str:
        item = self.grid.item(row, column)
        return item.text().strip() if item is not None else ""

    def _check(self) -> None:
        try:
            self.draft()
        except InvalidValue as exc:
            self.show_error(error_text(exc))
            return
        self.error.hide()
        self.submit(self)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
