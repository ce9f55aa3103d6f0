"""Printing → seller labels: importing the label of an order held because Amazon withholds
its address releases it, and the screen says so (English and Chinese)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db.engine import Database
from app.domain.permissions import Actor
from app.domain.states import OrderStatus
from app.services.orders import hold_order
from app.services.sync_import import ADDRESS_WITHHELD_REASON
from app.ui.i18n import install_translators
from app.ui.models.orders import order_note_text
from app.ui.pages.printing import PrintingPage
from app.ui.tasks import TaskRunner
from tests.printing.test_ui_printing import _ctx
from tests.world import place_order

AMAZON_ORDER = "113-4567890-1234567"


@pytest.fixture
def tasks(qapp, db: Database):
    runner = TaskRunner(db)
    yield runner
    runner.shutdown()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_importing_the_sellers_label_releases_the_address_hold(
    qtbot: QtBot, qapp: QApplication, world: Database, tasks: TaskRunner, tmp_path: Path,
    language: str,
) -> None:
    order_id = place_order(world, AMAZON_ORDER, {"CUP": 1})
    with world.writing() as s:
        hold_order(s, order_id, actor=Actor.system("sync"), reason=ADDRESS_WITHHELD_REASON)
    install_translators(qapp, language)
    try:
        page = PrintingPage(_ctx(world, tasks, tmp_path))
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        path = tmp_path / "amazon-labels.zpl"
        path.write_bytes(b"^XA^FO50,50^A0N,30,30^FDUSPS Ground Advantage^FS"
                         b"^FO50,100^A0N,30,30^FDRef " + AMAZON_ORDER.encode() + b"^FS^XZ")
        page.seller_labels.import_file(path)
        qtbot.waitUntil(lambda: page.seller_labels.match_model.rowCount() == 1, timeout=30000)
        summary = page.seller_labels.import_summary.text()
        held_note = order_note_text(ADDRESS_WITHHELD_REASON)
    finally:
        install_translators(qapp, "en")
    assert AMAZON_ORDER in summary
    if language == "en":
        assert f"1 order released from the address hold: {AMAZON_ORDER}." in summary
        assert "Allocated 0, backordered 1." in summary  # allocated at once: no CUP in stock
        assert held_note.startswith("Amazon withholds the address")
    else:
        assert "地址" in summary and "地址" in held_note
    with world.reading() as s:
        from app.db.models import Order

        order = s.get(Order, order_id)
        assert order is not None
        assert (order.status, order.hold_reason) == (OrderStatus.BACKORDERED, None)
