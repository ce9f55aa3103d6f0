"""`haicang carriers add | list | edit | enable | disable`, `haicang rates`, `haicang labels
buy | void | to-void` and `haicang shipping-rules show | set`.

Buying, voiding and quoting call the providers over HTTP, between short transactions
(never inside one): a timeout leaves the purchase's intent on record, and the next
`labels buy` for the order finds the label instead of buying it twice. Secrets given
with ``--set`` (EasyPost ``api_key``, Shippo ``api_token``) go to the OS
keyring — or, where there is none, to a file only the user can read, which is said on
stderr — never to the database.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import closing
from typing import Any

from app.cli import EXIT_FAILED, EXIT_OK, Registrar, actor_of, open_context
from app.cli_channels import _key_values, _secret_store

PROVIDER_CHOICES = ("easypost", "shippo", "tiktok", "manual")
FORMAT_CHOICES = ("PDF", "ZPL", "PNG")


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
    from app.secrets import SecretStore
    from app.services.carrier_accounts import list_carrier_accounts

    store = SecretStore()  # read only: where secrets live is said when they are saved
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


def _order_id(db: Any, number: str) -> int:
    from app.services.lookup import order_by_number

    with db.reading() as s:
        return order_by_number(s, number).id


def _providers(db: Any) -> Any:
    """Providers with their secrets (read quietly: where secrets live is said when saved)."""
    from app.secrets import SecretStore
    from app.services.label_providers import provider_source

    return provider_source(db, SecretStore())


def cmd_rates(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.label_rates import quote_order

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    with closing(_providers(ctx.db)) as providers:
        quoted = quote_order(ctx.db, _order_id(ctx.db, args.order), providers=providers,
                             actor=actor)
    parcels = [_parcel_rates_json(p) for p in quoted.parcels]
    if args.json:
        first = parcels[0] if parcels else {"rates": [], "chosen": None, "reason": None}
        print_json({"order": quoted.order_number, "rates": first["rates"],
                    "chosen": first["chosen"], "reason": first["reason"], "parcels": parcels})
        return EXIT_OK
    for p in quoted.parcels:
        print(f"Order {quoted.order_number} parcel {p.seq}: {p.weight_g} g "
              f"({'packed' if p.packed else 'expected'}), "
              f"{'x'.join(str(d) for d in p.dims_mm)} mm")
        print_table(["", "ACCOUNT", "CARRIER", "SERVICE", "COST", "DAYS", "ARRIVES", "WHY NOT"],
                    [("*" if r.chosen else "", r.account, r.carrier, r.service,
                      f"{r.cost} {r.currency}", r.delivery_days, r.arrives, r.dropped or "")
                     for r in p.rates])
        chosen = f"{p.chosen.code} {p.chosen.cost}" if p.chosen else "none"
        print(f"Chosen: {chosen} — {p.reason}")
        for account, message in p.errors:
            print(f"  {account}: {message}", file=sys.stderr)
    return EXIT_OK


def cmd_labels_buy(args: argparse.Namespace) -> int:
    from app.carriers.base import LabelFormat
    from app.clioutput import print_json
    from app.services.label_purchase import ManualEntry, buy_labels

    if (args.tracking is None) != (args.carrier is None):
        print("error: a manual label needs both --tracking and --carrier", file=sys.stderr)
        return EXIT_FAILED
    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    manual = (ManualEntry(args.tracking, args.carrier, args.service or "")
              if args.tracking is not None else None)
    with closing(_providers(ctx.db)) as providers:
        bought = buy_labels(ctx.db, _order_id(ctx.db, args.order), providers=providers,
                            actor=actor, service=None if manual else args.service,
                            manual=manual, label_format=LabelFormat(args.format),
                            replace=args.replace)
    if args.json:
        print_json([_purchase_json(p) for p in bought])
        return EXIT_OK
    for p in bought:
        parcel = f" parcel {p.parcel_seq}" if p.parcel_seq else ""
        print(f"Label for order {p.order_number}{parcel}: {p.carrier} {p.service} "
              f"{p.tracking_number}, {p.cost} {p.currency} — {p.reason}")
    return EXIT_OK


def cmd_labels_void(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.label_void import void_labels

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    with closing(_providers(ctx.db)) as providers:
        voided = void_labels(ctx.db, _order_id(ctx.db, args.order), providers=providers,
                             actor=actor)
    if args.json:
        print_json([_purchase_json(p) for p in voided])
        return EXIT_OK
    for p in voided:
        state = "voided" if p.status == "voided" else f"NOT voided ({p.void_status})"
        print(f"Label {p.tracking_number} of order {p.order_number} {state}; refund "
              f"{p.void_status}.")
    return EXIT_OK if all(p.status == "voided" for p in voided) else EXIT_FAILED


def cmd_labels_to_void(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.label_void import labels_to_void

    with open_context(args).db.reading() as s:
        rows = labels_to_void(s, args.date)
    if args.json:
        print_json([{"order": r.order_number, "order_status": r.order_status,
                     "reference": r.reference, "tracking_number": r.tracking_number,
                     "carrier": r.carrier, "service": r.service, "cost": r.cost,
                     "bought_at": r.bought_at, "why": r.why} for r in rows])
        return EXIT_OK
    print_table(["ORDER", "STATUS", "TRACKING", "CARRIER", "SERVICE", "COST", "BOUGHT", "WHY"],
                [(r.order_number, r.order_status, r.tracking_number, r.carrier, r.service,
                  r.cost, r.bought_at, r.why) for r in rows])
    return EXIT_OK


def cmd_shipping_rules_show(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.shipping_rules import get_shipping_rules

    with open_context(args).db.reading() as s:
        info = get_shipping_rules(s, args.client)
    if args.json:
        print_json(_rules_json(info))
    else:
        _print_rules(info)
    return EXIT_OK


def cmd_shipping_rules_set(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.run import run_write
    from app.services.shipping_rules import (
        ShippingRulesDraft,
        get_shipping_rules,
        set_shipping_rules,
    )

    overrides: dict[str, str] = {}
    for pair in args.override or []:
        level, sep, code = pair.partition("=")
        if not sep:
            print(f"error: --override expects LEVEL=CARRIER/SERVICE, got {pair!r}",
                  file=sys.stderr)
            return EXIT_FAILED
        overrides[level] = code
    ctx = open_context(args)
    actor = actor_of(args, ctx.db)

    def change(s: Any) -> Any:
        now = get_shipping_rules(s, args.client)
        allowed = () if args.clear_allowed else now.allowed
        allowed += tuple(c for a in args.allow or [] for c in a.split(","))
        draft = ShippingRulesDraft(
            args.strategy or now.strategy,
            now.max_cost if args.max_cost is None else (args.max_cost or None),
            now.insure_above if args.insure_above is None else (args.insure_above or None),
            allowed, {**({} if args.clear_overrides else now.overrides), **overrides})
        return set_shipping_rules(s, args.client, draft, actor=actor)

    info = run_write(ctx.db, change)
    if args.json:
        print_json(_rules_json(info))
    else:
        _print_rules(info)
    return EXIT_OK


def _print_rules(info: Any) -> None:
    state = "" if info.configured else " (no rules set: the warehouse does not buy its labels)"
    print(f"Client {info.client_code}{state}")
    print(f"  strategy      {info.strategy}")
    print(f"  max cost      {info.max_cost if info.max_cost is not None else '-'}")
    print(f"  insure above  {info.insure_above if info.insure_above is not None else '-'}")
    print(f"  allowed       {', '.join(info.allowed) or 'all carriers'}")
    for level, code in sorted(info.overrides.items()):
        print(f"  override      {level} -> {code}")


def _rules_json(info: Any) -> dict[str, Any]:
    from app.clioutput import plain

    data: dict[str, Any] = plain(info)
    data["client"] = data.pop("client_code")
    return data


def _purchase_json(p: Any) -> dict[str, Any]:
    from app.clioutput import plain

    data: dict[str, Any] = plain(p)
    data["order"] = data.pop("order_number")
    for key in ("provider_shipment_id", "provider_label_id", "account_id"):
        data.pop(key, None)
    return data


def _parcel_rates_json(p: Any) -> dict[str, Any]:
    from app.clioutput import plain

    def rate(r: Any) -> dict[str, Any]:
        return {"account": r.account, "carrier": r.carrier, "service": r.service,
                "code": r.code, "cost": plain(r.cost), "currency": r.currency,
                "delivery_days": r.delivery_days, "arrives": plain(r.arrives),
                "chosen": r.chosen, "dropped": r.dropped}

    return {"seq": p.seq, "packed": p.packed, "weight_g": p.weight_g,
            "dims_mm": list(p.dims_mm), "rates": [rate(r) for r in p.rates],
            "chosen": rate(p.chosen) if p.chosen else None, "reason": p.reason,
            "insure_amount": plain(p.insure_amount),
            "errors": [{"account": a, "message": m} for a, m in p.errors]}


def _date(text: str) -> Any:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


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

    p = add(reg.sub, "rates", cmd_rates,
            "quote an order's label: every rate, the one the client's rules choose, and why",
            True)
    p.add_argument("--order", required=True, metavar="NUMBER")
    labels = reg.group("labels", "carrier labels supplied by sellers")
    p = add(labels, "buy", cmd_labels_buy,
            "buy the order's label through its carrier account (never twice)", True)
    p.add_argument("--order", required=True, metavar="NUMBER")
    p.add_argument("--service", metavar="CODE",
                   help="a quoted rate's SERVICE or CARRIER/SERVICE instead of the rules' "
                        "choice (with --tracking: the service of the manual label)")
    p.add_argument("--tracking", metavar="NUMBER",
                   help="a label that exists already (manual account): its tracking number")
    p.add_argument("--carrier", metavar="NAME", help="with --tracking: its carrier")
    p.add_argument("--format", choices=FORMAT_CHOICES, default="PDF",
                   help="label file format (default PDF, 4x6)")
    p.add_argument("--replace", action="store_true",
                   help="buy again although a label was bought (the old one is to be voided)")
    p = add(labels, "void", cmd_labels_void, "void the order's bought labels (refund)", True)
    p.add_argument("--order", required=True, metavar="NUMBER")
    p = add(labels, "to-void", cmd_labels_to_void,
            "bought labels to void: cancelled or held orders, superseded by a rebuy", True)
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="bought that day (UTC)")
    rules = reg.group("shipping-rules", "a client's rate-shopping rules")
    p = add(rules, "show", cmd_shipping_rules_show, "show a client's shipping rules", True)
    p.add_argument("--client", required=True, metavar="CODE")
    p = add(rules, "set", cmd_shipping_rules_set,
            "set a client's shipping rules (only the options given change)", True)
    p.add_argument("--client", required=True, metavar="CODE")
    p.add_argument("--strategy", choices=("cheapest_on_time", "fastest_under"))
    p.add_argument("--max-cost", metavar="USD", help="fastest_under's price limit ('' clears)")
    p.add_argument("--insure-above", metavar="USD",
                   help="insure parcels declared above this value ('' clears)")
    p.add_argument("--allow", action="append", metavar="CARRIER[/SERVICE]",
                   help="an allowed carrier or service (repeatable; default: all)")
    p.add_argument("--clear-allowed", action="store_true", help="allow every carrier again")
    p.add_argument("--override", action="append", metavar="LEVEL=CARRIER/SERVICE",
                   help="ship a platform service level with this service (repeatable)")
    p.add_argument("--clear-overrides", action="store_true")
