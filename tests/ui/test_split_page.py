"""The Stock split screen on hand-made demand: all of ACME's mugs go to California, so
the LA warehouse gets them all; the table shows shares, units and the saving; the
quantity box re-splits; exports write the seller's file; Chinese text is complete."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from app.db.engine import Database
from app.db.models import Order
from app.domain.states import Role
from app.ui.i18n import install_translators
from app.ui.pages.split import SplitPage
from tests.world import build_world, place_order

QM = Path(__file__).resolve().parents[2] / "resources" / "translations"


def world(db: Database) -> None:
    """ACME: MUG 8 units to Los Angeles, 2 to New York; CUP 1 to New York (20 Nov 2026)."""
    build_world(db)
    for number, lines, zip_code, state in (("A1", {"MUG": 8}, "90012", "CA"),
                                           ("A2", {"MUG": 2, "CUP": 1}, "10001", "NY")):
        order_id = place_order(db, number, lines, state=state)
        with db.writing() as s:
            s.execute(update(Order).where(Order.id == order_id).values(zip=zip_code))


def open_page(qtbot: QtBot, make_page_ctx: Any, role: Role = Role.CLERK) -> SplitPage:
    page = SplitPage(make_page_ctx(role=role))
    qtbot.addWidget(page)
    page.start.setDate(QDate(2026, 11, 1))
    page.end.setDate(QDate(2026, 11, 30))
    page.resize(1366, 768)
    page.show()
    page.reload()
    return page


def cells(page: SplitPage) -> list[list[str]]:
    m = page.model
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_split_table_and_quantity(qtbot: QtBot, db: Database, make_page_ctx: Any) -> None:
    world(db)
    page = open_page(qtbot, make_page_ctx)
    assert page.advice is not None and page.client.currentData() == "ACME"
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(page.model.columnCount())]
    assert headers[:7] == ["SKU", "Name", "Units", "LA1 share", "LA1 units", "NJ1 share",
                           "NJ1 units"]
    mug, cup = cells(page)
    assert mug[:7] == ["MUG", "Mug", "10", "80%", "8", "20%", "2"]
    assert cup[:7] == ["CUP", "Cup", "1", "0%", "0", "100%", "1"]
    assert "→" in mug[7] and mug[9].startswith("$")
    assert page.summary.text() == "2 SKUs"
    assert "LA1: distance estimate" in page.basis.text()
    page.qty.setValue(50)
    page.reload()
    assert cells(page)[0][3:7] == ["80%", "40", "20%", "10"]
    assert all(b.isEnabled() for b in page.exports)


def test_export_writes_the_file(qtbot: QtBot, db: Database, make_page_ctx: Any,
                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    world(db)
    page = open_page(qtbot, make_page_ctx)
    target = tmp_path / "split.pdf"
    monkeypatch.setattr("app.ui.pages.split.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    page.exports[1].click()
    assert target.read_bytes().startswith(b"%PDF")


def test_chinese_screen_and_screenshots(qtbot: QtBot, db: Database, make_page_ctx: Any,
                                        qapp: QApplication) -> None:
    if not list(QM.glob("*_zh_CN.qm")):
        pytest.fail("run `make translations` to compile the .qm files")
    world(db)
    page = open_page(qtbot, make_page_ctx, Role.ADMIN)
    qtbot.wait(50)  # let the layout follow the new texts before the picture
    page.grab().save("/tmp/h11-split-en.png")
    install_translators(qapp, "zh_CN")
    try:
        zh = open_page(qtbot, make_page_ctx, Role.ADMIN)  # with the import button
        headers = [zh.model.headerData(c, Qt.Orientation.Horizontal)
                   for c in range(zh.model.columnCount())]
        assert headers[3] == "LA1 占比" and headers[-1] == "节省运费"
        assert zh.show_button.text() == "查询" and "距离估算" in zh.basis.text()
        qtbot.wait(50)
        zh.grab().save("/tmp/h11-split-zh.png")
    finally:
        install_translators(qapp, "en")


def test_import_a_zone_chart_from_the_screen(qtbot: QtBot, db: Database, make_page_ctx: Any,
                                             tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A bad chart is refused with its lines named and changes nothing; a good one is
    stored for the chosen warehouse and the advice reloads on it."""
    world(db)
    assert not open_page(qtbot, make_page_ctx).import_button.isVisible()  # a clerk
    page = open_page(qtbot, make_page_ctx, Role.ADMIN)
    assert page.import_button.isVisible()
    bad = tmp_path / "bad.csv"
    bad.write_text("dest_zip3,zone\n900,1\n9X0,2\n", encoding="utf-8")
    good = tmp_path / "la.csv"
    good.write_text("dest_zip3,zone\n100-119,4\n900,2\n", encoding="utf-8")
    chosen = [str(bad)]
    monkeypatch.setattr("app.ui.pages.split.QFileDialog.getOpenFileName",
                        lambda *a, **k: (chosen[0], ""))
    monkeypatch.setattr("app.ui.pages.split.QInputDialog.getItem",
                        lambda *a, **k: ("LA1", True))
    page.import_button.click()
    assert "Lines with problems: 3." in page.messages.text()
    assert page.advice is not None and page.advice.origins[0].zone_source == "distance"
    chosen[0] = str(good)
    page.import_button.click()
    assert page.messages.text() == "GENERIC zone chart imported for LA1: 21 ZIP3s."
    assert page.advice.origins[0].zone_source == "chart"
    assert "LA1: carrier chart" in page.basis.text()
    # New York is zone 4 from LA1 by the chart, still 1 from NJ1: the split does not move.
    assert cells(page)[0][3:7] == ["80%", "8", "20%", "2"]
