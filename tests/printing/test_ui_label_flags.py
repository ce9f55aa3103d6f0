"""Printing → Seller labels: a ZIP of PNG and PDF labels is imported, and the labels a
clerk must look at are flagged in the table and the summary."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from app.db.engine import Database
from app.db.models import Order
from app.ui.i18n import install_translators
from app.ui.pages.printing import PrintingPage
from app.ui.widgets.message_bar import Level
from tests.printing.conftest import TRACKING
from tests.printing.label_files import label_png, zip_of
from tests.printing.test_seller_label_files import USPS, USPS_2, _label_with_text
from tests.printing.test_ui_printing import _ctx
from tests.ui.inline_tasks import InlineTaskRunner
from tests.world import place_order


def _imported(qtbot: QtBot, world: Database, tmp_path: Path) -> PrintingPage:
    """The Printing page after importing a ZIP with one clean and three flagged labels."""
    with world.writing() as s:
        s.execute(update(Order).where(Order.number == "SO-2001").values(tracking_number=USPS))
    place_order(world, "SO-2003", {"MUG": 1})
    path = tmp_path / "today.zip"
    path.write_bytes(zip_of({
        "a/SO-2001.png": label_png(USPS),
        "b/mixed.pdf": _label_with_text(TRACKING, "SO-2003"),  # names SO-2002 and SO-2003
        "c/SO-2001.pdf": _label_with_text(USPS_2, "SO-2001"),
        "c/SO-2003.pdf": _label_with_text(USPS_2, "SO-2003"),  # the same number again
    }))
    tasks = InlineTaskRunner(world)
    page = PrintingPage(_ctx(world, tasks, tmp_path))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.seller_labels.import_file(path)
    qtbot.waitUntil(lambda: page.seller_labels.match_model.rowCount() == 4, timeout=30000)
    page.tabs.setCurrentWidget(page.seller_labels)
    if os.environ.get("H3_SCREENSHOTS"):  # for looking at the screen while building it
        page.grab().save(os.environ["H3_SCREENSHOTS"])
    return page


def test_zip_import_shows_the_flagged_labels(qtbot: QtBot, qtmodeltester, world: Database,
                                             tmp_path: Path) -> None:
    page = _imported(qtbot, world, tmp_path)
    model = page.seller_labels.match_model
    qtmodeltester.check(model)
    rows = [[model.index(row, column).data() for column in range(4)] for row in range(4)]
    assert rows[0] == ["1", "SO-2001", USPS, ""]
    assert rows[1] == ["2", "Two orders", TRACKING,
                       "Names two orders (SO-2002, SO-2003): attached to neither"]
    assert rows[2] == ["3", "SO-2001", USPS_2,
                       "Tracking number also on SO-2003: check before shipping"]
    assert rows[3] == ["4", "SO-2003", USPS_2,
                       "Tracking number also on SO-2001: check before shipping"]
    summary = page.seller_labels.import_summary.text()
    assert "3 labels flagged: check before shipping." in summary
    assert page.messages.property("level") == Level.WARNING.value


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


def test_the_flags_read_in_chinese(qtbot: QtBot, world: Database, tmp_path: Path,
                                   chinese: None) -> None:
    page = _imported(qtbot, world, tmp_path)
    model = page.seller_labels.match_model
    assert model.headerData(3, Qt.Orientation.Horizontal) == "需核对"
    assert model.index(1, 1).data() == "对应两个订单"
    assert model.index(1, 3).data() == "同时对应两个订单（SO-2002, SO-2003）：未关联到任何订单"
    assert "3 张面单被标记：发货前请核对。" in page.seller_labels.import_summary.text()
