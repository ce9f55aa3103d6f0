"""Add or edit a warehouse: its address, region, time zone, daily cut-off and the layout
its pick routes are measured on (aisle and position spacing, cross aisles, depot)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

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
        "zip": "zip", "cut-off time": "cutoff", "aisle pitch": "aisle_pitch_m",
        "bin pitch": "bin_pitch_m", "block length": "block_length",
        "depot aisle": "depot_aisle",
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
        self._add_layout_fields()
        if warehouse is not None:
            self._fill(warehouse)
        self.set_first_field(self.name if warehouse else self.code)

    def _add_layout_fields(self) -> None:
        """The pick-route layout: what every route and wave plan of this warehouse is
        measured on (``app.domain.routing``)."""
        title = QLabel(self.tr("Pick-route layout"))
        title.setObjectName("SectionTitle")
        title.setContentsMargins(0, 10, 0, 2)   # set apart from the address above
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.form.addRow(title)
        self.aisle_pitch = self._metres(0.5, 50.0, 3.0)
        self.aisle_pitch.setToolTip(self.tr(
            "Distance between the centre lines of two neighbouring aisles."))
        self.bin_pitch = self._metres(0.1, 20.0, 1.0)
        self.bin_pitch.setToolTip(self.tr("Length of one bin position along an aisle."))
        self.block_length = QSpinBox()
        self.block_length.setRange(0, 999)
        self.block_length.setSpecialValueText(self.tr("No middle cross aisle"))
        self.block_length.setToolTip(self.tr(
            "Positions between cross aisles; 0 = cross aisles only at the front and back."))
        self.depot_aisle = QSpinBox()
        self.depot_aisle.setRange(1, 999)
        self.depot_aisle.setValue(1)
        self.depot_aisle.setToolTip(self.tr(
            "Carts start and end at the front end of this aisle."))
        for key, label, widget in (
            ("aisle_pitch_m", self.tr("Aisle spacing"), self.aisle_pitch),
            ("bin_pitch_m", self.tr("Position length"), self.bin_pitch),
            ("block_length", self.tr("Cross aisle every"), self.block_length),
            ("depot_aisle", self.tr("Depot at aisle"), self.depot_aisle),
        ):
            self.add_field(key, label, widget)
        self.block_length.setSuffix(self.tr(" positions"))

    def _metres(self, low: float, high: float, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(low, high)
        box.setDecimals(2)
        box.setSingleStep(0.1)
        box.setSuffix(self.tr(" m"))
        box.setValue(value)
        return box

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
        self.aisle_pitch.setValue(w.layout.aisle_pitch_m)
        self.bin_pitch.setValue(w.layout.bin_pitch_m)
        self.block_length.setValue(w.layout.block_length)
        self.depot_aisle.setValue(w.layout.depot_aisle)

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

    def layout_values(self) -> dict[str, Any]:
        """Keyword arguments for ``app.services.layout.set_layout``."""
        return {
            "aisle_pitch_m": self.aisle_pitch.value(), "bin_pitch_m": self.bin_pitch.value(),
            "block_length": self.block_length.value(), "depot_aisle": self.depot_aisle.value(),
        }
