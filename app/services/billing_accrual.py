"""The billing job: what each client owes for a day (or a run of days), from what happened.

``accrue(session, day, through=...)`` reads the days (UTC, 00:00 to 24:00) once per
source and turns them into invoice lines priced by each client's rate card, one line
per client, kind, tier and day, whose ``detail`` lists every source it sums with that
source's own amount:

* receiving: receipt moves of the ledger (per unit; read through the FIFO layer each
  starts, dated by the warehouse), inbound cartons received (per carton), inbound
  shipments closed (per container when the ASN names one, per pallet when its notes say
  ``{"pallets": N}``);
* orders shipped (their ``shipped`` status change): one pick/pack fee per order by
  billable weight tier, the units beyond the first at the extra-unit tier, and one
  packing-material fee per boxed parcel; billable weight = max(actual, dimensional at
  the card's divisor), per parcel, summed;
* carrier labels bought: their cost plus the card's ``label`` price read as a markup in
  percent;
* return receipts: per unit at the tier of the unit's weight;
* storage: every stock lot with units left, each day, at the tier of the lot's age (the
  lot-days are the line's detail: the daily snapshot by lot age).

A rerun charges only sources that no line of the same kind, client and day holds yet:
nothing is charged twice, and a late source gets a line of its own. Charges of clients
without a rate card are not made. Storage reads today's remaining units, so the job is
meant to run for each day as it ends (a run over past days charges what is held now):
:func:`accrue_due` charges every ended day since the last one charged after it ended
(``billing_runs``) — what the office PC runs each night and ``billing accrue --due``
does from a scheduled task.

The job is set-based: each charge kind is one ``SELECT`` priced and summed in the
database by :mod:`app.services.billing_sql`, so a month of a busy warehouse is a few
dozen statements and a few hundred lines, not 400,000 rows priced or written one by one.
Only an ASN's pallet count (JSON in its notes) is read in Python, and priced by the same
statement.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    Integer,
    MetaData,
    Select,
    String,
    Table,
    case,
    func,
    insert,
    literal,
    null,
    select,
    union_all,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session

from app.db.bulk import DriverStatement
from app.db.models import (
    BillingRun,
    Box,
    Charge,
    Client,
    InboundCarton,
    InboundShipment,
    LabelPurchase,
    Order,
    OrderLine,
    OrderStatusChange,
    Parcel,
    RateCard,
    RateCardItem,
    ReturnAuthorization,
    ReturnReceipt,
    Sku,
    StockLot,
)
from app.domain.billing import ZERO, ChargeKind, Tier, line_amount, money, tier_label
from app.domain.billing_errors import RateCardMissing, UnknownChargeKind
from app.domain.errors import InvalidValue
from app.domain.permissions import Actor, Permission, require
from app.domain.states import MoveKind, OrderStatus
from app.services.billing_detail import plain
from app.services.billing_sql import (
    PricedGroup,
    Pricer,
    day_diff,
    dim_weight_g_sql,
    fresh_temporary,
    half_up,
    json_list,
    storage_qty_e4,
    text_of,
    utc_day,
    whole,
)
from app.services.lookup import client_by_code
from app.services.rate_cards import rate_card_by_client_id

K = ChargeKind
#: The longest run one call accrues (a year): the days are spelled in the statement.
MAX_DAYS = 366
_CHARGES = cast(Table, Charge.__table__)
_RUNS = cast(Table, BillingRun.__table__)
_CHARGE_COLUMNS = ("accrual_key", "client_id", "charge_date", "kind", "description",
                   "quantity", "unit_price", "amount", "currency", "source_type", "source_id",
                   "source_ref", "note", "sources", "detail", "created_by", "created_at")
#: What each kind's sources are (the lines' ``source_type``).
SOURCE_TYPES: dict[ChargeKind, str] = {
    K.RECEIVING_UNIT: "move", K.RECEIVING_CARTON: "receipt", K.RECEIVING_CONTAINER: "receipt",
    K.RECEIVING_PALLET: "receipt", K.PICK_PACK_ORDER: "order", K.PICK_PACK_EXTRA_UNIT: "order",
    K.PACKING_MATERIAL: "order", K.LABEL: "label", K.RETURN: "return", K.STORAGE: "lot",
}
#: The orders shipped in the run, with what their fees are priced on; temporary tables
#: because three kinds read them.
_SHIPPED_IDS = Table("billing_shipped_ids", MetaData(),
                     Column("order_id", Integer, primary_key=True), Column("day", Date),
                     prefixes=["TEMPORARY"], postgresql_on_commit="DROP")
#: The lots held during the run: their billed quantity and age on its first day.
_HELD = Table("billing_held", MetaData(),
              Column("lot_id", Integer, primary_key=True), Column("client_id", Integer),
              Column("sku", String(64)), Column("units", Integer), Column("unit", String(8)),
              Column("age0", Integer), Column("qty_e4", BigInteger), prefixes=["TEMPORARY"],
              postgresql_on_commit="DROP")
_SHIPPED = Table("billing_shipped", MetaData(),
                 Column("order_id", Integer, primary_key=True), Column("client_id", Integer),
                 Column("number", String(64)), Column("day", Date), Column("units", BigInteger),
                 Column("weight", BigInteger), Column("boxes", Integer),
                 prefixes=["TEMPORARY"], postgresql_on_commit="DROP")


@dataclass(frozen=True)
class NewCharge:
    """A line about to be written (amount already the sum of its sources)."""

    client_id: int
    kind: str
    description: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    source_type: str
    source_id: int | None
    source_ref: str | None
    key: str
    day: date
    currency: str
    note: str | None = None
    sources: int = 1
    detail: str | None = None


@dataclass(frozen=True)
class AccrualResult:
    """What one run added: lines, their sum, lot-days of storage charged (``snapshots``:
    the lots in the daily storage snapshot that were billed), and per client."""

    day: date
    charges: int
    amount: Decimal
    snapshots: int
    per_client: dict[str, dict[str, Any]] = field(default_factory=dict)
    through: date | None = None

    def as_json(self) -> dict[str, Any]:
        data = {"date": self.day.isoformat(), "charges": self.charges,
                "amount": str(self.amount), "snapshots": self.snapshots,
                "clients": self.per_client}
        if self.through is not None and self.through != self.day:
            data["to"] = self.through.isoformat()
        return data


def _e4(value: Any) -> Any:
    """Whole units in ten-thousandths (the pricer's quantities)."""
    return value * literal(10000, BigInteger)


def _source(client_id: Any, day: Any, qty_e4: Any, source_id: Any, source_ref: Any,
            info: Any, *, measure: Any = 0, cents: Any = None) -> list[Any]:
    """The columns :meth:`Pricer.groups` reads, in its names."""
    return [client_id.label("client_id"), day.label("day"),
            (literal(measure) if isinstance(measure, int) else measure).label("measure"),
            qty_e4.label("qty_e4"),
            (cents if cents is not None else sql_cast(null(), BigInteger)).label("cents"),
            source_id.label("source_id"), source_ref.label("source_ref"), info.label("info")]


class _Run:
    """One accrual: its days, their window, the groups priced so far."""

    def __init__(self, session: Session, first: date, last: date) -> None:
        self.session, self.first, self.last = session, first, last
        self.pricer = Pricer(session)
        self.start = datetime.combine(first, time(0), tzinfo=UTC)
        self.end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=UTC)
        self.groups: list[tuple[ChargeKind, PricedGroup]] = []

    def price(self, kind: ChargeKind, rows: Select[Any]) -> None:
        self.groups += [(kind, g) for g in self.pricer.groups(kind.value, rows.subquery())]

    def day_of(self, moment: Any) -> Any:
        return utc_day(self.session, moment)

