"""Releasing waves: a wave plan made real, and what the supervisor sees of waves and carts.

:func:`release_wave` plans with :func:`app.services.wave_plan.plan_wave` and writes the
plan in the same transaction: the wave, one cart per batch (its route), each order's
tote on its cart, one pick task per reservation (order line x bin) numbered by the
stop's place in the route; every order moves allocated -> picking with the guarded
status change, so an order released by someone else meanwhile refuses the whole
release. A wave whose every SKU ships in its own packaging is *label-first*: its
shipping labels are queued at release in pick order (the seller's label where one was
imported, else the carrier label bought for it — bought right after the release commits,
:mod:`app.services.wave_labels` — else the warehouse's own), for the picker to stick on
at the shelf.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import (
    Bin,
    LabelPurchase,
    Order,
    OrderLabel,
    OrderLine,
    PickCart,
    PickCartOrder,
    PickTask,
    Reservation,
    Sku,
    Warehouse,
    Wave,
)
from app.domain.errors import IllegalTransition
from app.domain.permissions import Actor, Permission, require
from app.domain.picking import (
    CartStatus,
    NothingToRelease,
    OrderAlreadyOnWave,
    TaskStatus,
    WaveNotFound,
    WaveStatus,
)
from app.domain.states import OrderStatus
from app.services.carrier_label_print import purchased_label_document
from app.services.label_quotes import order_buys_labels
from app.services.lookup import warehouse_by_code
from app.services.order_states import set_status
from app.services.picking_dto import CartOrder, CartSummary, WaveDetail, WaveSummary
from app.services.print_documents import Document, shipping_label_document
from app.services.print_queue import queue_document
from app.services.seller_labels import carrier_label_document
from app.services.wave_plan import WaveFilters, WavePlan, plan_wave
from printers.profiles import PrinterProfile


def release_wave(
    session: Session,
    warehouse_code: str,
    filters: WaveFilters,
    *,
    cart_orders: int = 8,
    cart_units: int | None = None,
    actor: Actor,
    label_printer: PrinterProfile | None = None,
    station: str = "",
) -> WaveSummary:
    """Plan and release a wave; refused (nothing written) when no order matches or any
    planned order is already on a wave.

    ``label_printer``: where a label-first wave's labels are queued (in pick order); without
    it they are not queued and can be printed from the wave later.
    """
    require(actor, Permission.ALLOCATE)
    warehouse = warehouse_by_code(session, warehouse_code)
    plan = plan_wave(session, warehouse.code, filters, cart_orders=cart_orders,
                     cart_units=cart_units)
    order_ids = [oid for batch in plan.batches for oid in batch.order_ids]
    if not order_ids:
        raise NothingToRelease(warehouse=warehouse.code)
    _refuse_orders_on_waves(session, order_ids)
    wave = Wave(
        number=_next_number(session), warehouse_id=warehouse.id,
        status=WaveStatus.RELEASED.value, filters=_filters_json(filters),
        cart_orders=cart_orders, label_first=_all_prepacked(session, order_ids),
        single_order_distance_m=plan.single_order_distance_m,
        batched_distance_m=plan.batched_distance_m, created_by=actor.name[:64],
        released_at=utcnow(),
    )
    session.add(wave)
    session.flush()
    _write_carts(session, wave, plan, warehouse.id)
    numbers: dict[int, str] = {
        oid: number for oid, number in session.execute(
            select(Order.id, Order.number).where(Order.id.in_(order_ids)))}
    for order_id in order_ids:
        try:
            set_status(session, order_id, numbers[order_id], OrderStatus.ALLOCATED,
                       OrderStatus.PICKING, actor=actor, note=wave.number)
        except IllegalTransition as exc:  # released by another PC since the plan was read
            raise OrderAlreadyOnWave(order=numbers[order_id],
                                     wave=_wave_of(session, order_id, wave.id)) from exc
    jobs: tuple[int, ...] = ()
    if wave.label_first and label_printer is not None and not any(
            order_buys_labels(session, o) for o in session.scalars(
                select(Order).where(Order.id.in_(order_ids)))):
        # (labels the warehouse buys are bought after the release commits, then queued
        # with the others: app.services.wave_labels.buy_wave_labels)
        jobs = tuple(
            queue_document(session, document, label_printer, actor=actor, station=station).id
            for document in wave_label_documents(session, wave.id, label_printer)
        )
    return _summaries(session, [wave], label_jobs={wave.id: jobs})[0]


def wave_label_documents(session: Session, wave_id: int,
                         profile: PrinterProfile) -> list[Document]:
    """The shipping label of every order of the wave, in pick order (cart by cart, each
    order at its first stop): the seller's imported label if there is one, else the
    carrier label bought for it, else ours — except for an order whose carrier label the
    warehouse buys and could not yet (bought at packing) and an order whose seller label
    is flagged (printed once a clerk accepts or discards it; packing refuses it until
    then), so one doubtful label never stops a whole wave's release."""
    first_stop = (
        select(PickTask.order_id, PickCart.seq.label("cart_seq"),
               func.min(PickTask.seq).label("seq"))
        .join(PickCart, PickCart.id == PickTask.cart_id)
        .where(PickCart.wave_id == wave_id)
        .group_by(PickTask.order_id, PickCart.seq)
        .order_by("cart_seq", "seq", PickTask.order_id)
    )
    documents = []
    for order_id, _cart, _seq in session.execute(first_stop):
        label = session.scalar(select(OrderLabel).where(OrderLabel.order_id == order_id)
                               .order_by(OrderLabel.id.desc()).limit(1))
        if label is not None:
            if not label.flag:
                documents.append(carrier_label_document(session, label.id))
            continue
        bought = session.scalar(select(func.max(LabelPurchase.id)).where(
            LabelPurchase.order_id == order_id, LabelPurchase.parcel_id.is_(None),
            LabelPurchase.status == "bought", LabelPurchase.label.is_not(None)))
        if bought is not None:
            documents.append(purchased_label_document(session, bought))
            continue
        order = session.get(Order, order_id)
        if order is not None and order_buys_labels(session, order):
            continue  # its carrier label could not be bought yet: it is bought at packing
        documents.append(shipping_label_document(session, order_id, profile))
    return documents


