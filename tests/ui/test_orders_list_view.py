"""The Orders list as a clerk reads it: empty tabs say so, messages neither shift the table
nor linger on a screen the clerk has left, and the date filter's calendar opens at today."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QStackedWidget, QWidget

from app.db.engine import Database
from app.domain.order_value import IncomingOrder, OrderLine, ShipTo
from app.domain.states import OrderStatus
from app.services import orders as order_svc
from app.ui.pages.base import PageContext
from app.ui.pages.orders import OrdersPage
from app.ui.widgets.message_bar import Level
from tests.world import ACTOR, build_world


def _order(db: Database, number: str, day: int) -> None:
    draft = IncomingOrder(
        number=number, order_date=datetime(2026, 11, day, 15, 0, tzinfo=UTC),
        ship_to=ShipTo(name="Jane Doe", address1="5 Elm St", city="Fresno", state="CA",
                       zip="93721"),
        lines=(OrderLine("MUG", 1),))
    with db.writing() as s:
        order_svc.create_order(s, "ACME", draft, actor=ACTOR)


def _page(qtbot, ctx: PageContext) -> OrdersPage:
    page = OrdersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    return page


def test_rows_are_newest_order_date_first_and_the_footer_says_so(
        qtbot, db: Database, page_ctx: PageContext) -> None:
    build_world(db)
    for number, day in (("SO-2", 12), ("SO-3", 25), ("SO-1", 3)):  # inserted out of date order
        _order(db, number, day)
    page = _page(qtbot, page_ctx)
    assert [page.model.row_at(r).number for r in range(3)] == ["SO-3", "SO-2", "SO-1"]
    assert page.shown_label.text() == "Showing all 3 orders, newest order date first"
    assert not page.empty_label.isVisible()


def test_an_empty_tab_says_it_is_empty_in_the_middle_of_the_table(
        qtbot, db: Database, page_ctx: PageContext) -> None:
    build_world(db)
    _order(db, "SO-1", 3)
    page = _page(qtbot, page_ctx)
    page.set_status_filter(OrderStatus.ON_HOLD)
    assert page.model.rowCount() == 0
    assert page.empty_label.isVisible() and page.empty_label.text() == "No orders on hold."
    viewport = page.table.viewport().rect()
    assert page.empty_label.geometry().center().y() == viewport.center().y()
    page.set_status_filter(OrderStatus.SHIPPED)
    assert page.empty_label.text() == "No shipped orders."
    page.set_client_filter(None)
    page.filter_bar.search.setText("nobody")
    page.refresh()
    assert page.empty_label.text() == "No order matches the search."
    page.filter_bar.search.clear()
    page.set_status_filter(OrderStatus.NEW)
    assert page.model.rowCount() == 1 and not page.empty_label.isVisible()


def test_messages_overlay_the_page_and_clear_when_the_clerk_leaves_it(
        qtbot, db: Database, page_ctx: PageContext) -> None:
    build_world(db)
    _order(db, "SO-1", 3)
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    page = OrdersPage(page_ctx)
    other = QWidget()
    stack.addWidget(page)
    stack.addWidget(other)
    stack.resize(1100, 640)
    stack.show()
    table_top = page.table.geometry().top()
    page.messages.show_message("3 allocated\nand a second line", Level.ERROR)
    qtbot.wait(20)
    assert page.messages.isVisible() and page.messages.text().startswith("3 allocated")
    assert page.table.geometry().top() == table_top  # nothing was pushed down
    # over the bottom edge: the title, status tabs and filters stay usable while it shows
    assert page.messages.geometry().top() > page.filter_bar.geometry().bottom()
    assert page.messages.geometry().bottom() <= page.height()
    assert page.messages.width() > page.width() // 2
    stack.setCurrentWidget(other)  # the clerk goes to another screen ...
    stack.setCurrentWidget(page)  # ... and comes back: the old message is gone
    assert not page.messages.isVisible() and page.messages.text() == ""
    page.show_info("Saved")  # success fades by itself; errors stay until dismissed
    assert page.messages._timer.isActive()
    page.show_error(RuntimeError("boom"))
    assert not page.messages._timer.isActive()


def _open_calendar(qtbot, edit: QWidget) -> None:
    """Click the drop-down arrow at the right end, as a clerk does."""
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton,
                     pos=QPoint(edit.width() - 8, edit.height() // 2))


def test_the_date_filter_calendar_opens_at_today_without_choosing_a_day(
        qtbot, db: Database, page_ctx: PageContext) -> None:
    build_world(db)
    page = _page(qtbot, page_ctx)
    edit = page.filter_bar.date_from
    assert edit.day() is None
    _open_calendar(qtbot, edit)
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible, timeout=2000)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert edit.day() is None  # opening the calendar filtered nothing
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    page.set_date_range(date(2025, 3, 14), None)
    _open_calendar(qtbot, edit)
    qtbot.waitUntil(calendar.isVisible, timeout=2000)
    assert (calendar.yearShown(), calendar.monthShown()) == (2025, 3)  # a chosen day: its month
