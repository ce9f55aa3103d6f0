"""The Orders screen on a real database: filters, scan search, counts, detail, bulk actions."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import text

from app.db.engine import Database
from app.domain.order_value import IncomingOrder, OrderLine, ShipTo
from app.domain.states import OrderStatus
from app.services import orders as order_svc
from app.services.inventory import stock_by_sku
from app.services.orders import OrderQuery
from app.ui.dialogs.order_detail import OrderDetailDialog
from app.ui.dialogs.order_reason import ReasonDialog
from app.ui.models.orders import Column, OrderTableModel
from app.ui.pages.base import PageContext
from app.ui.pages.orders import HEADER_KEY, OrdersPage
from app.ui.pages.orders_bulk import BulkOutcome, bulk_job
from app.ui.tasks import TaskControl, TaskRunner
from app.ui.widgets.message_bar import Level
from tests.ui.inline_tasks import InlineTaskRunner
from tests.world import ACTOR, build_world, receive


def _order(db: Database, number: str, lines: dict[str, int], *, client: str = "ACME",
           day: int = 20, buyer: str = "Jane Doe", state: str = "CA") -> int:
    draft = IncomingOrder(
        number=number, order_date=datetime(2026, 11, day, 15, 0, tzinfo=UTC),
        ship_to=ShipTo(name=buyer, address1="5 Elm St", city="Fresno", state=state,
                       zip="93721"),
        lines=tuple(OrderLine(k, v) for k, v in lines.items()),
    )
    with db.writing() as s:
        return int(order_svc.create_order(s, client, draft, actor=ACTOR))


def _set_tracking(db: Database, number: str, tracking: str) -> None:
    """No shipping service yet: label purchase writes this column; the test stands in for it."""
    with db.writing() as s:
        s.execute(text("UPDATE orders SET tracking_number = :t WHERE number = :n"),
                  {"t": tracking, "n": number})


@pytest.fixture
def shop(db: Database) -> Database:
    """Two clients' orders on different days; stock for three ACME mugs' worth of orders."""
    build_world(db)
    receive(db, "MUG", 6)
    _order(db, "SO-1001", {"MUG": 2}, day=18, buyer="Alice Wong")
    _order(db, "SO-1002", {"MUG": 2, "CUP": 1}, day=19, buyer="Bob Li")
    _order(db, "SO-1003", {"CUP": 4}, day=20, buyer="Carol Zhang")
    _order(db, "B-2001", {"MUG": 1}, client="BETA", day=21, buyer="Dan Brown")
    _set_tracking(db, "SO-1001", "1Z999AA10123456784")
    return db


def _page(qtbot, ctx: PageContext) -> OrdersPage:
    page = OrdersPage(ctx)
    qtbot.addWidget(page)
    # What the main window does for every page: refresh after writes that changed data.
    ctx.tasks.data_changed.connect(page.on_changes)
    page.resize(1280, 720)
    page.show()
    return page


def _numbers(page: OrdersPage) -> list[str]:
    return [page.model.row_at(r).number for r in range(page.model.rowCount())]


def _status_of(page: OrdersPage, number: str) -> OrderStatus:
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).number == number)
    return page.model.row_at(row).status


def test_lists_every_order_newest_first_with_counts(qtbot, shop, page_ctx) -> None:
    page = _page(qtbot, page_ctx)
    assert _numbers(page) == ["B-2001", "SO-1003", "SO-1002", "SO-1001"]
    assert page.filter_bar.status_tabs.tabText(0) == "All (4)"
    assert page.filter_bar.status_tabs.tabText(1) == "New (4)"
    assert page.total_label.text() == "4 orders"
    assert page.shown_label.text() == "Showing all 4 orders, newest order date first"
    first = page.model.index(0, Column.STATUS)
    assert page.model.data(first) == "New"  # a display name, not the raw value


def test_status_tabs_filter_and_counts_follow_allocation(qtbot, shop, page_ctx) -> None:
    receive(shop, "CUP", 4, bin_code="A-01-01-02")
    page = _page(qtbot, page_ctx)
    page.select_orders(["SO-1001", "SO-1003"])
    page.action_bar.allocate_selected()
    assert page.filter_bar.status_count(OrderStatus.ALLOCATED) == 2
    page.set_status_filter(OrderStatus.ALLOCATED)
    assert _numbers(page) == ["SO-1003", "SO-1001"]
    status_tabs = page.filter_bar.status_tabs
    tabs = [status_tabs.tabText(i) for i in range(status_tabs.count())]
    assert "Allocated (2)" in tabs and "New (2)" in tabs
    assert page.total_label.text() == "2 orders"


def test_client_warehouse_and_date_filters(qtbot, shop, page_ctx) -> None:
    page = _page(qtbot, page_ctx)
    clients = page.filter_bar.client_combo
    beta = clients.itemData(clients.findText("BETA — Beta Goods"))
    page.set_client_filter(beta)
    assert _numbers(page) == ["B-2001"]
    assert page.filter_bar.status_tabs.tabText(0) == "All (1)"  # counts follow the other filters
    page.clear_filters()
    page.set_date_range(date(2026, 11, 19), date(2026, 11, 20))
    assert _numbers(page) == ["SO-1003", "SO-1002"]
    page.clear_filters()
    page.select_orders(["SO-1001"])
    page.action_bar.allocate_selected()
    warehouses = page.filter_bar.warehouse_combo
    la = warehouses.itemData(warehouses.findText("LA1 — Los Angeles"))
    page.set_warehouse_filter(la)
    assert _numbers(page) == ["SO-1001"]


@pytest.mark.parametrize(("term", "expected"), [
    ("carol", ["SO-1003"]),                    # part of a buyer name, any case
    ("1Z999AA10123456784", ["SO-1001"]),       # tracking number
    ("CUP", ["SO-1003", "SO-1002"]),           # SKU code
    ("012345678905", ["SO-1002", "SO-1001"]),  # the mug's UPC, as a scanner reads it
])
def test_search_finds_by_buyer_tracking_and_sku(qtbot, shop, page_ctx, term, expected) -> None:
    page = _page(qtbot, page_ctx)
    page.filter_bar.search.setText(term)
    page.filter_bar.search.returnPressed.emit()
    assert _numbers(page) == expected


def test_scanned_order_number_and_enter_selects_it_and_readies_the_next_scan(
    qtbot, shop, page_ctx
) -> None:
    page = _page(qtbot, page_ctx)
    page.focus_search()
    qtbot.keyClicks(page.filter_bar.search, "SO-1002")  # a scanner types fast...
    qtbot.keyClick(page.filter_bar.search, Qt.Key.Key_Return)  # ...and presses Enter
    assert _numbers(page) == ["SO-1002"]
    assert page.action_bar.selected_ids() == [int(page.model.row_at(0).id)]
    assert page.filter_bar.search.selectedText() == "SO-1002"  # the next scan replaces it
    qtbot.keyClicks(page.filter_bar.search, "NOPE-1")
    qtbot.keyClick(page.filter_bar.search, Qt.Key.Key_Return)
    assert page.model.rowCount() == 0
    assert "NOPE-1" in page.messages.text()


def test_order_detail_shows_lines_address_reserved_bins_and_history(
    qtbot, shop, page_ctx
) -> None:
    page = _page(qtbot, page_ctx)
    page.select_orders(["SO-1002"])
    page.action_bar.allocate_selected()
    page.select_orders(["SO-1002"])
    page.action_bar.hold_selected("buyer changed address")
    row = page.model.row_of(next(page.model.row_at(r).id for r in range(page.model.rowCount())
                                 if page.model.row_at(r).number == "SO-1002"))
    assert row is not None
    page.table.setCurrentIndex(page.model.index(row, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = next(d for d in page.findChildren(OrderDetailDialog))
    qtbot.addWidget(dialog)
    assert dialog.title.text() == "SO-1002"
    assert dialog.status_chip.text() == "On hold"
    lines = [[dialog.lines.item(r, c).text() for c in range(4)]
             for r in range(dialog.lines.rowCount())]
    assert lines == [["1", "MUG", "Mug", "2"], ["2", "CUP", "Cup", "1"]]
    assert "Bob Li" in dialog.address.text() and "Fresno, CA 93721" in dialog.address.text()
    assert dialog.reservations.rowCount() == 0  # no cups in stock: backordered, nothing held
    history = [(dialog.history.item(r, 2).text(), dialog.history.item(r, 3).text(),
                dialog.history.item(r, 4).text()) for r in range(dialog.history.rowCount())]
    assert history[-1] == ("On hold", "clerk1", "buyer changed address")
    assert history[0][0] == "New"


def test_detail_lists_reservations_by_bin(qtbot, shop, page_ctx) -> None:
    receive(shop, "MUG", 3, bin_code="B-01-02-01")
    page = _page(qtbot, page_ctx)
    page.select_orders(["SO-1001"])
    page.action_bar.allocate_selected()
    dialog = page.open_order(page.action_bar.selected_ids()[0])
    qtbot.addWidget(dialog)
    bins = [[dialog.reservations.item(r, c).text() for c in range(5)]
            for r in range(dialog.reservations.rowCount())]
    assert bins and all(b[2] == "LA1" and b[1] == "MUG" for b in bins)
    assert sum(int(b[4]) for b in bins) == 2
    assert dialog.fact_labels["warehouse"].text() == "LA1"


def test_bulk_allocate_reports_allocated_backordered_and_failed(qtbot, shop, page_ctx) -> None:
    page = _page(qtbot, page_ctx)
    page.select_orders(["SO-1001"])
    page.action_bar.cancel_selected("duplicate")
    page.select_orders(["SO-1001", "SO-1002", "SO-1003"])
    page.action_bar.allocate_selected()
    # No cups in stock: both cup orders wait; the cancelled one cannot be allocated.
    assert page.messages.text() == (
        "2 backordered — short: CUP (need 5, have 0); 1 failed:\n"
        "Order SO-1001 is cancelled and cannot become allocated.")
    assert page.messages.property("level") == Level.ERROR.value
    assert _status_of(page, "SO-1001") == OrderStatus.CANCELLED
    assert _status_of(page, "SO-1003") == OrderStatus.BACKORDERED


def test_bulk_allocate_message_counts_each_outcome(qtbot, shop, page_ctx) -> None:
    receive(shop, "CUP", 1, bin_code="A-01-01-02")
    page = _page(qtbot, page_ctx)
    page.select_orders(["SO-1001", "SO-1002", "SO-1003"])
    page.action_bar.allocate_selected()
    # A partial success is a warning that names what is missing, not a green banner.
    assert page.messages.text() == "2 allocated, 1 backordered — short: CUP (need 4, have 1)"
    assert page.messages.property("level") == Level.WARNING.value
    assert [_status_of(page, n) for n in ("SO-1001", "SO-1002", "SO-1003")] == [
        OrderStatus.ALLOCATED, OrderStatus.ALLOCATED, OrderStatus.BACKORDERED]


def test_cancel_hold_release_change_status_and_stock(qtbot, shop, page_ctx) -> None:
    page = _page(qtbot, page_ctx)
    page.select_orders(["SO-1001"])
    page.action_bar.allocate_selected()
    page.select_orders(["SO-1001", "SO-1002"])
    page.action_bar.hold_selected("payment check")
    assert page.messages.text() == "2 put on hold"
    assert _status_of(page, "SO-1001") == OrderStatus.ON_HOLD
    page.select_orders(["SO-1001", "SO-1002"])
    assert page.action_bar.release_button.isEnabled()
    page.action_bar.release_selected()
    assert "1 released to Allocated" in page.messages.text()
    assert "1 released to New" in page.messages.text()
    page.select_orders(["SO-1001"])
    page.action_bar.cancel_selected("buyer asked")
    assert _status_of(page, "SO-1001") == OrderStatus.CANCELLED
    with shop.reading() as s:
        (mug,) = stock_by_sku(s, sku_code="MUG", client_code="ACME")
    assert mug.reserved == 0 and mug.available == 6  # cancelling gave the mugs back


def test_buttons_follow_the_selected_statuses(qtbot, shop, page_ctx) -> None:
    page = _page(qtbot, page_ctx)
    actions = page.action_bar
    page.select_orders([])
    assert not actions.allocate_button.isEnabled() and not actions.open_button.isEnabled()
    page.select_orders(["SO-1001", "SO-1002"])
    assert actions.allocate_button.isEnabled() and not actions.release_button.isEnabled()
    assert actions.selection_label.text() == "2 selected"


def test_stopping_a_bulk_job_keeps_finished_orders_and_leaves_the_rest(shop) -> None:
    with shop.reading() as s:
        ids = [int(r.id) for r in order_svc.list_orders(s, OrderQuery())]

    def allocate(session, oid: int) -> OrderStatus:
        from app.services.allocation import allocate_order
        return allocate_order(session, oid, actor=ACTOR).status

    control: TaskControl

    def progress(done: int, _total: int, _text: str) -> None:
        if done == 0:
            control._cancel.set()  # the clerk presses Stop while the first order runs

    control = TaskControl(progress)
    outcome: BulkOutcome = bulk_job("allocate", ids, allocate)(shop, control)
    assert outcome.cancelled and len(outcome.done) == 1 and outcome.total == 4
    with shop.reading() as s:
        statuses = [r.status for r in order_svc.list_orders(s, OrderQuery())]
    assert statuses.count(OrderStatus.NEW) == 3


def test_hold_dialog_needs_a_reason(qtbot) -> None:
    dialog = ReasonDialog("Hold", "Hold 2 orders?", "Hold", "Back", required=True)
    qtbot.addWidget(dialog)
    assert not dialog.confirm_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "address check")
    assert dialog.confirm_button.isEnabled() and dialog.text() == "address check"


def test_column_layout_is_remembered(qtbot, shop, make_page_ctx) -> None:
    ctx = make_page_ctx()
    page = _page(qtbot, ctx)
    page.table.horizontalHeader().resizeSection(Column.BUYER, 333)
    page.close()
    assert ctx.ui_settings.value(HEADER_KEY) is not None
    again = _page(qtbot, make_page_ctx())
    assert again.table.horizontalHeader().sectionSize(Column.BUYER) == 333


def test_model_pages_through_orders_without_duplicates(qtbot, shop) -> None:
    model = OrderTableModel(InlineTaskRunner(shop), page_size=3)
    assert not model.canFetchMore(QModelIndex())  # nothing asked for yet
    model.set_query(OrderQuery())
    assert model.rowCount() == 3 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 4 and model.exhausted and not model.canFetchMore(QModelIndex())
    assert len({model.row_at(r).id for r in range(4)}) == 4
    model.set_query(OrderQuery(search="SO-1001"))
    assert [model.row_at(r).number for r in range(model.rowCount())] == ["SO-1001"]


def test_order_model_passes_the_model_tester(qtbot, shop, qtmodeltester) -> None:
    """Checked while pages are appended (the tester watches every insert).

    The tester is attached after the query is set: with the inline runner a reset's
    first page is inserted from inside the tester's own reset handler, which it rejects;
    with real threads the page always arrives later from the event loop.
    """
    model = OrderTableModel(InlineTaskRunner(shop), page_size=2)
    model.set_query(OrderQuery())
    qtmodeltester.check(model)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 4
    model.refresh_loaded()
    qtmodeltester.check(model)


def test_lazy_fetch_on_real_threads(qtbot, shop, make_page_ctx) -> None:
    """Pages arrive from the reader pool; a second fetch while one is in flight does nothing,
    and a filter change drops the page in flight."""
    runner = TaskRunner(shop)
    ctx = make_page_ctx(runner=runner)
    gate = threading.Event()
    entered = threading.Event()
    real_read = runner.read

    def gated_read(fn, **kw):
        def slow(session):
            entered.set()
            gate.wait(5)
            return fn(session)
        return real_read(slow, **kw)

    runner.read = gated_read  # type: ignore[method-assign]
    model = OrderTableModel(runner, page_size=2)
    with qtbot.waitSignal(model.loading_changed, timeout=5000):
        model.set_query(OrderQuery())
    assert entered.wait(5) and model.loading
    assert not model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # ignored: one page at a time
    with qtbot.waitSignal(model.rows_loaded, timeout=5000):
        gate.set()
    assert model.rowCount() == 2 and model.canFetchMore(QModelIndex())
    runner.read = real_read  # type: ignore[method-assign]
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 4 and not model.loading, timeout=5000)
    assert model.exhausted and not model.canFetchMore(QModelIndex())
    model.set_query(OrderQuery(search="SO-1003"))
    model.set_query(OrderQuery(client_id=None, search="Dan"))  # the first answer is dropped
    qtbot.waitUntil(lambda: not model.loading, timeout=5000)
    qtbot.wait(50)
    assert [model.row_at(r).number for r in range(model.rowCount())] == ["B-2001"]
    page = _page(qtbot, ctx)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4 and page.total_label.text() == "4 orders",
                    timeout=5000)
