"""`haicang stock [list] | receive | move | adjust` and `haicang orders cancel | hold | release`.

``haicang stock [--sku ...]`` lists stock as it always did (``stock list`` is the same);
the verbs change it, each one service call in one transaction, as the Inventory and
Orders screens do. ``--sku`` takes a SKU code or any of its barcodes; when several
clients have that SKU, ``--client`` says whose stock it is.
"""

from __future__ import annotations

import argparse
from typing import Any

import app.cli
from app.cli import EXIT_OK, Registrar, actor_of, open_context
from app.domain.states import AdjustReason

#: The note an order held from the command line without ``--reason`` gets.
CLI_HOLD_REASON = "held from the command line"


def sku_client(session: Any, sku: str, client: str | None) -> str:
    """The client whose SKU ``sku`` (a code or barcode) is meant: ``client`` when given,
    else the only client that has it."""
    from sqlalchemy import select

    from app.db.models import Client, Sku
    from app.domain.errors import InvalidValue, NotFound
    from app.services.lookup import sku_ids_with_code

    if client:
        return client
    codes = list(session.scalars(
        select(Client.code).join(Sku, Sku.client_id == Client.id)
        .where(Sku.id.in_(sku_ids_with_code(sku.strip()))).distinct().order_by(Client.code)
    ))
    if not codes:
        raise NotFound(kind="SKU", key=sku)
    if len(codes) > 1:
        raise InvalidValue(field="--client", problem=(
            f"SKU {sku} belongs to several clients ({', '.join(codes)}); name one with --client"))
    return str(codes[0])


def on_hand(session: Any, warehouse: str, bin_code: str, sku: str, client: str) -> int:
    """Units of the SKU now in the bin (every lot together)."""
    from app.services.inventory import stock_by_bin

    rows = stock_by_bin(session, warehouse_code=warehouse, bin_code=bin_code, sku_code=sku)
    return sum(r.on_hand for r in rows if r.client_code == client.strip().upper())


def _allocated(orders: tuple[str, ...]) -> str:
    if not orders:
        return ""
    word = "order" if len(orders) == 1 else "orders"
    return f" {len(orders)} backordered {word} allocated: {', '.join(orders)}."


def _print(args: argparse.Namespace, result: Any, extra: dict[str, Any], text: str) -> int:
    from app.clioutput import plain, print_json

    if args.json:
        print_json({**plain(result), **extra})
    else:
        print(text)
    return EXIT_OK


def cmd_stock_list(args: argparse.Namespace) -> int:
    """The listing, ``app.cli.cmd_stock``, looked up when it runs (so it stays one function
    whichever way it is reached)."""
    return app.cli.cmd_stock(args)


def cmd_stock_receive(args: argparse.Namespace) -> int:
    from app.services.inventory import receive_stock
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)

    def work(s: Any) -> tuple[str, Any, int]:
        client = sku_client(s, args.sku, args.client)
        result = receive_stock(s, client_code=client, sku_code=args.sku,
                               warehouse_code=args.warehouse, bin_code=args.bin,
                               quantity=args.qty, actor=actor, reference=args.reference)
        return client, result, on_hand(s, args.warehouse, args.bin, result.sku_code, client)

    client, result, now = run_write(ctx.db, work)
    where = f"{args.warehouse.strip().upper()}/{args.bin.strip().upper()}"
    return _print(args, result, {"client_code": client.upper(), "on_hand": now},
                  f"Received {result.quantity} × {result.sku_code} into {where} "
                  f"(on hand now {now}).{_allocated(result.allocated_orders)}")


def cmd_stock_move(args: argparse.Namespace) -> int:
    from app.services.inventory import move_stock
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)

    def work(s: Any) -> tuple[str, Any, int, int]:
        client = sku_client(s, args.sku, args.client)
        result = move_stock(s, client_code=client, sku_code=args.sku,
                            warehouse_code=args.warehouse, from_bin=args.from_bin,
                            to_bin=args.to_bin, quantity=args.qty, actor=actor)
        return (client, result,
                on_hand(s, args.warehouse, args.from_bin, result.sku_code, client),
                on_hand(s, args.warehouse, args.to_bin, result.sku_code, client))

    client, result, left, now = run_write(ctx.db, work)
    wh, source, target = (x.strip().upper() for x in (args.warehouse, args.from_bin, args.to_bin))
    return _print(args, result,
                  {"client_code": client.upper(), "on_hand_from": left, "on_hand_to": now},
                  f"Moved {result.quantity} × {result.sku_code} from {wh}/{source} to "
                  f"{wh}/{target} ({left} left, {now} there now)."
                  f"{_allocated(result.allocated_orders)}")


