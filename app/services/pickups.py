"""The carrier pickup: the driver's parcels scanned out, then the pickup closed.

Scanning a parcel out opens the carrier's pickup at that warehouse when none is open and
records the parcel on it; a parcel leaves the building once (``pickup_parcels.parcel_id``
is unique, so two PCs scanning the same parcel record it once). A packed parcel that was
never put in a lane may still go - the driver is at the door - and the result says it
was not staged.

Closing the pickup is one transaction: each scanned parcel gets ``shipped_at``; an order
becomes **shipped** when all its parcels are out, and its tracking push to the platform
is queued (``push_outbox.enqueue_tracking``, the existing push); the bilingual manifest is
laid out, kept on the pickup and queued for the office printer. Parcels labelled for
this carrier that were packed but not scanned are listed first in the result: they missed
the truck. The provider's own SCAN form / manifest (EasyPost, Shippo) is HTTP, so it is
asked for after the close, in :func:`request_provider_manifests`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import delete, exists, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.carriers.base import CarrierError, Label, LabelFormat
from app.db.base import utcnow
from app.db.engine import Database
from app.db.models import (
    Bin,
    LabelPurchase,
    Order,
    Parcel,
    Pickup,
    PickupParcel,
    Warehouse,
)
from app.domain.errors import HaicangError
from app.domain.handover import carrier_key, label_carrier, same_carrier
from app.domain.permissions import Actor, Permission, require
from app.domain.states import OrderStatus
from app.services.audit import record_audit
from app.services.carrier_accounts import CarrierAccountConfig, carrier_account_config
from app.services.handover_errors import (
    NoOpenPickup,
    ParcelAlreadyHandedOver,
    ParcelNotInPickup,
    ParcelOfOtherWarehouse,
    WarehouseNeeded,
    WrongCarrierAtPickup,
)
from app.services.handover_parcels import BOUGHT, find_parcel, packed_parcel
from app.services.label_quotes import ProviderSource
from app.services.lookup import warehouse_by_code
from app.services.order_states import set_status
from app.services.packing_view import ParcelStatus
from app.services.print_documents import Document, JobKind, paper_for
from app.services.print_queue import PrintJobInfo, queue_document
from app.services.push_outbox import enqueue_tracking
from app.services.run import run_read, run_write
from printers import layouts
from printers.profiles import PrinterProfile

OPEN, CLOSED = "open", "closed"

@dataclass(frozen=True)
class HandoverParcel:
    """A parcel on a pickup or waiting for one, as the Handover screen lists it."""

    parcel_id: int
    parcel: str
    tracking_number: str | None
    order_number: str
    service: str | None
    weight_g: int
    lane: str | None


@dataclass(frozen=True)
class ScanOutResult:
    """One parcel scanned out to the driver. ``already``: it was on this pickup before;
    ``staged`` False: it never went through a staging lane (allowed, worth a look)."""

    parcel_id: int
    parcel: str
    order_number: str
    carrier: str
    warehouse: str
    pickup_id: int
    scanned: int
    staged: bool
    already: bool


@dataclass(frozen=True)
class PickupSummary:
    """A carrier's pickup at a warehouse before it is closed: what is on the truck,
    what is staged for it, and what is still missing."""

    carrier: str
    warehouse: str
    pickup_id: int | None
    opened_at: datetime | None
    scanned: tuple[HandoverParcel, ...]
    staged_count: int
    missing: tuple[HandoverParcel, ...]


@dataclass(frozen=True)
class StoppedParcel:
    """A scanned parcel whose order was cancelled or held before the close: take it back."""

    parcel: str
    order_number: str
    state: str


@dataclass(frozen=True)
class ClosedPickup:
    """The closed pickup. ``missing`` (labelled for this carrier, packed, not scanned) is
    what a clerk must see first."""

    pickup_id: int
    number: str
    carrier: str
    warehouse: str
    closed_at: datetime
    missing: tuple[HandoverParcel, ...]
    scanned: tuple[HandoverParcel, ...]
    shipped_orders: tuple[str, ...]
    pushes_queued: int
    stopped: tuple[StoppedParcel, ...]
    manifest_pdf: bytes
    print_job: PrintJobInfo | None


@dataclass(frozen=True)
class ProviderManifests:
    """What the providers answered for a closed pickup's bought labels."""

    pickup_id: int
    manifests: tuple[tuple[str, str, str | None], ...]  # (account, provider id, url)
    notes: tuple[str, ...]


