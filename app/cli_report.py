"""`haicang report sales`: orders and units by ship-to state or region over a period.

A report (no permission beyond signing in, like ``stock cover``): ``--by state|region``,
``--from``/``--to`` (UTC days, both included), ``--client``/``--sku`` filters, ``--json``
for one document ``{"by", "from", "to", "rows", "totals", ...}`` and ``--export FILE``
(.csv, .xlsx or .pdf) for the seller.
"""

from __future__ import annotations

import argparse

from app.cli import EXIT_OK, Registrar, open_context
from app.cli_inbound import _day


def cmd_report_sales(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.sales_export import export_sales, table
    from app.services.sales_report import SalesBy, sales_by_region

    by = SalesBy(args.by)
    ctx = open_context(args)
    with ctx.db.reading() as s:
        report = sales_by_region(s, args.start, args.end, client_code=args.client,
                                 sku_code=args.sku)
    if args.export:
        path = export_sales(report, by, args.export)
        if args.json:
            print_json({"file": str(path), "rows": len(report.rows(by))})
        else:
            print(f"Wrote the sales by {by.value} to {path}.")
        return EXIT_OK
    if args.json:
        print_json(report.as_json(by))
        return EXIT_OK
    headers, rows = table(report, by)
    print_table([h.split(" ")[0] for h in headers], rows)
    return EXIT_OK


def register(reg: Registrar) -> None:
    report = reg.group("report", "reports")
    p = reg.add(report, "sales", cmd_report_sales,
                "orders and units by ship-to state or region over a period "
                "(cancelled orders left out)", True)
    p.add_argument("--by", choices=("state", "region"), default="state",
                   help="one row per ship-to state (default) or per Census region")
    p.add_argument("--from", dest="start", type=_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", type=_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--client", metavar="CODE")
    p.add_argument("--sku", metavar="SKU")
    p.add_argument("--export", metavar="FILE", help="write the report to .csv, .xlsx or .pdf")

