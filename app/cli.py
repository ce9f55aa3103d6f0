"""The `haicang` command: the GUI by default, and the same services for scripts and support.

Every command takes ``--db URL``; listing and report commands take ``--json`` and
then print exactly one JSON document. Expected failures print one line to
stderr and exit 1; a refusal (the ``--user`` is unknown or deactivated, or their
role may not do this) prints one line and exits 3; nothing prints a traceback
(unexpected errors are logged to the user log directory and reported in one line,
exit 4).

Without ``--user`` a command acts as the machine's administrator (recorded as
``cli:<login>``): whoever can run it can open the database file anyway.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar, TextIO

from app import __version__
from app.domain.errors import DomainError, PermissionDenied
from app.domain.permissions import Actor
from app.domain.states import OrderStatus

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_DENIED, EXIT_BUG = 0, 1, 2, 3, 4

Handler = Callable[[argparse.Namespace], int]


class UnknownActingUser(Exception):
    """``--user`` names no active user: refused like a permission (exit 3)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"no active user named '{name}'")


def actor_of(args: argparse.Namespace, db: Any) -> Actor:
    """Who a command acts as: ``--user NAME`` (an active user, by their role), else the
    machine's administrator, recorded as ``cli:<login>``."""
    known: Actor | None = getattr(args, "acting", None)
    if known is not None:
        return known
    name = getattr(args, "user", None)
    if name:
        from app.services.users import acting_user

        with db.reading() as s:
            actor = acting_user(s, str(name))
        if actor is None:
            raise UnknownActingUser(str(name))
        args.acting = actor
        return actor
    try:
        return Actor.system(f"cli:{getpass.getuser()}")
    except (OSError, KeyError):
        return Actor.system("cli")


def open_context(args: argparse.Namespace, *, upgrade: bool = True) -> Any:
    """Open the database for a command; :func:`main` closes it when the command ends.

    Its writes (through ``run_write``) say once on stderr when they wait for another
    program's write lock, so a slow command is not taken for a hung one.
    """
    from dataclasses import replace

    from app.bootstrap import build_context

    ctx = build_context(getattr(args, "db", None), upgrade_schema=upgrade)
    args.opened.append(ctx.db)
    if getattr(args, "user", None):  # listings too: an unknown --user is refused everywhere
        actor_of(args, ctx.db)
    return replace(ctx, db=ctx.db.notifying(_WaitNotice(sys.stderr)))


class _WaitNotice:
    """The one stderr line of a command whose write waits for another program."""

    TEXT = "waiting for another program to finish writing to the database…"

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._said = False

    def __call__(self) -> None:
        if not self._said:
            self._said = True
            print(self.TEXT, file=self._out, flush=True)


# --- commands -------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    from app.ui.app import run_gui

    return run_gui(getattr(args, "db", None))


