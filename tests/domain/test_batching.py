"""Clarke–Wright batching over plain data: every order once, capacities kept, clusters found."""

from __future__ import annotations

import random

from app.domain.batching import (
    BatchOrder,
    CartCapacity,
    fcfs_batches,
    savings_batches,
)
from app.domain.routing import Layout, Stop, plan_route

ONE_BLOCK = Layout(3.0, 1.0, 0, 1, 30)
TWO_BLOCKS = Layout(2.8, 1.1, 15, 1, 30)


def _order(*stops: tuple[int, int], units: int = 1) -> BatchOrder:
    return BatchOrder(frozenset(Stop(a, p) for a, p in stops), units)


def _travel(layout: Layout, orders: list[BatchOrder], carts: list[list[int]]) -> float:
    return sum(plan_route(layout, sorted({s for i in cart for s in orders[i].stops},
                                         key=lambda s: (s.aisle, s.position))).distance_m
               for cart in carts)


def test_clusters_at_opposite_corners_share_carts() -> None:
    near = [_order((1, p)) for p in (1, 2, 3)]
    far = [_order((10, p)) for p in (28, 29, 30)]
    orders = [x for pair in zip(near, far, strict=True) for x in pair]   # interleaved
    carts = savings_batches(ONE_BLOCK, orders, CartCapacity(3))
    assert sorted(carts) == [[0, 2, 4], [1, 3, 5]]
    assert fcfs_batches(orders, CartCapacity(3)) == [[0, 1, 2], [3, 4, 5]]


def test_every_order_once_capacities_kept_and_better_than_fcfs_on_random_waves() -> None:
    rng = random.Random(16)
    for layout in (ONE_BLOCK, TWO_BLOCKS):
        ratios = []
        for _wave in range(6):
            orders = [_order(*[(rng.randint(1, 10), rng.randint(1, 30))
                               for _ in range(rng.choice([1, 1, 1, 2, 2, 3]))],
                             units=rng.randint(1, 4)) for _ in range(40)]
            capacity = CartCapacity(orders=6, units=12)
            carts = savings_batches(layout, orders, capacity)
            assert sorted(i for c in carts for i in c) == list(range(len(orders)))
            for cart in carts:
                assert len(cart) <= 6
                assert len(cart) == 1 or sum(orders[i].units for i in cart) <= 12
            assert carts == savings_batches(layout, orders, capacity)   # deterministic
            ratios.append(_travel(layout, orders, carts)
                          / _travel(layout, orders, fcfs_batches(orders, capacity)))
        assert max(ratios) < 1.0 and sum(ratios) / len(ratios) < 0.9, ratios


def test_an_order_bigger_than_the_cart_rides_alone() -> None:
    orders = [_order((1, 1), units=5), _order((1, 2)), _order((1, 3))]
    carts = savings_batches(ONE_BLOCK, orders, CartCapacity(orders=8, units=3))
    assert sorted(carts) == [[0], [1, 2]]
    assert fcfs_batches(orders, CartCapacity(orders=8, units=3)) == [[0], [1, 2]]
    assert savings_batches(ONE_BLOCK, [], CartCapacity()) == []
