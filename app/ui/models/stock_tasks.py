"""Table models of the Put-away and Replenishment screens.

Each holds the DTO rows one background read returned (a warehouse's open tasks, its
min/max limits); ``data()`` only formats values already in memory.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor

from app.services.putaway import PutawayTaskInfo
from app.services.replenishment import ReplenishLimitInfo, ReplenishTaskInfo
from app.ui.models.inventory import RowsModel

CURRENT = QBrush(QColor("#1f5fa8"))
LOW = QBrush(QColor("#b35c00"))


class PutawayModel(RowsModel):
    """Open put-away tasks: what, how many, where from, where to."""

    TASK, CLIENT, SKU, NAME, QTY, LOT, FROM, SUGGESTED, SOURCE = range(9)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Task"), self.tr("Client"), self.tr("SKU"), self.tr("Name"),
                         self.tr("Qty"), self.tr("Lot"), self.tr("From"),
                         self.tr("Suggested bin"), self.tr("Source")]
        self.current: int | None = None

    def headers(self) -> list[str]:
        return self._headers

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.TASK, self.QTY})

    def task(self, index: int) -> PutawayTaskInfo:
        return self._rows[index]

    def tasks(self) -> list[PutawayTaskInfo]:
        return list(self._rows)

    def display(self, row: Any, column: int) -> str:
        t: PutawayTaskInfo = row
        return {
            self.TASK: str(t.id), self.CLIENT: t.client_code, self.SKU: t.sku_code,
            self.NAME: t.sku_name, self.QTY: str(t.quantity), self.LOT: t.lot or "",
            self.FROM: t.from_bin, self.SUGGESTED: t.suggested_bin or self.tr("(no room)"),
            self.SOURCE: t.source or "",
        }[column]

    def sort_value(self, row: Any, column: int) -> Any:
        t: PutawayTaskInfo = row
        if column in (self.TASK, self.QTY):
            return t.id if column == self.TASK else t.quantity
        return self.display(row, column)

    def foreground(self, row: Any, column: int) -> QBrush | None:
        t: PutawayTaskInfo = row
        if t.id == self.current:
            return CURRENT
        return LOW if column == self.SUGGESTED and t.suggested_bin is None else None


class ReplenishModel(RowsModel):
    """Open replenishment tasks: SKU, storage bin, pick bin, units."""

    TASK, CLIENT, SKU, NAME, FROM, TO, QTY = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Task"), self.tr("Client"), self.tr("SKU"), self.tr("Name"),
                         self.tr("From (storage)"), self.tr("To (pick bin)"), self.tr("Qty")]
        self.current: int | None = None

    def headers(self) -> list[str]:
        return self._headers

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.TASK, self.QTY})

    def task(self, index: int) -> ReplenishTaskInfo:
        return self._rows[index]

    def tasks(self) -> list[ReplenishTaskInfo]:
        return list(self._rows)

    def display(self, row: Any, column: int) -> str:
        t: ReplenishTaskInfo = row
        return {
            self.TASK: str(t.id), self.CLIENT: t.client_code, self.SKU: t.sku_code,
            self.NAME: t.sku_name, self.FROM: t.from_bin, self.TO: t.to_bin,
            self.QTY: str(t.quantity),
        }[column]

    def sort_value(self, row: Any, column: int) -> Any:
        t: ReplenishTaskInfo = row
        if column in (self.TASK, self.QTY):
            return t.id if column == self.TASK else t.quantity
        return self.display(row, column)

    def foreground(self, row: Any, column: int) -> QBrush | None:
        t: ReplenishTaskInfo = row
        return CURRENT if t.id == self.current else None


class LimitsModel(RowsModel):
    """Min/max per SKU per pick bin, with what each bin has free now."""

    BIN, CLIENT, SKU, MIN, MAX, ON_HAND, FREE = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Pick bin"), self.tr("Client"), self.tr("SKU"), self.tr("Min"),
                         self.tr("Max"), self.tr("On hand"), self.tr("Free")]

    def headers(self) -> list[str]:
        return self._headers

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.MIN, self.MAX, self.ON_HAND, self.FREE})

    def limit(self, index: int) -> ReplenishLimitInfo:
        return self._rows[index]

    def display(self, row: Any, column: int) -> str:
        x: ReplenishLimitInfo = row
        return {
            self.BIN: x.bin_code, self.CLIENT: x.client_code, self.SKU: x.sku_code,
            self.MIN: str(x.min_qty), self.MAX: str(x.max_qty), self.ON_HAND: str(x.on_hand),
            self.FREE: str(x.free),
        }[column]

    def sort_value(self, row: Any, column: int) -> Any:
        x: ReplenishLimitInfo = row
        numbers = {self.MIN: x.min_qty, self.MAX: x.max_qty, self.ON_HAND: x.on_hand,
                   self.FREE: x.free}
        return numbers.get(column, self.display(row, column))

    def foreground(self, row: Any, column: int) -> QBrush | None:
        x: ReplenishLimitInfo = row
        return LOW if column == self.FREE and x.free < x.min_qty else None
