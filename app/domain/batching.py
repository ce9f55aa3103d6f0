"""Order batching: which orders of a wave share a cart, by Clarke–Wright savings.

Pure functions over plain data. Each order is the set of stops (aisle, position) its
reservations sit at and a number of units; a cart carries at most ``orders`` orders (one
tote each) and, optionally, at most ``units`` units (an order bigger than that rides
alone). Three ways to fill the carts:

* :func:`savings_batches` - Clarke–Wright (ii): start with one cart per order, repeatedly
  merge the pair of carts whose merged round saves the most walking, d(i) + d(j) − d(i∪j),
  recomputing the savings of the merged cart after every merge; then a local search
  moves and swaps single orders between neighbouring carts while that shortens the total
  (seed/savings + local search, performance.md §2). Walking lengths
  during the search are cheapest-insertion tours on the exact shortest-walk metric of
  :func:`app.domain.routing.distance` (fast and incremental); the caller routes the final
  carts with :func:`app.domain.routing.plan_route`. To stay fast on waves of hundreds of
  orders, an order's merge partners are the orders at its own stops and at the stops
  nearest to them (:data:`NEAREST_STOPS`); carts left part-full are then merged with any
  other part-full cart.
* :func:`fcfs_batches` - first come, first served: carts filled in the order given (the
  baseline batching is measured against).
* one order per cart - what walking order by order costs.

Reference: performance.md §2 (C&W on Ratliff–Rosenthal routes: 0.23 of single-order
travel at 48 orders per wave, 0.70–0.79 of first-come-first-served).
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.routing import Layout, Stop, distance

#: Stops near an order's own whose orders are its merge partners (besides those at its
#: own stops).
NEAREST_STOPS = 6
#: Partners per order at most: the nearest ones (a best seller's bin is on hundreds).
MAX_PARTNERS = 40
#: Local-search passes over all carts (stopping early when one changes nothing) and the
#: most quick tours they may try in all.
LOCAL_SEARCH_PASSES = 3
LOCAL_SEARCH_TRIES = 60_000


@dataclass(frozen=True)
class BatchOrder:
    """One order of a wave as the batcher sees it."""

    stops: frozenset[Stop]
    units: int


@dataclass(frozen=True)
class CartCapacity:
    orders: int = 8
    #: Units per cart; None = only the order count limits a cart.
    units: int | None = None


def fcfs_batches(orders: Sequence[BatchOrder], capacity: CartCapacity) -> list[list[int]]:
    """Carts filled in the order given: a cart closes when the next order does not fit."""
    carts: list[list[int]] = []
    units = 0
    for i, order in enumerate(orders):
        if not carts or not _fits(len(carts[-1]), units, order.units, capacity):
            carts.append([])
            units = 0
        carts[-1].append(i)
        units += order.units
    return carts


def _fits(count: int, units: int, more_units: int, capacity: CartCapacity) -> bool:
    if count + 1 > capacity.orders:
        return False
    return capacity.units is None or count == 0 or units + more_units <= capacity.units


class _Metric:
    """Shortest walks between stops (node 0 is the depot), computed once per pair."""

    def __init__(self, layout: Layout, stops: Sequence[Stop]) -> None:
        self.layout = layout
        self.nodes: list[Stop | None] = [None, *stops]
        self.index = {stop: i for i, stop in enumerate(stops, start=1)}
        self._memo: dict[tuple[int, int], float] = {}

    def d(self, a: int, b: int) -> float:
        if a == b:
            return 0.0
        key = (a, b) if a < b else (b, a)
        value = self._memo.get(key)
        if value is None:
            value = distance(self.layout, self.nodes[a], self.nodes[b])
            self._memo[key] = value
        return value


@dataclass
class _Cart:
    orders: list[int]
    nodes: frozenset[int]
    units: int
    tour: list[int]          # nodes in visiting order, depot excluded
    length: float


def _tour_length(metric: _Metric, tour: Sequence[int]) -> float:
    total, here = 0.0, 0
    for node in tour:
        total += metric.d(here, node)
        here = node
    return total + metric.d(here, 0)


def _insert(metric: _Metric, tour: list[int], length: float,
            new: Sequence[int]) -> tuple[list[int], float]:
    """``tour`` with ``new`` nodes added, each where it lengthens the tour least (the
    farthest from the depot first: it fixes the shape, the rest fall in along it)."""
    tour = list(tour)
    for node in sorted(new, key=lambda n: -metric.d(0, n)):
        best_at, best_cost = 0, float("inf")
        prev = 0
        for at in range(len(tour) + 1):
            nxt = tour[at] if at < len(tour) else 0
            cost = metric.d(prev, node) + metric.d(node, nxt) - metric.d(prev, nxt)
            if cost < best_cost:
                best_at, best_cost = at, cost
            prev = nxt
        tour.insert(best_at, node)
        length += best_cost
    return tour, length


def _two_opt(metric: _Metric, tour: list[int], length: float) -> tuple[list[int], float]:
    """Reverse segments while that shortens the tour (the metric is symmetric)."""
    path = [0, *tour, 0]
    improved = True
    while improved:
        improved = False
        for i in range(1, len(path) - 2):
            for j in range(i + 1, len(path) - 1):
                gain = (metric.d(path[i - 1], path[i]) + metric.d(path[j], path[j + 1])
                        - metric.d(path[i - 1], path[j]) - metric.d(path[i], path[j + 1]))
                if gain > 1e-9:
                    path[i:j + 1] = reversed(path[i:j + 1])
                    length -= gain
                    improved = True
    return path[1:-1], length


class _Batcher:
    def __init__(self, layout: Layout, orders: Sequence[BatchOrder],
                 capacity: CartCapacity) -> None:
        stops = sorted({s for o in orders for s in o.stops},
                       key=lambda s: (s.aisle, s.position))
        self.metric = _Metric(layout, stops)
        self.orders = orders
        self.capacity = capacity
        self.nodes = [frozenset(self.metric.index[s] for s in o.stops) for o in orders]

    # -- carts ---------------------------------------------------------------------------

    def cart_of(self, members: list[int]) -> _Cart:
        nodes = frozenset().union(*(self.nodes[i] for i in members))
        tour, length = _insert(self.metric, [], 0.0, sorted(nodes))
        tour, length = _two_opt(self.metric, tour, length)
        return _Cart(list(members), nodes, sum(self.orders[i].units for i in members),
                     tour, length)

    def merged(self, a: _Cart, b: _Cart) -> _Cart:
        big, small = (a, b) if len(a.tour) >= len(b.tour) else (b, a)
        tour, length = _insert(self.metric, big.tour, big.length,
                               sorted(small.nodes - big.nodes))
        return _Cart(a.orders + b.orders, a.nodes | b.nodes, a.units + b.units, tour, length)

    def fits(self, a: _Cart, b: _Cart) -> bool:
        if len(a.orders) + len(b.orders) > self.capacity.orders:
            return False
        limit = self.capacity.units
        return limit is None or a.units + b.units <= limit

    # -- partners ------------------------------------------------------------------------

    def partners(self) -> list[list[int]]:
        """For each order, the orders worth trying on its cart: at or near its stops."""
        at_node: dict[int, list[int]] = {}
        for i, nodes in enumerate(self.nodes):
            for n in nodes:
                at_node.setdefault(n, []).append(i)
        all_nodes = sorted(at_node)
        near = {n: self._nearest(n, all_nodes) for n in all_nodes}
        result = []
        for i, nodes in enumerate(self.nodes):
            gap: dict[int, float] = {}
            for n in nodes:
                for m in near[n]:
                    d = self.metric.d(n, m)
                    for j in at_node[m]:
                        if j != i and d < gap.get(j, float("inf")):
                            gap[j] = d
            result.append(sorted(gap, key=lambda j: (gap[j], j))[:MAX_PARTNERS])
        return result

    def _nearest(self, node: int, nodes: list[int]) -> list[int]:
        """``node`` and the :data:`NEAREST_STOPS` nodes nearest to it."""
        return sorted(nodes, key=lambda m: self.metric.d(node, m))[:NEAREST_STOPS + 1]

    # -- Clarke–Wright -------------------------------------------------------------------

    def savings(self, partners: list[list[int]]) -> list[_Cart]:
        carts: dict[int, _Cart] = {i: self.cart_of([i]) for i in range(len(self.orders))}
        home = list(range(len(self.orders)))          # order -> id of its cart
        heap: list[tuple[float, int, int]] = []

        def offer(a: int, b: int) -> None:
            ca, cb = carts[a], carts[b]
            if self.fits(ca, cb):
                saving = ca.length + cb.length - self.merged(ca, cb).length
                if saving > 1e-9:
                    heapq.heappush(heap, (-saving, min(a, b), max(a, b)))

        for i, others in enumerate(partners):
            for j in others:
                if i < j or i not in partners[j]:
                    offer(i, j)
        next_id = len(self.orders)
        while heap:
            _neg, a, b = heapq.heappop(heap)
            if a not in carts or b not in carts:
                continue                               # one of them merged already
            cart = self.merged(carts.pop(a), carts.pop(b))
            cart.tour, cart.length = _two_opt(self.metric, cart.tour, cart.length)
            carts[next_id] = cart
            for i in cart.orders:
                home[i] = next_id
            neighbours = {home[j] for i in cart.orders for j in partners[i]} - {next_id}
            for other in sorted(neighbours):
                offer(next_id, other)
            next_id += 1
        return self._merge_leftovers(list(carts.values()))

    def _merge_leftovers(self, carts: list[_Cart]) -> list[_Cart]:
        """Part-full carts whose orders had no partner in common: merge the best pairs."""
        while True:
            best: tuple[float, int, int, _Cart] | None = None
            open_carts = [i for i, c in enumerate(carts) if len(c.orders) < self.capacity.orders]
            for x, i in enumerate(open_carts):
                for j in open_carts[x + 1:]:
                    if self.fits(carts[i], carts[j]):
                        m = self.merged(carts[i], carts[j])
                        saving = carts[i].length + carts[j].length - m.length
                        if saving > 1e-9 and (best is None or saving > best[0]):
                            best = (saving, i, j, m)
            if best is None:
                return carts
            _s, i, j, m = best
            carts = [c for k, c in enumerate(carts) if k not in (i, j)] + [m]


    # -- local search --------------------------------------------------------------------

    def improve(self, carts: list[_Cart], partners: list[list[int]]) -> list[_Cart]:
        """Move one order to a neighbouring cart, or swap two, while the total shortens.

        A cart's neighbours hold partners of its orders. Each change is judged on quick
        tours (the order's own stops dropped from one cart and inserted into the other),
        and kept only when both carts, 2-opted, are shorter together. At most
        :data:`LOCAL_SEARCH_TRIES` tours are tried, so a huge wave stays quick.
        """
        budget = LOCAL_SEARCH_TRIES
        for _ in range(LOCAL_SEARCH_PASSES):
            changed = False
            owner = {i: k for k, c in enumerate(carts) for i in c.orders}
            for a in range(len(carts)):
                neighbours = {owner[j] for i in carts[a].orders for j in partners[i]} - {a}
                for b in sorted(neighbours):
                    if budget <= 0:
                        return [c for c in carts if c.orders]
                    moved, tried = self._improve_pair(carts, a, b)
                    budget -= tried
                    if moved:
                        changed = True
                        owner.update({i: a for i in carts[a].orders})
                        owner.update({i: b for i in carts[b].orders})
            if not changed:
                break
        return [c for c in carts if c.orders]

    def _without(self, cart: _Cart, order: int) -> tuple[list[int], list[int], float]:
        """(the other orders, the tour without the stops only ``order`` needs, its length)."""
        rest = [o for o in cart.orders if o != order]
        keep = frozenset().union(*(self.nodes[o] for o in rest))
        tour = [n for n in cart.tour if n in keep]
        return rest, tour, _tour_length(self.metric, tour)

    def _with(self, tour: list[int], length: float, order: int) -> tuple[list[int], float]:
        return _insert(self.metric, tour, length, sorted(self.nodes[order] - set(tour)))

    def _built(self, members: list[int], tour: list[int], length: float) -> _Cart:
        tour, length = _two_opt(self.metric, tour, length)
        nodes = frozenset().union(*(self.nodes[i] for i in members))
        return _Cart(members, nodes, sum(self.orders[i].units for i in members), tour, length)

    def _improve_pair(self, carts: list[_Cart], a: int, b: int) -> tuple[bool, int]:
        """Apply the best improving move or swap of an order of cart ``a`` with cart ``b``;
        (whether one was applied, how many tours were tried)."""
        ca, cb = carts[a], carts[b]
        if not ca.orders or not cb.orders:
            return False, 0
        before = ca.length + cb.length - 1e-6
        tried = 0
        b_without = {j: self._without(cb, j) for j in cb.orders}
        for i in ca.orders:
            rest_a, tour_a, len_a = self._without(ca, i)
            options: list[tuple[float, list[int], list[int], float, list[int], list[int],
                                float]] = []
            if self._feasible([*cb.orders, i]):
                tour_b, len_b = self._with(cb.tour, cb.length, i)
                tried += 1
                if len_a + len_b < before:
                    options.append((len_a + len_b, rest_a, tour_a, len_a, [*cb.orders, i],
                                    tour_b, len_b))
            for j in cb.orders:
                left, right = [*rest_a, j], [o for o in cb.orders if o != j] + [i]
                if not (self._feasible(left) and self._feasible(right)):
                    continue
                _rest_b, tour_b, len_b = b_without[j]
                new_tour_a, new_a = self._with(tour_a, len_a, j)
                new_tour_b, new_b = self._with(tour_b, len_b, i)
                tried += 2
                if new_a + new_b < before:
                    options.append((new_a + new_b, left, new_tour_a, new_a, right, new_tour_b,
                                    new_b))
            if options:
                _total, left, tour_l, len_l, right, tour_r, len_r = min(options)
                new_ca = (self._built(left, tour_l, len_l) if left
                          else _Cart([], frozenset(), 0, [], 0.0))
                new_cb = self._built(right, tour_r, len_r)
                if new_ca.length + new_cb.length < before:
                    carts[a], carts[b] = new_ca, new_cb
                    return True, tried
        return False, tried

    def _feasible(self, members: list[int]) -> bool:
        if len(members) > self.capacity.orders:
            return False
        limit = self.capacity.units
        return (limit is None or len(members) <= 1
                or sum(self.orders[i].units for i in members) <= limit)


def savings_batches(layout: Layout, orders: Sequence[BatchOrder],
                    capacity: CartCapacity) -> list[list[int]]:
    """Carts as lists of indexes into ``orders`` (each order on exactly one cart), built
    by Clarke–Wright savings and improved by moving and swapping orders between carts.
    Deterministic: the same orders in the same order give the same carts."""
    if not orders:
        return []
    batcher = _Batcher(layout, orders, capacity)
    partners = batcher.partners()
    carts = batcher.improve(batcher.savings(partners), partners)
    return [sorted(c.orders) for c in carts]
