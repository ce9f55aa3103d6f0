"""`haicang returns create | receive | close | list | show`: the Returns screen's actions.

``returns create --order NUMBER`` or ``--tracking T`` (a scanned return label; an unknown
tracking number needs ``--client``) opens an RMA; ``returns receive RMA --sku S --qty N
--grade resellable|damaged|dispose [--bin B] [--reason R]`` books units back; ``returns
close RMA`` ends it (``--force`` for one that received nothing: the parcel will not come);
``returns list --client C`` is what the client's report shows.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli import EXIT_OK, Registrar, _positive_int, actor_of, open_context


def _show(args: argparse.Namespace, info: Any) -> None:
    from app.clioutput import plain, print_json, print_table

    if args.json:
        print_json(plain(info))
        return
    order = f" for order {info.order} ({info.order_status})" if info.order else " (no order)"
    track = f", tracking {info.tracking_number}" if info.tracking_number else ""
    print(f"{info.number}{order}{track}: {info.client} at {info.warehouse}, {info.status}, "
          f"{info.units} unit(s) received.")
    if info.lines:
        print_table(["sku", "qty", "grade", "bin", "reason", "weight g", "by", "at"],
                    [[ln.sku, ln.quantity, ln.grade, ln.bin or "", ln.reason or "",
                      ln.weight_g if ln.weight_g is not None else "", ln.actor,
                      ln.at.strftime("%Y-%m-%d %H:%M")] for ln in info.lines])


def cmd_returns_create(args: argparse.Namespace) -> int:
    from app.services.returns import create_return
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    info = run_write(ctx.db, create_return, actor=actor, order_number=args.order,
                     tracking=args.tracking, client_code=args.client,
                     warehouse_code=args.warehouse, notes=args.notes)
    _show(args, info)
    return EXIT_OK


def cmd_returns_receive(args: argparse.Namespace) -> int:
    from app.clioutput import plain, print_json
    from app.services.returns import receive_return
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    got = run_write(ctx.db, receive_return, args.rma, sku_code=args.sku, quantity=args.qty,
                    grade=args.grade, actor=actor, bin_code=args.bin, reason=args.reason,
                    weight_g=args.weight)
    if args.json:
        print_json(plain(got))
        return EXIT_OK
    where = "written off" if got.grade == "dispose" else f"into {got.bin}"
    task = f"; put-away task {got.putaway_task}" if got.putaway_task else ""
    order = "; order returned" if got.order_returned else ""
    print(f"{got.number}: {got.quantity} × {got.sku} {got.grade}, {where}{task}{order}.")
    return EXIT_OK


def cmd_returns_close(args: argparse.Namespace) -> int:
    from app.services.returns import close_return
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    info = run_write(ctx.db, close_return, args.rma, actor=actor, force=args.force)
    _show(args, info)
    return EXIT_OK


def cmd_returns_list(args: argparse.Namespace) -> int:
    from app.clioutput import plain, print_json, print_table
    from app.services.returns import list_returns

    ctx = open_context(args)
    with ctx.db.reading() as s:
        rows = list_returns(s, client_code=args.client, status=args.status)
    if args.json:
        print_json([{k: v for k, v in plain(r).items() if k != "lines"} for r in rows])
        return EXIT_OK
    print_table(["rma", "client", "warehouse", "order", "tracking", "status", "units",
                 "created"],
                [[r.number, r.client, r.warehouse, r.order or "", r.tracking_number or "",
                  r.status, r.units, r.created_at.strftime("%Y-%m-%d %H:%M")] for r in rows])
    return EXIT_OK


def cmd_returns_show(args: argparse.Namespace) -> int:
    from app.services.returns import get_return

    ctx = open_context(args)
    with ctx.db.reading() as s:
        info = get_return(s, args.rma)
    _show(args, info)
    return EXIT_OK


def register(reg: Registrar) -> None:
    returns = reg.group("returns", "returns (RMA): open, receive and grade, close, list")
    p = reg.add(returns, "create", cmd_returns_create,
                "open an RMA for an order or a scanned return tracking number", True)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--order", metavar="NUMBER")
    which.add_argument("--tracking", metavar="T", help="the return label's tracking number")
    p.add_argument("--client", metavar="CODE",
                   help="whose order (needed for an unknown tracking number)")
    p.add_argument("--warehouse", metavar="W", help="where it came back (no order known)")
    p.add_argument("--notes", metavar="TEXT")

    p = reg.add(returns, "receive", cmd_returns_receive,
                "book units of a SKU back with their grade", True)
    p.add_argument("rma", metavar="RMA")
    p.add_argument("--sku", required=True, metavar="S")
    p.add_argument("--qty", required=True, type=_positive_int, metavar="N")
    p.add_argument("--grade", required=True, choices=("resellable", "damaged", "dispose"))
    p.add_argument("--bin", metavar="B", help="default: the returns (or damaged) bin")
    p.add_argument("--reason", metavar="R")
    p.add_argument("--weight", type=int, metavar="GRAMS", help="weighed (default SKU weight)")

    p = reg.add(returns, "close", cmd_returns_close,
                "close an RMA: nothing more comes back on it", True)
    p.add_argument("rma", metavar="RMA")
    p.add_argument("--force", action="store_true",
                   help="close it although nothing was received (the parcel will not come)")

    p = reg.add(returns, "list", cmd_returns_list, "RMAs, newest first", True)
    p.add_argument("--client", metavar="CODE")
    p.add_argument("--status", choices=("open", "received", "closed"))

    p = reg.add(returns, "show", cmd_returns_show, "one RMA with its graded lines", True)
    p.add_argument("rma", metavar="RMA")
