"""Lot and expiry of a lot-tracked SKU, asked when the dock scans one (and when the office
maps an unknown code to one): both are needed before its units are counted."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class LotDialog(QDialog):
    """``values()`` -> (lot, expiry) once accepted; OK stays off until a lot is typed."""

    def __init__(self, sku: str, parent: QWidget | None = None, *, lot: str = "",
                 expiry: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lot and expiry"))
        self.lot = QLineEdit(lot)
        self.lot.setMaxLength(64)
        self.lot.setPlaceholderText(self.tr("Scan or type the lot number"))
        self.expiry = QDateEdit(QDate(expiry.year, expiry.month, expiry.day) if expiry
                                else QDate.currentDate().addYears(1))
        self.expiry.setCalendarPopup(True)
        self.expiry.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout()
        form.addRow(self.tr("Lot"), self.lot)
        form.addRow(self.tr("Expiry date"), self.expiry)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.lot.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("SKU {sku} is lot-tracked: enter the lot and expiry date printed "
                              "on the carton or product.").format(sku=sku))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.lot.text().strip()))

    def values(self) -> tuple[str, date]:
        day = self.expiry.date()
        return self.lot.text().strip(), date(day.year(), day.month(), day.day())
