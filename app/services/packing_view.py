"""What a pack station shows for one order: its lines, parcels and state, as frozen DTOs.

Read-only: :func:`load_pack_view` builds a :class:`PackView` in the caller's session
(a handful of queries per order, never one per line). The pack cycle itself is
:mod:`app.services.packing`.

Pictures: there is no picture column in the catalogue yet, so a SKU's picture is a file
``<data dir>/sku-pictures/<CLIENT>/<SKU>.png`` (or ``.jpg``/``.jpeg``/``.webp``) when one
has been put there; ``picture_path`` is None otherwise.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import (
    Bin,
    Box,
    Client,
    Order,
    OrderLabel,
    OrderLine,
    PackSession,
    Parcel,
    ParcelItem,
    PickTask,
    Reservation,
    RestockTask,
    Sku,
    Warehouse,
)
from app.domain.box_fit import Unit, suggest_box
from app.domain.errors import NotFound
from app.domain.states import OrderStatus
from app.services.boxes import BoxInfo, list_boxes
from app.services.skus import barcodes_of
from app.settings import data_dir

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")


class PackState(StrEnum):
    """Where an order stands at the pack station."""

    #: On a bench, being scanned, boxed and weighed.
    PACKING = "packing"
    #: Packed already: shown for reprinting, never packed twice.
    PACKED = "packed"
    #: Cancelled or on hold: stopped at the scan (full-screen message).
    STOPPED = "stopped"


class ParcelStatus(StrEnum):
    OPEN = "open"
    PACKED = "packed"


@dataclass(frozen=True)
class PackLine:
    """One order line as the packer sees it."""

    line_id: int
    line_no: int
    sku_id: int
    sku_code: str
    name_en: str
    name_zh: str | None
    quantity: int
    scanned: int
    #: Bins the units were reserved in or picked from, e.g. ("A-01-01-01",).
    bins: tuple[str, ...]
    barcodes: tuple[str, ...]
    weight_g: int
    dims_mm: tuple[int, int, int]
    picture_path: str | None

    @property
    def remaining(self) -> int:
        return self.quantity - self.scanned

    @property
    def complete(self) -> bool:
        return self.scanned >= self.quantity


@dataclass(frozen=True)
class ParcelItemView:
    sku_code: str
    quantity: int


@dataclass(frozen=True)
class ParcelView:
    """One box of the order, as packed so far."""

    seq: int
    status: ParcelStatus
    box_code: str | None
    items: tuple[ParcelItemView, ...]
    weight_g: int | None
    expected_weight_g: int | None
    dim_weight_g: int | None
    billable_weight_g: int | None
    carrier: str | None
    service: str | None
    tracking_number: str | None
    label_source: str | None
    packed_by: str | None
    packed_at: datetime | None
    override_by: str | None
    override_reason: str | None

    @property
    def units(self) -> int:
        return sum(item.quantity for item in self.items)


@dataclass(frozen=True)
class RestockTaskInfo:
    """Units of a stopped order to carry back to a bin."""

    id: int
    order_id: int
    order_number: str
    sku_code: str
    quantity: int
    warehouse_code: str
    #: Where the units belong (the bin they were picked from); scanning it finishes the task.
    bin_code: str | None
    status: str


@dataclass(frozen=True)
class PackView:
    """Everything the pack screen shows for one order."""

    order_id: int
    number: str
    client_code: str
    status: OrderStatus
    state: PackState
    #: The station whose bench the order is on (None when on none).
    station: str | None
    lines: tuple[PackLine, ...]
    parcels: tuple[ParcelView, ...]
    #: The parcel scans go into (the last open one), None when none is open.
    current_parcel: int | None
    #: Suggested box for the current parcel's contents (see app.domain.box_fit).
    suggested_box: BoxInfo | None
    hold_reason: str | None
    restock_tasks: tuple[RestockTaskInfo, ...]
    #: The seller supplied carrier labels for this order (printed instead of ours).
    seller_labels: int
    include_packing_slip: bool
    tracking_number: str | None

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def scanned(self) -> int:
        return sum(line.scanned for line in self.lines)

    @property
    def all_scanned(self) -> bool:
        return all(line.complete for line in self.lines)

    def parcel(self, seq: int) -> ParcelView:
        for parcel in self.parcels:
            if parcel.seq == seq:
                return parcel
        raise NotFound(kind="Parcel", key=f"{self.number}/{seq}")


def sku_picture(client_code: str, sku_code: str) -> str | None:
    """The SKU's picture file, if one was put in the pictures folder."""
    folder = data_dir() / "sku-pictures" / client_code
    for suffix in PICTURE_SUFFIXES:
        path = Path(folder, sku_code + suffix)
        if path.is_file():
            return str(path)
    return None


def order_row(session: Session, order_id: int) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise NotFound(kind="Order", key=str(order_id))
    return order


def scanned_by_line(session: Session, order_id: int) -> dict[int, int]:
    """Units scanned so far per order line, over every parcel of the order."""
    rows = session.execute(
        select(ParcelItem.order_line_id, func.sum(ParcelItem.quantity))
        .join(Parcel, Parcel.id == ParcelItem.parcel_id)
        .where(Parcel.order_id == order_id)
        .group_by(ParcelItem.order_line_id)
    )
    return {line_id: int(qty) for line_id, qty in rows}


def _bins_by_line(session: Session, order_id: int) -> dict[int, list[str]]:
    bins: dict[int, list[str]] = defaultdict(list)
    reserved = select(Reservation.order_line_id, Bin.code).join(
        Bin, Bin.id == Reservation.bin_id).where(Reservation.order_id == order_id)
    picked = select(PickTask.order_line_id, Bin.code).join(
        Bin, Bin.id == PickTask.bin_id).where(PickTask.order_id == order_id,
                                              PickTask.picked > 0)
    for line_id, code in session.execute(reserved.union(picked)):
        if code not in bins[line_id]:
            bins[line_id].append(code)
    return bins


