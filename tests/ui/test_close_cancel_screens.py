"""Close return [F9] on the Returns screen, Cancel count [F10] on the Counts screen, and
the count list's scope worded in the user's language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTranslator
from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models import StockMove
from app.domain.states import Role
from app.services.counts import enter_count, get_count, start_count
from app.services.returns import create_return, get_return
from app.ui.pages.counts import CountsPage
from app.ui.pages.returns import ReturnsPage
from tests.services.test_returns import returns_world
from tests.ui.test_returns_counts_screens import _quiet
from tests.world import ACTOR, build_world, receive

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources/translations"


def _returns_page(qtbot, make_page_ctx) -> ReturnsPage:  # type: ignore[no-untyped-def]
    page = ReturnsPage(make_page_ctx(role=Role.ADMIN))
    qtbot.addWidget(page)
    _quiet(page)
    page.warehouse.setCurrentIndex(page.warehouse.findData("LA1"))
    return page


def test_f9_closes_a_received_return(qtbot, db: Database, make_page_ctx) -> None:  # type: ignore[no-untyped-def]
    returns_world(db)
    page = _returns_page(qtbot, make_page_ctx)
    page.close_return()  # nothing chosen
    assert page.banner.property("level") == "error"
    page.scan_text("1Z999")
    page.grade_button("damaged").click()
    page.scan_text("MUG")
    number = page.current.number if page.current else ""
    page.close_return()  # units came back: one F9 is enough
    assert page.banner.property("level") == "ok" and f"{number} closed" in page.banner.text()
    assert page.current is None
    with db.reading() as s:
        assert get_return(s, number).status == "closed"


def test_a_return_with_nothing_received_needs_f9_twice(qtbot, db: Database,
                                                       make_page_ctx) -> None:  # type: ignore[no-untyped-def]
    returns_world(db)
    with db.writing() as s:
        number = create_return(s, order_number="O-1", actor=ACTOR).number
    page = _returns_page(qtbot, make_page_ctx)
    page.scan_text(number)
    page.close_return()
    assert page.banner.property("level") == "warning" and "F9 again" in page.banner.text()
    with db.reading() as s:
        assert get_return(s, number).status == "open"
    page.close_return()
    assert page.banner.property("level") == "ok"
    with db.reading() as s:
        assert get_return(s, number).status == "closed"


def _counted(db: Database) -> str:
    build_world(db)
    receive(db, "MUG", 10)
    with db.writing() as s:
        number = start_count(s, "LA1", bins="A-01-01-01:A-01-01-02", actor=ACTOR).number
        enter_count(s, number, bin_code="A-01-01-01", sku_code="MUG", quantity=4,
                    actor=ACTOR, client_code="ACME")
    return number


def test_f10_twice_cancels_the_count_and_posts_nothing(qtbot, db: Database,
                                                       make_page_ctx) -> None:  # type: ignore[no-untyped-def]
    number = _counted(db)
    picker = CountsPage(make_page_ctx(role=Role.PICKER))
    qtbot.addWidget(picker)
    assert not picker.cancel_button.isVisibleTo(picker)
    boss = CountsPage(make_page_ctx(role=Role.ADMIN))
    qtbot.addWidget(boss)
    _quiet(boss)
    boss.warehouse.setCurrentIndex(boss.warehouse.findData("LA1"))
    assert boss.cancel_button.isVisibleTo(boss) and boss.count_number() == number
    with db.reading() as s:
        moves = s.scalar(select(func.count(StockMove.id)))
    boss.cancel()
    assert boss.banner.property("level") == "warning" and "F10 again" in boss.banner.text()
    boss.cancel()
    assert boss.banner.property("level") == "ok" and "cancelled" in boss.banner.text()
    assert boss.count_box.count() == 0  # only open counts are listed
    with db.reading() as s:
        assert get_count(s, number, actor=ACTOR).status == "cancelled"
        assert s.scalar(select(func.count(StockMove.id))) == moves


def test_the_count_list_words_its_scope_in_chinese(qtbot, qapp, tmp_path, db: Database,
                                                   make_page_ctx) -> None:  # type: ignore[no-untyped-def]
    number = _counted(db)
    with db.writing() as s:
        by_sku = start_count(s, "LA1", sku_code="MUG", client_code="ACME", actor=ACTOR).number
    qm = tmp_path / "stock_control_zh_CN.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(TRANSLATIONS / "stock_control_zh_CN.ts"), "-qm",
                    str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        page = CountsPage(make_page_ctx(role=Role.ADMIN))
        qtbot.addWidget(page)
        page.warehouse.setCurrentIndex(page.warehouse.findData("LA1"))
        items = {page.count_box.itemData(i): page.count_box.itemText(i)
                 for i in range(page.count_box.count())}
        page.resize(1366 - 200, 768 - 60)
        page.show()
        assert not page.grab().isNull()
    finally:
        qapp.removeTranslator(translator)
    assert items[number].startswith(f"{number}：库位 A-01-01-01:A-01-01-02")
    assert items[by_sku].startswith(f"{by_sku}：SKU MUG")
    assert "bins" not in items[number]
