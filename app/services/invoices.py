"""Monthly invoices per client: draft (recomputed freely) -> issued (locked).

A draft collects the client's charges not on any invoice dated up to the month's end
(late charges of an issued month land on the next draft) and the credits not applied
yet; redrafting first releases what the draft held, so it always shows the current
state. Issuing redrafts and locks in one transaction: the number is
``INV-YYYYMM-CLIENT``, and an issued month is never recomputed — a correction is an
:class:`InvoiceCredit` that the next draft subtracts.

Totals reconcile by construction and are checked before anything is stored:
total = Σ charges + monthly-minimum top-up − credits (:func:`check_totals`). A charge
is an invoice line (a kind at one tier on one day) whose sources — the orders, moves,
receipts, returns and lot-days it sums — come with the invoice for the audit files
(:mod:`app.services.billing_detail`); they add up to their line exactly.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Charge, Client, Invoice, InvoiceCredit
from app.domain.billing import ROUNDING_RULE, invoice_total, money, monthly_topup
from app.domain.billing_errors import (
    BadMonth,
    InvoiceDoesNotReconcile,
    InvoiceIssued,
    InvoiceNotFound,
    RateCardMissing,
)
from app.domain.errors import InvalidValue
from app.domain.permissions import Actor, Permission, require
from app.services.billing_detail import SourceRow, all_source_rows
from app.services.lookup import client_by_code
from app.services.rate_cards import rate_card_by_client_id

DRAFT = "draft"
ISSUED = "issued"
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class ChargeLine(SourceRow):
    """A stored line (``charges`` row): a source row's fields, its id and how many
    sources it sums."""

    id: int = field(kw_only=True)
    sources: int = field(default=1, kw_only=True)


@dataclass(frozen=True)
class CreditLine:
    id: int
    corrects: str
    amount: Decimal
    reason: str


@dataclass(frozen=True)
class InvoiceInfo:
    number: str
    client: str
    client_name: str
    month: str
    status: str
    currency: str
    subtotal: Decimal
    minimum_topup: Decimal
    credits: Decimal
    total: Decimal
    issued_by: str | None
    lines: tuple[ChargeLine, ...] = ()
    credit_lines: tuple[CreditLine, ...] = ()
    rounding_rule: str = ROUNDING_RULE
    #: Every source of every line (loaded for the audit files, else empty).
    source_rows: tuple[SourceRow, ...] = ()

    def by_kind(self) -> list[tuple[str, int, Decimal]]:
        """(kind, sources, amount) per kind, in the order kinds first appear."""
        sums: dict[str, list[Any]] = defaultdict(lambda: [0, Decimal(0)])
        for line in self.lines:
            sums[line.kind][0] += line.sources
            sums[line.kind][1] += line.amount
        return [(k, v[0], v[1]) for k, v in sums.items()]

    def as_json(self, *, lines: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "number": self.number, "client": self.client, "month": self.month,
            "status": self.status, "currency": self.currency,
            "subtotal": str(self.subtotal), "minimum_topup": str(self.minimum_topup),
            "credits": str(self.credits), "total": str(self.total),
            "charges": len(self.lines), "sources": sum(ln.sources for ln in self.lines),
            "rounding_rule": self.rounding_rule,
            "by_kind": [{"kind": k, "sources": n, "amount": str(a)}
                        for k, n, a in self.by_kind()],
        }
        if lines:
            data["lines"] = [{
                "date": ln.day.isoformat(), "kind": ln.kind, "description": ln.description,
                "quantity": str(ln.quantity), "unit_price": str(ln.unit_price),
                "amount": str(ln.amount), "source_type": ln.source_type,
                "source_id": ln.source_id, "source_ref": ln.source_ref, "note": ln.note,
                "sources": ln.sources,
            } for ln in self.lines]
            data["credit_lines"] = [{"corrects": c.corrects, "amount": str(c.amount),
                                     "reason": c.reason} for c in self.credit_lines]
        return data


def month_bounds(month: str) -> tuple[date, date]:
    """First day of ``YYYY-MM`` and first day of the next month."""
    match = _MONTH.match(month or "")
    if not match:
        raise BadMonth(month=month)
    year, mon = int(match[1]), int(match[2])
    return date(year, mon, 1), date(year + mon // 12, mon % 12 + 1, 1)


def check_totals(number: str, subtotal: Decimal, topup: Decimal, credits: Decimal,
                 total: Decimal) -> None:
    """Raise when total != subtotal + topup − credits (a bug, never user input)."""
    if invoice_total(subtotal, topup, credits) != total:
        raise InvoiceDoesNotReconcile(number=number, total=total, subtotal=subtotal,
                                      topup=topup, credits=credits)


def _find(session: Session, client: Client, month: str) -> Invoice | None:
    return session.scalar(select(Invoice).where(Invoice.client_id == client.id,
                                                Invoice.month == month))


def _collect(session: Session, invoice: Invoice, client: Client, month: str,
             monthly_minimum: Decimal) -> None:
    _first, after = month_bounds(month)
    session.execute(update(Charge).where(Charge.invoice_id == invoice.id).values(invoice_id=None))
    session.execute(update(InvoiceCredit).where(InvoiceCredit.applied_invoice_id == invoice.id)
                    .values(applied_invoice_id=None))
    session.execute(update(Charge).where(Charge.client_id == client.id,
                                         Charge.invoice_id.is_(None), Charge.charge_date < after)
                    .values(invoice_id=invoice.id))
    session.execute(update(InvoiceCredit)
                    .where(InvoiceCredit.client_id == client.id,
                           InvoiceCredit.applied_invoice_id.is_(None),
                           InvoiceCredit.corrects_invoice_id != invoice.id)
                    .values(applied_invoice_id=invoice.id))
    subtotal = money(Decimal(session.scalar(
        select(func.coalesce(func.sum(Charge.amount), 0))
        .where(Charge.invoice_id == invoice.id)) or 0))
    credits = money(Decimal(session.scalar(
        select(func.coalesce(func.sum(InvoiceCredit.amount), 0))
        .where(InvoiceCredit.applied_invoice_id == invoice.id)) or 0))
    topup = monthly_topup(subtotal, monthly_minimum)
    total = invoice_total(subtotal, topup, credits)
    check_totals(invoice.number, subtotal, topup, credits, total)
    invoice.subtotal, invoice.minimum_topup = subtotal, topup
    invoice.credits, invoice.total = credits, total
    session.flush()


def _draft(session: Session, client_code: str, month: str, actor: Actor) -> Invoice:
    month_bounds(month)
    client = client_by_code(session, client_code)
    card = rate_card_by_client_id(session, client.id)
    if card is None:
        raise RateCardMissing(client=client.code)
    invoice = _find(session, client, month)
    if invoice is not None and invoice.status == ISSUED:
        raise InvoiceIssued(number=invoice.number, month=month)
    if invoice is None:
        invoice = Invoice(number=f"INV-{month.replace('-', '')}-{client.code}",
                          client_id=client.id, month=month, status=DRAFT,
                          currency=card.currency, created_by=actor.name)
        session.add(invoice)
        session.flush()
    invoice.currency = card.currency
    _collect(session, invoice, client, month, card.monthly_minimum)
    return invoice


def draft_invoice(session: Session, client_code: str, month: str, *,
                  actor: Actor) -> InvoiceInfo:
    """Create or recompute the client's draft for ``month``; an issued month is refused."""
    require(actor, Permission.MANAGE_BILLING)
    invoice = _draft(session, client_code, month, actor)
    return _info(session, invoice)