def cmd_stock_adjust(args: argparse.Namespace) -> int:
    from app.services.inventory import adjust_stock
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)

    def work(s: Any) -> tuple[str, Any, int]:
        client = sku_client(s, args.sku, args.client)
        result = adjust_stock(s, client_code=client, sku_code=args.sku,
                              warehouse_code=args.warehouse, bin_code=args.bin,
                              delta=args.qty, reason=AdjustReason(args.reason), actor=actor,
                              note=args.note)
        return client, result, on_hand(s, args.warehouse, args.bin, result.sku_code, client)

    client, result, now = run_write(ctx.db, work)
    where = f"{args.warehouse.strip().upper()}/{args.bin.strip().upper()}"
    return _print(args, result, {"client_code": client.upper(), "on_hand": now},
                  f"Adjusted {result.sku_code} in {where} by {args.qty:+d} ({args.reason}; "
                  f"on hand now {now}).{_allocated(result.allocated_orders)}")


def _order_action(args: argparse.Namespace, verb: str) -> int:
    from app.services.orders import cancel_order, find_order_id, hold_order, release_order
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)

    def work(s: Any) -> Any:
        order_id = find_order_id(s, args.number, args.client)
        if verb == "cancel":
            return cancel_order(s, order_id, actor=actor, reason=args.reason or None)
        if verb == "hold":
            return hold_order(s, order_id, actor=actor,
                              reason=(args.reason or "").strip() or CLI_HOLD_REASON)
        return release_order(s, order_id, actor=actor)

    result = run_write(ctx.db, work)
    was, now = result.from_status.value, result.to_status.value
    text = {
        "cancel": f"Order {result.number} cancelled (was {was}).",
        "hold": f"Order {result.number} on hold (was {was}).",
        "release": f"Order {result.number} released: {now}.",
    }[verb]
    return _print(args, result, {}, text)


def cmd_orders_cancel(args: argparse.Namespace) -> int:
    return _order_action(args, "cancel")


def cmd_orders_hold(args: argparse.Namespace) -> int:
    return _order_action(args, "hold")


def cmd_orders_release(args: argparse.Namespace) -> int:
    return _order_action(args, "release")


def _listing_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sku", metavar="CODE", help="SKU code or barcode")
    p.add_argument("--warehouse", metavar="CODE")
    p.add_argument("--client", metavar="CODE")


def _change_options(p: argparse.ArgumentParser, *bins: str) -> None:
    p.add_argument("--warehouse", required=True, metavar="W")
    for flag in bins:
        p.add_argument(flag, required=True, metavar="BIN")
    p.add_argument("--sku", required=True, metavar="S", help="SKU code or barcode")
    p.add_argument("--client", metavar="CODE",
                   help="the seller (needed when several clients have the SKU)")


def register(reg: Registrar) -> None:
    """``stock`` lists with its options alone, or takes a verb; and the order verbs."""
    add = reg.add
    stock = add(reg.sub, "stock", cmd_stock_list,
                "stock per SKU and warehouse (or: stock receive | move | adjust)", True)
    _listing_options(stock)
    verbs = stock.add_subparsers(dest="stock_command", metavar="[ACTION]", required=False)
    reg.groups["stock"] = verbs  # other modules add verbs (app.cli_stock_age: age, cover)
    _listing_options(add(verbs, "list", cmd_stock_list, "stock per SKU and warehouse", True))

    p = add(verbs, "receive", cmd_stock_receive, "put received units into a bin", True)
    _change_options(p, "--bin")
    p.add_argument("--qty", required=True, type=int, metavar="N", help="units received")
    p.add_argument("--reference", metavar="REF", help="ASN, container or PO number")

    p = add(verbs, "move", cmd_stock_move, "move free units between two bins", True)
    _change_options(p, "--from-bin", "--to-bin")
    p.add_argument("--qty", required=True, type=int, metavar="N", help="units to move")

    p = add(verbs, "adjust", cmd_stock_adjust, "correct a bin's count, with a reason", True)
    _change_options(p, "--bin")
    p.add_argument("--qty", required=True, type=int, metavar="+N|-N",
                   help="units found (+) or missing (-)")
    p.add_argument("--reason", required=True, choices=[r.value for r in AdjustReason])
    p.add_argument("--note", metavar="TEXT")

    orders = reg.group("orders", "orders")
    for verb, handler, text in (
        ("cancel", cmd_orders_cancel, "cancel an order and give back its reserved stock"),
        ("hold", cmd_orders_hold, "stop an order where it is"),
        ("release", cmd_orders_release, "lift a hold: the order resumes where it stopped"),
    ):
        p = add(orders, verb, handler, text, True)
        p.add_argument("number", metavar="NUMBER")
        if verb != "release":
            p.add_argument("--reason", metavar="TEXT")
        p.add_argument("--client", metavar="CODE", help="needed when two clients use the number")