# --- scanning out --------------------------------------------------------------------------


def scan_out(session: Session, scan: str, carrier: str, *, warehouse: str | None = None,
             actor: Actor) -> ScanOutResult:
    """Record a parcel as handed to ``carrier``'s driver on the open pickup (opened here
    when there is none). Refused: another carrier's parcel, not packed, order stopped,
    already handed over on another pickup."""
    require(actor, Permission.HAND_OVER)
    carrier = carrier.strip()
    found = find_parcel(session, scan)
    on = session.scalar(select(PickupParcel.pickup_id)
                        .where(PickupParcel.parcel_id == found.parcel_id))
    if on is not None:
        pickup = session.get(Pickup, on)
        assert pickup is not None
        if pickup.status != OPEN or not same_carrier(pickup.carrier, carrier):
            raise ParcelAlreadyHandedOver(parcel=found.name, carrier=pickup.carrier,
                                          pickup=pickup.id)
    found = packed_parcel(session, scan)
    if not same_carrier(found.carrier, carrier):
        raise WrongCarrierAtPickup(parcel=found.name, parcel_carrier=found.carrier,
                                   carrier=carrier)
    if warehouse is not None:
        wh = warehouse_by_code(session, warehouse)
        if wh.id != found.warehouse_id:
            raise ParcelOfOtherWarehouse(parcel=found.name, parcel_warehouse=found.warehouse_code,
                                         warehouse=wh.code)
    pickup_id = on if on is not None else _open_pickup(session, found.warehouse_id, carrier, actor)
    if on is None:
        try:
            with session.begin_nested():
                session.add(PickupParcel(pickup_id=pickup_id, parcel_id=found.parcel_id,
                                         scanned_at=utcnow(), actor=actor.name[:64]))
        except IntegrityError:
            raise ParcelAlreadyHandedOver(parcel=found.name, carrier=carrier,
                                          pickup=pickup_id) from None
    count = len(session.scalars(select(PickupParcel.id)
                                .where(PickupParcel.pickup_id == pickup_id)).all())
    pickup_carrier = session.scalar(select(Pickup.carrier).where(Pickup.id == pickup_id))
    return ScanOutResult(found.parcel_id, found.name, found.order_number,
                         pickup_carrier or carrier, found.warehouse_code, pickup_id, count,
                         found.staged_bin_id is not None, on is not None)


def unscan(session: Session, scan: str, carrier: str, *, actor: Actor) -> HandoverParcel:
    """Take a parcel off the open pickup again (the driver refused it)."""
    require(actor, Permission.HAND_OVER)
    found = find_parcel(session, scan)
    row = session.execute(
        select(PickupParcel.id, Pickup.carrier)
        .join(Pickup, Pickup.id == PickupParcel.pickup_id)
        .where(PickupParcel.parcel_id == found.parcel_id, Pickup.status == OPEN)).first()
    if row is None or not same_carrier(row.carrier, carrier):
        raise ParcelNotInPickup(parcel=found.name, carrier=carrier)
    session.execute(delete(PickupParcel).where(PickupParcel.id == row.id))
    record_audit(session, actor, "unscan", "parcel", found.parcel_id, carrier=carrier)
    return _parcels(session, [found.parcel_id])[0]


def _open_pickup(session: Session, warehouse_id: int, carrier: str, actor: Actor) -> int:
    """The open pickup of ``carrier`` at the warehouse, opened now when there is none."""
    existing = _open_pickups(session, carrier, warehouse_id)
    if existing:
        return existing[0].id
    lanes = session.scalars(
        select(Bin.staging_carrier)
        .where(Bin.warehouse_id == warehouse_id, Bin.staging_carrier.is_not(None))).all()
    # the carrier as the warehouse spells it on its lanes ("USPS", not a typed "usps")
    name = next((lane for lane in lanes if same_carrier(lane, carrier)), carrier)
    pickup = Pickup(warehouse_id=warehouse_id, carrier=(name or carrier)[:40], status=OPEN,
                    opened_at=utcnow(), opened_by=actor.name[:64])
    session.add(pickup)
    session.flush()
    record_audit(session, actor, "open_pickup", "pickup", pickup.id, carrier=carrier)
    return pickup.id


