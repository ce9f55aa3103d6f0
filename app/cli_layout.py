"""`haicang warehouses layout` and `haicang route`: a warehouse's pick-route layout and the
shortest walk through any of its bins (the same distance the Waves screen shows)."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli import EXIT_OK, Registrar, actor_of, open_context


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None


def layout_text(layout: Any) -> str:
    """One line a person reads: ``aisles 2.8 m apart, positions 1.1 m, ...``."""
    blocks = (f"cross aisle every {layout.block_length} positions" if layout.block_length
              else "cross aisles at front and back only")
    return (f"aisles {layout.aisle_pitch_m:g} m apart, positions {layout.bin_pitch_m:g} m, "
            f"{blocks}, depot at the front of aisle {layout.depot_aisle}")


def cmd_warehouses_layout(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.layout import set_layout
    from app.services.run import run_write

    ctx = open_context(args)
    info = run_write(ctx.db, lambda s: set_layout(
        s, args.code, actor=actor_of(args, ctx.db), aisle_pitch_m=args.aisle_pitch_m,
        bin_pitch_m=args.bin_pitch_m, block_length=args.block_length,
        depot_aisle=args.depot_aisle))
    if args.json:
        print_json(info)
    else:
        print(f"Warehouse {info.code} layout: {layout_text(info.layout)}.")
    return EXIT_OK


def cmd_route(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.layout import route_bins

    codes = [c for c in args.bins.split(",")]
    with open_context(args).db.reading() as s:
        result = route_bins(s, args.warehouse, codes)
    if args.json:
        print_json(result)
    else:
        print_table(["#", "BIN"], list(enumerate(result.route, start=1)))
        print(f"{result.distance_m:.1f} m from the depot and back ({result.method}).")
    return EXIT_OK


def register(reg: Registrar) -> None:
    warehouses = reg.group("warehouses", "warehouses")
    p = reg.add(warehouses, "layout", cmd_warehouses_layout,
                "set the pick-route layout (only the options given change)", True)
    p.add_argument("code", metavar="CODE")
    p.add_argument("--aisle-pitch-m", type=_number, metavar="X",
                   help="metres between neighbouring aisle centre lines")
    p.add_argument("--bin-pitch-m", type=_number, metavar="Y",
                   help="metres of one bin position along an aisle")
    p.add_argument("--block-length", type=_whole, metavar="N",
                   help="positions between cross aisles (0: only at front and back)")
    p.add_argument("--depot-aisle", type=_whole, metavar="A",
                   help="aisle whose front end is where carts start and end")
    p = reg.add(reg.sub, "route", cmd_route,
                "the shortest walk from the depot through bins and back", True)
    p.add_argument("--warehouse", required=True, metavar="CODE")
    p.add_argument("--bins", required=True, metavar="B1,B2,...")
