"""An inline message strip shown where the user is working (not a modal box)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class Level(Enum):
    INFO = "info"
    SUCCESS = "success"
    #: Done, but not all of it (e.g. some orders backordered): amber, stays until dismissed.
    WARNING = "warning"
    ERROR = "error"


class MessageBar(QFrame):
    """Hidden until a message arrives; errors and warnings stay until dismissed, others fade."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBar")
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
        if level in (Level.ERROR, Level.WARNING):
            self._timer.stop()
        else:
            self._timer.start(8000)

    def text(self) -> str:
        return self._label.text() if self.isVisible() else ""
