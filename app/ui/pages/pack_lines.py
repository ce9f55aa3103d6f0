"""The order's lines at the pack station, big: picture, SKU, names, bin, scanned of wanted.

One :class:`LineCard` per order line, kept while the same order is on show so a scan
only changes the count and the colour of one card (a scan must reach the screen within
50 ms). A line without a picture gets a plain placeholder, never an empty hole: the
packer must see that there is nothing to compare with, not think it failed to load.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services.packing_view import PackLine
from app.ui.pages.picking_stop import FitLabel

PICTURE_PX = 76
_CARD = {
    "todo": "background: #ffffff; border: 2px solid #d0d5dd;",
    "partial": "background: #fffaeb; border: 2px solid #fdb022;",
    "done": "background: #ecfdf3; border: 2px solid #12b76a;",
    "last": "background: #eff8ff; border: 3px solid #1570ef;",
}
_COUNT_COLOUR = {"todo": "#344054", "partial": "#b54708", "done": "#067647", "last": "#175cd3"}


def load_pictures(lines: tuple[PackLine, ...], known: set[str]) -> dict[str, QImage]:
    """The pictures of ``lines`` not loaded yet, scaled (run off the GUI thread: disk)."""
    images: dict[str, QImage] = {}
    for line in lines:
        path = line.picture_path
        if path and path not in known and path not in images:
            image = QImage(path)
            if not image.isNull():
                images[path] = image.scaled(PICTURE_PX, PICTURE_PX,
                                            Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation)
    return images


class LineCard(QFrame):
    """One order line as the packer reads it from an arm's length."""

    def __init__(self, line: PackLine, picture: QPixmap | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PackLine")
        self.line_id = line.line_id
        self.picture = QLabel()
        self.picture.setFixedSize(PICTURE_PX, PICTURE_PX)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if picture is not None:
            self.picture.setPixmap(picture)
            self.picture.setStyleSheet("border: none; background: transparent;")
        else:
            self.picture.setText(self.tr("No\npicture"))
            self.picture.setStyleSheet(
                "background: #f2f4f7; color: #667085; border: 1px dashed #98a2b3;"
                " font-size: 10pt;")
        self.sku = FitLabel(20)
        self.sku.setText(line.sku_code)
        names = line.name_en + (f"  ·  {line.name_zh}" if line.name_zh else "")
        self.names = QLabel(names)
        self.names.setStyleSheet("border: none; background: transparent; font-size: 13pt;")
        bins = ", ".join(line.bins) or "—"
        self.bin = QLabel(self.tr("Bin {bins}").format(bins=bins))
        self.bin.setStyleSheet("border: none; background: transparent; font-size: 11pt;"
                               " color: #475467;")
        self.count = QLabel()
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count.setMinimumWidth(150)
        self.count.setStyleSheet("border: none; background: transparent;")
        self._style = ""
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 12, 6)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(0)
        grid.addWidget(self.picture, 0, 0, 3, 1)
        grid.addWidget(self.sku, 0, 1)
        grid.addWidget(self.names, 1, 1)
        grid.addWidget(self.bin, 2, 1)
        grid.addWidget(self.count, 0, 2, 3, 1)
        grid.setColumnStretch(1, 1)
        self.sku.setStyleSheet(self.sku.styleSheet() + " border: none; background: transparent;")
        self.state = ""
        self.update_line(line, last=False)

    def update_line(self, line: PackLine, *, last: bool) -> None:
        """The count ("2 / 3") and the colour: to do, partly scanned, done, just scanned."""
        state = ("last" if last else "done" if line.complete
                 else "partial" if line.scanned else "todo")
        self.state = "done" if line.complete else "partial" if line.scanned else "todo"
        self.count.setText(
            f'<span style="font-size:30pt; font-weight:700; color:{_COUNT_COLOUR[state]}">'
            f"{line.scanned}</span>"
            f'<span style="font-size:18pt; color:#475467"> / {line.quantity}</span>')
        self.count_text = f"{line.scanned} / {line.quantity}"
        if state != self._style:  # style sheets are slow to apply: only on a change
            self._style = state
            self.setStyleSheet(f"QFrame#PackLine {{ {_CARD[state]} border-radius: 8px; }}")


class LinesView(QScrollArea):
    """The cards of one order, in line order; scrolls for long orders."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PackLines")
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self._layout = QVBoxLayout(inner)
        self._layout.setContentsMargins(0, 0, 4, 0)
        self._layout.setSpacing(6)
        self._layout.addStretch(1)
        self.setWidget(inner)
        self._order: int | None = None
        self.cards: dict[int, LineCard] = {}
        self.pictures: dict[str, QPixmap] = {}

    def add_pictures(self, images: dict[str, QImage]) -> None:
        for path, image in images.items():
            self.pictures[path] = QPixmap.fromImage(image)

    def show_lines(self, order_id: int | None, lines: tuple[PackLine, ...],
                   last_line: int | None = None) -> None:
        """Show ``lines``; the cards are rebuilt only when the order changes."""
        if order_id != self._order or set(self.cards) != {line.line_id for line in lines}:
            self._clear()
            self._order = order_id
            for line in lines:
                picture = self.pictures.get(line.picture_path or "")
                card = LineCard(line, picture)
                self.cards[line.line_id] = card
                self._layout.insertWidget(self._layout.count() - 1, card)
        for line in lines:
            card = self.cards[line.line_id]
            card.update_line(line, last=line.line_no == last_line)
            if line.line_no == last_line:
                self.ensureWidgetVisible(card)

    def _clear(self) -> None:
        for card in self.cards.values():
            self._layout.removeWidget(card)
            card.deleteLater()
        self.cards.clear()
