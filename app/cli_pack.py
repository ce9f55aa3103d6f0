"""`haicang pack`, `haicang boxes ...`, `haicang station show|set` and `haicang restock ...`.

``haicang pack NUMBER --box CODE --weight-g N`` packs an order from a script with the
pack station's checks (:mod:`app.services.packing_script`) and prints its label (and the
packing slip, when the client wants one) on this station's printers. Exit 0 when the
order is packed — a label the printer did not take waits in the print queue and is
named on stderr; 1 when refused (weight out of tolerance, order cancelled or on hold,
already packed, unknown box, ...).

``haicang station set KEY=VALUE ...`` writes this PC's station settings all-or-nothing
(:mod:`app.station`), so IT can set up pack PCs by script.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any

from app.cli import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Registrar,
    _positive_int,
    actor_of,
    open_context,
)

_ITEM = re.compile(r"^\s*([^=,\s]+)\s*=\s*(\d+)\s*$")
_DIMS = re.compile(r"^\s*(\d+)\s*[xX*]\s*(\d+)\s*[xX*]\s*(\d+)\s*$")


def _items(text: str) -> dict[str, int]:
    """``SKU=QTY,SKU=QTY`` -> {SKU: QTY} (argparse type: a bad list is a usage error)."""
    items: dict[str, int] = {}
    for part in text.split(","):
        match = _ITEM.match(part)
        if not match or int(match[2]) < 1:
            raise argparse.ArgumentTypeError(f"'{part.strip()}' is not SKU=QTY (QTY 1 or more)")
        items[match[1]] = items.get(match[1], 0) + int(match[2])
    return items


def _dims(text: str) -> tuple[int, int, int]:
    match = _DIMS.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"'{text}' is not LxWxH in whole mm, e.g. 305x254x203")
    return int(match[1]), int(match[2]), int(match[3])


def _not_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' must not be negative")
    return value


def _station_printers(settings: Any) -> tuple[Any, Any]:
    """This station's label printer and packing-slip printer (None where none is set up)."""
    from app.services.printer_settings import PrinterSettings

    return PrinterSettings.from_station(settings.printers).pack_printers()


# --- pack ---------------------------------------------------------------------------------


