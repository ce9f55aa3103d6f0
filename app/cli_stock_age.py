"""`haicang stock age` and `haicang stock cover`: how old the stock is, how long it lasts.

Both are reports (no permission beyond signing in, like ``stock list``); ``stock cover
--export FILE.xlsx|.csv`` writes the low and out-of-stock list for the seller.
"""

from __future__ import annotations

import argparse

from app.cli import EXIT_OK, Registrar, open_context


def cmd_stock_age(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.stock_age import BUCKET_NAMES, stock_age

    ctx = open_context(args)
    with ctx.db.reading() as s:
        rows = stock_age(s, client_code=args.client, warehouse_code=args.warehouse)
    if args.json:
        print_json([r.as_json() for r in rows])
        return EXIT_OK
    print_table(["client", "sku", "warehouse", "units", *BUCKET_NAMES],
                [[r.client, r.sku, r.warehouse, r.units, *r.buckets] for r in rows])
    return EXIT_OK


def cmd_stock_cover(args: argparse.Namespace) -> int:
    from app.clioutput import plain, print_json, print_table
    from app.services.low_stock_export import export_low_stock
    from app.services.stock_cover import stock_cover

    ctx = open_context(args)
    with ctx.db.reading() as s:
        rows = stock_cover(s, client_code=args.client, low_days=args.low_days,
                           only_flagged=args.flagged)
    if args.export:
        flagged = [r for r in rows if r.low or r.out]
        path = export_low_stock(flagged, args.export)
        if args.json:
            print_json({"file": str(path), "rows": len(flagged)})
        else:
            print(f"Wrote {len(flagged)} low or out-of-stock SKU(s) to {path}.")
        return EXIT_OK
    if args.json:
        print_json([{**plain(r), "status": r.status} for r in rows])
        return EXIT_OK
    print_table(["client", "sku", "sellable", "shipped 30d", "per day", "days of cover",
                 "status"],
                [[r.client, r.sku, r.sellable, r.shipped_30d, r.daily_average,
                  "-" if r.days_of_cover is None else r.days_of_cover, r.status]
                 for r in rows])
    return EXIT_OK


def _days(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of days") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' must be above 0")
    return value


def register(reg: Registrar) -> None:
    stock = reg.group("stock", "stock")
    p = reg.add(stock, "age", cmd_stock_age,
                "units on hand by age: 0-30, 31-60, 61-90, 91-180, 181-365, 365+ days", True)
    p.add_argument("--client", metavar="CODE")
    p.add_argument("--warehouse", metavar="W")
    p = reg.add(stock, "cover", cmd_stock_cover,
                "days of cover per SKU from the last 30 days shipped; low and out flagged",
                True)
    p.add_argument("--client", metavar="CODE")
    p.add_argument("--low-days", type=_days, default=14.0, metavar="DAYS",
                   help="cover below this is low (default 14)")
    p.add_argument("--flagged", action="store_true", help="only low and out-of-stock SKUs")
    p.add_argument("--export", metavar="FILE", help="write the low/out list to .xlsx or .csv")
