"""The Returns and Counts screens, driven offscreen by scans with inline tasks."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db.engine import Database
from app.db.models import Order, StockBalance
from app.domain.states import Role
from app.services.counts import enter_count, start_count
from app.ui.models.stock_control import CountLinesModel, ReturnsModel
from app.ui.pages.counts import CountsPage
from app.ui.pages.returns import ReturnsPage
from app.ui.widgets.sounds import Sound
from tests.services.test_returns import returns_world
from tests.world import ACTOR, receive


def _cells(model, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _quiet(page) -> None:  # type: ignore[no-untyped-def]
    page.sounds.muted = False
    page.sounds._play = lambda _path: None


def test_returns_by_scanning_a_tracking_number_then_skus(qtbot, db: Database,
                                                         make_page_ctx) -> None:  # type: ignore[no-untyped-def]
    oid = returns_world(db)
    page = ReturnsPage(make_page_ctx(role=Role.PICKER))
    qtbot.addWidget(page)
    _quiet(page)
    page.warehouse.setCurrentIndex(page.warehouse.findData("LA1"))
    page.scan_text("1Z999")
    assert page.current is not None and page.current.order == "O-1"
    assert _cells(page.model, ReturnsModel.ORDER) == ["O-1"]
    page.scan_text("MUG")
    assert page.banner.property("level") == "ok" and "RET-01" in page.banner.text()
    assert "O-1 is returned" in page.banner.text()
    page.grade_button("damaged").click()
    page.qty.setValue(5)
    page.scan_text("CUP")  # only 1 shipped: refused, nothing changes
    assert page.banner.property("level") == "error" and page.sounds.played[-1] is Sound.ERROR
    page.qty.setValue(1)
    page.scan_text("CUP")
    assert "DMG-01" in page.banner.text()
    with db.reading() as s:
        assert s.scalar(select(Order.status).where(Order.id == oid)) == "returned"
    assert _cells(page.model, ReturnsModel.UNITS) == ["2"]
    page.clear_return()
    page.scan_text("UNKNOWN-TRACK")  # no client chosen: the clerk must name one
    assert page.banner.property("level") == "error" and "name the client" in page.banner.text()
    page.client.setCurrentIndex(page.client.findData("ACME"))
    page.scan_text("UNKNOWN-TRACK")
    assert page.current is not None and page.current.order is None
    assert _cells(page.model, ReturnsModel.ORDER)[0] == "(to match)"


@pytest.fixture
def counted(db: Database) -> Database:
    from tests.world import build_world

    build_world(db)
    receive(db, "MUG", 10)
    receive(db, "CUP", 5, bin_code="A-01-01-02")
    return db


def test_counts_start_blind_count_by_scanner_recount_and_approve(
        qtbot, counted: Database, make_page_ctx) -> None:  # type: ignore[no-untyped-def]
    picker = CountsPage(make_page_ctx(role=Role.PICKER))
    qtbot.addWidget(picker)
    _quiet(picker)
    picker.warehouse.setCurrentIndex(picker.warehouse.findData("LA1"))
    assert not picker.approve_button.isVisibleTo(picker)
    picker.scope_value.setText("A-01-01-01:A-01-01-02")
    picker.blind.setChecked(True)
    picker.start()
    assert picker.banner.property("level") == "ok"
    assert _cells(picker.model, CountLinesModel.EXPECTED) == ["—", "—"]
    picker.scan_text("A-01-01-01")
    picker.scan_text("MUG")
    picker.scan_text("-3")
    assert picker.banner.property("level") == "error"
    picker.scan_text("7")
    assert "another user must recount" in picker.banner.text()
    picker.scan_text("A-01-01-02")
    picker.scan_text("CUP")
    picker.scan_text("5")
    assert _cells(picker.model, CountLinesModel.STATUS) == ["recount", "counted"]
    number = picker.count_number()
    with counted.writing() as s:  # another picker's recount, from their own PC
        from app.domain.permissions import Actor

        enter_count(s, number, bin_code="A-01-01-01", sku_code="MUG", quantity=7,
                    actor=Actor("picker2", Role.PICKER), client_code="ACME")
    boss = CountsPage(make_page_ctx(role=Role.ADMIN))
    qtbot.addWidget(boss)
    _quiet(boss)
    boss.warehouse.setCurrentIndex(boss.warehouse.findData("LA1"))
    assert boss.approve_button.isVisibleTo(boss)
    assert _cells(boss.model, CountLinesModel.EXPECTED) == ["10", "5"]
    assert _cells(boss.model, CountLinesModel.VARIANCE) == ["-3", "0"]
    boss.approve()
    assert boss.banner.property("level") == "ok" and "1 difference posted" in boss.banner.text()
    with counted.reading() as s:
        assert s.scalar(select(StockBalance.on_hand).where(StockBalance.bin_id == 1)) == 7
    assert boss.count_box.count() == 0


def test_screenshots(qtbot, counted: Database, make_page_ctx) -> None:  # type: ignore[no-untyped-def]
    """Both screens at 1366x768 (viewed by hand while building them)."""
    with counted.writing() as s:
        number = start_count(s, "LA1", bins="A-01-01-01:A-01-01-02", actor=ACTOR).number
        enter_count(s, number, bin_code="A-01-01-01", sku_code="MUG", quantity=8,
                    actor=ACTOR, client_code="ACME")
    for cls in (ReturnsPage, CountsPage):
        page = cls(make_page_ctx(role=Role.ADMIN))
        qtbot.addWidget(page)
        page.resize(1366 - 200, 768 - 60)
        page.warehouse.setCurrentIndex(page.warehouse.findData("LA1"))
        page.show()
        assert not page.grab().isNull()
