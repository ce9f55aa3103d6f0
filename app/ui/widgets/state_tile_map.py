"""A US state tile map: one square per state (and DC) on the common 8 x 11 grid
(:data:`app.domain.regions.TILES`), shaded by a value, with a legend of the shades.

Painted with QPainter (no shapes to ship or license); the tiles scale with the widget and
keep square. Hovering a tile shows its state and value as a tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.domain.regions import TILE_COLUMNS, TILE_ROWS, TILES

#: Light to dark blue; a state with nothing gets the first (grey) shade.
SHADES = ("#eef1f5", "#cfe0f3", "#9cc3e6", "#5a9bd4", "#2a6fb0", "#14467a")
GAP = 3.0
LEGEND_HEIGHT = 34.0


class StateTileMap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: dict[str, int] = {}
        self._unit = ""
        self.setMinimumSize(QSize(360, 290))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_values(self, values: dict[str, int], unit: str) -> None:
        """Shade each state by its value; ``unit`` names it in the legend and tooltips."""
        self._values = {k.upper(): v for k, v in values.items()}
        self._unit = unit
        self.update()

    def value(self, state: str) -> int:
        return self._values.get(state, 0)

    def shade(self, value: int) -> int:
        """Index in :data:`SHADES`: 0 for nothing, then five equal steps up to the top."""
        top = max(self._values.values(), default=0)
        if value <= 0 or top <= 0:
            return 0
        return min(len(SHADES) - 1, 1 + (value * (len(SHADES) - 1) - 1) // top)

    def _tile(self) -> tuple[float, float, float]:
        """Tile size and the grid's left and top offsets (the grid centred)."""
        size = min(self.width() / TILE_COLUMNS,
                   (self.height() - LEGEND_HEIGHT) / TILE_ROWS)
        left = (self.width() - size * TILE_COLUMNS) / 2
        return size, left, 0.0

    def tile_rect(self, state: str) -> QRectF:
        size, left, top = self._tile()
        row, column = TILES[state]
        return QRectF(left + column * size + GAP / 2, top + row * size + GAP / 2,
                      size - GAP, size - GAP)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size, _left, _top = self._tile()
        font = painter.font()
        font.setPixelSize(max(8, int(size * 0.3)))
        font.setBold(True)
        painter.setFont(font)
        for state in TILES:
            shade = self.shade(self.value(state))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(SHADES[shade]))
            rect = self.tile_rect(state)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(QColor("#ffffff" if shade >= 3 else "#23303d"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, state)
        self._legend(painter)
        painter.end()

    def _legend(self, painter: QPainter) -> None:
        top = max(self._values.values(), default=0)
        font = painter.font()
        font.setBold(False)
        font.setPixelSize(11)
        painter.setFont(font)
        y = self.height() - LEGEND_HEIGHT + 8
        x = 8.0
        steps = len(SHADES) - 1
        labels = ["0"] + [f"≤ {max(1, -(-top * i // steps))}" for i in range(1, steps + 1)]
        for shade, label in zip(SHADES, labels, strict=True):
            painter.setPen(QColor("#9aa5b1"))
            painter.setBrush(QColor(shade))
            painter.drawRect(QRectF(x, y, 16, 16))
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x + 21, y + 13), label)
            x += 30 + painter.fontMetrics().horizontalAdvance(label)
        painter.drawText(QPointF(x + 6, y + 13), self._unit)

    def state_at(self, point: QPointF) -> str | None:
        return next((s for s in TILES if self.tile_rect(s).contains(point)), None)

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            state = self.state_at(QPointF(event.pos()))
            if state:
                QToolTip.showText(event.globalPos(), f"{state}: {self.value(state)} {self._unit}")
            else:
                QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]
