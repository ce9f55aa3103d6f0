"""The import dialog shows which platform export a file was recognised as, and which of
its orders will be held."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.db.engine import Database
from app.domain.permissions import Actor
from app.domain.states import Role
from app.ui.dialogs.import_orders import ImportOrdersDialog
from tests.imports.export_files import (
    SHOPIFY_HEADER,
    TIKTOK_DESCRIPTIONS,
    TIKTOK_HEADER,
    shopify_order,
    tiktok_line,
    write_export,
)
from tests.ui.inline_tasks import InlineTaskRunner
from tests.world import build_world


@pytest.fixture
def world(db: Database) -> Database:
    build_world(db)
    return db


def _preview(qtbot, db: Database, path: Path) -> ImportOrdersDialog:
    dialog = ImportOrdersDialog(InlineTaskRunner(db), Actor("clerk1", Role.CLERK),
                                ["ACME", "BETA"], "ACME")
    qtbot.addWidget(dialog)
    dialog.set_file(path)
    dialog.preview()
    return dialog


def test_a_shopify_export_is_named_in_the_preview(qtbot, world, tmp_path: Path) -> None:
    path = write_export(tmp_path / "orders_export_1.csv", SHOPIFY_HEADER, [
        *shopify_order("#1001", [("MUG", 2, "12.99"), ("CUP", 1, "5.00")]),
        *shopify_order("#1002", [("CUP", 1, "5.00")], **{"Cancelled at": "2024-03-06"}),
    ])
    dialog = _preview(qtbot, world, path)
    text = dialog.summary.text()
    assert "Read as: Shopify orders export." in text
    assert "New orders: 1" in text and "on hold" not in text
    assert "1 line(s) of cancelled orders were skipped." in dialog.warnings.text()
    assert dialog.import_all_button.isEnabled()


def test_masked_tiktok_orders_are_announced_as_held(qtbot, world, tmp_path: Path) -> None:
    path = write_export(tmp_path / "tiktok.csv", TIKTOK_HEADER, [
        tiktok_line("576461413812345678", "MUG", 1),
        tiktok_line("576461413812345679", "CUP", 1, Recipient="J*** D***",
                    **{"Detail Address": "1** M*** St"}),
    ], before=[TIKTOK_DESCRIPTIONS])
    dialog = _preview(qtbot, world, path)
    text = dialog.summary.text()
    assert "Read as: TikTok Shop orders export." in text
    assert re.search(r"\b1 order(\(s\))? will be on hold: the platform masked", text)
