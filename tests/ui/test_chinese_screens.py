"""In Chinese, the main screens show no English a clerk would have to read.

The real main window with the real pages (Orders, Inventory, Printing), the
real compiled translations, and a small world with data. Every visible label,
button, tab, header, placeholder and combo entry is checked: it must contain
Chinese, or be data (codes, numbers, names, dates) that stays as it is.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabBar,
    QTableView,
    QWidget,
)

from app.bootstrap import AppContext
from app.settings import StationSettings
from app.ui.i18n import install_translators
from app.ui.main_window import MainWindow, ShellInfo
from app.ui.pages.base import PageContext
from tests.ui.conftest import make_user
from tests.ui.inline_tasks import InlineTaskRunner
from tests.world import build_world, place_order, receive

QM = Path(__file__).resolve().parents[2] / "resources/translations"

#: Text that is data or a proper name, not interface wording.
DATA = re.compile(
    r"^(|[\d\s.,:/()#%+\-–—×✕…→]+|[A-Z0-9][A-Z0-9_\-./ ]*|SKU|UPC|EAN|FNSKU|ZPL|TSPL|ESC/POS|PDF|"
    r"SQLite|PostgreSQL|Haicang.*|.*@.*|English|简体中文|\w+\.\w+|"
    r"[A-Z0-9_\-]+ [—·] .+)$"  # "LA1 — Los Angeles": a code and its name

)


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _visible_texts(root: QWidget) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []

    def add(kind: str, text: str) -> None:
        text = text.replace("&", "").strip()
        if text:
            found.append((kind, text))

    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, QLabel) and not w.pixmap().isNull() and not w.text():
            continue
        if isinstance(w, QLabel):
            add("label", re.sub(r"<[^>]+>", "", w.text()))
        elif isinstance(w, QAbstractButton):
            add("button", w.text())
        elif isinstance(w, QGroupBox):
            add("group", w.title())
        elif isinstance(w, QLineEdit):
            add("placeholder", w.placeholderText())
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add("tab", w.tabText(i))
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add("combo", w.itemText(i))
        elif isinstance(w, QListWidget):  # the page list on the left
            for i in range(w.count()):
                add("list", w.item(i).text())
        elif isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount()):
                if not w.isColumnHidden(c):
                    add("header", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
    return found


@pytest.fixture
def chinese(qapp: QApplication):
    if not list(QM.glob("*_zh_CN.qm")):
        pytest.fail("run `make translations` (make test does) to compile the .qm files")
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


def test_main_screens_have_no_untranslated_text(qtbot, db, tmp_path: Path, chinese) -> None:
    build_world(db)
    receive(db, "MUG", 5)
    place_order(db, "1001", {"MUG": 2})
    shell = ShellInfo("PACK-1", db.kind, db.display_url,
                      QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(shell)
    qtbot.addWidget(window)
    window.show()
    ctx = PageContext(AppContext(StationSettings(station_name="PACK-1"), db),
                      InlineTaskRunner(db), make_user(db), shell.ui_settings)
    window.start_session(ctx)
    untranslated: list[str] = []
    for key in ("orders", "inventory", "printing", "channels", "waves", "picking", "handover",
                "shipping", "inbound", "receiving"):
        window.show_page(key)
        qtbot.wait(50)
        for kind, text in _visible_texts(window):
            if not _has_cjk(text) and not DATA.match(text):
                untranslated.append(f"{key} {kind}: {text!r}")
    assert untranslated == [], "\n".join(untranslated)


def test_system_hold_reasons_and_notes_are_translated_and_typed_ones_kept(chinese) -> None:
    from app.services.sync_import import INTERCEPT_REASON, LINES_CHANGED_REASON
    from app.ui.models.orders import order_note_text

    assert _has_cjk(order_note_text(INTERCEPT_REASON))
    assert _has_cjk(order_note_text(LINES_CHANGED_REASON))
    assert order_note_text("Address check: apartment missing") == \
        "Address check: apartment missing"
    assert order_note_text(None) == ""
    assert _has_cjk(order_note_text("hold released"))  # the history note of a release
