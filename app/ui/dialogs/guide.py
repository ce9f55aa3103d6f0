"""Help → User guide: the bilingual guide shipped with the app, in the user's language.

``docs/user-guide.md`` holds the English guide and then the Chinese one, the second
starting at its own top-level heading; the dialog shows the part for the language
the app runs in, so a clerk never scrolls past a language they do not read.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.ui.resources import resources_dir

#: The heading the Chinese half of the guide starts with.
CHINESE_HEADING = "# 海仓使用指南"


def user_guide_path() -> Path:
    """Beside ``resources/`` in a source checkout and in the frozen bundle alike."""
    return resources_dir().parent / "docs" / "user-guide.md"


def guide_text(language: str) -> str:
    """The guide's English or Chinese half (the whole file if it has no Chinese half)."""
    text = user_guide_path().read_text(encoding="utf-8")
    english, marker, chinese = text.partition(CHINESE_HEADING)
    if not marker:
        return text
    return marker + chinese if language.startswith("zh") else english


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Haicang user guide"))
        self.resize(820, 680)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        try:
            self.browser.setMarkdown(guide_text(QLocale().name()))
        except OSError as exc:
            self.browser.setPlainText(self.tr("The user guide could not be opened: {reason}")
                                      .format(reason=exc.strerror or exc))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
