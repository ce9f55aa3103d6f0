"""An inline message strip shown where the user is working (not a modal box)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsDropShadowEffect,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QWidget,
)


class Level(Enum):
    INFO = "info"
    SUCCESS = "success"
    #: Done, but not all of it (e.g. some orders backordered): amber, stays until dismissed.
    WARNING = "warning"
    ERROR = "error"


class MessageBar(QFrame):
    """Hidden until a message arrives; errors and warnings stay until dismissed, others fade."""

    def __init__(self, parent: QWidget | None = None, *, overlay: bool = False,
                 margin: int = 12) -> None:
        """In a layout, or with ``overlay`` floating over the bottom of ``parent``.

        A screen's bar floats over its bottom edge: a message then never pushes the table
        down (and back up when it fades) under the clerk's cursor, and a warning that
        stays until dismissed never hides the title row, the tabs or the filters.
        """
        super().__init__(parent)
        self.setObjectName("MessageBar")
        self._overlay = overlay and parent is not None
        self._margin = margin
        if self._overlay and parent is not None:
            parent.installEventFilter(self)
            shadow = QGraphicsDropShadowEffect(self)
            shadow.setBlurRadius(16)
            shadow.setOffset(0, 2)
            shadow.setColor(QColor(16, 24, 40, 60))
            self.setGraphicsEffect(shadow)
        self._label = QLabel()
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self._label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, text: str, level: Level = Level.INFO) -> None:
        self.setProperty("level", level.value)
        self.style().unpolish(self)
        self.style().polish(self)
        self._label.setText(text)
        self.show()
        if self._overlay:
            self._place()
            self.raise_()
        if level in (Level.ERROR, Level.WARNING):
            self._timer.stop()
        else:
            self._timer.start(8000)

    def text(self) -> str:
        return self._label.text() if self.isVisible() else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)

    def _place(self) -> None:
        """Across the bottom of the parent, as tall as the wrapped text needs."""
        parent = self.parentWidget()
        if parent is None:
            return
        width = max(0, parent.width() - 2 * self._margin)
        height = self.heightForWidth(width) if self.hasHeightForWidth() else -1
        height = max(height, self.sizeHint().height())
        self.setGeometry(self._margin, parent.height() - height - self._margin, width, height)
