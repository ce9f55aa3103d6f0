"""Table models of the Channels screen: stores, SKU mappings and the push queue.

Each holds fetched DTO rows only; ``data()`` formats them, never queries.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.services.channels import ChannelInfo
from app.services.push_outbox import PushInfo
from app.services.sku_mappings import SkuMappingInfo
from app.ui.pages.channels_text import (
    channel_error_text,
    platform_name,
    push_error_text,
    push_kind_name,
    push_status_name,
)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
_RED = QColor("#b42318")


def when(value: datetime | None) -> str:
    if value is None:
        return "—"
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


class RowsModel(QAbstractTableModel, Generic[R]):
    """Rows of one DTO type; columns are (header, text-of-row) pairs."""

    def __init__(
        self, columns: Sequence[tuple[str, Callable[[R], str]]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self.rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def refresh(self) -> None:
        """Repaint every cell (state that lives outside the rows changed)."""
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self._columns) - 1)
            )

    def row_at(self, row: int) -> R | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._columns[index.column()][1](row)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row)
        return None

    def foreground(self, row: R) -> QColor | None:
        return None


class ChannelsModel(RowsModel[ChannelInfo]):
    def __init__(self, state: Callable[[ChannelInfo], str], parent: QObject | None = None) -> None:
        super().__init__(
            [
                (QCoreApplication.translate("Channels", "Store"), lambda c: c.name),
                (
                    QCoreApplication.translate("Channels", "Platform"),
                    lambda c: platform_name(c.platform),
                ),
                (QCoreApplication.translate("Channels", "Client"), lambda c: c.client_code),
                (QCoreApplication.translate("Channels", "State"), state),
                (
                    QCoreApplication.translate("Channels", "Every"),
                    lambda c: QCoreApplication.translate("Channels", "{n} min").format(
                        n=c.interval_minutes
                    ),
                ),
                (
                    QCoreApplication.translate("Channels", "Last sync"),
                    lambda c: when(c.last_sync_at),
                ),
                (
                    QCoreApplication.translate("Channels", "Next sync"),
                    lambda c: when(c.next_sync_at) if c.enabled else "—",
                ),
                (QCoreApplication.translate("Channels", "Held"), lambda c: str(c.held_orders)),
                (
                    QCoreApplication.translate("Channels", "Failed pushes"),
                    lambda c: str(c.failed_pushes),
                ),
                (
                    QCoreApplication.translate("Channels", "Last error"),
                    channel_error_text,
                ),
            ],
            parent,
        )

    def foreground(self, row: ChannelInfo) -> QColor | None:
        return _RED if row.last_error else None


class MappingsModel(RowsModel[SkuMappingInfo]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                (QCoreApplication.translate("Channels", "Platform SKU"), lambda m: m.platform_sku),
                (QCoreApplication.translate("Channels", "Warehouse SKU"), lambda m: m.sku_code),
                (
                    QCoreApplication.translate("Channels", "Mapped"),
                    lambda m: (
                        QCoreApplication.translate("Channels", "automatically")
                        if m.auto
                        else QCoreApplication.translate("Channels", "by hand")
                    ),
                ),
                (
                    QCoreApplication.translate("Channels", "Last pushed qty"),
                    lambda m: "—" if m.pushed_quantity is None else str(m.pushed_quantity),
                ),
            ],
            parent,
        )


class PushesModel(RowsModel[PushInfo]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                (QCoreApplication.translate("Channels", "Store"), lambda p: p.channel),
                (QCoreApplication.translate("Channels", "Kind"), lambda p: push_kind_name(p.kind)),
                (
                    QCoreApplication.translate("Channels", "Order / SKU"),
                    lambda p: p.order_number or p.sku or "",
                ),
                (QCoreApplication.translate("Channels", "Sends"), lambda p: p.detail),
                (
                    QCoreApplication.translate("Channels", "Status"),
                    lambda p: push_status_name(p.status),
                ),
                (QCoreApplication.translate("Channels", "Tries"), lambda p: str(p.attempts)),
                (
                    QCoreApplication.translate("Channels", "Next try"),
                    lambda p: when(p.next_attempt_at) if p.status == "pending" else "—",
                ),
                (
                    QCoreApplication.translate("Channels", "Request id"),
                    lambda p: p.request_id or "",
                ),
                (QCoreApplication.translate("Channels", "Error"), push_error_text),
            ],
            parent,
        )

    def foreground(self, row: PushInfo) -> QColor | None:
        return _RED if row.status == "failed" else None
