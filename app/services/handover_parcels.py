"""Finding a scanned parcel and the carrier it goes with: shared by staging, pickups and
tracking (one lower module, so those services never import each other)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import LabelPurchase, Order, Parcel, Warehouse
from app.domain.handover import carrier_key, label_carrier
from app.domain.states import OrderStatus
from app.services.handover_errors import (
    AmbiguousParcelScan,
    ParcelAlreadyShipped,
    ParcelNotPacked,
    ParcelOrderStopped,
    ParcelWithoutCarrier,
    UnknownParcelScan,
)
from app.services.packing_view import ParcelStatus

BOUGHT = "bought"
_ORDER_SEQ = re.compile(r"^(?P<number>.+?)\s*[/#]\s*(?P<seq>\d{1,3})$")


@dataclass(frozen=True)
class ScannedParcel:
    """A parcel as the handover services need it."""

    parcel_id: int
    order_id: int
    order_number: str
    order_status: OrderStatus
    seq: int
    parcels_in_order: int
    tracking_number: str | None
    carrier: str | None
    service: str | None
    warehouse_id: int
    warehouse_code: str
    status: str
    staged_bin_id: int | None
    shipped: bool

    @property
    def name(self) -> str:
        """How a clerk names the parcel: its tracking number, else ORDER/N."""
        if self.tracking_number:
            return self.tracking_number
        if self.parcels_in_order > 1:
            return f"{self.order_number}/{self.seq}"
        return self.order_number


def find_parcel(session: Session, scan: str) -> ScannedParcel:
    """The parcel a scan names: a tracking number, an order number (of a one-parcel
    order) or ``ORDER/N``. Refuses nothing else; see :func:`packed_parcel`."""
    text = scan.strip()
    if not text:
        raise UnknownParcelScan(scan=scan)
    ids = list(session.scalars(select(Parcel.id).where(Parcel.tracking_number == text)))
    if not ids:
        ids = list(session.scalars(
            select(Parcel.id).join(Order, Order.id == Parcel.order_id)
            .where(Order.number == text)))
        if not ids:
            ids = list(session.scalars(
                select(Parcel.id).join(Order, Order.id == Parcel.order_id)
                .where(Order.tracking_number == text)))
        match = _ORDER_SEQ.match(text)
        if not ids and match:
            ids = list(session.scalars(
                select(Parcel.id).join(Order, Order.id == Parcel.order_id)
                .where(Order.number == match["number"], Parcel.seq == int(match["seq"]))))
    if not ids:
        raise UnknownParcelScan(scan=text)
    if len(ids) > 1:
        raise AmbiguousParcelScan(scan=text, count=len(ids))
    return parcel_by_id(session, ids[0])


def parcel_by_id(session: Session, parcel_id: int) -> ScannedParcel:
    parcel = session.get(Parcel, parcel_id)
    assert parcel is not None
    order = session.get(Order, parcel.order_id)
    assert order is not None  # foreign key
    warehouse = session.get(Warehouse, order.warehouse_id) if order.warehouse_id else None
    count = len(list(session.scalars(select(Parcel.id).where(Parcel.order_id == order.id))))
    return ScannedParcel(
        parcel.id, order.id, order.number, OrderStatus(order.status), parcel.seq, count,
        parcel.tracking_number, parcel_carrier(session, parcel, order), parcel.service,
        order.warehouse_id or 0, warehouse.code if warehouse else "", parcel.status,
        parcel.staged_bin_id, parcel.shipped_at is not None)


def parcel_carrier(session: Session, parcel: Parcel, order: Order) -> str | None:
    """The carrier of the label the parcel carries (:func:`label_carrier`)."""
    bought = session.scalar(
        select(LabelPurchase.carrier)
        .where(LabelPurchase.parcel_id == parcel.id, LabelPurchase.status == BOUGHT)
        .order_by(LabelPurchase.id.desc()).limit(1))
    return label_carrier(bought, parcel.carrier, order.carrier,
                         parcel.tracking_number or order.tracking_number)


def packed_parcel(session: Session, scan: str) -> ScannedParcel:
    """:func:`find_parcel`, refused unless the parcel is packed, its order may leave
    and its carrier is known."""
    found = find_parcel(session, scan)
    if found.status != ParcelStatus.PACKED.value:
        raise ParcelNotPacked(parcel=found.name, order=found.order_number)
    if found.order_status in (OrderStatus.CANCELLED, OrderStatus.ON_HOLD):
        raise ParcelOrderStopped(order=found.order_number, state=found.order_status.value,
                                 parcel=found.name)
    if found.shipped or found.order_status is not OrderStatus.PACKED:
        raise ParcelAlreadyShipped(parcel=found.name, order=found.order_number,
                                   state=found.order_status.value)
    if not carrier_key(found.carrier):
        raise ParcelWithoutCarrier(parcel=found.name, order=found.order_number)
    return found
