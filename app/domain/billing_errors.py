"""What rate cards, accrual and invoices refuse: one clear line each, nothing written.

Kept apart from :mod:`app.domain.errors` because only billing raises them; they are
``DomainError`` subclasses, so the GUI translates them and the CLI prints one line.
"""

from __future__ import annotations

from app.domain.errors import DomainError


class TierGap(DomainError):
    code = "rate_tier_gap"
    template = "Rate card {kind}: no tier covers {start} to {end}; tiers must leave no gap."


class TierOverlap(DomainError):
    code = "rate_tier_overlap"
    template = "Rate card {kind}: tiers overlap from {start} to {end}."


class TierMissing(DomainError):
    code = "rate_tier_missing"
    template = "Rate card {kind}: no tier covers {value}."


class UnknownChargeKind(DomainError):
    code = "unknown_charge_kind"
    template = "{kind} is not a kind of charge; use one of {kinds}."


class RateCardMissing(DomainError):
    code = "rate_card_missing"
    template = "Client {client} has no rate card; set one or copy a template first."


class InvoiceIssued(DomainError):
    code = "invoice_issued"
    template = ("Invoice {number} for {month} is already issued and cannot change; "
                "correct it with a credit on the next invoice.")


class InvoiceNotFound(DomainError):
    code = "invoice_not_found"
    template = "Client {client} has no invoice for {month}."


class InvoiceDoesNotReconcile(DomainError):
    """A bug guard: the stored totals disagree with the charges and credits behind them."""

    code = "invoice_not_reconciled"
    template = ("Invoice {number} does not add up: total {total} but charges {subtotal} "
                "+ minimum {topup} - credits {credits}.")


class BadMonth(DomainError):
    code = "bad_month"
    template = "{month} is not a month; write YYYY-MM."
