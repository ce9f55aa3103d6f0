"""Pick routing: the walking-distance model of issue #16 and the optimality of routes.

Independent oracles: the distance model is checked against Dijkstra on the explicit
walking graph (aisle centre lines and cross aisles drawn node by node); Held–Karp is
checked against trying every permutation; the Ratliff–Rosenthal routes and the
multi-block routes are checked against Held–Karp on 1,000+ seeded instances.
"""

from __future__ import annotations

import heapq
import itertools
import math
import random
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import routing_blocks, routing_rr, routing_tsp
from app.domain.errors import InvalidValue
from app.domain.routing import (
    BLOCK_DP,
    EXACT_POINTS,
    HELD_KARP,
    HEURISTIC,
    NO_STOPS,
    RATLIFF_ROSENTHAL,
    Layout,
    Stop,
    distance,
    plan_route,
    tour_length,
    validate_layout,
)

ONE_BLOCK = Layout(aisle_pitch_m=3.0, bin_pitch_m=1.0, block_length=0, depot_aisle=1,
                   max_position=10)


# --- hand-computed cases -------------------------------------------------------------

def test_one_stop_is_in_and_out_of_its_aisle() -> None:
    # Stop(1, 5) sits at y = (5 - 0.5) * 1.0 = 4.5 in the depot aisle: 4.5 in, 4.5 out.
    route = plan_route(ONE_BLOCK, [Stop(1, 5)])
    assert route == type(route)((0,), 9.0, RATLIFF_ROSENTHAL)


def test_one_stop_two_aisles_over() -> None:
    # Stop(3, 2): x = (3 - 1) * 3.0 = 6, y = 1.5; from the depot (x 0, y 0) along the front
    # cross aisle 6 m, up 1.5 m, and back the same way: 2 * 7.5 = 15.
    assert plan_route(ONE_BLOCK, [Stop(3, 2)]).distance_m == pytest.approx(15.0)


def test_deep_picks_in_two_aisles_are_a_loop_not_two_returns() -> None:
    layout = Layout(2.0, 1.0, 0, 1, 10)
    stops = [Stop(4, 10), Stop(2, 10)]
    # Both at y = 9.5 of a 10 m aisle, aisles at x = 2 and x = 6. Loop: front to x 2 (2),
    # up aisle 2 (10), back cross aisle to x 6 (4), down aisle 4 (10), front to x 0 (6)
    # = 32. Going in and out of each aisle would be 2 + 19 + 4 + 19 + 6 = 50.
    route = plan_route(layout, stops)
    assert route.distance_m == pytest.approx(32.0)
    assert [stops[i] for i in route.order] in ([Stop(2, 10), Stop(4, 10)],
                                               [Stop(4, 10), Stop(2, 10)])


def test_shallow_picks_are_visited_from_the_front() -> None:
    # Stops at y = 0.5 in aisles 1 and 2 (x 0 and 3): 0.5 in and out of aisle 1 (1.0),
    # 3 along the front, 0.5 in and out of aisle 2 (1.0), 3 back = 8.0.
    route = plan_route(ONE_BLOCK, [Stop(2, 1), Stop(1, 1)])
    assert route.distance_m == pytest.approx(8.0)
    assert route.order == (1, 0)


def test_depot_in_the_middle_of_the_warehouse() -> None:
    layout = Layout(3.0, 1.0, 0, 3, 10)
    # Depot at x = 6. Stops at y = 0.5 in aisles 1 and 5 (x 0 and 12): 6 left, 1.0 in and
    # out, 12 right, 1.0 in and out, 6 back = 26.
    assert plan_route(layout, [Stop(1, 1), Stop(5, 1)]).distance_m == pytest.approx(26.0)


def test_distance_inside_one_block_goes_round_the_nearer_end() -> None:
    # y 6.5 (aisle 1) and 7.5 (aisle 2) of a 20 m aisle: via the front 6.5 + 7.5 = 14,
    # via the back 13.5 + 12.5 = 26; plus 3 across: 17.
    layout = Layout(3.0, 1.0, 0, 1, 20)
    assert distance(layout, Stop(1, 7), Stop(2, 8)) == pytest.approx(17.0)


