"""The import dialog with a file in the client's own layout: map once, recognised next time;
the template download; the file dialog's folder; the client of the last import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog

from app.channels.files import read_order_file
from app.db.engine import Database
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services.import_presets import list_presets
from app.ui.dialogs import template_download
from app.ui.dialogs.import_orders import LAST_CLIENT_KEY, ImportOrdersDialog
from tests.imports import presets_files as gc
from tests.imports.conftest import build_shop
from tests.ui.inline_tasks import InlineTaskRunner
from tests.ui.test_chinese_screens import DATA, _has_cjk, _visible_texts, chinese  # noqa: F401

CLERK = Actor("clerk1", Role.CLERK)


@pytest.fixture
def shop(db: Database) -> Database:
    build_shop(db)
    return db


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def _dialog(qtbot, db: Database, settings: QSettings | None = None,
            preferred: str | None = "ACME") -> ImportOrdersDialog:
    dialog = ImportOrdersDialog(InlineTaskRunner(db), CLERK, ["ACME", "BETA"], preferred,
                                settings=settings)
    qtbot.addWidget(dialog)
    return dialog


def _choose(dialog: ImportOrdersDialog, field: str, header: str) -> None:
    combo = dialog.mapping.combos[field]
    combo.setCurrentIndex(combo.findData(header))


def test_map_once_save_the_preset_import_then_recognised_next_time(
    qtbot, shop: Database, settings: QSettings, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, shop, settings)
    dialog.set_file(gc.gbk_csv(tmp_path / "谷仓-1.csv"))
    dialog.preview()
    assert dialog.stack.currentWidget() is dialog.mapping  # not recognised: the mapping step
    assert "谷仓-1.csv" in dialog.mapping.intro.text() and "ACME" in dialog.mapping.intro.text()
    # Headers the template knows are chosen already; the rest the clerk picks.
    assert dialog.mapping.mapping() == {"quantity": "数量", "address1": "地址1",
                                        "address2": "地址2", "city": "城市", "zip": "邮编"}
    assert not dialog.mapping.save_button.isEnabled()
    assert "Order number" in dialog.mapping.problem.text()
    for field in ("order_number", "sku", "buyer_name", "state", "notes"):
        _choose(dialog, field, gc.MAPPING[field])
    _choose(dialog, "phone", "订单参考号")  # a slip: one column for two fields
    assert "Column '订单参考号' is chosen for both Order number and Phone" in (
        dialog.mapping.problem.text())
    dialog.mapping.name_edit.setText("谷仓")
    assert not dialog.mapping.save_button.isEnabled()
    _choose(dialog, "phone", gc.MAPPING["phone"])
    assert dialog.mapping.save_button.isEnabled() and dialog.mapping.problem.isHidden()
    preview = dialog.mapping.preview  # the first rows as they will be read
    columns = [preview.horizontalHeaderItem(c).text() for c in range(preview.columnCount())]
    assert columns[:4] == ["Order number", "SKU", "Quantity", "Recipient"]
    assert [preview.item(0, c).text() for c in range(4)] == [
        "GC-1001", "MUG-RED", "2", "张伟 Wei Zhang"]

    qtbot.mouseClick(dialog.mapping.save_button, Qt.MouseButton.LeftButton)
    with shop.reading() as s:
        saved = list_presets(s, "ACME", actor=CLERK)
    assert [p.name for p in saved] == ["谷仓"] and saved[0].headers == tuple(gc.HEADER)
    assert dialog.stack.currentWidget() is dialog.problem_table  # checked with it at once
    assert dialog.chosen_preset() == "谷仓"
    assert "Columns read with the preset '谷仓' of ACME." in dialog.summary.text()
    assert "New orders: 2" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported) as done:
        qtbot.mouseClick(dialog.import_all_button, Qt.MouseButton.LeftButton)
    assert done.args[0].report.orders_created == ("GC-1001", "GC-1002")

    later = [[f"GC-2{r[0][4:]}", *r[1:]] for r in gc.ROWS]  # the next day's file
    second = _dialog(qtbot, shop, settings)
    second.set_file(gc.gbk_csv(tmp_path / "谷仓-2.csv", later))
    second.preview()
    assert second.stack.currentWidget() is second.problem_table
    assert second.chosen_preset() is None  # recognised from the header, and shown
    assert "Columns read with the preset '谷仓' of ACME." in second.summary.text()
    with qtbot.waitSignal(second.imported) as done:
        qtbot.mouseClick(second.import_all_button, Qt.MouseButton.LeftButton)
    assert done.args[0].report.orders_created == ("GC-2001", "GC-2002")


def test_ambiguous_presets_are_explained_and_one_can_be_chosen(
    qtbot, shop: Database, tmp_path: Path
) -> None:
    from app.services.import_presets import save_preset

    with shop.writing() as s:
        for name in ("A", "B"):
            save_preset(s, "ACME", name, gc.MAPPING, actor=CLERK)
    dialog = _dialog(qtbot, shop)
    dialog.set_file(gc.gbk_csv(tmp_path / "orders.csv"))
    dialog.preview()
    assert "fits the column presets 'A', 'B' of client ACME: choose one" in dialog.error.text()
    assert not dialog.import_all_button.isEnabled()
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("B"))
    dialog.preview()
    assert "Columns read with the preset 'B' of ACME." in dialog.summary.text()
    assert dialog.import_all_button.isEnabled()


def test_the_client_of_the_last_import_is_preselected_else_the_clerk_chooses(
    qtbot, shop: Database, settings: QSettings, tmp_path: Path
) -> None:
    asks = _dialog(qtbot, shop, settings, preferred=None)
    assert asks.client_combo.currentIndex() == -1  # never silently the first client
    asks.set_file(gc.gbk_csv(tmp_path / "orders.csv"))
    asks.preview()
    assert asks.error.text() == "Choose a file and a client first."
    settings.setValue(LAST_CLIENT_KEY.format(user=CLERK.name), "BETA")
    assert _dialog(qtbot, shop, settings, preferred=None).client_combo.currentData() == "BETA"
    other = ImportOrdersDialog(InlineTaskRunner(shop), Actor("clerk2", Role.CLERK),
                               ["ACME", "BETA"], settings=settings)
    qtbot.addWidget(other)
    assert other.client_combo.currentIndex() == -1  # another user's last import is theirs


@pytest.mark.parametrize(("choice", "suffix", "first_header"), [
    (0, ".xlsx", "order_number"), (1, ".xlsx", "订单号"), (2, ".csv", "order_number"),
    (3, ".csv", "订单号")])
def test_download_template_writes_the_chosen_kind_in_the_downloads_folder(
    qtbot, shop: Database, tmp_path: Path, monkeypatch, choice: int, suffix: str,
    first_header: str
) -> None:
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    monkeypatch.setattr(template_download, "start_folder", lambda: str(downloads))
    asked: dict[str, str] = {}

    def save_name(_parent, _title, directory, filters, _selected):
        asked["dir"] = directory
        return str(downloads / "模板"), filters.split(";;")[choice]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    dialog = _dialog(qtbot, shop)
    qtbot.mouseClick(dialog.template_button, Qt.MouseButton.LeftButton)
    written = downloads / f"模板{suffix}"
    assert Path(asked["dir"]).parent == downloads and written.is_file()
    assert str(written) in dialog.summary.text()
    parsed = read_order_file(written)  # the template imports as it is
    assert parsed.columns[0] == "order_number" and len(parsed.orders) == 1
    if suffix == ".csv":
        assert written.read_text(encoding="utf-8-sig").split(",")[0] == first_header


def test_choose_file_opens_in_downloads_or_documents(qtbot, shop: Database,
                                                    monkeypatch) -> None:
    asked: dict[str, str] = {}

    def open_name(_parent, _title, directory, _filters):
        asked["dir"] = directory
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
    dialog = _dialog(qtbot, shop)
    dialog._on_browse_clicked()
    assert asked["dir"] == template_download.start_folder()
    assert Path(asked["dir"]).name in ("Downloads", "Documents") or asked["dir"]


def test_presets_menu_exports_imports_and_deletes(qtbot, shop: Database, tmp_path: Path,
                                                  monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.services.import_presets import save_preset

    with shop.writing() as s:
        for name in ("A", "B"):
            save_preset(s, "ACME", name, gc.MAPPING, actor=CLERK)
    dialog = _dialog(qtbot, shop)
    target = tmp_path / "presets.json"
    dialog.preset_tools.export_to("ACME", target)
    assert "2 presets exported to" in dialog.summary.text()
    beta = _dialog(qtbot, shop, preferred="BETA")
    beta.preset_tools.import_from("BETA", target)
    assert "2 presets imported for BETA." in beta.summary.text()
    assert [beta.preset_combo.itemData(i) for i in range(beta.preset_combo.count())] == [
        None, "A", "B"]
    beta.preset_tools.import_from("BETA", target)  # again: refused whole, said in one line
    assert "already has a column preset 'A'" in beta.error.text()

    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("A"))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *_a: QMessageBox.StandardButton.Yes))
    dialog.preset_tools.delete_action.trigger()
    assert "Preset 'A' deleted." in dialog.summary.text()
    assert dialog.preset_combo.findData("A") == -1 and dialog.chosen_preset() is None
    dialog.set_file(gc.gbk_csv(tmp_path / "orders.csv"))
    dialog.preview()  # no longer ambiguous
    assert "Columns read with the preset 'B' of ACME." in dialog.summary.text()


def test_saving_under_a_name_in_use_asks_before_replacing(qtbot, shop: Database,
                                                          tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.services.import_presets import get_preset, save_preset

    old = {**gc.MAPPING, "phone": "电话"}  # the seller renamed a column since
    with shop.writing() as s:
        save_preset(s, "ACME", "谷仓", old, actor=CLERK)
    path = gc.gbk_csv(tmp_path / "orders.csv")
    dialog = _dialog(qtbot, shop)
    dialog.set_file(path)
    dialog.preview()
    assert dialog.stack.currentWidget() is dialog.mapping
    for field, column in gc.MAPPING.items():
        _choose(dialog, field, column)
    dialog.mapping.name_edit.setText("谷仓")
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a: next(answers)))
    dialog.mapping.save_button.click()  # "No": nothing replaced, the refusal is shown
    assert "already has a column preset '谷仓'" in dialog.error.text()
    dialog.mapping.save_button.click()  # "Yes": replaced, and the file checked with it
    with shop.reading() as s:
        assert get_preset(s, "ACME", "谷仓", actor=CLERK).mapping == gc.MAPPING
    assert "Columns read with the preset '谷仓' of ACME." in dialog.summary.text()


@pytest.mark.usefixtures("chinese")
def test_the_mapping_step_speaks_chinese(qtbot, shop: Database, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, shop)
    dialog.show()
    dialog.set_file(gc.gbk_csv(tmp_path / "orders.csv"))
    dialog.preview()
    assert dialog.stack.currentWidget() is dialog.mapping
    untranslated = [f"{kind}: {text!r}" for kind, text in _visible_texts(dialog)
                    if not _has_cjk(text) and not DATA.match(text.rstrip(" *"))]  # "SKU *"
    assert untranslated == []
    assert dialog.mapping.problem.text() == "请为以下字段选择列：订单号、SKU、收件人、州。"