def _receiving(run: _Run) -> None:
    # Receipt moves are read through the FIFO layers they start (one per move, same
    # units, the warehouse's date): a scan of the layers, not of the whole ledger.
    lot, ref = StockLot, func.nullif(StockLot.reference, "")
    run.price(K.RECEIVING_UNIT, select(*_source(
        lot.client_id, lot.received_on, _e4(lot.quantity), lot.move_id,
        func.coalesce(ref, "move " + text_of(lot.move_id)), Sku.code))
        .join(Sku, Sku.id == lot.sku_id)
        .where(lot.source == MoveKind.RECEIPT.value, lot.received_on >= run.first,
               lot.received_on <= run.last, lot.move_id.is_not(None)))
    ship = InboundShipment
    run.price(K.RECEIVING_CARTON, select(*_source(
        ship.client_id, run.day_of(InboundCarton.received_at), literal(10000, BigInteger),
        InboundCarton.id, ship.reference + "/" + InboundCarton.code, InboundCarton.code))
        .join(ship, ship.id == InboundCarton.shipment_id)
        .where(InboundCarton.received_at >= run.start, InboundCarton.received_at < run.end))
    run.price(K.RECEIVING_CONTAINER, select(*_source(
        ship.client_id, run.day_of(ship.closed_at), literal(10000, BigInteger), ship.id,
        ship.reference, ship.container))
        .where(ship.closed_at >= run.start, ship.closed_at < run.end,
               func.coalesce(ship.container, "") != ""))
    # The pallet count lives in the ASN's notes as JSON: read in Python (a few rows a
    # day), priced by the same statement.
    closed = run.session.execute(
        select(ship.id, ship.reference, ship.client_id, ship.closed_at, ship.notes)
        .where(ship.closed_at >= run.start, ship.closed_at < run.end, ship.notes.is_not(None)))
    pallets = [select(*_source(literal(client_id),
                               literal((at or run.start).astimezone(UTC).date(), Date),
                               literal(n * 10000, BigInteger), literal(sid), literal(ref),
                               literal(str(n))))
               for sid, ref, client_id, at, notes in closed if (n := _pallets(notes))]
    if pallets:
        run.price(K.RECEIVING_PALLET, cast(Select[Any], union_all(*pallets).subquery()
                                           .select()))


