"""Add one bin, or a whole aisle section of bins coded ``AISLE-POSITION-LEVEL``."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import ClassVar

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.states import BinType
from app.services.organisation import BinDraft, range_drafts
from app.ui.i18n import error_text
from app.ui.models.inventory import bin_type_names
from app.ui.pages.admin_clients_common import FormDialog


def _type_box() -> QComboBox:
    box = QComboBox()
    for value, name in bin_type_names().items():
        box.addItem(name, value)
    return box


def _number(maximum: int = 999, value: int = 0) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setValue(value)
    return box


class BinDialog(FormDialog):
    """One bin; the code is free (``STAGE-01``, ``A-01-02-03``)."""

    field_keys: ClassVar[Mapping[str, str]] = {
        "bin code": "code", "bin type": "type", "aisle": "aisle", "position": "position",
        "level": "level", "capacity units": "capacity_units",
        "capacity litres": "capacity_litres",
    }

    def __init__(self, warehouse: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add bin to {warehouse}").format(warehouse=warehouse), parent)
        self.code = QLineEdit()
        self.code.setMaxLength(32)
        self.code.setPlaceholderText(self.tr("e.g. A-01-02 or STAGE-01"))
        self.type = _type_box()
        self.aisle = _number()
        self.position = _number()
        self.level = _number()
        self.carrier = QLineEdit()
        self.carrier.setMaxLength(40)
        self.carrier.setPlaceholderText(self.tr("staging lanes: e.g. USPS, UPS, FedEx"))
        self.add_field("code", self.tr("Bin code"), self.code)
        self.add_field("type", self.tr("Type"), self.type)
        self.add_field("aisle", self.tr("Aisle"), self.aisle)
        self.add_field("position", self.tr("Position"), self.position)
        self.add_field("level", self.tr("Level"), self.level)
        self.add_field("carrier", self.tr("Carrier"), self.carrier)
        # Room for put-away; 0 shows "not limited".
        self.capacity_units = _number(9_999_999)
        self.capacity_units.setSpecialValueText(self.tr("not limited"))
        self.capacity_units.setSuffix(self.tr(" units"))
        self.capacity_litres = QDoubleSpinBox()
        self.capacity_litres.setRange(0, 9_999_999)
        self.capacity_litres.setDecimals(2)
        self.capacity_litres.setSpecialValueText(self.tr("not limited"))
        self.capacity_litres.setSuffix(self.tr(" L"))
        self.add_field("capacity_units", self.tr("Capacity (units)"), self.capacity_units)
        self.add_field("capacity_litres", self.tr("Capacity (volume)"), self.capacity_litres)
        self.type.currentIndexChanged.connect(self._carrier_for_lanes)
        self._carrier_for_lanes()
        self.set_first_field(self.code)

    def _carrier_for_lanes(self) -> None:
        """Only a staging lane has a carrier (the parcels it holds go with it)."""
        self.carrier.setEnabled(self.type.currentData() == BinType.STAGING.value)

    def lane_carrier(self) -> str | None:
        """The carrier typed for a staging lane, else None."""
        text = self.carrier.text().strip()
        return text if text and self.carrier.isEnabled() else None

    def check(self) -> bool:
        return self.require_text("code")

    def draft(self) -> BinDraft:
        litres = round(self.capacity_litres.value(), 2)
        return BinDraft(self.code.text(), BinType(self.type.currentData()), self.aisle.value(),
                        self.position.value(), self.level.value(),
                        self.capacity_units.value() or None,
                        Decimal(str(litres)) if litres else None)


class BinRangeDialog(FormDialog):
    """Positions × levels of one aisle, with the codes it will make shown as you type."""

    field_keys: ClassVar[Mapping[str, str]] = {
        "aisle": "aisle", "positions": "positions", "levels": "levels", "bin type": "type",
        "bin range": "positions",
    }

    def __init__(self, warehouse: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Add a range of bins to {warehouse}").format(warehouse=warehouse), parent)
        self.aisle = QLineEdit()
        self.aisle.setMaxLength(3)
        self.aisle.setPlaceholderText(self.tr("A, B … or 1, 2 …"))
        self.position_from, self.position_to = _number(value=1), _number(value=20)
        self.level_from, self.level_to = _number(value=1), _number(value=4)
        self.type = _type_box()
        self.preview = QLabel()
        self.preview.setObjectName("Muted")
        self.preview.setWordWrap(True)
        self.add_field("aisle", self.tr("Aisle"), self.aisle)
        self.add_field("positions", self.tr("Positions"),
                       _pair(self.position_from, self.position_to, self.tr("to")))
        self.add_field("levels", self.tr("Levels"),
                       _pair(self.level_from, self.level_to, self.tr("to")))
        self.add_field("type", self.tr("Type"), self.type)
        self.form.addRow("", self.preview)
        self.setTabOrder(self.aisle, self.position_from)
        self.setTabOrder(self.position_from, self.position_to)
        self.setTabOrder(self.position_to, self.level_from)
        self.setTabOrder(self.level_from, self.level_to)
        self.setTabOrder(self.level_to, self.type)
        for box in (self.position_from, self.position_to, self.level_from, self.level_to):
            box.valueChanged.connect(self._update_preview)
        self.aisle.textChanged.connect(self._update_preview)
        self._update_preview()
        self.set_first_field(self.aisle)

    def spans(self) -> tuple[tuple[int, int], tuple[int, int]]:
        return ((self.position_from.value(), self.position_to.value()),
                (self.level_from.value(), self.level_to.value()))

    def _update_preview(self) -> None:
        if not self.aisle.text().strip():
            self.preview.setText(self.tr("Codes are AISLE-POSITION-LEVEL, e.g. A-07-02."))
            return
        try:
            self._check_spans()
            positions, levels = self.spans()
            drafts = range_drafts(self.aisle.text(), positions, levels, BinType.PICK)
        except DomainError as exc:
            self.preview.setText(error_text(exc))
            return
        self.preview.setText(self.tr("%n bin(s): {first} … {last}", "", len(drafts)).format(
            first=drafts[0].code, last=drafts[-1].code))

    def _check_spans(self) -> None:
        from app.services.organisation import parse_span

        (p1, p2), (l1, l2) = self.spans()
        parse_span(f"{p1}-{p2}", "positions")
        parse_span(f"{l1}-{l2}", "levels")

    def check(self) -> bool:
        if not self.require_text("aisle"):
            return False
        try:
            self._check_spans()
        except DomainError as exc:
            self.show_error(exc)
            return False
        return True


def _pair(first: QSpinBox, second: QSpinBox, between: str) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(first)
    row.addWidget(QLabel(between))
    row.addWidget(second)
    row.addStretch(1)
    return box