def _lines(session: Session, order: Order, client_code: str) -> tuple[PackLine, ...]:
    rows = session.execute(
        select(OrderLine, Sku)
        .join(Sku, Sku.id == OrderLine.sku_id)
        .where(OrderLine.order_id == order.id)
        .order_by(OrderLine.line_no)
    ).all()
    scanned = scanned_by_line(session, order.id)
    bins = _bins_by_line(session, order.id)
    barcodes = barcodes_of(session, [sku.id for _line, sku in rows])
    return tuple(
        PackLine(
            line.id, line.line_no, sku.id, sku.code, sku.name_en, sku.name_zh, line.quantity,
            scanned.get(line.id, 0), tuple(sorted(bins.get(line.id, ()))),
            barcodes.get(sku.id, ()), sku.weight_g,
            (sku.length_mm, sku.width_mm, sku.height_mm), sku_picture(client_code, sku.code),
        )
        for line, sku in rows
    )


def order_parcels(session: Session, order_id: int) -> tuple[ParcelView, ...]:
    """The order's parcels in ``seq`` order, with their items."""
    parcels = session.execute(
        select(Parcel, Box.code).outerjoin(Box, Box.id == Parcel.box_id)
        .where(Parcel.order_id == order_id).order_by(Parcel.seq)
    ).all()
    items: dict[int, list[ParcelItemView]] = defaultdict(list)
    for parcel_id, code, qty in session.execute(
        select(ParcelItem.parcel_id, Sku.code, ParcelItem.quantity)
        .join(Sku, Sku.id == ParcelItem.sku_id)
        .join(Parcel, Parcel.id == ParcelItem.parcel_id)
        .where(Parcel.order_id == order_id)
        .order_by(ParcelItem.id)
    ):
        items[parcel_id].append(ParcelItemView(code, qty))
    return tuple(
        ParcelView(
            p.seq, ParcelStatus(p.status), box_code, tuple(items.get(p.id, ())), p.weight_g,
            p.expected_weight_g, p.dim_weight_g, p.billable_weight_g, p.carrier, p.service,
            p.tracking_number, p.label_source, p.packed_by, p.packed_at, p.override_by,
            p.override_reason,
        )
        for p, box_code in parcels
    )


def restock_tasks_of(session: Session, order_id: int) -> tuple[RestockTaskInfo, ...]:
    rows = session.execute(
        select(RestockTask, Order.number, Sku.code, Warehouse.code, Bin.code)
        .join(Order, Order.id == RestockTask.order_id)
        .join(Sku, Sku.id == RestockTask.sku_id)
        .join(Warehouse, Warehouse.id == RestockTask.warehouse_id)
        .outerjoin(Bin, Bin.id == RestockTask.to_bin_id)
        .where(RestockTask.order_id == order_id)
        .order_by(RestockTask.id)
    )
    return tuple(
        RestockTaskInfo(t.id, t.order_id, number, sku, t.quantity, wh, bin_code, t.status)
        for t, number, sku, wh, bin_code in rows
    )


def current_parcel_seq(parcels: tuple[ParcelView, ...]) -> int | None:
    open_seqs = [p.seq for p in parcels if p.status is ParcelStatus.OPEN]
    return max(open_seqs) if open_seqs else None


def suggestion_for(session: Session, lines: tuple[PackLine, ...],
                   parcel: ParcelView | None) -> BoxInfo | None:
    """The smallest fitting box for the parcel's contents; for a parcel still empty,
    for what is left to scan (the whole order on a fresh bench)."""
    by_code = {line.sku_code: line for line in lines}
    if parcel is not None and parcel.items:
        wanted = [(by_code[i.sku_code], i.quantity) for i in parcel.items if i.sku_code in by_code]
    else:
        wanted = [(line, line.remaining) for line in lines if line.remaining > 0]
    units = [Unit(line.dims_mm, line.weight_g, qty) for line, qty in wanted]
    if not units:
        return None
    boxes = list_boxes(session)
    best = suggest_box([b.spec for b in boxes], units)
    return next((b for b in boxes if best is not None and b.code == best.code), None)


def load_pack_view(session: Session, order_id: int, *, state: PackState | None = None
                   ) -> PackView:
    """The order as the pack screen shows it; ``state`` defaults from the order's status."""
    order = order_row(session, order_id)
    client = session.get(Client, order.client_id)
    assert client is not None  # foreign key
    status = OrderStatus(order.status)
    if state is None:
        state = (PackState.STOPPED if status in (OrderStatus.CANCELLED, OrderStatus.ON_HOLD)
                 else PackState.PACKING if status in (OrderStatus.ALLOCATED, OrderStatus.PICKING)
                 else PackState.PACKED)
    lines = _lines(session, order, client.code)
    parcels = order_parcels(session, order.id)
    current = current_parcel_seq(parcels)
    current_view = next((p for p in parcels if p.seq == current), None)
    station = session.scalar(select(PackSession.station).where(PackSession.order_id == order.id))
    seller_labels = session.scalar(
        select(func.count()).select_from(OrderLabel).where(OrderLabel.order_id == order.id))
    return PackView(
        order.id, order.number, client.code, status, state, station, lines, parcels, current,
        suggestion_for(session, lines, current_view) if state is PackState.PACKING else None,
        order.hold_reason, restock_tasks_of(session, order.id), int(seller_labels or 0),
        client.include_packing_slip, order.tracking_number,
    )
