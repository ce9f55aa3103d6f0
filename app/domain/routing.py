"""Pick routes: the walking distance everyone uses and the shortest tour through bins.

The model (issue #16, point 2), shared by the GUI, the CLI, wave planning and the tests:

* aisle ``a`` runs along x = (a − 1) · ``aisle_pitch_m``; a bin at position ``p`` sits at
  y = (p − 0.5) · ``bin_pitch_m`` on its aisle's centre line (both sides of an aisle and
  all levels are the same point);
* cross aisles run across all aisles at y = 0 (front), at y = k · ``block_length`` ·
  ``bin_pitch_m`` for every k with 0 < k · ``block_length`` < P, and at y = P ·
  ``bin_pitch_m`` (back), P being the largest position of the warehouse's sellable bins;
* people walk only along aisle centre lines and cross aisles; the depot is the front end
  of ``depot_aisle``; a route starts and ends there.

Routes: one block (``block_length`` 0 or ≥ P) → Ratliff–Rosenthal, optimal and linear in
the number of aisles (:mod:`app.domain.routing_rr`). Two or three blocks → the same kind
of programme over the vertices of an aisle (:mod:`app.domain.routing_blocks`), optimal
at any number of picks. More blocks → Held–Karp over the shortest-path metric, optimal,
for up to :data:`EXACT_POINTS` distinct points; beyond, the single-block optimum (a valid
visiting order here too, only ever shorter with the extra cross aisles) and a
nearest-neighbour tour, improved by 2-opt, Or-opt and double-bridge kicks
(:mod:`app.domain.routing_tsp`; its gap, under 1 % on average at 14–50 picks, is measured
by ``python -m tests.benchmarks.routing``). Everything is deterministic: the same stops
give the same route.

A stop beyond P (a bin that is not sellable, further back than every sellable one)
stretches the aisles to its position rather than being refused: the walk to it exists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import overload

from app.domain import routing_blocks, routing_rr, routing_tsp
from app.domain.errors import InvalidValue

#: Multi-block pick lists with at most this many distinct points are routed exactly.
EXACT_POINTS = 12

RATLIFF_ROSENTHAL = "ratliff-rosenthal"
BLOCK_DP = "multi-block-dp"
HELD_KARP = "held-karp"
HEURISTIC = "heuristic+2opt"
NO_STOPS = "no-stops"

_MUST_BE_POSITIVE = "must be more than 0"
_MUST_BE_NATURAL = "must be 1 or more"
_MUST_NOT_BE_NEGATIVE = "must not be negative"


@dataclass(frozen=True)
class Layout:
    """A warehouse's walking geometry (see the module docstring)."""

    aisle_pitch_m: float
    bin_pitch_m: float
    block_length: int      # 0 = one block
    depot_aisle: int
    max_position: int      # P: largest position of the warehouse's sellable bins


@dataclass(frozen=True)
class Stop:
    """A place to pick at: both sides of an aisle and all levels are one point."""

    aisle: int
    position: int


@dataclass(frozen=True)
class Route:
    """A visiting order of the stops given, and its length."""

    order: tuple[int, ...]   # indexes into the stops given, in visiting order (each once)
    distance_m: float        # depot -> stops -> depot, on aisle centre lines and cross aisles
    method: str              # RATLIFF_ROSENTHAL, BLOCK_DP, HELD_KARP, HEURISTIC or NO_STOPS


@overload
def validate_layout(layout: Layout, /) -> None: ...
@overload
def validate_layout(aisle_pitch_m: float, bin_pitch_m: float, block_length: int,
                    depot_aisle: int, max_position: int = 0) -> None: ...
