"""Table models of the Inventory screen: stock by SKU, stock by bin, and the move ledger.

Each model holds the DTO rows a background task fetched, nothing else: ``data()``
only formats values already in memory (no SQL, no lookups), so scrolling stays
smooth however slow the database is. Display names of bin types, move kinds and
adjustment reasons are translated once per model, because the window is rebuilt
when the language changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.domain.states import SELLABLE_BIN_TYPES, AdjustReason, BinType, MoveKind
from app.services.dto import BinStockRow, MoveInfo, StockRow

# Role carrying a raw, sortable value (numbers as numbers, times as times).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ROOT = QModelIndex()
_MUTED = QBrush(QColor("#8a5a00"))


def bin_type_names() -> dict[str, str]:
    """Translated bin type names, keyed by the stored value."""
    return {
        BinType.STORAGE.value: QCoreApplication.translate("BinTypes", "Storage"),
        BinType.PICK.value: QCoreApplication.translate("BinTypes", "Pick"),
        BinType.STAGING.value: QCoreApplication.translate("BinTypes", "Staging"),
        BinType.RECEIVING.value: QCoreApplication.translate("BinTypes", "Receiving"),
        BinType.RETURNS.value: QCoreApplication.translate("BinTypes", "Returns"),
        BinType.DAMAGED.value: QCoreApplication.translate("BinTypes", "Damaged"),
        BinType.QUARANTINE.value: QCoreApplication.translate("BinTypes", "Quarantine"),
    }


def move_kind_names() -> dict[str, str]:
    return {
        MoveKind.RECEIPT.value: QCoreApplication.translate("MoveKinds", "Receipt"),
        MoveKind.TRANSFER.value: QCoreApplication.translate("MoveKinds", "Transfer"),
        MoveKind.ADJUSTMENT.value: QCoreApplication.translate("MoveKinds", "Adjustment"),
        MoveKind.PICK.value: QCoreApplication.translate("MoveKinds", "Pick"),
        MoveKind.SHIPMENT.value: QCoreApplication.translate("MoveKinds", "Shipment"),
        MoveKind.RETURN.value: QCoreApplication.translate("MoveKinds", "Return"),
    }


def adjust_reason_names() -> dict[str, str]:
    return {
        AdjustReason.COUNT.value: QCoreApplication.translate("AdjustReasons", "Cycle count"),
        AdjustReason.DAMAGED.value: QCoreApplication.translate("AdjustReasons", "Damaged"),
        AdjustReason.LOST.value: QCoreApplication.translate("AdjustReasons", "Lost"),
        AdjustReason.FOUND.value: QCoreApplication.translate("AdjustReasons", "Found"),
        AdjustReason.EXPIRED.value: QCoreApplication.translate("AdjustReasons", "Expired"),
        AdjustReason.CORRECTION.value: QCoreApplication.translate(
            "AdjustReasons", "Data correction"),
    }


def local_time(value: datetime | None, with_time: bool = True) -> str:
    """A UTC time from the database as this PC's local time (clerks think in local time)."""
    if value is None:
        return ""
    return value.astimezone().strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")