def _pallets(notes: str | None) -> int:
    """The pallet count an ASN's notes carry (``{"pallets": N}``), else 0."""
    if not notes:
        return 0
    try:
        data = json.loads(notes)
    except ValueError:
        return 0
    value = data.get("pallets") if isinstance(data, dict) else None
    return value if isinstance(value, int) and value > 0 else 0


def _shipped(run: _Run) -> bool:
    """Fill the run's temporary table of shipped orders; False when none shipped.

    An order is charged on the first day of the run it reached ``shipped``. Its weight
    is the sum over its parcels of max(actual, dimensional at the card's divisor) (a
    parcel's actual weight: its scale weight, else its recorded billable weight, else
    0), or, without parcels, the weight of its lines. The orders are found first (one
    read of the day's transitions), then their lines and parcels are summed."""
    connection = run.session.connection()
    fresh_temporary(connection, _SHIPPED, _SHIPPED_IDS)
    connection.execute(insert(_SHIPPED_IDS).from_select(["order_id", "day"], (
        select(OrderStatusChange.order_id, func.min(run.day_of(OrderStatusChange.at)))
        .where(OrderStatusChange.to_status == OrderStatus.SHIPPED.value,
               OrderStatusChange.at >= run.start, OrderStatusChange.at < run.end)
        .group_by(OrderStatusChange.order_id))))
    shipped = _SHIPPED_IDS.c
    lines = (select(OrderLine.order_id, func.sum(OrderLine.quantity).label("units"),
                    func.sum(OrderLine.quantity * func.coalesce(Sku.weight_g, 0))
                    .label("weight"))
             .join(Sku, Sku.id == OrderLine.sku_id)
             .where(OrderLine.order_id.in_(select(shipped.order_id)))
             .group_by(OrderLine.order_id).subquery())
    actual = func.coalesce(Parcel.weight_g, Parcel.billable_weight_g, 0)
    dim = dim_weight_g_sql(Box.inner_length_mm, Box.inner_width_mm, Box.inner_height_mm,
                           RateCard.dim_divisor)
    billable = case((Box.id.is_(None), actual), (dim > actual, dim), else_=actual)
    parcels = (select(Parcel.order_id, func.sum(billable).label("weight"),
                      func.count(Box.id).label("boxes"))
               .join(Order, Order.id == Parcel.order_id)
               .join(RateCard, RateCard.client_id == Order.client_id)
               .outerjoin(Box, Box.id == Parcel.box_id)
               .where(Parcel.order_id.in_(select(shipped.order_id)))
               .group_by(Parcel.order_id).subquery())
    connection.execute(insert(_SHIPPED).from_select(
        ["order_id", "client_id", "number", "day", "units", "weight", "boxes"],
        select(Order.id, Order.client_id, Order.number, shipped.day,
               func.coalesce(lines.c.units, 0),
               func.coalesce(parcels.c.weight, lines.c.weight, 0),
               func.coalesce(parcels.c.boxes, 0))
        .join(Order, Order.id == shipped.order_id)
        .outerjoin(lines, lines.c.order_id == shipped.order_id)
        .outerjoin(parcels, parcels.c.order_id == shipped.order_id)))
    _SHIPPED_IDS.drop(connection)
    return bool(connection.execute(select(func.count()).select_from(_SHIPPED)).scalar())


