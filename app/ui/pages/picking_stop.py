"""The current stop of a pick cart, shown big enough to read from a cart at arm's length.

Bin code first (never wrapped: the text shrinks to fit instead), then the SKU, its
English and Chinese names, how many to take and into which tote. Sizes grow with
the panel, so the same card serves a PC screen and a full-screen tablet.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.services.picking_dto import PickStop


class FitLabel(QLabel):
    """One line of text at ``points`` at most, smaller when the width would cut it.

    The size goes into the label's own style sheet: the application's style sheet sets
    every widget's font size, which would win over ``setFont``.
    """

    def __init__(self, points: int, *, bold: bool = True, color: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points = points
        self._bold = bold
        self._color = f"color: {color};" if color else ""
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._shown = 0
        self._fit()

    def set_points(self, points: int) -> None:
        self._points = points
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        font = QFont(self.font())
        font.setBold(self._bold)
        points = self._points
        width = max(self.width() - 8, 50)
        while points > 9:
            font.setPointSize(points)
            if QFontMetrics(font).horizontalAdvance(self.text()) <= width:
                break
            points -= 2
        if points == self._shown:
            return
        self._shown = points
        weight = 700 if self._bold else 400
        self.setStyleSheet(f"font-size: {points}pt; font-weight: {weight}; {self._color}")
        font.setPointSize(points)
        self.setMinimumHeight(QFontMetrics(font).height())


class StopCard(QFrame):
    """Bin, SKU, names, quantity and tote of one pick task."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StopCard")
        self.setStyleSheet(
            "QFrame#StopCard { background: white; border: 2px solid #d0d5dd; border-radius: 8px; }"
            " QLabel { border: none; }")
        self.bin_caption = self._caption(self.tr("Bin"))
        self.bin = FitLabel(54, color="#1f2a37")
        self.bin.setObjectName("StopBin")
        self.sku = FitLabel(26)
        self.sku.setObjectName("StopSku")
        self.name_en = FitLabel(17, bold=False)
        self.name_zh = FitLabel(17, bold=False)
        self.qty_caption = self._caption(self.tr("Take"))
        self.quantity = FitLabel(44, color="#1f5fa8")
        self.quantity.setObjectName("StopQuantity")
        self.slot_caption = self._caption(self.tr("Into tote"))
        self.slot = FitLabel(44, color="#8a5a00")
        self.slot.setObjectName("StopSlot")
        self.order = FitLabel(12, bold=False, color="#5b6675")
        self.tracking = FitLabel(14)
        self.tracking.setObjectName("StopTracking")

        numbers = QGridLayout()
        numbers.setHorizontalSpacing(24)
        numbers.addWidget(self.qty_caption, 0, 0)
        numbers.addWidget(self.slot_caption, 0, 1)
        numbers.addWidget(self.quantity, 1, 0)
        numbers.addWidget(self.slot, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setSpacing(2)
        layout.addWidget(self.bin_caption)
        layout.addWidget(self.bin)
        layout.addSpacing(6)
        layout.addWidget(self.sku)
        layout.addWidget(self.name_en)
        layout.addWidget(self.name_zh)
        layout.addSpacing(6)
        layout.addLayout(numbers)
        layout.addWidget(self.tracking)
        layout.addWidget(self.order)
        layout.addStretch(1)
        self.show_stop(None)

    @staticmethod
    def _caption(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("Muted")
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        return label

    def enlarge(self, large: bool) -> None:
        """Full screen: everything a size up, for a tablet on the cart."""
        scale = 1.5 if large else 1.0
        for label, points in ((self.bin, 54), (self.sku, 26), (self.name_en, 17),
                              (self.name_zh, 17), (self.quantity, 44), (self.slot, 44),
                              (self.order, 12), (self.tracking, 14)):
            label.set_points(round(points * scale))

    def show_stop(self, stop: PickStop | None) -> None:
        """Show ``stop`` (None: an empty card, nothing to pick)."""
        for part in (self.bin_caption, self.qty_caption, self.slot_caption):
            part.setVisible(stop is not None)
        if stop is None:
            for label in (self.bin, self.sku, self.name_en, self.name_zh, self.quantity,
                          self.slot, self.order, self.tracking):
                label.setText("")
            return
        self.bin.setText(stop.bin_code)
        self.sku.setText(stop.sku)
        self.name_en.setText(stop.name_en)
        self.name_zh.setText(stop.name_zh or "")
        self.name_zh.setVisible(bool(stop.name_zh))
        if stop.picked:
            self.quantity.setText(self.tr("{left} of {quantity}").format(
                left=stop.remaining, quantity=stop.quantity))
        else:
            self.quantity.setText(f"× {stop.quantity}")
        self.slot.setText(str(stop.slot))
        self.order.setText(self.tr("Order {order}").format(order=stop.order_number))
        self.tracking.setText(self.tr("Label {tracking}").format(tracking=stop.tracking)
                              if stop.tracking else "")
        self.tracking.setVisible(bool(stop.tracking))
