"""Rate cards: a client's prices, or a template to copy from (``client_id`` NULL).

A card is replaced whole (:func:`set_rate_card`): its settings and all its items are
validated first (tiers per kind without gap or overlap, known kinds, non-negative
prices), then written, so a bad card changes nothing. The "standard" template carries the
published Chinese overseas-warehouse prices of ``../shared/reference/files-billing-placement.md``
§5 and is created the first time templates are listed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Client, RateCard, RateCardItem
from app.domain.billing import (
    ChargeKind,
    StorageUnit,
    Tier,
    group_tiers,
    tier_label,
)
from app.domain.billing_errors import RateCardMissing, UnknownChargeKind
from app.domain.errors import FileUnreadable, InvalidValue, NotFound
from app.domain.permissions import Actor, Permission, require
from app.services.lookup import client_by_code


@dataclass(frozen=True)
class RateItem:
    """One price of a card: ``[tier_from, tier_to)`` of grams or days for tiered kinds."""

    kind: str
    price: Decimal
    tier_from: int = 0
    tier_to: int | None = None
    minimum: Decimal | None = None
    label: str | None = None

    @property
    def tier(self) -> Tier:
        return Tier(self.tier_from, self.tier_to, self.price, self.minimum)

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "tier_from": self.tier_from, "tier_to": self.tier_to,
                "tiers": tier_label(self.tier), "price": str(self.price),
                "minimum": None if self.minimum is None else str(self.minimum),
                "label": self.label}


@dataclass(frozen=True)
class RateCardInfo:
    id: int
    name: str
    client: str | None
    currency: str
    storage_unit: str
    dim_divisor: int
    monthly_minimum: Decimal
    notes: str | None
    items: tuple[RateItem, ...]

    def tiers(self) -> dict[str, tuple[Tier, ...]]:
        """kind -> its tiers, sorted (validated when the card was saved)."""
        return group_tiers((i.kind, i.tier) for i in self.items)

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "client": self.client, "currency": self.currency,
                "storage_unit": self.storage_unit, "dim_divisor": self.dim_divisor,
                "monthly_minimum": str(self.monthly_minimum), "notes": self.notes,
                "items": [i.as_json() for i in self.items]}


@dataclass(frozen=True)
class CardSettings:
    currency: str = "USD"
    storage_unit: str = StorageUnit.M3.value
    dim_divisor: int = 139
    monthly_minimum: Decimal = Decimal("0")
    notes: str | None = None


_D = Decimal
#: The published example of a US overseas warehouse run from China (reference §5).
STANDARD_TEMPLATE: tuple[RateItem, ...] = (
    RateItem("receiving_carton", _D("1.25")),
    RateItem("receiving_pallet", _D("15.00")),
    RateItem("receiving_container", _D("300.00")),
    RateItem("receiving_unit", _D("0.00")),
    RateItem("storage", _D("0"), 0, 31), RateItem("storage", _D("0.50"), 31, 61),
    RateItem("storage", _D("1.00"), 61, 91), RateItem("storage", _D("1.50"), 91, 181),
    RateItem("storage", _D("3.00"), 181, 271), RateItem("storage", _D("4.00"), 271, 361),
    RateItem("storage", _D("5.00"), 361, None),
    RateItem("pick_pack_order", _D("0.50"), 0, 454),
    RateItem("pick_pack_order", _D("0.60"), 454, 908),
    RateItem("pick_pack_order", _D("0.80"), 908, 1815),
    RateItem("pick_pack_order", _D("1.00"), 1815, 2722),
    RateItem("pick_pack_order", _D("1.30"), 2722, 4536),
    RateItem("pick_pack_order", _D("1.80"), 4536, 13608),
    RateItem("pick_pack_order", _D("2.00"), 13608, 22680),
    RateItem("pick_pack_order", _D("3.50"), 22680, None),
    RateItem("pick_pack_extra_unit", _D("0.25")),
    RateItem("label", _D("0")),
    RateItem("packing_material", _D("0.50")),
    RateItem("vas_labelling", _D("0.20")),
    RateItem("vas_bagging", _D("0.50")),
    RateItem("vas_kitting", _D("1.00")),
    RateItem("return", _D("0.30"), 0, 2000), RateItem("return", _D("0.50"), 2000, 5000),
    RateItem("return", _D("0.80"), 5000, 10000), RateItem("return", _D("1.20"), 10000, 15000),
    RateItem("return", _D("1.50"), 15000, None),
)
TEMPLATES: dict[str, tuple[RateItem, ...]] = {"standard": STANDARD_TEMPLATE}


def _info(session: Session, card: RateCard) -> RateCardInfo:
    items = session.scalars(select(RateCardItem).where(RateCardItem.rate_card_id == card.id)
                            .order_by(RateCardItem.kind, RateCardItem.tier_from)).all()
    client = session.get(Client, card.client_id) if card.client_id else None
    return RateCardInfo(
        card.id, card.name, client.code if client else None, card.currency, card.storage_unit,
        card.dim_divisor, Decimal(card.monthly_minimum), card.notes,
        tuple(RateItem(i.kind, Decimal(i.price), i.tier_from, i.tier_to,
                       None if i.minimum is None else Decimal(i.minimum), i.label)
              for i in items))


def validate_card(settings: CardSettings, items: Sequence[RateItem]) -> None:
    """Everything a card must satisfy, checked before anything is written."""
    kinds = {k.value for k in ChargeKind}
    for item in items:
        if item.kind not in kinds:
            raise UnknownChargeKind(kind=item.kind, kinds=", ".join(sorted(kinds)))
        if item.price < 0 or (item.minimum is not None and item.minimum < 0):
            raise InvalidValue(field=item.kind, problem="must not be negative")
    if settings.storage_unit not in {u.value for u in StorageUnit}:
        raise InvalidValue(field="storage unit", problem="m3, ft3, pallet or bin")
    if settings.dim_divisor <= 0:
        raise InvalidValue(field="dim divisor", problem="must be more than 0")
    if settings.monthly_minimum < 0:
        raise InvalidValue(field="monthly minimum", problem="must not be negative")
    if len(settings.currency) != 3:
        raise InvalidValue(field="currency", problem="a 3-letter code such as USD")
    group_tiers((i.kind, i.tier) for i in items)


def _write(session: Session, card: RateCard, settings: CardSettings,
           items: Sequence[RateItem], actor: Actor) -> None:
    card.currency = settings.currency.upper()
    card.storage_unit = settings.storage_unit
    card.dim_divisor = settings.dim_divisor
    card.monthly_minimum = settings.monthly_minimum
    card.notes = settings.notes
    card.updated_by = actor.name
    card.updated_at = utcnow()
    session.flush()
    session.execute(delete(RateCardItem).where(RateCardItem.rate_card_id == card.id))
    session.add_all(RateCardItem(rate_card_id=card.id, kind=i.kind, tier_from=i.tier_from,
                                 tier_to=i.tier_to, price=i.price, minimum=i.minimum,
                                 label=i.label) for i in items)
    session.flush()


def _client_card(session: Session, client: Client) -> RateCard | None:
    return session.scalar(select(RateCard).where(RateCard.client_id == client.id))


def set_rate_card(session: Session, client_code: str, settings: CardSettings,
                  items: Sequence[RateItem], *, actor: Actor) -> RateCardInfo:
    """Create or replace a client's card, all or nothing."""
    require(actor, Permission.MANAGE_BILLING)
    validate_card(settings, items)
    client = client_by_code(session, client_code)
    card = _client_card(session, client)
    if card is None:
        card = RateCard(name=f"client:{client.code}", client_id=client.id)
        session.add(card)
    _write(session, card, settings, items, actor)
    return _info(session, card)


