"""`haicang zones import|list` (carrier zone charts per warehouse origin) and
`haicang advise split` (where to send each SKU's next replenishment).

``zones import FILE --warehouse CODE [--carrier NAME] [--effective YYYY-MM-DD]``: the
layouts accepted are listed in :mod:`app.channels.zone_files`; a file with bad rows is
refused whole, each bad row printed (``--json``: the report with ``problems``).
``advise split --client CODE [--from --to] [--qty N] [--json] [--export FILE]``: a report
(no permission beyond signing in); the period defaults to the last 90 days.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from app.cli import EXIT_FAILED, EXIT_OK, Registrar, _positive_int, actor_of, open_context
from app.cli_inbound import _day


def cmd_zones_import(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.run import run_write
    from app.services.zone_charts import ZoneImportRejected, import_zone_chart

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    try:
        report = run_write(ctx.db, lambda s: import_zone_chart(
            s, args.file, args.warehouse, actor=actor, carrier=args.carrier,
            effective=args.effective))
    except ZoneImportRejected as exc:
        if args.json:
            print_json(exc.report.to_json())
        else:
            for p in exc.report.problems:  # to stdout: stderr has only the error line
                print(f"line {p.line}: {p.reason}")
        print(f"error: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        print_json(report.to_json())
    else:
        print(f"{report.carrier} zone chart imported for {report.warehouse}: "
              f"{report.zip3s} ZIP3s from {report.rows} rows ({report.skipped} skipped).")
    return EXIT_OK


def cmd_zones_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.zone_charts import list_zone_charts

    with open_context(args).db.reading() as s:
        charts = list_zone_charts(s)
    if args.json:
        print_json([c.to_json() for c in charts])
        return EXIT_OK
    print_table(["WAREHOUSE", "CARRIER", "ZIP3S", "EFFECTIVE", "FILE", "IMPORTED"],
                [[c.warehouse, c.carrier, c.zip3s,
                  c.effective.isoformat() if c.effective else "", c.source_file,
                  f"{c.imported_at} {c.imported_by}"] for c in charts])
    return EXIT_OK


def cmd_advise_split(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.split_advice import advise_split, default_period
    from app.services.split_export import HEADERS, export_split, rows

    ctx = open_context(args)
    end = args.end or datetime.now(UTC).date()
    start = args.start or default_period(end)[0]
    with ctx.db.reading() as s:
        advice = advise_split(s, args.client, start, end, qty=args.qty)
    if args.export:
        path = export_split(advice, args.export)
        if args.json:
            print_json({"file": str(path), "skus": len(advice.skus)})
        else:
            print(f"Wrote the split advice for {advice.client} to {path}.")
        return EXIT_OK
    if args.json:
        print_json(advice.as_json())
        return EXIT_OK
    print_table([h.split(" ")[0].upper() for h in HEADERS], rows(advice))
    return EXIT_OK


def register(reg: Registrar) -> None:
    zones = reg.group("zones", "carrier zone charts per warehouse origin")
    p = reg.add(zones, "import", cmd_zones_import,
                "import a carrier's zone chart (USPS JSON, CSV, UPS XLSX/CSV) for a warehouse; "
                "all rows or none", True)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--warehouse", required=True, metavar="CODE",
                   help="the warehouse the chart's origin ZIP belongs to")
    p.add_argument("--carrier", metavar="NAME",
                   help="whose chart (default: USPS for Postal Explorer JSON, UPS for a "
                        "sheet with a Ground column, GENERIC for a plain CSV)")
    p.add_argument("--effective", type=_day, metavar="YYYY-MM-DD",
                   help="the date the chart applies from")
    reg.add(zones, "list", cmd_zones_list, "list imported zone charts", True)

    advise = reg.group("advise", "advice from sales data")
    p = reg.add(advise, "split", cmd_advise_split,
                "per SKU: demand by destination, the share each warehouse serves at the "
                "lowest zone and the recommended split of the next replenishment", True)
    p.add_argument("--client", required=True, metavar="CODE")
    p.add_argument("--from", dest="start", type=_day, metavar="YYYY-MM-DD",
                   help="first day, UTC (default: the 90 days ending on --to)")
    p.add_argument("--to", dest="end", type=_day, metavar="YYYY-MM-DD",
                   help="last day, UTC (default: today)")
    p.add_argument("--qty", type=_positive_int, metavar="N",
                   help="units of the next replenishment per SKU (default: the period's units)")
    p.add_argument("--export", metavar="FILE", help="write the advice to .xlsx or .pdf")
