"""Buying a carrier label exactly once, even through timeouts, crashes and two stations.

Why three transactions and HTTP between them: a provider call can take seconds and may
time out *after* the carrier sold the label, so it never runs inside a database
transaction (nor on the GUI thread), and what was asked is written down before asking:

1. **Intent** (:func:`_claim`, committed): a ``label_purchases`` row ``intent`` under a
   unique reference ``HC-<order id>-<parcel seq>-<n>`` (order *ids*: order numbers repeat
   across clients). The order row is locked meanwhile, so two stations buying for the
   same parcel at once get one intent: the second is told the label is being bought,
   or is handed the label once it is bought.
2. **Provider**: rates (the reference travels with the shipment), the rules' choice,
   then ``buy``. When the choice is another account's than the intent names, it is
   noted on the intent (committed) before the buy, so a retry asks the right account.
3. **Result** (:func:`_record`): the label bytes as received, tracking number, cost, the
   rates considered and the reason; the parcel gets carrier, service, tracking and
   ``label_source='carrier'``.

When the provider does not answer (:class:`CarrierUnavailable`) the outcome is unknown:
the intent stays open with the message. The next attempt for that parcel — or any
attempt once an intent is older than :data:`STALE_AFTER` without an answer (the process
died mid-buy) — first asks the provider for the reference (``find``) and only buys again,
under the same reference, when the provider has nothing. A refusal (address, key, rate
gone) closes the intent as ``failed``: nothing was bought, and the next attempt starts
a new reference. A tracking number another order already uses is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.carriers.base import (
    AddressRejected,
    CarrierAuthError,
    CarrierError,
    CarrierUnavailable,
    Label,
    LabelFormat,
    Rate,
    RateUnavailable,
)
from app.carriers.manual import ManualProvider, manual_rate
from app.db.base import utcnow
from app.db.engine import Database
from app.db.models import Order, Parcel
from app.db.models.shipping import CarrierAccount, LabelPurchase
from app.domain.errors import InvalidValue
from app.domain.permissions import Actor, Permission, require
from app.domain.rate_shopping import (
    QT_TRANSLATE_NOOP,
    ConsideredRate,
    RateChoice,
    Reason,
    ShippingRuleSet,
    choose_rate,
    matches,
)
from app.domain.states import OrderStatus
from app.services.audit import record_audit
from app.services.carrier_accounts import CarrierAccountConfig, carrier_account_config
from app.services.label_errors import (
    LabelBeingBought,
    LabelNotBought,
    NoCarrierAccount,
    NoRateChosen,
    OrderCannotShip,
    RateNotQuoted,
    TrackingNumberTaken,
)
from app.services.label_quotes import (
    OrderLabelSetup,
    ParcelPlan,
    ProviderSource,
    Quote,
    QuotedRate,
    order_label_setup,
    quote_plan,
)
from app.services.label_records import (
    LabelPurchaseInfo,
    considered_json,
    purchase_by_id,
    reason_text,
)
from app.services.run import run_read, run_write

#: An intent this old with no answer recorded belongs to a process that died mid-buy.
STALE_AFTER = timedelta(minutes=2)
#: Orders that may still get a label.
SHIPPABLE = frozenset({OrderStatus.NEW, OrderStatus.ALLOCATED, OrderStatus.BACKORDERED,
                       OrderStatus.PICKING, OrderStatus.PACKED})
CHOSEN_BY_HAND = QT_TRANSLATE_NOOP("rate_shopping", "{service} chosen by {actor}")
TYPED_IN = QT_TRANSLATE_NOOP("rate_shopping", "tracking number typed in by {actor}")


@dataclass(frozen=True)
class ManualEntry:
    """A label that exists already: its tracking number, typed or scanned, and carrier."""

    tracking: str
    carrier: str
    service: str = ""


@dataclass(frozen=True)
class _Claim:
    purchase_id: int
    reference: str
    account_id: int
    resumed: bool
    #: The label already bought for this parcel (nothing to do).
    existing: LabelPurchaseInfo | None = None


def buy_labels(db: Database, order_id: int, *, providers: ProviderSource, actor: Actor,
               service: str | None = None, manual: ManualEntry | None = None,
               trigger: str = "manual", label_format: LabelFormat = LabelFormat.PDF,
               parcel_seq: int | None = None, replace: bool = False,
               stale_after: timedelta = STALE_AFTER) -> list[LabelPurchaseInfo]:
    """A label for each parcel of the order that has none (one per packed parcel, or one
    for the expected parcel before packing); a parcel's label already bought is returned
    as it is unless ``replace`` (a rebuy: the old one is then to be voided).

    ``service`` (``SERVICE`` or ``CARRIER/SERVICE`` of a quoted rate) overrides the rules'
    choice; ``manual`` records a label that exists already. Runs its own transactions:
    call it from a worker, never inside one.
    """
    require(actor, Permission.BUY_LABELS)
    setup = run_read(db, order_label_setup, order_id, parcel_seq=parcel_seq)
    if OrderStatus(setup.status) not in SHIPPABLE:
        raise OrderCannotShip(order=setup.order_number, state=setup.status)
    accounts = (run_read(db, _manual_account, setup.order_number),) if manual else setup.accounts
    if not accounts:
        raise NoCarrierAccount(order=setup.order_number)
    return [_buy_one(db, setup, plan, accounts, providers=providers, actor=actor,
                     service=service, manual=manual, trigger=trigger, label_format=label_format,
                     replace=replace, stale_after=stale_after)
            for plan in setup.parcels]


def _buy_one(db: Database, setup: OrderLabelSetup, plan: ParcelPlan,
             accounts: Sequence[CarrierAccountConfig], *, providers: ProviderSource,
             actor: Actor, service: str | None, manual: ManualEntry | None, trigger: str,
             label_format: LabelFormat, replace: bool, stale_after: timedelta
             ) -> LabelPurchaseInfo:
    claim = run_write(db, _claim, plan, accounts[0].id, trigger, actor, replace, stale_after)
    if claim.existing is not None:
        return claim.existing
    number = setup.order_number
    if manual is not None:
        label, quote = _manual_label(claim.reference, manual, plan, accounts[0], actor)
        return _recorded(db, claim.purchase_id, label, actor, number,
                         (quote, quote.choice, None))
    if claim.resumed:
        found = _find(db, claim, providers, label_format, number)
        if found is not None:
            return _recorded(db, claim.purchase_id, found, actor, number)
    try:
        quote = quote_plan(plan, accounts, setup.rules, providers, claim.reference)
    except CarrierError as exc:
        run_write(db, _close_failed, claim.purchase_id, exc.message)
        raise _not_bought(number, exc) from exc
    try:
        choice = _pick(quote, service, actor, number)
    except RateNotQuoted as exc:  # nothing was bought: the intent is closed
        run_write(db, _close_failed, claim.purchase_id, exc.message)
        raise
    rate = choice.chosen
    if rate is None:
        run_write(db, _close_failed, claim.purchase_id, choice.reason.text)
        raise NoRateChosen(order=number, reason=choice.reason.text)
    quoted = quote.account_of(rate)
    noted = (quote, choice, quoted.account_id)
    if quoted.account_id != claim.account_id:  # a retry must know where to look: say so first
        run_write(db, _note_choice, claim.purchase_id, *noted)
    account = next(a for a in accounts if a.id == quoted.account_id)
    try:
        label = providers(account).buy(plan.shipment(claim.reference, choice.insure_amount),
                                       rate, label_format)
    except CarrierUnavailable as exc:  # the choice is kept with the open intent
        run_write(db, _leave_open, claim.purchase_id, exc.message, noted)
        raise _not_bought(number, exc) from exc
    except CarrierError as exc:
        run_write(db, _close_failed, claim.purchase_id, exc.message)
        raise _not_bought(number, exc) from exc
    return _recorded(db, claim.purchase_id, label, actor, number, noted)


def _find(db: Database, claim: _Claim, providers: ProviderSource, label_format: LabelFormat,
          number: str) -> Label | None:
    """What the provider sold under the open intent's reference, if anything."""
    account = run_read(db, carrier_account_config, claim.account_id)
    try:
        return providers(account).find(claim.reference, label_format)
    except CarrierError as exc:  # still unknown: the intent stays open
        run_write(db, _leave_open, claim.purchase_id, exc.message)
        raise _not_bought(number, exc) from exc


