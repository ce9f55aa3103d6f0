"""The Inventory screen: stock by SKU and by bin, the ledger of moves, and the scan panel.

Tables are filled by background reads and hold plain rows; the ledger below
follows the selected SKU or bin; the panel on the right receives, moves and
adjusts stock. After any stock change (ours or another screen's) the tables
reload, keeping the selected row.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app.services.changes import Changes
from app.services.dto import BinStockRow, ClientInfo, MoveInfo, StockRow, WarehouseInfo
from app.services.inventory import list_moves, stock_by_bin, stock_by_sku
from app.services.organisation import list_clients, list_warehouses
from app.ui.dialogs.stock_panel import StockActionPanel
from app.ui.models.inventory import (
    SORT_ROLE,
    MovesModel,
    RowsModel,
    StockByBinModel,
    StockBySkuModel,
)
from app.ui.pages.base import Page, PageContext
from app.ui.tasks import Task
from app.ui.widgets.tables import configure_table
from app.ui.widgets.wrap_row import WrapRow, labelled

LEDGER_LIMIT = 500
SEARCH_DELAY_MS = 300
SKU_TAB, BIN_TAB = 0, 1

T = TypeVar("T")


@dataclass(frozen=True)
class Filters:
    """What the clerk asked to see; copied into background tasks as plain values."""

    warehouse: str | None
    client: str | None
    sku: str
    bin: str


@dataclass(frozen=True)
class Organisation:
    warehouses: list[WarehouseInfo]
    clients: list[ClientInfo]


def load_organisation(session: Session) -> Organisation:
    return Organisation(list_warehouses(session), list_clients(session))


def _sku_matches(code: str, names: tuple[str, ...], needle: str, exact: AbstractSet[int],
                 sku_id: int) -> bool:
    return sku_id in exact or needle in code.lower() or any(needle in n.lower() for n in names)


def load_stock_by_sku(session: Session, f: Filters) -> list[StockRow]:
    """Rows for the filters; the search box matches part of a code or name, or a barcode."""
    rows = stock_by_sku(session, warehouse_code=f.warehouse, client_code=f.client)
    needle = f.sku.strip().lower()
    if not needle:
        return rows
    exact = {r.sku_id for r in stock_by_sku(session, sku_code=f.sku, warehouse_code=f.warehouse,
                                              client_code=f.client)}
    return [r for r in rows if _sku_matches(r.sku_code, (r.name_en, r.name_zh or ""), needle,
                                            exact, r.sku_id)]


def load_stock_by_bin(session: Session, f: Filters) -> list[BinStockRow]:
    """Rows for the filters; a bin filter matches a prefix, so "A-01" shows the whole bay."""
    rows = stock_by_bin(session, warehouse_code=f.warehouse)
    needle, prefix = f.sku.strip().lower(), f.bin.strip().upper()
    exact: AbstractSet[int] = set()
    if needle:
        exact = {r.sku_id for r in stock_by_bin(session, warehouse_code=f.warehouse,
                                                sku_code=f.sku)}
    return [
        r for r in rows
        if (not f.client or r.client_code == f.client)
        and (not prefix or r.bin_code.startswith(prefix))
        and (not needle or _sku_matches(r.sku_code, (), needle, exact, r.sku_id))
    ]


def _table(model: RowsModel) -> tuple[QTableView, QSortFilterProxyModel]:
    """A read-only, sortable table with fixed row heights (cheap on big lists)."""
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view = configure_table(QTableView())
    view.setModel(proxy)
    view.setSortingEnabled(True)
    return view, proxy


class InventoryPage(Page):
    """Stock by SKU / by bin, the moves behind it, and receive / move / adjust."""

    listens_to = Changes.STOCK | Changes.CATALOG | Changes.ORGANISATION

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx)
        self._tasks: dict[str, Task[Any]] = {}
        self._stale = {SKU_TAB, BIN_TAB}
        self._selected_sku: tuple[int, str] | None = None  # sku id, warehouse
        self._selected_bin: tuple[int, int] | None = None  # bin id, sku id
        self._layout_restored = False
        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self._load_organisation()
        self.reload()

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Inventory"))
        title.setObjectName("PageTitle")
        filters = self._build_filter_row()
        self._build_tables()
        split = self._build_splits(self._build_stock_tabs(), self._build_ledger())
        body = self.body()
        body.addWidget(title)
        body.addLayout(filters)
        body.addWidget(split, 1)
        self._connect_controls()

    def _build_filter_row(self) -> WrapRow:
        self.warehouse_filter = QComboBox()
        self.warehouse_filter.addItem(self.tr("All warehouses"), None)
        self.client_filter = QComboBox()
        self.client_filter.addItem(self.tr("All clients"), None)
        for combo in (self.warehouse_filter, self.client_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(11)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("SKU, name or barcode (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.bin_filter = QLineEdit()
        self.bin_filter.setPlaceholderText(self.tr("Bin or its start, e.g. A-01"))
        self.bin_filter.setClearButtonEnabled(True)
        self.bin_filter.setMinimumWidth(120)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the stock again (F5)"))
        self.refresh_button.setShortcut("F5")
        self.count_label = QLabel()
        self.count_label.setObjectName("Muted")
        # Wraps onto a second line in a narrow window rather than drawing widgets over one
        # another; each label stays with its box.
        self.filter_row = filters = WrapRow()
        filters.add(labelled(self.tr("Warehouse"), self.warehouse_filter))
        filters.add(labelled(self.tr("Client"), self.client_filter))
        filters.add(self.search, 2)
        self.bin_filter_group = labelled(self.tr("Bin"), self.bin_filter)
        filters.add(self.bin_filter_group, 1)
        filters.add(self.refresh_button)
        filters.add(self.count_label)
        return filters

    def _build_tables(self) -> None:
        """The three models and their sortable tables (stock by SKU, by bin, the moves)."""
        self.sku_model = StockBySkuModel(
            self, chinese_names=self.ctx.app.settings.language == "zh_CN")
        self.bin_model = StockByBinModel(self)
        self.moves_model = MovesModel(self)
        self.sku_table, self.sku_proxy = _table(self.sku_model)
        self.bin_table, self.bin_proxy = _table(self.bin_model)
        self.moves_table, self.moves_proxy = _table(self.moves_model)
        self.moves_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.moves_table.sortByColumn(MovesModel.WHEN, Qt.SortOrder.DescendingOrder)
        for view in (self.sku_table, self.bin_table):
            view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self._default_widths()

    def _build_stock_tabs(self) -> QWidget:
        """Stock by SKU and by bin as tabs, with the legend saying what Available means."""
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.sku_table, self.tr("Stock by SKU"))
        self.tabs.addTab(self.bin_table, self.tr("Stock by bin"))
        self.legend = QLabel(self.tr(
            "Available = on hand − reserved, counted only in pick and storage bins. "
            "Stock in receiving, staging, returns and damaged bins is on hand but not "
            "available; it is shown in amber."
        ))
        self.legend.setObjectName("Muted")
        self.legend.setWordWrap(True)
        stock = QWidget()
        stock_layout = QVBoxLayout(stock)
        stock_layout.setContentsMargins(0, 0, 0, 0)
        stock_layout.addWidget(self.tabs, 1)
        stock_layout.addWidget(self.legend)
        return stock

    def _build_ledger(self) -> QWidget:
        """The moves of the selected SKU or bin, under its title."""
        self.ledger_title = QLabel()
        self.ledger_title.setStyleSheet("font-weight: 600;")
        ledger = QWidget()
        ledger_layout = QVBoxLayout(ledger)
        ledger_layout.setContentsMargins(0, 4, 0, 0)
        ledger_layout.addWidget(self.ledger_title)
        ledger_layout.addWidget(self.moves_table, 1)
        return ledger

    def _build_splits(self, stock: QWidget, ledger: QWidget) -> QSplitter:
        """Stock over the ledger on the left, the stock action panel on the right."""
        self.left_split = QSplitter(Qt.Orientation.Vertical)
        self.left_split.addWidget(stock)
        self.left_split.addWidget(ledger)
        self.left_split.setStretchFactor(0, 3)
        self.left_split.setStretchFactor(1, 2)
        self.left_split.setChildrenCollapsible(False)

        self.panel = StockActionPanel(self.ctx)
        self.panel.setMinimumWidth(320)
        self.panel.setMaximumWidth(440)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.left_split)
        self.split.addWidget(self.panel)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        self.split.setChildrenCollapsible(False)
        return self.split

    def _connect_controls(self) -> None:
        self.warehouse_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.client_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.search.textEdited.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.reload)
        self.bin_filter.textEdited.connect(lambda _t: self._search_timer.start())
        self.bin_filter.returnPressed.connect(self.reload)
        self.refresh_button.clicked.connect(self.reload)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.sku_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._on_sku_row_changed(current))
        self.bin_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._on_bin_row_changed(current))
        self._update_filter_state()
        self._show_ledger_title()

    def _default_widths(self) -> None:
        """Widths that fit 1366 px with the panel open; the numbers never get cut off."""
        widths = {
            self.sku_table: [86, 130, 200, 90, 80, 80, 80],
            self.bin_table: [90, 100, 140, 86, 120, 80, 80, 96],
            self.moves_table: [128, 90, 110, 70, 90, 90, 80, 100, 90, 120],
        }
        for view, sizes in widths.items():
            for column, size in enumerate(sizes):
                view.horizontalHeader().resizeSection(column, size)
        # The name takes what is left, so On hand / Reserved / Available stay in view.
        header = self.sku_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(StockBySkuModel.NAME, QHeaderView.ResizeMode.Stretch)

    # -- public ------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def on_changes(self, changes: Changes) -> None:
        if changes & (Changes.ORGANISATION | Changes.CATALOG):
            self._load_organisation()
            self.panel.reload_bins()
        self._stale = {SKU_TAB, BIN_TAB}
        self.reload()

    def filters(self) -> Filters:
        return Filters(
            warehouse=self.warehouse_filter.currentData(),
            client=self.client_filter.currentData(),
            sku=self.search.text().strip(),
            bin=self.bin_filter.text().strip(),
        )

    def reload(self) -> None:
        """Read the visible table again with the current filters, then its ledger."""
        self._search_timer.stop()
        self._stale = {SKU_TAB, BIN_TAB}
        self._reload_current()

    # -- loading -------------------------------------------------------------------------

    def _run_read(self, key: str, fn: Callable[[Session], T],
                  on_done: Callable[[T], None]) -> None:
        """Start a read, dropping an older one of the same kind still on its way."""
        old = self._tasks.get(key)
        if old is not None:
            old.discard()
        self._tasks[key] = self.ctx.tasks.read(fn, on_done=on_done, owner=self)

    def _load_organisation(self) -> None:
        self._run_read("organisation", load_organisation, self._on_organisation_loaded)

    def _on_organisation_loaded(self, org: Organisation) -> None:
        for combo, items in (
            (self.warehouse_filter, [(w.code, f"{w.code} — {w.name}") for w in org.warehouses]),
            (self.client_filter, [(c.code, f"{c.code} — {c.name}") for c in org.clients]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for code, text in items:
                combo.addItem(text, code)
            index = combo.findData(current)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)
        self.panel.set_warehouses(org.warehouses)

    def _reload_current(self) -> None:
        tab = self.tabs.currentIndex()
        self._stale.discard(tab)
        f = self.filters()
        if tab == SKU_TAB:
            self._run_read("stock", lambda s: load_stock_by_sku(s, f), self._on_sku_rows)
        else:
            self._run_read("stock", lambda s: load_stock_by_bin(s, f), self._on_bin_rows)

    def _on_sku_rows(self, rows: list[StockRow]) -> None:
        self.sku_model.set_rows(rows)
        keys = [(r.sku_id, r.warehouse_code) for r in rows]
        if not self._restore_selection(self.sku_table, self.sku_proxy, keys, self._selected_sku):
            self._selected_sku = None
        self._show_count(len(rows))
        self._reload_ledger()

    def _on_bin_rows(self, rows: list[BinStockRow]) -> None:
        self.bin_model.set_rows(rows)
        keys = [(r.bin_id, r.sku_id) for r in rows]
        if not self._restore_selection(self.bin_table, self.bin_proxy, keys, self._selected_bin):
            self._selected_bin = None
        self._show_count(len(rows))
        self._reload_ledger()

    def _restore_selection(self, view: QTableView, proxy: QSortFilterProxyModel,
                           keys: Sequence[Hashable], wanted: Hashable | None) -> bool:
        """Keep the clerk's row selected across reloads (the ledger depends on it)."""
        if wanted is None or wanted not in keys:
            return False
        source = proxy.sourceModel().index(list(keys).index(wanted), 0)
        index = proxy.mapFromSource(source)
        view.selectionModel().blockSignals(True)
        view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        view.selectionModel().blockSignals(False)
        return True

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("Rows: {count}").format(count=self._locale_number(count)))

    @staticmethod
    def _locale_number(value: int) -> str:
        return QLocale().toString(value)

    def _reload_ledger(self) -> None:
        sku_id, bin_id = self._ledger_target()
        if sku_id is None and bin_id is None:
            self.moves_model.set_rows([])
            self._show_ledger_title()
            return
        self._run_read(
            "ledger",
            lambda s: list_moves(s, sku_id=sku_id, bin_id=bin_id, limit=LEDGER_LIMIT),
            self._on_moves,
        )

    def _ledger_target(self) -> tuple[int | None, int | None]:
        if self.tabs.currentIndex() == SKU_TAB:
            return (self._selected_sku[0], None) if self._selected_sku else (None, None)
        return (None, self._selected_bin[0]) if self._selected_bin else (None, None)

    def _on_moves(self, moves: list[MoveInfo]) -> None:
        self.moves_model.set_rows(moves)
        self._show_ledger_title(len(moves))

    def _show_ledger_title(self, count: int | None = None) -> None:
        text = self.tr("Moves: select a SKU or a bin above to see who moved what, when and why.")
        if self.tabs.currentIndex() == SKU_TAB and self._selected_sku is not None:
            row = self._current_sku_row()
            if row is not None:
                text = self.tr("Moves of {sku} ({client}), all warehouses").format(
                    sku=row.sku_code, client=row.client_code)
        elif self.tabs.currentIndex() == BIN_TAB and self._selected_bin is not None:
            bin_row = self._current_bin_row()
            if bin_row is not None:
                text = self.tr("Moves in bin {bin} ({warehouse}), all SKUs").format(
                    bin=bin_row.bin_code, warehouse=bin_row.warehouse_code)
        if count is not None and count >= LEDGER_LIMIT:
            text += " " + self.tr("— newest {count} shown").format(count=LEDGER_LIMIT)
        self.ledger_title.setText(text)

    def _current_sku_row(self) -> StockRow | None:
        index = self.sku_proxy.mapToSource(self.sku_table.currentIndex())
        return self.sku_model.row(index.row()) if index.isValid() else None

    def _current_bin_row(self) -> BinStockRow | None:
        index = self.bin_proxy.mapToSource(self.bin_table.currentIndex())
        return self.bin_model.row(index.row()) if index.isValid() else None

    # -- reacting ------------------------------------------------------------------------

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._update_filter_state()
        if self.tabs.currentIndex() in self._stale:
            self._reload_current()
        else:
            self._reload_ledger()
        self._show_ledger_title()

    def _update_filter_state(self) -> None:
        """The bin filter only means something for stock by bin; hide it elsewhere."""
        by_bin = self.tabs.currentIndex() == BIN_TAB
        self.bin_filter_group.setVisible(by_bin)

    def _on_sku_row_changed(self, current: QModelIndex) -> None:
        row = self._current_sku_row() if current.isValid() else None
        self._selected_sku = (row.sku_id, row.warehouse_code) if row else None
        self._reload_ledger()

    def _on_bin_row_changed(self, current: QModelIndex) -> None:
        row = self._current_bin_row() if current.isValid() else None
        self._selected_bin = (row.bin_id, row.sku_id) if row else None
        self._reload_ledger()

    # -- layout memory -------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._layout_restored:
            self._layout_restored = True
            self._restore_layout()
        self.panel.focus_first()

    def hideEvent(self, event: QHideEvent) -> None:
        self._save_layout()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_layout()
        super().closeEvent(event)

    def _layout_items(self) -> dict[str, QHeaderView | QSplitter]:
        return {
            "inventory/sku_header": self.sku_table.horizontalHeader(),
            "inventory/bin_header": self.bin_table.horizontalHeader(),
            "inventory/moves_header": self.moves_table.horizontalHeader(),
            "inventory/split": self.split,
            "inventory/left_split": self.left_split,
        }

    def _save_layout(self) -> None:
        if not self._layout_restored:
            return  # never overwrite a saved layout with one that was not shown
        settings = self.ctx.ui_settings
        for key, item in self._layout_items().items():
            settings.setValue(key, item.saveState())
        settings.setValue("inventory/tab", self.tabs.currentIndex())

    def _restore_layout(self) -> None:
        settings = self.ctx.ui_settings
        for key, item in self._layout_items().items():
            state = settings.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                item.restoreState(state)
        if not settings.contains("inventory/split"):
            self.split.setSizes([max(self.width() - 360, 600), 360])
        tab = settings.value("inventory/tab", SKU_TAB)
        if str(tab) == str(BIN_TAB):
            self.tabs.setCurrentIndex(BIN_TAB)
