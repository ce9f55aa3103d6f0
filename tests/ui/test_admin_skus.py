"""Admin → SKUs, driven as a warehouse admin does: typing, scanning, importing a file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.channels.sku_template import write_sku_template
from app.db.engine import Database
from app.domain.states import Role
from app.services.skus import get_sku
from app.ui.pages.admin import AdminPage
from app.ui.pages.admin_skus import SkusTab
from app.ui.pages.base import PageContext
from tests.world import build_world


@pytest.fixture
def world(db: Database) -> Database:
    build_world(db)
    return db


@pytest.fixture
def tab(qtbot, world: Database, make_page_ctx: Callable[..., PageContext]) -> SkusTab:
    ctx = make_page_ctx(role=Role.ADMIN)
    page = AdminPage(ctx)
    ctx.tasks.data_changed.connect(
        lambda changes: page.on_changes(changes) if page.listens_to & changes else None)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.show_tab("skus")
    skus = page.tab("skus")
    assert isinstance(skus, SkusTab)
    return skus


def _codes(tab: SkusTab) -> list[str]:
    return sorted(f"{r.client_code}/{r.code}" for r in tab.model.all_rows())


def _pick_client(tab: SkusTab, code: str) -> None:
    tab.client_combo.setCurrentIndex(tab.client_combo.findData(code))
    tab.client_combo.activated.emit(tab.client_combo.currentIndex())


def test_the_table_lists_every_clients_skus_and_the_picker_narrows_it(tab: SkusTab) -> None:
    assert _codes(tab) == ["ACME/CUP", "ACME/MUG", "BETA/MUG"]
    mug = next(r for r in tab.model.all_rows() if r.client_code == "ACME" and r.code == "MUG")
    row = [tab.model.display(mug, c) for c in range(tab.model.columnCount())]
    assert row[:7] == ["ACME", "MUG", "Mug", "马克杯", "012345678905", "350", "0×0×0"]
    assert not tab.add_button.isEnabled()  # two clients: which one is not known yet
    _pick_client(tab, "BETA")
    assert _codes(tab) == ["BETA/MUG"] and tab.add_button.isEnabled()


def test_a_scanned_barcode_and_enter_selects_its_sku(qtbot, tab: SkusTab) -> None:
    tab.page.focus_search()
    assert tab.search.hasFocus()
    qtbot.keyClicks(tab.search, "012345678905")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    current = tab.current()
    assert current is not None and (current.client_code, current.code) == ("ACME", "MUG")
    assert tab.view.hasFocus() and tab.proxy.rowCount() == 1
    tab.search.clear()
    tab.search.setText("杯子")  # the Chinese name (QTest types ASCII only)
    assert tab.proxy.rowCount() == 1
    tab.search.clear()
    qtbot.keyClicks(tab.search, "NOPE-404")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert "No SKU matches NOPE-404" in tab.page.messages.text()


def test_adding_a_sku_with_scanned_barcodes_and_pounds(qtbot, tab: SkusTab,
                                                      world: Database) -> None:
    _pick_client(tab, "ACME")
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Insert)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.code, "LAMP")
    dialog.buttons.accepted.emit()  # no name: said beside the field, nothing written
    assert dialog.isVisible() and dialog.field_error("name") == "Required."
    qtbot.keyClicks(dialog.name, "Desk lamp")
    for code in ("036000291452", "X00LAMP001"):  # a scanner: code, then Enter
        qtbot.keyClicks(dialog.scan, code)
        qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.barcodes() == ("036000291452", "X00LAMP001")
    dialog.weight.unit.setCurrentText("lb")
    dialog.weight.spins[0].setValue(2.5)  # 1133.98 g
    dialog.dimensions.unit.setCurrentText("in")
    for spin, value in zip(dialog.dimensions.spins, (12, 8, 18.5), strict=True):
        spin.setValue(value)
    dialog.hazmat.setChecked(True)
    dialog.declared_value.setText("1.234")
    dialog.buttons.accepted.emit()  # the service refuses the cents: beside that field
    assert dialog.isVisible()
    assert "at most 2 decimals" in dialog.field_error("declared_value")
    dialog.declared_value.setText("12.50")
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    with world.reading() as s:
        lamp = get_sku(s, "ACME", "X00LAMP001")
    assert (lamp.code, lamp.weight_g, lamp.length_mm, lamp.width_mm, lamp.height_mm) == (
        "LAMP", 1134, 305, 203, 470)
    assert lamp.hazmat and str(lamp.declared_value) == "12.50"
    assert "ACME/LAMP" in _codes(tab) and "SKU LAMP saved." in tab.page.messages.text()


def test_a_barcode_of_another_sku_is_refused_beside_the_barcodes(qtbot, tab: SkusTab,
                                                                 world: Database) -> None:
    tab.select("ACME", "CUP")
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    dialog = tab.dialog
    assert dialog is not None and dialog.code.isReadOnly() and dialog.name.text() == "Cup"
    dialog.add_barcodes("012345678905")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    assert dialog.field_error("barcodes") == "Barcode 012345678905 already belongs to SKU MUG."
    with world.reading() as s:
        assert get_sku(s, "ACME", "CUP").barcodes == ()


def test_disable_then_enable(tab: SkusTab, world: Database) -> None:
    tab.select("ACME", "CUP")
    assert tab.active_button.text() == "Disable"
    tab.active_button.click()
    assert "SKU CUP disabled" in tab.page.messages.text()
    with world.reading() as s:
        assert get_sku(s, "ACME", "CUP").active is False
    tab.select("ACME", "CUP")
    assert tab.active_button.text() == "Enable"
    tab.active_button.click()
    with world.reading() as s:
        assert get_sku(s, "ACME", "CUP").active is True


def test_import_previews_problems_then_imports_the_valid_rows(tab: SkusTab, world: Database,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "skus.csv"
    path.write_text("sku,name,weight_g\nNEW,New thing,10\nBAD,Bad,-1\nCUP,Cup,200\n",
                    encoding="utf-8")
    _pick_client(tab, "ACME")
    tab.import_button.click()
    dialog = tab.import_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.set_file(path)
    dialog.preview()
    assert "3 row" in dialog.summary.text() and "1 new" in dialog.summary.text()
    assert dialog.problems.rowCount() == 1
    problem = [dialog.problems.index(0, c).data() for c in range(4)]
    assert problem == ["3", "BAD", "weight_g", "must not be negative"]
    assert not dialog.import_all_button.isEnabled() and dialog.import_valid_button.isEnabled()
    dialog.import_valid_button.click()
    assert not dialog.isVisible()
    assert "1 new, 0 updated, 1 unchanged" in tab.page.messages.text()
    assert "ACME/NEW" in _codes(tab) and "ACME/BAD" not in _codes(tab)


def test_download_template_writes_the_chosen_headers(tab: SkusTab, tmp_path: Path) -> None:
    tab.write_template(str(tmp_path / "skus"), chinese=True)
    written = tmp_path / "skus.xlsx"
    assert written.exists() and "Template saved" in tab.page.messages.text()
    reference = write_sku_template(tmp_path / "ref.xlsx", chinese=True)
    from openpyxl import load_workbook

    def header(p: Path) -> list[object]:
        sheet = load_workbook(p).active
        assert sheet is not None
        return [c.value for c in sheet[1]]

    assert header(written) == header(reference) and header(written)[0] == "SKU编码"


@pytest.mark.skipif(not os.environ.get("HAICANG_SCREENSHOTS"), reason="screenshots on demand")
@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("size", [(1100, 640), (1920, 1080)])
def test_screenshots(qtbot, qapp, world: Database,
                     make_page_ctx: Callable[..., PageContext], size: tuple[int, int],
                     language: str) -> None:
    """HAICANG_SCREENSHOTS=DIR saves the tab and its dialogs in both languages, to look at."""
    from app.ui.i18n import install_translators

    folder = Path(os.environ["HAICANG_SCREENSHOTS"])
    install_translators(qapp, language)
    try:
        page = AdminPage(make_page_ctx(role=Role.ADMIN))
        qtbot.addWidget(page)
        page.resize(*size)
        page.show()
        page.show_tab("skus")
        tab = page.tab("skus")
        assert isinstance(tab, SkusTab)
        qtbot.wait(50)
        page.grab().save(str(folder / f"skus-{language}-{size[0]}.png"))
        tab.select("ACME", "MUG")
        tab.edit_sku()
        assert tab.dialog is not None
        qtbot.wait(50)
        tab.dialog.grab().save(str(folder / f"sku-dialog-{language}-{size[0]}.png"))
        tab.dialog.reject()
        _pick_client(tab, "ACME")
        tab.open_import()
        assert tab.import_dialog is not None
        bad = folder / "bad.csv"
        bad.write_text("sku,name,weight_g\nNEW,New,10\nBAD,Bad,-1\n", encoding="utf-8")
        tab.import_dialog.set_file(bad)
        tab.import_dialog.preview()
        qtbot.wait(50)
        tab.import_dialog.grab().save(str(folder / f"sku-import-{language}-{size[0]}.png"))
        tab.import_dialog.reject()
    finally:
        install_translators(qapp, "en")
