"""The Dashboard and Sales by region screens on known data: figures on the tiles and in
the tables, the tile map's shades, a tile's link, and the dashboard's refresh running on
a worker thread (real task runner) while the window stays responsive."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from app.db.engine import Database
from app.domain.states import OrderStatus, Role
from app.services import dashboard as dashboard_service
from app.ui.pages.dashboard import DashboardPage
from app.ui.pages.orders import OrdersPage
from app.ui.pages.sales import SalesPage
from app.ui.tasks import TaskRunner
from tests.services.dashboard_world import build_dashboard_day
from tests.ui.conftest import PageCtxFactory
from tests.world import place_order


def test_dashboard_tiles_and_link(qtbot: QtBot, db: Database,
                                  make_page_ctx: PageCtxFactory) -> None:
    build_dashboard_day(db)
    page = DashboardPage(make_page_ctx(role=Role.CLERK))
    qtbot.addWidget(page)
    page.show()
    d = page.dashboard
    assert d is not None
    shown = {k: t.value.text() for k, t in page.tiles.items()}
    # today is after 21 Nov 2026: O1 and the backordered O2 are both past their ship-by
    assert shown == {"placed": str(d.placed_today), "late": "2", "backordered": "1",
                     "low": "0", "out": "2", "exceptions": "1"}
    assert "ACME MUG" in page.low_list.text()
    with qtbot.waitSignal(page.navigate_requested) as blocker:
        qtbot.mouseClick(page.tiles["backordered"], Qt.MouseButton.LeftButton)
    assert blocker.args == ["orders", "status:backordered"]
    with qtbot.waitSignal(page.navigate_requested) as blocker:
        qtbot.mouseClick(page.tiles["late"], Qt.MouseButton.LeftButton)
    assert blocker.args == ["orders", "late"]


def test_the_late_tile_opens_the_late_orders(qtbot: QtBot, db: Database,
                                              make_page_ctx: PageCtxFactory) -> None:
    """Its link shows the orders past their ship-by in every status that has not
    shipped — the two the tile counts — and Clear filters shows them all again."""
    build_dashboard_day(db)
    orders = OrdersPage(make_page_ctx(role=Role.CLERK))
    qtbot.addWidget(orders)
    orders.resize(1100, 640)
    orders.show()
    every = orders.model.rowCount()
    orders.show_tab("late")
    assert orders.filter_bar.late_button.isChecked() and orders.filter_bar.status() is None
    qtbot.waitUntil(lambda: orders.model.rowCount() == 2)
    assert {orders.model.row_at(r).number for r in range(2)} == {"O1", "O2"}
    orders.filter_bar.clear()
    qtbot.waitUntil(lambda: orders.model.rowCount() == every)
    assert not orders.filter_bar.late_button.isChecked()


def test_dashboard_refresh_runs_off_the_gui_thread(qtbot: QtBot, db: Database,
                                                   make_page_ctx: PageCtxFactory,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    build_dashboard_day(db)
    threads: list[threading.Thread] = []
    real = dashboard_service.load_dashboard

    def spy(session, **kw):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(session, **kw)

    monkeypatch.setattr("app.ui.pages.dashboard.load_dashboard", spy)
    page = DashboardPage(make_page_ctx(runner=TaskRunner(db)))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.dashboard is not None, timeout=10_000)
    assert threads and threads[0] is not threading.main_thread()
    assert page.tiles["backordered"].value.text() == "1"
    page.reload()  # a second refresh while none is running starts; results replace
    qtbot.waitUntil(lambda: len(threads) == 2 and not page._loading, timeout=10_000)
    assert page.timer.isActive()
    page.hide()
    assert not page.timer.isActive()


def test_sales_page_map_and_tables(qtbot: QtBot, db: Database,
                                   make_page_ctx: PageCtxFactory) -> None:
    from tests.world import build_world

    build_world(db)
    place_order(db, "A1", {"MUG": 2, "CUP": 3}, state="CA")
    place_order(db, "A2", {"MUG": 1}, state="NY")
    page = SalesPage(make_page_ctx())
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.start.setDate(page.start.date().fromString("2026-11-01", "yyyy-MM-dd"))
    page.end.setDate(page.end.date().fromString("2026-11-30", "yyyy-MM-dd"))
    page.show()
    assert page.client.count() == 3  # all clients, ACME, BETA
    page.reload()
    assert page.report is not None and (page.report.orders, page.report.units) == (2, 6)
    assert page.states.rowCount() == 2
    assert page.states.index(0, 0).data() == "CA" and page.states.index(0, 4).data() == "5"
    assert page.map.value("CA") == 5 and page.map.shade(5) == 5 and page.map.shade(1) == 1
    assert page.map.state_at(QPointF(page.map.tile_rect("NY").center())) == "NY"
    assert page.split.index(0, 0).data() == "US-West" and page.split.index(0, 3).data() == "83%"
    assert all(b.isEnabled() for b in page.exports)


def test_office_users_start_on_the_dashboard(qtbot: QtBot, db: Database,
                                             make_page_ctx: PageCtxFactory) -> None:
    from app.ui.main_window import MainWindow, ShellInfo

    ctx = make_page_ctx(role=Role.CLERK)
    ctx.ui_settings.setValue("main/page", "orders")  # where this user was last time
    window = MainWindow(ShellInfo("PC-1", db.kind, db.display_url, ctx.ui_settings))
    qtbot.addWidget(window)
    window.start_session(ctx)
    assert isinstance(window.current_page(), DashboardPage)
    window.navigate("orders", "status:backordered")
    orders = window.current_page()
    assert isinstance(orders, OrdersPage)
    assert orders.current_query().statuses == (OrderStatus.BACKORDERED,)
