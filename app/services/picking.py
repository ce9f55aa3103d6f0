"""Picking a cart: scan the bin, scan the item, and the ledger follows; shorts; label-first.

Every confirmation is one transaction: the task's ``picked`` grows by a guarded UPDATE
(``WHERE status = 'open' AND picked + q <= quantity``), the units leave the bin in the
ledger (a ``pick`` move with the order) and the order's reservation shrinks by the same
amount, so :func:`app.services.fulfilment.pack_order` later consumes only what is still
reserved. Two pickers scanning the same task on two PCs: the second UPDATE finds the
task already picked (PostgreSQL re-checks the WHERE after the first commits; SQLite
has one writer) and is refused; nothing is taken twice.

An order is *picked* when none of its tasks on the cart is open; it stays ``picking``
until the pack station packs it. A cancelled or held order's open tasks are cancelled
by :mod:`app.services.orders` (through :func:`app.services.pick_tasks.cancel_open_tasks`);
the picker is told at the next scan of that order.

Short picks: the units found are picked, the missing ones are written off the bin (an
``adjustment`` move, reason ``short_pick``) and the bin is flagged for a count. The
missing units are reserved in other bins with free stock when there are enough (new
tasks on the same cart, the cart's remaining stops routed again); otherwise the order
goes back to ``backordered`` with the reason, its other reservations are given back and
the units already picked for it are put back in the ledger to the bins they came from
(``return`` moves, reason ``short_pick_put_back``), which the outcome lists for the
picker to return.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from sqlalchemy import case, delete, func, or_, select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import (
    Bin,
    Order,
    OrderLabel,
    PickCart,
    PickCartOrder,
    PickTask,
    Reservation,
    Sku,
    StockBalance,
    Warehouse,
    Wave,
)
from app.domain.errors import NotFound
from app.domain.lots import shippable
from app.domain.permissions import Actor, Permission, require
from app.domain.picking import (
    PUT_BACK_REASON,
    SHORT_PICK_REASON,
    CartNotFound,
    LabelNotOnCart,
    NotLabelFirst,
    OrderNotPickable,
    PickQuantityNotPositive,
    PickTaskNotFound,
    ShortNotLess,
    ShortReasonMissing,
    TaskNotOpen,
    TaskStatus,
    TooManyUnits,
    WrongBin,
    WrongItem,
    check_task_transition,
)
from app.domain.routing import Stop, tour_length
from app.domain.states import SELLABLE_BIN_TYPES, MoveKind, OrderStatus
from app.services import ledger
from app.services.allocation import release_reservations
from app.services.layout import route_bins, warehouse_layout
from app.services.local_dates import warehouse_today
from app.services.lookup import sku_by_code
from app.services.order_states import set_status
from app.services.pick_tasks import cancel_open_tasks, settle_cart, start_cart
from app.services.picking_dto import (
    CartView,
    LabelPickOutcome,
    MovedUnits,
    PickListData,
    PickListLine,
    PickOutcome,
    PickStop,
    ShortOutcome,
)
from app.services.skus import barcodes_of
from printers.importing import reference_candidates


@dataclass(frozen=True)
class _Task:
    """A task with what checking a scan needs, read in one query."""

    id: int
    cart_id: int
    order_id: int
    order_line_id: int
    sku_id: int
    bin_id: int
    quantity: int
    picked: int
    status: str
    bin_code: str
    sku_code: str
    client_id: int
    order_number: str
    order_status: str
    slot: int
    warehouse_id: int

    @property
    def remaining(self) -> int:
        return self.quantity - self.picked


# --- reading a cart -----------------------------------------------------------------------


def open_cart(session: Session, cart_code: str, *, actor: Actor) -> CartView:
    """The picker scanned the cart (or its pick list): the cart is theirs and picking."""
    require(actor, Permission.PICK)
    cart = _cart_by_code(session, cart_code)
    if session.scalar(select(func.count()).select_from(PickTask).where(
            PickTask.cart_id == cart.id, PickTask.status == TaskStatus.OPEN.value)):
        start_cart(session, cart.id, actor.name)
    return cart_view(session, cart.code)


def cart_view(session: Session, cart_code: str) -> CartView:
    """A cart's stops in route order (read only: for refreshing a screen)."""
    cart = _cart_by_code(session, cart_code)
    wave = session.get(Wave, cart.wave_id)
    assert wave is not None
    warehouse = session.scalar(select(Warehouse.code).where(Warehouse.id == wave.warehouse_id))
    rows = session.execute(
        select(PickTask, Bin.code, Bin.aisle, Bin.position, Bin.level, Sku.code, Sku.name_en,
               Sku.name_zh, Order.number, Order.status, Order.tracking_number,
               PickCartOrder.slot)
        .join(Bin, Bin.id == PickTask.bin_id)
        .join(Sku, Sku.id == PickTask.sku_id)
        .join(Order, Order.id == PickTask.order_id)
        .join(PickCartOrder, (PickCartOrder.cart_id == PickTask.cart_id)
              & (PickCartOrder.order_id == PickTask.order_id))
        .where(PickTask.cart_id == cart.id)
        .order_by(PickTask.seq, Bin.code, PickCartOrder.slot, PickTask.id)
    ).all()
    barcodes = barcodes_of(session, sorted({row[0].sku_id for row in rows}))
    stops = tuple(
        PickStop(
            task_id=t.id, seq=t.seq, bin_code=bin_code, aisle=aisle, position=position,
            level=level, sku=sku, name_en=name_en, name_zh=name_zh,
            barcodes=barcodes.get(t.sku_id, ()), quantity=t.quantity, picked=t.picked,
            status=t.status, order_number=number, order_status=order_status, slot=slot,
            tracking=(tracking or None) if wave.label_first else None,
        )
        for (t, bin_code, aisle, position, level, sku, name_en, name_zh, number,
             order_status, tracking, slot) in rows
    )
    return CartView(code=cart.code, wave=wave.number, warehouse=warehouse or "",
                    status=cart.status, picker=cart.picker, label_first=wave.label_first,
                    stops=stops, route=tuple(json.loads(cart.route)),
                    distance_m=cart.distance_m)