def test_a_middle_cross_aisle_shortens_the_walk() -> None:
    # Blocks of 5 positions: cross aisles at y = 0, 5, 10, 15, 20. Both stops lie between
    # 5 and 10: down 1.5 to y 5, 3 across, up 2.5 = 7.
    layout = Layout(3.0, 1.0, 5, 1, 20)
    assert distance(layout, Stop(1, 7), Stop(2, 8)) == pytest.approx(7.0)
    # the same aisle is a straight walk, whatever cross aisles lie between: 17.5 - 2.5
    assert distance(layout, Stop(1, 3), Stop(1, 18)) == pytest.approx(15.0)
    # different aisles and blocks: y 2.5 up to cross aisle 5 (2.5), on to cross aisle 10
    # (5), 3 across, up to y 12.5 (2.5) = 13.
    assert distance(layout, Stop(1, 3), Stop(2, 13)) == pytest.approx(13.0)


def test_cross_aisles_follow_k_times_block_length_below_p() -> None:
    # P = 12, blocks of 5: cross aisles at 0, 5, 10 and the back at 12. Stops at y = 10.5
    # in aisles 1 and 2 (x 0 and 1): 0.5 down to y 10, 1 across, 0.5 up = 2.
    layout = Layout(1.0, 1.0, 5, 1, 12)
    assert distance(layout, Stop(1, 11), Stop(2, 11)) == pytest.approx(2.0)
    # P = 10, blocks of 5: 10 is not < P, so the only cross aisles are 0, 5 and 10.
    # y 9.5 to y 9.5 one aisle over: up 0.5, across 1, down 0.5 = 2.
    layout = Layout(1.0, 1.0, 5, 1, 10)
    assert distance(layout, Stop(1, 10), Stop(2, 10)) == pytest.approx(2.0)


def test_block_length_of_p_or_more_is_one_block() -> None:
    for block in (0, 10, 11, 50):
        layout = Layout(3.0, 1.0, block, 1, 10)
        assert plan_route(layout, [Stop(1, 3), Stop(4, 7)]).method == RATLIFF_ROSENTHAL


def test_depot_is_the_front_end_of_its_aisle() -> None:
    layout = Layout(3.0, 1.0, 4, 2, 20)
    # depot at x 3, y 0; Stop(1, 7) at x 0, y 6.5 -> 3 + 6.5
    assert distance(layout, None, Stop(1, 7)) == pytest.approx(9.5)
    assert distance(layout, Stop(1, 7), None) == pytest.approx(9.5)
    assert distance(layout, None, None) == 0.0


def test_a_stop_beyond_p_stretches_the_aisles() -> None:
    # P = 5 from the sellable bins, but a bin at position 8 (y 7.5) can still be reached.
    layout = Layout(3.0, 1.0, 0, 1, 5)
    assert plan_route(layout, [Stop(1, 8)]).distance_m == pytest.approx(15.0)


def test_stops_at_one_point_are_picked_together_in_the_order_given() -> None:
    stops = [Stop(3, 4), Stop(1, 2), Stop(3, 4), Stop(1, 2), Stop(3, 4)]
    route = plan_route(ONE_BLOCK, stops)
    assert sorted(route.order) == [0, 1, 2, 3, 4]
    positions = {i: route.order.index(i) for i in range(5)}
    assert [positions[i] for i in (0, 2, 4)] == sorted(positions[i] for i in (0, 2, 4))
    assert abs(positions[0] - positions[4]) == 2 and abs(positions[1] - positions[3]) == 1
    assert route.distance_m == pytest.approx(plan_route(ONE_BLOCK, [Stop(3, 4), Stop(1, 2)])
                                             .distance_m)


def test_a_tour_is_exactly_the_sum_of_its_walks() -> None:
    rng = random.Random(12)
    for _ in range(300):
        aisles = rng.randint(1, 12)
        layout = _random_layout(rng, aisles)
        stops = [Stop(rng.randint(1, aisles), rng.randint(1, layout.max_position))
                 for _ in range(rng.randint(1, 15))]
        legs = [None, *stops, None]
        total = 0.0
        for a, b in itertools.pairwise(legs):
            total += distance(layout, a, b)
        assert tour_length(layout, stops) == total


def test_no_stops_is_an_empty_route() -> None:
    assert plan_route(ONE_BLOCK, []) == type(plan_route(ONE_BLOCK, []))((), 0.0, NO_STOPS)
    assert tour_length(ONE_BLOCK, []) == 0.0