class RowsModel(QAbstractTableModel):
    """Rows of plain DTOs shown read-only; subclasses say how one cell looks."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._locale = QLocale()

    # -- subclass hooks --------------------------------------------------------------

    def headers(self) -> list[str]:
        raise NotImplementedError

    def numeric_columns(self) -> frozenset[int]:
        return frozenset()

    def display(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, row: Any, column: int) -> Any:
        return self.display(row, column)

    def tool_tip(self, row: Any, column: int) -> str | None:
        return None

    def foreground(self, row: Any, column: int) -> QBrush | None:
        return None

    def header_tool_tip(self, column: int) -> str | None:
        return None

    # -- Qt model API ----------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.headers()):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == SORT_ROLE:
            return self.sort_value(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in self.numeric_columns() else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tool_tip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers()):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tool_tip(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in self.numeric_columns() else _LEFT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _number(self, value: int) -> str:
        return self._locale.toString(value)


class StockBySkuModel(RowsModel):
    """One row per SKU and warehouse: on hand, reserved, available."""

    CLIENT, SKU, NAME, WAREHOUSE, ON_HAND, RESERVED, AVAILABLE = range(7)

    def __init__(self, parent: QObject | None = None, *, chinese_names: bool = False) -> None:
        super().__init__(parent)
        self._chinese = chinese_names
        self._headers = [
            self.tr("Client"), self.tr("SKU"), self.tr("Name"), self.tr("Warehouse"),
            self.tr("On hand"), self.tr("Reserved"), self.tr("Available"),
        ]

    def headers(self) -> list[str]:
        return self._headers

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.ON_HAND, self.RESERVED, self.AVAILABLE})

    def row(self, index: int) -> StockRow:
        row: StockRow = self._rows[index]
        return row

    def name(self, r: StockRow) -> str:
        return (r.name_zh or r.name_en) if self._chinese else r.name_en

    def display(self, row: Any, column: int) -> str:
        r: StockRow = row
        if column == self.CLIENT:
            return r.client_code
        if column == self.SKU:
            return r.sku_code
        if column == self.NAME:
            return self.name(r)
        if column == self.WAREHOUSE:
            return r.warehouse_code
        return self._number(self._quantity(r, column))

    def _quantity(self, r: StockRow, column: int) -> int:
        return {self.ON_HAND: r.on_hand, self.RESERVED: r.reserved}.get(column, r.available)

    def sort_value(self, row: Any, column: int) -> Any:
        if column in self.numeric_columns():
            return self._quantity(row, column)
        return self.display(row, column)

    def tool_tip(self, row: Any, column: int) -> str | None:
        r: StockRow = row
        if column == self.NAME:
            return self.name(r)
        if column != self.AVAILABLE:
            return None
        blocked = r.on_hand - r.reserved - r.available
        if blocked <= 0:
            return self.tr("On hand minus reserved, all in pick and storage bins.")
        return self.tr(
            "%Ln unit(s) in receiving, staging, returns or damaged bins cannot be sold "
            "until moved to a pick or storage bin.", "", blocked)

    def foreground(self, row: Any, column: int) -> QBrush | None:
        r: StockRow = row
        if column == self.AVAILABLE and r.available < r.on_hand - r.reserved:
            return _MUTED
        return None

    def header_tool_tip(self, column: int) -> str | None:
        if column == self.AVAILABLE:
            return self.tr(
                "Units free to sell: on hand minus reserved, counting only pick and "
                "storage bins. Stock in receiving, staging, returns or damaged bins "
                "is on hand but not available."
            )
        if column == self.RESERVED:
            return self.tr("Units locked in bins for allocated orders.")
        return None


class StockByBinModel(RowsModel):
    """One row per bin and SKU with stock; non-sellable bins are marked."""

    WAREHOUSE, BIN, TYPE, CLIENT, SKU, ON_HAND, RESERVED, RECEIVED = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._types = bin_type_names()
        self._headers = [
            self.tr("Warehouse"), self.tr("Bin"), self.tr("Type"), self.tr("Client"),
            self.tr("SKU"), self.tr("On hand"), self.tr("Reserved"), self.tr("Received"),
        ]

    def headers(self) -> list[str]:
        return self._headers

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.ON_HAND, self.RESERVED})

    def row(self, index: int) -> BinStockRow:
        row: BinStockRow = self._rows[index]
        return row

    @staticmethod
    def sellable(r: BinStockRow) -> bool:
        return r.bin_type in {t.value for t in SELLABLE_BIN_TYPES}

    def display(self, row: Any, column: int) -> str:
        r: BinStockRow = row
        if column == self.TYPE:
            name = self._types.get(r.bin_type, r.bin_type)
            return name if self.sellable(r) else self.tr("{type} (not sellable)").format(
                type=name
            )
        if column == self.ON_HAND:
            return self._number(r.on_hand)
        if column == self.RESERVED:
            return self._number(r.reserved)
        if column == self.RECEIVED:
            return local_time(r.received_at, with_time=False)
        return {
            self.WAREHOUSE: r.warehouse_code, self.BIN: r.bin_code,
            self.CLIENT: r.client_code, self.SKU: r.sku_code,
        }[column]

    def sort_value(self, row: Any, column: int) -> Any:
        r: BinStockRow = row
        if column == self.ON_HAND:
            return r.on_hand
        if column == self.RESERVED:
            return r.reserved
        if column == self.RECEIVED:
            return local_time(r.received_at)
        return self.display(row, column)

    def tool_tip(self, row: Any, column: int) -> str | None:
        r: BinStockRow = row
        if column == self.TYPE and not self.sellable(r):
            return self.tr(
                "Stock in this bin counts as on hand but not as available: "
                "move it to a pick or storage bin to sell it."
            )
        if column == self.RECEIVED:
            return local_time(r.received_at) or None
        return None

    def foreground(self, row: Any, column: int) -> QBrush | None:
        return None if self.sellable(row) else _MUTED

    def header_tool_tip(self, column: int) -> str | None:
        if column == self.TYPE:
            return self.tr("Only pick and storage bins hold sellable (available) stock.")
        if column == self.RECEIVED:
            return self.tr("When the oldest units still in this bin arrived (first in, first out).")
        return None


class MovesModel(RowsModel):
    """The ledger: who moved what, where from, where to, when and why."""

    WHEN, KIND, SKU, WAREHOUSE, FROM, TO, QUANTITY, REASON, ACTOR, REFERENCE = range(10)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kinds = move_kind_names()
        self._reasons = adjust_reason_names()
        self._headers = [
            self.tr("When"), self.tr("Kind"), self.tr("SKU"), self.tr("Warehouse"),
            self.tr("From bin"),
            self.tr("To bin"), self.tr("Quantity"), self.tr("Reason"), self.tr("By"),
            self.tr("Reference"),
        ]

    def headers(self) -> list[str]:
        return self._headers

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.QUANTITY})

    def row(self, index: int) -> MoveInfo:
        row: MoveInfo = self._rows[index]
        return row

    def display(self, row: Any, column: int) -> str:
        r: MoveInfo = row
        if column == self.WHEN:
            return local_time(r.at)
        if column == self.KIND:
            return self._kinds.get(r.kind, r.kind)
        if column == self.QUANTITY:
            return self._signed(r)
        if column == self.REASON:
            return self._reasons.get(r.reason or "", r.reason or "")
        return {
            self.SKU: r.sku_code, self.WAREHOUSE: r.warehouse_code,
            self.FROM: r.from_bin or "", self.TO: r.to_bin or "",
            self.REFERENCE: r.reference or "", self.ACTOR: r.actor,
        }[column]

    def _signed(self, r: MoveInfo) -> str:
        """Adjustments show their direction: +3 into a bin, -2 out of it."""
        if r.kind == MoveKind.ADJUSTMENT.value:
            sign = "+" if r.to_bin else "-"
            return sign + self._number(r.quantity)
        return self._number(r.quantity)

    def sort_value(self, row: Any, column: int) -> Any:
        r: MoveInfo = row
        if column == self.WHEN:
            return r.id
        if column == self.QUANTITY:
            return r.quantity
        return self.display(row, column)

    def tool_tip(self, row: Any, column: int) -> str | None:
        r: MoveInfo = row
        if column == self.WHEN:
            return self.tr("{local} (UTC {utc})").format(
                local=local_time(r.at), utc=r.at.strftime("%Y-%m-%d %H:%M")
            )
        if column == self.REFERENCE and r.reference:
            return r.reference
        return None
