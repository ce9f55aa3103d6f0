"""The Inventory screen: stock numbers, the ledger, receive/move/adjust by keyboard and scanner."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from app.db.engine import Database
from app.domain.permissions import Actor
from app.domain.states import MoveKind
from app.services.allocation import allocate_order
from app.services.inventory import list_moves, stock_by_bin
from app.ui.dialogs.stock_panel import Mode, parse_quantity
from app.ui.models.inventory import MovesModel, StockByBinModel, StockBySkuModel
from app.ui.pages.base import PageContext
from app.ui.pages.inventory import BIN_TAB, SKU_TAB, InventoryPage
from tests.world import build_world, place_order, receive

MUG_UPC = "012345678905"


@pytest.fixture
def world(db: Database) -> Database:
    build_world(db)
    return db


@pytest.fixture
def open_page(qtbot, world: Database,
              make_page_ctx: Callable[..., PageContext]) -> Callable[[], InventoryPage]:
    """Builds a shown page wired like the main window wires it (Changes -> on_changes)."""

    def build() -> InventoryPage:
        ctx = make_page_ctx()
        page = InventoryPage(ctx)
        ctx.tasks.data_changed.connect(
            lambda changes: page.on_changes(changes) if page.listens_to & changes else None)
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        return page

    return build


@pytest.fixture
def page(open_page: Callable[[], InventoryPage]) -> InventoryPage:
    return open_page()


def _balance(db: Database, bin_code: str, sku: str = "MUG", client: str = "ACME",
             wh: str = "LA1") -> int:
    with db.reading() as s:
        rows = stock_by_bin(s, warehouse_code=wh, bin_code=bin_code)
    return sum(r.on_hand for r in rows if r.sku_code == sku and r.client_code == client)


def _moves(db: Database) -> int:
    with db.reading() as s:
        return len(list_moves(s))


def _scan(qtbot, edit: QWidget, text: str) -> None:
    """What a scanner does: type the code, press Enter."""
    if isinstance(edit, QLineEdit):
        edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _sku_rows(page: InventoryPage) -> dict[tuple[str, str, str], tuple[int, int, int]]:
    m = page.sku_model
    return {
        (m.row(i).client_code, m.row(i).sku_code, m.row(i).warehouse_code):
            (m.row(i).on_hand, m.row(i).reserved, m.row(i).available)
        for i in range(m.rowCount())
    }


def _select(view, model, predicate) -> None:
    proxy = view.model()
    for i in range(model.rowCount()):
        if predicate(model.row(i)):
            view.setCurrentIndex(proxy.mapFromSource(model.index(i, 0)))
            return
    raise AssertionError("row not found")


# -- stock numbers ---------------------------------------------------------------------------


def test_stock_by_sku_shows_on_hand_reserved_and_available_per_warehouse(
    page: InventoryPage, world: Database
) -> None:
    receive(world, "MUG", 10, "A-01-01-01")
    receive(world, "MUG", 4, "DMG-01")
    receive(world, "MUG", 3, "A-01-01-01", wh="NJ1")
    order = place_order(world, "SO-1", {"MUG": 2})
    with world.writing() as s:
        allocate_order(s, order, actor=Actor.system("test"))
    page.reload()

    rows = _sku_rows(page)
    assert rows[("ACME", "MUG", "LA1")] == (14, 2, 8)
    assert rows[("ACME", "MUG", "NJ1")] == (3, 0, 3)
    assert ("BETA", "MUG", "LA1") not in rows
    # Why is 14 - 2 not 12? The cell says so: 4 units sit in a damaged bin.
    la = next(i for i in range(page.sku_model.rowCount())
              if page.sku_model.row(i).warehouse_code == "LA1")
    tip = page.sku_model.index(la, StockBySkuModel.AVAILABLE).data(Qt.ItemDataRole.ToolTipRole)
    assert "4 units" in tip and "damaged" in tip
    assert "damaged" in page.legend.text()


def test_stock_by_sku_filters_by_warehouse_client_and_scanned_barcode(
    qtbot, page: InventoryPage, world: Database
) -> None:
    receive(world, "MUG", 5)
    receive(world, "CUP", 7)
    receive(world, "MUG", 2, client="BETA")
    receive(world, "MUG", 1, wh="NJ1")
    page.reload()
    assert len(_sku_rows(page)) == 4

    page.warehouse_filter.setCurrentIndex(page.warehouse_filter.findData("NJ1"))
    assert set(_sku_rows(page)) == {("ACME", "MUG", "NJ1")}
    page.warehouse_filter.setCurrentIndex(0)

    page.client_filter.setCurrentIndex(page.client_filter.findData("BETA"))
    assert set(_sku_rows(page)) == {("BETA", "MUG", "LA1")}
    page.client_filter.setCurrentIndex(0)

    page.focus_search()
    _scan(qtbot, page.search, MUG_UPC)
    assert set(_sku_rows(page)) == {("ACME", "MUG", "LA1"), ("ACME", "MUG", "NJ1")}
    _scan(qtbot, page.search, "cu")  # part of a code
    assert set(_sku_rows(page)) == {("ACME", "CUP", "LA1")}


def test_stock_by_bin_shows_type_received_date_and_marks_unsellable_bins(
    qtbot, page: InventoryPage, world: Database
) -> None:
    receive(world, "MUG", 10, "A-01-01-01")
    receive(world, "MUG", 4, "DMG-01")
    page.tabs.setCurrentIndex(BIN_TAB)
    m = page.bin_model
    rows = {m.row(i).bin_code: i for i in range(m.rowCount())}
    assert set(rows) == {"A-01-01-01", "DMG-01"}
    pick, damaged = rows["A-01-01-01"], rows["DMG-01"]
    assert m.index(pick, StockByBinModel.TYPE).data() == "Pick"
    assert m.index(pick, StockByBinModel.ON_HAND).data() == "10"
    assert m.index(pick, StockByBinModel.RECEIVED).data()  # a local date
    assert m.index(damaged, StockByBinModel.TYPE).data() == "Damaged (not sellable)"
    assert "not as available" in m.index(damaged, StockByBinModel.TYPE).data(
        Qt.ItemDataRole.ToolTipRole)

    _scan(qtbot, page.bin_filter, "dmg")  # a prefix, any case
    assert [m.row(i).bin_code for i in range(m.rowCount())] == ["DMG-01"]


# -- ledger ----------------------------------------------------------------------------------


def test_ledger_follows_the_selected_sku_and_bin(page: InventoryPage, world: Database) -> None:
    receive(world, "MUG", 10, "A-01-01-01")
    receive(world, "CUP", 3, "A-01-01-01")
    receive(world, "MUG", 2, "B-01-02-01")
    page.reload()
    assert page.moves_model.rowCount() == 0

    _select(page.sku_table, page.sku_model, lambda r: r.sku_code == "MUG")
    moves = page.moves_model
    assert moves.rowCount() == 2
    assert {moves.row(i).to_bin for i in range(2)} == {"A-01-01-01", "B-01-02-01"}
    assert moves.index(0, MovesModel.KIND).data() == "Receipt"
    assert moves.index(0, MovesModel.ACTOR).data() == "test"
    assert "MUG" in page.ledger_title.text()

    page.tabs.setCurrentIndex(BIN_TAB)
    _select(page.bin_table, page.bin_model, lambda r: r.bin_code == "A-01-01-01")
    assert sorted(moves.row(i).sku_code for i in range(moves.rowCount())) == ["CUP", "MUG"]
    assert "A-01-01-01" in page.ledger_title.text()


# -- receive / move / adjust by keyboard -----------------------------------------------------


def test_receive_by_scanning_bin_sku_and_quantity(qtbot, page: InventoryPage,
                                                  world: Database) -> None:
    panel = page.panel
    panel.set_mode(Mode.RECEIVE)
    _scan(qtbot, panel.bin_edit, "a-01-01-02")
    assert page.focusWidget() is panel.sku_edit
    _scan(qtbot, panel.sku_edit, "CUP")
    assert page.focusWidget() is panel.quantity_edit
    _scan(qtbot, panel.quantity_edit, "12")

    assert panel.messages.text() == "Received 12 × CUP (ACME) into A-01-01-02."
    assert _balance(world, "A-01-01-02", "CUP") == 12
    assert _sku_rows(page)[("ACME", "CUP", "LA1")] == (12, 0, 12)  # table refreshed
    # Ready for the next item: cursor back in the bin field, its text selected.
    assert page.focusWidget() is panel.bin_edit
    assert panel.bin_edit.selectedText() == "A-01-01-02"
    assert panel.sku_edit.text() == panel.quantity_edit.text() == ""


def test_receive_with_a_scanned_upc_instead_of_the_sku_code(qtbot, page: InventoryPage,
                                                            world: Database) -> None:
    panel = page.panel
    _scan(qtbot, panel.bin_edit, "B-01-02-01")
    _scan(qtbot, panel.sku_edit, MUG_UPC)
    assert "client ACME" in panel.sku_info.text()
    _scan(qtbot, panel.quantity_edit, "5")
    assert _balance(world, "B-01-02-01") == 5
    assert "5 × MUG (ACME)" in panel.messages.text()


def test_a_code_used_by_two_clients_asks_which_client(qtbot, page: InventoryPage,
                                                      world: Database) -> None:
    panel = page.panel
    _scan(qtbot, panel.bin_edit, "A-01-01-01")
    _scan(qtbot, panel.sku_edit, "MUG")
    assert panel.client_combo.isVisibleTo(page)
    assert page.focusWidget() is panel.client_combo
    assert [panel.client_combo.itemData(i) for i in range(2)] == ["ACME", "BETA"]
    qtbot.keyClick(panel.client_combo, Qt.Key.Key_Return)  # nothing chosen yet
    assert "Choose the client" in panel.messages.text()

    panel.client_combo.setCurrentIndex(1)
    qtbot.keyClick(panel.client_combo, Qt.Key.Key_Return)
    assert page.focusWidget() is panel.quantity_edit
    _scan(qtbot, panel.quantity_edit, "3")
    assert _balance(world, "A-01-01-01", client="BETA") == 3
    assert _balance(world, "A-01-01-01", client="ACME") == 0


def test_move_by_keyboard(qtbot, page: InventoryPage, world: Database) -> None:
    receive(world, "MUG", 10, "A-01-01-01")
    panel = page.panel
    qtbot.mouseClick(panel.move_button, Qt.MouseButton.LeftButton)
    assert panel.mode is Mode.MOVE
    _scan(qtbot, panel.bin_edit, "A-01-01-01")
    _scan(qtbot, panel.sku_edit, MUG_UPC)
    assert page.focusWidget() is panel.to_bin_edit
    _scan(qtbot, panel.to_bin_edit, "B-01-02-01")
    _scan(qtbot, panel.quantity_edit, "4")

    assert panel.messages.text() == "Moved 4 × MUG (ACME) from A-01-01-01 to B-01-02-01."
    assert (_balance(world, "A-01-01-01"), _balance(world, "B-01-02-01")) == (6, 4)
    _select(page.sku_table, page.sku_model, lambda r: r.sku_code == "MUG")
    kinds = [page.moves_model.row(i).kind for i in range(page.moves_model.rowCount())]
    assert MoveKind.TRANSFER.value in kinds
    assert page.focusWidget() is panel.bin_edit


def test_adjust_down_with_reason_and_note(qtbot, page: InventoryPage, world: Database) -> None:
    receive(world, "MUG", 10, "A-01-01-01")
    panel = page.panel
    panel.set_mode(Mode.ADJUST)
    _scan(qtbot, panel.bin_edit, "A-01-01-01")
    _scan(qtbot, panel.sku_edit, MUG_UPC)
    _scan(qtbot, panel.quantity_edit, "-3")
    assert page.focusWidget() is panel.reason_combo  # a reason is required
    panel.reason_combo.setCurrentIndex(panel.reason_combo.findData("damaged"))
    qtbot.keyClick(panel.reason_combo, Qt.Key.Key_Return)
    assert page.focusWidget() is panel.note_edit
    _scan(qtbot, panel.note_edit, "dropped")

    assert panel.messages.text() == "Removed 3 × MUG (ACME) from A-01-01-01 (Damaged)."
    assert _balance(world, "A-01-01-01") == 7
    page.tabs.setCurrentIndex(BIN_TAB)
    _select(page.bin_table, page.bin_model, lambda r: r.bin_code == "A-01-01-01")
    newest = page.moves_model.index(0, 0)
    assert page.moves_model.index(newest.row(), MovesModel.QUANTITY).data() == "-3"
    assert page.moves_model.index(newest.row(), MovesModel.REASON).data() == "Damaged"
    assert page.moves_model.index(newest.row(), MovesModel.REFERENCE).data() == "dropped"
    assert panel.reason_combo.currentIndex() == -1  # next adjustment chooses again


# -- errors, shown next to the form, nothing written -----------------------------------------


def test_short_stock_is_shown_inline_and_nothing_moves(qtbot, page: InventoryPage,
                                                       world: Database) -> None:
    receive(world, "MUG", 10, "A-01-01-01")
    before = _moves(world)
    panel = page.panel
    panel.set_mode(Mode.MOVE)
    _scan(qtbot, panel.bin_edit, "A-01-01-01")
    _scan(qtbot, panel.sku_edit, MUG_UPC)
    _scan(qtbot, panel.to_bin_edit, "B-01-02-01")
    _scan(qtbot, panel.quantity_edit, "50")

    assert "Not enough stock of MUG in bin A-01-01-01" in panel.messages.text()
    assert panel.messages.property("level") == "error"
    assert page.focusWidget() is panel.quantity_edit  # retype the quantity
    assert (_balance(world, "A-01-01-01"), _balance(world, "B-01-02-01")) == (10, 0)
    assert _moves(world) == before


def test_unknown_bin_is_caught_at_the_scan(qtbot, page: InventoryPage, world: Database) -> None:
    panel = page.panel
    _scan(qtbot, panel.bin_edit, "Z-99")
    assert panel.messages.text() == "Bin Z-99 is not in warehouse LA1."
    assert page.focusWidget() is panel.bin_edit


def test_unknown_bin_typed_without_enter_is_refused_by_the_service(
    qtbot, page: InventoryPage, world: Database
) -> None:
    before = _moves(world)
    panel = page.panel
    qtbot.keyClicks(panel.bin_edit, "Z-99")  # no Enter: the service must catch it
    _scan(qtbot, panel.sku_edit, "CUP")
    _scan(qtbot, panel.quantity_edit, "2")
    assert panel.messages.text() == "Bin Z-99 was not found."
    assert page.focusWidget() is panel.bin_edit
    assert _moves(world) == before


@pytest.mark.parametrize("typed", ["0", "abc", "-4"])
def test_bad_quantity_is_refused_before_writing(qtbot, page: InventoryPage, world: Database,
                                                typed: str) -> None:
    before = _moves(world)
    panel = page.panel
    _scan(qtbot, panel.bin_edit, "A-01-01-01")
    _scan(qtbot, panel.sku_edit, "CUP")
    _scan(qtbot, panel.quantity_edit, typed)
    assert panel.messages.text() == "Quantity must be a whole number above 0."
    assert _moves(world) == before


def test_unknown_sku_is_shown_inline(qtbot, page: InventoryPage) -> None:
    panel = page.panel
    _scan(qtbot, panel.bin_edit, "A-01-01-01")
    _scan(qtbot, panel.sku_edit, "NOPE-1")
    assert panel.messages.text() == "No SKU or barcode NOPE-1 for any client."
    assert page.focusWidget() is panel.sku_edit


def test_parse_quantity_rules() -> None:
    assert parse_quantity("12", signed=False) == 12
    assert parse_quantity("1,200", signed=False) == 1200
    assert parse_quantity("+3", signed=True) == 3
    assert parse_quantity("-2", signed=True) == -2
    assert parse_quantity("3", signed=True) is None  # an adjustment says which way
    assert parse_quantity("-0", signed=True) is None
    assert parse_quantity("2.5", signed=False) is None


# -- models and memory -----------------------------------------------------------------------


def test_table_models_pass_the_model_tester(qtmodeltester, page: InventoryPage,
                                            world: Database) -> None:
    receive(world, "MUG", 10, "A-01-01-01")
    receive(world, "MUG", 4, "DMG-01")
    page.reload()
    page.tabs.setCurrentIndex(BIN_TAB)
    _select(page.bin_table, page.bin_model, lambda r: r.bin_code == "DMG-01")
    assert page.sku_model.rowCount() and page.bin_model.rowCount()
    assert page.moves_model.rowCount()
    for model in (page.sku_model, page.bin_model, page.moves_model):
        qtmodeltester.check(model, force_py=True)


def test_layout_and_choices_are_remembered(open_page: Callable[[], InventoryPage]) -> None:
    first = open_page()
    first.sku_table.horizontalHeader().resizeSection(StockBySkuModel.SKU, 222)
    first.tabs.setCurrentIndex(BIN_TAB)
    first.panel.warehouse.setCurrentIndex(first.panel.warehouse.findData("NJ1"))
    first.panel.set_mode(Mode.MOVE)
    first.hide()
    settings: QSettings = first.ctx.ui_settings
    assert settings.contains("inventory/sku_header")

    second = open_page()
    assert second.sku_table.horizontalHeader().sectionSize(StockBySkuModel.SKU) == 222
    assert second.tabs.currentIndex() == BIN_TAB
    assert second.panel.warehouse_code() == "NJ1"
    assert second.panel.mode is Mode.MOVE
    second.tabs.setCurrentIndex(SKU_TAB)


# -- language ---------------------------------------------------------------------------------


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_every_visible_string_is_translated_to_chinese(
    qapp, tmp_path, open_page: Callable[[], InventoryPage]
) -> None:
    ts = Path(__file__).resolve().parents[2] / "resources/translations/inventory_zh_CN.ts"
    qm = tmp_path / "inventory_zh_CN.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        page = open_page()
        page.tabs.setCurrentIndex(BIN_TAB)
        texts = [w.text() for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton)
                 if w.isVisibleTo(page) and w.text() and w.parent() is not page.messages]
        texts += [e.placeholderText() for e in page.findChildren(QLineEdit)
                  if e.isVisibleTo(page) and e.placeholderText()]
        texts += [page.tabs.tabText(i) for i in range(page.tabs.count())]
        for model in (page.sku_model, page.bin_model, page.moves_model):
            texts += [model.headerData(c, Qt.Orientation.Horizontal)
                      for c in range(model.columnCount())]
        not_chinese = {t for t in texts if not _has_cjk(t)} - {"SKU", "✕"}
        assert not_chinese == set()
    finally:
        qapp.removeTranslator(translator)
