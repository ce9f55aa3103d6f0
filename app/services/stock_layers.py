"""FIFO stock layers (``stock_lots``), kept by the ledger as moves are recorded.

A layer is the units of one SKU that came into one warehouse on one local day from one
source (receipt, return, found/count up). :func:`app.services.ledger.record_move` calls
:func:`follow_move` for every move, in the caller's transaction:

* a move into a bin from outside the warehouse (no ``from_bin``, or a bin of another
  warehouse) adds a layer of ``quantity`` units, dated the warehouse's local day;
* a move out of a bin to outside (no ``to_bin``: pick, shipment, write-off, adjustment
  down) draws down the oldest layers of the SKU in that warehouse - those of the move's
  lot first when it names one;
* a transfer between two bins of one warehouse leaves the layers alone.

Each draw is a conditional ``UPDATE ... WHERE remaining >= n`` whose row count is
checked, re-reading on a miss, so two writers can never take the same units twice on
PostgreSQL or SQLite. Layers never exceed on hand; for stock received since layers
exist they equal it. Stock that was on hand before layers existed has none: a draw
that finds no layer left simply stops, and :mod:`app.services.stock_age` ages such
uncovered units from their balance's ``received_at`` rather than repairing the past.

Known limitation: units put back after a short pick or a cancelled order (a ``return``
move into the bin) start a new layer dated the day of the put-back, so their age starts
again. Giving them back to the layers the pick drew from would need each draw recorded
(layer, move, units); ``stock_lots`` keeps only the move that *made* a layer, and
guessing the drawn layers ("the newest drawn-down ones") is wrong as soon as two picks
interleave - not good enough for storage billing. Recording draws needs a table (or
column) and so a migration.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, case, insert, select, update
from sqlalchemy.orm import Session

from app.db.models import Bin, Sku, StockLot, Warehouse
from app.domain.states import MoveKind

L = StockLot


def follow_move(
    session: Session,
    *,
    move_id: int,
    at: datetime,
    sku_id: int,
    quantity: int,
    kind: MoveKind,
    from_bin_id: int | None,
    to_bin_id: int | None,
    reference: str | None,
    lot: str | None,
    expiry: date | None,
    draw_move_id: int | None = None,
) -> None:
    """Keep the layers in step with one ledger move (see the module)."""
    bins = {
        bin_id: (warehouse_id, zone)
        for bin_id, warehouse_id, zone in session.execute(
            select(Bin.id, Bin.warehouse_id, Warehouse.time_zone)
            .join(Warehouse, Warehouse.id == Bin.warehouse_id)
            .where(Bin.id.in_([b for b in (from_bin_id, to_bin_id) if b is not None]))
        )
    }
    source = bins.get(from_bin_id) if from_bin_id is not None else None
    target = bins.get(to_bin_id) if to_bin_id is not None else None
    if source is not None and target is not None and source[0] == target[0]:
        return
    if source is not None:
        _draw(session, sku_id, source[0], quantity, lot, draw_move_id)
    if target is not None:
        warehouse_id, zone = target
        session.execute(insert(L).values(
            client_id=select(Sku.client_id).where(Sku.id == sku_id).scalar_subquery(),
            warehouse_id=warehouse_id, sku_id=sku_id,
            received_on=at.astimezone(ZoneInfo(zone)).date(), source=kind.value[:16],
            reference=reference[:100] if reference else None, lot=lot, expiry=expiry,
            quantity=quantity, remaining=quantity, move_id=move_id,
        ))


def _draw(session: Session, sku_id: int, warehouse_id: int, quantity: int,
          lot: str | None, draw_move_id: int | None) -> None:
    """Take ``quantity`` units off the oldest layers; stops when no layer is left."""
    order: list[ColumnElement[Any]] = []
    if draw_move_id is not None:  # the layer a move just made, e.g. a disposed return
        order.append(case((L.move_id == draw_move_id, 0), else_=1))
    if lot is not None:
        order.append(case((L.lot == lot, 0), else_=1))
    order += [L.received_on.asc(), L.id.asc()]
    left = quantity
    while left > 0:
        row = session.execute(
            select(L.id, L.remaining)
            .where(L.warehouse_id == warehouse_id, L.sku_id == sku_id, L.remaining > 0)
            .order_by(*order).limit(1)
        ).first()
        if row is None:
            return  # the rest predates the layers (see the module)
        take = min(left, int(row.remaining))
        result = session.execute(
            update(L).where(L.id == row.id, L.remaining >= take)
            .values(remaining=L.remaining - take)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]
            left -= take
