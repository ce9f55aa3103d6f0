"""Sales by region: orders and units by ship-to state over a period, rolled up to the
Census regions and to the East/West warehouse split (:mod:`app.domain.regions`), with the
best-selling SKUs of each region - what a seller needs to decide where to stock.

What counts: every order that is not cancelled, whatever else happened to it later (a
returned order was still demand from that state). The period is whole UTC days,
``start`` and ``end`` included, on ``orders.order_date``. Units are the sum of the lines'
quantities; with a SKU filter only that SKU's lines count, and only orders holding it.
One grouped query per figure (state totals, state x SKU units); the roll-up to regions
runs over at most a few thousand grouped rows, never over orders.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, distinct, func, select
from sqlalchemy.orm import Session

from app.db.models import Client, Order, OrderLine, Sku
from app.domain.errors import InvalidValue
from app.domain.regions import CENSUS_REGION_NAMES, OTHER, census_region, warehouse_region
from app.domain.states import OrderStatus, Region
from app.services.lookup import client_by_code

#: Best sellers listed per region.
TOP_SKUS = 5
#: The longest period one report covers (a typo like 2062 should not scan decades).
MAX_DAYS = 3 * 366


class SalesBy(StrEnum):
    STATE = "state"
    REGION = "region"


@dataclass(frozen=True)
class SalesRow:
    """One state or region: ``key`` is its code or name."""

    key: str
    orders: int
    units: int


@dataclass(frozen=True)
class TopSku:
    client: str
    sku: str
    units: int


@dataclass(frozen=True)
class SalesReport:
    start: date
    end: date
    client: str | None
    sku: str | None
    #: Per ship-to state, most units first.
    states: tuple[SalesRow, ...]
    #: Census regions (Northeast, Midwest, South, West, then Other if any), fixed order.
    regions: tuple[SalesRow, ...]
    #: US-West, US-East (then Other if any).
    split: tuple[SalesRow, ...]
    orders: int
    units: int
    #: Best sellers per Census region and per warehouse region name.
    top_skus: dict[str, tuple[TopSku, ...]] = field(default_factory=dict)

    def rows(self, by: SalesBy) -> tuple[SalesRow, ...]:
        return self.states if by is SalesBy.STATE else self.regions

    def as_json(self, by: SalesBy) -> dict[str, object]:
        """The ``report sales --json`` document (keys are the CLI's contract)."""
        key = by.value

        def rows(items: tuple[SalesRow, ...]) -> list[dict[str, object]]:
            return [{key if items is not self.split else "region": r.key, "orders": r.orders,
                     "units": r.units} for r in items]

        doc: dict[str, object] = {
            "by": key, "from": self.start.isoformat(), "to": self.end.isoformat(),
            "client": self.client, "sku": self.sku,
            "rows": rows(self.rows(by)),
            "totals": {"orders": self.orders, "units": self.units},
        }
        if by is SalesBy.REGION:
            doc["split"] = rows(self.split)
            doc["top_skus"] = {name: [{"client": t.client, "sku": t.sku, "units": t.units}
                                      for t in tops] for name, tops in self.top_skus.items()}
        return doc


def sales_by_region(session: Session, start: date, end: date, *,
                    client_code: str | None = None, sku_code: str | None = None,
                    ) -> SalesReport:
    """Orders and units per state and region from ``start`` to ``end`` (see the module)."""
    if end < start:
        raise InvalidValue(field="period", problem="the end is before the start")
    if (end - start).days >= MAX_DAYS:
        raise InvalidValue(field="period", problem=f"at most {MAX_DAYS} days")
    since = datetime.combine(start, time(), UTC)
    until = datetime.combine(end + timedelta(days=1), time(), UTC)

    def scoped(stmt: Select) -> Select:
        stmt = (stmt.join(OrderLine, OrderLine.order_id == Order.id)
                .where(Order.order_date >= since, Order.order_date < until,
                       Order.status != OrderStatus.CANCELLED.value))
        if client_code:
            stmt = stmt.where(Order.client_id == client_by_code(session, client_code).id)
        if sku_code:
            stmt = stmt.where(OrderLine.sku_id.in_(select(Sku.id).where(Sku.code == sku_code)))
        return stmt

    state = func.upper(Order.state)
    by_state = session.execute(scoped(
        select(state, func.count(distinct(Order.id)), func.sum(OrderLine.quantity))
        .select_from(Order)).group_by(state)).all()
    per_sku = session.execute(scoped(
        select(state, OrderLine.sku_id, func.sum(OrderLine.quantity)).select_from(Order))
        .group_by(state, OrderLine.sku_id)).all()

    states = tuple(sorted((SalesRow(s or "", int(n), int(u or 0)) for s, n, u in by_state),
                          key=lambda r: (-r.units, r.key)))
    regions = _roll_up(states, census_region, (*CENSUS_REGION_NAMES, OTHER))
    split = _roll_up(states, warehouse_region, (Region.WEST.value, Region.EAST.value, OTHER))
    return SalesReport(start, end, client_code, sku_code, states, regions, split,
                       sum(r.orders for r in states), sum(r.units for r in states),
                       _top_skus(session, per_sku))


def _roll_up(states: tuple[SalesRow, ...], region_of: Callable[[str], str],
             names: tuple[str, ...]) -> tuple[SalesRow, ...]:
    """Region rows in ``names`` order: every named region even when empty, except
    ``Other``, listed only when some state fell in it."""
    orders: dict[str, int] = defaultdict(int)
    units: dict[str, int] = defaultdict(int)
    for row in states:
        name = region_of(row.key)
        orders[name] += row.orders
        units[name] += row.units
    return tuple(SalesRow(n, orders[n], units[n]) for n in names
                 if n != OTHER or n in orders)


def _top_skus(session: Session, per_sku: Sequence[Sequence[Any]],
              ) -> dict[str, tuple[TopSku, ...]]:
    """The :data:`TOP_SKUS` best sellers of each Census and warehouse region."""
    units: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for state, sku_id, qty in per_sku:  # (state, sku id, units) rows
        for name in (census_region(state or ""), warehouse_region(state or "")):
            units[name][sku_id] += int(qty or 0)
    best = {name: sorted(skus.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_SKUS]
            for name, skus in units.items()}
    ids = {sku_id for tops in best.values() for sku_id, _ in tops}
    codes = {row.id: (row.client, row.code) for row in session.execute(
        select(Sku.id, Client.code.label("client"), Sku.code)
        .join(Client, Client.id == Sku.client_id).where(Sku.id.in_(ids)))} if ids else {}
    return {name: tuple(TopSku(*codes[sku_id], n) for sku_id, n in tops)
            for name, tops in best.items()}
