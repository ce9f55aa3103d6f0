"""Benchmark: pick routes against the optimum, and how long a route takes.

    python -m tests.benchmarks.routing [--instances 1000] [--seed 16]

Ours is :func:`app.domain.routing.plan_route`. The baseline for length is the optimum:
Held–Karp over the same walking metric (:func:`app.domain.routing.distance`) for ≤ 12-14
points; on floors of up to three blocks also the multi-block programme, exact at any
size; on floors of more blocks, beyond Held–Karp, the best of 30 random restarts of the
local search ("best known"). Printed ratios (see ``../shared/reference/performance.md``
§5):

* single block, ≤ 12 picks: route ÷ Held–Karp must be 1.000 (Ratliff–Rosenthal is exact);
* two and three blocks (the demo floor and a 20-aisle one): route (the multi-block
  programme) ÷ Held–Karp must be 1.000; the heuristic (used on floors of more blocks
  beyond 12 points) ÷ optimum, mean and worst, from 1 to 50 picks;
* five blocks: route ÷ Held–Karp (1.000) up to 12 picks; heuristic ÷ best known beyond;
* route time at 50 picks × 20 aisles: single block p95 against the 1 ms target, and the
  other methods.

Exit status 1 if an exact method's route is not optimal.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from app.domain import routing_tsp
from app.domain.routing import HEURISTIC, Layout, Stop, distance, plan_route

#: 20 aisles 3 m apart, 30 positions of 1 m: a mid-size overseas warehouse; depot at aisle 1.
ONE_BLOCK = Layout(3.0, 1.0, 0, 1, 30)
#: The same floor with cross aisles every 10 positions (three blocks).
THREE_BLOCKS = Layout(3.0, 1.0, 10, 1, 30)
#: The demo's LA1 floor (app/services/demo.py): two blocks.
DEMO_LA1 = Layout(2.8, 1.1, 20, 1, 40)
#: 10 aisles x 50 positions, cross aisles every 10: five blocks.
FIVE_BLOCKS = Layout(3.0, 1.0, 10, 1, 50)
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


def time_routes(layout: Layout, lists: list[list[Stop]], method: str | None = None
                ) -> list[float]:
    """CPU milliseconds of each route, sorted (the caches see each list once only)."""
    out = []
    for points in lists:
        started = time.process_time()
        plan_route(layout, points, method=method)
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

    for name, layout, aisles in (
            ("two blocks (demo LA1: 10 aisles x 40 positions, cross aisle at 20)", DEMO_LA1, 10),
            ("three blocks (20 aisles x 30 positions, cross aisles every 10)", THREE_BLOCKS, 20)):
        print(name)
        exact, forced = [], []
        for case in range(n // 4):
            points = stops(rng, layout, aisles, case % 12 + 1)
            best = optimum(layout, points)
            exact.append(plan_route(layout, points).distance_m / best)
            wrong += abs(exact[-1] - 1.0) > 1e-9
            forced.append(plan_route(layout, points, method=HEURISTIC).distance_m / best)
        ratios("multi-block programme / Held-Karp, 1-12", exact)
        ratios("heuristic / Held-Karp, 1-12 picks", forced)
        for count in (14, 20, 35, 50):
            beyond = []
            for _ in range(max(5, n // 50)):
                points = stops(rng, layout, aisles, count)
                beyond.append(plan_route(layout, points, method=HEURISTIC).distance_m
                              / plan_route(layout, points).distance_m)
            ratios(f"heuristic / multi-block programme, {count} picks", beyond)

    print("five blocks (10 aisles x 50 positions, cross aisles every 10)")
    exact = []
    for case in range(n // 8):
        points = stops(rng, FIVE_BLOCKS, 10, case % 12 + 1)
        exact.append(plan_route(FIVE_BLOCKS, points).distance_m / optimum(FIVE_BLOCKS, points))
        wrong += abs(exact[-1] - 1.0) > 1e-9
    ratios("Held-Karp route / Held-Karp, 1-12", exact)
    for count in (20, 35, 50):
        beyond = []
        for _ in range(max(3, n // 100)):
            points = stops(rng, FIVE_BLOCKS, 10, count)
            beyond.append(plan_route(FIVE_BLOCKS, points).distance_m
                          / best_known(FIVE_BLOCKS, points, 30, rng))
        ratios(f"heuristic / best of 30 restarts, {count} picks", beyond)
    print(f"  exact routes not optimal                    : {wrong}")

    print("route time, 50 picks (in-process CPU time, process_time)")
    lists = [[Stop(rng.randint(1, 20), rng.randint(1, 30)) for _ in range(50)]
             for _ in range(n)]
    single_ms = time_routes(ONE_BLOCK, lists)
    print(f"  {'single block, 20 aisles (Ratliff-Rosenthal)':<44}: p50 {p(single_ms, 0.5):.3f}"
          f" ms  p95 {p(single_ms, 0.95):.3f} ms")
    print(f"  {'p95 / 1 ms target':<44}: {p(single_ms, 0.95) / TIME_TARGET_MS:.2f}")
    rounds = max(10, n // 20)
    for label, layout, aisles, count, method in (
            ("two blocks, demo LA1 (multi-block programme)", DEMO_LA1, 10, 50, None),
            ("three blocks, 20 aisles (multi-block prog.)", THREE_BLOCKS, 20, 50, None),
            ("three blocks, 20 aisles (heuristic)", THREE_BLOCKS, 20, 50, HEURISTIC),
            ("five blocks (heuristic)", FIVE_BLOCKS, 10, 50, None),
            ("five blocks, 12 picks (Held-Karp)", FIVE_BLOCKS, 10, 12, None)):
        ms = time_routes(layout, [stops(rng, layout, aisles, count) for _ in range(rounds)],
                         method)
        print(f"  {label:<44}: p50 {p(ms, 0.5):.1f} ms  p95 {p(ms, 0.95):.1f} ms")
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