def validate_layout(aisle_pitch_m: float | Layout, bin_pitch_m: float = 0.0,
                    block_length: int = 0, depot_aisle: int = 0,
                    max_position: int = 0) -> None:
    """Refuse a layout no walk can be measured in, with a one-line message.

    Takes a :class:`Layout` or its numbers. Pitches must be positive finite metres,
    ``block_length`` 0 or more, ``depot_aisle`` 1 or more and ``max_position`` (0 while
    the warehouse has no bins) not negative.
    """
    if isinstance(aisle_pitch_m, Layout):
        layout = aisle_pitch_m
        validate_layout(layout.aisle_pitch_m, layout.bin_pitch_m, layout.block_length,
                        layout.depot_aisle, layout.max_position)
        return
    for field, value in (("aisle pitch", aisle_pitch_m), ("bin pitch", bin_pitch_m)):
        if not (value > 0 and value != float("inf")):  # also refuses NaN
            raise InvalidValue(field=field, problem=_MUST_BE_POSITIVE)
    if block_length < 0:
        raise InvalidValue(field="block length", problem=_MUST_NOT_BE_NEGATIVE)
    if depot_aisle < 1:
        raise InvalidValue(field="depot aisle", problem=_MUST_BE_NATURAL)
    if max_position < 0:
        raise InvalidValue(field="largest position", problem=_MUST_NOT_BE_NEGATIVE)


class _Geometry:
    """Coordinates and cross aisles of one layout stretched to a depth (cached, see
    :func:`_layout_geometry`)."""

    __slots__ = ("aisle_pitch", "bin_pitch", "block", "block_m", "cross", "deepest",
                 "depot_aisle", "length", "single")

    def __init__(self, layout: Layout, deepest: int) -> None:
        validate_layout(layout.aisle_pitch_m, layout.bin_pitch_m, layout.block_length,
                        layout.depot_aisle, layout.max_position)
        self.aisle_pitch = float(layout.aisle_pitch_m)
        self.bin_pitch = float(layout.bin_pitch_m)
        self.deepest = deepest
        self.length = deepest * self.bin_pitch
        self.depot_aisle = layout.depot_aisle
        self.single = layout.block_length == 0 or layout.block_length >= deepest
        self.block = layout.block_length
        self.block_m = layout.block_length * self.bin_pitch
        # y of every cross aisle, front to back: k · block for k · block_length < P, then P
        inner = (deepest - 1) // self.block + 1 if not self.single else 1
        self.cross = [k * self.block_m for k in range(inner)] + [self.length]

    def x(self, aisle: int) -> float:
        return (aisle - 1) * self.aisle_pitch

    def point(self, stop: Stop | None) -> tuple[float, float, float, float]:
        """(x, y, y of the cross aisle in front, y of the one behind) of a stop; the depot
        is on the front cross aisle."""
        if stop is None:
            return (self.depot_aisle - 1) * self.aisle_pitch, 0.0, 0.0, 0.0
        position = stop.position
        y = (position - 0.5) * self.bin_pitch
        if self.single:
            return (stop.aisle - 1) * self.aisle_pitch, y, 0.0, self.length
        lo = (position - 1) // self.block * self.block_m
        hi = lo + self.block_m
        return (stop.aisle - 1) * self.aisle_pitch, y, lo, (hi if hi < self.length
                                                             else self.length)


def _geometry(layout: Layout, stops: Sequence[Stop]) -> _Geometry:
    """The geometry for routing ``stops`` (checked: on the floor), the aisles stretched
    to the deepest of them."""
    deepest = layout.max_position
    for stop in stops:
        if stop.aisle < 1:
            raise InvalidValue(field="aisle", problem=_MUST_BE_NATURAL)
        if stop.position < 1:
            raise InvalidValue(field="position", problem=_MUST_BE_NATURAL)
        if stop.position > deepest:
            deepest = stop.position
    return _layout_geometry(layout, deepest)


def _layout_geometry(layout: Layout, deepest: int) -> _Geometry:
    """Cached: wave planning measures thousands of walks on one layout, and
    :func:`distance` must not re-validate it every time. The last geometry is kept by
    identity (no hashing of the layout); one tuple, replaced whole, so threads are safe."""
    global _LAST
    last_layout, last_deepest, geo = _LAST
    if geo is None or last_layout is not layout or last_deepest != deepest:
        geo = _cached_geometry(layout, deepest)
        _LAST = (layout, deepest, geo)
    return geo


@lru_cache(maxsize=256)
def _cached_geometry(layout: Layout, deepest: int) -> _Geometry:
    return _Geometry(layout, deepest)


