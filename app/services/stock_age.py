"""Stock age: how long the units on hand have been in the warehouse, in billing buckets.

Read from the FIFO layers (``stock_lots.remaining``, kept by the ledger, see
:mod:`app.services.stock_layers`), one grouped query with the buckets computed in SQL
against each warehouse's own today (the SKU and client codes joined to the aggregated
rows, not to the layers). Units on hand that no layer covers - stock that was
in the database before layers existed - are aged from their bins' earliest
``stock_balances.received_at`` (a second grouped query), so an old database reports
without any repair job.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import cast

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from app.db.models import Bin, Client, Sku, StockBalance, StockLot, Warehouse
from app.services.local_dates import warehouse_today
from app.services.lookup import client_by_code, warehouse_by_code

#: Bucket names (the JSON keys) and the oldest age in days each holds; the last is open.
BUCKETS: tuple[tuple[str, int | None], ...] = (
    ("0-30", 30), ("31-60", 60), ("61-90", 90), ("91-180", 180), ("181-365", 365),
    ("365+", None),
)
BUCKET_NAMES = tuple(name for name, _days in BUCKETS)

L = StockLot


@dataclass(frozen=True)
class LotAge:
    lot: str
    expiry: date | None
    units: int
    buckets: tuple[int, ...]


@dataclass(frozen=True)
class AgeRow:
    """Units of one client's SKU in one warehouse by age bucket (``BUCKET_NAMES`` order)."""

    client: str
    sku: str
    warehouse: str
    units: int
    buckets: tuple[int, ...]
    lots: tuple[LotAge, ...] = ()

    def as_json(self) -> dict[str, object]:
        row: dict[str, object] = {"client": self.client, "sku": self.sku,
                                  "warehouse": self.warehouse, "units": self.units}
        row.update(zip(BUCKET_NAMES, self.buckets, strict=True))
        if self.lots:
            row["lots"] = [{"lot": x.lot, "expiry": x.expiry.isoformat() if x.expiry else None,
                            "units": x.units, **dict(zip(BUCKET_NAMES, x.buckets, strict=True))}
                           for x in self.lots]
        return row


def bucket_of(age_days: int) -> int:
    """Index in :data:`BUCKETS` of an age in whole days (0 = received today)."""
    for idx, (_name, oldest) in enumerate(BUCKETS):
        if oldest is None or age_days <= oldest:
            return idx
    raise AssertionError("the last bucket is open")


def _received_since(today: dict[int, date]) -> list[ColumnElement[int]]:
    """SQL sums of the units received within each bucket's limit (30, 60 ... 365 days)
    of their warehouse's today: one comparison per bucket and layer, the buckets are the
    differences (a plain date comparison when every warehouse has the same today)."""
    days = set(today.values())
    sums: list[ColumnElement[int]] = []
    for _name, oldest in BUCKETS[:-1]:
        limit = timedelta(days=oldest or 0)
        if len(days) == 1:
            whens = [(L.received_on >= next(iter(days)) - limit, L.remaining)]
        else:
            whens = [(and_(L.warehouse_id == w, L.received_on >= day - limit), L.remaining)
                     for w, day in today.items()]
        sums.append(func.sum(case(*whens, else_=0)))
    return sums


def _buckets(total: int, since: list[int]) -> list[int]:
    """Bucket units from the cumulative sums of :func:`_received_since`."""
    edges = [0, *since, total]
    return [edges[i + 1] - edges[i] for i in range(len(BUCKETS))]