def pick_list(session: Session, cart_code: str) -> PickListData:
    """What the paper pick list of a cart shows: the open picks in route order."""
    view = cart_view(session, cart_code)
    lines = tuple(
        PickListLine(bin_code=s.bin_code, sku=s.sku, name_en=s.name_en, name_zh=s.name_zh,
                     quantity=s.remaining, order_number=s.order_number, slot=s.slot,
                     barcode=s.barcodes[0] if s.barcodes else s.sku)
        for s in view.stops if s.status == TaskStatus.OPEN.value
    )
    return PickListData(cart=view.code, wave=view.wave, warehouse=view.warehouse,
                        created=f"{utcnow():%Y-%m-%d %H:%M} UTC", label_first=view.label_first,
                        distance_m=view.distance_m, lines=lines)


# --- confirming ---------------------------------------------------------------------------


def confirm_pick(session: Session, task_id: int, *, bin_scan: str, item_scan: str,
                 quantity: int, actor: Actor) -> PickOutcome:
    """Take ``quantity`` units for the task after checking the bin and item scanned.

    A wrong bin, a wrong item, too many units, a task no longer open or an order no
    longer picking (cancelled or held meanwhile) is refused and changes nothing.
    """
    require(actor, Permission.PICK)
    task = _task(session, task_id)
    _check_pickable(task)
    if bin_scan.strip().upper() != task.bin_code.upper():
        raise WrongBin(scanned=bin_scan.strip(), expected=task.bin_code)
    _check_item(session, task, item_scan)
    if quantity < 1:
        raise PickQuantityNotPositive(quantity=quantity)
    if quantity > task.remaining:
        raise TooManyUnits(wanted=quantity, remaining=task.remaining, sku=task.sku_code)
    start_cart(session, task.cart_id, actor.name)
    _take(session, task, quantity, actor)
    picked = task.picked + quantity
    cart_done, wave_done = settle_cart(session, task.cart_id)
    return PickOutcome(
        task_id=task.id, order_number=task.order_number, slot=task.slot, sku=task.sku_code,
        bin_code=task.bin_code, quantity=quantity, task_picked=picked,
        task_quantity=task.quantity, order_done=_order_done(session, task),
        cart_done=cart_done, wave_done=wave_done,
    )


