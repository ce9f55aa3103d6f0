"""`haicang waves plan`: the carts a wave would need, and what batching saves; read-only.

The ``waves`` group is shared with ``app.cli_picking`` (release, list, show, pick-list).
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from app.cli import EXIT_OK, Registrar, _positive_int, open_context


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def _packaging(text: str) -> str:
    """``prepacked`` or ``needs-packing`` (``needs_packing`` too)."""
    word = text.strip().lower().replace("-", "_")
    if word not in ("prepacked", "needs_packing"):
        raise argparse.ArgumentTypeError(f"'{text}' is not prepacked or needs-packing")
    return word


def plan_options(p: argparse.ArgumentParser) -> None:
    """The wave filters and cart sizes."""
    p.add_argument("--warehouse", required=True, metavar="CODE")
    p.add_argument("--cart-orders", type=_positive_int, default=8, metavar="N",
                   help="orders (totes) per cart (default 8)")
    p.add_argument("--cart-units", type=_positive_int, metavar="N",
                   help="units per cart (default: no limit)")
    p.add_argument("--client", metavar="CODE")
    p.add_argument("--carrier", metavar="NAME")
    p.add_argument("--service", metavar="LEVEL", help="service level, e.g. expedited")
    p.add_argument("--ship-by-before", type=_iso_date, metavar="YYYY-MM-DD",
                   help="orders due before this day (warehouse local time)")
    p.add_argument("--priority", choices=("high", "normal"),
                   help="high: a fast service level, or due today or overdue")
    p.add_argument("--units", choices=("single", "multi"), help="single-unit or multi-unit")
    p.add_argument("--packaging", type=_packaging, metavar="prepacked|needs-packing",
                   help="prepacked: every SKU ships in its own packaging")


def wave_filters(args: argparse.Namespace) -> Any:
    from app.services.wave_plan import WaveFilters

    return WaveFilters(client=args.client, carrier=args.carrier, service=args.service,
                       ship_by_before=args.ship_by_before, priority=args.priority,
                       units=args.units, packaging=args.packaging)


def cmd_waves_plan(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.wave_plan import plan_wave

    with open_context(args).db.reading() as s:
        plan = plan_wave(s, args.warehouse, wave_filters(args), cart_orders=args.cart_orders,
                         cart_units=args.cart_units)
    if args.json:
        print_json(plan)
        return EXIT_OK
    orders = sum(len(b.orders) for b in plan.batches)
    print(f"Wave plan for {plan.warehouse_code}: {orders} orders on {len(plan.batches)} cart(s) "
          f"({plan.filters.describe()}).")
    for n, batch in enumerate(plan.batches, start=1):
        print(f"  cart {n}: {len(batch.orders)} orders, {batch.units} units, "
              f"{batch.distance_m:.1f} m: {', '.join(batch.orders)}")
        print(f"          {' > '.join(batch.route)}")
    print(f"Batched {plan.batched_distance_m:.1f} m vs {plan.single_order_distance_m:.1f} m "
          f"order by order (first-come-first-served carts: {plan.fcfs_distance_m:.1f} m). "
          "Nothing was changed: `haicang waves release` with the same options releases it.")
    return EXIT_OK


def register(reg: Registrar) -> None:
    waves = reg.group("waves", "plan, release and follow picking waves")
    p = reg.add(waves, "plan", cmd_waves_plan,
                "show the carts and routes a wave would get (changes nothing)", True)
    plan_options(p)
