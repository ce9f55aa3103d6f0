"""Add or edit a SKU: names, barcodes scanned in one by one, weight and size, handling flags,
customs data.

Weights are stored in grams and sizes in millimetres; the unit boxes let a clerk type
pounds, ounces or inches off a US supplier sheet, converted when the SKU is saved.
The barcode field takes a scanner's code-then-Enter without saving the dialog.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import SkuInfo
from app.services.skus import BarcodeTaken, SkuEdit, split_barcodes
from app.ui.i18n import error_text
from app.ui.pages.admin_clients_common import FormDialog

#: Unit shown in the box -> grams or millimetres per unit.
WEIGHT_UNITS: dict[str, Decimal] = {"g": Decimal(1), "kg": Decimal(1000),
                                    "lb": Decimal("453.59237"), "oz": Decimal("28.349523125")}
SIZE_UNITS: dict[str, Decimal] = {"mm": Decimal(1), "in": Decimal("25.4")}


def to_base(value: float, factor: Decimal) -> int:
    """Grams or millimetres from a value in another unit, rounded half up like the import."""
    exact = Decimal(str(value)) * factor
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


class ScanField(QLineEdit):
    """A line a scanner types into: Enter hands the code over and never closes the dialog."""

    scanned = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.text().strip():
                self.scanned.emit(self.text())
                self.clear()
            event.accept()
            return
        super().keyPressEvent(event)


class MeasureBox(QWidget):
    """One or more numbers with a shared unit box; values come back in the base unit."""

    def __init__(self, units: Mapping[str, Decimal], count: int, maximum: int,
                 separator: str = "×") -> None:
        super().__init__()
        self._units = units
        self._factor = Decimal(1)
        self.spins: list[QDoubleSpinBox] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for i in range(count):
            if i:
                row.addWidget(QLabel(separator))
            spin = QDoubleSpinBox()
            spin.setDecimals(0)
            spin.setRange(0, maximum)
            spin.setMinimumWidth(80)
            self.spins.append(spin)
            row.addWidget(spin, 1)
        self.unit = QComboBox()
        self.unit.addItems(list(units))
        self.unit.currentTextChanged.connect(self._on_unit_current_text_changed)
        row.addWidget(self.unit)

    def set_values(self, *base: int) -> None:
        self.unit.setCurrentIndex(0)
        for spin, value in zip(self.spins, base, strict=True):
            spin.setValue(value)

    def values(self) -> list[int]:
        return [to_base(spin.value(), self._factor) for spin in self.spins]

    def _on_unit_current_text_changed(self, unit: str) -> None:
        """Keep the same physical amount when the unit changes (350 g -> 0.77 lb)."""
        base = [Decimal(str(s.value())) * self._factor for s in self.spins]
        self._factor = self._units[unit]
        decimals = 0 if self._factor == 1 else 3
        for spin, amount in zip(self.spins, base, strict=True):
            spin.setDecimals(decimals)
            spin.setMaximum(float(Decimal(10_000_000) / self._factor))
            spin.setValue(float(amount / self._factor))


class SkuDialog(FormDialog):
    field_keys: ClassVar[Mapping[str, str]] = {
        "SKU": "code", "name": "name", "Chinese name": "name_zh", "weight": "weight",
        "length": "dimensions", "width": "dimensions", "height": "dimensions",
        "barcode": "barcodes", "declared value": "declared_value", "HS code": "hs_code",
        "expiry window": "expiry_window",
    }

    def __init__(self, client_code: str, currency: str, sku: SkuInfo | None = None,
                 parent: QWidget | None = None) -> None:
        title = (self.tr("Edit SKU {code}").format(code=sku.code) if sku
                 else self.tr("Add SKU for client {client}").format(client=client_code))
        super().__init__(title, parent)
        self.setMinimumWidth(560)
        self.client_code = client_code
        self.sku = sku
        self.code = QLineEdit()
        self.code.setMaxLength(64)
        self.code.setPlaceholderText(self.tr("e.g. MUG-RED"))
        self.name = QLineEdit()
        self.name_zh = QLineEdit()

        self.barcode_list = QListWidget()
        self.barcode_list.setFixedHeight(72)
        self.scan = ScanField()
        self.scan.setPlaceholderText(self.tr("Scan or type a barcode, then Enter"))
        self.scan.scanned.connect(self.add_barcodes)
        self.remove_barcode = QPushButton(self.tr("Remove"))
        self.remove_barcode.setAutoDefault(False)
        self.remove_barcode.clicked.connect(self._on_remove_barcode_clicked)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan, 1)
        scan_row.addWidget(self.remove_barcode)
        barcodes = QWidget()
        column = QVBoxLayout(barcodes)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(scan_row)
        column.addWidget(self.barcode_list)

        self.weight = MeasureBox(WEIGHT_UNITS, 1, 1_000_000)
        self.dimensions = MeasureBox(SIZE_UNITS, 3, 10_000)
        self.prepacked = QCheckBox(self.tr("Ships in its own packaging"))
        self.lot_tracked = QCheckBox(self.tr("Lot tracked"))
        self.hazmat = QCheckBox(self.tr("Dangerous goods"))
        flags = QWidget()
        flag_row = QHBoxLayout(flags)
        flag_row.setContentsMargins(0, 0, 0, 0)
        for box in (self.prepacked, self.lot_tracked, self.hazmat):
            flag_row.addWidget(box)
        flag_row.addStretch(1)
        self.declared_value = QLineEdit()
        self.declared_value.setPlaceholderText(self.tr("per unit, e.g. 4.50"))
        value_box = QWidget()
        value_row = QHBoxLayout(value_box)
        value_row.setContentsMargins(0, 0, 0, 0)
        value_row.addWidget(self.declared_value, 1)
        value_row.addWidget(QLabel(currency))
        self.hs_code = QLineEdit()
        self.hs_code.setPlaceholderText(self.tr("6 to 10 digits, e.g. 6912.00.48"))
        # Lot-tracked SKUs: stock this close to its expiry is never allocated.
        self.expiry_window = QSpinBox()
        self.expiry_window.setRange(0, 3650)
        self.expiry_window.setSuffix(self.tr(" days"))
        self.expiry_window.setToolTip(self.tr(
            "Lot-tracked SKUs: never ship stock expiring within this many days"))
        self.lot_tracked.toggled.connect(self.expiry_window.setEnabled)
        self.expiry_window.setEnabled(False)

        self.add_field("code", self.tr("SKU code"), self.code)
        self.add_field("name", self.tr("Name"), self.name)
        self.add_field("name_zh", self.tr("Chinese name"), self.name_zh)
        self.add_field("barcodes", self.tr("Barcodes"), barcodes)
        self.add_field("weight", self.tr("Weight"), self.weight)
        self.add_field("dimensions", self.tr("L × W × H"), self.dimensions)
        self.add_field("flags", self.tr("Handling"), flags)
        self.add_field("declared_value", self.tr("Declared value"), self.declared_value)
        self.add_field("hs_code", self.tr("HS code"), self.hs_code)
        self.add_field("expiry_window", self.tr("Do not ship within"), self.expiry_window)
        if sku is not None:
            self._fill(sku)
        self.set_first_field(self.name if sku else self.code)

    def _fill(self, k: SkuInfo) -> None:
        self.code.setText(k.code)
        self.code.setReadOnly(True)
        self.name.setText(k.name_en)
        self.name_zh.setText(k.name_zh or "")
        self.barcode_list.addItems(list(k.barcodes))
        self.weight.set_values(k.weight_g)
        self.dimensions.set_values(k.length_mm, k.width_mm, k.height_mm)
        self.prepacked.setChecked(k.prepacked)
        self.lot_tracked.setChecked(k.lot_tracked)
        self.hazmat.setChecked(k.hazmat)
        self.declared_value.setText("" if k.declared_value is None else str(k.declared_value))
        self.hs_code.setText(k.hs_code or "")
        self.expiry_window.setValue(k.expiry_window_days)

    # -- barcodes ------------------------------------------------------------------------

    def barcodes(self) -> tuple[str, ...]:
        return tuple(self.barcode_list.item(i).text() for i in range(self.barcode_list.count()))

    def add_barcodes(self, text: str) -> None:
        """Add what was scanned (several codes may be pasted as ``A;B``); repeats are skipped."""
        have = set(self.barcodes())
        for code in split_barcodes(text):
            if code not in have:
                self.barcode_list.addItem(code)
                have.add(code)
        self.barcode_list.scrollToBottom()

    def _on_remove_barcode_clicked(self) -> None:
        for item in self.barcode_list.selectedItems() or [
                self.barcode_list.item(self.barcode_list.count() - 1)]:
            if item is not None:
                self.barcode_list.takeItem(self.barcode_list.row(item))

    # -- saving --------------------------------------------------------------------------

    def check(self) -> bool:
        if self.scan.text().strip():  # scanned but Enter not pressed: keep it anyway
            self.add_barcodes(self.scan.text())
            self.scan.clear()
        return self.require_text("code", "name")

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, BarcodeTaken):
            self.show_field_error("barcodes", error_text(exc))
            self.scan.setFocus()
        else:
            super().show_error(exc)

    def edit(self) -> SkuEdit:
        """Every field of the form as the service takes it (it checks the values and
        reports a bad one beside its field); the declared value goes as typed."""
        (weight,) = self.weight.values()
        length, width, height = self.dimensions.values()
        return SkuEdit(
            name_en=self.name.text(), name_zh=self.name_zh.text(), barcodes=self.barcodes(),
            weight_g=weight, length_mm=length, width_mm=width, height_mm=height,
            prepacked=self.prepacked.isChecked(), lot_tracked=self.lot_tracked.isChecked(),
            hazmat=self.hazmat.isChecked(), declared_value=self.declared_value.text().strip(),
            hs_code=self.hs_code.text(), expiry_window_days=self.expiry_window.value(),
        )
