"""The Orders screen: every order, filtered and searched, acted on in bulk, opened in detail.

It must stay smooth on a million orders, so the table model fetches a page at a
time (see :mod:`app.ui.models.orders`), counts per status come from one grouped
query, and nothing offers a sort that would have to read every row. Bulk actions
run as a job with one transaction per order, so Cancel between orders is safe and
one bad order never undoes the others.

The page composes the list with two widgets of their own: the filter bar
(:mod:`app.ui.pages.orders_filters`: status tabs and filters → one ``OrderQuery``)
and the action row (:mod:`app.ui.pages.orders_actions`: bulk actions and printing).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTableView

from app.domain.states import OrderStatus
from app.services.changes import Changes
from app.services.dto import ClientInfo, WarehouseInfo
from app.services.orders import OrderQuery, count_orders_by_status
from app.services.organisation import list_clients, list_warehouses
from app.ui.dialogs.order_detail import OrderDetailDialog
from app.ui.i18n import join_sentences
from app.ui.models.orders import Column, OrderTableModel
from app.ui.pages.base import Page, PageContext
from app.ui.pages.orders_actions import OrderActionBar
from app.ui.pages.orders_filters import OrderFilterBar
from app.ui.tasks import Task
from app.ui.widgets.message_bar import Level
from app.ui.widgets.tables import configure_table

if TYPE_CHECKING:
    from app.ui.dialogs.import_orders import ImportOrdersDialog, ImportOutcome


ROW_HEIGHT = 28
HEADER_KEY = "orders/header"

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
        self._counts_task: Task[dict[OrderStatus, int]] | None = None
        self._scan_pending = False
        self._dialogs: list[QDialog] = []
        self.model = OrderTableModel(ctx.tasks, self)

        body = self.body()
        body.addLayout(self._build_title_row())
        body.addWidget(self._build_filters())
        table = self._build_table()
        body.addWidget(self._build_actions(table))
        body.addWidget(table, 1)
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

    def _build_filters(self) -> OrderFilterBar:
        self.filter_bar = OrderFilterBar()
        self.filter_bar.changed.connect(self._apply_filters)
        self.filter_bar.status_changed.connect(self._on_filter_bar_status_changed)
        self.filter_bar.search_entered.connect(self._on_filter_bar_search_entered)
        return self.filter_bar

    def _build_actions(self, table: QTableView) -> OrderActionBar:
        self.action_bar = OrderActionBar(self.ctx, table, self.model, self.messages)
        self.action_bar.open_requested.connect(self.open_current)
        return self.action_bar

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
        return self.filter_bar.query()

    def set_status_filter(self, status: OrderStatus | None) -> None:
        """Show one status (None: all); the same as clicking its tab."""
        self.filter_bar.set_status(status)

    def show_tab(self, key: str) -> None:
        """A Dashboard tile's link: ``status:NAME`` shows the orders in that status,
        ``late`` the orders past their ship-by in every status."""
        if key == "late":
            self.set_status_filter(None)
            self.filter_bar.set_late(True)
            return
        name = key.removeprefix("status:")
        if name in {s.value for s in OrderStatus}:
            self.set_status_filter(OrderStatus(name))

    def set_client_filter(self, client_id: int | None) -> None:
        self.filter_bar.set_client(client_id)

    def set_warehouse_filter(self, warehouse_id: int | None) -> None:
        self.filter_bar.set_warehouse(warehouse_id)

    def set_date_range(self, first: date | None, last: date | None) -> None:
        self.filter_bar.set_date_range(first, last)

    def clear_filters(self) -> None:
        self.filter_bar.clear()

    def _on_filter_bar_status_changed(self) -> None:
        # Counts ignore the status filter, so only the list starts over.
        self.model.set_query(self.current_query())
        self._update_totals()

    def _on_filter_bar_search_entered(self) -> None:
        """A scanner types the code and presses Enter: search now, then get ready for the next."""
        self._scan_pending = bool(self.filter_bar.search.text().strip())
        self._apply_filters()

    def _apply_filters(self) -> None:
        self.filter_bar.stop_search_delay()
        query = self.current_query()
        self.model.set_query(query)
        self._load_counts(query)

    def focus_search(self) -> None:
        self.filter_bar.focus_search()

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
        self.filter_bar.set_lists(clients, warehouses)

    def _load_counts(self, query: OrderQuery) -> None:
        if self._counts_task is not None:
            self._counts_task.discard()
        self._counts_task = self.ctx.tasks.read(
            lambda s: count_orders_by_status(s, query),
            on_done=self._on_counts_loaded, on_error=self.show_error, owner=self,
        )

    def _on_counts_loaded(self, counts: dict[OrderStatus, int]) -> None:
        self._counts_task = None
        self.filter_bar.set_counts(counts)
        self._update_totals()

    def _update_totals(self) -> None:
        total = self.filter_bar.status_count(self.filter_bar.status())
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
        return texts[self.filter_bar.status()]

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
        self.action_bar.refresh_enabled()
        if self._scan_pending and not self.model.loading:
            self._scan_pending = False
            self._after_scan()

    def _after_scan(self) -> None:
        """One hit: select it. None: say so. Either way the field is ready for the next scan."""
        term = self.filter_bar.search.text().strip()
        if self.model.rowCount() == 1:
            self.table.selectRow(0)
            self.table.scrollToTop()
        elif self.model.rowCount() == 0:
            self.messages.show_message(
                self.tr("No order matches “{term}”.").format(term=term), Level.INFO)
        self.focus_search()

    def _on_model_loading_changed(self, loading: bool) -> None:
        self.loading_label.setText(self.tr("Loading…") if loading else "")

    # -- selection -----------------------------------------------------------------------

    def select_orders(self, numbers: Sequence[str]) -> None:
        """Select the loaded rows with these order numbers (for keyboard users and tests)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = (QItemSelectionModel.SelectionFlag.Select
                 | QItemSelectionModel.SelectionFlag.Rows)
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).number in numbers:
                selection.select(self.model.index(row, 0), flags)

    # -- detail and import ---------------------------------------------------------------

    def open_current(self) -> None:
        index = self.table.currentIndex()
        rows = self.action_bar.selected_rows()
        row = index.row() if index.isValid() else (rows[0] if rows else -1)
        if row >= 0:
            self.open_order(int(self.model.row_at(row).id))

    def open_order(self, order_id: int) -> OrderDetailDialog:
        dialog = OrderDetailDialog(self.ctx.tasks, order_id, self, actor=self.ctx.actor)
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

        client = self.current_query().client_id
        codes = [c.code for c in self._clients if c.active]
        preferred = next((c.code for c in self._clients if c.id == client), None)
        dialog = ImportOrdersDialog(self.ctx.tasks, self.ctx.actor, codes, preferred, self,
                                    settings=self.ctx.ui_settings)
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
        self.action_bar.cancel_job()
        super().closeEvent(event)
