"""The Orders screen: every order, filtered and searched, acted on in bulk, opened in detail.

It must stay smooth on a million orders, so the table model fetches a page at a
time (see :mod:`app.ui.models.orders`), counts per status come from one grouped
query, and nothing offers a sort that would have to read every row. Bulk actions
run as a job with one transaction per order, so Cancel between orders is safe and
one bad order never undoes the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabBar,
    QTableView,
    QWidget,
)

from app.domain.states import ALLOCATABLE_STATES, ORDER_TRANSITIONS, OrderStatus
from app.services.allocation import allocate_order
from app.services.changes import Changes
from app.services.dto import ClientInfo, WarehouseInfo
from app.services.orders import (
    OrderQuery,
    cancel_order,
    count_orders_by_status,
    hold_order,
    release_order,
)
from app.services.organisation import list_clients, list_warehouses
from app.ui.dialogs.order_detail import OrderDetailDialog
from app.ui.dialogs.order_reason import ReasonDialog
from app.ui.i18n import error_text, join_sentences
from app.ui.models.orders import Column, OrderTableModel, status_text
from app.ui.pages.base import Page, PageContext
from app.ui.pages.orders_bulk import BulkOutcome, OrderStep, PrintTally, bulk_job
from app.ui.tasks import Task
from app.ui.widgets.date_filter import OptionalDateEdit
from app.ui.widgets.message_bar import Level
from app.ui.widgets.tables import configure_table
from app.ui.widgets.wrap_row import WrapRow

if TYPE_CHECKING:
    from app.services.print_documents import JobKind
    from app.services.printing import DeliveryResult
    from app.ui.dialogs.import_orders import ImportOrdersDialog, ImportOutcome


ROW_HEIGHT = 28
SEARCH_DELAY_MS = 350
# Failures listed by name in the summary; the rest are counted.
FAILURES_LISTED = 5
#: How many short SKUs a bulk allocation names before "and N more SKUs".
SHORT_SKUS_LISTED = 5
HEADER_KEY = "orders/header"
# Item data of the "All clients/warehouses" choices (ids start at 1; not None, see below).
ALL = 0

# Wide enough for an Amazon order number and a ZIP-less "City, ST"; Tracking takes the rest.
_COLUMN_WIDTHS = {
    Column.NUMBER: 175, Column.CLIENT: 90, Column.STATUS: 115, Column.ORDER_DATE: 125,
    Column.SHIP_BY: 90, Column.BUYER: 140, Column.PLACE: 135, Column.UNITS: 55,
    Column.WAREHOUSE: 95,
}


# --- the page --------------------------------------------------------------------------------


class OrdersPage(Page):
    """All orders: status tabs with counts, filters, scan-friendly search, bulk actions."""

    listens_to = Changes.ORDERS | Changes.ORGANISATION

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self._clients: list[ClientInfo] = []
        self._counts: dict[OrderStatus, int] = {}
        self._counts_task: Task[dict[OrderStatus, int]] | None = None
        self._job: Task[BulkOutcome] | None = None
        self._job_running = False
        self._scan_pending = False
        self._dialogs: list[QDialog] = []
        self.model = OrderTableModel(ctx.tasks, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filters)

        body = self.body()
        body.addLayout(self._build_title_row())
        body.addWidget(self._build_status_tabs())
        body.addLayout(self._build_filter_row())
        body.addLayout(self._build_action_row())
        body.addWidget(self._build_table(), 1)
        self.empty_label = self._build_empty_label()
        body.addLayout(self._build_footer())

        self.model.rows_loaded.connect(self._on_model_rows_loaded)
        self.model.loading_changed.connect(self._on_model_loading_changed)
        self.model.failed.connect(self.show_error)
        self._load_lists()
        self._apply_filters()

    # -- building ------------------------------------------------------------------------

    def _build_title_row(self) -> QHBoxLayout:
        row, self.total_label = self.title_row(self.tr("Orders"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the list again from the newest order (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        self.import_button = QPushButton(self.tr("Import orders…"))
        self.import_button.setToolTip(self.tr("Import a seller's CSV or Excel order file"))
        self.import_button.clicked.connect(self._on_import_button_clicked)
        row.addWidget(self.refresh_button)
        row.addWidget(self.import_button)
        return row

    def _build_status_tabs(self) -> QTabBar:
        self.status_tabs = QTabBar()
        self.status_tabs.setObjectName("StatusTabs")  # styled in haicang.qss
        self.status_tabs.setExpanding(False)
        self.status_tabs.setUsesScrollButtons(True)
        self.status_tabs.setDrawBase(False)
        # Statuses by tab index in Python: tabData() of an "All" tab would hand back an
        # invalid QVariant, and PySide6 6.12 drops a reference to None on each such call.
        self._tab_statuses: list[OrderStatus | None] = [None, *OrderStatus]
        for _status in self._tab_statuses:
            self.status_tabs.addTab("")
        self._update_tab_texts()
        self.status_tabs.currentChanged.connect(self._on_status_tabs_current_changed)
        return self.status_tabs

    def _build_filter_row(self) -> WrapRow:
        self.search = QLineEdit()
        self.search.setObjectName("OrderSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search or scan an order, buyer, tracking, SKU"))
        self.search.setToolTip(self.tr(
            "Order number, part of the buyer's name, tracking number, or a SKU code or "
            "barcode. A scanner's Enter searches at once (Ctrl+F comes here)."))
        self.search.setMinimumWidth(240)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.client_combo = QComboBox()
        self.client_combo.setToolTip(self.tr("Client"))
        self.client_combo.addItem(self.tr("All clients"), ALL)
        self.client_combo.setMinimumContentsLength(12)
        self.client_combo.activated.connect(self._on_filter_changed)
        self.warehouse_combo = QComboBox()
        self.warehouse_combo.setToolTip(self.tr("Warehouse"))
        self.warehouse_combo.addItem(self.tr("All warehouses"), ALL)
        self.warehouse_combo.setMinimumContentsLength(12)
        self.warehouse_combo.activated.connect(self._on_filter_changed)
        self.date_from = self._date_edit(self.tr("Ordered on or after this day"))
        self.date_to = self._date_edit(self.tr("Ordered on or before this day"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        # "From [day] to [day]" wraps as one piece: a label never ends a line without its box.
        dates = QWidget()
        dates.setObjectName("OrderDates")
        pair = QHBoxLayout(dates)
        pair.setContentsMargins(0, 0, 0, 0)
        pair.setSpacing(6)
        pair.addWidget(QLabel(self.tr("From")))
        pair.addWidget(self.date_from)
        pair.addWidget(QLabel(self.tr("to")))
        pair.addWidget(self.date_to)
        self.filter_row = WrapRow()
        self.filter_row.add(self.search, 3)
        self.filter_row.add(self.client_combo, 1)
        self.filter_row.add(self.warehouse_combo, 1)
        self.filter_row.add(dates)
        self.filter_row.add(self.clear_button)
        return self.filter_row

    def _date_edit(self, tip: str) -> OptionalDateEdit:
        edit = OptionalDateEdit(self.tr("Any day"))
        edit.setToolTip(tip)
        edit.setMinimumWidth(120)
        edit.dateChanged.connect(self._on_filter_changed)
        return edit

    def _build_empty_label(self) -> QLabel:
        """Centred over the empty table: says the tab is empty rather than showing nothing."""
        label = QLabel(self.table.viewport())
        label.setObjectName("EmptyHint")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        label.hide()
        self.table.viewport().installEventFilter(self)
        return label

    def _build_action_row(self) -> QHBoxLayout:
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Lines, address, reserved bins and history (Enter)"))
        self.open_button.clicked.connect(self.open_current)
        self.allocate_button = QPushButton(self.tr("Allocate"))
        self.allocate_button.setToolTip(self.tr("Reserve stock in bins for the selected orders"))
        self.allocate_button.clicked.connect(self.allocate_selected)
        self.hold_button = QPushButton(self.tr("Hold…"))
        self.hold_button.clicked.connect(self._on_hold_button_clicked)
        self.release_button = QPushButton(self.tr("Release hold"))
        self.release_button.clicked.connect(self.release_selected)
        self.cancel_button = QPushButton(self.tr("Cancel orders…"))
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.label_button = QPushButton(self.tr("Print label"))
        self.label_button.setToolTip(
            self.tr("A 4x6 shipping label for each selected order, on this station's printer"))
        self.label_button.clicked.connect(self._on_label_button_clicked)
        self.slip_button = QPushButton(self.tr("Packing slip"))
        self.slip_button.setToolTip(self.tr("A packing slip for each selected order"))
        self.slip_button.clicked.connect(self._on_slip_button_clicked)
        self.selection_label = QLabel()
        self.selection_label.setObjectName("Muted")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setFormat(self.tr("%v of %m"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop after the order being processed now"))
        self.stop_button.clicked.connect(self._on_stop_button_clicked)
        self.progress.hide()
        self.stop_button.hide()
        row = QHBoxLayout()
        for button in (self.open_button, self.allocate_button, self.hold_button,
                       self.release_button, self.cancel_button):
            row.addWidget(button)
        row.addSpacing(8)
        row.addWidget(self.label_button)
        row.addWidget(self.slip_button)
        row.addSpacing(8)
        row.addWidget(self.selection_label)
        row.addStretch(1)
        row.addWidget(self.progress)
        row.addWidget(self.stop_button)
        return row

    def _build_table(self) -> QTableView:
        self.table = configure_table(QTableView(), row_height=ROW_HEIGHT, multi_select=True)
        self.table.setObjectName("OrdersTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)  # newest first only: any other sort reads all rows
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        state = self.ctx.ui_settings.value(HEADER_KEY)
        if state is not None:
            header.restoreState(state)
        self.table.activated.connect(self._on_table_activated)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(lambda *_: self._update_actions())
        self._update_actions()
        return self.table

    def _build_footer(self) -> QHBoxLayout:
        self.shown_label = QLabel()
        self.shown_label.setObjectName("Muted")
        self.loading_label = QLabel()
        self.loading_label.setObjectName("Muted")
        row = QHBoxLayout()
        row.addWidget(self.shown_label)
        row.addStretch(1)
        row.addWidget(self.loading_label)
        return row

    # -- filters -------------------------------------------------------------------------

    def current_query(self) -> OrderQuery:
        status = self._current_status()
        return OrderQuery(
            statuses=(status,) if status else (),
            client_id=self.client_combo.currentData() or None,
            warehouse_id=self.warehouse_combo.currentData() or None,
            date_from=self.date_from.day(),
            date_to=self.date_to.day(),
            search=self.search.text().strip(),
        )

    def set_status_filter(self, status: OrderStatus | None) -> None:
        """Show one status (None: all); the same as clicking its tab."""
        self.status_tabs.setCurrentIndex(self._tab_statuses.index(status))

    def _current_status(self) -> OrderStatus | None:
        return self._tab_statuses[max(0, self.status_tabs.currentIndex())]

    def set_client_filter(self, client_id: int | None) -> None:
        self.client_combo.setCurrentIndex(max(0, self.client_combo.findData(client_id or 0)))
        self._on_filter_changed()

    def set_warehouse_filter(self, warehouse_id: int | None) -> None:
        self.warehouse_combo.setCurrentIndex(
            max(0, self.warehouse_combo.findData(warehouse_id or 0)))
        self._on_filter_changed()

    def set_date_range(self, first: date | None, last: date | None) -> None:
        self.date_from.set_day(first)
        self.date_to.set_day(last)
        self._on_filter_changed()

    def clear_filters(self) -> None:
        for combo in (self.client_combo, self.warehouse_combo):
            combo.setCurrentIndex(0)
        for edit in (self.date_from, self.date_to):
            edit.set_day(None)
        self.search.clear()
        self.status_tabs.blockSignals(True)
        self.status_tabs.setCurrentIndex(0)
        self.status_tabs.blockSignals(False)
        self._apply_filters()

    def _on_filter_changed(self, *_args: object) -> None:
        self._apply_filters()

    def _on_status_tabs_current_changed(self, _index: int) -> None:
        # Counts ignore the status filter, so only the list starts over.
        self.model.set_query(self.current_query())
        self._update_totals()

    def _on_search_return_pressed(self) -> None:
        """A scanner types the code and presses Enter: search now, then get ready for the next."""
        self._search_timer.stop()
        self._scan_pending = bool(self.search.text().strip())
        self._apply_filters()

    def _apply_filters(self) -> None:
        self._search_timer.stop()
        query = self.current_query()
        self.model.set_query(query)
        self._load_counts(query)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def refresh(self) -> None:
        """Start over from the newest order with fresh counts (F5)."""
        self._apply_filters()

    # -- lists and counts ----------------------------------------------------------------

    def _load_lists(self) -> None:
        self.ctx.tasks.read(
            lambda s: (list_clients(s), list_warehouses(s)),
            on_done=self._on_lists_loaded, on_error=self.show_error, owner=self,
        )

    def _on_lists_loaded(self, lists: tuple[list[ClientInfo], list[WarehouseInfo]]) -> None:
        clients, warehouses = lists
        self._clients = clients
        self._refill(self.client_combo, [(c.id, f"{c.code} — {c.name}") for c in clients])
        self._refill(self.warehouse_combo, [(w.id, f"{w.code} — {w.name}") for w in warehouses])

    @staticmethod
    def _refill(combo: QComboBox, items: list[tuple[int, str]]) -> None:
        """Replace the choices after the "All" item, keeping the current choice if it exists."""
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for item_id, text in items:
            combo.addItem(text, item_id)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _load_counts(self, query: OrderQuery) -> None:
        if self._counts_task is not None:
            self._counts_task.discard()
        self._counts_task = self.ctx.tasks.read(
            lambda s: count_orders_by_status(s, query),
            on_done=self._on_counts_loaded, on_error=self.show_error, owner=self,
        )

    def _on_counts_loaded(self, counts: dict[OrderStatus, int]) -> None:
        self._counts_task = None
        self._counts = counts
        self._update_tab_texts()
        self._update_totals()

    def status_count(self, status: OrderStatus | None) -> int:
        """Orders matching the filters (other than status) that have ``status`` (None: all)."""
        if status is None:
            return sum(self._counts.values())
        return self._counts.get(status, 0)

    def _update_tab_texts(self) -> None:
        for i, status in enumerate(self._tab_statuses):
            name = status_text(status) if status else self.tr("All")
            self.status_tabs.setTabText(
                i, self.tr("{name} ({count})").format(name=name,
                                                      count=f"{self.status_count(status):,}"))

    def _update_totals(self) -> None:
        total = self.status_count(self._current_status())
        self.total_label.setText(self.tr("%Ln order(s)", "", total))
        shown = self.model.rowCount()
        if self.model.exhausted:
            text = self.tr("Showing all %Ln order(s), newest order date first", "", shown)
        else:
            text = self.tr("Showing {shown} of %Ln order(s), newest order date first — "
                           "scroll for more", "", max(total, shown)).format(shown=f"{shown:,}")
        self.shown_label.setText(text)
        self._update_empty_hint()

    def empty_text(self) -> str:
        """What the empty list says, for the status tab shown (and whether filters are on)."""
        query = self.current_query()
        if query.search:
            return self.tr("No order matches the search.")
        filtered = replace(query, statuses=()) != OrderQuery()
        if filtered:
            return self.tr("No orders match these filters.")
        texts = {
            None: self.tr("No orders yet. Import a seller's order file or connect a store "
                          "under Channels."),
            OrderStatus.NEW: self.tr("No new orders waiting."),
            OrderStatus.ALLOCATED: self.tr("No allocated orders waiting to be picked."),
            OrderStatus.BACKORDERED: self.tr("No backordered orders: nothing is short of "
                                             "stock."),
            OrderStatus.ON_HOLD: self.tr("No orders on hold."),
            OrderStatus.PICKING: self.tr("No orders are being picked."),
            OrderStatus.PACKED: self.tr("No packed orders waiting to ship."),
            OrderStatus.SHIPPED: self.tr("No shipped orders."),
            OrderStatus.IN_TRANSIT: self.tr("No orders in transit."),
            OrderStatus.DELIVERED: self.tr("No delivered orders."),
            OrderStatus.CANCELLED: self.tr("No cancelled orders."),
            OrderStatus.RETURNED: self.tr("No returned orders."),
        }
        return texts[self._current_status()]

    def _update_empty_hint(self) -> None:
        empty = self.model.rowCount() == 0 and not self.model.loading
        if empty:
            self.empty_label.setText(self.empty_text())
            self._place_empty_hint()
        self.empty_label.setVisible(empty)

    def _place_empty_hint(self) -> None:
        self.empty_label.setGeometry(self.table.viewport().rect().adjusted(24, 0, -24, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._place_empty_hint()
        return super().eventFilter(watched, event)

    # -- model events --------------------------------------------------------------------

    def _on_model_rows_loaded(self) -> None:
        self._update_totals()
        self._update_actions()
        if self._scan_pending and not self.model.loading:
            self._scan_pending = False
            self._after_scan()

    def _after_scan(self) -> None:
        """One hit: select it. None: say so. Either way the field is ready for the next scan."""
        term = self.search.text().strip()
        if self.model.rowCount() == 1:
            self.table.selectRow(0)
            self.table.scrollToTop()
        elif self.model.rowCount() == 0:
            self.messages.show_message(
                self.tr("No order matches “{term}”.").format(term=term), Level.INFO)
        self.focus_search()

    def _on_model_loading_changed(self, loading: bool) -> None:
        self.loading_label.setText(self.tr("Loading…") if loading else "")

    # -- selection and actions -----------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.table.selectionModel().selectedRows())

    def selected_ids(self) -> list[int]:
        return [int(i) for i in self.model.order_ids(self.selected_rows())]

    def select_orders(self, numbers: Sequence[str]) -> None:
        """Select the loaded rows with these order numbers (for keyboard users and tests)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = (QItemSelectionModel.SelectionFlag.Select
                 | QItemSelectionModel.SelectionFlag.Rows)
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).number in numbers:
                selection.select(self.model.index(row, 0), flags)

    def _update_actions(self) -> None:
        statuses = {self.model.row_at(r).status for r in self.selected_rows()}
        busy = self._job_running
        self.open_button.setEnabled(len(statuses) > 0)
        self.allocate_button.setEnabled(not busy and bool(statuses & ALLOCATABLE_STATES))
        self.hold_button.setEnabled(
            not busy and any(OrderStatus.ON_HOLD in ORDER_TRANSITIONS[s] for s in statuses))
        self.release_button.setEnabled(not busy and OrderStatus.ON_HOLD in statuses)
        self.cancel_button.setEnabled(
            not busy and any(OrderStatus.CANCELLED in ORDER_TRANSITIONS[s] for s in statuses))
        printable = bool(statuses - {OrderStatus.CANCELLED})
        self.label_button.setEnabled(printable)
        self.slip_button.setEnabled(printable)
        count = len(self.selected_rows())
        self.selection_label.setText(
            self.tr("{count} selected").format(count=f"{count:,}") if count > 1 else "")

    def _on_label_button_clicked(self) -> None:
        from app.services.print_documents import JobKind

        self.print_selected(JobKind.SHIPPING_LABEL)

    def _on_slip_button_clicked(self) -> None:
        from app.services.print_documents import JobKind

        self.print_selected(JobKind.PACKING_SLIP)

    def print_selected(self, kind: JobKind) -> None:
        """Print ``kind`` for every selected order on the print worker, never blocking here.

        A job the printer did not take stays in the print queue (Printing screen) to retry.
        """
        from app.domain.errors import DomainError
        from app.ui.devices.printing import print_orders  # the printing stack, on first use
        from printers.errors import PrinterError

        ids = self.selected_ids()
        tally = PrintTally(len(ids))

        def one_done(result: DeliveryResult) -> None:
            tally.add(error_text(result.error) if result.error is not None else None)
            self._report_print(tally)

        def one_failed(exc: BaseException) -> None:
            tally.add_refused(error_text(exc))
            self._report_print(tally)

        try:
            print_orders(self.ctx, ids, kind, on_done=one_done, on_error=one_failed, owner=self)
        except (DomainError, PrinterError) as exc:
            self.show_error(exc)
            return
        self.show_info(self.tr("Printing %n document(s)…", "", len(ids)))

    def _report_print(self, tally: PrintTally) -> None:
        if not tally.finished:
            return
        if not tally.failures and not tally.refused:
            self.show_info(self.tr("%n document(s) sent to the printer.", "", tally.sent))
            return
        if tally.refused and not tally.failures and not tally.sent and len(tally.refused) == 1:
            self.messages.show_message(tally.refused[0], Level.ERROR)  # the one reason
            return
        parts = []
        if tally.refused:
            parts.append(self.tr("%n not printed: {reason}", "", len(tally.refused)).format(
                reason=tally.refused[0]))
        if tally.failures:
            parts.append(self.tr("%n not printed — waiting in the print queue (Printing "
                                 "screen): {reason}", "", len(tally.failures)).format(
                reason=tally.failures[0]))
        text = self.tr("%n sent", "", tally.sent) + self.tr("; ") + self.tr("; ").join(parts)
        self.messages.show_message(text, Level.ERROR)

    def allocate_selected(self) -> None:
        actor = self.ctx.actor
        self._start_bulk("allocate", lambda s, oid: allocate_order(s, oid, actor=actor))

    def cancel_selected(self, reason: str) -> None:
        actor, note = self.ctx.actor, reason or None
        self._start_bulk(
            "cancel", lambda s, oid: cancel_order(s, oid, actor=actor, reason=note).to_status)

    def hold_selected(self, reason: str) -> None:
        actor = self.ctx.actor
        self._start_bulk(
            "hold", lambda s, oid: hold_order(s, oid, actor=actor, reason=reason).to_status)

    def release_selected(self) -> None:
        actor = self.ctx.actor
        self._start_bulk("release", lambda s, oid: release_order(s, oid, actor=actor).to_status)

    def _on_cancel_button_clicked(self) -> None:
        count = len(self.selected_ids())
        dialog = ReasonDialog(
            self.tr("Cancel orders"),
            self.tr("Cancel %Ln selected order(s)? Stock reserved for them is released. "
                    "This cannot be undone.", "", count),
            self.tr("Cancel orders"), self.tr("Keep orders"), required=False, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.cancel_selected(dialog.text())

    def _on_hold_button_clicked(self) -> None:
        count = len(self.selected_ids())
        dialog = ReasonDialog(
            self.tr("Put orders on hold"),
            self.tr("Hold %Ln selected order(s)? They keep their reserved stock and go back "
                    "to where they were when released.", "", count),
            self.tr("Hold"), self.tr("Back"), required=True, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.hold_selected(dialog.text())

    def _start_bulk(self, action: str, step: OrderStep) -> None:
        ids = self.selected_ids()
        if not ids or self._job_running:
            return
        numbers = {oid: self.model.row_at(self.model.row_of(oid) or 0).number for oid in ids}
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.progress.show()
        self.stop_button.setEnabled(True)
        self.stop_button.show()
        self._job_running = True
        task = self.ctx.tasks.job(
            bulk_job(action, ids, step),
            on_done=lambda outcome: self._on_bulk_done(outcome, numbers),
            on_error=self._on_bulk_error,
            on_progress=self._on_bulk_progress,
            owner=self,
        )
        if self._job_running:  # an inline runner has finished it already
            self._job = task
        self._update_actions()

    def _on_bulk_progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_stop_button_clicked(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.stop_button.setEnabled(False)

    def _end_job(self) -> None:
        self._job = None
        self._job_running = False
        self.progress.hide()
        self.stop_button.hide()
        self._update_actions()

    def _on_bulk_error(self, error: BaseException) -> None:
        self._end_job()
        self.show_error(error)

    def _on_bulk_done(self, outcome: BulkOutcome, numbers: dict[int, str]) -> None:
        self._end_job()
        text = self.bulk_summary(outcome, numbers)
        backordered = any(status == OrderStatus.BACKORDERED for _oid, status in outcome.done)
        level = (Level.ERROR if outcome.failed
                 else Level.WARNING if backordered and outcome.action == "allocate"
                 else Level.SUCCESS)
        # Rows and counts refresh through on_changes: the main window calls it for the
        # outcome's `changes`, as for any write.
        self.messages.show_message(text, level)

    def bulk_summary(self, outcome: BulkOutcome, numbers: dict[int, str]) -> str:
        """The result in one line, e.g. '3 allocated, 1 backordered — short: MUG (need 5,
        have 2); 1 failed:' and the failures below."""
        by_status: dict[OrderStatus, int] = {}
        for _oid, status in outcome.done:
            by_status[status] = by_status.get(status, 0) + 1
        parts = [self._done_text(outcome.action, status, by_status[status])
                 for status in OrderStatus if status in by_status]
        text = self.tr(", ").join(parts)
        if outcome.shortages:
            text += self.tr(" — short: {skus}").format(skus=self._shortage_text(outcome))
        if outcome.failed:
            failed = self.tr("{count} failed").format(count=len(outcome.failed))
            separator = self.tr("; ") if outcome.shortages else self.tr(", ")
            text = text + separator + failed if text else failed
        text = text or self.tr("Nothing was changed")
        if outcome.cancelled:
            handled = len(outcome.done) + len(outcome.failed)
            text += self.tr(" — stopped after {done} of {total}").format(
                done=handled, total=outcome.total)
        if outcome.failed:
            lines = [self._failure_text(numbers.get(oid, str(oid)), exc)
                     for oid, exc in outcome.failed[:FAILURES_LISTED]]
            more = len(outcome.failed) - FAILURES_LISTED
            if more > 0:
                lines.append(self.tr("and {count} more").format(count=more))
            text += self.tr(":") + "\n" + "\n".join(lines)
        return text

    def _shortage_text(self, outcome: BulkOutcome) -> str:
        """Each short SKU once: what the backordered orders needed in all, what there was."""
        need: dict[str, int] = {}
        have: dict[str, int] = {}
        for short in outcome.shortages:
            need[short.sku] = need.get(short.sku, 0) + short.wanted
            have[short.sku] = max(have.get(short.sku, 0), short.available)
        skus = [self.tr("{sku} (need {need}, have {have})").format(
                    sku=sku, need=f"{need[sku]:,}", have=f"{have[sku]:,}")
                for sku in list(need)[:SHORT_SKUS_LISTED]]
        more = len(need) - SHORT_SKUS_LISTED
        if more > 0:
            skus.append(self.tr("%n more SKU(s)", "", more))
        return self.tr(", ").join(skus)

    def _failure_text(self, number: str, exc: Exception) -> str:
        """The error in the user's language, prefixed with the order unless it names it."""
        reason = error_text(exc)
        if number in reason:
            return reason
        return self.tr("{number}: {reason}").format(number=number, reason=reason)

    def _done_text(self, action: str, status: OrderStatus, count: int) -> str:
        if action == "allocate" and status == OrderStatus.BACKORDERED:
            return self.tr("{count} backordered").format(count=count)
        templates = {
            "allocate": self.tr("{count} allocated"),
            "cancel": self.tr("{count} cancelled"),
            "hold": self.tr("{count} put on hold"),
            "release": self.tr("{count} released to {status}"),
        }
        return templates[action].format(count=count, status=status_text(status))

    # -- detail and import ---------------------------------------------------------------

    def open_current(self) -> None:
        index = self.table.currentIndex()
        rows = self.selected_rows()
        row = index.row() if index.isValid() else (rows[0] if rows else -1)
        if row >= 0:
            self.open_order(int(self.model.row_at(row).id))

    def open_order(self, order_id: int) -> OrderDetailDialog:
        dialog = OrderDetailDialog(self.ctx.tasks, order_id, self)
        self._keep(dialog)
        dialog.open()
        return dialog

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_order(int(self.model.row_at(index.row()).id))

    def _on_import_button_clicked(self) -> None:
        self.open_import()

    def open_import(self) -> ImportOrdersDialog:
        # Imported here: the file readers are only needed when someone imports.
        from app.ui.dialogs.import_orders import ImportOrdersDialog

        client = self.client_combo.currentData()
        codes = [c.code for c in self._clients if c.active]
        preferred = next((c.code for c in self._clients if c.id == client), None)
        dialog = ImportOrdersDialog(self.ctx.tasks, self.ctx.actor, codes, preferred, self)
        dialog.imported.connect(self._on_import_dialog_imported)
        self._keep(dialog)
        dialog.open()
        return dialog

    def _on_import_dialog_imported(self, outcome: ImportOutcome) -> None:
        from app.ui.dialogs.import_orders import allocation_text

        report = outcome.report
        allocated, short = allocation_text(report)
        text = self.tr(
            "Imported %Ln order(s) from {file} ({already} already imported, "
            "{rejected} rejected).", "", len(report.orders_created)).format(
                file=outcome.file_name,
                already=f"{len(report.orders_already_imported):,}",
                rejected=f"{len(report.orders_rejected):,}")
        self.messages.show_message(join_sentences(text, allocated),
                                   Level.WARNING if short else Level.SUCCESS)
        self.refresh()

    def _keep(self, dialog: QDialog) -> None:
        """Hold a reference while the dialog is open; drop it when it closes."""
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _r: self._dialogs.remove(dialog)
                                if dialog in self._dialogs else None)

    # -- changes and state ---------------------------------------------------------------

    def on_changes(self, changes: Changes) -> None:
        if changes & Changes.ORGANISATION:
            self._load_lists()
        if changes & Changes.ORDERS:
            self.model.refresh_loaded()
            self._load_counts(self.model.query)

    def _save_header(self) -> None:
        self.ctx.ui_settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    def hideEvent(self, event: QHideEvent) -> None:
        self._save_header()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_header()
        if self._job is not None:
            self._job.cancel()
        super().closeEvent(event)