def stock_age(session: Session, *, client_code: str | None = None,
              warehouse_code: str | None = None, today: dict[str, date] | None = None,
              ) -> list[AgeRow]:
    """Units on hand by age bucket per client, SKU and warehouse (lots nested).

    ``today`` (warehouse code -> date) is for tests and reports "as of" a day; by default
    each warehouse's local date.
    """
    wh_stmt = select(Warehouse.id, Warehouse.code, Warehouse.time_zone)
    if warehouse_code:
        wh_stmt = wh_stmt.where(Warehouse.id == warehouse_by_code(session, warehouse_code).id)
    warehouses = {wid: (code, zone) for wid, code, zone in session.execute(wh_stmt)}
    if not warehouses:
        return []
    days = {wid: (today or {}).get(code) or warehouse_today(zone)
            for wid, (code, zone) in warehouses.items()}
    client_id = client_by_code(session, client_code).id if client_code else None
    lot_tracked = session.scalar(select(Sku.id).where(Sku.lot_tracked.is_(True)).limit(1))
    keys = [L.warehouse_id, L.sku_id] + ([L.lot] if lot_tracked else [])
    since = [col.label(f"since_{idx}") for idx, col in enumerate(_received_since(days))]
    inner = (select(*keys, func.sum(L.remaining).label("units"), *since)
             .where(L.remaining > 0).group_by(*keys))
    if warehouse_code:  # otherwise every layer's warehouse is listed: no filter to test
        inner = inner.where(L.warehouse_id.in_(list(warehouses)))
    if lot_tracked:
        inner = inner.add_columns(func.min(L.expiry).label("expiry"))
    if client_id is not None:
        inner = inner.where(L.client_id == client_id)
    agg = inner.subquery()
    # the names join the few aggregated rows, not the layers (and save a round trip)
    stmt = (select(agg, Client.code.label("client"), Sku.code.label("sku_code"))
            .join(Sku, Sku.id == agg.c.sku_id).join(Client, Client.id == Sku.client_id))
    table: dict[tuple[int, int], list[int]] = {}
    lots: dict[tuple[int, int], list[LotAge]] = {}
    names: dict[int, tuple[str, str]] = {}
    for row in session.execute(stmt).mappings():
        wid, sku = int(row["warehouse_id"] or 0), int(row["sku_id"] or 0)
        names[sku] = (row["client"], row["sku_code"])
        buckets = _buckets(int(row["units"] or 0),
                           [int(row[f"since_{idx}"] or 0) for idx in range(len(since))])
        mine = table.setdefault((wid, sku), [0] * len(BUCKETS))
        for idx, units in enumerate(buckets):
            mine[idx] += units
        if lot_tracked and row["lot"] is not None:
            lots.setdefault((wid, sku), []).append(LotAge(
                str(row["lot"]), cast(date | None, row["expiry"]), sum(buckets), tuple(buckets)))
    zones = {wid: zone for wid, (_code, zone) in warehouses.items()}
    _add_uncovered(session, table, days, zones, client_id)
    if not table:
        return []
    if unnamed := {sku for _w, sku in table} - names.keys():  # stock from before layers
        names.update((sid, (client, code)) for sid, client, code in session.execute(
            select(Sku.id, Client.code, Sku.code).join(Client, Client.id == Sku.client_id)
            .where(Sku.id.in_(unnamed))))
    rows = [AgeRow(names[sku][0], names[sku][1], warehouses[wid][0], sum(b), tuple(b),
                   tuple(sorted(lots.get((wid, sku), []), key=lambda x: x.lot)))
            for (wid, sku), b in table.items() if sum(b) > 0]
    return sorted(rows, key=lambda r: (r.client, r.sku, r.warehouse))


def _add_uncovered(session: Session, table: dict[tuple[int, int], list[int]],
                   days: dict[int, date], zones: dict[int, str],
                   client_id: int | None) -> None:
    """Units on hand beyond the layers (from before them): aged from ``received_at``."""
    stmt = (select(Bin.warehouse_id, StockBalance.sku_id, func.sum(StockBalance.on_hand),
                   func.min(StockBalance.received_at))
            .join(Bin, Bin.id == StockBalance.bin_id)
            .where(StockBalance.on_hand > 0, Bin.warehouse_id.in_(list(days)))
            .group_by(Bin.warehouse_id, StockBalance.sku_id))
    if client_id is not None:
        stmt = stmt.join(Sku, Sku.id == StockBalance.sku_id).where(Sku.client_id == client_id)
    for wid, sku, on_hand, received_at in session.execute(stmt):
        buckets = table.setdefault((wid, sku), [0] * len(BUCKETS))
        uncovered = int(on_hand) - sum(buckets)
        if uncovered <= 0:
            continue
        since = warehouse_today(zones[wid], received_at) if received_at else days[wid]
        buckets[bucket_of((days[wid] - since).days)] += uncovered
