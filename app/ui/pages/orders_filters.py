"""The Orders screen's filter bar: status tabs with counts, search, client, warehouse, days,
late only.

It owns the filter state and turns it into one :class:`OrderQuery`; the page reads
the list and the counts for it. Counts ignore the status filter, so a status change
is its own signal: the list starts over but the counts stay.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.states import OrderStatus
from app.services.dto import ClientInfo, WarehouseInfo
from app.services.orders import OrderQuery
from app.ui.models.orders import status_text
from app.ui.widgets.date_filter import OptionalDateEdit
from app.ui.widgets.wrap_row import WrapRow

SEARCH_DELAY_MS = 350
# Item data of the "All clients/warehouses" choices (ids start at 1; not None, see below).
ALL = 0


class OrderFilterBar(QWidget):
    """Status tabs above a wrapping row of search, client, warehouse and day filters."""

    #: A filter other than the status changed: the list and the counts start over.
    changed = Signal()
    #: Another status tab was chosen: the list starts over, the counts stay.
    status_changed = Signal()
    #: Enter in the search field (a scanner's Enter): search now, then expect the next scan.
    search_entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: dict[OrderStatus, int] = {}
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_filter_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)  # the page's spacing: tabs and filters look as if laid out there
        layout.addWidget(self._build_status_tabs())
        layout.addLayout(self._build_filter_row())

    # -- building ------------------------------------------------------------------------

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
        self.filter_row = WrapRow()
        self.filter_row.add(self._build_search(), 3)
        self.client_combo = self._combo(self.tr("Client"), self.tr("All clients"))
        self.filter_row.add(self.client_combo, 1)
        self.warehouse_combo = self._combo(self.tr("Warehouse"), self.tr("All warehouses"))
        self.filter_row.add(self.warehouse_combo, 1)
        self.filter_row.add(self._build_dates())
        self.late_button = QPushButton(self.tr("Late only"))
        self.late_button.setCheckable(True)
        self.late_button.setToolTip(self.tr(
            "Only orders still in the warehouse whose ship-by has passed"))
        self.late_button.toggled.connect(self._on_filter_changed)
        self.filter_row.add(self.late_button)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        self.filter_row.add(self.clear_button)
        return self.filter_row

    def _build_search(self) -> QLineEdit:
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
        return self.search

    def _combo(self, tip: str, all_text: str) -> QComboBox:
        combo = QComboBox()
        combo.setToolTip(tip)
        combo.addItem(all_text, ALL)
        combo.setMinimumContentsLength(12)
        combo.activated.connect(self._on_filter_changed)
        return combo

    def _build_dates(self) -> QWidget:
        """"From [day] to [day]" wraps as one piece: a label never ends a line without its box."""
        self.date_from = self._date_edit(self.tr("Ordered on or after this day"))
        self.date_to = self._date_edit(self.tr("Ordered on or before this day"))
        dates = QWidget()
        dates.setObjectName("OrderDates")
        pair = QHBoxLayout(dates)
        pair.setContentsMargins(0, 0, 0, 0)
        pair.setSpacing(6)
        pair.addWidget(QLabel(self.tr("From")))
        pair.addWidget(self.date_from)
        pair.addWidget(QLabel(self.tr("to")))
        pair.addWidget(self.date_to)
        return dates

    def _date_edit(self, tip: str) -> OptionalDateEdit:
        edit = OptionalDateEdit(self.tr("Any day"))
        edit.setToolTip(tip)
        edit.setMinimumWidth(120)
        edit.dateChanged.connect(self._on_filter_changed)
        return edit

    # -- the query -----------------------------------------------------------------------

    def query(self) -> OrderQuery:
        status = self.status()
        return OrderQuery(
            statuses=(status,) if status else (),
            client_id=self.client_combo.currentData() or None,
            warehouse_id=self.warehouse_combo.currentData() or None,
            date_from=self.date_from.day(),
            date_to=self.date_to.day(),
            search=self.search.text().strip(),
            late=self.late_button.isChecked(),
        )

    def status(self) -> OrderStatus | None:
        """The status tab shown (None: All)."""
        return self._tab_statuses[max(0, self.status_tabs.currentIndex())]

    def set_status(self, status: OrderStatus | None) -> None:
        """Show one status (None: all); the same as clicking its tab."""
        self.status_tabs.setCurrentIndex(self._tab_statuses.index(status))

    def set_client(self, client_id: int | None) -> None:
        self.client_combo.setCurrentIndex(max(0, self.client_combo.findData(client_id or 0)))
        self._on_filter_changed()

    def set_warehouse(self, warehouse_id: int | None) -> None:
        self.warehouse_combo.setCurrentIndex(
            max(0, self.warehouse_combo.findData(warehouse_id or 0)))
        self._on_filter_changed()

    def set_date_range(self, first: date | None, last: date | None) -> None:
        self.date_from.set_day(first)
        self.date_to.set_day(last)
        self._on_filter_changed()

    def set_late(self, late: bool) -> None:
        """Only the late orders (the Dashboard's tile), or all again."""
        self.late_button.setChecked(late)   # toggled: announced as ``changed``

    def clear(self) -> None:
        """Every filter off and the All tab, announced once as ``changed``."""
        self.late_button.blockSignals(True)
        self.late_button.setChecked(False)
        self.late_button.blockSignals(False)
        for combo in (self.client_combo, self.warehouse_combo):
            combo.setCurrentIndex(0)
        for edit in (self.date_from, self.date_to):
            edit.set_day(None)
        self.search.clear()
        self.status_tabs.blockSignals(True)
        self.status_tabs.setCurrentIndex(0)
        self.status_tabs.blockSignals(False)
        self._on_filter_changed()

    def stop_search_delay(self) -> None:
        """The list is being read now: a search still waiting for the typing to pause
        would only read it again."""
        self._search_timer.stop()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_filter_changed(self, *_args: object) -> None:
        self.changed.emit()

    def _on_status_tabs_current_changed(self, _index: int) -> None:
        self.status_changed.emit()

    def _on_search_return_pressed(self) -> None:
        self._search_timer.stop()
        self.search_entered.emit()

    # -- choices and counts --------------------------------------------------------------

    def set_lists(self, clients: list[ClientInfo], warehouses: list[WarehouseInfo]) -> None:
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

    def set_counts(self, counts: dict[OrderStatus, int]) -> None:
        """Orders per status for the other filters, shown on the tabs."""
        self._counts = counts
        self._update_tab_texts()

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
