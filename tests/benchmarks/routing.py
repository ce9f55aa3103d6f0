"""Benchmark: pick routes against the optimum, and how long a route takes.

    python -m tests.benchmarks.routing [--instances 1000] [--seed 16]

Ours is :func:`app.domain.routing.plan_route`. The baseline for length is the optimum:
Held–Karp over the same walking metric (:func:`app.domain.routing.distance`) where it is
computable (≤ 12 points here, 14 for a few), and beyond that the best of many random
restarts of the local search ("best known"). Printed ratios (see
``../shared/reference/performance.md`` §5):

* single block, ≤ 12 picks: route ÷ Held–Karp must be 1.000 (Ratliff–Rosenthal is exact);
* several blocks (the demo floor and a three-block one): the heuristic used beyond 12
  points, forced onto smaller lists and at 14, ÷ Held–Karp (mean and worst gap), and ÷
  best known on 20–50 picks;
* route time p95 at 50 picks × 20 aisles, single block, against the 1 ms target.

Exit status 1 if a single-block route is not optimal.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from app.domain import routing_tsp
from app.domain.routing import Layout, Stop, distance, plan_route

#: 20 aisles 3 m apart, 30 positions of 1 m: a mid-size overseas warehouse; depot at aisle 1.
ONE_BLOCK = Layout(3.0, 1.0, 0, 1, 30)
#: The same floor with cross aisles every 10 positions (three blocks).
THREE_BLOCKS = Layout(3.0, 1.0, 10, 1, 30)
#: (title, layout, aisles): the demo's LA1 floor (app/services/demo.py) and the above.
MULTI_BLOCK = (
    ("two blocks (demo LA1: 10 aisles x 40 positions, cross aisle at 20)",
     Layout(2.8, 1.1, 20, 1, 40), 10),
    ("three blocks (20 aisles x 30 positions, cross aisles every 10)", THREE_BLOCKS, 20),
)
TIME_TARGET_MS = 1.0


def stops(rng: random.Random, layout: Layout, aisles: int, count: int) -> list[Stop]:
    """``count`` distinct pick points (so the sizes are the sizes Held–Karp sees)."""
    return rng.sample([Stop(a, p) for a in range(1, aisles + 1)
                       for p in range(1, layout.max_position + 1)], count)


def matrix_of(layout: Layout, points: list[Stop]) -> list[list[float]]:
    nodes: list[Stop | None] = [None, *points]
    return [[distance(layout, a, b) for b in nodes] for a in nodes]


def optimum(layout: Layout, points: list[Stop]) -> float:
    matrix = matrix_of(layout, points)
    return routing_tsp.tour_cost(matrix, routing_tsp.held_karp(matrix))


def best_known(layout: Layout, points: list[Stop], restarts: int, rng: random.Random) -> float:
    """The best of ``restarts`` local searches from random tours (and of ours)."""
    matrix = matrix_of(layout, points)
    best = plan_route(layout, points).distance_m
    nodes = list(range(1, len(points) + 1))
    for _ in range(restarts):
        rng.shuffle(nodes)
        best = min(best, routing_tsp.tour_cost(matrix, routing_tsp.improve(matrix, nodes)))
    return best


def ratios(label: str, values: list[float]) -> None:
    print(f"  {label:<44}: mean {statistics.fmean(values):.3f}  worst {max(values):.3f}"
          f"  (n={len(values)})")


def timed(call: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.process_time()
        call()
        out.append((time.process_time() - started) * 1e3)
    return sorted(out)


def p(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    n = args.instances

    print(f"route length / optimum ({n} seeded single-block instances, 1-12 picks,"
          " 5-20 aisles, depot anywhere)")
    single, wrong = [], 0
    for case in range(n):
        aisles = rng.randint(5, 20)
        layout = Layout(3.0, 1.0, 0, rng.randint(1, aisles), 30)
        points = stops(rng, layout, aisles, case % 12 + 1)
        route = plan_route(layout, points)
        best = optimum(layout, points)
        single.append(route.distance_m / best)
        wrong += abs(route.distance_m - best) > 1e-9
    ratios("Ratliff-Rosenthal / Held-Karp", single)
    print(f"  not optimal                                 : {wrong}")

    for name, layout, aisles in MULTI_BLOCK:
        print(name)
        exact, forced = [], []
        for case in range(n // 8):
            points = stops(rng, layout, aisles, case % 12 + 1)
            best = optimum(layout, points)
            exact.append(plan_route(layout, points).distance_m / best)
            forced.append(plan_route(layout, points, exact_points=0).distance_m / best)
        ratios("plan_route (Held-Karp) / Held-Karp, 1-12", exact)
        ratios("heuristic / Held-Karp, 1-12 picks", forced)
        forced = []
        for _ in range(max(3, n // 100)):
            points = stops(rng, layout, aisles, 14)
            forced.append(plan_route(layout, points).distance_m / optimum(layout, points))
        ratios("heuristic / Held-Karp, 14 picks", forced)
        for count in (20, 35, 50):
            beyond = []
            for _ in range(max(3, n // 100)):
                points = stops(rng, layout, aisles, count)
                beyond.append(plan_route(layout, points).distance_m
                              / best_known(layout, points, 30, rng))
            ratios(f"heuristic / best of 30 restarts, {count} picks", beyond)

    print("route time, 50 picks x 20 aisles (in-process CPU time, process_time)")
    lists = [[Stop(rng.randint(1, 20), rng.randint(1, 30)) for _ in range(50)]
             for _ in range(n)]
    it = iter(lists * 2)
    single_ms = timed(lambda: plan_route(ONE_BLOCK, next(it)), n)
    print(f"  single block (Ratliff-Rosenthal)            : p50 {p(single_ms, 0.5):.3f} ms"
          f"  p95 {p(single_ms, 0.95):.3f} ms")
    print(f"  p95 / {TIME_TARGET_MS:.0f} ms target                          :"
          f" {p(single_ms, 0.95) / TIME_TARGET_MS:.2f}")
    many = iter(lists * 2)
    multi_ms = timed(lambda: plan_route(THREE_BLOCKS, next(many)), max(10, n // 20))
    print(f"  three blocks (heuristic)                    : p50 {p(multi_ms, 0.5):.1f} ms"
          f"  p95 {p(multi_ms, 0.95):.1f} ms")
    twelve = iter([stops(rng, THREE_BLOCKS, 20, 12) for _ in range(max(10, n // 20))])
    hk_ms = timed(lambda: plan_route(THREE_BLOCKS, next(twelve)), max(10, n // 20))
    print(f"  three blocks, 12 picks (Held-Karp)          : p50 {p(hk_ms, 0.5):.1f} ms"
          f"  p95 {p(hk_ms, 0.95):.1f} ms")
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
