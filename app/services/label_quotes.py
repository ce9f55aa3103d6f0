"""What a carrier label is quoted for, through which accounts, and the quote itself.

Reading (:func:`label_plans`) happens in a short read transaction; quoting
(:func:`quote_plan`) is HTTP and runs outside any transaction, never on the GUI thread.

* **Which accounts.** The warehouse buys a client's labels once the client has shipping
  rules (``shipping_rules``; setting them is opting in) and an EasyPost or Shippo
  account is enabled: every such account is quoted, so the rules compare across them.
  An order synced from a TikTok store with an enabled ``tiktok`` account naming that
  store (``channel=STORE``) is TikTok-shipped: only TikTok's package documents are used,
  since TikTok masks the buyer's address. A seller's own label always wins (it is chosen
  before any of this, in ``packing_labels``).
* **What is shipped.** From the order's warehouse to the order's address; a packed
  parcel's real weight and box, else (label-first, before packing) the order's expected
  weight in the box the pack station would suggest.
* **Which rate.** :func:`app.domain.rate_shopping.choose_rate` under the client's rules;
  the deliver-by date is the ship-by date plus what the service level promises.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.carriers.base import Address, CarrierError, CarrierProvider, Rate, Shipment
from app.db.base import utcnow
from app.db.models import Box, Channel, ChannelOrder, Client, Order, OrderLine, Parcel, Warehouse
from app.db.models.shipping import CarrierAccount
from app.domain.errors import NotFound
from app.domain.rate_shopping import (
    RateChoice,
    ShipmentNeeds,
    ShippingRuleSet,
    choose_rate,
    deliver_by,
)
from app.domain.weighing import expected_weight_g
from app.services.carrier_accounts import CarrierAccountConfig, carrier_account_config
from app.services.packing_view import PackState, load_pack_view, suggestion_for
from app.services.shipping_rules import rules_for_client

#: Providers that quote and sell labels from the warehouse's (or a wallet) account.
BUYING_PROVIDERS = ("easypost", "shippo")
#: The provider of an account (tests pass fakes; the app passes
#: :func:`app.services.label_providers.provider_source`). Services use it and never close
#: it: the :class:`ProviderPool` that made it does.
ProviderSource = Callable[[CarrierAccountConfig], CarrierProvider]


class ProviderPool:
    """Each account's provider built once and kept until :meth:`close`.

    Why keep them: a provider holds an HTTPS client, and making one costs a fifth of a
    second (its certificate store) — more than the whole software's share of a label at
    the pack station. A pool lives as long as a command or a station's screen.
    """

    def __init__(self, build: Callable[[CarrierAccountConfig], CarrierProvider]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._made: dict[tuple[object, ...], CarrierProvider] = {}

    def __call__(self, account: CarrierAccountConfig) -> CarrierProvider:
        key = (account.id, account.provider, account.base_url, account.mode,
               tuple(sorted(account.settings.items())), account.secret_ref)
        with self._lock:
            provider = self._made.get(key)
            if provider is None:
                provider = self._made[key] = self._build(account)
            return provider

    def close(self) -> None:
        with self._lock:
            made, self._made = list(self._made.values()), {}
        for provider in made:
            provider.close()


@dataclass(frozen=True)
class ParcelPlan:
    """One label to buy: the order, the parcel (None before packing) and the shipment."""

    order_id: int
    order_number: str
    client_id: int
    parcel_id: int | None
    seq: int
    weight_g: int
    dims_mm: tuple[int, int, int]
    from_address: Address
    to_address: Address
    declared_value: Decimal | None
    service_level: str
    ship_date: date
    ship_by: date | None
    platform_order_id: str | None

    def shipment(self, reference: str, insure_amount: Decimal | None = None) -> Shipment:
        length, width, height = self.dims_mm
        return Shipment(reference, self.from_address, self.to_address, self.weight_g,
                        length, width, height, order_number=self.order_number,
                        platform_order_id=self.platform_order_id,
                        declared_value=self.declared_value, insure_amount=insure_amount,
                        ship_by=self.ship_by)

    def needs(self) -> ShipmentNeeds:
        due = self.ship_by or self.ship_date
        return ShipmentNeeds(self.ship_date, deliver_by(due, self.service_level),
                             self.service_level, self.declared_value)


@dataclass(frozen=True)
class OrderLabelSetup:
    """Everything about an order's labels that is read from the database."""

    order_id: int
    order_number: str
    status: str
    accounts: tuple[CarrierAccountConfig, ...]
    rules: ShippingRuleSet
    #: True when the client opted in (has rules) or the order is TikTok-shipped.
    buys_here: bool
    parcels: tuple[ParcelPlan, ...]


@dataclass(frozen=True)
class QuotedRate:
    account_id: int
    account: str
    rate: Rate


@dataclass(frozen=True)
class Quote:
    """Every account's rates for one parcel, the choice, and the accounts that failed."""

    plan: ParcelPlan
    rates: tuple[QuotedRate, ...]
    choice: RateChoice
    #: (account name, the provider's message) of each account that could not quote.
    errors: tuple[tuple[str, str], ...]

    def account_of(self, rate: Rate) -> QuotedRate:
        return next(q for q in self.rates if q.rate is rate)


