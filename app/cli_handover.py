"""`haicang staging ...`, `haicang pickup ...`, `haicang tracking update` and
`haicang exceptions ...`: the last steps of a parcel, from the lane to the doorstep.

``pickup close`` prints the parcels that missed the truck first (they are what the
clerk must act on), then the manifest's summary; the manifest goes to this station's
document printer, and ``--pdf FILE`` keeps a copy. ``tracking update`` is one pass of
the app's background tracking job.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli import EXIT_OK, Registrar, _positive_int, actor_of, open_context


def _write(args: argparse.Namespace, fn: Any, *fn_args: Any, **kwargs: Any) -> Any:
    from app.services.run import run_write

    ctx = open_context(args)
    return run_write(ctx.db, fn, *fn_args, actor=actor_of(args, ctx.db), **kwargs)


def _providers(db: Any) -> Any:
    """The app's provider source, with the secret store opened only when a provider is
    needed (a pickup without bought labels never touches the keyring)."""
    from app.cli_channels import _secret_store
    from app.services.label_providers import provider_source

    return lambda config: provider_source(db, _secret_store())(config)


def _parcel_json(p: Any) -> dict[str, Any]:
    return {"parcel": p.parcel, "tracking_number": p.tracking_number, "order": p.order_number,
            "service": p.service, "weight_g": p.weight_g, "lane": p.lane}


# --- staging --------------------------------------------------------------------------------


def cmd_staging_scan(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.staging import stage_parcel

    result = _write(args, stage_parcel, args.tracking, args.lane, warehouse=args.warehouse)
    if args.json:
        print_json(result)
    elif result.already:
        print(f"Parcel {result.parcel} is in lane {result.lane} ({result.carrier}) already.")
    else:
        print(f"Parcel {result.parcel} (order {result.order_number}) staged in lane "
              f"{result.lane} for {result.carrier}.")
    return EXIT_OK


def cmd_staging_lanes(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.staging import list_lanes

    with open_context(args).db.reading() as s:
        lanes = list_lanes(s, args.warehouse)
    if args.json:
        print_json(lanes)
    else:
        print_table(["WAREHOUSE", "LANE", "CARRIER", "PARCELS", "ACTIVE"],
                    [(lane.warehouse, lane.code, lane.carrier or "", lane.parcels, lane.active)
                     for lane in lanes])
    return EXIT_OK


# --- pickup ---------------------------------------------------------------------------------


def cmd_pickup_scan(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.pickups import scan_out

    result = _write(args, scan_out, args.tracking, args.carrier, warehouse=args.warehouse)
    if args.json:
        print_json(result)
        return EXIT_OK
    if result.already:
        print(f"Parcel {result.parcel} is on the {result.carrier} pickup already "
              f"({result.scanned} scanned).")
    else:
        print(f"Parcel {result.parcel} (order {result.order_number}) scanned out to "
              f"{result.carrier}: {result.scanned} on this pickup.")
    if not result.staged:
        print(f"warning: parcel {result.parcel} was never put in a staging lane",
              file=sys.stderr)
    return EXIT_OK


def cmd_pickup_unscan(args: argparse.Namespace) -> int:
    from app.services.pickups import unscan

    parcel = _write(args, unscan, args.tracking, args.carrier)
    print(f"Parcel {parcel.parcel} taken off the {args.carrier} pickup.")
    return EXIT_OK


def cmd_pickup_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.pickups import open_pickups

    with open_context(args).db.reading() as s:
        pickups = open_pickups(s, args.warehouse)
    if args.json:
        print_json([{"pickup": p.pickup_id, "carrier": p.carrier, "warehouse": p.warehouse,
                     "opened_at": p.opened_at.isoformat() if p.opened_at else None,
                     "scanned": [_parcel_json(x) for x in p.scanned],
                     "staged_count": p.staged_count,
                     "missing": [_parcel_json(x) for x in p.missing]} for p in pickups])
    else:
        print_table(["PICKUP", "CARRIER", "WAREHOUSE", "SCANNED", "STAGED", "MISSING"],
                    [(p.pickup_id, p.carrier, p.warehouse, len(p.scanned), p.staged_count,
                      len(p.missing)) for p in pickups])
    return EXIT_OK


def cmd_pickup_close(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.pickups import close_pickup, request_provider_manifests
    from app.services.print_queue import deliver
    from app.services.printer_settings import PrinterSettings
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    station = ctx.settings.station_name
    _label, printer = PrinterSettings.from_station(ctx.settings.printers).pack_printers()
    closed = run_write(ctx.db, close_pickup, args.carrier, warehouse=args.warehouse,
                       actor=actor, document_printer=printer, station=station)
    notes: list[str] = []
    if args.pdf:
        Path(args.pdf).write_bytes(closed.manifest_pdf)
    if closed.print_job is not None:
        sent = deliver(ctx.db, closed.print_job.id, actor=actor, station=station)
        if sent.error is not None:
            notes.append(f"manifest print job {closed.print_job.id} not delivered, waiting "
                         f"in the queue: {sent.error.message}")
    else:
        notes.append("no document printer is set up on this station: the manifest was not "
                     "printed (it is kept with the pickup; --pdf FILE writes it)")
    manifests = request_provider_manifests(ctx.db, closed.pickup_id, _providers(ctx.db),
                                           actor=actor)
    notes += [f"provider manifest not made: {note}" for note in manifests.notes]
    if args.json:
        print_json({
            "pickup": closed.pickup_id, "number": closed.number, "carrier": closed.carrier,
            "warehouse": closed.warehouse, "closed_at": closed.closed_at.isoformat(),
            "missing": [_parcel_json(p) for p in closed.missing],
            "scanned": [_parcel_json(p) for p in closed.scanned],
            "count": len(closed.scanned),
            "shipped_orders": list(closed.shipped_orders),
            "pushes_queued": closed.pushes_queued,
            "stopped": [{"parcel": p.parcel, "order": p.order_number, "state": p.state}
                        for p in closed.stopped],
            "print_job": closed.print_job.id if closed.print_job else None,
            "pdf": args.pdf,
            "provider_manifests": [{"account": a, "id": i, "url": u}
                                   for a, i, u in manifests.manifests],
            "notes": notes,
        })
        return EXIT_OK
    if closed.missing:
        print(f"MISSING: {len(closed.missing)} parcel(s) labelled for {closed.carrier} were "
              "packed but not scanned out:")
        for p in closed.missing:
            print(f"  {p.parcel}  order {p.order_number}  lane {p.lane or '-'}")
    for stop in closed.stopped:
        print(f"STOP: take parcel {stop.parcel} back from the driver: order "
              f"{stop.order_number} is {stop.state}.")
    print(f"Pickup {closed.number} closed: {len(closed.scanned)} parcel(s) handed to "
          f"{closed.carrier} at {closed.warehouse}; {len(closed.shipped_orders)} order(s) "
          f"shipped, {closed.pushes_queued} tracking push(es) queued.")
    for account, provider_id, url in manifests.manifests:
        print(f"{account}: carrier manifest {provider_id}" + (f" {url}" if url else ""))
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    return EXIT_OK


# --- tracking and exceptions ----------------------------------------------------------------


def cmd_tracking_update(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.tracking import update_tracking

    ctx = open_context(args)
    days = args.no_scan_days if args.no_scan_days is not None else ctx.settings.no_scan_days
    report = update_tracking(ctx.db, _providers(ctx.db), actor=actor_of(args, ctx.db),
                             no_scan_days=days)
    if args.json:
        print_json(report)
        return EXIT_OK
    print(f"{report.parcels_polled} parcel(s) polled, {report.events_recorded} new event(s); "
          f"{len(report.orders_in_transit)} order(s) in transit, "
          f"{len(report.orders_delivered)} delivered; "
          f"{len(report.exceptions_opened)} exception(s) opened.")
    if report.untracked:
        print(f"note: {report.untracked} parcel(s) have no carrier account that can track "
              "them", file=sys.stderr)
    for error in report.errors:
        print(f"warning: {error}", file=sys.stderr)
    return EXIT_OK


def cmd_exceptions_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.tracking import list_exceptions

    with open_context(args).db.reading() as s:
        rows = list_exceptions(s, open_only=not args.all)
    if args.json:
        print_json(rows)
    else:
        print_table(["ID", "KIND", "ORDER", "CLIENT", "PARCEL", "HANDED OVER", "DETECTED",
                     "RESOLVED", "DETAIL"],
                    [(e.id, e.kind, e.order_number, e.client, e.parcel,
                      f"{e.shipped_at:%Y-%m-%d}" if e.shipped_at else "",
                      f"{e.detected_at:%Y-%m-%d}", e.resolved_by or "", e.detail or "")
                     for e in rows])
    return EXIT_OK


def cmd_exceptions_resolve(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.tracking import resolve_exception

    done = _write(args, resolve_exception, args.id, note=args.note)
    if args.json:
        print_json(done)
    else:
        print(f"Exception {done.id} ({done.kind}, order {done.order_number}) resolved.")
    return EXIT_OK


# --- parser ---------------------------------------------------------------------------------


def register(reg: Registrar) -> None:
    add = reg.add
    staging = reg.group("staging", "staging lanes: packed parcels wait for their carrier")
    p = add(staging, "scan", cmd_staging_scan,
            "put a packed parcel in its carrier's staging lane", True)
    p.add_argument("tracking", metavar="TRACKING",
                   help="the parcel's tracking number (or order number, ORDER/N)")
    p.add_argument("--lane", required=True, metavar="CODE")
    p.add_argument("--warehouse", metavar="W")
    p = add(staging, "lanes", cmd_staging_lanes, "list staging lanes and their parcels", True)
    p.add_argument("--warehouse", metavar="W")

    pickup = reg.group("pickup", "carrier pickups: scan parcels out to the driver, close")
    p = add(pickup, "scan", cmd_pickup_scan, "scan a parcel out to the carrier's driver", True)
    p.add_argument("tracking", metavar="TRACKING")
    p.add_argument("--carrier", required=True, metavar="NAME")
    p.add_argument("--warehouse", metavar="W")
    p = add(pickup, "unscan", cmd_pickup_unscan, "take a parcel off the open pickup")
    p.add_argument("tracking", metavar="TRACKING")
    p.add_argument("--carrier", required=True, metavar="NAME")
    p = add(pickup, "list", cmd_pickup_list,
            "open pickups: scanned, staged and missing parcels per carrier", True)
    p.add_argument("--warehouse", metavar="W")
    p = add(pickup, "close", cmd_pickup_close,
            "close the carrier's pickup: manifest, orders shipped, missing parcels listed",
            True)
    p.add_argument("--carrier", required=True, metavar="NAME")
    p.add_argument("--warehouse", metavar="W")
    p.add_argument("--pdf", metavar="FILE", help="also write the manifest PDF here")

    tracking = reg.group("tracking", "carrier tracking of handed-over parcels")
    p = add(tracking, "update", cmd_tracking_update,
            "poll the carriers' tracking once (what the app does in the background)", True)
    p.add_argument("--no-scan-days", type=_positive_int, metavar="N",
                   help="open a no-scan exception N days after handover (default: the "
                        "station's setting, 2)")

    exceptions = reg.group("exceptions", "shipping exceptions: returned, address, no scan")
    p = add(exceptions, "list", cmd_exceptions_list, "list open shipping exceptions", True)
    p.add_argument("--all", action="store_true", help="resolved ones too")
    p = add(exceptions, "resolve", cmd_exceptions_resolve, "mark an exception dealt with", True)
    p.add_argument("id", type=_positive_int, metavar="ID")
    p.add_argument("--note", metavar="TEXT")