def list_waves(session: Session, *, warehouse_code: str | None = None,
               status: str | None = None) -> list[WaveSummary]:
    """Waves newest first, with their progress."""
    stmt = select(Wave).order_by(Wave.id.desc())
    if warehouse_code:
        stmt = stmt.where(Wave.warehouse_id == warehouse_by_code(session, warehouse_code).id)
    if status:
        stmt = stmt.where(Wave.status == WaveStatus(status).value)
    return _summaries(session, list(session.scalars(stmt)))


def get_wave(session: Session, number: str) -> WaveDetail:
    """A wave with its carts: orders and totes, routes, progress, pickers."""
    wave = session.scalar(select(Wave).where(Wave.number == number.strip().upper()))
    if wave is None:
        raise WaveNotFound(wave=number)
    carts = list(session.scalars(select(PickCart).where(PickCart.wave_id == wave.id)
                                 .order_by(PickCart.seq)))
    cart_ids = [c.id for c in carts]
    per_order: dict[tuple[int, int], tuple[int, int]] = {
        (cart_id, order_id): (int(units), int(picked))
        for cart_id, order_id, units, picked in session.execute(
            select(PickTask.cart_id, PickTask.order_id, _units(), func.sum(PickTask.picked))
            .where(PickTask.cart_id.in_(cart_ids))
            .group_by(PickTask.cart_id, PickTask.order_id))
    }
    open_tasks: dict[int, int] = defaultdict(int)
    all_tasks: dict[int, int] = defaultdict(int)
    for cart_id, task_status, count in session.execute(
            select(PickTask.cart_id, PickTask.status, func.count())
            .where(PickTask.cart_id.in_(cart_ids))
            .group_by(PickTask.cart_id, PickTask.status)):
        all_tasks[cart_id] += count
        if task_status == TaskStatus.OPEN.value:
            open_tasks[cart_id] += count
    orders: dict[int, list[CartOrder]] = defaultdict(list)
    for cart_id, order_id, slot, order_number, order_status in session.execute(
            select(PickCartOrder.cart_id, PickCartOrder.order_id, PickCartOrder.slot,
                   Order.number, Order.status)
            .join(Order, Order.id == PickCartOrder.order_id)
            .where(PickCartOrder.cart_id.in_(cart_ids))
            .order_by(PickCartOrder.cart_id, PickCartOrder.slot)):
        units, picked = per_order.get((cart_id, order_id), (0, 0))
        orders[cart_id].append(CartOrder(order_number, slot, order_status, units, picked))
    summaries = tuple(
        CartSummary(
            code=c.code, seq=c.seq, status=c.status, picker=c.picker,
            orders=tuple(orders[c.id]), tasks=all_tasks[c.id], open_tasks=open_tasks[c.id],
            units=sum(o.units for o in orders[c.id]),
            picked_units=sum(o.picked_units for o in orders[c.id]),
            route=tuple(json.loads(c.route)), distance_m=c.distance_m,
        )
        for c in carts
    )
    return WaveDetail(_summaries(session, [wave])[0], summaries)


