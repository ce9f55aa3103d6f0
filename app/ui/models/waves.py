"""Table models of the Waves screen: a plan's carts, released waves, and a wave's carts.

Each holds the DTO rows a background read returned (a plan or a wave has tens of
carts, a list of waves a few hundred rows); ``data()`` formats values already in
memory, so scrolling never waits on the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QBrush, QColor

from app.services.picking_dto import CartSummary, WaveSummary
from app.services.wave_plan import PlannedBatch
from app.ui.models.inventory import RowsModel, local_time

_DONE = QBrush(QColor("#1b7a35"))
_ACTIVE = QBrush(QColor("#1f5fa8"))


def status_names() -> dict[str, str]:
    """Wave and cart states as pickers and clerks read them (translated once per model)."""
    return {
        "released": QCoreApplication.translate("WaveModels", "released"),
        "open": QCoreApplication.translate("WaveModels", "not started"),
        "picking": QCoreApplication.translate("WaveModels", "picking"),
        "done": QCoreApplication.translate("WaveModels", "done"),
        "cancelled": QCoreApplication.translate("WaveModels", "cancelled"),
    }


def metres(value: float) -> str:
    """A walking distance as people read it on the floor: whole metres."""
    return QCoreApplication.translate("WaveModels", "{m} m").format(m=f"{value:,.0f}")


class PlanModel(RowsModel):
    """The carts of a wave plan: which orders ride together and how far the cart walks."""

    CART, ORDERS, UNITS, STOPS, DISTANCE, NUMBERS = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Cart"), self.tr("Orders"), self.tr("Units"),
                         self.tr("Stops"), self.tr("Distance"), self.tr("Order numbers")]

    def headers(self) -> list[str]:
        return self._headers

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.CART, self.ORDERS, self.UNITS, self.STOPS, self.DISTANCE})

    def header_tool_tip(self, column: int) -> str | None:
        if column == self.STOPS:
            return self.tr("Bins the cart stops at (the route: hover over a cart's number)")
        return None

    def display(self, row: Any, column: int) -> str:
        index, batch = row
        if column == self.CART:
            return str(index)
        if column == self.ORDERS:
            return self._number(len(batch.orders))
        if column == self.UNITS:
            return self._number(batch.units)
        if column == self.NUMBERS:
            return ", ".join(batch.orders)
        if column == self.STOPS:
            return self._number(len(batch.route))
        return metres(batch.distance_m)

    def sort_value(self, row: Any, column: int) -> Any:
        index, batch = row
        return {self.CART: index, self.ORDERS: len(batch.orders), self.UNITS: batch.units,
                self.STOPS: len(batch.route), self.DISTANCE: batch.distance_m,
                }.get(column, self.display(row, column))

    def tool_tip(self, row: Any, column: int) -> str | None:
        _index, batch = row
        if column == self.NUMBERS:
            return ", ".join(batch.orders)
        return " → ".join(batch.route) if column in (self.CART, self.STOPS) else None

    def set_batches(self, batches: Sequence[PlannedBatch]) -> None:
        self.set_rows(list(enumerate(batches, start=1)))


class WavesModel(RowsModel):
    """Released waves of one warehouse, newest first: state and how far picking has come."""

    NUMBER, STATUS, PICKED, ORDERS, CARTS, RELEASED, BY = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = status_names()
        self._headers = [self.tr("Wave"), self.tr("Status"), self.tr("Units picked"),
                         self.tr("Orders"), self.tr("Carts"), self.tr("Released"),
                         self.tr("By")]

    def headers(self) -> list[str]:
        return self._headers

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.ORDERS, self.CARTS, self.PICKED})

    def display(self, row: Any, column: int) -> str:
        if column == self.NUMBER:
            return str(row.number)
        if column == self.STATUS:
            return self._status.get(row.status, row.status)
        if column == self.ORDERS:
            return self._number(row.orders)
        if column == self.CARTS:
            return self._number(row.carts)
        if column == self.PICKED:
            return f"{self._number(row.picked_units)} / {self._number(row.units)}"
        if column == self.RELEASED:
            return local_time(row.released_at)
        return str(row.created_by)

    def sort_value(self, row: Any, column: int) -> Any:
        if column == self.PICKED:
            return row.picked_units / row.units if row.units else 0.0
        if column == self.RELEASED:
            return row.released_at
        if column in (self.ORDERS, self.CARTS):
            return row.orders if column == self.ORDERS else row.carts
        return self.display(row, column)

    def foreground(self, row: Any, column: int) -> QBrush | None:
        if column != self.STATUS:
            return None
        return _DONE if row.status == "done" else _ACTIVE if row.status == "picking" else None

    def row(self, index: int) -> WaveSummary:
        row: WaveSummary = self._rows[index]
        return row


class CartsModel(RowsModel):
    """The carts of one wave with their progress: picked / total units, picker, state."""

    CART, STATUS, PICKER, ORDERS, STOPS, PICKED, DISTANCE = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = status_names()
        self._headers = [self.tr("Cart"), self.tr("Status"), self.tr("Picker"),
                         self.tr("Orders"), self.tr("Stops"), self.tr("Units picked"),
                         self.tr("Distance")]

    def headers(self) -> list[str]:
        return self._headers

    def numeric_columns(self) -> frozenset[int]:
        return frozenset({self.ORDERS, self.STOPS, self.PICKED, self.DISTANCE})

    def display(self, row: Any, column: int) -> str:
        if column == self.CART:
            return str(row.code)
        if column == self.STATUS:
            return self._status.get(row.status, row.status)
        if column == self.PICKER:
            return row.picker or "—"
        if column == self.ORDERS:
            return self._number(len(row.orders))
        if column == self.STOPS:
            return self._number(row.tasks)
        if column == self.PICKED:
            return f"{self._number(row.picked_units)} / {self._number(row.units)}"
        return metres(row.distance_m)

    def sort_value(self, row: Any, column: int) -> Any:
        if column == self.PICKED:
            return row.picked_units / row.units if row.units else 0.0
        numbers = {self.ORDERS: len(row.orders), self.STOPS: row.tasks,
                   self.DISTANCE: row.distance_m}
        return numbers.get(column, self.display(row, column))

    def foreground(self, row: Any, column: int) -> QBrush | None:
        if column != self.STATUS:
            return None
        return _DONE if row.status == "done" else _ACTIVE if row.status == "picking" else None

    def row(self, index: int) -> CartSummary:
        row: CartSummary = self._rows[index]
        return row
