"""Choosing bins for an order: a pure function over plain data.

Rules, in priority order (what a picker and an inventory controller expect):

1. Only stock of the order's own client, in sellable bins, counts.
2. Pick-face bins before storage (reserve overstock only when the pick face is short).
3. Within a bin type, the oldest receipt first (FIFO keeps stock from ageing).
4. Fewest bins: a single bin that can fill the line wins over splitting it.

Stock with an expiry (lot-tracked SKUs, one lot per bin) goes first-expiring-first
(FEFO) before all of these: the earliest expiry is taken first whatever the bin type,
and a single bin fills the line only among the bins of that earliest expiry. Stock
inside its SKU's "do not ship" window never reaches the planner
(:func:`app.domain.lots.shippable`, applied where candidates are read).

An order is all-or-nothing: if any line cannot be filled, nothing is planned
and the caller backorders it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from app.domain.ids import BinId, OrderLineId, SkuId, WarehouseId
from app.domain.states import BinType

_TYPE_RANK = {BinType.PICK: 0, BinType.STORAGE: 1}


@dataclass(frozen=True, slots=True)
class LineNeed:
    line_id: OrderLineId
    sku_id: SkuId
    quantity: int


@dataclass(frozen=True, slots=True)
class BinStock:
    """Available stock of one SKU in one sellable bin."""

    bin_id: BinId
    warehouse_id: WarehouseId
    sku_id: SkuId
    bin_type: BinType
    available: int
    received_at: datetime | None
    #: The expiry of the bin's lot (lot-tracked SKUs); None = does not expire.
    expiry: date | None = None


@dataclass(frozen=True, slots=True)
class Pick:
    line_id: OrderLineId
    sku_id: SkuId
    bin_id: BinId
    quantity: int


@dataclass(frozen=True, slots=True)
class Shortage:
    sku_id: SkuId
    wanted: int
    available: int


@dataclass(frozen=True, slots=True)
class AllocationPlan:
    warehouse_id: WarehouseId | None
    picks: tuple[Pick, ...]
    shortages: tuple[Shortage, ...]

    @property
    def complete(self) -> bool:
        return not self.shortages and bool(self.picks)


def _order_key(stock: BinStock) -> tuple[date, int, datetime, int]:
    oldest = stock.received_at or datetime.max
    return (stock.expiry or date.max, _TYPE_RANK.get(stock.bin_type, 9), oldest, stock.bin_id)


def plan_line(need: LineNeed, stock: Sequence[BinStock]) -> list[Pick] | None:
    """Plan one line from ``stock`` (already filtered to its SKU); None if short."""
    ordered = sorted((s for s in stock if s.available > 0), key=_order_key)
    if sum(s.available for s in ordered) < need.quantity:
        return None
    whole = _whole_bin(need.quantity, ordered)
    if whole is not None:
        return [Pick(need.line_id, need.sku_id, whole.bin_id, need.quantity)]
    picks: list[Pick] = []
    left = need.quantity
    for s in ordered:
        take = min(left, s.available)
        picks.append(Pick(need.line_id, need.sku_id, s.bin_id, take))
        left -= take
        if left == 0:
            break
    return picks


def _whole_bin(quantity: int, ordered: Sequence[BinStock]) -> BinStock | None:
    """The first bin, in rank order, that fills the line alone: pick face before storage;
    for expiring stock only among the bins of the first expiry (FEFO beats fewest bins)."""
    first_expiry = ordered[0].expiry
    if first_expiry is not None:
        return next((s for s in ordered
                     if s.expiry == first_expiry and s.available >= quantity), None)
    for rank in sorted({_TYPE_RANK.get(s.bin_type, 9) for s in ordered}):
        whole = next((s for s in ordered if _TYPE_RANK.get(s.bin_type, 9) == rank
                      and s.available >= quantity), None)
        if whole is not None:
            return whole
    return None


def plan_order(
    needs: Sequence[LineNeed],
    stock: Iterable[BinStock],
    preferred: Sequence[WarehouseId] = (),
) -> AllocationPlan:
    """Plan a whole order from a single warehouse.

    Warehouses are tried in ``preferred`` order first (the one nearest the
    buyer), then by id; the first that can fill every line wins. Several lines
    of the same SKU draw from the same pool, so stock is never counted twice.
    """
    by_wh: dict[WarehouseId, list[BinStock]] = {}
    for s in stock:
        by_wh.setdefault(s.warehouse_id, []).append(s)
    order = [w for w in preferred if w in by_wh] + sorted(w for w in by_wh if w not in preferred)
    for wh in order:
        picks = _plan_in_warehouse(needs, by_wh[wh])
        if picks is not None:
            return AllocationPlan(wh, tuple(picks), ())
    return AllocationPlan(None, (), tuple(_shortages(needs, by_wh)))


def _plan_in_warehouse(needs: Sequence[LineNeed], stock: list[BinStock]) -> list[Pick] | None:
    # Keyed by (bin, SKU): one bin often holds several SKUs.
    remaining = {(s.bin_id, s.sku_id): s for s in stock}
    picks: list[Pick] = []
    for need in needs:
        pool = [s for s in remaining.values() if s.sku_id == need.sku_id]
        planned = plan_line(need, pool)
        if planned is None:
            return None
        for p in planned:
            s = remaining[(p.bin_id, p.sku_id)]
            remaining[(p.bin_id, p.sku_id)] = replace(s, available=s.available - p.quantity)
        picks.extend(planned)
    return picks


def _shortages(
    needs: Sequence[LineNeed], by_wh: dict[WarehouseId, list[BinStock]]
) -> list[Shortage]:
    """Report, per SKU, what is wanted against the best single warehouse's stock."""
    wanted: dict[SkuId, int] = {}
    for n in needs:
        wanted[n.sku_id] = wanted.get(n.sku_id, 0) + n.quantity
    result = []
    for sku, qty in wanted.items():
        best = max(
            (sum(s.available for s in st if s.sku_id == sku) for st in by_wh.values()),
            default=0,
        )
        if best < qty:
            result.append(Shortage(sku, qty, best))
    if not result:  # every SKU exists somewhere, just never all in one warehouse
        result = [Shortage(sku, qty, 0) for sku, qty in wanted.items()]
    return result