def test_methods_by_blocks_and_size() -> None:
    rng = random.Random(3)
    points = rng.sample([Stop(a, p) for a in range(1, 11) for p in range(1, 21)], 40)
    # two and three blocks (P = 20): the multi-block programme, whatever the size
    for block in (10, 7):
        assert plan_route(Layout(3.0, 1.0, block, 1, 20), points).method == BLOCK_DP
    # four blocks: Held–Karp up to EXACT_POINTS points, the heuristic beyond
    layout = Layout(3.0, 1.0, 5, 1, 20)
    assert plan_route(layout, points[:EXACT_POINTS]).method == HELD_KARP
    assert plan_route(layout, points[:EXACT_POINTS + 1]).method == HEURISTIC
    # forced, as the benchmark does
    assert plan_route(layout, points[:5], method=BLOCK_DP).method == BLOCK_DP
    assert plan_route(ONE_BLOCK, points[:5], method=HEURISTIC).method == HEURISTIC
    with pytest.raises(ValueError):
        plan_route(layout, points[:5], method=RATLIFF_ROSENTHAL)


# --- bad input -------------------------------------------------------------------------

@pytest.mark.parametrize(("layout", "message"), [
    (Layout(0.0, 1.0, 0, 1, 10), "aisle pitch: must be more than 0"),
    (Layout(-2.0, 1.0, 0, 1, 10), "aisle pitch: must be more than 0"),
    (Layout(math.nan, 1.0, 0, 1, 10), "aisle pitch: must be more than 0"),
    (Layout(3.0, 0.0, 0, 1, 10), "bin pitch: must be more than 0"),
    (Layout(3.0, -1.0, 0, 1, 10), "bin pitch: must be more than 0"),
    (Layout(3.0, math.inf, 0, 1, 10), "bin pitch: must be more than 0"),
    (Layout(3.0, 1.0, -1, 1, 10), "block length: must not be negative"),
    (Layout(3.0, 1.0, 0, 0, 10), "depot aisle: must be 1 or more"),
    (Layout(3.0, 1.0, 0, -3, 10), "depot aisle: must be 1 or more"),
    (Layout(3.0, 1.0, 0, 1, -1), "largest position: must not be negative"),
])
def test_bad_layouts_are_refused_in_one_line(layout: Layout, message: str) -> None:
    for call in (lambda: plan_route(layout, [Stop(1, 1)]),
                 lambda: tour_length(layout, [Stop(1, 1)]),
                 lambda: distance(layout, None, Stop(1, 1)),
                 lambda: validate_layout(layout),
                 lambda: validate_layout(layout.aisle_pitch_m, layout.bin_pitch_m,
                                         layout.block_length, layout.depot_aisle,
                                         layout.max_position)):
        with pytest.raises(InvalidValue) as caught:
            call()
        assert str(caught.value) == message


@pytest.mark.parametrize(("stop", "message"), [
    (Stop(0, 3), "aisle: must be 1 or more"),
    (Stop(2, 0), "position: must be 1 or more"),
    (Stop(2, -4), "position: must be 1 or more"),
])
def test_stops_off_the_floor_are_refused(stop: Stop, message: str) -> None:
    with pytest.raises(InvalidValue, match=f"^{message}$"):
        plan_route(ONE_BLOCK, [Stop(1, 1), stop])
    with pytest.raises(InvalidValue, match=f"^{message}$"):
        distance(ONE_BLOCK, stop, None)


def test_a_good_layout_passes_validation() -> None:
    validate_layout(2.5, 1.2, 0, 1)
    validate_layout(ONE_BLOCK)
    validate_layout(aisle_pitch_m=3.0, bin_pitch_m=0.9, block_length=12, depot_aisle=7,
                    max_position=40)


# --- the distance model against the explicit walking graph ----------------------------

