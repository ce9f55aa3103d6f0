"""After an import from the Orders screen, the banner says what was allocated and what is short."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db.engine import Database
from app.services import organisation as org
from app.ui.pages.base import PageContext
from app.ui.pages.orders import OrdersPage
from app.ui.widgets.message_bar import Level
from tests.imports.writers import good_row, write_csv
from tests.world import ACTOR, build_world, receive


@pytest.fixture
def world(db: Database) -> Database:
    build_world(db)
    receive(db, "MUG", 4)
    receive(db, "CUP", 3)
    return db


def _import(qtbot: QtBot, page_ctx: PageContext, path: Path) -> OrdersPage:
    page = OrdersPage(page_ctx)
    qtbot.addWidget(page)
    page.show()
    dialog = page.open_import()
    dialog.client_combo.setCurrentIndex(dialog.client_combo.findData("ACME"))  # no default
    dialog.set_file(path)
    dialog.preview()
    qtbot.mouseClick(dialog.import_all_button, Qt.MouseButton.LeftButton)
    return page


def test_a_backorder_after_the_import_is_a_warning_naming_the_short_sku(
    qtbot: QtBot, world: Database, tmp_path: Path, page_ctx: PageContext
) -> None:
    path = write_csv(tmp_path / "orders.csv", [good_row("G-1", sku="MUG", quantity="2"),
                                               good_row("G-2", sku="MUG", quantity="5"),
                                               good_row("G-3", sku="CUP")])
    page = _import(qtbot, page_ctx, path)
    text = page.messages.text()
    assert "Imported 3 orders from orders.csv" in text
    assert "Allocated 2, backordered 1." in text
    assert "Short: MUG (need 5, have 2)." in text
    assert page.messages.property("level") == Level.WARNING.value
    statuses = {page.model.row_at(r).number: page.model.row_at(r).status.value
                for r in range(page.model.rowCount())}
    assert statuses == {"G-1": "allocated", "G-2": "backordered", "G-3": "allocated"}


def test_everything_allocated_is_a_success(
    qtbot: QtBot, world: Database, tmp_path: Path, page_ctx: PageContext
) -> None:
    path = write_csv(tmp_path / "small.csv", [good_row("G-4", sku="MUG", quantity="1")])
    page = _import(qtbot, page_ctx, path)
    assert "Allocated 1, backordered 0." in page.messages.text()
    assert "Short" not in page.messages.text()
    assert page.messages.property("level") == Level.SUCCESS.value


def test_with_the_setting_off_the_banner_says_the_orders_wait(
    qtbot: QtBot, world: Database, tmp_path: Path, page_ctx: PageContext
) -> None:
    with world.writing() as s:
        for code in ("LA1", "NJ1"):
            org.update_warehouse(s, code, auto_allocate=False, actor=ACTOR)
    path = write_csv(tmp_path / "off.csv", [good_row("G-5", sku="MUG", quantity="1")])
    page = _import(qtbot, page_ctx, path)
    assert "automatic allocation is off" in page.messages.text()
    assert page.model.row_at(0).status.value == "new"
