"""Benchmark: walking saved by batching orders onto 8-order carts, on the demo warehouse.

    python -m tests.benchmarks.batching [--orders 2000] [--seed 1] [--cart-orders 8]

Loads the demo (`haicang demo`: two warehouses with two blocks of aisles each, orders
over two weeks, allocated) into a temporary SQLite file, then plans waves exactly as
`haicang waves plan` does: one wave of every allocated order per warehouse, and one per
warehouse and client. For each it prints the travel of the Clarke–Wright carts against
walking order by order (target <= 0.23) and against carts filled first come, first
served by order date (target <= 0.85), every route from `app.domain.routing.plan_route`.
Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from app.db.schema import open_database
from app.domain.permissions import Actor
from app.services.demo import DemoOptions, load_demo
from app.services.wave_plan import NoOrdersToPlan, WaveFilters, WavePlan, plan_wave

TARGET_VS_SINGLE = 0.23
TARGET_VS_FCFS = 0.85


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
        db.dispose()
    print(f"demo ({args.orders:,} orders, seed {args.seed}), {args.cart_orders}-order carts, "
          "Clarke-Wright savings; travel in metres")
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
    print(f"  targets: batched / single <= {TARGET_VS_SINGLE}, batched / FCFS <= "
          f"{TARGET_VS_FCFS}: {'met' if ok else 'NOT MET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
