"""Admin → Clients and Warehouses and bins, driven by the keyboard as an owner sets up."""

from __future__ import annotations

import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.db.engine import Database
from app.domain.states import Role
from app.services.organisation import client_info, list_bins
from app.ui.pages.admin import AdminPage
from app.ui.pages.admin_clients import ClientsTab
from app.ui.pages.admin_warehouses import WarehousesTab
from app.ui.pages.base import PageContext
from tests.world import build_world, receive


@pytest.fixture
def world(db: Database) -> Database:
    build_world(db)
    return db


@pytest.fixture
def admin_page(qtbot, world: Database,
               make_page_ctx: Callable[..., PageContext]) -> AdminPage:
    ctx = make_page_ctx(role=Role.ADMIN)
    page = AdminPage(ctx)
    ctx.tasks.data_changed.connect(
        lambda changes: page.on_changes(changes) if page.listens_to & changes else None)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def _open(page: AdminPage, key: str) -> object:
    page.show_tab(key)
    return page.tab(key)


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def _clients(tab: ClientsTab) -> dict[str, object]:
    return {r.code: r for r in tab.model.all_rows()}


def test_an_owner_adds_a_client_by_typing_and_edits_it(qtbot, admin_page: AdminPage,
                                                       world: Database) -> None:
    tab = _open(admin_page, "clients")
    assert isinstance(tab, ClientsTab)
    assert set(_clients(tab)) == {"ACME", "BETA"}
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Insert)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.code.hasFocus)
    qtbot.keyClicks(dialog.code, "gamma")
    # Save without a name: the problem shows beside the field, nothing is written.
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and dialog.field_error("name") == "Required."
    _type(qtbot, dialog.name, "Gamma Goods")
    _type(qtbot, dialog.email, "ops@gamma")
    dialog.currency.setCurrentText("CAD")
    dialog.handling_days.setValue(2)
    dialog.buttons.accepted.emit()
    # The service refuses the e-mail: said beside the e-mail field, the dialog stays.
    assert dialog.isVisible() and "ops@gamma" in dialog.field_error("email")
    dialog.email.setText("ops@gamma.example")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    with world.reading() as s:
        saved = client_info(s, "GAMMA")
    assert (saved.name, saved.contact_email, saved.currency, saved.handling_days) == (
        "Gamma Goods", "ops@gamma.example", "CAD", 2)
    assert "GAMMA" in _clients(tab)

    # Enter on the selected row opens it for editing.
    tab.select("GAMMA")
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible() and dialog.code.isReadOnly()
    assert dialog.name.text() == "Gamma Goods"
    dialog.name.setText("Gamma Goods Ltd")
    dialog.warehouse.setCurrentIndex(dialog.warehouse.findData("NJ1"))
    dialog.packing_slip.setChecked(False)
    assert (dialog.tolerance_pct.value(), dialog.tolerance_floor.value()) == (5.0, 28)
    dialog.tolerance_pct.setValue(3.5)
    dialog.tolerance_floor.setValue(20)
    dialog.packing_material.setValue(45)
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    with world.reading() as s:
        saved = client_info(s, "GAMMA")
    assert (saved.name, saved.default_warehouse_code, saved.include_packing_slip) == (
        "Gamma Goods Ltd", "NJ1", False)
    # the pack station's weight check for this client
    assert (saved.weight_tolerance_pct, saved.weight_tolerance_floor_g,
            saved.packing_material_g) == (Decimal("3.50"), 20, 45)
    row = _clients(tab)["GAMMA"]
    assert row.name == "Gamma Goods Ltd"  # type: ignore[attr-defined]


def test_ctrl_f_lands_in_the_search_and_filters(qtbot, admin_page: AdminPage) -> None:
    tab = _open(admin_page, "clients")
    assert isinstance(tab, ClientsTab)
    admin_page.focus_search()
    assert tab.search.hasFocus()
    qtbot.keyClicks(tab.search, "beta")
    assert tab.proxy.rowCount() == 1


def test_disabling_a_client_says_its_orders_still_ship(admin_page: AdminPage,
                                                       world: Database) -> None:
    tab = _open(admin_page, "clients")
    assert isinstance(tab, ClientsTab)
    tab.select("BETA")
    assert tab.active_button.text() == "Disable"
    tab.active_button.click()
    assert "still ship" in admin_page.messages.text()
    with world.reading() as s:
        assert client_info(s, "BETA").active is False
    tab.select("BETA")
    assert tab.active_button.text() == "Enable"


def _warehouses_tab(page: AdminPage, code: str = "LA1") -> WarehousesTab:
    tab = _open(page, "warehouses")
    assert isinstance(tab, WarehousesTab)
    tab.select_warehouse(code)
    return tab


def _select_bins(tab: WarehousesTab, codes: set[str]) -> None:
    tab.bin_view.clearSelection()
    selection = tab.bin_view.selectionModel()
    for i, row in enumerate(tab.bin_model.all_rows()):
        if row.code in codes:
            index = tab.bin_proxy.mapFromSource(tab.bin_model.index(i, 0))
            selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)


