"""`haicang channels add | list | map-sku | enable | disable | push` and `haicang sync`.

``sync`` runs one pass in the foreground with the same engine the app's background
scheduler uses. Secrets given with ``--set`` (each connector's ``secret_keys``) go to
the OS keyring — or, where there is none, to a file only the user can read, which
is said on stderr — never to the database.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli import EXIT_FAILED, EXIT_OK, Registrar, actor_of, open_context
from app.domain.permissions import Permission, require

PLATFORM_CHOICES = ("shopify", "amazon", "walmart", "tiktok")
COUNT_KEYS = ("fetched", "new", "updated", "cancelled", "held", "allocated", "backordered",
              "errors")


def _secret_store() -> Any:
    from app.secrets import SecretStore

    store = SecretStore()
    if store.fallback_reason:
        print(f"note: {store.fallback_reason}", file=sys.stderr)
    return store


def _key_values(pairs: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise argparse.ArgumentTypeError(f"--set expects KEY=VALUE, got {pair!r}")
        values[key.strip()] = value
    return values


def cmd_channels_add(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.channels import ChannelDraft, add_channel, new_secret_ref, split_values
    from app.services.run import run_write

    try:
        values = _key_values(args.set or [])
    except argparse.ArgumentTypeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    settings, secrets = split_values(args.platform, values)
    ref = new_secret_ref()
    store = _secret_store() if secrets else None
    if store is not None:
        store.set(ref, secrets)
    draft = ChannelDraft(
        args.platform, args.name, args.client, ref, base_url=args.base_url, settings=settings,
        interval_minutes=args.interval, safety_buffer=args.safety_buffer,
    )
    try:
        info = run_write(ctx.db, add_channel, draft, actor=actor)
    except BaseException:
        if store is not None:
            store.delete(ref)
        raise
    if args.json:
        print_json({**_channel_json(info), "secrets_saved": sorted(secrets)})
    else:
        saved = f"; secrets saved: {', '.join(sorted(secrets))}" if secrets else ""
        print(f"Store {info.name} ({info.platform}, client {info.client_code}) added{saved}.")
    return EXIT_OK


def cmd_channels_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.channels import list_channels

    with open_context(args).db.reading() as s:
        rows = list_channels(s)
    if args.json:
        print_json([_channel_json(c) for c in rows])
    else:
        print_table(
            ["NAME", "PLATFORM", "CLIENT", "ENABLED", "EVERY MIN", "LAST SYNC", "NEXT SYNC",
             "HELD", "FAILED PUSHES", "LAST ERROR"],
            [(c.name, c.platform, c.client_code, c.enabled, c.interval_minutes, c.last_sync_at,
              c.next_sync_at, c.held_orders, c.failed_pushes, c.last_error) for c in rows],
        )
    return EXIT_OK


def cmd_channels_map_sku(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.channels import channel_by_name
    from app.services.run import run_write
    from app.services.sku_mappings import list_sku_mappings, map_sku, unmapped_skus

    ctx = open_context(args)
    if (args.platform_sku is None) != (args.sku is None):
        print("error: give both --platform-sku and --sku (or neither, to list mappings)",
              file=sys.stderr)
        return EXIT_FAILED
    if args.platform_sku is not None:
        actor = actor_of(args, ctx.db)
        result = run_write(ctx.db, lambda s: map_sku(
            s, channel_by_name(s, args.channel).id, args.platform_sku, args.sku, actor=actor))
        if args.json:
            print_json({"mapping": result.mapping, "released_orders": result.released_orders})
        else:
            print(f"{result.mapping.platform_sku} -> {result.mapping.sku_code} on "
                  f"{result.mapping.channel}; {len(result.released_orders)} held orders released.")
        return EXIT_OK
    with ctx.db.reading() as s:
        channel = channel_by_name(s, args.channel)
        mappings = list_sku_mappings(s, channel.id)
        waiting = unmapped_skus(s, channel.id)
    if args.json:
        print_json({"channel": channel.name, "mappings": mappings, "unmapped": waiting})
        return EXIT_OK
    print_table(["PLATFORM SKU", "SKU", "AUTO", "LAST PUSHED QTY"],
                [(m.platform_sku, m.sku_code, m.auto, m.pushed_quantity) for m in mappings])
    if waiting:
        print("\nUnmapped platform SKUs holding orders back")
        print_table(["PLATFORM SKU", "ORDERS"], [(u.platform_sku, u.orders) for u in waiting])
    return EXIT_OK


def cmd_channels_enable(args: argparse.Namespace) -> int:
    return _set_enabled(args, True)


def cmd_channels_disable(args: argparse.Namespace) -> int:
    return _set_enabled(args, False)


def _set_enabled(args: argparse.Namespace, enabled: bool) -> int:
    from app.clioutput import print_json
    from app.services.channels import channel_by_name, set_channel_enabled
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    info = run_write(ctx.db, lambda s: set_channel_enabled(
        s, channel_by_name(s, args.name).id, enabled, actor=actor))
    if args.json:
        print_json(_channel_json(info))
    else:
        print(f"Store {info.name} {'enabled' if enabled else 'disabled'}.")
    return EXIT_OK


def cmd_channels_push(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.channel_push import process_pushes
    from app.services.channels import channel_by_name
    from app.services.push_outbox import enqueue_due_stock_pushes, enqueue_stock_pushes
    from app.services.run import run_write
    from app.services.sync_env import SyncEnvironment

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    require(actor, Permission.MANAGE_CHANNELS)  # before the stock pushes are queued

    def enqueue(s: Any) -> int | None:
        if not args.channel:
            enqueue_due_stock_pushes(s)
            return None
        channel_id = channel_by_name(s, args.channel).id
        enqueue_stock_pushes(s, channel_id, force=args.all_stock)
        return channel_id

    channel_id = run_write(ctx.db, enqueue)
    env = SyncEnvironment.create(ctx.db, secrets=_secret_store(), actor=actor)
    report = process_pushes(env, channel_id=channel_id, limit=10_000)
    if args.json:
        print_json(report)
    else:
        print(f"{report.sent} sent, {report.retry_later} to retry later, {report.failed} failed.")
        for error in report.errors:
            print(f"  {error}")
    return EXIT_OK if report.failed == 0 and report.retry_later == 0 else EXIT_FAILED


def cmd_sync(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.channels import channel_by_name, list_channels
    from app.services.sync import SyncProgress, run_sync
    from app.services.sync_env import SyncEnvironment

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    with ctx.db.reading() as s:
        if args.channel:
            targets = [channel_by_name(s, args.channel)]
        else:
            targets = [c for c in list_channels(s) if c.enabled]
    env = SyncEnvironment.create(ctx.db, secrets=_secret_store(), actor=actor)

    def show(p: SyncProgress) -> None:
        if not args.json:
            print(f"  {p.channel}: page {p.pages}, {p.fetched} orders fetched, {p.new} new, "
                  f"{p.updated} updated", file=sys.stderr, flush=True)

    reports = []
    for channel in targets:
        if not args.json:  # a store that does not answer is retried for a while: say who
            print(f"Syncing {channel.name}…", file=sys.stderr, flush=True)
        reports.append(run_sync(env, channel.id, progress=show))
    per_channel = [r.to_json() for r in reports]
    totals = {key: sum(int(r[key]) for r in per_channel) for key in COUNT_KEYS}
    if args.json:
        print_json({**totals, "channels": per_channel})
    else:
        for r in reports:
            c = r.counts
            state = f"FAILED: {r.error}" if r.failed else "ok"
            if r.request_id:
                state += f" (request id {r.request_id})"
            print(f"{r.channel}: {c.fetched} fetched, {c.new} new, {c.updated} updated, "
                  f"{c.cancelled} cancelled, {c.held} held, {c.allocated} allocated, "
                  f"{c.backordered} backordered — {state}")
        if not reports:
            print("No enabled stores to sync (add one with `haicang channels add`).")
    return EXIT_FAILED if any(r.failed for r in reports) else EXIT_OK


def _channel_json(c: Any) -> dict[str, Any]:
    from app.clioutput import plain

    data: dict[str, Any] = plain(c)
    return data


def register(reg: Registrar) -> None:
    """Add the channel and sync commands to the `haicang` parser."""
    add = reg.add
    channels = reg.group("channels", "connected marketplace stores")
    p = add(channels, "add", cmd_channels_add, "connect a store", True)
    p.add_argument("--platform", required=True, choices=PLATFORM_CHOICES)
    p.add_argument("--name", required=True, help="a name for the store (unique)")
    p.add_argument("--client", required=True, metavar="CODE", help="the seller's client code")
    p.add_argument("--base-url", metavar="URL", help="API address (sandbox or local server)")
    p.add_argument("--set", action="append", metavar="KEY=VALUE",
                   help="a connector setting or secret (repeatable); secrets go to the keyring")
    p.add_argument("--interval", type=int, default=15, metavar="MIN",
                   help="minutes between automatic syncs (default 15)")
    p.add_argument("--safety-buffer", type=int, default=0, metavar="N",
                   help="units held back from the stock pushed to the platform")
    add(channels, "list", cmd_channels_list, "list stores", True)
    p = add(channels, "map-sku", cmd_channels_map_sku,
            "map a platform SKU to a warehouse SKU (without both: list the mappings)", True)
    p.add_argument("--channel", required=True, metavar="NAME", help="the store")
    p.add_argument("--platform-sku", metavar="SKU", help="the SKU as the platform sends it")
    p.add_argument("--sku", metavar="CODE", help="the client's warehouse SKU code or barcode")
    for name, handler, text in (("enable", cmd_channels_enable, "resume syncing a store"),
                                ("disable", cmd_channels_disable, "stop syncing a store")):
        p = add(channels, name, handler, text, True)
        p.add_argument("--name", required=True, help="the store")
    p = add(channels, "push", cmd_channels_push,
            "send queued tracking numbers and due stock levels to the platforms", True)
    p.add_argument("--channel", metavar="NAME", help="only this store (queues its stock now)")
    p.add_argument("--all-stock", action="store_true",
                   help="with --channel: push every mapped SKU, changed or not")
    p = add(reg.sub, "sync", cmd_sync, "fetch new and changed orders from the stores now", True)
    p.add_argument("--channel", metavar="NAME", help="only this store (default: all enabled)")
