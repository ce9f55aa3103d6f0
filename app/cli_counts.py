"""`haicang counts start | enter | approve | cancel | list | show`: cycle counts from the CLI.

The same service calls as the Counts screen: a blind count shows no book quantities to a
user who may not approve counts; a negative count, a bin outside the count's range or a
recount by the first counter is refused with one line and changes nothing. ``counts
cancel COUNT`` (a supervisor) ends an open count and posts nothing.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli import EXIT_OK, Registrar, actor_of, open_context


def _figure(value: int | None) -> str:
    return "-" if value is None else str(value)


def _show(args: argparse.Namespace, info: Any) -> None:
    from app.clioutput import plain, print_json, print_table

    if args.json:
        print_json(plain(info))
        return
    blind = ", blind" if info.blind else ""
    print(f"{info.number} at {info.warehouse}: {info.scope}{blind}, {info.status} "
          f"(tolerance {info.tolerance_units} unit(s) or {info.tolerance_pct:g} %).")
    print_table(["bin", "client", "sku", "expected", "counted", "by", "recount", "by",
                 "variance", "status"],
                [[ln.bin, ln.client, ln.sku, _figure(ln.expected), _figure(ln.counted),
                  ln.counted_by or "", _figure(ln.recounted), ln.recounted_by or "",
                  _figure(ln.variance), ln.status] for ln in info.lines])


def cmd_counts_start(args: argparse.Namespace) -> int:
    from app.services.counts import start_count
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    info = run_write(ctx.db, start_count, args.warehouse, actor=actor, bins=args.bins,
                     sku_code=args.sku, client_code=args.client, abc=args.abc,
                     blind=args.blind, tolerance_units=args.tolerance_units,
                     tolerance_pct=args.tolerance_pct)
    _show(args, info)
    return EXIT_OK


def cmd_counts_enter(args: argparse.Namespace) -> int:
    from app.clioutput import plain, print_json
    from app.services.counts import enter_count
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    line = run_write(ctx.db, enter_count, args.count, bin_code=args.bin, sku_code=args.sku,
                     quantity=args.qty, actor=actor, client_code=args.client)
    if args.json:
        print_json(plain(line))
        return EXIT_OK
    what = {"counted": "counted", "recount": "differs beyond tolerance: another user must "
            "recount it", "review": "still differs after the recount: a supervisor decides"}
    print(f"{args.count.strip().upper()}: {line.bin} {line.sku} = {args.qty} "
          f"({what.get(line.status, line.status)}).")
    return EXIT_OK


def cmd_counts_approve(args: argparse.Namespace) -> int:
    from app.clioutput import plain, print_json
    from app.services.counts import approve_count
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    done = run_write(ctx.db, approve_count, args.count, actor=actor)
    if args.json:
        print_json(plain(done))
        return EXIT_OK
    print(f"{done.number} approved: {len(done.posted)} difference(s) posted.")
    for p in done.posted:
        print(f"  {p.bin} {p.sku} {p.delta:+d}")
    for number, status in done.reallocated:
        print(f"  order {number} re-allocated: {status}")
    return EXIT_OK


def cmd_counts_cancel(args: argparse.Namespace) -> int:
    from app.services.counts import cancel_count
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    info = run_write(ctx.db, cancel_count, args.count, actor=actor)
    _show(args, info)
    return EXIT_OK


def cmd_counts_list(args: argparse.Namespace) -> int:
    from app.clioutput import plain, print_json, print_table
    from app.services.counts import list_counts

    ctx = open_context(args)
    with ctx.db.reading() as s:
        rows = list_counts(s, warehouse_code=args.warehouse, status=args.status)
    if args.json:
        print_json(plain(rows))
        return EXIT_OK
    print_table(["count", "warehouse", "scope", "blind", "status", "lines", "counted",
                 "to review", "by", "started"],
                [[r.number, r.warehouse, r.scope, "yes" if r.blind else "", r.status, r.lines,
                  r.counted, r.to_review, r.created_by, r.created_at.strftime("%Y-%m-%d %H:%M")]
                 for r in rows])
    return EXIT_OK


def cmd_counts_show(args: argparse.Namespace) -> int:
    from app.services.counts import get_count

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    with ctx.db.reading() as s:
        info = get_count(s, args.count, actor=actor)
    _show(args, info)
    return EXIT_OK


def register(reg: Registrar) -> None:
    counts = reg.group("counts", "cycle counts: start, enter, approve, cancel, list, show")
    p = reg.add(counts, "start", cmd_counts_start,
                "start a count of a bin range, a SKU or an ABC class", True)
    p.add_argument("--warehouse", required=True, metavar="W")
    scope = p.add_mutually_exclusive_group(required=True)
    scope.add_argument("--bins", metavar="FROM:TO", help="bin codes from FROM to TO")
    scope.add_argument("--sku", metavar="S")
    scope.add_argument("--abc", choices=("A", "B", "C"),
                       help="SKUs by shipped units over 90 days: A top 80 %%, B next 15 %%")
    p.add_argument("--client", metavar="CODE", help="whose SKU, when several use the code")
    p.add_argument("--blind", action="store_true", help="counters do not see book figures")
    p.add_argument("--tolerance-units", type=int, default=1, metavar="N",
                   help="difference accepted without a recount (default 1)")
    p.add_argument("--tolerance-pct", type=float, default=2.0, metavar="P",
                   help="or this %% of the book quantity, whichever is larger (default 2)")

    p = reg.add(counts, "enter", cmd_counts_enter, "enter the units found (count or recount)",
                True)
    p.add_argument("count", metavar="COUNT")
    p.add_argument("--bin", required=True, metavar="B")
    p.add_argument("--sku", required=True, metavar="S")
    p.add_argument("--qty", required=True, type=int, metavar="N")
    p.add_argument("--client", metavar="CODE")

    p = reg.add(counts, "approve", cmd_counts_approve,
                "post the count's differences (supervisor)", True)
    p.add_argument("count", metavar="COUNT")

    p = reg.add(counts, "cancel", cmd_counts_cancel,
                "cancel an open count: nothing is posted (supervisor)", True)
    p.add_argument("count", metavar="COUNT")

    p = reg.add(counts, "list", cmd_counts_list, "counts, newest first", True)
    p.add_argument("--warehouse", metavar="W")
    p.add_argument("--status", choices=("open", "approved", "cancelled"))

    p = reg.add(counts, "show", cmd_counts_show, "one count with its lines", True)
    p.add_argument("count", metavar="COUNT")
