"""Tours on a distance matrix: exact Held–Karp for few points, local search beyond.

Used by :mod:`app.domain.routing` for multi-block layouts, where the walking graph has
cross aisles in the middle and the single-block Ratliff–Rosenthal programme does not
apply. Node 0 of every matrix is the depot; a tour is the list of the other nodes in
visiting order (the depot at both ends is implied). Plain lists of floats keep this
module free of any geometry, so the tests can check it against brute force directly.
"""

from __future__ import annotations

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


def improve(matrix: Matrix, tour: Sequence[int]) -> list[int]:
    """Local search to a 2-opt and Or-opt optimum (first improvement, deterministic).

    2-opt reverses a stretch of the tour; Or-opt moves a run of 1–3 consecutive points
    elsewhere, in either direction. The matrix is symmetric (walking distances), so a
    reversal changes only the two edges at its ends. Loops until neither move helps.
    """
    route = [0, *tour, 0]
    eps = 1e-9
    improved = True
    while improved:
        improved = _two_opt(matrix, route, eps)
        improved = _or_opt(matrix, route, eps) or improved
    return route[1:-1]


def _two_opt(matrix: Matrix, route: list[int], eps: float) -> bool:
    changed = False
    n = len(route)
    again = True
    while again:
        again = False
        for i in range(0, n - 3):
            a, b = route[i], route[i + 1]
            row_a, row_b = matrix[a], matrix[b]
            ab = row_a[b]
            for k in range(i + 2, n - 1):
                c, d = route[k], route[k + 1]
                if row_a[c] + row_b[d] < ab + matrix[c][d] - eps:
                    route[i + 1:k + 1] = route[k:i:-1]
                    changed = again = True
                    b = route[i + 1]
                    row_b = matrix[b]
                    ab = row_a[b]
    return changed


def _or_opt(matrix: Matrix, route: list[int], eps: float) -> bool:
    changed = False
    again = True
    while again:
        again = False
        for size in (1, 2, 3):
            i = 1
            while i + size < len(route):
                if _move_segment(matrix, route, i, size, eps):
                    changed = again = True
                i += 1
    return changed


def _move_segment(matrix: Matrix, route: list[int], i: int, size: int, eps: float) -> bool:
    """Try to move ``route[i:i+size]`` between another pair of neighbours (either way round)."""
    seg = route[i:i + size]
    prev, nxt = route[i - 1], route[i + size]
    first, last = seg[0], seg[-1]
    gain = matrix[prev][first] + matrix[last][nxt] - matrix[prev][nxt]
    rest = route[:i] + route[i + size:]
    best_delta, best_at, best_rev = -eps, -1, False
    for j in range(len(rest) - 1):
        p, q = rest[j], rest[j + 1]
        pq = matrix[p][q]
        forward = matrix[p][first] + matrix[last][q] - pq - gain
        if forward < best_delta:
            best_delta, best_at, best_rev = forward, j, False
        backward = matrix[p][last] + matrix[first][q] - pq - gain
        if backward < best_delta:
            best_delta, best_at, best_rev = backward, j, True
    if best_at < 0:
        return False
    if best_rev:
        seg.reverse()
    route[:] = rest[:best_at + 1] + seg + rest[best_at + 1:]
    return True
