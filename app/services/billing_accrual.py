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
"""

from __future__ import annotations

import json
import math
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.db.bulk import DriverStatement
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
    ReturnAuthorization,
    ReturnReceipt,
    Sku,
    StockLot,
    StorageSnapshot,
)
from app.domain.billing import (
    ChargeKind,
    Tier,
    billable_weight_g,
    line_amount,
    lot_age_days,
    money,
    sku_volume_m3,
    storage_quantity,
    tier_for,
)
from app.domain.billing_errors import RateCardMissing, UnknownChargeKind
from app.domain.errors import InvalidValue
from app.domain.permissions import Actor, Permission, require
from app.domain.states import MoveKind, OrderStatus
from app.services.lookup import client_by_code
from app.services.rate_cards import RateCardInfo, rate_card_by_client_id

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


class _Cards:
    """Rate cards by client id, read once per run."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._cards: dict[int, tuple[RateCardInfo, dict[str, tuple[Tier, ...]]] | None] = {}

    def get(self, client_id: int) -> tuple[RateCardInfo, dict[str, tuple[Tier, ...]]] | None:
        if client_id not in self._cards:
            card = rate_card_by_client_id(self._session, client_id)
            self._cards[client_id] = (card, card.tiers()) if card else None
        return self._cards[client_id]


class _Builder:
    """Prices events with the client's card; events of kinds the card lacks are free
    and not written."""

    def __init__(self, cards: _Cards, day: date) -> None:
        self.cards = cards
        self.day = day
        self.out: list[NewCharge] = []

    def add(self, client_id: int, kind: ChargeKind, quantity: Decimal | int, *, measure: int,
            source_type: str, source_id: int | None, source_ref: str | None,
            description: str, unit_price: Decimal | None = None) -> None:
        found = self.cards.get(client_id)
        if found is None:
            return
        tiers = found[1].get(kind.value)
        if not tiers:
            return
        tier = tier_for(kind.value, tiers, measure)
        price = tier.price if unit_price is None else unit_price
        qty = Decimal(quantity)
        amount = line_amount(qty, price, tier.minimum)
        if amount == 0:
            return
        key = f"{kind.value}:{source_type}:{source_id}:{self.day.isoformat()}"
        self.out.append(NewCharge(client_id, kind.value, description[:300], qty, price, amount,
                                  source_type, source_id, source_ref, key))


def _window(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), tzinfo=UTC)
    return start, start + timedelta(days=1)


def _receiving(session: Session, b: _Builder, day: date, start: datetime,
               end: datetime) -> None:
    # Receipt moves are read through the FIFO layers they start (one per move, same
    # units, the warehouse's date): a scan of the layers, not of the whole ledger.
    moves = session.execute(
        select(StockLot.move_id, StockLot.quantity, StockLot.reference, StockLot.client_id,
               Sku.code)
        .join(Sku, Sku.id == StockLot.sku_id)
        .where(StockLot.source == MoveKind.RECEIPT.value, StockLot.received_on == day,
               StockLot.move_id.is_not(None)))
    for move_id, qty, ref, client_id, sku in moves:
        b.add(client_id, K.RECEIVING_UNIT, qty, measure=0, source_type="move",
              source_id=move_id, source_ref=ref or f"move {move_id}",
              description=f"Received {qty} x {sku}")
    cartons = session.execute(
        select(InboundCarton.id, InboundCarton.code, InboundShipment.reference,
               InboundShipment.client_id)
        .join(InboundShipment, InboundShipment.id == InboundCarton.shipment_id)
        .where(InboundCarton.received_at >= start, InboundCarton.received_at < end))
    for carton_id, code, ref, client_id in cartons:
        b.add(client_id, K.RECEIVING_CARTON, 1, measure=0, source_type="receipt",
              source_id=carton_id, source_ref=f"{ref}/{code}",
              description=f"Carton {code} of {ref}")
    closed = session.execute(
        select(InboundShipment.id, InboundShipment.reference, InboundShipment.client_id,
               InboundShipment.container, InboundShipment.notes)
        .where(InboundShipment.closed_at >= start, InboundShipment.closed_at < end))
    for sid, ref, client_id, container, notes in closed:
        if container:
            b.add(client_id, K.RECEIVING_CONTAINER, 1, measure=0, source_type="receipt",
                  source_id=sid, source_ref=ref, description=f"Container {container} ({ref})")
        pallets = _pallets(notes)
        if pallets:
            b.add(client_id, K.RECEIVING_PALLET, pallets, measure=0, source_type="receipt",
                  source_id=sid, source_ref=ref, description=f"{pallets} pallet(s) of {ref}")


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


