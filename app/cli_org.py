"""`haicang clients | warehouses | bins ...`: a warehouse's master data from the terminal.

The same services as the Admin screens: every change is checked against the acting
user's role (``--user``; refused with exit 3) and audited; bad input is one line on
stderr and exit 1, with nothing changed. Bin ranges are coded ``AISLE-POSITION-LEVEL``
(``bins range --aisle A --positions 1-20 --levels 1-4`` makes ``A-01-01`` .. ``A-20-04``).
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

from app.cli import EXIT_FAILED, EXIT_OK, Registrar, actor_of, open_context

BIN_TYPES = ("pick", "storage", "staging", "receiving", "returns", "damaged", "quarantine")


def _yes_no(text: str) -> bool:
    word = text.strip().lower()
    if word in {"yes", "y", "on", "true", "1"}:
        return True
    if word in {"no", "n", "off", "false", "0"}:
        return False
    raise argparse.ArgumentTypeError(f"'{text}' is not yes or no")


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None


def _percentage(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().rstrip("%"))
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise argparse.ArgumentTypeError(f"'{text}' is not a number")
    return value


def _write(args: argparse.Namespace, fn: Any) -> Any:
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    return run_write(ctx.db, fn, actor)


def _read(args: argparse.Namespace, fn: Any) -> Any:
    with open_context(args).db.reading() as s:
        return fn(s)


# --- clients ------------------------------------------------------------------------------


def _client_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "contact_name": args.contact, "contact_email": args.email, "contact_phone": args.phone,
        "currency": args.currency, "default_warehouse": args.warehouse,
        "include_packing_slip": args.packing_slip, "handling_days": args.handling_days,
        "notes": args.notes, "weight_tolerance_pct": args.weight_tolerance_pct,
        "weight_tolerance_floor_g": args.weight_tolerance_floor_g,
        "packing_material_g": args.packing_material_g,
    }


def _print_client(args: argparse.Namespace, info: Any, verb: str | None = None) -> None:
    from app.clioutput import print_json

    if args.json:
        print_json(info)
        return
    if verb:
        print(f"Client {info.code} ({info.name}) {verb}.")
        return
    rows = [
        ("code", info.code), ("name", info.name), ("active", "yes" if info.active else "no"),
        ("contact", info.contact_name), ("e-mail", info.contact_email),
        ("phone", info.contact_phone), ("currency", info.currency),
        ("warehouse", info.default_warehouse_code or "nearest with stock"),
        ("packing slip", "yes" if info.include_packing_slip else "no"),
        ("handling days", info.handling_days),
        ("weight check", f"± {info.weight_tolerance_pct}%, at least "
                         f"{info.weight_tolerance_floor_g} g"),
        ("packing extra", f"{info.packing_material_g} g"), ("notes", info.notes),
    ]
    for key, value in rows:
        print(f"{key:<14}{'-' if value is None else value}")


def cmd_clients_add(args: argparse.Namespace) -> int:
    from app.services.organisation import create_client

    options = {k: v for k, v in _client_options(args).items() if v is not None}
    info = _write(args, lambda s, actor: create_client(s, args.code, args.name, actor=actor,
                                                       **options))
    _print_client(args, info, "added")
    return EXIT_OK


def cmd_clients_edit(args: argparse.Namespace) -> int:
    from app.services.organisation import update_client

    info = _write(args, lambda s, actor: update_client(s, args.code, actor=actor,
                                                       name=args.name, **_client_options(args)))
    _print_client(args, info, "saved")
    return EXIT_OK


def cmd_clients_disable(args: argparse.Namespace) -> int:
    return _client_active(args, False)


def cmd_clients_enable(args: argparse.Namespace) -> int:
    return _client_active(args, True)


def _client_active(args: argparse.Namespace, active: bool) -> int:
    from app.services.organisation import set_client_active

    info = _write(args, lambda s, actor: set_client_active(s, args.code, active, actor=actor))
    if args.json:
        _print_client(args, info)
    elif active:
        print(f"Client {info.code} enabled.")
    else:
        print(f"Client {info.code} disabled: its open orders still ship; new imports are "
              "refused.")
    return EXIT_OK


def cmd_clients_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.organisation import list_clients

    rows = _read(args, list_clients)
    if args.json:
        print_json(rows)
    else:
        print_table(["CODE", "NAME", "ACTIVE"], [(c.code, c.name, c.active) for c in rows])
    return EXIT_OK


def cmd_clients_show(args: argparse.Namespace) -> int:
    from app.services.organisation import client_info

    _print_client(args, _read(args, lambda s: client_info(s, args.code)))
    return EXIT_OK


# --- warehouses ---------------------------------------------------------------------------


def _warehouse_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "region": args.region, "time_zone": args.time_zone, "address1": args.address1,
        "address2": args.address2, "city": args.city, "state": args.state, "zip": args.zip,
        "phone": args.phone, "cutoff_local": args.cutoff, "auto_allocate": args.auto_allocate,
    }


def _print_warehouse(args: argparse.Namespace, info: Any, verb: str | None = None) -> None:
    from app.cli_layout import layout_text
    from app.clioutput import print_json

    if args.json:
        print_json(info)
        return
    if verb:
        print(f"Warehouse {info.code} ({info.name}) {verb}.")
        return
    address = ", ".join(x for x in (info.address1, info.address2) if x)
    rows = [
        ("code", info.code), ("name", info.name), ("region", info.region),
        ("address", f"{address}, {info.city}, {info.state} {info.zip}"),
        ("phone", info.phone), ("time zone", info.time_zone), ("cut-off", info.cutoff_local),
        ("auto-allocate", "on" if info.auto_allocate else "off"),
        ("active", "yes" if info.active else "no"),
        ("pick layout", layout_text(info.layout)),
    ]
    for key, value in rows:
        print(f"{key:<14}{'-' if value is None else value}")


def cmd_warehouses_add(args: argparse.Namespace) -> int:
    from app.services.organisation import WarehouseDraft, create_warehouse

    draft = WarehouseDraft(
        args.code, args.name, args.region, args.time_zone, args.address1, args.city,
        args.state, args.zip, address2=args.address2, phone=args.phone,
        cutoff_local=args.cutoff or "14:00",
        auto_allocate=True if args.auto_allocate is None else args.auto_allocate,
    )
    info = _write(args, lambda s, actor: create_warehouse(s, draft, actor=actor))
    _print_warehouse(args, info, "added")
    return EXIT_OK


def cmd_warehouses_edit(args: argparse.Namespace) -> int:
    from app.services.organisation import update_warehouse

    info = _write(args, lambda s, actor: update_warehouse(
        s, args.code, actor=actor, name=args.name, **_warehouse_options(args)))
    _print_warehouse(args, info, "saved")
    return EXIT_OK


def cmd_warehouses_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.organisation import list_warehouses

    rows = _read(args, list_warehouses)
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["CODE", "NAME", "REGION", "CITY", "STATE", "TIME ZONE", "CUT-OFF", "AUTO", "ACTIVE"],
            [(w.code, w.name, w.region, w.city, w.state, w.time_zone, w.cutoff_local,
              w.auto_allocate, w.active) for w in rows],
        )
    return EXIT_OK


def cmd_warehouses_show(args: argparse.Namespace) -> int:
    from app.services.organisation import warehouse_info

    _print_warehouse(args, _read(args, lambda s: warehouse_info(s, args.code)))
    return EXIT_OK


# --- bins ---------------------------------------------------------------------------------


def cmd_bins_range(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.organisation import create_bin_range, parse_span

    positions = parse_span(args.positions, "positions")
    levels = parse_span(args.levels, "levels")
    result = _write(args, lambda s, actor: create_bin_range(
        s, args.warehouse, args.aisle, positions, levels, args.type, actor=actor))
    if args.json:
        print_json(result)
    else:
        print(f"{result.created} bins added to {result.warehouse_code}: "
              f"{result.first} .. {result.last}.")
    return EXIT_OK


def cmd_bins_add(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.organisation import BinDraft, bin_type_of
    from app.services.staging import add_bin_with_lane

    draft = BinDraft(args.code, bin_type_of(args.type), args.aisle, args.position, args.level,
                     args.capacity_units, args.capacity_litres)

    info = _write(args, lambda s, actor: add_bin_with_lane(s, args.warehouse, draft,
                                                           args.carrier, actor=actor))
    if args.json:
        print_json(info)
    else:
        lane = f" for {info.staging_carrier}" if info.staging_carrier else ""
        print(f"Bin {info.code} ({info.bin_type}{lane}) added to {info.warehouse_code}.")
    return EXIT_OK


def cmd_bins_edit(args: argparse.Namespace) -> int:
    """Change a bin's capacity or a staging lane's carrier; an option not given keeps its
    value, 'none' clears it."""
    from app.clioutput import print_json
    from app.services.organisation import bin_info, set_bin_capacity
    from app.services.staging import set_lane_carrier

    def work(s: Any, actor: Any) -> Any:
        now = bin_info(s, args.warehouse, args.code)
        units = now.capacity_units if args.capacity_units is _KEEP else args.capacity_units
        litres = now.capacity_litres if args.capacity_litres is _KEEP else args.capacity_litres
        set_bin_capacity(s, args.warehouse, args.code, capacity_units=units,
                         capacity_litres=litres, actor=actor)
        if args.carrier is not None:
            carrier = "" if args.carrier.strip().lower() == "none" else args.carrier
            set_lane_carrier(s, args.warehouse, args.code, carrier, actor=actor)
        return bin_info(s, args.warehouse, args.code)

    info = _write(args, work)
    if args.json:
        print_json(info)
    else:
        lane = f", carrier {info.staging_carrier}" if info.staging_carrier else ""
        print(f"Bin {info.warehouse_code}/{info.code} saved: capacity "
              f"{_capacity_text(info.capacity_units, info.capacity_litres)}{lane}.")
    return EXIT_OK


def _capacity_text(units: int | None, litres: Any) -> str:
    parts = ([f"{units} units"] if units is not None else []) + (
        [f"{litres} L"] if litres is not None else [])
    return ", ".join(parts) or "not limited"


def cmd_bins_import(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.bin_import import BinImportRejected, import_bins

    try:
        report = _write(args, lambda s, actor: import_bins(s, args.warehouse, args.file,
                                                           actor=actor))
    except BinImportRejected as exc:
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
        for warning in report.warnings:
            print(f"note: {warning.message}", file=sys.stderr)
        print(f"{report.created} bins imported into {report.warehouse}.")
    return EXIT_OK


def cmd_bins_disable(args: argparse.Namespace) -> int:
    return _bin_active(args, False)


def cmd_bins_enable(args: argparse.Namespace) -> int:
    return _bin_active(args, True)


def _bin_active(args: argparse.Namespace, active: bool) -> int:
    from app.clioutput import print_json
    from app.services.organisation import set_bin_active

    info = _write(args, lambda s, actor: set_bin_active(s, args.warehouse, args.code, active,
                                                        actor=actor))
    if args.json:
        print_json(info)
    else:
        print(f"Bin {info.warehouse_code}/{info.code} {'enabled' if active else 'disabled'}.")
    return EXIT_OK


#: "Option not given" for ``bins edit`` (None means "clear the limit").
_KEEP: Any = object()


def _capacity_units(text: str) -> int | None:
    if text.strip().lower() == "none":
        return None
    return _whole(text)


def _capacity_litres(text: str) -> Decimal | None:
    if text.strip().lower() == "none":
        return None
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of litres") from None


def _capacity_options(p: argparse.ArgumentParser, *, keep: bool) -> None:
    clear = "; 'none' = not limited" if keep else ""
    p.add_argument("--capacity-units", type=_capacity_units, metavar="N",
                   default=_KEEP if keep else None, help="units the bin holds" + clear)
    p.add_argument("--capacity-litres", type=_capacity_litres, metavar="L",
                   default=_KEEP if keep else None, help="litres of SKU volume it holds" + clear)


def cmd_bins_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.organisation import list_bins

    rows = _read(args, lambda s: list_bins(s, args.warehouse))
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["WAREHOUSE", "BIN", "TYPE", "AISLE", "POSITION", "LEVEL", "ACTIVE", "CAPACITY"],
            [(b.warehouse_code, b.code, b.bin_type, b.aisle, b.position, b.level, b.active,
              _capacity_text(b.capacity_units, b.capacity_litres) if (
                  b.capacity_units is not None or b.capacity_litres is not None) else "")
             for b in rows],
        )
    return EXIT_OK


# --- parser -------------------------------------------------------------------------------


def register(reg: Registrar) -> None:
    add = reg.add
    clients = reg.group("clients", "clients (sellers)")
    for verb, handler, help_text in (
        ("add", cmd_clients_add, "add a client"),
        ("edit", cmd_clients_edit, "change a client's details (only the options given)"),
    ):
        p = add(clients, verb, handler, help_text, True)
        p.add_argument("code", metavar="CODE")
        p.add_argument("--name", required=verb == "add", metavar="NAME")
        p.add_argument("--email", metavar="E")
        p.add_argument("--currency", metavar="ISO", help="ISO 4217 code (default USD)")
        p.add_argument("--contact", metavar="NAME", help="contact person")
        p.add_argument("--phone", metavar="P")
        p.add_argument("--warehouse", metavar="CODE",
                       help="default ship-from warehouse ('' for nearest with stock)")
        p.add_argument("--handling-days", type=_whole, metavar="N",
                       help="business days to ship an order (default 1)")
        p.add_argument("--packing-slip", type=_yes_no, metavar="yes|no",
                       help="put a packing slip in the parcel (default yes)")
        p.add_argument("--weight-tolerance-pct", type=_percentage, metavar="PCT",
                       help="pack-station weight check: ± this %% of the expected weight "
                            "(default 5)")
        p.add_argument("--weight-tolerance-floor-g", type=_whole, metavar="G",
                       help="... but never less than this many grams (default 28 = 1 oz)")
        p.add_argument("--packing-material-g", type=_whole, metavar="G",
                       help="dunnage and inserts added to each parcel's expected weight "
                            "(default 0)")
        p.add_argument("--notes", metavar="TEXT")
    for verb, handler, help_text in (
        ("disable", cmd_clients_disable, "disable a client: open orders ship, imports stop"),
        ("enable", cmd_clients_enable, "enable a disabled client"),
        ("show", cmd_clients_show, "show one client"),
    ):
        add(clients, verb, handler, help_text, True).add_argument("code", metavar="CODE")
    add(clients, "list", cmd_clients_list, "list clients", True)

    warehouses = reg.group("warehouses", "warehouses")
    for verb, handler, help_text in (
        ("add", cmd_warehouses_add, "add a warehouse"),
        ("edit", cmd_warehouses_edit, "change a warehouse (only the options given)"),
    ):
        needed = verb == "add"
        p = add(warehouses, verb, handler, help_text, True)
        p.add_argument("code", metavar="CODE")
        p.add_argument("--name", required=needed, metavar="NAME")
        p.add_argument("--region", required=needed, metavar="US-West|US-East")
        p.add_argument("--address1", required=needed, metavar="A")
        p.add_argument("--address2", metavar="B")
        p.add_argument("--city", required=needed, metavar="C")
        p.add_argument("--state", required=needed, metavar="ST")
        p.add_argument("--zip", required=needed, metavar="Z")
        p.add_argument("--time-zone", required=needed, metavar="TZ",
                       help="IANA time zone, e.g. America/Los_Angeles")
        p.add_argument("--phone", metavar="P")
        p.add_argument("--cutoff", metavar="HH:MM",
                       help="local time after which orders count from the next business day "
                            "(default 14:00)")
        p.add_argument("--auto-allocate", type=_yes_no, metavar="on|off",
                       help="reserve stock right after imports, syncs and receipts "
                            "(default on)")
    add(warehouses, "list", cmd_warehouses_list, "list warehouses", True)
    p = add(warehouses, "show", cmd_warehouses_show, "show one warehouse", True)
    p.add_argument("code", metavar="CODE")

    bins = reg.group("bins", "bins")
    p = add(bins, "range", cmd_bins_range,
            "add an aisle section's bins, coded AISLE-POSITION-LEVEL (A-07-02)", True)
    p.add_argument("--warehouse", required=True, metavar="W")
    p.add_argument("--aisle", required=True, metavar="N", help="letters (A, AB) or a number")
    p.add_argument("--positions", required=True, metavar="1-20")
    p.add_argument("--levels", required=True, metavar="1-4")
    p.add_argument("--type", required=True, choices=BIN_TYPES)
    p = add(bins, "add", cmd_bins_add, "add one bin", True)
    p.add_argument("code", metavar="CODE")
    p.add_argument("--warehouse", required=True, metavar="W")
    p.add_argument("--type", required=True, choices=BIN_TYPES)
    p.add_argument("--aisle", type=_whole, default=0, metavar="N")
    p.add_argument("--position", type=_whole, default=0, metavar="P")
    p.add_argument("--level", type=_whole, default=0, metavar="L")
    _capacity_options(p, keep=False)
    p.add_argument("--carrier", metavar="NAME",
                   help="a staging lane's carrier (e.g. USPS): its parcels go with it")
    p = add(bins, "edit", cmd_bins_edit,
            "change a bin's capacity for put-away or a staging lane's carrier", True)
    p.add_argument("code", metavar="CODE")
    p.add_argument("--warehouse", required=True, metavar="W")
    _capacity_options(p, keep=True)
    p.add_argument("--carrier", metavar="NAME",
                   help="a staging lane's carrier (e.g. USPS); 'none' clears it")
    p = add(bins, "import", cmd_bins_import,
            "add bins from a CSV or XLSX file (columns code, type, aisle, position, level)",
            True)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--warehouse", required=True, metavar="W")
    for verb, handler, help_text in (
        ("disable", cmd_bins_disable, "disable an empty bin"),
        ("enable", cmd_bins_enable, "enable a bin"),
    ):
        p = add(bins, verb, handler, help_text, True)
        p.add_argument("code", metavar="CODE")
        p.add_argument("--warehouse", required=True, metavar="W")
    p = add(bins, "list", cmd_bins_list, "list bins", True)
    p.add_argument("--warehouse", metavar="CODE")