# --- release ------------------------------------------------------------------------------


def _refuse_orders_on_waves(session: Session, order_ids: list[int]) -> None:
    """An order with a pick task still open belongs to a wave on the floor."""
    row = session.execute(
        select(Order.number, Wave.number)
        .join(PickTask, PickTask.order_id == Order.id)
        .join(PickCart, PickCart.id == PickTask.cart_id)
        .join(Wave, Wave.id == PickCart.wave_id)
        .where(Order.id.in_(order_ids), PickTask.status == TaskStatus.OPEN.value)
        .limit(1)
    ).first()
    if row is not None:
        raise OrderAlreadyOnWave(order=row[0], wave=row[1])


def _wave_of(session: Session, order_id: int, not_this: int) -> str:
    """The number of the other wave the order is on ('?' if it cannot be seen yet)."""
    number = session.scalar(
        select(Wave.number).join(PickCart, PickCart.wave_id == Wave.id)
        .join(PickCartOrder, PickCartOrder.cart_id == PickCart.id)
        .where(PickCartOrder.order_id == order_id, Wave.id != not_this)
        .order_by(Wave.id.desc()).limit(1))
    return number or "?"


def _next_number(session: Session) -> str:
    """``W-YYYYMMDD-NNN``: the day's next wave (UTC day)."""
    prefix = f"W-{utcnow():%Y%m%d}-"
    taken = session.scalar(select(func.count()).select_from(Wave)
                           .where(Wave.number.like(f"{prefix}%"))) or 0
    return f"{prefix}{taken + 1:03d}"


def _filters_json(filters: WaveFilters) -> str:
    def plain(value: Any) -> Any:
        return value.isoformat() if isinstance(value, date) else value

    return json.dumps({k: plain(v) for k, v in asdict(filters).items() if v is not None},
                      sort_keys=True)


def _all_prepacked(session: Session, order_ids: list[int]) -> bool:
    needs_packing = session.scalar(
        select(func.count()).select_from(OrderLine)
        .join(Sku, Sku.id == OrderLine.sku_id)
        .where(OrderLine.order_id.in_(order_ids), Sku.prepacked.is_(False))
    )
    return not needs_packing


