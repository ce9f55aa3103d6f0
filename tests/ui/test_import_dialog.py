"""Importing an order file from the Orders screen: preview with every bad row, then decide."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.db.engine import Database
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services.orders import OrderQuery, list_orders
from app.ui.dialogs.import_orders import ImportOrdersDialog
from app.ui.models.orders import ImportProblemsModel
from app.ui.pages.base import PageContext
from app.ui.pages.orders import OrdersPage
from tests.imports.writers import good_row, write_csv
from tests.ui.inline_tasks import InlineTaskRunner
from tests.world import build_world


@pytest.fixture
def world(db: Database) -> Database:
    build_world(db)
    return db


@pytest.fixture
def mixed_file(tmp_path: Path) -> Path:
    """Lines 2 and 5 are good; 3 has a bad quantity, 4 an unknown SKU and a bad state."""
    return write_csv(tmp_path / "orders.csv", [
        good_row("SO-1", sku="MUG"),
        good_row("SO-2", sku="MUG", quantity="zero"),
        good_row("SO-3", sku="NOPE", state="ZZ"),
        good_row("SO-4", sku="CUP", quantity="3"),
    ])


def _dialog(qtbot, db: Database, path: Path) -> ImportOrdersDialog:
    dialog = ImportOrdersDialog(InlineTaskRunner(db), Actor("clerk1", Role.CLERK), ["ACME", "BETA"],
                                "ACME")
    qtbot.addWidget(dialog)
    dialog.set_file(path)
    return dialog


def _problems(model: ImportProblemsModel) -> list[tuple[str, ...]]:
    return [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]


def _numbers(db: Database) -> list[str]:
    with db.reading() as s:
        return sorted(r.number for r in list_orders(s, OrderQuery()))


def test_preview_lists_every_bad_row_with_its_reason_and_writes_nothing(
    qtbot, world, mixed_file
) -> None:
    dialog = _dialog(qtbot, world, mixed_file)
    dialog.preview()
    rows = _problems(dialog.problems)
    assert [r[:2] for r in rows] == [("3", "SO-2"), ("4", "SO-3"), ("4", "SO-3")]
    reasons = " | ".join(r[3] for r in rows)
    assert "quantity 'zero' is not a whole number greater than 0" in reasons
    assert "'ZZ' is not a US state" in reasons
    assert "SKU 'NOPE' is not a product of client ACME" in reasons
    assert "New orders: 2" in dialog.summary.text()
    assert "Rejected orders: 2" in dialog.summary.text()
    assert not dialog.import_all_button.isEnabled()  # it would be rejected
    assert dialog.import_valid_button.isEnabled()
    assert _numbers(world) == []


def test_import_valid_rows_only_writes_the_good_orders(qtbot, world, mixed_file) -> None:
    dialog = _dialog(qtbot, world, mixed_file)
    dialog.preview()
    with qtbot.waitSignal(dialog.imported) as signal:
        qtbot.mouseClick(dialog.import_valid_button, Qt.MouseButton.LeftButton)
    outcome = signal.args[0]
    assert outcome.report.orders_created == ("SO-1", "SO-4")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _numbers(world) == ["SO-1", "SO-4"]


def test_clean_file_imports_all_and_the_list_shows_it(
    qtbot, world, tmp_path: Path, page_ctx: PageContext
) -> None:
    path = write_csv(tmp_path / "clean.csv", [good_row("SO-7", sku="MUG"),
                                               good_row("SO-8", sku="CUP")])
    page = OrdersPage(page_ctx)
    qtbot.addWidget(page)
    page.show()
    dialog = page.open_import()
    assert dialog.client_combo.currentIndex() == -1  # no last import yet: the clerk chooses
    dialog.client_combo.setCurrentIndex(dialog.client_combo.findData("ACME"))
    dialog.set_file(path)
    dialog.preview()
    assert "The file is clean." in dialog.summary.text()
    assert dialog.import_all_button.isEnabled() and not dialog.import_valid_button.isEnabled()
    qtbot.mouseClick(dialog.import_all_button, Qt.MouseButton.LeftButton)
    assert [page.model.row_at(r).number for r in range(page.model.rowCount())] == [
        "SO-8", "SO-7"]
    assert "Imported 2 orders from clean.csv" in page.messages.text()
    assert page.open_import().client_combo.currentData() == "ACME"  # the last import's client


def test_importing_the_same_file_again_creates_nothing(qtbot, world, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "once.csv", [good_row("SO-9", sku="MUG")])
    first = _dialog(qtbot, world, path)
    first.preview()
    first.run_import(valid_only=False)
    again = _dialog(qtbot, world, path)
    again.preview()
    assert "Already imported: 1" in again.summary.text()
    assert "nothing new to import" in again.summary.text()
    assert not again.import_all_button.isEnabled()
    assert not again.import_valid_button.isEnabled()


def test_unreadable_file_and_missing_choice_are_explained(qtbot, world, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    dialog = _dialog(qtbot, world, empty)
    dialog.preview()
    assert "the file is empty" in dialog.error.text()
    assert not dialog.import_all_button.isEnabled()
    dialog.set_file("")
    dialog.preview()
    assert dialog.error.text() == "Choose a file and a client first."


def test_problems_model_passes_the_model_tester(qtbot, world, mixed_file, qtmodeltester) -> None:
    dialog = _dialog(qtbot, world, mixed_file)
    qtmodeltester.check(dialog.problems)
    dialog.preview()
    assert dialog.problems.rowCount() == 3
    qtmodeltester.check(dialog.problems)
