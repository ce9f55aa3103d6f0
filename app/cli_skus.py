"""`haicang skus template | import | add | edit | disable | enable | list | show`.

Options name the unit they take (``--weight-g``, ``--length-mm``); converting from
pounds or inches is the import's job (``weight_lb``, ``length_in`` columns) and the
GUI's. ``--barcode`` may be repeated or hold several codes separated by ``;``; on
``edit`` it replaces the SKU's barcodes. ``--no-prepacked`` and the like clear a flag.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from app.cli import EXIT_FAILED, EXIT_OK, Registrar, actor_of, open_context


def _edit_of(args: argparse.Namespace) -> Any:
    """The options given, as the service's SkuEdit (None: not given)."""
    from app.services.skus import SkuEdit, split_barcodes

    return SkuEdit(
        name_en=args.name,
        name_zh=args.name_zh,
        barcodes=split_barcodes(args.barcode) if args.barcode is not None else None,
        weight_g=args.weight_g,
        length_mm=args.length_mm,
        width_mm=args.width_mm,
        height_mm=args.height_mm,
        prepacked=args.prepacked,
        lot_tracked=args.lot_tracked,
        hazmat=args.hazmat,
        declared_value=args.declared_value,
        hs_code=args.hs_code,
        expiry_window_days=args.expiry_window_days,
    )


