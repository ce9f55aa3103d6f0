"""The daily billing job: what each client owes for one day, from what happened that day.

``accrue(session, day)`` reads the day (UTC, 00:00 to 24:00) once per source and turns
it into charges priced by each client's rate card:

* receiving: receipt moves of the ledger (per unit; read through the FIFO layer each
  starts, dated by the warehouse), inbound cartons received (per
  carton), inbound shipments closed (per container when the ASN names one, per pallet
  when its notes say ``{"pallets": N}``);
* orders shipped that day (their ``shipped`` status change): one pick/pack fee per order
  by billable weight tier, the units beyond the first at the extra-unit tier, and one
  packing-material fee per boxed parcel; billable weight = max(actual, dimensional at the
  card's divisor), per parcel, summed;
* carrier labels bought that day: their cost plus the card's ``label`` price read as a
  markup in percent;
* return receipts: per unit at the tier of the unit's weight;
* storage: a snapshot of every stock lot with units left (``storage_snapshots``, one per
  lot and day, volume from the SKU's dimensions), charged at the tier of the lot's age.

Every charge has an ``accrual_key`` ``kind:source_type:source_id:day`` (unique in the
table): keys already there are skipped and the insert ignores a key another run wrote
meanwhile, so running a day twice charges nothing twice. Charges of clients without a
rate card are not made (their snapshots are). Snapshots read today's remaining units, so
the job is meant to run for each day as it ends.

The job is set-based: each charge kind is one ``INSERT INTO charges ... SELECT`` priced
in the database by :mod:`app.services.billing_sql` (the tier joined on its range, exact
integer arithmetic, the audit text built in SQL), so a month of a busy warehouse is a
few hundred statements, not 400,000 lines priced one by one in Python. Only an ASN's
pallet count (JSON in its notes) is read in Python, and priced by the same statement.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    Date,
    Select,
    Table,
    bindparam,
    case,
    exists,
    func,
    literal,
    literal_column,
    null,
    select,
    union_all,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from app.db.bulk import DriverStatement
from app.db.dialects import dialect_insert
from app.db.models import (
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
    StorageSnapshot,
)
from app.domain.billing import ChargeKind, line_amount, money
from app.domain.billing_errors import RateCardMissing, UnknownChargeKind
from app.domain.errors import InvalidValue
from app.domain.permissions import Actor, Permission, require
from app.domain.states import MoveKind, OrderStatus
from app.services.billing_sql import (
    days_between,
    decimal_e4,
    dim_weight_g_sql,
    half_up,
    insert_priced,
    storage_qty_e4,
    text_of,
    whole,
)
from app.services.lookup import client_by_code
from app.services.rate_cards import rate_card_by_client_id

K = ChargeKind
_SNAPSHOTS = cast(Table, StorageSnapshot.__table__)
_SNAPSHOT_COLUMNS = ("snapshot_date", "client_id", "warehouse_id", "sku_id", "lot_id", "units",
                     "volume_m3", "age_days")
_CHARGES = cast(Table, Charge.__table__)
_CHARGE_COLUMNS = ("accrual_key", "client_id", "charge_date", "kind", "description",
                   "quantity", "unit_price", "amount", "currency", "source_type", "source_id",
                   "source_ref", "note", "created_by", "created_at")


@dataclass(frozen=True)
class NewCharge:
    """A charge about to be written (amount already rounded)."""

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
    note: str | None = None


@dataclass(frozen=True)
class AccrualResult:
    """What one run added: per client, the number of new charges and their sum."""

    day: date
    charges: int
    amount: Decimal
    snapshots: int
    per_client: dict[str, dict[str, Any]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "charges": self.charges,
                "amount": str(self.amount), "snapshots": self.snapshots,
                "clients": self.per_client}


def _window(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), tzinfo=UTC)
    return start, start + timedelta(days=1)


def _e4(value: Any) -> Any:
    """Whole units in ten-thousandths (the pricer's quantities)."""
    return value * literal(10000, BigInteger)


def _source(client_id: Any, qty_e4: Any, source_type: str, source_id: Any, source_ref: Any,
            description: Any, *, measure: Any = 0, price_e4: Any = None) -> list[Any]:
    """The columns :func:`insert_priced` reads, in its names."""
    return [client_id.label("client_id"), literal(measure).label("measure")
            if isinstance(measure, int) else measure.label("measure"),
            qty_e4.label("qty_e4"),
            (price_e4 if price_e4 is not None else sql_cast(null(), BigInteger)).label("price_e4"),
            literal(source_type).label("source_type"), source_id.label("source_id"),
            source_ref.label("source_ref"), description.label("description")]


class _Run:
    """One accrual: the day, its window and the stamp every charge of the run carries."""

    def __init__(self, session: Session, day: date, actor: Actor) -> None:
        self.session, self.day, self.actor = session, day, actor
        self.start, self.end = _window(day)
        self.stamp = datetime.now(UTC)

    def charge(self, kind: ChargeKind, rows: Select[Any]) -> None:
        insert_priced(self.session, kind.value, rows.subquery(), day=self.day,
                      stamp=self.stamp, actor=self.actor.name)


def _receiving(run: _Run) -> None:
    # Receipt moves are read through the FIFO layers they start (one per move, same
    # units, the warehouse's date): a scan of the layers, not of the whole ledger.
    lot, ref = StockLot, func.nullif(StockLot.reference, "")
    run.charge(K.RECEIVING_UNIT, select(*_source(
        lot.client_id, _e4(lot.quantity), "move", lot.move_id,
        func.coalesce(ref, "move " + text_of(lot.move_id)),
        "Received " + text_of(lot.quantity) + " x " + Sku.code))
        .join(Sku, Sku.id == lot.sku_id)
        .where(lot.source == MoveKind.RECEIPT.value, lot.received_on == run.day,
               lot.move_id.is_not(None)))
    run.charge(K.RECEIVING_CARTON, select(*_source(
        InboundShipment.client_id, literal(10000, BigInteger), "receipt", InboundCarton.id,
        InboundShipment.reference + "/" + InboundCarton.code,
        "Carton " + InboundCarton.code + " of " + InboundShipment.reference))
        .join(InboundShipment, InboundShipment.id == InboundCarton.shipment_id)
        .where(InboundCarton.received_at >= run.start, InboundCarton.received_at < run.end))
    run.charge(K.RECEIVING_CONTAINER, select(*_source(
        InboundShipment.client_id, literal(10000, BigInteger), "receipt", InboundShipment.id,
        InboundShipment.reference,
        "Container " + InboundShipment.container + " (" + InboundShipment.reference + ")"))
        .where(InboundShipment.closed_at >= run.start, InboundShipment.closed_at < run.end,
               func.coalesce(InboundShipment.container, "") != ""))
    # The pallet count lives in the ASN's notes as JSON: read in Python (a few rows a
    # day), priced by the same statement.
    closed = run.session.execute(
        select(InboundShipment.id, InboundShipment.reference, InboundShipment.client_id,
               InboundShipment.notes)
        .where(InboundShipment.closed_at >= run.start, InboundShipment.closed_at < run.end,
               InboundShipment.notes.is_not(None)))
    pallets = [select(*_source(literal(client_id), literal(n * 10000, BigInteger), "receipt",
                               literal(sid), literal(ref), literal(f"{n} pallet(s) of {ref}")))
               for sid, ref, client_id, notes in closed if (n := _pallets(notes))]
    if pallets:
        run.charge(K.RECEIVING_PALLET, cast(Select[Any], union_all(*pallets).subquery()
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


def _shipments(run: _Run) -> None:
    """Pick/pack per order at the tier of its billable weight, extra units, boxes.

    An order's weight is the sum over its parcels of max(actual, dimensional at the
    card's divisor) (a parcel's actual weight: its scale weight, else its recorded
    billable weight, else 0), or, without parcels, the weight of its lines."""
    # No index on the history's time: it is scanned once, its ids then listed inline.
    ids = list(run.session.scalars(
        select(OrderStatusChange.order_id)
        .where(OrderStatusChange.to_status == OrderStatus.SHIPPED.value,
               OrderStatusChange.at >= run.start, OrderStatusChange.at < run.end)
        .distinct()))
    if not ids:
        return
    shipped: BindParameter[list[int]] = bindparam("shipped", ids, expanding=True,
                                                  literal_execute=True)
    lines = (select(OrderLine.order_id, func.sum(OrderLine.quantity).label("units"),
                    func.sum(OrderLine.quantity * func.coalesce(Sku.weight_g, 0))
                    .label("weight"))
             .join(Sku, Sku.id == OrderLine.sku_id)
             .where(OrderLine.order_id.in_(shipped))
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
               .where(Parcel.order_id.in_(shipped))
               .group_by(Parcel.order_id).subquery())
    units = func.coalesce(lines.c.units, 0)
    weight = func.coalesce(parcels.c.weight, lines.c.weight, 0)
    orders = (select(Order.id, Order.number, Order.client_id, units.label("units"),
                     weight.label("weight"), func.coalesce(parcels.c.boxes, 0).label("boxes"))
              .outerjoin(lines, lines.c.order_id == Order.id)
              .outerjoin(parcels, parcels.c.order_id == Order.id)
              .where(Order.id.in_(shipped)).subquery())
    o = orders.c
    prefix = "Order " + o.number + ": "
    run.charge(K.PICK_PACK_ORDER, select(*_source(
        o.client_id, literal(10000, BigInteger), "order", o.id, o.number,
        prefix + text_of(o.units) + " unit(s), " + text_of(o.weight) + " g billable",
        measure=o.weight)))
    run.charge(K.PICK_PACK_EXTRA_UNIT, select(*_source(
        o.client_id, _e4(o.units - 1), "order", o.id, o.number,
        prefix + text_of(o.units - 1) + " extra unit(s)", measure=o.weight))
        .where(o.units > 1))
    run.charge(K.PACKING_MATERIAL, select(*_source(
        o.client_id, _e4(o.boxes), "order", o.id, o.number,
        prefix + text_of(o.boxes) + " box(es)"))
        .where(o.boxes > 0))


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
    text = ("Label " + func.coalesce(LabelPurchase.carrier, "") + " "
            + func.coalesce(LabelPurchase.service, "") + " for " + Order.number)
    run.charge(K.LABEL, select(*_source(
        Order.client_id, literal(10000, BigInteger), "label", LabelPurchase.id,
        func.coalesce(LabelPurchase.tracking_number, Order.number),
        func.replace(text, "  ", " "), price_e4=cents * 100))
        .join(Order, Order.id == LabelPurchase.order_id)
        .where(LabelPurchase.status == "bought", LabelPurchase.bought_at >= run.start,
               LabelPurchase.bought_at < run.end, LabelPurchase.cost.is_not(None)))


def _returns(run: _Run) -> None:
    """Per unit at the tier of the unit's weight: the weighed receipt's weight per unit
    rounded up, else the SKU's weight."""
    r = ReturnReceipt
    unit_g = case((func.coalesce(r.weight_g, 0) != 0, (r.weight_g + r.quantity - 1) // r.quantity),
                  else_=func.coalesce(Sku.weight_g, 0))
    run.charge(K.RETURN, select(*_source(
        ReturnAuthorization.client_id, _e4(r.quantity), "return", r.id,
        ReturnAuthorization.number,
        "Return " + ReturnAuthorization.number + ": " + text_of(r.quantity) + " x " + Sku.code
        + ", " + text_of(unit_g) + " g each", measure=unit_g))
        .join(ReturnAuthorization, ReturnAuthorization.id == r.return_id)
        .join(Sku, Sku.id == r.sku_id)
        .where(r.at >= run.start, r.at < run.end))


def _storage(run: _Run) -> int:
    """Snapshot every lot with units left on the day and charge it; the day's snapshots.

    Volume: L x W x H x units in mm³, half-up to the millionth of a m³
    (:func:`app.domain.billing.sku_volume_m3`); age: day of receipt = 1."""
    lot, day = StockLot, run.day
    mm3 = (func.coalesce(Sku.length_mm, 0) * func.coalesce(Sku.width_mm, 0)
           * func.coalesce(Sku.height_mm, 0) * sql_cast(lot.remaining, BigInteger))
    lots = (select(literal(day, Date), lot.client_id, lot.warehouse_id, lot.sku_id, lot.id,
                   lot.remaining, half_up(mm3, 1000) * literal_column("0.000001"),
                   days_between(run.session, day, lot.received_on) + 1)
            .join(Sku, Sku.id == lot.sku_id)
            .where(lot.remaining > 0, lot.received_on <= day,
                   ~exists().where(StorageSnapshot.snapshot_date == day,
                                   StorageSnapshot.lot_id == lot.id)))
    statement = dialect_insert(run.session)(_SNAPSHOTS).from_select(_SNAPSHOT_COLUMNS, lots)
    if run.session.get_bind().dialect.name == "postgresql":
        statement = statement.on_conflict_do_nothing(index_elements=["snapshot_date", "lot_id"])
    run.session.execute(statement)
    snap = StorageSnapshot
    qty = storage_qty_e4(RateCard.storage_unit, whole(snap.volume_m3 * 1000000))
    run.charge(K.STORAGE, select(*_source(
        snap.client_id, qty, "snapshot", snap.id,
        Sku.code + " day " + text_of(snap.age_days),
        "Storage " + text_of(snap.units) + " x " + Sku.code + ", age "
        + text_of(snap.age_days) + " d, " + decimal_e4(qty) + " " + RateCard.storage_unit,
        measure=snap.age_days))
        .join(Sku, Sku.id == snap.sku_id)
        .join(RateCard, RateCard.client_id == snap.client_id)
        .where(snap.snapshot_date == day))
    return run.session.scalar(select(func.count()).select_from(snap)
                              .where(snap.snapshot_date == day)) or 0


def _write(session: Session, day: date, charges: Iterable[NewCharge], actor: Actor,
           currencies: dict[int, str]) -> list[NewCharge]:
    """Insert the charges whose key is new; the ones written."""
    existing = set(session.scalars(select(Charge.accrual_key)
                                   .where(Charge.charge_date == day)))
    fresh = [c for c in charges if c.key not in existing]
    if fresh:
        insert = DriverStatement.insert(session.connection(), _CHARGES, _CHARGE_COLUMNS,
                                        skip_existing=("accrual_key",))
        money_in = insert.processor("amount")
        qty_in, price_in = insert.processor("quantity"), insert.processor("unit_price")
        stamp = insert.processor("charge_date")(day)
        now = insert.processor("created_at")(datetime.now(UTC))
        insert.run([(c.key, c.client_id, stamp, c.kind, c.description, qty_in(c.quantity),
                     price_in(c.unit_price), money_in(c.amount), currencies[c.client_id],
                     c.source_type, c.source_id, c.source_ref, c.note, actor.name, now)
                    for c in fresh])
    return fresh


def accrue(session: Session, day: date, *, actor: Actor) -> AccrualResult:
    """Charge ``day`` (see the module); a rerun adds only what is new."""
    require(actor, Permission.MANAGE_BILLING)
    run = _Run(session, day, actor)
    _receiving(run)
    _shipments(run)
    _labels(run)
    _returns(run)
    snapshots = _storage(run)
    written = session.execute(
        select(Client.code, func.count(), func.sum(Charge.amount))
        .join(Client, Client.id == Charge.client_id)
        .where(Charge.charge_date == day, Charge.created_at == run.stamp,
               Charge.created_by == actor.name)
        .group_by(Client.code)).all()
    per_client = {code: {"charges": n, "amount": str(money(Decimal(total)))}
                  for code, n, total in written}
    return AccrualResult(day, sum(n for _c, n, _t in written),
                         sum((money(Decimal(t)) for _c, _n, t in written), Decimal(0)),
                         snapshots, per_client)


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
                       line_amount(quantity, unit_price), "adhoc", None, None, key, note.strip())
    _write(session, day, [charge], actor, {client.id: card.currency})
    return charge
