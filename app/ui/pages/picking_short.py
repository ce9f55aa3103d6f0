"""The short-pick dialog: how many the bin really had, and why fewer.

Keyboard only: the count has focus (type it), Up/Down changes the reason, Enter
reports, Esc goes back to the stop. The count offered runs from 0 to one less than
what is still to pick here: a full count is a normal pick, not a short.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.picking_dto import PickStop


class ShortDialog(QDialog):
    """Found quantity and reason for a short at ``stop``."""

    def __init__(self, stop: PickStop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Report a short pick"))
        intro = QLabel(self.tr(
            "Bin {bin}: SKU {sku}, {left} still to pick for order {order}.").format(
            bin=stop.bin_code, sku=stop.sku, left=stop.remaining, order=stop.order_number))
        intro.setWordWrap(True)
        self.found = QSpinBox()
        self.found.setRange(0, max(stop.remaining - 1, 0))
        self.found.setValue(0)
        self.reason = QComboBox()
        for code, text in self._reasons():
            self.reason.addItem(text, code)
        form = QFormLayout()
        form.addRow(self.tr("&Found in the bin"), self.found)
        form.addRow(self.tr("&Why"), self.reason)
        hint = QLabel(self.tr(
            "The missing units are reserved in another bin when one has them; otherwise the "
            "order goes back to backordered. The bin is flagged for a count."))
        hint.setObjectName("Muted")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Report short"))
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.found.selectAll()
        self.found.setFocus()

    def _reasons(self) -> list[tuple[str, str]]:
        return [
            ("empty bin", self.tr("The bin is empty")),
            ("damaged", self.tr("Units are damaged")),
            ("fewer than expected", self.tr("Fewer units than expected")),
        ]

    def result_values(self) -> tuple[int, str]:
        """(units found, the reason as the ledger and the bin's count flag record it)."""
        return self.found.value(), str(self.reason.currentData())