def cmd_skus_add(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.run import run_write
    from app.services.skus import SkuDraft, create_sku

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    draft = _edit_of(args).applied_to(SkuDraft(args.code, ""))
    info = run_write(ctx.db, create_sku, args.client, draft, actor=actor)
    if args.json:
        print_json(info)
    else:
        print(f"SKU {info.code} added for client {info.client_code}.")
    return EXIT_OK


def cmd_skus_edit(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.run import run_write
    from app.services.skus import edit_sku

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    info = run_write(ctx.db, edit_sku, args.client, args.code, _edit_of(args), actor=actor)
    if args.json:
        print_json(info)
    else:
        print(f"SKU {info.code} of client {info.client_code} saved.")
    return EXIT_OK


def _set_active(args: argparse.Namespace, active: bool) -> int:
    from app.clioutput import print_json
    from app.services.run import run_write
    from app.services.skus import disable_sku, enable_sku

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    info = run_write(ctx.db, enable_sku if active else disable_sku, args.client, args.code,
                     actor=actor)
    if args.json:
        print_json(info)
    else:
        print(f"SKU {info.code} of client {info.client_code} "
              f"{'enabled' if active else 'disabled'}.")
    return EXIT_OK


def cmd_skus_disable(args: argparse.Namespace) -> int:
    return _set_active(args, False)


def cmd_skus_enable(args: argparse.Namespace) -> int:
    return _set_active(args, True)


def cmd_skus_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.skus import list_skus

    with open_context(args).db.reading() as s:
        rows = list_skus(s, args.client)
    if args.json:
        print_json(rows)
    else:
        print_table(
            ["CLIENT", "SKU", "NAME", "中文名", "BARCODES", "WEIGHT G", "PRE-PACKED", "ACTIVE"],
            [(k.client_code, k.code, k.name_en, k.name_zh, ";".join(k.barcodes), k.weight_g,
              k.prepacked, k.active) for k in rows],
        )
    return EXIT_OK


def cmd_skus_show(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.skus import get_sku

    with open_context(args).db.reading() as s:
        k = get_sku(s, args.client, args.code)
    if args.json:
        print_json(k)
        return EXIT_OK
    value = f"{k.declared_value} {k.currency}" if k.declared_value is not None else "-"
    for label, text in (
        ("SKU", f"{k.code}  client {k.client_code}{'' if k.active else '  (disabled)'}"),
        ("name", k.name_en),
        ("name (zh)", k.name_zh or "-"),
        ("barcodes", "; ".join(k.barcodes) or "-"),
        ("weight", f"{k.weight_g} g"),
        ("size", f"{k.length_mm} x {k.width_mm} x {k.height_mm} mm"),
        ("prepacked", "yes" if k.prepacked else "no"),
        ("lot tracked", "yes" if k.lot_tracked else "no"),
        ("expiry window", f"{k.expiry_window_days} days"),
        ("hazmat", "yes" if k.hazmat else "no"),
        ("declared", value),
        ("HS code", k.hs_code or "-"),
    ):
        print(f"{label:<12}{text}")
    return EXIT_OK


def cmd_skus_template(args: argparse.Namespace) -> int:
    from app.channels.sku_template import write_sku_template

    path = Path(args.file)
    if path.exists() and not args.force:
        print(f"error: {path} exists; add --force to overwrite it", file=sys.stderr)
        return EXIT_FAILED
    write_sku_template(path, chinese=args.chinese)
    print(f"Template written to {path}")
    return EXIT_OK


def cmd_skus_import(args: argparse.Namespace) -> int:
    """Problems and the summary go to stdout, also for a rejected file; the one
    ``error:`` line to stderr."""
    from app.services.run import run_write
    from app.services.sku_import import SkuImportRejected, import_skus

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    try:
        report = run_write(ctx.db, import_skus, args.client, Path(args.file), actor=actor,
                           valid_only=args.valid_only)
    except SkuImportRejected as exc:
        _print_report(exc.report, args.json)
        print(f"error: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    _print_report(report, args.json)
    return EXIT_OK


def _print_report(report: Any, as_json: bool) -> None:
    from app.clioutput import print_json

    if as_json:
        print_json(report.to_json())
        return
    for w in report.warnings:
        print(f"warning: {w.message}")
    for p in report.problems:
        print(f"line {p.line}: sku {p.sku or '-'}: {p.column or '-'}: {p.reason}")
    print(f"{report.rows} rows: {len(report.created)} created, {len(report.updated)} updated, "
          f"{len(report.unchanged)} unchanged, {report.bad_lines} rejected.")


def _amount(text: str) -> str:
    """``--declared-value``: a number is checked here, its range and cents by the service."""
    try:
        Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"'{text}' is not an amount such as 12.50") from None
    return text


def _sku_options(p: argparse.ArgumentParser, *, adding: bool) -> None:
    p.add_argument("code", metavar="CODE", help="the SKU code")
    p.add_argument("--client", required=True, metavar="CODE", help="the seller's client code")
    p.add_argument("--name", required=adding, metavar="N", help="product name (English)")
    p.add_argument("--name-zh", metavar="N", help="product name in Chinese")
    p.add_argument("--barcode", action="append", metavar="B",
                   help="a barcode (UPC, EAN, FNSKU, own); repeatable or 'A;B'"
                        + ("" if adding else "; replaces the SKU's barcodes"))
    p.add_argument("--weight-g", type=int, metavar="G", help="weight in grams")
    p.add_argument("--length-mm", type=int, metavar="L", help="length in mm")
    p.add_argument("--width-mm", type=int, metavar="W", help="width in mm")
    p.add_argument("--height-mm", type=int, metavar="H", help="height in mm")
    flag = argparse.BooleanOptionalAction
    p.add_argument("--prepacked", action=flag, help="ships in its own packaging")
    p.add_argument("--lot-tracked", action=flag, help="stock is kept by lot")
    p.add_argument("--expiry-window-days", type=int, metavar="N",
                   help="lot-tracked: never ship stock expiring within N days")
    p.add_argument("--hazmat", action=flag, help="dangerous goods")
    p.add_argument("--declared-value", type=_amount, metavar="V",
                   help="customs value per unit in the client's currency (2 decimals)")
    p.add_argument("--hs-code", metavar="C", help="HS/HTS code, 6 to 10 digits")


def register(reg: Registrar) -> None:
    """Add the SKU commands to the `haicang` parser."""
    add = reg.add
    skus = reg.group("skus", "SKUs (a client's products)")
    p = add(skus, "template", cmd_skus_template, "write the SKU file template")
    p.add_argument("file", metavar="FILE", help="file to write (.csv or .xlsx)")
    p.add_argument("--chinese", action="store_true", help="Chinese headers (中文表头)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p = add(skus, "import", cmd_skus_import,
            "add and update SKUs from a CSV or XLSX file", True)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--client", required=True, metavar="CODE", help="the seller's client code")
    p.add_argument("--valid-only", action="store_true",
                   help="import the good rows and report the rest")
    _sku_options(add(skus, "add", cmd_skus_add, "add a SKU", True), adding=True)
    _sku_options(add(skus, "edit", cmd_skus_edit, "change a SKU (only the options given)",
                     True), adding=False)
    for name, handler, text in (("disable", cmd_skus_disable, "disable a SKU"),
                                ("enable", cmd_skus_enable, "enable a disabled SKU")):
        p = add(skus, name, handler, text, True)
        p.add_argument("code", metavar="CODE")
        p.add_argument("--client", required=True, metavar="CODE")
    p = add(skus, "list", cmd_skus_list, "list SKUs", True)
    p.add_argument("--client", metavar="CODE")
    p = add(skus, "show", cmd_skus_show, "show one SKU (by code or barcode)", True)
    p.add_argument("code", metavar="CODE")
    p.add_argument("--client", required=True, metavar="CODE")
