"""`haicang orders presets list | show | save | delete | export | import | detect`.

Column presets map a client's own order-file layout onto the order fields; `haicang
orders import FILE --client CODE --preset NAME` reads a file with one, and without
``--preset`` the import recognises a saved preset from the file's header row. ``save``
takes the mapping as ``--map FIELD=COLUMN`` (repeated); ``--from FILE`` checks the
columns against a sample file and keeps its header row. ``export`` writes JSON (to
stdout without ``--to``) that ``import`` reads back, for this or another client.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli import EXIT_FAILED, EXIT_OK, Registrar, actor_of, open_context


def _print_preset(info: Any) -> None:
    from app.channels.order_template import TEMPLATE_COLUMNS
    from app.clioutput import print_table

    print(f"Column preset '{info.name}' of client {info.client} "
          f"(saved by {info.created_by}, {info.updated_at:%Y-%m-%d %H:%M} UTC)")
    print_table(["FIELD", "REQUIRED", "COLUMN"],
                [(c.name, "yes" if c.required else "", info.mapping[c.name])
                 for c in TEMPLATE_COLUMNS if c.name in info.mapping])


def cmd_presets_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.import_presets import list_presets

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    with ctx.db.reading() as s:
        rows = list_presets(s, args.client, actor=actor)
    if args.json:
        print_json(rows)
    else:
        print_table(["NAME", "FIELDS", "SAVED BY", "UPDATED (UTC)"],
                    [(p.name, len(p.mapping), p.created_by, p.updated_at) for p in rows])
    return EXIT_OK


def cmd_presets_show(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.import_presets import get_preset

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    with ctx.db.reading() as s:
        info = get_preset(s, args.client, args.name, actor=actor)
    if args.json:
        print_json(info)
    else:
        _print_preset(info)
    return EXIT_OK


def _mapping_of(pairs: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise argparse.ArgumentTypeError(f"--map '{pair}' is not FIELD=COLUMN")
        if field.strip() in mapping:
            raise argparse.ArgumentTypeError(f"--map names the field {field.strip()} twice")
        mapping[field.strip()] = column.strip()
    return mapping


def cmd_presets_save(args: argparse.Namespace) -> int:
    from app.channels.preset_reader import PresetColumnsMissing, check_mapping, read_layout
    from app.clioutput import print_json
    from app.services.import_presets import save_preset
    from app.services.run import run_write

    try:
        mapping = _mapping_of(args.map)
    except argparse.ArgumentTypeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    headers: tuple[str, ...] = ()
    if args.sample:
        mapping = check_mapping(args.name, mapping)
        layout = read_layout(args.sample)
        missing = [f"'{c}'" for c in mapping.values() if layout.column_of(c) is None]
        if missing:
            raise PresetColumnsMissing(path=args.sample, preset=args.name,
                                       columns=", ".join(missing))
        headers = layout.headers
    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    info = run_write(ctx.db, save_preset, args.client, args.name, mapping, headers,
                     actor=actor, replace=args.replace)
    if args.json:
        print_json(info)
    else:
        print(f"Column preset '{info.name}' saved for client {info.client} "
              f"({len(info.mapping)} fields).")
    return EXIT_OK


def cmd_presets_delete(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.import_presets import delete_preset
    from app.services.run import run_write

    ctx = open_context(args)
    run_write(ctx.db, delete_preset, args.client, args.name, actor=actor_of(args, ctx.db))
    if args.json:
        print_json({"client": args.client.upper(), "deleted": args.name})
    else:
        print(f"Column preset '{args.name}' of client {args.client.upper()} deleted.")
    return EXIT_OK


def cmd_presets_export(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.import_presets import export_presets

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    with ctx.db.reading() as s:
        document = export_presets(s, args.client, args.name or (), actor=actor)
    if not args.to:
        print_json(document)
        return EXIT_OK
    target = Path(args.to)
    if target.exists() and not args.force:
        print(f"error: {target} exists; add --force to overwrite it", file=sys.stderr)
        return EXIT_FAILED
    with target.open("w", encoding="utf-8") as out:
        print_json(document, out)
    if args.json:
        print_json({"file": str(target), "client": document["client"],
                    "presets": [p["name"] for p in document["presets"]]})
    else:
        print(f"{len(document['presets'])} column preset(s) of client {document['client']} "
              f"written to {target}")
    return EXIT_OK


def cmd_presets_import(args: argparse.Namespace) -> int:
    from app.channels.file_input import read_import_file
    from app.clioutput import print_json
    from app.services.import_presets import import_presets
    from app.services.run import run_write

    data = read_import_file(args.file)
    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    saved = run_write(ctx.db, import_presets, args.client, data, actor=actor,
                      replace=args.replace)
    if args.json:
        print_json(saved)
    else:
        names = ", ".join(p.name for p in saved) or "none"
        print(f"{len(saved)} column preset(s) saved for client {args.client.upper()}: {names}.")
    return EXIT_OK


def cmd_presets_detect(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.import_presets import recognise_preset

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    with ctx.db.reading() as s:
        info = recognise_preset(s, args.client, args.file, actor=actor)
    if args.json:
        print_json({"file": args.file, "client": args.client.upper(),
                    "preset": None if info is None else info.name})
    elif info is None:
        print(f"No column preset of client {args.client.upper()} fits {args.file}.")
    else:
        print(f"{args.file} fits the column preset '{info.name}'.")
    return EXIT_OK


def register(reg: Registrar) -> None:
    orders = reg.group("orders", "orders")
    presets = orders.add_parser(
        "presets", help="column presets: a client's own order-file layouts",
        description="Column presets map a client's own order-file columns onto the order "
                    "fields; `orders import --preset NAME` uses one.",
    ).add_subparsers(dest="presets_command", metavar="ACTION", required=True)
    add = reg.add

    def client(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--client", required=True, metavar="CODE",
                       help="the seller's client code")
        return p

    client(add(presets, "list", cmd_presets_list, "list the client's column presets", True))
    p = client(add(presets, "show", cmd_presets_show, "show a preset's columns", True))
    p.add_argument("name", metavar="NAME")
    p = client(add(presets, "save", cmd_presets_save,
                   "save a column preset: --map FIELD=COLUMN for each field", True))
    p.add_argument("name", metavar="NAME")
    p.add_argument("--map", action="append", default=[], required=True, metavar="FIELD=COLUMN",
                   help="order field (as in `haicang orders template`) = the file's column "
                        "header; repeat for each field")
    p.add_argument("--from", dest="sample", metavar="FILE",
                   help="a file of this layout: its columns are checked and its header kept")
    p.add_argument("--replace", action="store_true", help="replace a preset of this name")
    p = client(add(presets, "delete", cmd_presets_delete, "delete a column preset", True))
    p.add_argument("name", metavar="NAME")
    p = client(add(presets, "export", cmd_presets_export,
                   "write the client's presets as JSON (stdout, or --to FILE)", True))
    p.add_argument("--name", action="append", metavar="NAME",
                   help="only this preset (repeat for several)")
    p.add_argument("--to", metavar="FILE", help="write to this file instead of stdout")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p = client(add(presets, "import", cmd_presets_import,
                   "save the presets of an exported JSON file for the client", True))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--replace", action="store_true",
                   help="replace presets of the same names")
    p = client(add(presets, "detect", cmd_presets_detect,
                   "say which preset of the client fits a file", True))
    p.add_argument("file", metavar="FILE")