def cmd_pack(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.domain.errors import SupervisorPinRejected
    from app.services.packing_script import pack_at_once
    from app.services.run import run_write
    from app.services.users import verify_supervisor_pin

    if bool(args.override_pin) != bool(args.reason):
        print("error: --override-pin and --reason go together", file=sys.stderr)
        return EXIT_USAGE
    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    station = ctx.settings.station_name
    label_printer, document_printer = _station_printers(ctx.settings)
    try:
        result = run_write(
            ctx.db, pack_at_once, args.number, box=args.box, weight_g=args.weight_g,
            items=args.items, override_pin=args.override_pin, reason=args.reason,
            station=station, actor=actor, label_printer=label_printer,
            document_printer=document_printer)
    except SupervisorPinRejected:
        # the refusal rolled the pack back, the wrong PIN still counts towards the lock
        run_write(ctx.db, verify_supervisor_pin, args.override_pin, requested_by=actor)
        raise
    warnings = _deliver(ctx.db, result, actor, station)
    bought = _buy_labels(ctx.db, result, actor, station, label_printer, warnings)
    if label_printer is None:
        warnings.append("no label printer is set up on this station: nothing printed "
                        "(haicang station set label_printer=URI label_printer_language=L)")
    for line in warnings:
        print(f"warning: {line}", file=sys.stderr)
    if args.json:
        print_json({"order": result.number, "status": result.transition.to_status,
                    "parcels": result.parcels,
                    "label_jobs": [job.id for job in result.label_jobs],
                    "slip_job": result.slip_job.id if result.slip_job else None,
                    "labels": [{"parcel": p.parcel_seq, "carrier": p.carrier,
                                "service": p.service, "tracking_number": p.tracking_number,
                                "cost": p.cost, "reason": p.reason} for p in bought.purchases]
                    if bought else [],
                    "label_error": bought.error.message if bought and bought.error else None,
                    "warnings": warnings})
        return EXIT_FAILED if bought and bought.error else EXIT_OK
    for parcel in result.parcels:
        print(f"Order {result.number} packed: parcel {parcel.seq} in {parcel.box_code}, "
              f"{parcel.weight_g} g (expected {parcel.expected_weight_g} g), "
              f"{parcel.label_source} label")
    for p in bought.purchases if bought else ():
        print(f"  label bought: {p.carrier} {p.service} {p.tracking_number}, {p.cost} — "
              f"{p.reason}")
    return EXIT_FAILED if bought and bought.error else EXIT_OK


def _buy_labels(db: Any, result: Any, actor: Any, station: str, label_printer: Any,
                warnings: list[str]) -> Any:
    """The carrier labels of a packed order, bought now that the pack is committed, and
    printed; a refusal is a warning (the order stays packed: ``labels buy`` buys it)."""
    if not result.labels_to_buy:
        return None
    from contextlib import closing

    from app.secrets import SecretStore
    from app.services.label_providers import provider_source
    from app.services.pack_labels import label_packed_order
    from app.services.print_queue import deliver

    with closing(provider_source(db, SecretStore())) as providers:
        done = label_packed_order(db, result.transition.order_id, providers=providers,
                                  actor=actor, station=station, label_printer=label_printer)
    if done.error is not None:
        warnings.append(f"{done.error.message} (haicang labels buy --order {result.number})")
    for job in done.label_jobs:
        sent = deliver(db, job.id, actor=actor, station=station)
        if sent.error is not None:
            warnings.append(f"print job {job.id} ({job.kind.value}) not delivered, waiting "
                            f"in the queue: {sent.error.message}")
    return done


def _deliver(db: Any, result: Any, actor: Any, station: str) -> list[str]:
    """Send the queued label and slip jobs; what did not go out is reported, not lost."""
    from app.services.print_queue import deliver

    warnings: list[str] = []
    jobs = [*result.label_jobs, *([result.slip_job] if result.slip_job else [])]
    for job in jobs:
        sent = deliver(db, job.id, actor=actor, station=station)
        if sent.error is not None:
            warnings.append(f"print job {job.id} ({job.kind.value}) not delivered, waiting "
                            f"in the queue: {sent.error.message}")
    return warnings


# --- boxes --------------------------------------------------------------------------------


def _draft(args: argparse.Namespace) -> Any:
    from app.services.boxes import BoxDraft

    return BoxDraft(args.code, args.inner_mm, args.tare_g, args.max_weight_g, args.barcode,
                    args.name)


def cmd_boxes_add(args: argparse.Namespace) -> int:
    from app.services.boxes import add_box
    from app.services.run import run_write

    ctx = open_context(args)
    box = run_write(ctx.db, add_box, _draft(args), actor=actor_of(args, ctx.db))
    return _show_box(args, box, "added")


def cmd_boxes_edit(args: argparse.Namespace) -> int:
    from app.services.boxes import edit_box
    from app.services.run import run_write

    ctx = open_context(args)
    box = run_write(ctx.db, edit_box, args.code, _draft(args), actor=actor_of(args, ctx.db))
    return _show_box(args, box, "changed")


def _set_active(args: argparse.Namespace, active: bool) -> int:
    from app.services.boxes import set_box_active
    from app.services.run import run_write

    ctx = open_context(args)
    box = run_write(ctx.db, set_box_active, args.code, active, actor=actor_of(args, ctx.db))
    return _show_box(args, box, "enabled" if active else "disabled")


def cmd_boxes_disable(args: argparse.Namespace) -> int:
    return _set_active(args, False)


def cmd_boxes_enable(args: argparse.Namespace) -> int:
    return _set_active(args, True)


def _show_box(args: argparse.Namespace, box: Any, verb: str) -> int:
    from app.clioutput import print_json

    if getattr(args, "json", False):
        print_json(box)
    else:
        print(f"Box {box.code} {verb}.")
    return EXIT_OK


def cmd_boxes_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.boxes import list_boxes

    with open_context(args).db.reading() as s:
        boxes = list_boxes(s, include_inactive=args.all)
    if args.json:
        print_json(boxes)
        return EXIT_OK
    print_table(["CODE", "NAME", "INNER MM", "TARE G", "MAX G", "BARCODE", "ACTIVE"],
                [(b.code, b.name, "x".join(map(str, b.inner_mm)), b.tare_g, b.max_weight_g,
                  b.barcode, b.active) for b in boxes])
    return EXIT_OK


# --- station ------------------------------------------------------------------------------


def cmd_station_show(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.settings import load_settings
    from app.station import show

    values = show(load_settings())
    if args.json:
        print_json(values)
    else:
        print_table(["KEY", "VALUE"], values.items())
    return EXIT_OK


def cmd_station_set(args: argparse.Namespace) -> int:
    from app.settings import load_settings, save_settings
    from app.station import apply_pairs, parse_pairs

    def warehouse_exists(code: str) -> bool:
        from sqlalchemy import select

        from app.db.models import Warehouse

        with open_context(args).db.reading() as s:
            return s.scalar(select(Warehouse.id).where(
                Warehouse.code == code, Warehouse.active.is_(True))) is not None

    parse_pairs(args.pairs)  # an unknown key is refused before the database is opened
    settings = apply_pairs(load_settings(), args.pairs, warehouse_exists=warehouse_exists)
    save_settings(settings)
    print(f"Station settings saved ({', '.join(p.partition('=')[0] for p in args.pairs)}).")
    return EXIT_OK


# --- restock ------------------------------------------------------------------------------


def cmd_restock_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.restock import list_restock_tasks

    with open_context(args).db.reading() as s:
        tasks = list_restock_tasks(s, open_only=not args.all)
    if args.json:
        print_json(tasks)
        return EXIT_OK
    print_table(["ID", "ORDER", "SKU", "QTY", "WAREHOUSE", "BIN", "STATUS"],
                [(t.id, t.order_number, t.sku_code, t.quantity, t.warehouse_code, t.bin_code,
                  t.status) for t in tasks])
    return EXIT_OK


def cmd_restock_done(args: argparse.Namespace) -> int:
    from app.services.restock import complete_restock
    from app.services.run import run_write

    ctx = open_context(args)
    task = run_write(ctx.db, complete_restock, args.task, bin_code=args.bin,
                     actor=actor_of(args, ctx.db))
    print(f"Restock task {task.id} done: {task.quantity} x {task.sku_code} in bin "
          f"{task.bin_code}.")
    return EXIT_OK


def register(reg: Registrar) -> None:
    add = reg.add
    p = add(reg.sub, "pack", cmd_pack,
            "pack an order with the pack station's checks and print its label", True)
    p.add_argument("number", metavar="NUMBER",
                   help="order number (or tote, pick list or tracking number)")
    p.add_argument("--box", required=True, metavar="CODE", help="box code or barcode")
    p.add_argument("--weight-g", required=True, type=_positive_int, metavar="N",
                   help="the parcel's stable weight in grams")
    p.add_argument("--items", type=_items, metavar="SKU=QTY,...",
                   help="the units packed (default: every line in full)")
    p.add_argument("--override-pin", metavar="PIN",
                   help="a supervisor's PIN to accept a weight out of tolerance")
    p.add_argument("--reason", metavar="TEXT", help="why the weight is accepted (with the PIN)")

    boxes = reg.group("boxes", "the box catalogue of the pack stations")
    for name, handler, text in (("add", cmd_boxes_add, "add a box"),
                                ("edit", cmd_boxes_edit, "change a box (all its values)")):
        p = add(boxes, name, handler, text, True)
        p.add_argument("code", metavar="CODE")
        p.add_argument("--inner-mm", required=True, type=_dims, metavar="LxWxH",
                       help="inner length x width x height in mm, e.g. 305x254x203")
        p.add_argument("--tare-g", required=True, type=_not_negative, metavar="N",
                       help="what the empty box weighs, in grams")
        p.add_argument("--max-weight-g", required=True, type=_positive_int, metavar="N",
                       help="the most the box may carry, in grams")
        p.add_argument("--barcode", metavar="B", help="the barcode packers scan to choose it")
        p.add_argument("--name", metavar="NAME")
    for name, handler in (("disable", cmd_boxes_disable), ("enable", cmd_boxes_enable)):
        p = add(boxes, name, handler, f"{name} a box", True)
        p.add_argument("code", metavar="CODE")
    p = add(boxes, "list", cmd_boxes_list, "list the boxes, smallest first", True)
    p.add_argument("--all", action="store_true", help="disabled boxes too")

    station = reg.group("station", "this PC's station settings")
    add(station, "show", cmd_station_show, "show this station's settings", True)
    p = add(station, "set", cmd_station_set,
            "change this station's settings (all or nothing)")
    p.add_argument("pairs", nargs="+", metavar="KEY=VALUE",
                   help="name, warehouse, language, mode, label_printer, "
                        "label_printer_language, label_printer_dpi, document_printer, "
                        "document_printer_language, scale, scale_protocol, scale_baud, "
                        "auto_print, tracking_minutes (0 = this PC never polls tracking), "
                        "no_scan_days (1 to 30)")

    restock = reg.group("restock", "units of stopped orders to put back in bins")
    p = add(restock, "list", cmd_restock_list, "list the restock tasks (open ones)", True)
    p.add_argument("--all", action="store_true", help="done tasks too")
    p = add(restock, "done", cmd_restock_done, "the units are in the scanned bin")
    p.add_argument("task", type=_positive_int, metavar="ID")
    p.add_argument("--bin", required=True, metavar="CODE", help="the bin they went into")
