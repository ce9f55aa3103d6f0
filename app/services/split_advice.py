"""East/West split advice: where a client's next replenishment of each SKU should go.

For every SKU the client sold in the period (orders not cancelled, UTC days on
``orders.order_date``, both ends included; default the last 90 days):

* demand per destination ZIP3 (first three digits of the ship-to ZIP) and state; an order
  whose ZIP3 is unknown or lies in another state than the one the order names counts at
  that state's centroid instead (``zip3`` empty), since a wrong ZIP is likelier than a
  wrong state and either way the state is where the parcel goes;
* for every active warehouse with a ZIP (the origins; a 3PL's warehouses serve all its
  clients) the zone to each destination: the warehouse's newest imported carrier chart
  first, else the ZIP3-centroid distance estimate (:mod:`app.services.zip3_centroids`);
* each destination's units go to the warehouse with the lowest zone (split evenly on a
  tie), giving each warehouse's ``share`` of the units and the average zone it ships at;
* the recommended split of the next replenishment (``qty`` units per SKU, default the
  period's units) in proportion to the shares, whole units by largest remainder;
* the saving against shipping everything from the client's current warehouse (its
  default warehouse, else the one that shipped most of its orders, else the first by
  code): average zone, average transit days per unit (:data:`app.domain.zones.TRANSIT_DAYS`)
  and last-mile cost over the period's units: per zone, the mean cost of the client's
  labels bought for the period's orders when at least :data:`LABEL_SAMPLE_MIN` of them
  fell in that zone (their zone worked out like the demand's, from the shipping
  warehouse to the ZIP3), else the indicative :data:`app.domain.zones.COST_PER_ZONE`.
  ``cost_basis`` says which: "table", or "labels+table" with ``label_costs`` per zone.

Destinations no warehouse can be zoned for (non-US, a mistyped ZIP) are counted in the
SKU's units but left out of the shares; their count is ``unzoned_units``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import LabelPurchase, Order, OrderLine, Sku, Warehouse
from app.domain.errors import InvalidValue
from app.domain.regions import warehouse_region
from app.domain.states import OrderStatus
from app.domain.zones import transit_days, zone_cost
from app.services.lookup import client_by_code
from app.services.zip3_centroids import distance_zone, state_centroids, state_zone, zip3_states
from app.services.zone_charts import zone_tables

DEFAULT_DAYS = 90
#: (warehouse, destination ZIP3 or "" for the state's centroid, state) -> zone or None.
Zoner = Callable[[Warehouse, str, str], int | None]
MAX_DAYS = 3 * 366
#: Labels a zone needs before their mean cost replaces the table's.
LABEL_SAMPLE_MIN = 3
#: Label states that cost money (voided and failed labels do not).
_PAID = "bought"


@dataclass(frozen=True)
class Origin:
    code: str
    zip: str
    region: str
    #: "chart" when an imported carrier chart gives its zones, else "distance".
    zone_source: str


@dataclass(frozen=True)
class Destination:
    zip3: str
    state: str
    units: int
    #: Warehouse code -> zone (None: no zone known).
    zones: dict[str, int | None]


@dataclass(frozen=True)
class WarehouseAdvice:
    warehouse: str
    share: float  # of the zoned units, 0..1
    #: Average zone of the units this warehouse serves best (None when it serves none).
    avg_zone: float | None
    #: Average zone if it shipped every zoned unit alone.
    avg_zone_alone: float | None
    recommended_units: int


@dataclass(frozen=True)
class Figures:
    avg_zone: float
    transit_days: float
    cost: Decimal


@dataclass(frozen=True)
class SkuAdvice:
    sku: str
    name: str
    units: int
    unzoned_units: int
    destinations: tuple[Destination, ...]
    warehouses: tuple[WarehouseAdvice, ...]
    current: Figures | None
    split: Figures | None

    @property
    def saving(self) -> Figures | None:
        if self.current is None or self.split is None:
            return None
        return Figures(round(self.current.avg_zone - self.split.avg_zone, 2),
                       round(self.current.transit_days - self.split.transit_days, 2),
                       self.current.cost - self.split.cost)


@dataclass(frozen=True)
class SplitAdvice:
    client: str
    start: date
    end: date
    qty: int | None
    current_warehouse: str | None
    origins: tuple[Origin, ...]
    skus: tuple[SkuAdvice, ...]
    #: Mean label cost per zone taken from the client's labels (empty: the table only).
    label_costs: dict[int, Decimal] = field(default_factory=dict)

    @property
    def cost_basis(self) -> str:
        return "labels+table" if self.label_costs else "table"

    def as_json(self) -> dict[str, Any]:
        """The ``advise split --json`` document (keys are the CLI's contract)."""
        return {
            "client": self.client, "from": self.start.isoformat(), "to": self.end.isoformat(),
            "qty": self.qty, "current_warehouse": self.current_warehouse,
            "cost_basis": self.cost_basis,
            "label_costs": {str(z): float(c) for z, c in sorted(self.label_costs.items())},
            "origins": [{"warehouse": o.code, "zip": o.zip, "region": o.region,
                         "zone_source": o.zone_source} for o in self.origins],
            "skus": [_sku_json(s) for s in self.skus],
        }


def _figures(f: Figures | None) -> dict[str, Any] | None:
    return None if f is None else {"avg_zone": f.avg_zone, "transit_days": f.transit_days,
                                   "cost": float(f.cost)}


def _sku_json(s: SkuAdvice) -> dict[str, Any]:
    by_state: dict[str, int] = defaultdict(int)
    by_region: dict[str, int] = defaultdict(int)
    for d in s.destinations:
        by_state[d.state] += d.units
        by_region[warehouse_region(d.state)] += d.units
    return {
        "sku": s.sku, "name": s.name, "units": s.units, "unzoned_units": s.unzoned_units,
        "by_region": [{"region": r, "units": n} for r, n in
                      sorted(by_region.items(), key=lambda kv: (-kv[1], kv[0]))],
        "by_state": [{"state": st, "units": n} for st, n in
                     sorted(by_state.items(), key=lambda kv: (-kv[1], kv[0]))],
        "destinations": [{"zip3": d.zip3 or None, "state": d.state, "units": d.units,
                          "zones": d.zones} for d in s.destinations],
        "warehouses": [{"warehouse": w.warehouse, "share": w.share, "avg_zone": w.avg_zone,
                        "avg_zone_alone": w.avg_zone_alone,
                        "recommended_units": w.recommended_units} for w in s.warehouses],
        "current": _figures(s.current),
        "split": _figures(s.split),
        "saving": _figures(s.saving),
    }


def default_period(today: date) -> tuple[date, date]:
    """The last :data:`DEFAULT_DAYS` days up to and including ``today``."""
    return today - timedelta(days=DEFAULT_DAYS - 1), today


def advise_split(session: Session, client_code: str, start: date, end: date, *,
                 qty: int | None = None) -> SplitAdvice:
    """The advice for every SKU ``client_code`` sold from ``start`` to ``end`` (see module)."""
    if end < start:
        raise InvalidValue(field="period", problem="the end is before the start")
    if (end - start).days >= MAX_DAYS:
        raise InvalidValue(field="period", problem=f"at most {MAX_DAYS} days")
    if qty is not None and qty < 0:
        raise InvalidValue(field="qty", problem="must be 0 or more")
    client = client_by_code(session, client_code)
    since = datetime.combine(start, time(), UTC)
    until = datetime.combine(end + timedelta(days=1), time(), UTC)
    in_period = (Order.client_id == client.id, Order.order_date >= since,
                 Order.order_date < until, Order.status != OrderStatus.CANCELLED.value)

    warehouses = list(session.scalars(select(Warehouse).where(Warehouse.active.is_(True))
                                      .order_by(Warehouse.code)))
    warehouses = [w for w in warehouses if (w.zip or "").strip()[:3].isdigit()]
    charts = zone_tables(session, [w.id for w in warehouses])
    origins = tuple(Origin(w.code, w.zip, w.region, "chart" if charts.get(w.id) else "distance")
                    for w in warehouses)
    current = _current_warehouse(session, client.default_warehouse_id, in_period, warehouses)

    zip3 = func.substr(func.trim(Order.zip), 1, 3)
    state = func.upper(Order.state)
    rows = session.execute(
        select(OrderLine.sku_id, zip3, state, func.sum(OrderLine.quantity))
        .join(Order, Order.id == OrderLine.order_id).where(*in_period)
        .group_by(OrderLine.sku_id, zip3, state)).all()
    demand: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
    for sku_id, z3, st, units in rows:
        demand[sku_id].append((_dest_zip3(z3 or "", st or ""), st or "", int(units or 0)))
    skus = {s.id: s for s in session.scalars(select(Sku).where(Sku.id.in_(list(demand))))}

    zone_cache: dict[tuple[int, str], int | None] = {}

    def zone(wh: Warehouse, zip3: str, state: str) -> int | None:
        key = (wh.id, zip3 or "@" + state)
        if key not in zone_cache:
            chart = charts.get(wh.id)
            if not zip3:
                zone_cache[key] = state_zone(wh.zip, state)
            elif chart and zip3 in chart:
                zone_cache[key] = chart[zip3]
            else:
                zone_cache[key] = distance_zone(wh.zip, zip3)
        return zone_cache[key]

    label_costs = _label_costs(session, in_period, {w.id: w for w in warehouses}, zone)

    def cost(z: int) -> Decimal:
        return label_costs.get(z) or zone_cost(z)

    advice = [_advise_sku(skus[sku_id], lines, warehouses, current, zone, cost, qty)
              for sku_id, lines in demand.items()]
    advice.sort(key=lambda a: (-a.units, a.sku))
    return SplitAdvice(client.code, start, end, qty, current.code if current else None,
                       origins, tuple(advice), label_costs)


def _dest_zip3(zip3: str, state: str) -> str:
    """``zip3`` when it is a known ZIP3 of the state the order names (or the order names
    no known state), else "" - the destination is then the state's centroid."""
    owner = zip3_states().get(zip3)
    if owner is not None and (owner == state or state not in state_centroids()):
        return zip3
    return "" if state in state_centroids() else zip3


def _label_costs(session: Session, in_period: tuple[Any, ...], warehouses: dict[int, Warehouse],
                 zone: Zoner) -> dict[int, Decimal]:
    """Mean USD cost per zone of the labels bought for the period's orders, for zones
    with at least :data:`LABEL_SAMPLE_MIN` labels. Grouped per warehouse and ZIP3 in SQL."""
    zip3 = func.substr(func.trim(Order.zip), 1, 3)
    state = func.upper(Order.state)
    rows = session.execute(
        select(Order.warehouse_id, zip3, state, func.sum(LabelPurchase.cost), func.count())
        .join(Order, Order.id == LabelPurchase.order_id)
        .where(*in_period, LabelPurchase.status == _PAID, LabelPurchase.cost.is_not(None),
               LabelPurchase.currency == "USD", Order.warehouse_id.is_not(None))
        .group_by(Order.warehouse_id, zip3, state)).all()
    totals: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal("0"), Decimal("0")])
    for wh_id, z3, st, total, n in rows:
        wh = warehouses.get(wh_id)
        z = zone(wh, _dest_zip3(z3 or "", st or ""), st or "") if wh is not None else None
        if z is not None:
            totals[z][0] += Decimal(total)
            totals[z][1] += n
    return {z: (t / n).quantize(Decimal("0.01")) for z, (t, n) in totals.items()
            if n >= LABEL_SAMPLE_MIN}


