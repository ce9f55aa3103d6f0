"""Ratliff–Rosenthal: the optimal picker tour in a single-block warehouse, in O(aisles).

Ratliff & Rosenthal, *Oper. Res.* 31(3):507–521, 1983 (see
``../shared/reference/performance.md`` §1.1). Aisles are vertical lines x = 0, w, 2w, …;
every aisle runs from its front end (y = 0, the front cross aisle) to its back end
(y = L, the back cross aisle). The depot is a required point at y = 0 of its aisle.

The programme sweeps the aisles left to right. After each aisle it keeps, for each of the
seven feasible *classes* of partial tour subgraph — the degree parity of the aisle's back
and front ends and the number of components — the cheapest subgraph reaching it. Aisle j
adds one of six *vertical* configurations (edges inside the aisle), the gap to aisle j+1
one of five *horizontal* ones (cross-aisle edges). The tables below are the paper's; the
best complete tour is then rebuilt from the back-pointers as an edge multiset, and an
Euler circuit from the depot gives the visiting order (first visit of each point).

This module knows nothing of bins or layouts: it takes plain numbers, so
:mod:`app.domain.routing` can call it with precomputed coordinates.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.routing_walk import CarryingGraph

# Classes of partial tour subgraph: parity of deg(back end), parity of deg(front end)
# (U odd, E even > 0, 0 none) and number of components.
UU1, E01, OE1, EE1, EE2, N000, N001 = range(7)
_CLASSES = 7
_INF = float("inf")
_NO = -1

# _VERTICAL[class][config - 1] -> class after adding the aisle's edges (configs 1..6:
# traverse, from the back and return, from the front and return, both ends skipping the
# largest gap, traverse twice, nothing).
_VERTICAL = (
    (EE1, UU1, UU1, UU1, UU1, UU1),        # UU1
    (UU1, E01, EE2, EE2, EE1, E01),        # E01
    (UU1, EE2, OE1, EE2, EE1, OE1),        # 0E1
    (UU1, EE1, EE1, EE1, EE1, EE1),        # EE1
    (UU1, EE2, EE2, EE2, EE1, EE2),        # EE2
    (UU1, E01, OE1, EE2, EE1, N000),       # 000
    (_NO, _NO, _NO, _NO, _NO, N001),       # 001
)
# _HORIZONTAL[class] -> ((config, class after), ...); configs 1..5: one back and one
# front edge, two back, two front, two of each, none. Edge counts per config:
_HORIZONTAL = (
    ((1, UU1),),
    ((2, E01), (4, EE2), (5, N001)),
    ((3, OE1), (4, EE2), (5, N001)),
    ((2, E01), (3, OE1), (4, EE1), (5, N001)),
    ((4, EE2),),
    ((5, N000),),
    ((5, N001),),
)
_H_EDGES = {1: (1, 1), 2: (2, 0), 3: (0, 2), 4: (2, 2), 5: (0, 0)}  # (back, front)
_FINAL = (E01, OE1, EE1, N001)
# Feasible (config, class after) per class. Configuration 5 (traverse twice) is left out:
# it is never needed in an optimal tour (Revenant et al., *Oper. Res. Lett.* 62:107325,
# 2025); the tests against Held–Karp check that nothing is lost.
_VERTICAL_MOVES = tuple(
    tuple((config, new) for config, new in enumerate(row, start=1)
          if new != _NO and config != 5)
    for row in _VERTICAL)


def optimal_tour(aisle_pitch: float, length: float, depot_aisle: int,
                 aisles: Sequence[tuple[int, Sequence[tuple[float, int]]]]
                 ) -> tuple[list[int], float]:
    """The optimal tour's visiting order and length.

    ``aisles`` lists the aisles that have picks, in increasing aisle number, each with its
    picks as ``(y, point id)`` sorted by y (0 < y < ``length``, one entry per distinct
    point). Returns the point ids in visiting order and the tour's length.
    """
    first = min(depot_aisle, aisles[0][0]) if aisles else depot_aisle
    last = max(depot_aisle, aisles[-1][0]) if aisles else depot_aisle
    count = last - first + 1
    # ys[i]: the required y's of aisle first+i, the depot counting as a pick at y = 0
    ys: list[list[float]] = [[] for _ in range(count)]
    ids: list[list[int]] = [[] for _ in range(count)]
    ys[depot_aisle - first].append(0.0)
    ids[depot_aisle - first].append(_NO)
    for aisle, picks in aisles:
        slot = aisle - first
        for y, point in picks:
            ys[slot].append(y)
            ids[slot].append(point)

    cost = [_INF] * _CLASSES
    cost[N000] = 0.0
    # back-pointers per aisle and class: previous class * 8 + configuration
    vertical_back: list[list[int]] = []
    horizontal_back: list[list[int]] = []
    gap_at: list[int] = []
    two_w = 2.0 * aisle_pitch
    h_cost = (0.0, two_w, two_w, two_w, 2.0 * two_w, 0.0)
    for slot in range(count):
        config_cost, gap = _vertical_costs(ys[slot], length)
        gap_at.append(gap)
        after = [_INF] * _CLASSES
        back = [0] * _CLASSES
        for cls in range(_CLASSES):
            here = cost[cls]
            if here == _INF:
                continue
            for config, new in _VERTICAL_MOVES[cls]:
                total = here + config_cost[config]
                if total < after[new]:
                    after[new] = total
                    back[new] = cls * 8 + config
        vertical_back.append(back)
        if slot == count - 1:
            cost = after
            break
        cost = [_INF] * _CLASSES
        hback = [0] * _CLASSES
        for cls in range(_CLASSES):
            here = after[cls]
            if here == _INF:
                continue
            for config, new in _HORIZONTAL[cls]:
                total = here + h_cost[config]
                if total < cost[new]:
                    cost[new] = total
                    hback[new] = cls * 8 + config
        horizontal_back.append(hback)

    final = min(_FINAL, key=lambda c: (cost[c], c))
    best = cost[final]
    vertical: list[int] = [0] * count
    horizontal: list[int] = [5] * (count - 1)
    cls = final
    for slot in range(count - 1, -1, -1):
        cls, vertical[slot] = divmod(vertical_back[slot][cls], 8)
        if slot:
            cls, horizontal[slot - 1] = divmod(horizontal_back[slot - 1][cls], 8)
    order = _euler_order(vertical, horizontal, ids, gap_at, depot_aisle - first)
    return order, best


def _vertical_costs(ys: Sequence[float], length: float) -> tuple[tuple[float, ...], int]:
    """Cost of each vertical configuration (index = config number) for one aisle, and where
    its largest gap is (index i: between the i-th and (i+1)-th pick; -1 if fewer than two
    picks). Impossible configurations cost infinity, so the sweep needs no test for them."""
    if not ys:
        return (_INF, length, _INF, _INF, _INF, 2.0 * length, 0.0), _NO
    gap, gap_at = 0.0, _NO
    for i in range(len(ys) - 1):
        g = ys[i + 1] - ys[i]
        if g > gap:
            gap, gap_at = g, i
    both = 2.0 * (length - gap) if gap_at != _NO else _INF
    return (_INF, length, 2.0 * (length - ys[0]), 2.0 * ys[-1], both, 2.0 * length, _INF), gap_at


def _euler_order(vertical: Sequence[int], horizontal: Sequence[int],
                 ids: Sequence[Sequence[int]], gap_at: Sequence[int],
                 depot_slot: int) -> list[int]:
    """Point ids in the order an Euler circuit of the chosen edges first reaches them.

    The graph is contracted to the aisles' front (node 2i) and back (node 2i+1) ends. A
    vertical configuration becomes edges that carry their picks: a traverse is a
    front–back edge (picks ascending when walked from the front), a visit from one end and
    back is a loop at that end (picks in order going in). The depot is the front end of
    its aisle, so a walk from the back down to the depot is a pair of front–back edges.
    """
    graph = CarryingGraph(2 * len(vertical))
    edge = graph.edge
    for slot, config in enumerate(vertical):
        front, back = 2 * slot, 2 * slot + 1
        points = [p for p in ids[slot] if p != _NO]
        depot_here = slot == depot_slot
        if config == 1:
            edge(front, back, points)
        elif config == 2 and depot_here:
            edge(front, back, points)
            edge(front, back, points)
        elif config == 2:
            edge(back, back, points[::-1])
        elif config == 3:
            edge(front, front, points)
        elif config == 4:
            cut = gap_at[slot] + (0 if depot_here else 1)  # picks before the largest gap
            edge(front, front, points[:cut])
            edge(back, back, points[cut:][::-1])
        elif config == 5:
            edge(front, back, points)
            edge(front, back, [])
    for slot, config in enumerate(horizontal):
        backs, fronts = _H_EDGES[config]
        for _ in range(backs):
            edge(2 * slot + 1, 2 * slot + 3, [])
        for _ in range(fronts):
            edge(2 * slot, 2 * slot + 2, [])
    return graph.visiting_order(2 * depot_slot)