def _pick(quote: Quote, service: str | None, actor: Actor, number: str) -> RateChoice:
    """The rules' choice, or the quoted rate ``service`` names (the reason then says so)."""
    if not service:
        return quote.choice
    wanted = service.strip()
    found = [q.rate for q in quote.rates if (
        matches(q.rate, wanted) if "/" in wanted else q.rate.service.lower() == wanted.lower())]
    if not found:
        raise RateNotQuoted(order=number, service=wanted, quoted=", ".join(
            f"{q.rate.carrier}/{q.rate.service}" for q in quote.rates) or "none")
    rate = min(found, key=lambda r: r.cost)
    return _forced(quote.plan, [q.rate for q in quote.rates], rate, Reason(
        CHOSEN_BY_HAND, {"service": f"{rate.carrier}/{rate.service}", "actor": actor.name}),
        quote.choice.insure_amount)


def _forced(plan: ParcelPlan, rates: list[Rate], rate: Rate, reason: Reason,
            insure: Decimal | None) -> RateChoice:
    """``rate`` as the choice, the others dropped as the rules would explain them."""
    only = choose_rate(rates, ShippingRuleSet(allowed=(f"{rate.carrier}/{rate.service}",)),
                       plan.needs())
    considered = tuple(
        ConsideredRate(c.rate, c.arrives, c.rate is rate, None if c.rate is rate else c.dropped)
        for c in only.considered)
    return RateChoice(rate, reason, considered, insure)


