"""Table models of the Orders screen: the lazy order list and the import problem list.

The order list may hold a million orders, so the model never asks for all of
them: it keeps the ids and rows fetched so far and asks the reader pool for the
next page (keyset paging, newest first) when the view scrolls near the end.
Display strings are built once when a page arrives, so ``data()`` is a tuple
lookup: no SQL, no formatting, during painting.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from sqlalchemy.orm import Session

from app.channels.files import RowProblem
from app.domain.errors import QT_TRANSLATE_NOOP  # typed (returns str); lupdate sees the name
from app.domain.ids import OrderId
from app.domain.states import OrderStatus
from app.services.dto import OrderRow
from app.services.orders import (
    OrderKey,
    OrderQuery,
    find_orders_by_number,
    list_order_keys,
    load_order_rows,
)
from app.ui.tasks import Task, TaskRunner
from app.ui.values import field_name_text

AnyIndex = QModelIndex | QPersistentModelIndex
# The root index as a default argument (one shared, never-valid instance).
_ROOT = QModelIndex()
PAGE_SIZE = 200
# Refreshing more loaded rows than this in place costs more than starting over.
REFRESH_IN_PLACE_LIMIT = 2000

_STATUS_NAMES: dict[OrderStatus, str] = {
    OrderStatus.NEW: QT_TRANSLATE_NOOP("OrderStatus", "New"),
    OrderStatus.ALLOCATED: QT_TRANSLATE_NOOP("OrderStatus", "Allocated"),
    OrderStatus.BACKORDERED: QT_TRANSLATE_NOOP("OrderStatus", "Backordered"),
    OrderStatus.ON_HOLD: QT_TRANSLATE_NOOP("OrderStatus", "On hold"),
    OrderStatus.PICKING: QT_TRANSLATE_NOOP("OrderStatus", "Picking"),
    OrderStatus.PACKED: QT_TRANSLATE_NOOP("OrderStatus", "Packed"),
    OrderStatus.SHIPPED: QT_TRANSLATE_NOOP("OrderStatus", "Shipped"),
    OrderStatus.IN_TRANSIT: QT_TRANSLATE_NOOP("OrderStatus", "In transit"),
    OrderStatus.DELIVERED: QT_TRANSLATE_NOOP("OrderStatus", "Delivered"),
    OrderStatus.CANCELLED: QT_TRANSLATE_NOOP("OrderStatus", "Cancelled"),
    OrderStatus.RETURNED: QT_TRANSLATE_NOOP("OrderStatus", "Returned"),
}

# Chip colours: calm for work in progress, amber/red for what needs a person.
STATUS_COLOURS: dict[OrderStatus, str] = {
    OrderStatus.NEW: "#2f6fed",
    OrderStatus.ALLOCATED: "#0e9384",
    OrderStatus.BACKORDERED: "#dc6803",
    OrderStatus.ON_HOLD: "#d92d20",
    OrderStatus.PICKING: "#7a5af8",
    OrderStatus.PACKED: "#6172f3",
    OrderStatus.SHIPPED: "#039855",
    OrderStatus.IN_TRANSIT: "#039855",
    OrderStatus.DELIVERED: "#667085",
    OrderStatus.CANCELLED: "#98a2b3",
    OrderStatus.RETURNED: "#98a2b3",
}


def status_text(status: OrderStatus | str) -> str:
    """The user's-language name of an order status (raw values never reach the screen)."""
    try:
        key = OrderStatus(status)
    except ValueError:
        return str(status)
    return QCoreApplication.translate("OrderStatus", _STATUS_NAMES[key])


def local_time(value: datetime | None, *, with_time: bool = True) -> str:
    """A UTC timestamp from the database shown in the PC's local time."""
    if value is None:
        return ""
    local = value.astimezone()
    return f"{local:%Y-%m-%d %H:%M}" if with_time else f"{local:%Y-%m-%d}"


class Column:
    """Column numbers of :class:`OrderTableModel` (fixed; the header state may reorder views)."""

    NUMBER, CLIENT, STATUS, ORDER_DATE, SHIP_BY, BUYER, PLACE, UNITS, WAREHOUSE, TRACKING = range(
        10
    )


_HEADERS = (
    QT_TRANSLATE_NOOP("OrderTableModel", "Order"),
    QT_TRANSLATE_NOOP("OrderTableModel", "Client"),
    QT_TRANSLATE_NOOP("OrderTableModel", "Status"),
    QT_TRANSLATE_NOOP("OrderTableModel", "Ordered"),
    QT_TRANSLATE_NOOP("OrderTableModel", "Ship by"),
    QT_TRANSLATE_NOOP("OrderTableModel", "Buyer"),
    QT_TRANSLATE_NOOP("OrderTableModel", "City / state"),
    QT_TRANSLATE_NOOP("OrderTableModel", "Units"),
    QT_TRANSLATE_NOOP("OrderTableModel", "Warehouse"),
    QT_TRANSLATE_NOOP("OrderTableModel", "Tracking"),
)