def issue_invoice(session: Session, client_code: str, month: str, *,
                  actor: Actor) -> InvoiceInfo:
    """(Re)draft and lock: status issued, never recomputed again. A month never drafted
    is drafted here first, in the same transaction."""
    require(actor, Permission.MANAGE_BILLING)
    invoice = _draft(session, client_code, month, actor)
    invoice.status = ISSUED
    invoice.issued_by = actor.name
    invoice.issued_at = utcnow()
    session.flush()
    return _info(session, invoice)


def credit_invoice(session: Session, client_code: str, month: str, amount: Decimal,
                   reason: str, *, actor: Actor) -> CreditLine:
    """A correction to an issued month, subtracted by the client's next draft."""
    require(actor, Permission.MANAGE_BILLING)
    client = client_by_code(session, client_code)
    month_bounds(month)
    invoice = _find(session, client, month)
    if invoice is None or invoice.status != ISSUED:
        raise InvoiceNotFound(client=client.code, month=month)
    if amount <= 0:
        raise InvalidValue(field="amount", problem="must be more than 0")
    if not reason.strip():
        raise InvalidValue(field="reason", problem="must not be empty")
    credit = InvoiceCredit(client_id=client.id, corrects_invoice_id=invoice.id,
                           amount=money(amount), reason=reason.strip()[:300],
                           created_by=actor.name)
    session.add(credit)
    session.flush()
    return CreditLine(credit.id, invoice.number, Decimal(credit.amount), credit.reason)