def _manual_label(reference: str, manual: ManualEntry, plan: ParcelPlan,
                  account: CarrierAccountConfig, actor: Actor) -> tuple[Label, Quote]:
    try:
        rate = manual_rate(manual.carrier, manual.service, manual.tracking, reference=reference)
    except CarrierError as exc:
        raise InvalidValue(field="tracking number", problem=exc.message) from None
    label = ManualProvider().label_for(rate.rate_id, rate.carrier, rate.service,
                                       reference=reference)
    choice = _forced(plan, [rate], rate, Reason(TYPED_IN, {"actor": actor.name}), None)
    return label, Quote(plan, (QuotedRate(account.id, account.name, rate),), choice, ())


def _recorded(db: Database, purchase_id: int, label: Label, actor: Actor, number: str,
              noted: tuple[Quote, RateChoice, int | None] | None = None) -> LabelPurchaseInfo:
    """Store the label (and the choice, when not noted before the buy); a tracking number
    already used elsewhere is kept out and refused."""
    other, info = run_write(db, _record, purchase_id, label, actor, noted)
    if other is not None:
        raise TrackingNumberTaken(tracking=label.tracking_number, other=other)
    return info


def _not_bought(number: str, exc: CarrierError) -> LabelNotBought:
    if isinstance(exc, CarrierUnavailable):
        advice = "buy again"
    elif isinstance(exc, AddressRejected):
        advice = "fix the order, then buy again"
    elif isinstance(exc, CarrierAuthError):
        advice = "fix the carrier account"
    elif isinstance(exc, RateUnavailable):
        advice = "quote again and choose another rate"
    else:
        advice = "buy again"
    return LabelNotBought(order=number, message=exc.message, advice=advice)


# --- transactions ---------------------------------------------------------------------------


def _claim(session: Session, plan: ParcelPlan, account_id: int, trigger: str, actor: Actor,
           replace: bool, stale_after: timedelta) -> _Claim:
    """Transaction 1: the parcel's open intent (resumed when nobody is on it) or a new one."""
    order = session.scalar(select(Order).where(Order.id == plan.order_id).with_for_update())
    assert order is not None  # read a moment ago; orders are never deleted
    mine = LabelPurchase.parcel_id == plan.parcel_id if plan.parcel_id is not None \
        else LabelPurchase.parcel_id.is_(None)
    rows = session.scalars(select(LabelPurchase).where(
        LabelPurchase.order_id == order.id, mine).order_by(LabelPurchase.id)).all()
    now = utcnow()
    bought = [r for r in rows if r.status == "bought"]
    if bought and not replace:
        return _Claim(bought[-1].id, bought[-1].reference, bought[-1].account_id, False,
                      purchase_by_id(session, bought[-1].id))
    open_intent = next((r for r in reversed(rows) if r.status == "intent"), None)
    if open_intent is not None:
        since = open_intent.created_at
        if open_intent.error is None and since > now - stale_after:
            raise LabelBeingBought(order=order.number, since=f"{since:%H:%M:%S} UTC")
        open_intent.error = None  # claimed: in flight again
        open_intent.created_at = now
        open_intent.actor = actor.name[:64]
        return _Claim(open_intent.id, open_intent.reference, open_intent.account_id, True)
    n = int(session.scalar(select(func.count()).select_from(LabelPurchase)
                           .where(LabelPurchase.order_id == order.id)) or 0) + 1
    purchase = LabelPurchase(
        reference=f"HC-{order.id}-{plan.seq}-{n}", order_id=order.id, parcel_id=plan.parcel_id,
        account_id=account_id, status="intent", trigger=trigger, weight_g=plan.weight_g,
        actor=actor.name[:64], created_at=now, rates_considered="{}")
    session.add(purchase)
    session.flush()
    return _Claim(purchase.id, purchase.reference, account_id, False)


