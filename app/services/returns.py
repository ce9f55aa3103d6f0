"""Returns (RMA): opened from an order or a scanned return label, received, graded.

* :func:`create_return` opens ``RMA-000123`` for an order that left the warehouse
  (shipped, in transit, delivered - or already returned, for a second parcel back), or
  for a tracking number scanned at the dock: the order is found by ``orders.tracking_number``
  or any of its ``parcels.tracking_number``; a tracking number nobody knows opens an RMA
  without an order (the client must be named) for the clerk to match later.
* :func:`receive_return` books the units of one SKU with a grade, each a ledger ``return``
  move with the RMA as reference and the grade (or the clerk's reason) as reason:
  ``resellable`` go to the warehouse's returns bin (first active one by code) with a
  put-away task, or straight to a pick/storage/returns bin the clerk names;
  ``damaged`` go to a damaged bin; ``dispose`` come in to a damaged bin and are written
  off at once (an ``adjustment`` out, reason ``damaged``, drawing down the very layer
  the return started). The weight is recorded (the one weighed, else the SKU's weight x
  units) because returns are billed by weight tier.
* The first units received move the order to ``returned`` (when it is shipped, in
  transit or delivered), in the same transaction; the RMA goes ``open -> received``.
* :func:`close_return` ends an RMA when nothing more is expected (``received -> closed``,
  :data:`app.domain.stock_control_states.RETURN_TRANSITIONS`). An RMA that received
  nothing is closed only with ``force``: it says the parcel will never come, which is
  worth a second thought, since a closed RMA refuses the parcel if it turns up after all.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import (
    Bin,
    Client,
    Order,
    OrderLine,
    Parcel,
    ReturnAuthorization,
    ReturnReceipt,
    Sku,
    Warehouse,
)
from app.domain.errors import BinInactive, InvalidValue, NotFound
from app.domain.permissions import Actor, Permission, require
from app.domain.states import SELLABLE_BIN_TYPES, AdjustReason, BinType, MoveKind, OrderStatus
from app.domain.stock_control_errors import (
    NoBinOfType,
    ReturnBinRefused,
    ReturnClientNeeded,
    ReturnClosed,
    ReturnNotFound,
    ReturnNothingReceived,
    ReturnNotReturnable,
    ReturnTooMany,
    ReturnWrongSku,
)
from app.domain.stock_control_states import ReturnStatus, check_return_transition
from app.services import ledger
from app.services.allocation import retry_backorders_for_new_stock
from app.services.audit import record_audit
from app.services.lookup import bin_by_code, client_by_code, order_by_number, sku_by_code
from app.services.order_states import set_status
from app.services.putaway import create_putaway_task

GRADES = ("resellable", "damaged", "dispose")
OPEN, RECEIVED, CLOSED = ReturnStatus.OPEN, ReturnStatus.RECEIVED, ReturnStatus.CLOSED
#: Orders whose parcels can come back.
RETURNABLE = frozenset({OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED,
                        OrderStatus.RETURNED})
#: Where each grade may be put when the clerk names a bin.
GRADE_BINS = {
    "resellable": frozenset({BinType.RETURNS, BinType.PICK, BinType.STORAGE}),
    "damaged": frozenset({BinType.DAMAGED}),
    "dispose": frozenset({BinType.DAMAGED, BinType.RETURNS}),
}


@dataclass(frozen=True)
class ReturnLine:
    sku: str
    quantity: int
    grade: str
    bin: str | None
    reason: str | None
    weight_g: int | None
    actor: str
    at: datetime


@dataclass(frozen=True)
class ReturnInfo:
    number: str
    client: str
    warehouse: str
    order: str | None
    order_status: str | None
    tracking_number: str | None
    status: str
    created_by: str
    created_at: datetime
    units: int
    lines: tuple[ReturnLine, ...] = ()


@dataclass(frozen=True)
class ReturnReceived:
    """One graded receipt; ``putaway_task`` when the units wait in a returns bin."""

    number: str
    sku: str
    quantity: int
    grade: str
    bin: str
    move_id: int
    putaway_task: int | None
    order_returned: bool
    allocated_orders: tuple[str, ...] = ()


def create_return(session: Session, *, actor: Actor, order_number: str | None = None,
                  tracking: str | None = None, client_code: str | None = None,
                  warehouse_code: str | None = None, notes: str | None = None) -> ReturnInfo:
    """Open an RMA for an order (by number or by a scanned tracking number); see the module."""
    require(actor, Permission.HANDLE_RETURNS)
    client_id = client_by_code(session, client_code).id if client_code else None
    track = (tracking or "").strip() or None
    if order_number and order_number.strip():
        order: Order | None = order_by_number(session, order_number, client_id)
    elif track:
        order = _order_by_tracking(session, track, client_id)
    else:
        raise InvalidValue(field="return", problem="give an order number or a tracking number")
    if order is not None:
        if OrderStatus(order.status) not in RETURNABLE or order.warehouse_id is None:
            raise ReturnNotReturnable(order=order.number, state=order.status)
        client_id, warehouse_id = order.client_id, order.warehouse_id
        track = track or order.tracking_number
    elif client_id is None:
        raise ReturnClientNeeded(tracking=track)
    else:
        warehouse_id = _warehouse_id(session, warehouse_code)
    rma = ReturnAuthorization(number=f"RMA-NEW-{uuid.uuid4().hex[:24]}",
                              client_id=client_id, warehouse_id=warehouse_id,
                              order_id=order.id if order else None, tracking_number=track,
                              status=OPEN, notes=(notes or "").strip() or None,
                              created_by=actor.name[:64])
    session.add(rma)
    session.flush()
    rma.number = f"RMA-{rma.id:06d}"
    session.flush()
    record_audit(session, actor, "create", "return", rma.id, number=rma.number,
                 order=order.number if order else None, tracking=track)
    return get_return(session, rma.number)


def open_return_for_scan(session: Session, scan: str, *, actor: Actor,
                         client_code: str | None = None,
                         warehouse_code: str | None = None) -> ReturnInfo:
    """What the Returns screen does with a scan: an RMA number opens that RMA; an order
    number (of one client) or a tracking number opens a new RMA for it; a tracking number
    nobody knows opens one without an order for ``client_code``."""
    text = scan.strip()
    if text.upper().startswith("RMA-"):
        return get_return(session, text)
    orders = session.execute(select(Order.id).where(Order.number == text).limit(2)).all()
    if len(orders) == 1:
        return create_return(session, actor=actor, order_number=text, client_code=client_code)
    return create_return(session, actor=actor, tracking=text, client_code=client_code,
                         warehouse_code=warehouse_code)


def _order_by_tracking(session: Session, tracking: str, client_id: int | None) -> Order | None:
    parcel_orders = select(Parcel.order_id).where(Parcel.tracking_number == tracking)
    stmt = select(Order).where(or_(Order.tracking_number == tracking,
                                   Order.id.in_(parcel_orders)))
    if client_id is not None:
        stmt = stmt.where(Order.client_id == client_id)
    found = list(session.scalars(stmt.order_by(Order.id.desc()).limit(2)))
    if len(found) > 1:
        raise InvalidValue(field="tracking number",
                           problem=f"{tracking} is on several orders; give the order number")
    return found[0] if found else None


def _warehouse_id(session: Session, code: str | None) -> int:
    if code:
        wh = session.scalar(select(Warehouse).where(Warehouse.code == code.strip().upper()))
        if wh is None:
            raise NotFound(kind="Warehouse", key=code)
        return wh.id
    ids = list(session.scalars(select(Warehouse.id).where(Warehouse.active.is_(True)).limit(2)))
    if len(ids) != 1:
        raise InvalidValue(field="warehouse", problem="name the warehouse the return came to")
    return ids[0]


def receive_return(session: Session, number: str, *, sku_code: str, quantity: int,
                   grade: str, actor: Actor, bin_code: str | None = None,
                   reason: str | None = None, weight_g: int | None = None) -> ReturnReceived:
    """Book ``quantity`` units of a SKU back with their grade; see the module."""
    require(actor, Permission.HANDLE_RETURNS)
    if grade not in GRADES:
        raise InvalidValue(field="grade", problem=f"'{grade}' is not one of {', '.join(GRADES)}")
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
        raise InvalidValue(field="quantity", problem=f"'{quantity}' must be a whole number above 0")
    if weight_g is not None and weight_g < 0:
        raise InvalidValue(field="weight", problem=f"'{weight_g}' must not be negative")
    rma = _rma(session, number)
    if rma.status == CLOSED:
        raise ReturnClosed(number=rma.number)
    sku = sku_by_code(session, rma.client_id, sku_code)
    order = session.get(Order, rma.order_id) if rma.order_id else None
    if order is not None:
        _check_quantity(session, order, sku, quantity)
    target = _target_bin(session, rma.warehouse_id, grade, bin_code)
    why = (reason or "").strip() or None
    move_reason = f"return {grade}: {why}"[:64] if why else f"return {grade}"
    ledger.add_on_hand(session, target.id, sku.id, quantity, utcnow())
    move_id = ledger.record_move(session, sku_id=sku.id, quantity=quantity,
                                 kind=MoveKind.RETURN, actor=actor, to_bin_id=target.id,
                                 reason=move_reason, reference=rma.number,
                                 order_id=rma.order_id)
    task = None
    allocated: tuple[str, ...] = ()
    if grade == "dispose":
        ledger.take_free(session, target.id, sku.id, quantity)
        ledger.record_move(session, sku_id=sku.id, quantity=quantity, kind=MoveKind.ADJUSTMENT,
                           actor=actor, from_bin_id=target.id,
                           reason=AdjustReason.DAMAGED.value, reference=rma.number,
                           order_id=rma.order_id, draw_move_id=move_id)
    elif grade == "resellable" and target.bin_type == BinType.RETURNS.value:
        task = create_putaway_task(session, warehouse_id=rma.warehouse_id, sku_id=sku.id,
                                   quantity=quantity, from_bin_id=target.id, actor=actor,
                                   source=rma.number)
    elif grade == "resellable" and BinType(target.bin_type) in SELLABLE_BIN_TYPES:
        allocated = tuple(retry_backorders_for_new_stock(session, sku.id, actor=actor))
    session.add(ReturnReceipt(return_id=rma.id, sku_id=sku.id, quantity=quantity, grade=grade,
                              bin_id=target.id, reason=why,
                              weight_g=weight_g if weight_g is not None
                              else (sku.weight_g or 0) * quantity,
                              actor=actor.name[:64]))
    returned = _mark_returned(session, rma, order, actor)
    record_audit(session, actor, "receive", "return", rma.id, sku=sku.code, qty=quantity,
                 grade=grade, bin=target.code)
    return ReturnReceived(rma.number, sku.code, quantity, grade, target.code, move_id, task,
                          returned, allocated)


def close_return(session: Session, number: str, *, actor: Actor,
                 force: bool = False) -> ReturnInfo:
    """Close an RMA: nothing more is received on it (see the module for ``force``)."""
    require(actor, Permission.HANDLE_RETURNS)
    rma = _rma(session, number)
    check_return_transition(rma.number, rma.status, CLOSED)
    if rma.status == OPEN and not force:
        raise ReturnNothingReceived(number=rma.number)
    claimed = session.execute(
        update(ReturnAuthorization)
        .where(ReturnAuthorization.id == rma.id, ReturnAuthorization.status == rma.status)
        .values(status=CLOSED).execution_options(synchronize_session=False))
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise ReturnClosed(number=rma.number)  # received or closed meanwhile: look again
    session.expire(rma)
    record_audit(session, actor, "close", "return", rma.id, number=rma.number,
                 forced=bool(force))
    return get_return(session, rma.number)


def _rma(session: Session, number: str) -> ReturnAuthorization:
    rma = session.scalar(select(ReturnAuthorization)
                         .where(ReturnAuthorization.number == number.strip().upper()))
    if rma is None:
        raise ReturnNotFound(number=number)
    return rma


def _check_quantity(session: Session, order: Order, sku: Sku, quantity: int) -> None:
    """No more units of a SKU come back than the order shipped (over all its RMAs)."""
    shipped = session.scalar(select(func.sum(OrderLine.quantity)).where(
        OrderLine.order_id == order.id, OrderLine.sku_id == sku.id))
    if not shipped:
        raise ReturnWrongSku(sku=sku.code, order=order.number)
    back = session.scalar(
        select(func.coalesce(func.sum(ReturnReceipt.quantity), 0))
        .join(ReturnAuthorization, ReturnAuthorization.id == ReturnReceipt.return_id)
        .where(ReturnAuthorization.order_id == order.id, ReturnReceipt.sku_id == sku.id)) or 0
    if back + quantity > shipped:
        raise ReturnTooMany(order=order.number, shipped=shipped, sku=sku.code, received=back,
                            wanted=quantity)


def _target_bin(session: Session, warehouse_id: int, grade: str, bin_code: str | None) -> Bin:
    allowed = GRADE_BINS[grade]
    if bin_code and bin_code.strip():
        b = bin_by_code(session, warehouse_id, bin_code)
        if not b.active:
            raise BinInactive(bin=b.code)
        if BinType(b.bin_type) not in allowed:
            raise ReturnBinRefused(bin=b.code, kind=b.bin_type, grade=grade,
                                   allowed=" / ".join(sorted(t.value for t in allowed)))
        return b
    kind = BinType.RETURNS if grade == "resellable" else BinType.DAMAGED
    first = session.scalar(select(Bin).where(Bin.warehouse_id == warehouse_id,
                                             Bin.bin_type == kind.value, Bin.active.is_(True))
                           .order_by(Bin.code).limit(1))
    if first is None:
        code = session.scalar(select(Warehouse.code).where(Warehouse.id == warehouse_id))
        raise NoBinOfType(warehouse=code, kind=kind.value)
    return first


def _mark_returned(session: Session, rma: ReturnAuthorization, order: Order | None,
                   actor: Actor) -> bool:
    """First units in: the RMA is received and its order returned. True when the order moved."""
    if rma.status == OPEN:
        check_return_transition(rma.number, rma.status, RECEIVED)
    session.execute(update(ReturnAuthorization)
                    .where(ReturnAuthorization.id == rma.id, ReturnAuthorization.status == OPEN)
                    .values(status=RECEIVED).execution_options(synchronize_session=False))
    if order is None:
        return False
    current = OrderStatus(session.scalar(select(Order.status).where(Order.id == order.id))
                          or order.status)
    if current == OrderStatus.RETURNED:
        return False
    set_status(session, order.id, order.number, current, OrderStatus.RETURNED, actor=actor,
               note=f"{rma.number} received")
    return True


def get_return(session: Session, number: str) -> ReturnInfo:
    rma = _rma(session, number)
    (info,) = _infos(session, [rma.id])
    lines = tuple(
        ReturnLine(code, qty, grade, bin_code, reason, weight, who, at)
        for code, qty, grade, bin_code, reason, weight, who, at in session.execute(
            select(Sku.code, ReturnReceipt.quantity, ReturnReceipt.grade, Bin.code,
                   ReturnReceipt.reason, ReturnReceipt.weight_g, ReturnReceipt.actor,
                   ReturnReceipt.at)
            .join(Sku, Sku.id == ReturnReceipt.sku_id)
            .outerjoin(Bin, Bin.id == ReturnReceipt.bin_id)
            .where(ReturnReceipt.return_id == rma.id).order_by(ReturnReceipt.id)))
    return replace(info, lines=lines)


def list_returns(session: Session, *, client_code: str | None = None,
                 status: str | None = None, limit: int = 500) -> list[ReturnInfo]:
    """RMAs newest first (a client's, for their report), with units received so far."""
    stmt = select(ReturnAuthorization.id).order_by(ReturnAuthorization.id.desc()).limit(limit)
    if client_code:
        stmt = stmt.where(ReturnAuthorization.client_id == client_by_code(session,
                                                                          client_code).id)
    if status:
        stmt = stmt.where(ReturnAuthorization.status == status)
    return _infos(session, list(session.scalars(stmt)))


def _infos(session: Session, ids: list[int]) -> list[ReturnInfo]:
    if not ids:
        return []
    R = ReturnAuthorization
    units = (select(ReturnReceipt.return_id, func.sum(ReturnReceipt.quantity).label("units"))
             .where(ReturnReceipt.return_id.in_(ids)).group_by(ReturnReceipt.return_id)
             .subquery())
    rows = session.execute(
        select(R.number, Client.code, Warehouse.code, Order.number, Order.status,
               R.tracking_number, R.status, R.created_by, R.created_at,
               func.coalesce(units.c.units, 0))
        .join(Client, Client.id == R.client_id).join(Warehouse, Warehouse.id == R.warehouse_id)
        .outerjoin(Order, Order.id == R.order_id).outerjoin(units, units.c.return_id == R.id)
        .where(R.id.in_(ids)).order_by(R.id.desc()))
    return [ReturnInfo(n, c, w, o, os, t, st, by, at, int(u))
            for n, c, w, o, os, t, st, by, at, u in rows]