def _open_pickups(session: Session, carrier: str, warehouse_id: int | None) -> list[Pickup]:
    """Open pickups of ``carrier`` (any spelling), oldest first."""
    stmt = select(Pickup).where(Pickup.status == OPEN).order_by(Pickup.id)
    if warehouse_id is not None:
        stmt = stmt.where(Pickup.warehouse_id == warehouse_id)
    return [p for p in session.scalars(stmt) if same_carrier(p.carrier, carrier)]


# --- what is on the truck and what is not ---------------------------------------------------


def _parcels(session: Session, parcel_ids: Sequence[int]) -> list[HandoverParcel]:
    if not parcel_ids:
        return []
    rows = session.execute(
        select(Parcel, Order.number, Bin.code)
        .join(Order, Order.id == Parcel.order_id)
        .outerjoin(Bin, Bin.id == Parcel.staged_bin_id)
        .where(Parcel.id.in_(list(parcel_ids)))).all()
    counts: dict[int, int] = {}
    for parcel, _number, _lane in rows:
        counts[parcel.order_id] = 0
    for order_id in session.scalars(select(Parcel.order_id)
                                    .where(Parcel.order_id.in_(list(counts)))):
        counts[order_id] += 1
    found = [
        HandoverParcel(
            parcel.id,
            parcel.tracking_number or (f"{number}/{parcel.seq}" if counts[parcel.order_id] > 1
                                       else number),
            parcel.tracking_number, number, parcel.service, parcel.weight_g or 0, lane)
        for parcel, number, lane in rows]
    found.sort(key=lambda p: (p.order_number, p.parcel))
    return found


def _waiting_for(session: Session, warehouse_id: int, carrier: str) -> list[int]:
    """Packed parcels of packed orders at the warehouse, labelled for ``carrier``, not
    handed over and not on any pickup."""
    rows = session.execute(
        select(Parcel.id, Parcel.carrier, Order.carrier, Parcel.tracking_number)
        .join(Order, Order.id == Parcel.order_id)
        .where(Order.warehouse_id == warehouse_id, Order.status == OrderStatus.PACKED.value,
               Parcel.status == ParcelStatus.PACKED.value, Parcel.shipped_at.is_(None),
               ~exists().where(PickupParcel.parcel_id == Parcel.id))).all()
    if not rows:
        return []
    bought: dict[int | None, str | None] = {
        parcel_id: carrier for parcel_id, carrier in session.execute(
            select(LabelPurchase.parcel_id, LabelPurchase.carrier)
            .where(LabelPurchase.parcel_id.in_([r[0] for r in rows]),
                   LabelPurchase.status == BOUGHT))}
    return [pid for pid, parcel_carrier, order_carrier, tracking in rows
            if same_carrier(label_carrier(bought.get(pid), parcel_carrier, order_carrier,
                                          tracking), carrier)]


def _scanned_ids(session: Session, pickup_id: int) -> list[int]:
    return list(session.scalars(select(PickupParcel.parcel_id)
                                .where(PickupParcel.pickup_id == pickup_id)))


def pickup_summary(session: Session, carrier: str, warehouse: str) -> PickupSummary:
    """The open pickup of ``carrier`` at ``warehouse`` (or none yet) with the staged
    count and the parcels still missing from it."""
    wh = warehouse_by_code(session, warehouse)
    pickups = _open_pickups(session, carrier, wh.id)
    scanned = [pid for p in pickups for pid in _scanned_ids(session, p.id)]
    waiting = _parcels(session, _waiting_for(session, wh.id, carrier))
    first = pickups[0] if pickups else None
    return PickupSummary(
        first.carrier if first else carrier.strip(), wh.code, first.id if first else None,
        first.opened_at if first else None, tuple(_parcels(session, scanned)),
        sum(1 for p in waiting if p.lane is not None), tuple(waiting))


def open_pickups(session: Session, warehouse: str | None = None) -> list[PickupSummary]:
    """Every open pickup (one summary per carrier and warehouse)."""
    stmt = select(Pickup.carrier, Warehouse.code).join(
        Warehouse, Warehouse.id == Pickup.warehouse_id).where(Pickup.status == OPEN)
    if warehouse:
        stmt = stmt.where(Warehouse.id == warehouse_by_code(session, warehouse).id)
    seen: dict[tuple[str, str], str] = {}
    for carrier, code in session.execute(stmt.order_by(Pickup.id)):
        seen.setdefault((code, carrier_key(carrier)), carrier)
    return [pickup_summary(session, carrier, code) for (code, _), carrier in seen.items()]


