"""`haicang inbound template | import | create | list | show | arrive | receive | close |
labels | unknown | resolve | reject`: announced shipments (ASN) and the dock.

Each verb is one service call in one transaction, as the Inbound and Receiving screens
do. A REFERENCE is looked up across clients; when two clients announced the same
reference, ``--client`` says whose (refused as ambiguous without it).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from app.cli import EXIT_FAILED, EXIT_OK, Registrar, actor_of, open_context


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date YYYY-MM-DD") from None


def _detail_json(detail: Any) -> dict[str, Any]:
    from app.clioutput import plain

    summary = plain(detail.summary)
    summary["cartons"] = [
        {"carton": c.code, "scanned_at": plain(c.scanned_at), "lines": [
            {"sku": ln.sku, "name": ln.name, "expected": ln.expected, "received": ln.received,
             "damaged": ln.damaged, "difference": ln.difference, "unknown": ln.unknown}
            for ln in c.lines]}
        for c in detail.cartons]
    summary["lines"] = [
        {"carton": ln.carton, "sku": ln.sku, "expected": ln.expected, "received": ln.received,
         "damaged": ln.damaged, "difference": ln.difference, "unknown": ln.unknown}
        for ln in detail.lines]
    return dict(summary)


def cmd_template(args: argparse.Namespace) -> int:
    from app.channels.inbound_template import write_inbound_template

    path = Path(args.file)
    if path.exists() and not args.force:
        print(f"error: {path} exists; add --force to overwrite it", file=sys.stderr)
        return EXIT_FAILED
    write_inbound_template(path, chinese=args.chinese)
    print(f"Template written to {path}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Problems and the summary go to stdout, also for a rejected file; the one
    ``error:`` line to stderr."""
    from app.services.inbound import InboundImportRejected, import_inbound
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    try:
        report = run_write(ctx.db, import_inbound, Path(args.file), client_code=args.client,
                           warehouse_code=args.warehouse, actor=actor,
                           valid_only=args.valid_only)
    except InboundImportRejected as exc:
        _print_import(exc.report, args.json)
        print(f"error: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    _print_import(report, args.json)
    return EXIT_OK


def _print_import(report: Any, as_json: bool) -> None:
    from app.clioutput import print_json

    if as_json:
        print_json(report.to_json())
        return
    for w in report.warnings:
        print(f"warning: {w.message}")
    for p in report.problems:
        print(f"line {p.line}: reference {p.reference or '-'}: {p.column or '-'}: {p.reason}")
    print(f"{report.rows} rows: {len(report.shipments)} shipments "
          f"({', '.join(report.shipments) or '-'}), {report.cartons} cartons, "
          f"{report.units} units announced, {report.bad_lines} rows rejected.")


def cmd_create(args: argparse.Namespace) -> int:
    """``--line CARTON:SKU:QTY`` repeated: a shipment typed by hand."""
    from app.clioutput import print_json
    from app.domain.errors import InvalidValue
    from app.services.inbound import CartonDraft, InboundDraft, create_inbound
    from app.services.run import run_write

    cartons: dict[str, list[tuple[str, int]]] = {}
    for text in args.line:
        parts = text.rsplit(":", 2)
        if len(parts) != 3 or not parts[2].strip().isdigit():
            raise InvalidValue(field="--line", problem=f"'{text}' is not CARTON:SKU:QTY")
        cartons.setdefault(parts[0], []).append((parts[1], int(parts[2])))
    draft = InboundDraft(args.reference, tuple(CartonDraft(c, tuple(lines))
                                               for c, lines in cartons.items()),
                         eta=args.eta, container=args.container, tracking=args.tracking)
    ctx = open_context(args)
    info = run_write(ctx.db, create_inbound, client_code=args.client,
                     warehouse_code=args.warehouse, draft=draft, actor=actor_of(args, ctx.db))
    if args.json:
        print_json(info)
    else:
        print(f"Inbound shipment {info.reference} announced: {info.cartons} cartons, "
              f"{info.expected} units.")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.inbound import list_inbound

    with open_context(args).db.reading() as s:
        rows = list_inbound(s, client_code=args.client, status=args.status,
                            warehouse_code=args.warehouse)
    if args.json:
        print_json(rows)
    else:
        print_table(["REFERENCE", "CLIENT", "WAREHOUSE", "STATUS", "ETA", "CARTONS", "EXPECTED",
                     "RECEIVED", "DAMAGED"],
                    [(r.reference, r.client, r.warehouse, r.status, r.eta or "-", r.cartons,
                      r.expected, r.received, r.damaged) for r in rows])
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.inbound import get_inbound

    with open_context(args).db.reading() as s:
        detail = get_inbound(s, args.reference, args.client)
    if args.json:
        print_json(_detail_json(detail))
        return EXIT_OK
    s_ = detail.summary
    print(f"{s_.reference}  client {s_.client}  warehouse {s_.warehouse}  {s_.status}")
    print(f"ETA {s_.eta or '-'}  container {s_.container or '-'}  tracking {s_.tracking or '-'}")
    print_table(["CARTON", "SKU", "EXPECTED", "RECEIVED", "DAMAGED", "DIFFERENCE", "NOTE"],
                [(ln.carton, ln.sku, ln.expected, ln.received, ln.damaged, ln.difference,
                  "unknown code" + (" (rejected)" if ln.rejected else "") if ln.unknown else "")
                 for ln in detail.lines])
    return EXIT_OK


def cmd_arrive(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.inbound import arrive_inbound
    from app.services.run import run_write

    ctx = open_context(args)
    info = run_write(ctx.db, arrive_inbound, args.reference, client_code=args.client,
                     actor=actor_of(args, ctx.db))
    if args.json:
        print_json(info)
    else:
        print(f"Inbound shipment {info.reference} arrived.")
    return EXIT_OK


def cmd_receive(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.receiving import receive_units
    from app.services.run import run_write

    ctx = open_context(args)
    r = run_write(ctx.db, receive_units, args.reference, carton=args.carton, code=args.sku,
                  quantity=args.qty, damaged=args.damaged, lot=args.lot, expiry=args.expiry,
                  bin_code=args.bin, client_code=args.client, actor=actor_of(args, ctx.db))
    line = r.line
    if args.json:
        print_json({"reference": r.reference, "carton": r.carton, "sku": line.sku,
                    "quantity": r.quantity, "damaged": r.damaged, "bin": r.bin,
                    "damaged_bin": r.damaged_bin, "quarantined": r.quarantined,
                    "expected": line.expected, "received": line.received,
                    "damaged_total": line.damaged, "difference": line.difference})
        return EXIT_OK
    where = f"quarantine bin {r.bin} (unknown code)" if r.quarantined else f"bin {r.bin}"
    damaged = f", {r.damaged} damaged to bin {r.damaged_bin}" if r.damaged else ""
    print(f"{r.quantity} x {line.sku} of carton {r.carton} to {where}{damaged}; "
          f"line: {line.received} received, {line.damaged} damaged of {line.expected} expected"
          f" ({line.difference:+d}).")
    return EXIT_OK


def cmd_close(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.inbound_documents import write_discrepancy
    from app.services.receiving import close_inbound
    from app.services.run import run_write

    ctx = open_context(args)
    result = run_write(ctx.db, close_inbound, args.reference, client_code=args.client,
                       actor=actor_of(args, ctx.db))
    report = result.report
    if args.report:
        write_discrepancy(report, args.report)
    if args.json:
        print_json(report.to_json())
        return EXIT_OK
    print_table(["SKU", "EXPECTED", "RECEIVED", "DAMAGED", "DIFFERENCE"],
                [(t.sku, t.expected, t.received, t.damaged, t.difference) for t in report.lines])
    print(f"Inbound shipment {report.reference} closed: {result.moves} ledger moves, "
          f"{result.putaway_tasks} put-away tasks"
          + (f"; report written to {args.report}" if args.report else "") + ".")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.inbound_documents import write_discrepancy
    from app.services.receiving import discrepancy_report

    with open_context(args).db.reading() as s:
        report = discrepancy_report(s, args.reference, args.client)
    if args.out:
        write_discrepancy(report, args.out)
    if args.json:
        print_json(report.to_json())
    elif args.out:
        print(f"Report of {report.reference} written to {args.out}")
    return EXIT_OK


def cmd_labels(args: argparse.Namespace) -> int:
    """``--pdf FILE`` saves the labels; without it they go through the print queue to
    this station's label printer, laid out at its dpi (a job the printer did not take
    waits in the queue: one ``error:`` line naming it, exit 1)."""
    ctx = open_context(args)
    if args.pdf:
        from app.services.inbound_documents import carton_labels_pdf

        with ctx.db.reading() as s:
            pdf = carton_labels_pdf(s, args.reference, args.client, carton=args.carton)
        Path(args.pdf).write_bytes(pdf)
        print(f"Carton labels of {args.reference} written to {args.pdf}")
        return EXIT_OK
    from app.services.inbound_documents import carton_labels_document
    from app.services.print_documents import JobKind
    from app.services.print_queue import print_from_data
    from app.services.printer_settings import PrinterSettings
    from printers.errors import PrinterError

    try:
        profile = PrinterSettings.from_station(ctx.settings.printers).for_kind(
            JobKind.CARTON_LABELS)
        result = print_from_data(
            ctx.db, lambda s, p: carton_labels_document(s, args.reference, p, args.client,
                                                        carton=args.carton),
            profile, actor=actor_of(args, ctx.db), station=ctx.settings.station_name)
    except PrinterError as exc:  # a damaged printer profile, a label that cannot be laid out
        print(f"error: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    job = result.job
    if result.error is not None:
        print(f"error: print job {job.id} not delivered (waiting in the queue): "
              f"{result.error.message}", file=sys.stderr)
        return EXIT_FAILED
    what = f"carton {args.carton.strip()}" if args.carton else "all cartons"
    print(f"Carton labels of {job.reference} ({what}) sent to {job.printer_name} "
          f"as print job {job.id}.")
    return EXIT_OK


def cmd_unknown(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.receiving import list_unknown

    with open_context(args).db.reading() as s:
        rows = list_unknown(s, warehouse_code=args.warehouse, include_rejected=args.all)
    if args.json:
        print_json(rows)
    else:
        print_table(["LINE", "REFERENCE", "CLIENT", "CARTON", "CODE", "UNITS", "DAMAGED", "BIN",
                     "STATUS"],
                    [(u.id, u.reference, u.client, u.carton, u.code, u.received, u.damaged,
                      u.bin, u.status) for u in rows])
    return EXIT_OK


def cmd_resolve(args: argparse.Namespace) -> int:
    from app.services.receiving import resolve_unknown
    from app.services.run import run_write

    ctx = open_context(args)
    line = run_write(ctx.db, resolve_unknown, args.line, args.sku, lot=args.lot,
                     expiry=args.expiry, actor=actor_of(args, ctx.db))
    print(f"Unknown code of carton {line.carton} is SKU {line.sku}: {line.received} units "
          "leave quarantine for receiving.")
    return EXIT_OK


def cmd_reject(args: argparse.Namespace) -> int:
    from app.services.receiving import reject_unknown
    from app.services.run import run_write

    ctx = open_context(args)
    run_write(ctx.db, reject_unknown, args.line, actor=actor_of(args, ctx.db))
    print(f"Unknown line {args.line} rejected; its units are not taken into stock.")
    return EXIT_OK


def _reference(p: argparse.ArgumentParser) -> None:
    p.add_argument("reference", metavar="REFERENCE", help="the shipment's reference (入库单号)")
    p.add_argument("--client", metavar="CODE",
                   help="whose shipment, when two clients use the same reference")


def register(reg: Registrar) -> None:
    """Add the inbound commands to the `haicang` parser."""
    add = reg.add
    g = reg.group("inbound", "inbound shipments (ASN, 入库预报) and receiving at the dock")
    p = add(g, "template", cmd_template, "write the inbound shipment file template")
    p.add_argument("file", metavar="FILE", help="file to write (.csv or .xlsx)")
    p.add_argument("--chinese", action="store_true", help="Chinese headers (中文表头)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p = add(g, "import", cmd_import, "announce shipments from a CSV or XLSX file", True)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--client", required=True, metavar="CODE", help="the seller's client code")
    p.add_argument("--warehouse", required=True, metavar="W", help="where the goods arrive")
    p.add_argument("--valid-only", action="store_true",
                   help="import the shipments whose rows are all good and report the rest")
    p = add(g, "create", cmd_create, "announce one shipment by hand", True)
    p.add_argument("reference", metavar="REFERENCE")
    p.add_argument("--client", required=True, metavar="CODE")
    p.add_argument("--warehouse", required=True, metavar="W")
    p.add_argument("--line", action="append", required=True, metavar="CARTON:SKU:QTY",
                   help="one SKU in one carton; repeat for each")
    p.add_argument("--eta", type=_day, metavar="YYYY-MM-DD")
    p.add_argument("--container", metavar="C")
    p.add_argument("--tracking", metavar="T")
    p = add(g, "list", cmd_list, "list inbound shipments, newest first", True)
    p.add_argument("--client", metavar="CODE")
    p.add_argument("--warehouse", metavar="W")
    p.add_argument("--status", choices=("announced", "arrived", "receiving", "closed"))
    _reference(add(g, "show", cmd_show, "show a shipment's cartons and lines", True))
    _reference(add(g, "arrive", cmd_arrive, "the shipment is at the dock", True))
    p = add(g, "receive", cmd_receive, "count units of a SKU in a carton (what the scanner "
            "does)", True)
    _reference(p)
    p.add_argument("--carton", required=True, metavar="C")
    p.add_argument("--sku", required=True, metavar="S", help="SKU code or barcode as scanned")
    p.add_argument("--qty", required=True, type=int, metavar="N", help="good units")
    p.add_argument("--damaged", type=int, default=0, metavar="N", help="damaged units")
    p.add_argument("--lot", metavar="L", help="lot (required for lot-tracked SKUs)")
    p.add_argument("--expiry", type=_day, metavar="YYYY-MM-DD",
                   help="expiry date (required for lot-tracked SKUs)")
    p.add_argument("--bin", metavar="B", help="receive into this bin instead of the first "
                   "receiving bin")
    p = add(g, "close", cmd_close, "close the shipment: post the stock, make put-away tasks, "
            "report discrepancies", True)
    _reference(p)
    p.add_argument("--report", metavar="FILE", help="write the discrepancy report (.pdf or .csv)")
    p = add(g, "report", cmd_report, "the discrepancy report of a shipment", True)
    _reference(p)
    p.add_argument("--out", metavar="FILE", help=".pdf or .csv")
    p = add(g, "labels", cmd_labels, "print the carton labels (4x6, a barcode per carton) on "
            "this station's label printer, or save them as a PDF")
    _reference(p)
    p.add_argument("--carton", metavar="C", help="only this carton's label")
    p.add_argument("--pdf", metavar="FILE", help="save a PDF instead of printing")
    p = add(g, "unknown", cmd_unknown, "unknown codes waiting in quarantine", True)
    p.add_argument("--warehouse", metavar="W")
    p.add_argument("--all", action="store_true", help="rejected ones too")
    p = add(g, "resolve", cmd_resolve, "an unknown code is this SKU: out of quarantine")
    p.add_argument("line", type=int, metavar="LINE", help="the line id from 'inbound unknown'")
    p.add_argument("--sku", required=True, metavar="S")
    p.add_argument("--lot", metavar="L")
    p.add_argument("--expiry", type=_day, metavar="YYYY-MM-DD")
    p = add(g, "reject", cmd_reject, "an unknown code is not taken into stock")
    p.add_argument("line", type=int, metavar="LINE")