def _write_carts(session: Session, wave: Wave, plan: WavePlan, warehouse_id: int) -> None:
    """One cart per batch; each order a tote (1..n); one task per reservation, its ``seq``
    the stop of its bin in the cart's route."""
    for cart_seq, batch in enumerate(plan.batches, start=1):
        cart = PickCart(wave_id=wave.id, seq=cart_seq, code=f"{wave.number}-C{cart_seq}",
                        route=json.dumps(list(batch.route)), distance_m=batch.distance_m,
                        status=CartStatus.OPEN.value)
        session.add(cart)
        session.flush()
        stop_of = {code: i for i, code in enumerate(batch.route, start=1)}
        for slot, order_id in enumerate(batch.order_ids, start=1):
            session.add(PickCartOrder(cart_id=cart.id, order_id=order_id, slot=slot))
        reservations = session.execute(
            select(Reservation.order_id, Reservation.order_line_id, Reservation.sku_id,
                   Reservation.bin_id, Reservation.quantity, Bin.code)
            .join(Bin, and_(Bin.id == Reservation.bin_id, Bin.warehouse_id == warehouse_id))
            .where(Reservation.order_id.in_(batch.order_ids))
            .order_by(Reservation.order_id, Reservation.order_line_id, Reservation.bin_id)
        )
        for order_id, line_id, sku_id, bin_id, quantity, bin_code in reservations:
            if bin_code not in stop_of:
                raise RuntimeError(f"the plan's route of cart {cart.code} misses bin {bin_code}")
            session.add(PickTask(cart_id=cart.id, order_id=order_id, order_line_id=line_id,
                                 sku_id=sku_id, bin_id=bin_id, seq=stop_of[bin_code],
                                 quantity=quantity, picked=0, status=TaskStatus.OPEN.value))
    session.flush()


# --- summaries ----------------------------------------------------------------------------


def _units() -> Any:
    """Units to pick: a cancelled or short task counts only what was picked from it (the
    rest was given back, or moved to a new task that counts it)."""
    closed = (TaskStatus.CANCELLED.value, TaskStatus.SHORT.value)
    return func.sum(case((PickTask.status.in_(closed), PickTask.picked),
                         else_=PickTask.quantity))


def _summaries(session: Session, waves: list[Wave],
               label_jobs: dict[int, tuple[int, ...]] | None = None) -> list[WaveSummary]:
    ids = [w.id for w in waves]
    if not ids:
        return []
    carts: dict[int, int] = {wave_id: n for wave_id, n in session.execute(
        select(PickCart.wave_id, func.count()).where(PickCart.wave_id.in_(ids))
        .group_by(PickCart.wave_id))}
    orders: dict[int, int] = {wave_id: n for wave_id, n in session.execute(
        select(PickCart.wave_id, func.count(PickCartOrder.id))
        .join(PickCartOrder, PickCartOrder.cart_id == PickCart.id)
        .where(PickCart.wave_id.in_(ids)).group_by(PickCart.wave_id))}
    tasks = {
        wave_id: (int(n), int(units or 0), int(picked or 0))
        for wave_id, n, units, picked in session.execute(
            select(PickCart.wave_id, func.count(PickTask.id), _units(),
                   func.sum(PickTask.picked))
            .join(PickTask, PickTask.cart_id == PickCart.id)
            .where(PickCart.wave_id.in_(ids)).group_by(PickCart.wave_id))
    }
    codes: dict[int, str] = {wid: code for wid, code in session.execute(
        select(Warehouse.id, Warehouse.code))}
    jobs = label_jobs or {}
    return [
        WaveSummary(
            number=w.number, warehouse=codes[w.warehouse_id], status=w.status,
            label_first=w.label_first, carts=carts.get(w.id, 0), orders=orders.get(w.id, 0),
            tasks=tasks.get(w.id, (0, 0, 0))[0], units=tasks.get(w.id, (0, 0, 0))[1],
            picked_units=tasks.get(w.id, (0, 0, 0))[2],
            single_order_distance_m=w.single_order_distance_m,
            batched_distance_m=w.batched_distance_m, released_at=w.released_at,
            created_by=w.created_by, label_jobs=jobs.get(w.id, ()),
        )
        for w in waves
    ]