def _graph_distance(layout: Layout, aisles: int, a: Stop | None, b: Stop | None) -> float:
    """Dijkstra on the walking graph drawn literally from issue #16, point 2."""
    deepest = max([layout.max_position] + [s.position for s in (a, b) if s is not None])
    w, pitch = layout.aisle_pitch_m, layout.bin_pitch_m
    cross = [0.0]
    if layout.block_length:
        k = 1
        while k * layout.block_length < deepest:
            cross.append(k * layout.block_length * pitch)
            k += 1
    cross.append(deepest * pitch)
    columns = max([aisles, layout.depot_aisle] + [s.aisle for s in (a, b) if s is not None])

    def place(stop: Stop | None) -> tuple[float, float]:
        if stop is None:
            return (layout.depot_aisle - 1) * w, 0.0
        return (stop.aisle - 1) * w, (stop.position - 0.5) * pitch

    points_on: dict[float, set[float]] = defaultdict(set)
    for i in range(columns):
        for y in cross:
            points_on[i * w].add(y)
    for x, y in (place(a), place(b)):
        points_on[x].add(y)
    edges: dict[tuple[float, float], list[tuple[tuple[float, float], float]]] = defaultdict(list)
    for x, ys in points_on.items():  # along each aisle centre line
        line = sorted(ys)
        for y0, y1 in itertools.pairwise(line):
            edges[(x, y0)].append(((x, y1), y1 - y0))
            edges[(x, y1)].append(((x, y0), y1 - y0))
    for y in cross:  # along each cross aisle
        for i in range(columns - 1):
            p, q = (i * w, y), ((i + 1) * w, y)
            edges[p].append((q, w))
            edges[q].append((p, w))
    source, target = place(a), place(b)
    done: dict[tuple[float, float], float] = {}
    queue = [(0.0, source)]
    while queue:
        d, node = heapq.heappop(queue)
        if node in done:
            continue
        done[node] = d
        for nxt, step in edges[node]:
            if nxt not in done:
                heapq.heappush(queue, (d + step, nxt))
    return done[target]


def _random_layout(rng: random.Random, aisles: int, multi_block: bool | None = None) -> Layout:
    deepest = rng.randint(1, 30)
    multi = rng.random() < 0.5 if multi_block is None else multi_block
    block = rng.randint(1, max(1, deepest - 1)) if multi else rng.choice([0, deepest,
                                                                          deepest + 3])
    return Layout(rng.choice([1.5, 2.0, 2.7, 3.0]), rng.choice([0.8, 1.0, 1.25]), block,
                  rng.randint(1, aisles), deepest)


def _stop_or_depot(rng: random.Random, aisles: int, layout: Layout) -> Stop | None:
    if rng.random() < 0.15:
        return None
    return Stop(rng.randint(1, aisles), rng.randint(1, layout.max_position + 2))


def test_distance_equals_the_shortest_path_in_the_walking_graph() -> None:
    rng = random.Random(16)
    for _ in range(400):
        aisles = rng.randint(1, 8)
        layout = _random_layout(rng, aisles)
        a, b = _stop_or_depot(rng, aisles, layout), _stop_or_depot(rng, aisles, layout)
        assert distance(layout, a, b) == pytest.approx(_graph_distance(layout, aisles, a, b)), \
            (layout, a, b)
        assert distance(layout, a, b) == pytest.approx(distance(layout, b, a))


# --- optimality against Held–Karp -------------------------------------------------------

def test_held_karp_is_optimal_against_every_permutation() -> None:
    rng = random.Random(7)
    for _ in range(150):
        m = rng.randint(1, 7)
        xy = [(0.0, 0.0)] + [(rng.uniform(0, 30), rng.uniform(0, 30)) for _ in range(m)]
        matrix = [[abs(p[0] - q[0]) + abs(p[1] - q[1]) for q in xy] for p in xy]
        tour = routing_tsp.held_karp(matrix)
        assert sorted(tour) == list(range(1, m + 1))
        best = min(routing_tsp.tour_cost(matrix, p)
                   for p in itertools.permutations(range(1, m + 1)))
        assert routing_tsp.tour_cost(matrix, tour) == pytest.approx(best)


def _optimum(layout: Layout, stops: list[Stop]) -> float:
    """Held–Karp over ``distance`` (itself checked against the walking graph)."""
    points = list(dict.fromkeys(stops))
    nodes: list[Stop | None] = [None, *points]
    matrix = [[distance(layout, p, q) for q in nodes] for p in nodes]
    return routing_tsp.tour_cost(matrix, routing_tsp.held_karp(matrix))


def _check_route(layout: Layout, stops: list[Stop]) -> float:
    route = plan_route(layout, stops)
    assert sorted(route.order) == list(range(len(stops)))
    assert route.distance_m == tour_length(layout, [stops[i] for i in route.order])
    assert plan_route(layout, stops) == route  # deterministic
    return route.distance_m