# --- closing --------------------------------------------------------------------------------


def close_pickup(session: Session, carrier: str, *, warehouse: str | None = None, actor: Actor,
                 document_printer: PrinterProfile | None = None, station: str = "",
                 now: datetime | None = None) -> ClosedPickup:
    """Close ``carrier``'s open pickup: parcels shipped, orders shipped and their tracking
    pushes queued, the manifest laid out (and queued on ``document_printer``), the
    parcels that missed the truck listed."""
    require(actor, Permission.HAND_OVER)
    carrier = carrier.strip()
    pickups = _pickups_to_close(session, carrier, warehouse)
    main = pickups[0]
    for extra in pickups[1:]:  # two PCs opened one each at the same moment: one pickup
        session.execute(update(PickupParcel).where(PickupParcel.pickup_id == extra.id)
                        .values(pickup_id=main.id))
        extra.status, extra.closed_at, extra.closed_by = CLOSED, utcnow(), actor.name[:64]
    wh = session.get(Warehouse, main.warehouse_id)
    assert wh is not None
    closed_at = now or utcnow()
    stopped: list[StoppedParcel] = []
    shipped_ids: list[int] = []
    for parcel_id in _scanned_ids(session, main.id):
        parcel, order = _parcel_and_order(session, parcel_id)
        if order.status != OrderStatus.PACKED.value:
            stopped.append(StoppedParcel(parcel.tracking_number or order.number, order.number,
                                         order.status))
            session.execute(delete(PickupParcel).where(PickupParcel.parcel_id == parcel_id))
            continue
        parcel.shipped_at = closed_at
        shipped_ids.append(parcel_id)
    session.flush()
    shipped_orders, pushes = _ship_orders(session, shipped_ids, main.carrier, actor)
    scanned = _parcels(session, shipped_ids)
    missing = _parcels(session, _waiting_for(session, wh.id, main.carrier))
    number = f"PU-{main.id}"
    document = layouts.Manifest(number, main.carrier, wh.code, _local_time(closed_at, wh),
                                tuple(layouts.ManifestParcel(p.parcel, p.order_number,
                                                             p.service or "", p.weight_g)
                                      for p in scanned))
    paper = paper_for(document_printer) if document_printer else layouts.DocumentPaper.LETTER
    pdf = layouts.manifest(document, paper=paper,
                           dpi=document_printer.dpi if document_printer else 203)
    main.status, main.closed_at, main.closed_by = CLOSED, closed_at, actor.name[:64]
    main.manifest_pdf = pdf
    job = None
    if document_printer is not None:
        job = queue_document(session, Document(JobKind.MANIFEST, number, pdf),
                             document_printer, actor=actor, station=station)
    session.flush()
    record_audit(session, actor, "close_pickup", "pickup", main.id, carrier=main.carrier,
                 parcels=len(scanned), missing=len(missing), orders=len(shipped_orders))
    return ClosedPickup(main.id, number, main.carrier, wh.code, closed_at, tuple(missing),
                        tuple(scanned), tuple(shipped_orders), pushes, tuple(stopped), pdf, job)


def _parcel_and_order(session: Session, parcel_id: int) -> tuple[Parcel, Order]:
    parcel = session.get(Parcel, parcel_id)
    assert parcel is not None
    order = session.get(Order, parcel.order_id)
    assert order is not None
    return parcel, order


def _pickups_to_close(session: Session, carrier: str, warehouse: str | None) -> list[Pickup]:
    if warehouse is not None:
        pickups = _open_pickups(session, carrier, warehouse_by_code(session, warehouse).id)
    else:
        pickups = _open_pickups(session, carrier, None)
        places = {p.warehouse_id for p in pickups}
        if len(places) > 1:
            codes = sorted(session.scalars(select(Warehouse.code)
                                           .where(Warehouse.id.in_(places))))
            raise WarehouseNeeded(carrier=carrier, warehouses=", ".join(codes))
    if not pickups:
        raise NoOpenPickup(carrier=carrier)
    return pickups