def confirm_label_pick(session: Session, cart_code: str, *, label_scan: str,
                       actor: Actor) -> LabelPickOutcome:
    """Label-first: the label of an order, stuck on its parcel at the shelf, was scanned:
    every open task of that order at the cart's current stop is picked in full."""
    require(actor, Permission.PICK)
    cart = _cart_by_code(session, cart_code)
    wave = session.get(Wave, cart.wave_id)
    assert wave is not None
    if not wave.label_first:
        raise NotLabelFirst(cart=cart.code)
    scan = label_scan.strip()
    current = session.scalar(select(func.min(PickTask.seq)).where(
        PickTask.cart_id == cart.id, PickTask.status == TaskStatus.OPEN.value))
    # our label's barcode is the tracking or order number; a seller's label is matched by
    # the reference it was imported under (a USPS IMpb scan also carries '420' + ZIP)
    values = reference_candidates("", (scan,))
    order_ids = list(session.scalars(
        select(PickCartOrder.order_id).join(Order, Order.id == PickCartOrder.order_id)
        .where(PickCartOrder.cart_id == cart.id,
               or_(Order.number.in_(values), Order.tracking_number.in_(values),
                   Order.id.in_(select(OrderLabel.order_id)
                                .where(OrderLabel.reference.in_(values)))))))
    if not order_ids:
        raise LabelNotOnCart(label=scan, cart=cart.code)
    ids = list(session.scalars(
        select(PickTask.id).where(PickTask.cart_id == cart.id,
                                  PickTask.order_id.in_(order_ids), PickTask.seq == current,
                                  PickTask.status == TaskStatus.OPEN.value)
        .order_by(PickTask.id)))
    if not ids:
        order = session.get(Order, order_ids[0])
        assert order is not None
        if order.status != OrderStatus.PICKING.value:
            slot = session.scalar(select(PickCartOrder.slot).where(
                PickCartOrder.cart_id == cart.id, PickCartOrder.order_id == order.id))
            raise OrderNotPickable(order=order.number, state=order.status, slot=slot)
        raise LabelNotOnCart(label=scan, cart=cart.code)
    start_cart(session, cart.id, actor.name)
    units = 0
    first = _task(session, ids[0])
    for task_id in ids:
        task = _task(session, task_id)
        _check_pickable(task)
        _take(session, task, task.remaining, actor)
        units += task.remaining
    cart_done, wave_done = settle_cart(session, cart.id)
    return LabelPickOutcome(order_number=first.order_number, slot=first.slot,
                            bin_code=first.bin_code, units=units, cart_done=cart_done,
                            wave_done=wave_done)


# --- short picks --------------------------------------------------------------------------


def report_short(session: Session, task_id: int, *, found: int, reason: str,
                 actor: Actor) -> ShortOutcome:
    """The bin had fewer than the task's remaining units (empty, damaged, miscounted).

    ``found`` units are picked; the rest are written off the bin (flagged for a count)
    and reserved elsewhere, or the order goes back to backordered (see the module).
    """
    require(actor, Permission.PICK)
    why = reason.strip()
    if not why:
        raise ShortReasonMissing()
    task = _task(session, task_id)
    _check_pickable(task)
    if found < 0 or found >= task.remaining:
        raise ShortNotLess(remaining=task.remaining, found=found)
    start_cart(session, task.cart_id, actor.name)
    if found:
        _take(session, task, found, actor, close=False)
    missing = task.remaining - found
    _close_short(session, task, found, why)
    _shrink_reservation(session, task, missing)
    ledger.unreserve(session, task.bin_id, task.sku_id, missing)
    ledger.take_free(session, task.bin_id, task.sku_id, missing)
    ledger.record_move(session, sku_id=task.sku_id, quantity=missing,
                       kind=MoveKind.ADJUSTMENT, actor=actor, from_bin_id=task.bin_id,
                       reason=SHORT_PICK_REASON, reference=f"{task.order_number}: {why}"[:100],
                       order_id=task.order_id)
    session.execute(update(Bin).where(Bin.id == task.bin_id).values(
        count_flagged_at=utcnow(), count_flag_reason=f"short pick: {why}"[:200]))
    moved = _reserve_elsewhere(session, task, missing)
    put_back: tuple[MovedUnits, ...] = ()
    if moved is None:
        put_back = _backorder(session, task, why, actor)
    else:
        _reroute(session, task.cart_id)
    cart_done, wave_done = settle_cart(session, task.cart_id)
    route = session.scalar(select(PickCart.route).where(PickCart.id == task.cart_id))
    return ShortOutcome(
        task_id=task.id, order_number=task.order_number, slot=task.slot, sku=task.sku_code,
        bin_code=task.bin_code, found=found, missing=missing, moved_to=moved or (),
        backordered=moved is None, put_back=put_back, route=tuple(json.loads(route or "[]")),
        cart_done=cart_done, wave_done=wave_done,
    )


