"""Bought labels as screens and the CLI read them: the purchase, the rates considered
and the reason for the choice ("why UPS?"), stored with the purchase.

``label_purchases.rates_considered`` holds JSON ``{"reason": {template, fields, text},
"rates": [...]}`` — each rate with its account, price, arrival, whether it was chosen
and why it was dropped — so the choice can be shown in either language long after.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Order, Parcel
from app.db.models.shipping import CarrierAccount, LabelPurchase
from app.domain.rate_shopping import RateChoice
from app.services.label_quotes import Quote


@dataclass(frozen=True)
class ConsideredRateInfo:
    account: str
    carrier: str
    service: str
    cost: Decimal
    currency: str
    delivery_days: int | None
    arrives: date | None
    chosen: bool
    #: Why it was not taken (English); ``dropped_template``/``dropped_fields`` translate it.
    dropped: str | None
    dropped_template: str | None
    dropped_fields: dict[str, Any]

    @property
    def code(self) -> str:
        return f"{self.carrier}/{self.service}"


@dataclass(frozen=True)
class LabelPurchaseInfo:
    """One label bought (or being bought) for an order."""

    id: int
    reference: str
    order_id: int
    order_number: str
    parcel_seq: int | None
    account_id: int
    account: str
    provider: str
    #: intent | bought | void_requested | voided | failed
    status: str
    #: pack | wave | manual
    trigger: str
    weight_g: int | None
    carrier: str | None
    service: str | None
    cost: Decimal | None
    currency: str
    insured_value: Decimal | None
    tracking_number: str | None
    label_format: str | None
    has_label: bool
    provider_shipment_id: str | None
    provider_label_id: str | None
    reason: str | None
    reason_template: str | None
    reason_fields: dict[str, Any]
    rates: tuple[ConsideredRateInfo, ...]
    error: str | None
    void_status: str | None
    actor: str
    created_at: datetime
    bought_at: datetime | None
    voided_at: datetime | None


def considered_json(quote: Quote, choice: RateChoice) -> str:
    """The JSON kept in ``rates_considered`` for a quote and the choice made from it."""
    return json.dumps({"reason": choice.reason.to_json(), "rates": _rows(quote, choice),
                       "errors": [{"account": a, "message": m} for a, m in quote.errors]},
                      ensure_ascii=False)


def considered_rates(quote: Quote, choice: RateChoice) -> tuple[ConsideredRateInfo, ...]:
    """The rates of a quote as shown (the same shape as a stored purchase's)."""
    return tuple(_rate(row) for row in _rows(quote, choice))


def _rows(quote: Quote, choice: RateChoice) -> list[dict[str, Any]]:
    rows = []
    for quoted, considered in zip(quote.rates, choice.considered, strict=True):
        rate = quoted.rate
        rows.append({
            "account": quoted.account, "carrier": rate.carrier, "service": rate.service,
            "cost": str(rate.cost), "currency": rate.currency,
            "delivery_days": rate.delivery_days,
            "arrives": considered.arrives.isoformat() if considered.arrives else None,
            "chosen": considered.chosen,
            "dropped": considered.dropped.to_json() if considered.dropped else None,
        })
    return rows


def reason_text(choice: RateChoice) -> str:
    return choice.reason.text[:300]


def order_label_purchases(session: Session, order_id: int) -> list[LabelPurchaseInfo]:
    """Every label purchase of the order, oldest first (the newest is the one in use)."""
    rows = session.execute(
        select(LabelPurchase, Order.number, Parcel.seq, CarrierAccount.name,
               CarrierAccount.provider)
        .join(Order, Order.id == LabelPurchase.order_id)
        .join(CarrierAccount, CarrierAccount.id == LabelPurchase.account_id)
        .outerjoin(Parcel, Parcel.id == LabelPurchase.parcel_id)
        .where(LabelPurchase.order_id == order_id).order_by(LabelPurchase.id)).all()
    return [purchase_info(p, number, seq, account, provider)
            for p, number, seq, account, provider in rows]


def purchase_by_id(session: Session, purchase_id: int) -> LabelPurchaseInfo:
    row = session.execute(
        select(LabelPurchase, Order.number, Parcel.seq, CarrierAccount.name,
               CarrierAccount.provider)
        .join(Order, Order.id == LabelPurchase.order_id)
        .join(CarrierAccount, CarrierAccount.id == LabelPurchase.account_id)
        .outerjoin(Parcel, Parcel.id == LabelPurchase.parcel_id)
        .where(LabelPurchase.id == purchase_id)).one()
    return purchase_info(*row)


def purchase_info(p: LabelPurchase, number: str, seq: int | None, account: str,
                  provider: str) -> LabelPurchaseInfo:
    data = _considered(p.rates_considered)
    reason = data.get("reason") or {}
    template = reason.get("template") if isinstance(reason, dict) else None
    fields = reason.get("fields") if isinstance(reason, dict) else None
    return LabelPurchaseInfo(
        p.id, p.reference, p.order_id, number, seq, p.account_id, account, provider, p.status,
        p.trigger, p.weight_g, p.carrier, p.service, p.cost, p.currency, p.insured_value,
        p.tracking_number, p.label_format, p.label is not None, p.provider_shipment_id,
        p.provider_label_id, p.choice_reason,
        template, dict(fields or {}), tuple(_rate(r) for r in data.get("rates") or []),
        p.error, p.void_status, p.actor, p.created_at, p.bought_at, p.voided_at)


def _considered(text: str | None) -> dict[str, Any]:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _rate(raw: dict[str, Any]) -> ConsideredRateInfo:
    dropped = raw.get("dropped") or None
    arrives = raw.get("arrives")
    return ConsideredRateInfo(
        str(raw.get("account") or ""), str(raw.get("carrier") or ""),
        str(raw.get("service") or ""), Decimal(str(raw.get("cost") or "0")),
        str(raw.get("currency") or "USD"), raw.get("delivery_days"),
        date.fromisoformat(arrives) if arrives else None, bool(raw.get("chosen")),
        dropped.get("text") if dropped else None, dropped.get("template") if dropped else None,
        dict(dropped.get("fields") or {}) if dropped else {})