def _shipments(run: _Run) -> None:
    """Pick/pack per order at the tier of its billable weight, extra units, boxes."""
    if _shipped(run):
        o = _SHIPPED.c
        run.price(K.PICK_PACK_ORDER, select(*_source(
            o.client_id, o.day, literal(10000, BigInteger), o.order_id, o.number, o.units,
            measure=o.weight)))
        run.price(K.PICK_PACK_EXTRA_UNIT, select(*_source(
            o.client_id, o.day, _e4(o.units - 1), o.order_id, o.number, o.units,
            measure=o.weight)).where(o.units > 1))
        run.price(K.PACKING_MATERIAL, select(*_source(
            o.client_id, o.day, _e4(o.boxes), o.order_id, o.number, o.boxes))
            .where(o.boxes > 0))
    _SHIPPED.drop(run.session.connection(), checkfirst=True)


def _labels(run: _Run) -> None:
    """Label cost plus the card's ``label`` price read as a markup in percent, half-up
    to the cent: cost x (1 + markup / 100) in integers (cents x millionths)."""
    markup = (select(whole(RateCardItem.price * 10000))
              .join(RateCard, RateCard.id == RateCardItem.rate_card_id)
              .where(RateCard.client_id == Order.client_id,
                     RateCardItem.kind == K.LABEL.value, RateCardItem.tier_from == 0)
              .scalar_subquery())
    cents = half_up(whole(LabelPurchase.cost * 100) * (literal(1000000, BigInteger) + markup),
                    1000000)
    info = func.replace(func.trim(func.coalesce(LabelPurchase.carrier, "") + " "
                                  + func.coalesce(LabelPurchase.service, "") + " "
                                  + func.coalesce(LabelPurchase.tracking_number, "")), "  ", " ")
    run.price(K.LABEL, select(*_source(
        Order.client_id, run.day_of(LabelPurchase.bought_at),
        whole(LabelPurchase.cost * 10000), LabelPurchase.id, Order.number, info, cents=cents))
        .join(Order, Order.id == LabelPurchase.order_id)
        .where(LabelPurchase.status == "bought", LabelPurchase.bought_at >= run.start,
               LabelPurchase.bought_at < run.end, LabelPurchase.cost.is_not(None)))


