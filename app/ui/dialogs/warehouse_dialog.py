"""Add or edit a warehouse: its address, region, time zone and daily cut-off."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QTimeEdit, QWidget

from app.domain.states import Region
from app.services.dto import WarehouseInfo
from app.ui.pages.admin_clients_common import FormDialog

#: US time zones offered in the box; any IANA name may be typed.
US_TIME_ZONES = (
    "America/Los_Angeles", "America/Denver", "America/Phoenix", "America/Chicago",
    "America/New_York", "America/Anchorage", "Pacific/Honolulu",
)


class WarehouseDialog(FormDialog):
    field_keys: ClassVar[Mapping[str, str]] = {
        "warehouse code": "code", "name": "name", "region": "region",
        "time zone": "time_zone", "address": "address1", "city": "city", "state": "state",
        "zip": "zip", "cut-off time": "cutoff",
    }

    def __init__(self, warehouse: WarehouseInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Edit warehouse") if warehouse else self.tr("Add warehouse"), parent)
        self.warehouse = warehouse
        self.code = QLineEdit()
        self.code.setMaxLength(16)
        self.code.setPlaceholderText(self.tr("e.g. LA1"))
        self.name = QLineEdit()
        self.region = QComboBox()
        self.region.addItem(self.tr("US West"), Region.WEST.value)
        self.region.addItem(self.tr("US East"), Region.EAST.value)
        self.address1 = QLineEdit()
        self.address2 = QLineEdit()
        self.city = QLineEdit()
        self.state = QLineEdit()
        self.state.setMaxLength(20)
        self.state.setPlaceholderText("CA")
        self.zip = QLineEdit()
        self.zip.setMaxLength(10)
        self.zip.setPlaceholderText("91761")
        self.phone = QLineEdit()
        self.time_zone = QComboBox()
        self.time_zone.setEditable(True)
        self.time_zone.addItems(US_TIME_ZONES)
        self.cutoff = QTimeEdit(QTime(14, 0))
        self.cutoff.setDisplayFormat("HH:mm")
        self.auto_allocate = QCheckBox(
            self.tr("Reserve stock right after imports, syncs and receipts"))
        self.auto_allocate.setChecked(True)
        for key, label, widget in (
            ("code", self.tr("Code"), self.code),
            ("name", self.tr("Name"), self.name),
            ("region", self.tr("Region"), self.region),
            ("address1", self.tr("Address"), self.address1),
            ("address2", self.tr("Address line 2"), self.address2),
            ("city", self.tr("City"), self.city),
            ("state", self.tr("State"), self.state),
            ("zip", self.tr("ZIP code"), self.zip),
            ("phone", self.tr("Phone"), self.phone),
            ("time_zone", self.tr("Time zone"), self.time_zone),
            ("cutoff", self.tr("Daily cut-off"), self.cutoff),
            ("auto_allocate", self.tr("Allocation"), self.auto_allocate),
        ):
            self.add_field(key, label, widget)
        self.cutoff.setToolTip(self.tr(
            "Orders placed after this local time count from the next business day."))
        if warehouse is not None:
            self._fill(warehouse)
        self.set_first_field(self.name if warehouse else self.code)

    def _fill(self, w: WarehouseInfo) -> None:
        self.code.setText(w.code)
        self.code.setReadOnly(True)
        self.name.setText(w.name)
        self.region.setCurrentIndex(max(self.region.findData(w.region), 0))
        self.address1.setText(w.address1)
        self.address2.setText(w.address2 or "")
        self.city.setText(w.city)
        self.state.setText(w.state)
        self.zip.setText(w.zip)
        self.phone.setText(w.phone or "")
        self.time_zone.setCurrentText(w.time_zone)
        self.cutoff.setTime(QTime.fromString(w.cutoff_local, "HH:mm"))
        self.auto_allocate.setChecked(w.auto_allocate)

    def check(self) -> bool:
        return self.require_text("code", "name", "address1", "city", "state", "zip")

    def values(self) -> dict[str, Any]:
        """Keyword arguments for ``update_warehouse`` (and, with the code, the draft)."""
        return {
            "name": self.name.text(), "region": str(self.region.currentData()),
            "time_zone": self.time_zone.currentText(), "address1": self.address1.text(),
            "address2": self.address2.text(), "city": self.city.text(),
            "state": self.state.text(), "zip": self.zip.text(), "phone": self.phone.text(),
            "cutoff_local": self.cutoff.time().toString("HH:mm"),
            "auto_allocate": self.auto_allocate.isChecked(),
        }