def test_ratliff_rosenthal_equals_held_karp_on_1000_single_block_instances() -> None:
    rng = random.Random(1983)
    for case in range(1000):
        aisles = rng.randint(1, 15)
        layout = _random_layout(rng, aisles, multi_block=False)
        count = case % 12 + 1
        stops = [Stop(rng.randint(1, aisles), rng.randint(1, layout.max_position))
                 for _ in range(count)]
        assert plan_route(layout, stops).method == RATLIFF_ROSENTHAL
        got = _check_route(layout, stops)
        assert got == pytest.approx(_optimum(layout, stops), abs=1e-9), (layout, stops)


def test_ratliff_rosenthal_with_depot_beyond_the_picks_and_empty_aisles_between() -> None:
    rng = random.Random(2)
    for _ in range(300):
        layout = Layout(3.0, 1.0, 0, rng.choice([1, 9, 14]), 12)
        aisles = rng.sample(range(1, 15), rng.randint(1, 3))  # sparse: empty aisles between
        stops = [Stop(rng.choice(aisles), rng.randint(1, 12)) for _ in range(rng.randint(1, 9))]
        assert _check_route(layout, stops) == pytest.approx(_optimum(layout, stops), abs=1e-9)


def test_the_visiting_order_walks_exactly_the_programme_s_length() -> None:
    """The order is read off an Euler circuit of the edges the DP chose: shortcutting that
    circuit cannot be longer, and the DP is optimal, so the two lengths agree — for lists
    far beyond what Held–Karp can check."""
    rng = random.Random(31)
    for _ in range(200):
        aisles = rng.randint(1, 25)
        layout = _random_layout(rng, aisles, multi_block=False)
        stops = list(dict.fromkeys(
            Stop(rng.randint(1, aisles), rng.randint(1, layout.max_position))
            for _ in range(rng.randint(1, 80))))
        by_aisle: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for index, s in enumerate(stops):
            by_aisle[s.aisle].append(((s.position - 0.5) * layout.bin_pitch_m, index))
        order, programme = routing_rr.optimal_tour(
            layout.aisle_pitch_m, layout.max_position * layout.bin_pitch_m,
            layout.depot_aisle, [(a, sorted(by_aisle[a])) for a in sorted(by_aisle)])
        assert sorted(order) == list(range(len(stops)))
        walked = tour_length(layout, [stops[i] for i in order])
        assert walked == pytest.approx(programme, abs=1e-9)
        assert plan_route(layout, stops).distance_m == pytest.approx(programme, abs=1e-9)


def test_multi_block_routes_are_optimal_up_to_twelve_points() -> None:
    rng = random.Random(2001)
    for case in range(300):
        aisles = rng.randint(2, 10)
        layout = _random_layout(rng, aisles, multi_block=True)
        stops = [Stop(rng.randint(1, aisles), rng.randint(1, layout.max_position))
                 for _ in range(case % 12 + 1)]
        got = _check_route(layout, stops)
        assert got == pytest.approx(_optimum(layout, stops), abs=1e-9), (layout, stops)


