"""Table models of the Inbound and Receiving screens: shipments, their lines, unknown codes.

Each holds the DTO rows one background read returned (a list of shipments, the lines of
one shipment or carton); ``data()`` only formats values already in memory.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QBrush, QColor

from app.services.inbound_dto import InboundSummary, LineView
from app.services.receiving import UnknownLine
from app.ui.models.inventory import RowsModel, local_time

SHORT = QBrush(QColor("#b35c00"))
OVER = QBrush(QColor("#1f5fa8"))
DONE = QBrush(QColor("#1b7a35"))
UNKNOWN = QBrush(QColor("#c62828"))


def status_names() -> dict[str, str]:
    """Inbound shipment states as the office reads them."""
    return {
        "announced": QCoreApplication.translate("InboundModels", "announced"),
        "arrived": QCoreApplication.translate("InboundModels", "arrived"),
        "receiving": QCoreApplication.translate("InboundModels", "receiving"),
        "closed": QCoreApplication.translate("InboundModels", "closed"),
    }


def signed(value: int) -> str:
    """A difference as people write it: +2, -5, 0."""
    return f"{value:+d}" if value else "0"


class ShipmentsModel(RowsModel):
    """Announced shipments: status, ETA, cartons and units expected against received."""

    REFERENCE, CLIENT, WAREHOUSE, STATUS, ETA, CARTONS, EXPECTED, RECEIVED, DAMAGED, \
        DIFFERENCE, CREATED = range(11)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Reference"), self.tr("Client"), self.tr("Warehouse"),
                         self.tr("Status"), self.tr("ETA"), self.tr("Cartons"),
                         self.tr("Expected"), self.tr("Received"), self.tr("Damaged"),
                         self.tr("Difference"), self.tr("Announced")]
        self._status = status_names()

    def headers(self) -> list[str]:
        return self._headers

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.CARTONS, self.EXPECTED, self.RECEIVED, self.DAMAGED,
                          self.DIFFERENCE})

    def shipment(self, index: int) -> InboundSummary:
        return self._rows[index]

    def display(self, row: Any, column: int) -> str:
        s: InboundSummary = row
        difference = s.received + s.damaged - s.expected
        values = {
            self.REFERENCE: s.reference, self.CLIENT: s.client, self.WAREHOUSE: s.warehouse,
            self.STATUS: self._status.get(s.status, s.status),
            self.ETA: s.eta.isoformat() if s.eta else "", self.CARTONS: str(s.cartons),
            self.EXPECTED: str(s.expected), self.RECEIVED: str(s.received),
            self.DAMAGED: str(s.damaged),
            self.DIFFERENCE: signed(difference) if s.status != "announced" else "",
            self.CREATED: local_time(s.created_at),
        }
        return values[column]

    def sort_value(self, row: Any, column: int) -> Any:
        s: InboundSummary = row
        numbers = {self.CARTONS: s.cartons, self.EXPECTED: s.expected,
                   self.RECEIVED: s.received, self.DAMAGED: s.damaged,
                   self.DIFFERENCE: s.received + s.damaged - s.expected}
        return numbers.get(column, self.display(row, column))

    def foreground(self, row: Any, column: int) -> QBrush | None:
        s: InboundSummary = row
        if column == self.STATUS and s.status == "closed":
            return DONE
        if column == self.DIFFERENCE and s.status != "announced":
            difference = s.received + s.damaged - s.expected
            return SHORT if difference < 0 else OVER if difference > 0 else None
        return None


class LinesModel(RowsModel):
    """A shipment's (or one carton's) lines: expected, received, damaged, difference."""

    CARTON, SKU, NAME, EXPECTED, RECEIVED, DAMAGED, DIFFERENCE = range(7)

    def __init__(self, parent: QObject | None = None, *, with_carton: bool = True) -> None:
        super().__init__(parent)
        self.with_carton = with_carton
        self._headers = [self.tr("Carton"), self.tr("SKU"), self.tr("Name"),
                         self.tr("Expected"), self.tr("Received"), self.tr("Damaged"),
                         self.tr("Difference")]

    def headers(self) -> list[str]:
        return self._headers

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.EXPECTED, self.RECEIVED, self.DAMAGED, self.DIFFERENCE})

    def line(self, index: int) -> LineView:
        return self._rows[index]

    def display(self, row: Any, column: int) -> str:
        ln: LineView = row
        if column == self.NAME:
            if ln.unknown:
                return (self.tr("Unknown code — rejected") if ln.rejected
                        else self.tr("Unknown code — in quarantine"))
            return ln.name
        values = {self.CARTON: ln.carton, self.SKU: ln.sku, self.EXPECTED: str(ln.expected),
                  self.RECEIVED: str(ln.received), self.DAMAGED: str(ln.damaged),
                  self.DIFFERENCE: signed(ln.difference)}
        return values[column]

    def sort_value(self, row: Any, column: int) -> Any:
        ln: LineView = row
        numbers = {self.EXPECTED: ln.expected, self.RECEIVED: ln.received,
                   self.DAMAGED: ln.damaged, self.DIFFERENCE: ln.difference}
        return numbers.get(column, self.display(row, column))

    def foreground(self, row: Any, column: int) -> QBrush | None:
        ln: LineView = row
        if ln.unknown:
            return UNKNOWN
        if column == self.DIFFERENCE:
            return SHORT if ln.difference < 0 else OVER if ln.difference > 0 else DONE
        return None


class UnknownModel(RowsModel):
    """Unknown codes in quarantine: the clerk maps each to a SKU or rejects it."""

    REFERENCE, CLIENT, CARTON, CODE, UNITS, BIN, STATUS = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Reference"), self.tr("Client"), self.tr("Carton"),
                         self.tr("Code"), self.tr("Units"), self.tr("Bin"), self.tr("Status")]

    def headers(self) -> list[str]:
        return self._headers

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.UNITS})

    def unknown(self, index: int) -> UnknownLine:
        return self._rows[index]

    def display(self, row: Any, column: int) -> str:
        u: UnknownLine = row
        status = self.tr("rejected") if u.status == "rejected" else self.tr("to identify")
        values = {self.REFERENCE: u.reference, self.CLIENT: u.client, self.CARTON: u.carton,
                  self.CODE: u.code, self.UNITS: str(u.received + u.damaged), self.BIN: u.bin,
                  self.STATUS: status}
        return values[column]
