"""Add or edit a client (seller): who they are, how their orders ship."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, ClassVar

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.services.dto import ClientInfo, WarehouseInfo
from app.ui.pages.admin_clients_common import FormDialog

#: Offered first in the currency box; any ISO 4217 code may be typed.
COMMON_CURRENCIES = ("USD", "CNY", "HKD", "CAD", "EUR", "GBP", "JPY", "AUD", "MXN")


class ClientDialog(FormDialog):
    field_keys: ClassVar[Mapping[str, str]] = {
        "client code": "code", "client name": "name", "e-mail": "email",
        "currency": "currency", "handling days": "handling_days",
        "weight tolerance": "weight_check", "weight tolerance floor": "weight_check",
        "packing material": "packing_material",
        "default warehouse": "warehouse",
    }

    def __init__(self, warehouses: Sequence[WarehouseInfo], client: ClientInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Edit client") if client else self.tr("Add client"), parent)
        self.client = client
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. ACME"))
        self.code.setMaxLength(32)
        self.name = QLineEdit()
        self.contact = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(COMMON_CURRENCIES)
        self.warehouse = QComboBox()
        self.warehouse.addItem(self.tr("Nearest warehouse with stock"), "")
        for wh in warehouses:
            self.warehouse.addItem(f"{wh.code} — {wh.name}", wh.code)
        self.handling_days = QSpinBox()
        self.handling_days.setRange(0, 30)
        self.handling_days.setValue(1)
        self.handling_days.valueChanged.connect(self._on_handling_days_value_changed)
        self._on_handling_days_value_changed(self.handling_days.value())
        self.tolerance_pct = QDoubleSpinBox()
        self.tolerance_pct.setRange(0.0, 50.0)
        self.tolerance_pct.setDecimals(1)
        self.tolerance_pct.setValue(5.0)
        self.tolerance_pct.setPrefix("± ")
        self.tolerance_pct.setSuffix(" %")
        self.tolerance_floor = QSpinBox()
        self.tolerance_floor.setRange(0, 5000)
        self.tolerance_floor.setValue(28)
        self.tolerance_floor.setPrefix(self.tr("at least "))
        self.tolerance_floor.setSuffix(" g")
        weight_check = QWidget()
        row = QHBoxLayout(weight_check)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.tolerance_pct)
        row.addWidget(self.tolerance_floor)
        row.addStretch(1)
        self.packing_material = QSpinBox()
        self.packing_material.setRange(0, 5000)
        self.packing_material.setSuffix(" g")
        self.packing_material.setToolTip(self.tr(
            "Dunnage, tape and inserts: added to every parcel's expected weight"))
        self.packing_slip = QCheckBox(self.tr("Put a packing slip in every parcel"))
        self.packing_slip.setChecked(True)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        self.add_field("code", self.tr("Code"), self.code)
        self.add_field("name", self.tr("Name"), self.name)
        self.add_field("contact", self.tr("Contact person"), self.contact)
        self.add_field("email", self.tr("E-mail"), self.email)
        self.add_field("phone", self.tr("Phone"), self.phone)
        self.add_field("currency", self.tr("Currency"), self.currency)
        self.add_field("warehouse", self.tr("Ships from"), self.warehouse)
        self.add_field("handling_days", self.tr("Handling time"), self.handling_days)
        self.add_field("packing_slip", self.tr("Packing slip"), self.packing_slip)
        self.add_field("weight_check", self.tr("Weight check"), weight_check)
        self.add_field("packing_material", self.tr("Packing material"), self.packing_material)
        self.add_field("notes", self.tr("Notes"), self.notes)
        if client is not None:
            self._fill(client)
        self.set_first_field(self.name if client else self.code)

    def _on_handling_days_value_changed(self, days: int) -> None:
        """The unit reads right for 0, 1 and many ("1 business day")."""
        self.handling_days.setSuffix(self.tr(" business day(s)", "", days))

    def _fill(self, c: ClientInfo) -> None:
        self.code.setText(c.code)
        self.code.setReadOnly(True)
        self.name.setText(c.name)
        self.contact.setText(c.contact_name or "")
        self.email.setText(c.contact_email or "")
        self.phone.setText(c.contact_phone or "")
        self.currency.setCurrentText(c.currency)
        index = self.warehouse.findData(c.default_warehouse_code or "")
        self.warehouse.setCurrentIndex(max(index, 0))
        self.handling_days.setValue(c.handling_days)
        self.packing_slip.setChecked(c.include_packing_slip)
        self.tolerance_pct.setValue(float(c.weight_tolerance_pct))
        self.tolerance_floor.setValue(c.weight_tolerance_floor_g)
        self.packing_material.setValue(c.packing_material_g)
        self.notes.setPlainText(c.notes or "")

    def check(self) -> bool:
        return self.require_text("code", "name")

    def values(self) -> dict[str, Any]:
        """Keyword arguments for ``create_client``/``update_client`` (code aside)."""
        return {
            "name": self.name.text(),
            "contact_name": self.contact.text(),
            "contact_email": self.email.text(),
            "contact_phone": self.phone.text(),
            "currency": self.currency.currentText(),
            "default_warehouse": str(self.warehouse.currentData() or ""),
            "include_packing_slip": self.packing_slip.isChecked(),
            "handling_days": self.handling_days.value(),
            "weight_tolerance_pct": Decimal(f"{self.tolerance_pct.value():.1f}"),
            "weight_tolerance_floor_g": self.tolerance_floor.value(),
            "packing_material_g": self.packing_material.value(),
            "notes": self.notes.toPlainText(),
        }