def cmd_demo(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.demo import DemoOptions, load_demo

    ctx = open_context(args)
    options = DemoOptions(orders=args.orders, seed=args.seed)
    # Loading takes seconds: say what it is doing, on stderr so --json's stdout stays JSON.
    show = not args.json or sys.stderr.isatty()
    report = load_demo(ctx.db, options, actor=actor_of(args, ctx.db),
                       progress=_DemoProgress(sys.stderr) if show else None)
    if args.json:
        print_json(report)
    else:
        print(
            f"Demo warehouse loaded into {ctx.db.display_url}: {report.warehouses} warehouses, "
            f"{report.bins} bins, {report.clients} clients, {report.skus} SKUs, "
            f"{report.orders} orders ({report.allocated} allocated, "
            f"{report.backordered} backordered)."
        )
    return EXIT_OK


class _DemoProgress:
    """Progress lines of `haicang demo`: each stage once, counts about every tenth."""

    STAGES: ClassVar[dict[str, str]] = {
        "setup": "warehouses, bins, clients and SKUs", "stock": "stock", "orders": "orders",
        "allocate": "allocating orders"}

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._stage = ""
        self._tenth = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        tenth = done * 10 // max(total, 1)
        if stage == self._stage and (total <= 1 or tenth == self._tenth):
            return
        self._stage, self._tenth = stage, tenth
        count = f" {done:,}/{total:,}" if total > 1 else ""
        print(f"{self.STAGES.get(stage, stage)}{count}…", file=self._out, flush=True)


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.db.engine import create_database
    from app.db.schema import upgrade

    db = create_database(_db_url(args))
    try:
        state = upgrade(db)
    finally:
        db.dispose()
    if args.json:
        print_json({"database": db.display_url, "revision": state.current, "backup": state.backup})
    else:
        extra = f" (backup: {state.backup})" if state.backup else ""
        print(f"{db.display_url} is at schema {state.current}{extra}.")
    return EXIT_OK


def cmd_db_backup(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.db.schema import backup_postgresql_hint, backup_sqlite

    ctx = open_context(args)
    if ctx.db.kind != "sqlite":
        print(f"error: {backup_postgresql_hint()}", file=sys.stderr)
        return EXIT_FAILED
    target = backup_sqlite(ctx.db, Path(args.to) if args.to else None)
    if args.json:
        print_json({"database": ctx.db.display_url, "backup": target})
    else:
        print(f"Backed up to {target}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.db.schema import head_revision, inspect_schema
    from app.services.health import reconcile_stock

    ctx = open_context(args, upgrade=False)
    state = inspect_schema(ctx.db)
    result: dict[str, Any] = {
        "database": ctx.db.display_url,
        "kind": ctx.db.kind,
        "reachable": True,
        "schema": {"current": state.current, "head": head_revision(), "ok": state.up_to_date},
    }
    if state.up_to_date:
        with ctx.db.reading() as s:
            report = reconcile_stock(s)
        result["ledger"] = {
            "ok": report.ok,
            "balances_checked": report.balances_checked,
            "moves": report.moves_counted,
            "differences": report.differences,
        }
    else:
        result["ledger"] = {
            "ok": False, "skipped": "schema is not current; run `haicang db upgrade`"
        }
    ok = bool(result["schema"]["ok"] and result["ledger"]["ok"])
    result["ok"] = ok
    if args.json:
        print_json(result)
    else:
        print(f"database  {result['database']} ({ctx.db.kind}): reachable")
        print(f"schema    {state.current} (latest {head_revision()}): "
              f"{'current' if state.up_to_date else 'OUT OF DATE'}")
        led = result["ledger"]
        if "skipped" in led:
            print(f"ledger    not checked: {led['skipped']}")
        elif led["ok"]:
            print(f"ledger    {led['moves']} moves agree with {led['balances_checked']} balances")
        else:
            print(f"ledger    {len(led['differences'])} balances differ from the ledger:")
            for d in led["differences"]:
                print(f"  {d.warehouse_code}/{d.bin_code} {d.sku_code}: on hand "
                      f"{d.on_hand_balance} (ledger {d.on_hand_ledger}), reserved "
                      f"{d.reserved_balance} (reservations {d.reserved_reservations})")
    return EXIT_OK if ok else EXIT_FAILED


def cmd_orders_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.lookup import client_by_code
    from app.services.orders import OrderQuery, count_orders_by_status, list_orders

    with open_context(args).db.reading() as s:
        client_id = client_by_code(s, args.client).id if args.client else None
        statuses = (OrderStatus(args.status),) if args.status else ()
        query = OrderQuery(statuses=statuses, client_id=client_id)
        rows = list_orders(s, query, limit=args.limit)
        total = sum(count_orders_by_status(s, query).values()) if len(rows) >= args.limit else 0
    if total > len(rows):  # the limit cut the list: say so, never silently
        print(f"showing the newest {len(rows):,} of {total:,} orders; use --limit",
              file=sys.stderr)
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["ORDER", "CLIENT", "STATUS", "DATE", "BUYER", "STATE", "UNITS", "WAREHOUSE"],
            [(o.number, o.client_code, o.status, o.order_date, o.buyer_name, o.state, o.units,
              o.warehouse_code) for o in rows],
        )
    return EXIT_OK


def cmd_orders_show(args: argparse.Namespace) -> int:
    from app.clioutput import plain, print_json, print_table
    from app.services.orders import find_order_id, get_order
    from app.services.packing_view import order_parcels

    with open_context(args).db.reading() as s:
        detail = get_order(s, find_order_id(s, args.number, args.client))
        parcels = order_parcels(s, detail.row.id)
    if args.json:
        print_json({**plain(detail), "parcels": [
            {"seq": p.seq, "box": p.box_code, "weight_g": p.weight_g,
             "expected_weight_g": p.expected_weight_g, "dim_weight_g": p.dim_weight_g,
             "billable_weight_g": p.billable_weight_g, "tracking_number": p.tracking_number,
             "label_source": p.label_source, "packed_by": p.packed_by,
             "packed_at": plain(p.packed_at)} for p in parcels]})
        return EXIT_OK
    r = detail.row
    print(f"Order {r.number}  client {r.client_code}  status {r.status.value}")
    ship_by = f"{r.ship_by:%Y-%m-%d %H:%M} UTC" if r.ship_by else "-"
    print(f"  ordered {r.order_date:%Y-%m-%d %H:%M} UTC  ship by {ship_by}  service "
          f"{r.service_level}  warehouse {r.warehouse_code or '-'}")
    if r.hold_reason:
        print(f"  on hold: {r.hold_reason}")
    print(f"  ship to {r.buyer_name}{', ' + detail.company if detail.company else ''}")
    print(f"          {detail.address1}{', ' + detail.address2 if detail.address2 else ''}")
    print(f"          {r.city}, {r.state} {detail.zip} {detail.country}")
    print("\nLines")
    print_table(["#", "SKU", "NAME", "QTY", "PRICE"],
                [(li.line_no, li.sku_code, li.sku_name, li.quantity,
                  f"{li.unit_price} {li.currency}" if li.unit_price is not None else None)
                 for li in detail.lines])
    print("\nReserved in bins")
    print_table(["#", "SKU", "WAREHOUSE", "BIN", "QTY"],
                [(x.line_no, x.sku_code, x.warehouse_code, x.bin_code, x.quantity)
                 for x in detail.reservations])
    if parcels:
        print("\nParcels")
        print_table(["#", "BOX", "WEIGHT G", "EXPECTED G", "BILLABLE G", "LABEL", "TRACKING",
                     "PACKED BY"],
                    [(p.seq, p.box_code, p.weight_g, p.expected_weight_g, p.billable_weight_g,
                      p.label_source, p.tracking_number, p.packed_by) for p in parcels])
    print("\nHistory")
    print_table(["WHEN (UTC)", "FROM", "TO", "BY", "NOTE"],
                [(h.at, h.from_status, h.to_status, h.actor, h.note) for h in detail.history])
    return EXIT_OK


def cmd_orders_import(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.domain.errors import ImportRejected
    from app.services.order_import import import_order_file

    ctx = open_context(args)
    path = Path(args.file)
    actor = actor_of(args, ctx.db)
    try:
        report = import_order_file(ctx.db, args.client, path, actor=actor,
                                   valid_only=args.valid_only, preset=args.preset,
                                   layout=args.format)
    except ImportRejected as exc:
        rejected = getattr(exc, "report", None)
        if args.json and rejected is not None:
            print_json(rejected.to_json())
        elif rejected is not None:  # the report is output; stderr has only the error line
            _print_import_report(rejected, sys.stdout)
        print(f"error: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        print_json(report.to_json())
    else:
        _print_import_report(report, sys.stdout)
    return EXIT_OK


def _print_import_report(report: Any, out: Any) -> None:
    data = report.to_json()
    if data.get("format", "template") != "template":
        from app.channels.files import layout_label
        print(f"read as: {layout_label(data['format'])}", file=out)
    if data.get("orders_held"):
        print(f"on hold (address masked: ship with the platform's label): "
              f"{', '.join(data['orders_held'])}", file=out)
    if data.get("preset"):
        print(f"read with the column preset '{data['preset']}' of client {data['client']}",
              file=out)
    for w in data.get("warnings", []):
        print(f"warning: {w}", file=out)
    for p in data.get("problems", []):
        print(f"line {p['line']}: order {p.get('order_number') or '-'}: "
              f"{p.get('field') or ''}{': ' if p.get('field') else ''}{p['reason']}", file=out)
    print(
        f"{data['rows']} rows: {len(data['orders_created'])} orders imported, "
        f"{len(data['orders_already_imported'])} already imported, "
        f"{len(data['orders_rejected'])} rejected.",
        file=out,
    )
    if report.allocation is not None:
        print(report.allocation.text(), file=out)
    elif report.created_ids:
        print("Not allocated: automatic allocation is off in every warehouse "
              "(run `haicang allocate`).", file=out)


def cmd_orders_template(args: argparse.Namespace) -> int:
    from app.channels.order_template import write_template

    path = Path(args.path)
    if path.exists() and not args.force:
        print(f"error: {path} exists; add --force to overwrite it", file=sys.stderr)
        return EXIT_FAILED
    write_template(path, chinese=args.chinese)
    print(f"Template written to {path}")
    return EXIT_OK


def cmd_allocate(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.allocation import allocatable_order_ids, allocate_order
    from app.services.batch_allocation import ALLOCATION_BATCH, allocate_orders
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    with ctx.db.reading() as s:
        ids = allocatable_order_ids(s, number=args.order)
    if args.order and not ids:
        from app.domain.errors import NotFound

        raise NotFound(kind="Order", key=args.order)
    if args.order:  # one named order: say why if it cannot be allocated
        results = [run_write(ctx.db, allocate_order, oid, actor=actor) for oid in ids]
    else:
        results = [r for i in range(0, len(ids), ALLOCATION_BATCH)
                   for r in run_write(ctx.db, allocate_orders, ids[i:i + ALLOCATION_BATCH],
                                      actor=actor)]
    summary = {
        "tried": len(results),
        "allocated": sum(r.status == OrderStatus.ALLOCATED for r in results),
        "backordered": sum(r.status == OrderStatus.BACKORDERED for r in results),
        "orders": results,
    }
    if args.json:
        print_json(summary)
    else:
        if args.order or len(results) <= 50:
            print_table(["ORDER", "STATUS", "WAREHOUSE", "UNITS", "SHORT"],
                        [(r.number, r.status, r.warehouse_code, r.reserved_units,
                          "; ".join(map(str, r.shortages))) for r in results])
        print(f"{summary['tried']} orders tried: {summary['allocated']} allocated, "
              f"{summary['backordered']} backordered.")
    return EXIT_OK


def cmd_stock(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.inventory import stock_by_sku

    with open_context(args).db.reading() as s:
        rows = stock_by_sku(s, sku_code=args.sku, warehouse_code=args.warehouse,
                            client_code=args.client)
    if args.json:
        print_json(rows)
    else:
        print_table(["CLIENT", "SKU", "NAME", "WAREHOUSE", "ON HAND", "RESERVED", "AVAILABLE"],
                    [(r.client_code, r.sku_code, r.name_en, r.warehouse_code, r.on_hand,
                      r.reserved, r.available) for r in rows])
    return EXIT_OK


def _db_url(args: argparse.Namespace) -> str:
    from app.settings import load_settings, resolve_database_url

    return resolve_database_url(getattr(args, "db", None), load_settings())


# --- parser ---------------------------------------------------------------------------


@dataclass
class Registrar:
    """Adds commands to the parser; other modules (``app.cli_*``) register theirs through it."""

    sub: Any
    common: argparse.ArgumentParser
    as_json: argparse.ArgumentParser

    def add(self, parent: Any, name: str, handler: Handler, help_text: str,
            json_flag: bool = False) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = parent.add_parser(
            name, help=help_text, description=help_text,
            parents=[self.common, self.as_json] if json_flag else [self.common],
        )
        p.set_defaults(handler=handler)
        return p

    groups: dict[str, Any] = field(default_factory=dict)

    def group(self, name: str, help_text: str) -> Any:
        """A command with sub-commands, e.g. ``haicang print label``.

        Asking again for a group of the same name returns the one already made, so
        several ``app.cli_*`` modules can add verbs to ``orders``, ``skus`` ...
        """
        if name not in self.groups:
            self.groups[name] = self.sub.add_parser(name, help=help_text).add_subparsers(
                dest=f"{name}_command", metavar="ACTION", required=True)
        return self.groups[name]


#: Modules that add their own commands (each has ``register(reg: Registrar)``); their
#: heavy imports stay inside the handlers so `haicang --help` stays fast.
COMMAND_MODULES: tuple[str, ...] = (
    "app.cli_scale", "app.cli_print", "app.cli_channels", "app.cli_org", "app.cli_users",
    "app.cli_stock", "app.cli_skus", "app.cli_presets", "app.cli_picking", "app.cli_pack",
    "app.cli_layout", "app.cli_waves", "app.cli_carriers",
    "app.cli_inbound",
    "app.cli_stock_age", "app.cli_returns", "app.cli_counts", "app.cli_handover",
    "app.cli_putaway",
    "app.cli_billing",
    "app.cli_report",
    "app.cli_zones",
    "app.cli_label_flags",
)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="database URL (sqlite:///FILE or postgresql+psycopg://...)")
    common.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                        help="act as this user; their role decides what is allowed "
                             "(default: the machine's administrator)")
    as_json = argparse.ArgumentParser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="print one JSON document")

    parser = argparse.ArgumentParser(
        prog="haicang", parents=[common],
        description="Haicang order and warehouse management. Without a command, starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"haicang {__version__}")
    parser.set_defaults(handler=cmd_gui)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    reg = Registrar(sub, common, as_json)
    add = reg.add

    add(sub, "gui", cmd_gui, "start the desktop app (the default)")
    p = add(sub, "demo", cmd_demo, "fill the database with a demo warehouse", True)
    p.add_argument("--orders", type=_positive_int, default=2000, help="orders to create")
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")

    db = reg.group("db", "database maintenance")
    add(db, "upgrade", cmd_db_upgrade, "bring the schema up to date", True)
    p = add(db, "backup", cmd_db_backup, "copy the SQLite database to a backup file", True)
    p.add_argument("--to", metavar="DIR", help="folder for the backup")

    orders = reg.group("orders", "orders")
    p = add(orders, "import", cmd_orders_import, "import orders from a CSV or XLSX file", True)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--client", required=True, metavar="CODE", help="the seller's client code")
    p.add_argument("--valid-only", action="store_true",
                   help="import the good orders and report the rest")
    p.add_argument("--preset", metavar="NAME",
                   help="read the file with this column preset of the client "
                        "(see `haicang orders presets`)")
    p.add_argument("--format", choices=("template", "shopify", "amazon", "tiktok"),
                   help="read the file as this layout (default: recognised from its header)")
    p = add(orders, "template", cmd_orders_template, "write the order file template")
    p.add_argument("path", nargs="?", default="haicang-orders-template.csv", metavar="PATH",
                   help="file to write (.csv or .xlsx)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument("--chinese", action="store_true", help="Chinese column headers (订单号, ...)")
    p = add(orders, "list", cmd_orders_list, "list orders, newest first", True)
    p.add_argument("--status", choices=[s.value for s in OrderStatus])
    p.add_argument("--client", metavar="CODE")
    p.add_argument("--limit", type=_positive_int, default=500)
    p = add(orders, "show", cmd_orders_show, "show one order", True)
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--client", metavar="CODE", help="needed when two clients use the number")

    p = add(sub, "allocate", cmd_allocate,
            "reserve stock in bins for new and backordered orders", True)
    p.add_argument("--order", metavar="NUMBER", help="only this order")
    add(sub, "check", cmd_check,
        "check the database: reachable, schema current, ledger reconciles", True)
    for module in COMMAND_MODULES:
        importlib.import_module(module).register(reg)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' must be above 0")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.opened = []
    handler: Handler = args.handler
    try:
        return handler(args)
    except (PermissionDenied, UnknownActingUser) as exc:
        message = exc.message if isinstance(exc, PermissionDenied) else str(exc)
        print(f"error: {message}", file=sys.stderr)
        return EXIT_DENIED
    except DomainError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:  # `haicang orders list | head`: the reader has all it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one line, details in the log
        from sqlalchemy.exc import SQLAlchemyError

        from app.db.errors import data_conflict

        conflict = data_conflict(exc)
        if conflict is not None:
            print(f"error: {conflict.message}", file=sys.stderr)
            return EXIT_FAILED
        if isinstance(exc, SQLAlchemyError):
            print(f"error: database error: {_first_line(getattr(exc, 'orig', None) or exc)}",
                  file=sys.stderr)
            return EXIT_FAILED
        log = _log_crash(exc)
        print(f"error: unexpected {type(exc).__name__}: {_first_line(exc)} (details in {log})",
              file=sys.stderr)
        return EXIT_BUG
    finally:
        for db in args.opened:
            db.dispose()


def _first_line(exc: object) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _log_crash(exc: BaseException) -> Path:
    from app.settings import log_dir

    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "haicang-cli.log"
        with path.open("a", encoding="utf-8") as f:
            f.write(f"--- {datetime.now(UTC).isoformat()}\n")
            f.write("".join(traceback.format_exception(exc)))
        return path
    except OSError:
        logging.getLogger(__name__).exception("could not write the crash log")
        return folder