def _shipments(session: Session, b: _Builder, start: datetime, end: datetime) -> None:
    shipped = (select(OrderStatusChange.order_id)
               .where(OrderStatusChange.to_status == OrderStatus.SHIPPED.value,
                      OrderStatusChange.at >= start, OrderStatusChange.at < end)
               .distinct().subquery())
    orders = {oid: (number, client_id) for oid, number, client_id in session.execute(
        select(Order.id, Order.number, Order.client_id)
        .join(shipped, shipped.c.order_id == Order.id))}
    if not orders:
        return
    units: dict[int, int] = defaultdict(int)
    line_weight: dict[int, int] = defaultdict(int)
    for oid, qty, weight in session.execute(
            select(OrderLine.order_id, OrderLine.quantity, Sku.weight_g)
            .join(shipped, shipped.c.order_id == OrderLine.order_id)
            .join(Sku, Sku.id == OrderLine.sku_id)):
        units[oid] += qty
        line_weight[oid] += qty * (weight or 0)
    parcels: dict[int, list[tuple[int, int | None, tuple[int, int, int] | None, int | None]]]
    parcels = defaultdict(list)
    for oid, pid, parcel_g, billable, length, width, height in session.execute(
            select(Parcel.order_id, Parcel.id, Parcel.weight_g, Parcel.billable_weight_g,
                   Box.inner_length_mm, Box.inner_width_mm, Box.inner_height_mm)
            .join(shipped, shipped.c.order_id == Parcel.order_id)
            .outerjoin(Box, Box.id == Parcel.box_id)):
        dims = (length, width, height) if length else None
        parcels[oid].append((pid, parcel_g, dims, billable))
    for oid, (number, client_id) in orders.items():
        found = b.cards.get(client_id)
        if found is None:
            continue
        divisor = found[0].dim_divisor
        mine = parcels.get(oid, [])
        weight = sum(billable_weight_g(w if w is not None else (bw or 0), dims, divisor)
                     for _pid, w, dims, bw in mine) if mine else line_weight[oid]
        n = units[oid]
        b.add(client_id, K.PICK_PACK_ORDER, 1, measure=weight, source_type="order",
              source_id=oid, source_ref=number,
              description=f"Order {number}: {n} unit(s), {weight} g billable")
        if n > 1:
            b.add(client_id, K.PICK_PACK_EXTRA_UNIT, n - 1, measure=weight, source_type="order",
                  source_id=oid, source_ref=number,
                  description=f"Order {number}: {n - 1} extra unit(s)")
        boxed = sum(1 for _pid, _w, dims, _bw in mine if dims)
        if boxed:
            b.add(client_id, K.PACKING_MATERIAL, boxed, measure=0, source_type="order",
                  source_id=oid, source_ref=number, description=f"Order {number}: {boxed} box(es)")


def _labels(session: Session, b: _Builder, start: datetime, end: datetime) -> None:
    rows = session.execute(
        select(LabelPurchase.id, LabelPurchase.cost, LabelPurchase.tracking_number,
               LabelPurchase.carrier, LabelPurchase.service, Order.client_id, Order.number)
        .join(Order, Order.id == LabelPurchase.order_id)
        .where(LabelPurchase.status == "bought", LabelPurchase.bought_at >= start,
               LabelPurchase.bought_at < end, LabelPurchase.cost.is_not(None)))
    for lid, cost, tracking, carrier, service, client_id, number in rows:
        found = b.cards.get(client_id)
        tiers = found[1].get(K.LABEL.value) if found else None
        if not tiers:
            continue
        markup = tier_for(K.LABEL.value, tiers, 0).price
        price = money(Decimal(cost or 0) * (1 + markup / 100))
        b.add(client_id, K.LABEL, 1, measure=0, source_type="label", source_id=lid,
              source_ref=tracking or number, unit_price=price,
              description=f"Label {carrier or ''} {service or ''} for {number}".replace("  ", " "))


