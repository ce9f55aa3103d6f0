"""The walk behind an optimal aisle programme: an Euler circuit of the chosen edges.

Both exact sweeps (:mod:`app.domain.routing_rr` for one block, :mod:`app.domain.routing_blocks`
for two or three) end with a multigraph of corridor pieces, each piece carrying the picks
met walking it from its first node. The visiting order is the order an Euler circuit from
the depot first reaches each pick; walking a piece backwards meets its picks backwards.
"""

from __future__ import annotations


class CarryingGraph:
    """A multigraph whose edges carry pick ids; loops (``a == b``) are allowed."""

    def __init__(self, nodes: int) -> None:
        self._adjacency: list[list[tuple[int, int]]] = [[] for _ in range(nodes)]
        self._carried: list[list[int]] = []
        self._starts: list[int] = []

    def edge(self, a: int, b: int, points: list[int]) -> None:
        """A piece from ``a`` to ``b`` meeting ``points`` in that direction."""
        number = len(self._carried)
        self._carried.append(points)
        self._starts.append(a)
        self._adjacency[a].append((b, number))
        if b != a:
            self._adjacency[b].append((a, number))

    def visiting_order(self, start: int) -> list[int]:
        """Pick ids in the order an Euler circuit from ``start`` first reaches them
        (Hierholzer, iterative, remembering the edge walked into each position)."""
        adjacency = self._adjacency
        used = [False] * len(self._carried)
        cursor = [0] * len(adjacency)
        stack: list[tuple[int, int, int]] = [(start, -1, -1)]  # (node, edge, from)
        circuit: list[tuple[int, int]] = []
        while stack:
            v, via, came_from = stack[-1]
            arcs = adjacency[v]
            i = cursor[v]
            while i < len(arcs) and used[arcs[i][1]]:
                i += 1
            cursor[v] = i
            if i == len(arcs):
                stack.pop()
                circuit.append((via, came_from))
            else:
                target, number = arcs[i]
                used[number] = True
                stack.append((target, number, v))
        seen: set[int] = set()
        order: list[int] = []
        for via, came_from in reversed(circuit):
            if via < 0:
                continue
            points = self._carried[via]
            for point in points if self._starts[via] == came_from else points[::-1]:
                if point not in seen:
                    seen.add(point)
                    order.append(point)
        return order