@dataclass(frozen=True)
class OrderPage:
    """One fetched page: the rows, and where the next page starts."""

    rows: list[OrderRow]
    last: OrderKey | None
    exhausted: bool


def fetch_order_page(
    session: Session, query: OrderQuery, after: OrderKey | None, limit: int
) -> OrderPage:
    """Reader-thread work for one page: keys (order date, id) by keyset, then the columns.

    The cursor is the last *key* listed, not the last row loaded, so an order deleted
    between the two queries cannot make the next page start in the wrong place. One key
    more than the page is asked for, so the end of the list is known without an empty
    extra read ("Showing all 4 orders" appears with the last page).
    """
    if query.search.strip() and after is None:
        found = find_orders_by_number(session, query, limit=limit + 1)
        if found:  # a scanned order or tracking number: one indexed statement
            tail = found[:limit][-1]
            return OrderPage(found[:limit], OrderKey(tail.order_date, tail.id),
                             len(found) <= limit)
    keys = list_order_keys(session, query, after=after, limit=limit + 1)
    more = len(keys) > limit  # one key past the page says whether another page exists
    keys = keys[:limit]
    rows = load_order_rows(session, [k.id for k in keys])
    return OrderPage(rows, keys[-1] if keys else after, not more)


def _display(row: OrderRow) -> tuple[str, ...]:
    place = f"{row.city}, {row.state}" if row.city else row.state
    return (
        row.number, row.client_code, status_text(row.status), local_time(row.order_date),
        local_time(row.ship_by, with_time=False), row.buyer_name, place, f"{row.units:,}",
        row.warehouse_code or "", row.tracking_number or "",
    )