def _current_warehouse(session: Session, default_id: int | None, in_period: tuple[Any, ...],
                       warehouses: list[Warehouse]) -> Warehouse | None:
    by_id = {w.id: w for w in warehouses}
    if default_id in by_id:
        return by_id[default_id]
    busiest = session.execute(
        select(Order.warehouse_id, func.count()).where(*in_period,
                                                       Order.warehouse_id.is_not(None))
        .group_by(Order.warehouse_id).order_by(func.count().desc(), Order.warehouse_id)).first()
    if busiest is not None and busiest[0] in by_id:
        return by_id[busiest[0]]
    return warehouses[0] if warehouses else None


def _advise_sku(sku: Sku, lines: list[tuple[str, str, int]], warehouses: list[Warehouse],
                current: Warehouse | None, zone: Zoner,
                cost: Callable[[int], Decimal], qty: int | None) -> SkuAdvice:
    units = sum(n for _, _, n in lines)
    served: dict[str, float] = defaultdict(float)  # warehouse -> units it serves best
    zone_units: dict[str, float] = defaultdict(float)  # sum of zone x units it serves
    alone: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])  # zone x units, units
    split_zone = split_days = 0.0
    split_cost = Decimal("0")
    cur_zone = cur_days = 0.0
    cur_cost = Decimal("0")
    zoned = 0
    destinations = []
    merged: dict[tuple[str, str], int] = defaultdict(int)
    for z3, st, n in lines:
        merged[(z3, st)] += n
    for (z3, st), n in sorted(merged.items(), key=lambda kv: (-kv[1], kv[0])):
        zones = {w.code: zone(w, z3, st) for w in warehouses}
        destinations.append(Destination(z3, st, n, zones))
        known = {code: z for code, z in zones.items() if z is not None}
        cur = zones.get(current.code) if current else None
        if not known or cur is None:
            continue
        zoned += n
        for code, z in known.items():
            alone[code][0] += z * n
            alone[code][1] += n
        best = min(known.values())
        winners = [code for code, z in known.items() if z == best]
        for code in winners:
            served[code] += n / len(winners)
            zone_units[code] += best * n / len(winners)
        split_zone += best * n
        split_days += transit_days(best) * n
        split_cost += cost(best) * n
        cur_zone += cur * n
        cur_days += transit_days(cur) * n
        cur_cost += cost(cur) * n
    shares = {w.code: (served[w.code] / zoned if zoned else 0.0) for w in warehouses}
    target = units if qty is None else qty
    recommended = _largest_remainder(target, shares) if zoned else {
        w.code: (target if current and w.code == current.code else 0) for w in warehouses}
    advice = tuple(WarehouseAdvice(
        w.code, round(shares[w.code], 4),
        round(zone_units[w.code] / served[w.code], 2) if served[w.code] else None,
        round(alone[w.code][0] / alone[w.code][1], 2) if alone[w.code][1] else None,
        recommended[w.code]) for w in warehouses)
    if not zoned:
        return SkuAdvice(sku.code, sku.name_en, units, units, tuple(destinations), advice,
                         None, None)
    return SkuAdvice(
        sku.code, sku.name_en, units, units - zoned, tuple(destinations), advice,
        Figures(round(cur_zone / zoned, 2), round(cur_days / zoned, 2), cur_cost),
        Figures(round(split_zone / zoned, 2), round(split_days / zoned, 2), split_cost))


def _largest_remainder(total: int, shares: dict[str, float]) -> dict[str, int]:
    """``total`` whole units in proportion to ``shares`` (which sum to 1), summing exactly."""
    exact = {code: total * share for code, share in shares.items()}
    out = {code: int(value) for code, value in exact.items()}
    left = total - sum(out.values())
    for code in sorted(exact, key=lambda c: (-(exact[c] - out[c]), c))[:left]:
        out[code] += 1
    return out
