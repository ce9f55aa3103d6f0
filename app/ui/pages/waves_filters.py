"""The Waves screen's choice of orders: warehouse, filters and cart size, as one row.

The row only collects what the supervisor chose; :meth:`WaveFilterRow.filters` turns
it into the services' :class:`WaveFilters`, so the plan and the release read exactly
the same choice.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.services.dto import ClientInfo, WarehouseInfo
from app.services.wave_plan import WaveFilters
from app.ui.widgets.date_filter import OptionalDateEdit
from app.ui.widgets.wrap_row import WrapRow, labelled

MAX_CART_ORDERS = 60
MAX_CART_UNITS = 500



class WaveFilterRow(QWidget):
    """Warehouse, client, carrier, service, ship-by, priority, units, packaging, cart size."""

    #: Any choice changed: the plan on show no longer matches the row.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.warehouse = QComboBox()
        self.client = QComboBox()
        self.client.addItem(self.tr("All clients"), None)
        for combo in (self.warehouse, self.client):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        self.carrier = self._text(self.tr("any"))
        self.service = self._text(self.tr("any"))
        self.priority = QComboBox()
        for text, value in ((self.tr("Any"), None), (self.tr("High (fast service or due)"),
                                                      "high"), (self.tr("Normal"), "normal")):
            self.priority.addItem(text, value)
        self.ship_by = OptionalDateEdit(self.tr("any day"))
        self.ship_by.setToolTip(self.tr("Orders due to ship before this day"))
        self.units = QComboBox()
        for text, value in ((self.tr("Any"), None), (self.tr("Single-unit"), "single"),
                            (self.tr("Multi-unit"), "multi")):
            self.units.addItem(text, value)
        self.packaging = QComboBox()
        for text, value in ((self.tr("Any"), None),
                            (self.tr("Pre-packed (label first)"), "prepacked"),
                            (self.tr("Needs packing"), "needs_packing")):
            self.packaging.addItem(text, value)
        self.cart_orders = QSpinBox()
        self.cart_orders.setRange(1, MAX_CART_ORDERS)
        self.cart_orders.setValue(8)
        self.cart_orders.setToolTip(self.tr("Orders (totes) one cart carries"))
        self.cart_units = QSpinBox()
        self.cart_units.setRange(0, MAX_CART_UNITS)
        self.cart_units.setSpecialValueText(self.tr("no limit"))
        self.cart_units.setToolTip(self.tr("Units one cart carries at most"))
        layout = WrapRow(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.add(labelled(self.tr("&Warehouse"), self.warehouse))
        layout.add(labelled(self.tr("C&lient"), self.client))
        layout.add(labelled(self.tr("Ca&rrier"), self.carrier))
        layout.add(labelled(self.tr("Ser&vice"), self.service))
        layout.add(labelled(self.tr("Priorit&y"), self.priority))
        layout.add(labelled(self.tr("Ship &before"), self.ship_by))
        layout.add(labelled(self.tr("&Units"), self.units))
        layout.add(labelled(self.tr("Pac&kaging"), self.packaging))
        layout.add(labelled(self.tr("Orders per &cart"), self.cart_orders))
        layout.add(labelled(self.tr("Units per car&t"), self.cart_units))
        for combo in (self.warehouse, self.client, self.priority, self.units, self.packaging):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for edit in (self.carrier, self.service):
            edit.textChanged.connect(lambda _t: self.changed.emit())
        self.ship_by.dateChanged.connect(lambda _d: self.changed.emit())
        self.cart_orders.valueChanged.connect(lambda _v: self.changed.emit())
        self.cart_units.valueChanged.connect(lambda _v: self.changed.emit())

    @staticmethod
    def _text(placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.setMaximumWidth(120)
        return edit

    def set_choices(self, warehouses: list[WarehouseInfo], clients: list[ClientInfo]) -> None:
        """Fill the warehouse and client lists, keeping what was chosen where it still exists."""
        for combo, items, first in (
            (self.warehouse, [(w.code, f"{w.code} — {w.name}") for w in warehouses], 0),
            (self.client, [(c.code, f"{c.code} — {c.name}") for c in clients], 1),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > first:
                combo.removeItem(first)
            for code, text in items:
                combo.addItem(text, code)
            index = combo.findData(current)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)

    def warehouse_code(self) -> str | None:
        code = self.warehouse.currentData()
        return str(code) if code else None

    def filters(self) -> WaveFilters:
        return WaveFilters(
            client=self.client.currentData(),
            carrier=self.carrier.text().strip() or None,
            service=self.service.text().strip() or None,
            ship_by_before=self.ship_by.day(),
            priority=self.priority.currentData(),
            units=self.units.currentData(),
            packaging=self.packaging.currentData(),
        )

    def cart_units_limit(self) -> int | None:
        return self.cart_units.value() or None

    def focus_first(self) -> None:
        self.warehouse.setFocus(Qt.FocusReason.OtherFocusReason)