class OrderTableModel(QAbstractTableModel):
    """All orders matching a query, newest first, fetched a page at a time off the GUI thread.

    ``canFetchMore``/``fetchMore`` start one read at a time (a second call while a page
    is on its way does nothing). A new query discards the page in flight, so a late
    answer to an old filter never lands in the new list.
    """

    # True while a page is being read.
    loading_changed = Signal(bool)
    # A page arrived and was appended (or rows were refreshed): the view may update counts.
    rows_loaded = Signal()
    # A read failed; the page shows it next to the table.
    failed = Signal(object)

    def __init__(self, tasks: TaskRunner, owner: QObject | None = None,
                 page_size: int = PAGE_SIZE) -> None:
        super().__init__(owner)
        self._tasks = tasks
        self._owner = owner
        self._page_size = page_size
        self._query = OrderQuery()
        self._rows: list[OrderRow] = []
        self._display: list[tuple[str, ...]] = []
        self._positions: dict[int, int] = {}
        self._last: OrderKey | None = None
        self._exhausted = False
        self._pending: Task[Any] | None = None
        self._loading = False
        self._generation = 0
        self._started = False
        self._colours = {s: QColor(c) for s, c in STATUS_COLOURS.items()}

    # -- the query ---------------------------------------------------------------------

    @property
    def query(self) -> OrderQuery:
        return self._query

    def set_query(self, query: OrderQuery) -> None:
        """Show ``query``'s orders from the first page; anything in flight is dropped."""
        self._query = query
        self.reload()

    def reload(self) -> None:
        """Start over from the newest order (after a filter change, an import, Refresh)."""
        self._drop_pending()
        self.beginResetModel()
        self._rows, self._display, self._positions = [], [], {}
        self._last = None
        self._exhausted = False
        self._started = True
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def refresh_loaded(self) -> None:
        """Re-read the rows already shown (statuses after an action) without losing the place.

        Rows stay even if they no longer match the filter: they do not vanish under the
        clerk's cursor; the next filter change or Refresh drops them.
        """
        if len(self._rows) > REFRESH_IN_PLACE_LIMIT:
            self.reload()
            return
        ids = [int(r.id) for r in self._rows]
        if not ids:
            self.reload()
            return
        generation = self._generation
        self._tasks.read(lambda s: load_order_rows(s, ids),
                         on_done=lambda rows: self._on_refreshed(generation, rows),
                         on_error=self.failed.emit, owner=self._owner)

    # -- lazy fetching -----------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    def canFetchMore(self, parent: AnyIndex = _ROOT) -> bool:
        return (not parent.isValid() and self._started and not self._exhausted
                and not self._loading)

    def fetchMore(self, parent: AnyIndex = _ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        query, after, limit = self._query, self._last, self._page_size
        generation = self._generation

        def fetch(session: Session) -> OrderPage:
            return fetch_order_page(session, query, after, limit)

        self._loading = True
        self.loading_changed.emit(True)
        task: Task[OrderPage] = self._tasks.read(
            fetch,
            on_done=lambda page: self._on_page(generation, page),
            on_error=lambda exc: self._on_page_error(generation, exc),
            owner=self._owner,
        )
        if self._loading:  # still on its way (an inline runner has delivered it already)
            self._pending = task

    def _on_page(self, generation: int, page: OrderPage) -> None:
        if generation != self._generation:
            return
        self._finish_loading()
        self._last = page.last
        self._exhausted = page.exhausted
        fresh = [r for r in page.rows if int(r.id) not in self._positions]
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for offset, row in enumerate(fresh):
                self._positions[int(row.id)] = first + offset
                self._rows.append(row)
                self._display.append(_display(row))
            self.endInsertRows()
        self.rows_loaded.emit()

    def _on_page_error(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._finish_loading()
        self._exhausted = True  # stop the view from retrying in a loop; Refresh starts over
        self.failed.emit(error)

    def _finish_loading(self) -> None:
        self._pending = None
        if self._loading:
            self._loading = False
            self.loading_changed.emit(False)

    def _drop_pending(self) -> None:
        """Forget the page in flight: its answer belongs to a query no longer shown."""
        self._generation += 1
        if self._pending is not None:
            self._pending.discard()
        self._finish_loading()

    def _on_refreshed(self, generation: int, rows: list[OrderRow]) -> None:
        if generation != self._generation:
            return
        for row in rows:
            pos = self._positions.get(int(row.id))
            if pos is None:
                continue
            self._rows[pos] = row
            self._display[pos] = _display(row)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(_HEADERS) - 1))
        self.rows_loaded.emit()

    # -- reading rows ------------------------------------------------------------------

    def row_at(self, row: int) -> OrderRow:
        return self._rows[row]

    def order_ids(self, rows: Sequence[int]) -> list[OrderId]:
        return [self._rows[r].id for r in rows if 0 <= r < len(self._rows)]

    def row_of(self, order_id: int) -> int | None:
        return self._positions.get(int(order_id))

    # -- QAbstractTableModel -----------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(_HEADERS)):
            return QCoreApplication.translate("OrderTableModel", _HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display[row][col]
        if role == Qt.ItemDataRole.UserRole:
            return int(self._rows[row].id)
        if role == Qt.ItemDataRole.DecorationRole and col == Column.STATUS:
            return self._colours.get(self._rows[row].status)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Column.UNITS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == Column.STATUS:
            return order_note_text(self._rows[row].hold_reason) or None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# --- the import preview ------------------------------------------------------------------


def import_text(template: str, params: Mapping[str, Any], english: str) -> str:
    """An import problem or notice in the user's language (``imports`` translation context).

    The reader keeps English templates with named parameters (it is Qt-free); the text
    is looked up here and falls back to ``english`` if a translation lost a placeholder.
    """
    if isinstance(params.get("column"), str):
        params = {**params, "column": field_name_text(params["column"])}
    try:
        return QCoreApplication.translate("imports", template).format(**params)
    except (KeyError, IndexError, ValueError):
        return english


_PROBLEM_HEADERS = (
    QT_TRANSLATE_NOOP("ImportProblemsModel", "Line"),
    QT_TRANSLATE_NOOP("ImportProblemsModel", "Order"),
    QT_TRANSLATE_NOOP("ImportProblemsModel", "Field"),
    QT_TRANSLATE_NOOP("ImportProblemsModel", "Problem"),
)


class ImportProblemsModel(QAbstractTableModel):
    """Every bad row of an import preview with its reason; a model, so 50,000 bad rows scroll."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: tuple[RowProblem, ...] = ()
        self._reasons: list[str] = []

    def set_problems(self, problems: Sequence[RowProblem]) -> None:
        self.beginResetModel()
        self._problems = tuple(problems)
        self._reasons = [import_text(p.template, p.params, p.reason) for p in self._problems]
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(_PROBLEM_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(_PROBLEM_HEADERS)):
            return QCoreApplication.translate("ImportProblemsModel", _PROBLEM_HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._problems):
            return None
        problem = self._problems[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (str(problem.line), problem.order_number or "",
                    field_name_text(problem.field or ""),
                    self._reasons[index.row()])[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def order_note_text(note: str | None) -> str:
    """A hold reason or history note in the user's language: the ones the system writes are
    translated by their English text; what a person typed is shown as typed (no translation
    matches it)."""
    return QCoreApplication.translate("OrderNotes", note) if note else ""
