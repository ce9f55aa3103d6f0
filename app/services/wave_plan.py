"""Planning a wave: which allocated orders go, on which carts, along which routes.

Read-only: :func:`plan_wave` changes nothing (``haicang waves plan`` and the Waves screen
show it; :func:`app.services.waves.release_wave` makes it real). The orders are the
warehouse's allocated orders that are on no open wave, narrowed by :class:`WaveFilters`;
their stops are the bins their reservations sit in. Carts are filled by Clarke–Wright
savings (:mod:`app.domain.batching`) and each is routed exactly by
:func:`app.domain.routing.plan_route`; the plan also says what walking order by order
and first-come-first-served carts would cost, so the saving is visible.

Priority, from the data an order carries: ``high`` is an order whose service level is a
fast one (expedited, priority, express, next day, overnight, two day, same day, rush) or
whose ship-by falls on or before today (the warehouse's local day); ``normal`` is every
other order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import Session

from app.db.models import (
    Bin,
    Order,
    OrderLine,
    PickCart,
    PickCartOrder,
    Reservation,
    Sku,
    Warehouse,
    Wave,
)
from app.domain.batching import BatchOrder, CartCapacity, fcfs_batches, savings_batches
from app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from app.domain.picking import WaveStatus
from app.domain.routing import Layout, Stop
from app.domain.states import OrderStatus
from app.services.layout import rounded, route_points, warehouse_layout
from app.services.lookup import client_by_code, warehouse_by_code

PRIORITIES = ("high", "normal")
UNIT_KINDS = ("single", "multi")
PACKAGING = ("prepacked", "needs_packing")
#: Words in a service level that make an order urgent (matched without case, spaces or
#: hyphens: "Next-Day", "NEXT DAY" and "nextday" are one).
FAST_SERVICE_WORDS = ("expedited", "priority", "express", "nextday", "overnight", "twoday",
                      "2day", "sameday", "oneday", "1day", "rush")
#: Waves whose orders are still on the floor: an order on one of them is not planned again.
OPEN_WAVES = (WaveStatus.RELEASED.value, WaveStatus.PICKING.value)
#: Orders read per query when loading their stops (keeps IN lists short on every DB).
CHUNK = 500
METHOD = "clarke-wright+local-search"


class NoOrdersToPlan(DomainError):
    code = "no_orders_to_plan"
    template = QT_TRANSLATE_NOOP(
        "errors", "No allocated orders in warehouse {warehouse} match ({filters}) and are "
        "not on a wave yet.")
    field_words = (QT_TRANSLATE_NOOP("errors", "no filters"),)


class UnknownFilterValue(DomainError):
    code = "unknown_filter_value"
    template = QT_TRANSLATE_NOOP("errors", "{filter}: '{value}' is not one of {allowed}.")


class CartTooSmall(DomainError):
    code = "cart_too_small"
    template = QT_TRANSLATE_NOOP(
        "errors", "A cart must take at least 1 order and 1 unit (got {orders} orders, "
        "{units} units).")


@dataclass(frozen=True)
class WaveFilters:
    """Which allocated orders a wave takes; None = any."""

    client: str | None = None
    carrier: str | None = None
    service: str | None = None
    #: Orders whose ship-by falls before this day (warehouse local time).
    ship_by_before: date | None = None
    priority: str | None = None        # "high" | "normal"
    units: str | None = None           # "single" | "multi"
    packaging: str | None = None       # "prepacked" | "needs_packing"

    def describe(self) -> str:
        """``client=ACME, units=single`` or ``no filters``: for messages and logs."""
        parts = [f"{k}={v.isoformat() if isinstance(v, date) else v}"
                 for k, v in vars(self).items() if v is not None]
        return ", ".join(parts) or "no filters"


@dataclass(frozen=True)
class PlannedBatch:
    """One cart: its orders (tote 1, 2, ... in this order) and its route."""

    orders: tuple[str, ...]
    order_ids: tuple[int, ...]
    route: tuple[str, ...]
    distance_m: float
    units: int = 0


@dataclass(frozen=True)
class WavePlan:
    warehouse_code: str
    batches: tuple[PlannedBatch, ...]
    #: Σ each order's own route: walking order by order.
    single_order_distance_m: float
    #: Σ the carts' routes.
    batched_distance_m: float
    #: Σ routes of carts filled first come, first served (by order date).
    fcfs_distance_m: float
    cart_orders: int = 8
    cart_units: int | None = None
    method: str = METHOD
    filters: WaveFilters = field(default_factory=WaveFilters)


@dataclass(frozen=True)
class _Candidate:
    """An eligible order with its stops: bin codes per (aisle, position)."""

    order_id: int
    number: str
    order_date: datetime
    units: int
    bins: dict[tuple[int, int], tuple[str, ...]]


def check_filters(filters: WaveFilters) -> WaveFilters:
    """Refuse filter words the planner does not know (a typo would match nothing)."""
    for name, value, allowed in (("priority", filters.priority, PRIORITIES),
                                 ("units", filters.units, UNIT_KINDS),
                                 ("packaging", filters.packaging, PACKAGING)):
        if value is not None and value not in allowed:
            raise UnknownFilterValue(filter=name, value=value, allowed=", ".join(allowed))
    return filters


def is_fast_service(service_level: str | None) -> bool:
    word = re.sub(r"[^a-z0-9]", "", (service_level or "").lower())
    return any(w in word for w in FAST_SERVICE_WORDS)


def plan_wave(
    session: Session,
    warehouse_code: str,
    filters: WaveFilters,
    *,
    cart_orders: int = 8,
    cart_units: int | None = None,
    now: datetime | None = None,
) -> WavePlan:
    """The carts a wave of the matching orders would need; nothing is written.

    Raises :class:`NoOrdersToPlan` when no order matches. ``now`` (default: the clock)
    decides which orders are due today for the ``high`` priority.
    """
    check_filters(filters)
    if cart_orders < 1 or (cart_units is not None and cart_units < 1):
        raise CartTooSmall(orders=cart_orders, units=cart_units)
    wh = warehouse_by_code(session, warehouse_code)
    candidates = _candidates(session, wh, filters, now or datetime.now(UTC))
    if not candidates:
        raise NoOrdersToPlan(warehouse=wh.code, filters=filters.describe())
    layout = warehouse_layout(session, wh.id)
    capacity = CartCapacity(cart_orders, cart_units)
    orders = [BatchOrder(frozenset(Stop(a, p) for a, p in c.bins if a > 0 and p > 0), c.units)
              for c in candidates]
    carts = savings_batches(layout, orders, capacity)
    # Cart 1 carries the oldest order: if the floor cannot pick them all, it goes first.
    carts.sort(key=lambda cart: min(
        (candidates[i].order_date, candidates[i].order_id) for i in cart))
    batches = tuple(_batch(layout, [candidates[i] for i in cart]) for cart in carts)
    by_date = sorted(range(len(candidates)),
                     key=lambda i: (candidates[i].order_date, candidates[i].order_id))
    fcfs = fcfs_batches([orders[i] for i in by_date], capacity)
    return WavePlan(
        warehouse_code=wh.code,
        batches=batches,
        single_order_distance_m=rounded(sum(_batch(layout, [c]).distance_m
                                            for c in candidates)),
        batched_distance_m=rounded(sum(b.distance_m for b in batches)),
        fcfs_distance_m=rounded(sum(
            _batch(layout, [candidates[by_date[i]] for i in cart]).distance_m
            for cart in fcfs)),
        cart_orders=cart_orders,
        cart_units=cart_units,
        filters=filters,
    )


def _batch(layout: Layout, members: Sequence[_Candidate]) -> PlannedBatch:
    """A cart of these orders with its exact route. Bins without an aisle and position
    (a bin set up before the layout was) cannot be placed: they come last, by code."""
    bins: dict[tuple[int, int], set[str]] = {}
    for c in members:
        for point, codes in c.bins.items():
            bins.setdefault(point, set()).update(codes)
    placed = sorted(p for p in bins if p[0] > 0 and p[1] > 0)
    order, distance_m, _method = route_points(layout, placed)
    unplaced = sorted(code for p in bins if p not in placed for code in bins[p])
    route = tuple(code for i in order for code in sorted(bins[placed[i]])) + tuple(unplaced)
    return PlannedBatch(tuple(c.number for c in members), tuple(c.order_id for c in members),
                        route, rounded(distance_m), sum(c.units for c in members))


def _candidates(session: Session, wh: Warehouse, filters: WaveFilters,
                now: datetime) -> list[_Candidate]:
    """The warehouse's allocated orders matching ``filters``, on no open wave, with the
    bins of their reservations; in order-date order."""
    on_open_wave = exists().where(
        PickCartOrder.order_id == Order.id, PickCartOrder.cart_id == PickCart.id,
        PickCart.wave_id == Wave.id, Wave.status.in_(OPEN_WAVES))
    stmt = (select(Order.id, Order.number, Order.order_date, Order.service_level,
                   Order.ship_by)
            .where(Order.warehouse_id == wh.id, Order.status == OrderStatus.ALLOCATED.value,
                   ~on_open_wave)
            .order_by(Order.order_date, Order.id))
    if filters.client:
        stmt = stmt.where(Order.client_id == client_by_code(session, filters.client).id)
    if filters.carrier:
        stmt = stmt.where(func.lower(Order.carrier) == filters.carrier.strip().lower())
    if filters.service:
        stmt = stmt.where(func.lower(Order.service_level) == filters.service.strip().lower())
    zone = ZoneInfo(wh.time_zone)
    if filters.ship_by_before:
        stmt = stmt.where(Order.ship_by < _local_midnight(filters.ship_by_before, zone))
    rows = session.execute(stmt).all()
    if filters.priority:
        end_of_today = _local_midnight(now.astimezone(zone).date() + timedelta(days=1), zone)
        wanted = filters.priority == "high"
        rows = [r for r in rows
                if (is_fast_service(r.service_level)
                    or (r.ship_by is not None and r.ship_by < end_of_today)) == wanted]
    ids = [r.id for r in rows]
    units, needs_packing = _line_facts(session, ids)
    bins = _reserved_bins(session, wh.id, ids)
    result = []
    for r in rows:
        if filters.units and (units.get(r.id, 0) == 1) != (filters.units == "single"):
            continue
        if filters.packaging and (needs_packing.get(r.id, 0) == 0) != (
                filters.packaging == "prepacked"):
            continue
        if r.id not in bins:
            continue          # reserved in another warehouse's bins: not pickable here
        result.append(_Candidate(r.id, r.number, r.order_date, units.get(r.id, 0),
                                 {p: tuple(sorted(c)) for p, c in bins[r.id].items()}))
    return result


def _local_midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), zone).astimezone(UTC)


def _line_facts(session: Session, ids: list[int]) -> tuple[dict[int, int], dict[int, int]]:
    """Units per order, and how many of its lines need packing (a SKU not pre-packed)."""
    units: dict[int, int] = {}
    needs: dict[int, int] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        for order_id, total, not_prepacked in session.execute(
            select(OrderLine.order_id, func.sum(OrderLine.quantity),
                   func.sum(case((Sku.prepacked.is_(False), 1), else_=0)))
            .join(Sku, Sku.id == OrderLine.sku_id)
            .where(OrderLine.order_id.in_(chunk)).group_by(OrderLine.order_id)
        ):
            units[order_id] = int(total or 0)
            needs[order_id] = int(not_prepacked or 0)
    return units, needs


def _reserved_bins(session: Session, warehouse_id: int,
                   ids: list[int]) -> dict[int, dict[tuple[int, int], set[str]]]:
    """Per order: bin codes by (aisle, position) of its reservations in this warehouse."""
    found: dict[int, dict[tuple[int, int], set[str]]] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        for order_id, code, aisle, position in session.execute(
            select(Reservation.order_id, Bin.code, Bin.aisle, Bin.position)
            .join(Bin, Bin.id == Reservation.bin_id)
            .where(Reservation.order_id.in_(chunk), Bin.warehouse_id == warehouse_id)
        ):
            found.setdefault(order_id, {}).setdefault((aisle, position), set()).add(code)
    return found

