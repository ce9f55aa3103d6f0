"""3PL billing from the command line: rate cards, the daily accrual, ad-hoc charges, invoices.

``haicang billing accrue --date D`` charges one day (``--to D2``: every day up to D2, in
one run and one transaction; ``--due``: every ended day since the last one charged, for
a scheduled task); ``billing charge`` adds an ad-hoc or value-added-service line;
``invoices draft|issue|show|credit|list --client CODE --month YYYY-MM``; ``ratecards
show|set|copy|templates``. All of it needs the billing permission (administrators).
"""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from app.cli import EXIT_OK, Registrar, actor_of, open_context
from app.cli_inbound import _day
from app.domain.errors import InvalidValue


def _money(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"'{text}' is not an amount") from None


def cmd_billing_accrue(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.billing_accrual import accrue, accrue_due, last_accrued_day
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    if args.due:
        if args.to:
            raise InvalidValue(field="--to", problem="goes with --date, not --due")
        due = run_write(ctx.db, accrue_due, today=datetime.now(UTC).date(), actor=actor)
        if due is None:
            with ctx.db.reading() as s:
                last = last_accrued_day(s)
            if args.json:
                print_json({"date": None, "to": None, "charges": 0, "amount": "0.00",
                            "snapshots": 0, "clients": {}})
            else:
                print(f"Nothing due: every day up to {last} is charged.")
            return EXIT_OK
        r = due
    else:
        r = run_write(ctx.db, accrue, args.date, actor=actor, through=args.to)
    if args.json:
        print_json(r.as_json())
        return EXIT_OK
    days = f"{r.day} to {r.through}" if r.through and r.through != r.day else f"{r.day}"
    print(f"{days}: {r.charges} new line(s), {r.amount} in all; "
          f"{r.snapshots} lot-day(s) of storage charged.")
    for client, entry in sorted(r.per_client.items()):
        print(f"  {client}: {entry['charges']} line(s), {entry['amount']}")
    return EXIT_OK


def cmd_billing_charge(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.billing_accrual import add_charge
    from app.services.run import run_write

    ctx = open_context(args)
    actor = actor_of(args, ctx.db)
    charge = run_write(ctx.db, add_charge, args.client, args.kind, args.qty, args.price,
                       args.note, day=args.date or date.today(), actor=actor)
    if args.json:
        print_json({"client": args.client, "kind": charge.kind, "quantity": str(charge.quantity),
                    "unit_price": str(charge.unit_price), "amount": str(charge.amount),
                    "note": charge.note, "accrual_key": charge.key})
        return EXIT_OK
    print(f"Charged {args.client} {charge.amount} ({charge.kind}: {charge.quantity} x "
          f"{charge.unit_price}) — {charge.note}")
    return EXIT_OK


def _print_invoice(args: argparse.Namespace, info: Any, *, lines: bool) -> None:
    from app.clioutput import print_json, print_table

    if getattr(args, "json", False):
        print_json(info.as_json(lines=lines))
        return
    print(f"{info.number} ({info.status}) {info.client} {info.month} {info.currency}: "
          f"charges {info.subtotal} + minimum top-up {info.minimum_topup} - credits "
          f"{info.credits} = total {info.total}")
    print_table(["kind", "sources", "amount"], [[k, n, a] for k, n, a in info.by_kind()])
    if lines:
        print_table(["date", "kind", "description", "qty", "price", "amount", "sources"],
                    [[ln.day, ln.kind, ln.description, ln.quantity, ln.unit_price, ln.amount,
                      f"{ln.sources} {ln.source_type}"] for ln in info.lines])
        for c in info.credit_lines:
            print(f"credit for {c.corrects}: -{c.amount} ({c.reason})")
    print(f"Rounding: {info.rounding_rule}")


def cmd_invoices_draft(args: argparse.Namespace) -> int:
    from app.services.invoices import draft_invoice
    from app.services.run import run_write

    ctx = open_context(args)
    info = run_write(ctx.db, draft_invoice, args.client, args.month,
                     actor=actor_of(args, ctx.db))
    _print_invoice(args, info, lines=False)
    return EXIT_OK


def cmd_invoices_issue(args: argparse.Namespace) -> int:
    from app.services.invoices import issue_invoice
    from app.services.run import run_write

    ctx = open_context(args)
    info = run_write(ctx.db, issue_invoice, args.client, args.month,
                     actor=actor_of(args, ctx.db))
    _print_invoice(args, info, lines=False)
    return EXIT_OK


def cmd_invoices_show(args: argparse.Namespace) -> int:
    from app.services.invoice_documents import (
        write_invoice_csv,
        write_invoice_pdf,
        write_invoice_xlsx,
    )
    from app.services.invoices import show_invoice

    ctx = open_context(args)
    with ctx.db.reading() as s:
        # The sources are read only for the audit files (a busy month has 400,000).
        info = show_invoice(s, args.client, args.month, sources=bool(args.csv or args.xlsx))
    written = []
    for path, write in ((args.pdf, write_invoice_pdf), (args.csv, write_invoice_csv),
                        (args.xlsx, write_invoice_xlsx)):
        if path:
            written.append(str(write(info, Path(path))))
    _print_invoice(args, info, lines=not written or args.json)
    if written and not args.json:
        print("Wrote " + ", ".join(written))
    return EXIT_OK


def cmd_invoices_credit(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.services.invoices import credit_invoice
    from app.services.run import run_write

    ctx = open_context(args)
    credit = run_write(ctx.db, credit_invoice, args.client, args.month, args.amount,
                       args.reason, actor=actor_of(args, ctx.db))
    if args.json:
        print_json({"corrects": credit.corrects, "amount": str(credit.amount),
                    "reason": credit.reason})
        return EXIT_OK
    print(f"Credit of {credit.amount} for {credit.corrects}; the next draft subtracts it.")
    return EXIT_OK


def cmd_invoices_list(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.invoices import list_invoices

    ctx = open_context(args)
    with ctx.db.reading() as s:
        rows = list_invoices(s, args.client)
    if args.json:
        print_json([r.as_json(lines=False) for r in rows])
        return EXIT_OK
    print_table(["number", "client", "month", "status", "subtotal", "minimum", "credits",
                 "total"],
                [[r.number, r.client, r.month, r.status, r.subtotal, r.minimum_topup,
                  r.credits, r.total] for r in rows])
    return EXIT_OK


def _print_card(args: argparse.Namespace, card: Any) -> None:
    from app.clioutput import print_json, print_table

    if getattr(args, "json", False):
        print_json(card.as_json())
        return
    print(f"{card.client or card.name}: {card.currency}, storage per {card.storage_unit} per "
          f"day, dim divisor {card.dim_divisor}, monthly minimum {card.monthly_minimum}")
    print_table(["kind", "tiers", "price", "minimum"],
                [[i.kind, i.as_json()["tiers"], i.price, "" if i.minimum is None else i.minimum]
                 for i in card.items])


def cmd_ratecards_show(args: argparse.Namespace) -> int:
    from app.services.rate_cards import rate_card_for

    ctx = open_context(args)
    with ctx.db.reading() as s:
        card = rate_card_for(s, args.client)
    _print_card(args, card)
    return EXIT_OK


def cmd_ratecards_set(args: argparse.Namespace) -> int:
    from app.services.rate_cards import read_card_file, set_rate_card
    from app.services.run import run_write

    settings, items = read_card_file(Path(args.file))
    ctx = open_context(args)
    card = run_write(ctx.db, set_rate_card, args.client, settings, items,
                     actor=actor_of(args, ctx.db))
    _print_card(args, card)
    return EXIT_OK


def cmd_ratecards_copy(args: argparse.Namespace) -> int:
    from app.services.rate_cards import copy_rate_card
    from app.services.run import run_write

    ctx = open_context(args)
    card = run_write(ctx.db, copy_rate_card, args.client, from_client=args.from_client,
                     template=args.template, actor=actor_of(args, ctx.db))
    _print_card(args, card)
    return EXIT_OK


def cmd_ratecards_templates(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.services.rate_cards import list_templates
    from app.services.run import run_write

    ctx = open_context(args)
    cards = run_write(ctx.db, list_templates)
    if args.json:
        print_json([c.as_json() for c in cards])
        return EXIT_OK
    print_table(["template", "currency", "storage unit", "items"],
                [[c.name.removeprefix("template:"), c.currency, c.storage_unit, len(c.items)]
                 for c in cards])
    return EXIT_OK


def register(reg: Registrar) -> None:
    billing = reg.group("billing", "3PL billing: daily accrual and ad-hoc charges")
    p = reg.add(billing, "accrue", cmd_billing_accrue,
                "charge one day's receiving, shipments, labels, returns and storage", True)
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--date", type=_day, metavar="D")
    when.add_argument("--due", action="store_true",
                      help="every ended day since the last one charged (a nightly task)")
    p.add_argument("--to", type=_day, metavar="D2",
                   help="every day from D up to D2, in one run (catching up a month)")
    p = reg.add(billing, "charge", cmd_billing_charge,
                "add an ad-hoc or value-added-service charge with a note", True)
    p.add_argument("--client", required=True, metavar="CODE")
    p.add_argument("--kind", required=True, metavar="KIND",
                   help="adhoc, vas_labelling, vas_bagging, vas_kitting, ...")
    p.add_argument("--qty", type=_money, required=True, metavar="N")
    p.add_argument("--price", type=_money, required=True, metavar="P")
    p.add_argument("--note", required=True)
    p.add_argument("--date", type=_day, metavar="D", help="charge date (default today)")

    invoices = reg.group("invoices", "monthly 3PL invoices per client")
    for name, handler, text, flag in (
            ("draft", cmd_invoices_draft, "create or recompute a month's draft", True),
            ("issue", cmd_invoices_issue, "issue (lock) a month's invoice", True),
            ("show", cmd_invoices_show, "an invoice line by line; --pdf/--csv/--xlsx write it",
             True),
            ("credit", cmd_invoices_credit,
             "a credit against an issued month, taken off the next draft", True)):
        p = reg.add(invoices, name, handler, text, flag)
        p.add_argument("--client", required=True, metavar="CODE")
        p.add_argument("--month", required=True, metavar="YYYY-MM")
        if name == "show":
            p.add_argument("--pdf", metavar="FILE")
            p.add_argument("--csv", metavar="FILE")
            p.add_argument("--xlsx", metavar="FILE")
        if name == "credit":
            p.add_argument("--amount", type=_money, required=True)
            p.add_argument("--reason", required=True)
    p = reg.add(invoices, "list", cmd_invoices_list, "invoices, newest month first", True)
    p.add_argument("--client", metavar="CODE")

    cards = reg.group("ratecards", "3PL rate cards per client and templates")
    p = reg.add(cards, "show", cmd_ratecards_show, "a client's rate card", True)
    p.add_argument("--client", required=True, metavar="CODE")
    p = reg.add(cards, "set", cmd_ratecards_set,
                "replace a client's card from a JSON or CSV file (all or nothing)", True)
    p.add_argument("--client", required=True, metavar="CODE")
    p.add_argument("--file", required=True, metavar="FILE")
    p = reg.add(cards, "copy", cmd_ratecards_copy,
                "give a client a copy of another client's card or a template", True)
    p.add_argument("--client", required=True, metavar="CODE")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--from-client", metavar="CODE")
    source.add_argument("--template", metavar="NAME", help="default: standard")
    reg.add(cards, "templates", cmd_ratecards_templates, "the template cards", True)