def _few_blocks(rng: random.Random, aisles: int) -> Layout:
    """Two or three blocks: the multi-block programme's layouts."""
    deepest = rng.randint(2, 40)
    block = rng.choice([(deepest + 1) // 2, (deepest + 2) // 3, deepest - 1])
    return Layout(rng.choice([1.5, 2.8, 3.0]), rng.choice([0.9, 1.0, 1.1]), max(1, block),
                  rng.randint(1, aisles), deepest)


def test_the_multi_block_programme_equals_held_karp() -> None:
    rng = random.Random(2025)
    for case in range(400):
        aisles = rng.randint(1, 12)
        layout = _few_blocks(rng, aisles)
        stops = [Stop(rng.randint(1, aisles), rng.randint(1, layout.max_position))
                 for _ in range(case % 12 + 1)]
        route = plan_route(layout, stops, method=BLOCK_DP)
        assert sorted(route.order) == list(range(len(stops)))
        assert route.distance_m == pytest.approx(_optimum(layout, stops), abs=1e-9), \
            (layout, stops)


def test_the_multi_block_programme_walks_its_own_length_and_beats_the_heuristic() -> None:
    rng = random.Random(77)
    for _ in range(40):
        aisles = rng.randint(3, 20)
        layout = _few_blocks(rng, aisles)
        places = list(dict.fromkeys(
            Stop(rng.randint(1, aisles), rng.randint(1, layout.max_position))
            for _ in range(rng.randint(13, 60))))
        cross = [0.0]
        k = 1
        while k * layout.block_length < layout.max_position:
            cross.append(k * layout.block_length * layout.bin_pitch_m)
            k += 1
        cross.append(layout.max_position * layout.bin_pitch_m)
        if len(cross) - 1 > routing_blocks.MAX_BLOCKS:
            continue
        by_aisle: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for index, s in enumerate(places):
            by_aisle[s.aisle].append(((s.position - 0.5) * layout.bin_pitch_m, index))
        order, programme = routing_blocks.optimal_tour(
            layout.aisle_pitch_m, cross, layout.depot_aisle,
            [(a, sorted(by_aisle[a])) for a in sorted(by_aisle)])
        assert tour_length(layout, [places[i] for i in order]) == pytest.approx(programme)
        assert plan_route(layout, places).distance_m == pytest.approx(programme)
        assert programme <= plan_route(layout, places, method=HEURISTIC).distance_m + 1e-9


def test_multi_block_heuristic_beats_the_single_block_optimum() -> None:
    """Beyond exact size the heuristic starts from the single-block optimum, which is a
    valid order with extra cross aisles too, so it can only get shorter."""
    rng = random.Random(99)
    for _ in range(40):
        aisles = rng.randint(5, 20)
        layout = _random_layout(rng, aisles, multi_block=True)
        stops = [Stop(rng.randint(1, aisles), rng.randint(1, layout.max_position))
                 for _ in range(rng.randint(13, 60))]
        route = plan_route(layout, stops, method=HEURISTIC)
        assert sorted(route.order) == list(range(len(stops)))
        got = route.distance_m
        one_block = Layout(layout.aisle_pitch_m, layout.bin_pitch_m, 0, layout.depot_aisle,
                           layout.max_position)
        rr = plan_route(one_block, stops)
        assert got <= tour_length(layout, [stops[i] for i in rr.order]) + 1e-9


def test_local_search_reaches_held_karp_often_and_never_worse_than_its_start() -> None:
    rng = random.Random(5)
    exact = 0
    for _ in range(60):
        m = rng.randint(6, 10)
        xy = [(0.0, 0.0)] + [(rng.uniform(0, 40), rng.uniform(0, 40)) for _ in range(m)]
        matrix = [[abs(p[0] - q[0]) + abs(p[1] - q[1]) for q in xy] for p in xy]
        start = routing_tsp.nearest_neighbour(matrix)
        better = routing_tsp.improve(matrix, start)
        assert sorted(better) == list(range(1, m + 1))
        assert routing_tsp.tour_cost(matrix, better) <= routing_tsp.tour_cost(matrix, start)
        best = routing_tsp.tour_cost(matrix, routing_tsp.held_karp(matrix))
        exact += routing_tsp.tour_cost(matrix, better) <= best + 1e-9
    assert exact >= 30


def test_search_is_deterministic_and_no_worse_than_its_starts() -> None:
    rng = random.Random(8)
    for _ in range(20):
        m = rng.randint(8, 40)
        xy = [(0.0, 0.0)] + [(rng.uniform(0, 60), rng.uniform(0, 30)) for _ in range(m)]
        matrix = [[abs(p[0] - q[0]) + abs(p[1] - q[1]) for q in xy] for p in xy]
        starts = [routing_tsp.nearest_neighbour(matrix), list(range(m, 0, -1))]
        found = routing_tsp.search(matrix, starts)
        assert sorted(found) == list(range(1, m + 1))
        assert found == routing_tsp.search(matrix, starts)
        assert routing_tsp.tour_cost(matrix, found) <= min(
            routing_tsp.tour_cost(matrix, routing_tsp.improve(matrix, s)) for s in starts)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(0, 40), st.booleans())
def test_any_route_visits_each_stop_once_and_measures_itself(seed: int, count: int,
                                                              multi: bool) -> None:
    rng = random.Random(seed)
    aisles = rng.randint(1, 20)
    layout = _random_layout(rng, aisles, multi_block=multi)
    stops = [Stop(rng.randint(1, aisles), rng.randint(1, layout.max_position + 1))
             for _ in range(count)]
    _check_route(layout, stops)
