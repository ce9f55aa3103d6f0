"""A row of filters that wraps onto a second line when the window is narrow.

A QHBoxLayout squeezes its widgets below their minimum width when a 1100-pixel window
cannot hold them all, and then draws them over one another. This layout keeps every
item at least its preferred width and starts a new line instead; within a line, the
space left over goes to the items added with a stretch (the search box), so on a wide
screen it is one row that looks like a box layout.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QLayoutItem, QWidget, QWidgetItem


class WrapRow(QLayout):
    """Left to right, wrapping; ``add(widget, stretch)`` like QHBoxLayout.addWidget."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: list[int] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def add(self, widget: QWidget, stretch: int = 0) -> None:
        self.addChildWidget(widget)
        self._items.append(QWidgetItem(widget))
        self._stretch.append(stretch)
        self.invalidate()

    # -- QLayout ------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._stretch.append(0)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        self._stretch.pop(index)
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        visible = self._visible()
        width = sum(self._items[i].sizeHint().width() for i in visible)
        width += self.spacing() * max(0, len(visible) - 1)
        height = max((self._items[i].sizeHint().height() for i in visible), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        """As narrow as the widest single item: everything else can wrap."""
        visible = self._visible()
        width = max((self._items[i].sizeHint().width() for i in visible), default=0)
        height = max((self._items[i].sizeHint().height() for i in visible), default=0)
        return QSize(width, height)

    # -- placing ------------------------------------------------------------------------

    def _visible(self) -> list[int]:
        return [i for i, item in enumerate(self._items) if not item.isEmpty()]

    def _lines(self, width: int) -> list[list[int]]:
        lines: list[list[int]] = [[]]
        used = 0
        for i in self._visible():
            need = self._items[i].sizeHint().width()
            if lines[-1] and used + self.spacing() + need > width:
                lines.append([])
                used = 0
            used += (self.spacing() if lines[-1] else 0) + need
            lines[-1].append(i)
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in ``rect`` (only measure unless ``move``); returns the height."""
        y = rect.y()
        for n, line in enumerate(self._lines(rect.width())):
            if n:
                y += self.spacing()
            hints = [self._items[i].sizeHint() for i in line]
            height = max(h.height() for h in hints)
            spare = rect.width() - sum(h.width() for h in hints) - self.spacing() * (len(line) - 1)
            stretch = sum(self._stretch[i] for i in line)
            x = rect.x()
            for i, hint in zip(line, hints, strict=True):
                width = hint.width()
                if spare > 0 and stretch:
                    width += spare * self._stretch[i] // stretch
                width = min(width, rect.right() + 1 - x)
                if move:
                    top = y + (height - hint.height()) // 2
                    self._items[i].setGeometry(QRect(QPoint(x, top), QSize(width, hint.height())))
                x += width + self.spacing()
            y += height
        return y - rect.y()


def labelled(label: str, field: QWidget) -> QWidget:
    """A label and its field kept together when the row wraps; the label's buddy is the
    field, so its mnemonic (Alt+letter) reaches the field by keyboard."""
    group = QWidget()
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    text = QLabel(label)
    text.setBuddy(field)
    row.addWidget(text)
    row.addWidget(field, 1)
    return group