def show_invoice(session: Session, client_code: str, month: str, *,
                 sources: bool = True) -> InvoiceInfo:
    """The invoice with every line and, with ``sources``, every source of every line
    (checked to reconcile: sources with their lines, lines with the total)."""
    client = client_by_code(session, client_code)
    month_bounds(month)
    invoice = _find(session, client, month)
    if invoice is None:
        raise InvoiceNotFound(client=client.code, month=month)
    info = _info(session, invoice, sources=sources)
    charged = money(sum((ln.amount for ln in info.lines), Decimal(0)))
    if sources and money(sum((r.amount for r in info.source_rows), Decimal(0))) != charged:
        raise InvoiceDoesNotReconcile(number=info.number, total=info.total, subtotal=charged,
                                      topup=info.minimum_topup, credits=info.credits)
    check_totals(info.number, charged, info.minimum_topup,
                 money(sum((c.amount for c in info.credit_lines), Decimal(0))), info.total)
    return info


def list_invoices(session: Session, client_code: str | None = None) -> list[InvoiceInfo]:
    """Every invoice (or one client's), newest month first, without lines."""
    stmt = select(Invoice).order_by(Invoice.month.desc(), Invoice.number)
    if client_code:
        stmt = stmt.where(Invoice.client_id == client_by_code(session, client_code).id)
    return [_info(session, inv, lines=False) for inv in session.scalars(stmt)]


_LINE_COLUMNS = (Charge.id, Charge.charge_date, Charge.kind, Charge.description,
                 Charge.quantity, Charge.unit_price, Charge.amount, Charge.currency,
                 Charge.source_type, Charge.source_id, Charge.source_ref, Charge.note,
                 Charge.accrual_key, Charge.sources)


def _line(row: Any) -> ChargeLine:
    (id_, day, kind, description, quantity, price, amount, currency, source_type, source_id,
     source_ref, note, key, sources) = row
    return ChargeLine(day, kind, description, Decimal(quantity), Decimal(price),
                      Decimal(amount), currency, source_type, source_id, source_ref, note, key,
                      id=id_, sources=sources)


def _sources_of(session: Session, where: Any) -> tuple[SourceRow, ...]:
    """The sources of the lines ``where`` selects, line after line."""
    return tuple(all_source_rows(
        (SourceRow(*cast(tuple[Any, ...], row[:-1])), row[-1]) for row in session.execute(
            select(Charge.charge_date, Charge.kind, Charge.description,
                   Charge.quantity, Charge.unit_price, Charge.amount, Charge.currency,
                   Charge.source_type, Charge.source_id, Charge.source_ref, Charge.note,
                   Charge.accrual_key, Charge.detail)
            .where(where).order_by(Charge.charge_date, Charge.kind, Charge.id))))


def line_sources(session: Session, charge_id: int) -> list[SourceRow]:
    """One line's sources (the Billing screen's detail of a selected charge)."""
    return list(_sources_of(session, Charge.id == charge_id))


def _info(session: Session, invoice: Invoice, *, lines: bool = True,
          sources: bool = False) -> InvoiceInfo:
    client = session.get(Client, invoice.client_id)
    assert client is not None
    charge_lines: tuple[ChargeLine, ...] = ()
    credit_lines: tuple[CreditLine, ...] = ()
    source_rows: tuple[SourceRow, ...] = ()
    if lines:
        charge_lines = tuple(_line(row) for row in session.execute(
            select(*_LINE_COLUMNS).where(Charge.invoice_id == invoice.id)
            .order_by(Charge.charge_date, Charge.kind, Charge.id)))
        if sources:
            source_rows = _sources_of(session, Charge.invoice_id == invoice.id)
        corrected = {i.id: i.number for i in session.scalars(
            select(Invoice).where(Invoice.client_id == invoice.client_id))}
        credit_lines = tuple(
            CreditLine(c.id, corrected.get(c.corrects_invoice_id, "?"), Decimal(c.amount),
                       c.reason)
            for c in session.scalars(select(InvoiceCredit)
                                     .where(InvoiceCredit.applied_invoice_id == invoice.id)
                                     .order_by(InvoiceCredit.id)))
    return InvoiceInfo(invoice.number, client.code, client.name, invoice.month, invoice.status,
                       invoice.currency, Decimal(invoice.subtotal),
                       Decimal(invoice.minimum_topup), Decimal(invoice.credits),
                       Decimal(invoice.total), invoice.issued_by, charge_lines, credit_lines,
                       source_rows=source_rows)


def list_charges(session: Session, client_code: str, month: str) -> list[ChargeLine]:
    """A client's charges dated in ``month``, on an invoice or not (the Billing screen)."""
    client = client_by_code(session, client_code)
    first, after = month_bounds(month)
    return [_line(row) for row in session.execute(
        select(*_LINE_COLUMNS).where(Charge.client_id == client.id, Charge.charge_date >= first,
                                     Charge.charge_date < after)
        .order_by(Charge.charge_date, Charge.kind, Charge.id))]