def _close_short(session: Session, task: _Task, found: int, why: str) -> None:
    check_task_transition(task.id, TaskStatus.OPEN, TaskStatus.SHORT)
    result = session.execute(
        update(PickTask)
        .where(PickTask.id == task.id, PickTask.status == TaskStatus.OPEN.value,
               PickTask.picked == task.picked + found)
        .values(status=TaskStatus.SHORT.value, note=f"short: {why}"[:200])
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise TaskNotOpen(sku=task.sku_code, bin=task.bin_code, state="picked")


def _reserve_elsewhere(session: Session, task: _Task,
                       missing: int) -> tuple[MovedUnits, ...] | None:
    """Reserve ``missing`` units in other sellable bins of the warehouse, oldest stock
    first (bins waiting for a count last), each a new task on the cart; None (nothing
    reserved) when there are too few."""
    B = StockBalance
    rows = session.execute(
        select(B.bin_id, Bin.code, B.on_hand - B.reserved, B.expiry, Sku.expiry_window_days,
               Warehouse.time_zone)
        .join(Bin, Bin.id == B.bin_id)
        .join(Sku, Sku.id == B.sku_id)
        .join(Warehouse, Warehouse.id == Bin.warehouse_id)
        .where(B.sku_id == task.sku_id, Bin.warehouse_id == task.warehouse_id,
               Bin.id != task.bin_id, Bin.active.is_(True),
               Bin.bin_type.in_([t.value for t in SELLABLE_BIN_TYPES]),
               B.on_hand - B.reserved > 0)
        # first-expiring lot first (FEFO), as allocation does
        .order_by(Bin.count_flagged_at.is_not(None), B.expiry.is_(None), B.expiry,
                  B.received_at, Bin.code)
    ).all()
    candidates = [(b, code, free) for b, code, free, expiry, window, tz in rows
                  if expiry is None or shippable(expiry, warehouse_today(tz), window)]
    if sum(free for _b, _c, free in candidates) < missing:
        return None
    booked: list[tuple[int, str, int]] = []
    left = missing
    for bin_id, code, free in candidates:
        take = min(left, free)
        if take <= 0:
            break
        if ledger.reserve(session, bin_id, task.sku_id, take):  # False: taken meanwhile
            booked.append((bin_id, code, take))
            left -= take
    if left:  # raced with another writer: give back what was booked and backorder instead
        for bin_id, _code, take in booked:
            ledger.unreserve(session, bin_id, task.sku_id, take)
        return None
    for bin_id, _code, take in booked:
        _add_reservation(session, task, bin_id, take)
        session.add(PickTask(cart_id=task.cart_id, order_id=task.order_id,
                             order_line_id=task.order_line_id, sku_id=task.sku_id,
                             bin_id=bin_id, seq=0, quantity=take, picked=0,
                             status=TaskStatus.OPEN.value,
                             note=f"replaces short at {task.bin_code}"[:200]))
    session.flush()
    return tuple(MovedUnits(code, take) for _b, code, take in booked)


def _add_reservation(session: Session, task: _Task, bin_id: int, quantity: int) -> None:
    existing = session.scalar(select(Reservation).where(
        Reservation.order_line_id == task.order_line_id, Reservation.bin_id == bin_id))
    if existing is not None:
        existing.quantity += quantity
    else:
        session.add(Reservation(order_id=task.order_id, order_line_id=task.order_line_id,
                                bin_id=bin_id, sku_id=task.sku_id, quantity=quantity,
                                created_at=utcnow(), actor="short pick"))
    session.flush()


def _reroute(session: Session, cart_id: int) -> None:
    """Route the cart's open stops again (they start from the depot); stops already done
    keep their place in front."""
    cart = session.get(PickCart, cart_id)
    assert cart is not None
    wave = session.get(Wave, cart.wave_id)
    assert wave is not None
    warehouse = session.get(Warehouse, wave.warehouse_id)
    assert warehouse is not None
    rows = session.execute(
        select(PickTask.id, PickTask.seq, PickTask.status, Bin.code, Bin.aisle, Bin.position)
        .join(Bin, Bin.id == PickTask.bin_id).where(PickTask.cart_id == cart_id)
        .order_by(PickTask.seq, PickTask.id)).all()
    done = [r for r in rows if r.status != TaskStatus.OPEN.value]
    done_bins = list(dict.fromkeys(r.code for r in done))
    open_bins = list(dict.fromkeys(r.code for r in rows if r.status == TaskStatus.OPEN.value))
    ahead = route_bins(session, warehouse.code, open_bins).route if open_bins else ()
    route = done_bins + [code for code in ahead if code not in done_bins]
    stop_of = {code: i for i, code in enumerate(route, start=1)}
    for r in rows:
        if r.status == TaskStatus.OPEN.value:
            session.execute(update(PickTask).where(PickTask.id == r.id)
                            .values(seq=stop_of[r.code]))
    places = {r.code: (r.aisle, r.position) for r in rows}
    layout = warehouse_layout(session, warehouse.id)
    deepest = max(p for _a, p in places.values())
    layout = replace(layout, max_position=max(layout.max_position, deepest))
    distance = tour_length(layout, [Stop(*places[code]) for code in route])
    session.execute(update(PickCart).where(PickCart.id == cart_id).values(
        route=json.dumps(route), distance_m=round(distance, 1)))


def _backorder(session: Session, task: _Task, why: str,
               actor: Actor) -> tuple[MovedUnits, ...]:
    """No other bin has the missing units: the order leaves the cart for backordered."""
    cancel_open_tasks(session, task.order_id, note=f"backordered: {why}")
    release_reservations(session, task.order_id)
    picked = session.execute(
        select(PickTask.bin_id, Bin.code, PickTask.sku_id, func.sum(PickTask.picked))
        .join(Bin, Bin.id == PickTask.bin_id)
        .where(PickTask.cart_id == task.cart_id, PickTask.order_id == task.order_id,
               PickTask.picked > 0)
        .group_by(PickTask.bin_id, Bin.code, PickTask.sku_id)
        .order_by(Bin.code)).all()
    put_back = []
    for bin_id, code, sku_id, qty in picked:
        ledger.add_on_hand(session, bin_id, sku_id, int(qty), utcnow())
        ledger.record_move(session, sku_id=sku_id, quantity=int(qty), kind=MoveKind.RETURN,
                           actor=actor, to_bin_id=bin_id, reason=PUT_BACK_REASON,
                           reference=task.order_number, order_id=task.order_id)
        put_back.append(MovedUnits(code, int(qty)))
    set_status(session, task.order_id, task.order_number, OrderStatus.PICKING,
               OrderStatus.BACKORDERED, actor=actor, note=f"short pick: {why}"[:300])
    return tuple(put_back)


# --- the shared steps ---------------------------------------------------------------------


def _task(session: Session, task_id: int) -> _Task:
    row = session.execute(
        select(PickTask.id, PickTask.cart_id, PickTask.order_id, PickTask.order_line_id,
               PickTask.sku_id, PickTask.bin_id, PickTask.quantity, PickTask.picked,
               PickTask.status, Bin.code, Sku.code, Sku.client_id, Order.number, Order.status,
               PickCartOrder.slot, Bin.warehouse_id)
        .join(Bin, Bin.id == PickTask.bin_id)
        .join(Sku, Sku.id == PickTask.sku_id)
        .join(Order, Order.id == PickTask.order_id)
        .join(PickCartOrder, (PickCartOrder.cart_id == PickTask.cart_id)
              & (PickCartOrder.order_id == PickTask.order_id))
        .where(PickTask.id == task_id)
    ).first()
    if row is None:
        raise PickTaskNotFound(task=task_id)
    return _Task(*tuple(row))


def _check_pickable(task: _Task) -> None:
    """The order first (a cancelled order is what the picker must hear), then the task."""
    if task.order_status != OrderStatus.PICKING.value:
        raise OrderNotPickable(order=task.order_number, state=task.order_status, slot=task.slot)
    if task.status != TaskStatus.OPEN.value:
        raise TaskNotOpen(sku=task.sku_code, bin=task.bin_code, state=task.status)


def _check_item(session: Session, task: _Task, item_scan: str) -> None:
    """The item scanned must be the task's SKU: its code or one of its barcodes (scoped
    to the SKU's client, so another client's look-alike code is a wrong item)."""
    scan = item_scan.strip()
    try:
        sku = sku_by_code(session, task.client_id, scan)
    except NotFound:
        raise WrongItem(scanned=scan, expected=task.sku_code) from None
    if sku.id != task.sku_id:
        raise WrongItem(scanned=scan, expected=task.sku_code)


def _take(session: Session, task: _Task, quantity: int, actor: Actor, *,
          close: bool = True) -> None:
    """Count ``quantity`` more units picked (guarded), take them out of the bin in the
    ledger and shrink the reservation. ``close``: a task picked in full becomes picked."""
    full = task.picked + quantity == task.quantity
    if full and close:
        check_task_transition(task.id, TaskStatus.OPEN, TaskStatus.PICKED)
    status = case((PickTask.picked + quantity == PickTask.quantity, TaskStatus.PICKED.value),
                  else_=TaskStatus.OPEN.value) if close else TaskStatus.OPEN.value
    result = session.execute(
        update(PickTask)
        .where(PickTask.id == task.id, PickTask.status == TaskStatus.OPEN.value,
               PickTask.picked + quantity <= PickTask.quantity)
        .values(picked=PickTask.picked + quantity, status=status, picked_by=actor.name[:64],
                picked_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        now = _task(session, task.id)
        if now.status != TaskStatus.OPEN.value:
            raise TaskNotOpen(sku=task.sku_code, bin=task.bin_code, state=now.status)
        raise TooManyUnits(wanted=quantity, remaining=now.remaining, sku=task.sku_code)
    _shrink_reservation(session, task, quantity)
    consumed = session.execute(
        update(StockBalance)
        .where(StockBalance.bin_id == task.bin_id, StockBalance.sku_id == task.sku_id,
               StockBalance.reserved >= quantity, StockBalance.on_hand >= quantity)
        .values(on_hand=StockBalance.on_hand - quantity,
                reserved=StockBalance.reserved - quantity)
        .execution_options(synchronize_session=False)
    )
    if consumed.rowcount != 1:  # type: ignore[attr-defined]
        raise RuntimeError(f"pick task {task.id}: {quantity} reserved units are not on hand")
    ledger.record_move(session, sku_id=task.sku_id, quantity=quantity, kind=MoveKind.PICK,
                       actor=actor, from_bin_id=task.bin_id, reference=task.order_number,
                       order_id=task.order_id)


def _shrink_reservation(session: Session, task: _Task, quantity: int) -> None:
    """The order's reservation of the line in the bin shrinks by ``quantity`` (gone at 0)."""
    where_bin = task.bin_id
    mine = (Reservation.order_line_id == task.order_line_id, Reservation.bin_id == where_bin)
    gone = session.execute(delete(Reservation).where(*mine, Reservation.quantity == quantity)
                           .execution_options(synchronize_session=False))
    if gone.rowcount == 1:  # type: ignore[attr-defined]
        return
    result = session.execute(
        update(Reservation).where(*mine, Reservation.quantity > quantity)
        .values(quantity=Reservation.quantity - quantity)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise RuntimeError(f"pick task {task.id}: reservation of {quantity} is missing")


def _order_done(session: Session, task: _Task) -> bool:
    return not session.scalar(select(func.count()).select_from(PickTask).where(
        PickTask.cart_id == task.cart_id, PickTask.order_id == task.order_id,
        PickTask.status == TaskStatus.OPEN.value))


def _cart_by_code(session: Session, code: str) -> PickCart:
    cart = session.scalar(select(PickCart).where(PickCart.code == code.strip().upper()))
    if cart is None:
        raise CartNotFound(cart=code.strip())
    return cart
