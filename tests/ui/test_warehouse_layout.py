"""Admin → Warehouses: the pick-route layout is edited in the warehouse dialog."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from app.db.engine import Database
from app.domain.states import Role
from app.services.organisation import warehouse_info
from app.ui.dialogs.warehouse_dialog import WarehouseDialog
from app.ui.pages.admin import AdminPage
from app.ui.pages.admin_warehouses import WarehousesTab
from app.ui.pages.base import PageContext
from tests.world import build_world


@pytest.fixture
def tab(qtbot, db: Database, make_page_ctx: Callable[..., PageContext]) -> WarehousesTab:
    build_world(db)
    page = AdminPage(make_page_ctx(role=Role.ADMIN))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.show_tab("warehouses")
    tab = page.tab("warehouses")
    assert isinstance(tab, WarehousesTab)
    tab.select_warehouse("LA1")
    return tab


def _dialog(tab: WarehousesTab) -> WarehouseDialog:
    tab.edit_warehouse_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, WarehouseDialog)
    return dialog


def _retype(qtbot, box, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Tab)


def test_the_layout_is_shown_typed_and_saved_with_the_warehouse(
        qtbot, tab: WarehousesTab, db: Database) -> None:
    dialog = _dialog(tab)
    assert (dialog.aisle_pitch.value(), dialog.bin_pitch.value(),
            dialog.block_length.value(), dialog.depot_aisle.value()) == (3.0, 1.0, 0, 1)
    assert dialog.block_length.text() == "No middle cross aisle"
    _retype(qtbot, dialog.aisle_pitch, "2.8")
    _retype(qtbot, dialog.bin_pitch, "1.15")
    _retype(qtbot, dialog.block_length, "20")
    dialog.name.setText("Ontario DC")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    with db.reading() as s:
        info = warehouse_info(s, "LA1")
    assert info.name == "Ontario DC"
    assert (info.layout.aisle_pitch_m, info.layout.bin_pitch_m, info.layout.block_length,
            info.layout.depot_aisle) == (2.8, 1.15, 20, 1)


def test_a_depot_in_an_aisle_without_bins_is_refused_beside_the_field(
        qtbot, tab: WarehousesTab, db: Database) -> None:
    dialog = _dialog(tab)
    dialog.name.setText("Renamed")
    _retype(qtbot, dialog.depot_aisle, "9")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    assert "no bin in aisle 9" in dialog.general_error.text()
    with db.reading() as s:
        info = warehouse_info(s, "LA1")
    assert info.name == "Los Angeles" and info.layout.depot_aisle == 1   # nothing saved
