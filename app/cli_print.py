"""`haicang print ...` and `haicang labels import`: printing from scripts and support.

Printing commands take ``--printer URI --language escpos|tspl|zpl|pdf [--dpi N]`` or
``--profile NAME`` (a printer in this station's settings); with neither, the station's
printer for that kind of document is used. Every job is stored in the print queue
first; when it cannot be delivered the command prints one line naming the job and
exits 1, and the job waits in the queue (``haicang print queue --retry ID``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, Registrar, _positive_int, actor_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.services.print_documents import Document, JobKind
    from app.services.print_queue import DeliveryResult
    from printers.profiles import PrinterProfile

LANGUAGES = ("escpos", "tspl", "zpl", "pdf")


class _UsageError(Exception):
    """A wrong combination of options: one line, exit 2."""


def _printer_errors(handler: Callable[[argparse.Namespace], int]
                    ) -> Callable[[argparse.Namespace], int]:
    """Printer faults outside a job (a bad profile, a label that cannot be laid out): one
    line and exit 1, like domain errors (the CLI's main loop does not know printers/)."""
    from functools import wraps

    @wraps(handler)
    def run(args: argparse.Namespace) -> int:
        from printers.errors import PrinterError

        try:
            return handler(args)
        except PrinterError as exc:
            print(f"error: {exc.message}", file=sys.stderr)
            return EXIT_FAILED
        except _UsageError as exc:
            return _usage(exc)

    return run


def _printer_options(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    group = parser.add_argument_group("printer")
    group.add_argument("--printer", metavar="URI",
                       help="printer address, e.g. tcp://192.168.1.50:9100 or file:///tmp/x.prn")
    group.add_argument("--language", choices=LANGUAGES, help="what the --printer speaks")
    group.add_argument("--dpi", type=_positive_int, help="printer resolution (default 203)")
    group.add_argument("--profile", metavar="NAME", help="a printer from this station's settings")


def _explicit_profile(args: argparse.Namespace, settings_printers: dict[str, Any]
                      ) -> PrinterProfile | None:
    """The printer the options name, or None when they name none."""
    from app.services.printer_settings import PrinterSettings
    from printers.profiles import Language, PrinterProfile

    if args.printer and args.profile:
        raise _UsageError("give --printer or --profile, not both")
    if args.printer:
        if not args.language:
            raise _UsageError("--printer needs --language (escpos, tspl, zpl or pdf)")
        return PrinterProfile(args.printer, args.printer, Language(args.language),
                              dpi=args.dpi or 203)
    if args.language or args.dpi:
        raise _UsageError("--language and --dpi go with --printer")
    if args.profile:
        return PrinterSettings.from_station(settings_printers).profile(args.profile)
    return None


def _profile_for(args: argparse.Namespace, ctx: Any, kind: JobKind) -> PrinterProfile:
    from app.services.printer_settings import PrinterSettings

    explicit = _explicit_profile(args, ctx.settings.printers)
    if explicit is not None:
        return explicit
    return PrinterSettings.from_station(ctx.settings.printers).for_kind(kind)


def _print(args: argparse.Namespace, kind: JobKind,
           build: Callable[[Session, PrinterProfile], Document]) -> int:
    """Resolve the printer, lay out, queue, send, report."""
    from app.cli import open_context
    from app.services.print_queue import print_from_data

    ctx = open_context(args)
    try:
        profile = _profile_for(args, ctx, kind)
    except _UsageError as exc:
        return _usage(exc)
    result = print_from_data(ctx.db, build, profile, actor=actor_of(args, ctx.db),
                             station=ctx.settings.station_name)
    return _report(result)


def _report(result: DeliveryResult) -> int:
    job = result.job
    if result.error is not None:
        print(f"error: print job {job.id} not delivered (waiting in the queue): "
              f"{result.error.message}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Print job {job.id} ({job.kind.value} {job.reference}) sent to {job.printer_name}: "
          f"{result.bytes_sent:,} bytes.")
    return EXIT_OK


def _usage(exc: Exception) -> int:
    print(f"error: {exc}", file=sys.stderr)
    return EXIT_USAGE


def _order_id(args: argparse.Namespace) -> Callable[[Session], int]:
    from app.services.orders import find_order_id

    return lambda session: find_order_id(session, args.order, args.client)


# --- commands -----------------------------------------------------------------------------


@_printer_errors
def cmd_print_label(args: argparse.Namespace) -> int:
    from app.services.print_documents import JobKind, shipping_label_document

    order_id = _order_id(args)
    return _print(args, JobKind.SHIPPING_LABEL,
                  lambda s, p: shipping_label_document(s, order_id(s), p))


@_printer_errors
def cmd_print_packing_slip(args: argparse.Namespace) -> int:
    from app.services.print_documents import JobKind, packing_slip_document

    order_id = _order_id(args)
    return _print(args, JobKind.PACKING_SLIP,
                  lambda s, p: packing_slip_document(s, order_id(s), p))


@_printer_errors
def cmd_print_pick_list(args: argparse.Namespace) -> int:
    from app.services.print_documents import JobKind, pick_list_document

    order_id = _order_id(args)
    return _print(args, JobKind.PICK_LIST, lambda s, p: pick_list_document(s, order_id(s), p))


@_printer_errors
def cmd_print_bin_labels(args: argparse.Namespace) -> int:
    from app.services.print_documents import JobKind, bin_labels_document

    return _print(args, JobKind.BIN_LABELS,
                  lambda s, p: bin_labels_document(s, args.warehouse, args.first, args.last, p))


@_printer_errors
def cmd_print_sku_labels(args: argparse.Namespace) -> int:
    from app.services.print_documents import JobKind, sku_labels_document

    return _print(args, JobKind.SKU_LABELS,
                  lambda s, p: sku_labels_document(s, args.sku, args.copies, p, args.client))


@_printer_errors
def cmd_print_test(args: argparse.Namespace) -> int:
    from app.services.print_documents import JobKind, test_page_document

    return _print(args, JobKind.TEST_PAGE, lambda _s, p: test_page_document(p))


@_printer_errors
def cmd_print_queue(args: argparse.Namespace) -> int:
    from app.cli import open_context
    from app.clioutput import print_json, print_table
    from app.services.print_queue import JobStatus, deliver, list_jobs, reprint_job
    from app.services.run import run_write

    ctx = open_context(args)
    if args.retry is not None or args.reprint is not None:
        try:
            profile = _explicit_profile(args, ctx.settings.printers)
        except _UsageError as exc:
            return _usage(exc)
        station = ctx.settings.station_name
        actor = actor_of(args, ctx.db)
        job_id = args.retry
        if args.reprint is not None:
            job_id = run_write(ctx.db, reprint_job, args.reprint, actor=actor,
                               station=station, profile=profile).id
            profile = None
        result = deliver(ctx.db, job_id, actor=actor, station=station, profile=profile)
        if args.json:
            print_json({"job": result.job, "delivered": result.delivered,
                        "error": result.error.message if result.error else None})
            return EXIT_OK if result.delivered else EXIT_FAILED
        return _report(result)
    statuses = (JobStatus(args.status),) if args.status else ()
    with ctx.db.reading() as s:
        rows = list_jobs(s, statuses=statuses, limit=args.limit)
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["ID", "CREATED (UTC)", "KIND", "REFERENCE", "PRINTER", "STATUS", "TRIES", "ERROR"],
            [(j.id, f"{j.created_at:%Y-%m-%d %H:%M}", j.kind.value, j.reference, j.printer_name,
              j.status.value, j.attempts, j.last_error or "") for j in rows],
        )
    return EXIT_OK


@_printer_errors
def cmd_labels_import(args: argparse.Namespace) -> int:
    from app.channels.file_input import read_import_file
    from app.cli import open_context
    from app.clioutput import print_json
    from app.services.print_queue import print_document
    from app.services.printer_settings import PrinterSettings
    from app.services.seller_labels import carrier_label_document, flag_line, import_label_file
    from printers.errors import PrinterError
    from printers.importing import split_label_file

    ctx = open_context(args)
    try:
        profile = _explicit_profile(args, ctx.settings.printers)
    except _UsageError as exc:
        return _usage(exc)
    try:
        labels = split_label_file(read_import_file(args.file), name=args.file)
    except PrinterError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    actor = actor_of(args, ctx.db)
    report = import_label_file(ctx.db, args.file, labels, actor=actor)
    if args.print and profile is None:
        from app.services.print_documents import JobKind

        profile = PrinterSettings.from_station(ctx.settings.printers).for_kind(
            JobKind.CARRIER_LABEL)
    results = []
    if profile is not None:
        for match in report.matched:
            if match.flag is not None:
                continue  # a flagged label never prints silently: `labels flagged`
            with ctx.db.reading() as s:
                document = carrier_label_document(s, match.label_id)
            results.append(print_document(ctx.db, document, profile, actor=actor,
                                          station=ctx.settings.station_name))
    failed = [r for r in results if r.error is not None]
    if args.json:
        data = report.to_json()
        if profile is not None:
            data["jobs"] = [{"id": r.job.id, "order_number": r.job.reference,
                             "status": r.job.status.value,
                             "error": r.error.message if r.error else None} for r in results]
            data["not_printed"] = [m.label_id for m in report.matched if m.flag is not None]
        print_json(data)
    else:
        for match in report.matched:
            print(f"label {match.index + 1}: order {match.order_number} ({match.reference})")
        for miss in report.unmatched:
            seen = ", ".join(miss.candidates[:5]) or "no text or barcode found"
            print(f"label {miss.index + 1}: NO MATCH (read: {seen})")
        for flag in report.flagged:
            print(f"label {flag.index + 1}: FLAGGED {flag_line(flag)}")
        print(f"{report.labels} labels: {len(report.matched)} matched, "
              f"{len(report.unmatched)} unmatched, {len(report.flagged)} flagged.")
        if report.released:
            print(f"released from the address hold: {', '.join(report.released)}")
        if report.allocation is not None:
            print(report.allocation.text())
        if profile is not None:
            for match in report.matched:
                if match.flag is not None:
                    print(f"label {match.index + 1}: NOT PRINTED, flagged; accept or discard "
                          f"label {match.label_id} first (haicang labels flagged)")
        for result in results:
            if result.error is None:
                print(f"Print job {result.job.id} ({result.job.reference}) sent.")
    if failed:
        ids = ", ".join(str(r.job.id) for r in failed)
        print(f"error: print jobs {ids} not delivered (waiting in the queue): "
              f"{failed[0].error.message if failed[0].error else ''}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


# --- registration -------------------------------------------------------------------------


def register(reg: Registrar) -> None:
    """Add `print ...` and `labels import` to the `haicang` parser."""
    add = reg.add
    group = reg.group("print", "print labels and documents (jobs are kept in a queue)")

    p = add(group, "label", cmd_print_label, "print the 4x6 shipping label of an order")
    p.add_argument("--order", required=True, metavar="NUMBER")
    p.add_argument("--client", metavar="CODE", help="needed when two clients use the number")
    _printer_options(p)
    p = add(group, "packing-slip", cmd_print_packing_slip, "print the packing slip of an order")
    p.add_argument("--order", required=True, metavar="NUMBER")
    p.add_argument("--client", metavar="CODE", help="needed when two clients use the number")
    _printer_options(p)
    p = add(group, "pick-list", cmd_print_pick_list, "print the pick list of an allocated order")
    p.add_argument("--order", required=True, metavar="NUMBER")
    p.add_argument("--client", metavar="CODE", help="needed when two clients use the number")
    _printer_options(p)
    p = add(group, "bin-labels", cmd_print_bin_labels,
            "print labels for the bins from one code to another, in code order")
    p.add_argument("--warehouse", required=True, metavar="CODE")
    p.add_argument("--from", dest="first", required=True, metavar="BIN")
    p.add_argument("--to", dest="last", required=True, metavar="BIN")
    _printer_options(p)
    p = add(group, "sku-labels", cmd_print_sku_labels, "print N labels of a SKU (FNSKU if any)")
    p.add_argument("--sku", required=True, metavar="CODE", help="SKU code or barcode")
    p.add_argument("--copies", type=_positive_int, default=1, metavar="N")
    p.add_argument("--client", metavar="CODE", help="needed when several clients use the code")
    _printer_options(p)
    p = add(group, "test", cmd_print_test, "print a test page (name, dpi and a barcode)")
    _printer_options(p)
    p = add(group, "queue", cmd_print_queue,
            "list print jobs, newest first; retry a failed job or reprint any job", True)
    action = p.add_mutually_exclusive_group()
    action.add_argument("--retry", type=_positive_int, metavar="ID",
                        help="send a queued or failed job again (same document)")
    action.add_argument("--reprint", type=_positive_int, metavar="ID",
                        help="print any job again as a new job (same document)")
    p.add_argument("--status", choices=["queued", "printing", "sent", "failed"])
    p.add_argument("--limit", type=_positive_int, default=100)
    _printer_options(p)

    labels = reg.group("labels", "carrier labels supplied by sellers")
    p = add(labels, "import", cmd_labels_import,
            "split a PDF/PNG/ZPL label file (or a ZIP of them) and match each label to its "
            "order", True)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--print", action="store_true",
                   help="also print the matched labels on this station's label printer")
    _printer_options(p)