def _returns(session: Session, b: _Builder, start: datetime, end: datetime) -> None:
    rows = session.execute(
        select(ReturnReceipt.id, ReturnReceipt.quantity, ReturnReceipt.weight_g, Sku.weight_g,
               Sku.code, ReturnAuthorization.client_id, ReturnAuthorization.number)
        .join(ReturnAuthorization, ReturnAuthorization.id == ReturnReceipt.return_id)
        .join(Sku, Sku.id == ReturnReceipt.sku_id)
        .where(ReturnReceipt.at >= start, ReturnReceipt.at < end))
    for rid, qty, weighed, sku_weight, sku, client_id, rma in rows:
        unit_g = math.ceil(weighed / qty) if weighed else (sku_weight or 0)
        b.add(client_id, K.RETURN, qty, measure=unit_g, source_type="return", source_id=rid,
              source_ref=rma, description=f"Return {rma}: {qty} x {sku}, {unit_g} g each")


def _storage(session: Session, b: _Builder, day: date) -> int:
    """Snapshot every lot with units left on ``day`` and charge it; the snapshot count."""
    lots = session.execute(
        select(StockLot.id, StockLot.client_id, StockLot.warehouse_id, StockLot.sku_id,
               StockLot.remaining, StockLot.received_on, Sku.length_mm, Sku.width_mm,
               Sku.height_mm)
        .join(Sku, Sku.id == StockLot.sku_id)
        .where(StockLot.remaining > 0, StockLot.received_on <= day)).all()
    insert = DriverStatement.insert(session.connection(), _SNAPSHOTS, _SNAPSHOT_COLUMNS,
                                    skip_existing=("snapshot_date", "lot_id"))
    as_date, as_volume = insert.processor("snapshot_date"), insert.processor("volume_m3")
    stamp, places = as_date(day), Decimal("0.000001")
    rows = [(stamp, client_id, wh, sku, lot_id, remaining,
             as_volume((sku_volume_m3(length, width, height) * remaining).quantize(places)),
             lot_age_days(received_on, day))
            for lot_id, client_id, wh, sku, remaining, received_on, length, width, height in lots]
    insert.run(rows)
    snaps = session.execute(
        select(StorageSnapshot.id, StorageSnapshot.client_id, StorageSnapshot.volume_m3,
               StorageSnapshot.age_days, StorageSnapshot.units, Sku.code)
        .join(Sku, Sku.id == StorageSnapshot.sku_id)
        .where(StorageSnapshot.snapshot_date == day))
    for sid, client_id, volume, age, units, sku in snaps:
        found = b.cards.get(client_id)
        if found is None:
            continue
        qty = storage_quantity(found[0].storage_unit, Decimal(volume))
        b.add(client_id, K.STORAGE, qty, measure=age, source_type="snapshot", source_id=sid,
              source_ref=f"{sku} day {age}",
              description=f"Storage {units} x {sku}, age {age} d, {qty} {found[0].storage_unit}")
    return len(rows)


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
    start, end = _window(day)
    builder = _Builder(_Cards(session), day)
    _receiving(session, builder, day, start, end)
    _shipments(session, builder, start, end)
    _labels(session, builder, start, end)
    _returns(session, builder, start, end)
    snapshots = _storage(session, builder, day)
    currencies = {cid: (found[0].currency if (found := builder.cards.get(cid)) else "USD")
                  for cid in {c.client_id for c in builder.out}}
    fresh = _write(session, day, builder.out, actor, currencies)
    codes = dict(session.execute(select(Client.id, Client.code)
                                 .where(Client.id.in_(list(currencies) or [0]))).all())
    per_client: dict[str, dict[str, Any]] = {}
    for c in fresh:
        entry = per_client.setdefault(codes[c.client_id], {"charges": 0, "amount": Decimal(0)})
        entry["charges"] += 1
        entry["amount"] += c.amount
    for entry in per_client.values():
        entry["amount"] = str(entry["amount"])
    return AccrualResult(day, len(fresh), sum((c.amount for c in fresh), Decimal(0)),
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
