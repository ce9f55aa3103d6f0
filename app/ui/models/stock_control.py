"""Table models of the Returns and Counts screens.

Each holds the DTO rows one background read returned (RMAs, a count's lines);
``data()`` only formats values already in memory.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor

from app.services.counts import CountLineInfo
from app.services.returns import ReturnInfo
from app.ui.models.inventory import RowsModel

CURRENT = QBrush(QColor("#1f5fa8"))
WARN = QBrush(QColor("#b35c00"))


class ReturnsModel(RowsModel):
    """RMAs newest first: number, client, order, tracking, state, units back."""

    RMA, CLIENT, ORDER, TRACKING, STATUS, UNITS, CREATED = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("RMA"), self.tr("Client"), self.tr("Order"),
                         self.tr("Tracking"), self.tr("Status"), self.tr("Units"),
                         self.tr("Opened")]
        self.current: str | None = None

    def headers(self) -> list[str]:
        return self._headers

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.UNITS})

    def rma(self, index: int) -> ReturnInfo:
        return self._rows[index]

    def display(self, row: Any, column: int) -> str:
        r: ReturnInfo = row
        status = {"open": self.tr("open"), "received": self.tr("received"),
                  "closed": self.tr("closed")}.get(r.status, r.status)
        return {
            self.RMA: r.number, self.CLIENT: r.client,
            self.ORDER: r.order or self.tr("(to match)"), self.TRACKING: r.tracking_number or "",
            self.STATUS: status, self.UNITS: str(r.units),
            self.CREATED: r.created_at.strftime("%Y-%m-%d %H:%M"),
        }[column]

    def foreground(self, row: Any, column: int) -> QBrush | None:
        r: ReturnInfo = row
        if r.number == self.current:
            return CURRENT
        return WARN if column == self.ORDER and r.order is None else None


class CountLinesModel(RowsModel):
    """A count's (bin, SKU) lines; a blind count shows no book figures to counters."""

    BIN, CLIENT, SKU, EXPECTED, COUNTED, RECOUNTED, VARIANCE, STATUS = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Bin"), self.tr("Client"), self.tr("SKU"),
                         self.tr("Expected"), self.tr("Counted"), self.tr("Recount"),
                         self.tr("Variance"), self.tr("Status")]
        self.current: tuple[str, str] | None = None

    def headers(self) -> list[str]:
        return self._headers

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.EXPECTED, self.COUNTED, self.RECOUNTED, self.VARIANCE})

    def lines(self) -> list[CountLineInfo]:
        return list(self._rows)

    def display(self, row: Any, column: int) -> str:
        ln: CountLineInfo = row

        def figure(value: int | None, signed: bool = False) -> str:
            if value is None:
                return "—"
            return f"{value:+d}" if signed and value else str(value)

        status = {"open": self.tr("to count"), "counted": self.tr("counted"),
                  "recount": self.tr("recount"), "review": self.tr("supervisor"),
                  "posted": self.tr("posted")}.get(ln.status, ln.status)
        return {
            self.BIN: ln.bin, self.CLIENT: ln.client, self.SKU: ln.sku,
            self.EXPECTED: figure(ln.expected), self.COUNTED: figure(ln.counted),
            self.RECOUNTED: figure(ln.recounted), self.VARIANCE: figure(ln.variance, True),
            self.STATUS: status,
        }[column]

    def foreground(self, row: Any, column: int) -> QBrush | None:
        ln: CountLineInfo = row
        if self.current == (ln.bin, ln.sku):
            return CURRENT
        return WARN if ln.status in ("recount", "review") else None