def _returns(run: _Run) -> None:
    """Per unit at the tier of the unit's weight: the weighed receipt's weight per unit
    rounded up, else the SKU's weight."""
    r = ReturnReceipt
    unit_g = case((func.coalesce(r.weight_g, 0) != 0, (r.weight_g + r.quantity - 1) // r.quantity),
                  else_=func.coalesce(Sku.weight_g, 0))
    run.price(K.RETURN, select(*_source(
        ReturnAuthorization.client_id, run.day_of(r.at), _e4(r.quantity), r.id,
        ReturnAuthorization.number, Sku.code, measure=unit_g))
        .join(ReturnAuthorization, ReturnAuthorization.id == r.return_id)
        .join(Sku, Sku.id == r.sku_id)
        .where(r.at >= run.start, r.at < run.end))


def _storage(run: _Run) -> None:
    """Every lot with units left, every day of the run it was held, at its age's tier.

    Volume: L x W x H x units in mm³, half-up to the millionth of a m³
    (:func:`app.domain.billing.sku_volume_m3`), in the card's unit; age: day of receipt
    = 1. Each lot's quantity and its age on the run's first day are worked out once
    (a temporary table), so a lot-day costs one addition."""
    lot = StockLot
    mm3 = (func.coalesce(Sku.length_mm, 0) * func.coalesce(Sku.width_mm, 0)
           * func.coalesce(Sku.height_mm, 0) * sql_cast(lot.remaining, BigInteger))
    connection = run.session.connection()
    fresh_temporary(connection, _HELD)
    connection.execute(insert(_HELD).from_select(
        ["lot_id", "client_id", "sku", "units", "unit", "age0", "qty_e4"],
        select(lot.id, lot.client_id, Sku.code, lot.remaining, RateCard.storage_unit,
               day_diff(run.session, literal(run.first, Date), lot.received_on) + 1,
               storage_qty_e4(RateCard.storage_unit, half_up(mm3, 1000)))
        .join(Sku, Sku.id == lot.sku_id)
        .join(RateCard, RateCard.client_id == lot.client_id)
        .where(lot.remaining > 0, lot.received_on <= run.last)))
    days = union_all(*[select(literal(run.first + timedelta(days=n), Date).label("day"),
                              literal(n, Integer).label("n"))
                       for n in range((run.last - run.first).days + 1)]).subquery()
    held = _HELD.c
    age = held.age0 + days.c.n
    run.price(K.STORAGE, select(*_source(
        held.client_id, days.c.day, held.qty_e4, held.lot_id, held.sku,
        json_list(run.session, held.units, held.unit), measure=age)).join(days, age >= 1))
    _HELD.drop(connection)


def _charged(session: Session, first: date, last: date) -> dict[tuple[str, int, date],
                                                                   tuple[set[Any], int]]:
    """(kind, client, day) -> (the source ids its lines hold, how many lines) for the
    days of a run: what a rerun must not charge again."""
    held: dict[tuple[str, int, date], tuple[set[Any], int]] = {}
    for kind, client_id, day, source_id, detail in session.execute(
            select(Charge.kind, Charge.client_id, Charge.charge_date, Charge.source_id,
                   Charge.detail)
            .where(Charge.charge_date >= first, Charge.charge_date <= last,
                   Charge.source_type != "adhoc")):
        ids, lines = held.get((kind, client_id, day), (set(), 0))
        ids.update(entry[0] for entry in json.loads(detail)) if detail else ids.add(source_id)
        held[(kind, client_id, day)] = (ids, lines + 1)
    return held


def _lines(run: _Run, codes: dict[int, str]) -> list[NewCharge]:
    """The run's groups as lines, less the sources lines of earlier runs hold."""
    held = _charged(run.session, run.first, run.last)
    lines: list[NewCharge] = []
    extra: dict[tuple[str, int, date], int] = {}
    for kind, group in run.groups:
        where = (kind.value, group.client_id, group.day)
        key = f"{kind.value}:{codes[group.client_id]}:{group.day.isoformat()}:{group.tier_from}"
        if where in held:
            ids, count = held[where]
            entries = [e for e in json.loads(group.detail) if e[0] not in ids]
            if not entries:
                continue
            extra[where] = extra.get(where, count) + 1
            key += f"+{extra[where]}"
            group = PricedGroup(
                group.client_id, group.day, group.tier_from, group.tier_to, group.price,
                group.currency, group.storage_unit, sum(int(e[2]) for e in entries),
                sum(int(e[4]) for e in entries), len(entries), json.dumps(entries))
        lines.append(_line(kind, group, key))
    return lines


def _line(kind: ChargeKind, g: PricedGroup, key: str) -> NewCharge:
    """A group as a line: quantity x unit price, amount the sum of its sources."""
    quantity = Decimal(g.qty_e4).scaleb(-4)
    price = g.price
    # A fee with one open tier has no tier worth naming.
    tiered = g.tier_from != 0 or g.tier_to is not None
    tier = tier_label(Tier(g.tier_from, g.tier_to, g.price))
    weight = f", billable weight {tier} g" if tiered else ""
    n, units = g.sources, plain(quantity)
    text = {
        K.RECEIVING_UNIT: f"{units} unit(s) received in {n} receipt(s)",
        K.RECEIVING_CARTON: f"{n} carton(s) received",
        K.RECEIVING_CONTAINER: f"{n} container(s) unloaded",
        K.RECEIVING_PALLET: f"{units} pallet(s) received",
        K.PICK_PACK_ORDER: f"{n} order(s) shipped{weight}",
        K.PICK_PACK_EXTRA_UNIT: f"{units} extra unit(s) on {n} order(s){weight}",
        K.PACKING_MATERIAL: f"{units} box(es) on {n} order(s)",
        K.LABEL: f"{n} label(s) at cost {quantity:.2f} + {plain(price)} %",
        K.RETURN: f"{units} unit(s) returned" + (f", {tier} g each" if tiered else ""),
        K.STORAGE: f"{n} lot(s) aged {tier} day(s): {units} {g.storage_unit}",
    }[kind]
    if kind is K.LABEL:
        price = 1 + price / 100
    if kind not in (K.RECEIVING_UNIT, K.RECEIVING_PALLET, K.PICK_PACK_EXTRA_UNIT,
                    K.PACKING_MATERIAL, K.LABEL, K.RETURN, K.STORAGE):
        quantity = Decimal(n)
    return NewCharge(g.client_id, kind.value, text, quantity, price, Decimal(g.cents).scaleb(-2),
                     SOURCE_TYPES[kind], None, None, key, g.day, g.currency,
                     sources=n, detail=g.detail)


def _write(session: Session, charges: Sequence[NewCharge], actor: Actor) -> None:
    """Insert the lines (a key another run wrote meanwhile is skipped)."""
    if not charges:
        return
    statement = DriverStatement.insert(session.connection(), _CHARGES, _CHARGE_COLUMNS,
                                       skip_existing=("accrual_key",))
    money_in = statement.processor("amount")
    qty_in, price_in = statement.processor("quantity"), statement.processor("unit_price")
    day_in = statement.processor("charge_date")
    now = statement.processor("created_at")(datetime.now(UTC))
    statement.run([(c.key, c.client_id, day_in(c.day), c.kind, c.description[:300],
                    qty_in(c.quantity), price_in(c.unit_price), money_in(c.amount), c.currency,
                    c.source_type, c.source_id, c.source_ref, c.note, c.sources, c.detail,
                    actor.name, now) for c in charges])


def last_accrued_day(session: Session) -> date | None:
    """The last day charged after it ended (None: the job never ran)."""
    return session.scalar(select(func.max(BillingRun.day)))


def due_days(session: Session, today: date) -> tuple[date, date] | None:
    """The ended days not charged yet, up to yesterday: from the day after the last
    one charged (at most a year back), or yesterday alone when the job never ran."""
    yesterday = today - timedelta(days=1)
    last = last_accrued_day(session)
    first = yesterday if last is None else max(last + timedelta(days=1),
                                               yesterday - timedelta(days=MAX_DAYS - 1))
    return (first, yesterday) if first <= yesterday else None


def accrue_due(session: Session, *, today: date, actor: Actor) -> AccrualResult | None:
    """Charge every ended day not charged yet (see :func:`due_days`); None when every
    day up to yesterday is."""
    require(actor, Permission.MANAGE_BILLING)
    days = due_days(session, today)
    if days is None:
        return None
    return accrue(session, days[0], through=days[1], actor=actor)


def _record_run(session: Session, first: date, last: date, actor: Actor) -> None:
    """Note the run's days that have ended (UTC): a day charged while it still runs
    may gain sources, so the nightly job must still come back to it."""
    today = datetime.now(UTC).date()
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    ended = [d for d in days if d < today]
    if not ended:
        return
    statement = DriverStatement.insert(session.connection(), _RUNS, ("day", "ran_at", "ran_by"),
                                       skip_existing=("day",))
    day_in, now = statement.processor("day"), statement.processor("ran_at")(datetime.now(UTC))
    statement.run([(day_in(d), now, actor.name) for d in ended])


def accrue(session: Session, day: date, *, actor: Actor,
           through: date | None = None) -> AccrualResult:
    """Charge ``day`` (to ``through``, both included; see the module); a rerun adds
    only what is new."""
    require(actor, Permission.MANAGE_BILLING)
    last = through or day
    if last < day:
        raise InvalidValue(field="--to", problem="is before --date")
    if (last - day).days >= MAX_DAYS:
        raise InvalidValue(field="--to", problem=f"is more than {MAX_DAYS} days after --date")
    run = _Run(session, day, last)
    _receiving(run)
    _shipments(run)
    _labels(run)
    _returns(run)
    _storage(run)
    run.pricer.close()
    codes: dict[int, str] = {cid: code for cid, code in session.execute(
        select(Client.id, Client.code))}
    written = _lines(run, codes)
    _write(session, written, actor)
    _record_run(session, day, last, actor)
    per_client: dict[str, dict[str, Any]] = {}
    for line in written:
        entry = per_client.setdefault(codes[line.client_id], {"charges": 0, "amount": ZERO})
        entry["charges"] += 1
        entry["amount"] += line.amount
    for entry in per_client.values():
        entry["amount"] = str(money(entry["amount"]))
    return AccrualResult(day, len(written), money(sum((c.amount for c in written), ZERO)),
                         sum(c.sources for c in written if c.kind == K.STORAGE.value),
                         per_client, last)


def add_charge(session: Session, client_code: str, kind: str, quantity: Decimal,
               unit_price: Decimal, note: str, *, day: date, actor: Actor) -> NewCharge:
    """An ad-hoc or value-added-service charge typed in by the office, with its note."""
    require(actor, Permission.MANAGE_BILLING)
    try:
        charge_kind = ChargeKind(kind)
    except ValueError:
        raise UnknownChargeKind(kind=kind, kinds=", ".join(k.value for k in ChargeKind)) from None
    if quantity <= 0:
        raise InvalidValue(field="quantity", problem="must be more than 0")
    if unit_price < 0:
        raise InvalidValue(field="price", problem="must not be negative")
    if not note.strip():
        raise InvalidValue(field="note", problem="must not be empty")
    client = client_by_code(session, client_code)
    card = rate_card_by_client_id(session, client.id)
    if card is None:
        raise RateCardMissing(client=client.code)
    key = f"{charge_kind.value}:adhoc:{uuid.uuid4().hex[:12]}:{day.isoformat()}"
    charge = NewCharge(client.id, charge_kind.value, note.strip()[:300], quantity, unit_price,
                       line_amount(quantity, unit_price), "adhoc", None, None, key, day,
                       card.currency, note.strip())
    _write(session, [charge], actor)
    return charge
