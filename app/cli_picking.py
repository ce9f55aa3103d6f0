"""`haicang waves release | list | show | pick-list` and `haicang pick ...` (the scans).

The ``waves`` group is shared with ``app.cli_waves`` (``waves plan``); releasing takes
the same filters (its ``plan_options``). The ``pick`` verbs are the Picking screen's
scans, one service call each, for scripts, tests and a PC without the app: what the CLI
accepts the scanner accepts, and what it refuses it refuses with the same one-line message.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli import EXIT_FAILED, EXIT_OK, Registrar, _positive_int, actor_of, open_context
from app.cli_waves import plan_options, wave_filters

PAPERS = ("letter", "a4", "4x6")


def _label_printer(ctx: Any) -> Any:
    """The station's shipping-label printer, or None when this PC has none."""
    from app.services.print_documents import JobKind
    from app.services.printer_settings import PrinterNotConfigured, PrinterSettings

    try:
        return PrinterSettings.from_station(ctx.settings.printers).for_kind(
            JobKind.SHIPPING_LABEL)
    except PrinterNotConfigured:
        return None


def cmd_waves_release(args: argparse.Namespace) -> int:
    from app.clioutput import plain, print_json
    from app.services.print_queue import deliver
    from app.services.run import run_write
    from app.services.waves import get_wave, release_wave

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    station = ctx.settings.station_name
    summary = run_write(ctx.db, release_wave, args.warehouse, wave_filters(args),
                        cart_orders=args.cart_orders, cart_units=args.cart_units, actor=actor,
                        label_printer=_label_printer(ctx), station=station)
    jobs, label_warnings = summary.label_jobs, []
    if summary.label_first:  # carrier labels are bought now that the release is committed
        from contextlib import closing

        from app.secrets import SecretStore
        from app.services.label_providers import provider_source
        from app.services.wave_labels import buy_wave_labels

        with closing(provider_source(ctx.db, SecretStore())) as providers:
            bought = buy_wave_labels(ctx.db, summary.number, providers=providers, actor=actor,
                                     label_printer=_label_printer(ctx), station=station)
        jobs += bought.label_jobs
        label_warnings = [f"warning: label for order {number} not bought ({why}); it is "
                          "bought at packing" for number, why in bought.failed]
    undelivered = [job for job in jobs
                   if not deliver(ctx.db, job, actor=actor, station=station).delivered]
    for line in label_warnings:
        print(line, file=sys.stderr)
    with ctx.db.reading() as s:
        detail = get_wave(s, summary.number)
    if args.json:
        print_json({**plain(detail.summary), "label_jobs": list(jobs),
                    "labels_not_delivered": undelivered, "carts": plain(detail.carts)})
    else:
        s = detail.summary
        print(f"Wave {s.number} released: {s.orders} orders, {s.units} units on {s.carts} "
              f"carts; batched {s.batched_distance_m:.1f} m vs "
              f"{s.single_order_distance_m:.1f} m order by order.")
        for cart in detail.carts:
            print(f"  {cart.code}: {len(cart.orders)} orders, {cart.units} units, "
                  f"{cart.distance_m:.1f} m: {' > '.join(cart.route)}")
        if s.label_first:
            print(_label_note(jobs, undelivered))
    if undelivered:
        print(f"error: {len(undelivered)} label(s) not delivered (waiting in the queue: "
              "haicang print queue)", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _label_note(jobs: tuple[int, ...], undelivered: list[int]) -> str:
    if not jobs:
        return ("Label-first wave: no label printer is set up on this station; "
                "no labels were printed.")
    return f"Label-first wave: {len(jobs) - len(undelivered)} of {len(jobs)} labels printed " \
           "in pick order."


def cmd_waves_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.waves import list_waves

    ctx = open_context(args)
    with ctx.db.reading() as s:
        rows = list_waves(s, warehouse_code=args.warehouse, status=args.status)
    if args.json:
        print_json(rows)
    else:
        print_table(["WAVE", "WAREHOUSE", "STATUS", "CARTS", "ORDERS", "UNITS", "PICKED",
                     "BATCHED M", "SINGLE M", "RELEASED (UTC)"],
                    [(w.number, w.warehouse, w.status, w.carts, w.orders, w.units,
                      w.picked_units, f"{w.batched_distance_m:.1f}",
                      f"{w.single_order_distance_m:.1f}", f"{w.released_at:%Y-%m-%d %H:%M}")
                     for w in rows])
    return EXIT_OK


def cmd_waves_show(args: argparse.Namespace) -> int:
    from app.clioutput import plain, print_json, print_table
    from app.services.waves import get_wave

    ctx = open_context(args)
    with ctx.db.reading() as s:
        detail = get_wave(s, args.number)
    if args.json:
        print_json({**plain(detail.summary), "carts": plain(detail.carts)})
        return EXIT_OK
    w = detail.summary
    print(f"Wave {w.number} ({w.warehouse}) {w.status}: {w.picked_units}/{w.units} units "
          f"picked{', label-first' if w.label_first else ''}")
    print_table(["CART", "STATUS", "PICKER", "ORDERS (TOTE)", "PICKED", "METRES", "ROUTE"],
                [(c.code, c.status, c.picker or "",
                  " ".join(f"{o.number}({o.slot})" for o in c.orders),
                  f"{c.picked_units}/{c.units}", f"{c.distance_m:.1f}", " > ".join(c.route))
                 for c in detail.carts])
    return EXIT_OK


def cmd_waves_pick_list(args: argparse.Namespace) -> int:
    """``--out FILE``: the PDF on the paper asked for; else printed on this station's
    pick-list printer (laid out for its media) through the print queue."""
    from app.services.pick_lists import cart_pick_list_document, cart_pick_list_pdf
    from app.services.print_documents import JobKind
    from app.services.print_queue import print_from_data
    from app.services.printer_settings import PrinterSettings
    from printers.layouts import DocumentPaper

    ctx = open_context(args)
    cart = args.cart.strip().upper()
    if args.out is None:
        profile = PrinterSettings.from_station(ctx.settings.printers).for_kind(JobKind.PICK_LIST)
        result = print_from_data(ctx.db, lambda s, p: cart_pick_list_document(s, cart, p),
                                 profile, actor=actor_of(args, ctx.db),
                                 station=ctx.settings.station_name)
        if result.error is not None:
            print(f"error: print job {result.job.id} not delivered (waiting in the queue): "
                  f"{result.error.message}", file=sys.stderr)
            return EXIT_FAILED
        print(f"Pick list of cart {cart} sent to {result.job.printer_name}.")
        return EXIT_OK
    paper = {"letter": DocumentPaper.LETTER, "a4": DocumentPaper.A4,
             "4x6": DocumentPaper.LABEL_4X6}[args.paper]
    with ctx.db.reading() as s:
        pdf = cart_pick_list_pdf(s, cart, paper=paper, dpi=args.dpi)
    Path(args.out).write_bytes(pdf)
    print(f"Pick list of cart {cart} written to {args.out}.")
    return EXIT_OK


def cmd_pick_open(args: argparse.Namespace) -> int:
    from app.clioutput import plain, print_json, print_table
    from app.services.picking import open_cart
    from app.services.run import run_write

    ctx = open_context(args)
    view = run_write(ctx.db, open_cart, args.cart, actor=actor_of(args, ctx.db))
    if args.json:
        print_json({**plain(view), "stops": plain(view.stops)})
        return EXIT_OK
    print(f"Cart {view.code} ({view.status}): {view.picked_units}/{view.units} units picked")
    print_table(["TASK", "STOP", "BIN", "SKU", "QTY", "PICKED", "ORDER", "TOTE", "STATUS"],
                [(t.task_id, t.seq, t.bin_code, t.sku, t.quantity, t.picked, t.order_number,
                  t.slot, t.status) for t in view.stops])
    return EXIT_OK


def cmd_pick_confirm(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.picking import confirm_pick
    from app.services.run import run_write

    ctx = open_context(args)
    out = run_write(ctx.db, confirm_pick, args.task, bin_scan=args.bin, item_scan=args.item,
                    quantity=args.qty, actor=actor_of(args, ctx.db))
    if args.json:
        print_json(out)
    else:
        print(f"Picked {out.quantity} × {out.sku} from {out.bin_code} into tote {out.slot} "
              f"({out.order_number}): {out.task_picked}/{out.task_quantity}."
              f"{_done(out.cart_done, out.wave_done)}")
    return EXIT_OK


def cmd_pick_short(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.picking import report_short
    from app.services.run import run_write

    ctx = open_context(args)
    out = run_write(ctx.db, report_short, args.task, found=args.found, reason=args.reason,
                    actor=actor_of(args, ctx.db))
    if args.json:
        print_json(out)
        return EXIT_OK
    print(f"Short at {out.bin_code}: {out.found} found, {out.missing} missing "
          f"(bin flagged for a count).")
    if out.backordered:
        back = ", ".join(f"{m.quantity} to {m.bin_code}" for m in out.put_back)
        print(f"Order {out.order_number} is backordered: take tote {out.slot} off the cart"
              + (f" and put back {back}." if back else "."))
    else:
        moved = ", ".join(f"{m.quantity} from {m.bin_code}" for m in out.moved_to)
        print(f"Pick {moved} instead; route now {' > '.join(out.route)}.")
    if out.cart_done:
        print(_done(out.cart_done, out.wave_done).strip())
    return EXIT_OK


def cmd_pick_label(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.picking import confirm_label_pick
    from app.services.run import run_write

    ctx = open_context(args)
    out = run_write(ctx.db, confirm_label_pick, args.cart, label_scan=args.label,
                    actor=actor_of(args, ctx.db))
    if args.json:
        print_json(out)
    else:
        print(f"Order {out.order_number}: {out.units} unit(s) at {out.bin_code} into tote "
              f"{out.slot}.{_done(out.cart_done, out.wave_done)}")
    return EXIT_OK


def cmd_bins_counts(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.count_flags import list_count_flags

    ctx = open_context(args)
    with ctx.db.reading() as s:
        rows = list_count_flags(s, warehouse_code=args.warehouse)
    if args.json:
        print_json(rows)
    else:
        print_table(["WAREHOUSE", "BIN", "FLAGGED (UTC)", "REASON"],
                    [(r.warehouse, r.bin_code, f"{r.flagged_at:%Y-%m-%d %H:%M}", r.reason)
                     for r in rows])
    return EXIT_OK


def cmd_bins_counted(args: argparse.Namespace) -> int:
    from app.services.count_flags import clear_count_flag
    from app.services.run import run_write

    ctx = open_context(args)
    cleared = run_write(ctx.db, clear_count_flag, args.warehouse, args.bin,
                        actor=actor_of(args, ctx.db))
    code = args.bin.strip().upper()
    print(f"Bin {code} counted: flag cleared." if cleared else f"Bin {code} had no count flag.")
    return EXIT_OK


def _done(cart_done: bool, wave_done: bool) -> str:
    if wave_done:
        return " Cart done; wave done."
    return " Cart done." if cart_done else ""


def register(reg: Registrar) -> None:
    add = reg.add
    waves = reg.group("waves", "plan, release and follow picking waves")
    p = add(waves, "release", cmd_waves_release,
            "release a wave: orders onto carts, pick tasks created (label-first waves print "
            "their labels)", True)
    plan_options(p)
    p = add(waves, "list", cmd_waves_list, "list waves, newest first", True)
    p.add_argument("--warehouse", metavar="CODE")
    p.add_argument("--status", choices=("released", "picking", "done", "cancelled"))
    p = add(waves, "show", cmd_waves_show, "a wave's carts, orders, routes and progress", True)
    p.add_argument("number", metavar="NUMBER")
    p = add(waves, "pick-list", cmd_waves_pick_list,
            "a cart's pick list: written as PDF (--out) or printed on this station's printer")
    p.add_argument("cart", metavar="CART")
    p.add_argument("--out", metavar="FILE.pdf", help="write the PDF here instead of printing")
    p.add_argument("--paper", choices=PAPERS, default="letter", help="with --out")
    p.add_argument("--dpi", type=_positive_int, default=203,
                   help="dot grid of the barcodes on 4x6 (default 203)")

    bins = reg.group("bins", "bins")
    p = add(bins, "counts", cmd_bins_counts,
            "bins flagged for a count by short picks, oldest first", True)
    p.add_argument("--warehouse", metavar="CODE")
    p = add(bins, "counted", cmd_bins_counted,
            "the bin was counted (book differences with stock adjust): clear its flag")
    p.add_argument("bin", metavar="BIN")
    p.add_argument("--warehouse", required=True, metavar="CODE")

    pick = reg.group("pick", "pick a cart from the command line (what the scanner does)")
    p = add(pick, "open", cmd_pick_open, "take a cart and list its stops", True)
    p.add_argument("cart", metavar="CART")
    p = add(pick, "confirm", cmd_pick_confirm, "confirm a pick by the bin and item scanned",
            True)
    p.add_argument("task", type=int, metavar="TASK")
    p.add_argument("--bin", required=True, metavar="BIN", help="the bin scanned")
    p.add_argument("--item", required=True, metavar="CODE", help="the SKU or barcode scanned")
    p.add_argument("--qty", type=_positive_int, default=1, metavar="N")
    p = add(pick, "short", cmd_pick_short,
            "report fewer units in the bin than the task needs", True)
    p.add_argument("task", type=int, metavar="TASK")
    p.add_argument("--found", type=int, required=True, metavar="N",
                   help="units found and picked (0 for an empty bin)")
    p.add_argument("--reason", required=True, metavar="TEXT", help="empty, damaged, ...")
    p = add(pick, "label", cmd_pick_label,
            "label-first: confirm an order's pick by the label scanned at the shelf", True)
    p.add_argument("cart", metavar="CART")
    p.add_argument("label", metavar="LABEL")