def _ship_orders(session: Session, parcel_ids: list[int], carrier: str,
                 actor: Actor) -> tuple[list[str], int]:
    """Orders whose parcels are all out become shipped, with their tracking push queued."""
    if not parcel_ids:
        return [], 0
    order_ids = sorted(set(session.scalars(select(Parcel.order_id)
                                           .where(Parcel.id.in_(parcel_ids)))))
    shipped: list[str] = []
    pushes = 0
    for order_id in order_ids:
        order = session.get(Order, order_id)
        assert order is not None
        parcels = list(session.scalars(select(Parcel).where(Parcel.order_id == order_id)
                                       .order_by(Parcel.seq)))
        if any(p.shipped_at is None for p in parcels):
            continue  # another box of the order has not left yet
        tracking = next((p.tracking_number for p in parcels if p.tracking_number),
                        order.tracking_number)
        values: dict[str, object] = {"carrier": carrier}
        if tracking:
            values["tracking_number"] = tracking
        set_status(session, order.id, order.number, OrderStatus.PACKED, OrderStatus.SHIPPED,
                   actor=actor, note="handed over", **values)
        if tracking and enqueue_tracking(session, order.id, carrier, tracking):
            pushes += 1
        shipped.append(order.number)
    return shipped, pushes


def _local_time(moment: datetime, warehouse: Warehouse) -> str:
    """The close time as the warehouse's clock shows it, with the zone named."""
    try:
        zone = ZoneInfo(warehouse.time_zone)
    except (ValueError, ZoneInfoNotFoundError):
        zone = None
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if zone is None:
        return aware.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return aware.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")


def manifest_pdf(session: Session, pickup_id: int) -> bytes | None:
    """A closed pickup's manifest, to print or save again."""
    return session.scalar(select(Pickup.manifest_pdf).where(Pickup.id == pickup_id))


# --- the provider's SCAN form / manifest -----------------------------------------------------


@dataclass(frozen=True)
class _AccountLabels:
    config: CarrierAccountConfig
    labels: tuple[Label, ...]


def _bought_labels(session: Session, pickup_id: int) -> list[_AccountLabels]:
    rows = list(session.scalars(
        select(LabelPurchase)
        .join(PickupParcel, PickupParcel.parcel_id == LabelPurchase.parcel_id)
        .where(PickupParcel.pickup_id == pickup_id, LabelPurchase.status == BOUGHT)
        .order_by(LabelPurchase.account_id, LabelPurchase.id)))
    by_account: dict[int, list[Label]] = {}
    for row in rows:
        if not row.tracking_number or not row.provider_shipment_id:
            continue
        by_account.setdefault(row.account_id, []).append(Label(
            row.tracking_number, row.carrier or "", row.service or "", row.cost or Decimal(0),
            row.currency, LabelFormat(row.label_format or "PDF"), row.label or b"",
            row.provider_shipment_id, row.provider_label_id))
    return [_AccountLabels(carrier_account_config(session, account_id), tuple(labels))
            for account_id, labels in by_account.items()]


def request_provider_manifests(db: Database, pickup_id: int, open_provider: ProviderSource, *,
                               actor: Actor) -> ProviderManifests:
    """Ask each provider whose labels left on the pickup for its SCAN form / manifest
    (HTTP, outside any transaction) and keep the first one's id and URL on the pickup.
    A provider's refusal is a note: the pickup is closed either way."""
    require(actor, Permission.HAND_OVER)
    groups = run_read(db, _bought_labels, pickup_id)
    made: list[tuple[str, str, str | None]] = []
    notes: list[str] = []
    for group in groups:
        try:
            provider = open_provider(group.config)
        except (HaicangError, CarrierError, OSError) as exc:  # never stops the others
            notes.append(f"{group.config.name}: {exc}")
            continue
        try:
            answer = provider.manifest(group.labels)
        except CarrierError as exc:
            notes.append(f"{group.config.name}: {exc.message}")
            continue
        finally:
            provider.close()
        if answer is not None:
            made.append((group.config.name, answer.provider_id, answer.url))
    if made:
        run_write(db, _store_manifest, pickup_id, made, actor=actor)
    return ProviderManifests(pickup_id, tuple(made), tuple(notes))


def _store_manifest(session: Session, pickup_id: int, made: list[tuple[str, str, str | None]],
                    *, actor: Actor) -> None:
    pickup = session.get(Pickup, pickup_id)
    assert pickup is not None
    _account, provider_id, url = made[0]
    pickup.provider_manifest_id = provider_id[:100]
    pickup.provider_manifest_url = (url or "")[:500] or None
    record_audit(session, actor, "provider_manifest", "pickup", pickup_id,
                 manifests=json.dumps(made))