_LAST: tuple[Layout | None, int, _Geometry | None] = (None, -1, None)


def _walk(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """Shortest walk between two points given as :meth:`_Geometry.point` tuples.

    Same aisle: straight along it (it crosses the cross aisles). Otherwise leave by one end
    of your block, go along cross aisles and aisles (a Manhattan walk between two cross
    aisle points: any aisle connects any two cross aisles) and enter the other block by
    one of its ends.
    """
    xa, ya, lo_a, hi_a = a
    xb, yb, lo_b, hi_b = b
    if xa == xb:
        return ya - yb if ya > yb else yb - ya
    down_a, up_a, down_b, up_b = ya - lo_a, hi_a - ya, yb - lo_b, hi_b - yb
    best = down_a + abs(lo_a - lo_b) + down_b
    walk = down_a + abs(lo_a - hi_b) + up_b
    if walk < best:
        best = walk
    walk = up_a + abs(hi_a - lo_b) + down_b
    if walk < best:
        best = walk
    walk = up_a + abs(hi_a - hi_b) + up_b
    if walk < best:
        best = walk
    return abs(xa - xb) + best


def distance(layout: Layout, a: Stop | None, b: Stop | None) -> float:
    """Shortest walk between two stops (``None`` is the depot), in metres."""
    geo = _geometry(layout, [s for s in (a, b) if s is not None])
    return _walk(geo.point(a), geo.point(b))


def tour_length(layout: Layout, stops: Sequence[Stop]) -> float:
    """Length of depot → ``stops`` in the order given → depot, in metres."""
    geo = _geometry(layout, stops)
    return _tour_length(geo, stops)


def _tour_length(geo: _Geometry, stops: Sequence[Stop]) -> float:
    if geo.single:
        return _one_block_tour_length(geo, stops)
    depot = geo.point(None)
    here = depot
    total = 0.0
    point = geo.point
    for stop in stops:
        there = point(stop)
        total += _walk(here, there)
        here = there
    return total + _walk(here, depot)


def _one_block_tour_length(geo: _Geometry, stops: Sequence[Stop]) -> float:
    """:func:`_walk` with only the front and back cross aisles, inlined: a route's length
    is measured on every call of :func:`plan_route`, so it must cost next to nothing."""
    w, b, length = geo.aisle_pitch, geo.bin_pitch, geo.length
    x0, y0 = geo.x(geo.depot_aisle), 0.0
    total = 0.0
    for stop in stops:
        x1, y1 = (stop.aisle - 1) * w, (stop.position - 0.5) * b
        if x1 == x0:
            total += abs(y1 - y0)
        else:  # the same sums as _walk's, so a tour is exactly the sum of its walks
            round_front, round_back = y0 + y1, (length - y0) + (length - y1)
            total += abs(x1 - x0) + (round_front if round_front < round_back else round_back)
        x0, y0 = x1, y1
    x1 = geo.x(geo.depot_aisle)
    return total + (y0 if x1 == x0 else abs(x1 - x0) + y0)


def plan_route(layout: Layout, stops: Sequence[Stop], *, method: str | None = None
               ) -> Route:
    """The shortest (or, for long lists on floors of many blocks, a near-shortest) tour of
    ``stops``.

    Stops at the same (aisle, position) are one point and come out next to each other, in
    the order given. ``distance_m`` is always ``tour_length`` of the returned order.
    ``method`` forces one (the tests and the benchmark compare them); by default: one
    block → Ratliff–Rosenthal; up to ``routing_blocks.MAX_BLOCKS`` blocks → the
    multi-block programme; more → Held–Karp up to :data:`EXACT_POINTS` points, else the
    heuristic.
    """
    geo = _geometry(layout, stops)
    if not stops:
        return Route((), 0.0, NO_STOPS)
    points: dict[tuple[int, int], list[int]] = {}
    for index, stop in enumerate(stops):
        points.setdefault((stop.aisle, stop.position), []).append(index)
    places = list(points)
    if method is None:
        method = _automatic(geo, len(places))
    point_order: Sequence[int]
    if method == RATLIFF_ROSENTHAL:
        if not geo.single:
            raise ValueError("Ratliff–Rosenthal routes single-block layouts only")
        point_order = _single_block(geo, places)
    else:
        walk = Layout(geo.aisle_pitch, geo.bin_pitch, geo.block, geo.depot_aisle, geo.deepest)
        point_order = _routed(walk, tuple(Stop(a, p) for a, p in places), method)
    groups = list(points.values())
    order = tuple(i for p in point_order for i in groups[p])
    return Route(order, _tour_length(geo, [stops[i] for i in order]), method)


def _automatic(geo: _Geometry, points: int) -> str:
    if geo.single:
        return RATLIFF_ROSENTHAL
    if len(geo.cross) - 1 <= routing_blocks.MAX_BLOCKS:
        return BLOCK_DP
    return HELD_KARP if points <= EXACT_POINTS else HEURISTIC


def _by_aisle(geo: _Geometry, places: Sequence[tuple[int, int]]
              ) -> list[tuple[int, list[tuple[float, int]]]]:
    """The aisles with picks, in order, each with its picks as (y, index into places)."""
    by_aisle: dict[int, list[tuple[float, int]]] = {}
    pitch = geo.bin_pitch
    for index, (aisle, position) in enumerate(places):
        picks = by_aisle.get(aisle)
        if picks is None:
            picks = by_aisle[aisle] = []
        picks.append(((position - 0.5) * pitch, index))
    return [(aisle, sorted(by_aisle[aisle])) for aisle in sorted(by_aisle)]


def _single_block(geo: _Geometry, places: Sequence[tuple[int, int]]) -> list[int]:
    """Indexes into ``places`` (distinct (aisle, position) pairs) in the Ratliff–Rosenthal
    optimal order."""
    order, _ = routing_rr.optimal_tour(geo.aisle_pitch, geo.length, geo.depot_aisle,
                                       _by_aisle(geo, places))
    return order


@lru_cache(maxsize=4096)
def _routed(layout: Layout, distinct: tuple[Stop, ...], method: str) -> tuple[int, ...]:
    """Indexes into ``distinct`` in visiting order by ``method`` (not Ratliff–Rosenthal).

    Cached: wave planning asks for the route of the same cart again, and these methods
    cost milliseconds (tens for Held–Karp at 12 points or three blocks).
    """
    geo = _geometry(layout, distinct)
    if method == BLOCK_DP:
        places = [(stop.aisle, stop.position) for stop in distinct]
        order, _ = routing_blocks.optimal_tour(geo.aisle_pitch, geo.cross, geo.depot_aisle,
                                               _by_aisle(geo, places))
        return tuple(order)
    matrix = _matrix(geo, distinct)
    if method == HELD_KARP:
        tour = routing_tsp.held_karp(matrix)
    elif method == HEURISTIC:
        tour = _heuristic(geo, distinct, matrix)
    else:
        raise ValueError(f"no routing method {method!r}")
    return tuple(node - 1 for node in tour)


def _matrix(geo: _Geometry, distinct: Sequence[Stop]) -> list[list[float]]:
    """Walking distances between the depot (node 0) and every point (node i + 1)."""
    nodes = [geo.point(None), *(geo.point(s) for s in distinct)]
    matrix = [[0.0] * len(nodes) for _ in nodes]
    for i, a in enumerate(nodes):  # walks are symmetric: measure each pair once
        row = matrix[i]
        for j in range(i + 1, len(nodes)):
            row[j] = matrix[j][i] = _walk(a, nodes[j])
    return matrix


def _heuristic(geo: _Geometry, distinct: Sequence[Stop],
               matrix: list[list[float]]) -> list[int]:
    """Local search (:func:`app.domain.routing_tsp.search`) from the single-block optimum
    and from the nearest-neighbour tour (nodes of ``matrix``, depot excluded)."""
    relaxed = _geometry(Layout(geo.aisle_pitch, geo.bin_pitch, 0, geo.depot_aisle,
                               geo.deepest), distinct)
    places = [(stop.aisle, stop.position) for stop in distinct]
    starts = ([p + 1 for p in _single_block(relaxed, places)],
              routing_tsp.nearest_neighbour(matrix))
    return routing_tsp.search(matrix, starts)
