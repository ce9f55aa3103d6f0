"""`haicang carriers add | list | edit | enable | disable`.

Secrets given with ``--set`` (EasyPost ``api_key``, Shippo ``api_token``) go to the OS
keyring — or, where there is none, to a file only the user can read, which is said on
stderr — never to the database.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli import EXIT_FAILED, EXIT_OK, Registrar, actor_of, open_context
from app.cli_channels import _key_values, _secret_store

PROVIDER_CHOICES = ("easypost", "shippo", "tiktok", "manual")


def cmd_carriers_add(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.carrier_accounts import (
        CarrierAccountDraft,
        add_carrier_account,
        new_secret_ref,
        split_values,
    )
    from app.services.run import run_write

    try:
        values = _key_values(args.set or [])
    except argparse.ArgumentTypeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    settings, secrets = split_values(args.provider, values)
    ref = new_secret_ref()
    store = _secret_store() if secrets else None
    if store is not None:
        store.set(ref, secrets)
    draft = CarrierAccountDraft(args.provider, args.name, ref, base_url=args.base_url,
                                mode=args.mode, settings=settings)
    try:
        info = run_write(ctx.db, add_carrier_account, draft, actor=actor)
    except BaseException:
        if store is not None:
            store.delete(ref)
        raise
    if args.json:
        print_json({**_account_json(info), "secret_saved": bool(secrets),
                    "secrets_saved": sorted(secrets)})
    else:
        saved = f"; secrets saved: {', '.join(sorted(secrets))}" if secrets else ""
        print(f"Carrier account {info.name} ({info.provider}, {info.mode}) added{saved}.")
    return EXIT_OK


def cmd_carriers_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.carrier_accounts import list_carrier_accounts

    store = _secret_store()
    with open_context(args).db.reading() as s:
        rows = list_carrier_accounts(s, store)
    if args.json:
        print_json([_account_json(a) for a in rows])
    else:
        print_table(["NAME", "PROVIDER", "MODE", "ENABLED", "SECRET SAVED", "BASE URL",
                     "SETTINGS"],
                    [(a.name, a.provider, a.mode, a.enabled, a.secret_saved, a.base_url or "-",
                      ", ".join(f"{k}={v}" for k, v in sorted(a.settings.items())) or "-")
                     for a in rows])
    return EXIT_OK


def cmd_carriers_edit(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.carrier_accounts import (
        CarrierAccountEdit,
        carrier_account_by_name,
        split_values,
        update_carrier_account,
    )
    from app.services.run import run_write

    try:
        values = _key_values(args.set or [])
    except argparse.ArgumentTypeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    with ctx.db.reading() as s:
        current = carrier_account_by_name(s, args.name)
    settings, secrets = split_values(current.provider, values)
    edit = CarrierAccountEdit(
        name=args.new_name, base_url=args.base_url, mode=args.mode,
        settings={**current.settings, **settings} if settings else None)
    info = run_write(ctx.db, lambda s: update_carrier_account(s, current.id, edit, actor=actor))
    if secrets:  # only once the account (and the user's right to change it) is confirmed
        _secret_store().update(info.secret_ref, secrets)
    if args.json:
        print_json({**_account_json(info), "secrets_saved": sorted(secrets)})
    else:
        print(f"Carrier account {info.name} changed.")
    return EXIT_OK


def _set_enabled(args: argparse.Namespace, enabled: bool) -> int:
    from app.clioutput import print_json
    from app.services.carrier_accounts import carrier_account_by_name, set_carrier_account_enabled
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    info = run_write(ctx.db, lambda s: set_carrier_account_enabled(
        s, carrier_account_by_name(s, args.name).id, enabled, actor=actor))
    if args.json:
        print_json(_account_json(info))
    else:
        print(f"Carrier account {info.name} {'enabled' if enabled else 'disabled'}.")
    return EXIT_OK


def cmd_carriers_enable(args: argparse.Namespace) -> int:
    return _set_enabled(args, True)


def cmd_carriers_disable(args: argparse.Namespace) -> int:
    return _set_enabled(args, False)


def _account_json(a: Any) -> dict[str, Any]:
    """An account for ``--json``: everything but the keyring entry's key."""
    return {"id": a.id, "name": a.name, "provider": a.provider, "base_url": a.base_url,
            "mode": a.mode, "enabled": a.enabled, "settings": dict(a.settings),
            "secret_saved": a.secret_saved}


def register(reg: Registrar) -> None:
    """Add the carrier account commands to the `haicang` parser."""
    add = reg.add
    carriers = reg.group("carriers", "carrier accounts that labels are bought through")
    p = add(carriers, "add", cmd_carriers_add, "add a carrier account", True)
    p.add_argument("--provider", required=True, choices=PROVIDER_CHOICES)
    p.add_argument("--name", required=True, help="a name for the account (unique)")
    p.add_argument("--base-url", metavar="URL", help="API address (sandbox or local server)")
    p.add_argument("--mode", choices=("test", "production"), default="test",
                   help="test (default) or production")
    p.add_argument("--set", action="append", metavar="KEY=VALUE",
                   help="a provider setting or secret (repeatable; EasyPost api_key, Shippo "
                        "api_token); secrets go to the keyring")
    add(carriers, "list", cmd_carriers_list, "list carrier accounts", True)
    p = add(carriers, "edit", cmd_carriers_edit, "change a carrier account", True)
    p.add_argument("--name", required=True, help="the account")
    p.add_argument("--new-name", metavar="NAME")
    p.add_argument("--base-url", metavar="URL")
    p.add_argument("--mode", choices=("test", "production"))
    p.add_argument("--set", action="append", metavar="KEY=VALUE",
                   help="a setting or secret to change (repeatable)")
    for name, handler, text in (("enable", cmd_carriers_enable, "buy labels through an account"),
                                ("disable", cmd_carriers_disable,
                                 "stop buying labels through an account")):
        p = add(carriers, name, handler, text, True)
        p.add_argument("--name", required=True, help="the account")