def rate_card_for(session: Session, client_code: str) -> RateCardInfo:
    client = client_by_code(session, client_code)
    card = _client_card(session, client)
    if card is None:
        raise RateCardMissing(client=client.code)
    return _info(session, card)


def rate_card_by_client_id(session: Session, client_id: int) -> RateCardInfo | None:
    card = session.scalar(select(RateCard).where(RateCard.client_id == client_id))
    return _info(session, card) if card else None


def ensure_templates(session: Session) -> None:
    """Create the built-in templates that are not there yet."""
    for name, items in TEMPLATES.items():
        if session.scalar(select(RateCard.id).where(RateCard.name == f"template:{name}")):
            continue
        card = RateCard(name=f"template:{name}", client_id=None)
        session.add(card)
        _write(session, card, CardSettings(notes="published example prices"), items,
               Actor.system("templates"))


def list_templates(session: Session) -> list[RateCardInfo]:
    """Template cards (the built-in ones created on first use)."""
    ensure_templates(session)
    cards = session.scalars(select(RateCard).where(RateCard.client_id.is_(None))
                            .order_by(RateCard.name)).all()
    return [_info(session, c) for c in cards]


def copy_rate_card(session: Session, client_code: str, *, from_client: str | None = None,
                   template: str | None = None, actor: Actor) -> RateCardInfo:
    """Give ``client_code`` a copy of another client's card or of a template."""
    require(actor, Permission.MANAGE_BILLING)
    if from_client:
        source = rate_card_for(session, from_client)
    else:
        ensure_templates(session)
        name = f"template:{template or 'standard'}"
        card = session.scalar(select(RateCard).where(RateCard.name == name))
        if card is None:
            raise NotFound(kind="Rate card template", key=template)
        source = _info(session, card)
    settings = CardSettings(source.currency, source.storage_unit, source.dim_divisor,
                            source.monthly_minimum, source.notes)
    return set_rate_card(session, client_code, settings, source.items, actor=actor)


def _decimal(value: Any, field: str) -> Decimal:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise InvalidValue(field=field, problem="not a number") from None


def _opt_int(value: Any) -> int | None:
    return None if value in (None, "") else int(value)


def read_card_file(path: Path) -> tuple[CardSettings, list[RateItem]]:
    """A card as JSON (``ratecards show --json``'s shape) or CSV (``kind,tier_from,
    tier_to,price,minimum,label`` rows)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise FileUnreadable(path=str(path), reason=exc.strerror or str(exc)) from None
    try:
        if path.suffix.lower() == ".csv":
            import csv

            rows = list(csv.DictReader(text.splitlines()))
            settings, raw_items = CardSettings(), rows
        else:
            data = json.loads(text)
            settings = CardSettings(
                str(data.get("currency", "USD")), str(data.get("storage_unit", "m3")),
                int(data.get("dim_divisor", 139)),
                _decimal(data.get("monthly_minimum", "0"), "monthly minimum"),
                data.get("notes"))
            raw_items = data.get("items", [])
        items = [RateItem(str(r["kind"]).strip(), _decimal(r["price"], "price"),
                          _opt_int(r.get("tier_from")) or 0, _opt_int(r.get("tier_to")),
                          None if r.get("minimum") in (None, "") else
                          _decimal(r["minimum"], "minimum"), r.get("label") or None)
                 for r in raw_items]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise FileUnreadable(path=str(path), reason=f"not a rate card ({exc})") from None
    return settings, items
