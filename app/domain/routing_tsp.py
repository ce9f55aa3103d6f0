"""Tours on a distance matrix: exact Held–Karp for few points, local search beyond.

Used by :mod:`app.domain.routing` for multi-block layouts, where the walking graph has
cross aisles in the middle and the single-block Ratliff–Rosenthal programme does not
apply. Node 0 of every matrix is the depot; a tour is the list of the other nodes in
visiting order (the depot at both ends is implied). Plain lists of floats keep this
module free of any geometry, so the tests can check it against brute force directly.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from operator import add

Matrix = Sequence[Sequence[float]]

_INF = float("inf")


def tour_cost(matrix: Matrix, tour: Sequence[int]) -> float:
    """Length of depot → ``tour`` → depot."""
    total, here = 0.0, 0
    for node in tour:
        total += matrix[here][node]
        here = node
    return total + matrix[here][0]


def held_karp(matrix: Matrix) -> list[int]:
    """An optimal tour by the dynamic programme over subsets (Held & Karp, 1962).

    O(m²·2ᵐ) for m points besides the depot: practical up to about 12 in pure Python.
    Each state's best predecessor is found with ``min(map(add, ...))`` over a whole row
    (C speed); unreached states hold infinity, so no membership test is needed. The tour
    is rebuilt afterwards by re-deriving the argmins instead of storing back-pointers.
    """
    m = len(matrix) - 1
    if m <= 0:
        return []
    full = (1 << m) - 1
    # cols[j][k]: distance from point k to point j (points 0-based, depot dropped)
    cols = [[matrix[k + 1][j + 1] for k in range(m)] for j in range(m)]
    best: list[list[float]] = [[_INF] * m for _ in range(full + 1)]
    for j in range(m):
        best[1 << j][j] = matrix[0][j + 1]
    for mask in range(1, full + 1):
        if mask & (mask - 1) == 0:
            continue
        row = best[mask]
        rest = mask
        while rest:
            low = rest & -rest
            rest ^= low
            j = low.bit_length() - 1
            row[j] = min(map(add, best[mask ^ low], cols[j]))
    back = [matrix[j + 1][0] for j in range(m)]
    last_row = best[full]
    last = min(range(m), key=lambda j: (last_row[j] + back[j], j))
    tour = [last]
    mask = full
    while mask & (mask - 1):
        prev_mask = mask ^ (1 << last)
        prev_row = best[prev_mask]
        col = cols[last]
        last = min((k for k in range(m) if prev_mask >> k & 1),
                   key=lambda k: (prev_row[k] + col[k], k))
        tour.append(last)
        mask = prev_mask
    tour.reverse()
    return [j + 1 for j in tour]


def nearest_neighbour(matrix: Matrix) -> list[int]:
    """Greedy construction: always walk to the closest unvisited point (ties: lowest)."""
    left = set(range(1, len(matrix)))
    tour: list[int] = []
    here = 0
    while left:
        row = matrix[here]
        here = min(left, key=lambda j: (row[j], j))
        left.remove(here)
        tour.append(here)
    return tour


#: Candidate moves only join a point to one of its this many nearest points.
NEIGHBOURS = 10
#: Perturbations tried by :func:`search` after the local searches from its starts: at
#: least :data:`KICKS`, more on short tours where each costs little (points × kicks ≈
#: :data:`KICK_BUDGET`, a few tens of milliseconds, like Held–Karp at 12 points).
KICKS = 10
KICK_BUDGET = 400


def search(matrix: Matrix, starts: Sequence[Sequence[int]],
           kicks: int | None = None) -> list[int]:
    """A short tour: local search from each start, then an iterated local search.

    The best local optimum is perturbed ``kicks`` times by exchanging two consecutive
    stretches of the tour (a double bridge, which 2-opt and Or-opt cannot undo in one
    move) and searched again; a shorter result replaces it. The perturbations come from
    a generator seeded with the size of the matrix, so the same input gives the same
    tour. On 20–50 picks this takes the gap to a best-of-many-restarts tour from about
    1.5 % to well under 1 % (``python -m tests.benchmarks.routing``).
    """
    near = _nearest(matrix)
    best = min((improve(matrix, start, near) for start in starts),
               key=lambda tour: tour_cost(matrix, tour))
    best_cost = tour_cost(matrix, best)
    rng = random.Random(len(matrix))
    if kicks is None:
        kicks = max(KICKS, KICK_BUDGET // max(1, len(best)))
    for _ in range(kicks if len(best) >= 8 else 0):
        a, b, c = sorted(rng.sample(range(1, len(best)), 3))
        tour = improve(matrix, best[:a] + best[b:c] + best[a:b] + best[c:], near)
        cost = tour_cost(matrix, tour)
        if cost < best_cost - _EPS:
            best, best_cost = tour, cost
    return best


def improve(matrix: Matrix, tour: Sequence[int],
            near: list[list[int]] | None = None) -> list[int]:
    """Local search to a 2-opt and Or-opt optimum (first improvement, deterministic).

    2-opt reverses a stretch of the tour; Or-opt moves a run of 1–3 consecutive points
    elsewhere, either way round. The matrix is symmetric (walking distances), so a
    reversal changes only the two edges at its ends. Only moves that create an edge from
    a point to one of its :data:`NEIGHBOURS` nearest points are tried (the usual
    candidate-list restriction: good tours are made of short edges), which keeps a sweep
    linear in the number of points. Loops until neither move helps. ``near``: the
    candidate lists, when the caller has them already.
    """
    route = [0, *tour, 0]
    near = _nearest(matrix) if near is None else near
    improved = True
    while improved:
        improved = _two_opt(matrix, route, near)
        improved = _or_opt(matrix, route, near) or improved
    return route[1:-1]


_EPS = 1e-9


def _nearest(matrix: Matrix) -> list[list[int]]:
    """Per node, its nearest other points (never the depot: it is pinned at both ends)."""
    near = []
    for i, row in enumerate(matrix):
        ranked = sorted((row[j], j) for j in range(1, len(matrix)) if j != i)
        near.append([j for _, j in ranked[:NEIGHBOURS]])
    return near


def _positions(route: list[int]) -> list[int]:
    where = [0] * len(route)
    for index in range(len(route) - 1):  # the depot keeps position 0
        where[route[index]] = index
    return where


def _two_opt(matrix: Matrix, route: list[int], near: list[list[int]]) -> bool:
    """Reverse ``route[lo+1..hi]`` when the edges (r[lo], r[hi]) and (r[lo+1], r[hi+1])
    are shorter than the two they replace; r[lo] and r[hi] are neighbours (either may be
    the first of the pair, so both (lo, hi) and (lo-1, hi-1) are tried)."""
    changed = False
    where = _positions(route)
    again = True
    while again:
        again = False
        for i in range(len(route) - 1):
            a = route[i]
            for c in near[a]:
                k = where[c]
                first, second = (i, k) if i < k else (k, i)
                for lo, hi in ((first, second), (first - 1, second - 1)):
                    if lo < 0 or hi - lo < 2:
                        continue
                    p, q, r, t = route[lo], route[lo + 1], route[hi], route[hi + 1]
                    if matrix[p][r] + matrix[q][t] < matrix[p][q] + matrix[r][t] - _EPS:
                        route[lo + 1:hi + 1] = route[hi:lo:-1]
                        where = _positions(route)
                        changed = again = True
                        break
                if route[i] != a:
                    break
    return changed


def _or_opt(matrix: Matrix, route: list[int], near: list[list[int]]) -> bool:
    """Move a run of 1–3 points next to a neighbour of one of its ends, either way round."""
    changed = False
    where = _positions(route)
    again = True
    while again:
        again = False
        for size in (1, 2, 3):
            i = 1
            while i + size < len(route):
                if _move_segment(matrix, route, near, where, i, size):
                    where = _positions(route)
                    changed = again = True
                i += 1
    return changed


def _move_segment(matrix: Matrix, route: list[int], near: list[list[int]],
                  where: list[int], i: int, size: int) -> bool:
    """Try to move ``route[i:i+size]`` so that one of its ends meets a neighbour c.

    Four placements make such an edge: ``first`` right after c or ``last`` right before
    it (the run kept in order), ``last`` right after c or ``first`` right before it
    (reversed). ``where`` gives each point's index in ``route``.
    """
    first, last = route[i], route[i + size - 1]
    prev, nxt = route[i - 1], route[i + size]
    gain = matrix[prev][first] + matrix[last][nxt] - matrix[prev][nxt]
    if gain <= _EPS:
        return False
    stop = i + size
    best_delta, best_edge, best_rev = -_EPS, -1, False
    for end, other, after_rev, before_rev in ((first, last, False, True),
                                              (last, first, True, False)):
        row_end = matrix[end]
        row_other = matrix[other]
        for c in near[end]:
            k = where[c]
            if i <= k < stop:
                continue
            # c, end ... other, r[k+1]: the edge (c, r[k+1]) is replaced
            if not i - 1 <= k < stop:
                q = route[k + 1]
                delta = row_end[c] + row_other[q] - matrix[c][q] - gain
                if delta < best_delta:
                    best_delta, best_edge, best_rev = delta, k, after_rev
            # r[k-1], other ... end, c: the edge (r[k-1], c) is replaced
            if not i - 1 <= k - 1 < stop:
                p = route[k - 1]
                delta = row_other[p] + row_end[c] - matrix[p][c] - gain
                if delta < best_delta:
                    best_delta, best_edge, best_rev = delta, k - 1, before_rev
    if best_edge < 0:
        return False
    inside = route[i:stop]
    segment = inside[::-1] if best_rev else inside
    del route[i:stop]
    at = best_edge + 1 if best_edge < i else best_edge + 1 - size
    route[at:at] = segment
    return True
