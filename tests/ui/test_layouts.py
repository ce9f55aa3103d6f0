"""Every screen lays out cleanly from the smallest window up (1100x640), in both languages.

A box layout that cannot give its widgets their minimum width squeezes them anyway and
Qt then draws them over one another (the Inventory "Bin" label sat on the SKU search).
This opens each screen at the minimum window size and checks, layout by layout, that no
two visible widgets of the same layout overlap.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication, QLayout, QStackedLayout, QWidget

from app.bootstrap import AppContext
from app.settings import StationSettings
from app.ui.i18n import install_translators
from app.ui.main_window import MainWindow, ShellInfo
from app.ui.pages.base import PageContext
from tests.ui.conftest import make_user
from tests.ui.inline_tasks import InlineTaskRunner
from tests.world import build_world, place_order, receive

QM = Path(__file__).resolve().parents[2] / "resources/translations"
SCREENS = ["orders", "inventory", "inventory:by_bin", "printing", "channels"]


def overlaps(root: QWidget) -> list[str]:
    """Pairs of visible widgets of one layout whose rectangles intersect."""
    found = []
    for layout in root.findChildren(QLayout):
        if isinstance(layout, QStackedLayout):  # one page at a time, on top of each other
            continue
        widgets = [w for i in range(layout.count())
                   if (w := layout.itemAt(i).widget()) is not None and w.isVisibleTo(root)]
        for a, b in itertools.combinations(widgets, 2):
            if _rect(a).intersects(_rect(b)):
                found.append(f"{_name(a)} {_rect(a).getRect()} overlaps "
                             f"{_name(b)} {_rect(b).getRect()}")
    return found


def _rect(widget: QWidget) -> QRect:
    return widget.geometry().adjusted(0, 0, -1, -1) if widget.width() > 1 else widget.geometry()


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    label = text() if callable(text) else widget.objectName()
    return f"{type(widget).__name__}({label!r})"


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication):
    if request.param != "en" and not list(QM.glob("*_zh_CN.qm")):
        pytest.fail("run `make translations` (make test does) to compile the .qm files")
    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, "en")


def test_no_widgets_overlap_at_the_smallest_window(qtbot, db, tmp_path: Path,
                                                   language: str) -> None:
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
    window.resize(window.minimumSize())
    qtbot.waitUntil(lambda: window.size() == window.minimumSize(), timeout=2000)
    assert (window.width(), window.height()) == (1100, 640)
    problems = []
    for screen in SCREENS:
        key, _, tab = screen.partition(":")
        page = window.show_page(key)
        if tab == "by_bin":
            page.tabs.setCurrentIndex(1)
        qtbot.wait(30)
        problems += [f"{screen}: {p}" for p in overlaps(page)]
    assert problems == [], "\n".join(problems)