def test_a_range_of_bins_is_added_with_a_preview_of_its_codes(
    qtbot, admin_page: AdminPage, world: Database
) -> None:
    tab = _warehouses_tab(admin_page)
    before = tab.bin_model.rowCount()
    tab.add_range_button.click()
    dialog = tab.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.aisle.hasFocus)  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.aisle, "c")  # type: ignore[attr-defined]
    preview = dialog.preview.text()  # type: ignore[attr-defined]
    assert preview.startswith("80 bin") and preview.endswith("C-01-01 … C-20-04")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert tab.bin_model.rowCount() == before + 80
    assert "added to LA1: C-01-01 … C-20-04" in admin_page.messages.text()
    # The same range again: refused inside the dialog, naming the taken codes.
    tab.add_range_button.click()
    dialog = tab.dialog
    assert dialog is not None
    dialog.aisle.setText("C")  # type: ignore[attr-defined]
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    assert "C-01-01, C-01-02" in dialog.general_error.text()
    with world.reading() as s:
        assert len([b for b in list_bins(s, "LA1") if b.code.startswith("C-")]) == 80


def test_disabling_a_bin_with_stock_shows_the_error_and_an_empty_one_goes(
    admin_page: AdminPage, world: Database
) -> None:
    receive(world, "MUG", 7, "A-01-01-01")
    tab = _warehouses_tab(admin_page)
    _select_bins(tab, {"A-01-01-01"})
    assert tab.disable_button.isEnabled()
    tab.disable_button.click()
    assert "MUG (ACME): 7 on hand" in tab.result.text()
    assert "A-01-01-01" in admin_page.messages.text()
    _select_bins(tab, {"A-01-01-02"})
    tab.disable_button.click()
    with world.reading() as s:
        bins = {b.code: b.active for b in list_bins(s, "LA1")}
    assert bins["A-01-01-01"] is True and bins["A-01-01-02"] is False


def test_printing_bin_labels_without_a_printer_says_so(admin_page: AdminPage) -> None:
    tab = _warehouses_tab(admin_page)
    _select_bins(tab, {"A-01-01-01", "A-01-01-02"})
    tab.print_button.click()
    assert "No printer is set up" in tab.result.text()


def test_importing_bins_lists_the_bad_lines(admin_page: AdminPage, world: Database,
                                            tmp_path: Path) -> None:
    tab = _warehouses_tab(admin_page)
    bad = tmp_path / "bins.csv"
    bad.write_text("code,type\nG-01,pick\nG-02,shelf\n", encoding="utf-8")
    tab.import_file(bad)
    assert "Line 3:" in tab.result.text() and "shelf" in tab.result.text()
    good = tmp_path / "good.csv"
    good.write_text("库位编码,库位类型\nG-01,拣货\nG-02,存储\n", encoding="utf-8")
    tab.import_file(good)
    assert "imported into LA1" in tab.result.text()
    assert {"G-01", "G-02"} <= {b.code for b in tab.bin_model.all_rows()}


@pytest.mark.skipif(not os.environ.get("HAICANG_SCREENSHOTS"), reason="HAICANG_SCREENSHOTS")
def test_screenshots(qtbot, qapp: QApplication, world: Database,
                     make_page_ctx: Callable[..., PageContext]) -> None:
    """Set HAICANG_SCREENSHOTS=DIR to look at both tabs and the dialogs, in both
    languages, at the smallest window size and a large one."""
    from app.ui.i18n import install_translators

    folder = Path(os.environ["HAICANG_SCREENSHOTS"])
    receive(world, "MUG", 7, "A-01-01-01")
    try:
        for lang in ("en", "zh_CN"):
            install_translators(qapp, lang)
            page = AdminPage(make_page_ctx(role=Role.ADMIN))
            qtbot.addWidget(page)
            page.show()
            for w, h in ((1100, 640), (1920, 1080)):
                page.resize(w - 180, h - 60)  # the sidebar and the title bar take the rest
                for key in ("clients", "warehouses"):
                    page.show_tab(key)
                    QApplication.processEvents()
                    page.grab().save(str(folder / f"{lang}_{key}_{w}.png"))
            tab = _warehouses_tab(page)
            for name, opener in (("range", tab.add_range_button.click),
                                 ("bin", tab.add_bin_button.click),
                                 ("warehouse", tab.edit_warehouse_button.click)):
                opener()
                QApplication.processEvents()
                assert tab.dialog is not None
                tab.dialog.grab().save(str(folder / f"{lang}_dialog_{name}.png"))
                tab.dialog.reject()
            clients = _open(page, "clients")
            assert isinstance(clients, ClientsTab)
            clients.add_client()
            QApplication.processEvents()
            assert clients.dialog is not None
            clients.dialog.buttons.accepted.emit()  # show the "required" messages
            clients.dialog.grab().save(str(folder / f"{lang}_dialog_client.png"))
            clients.dialog.reject()
    finally:
        install_translators(qapp, "en")