def order_label_setup(session: Session, order_id: int, *, parcel_seq: int | None = None
                      ) -> OrderLabelSetup:
    """The order's accounts, rules and parcels to label (packed parcels, or one expected)."""
    order = session.get(Order, order_id)
    if order is None:
        raise NotFound(kind="Order", key=str(order_id))
    tiktok = _tiktok_account(session, order)
    rules = rules_for_client(session, order.client_id)
    if tiktok is not None:
        accounts: tuple[CarrierAccountConfig, ...] = (tiktok,)
    else:
        ids = session.scalars(select(CarrierAccount.id).where(
            CarrierAccount.enabled.is_(True), CarrierAccount.provider.in_(BUYING_PROVIDERS))
            .order_by(CarrierAccount.name)).all()
        accounts = tuple(carrier_account_config(session, i) for i in ids)
    plans = _parcel_plans(session, order)
    if parcel_seq is not None:
        plans = [p for p in plans if p.seq == parcel_seq]
    return OrderLabelSetup(
        order.id, order.number, order.status, accounts,
        rules.rule_set() if rules is not None else ShippingRuleSet(),
        tiktok is not None or (rules is not None and bool(accounts)), tuple(plans))


def order_buys_labels(session: Session, order: Order) -> bool:
    """Whether the warehouse buys this order's labels (the pack station then buys them
    right after packing; see the module doc for who does)."""
    if _tiktok_account(session, order) is not None:
        return True
    if rules_for_client(session, order.client_id) is None:
        return False
    return session.scalar(select(CarrierAccount.id).where(
        CarrierAccount.enabled.is_(True), CarrierAccount.provider.in_(BUYING_PROVIDERS))
        .limit(1)) is not None


def quote_plan(plan: ParcelPlan, accounts: Sequence[CarrierAccountConfig],
               rules: ShippingRuleSet, providers: ProviderSource, reference: str) -> Quote:
    """Ask every account for rates (HTTP, outside any transaction) and choose one.

    An account that fails is reported in ``errors`` and the others still count; when
    all fail, the last provider error is raised (the user sees the provider's words).
    """
    quoted: list[QuotedRate] = []
    errors: list[tuple[str, str]] = []
    last: CarrierError | None = None
    for account in accounts:
        try:
            for rate in providers(account).rates(plan.shipment(reference)):
                quoted.append(QuotedRate(account.id, account.name, rate))
        except CarrierError as exc:
            errors.append((account.name, exc.message))
            last = exc
    if not quoted and last is not None:
        raise last
    choice = choose_rate([q.rate for q in quoted], rules, plan.needs())
    return Quote(plan, tuple(quoted), choice, tuple(errors))


# --- internals -------------------------------------------------------------------------------


def _tiktok_account(session: Session, order: Order) -> CarrierAccountConfig | None:
    """The enabled ``tiktok`` account naming the store this order was synced from."""
    store = session.scalar(
        select(Channel.name).join(ChannelOrder, ChannelOrder.channel_id == Channel.id)
        .where(ChannelOrder.order_id == order.id, Channel.platform == "tiktok"))
    if store is None:
        return None
    for account in session.scalars(select(CarrierAccount).where(
            CarrierAccount.provider == "tiktok", CarrierAccount.enabled.is_(True))
            .order_by(CarrierAccount.name)):
        config = carrier_account_config(session, account.id)
        if config.settings.get("channel", "").strip().lower() == store.lower():
            return config
    return None


def _parcel_plans(session: Session, order: Order) -> list[ParcelPlan]:
    warehouse = session.get(Warehouse, order.warehouse_id) if order.warehouse_id else None
    if warehouse is None:
        raise NotFound(kind="Warehouse", key=f"of order {order.number}")
    client = session.get(Client, order.client_id)
    assert client is not None  # foreign key
    ship_from = Address(warehouse.name, warehouse.address1, warehouse.city, warehouse.state,
                        warehouse.zip, warehouse.country or "US", warehouse.address2,
                        client.name, warehouse.phone)
    ship_to = Address(order.buyer_name, order.address1, order.city, order.state, order.zip,
                      order.country or "US", order.address2, order.company, order.phone,
                      order.email)
    today = _local_today(warehouse.time_zone)
    value = session.scalar(select(func.sum(OrderLine.unit_price * OrderLine.quantity))
                           .where(OrderLine.order_id == order.id))
    platform_id = session.scalar(select(ChannelOrder.external_id)
                                 .where(ChannelOrder.order_id == order.id))
    ship_by = order.ship_by.date() if order.ship_by else None
    common = dict(order_id=order.id, order_number=order.number, client_id=order.client_id,
                  from_address=ship_from, to_address=ship_to,
                  declared_value=Decimal(value) if value is not None else None,
                  service_level=order.service_level or "standard", ship_date=today,
                  ship_by=ship_by, platform_order_id=platform_id)
    parcels = session.scalars(select(Parcel).where(
        Parcel.order_id == order.id, Parcel.status == "packed").order_by(Parcel.seq)).all()
    if parcels:
        return [ParcelPlan(parcel_id=p.id, seq=p.seq,
                           weight_g=p.weight_g or p.expected_weight_g or 0,
                           dims_mm=_box_dims(session, p.box_id), **common)  # type: ignore[arg-type]
                for p in parcels]
    view = load_pack_view(session, order.id, state=PackState.PACKING)
    box = suggestion_for(session, view.lines, None)
    weight = expected_weight_g([(line.weight_g, line.quantity) for line in view.lines],
                               box.tare_g if box else 0, client.packing_material_g)
    return [ParcelPlan(parcel_id=None, seq=1, weight_g=weight,
                       dims_mm=box.inner_mm if box else (0, 0, 0), **common)]  # type: ignore[arg-type]


def _box_dims(session: Session, box_id: int | None) -> tuple[int, int, int]:
    box = session.get(Box, box_id) if box_id is not None else None
    if box is None:
        return (0, 0, 0)
    return (box.inner_length_mm, box.inner_width_mm, box.inner_height_mm)


def _local_today(time_zone: str) -> date:
    now: datetime = utcnow()
    try:
        return now.astimezone(ZoneInfo(time_zone)).date()
    except (KeyError, ValueError):
        return now.date()
