"""Benchmark: walking saved by batching orders onto 8-order carts, on the demo warehouse.

    python -m tests.benchmarks.batching [--orders 2000] [--seed 1] [--cart-orders 8]

Loads the demo (`haicang demo`: two warehouses with two blocks of aisles each, orders
over two weeks, allocated) into a temporary SQLite file, then plans waves exactly as
`haicang waves plan` does: one wave of every allocated order per warehouse, and one per
warehouse and client. For each it prints the travel of the Clarke–Wright carts against
walking order by order (target <= 0.23) and against carts filled first come, first
served by order date (target <= 0.85), every route from `app.domain.routing.plan_route`.
Then the reference setup of performance.md §2: the same orders cut into waves of 48 by
order date (smaller waves leave the savings fewer partners). Exit status 1 when a target
is missed.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models import Bin, Order, Reservation, Warehouse
from app.db.schema import open_database
from app.domain.batching import BatchOrder, CartCapacity, fcfs_batches, savings_batches
from app.domain.permissions import Actor
from app.domain.routing import Layout, Stop, plan_route
from app.services.demo import DemoOptions, load_demo
from app.services.layout import warehouse_layout
from app.services.wave_plan import NoOrdersToPlan, WaveFilters, WavePlan, plan_wave

TARGET_VS_SINGLE = 0.23
TARGET_VS_FCFS = 0.85
SMALL_WAVE = 48


def _orders_by_date(s: Session, warehouse: str) -> tuple[Layout, list[BatchOrder]]:
    """The warehouse's allocated orders (oldest first) as the batcher sees them."""
    wh = s.scalars(select(Warehouse).where(Warehouse.code == warehouse)).one()
    stops: dict[int, set[Stop]] = {}
    units: dict[int, int] = {}
    for order_id, aisle, position, quantity in s.execute(
        select(Order.id, Bin.aisle, Bin.position, Reservation.quantity)
        .join(Reservation, Reservation.order_id == Order.id)
        .join(Bin, Bin.id == Reservation.bin_id)
        .where(Order.warehouse_id == wh.id, Order.status == "allocated")
        .order_by(Order.order_date, Order.id)
    ):
        stops.setdefault(order_id, set()).add(Stop(aisle, position))
        units[order_id] = units.get(order_id, 0) + quantity
    return warehouse_layout(s, wh.id), [BatchOrder(frozenset(stops[o]), units[o])
                                        for o in stops]


def _travel(layout: Layout, orders: list[BatchOrder], carts: list[list[int]]) -> float:
    return sum(plan_route(layout, sorted({st for i in cart for st in orders[i].stops},
                                         key=lambda st: (st.aisle, st.position))).distance_m
               for cart in carts)


def small_waves(db: Database, cart_orders: int) -> list[tuple[str, int, float, float, float]]:
    """(warehouse, waves, single, FCFS, batched) for waves of SMALL_WAVE orders."""
    rows = []
    capacity = CartCapacity(cart_orders)
    for warehouse in ("LA1", "NJ1"):
        with db.reading() as s:
            layout, orders = _orders_by_date(s, warehouse)
        single = fcfs = batched = 0.0
        waves = 0
        for start in range(0, len(orders) - SMALL_WAVE + 1, SMALL_WAVE):
            wave = orders[start:start + SMALL_WAVE]
            waves += 1
            single += _travel(layout, wave, [[i] for i in range(len(wave))])
            fcfs += _travel(layout, wave, fcfs_batches(wave, capacity))
            batched += _travel(layout, wave, savings_batches(layout, wave, capacity))
        rows.append((warehouse, waves, single, fcfs, batched))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cart-orders", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'demo.sqlite3'}")
        load_demo(db, DemoOptions(orders=args.orders, seed=args.seed),
                  actor=Actor.system("bench"))
        plans: list[tuple[str, WavePlan, float]] = []
        for warehouse in ("LA1", "NJ1"):
            for client in (None, "SZTECH", "YWHOME", "GZBEAUTY"):
                with db.reading() as s:
                    started = time.process_time()
                    try:
                        plan = plan_wave(s, warehouse, WaveFilters(client=client),
                                         cart_orders=args.cart_orders)
                    except NoOrdersToPlan:
                        continue
                    plans.append((f"{warehouse} {client or 'all clients'}", plan,
                                  time.process_time() - started))
        small = small_waves(db, args.cart_orders)
        db.dispose()
    print(f"demo ({args.orders:,} orders, seed {args.seed}), {args.cart_orders}-order carts, "
          "Clarke-Wright savings + local search; travel in metres")
    print(f"  {'wave':<22}{'orders':>7}{'carts':>6}{'single':>10}{'FCFS':>9}{'batched':>9}"
          f"{'b/single':>10}{'b/FCFS':>8}{'plan s':>8}")
    ok = True
    for name, plan, seconds in plans:
        orders = sum(len(b.orders) for b in plan.batches)
        vs_single = plan.batched_distance_m / plan.single_order_distance_m
        vs_fcfs = plan.batched_distance_m / plan.fcfs_distance_m
        ok = ok and vs_single <= TARGET_VS_SINGLE and vs_fcfs <= TARGET_VS_FCFS
        print(f"  {name:<22}{orders:>7}{len(plan.batches):>6}"
              f"{plan.single_order_distance_m:>10.0f}{plan.fcfs_distance_m:>9.0f}"
              f"{plan.batched_distance_m:>9.0f}{vs_single:>10.3f}{vs_fcfs:>8.3f}"
              f"{seconds:>8.1f}")
    print(f"  waves of {SMALL_WAVE} orders by order date (performance.md §2's setup):")
    for warehouse, waves, single, fcfs, batched in small:
        ok = ok and batched / single <= TARGET_VS_SINGLE and batched / fcfs <= TARGET_VS_FCFS
        print(f"  {warehouse + f' {waves} waves':<22}{waves * SMALL_WAVE:>7}{'':>6}"
              f"{single:>10.0f}{fcfs:>9.0f}{batched:>9.0f}{batched / single:>10.3f}"
              f"{batched / fcfs:>8.3f}")
    print(f"  targets: batched / single <= {TARGET_VS_SINGLE}, batched / FCFS <= "
          f"{TARGET_VS_FCFS}: {'met' if ok else 'NOT MET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
