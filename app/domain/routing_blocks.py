"""The optimal picker tour in a layout with a few blocks, by dynamic programming over aisles.

The Ratliff–Rosenthal idea (:mod:`app.domain.routing_rr`) generalised to any number of
cross aisles, as in Roodbergen & de Koster (*EJOR* 133(1), 2001) for three: sweep the
aisles left to right and keep, for every *state* of the partial tour subgraph, its
cheapest cost. The state at an aisle lists, for each of its vertices (where the aisle
meets a cross aisle, front to back), whether the partial tour touches it, the parity of
its degree and which component it belongs to. Each block of an aisle (the stretch between
two cross aisles) gets one configuration — traversed once or twice, entered from the
front or the back end and left the same way, entered from both ends up to its largest
gap, or left alone when it has no picks — and each cross aisle between two aisles 0, 1 or 2 edges. A
component may only leave the sweep as the finished tour.

The states are few (the vertices of one aisle), so the transitions are computed once per
(state, move) and cached; a route costs O(aisles × states × moves) and is exact whatever
the number of picks. Used for layouts of up to :data:`MAX_BLOCKS` blocks, where the
number of states stays small. The visiting order is read off an Euler circuit of the
chosen edges, as for one block.

Plain numbers in, plain numbers out: :mod:`app.domain.routing` owns the geometry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from itertools import pairwise, product

from app.domain.routing_walk import CarryingGraph

#: Layouts with more blocks than this go to Held–Karp and the heuristic instead: the
#: states grow fast with the vertices of an aisle (measured, 20 aisles: two blocks about
#: 2 ms, three about 25 ms, four about 200 ms).
MAX_BLOCKS = 3

# Configurations of one block of one aisle.
TRAVERSE, FROM_FRONT, FROM_BACK, BOTH_ENDS, NOTHING, TWICE = range(6)
# A vertex code: 0 = not on the tour; else label * 2 + (1 if its degree is odd).
State = tuple[int, ...]
CLOSED: State = (-1,)
_INF = float("inf")


def optimal_tour(aisle_pitch: float, cross: Sequence[float], depot_aisle: int,
                 aisles: Sequence[tuple[int, Sequence[tuple[float, int]]]]
                 ) -> tuple[list[int], float]:
    """The optimal tour's visiting order (point ids) and length.

    ``cross``: the y of every cross aisle, front (0) to back. ``aisles``: the aisles that
    have picks, in increasing number, each with its picks as ``(y, point id)`` sorted by y,
    strictly between cross aisles. The depot is the front end of ``depot_aisle``.
    """
    blocks = len(cross) - 1
    first = min(depot_aisle, aisles[0][0]) if aisles else depot_aisle
    last = max(depot_aisle, aisles[-1][0]) if aisles else depot_aisle
    count = last - first + 1
    # picks[slot][block]: (y, id) of the picks of that block of that aisle
    picks: list[list[list[tuple[float, int]]]] = [[[] for _ in range(blocks)]
                                                   for _ in range(count)]
    for aisle, points in aisles:
        block = 0
        for y, point in points:
            while y > cross[block + 1]:
                block += 1
            picks[aisle - first][block].append((y, point))

    empty: State = (0,) * (blocks + 1)
    layer: dict[State, float] = {empty: 0.0}
    # per aisle: per block the back-pointers {state: (previous state, configuration)},
    # then (for all but the last aisle) {state: (previous state, edges per cross aisle)}
    vertical_back: list[list[dict[State, tuple[State, int]]]] = []
    horizontal_back: list[dict[State, tuple[State, tuple[int, ...]]]] = []
    for slot in range(count):
        steps: list[dict[State, tuple[State, int]]] = []
        for block in range(blocks):
            options = _options(picks[slot][block], cross[block], cross[block + 1])
            layer, back = _advance(layer, _block_step(block), options)
            steps.append(back)
        if slot == depot_aisle - first:
            layer, back = _advance(layer, _depot_step, ((0, 0.0),))
            steps.append(back)
        vertical_back.append(steps)
        if slot == count - 1:
            break
        nxt: dict[State, float] = {}
        hback: dict[State, tuple[State, tuple[int, ...]]] = {}
        for state, cost in layer.items():
            for edges, new in _crossings(state):
                total = cost + aisle_pitch * sum(edges)
                if total < nxt.get(new, _INF):
                    nxt[new] = total
                    hback[new] = (state, edges)
        layer = nxt
        horizontal_back.append(hback)

    final = min((s for s in layer if _finished(s)), key=lambda s: (layer[s], s))
    best = layer[final]
    configs: list[list[int]] = [[] for _ in range(count)]
    edges_at: list[tuple[int, ...]] = [()] * (count - 1)
    state = final
    for slot in range(count - 1, -1, -1):
        chosen = []
        for back in reversed(vertical_back[slot]):
            state, config = back[state]
            chosen.append(config)
        chosen.reverse()
        configs[slot] = chosen[:blocks]
        if slot:
            state, edges_at[slot - 1] = horizontal_back[slot - 1][state]
    order = _euler_order(configs, edges_at, picks, blocks, depot_aisle - first)
    return order, best


def _advance(layer: dict[State, float], step: Callable[[State, int], State | None],
             options: Sequence[tuple[int, float]]
             ) -> tuple[dict[State, float], dict[State, tuple[State, int]]]:
    """Apply every option to every state of ``layer``; keep the cheapest per new state."""
    out: dict[State, float] = {}
    back: dict[State, tuple[State, int]] = {}
    for state, cost in layer.items():
        for config, extra in options:
            new = step(state, config)
            if new is None:
                continue
            total = cost + extra
            if total < out.get(new, _INF):
                out[new] = total
                back[new] = (state, config)
    return out, back


def _options(points: Sequence[tuple[float, int]], lo: float, hi: float
             ) -> list[tuple[int, float]]:
    """The configurations of one block and what each costs."""
    length = hi - lo
    if not points:
        return [(NOTHING, 0.0), (TRAVERSE, length), (TWICE, 2.0 * length)]
    options = [(TRAVERSE, length), (FROM_FRONT, 2.0 * (points[-1][0] - lo)),
               (FROM_BACK, 2.0 * (hi - points[0][0])), (TWICE, 2.0 * length)]
    if len(points) > 1:
        gap = max(b[0] - a[0] for a, b in pairwise(points))
        options.append((BOTH_ENDS, 2.0 * (length - gap)))
    return options


def _largest_gap_at(points: Sequence[tuple[float, int]]) -> int:
    """How many picks lie before the largest gap (the first such gap)."""
    best, at = -1.0, 0
    for i in range(len(points) - 1):
        gap = points[i + 1][0] - points[i][0]
        if gap > best:
            best, at = gap, i + 1
    return at


def _normal(codes: list[int]) -> State:
    """Relabel components in order of first appearance (equal states compare equal)."""
    seen: dict[int, int] = {}
    out = []
    for code in codes:
        if code == 0:
            out.append(0)
            continue
        label = seen.setdefault(code >> 1, len(seen) + 1)
        out.append(label << 1 | code & 1)
    return tuple(out)


def _touch(codes: list[int], vertex: int, degree: int) -> None:
    code = codes[vertex]
    if code == 0:
        fresh = max((c >> 1 for c in codes), default=0) + 1
        codes[vertex] = fresh << 1 | degree & 1
    else:
        codes[vertex] = code ^ (degree & 1)


@cache
def _block(state: State, block: int, config: int) -> State | None:
    """The state after giving block ``block`` of this aisle the configuration ``config``."""
    if state == CLOSED:
        return CLOSED if config == NOTHING else None
    if config == NOTHING:
        return state
    codes = list(state)
    front, back = block, block + 1
    if config in (TRAVERSE, TWICE):
        _touch(codes, front, 1 if config == TRAVERSE else 2)
        _touch(codes, back, 1 if config == TRAVERSE else 2)
        keep, gone = codes[front] >> 1, codes[back] >> 1
        codes = [(keep << 1 | c & 1) if c and c >> 1 == gone else c for c in codes]
    elif config == FROM_FRONT:
        _touch(codes, front, 2)
    elif config == FROM_BACK:
        _touch(codes, back, 2)
    else:
        _touch(codes, front, 2)
        _touch(codes, back, 2)
    return _normal(codes)


@cache
def _with_depot(state: State) -> State | None:
    """The depot (the front vertex) must be on the tour, if only as a point."""
    if state == CLOSED:
        return None
    if state[0]:
        return state
    codes = list(state)
    _touch(codes, 0, 0)
    return _normal(codes)


@cache
def _crossings(state: State) -> tuple[tuple[tuple[int, ...], State], ...]:
    """Every legal set of cross-aisle edges to the next aisle and the state they lead to.

    An odd vertex takes one edge (it must end even), an even or untouched one 0 or 2.
    Every component must go on through at least one edge, unless it is the only one and
    no edge is taken: then the tour is finished (``CLOSED``).
    """
    if state == CLOSED:
        return (((), CLOSED),)
    choices = [(1,) if code & 1 else (0, 2) for code in state]
    labels = {code >> 1 for code in state if code}
    out = []
    for edges in product(*choices):
        if not any(edges):
            if len(labels) == 1:
                out.append((edges, CLOSED))
            elif not labels:
                out.append((edges, state))
            continue
        going = {state[i] >> 1 for i, k in enumerate(edges) if k and state[i]}
        if going != labels:
            continue
        codes = []
        fresh = max(labels, default=0)
        for code, k in zip(state, edges, strict=True):
            if not k:
                codes.append(0)
            elif code:
                codes.append((code >> 1) << 1 | k & 1)
            else:
                fresh += 1
                codes.append(fresh << 1 | k & 1)
        out.append((edges, _normal(codes)))
    return tuple(out)


def _depot_step(state: State, _config: int) -> State | None:
    return _with_depot(state)


def _block_step(block: int) -> Callable[[State, int], State | None]:
    def step(state: State, config: int) -> State | None:
        return _block(state, block, config)
    return step


def _finished(state: State) -> bool:
    if state == CLOSED:
        return True
    labels = {code >> 1 for code in state if code}
    return len(labels) == 1 and not any(code & 1 for code in state)


def _euler_order(configs: Sequence[Sequence[int]], edges_at: Sequence[tuple[int, ...]],
                 picks: Sequence[Sequence[Sequence[tuple[float, int]]]], blocks: int,
                 depot_slot: int) -> list[int]:
    """Point ids in the order an Euler circuit of the chosen edges first reaches them.

    Nodes: the aisle/cross-aisle vertices, slot * (blocks + 1) + cross aisle. A block's
    configuration becomes edges that carry its picks, as in :mod:`app.domain.routing_rr`.
    """
    width = blocks + 1
    graph = CarryingGraph(width * len(configs))
    edge = graph.edge
    for slot, chosen in enumerate(configs):
        for block, config in enumerate(chosen):
            front, back = slot * width + block, slot * width + block + 1
            ids = [point for _, point in picks[slot][block]]
            if config == TRAVERSE:
                edge(front, back, ids)
            elif config == TWICE:
                edge(front, back, ids)
                edge(front, back, [])
            elif config == FROM_FRONT:
                edge(front, front, ids)
            elif config == FROM_BACK:
                edge(back, back, ids[::-1])
            elif config == BOTH_ENDS:
                cut = _largest_gap_at(picks[slot][block])
                edge(front, front, ids[:cut])
                edge(back, back, ids[cut:][::-1])
    for slot, edges in enumerate(edges_at):
        for vertex, k in enumerate(edges):
            for _ in range(k):
                edge(slot * width + vertex, (slot + 1) * width + vertex, [])
    return graph.visiting_order(depot_slot * width)
