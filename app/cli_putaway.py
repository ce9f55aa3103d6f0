"""`haicang putaway list | confirm` and `haicang replenish plan | confirm | list | limits`.

The Put-away and Replenishment screens' work from a terminal: each command is one
service call in one transaction. ``putaway list`` stores a suggested bin on every open
task that has none, as the screen does, so both show the same suggestion.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli import EXIT_OK, Registrar, actor_of, open_context


def _task_json(task: Any) -> dict[str, Any]:
    """A task as JSON: its fields plus ``task`` (the number) and ``sku`` (the code)."""
    from app.clioutput import plain

    return {"task": task.id, "sku": task.sku_code, **plain(task)}


def _write(args: argparse.Namespace, work: Any) -> Any:
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    return run_write(ctx.db, lambda s: work(s, actor))


def _read(args: argparse.Namespace, work: Any) -> Any:
    with open_context(args).db.reading() as s:
        return work(s)


# --- put-away -----------------------------------------------------------------------------


def cmd_putaway_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.putaway import list_putaway_tasks, plan_putaway

    if args.all:
        rows = _read(args, lambda s: list_putaway_tasks(s, args.warehouse, open_only=False))
    else:
        rows = _write(args, lambda s, actor: plan_putaway(s, args.warehouse, actor=actor))
    if args.json:
        print_json([_task_json(t) for t in rows])
        return EXIT_OK
    print_table(
        ["TASK", "CLIENT", "SKU", "QTY", "LOT", "FROM", "SUGGESTED", "TO", "SOURCE", "STATUS"],
        [(t.id, t.client_code, t.sku_code, t.quantity, t.lot or "", t.from_bin,
          t.suggested_bin or "-", t.to_bin or "", t.source or "", t.status) for t in rows])
    return EXIT_OK


def cmd_putaway_confirm(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.putaway import confirm_putaway

    done = _write(args, lambda s, actor: confirm_putaway(s, args.task, args.bin, actor=actor))
    t = done.task
    if args.json:
        print_json({**_task_json(t), "move_id": done.move_id, "instead_of": done.instead_of,
                    "allocated_orders": list(done.allocated_orders)})
        return EXIT_OK
    instead = f" (instead of {done.instead_of})" if done.instead_of else ""
    allocated = (f" {len(done.allocated_orders)} backordered order(s) allocated: "
                 f"{', '.join(done.allocated_orders)}." if done.allocated_orders else "")
    print(f"Put away {t.quantity} × {t.sku_code} from {t.warehouse_code}/{t.from_bin} into "
          f"{t.to_bin}{instead}.{allocated}")
    return EXIT_OK


# --- replenishment ------------------------------------------------------------------------


def _print_tasks(rows: list[Any]) -> None:
    from app.clioutput import print_table

    print_table(["TASK", "CLIENT", "SKU", "FROM", "TO", "QTY", "STATUS"],
                [(t.id, t.client_code, t.sku_code, t.from_bin, t.to_bin, t.quantity, t.status)
                 for t in rows])


def cmd_replenish_plan(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.replenishment import plan_replenishment

    plan = _write(args, lambda s, actor: plan_replenishment(s, args.warehouse, actor=actor))
    if args.json:
        print_json({"warehouse": args.warehouse.strip().upper(),
                    "tasks": [_task_json(t) for t in plan.created],
                    "cancelled": list(plan.cancelled)})
        return EXIT_OK
    if plan.cancelled:
        print(f"Cancelled {len(plan.cancelled)} out-of-date task(s): "
              f"{', '.join(map(str, plan.cancelled))}.")
    if not plan.created:
        print("No pick bin needs stock now.")
        return EXIT_OK
    _print_tasks(list(plan.created))
    return EXIT_OK


def cmd_replenish_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.replenishment import list_replenish_tasks

    rows = _read(args, lambda s: list_replenish_tasks(s, args.warehouse,
                                                      open_only=not args.all))
    if args.json:
        print_json([_task_json(t) for t in rows])
    else:
        _print_tasks(rows)
    return EXIT_OK


def cmd_replenish_confirm(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.replenishment import confirm_replenishment

    done = _write(args, lambda s, actor: confirm_replenishment(
        s, args.task, from_bin=args.from_bin, to_bin=args.to_bin, actor=actor))
    t = done.task
    if args.json:
        print_json({**_task_json(t), "move_id": done.move_id})
    else:
        print(f"Replenished {t.quantity} × {t.sku_code} from {t.warehouse_code}/{t.from_bin} "
              f"to {t.to_bin}.")
    return EXIT_OK


def _warehouse_of_bin(session: Any, bin_code: str, warehouse: str | None) -> str:
    """``warehouse`` when given, else the one warehouse that has a bin coded ``bin_code``."""
    from sqlalchemy import select

    from app.db.models import Bin, Warehouse
    from app.domain.errors import InvalidValue, NotFound

    if warehouse:
        return warehouse
    codes = list(session.scalars(
        select(Warehouse.code).join(Bin, Bin.warehouse_id == Warehouse.id)
        .where(Bin.code == bin_code.strip().upper()).order_by(Warehouse.code)))
    if not codes:
        raise NotFound(kind="Bin", key=bin_code)
    if len(codes) > 1:
        raise InvalidValue(field="--warehouse", problem=(
            f"bin {bin_code} is in several warehouses ({', '.join(codes)}); name one"))
    return str(codes[0])


def cmd_limits_set(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.replenishment import set_replenish_limit

    info = _write(args, lambda s, actor: set_replenish_limit(
        s, warehouse_code=_warehouse_of_bin(s, args.bin, args.warehouse), bin_code=args.bin,
        sku_code=args.sku, client_code=args.client, min_qty=args.min, max_qty=args.max,
        actor=actor))
    if args.json:
        print_json(info)
    else:
        print(f"{info.warehouse_code}/{info.bin_code}: {info.sku_code} min {info.min_qty}, "
              f"max {info.max_qty} ({info.free} free now).")
    return EXIT_OK


def cmd_limits_remove(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.replenishment import remove_replenish_limit

    def work(s: Any, actor: Any) -> str:
        wh = _warehouse_of_bin(s, args.bin, args.warehouse)
        remove_replenish_limit(s, warehouse_code=wh, bin_code=args.bin, sku_code=args.sku,
                               client_code=args.client, actor=actor)
        return wh

    wh = _write(args, work)
    if args.json:
        print_json({"warehouse": wh, "bin": args.bin.strip().upper(), "sku": args.sku,
                    "removed": True})
    else:
        print(f"{wh}/{args.bin.strip().upper()}: limits of {args.sku} removed.")
    return EXIT_OK


def cmd_limits_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.replenishment import list_replenish_limits

    rows = _read(args, lambda s: list_replenish_limits(s, args.warehouse))
    if args.json:
        print_json(rows)
    else:
        print_table(["BIN", "CLIENT", "SKU", "MIN", "MAX", "ON HAND", "FREE"],
                    [(x.bin_code, x.client_code, x.sku_code, x.min_qty, x.max_qty, x.on_hand,
                      x.free) for x in rows])
    return EXIT_OK


def _task_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a task number") from None


def register(reg: Registrar) -> None:
    add = reg.add
    putaway = reg.group("putaway", "put received and returned units away into bins")
    p = add(putaway, "list", cmd_putaway_list,
            "open put-away tasks with their suggested bins", True)
    p.add_argument("--warehouse", required=True, metavar="W")
    p.add_argument("--all", action="store_true", help="done tasks too (suggests nothing)")
    p = add(putaway, "confirm", cmd_putaway_confirm,
            "the units are in the scanned bin: move them there", True)
    p.add_argument("task", type=_task_number, metavar="TASK")
    p.add_argument("--bin", required=True, metavar="B",
                   help="the bin the units went into (the suggested one or another)")

    replenish = reg.group("replenish", "refill pick bins from storage (min/max)")
    p = add(replenish, "plan", cmd_replenish_plan,
            "make tasks for the pick bins below their min", True)
    p.add_argument("--warehouse", required=True, metavar="W")
    p = add(replenish, "list", cmd_replenish_list, "replenishment tasks", True)
    p.add_argument("--warehouse", required=True, metavar="W")
    p.add_argument("--all", action="store_true", help="done and cancelled tasks too")
    p = add(replenish, "confirm", cmd_replenish_confirm,
            "the units were moved: record it in the ledger", True)
    p.add_argument("task", type=_task_number, metavar="TASK")
    p.add_argument("--from-bin", metavar="B", help="the scanned storage bin (checked)")
    p.add_argument("--to-bin", metavar="B", help="the scanned pick bin (checked)")

    limits = add(replenish, "limits", cmd_limits_list, "min/max per SKU per pick bin")
    verbs = limits.add_subparsers(dest="limits_command", metavar="ACTION", required=True)
    p = add(verbs, "set", cmd_limits_set, "set the min/max of a SKU in a pick bin", True)
    p.add_argument("--bin", required=True, metavar="B")
    p.add_argument("--sku", required=True, metavar="S")
    p.add_argument("--min", required=True, type=int, metavar="N")
    p.add_argument("--max", required=True, type=int, metavar="M")
    p.add_argument("--warehouse", metavar="W", help="needed when two warehouses have the bin")
    p.add_argument("--client", metavar="CODE", help="needed when two clients have the SKU")
    p = add(verbs, "remove", cmd_limits_remove, "remove the min/max of a SKU in a bin", True)
    p.add_argument("--bin", required=True, metavar="B")
    p.add_argument("--sku", required=True, metavar="S")
    p.add_argument("--warehouse", metavar="W")
    p.add_argument("--client", metavar="CODE")
    p = add(verbs, "list", cmd_limits_list, "the min/max of every pick bin", True)
    p.add_argument("--warehouse", required=True, metavar="W")