def _note_choice(session: Session, purchase_id: int, quote: Quote, choice: RateChoice,
                 account_id: int | None) -> None:
    """The chosen rate and why, on the intent, before the buy (so a retry knows where)."""
    rate = choice.chosen
    assert rate is not None  # only a made choice is noted
    p = _row(session, purchase_id)
    if account_id is not None:
        p.account_id = account_id
    p.rate_id = rate.rate_id[:100]
    p.provider_shipment_id = rate.provider_shipment_id[:100] or None
    p.carrier, p.service = rate.carrier[:40], rate.service[:60]
    p.cost, p.currency = rate.cost, rate.currency
    p.insured_value = choice.insure_amount
    p.rates_considered = considered_json(quote, choice)
    p.choice_reason = reason_text(choice)


def _leave_open(session: Session, purchase_id: int, message: str,
                noted: tuple[Quote, RateChoice, int | None] | None = None) -> None:
    """Outcome unknown: keep the intent open, saying why (so a retry may resume it), with
    the choice made (so the label found later still says why it was chosen)."""
    p = _row(session, purchase_id)
    if p.status == "intent":
        p.error = message or "no answer"
        if noted is not None:
            _note_choice(session, purchase_id, *noted)


def _close_failed(session: Session, purchase_id: int, message: str) -> None:
    p = _row(session, purchase_id)
    if p.status == "intent":
        p.status = "failed"
        p.error = message


def _record(session: Session, purchase_id: int, label: Label, actor: Actor,
            noted: tuple[Quote, RateChoice, int | None] | None
            ) -> tuple[str | None, LabelPurchaseInfo]:
    """Transaction 3: keep the label as received (and the choice); returns the other
    order's number when the tracking number is already used (the purchase is then
    closed as failed), and the purchase as it is now."""
    p = session.scalar(select(LabelPurchase).where(LabelPurchase.id == purchase_id)
                       .with_for_update())
    assert p is not None
    if p.status == "bought":  # recorded by a duplicate answer already
        return None, purchase_by_id(session, purchase_id)
    if noted is not None:
        _note_choice(session, purchase_id, *noted)
    tracking = label.tracking_number.strip()
    p.label, p.label_format = (label.data or None), (label.label_format.value if label.data
                                                      else None)
    p.provider_shipment_id = (label.provider_shipment_id or p.provider_shipment_id or "")[:100] \
        or None
    p.provider_label_id = label.provider_label_id
    p.carrier, p.service = label.carrier[:40], (label.service or p.service or "")[:60]
    p.cost, p.currency = label.cost, label.currency
    other = _tracking_owner(session, tracking, p.order_id)
    if other is not None:
        p.status = "failed"
        p.error = f"tracking number {tracking} is already used by order {other}"
        return other, purchase_by_id(session, purchase_id)
    p.status = "bought"
    p.tracking_number = tracking
    p.bought_at = utcnow()
    p.error = None
    if p.parcel_id is not None:
        parcel = session.get(Parcel, p.parcel_id)
        assert parcel is not None
        parcel.carrier, parcel.service = p.carrier, p.service
        parcel.tracking_number = tracking
        parcel.label_source = "carrier"
    order = session.get(Order, p.order_id)
    assert order is not None
    if p.parcel_id is None or _seq(session, p.parcel_id) == 1:
        order.carrier = p.carrier
        order.tracking_number = tracking
    record_audit(session, actor, "buy_label", "order", p.order_id, reference=p.reference,
                 tracking=tracking, carrier=p.carrier, service=p.service, cost=p.cost)
    session.flush()
    return None, purchase_by_id(session, purchase_id)


def _tracking_owner(session: Session, tracking: str, order_id: int) -> str | None:
    """The number of another order that carries ``tracking`` already, if any."""
    other = session.scalar(
        select(Order.number).outerjoin(Parcel, Parcel.order_id == Order.id)
        .where(Order.id != order_id, or_(Order.tracking_number == tracking,
                                         Parcel.tracking_number == tracking)).limit(1))
    if other is None:
        other = session.scalar(
            select(Order.number).join(LabelPurchase, LabelPurchase.order_id == Order.id)
            .where(LabelPurchase.tracking_number == tracking).limit(1))
    return other


def _seq(session: Session, parcel_id: int) -> int:
    return int(session.scalar(select(Parcel.seq).where(Parcel.id == parcel_id)) or 0)


def _row(session: Session, purchase_id: int) -> LabelPurchase:
    p = session.get(LabelPurchase, purchase_id)
    assert p is not None  # written by this module in transaction 1
    return p


def _manual_account(session: Session, number: str) -> CarrierAccountConfig:
    account_id = session.scalar(select(CarrierAccount.id).where(
        CarrierAccount.provider == "manual", CarrierAccount.enabled.is_(True))
        .order_by(CarrierAccount.name).limit(1))
    if account_id is None:
        raise NoCarrierAccount(order=number)
    return carrier_account_config(session, account_id)
