"""A receipt on the Inventory screen names the backordered orders it allocated."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.db.engine import Database
from app.services.auto_allocation import allocate_in_batches
from app.ui.dialogs.stock_panel import Mode
from app.ui.pages.base import PageContext
from app.ui.pages.inventory import InventoryPage
from tests.world import ACTOR, build_world, place_order


@pytest.fixture
def page(qtbot: QtBot, db: Database, page_ctx: PageContext) -> InventoryPage:
    build_world(db)
    ids = [place_order(db, number, {"MUG": qty})
           for number, qty in (("A-1", 2), ("A-5", 30), ("A-7", 3))]
    allocate_in_batches(db, ids, actor=ACTOR)  # nothing in stock: all three wait
    page = InventoryPage(page_ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def _scan(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _receive(qtbot: QtBot, page: InventoryPage, quantity: str) -> str:
    panel = page.panel
    panel.set_mode(Mode.RECEIVE)
    _scan(qtbot, panel.bin_edit, "A-01-01-01")
    _scan(qtbot, panel.sku_edit, "012345678905")  # ACME's MUG (BETA has a MUG too)
    _scan(qtbot, panel.quantity_edit, quantity)
    return panel.messages.text()


def test_a_receipt_names_the_backorders_it_allocated(qtbot: QtBot, page: InventoryPage
                                                     ) -> None:
    # 10 MUG: A-1 (2) and, after A-5 (30) still cannot have them, A-7 (3).
    assert _receive(qtbot, page, "10") == (
        "Received 10 × MUG (ACME) into A-01-01-01. "
        "2 backordered orders now allocated: A-1, A-7.")


def test_one_allocated_order_is_named_in_the_singular(qtbot: QtBot, page: InventoryPage
                                                      ) -> None:
    assert _receive(qtbot, page, "2").endswith(" 1 backordered order now allocated: A-1.")
