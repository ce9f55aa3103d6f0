"""Replenishment: keep pick bins stocked from storage, by min/max per SKU per pick bin.

A pick bin needs stock when its *free* units of the SKU (on hand − reserved) fall below
the limit's min — which is also how reservations eating the bin show up. The task
brings it back to max free units: ``max − free`` minus nothing else, bounded by what
the chosen storage bin has free. The source is one storage bin: first-expiring first
for lot-tracked SKUs (and only the pick bin's own lot while it still holds some —
one lot per bin), else the oldest receipt, then the nearest walk, then the bin code.
One open task per (SKU, pick bin): planning twice does not double it.

:func:`plan_replenishment` runs on demand and after allocation
(:func:`replenish_after_allocation`, called where allocation books stock, for the
SKUs it touched — two cheap queries when nothing is set up). A task whose storage bin
was emptied meanwhile is cancelled by the next plan, and confirming it is refused with
the units the bin still has.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, aliased

from app.db.base import utcnow
from app.db.models import (
    Bin,
    Client,
    ReplenishLimit,
    ReplenishTask,
    Reservation,
    Sku,
    StockBalance,
    Warehouse,
)
from app.domain.errors import DomainError, InsufficientStock, InvalidValue, NotFound
from app.domain.lots import shippable
from app.domain.permissions import Actor, Permission, require
from app.domain.states import BinType, MoveKind
from app.services import ledger
from app.services.audit import record_audit
from app.services.bin_distance import distances_from
from app.services.bin_lots import accept_lot
from app.services.local_dates import warehouse_today
from app.services.lookup import bin_by_code, client_by_code, sku_by_code, warehouse_by_code

OPEN, DONE, CANCELLED = "open", "done", "cancelled"
REPLENISH_REASON = "replenish"
B = StockBalance


class ReplenishTaskClosed(DomainError):
    code = "replenish_task_closed"
    template = "Replenishment task {task} is already {status}."
    field_words = ("done", "cancelled")


class ReplenishTaskStale(DomainError):
    code = "replenish_task_stale"
    template = ("Replenishment task {task} is out of date: bin {bin} has {available} of {sku} "
                "free now, the task moves {wanted}. Plan again.")


class WrongBinScanned(DomainError):
    code = "wrong_bin_scanned"
    template = "Scanned bin {scanned}, but the task goes {role} bin {expected}."
    field_words = ("from", "to")


class NotAPickBin(DomainError):
    code = "not_a_pick_bin"
    template = "Bin {bin} is a {bin_type} bin: min/max limits are for pick bins."
    field_words = ("storage", "staging", "receiving", "returns", "damaged", "quarantine")


@dataclass(frozen=True)
class ReplenishLimitInfo:
    warehouse_code: str
    bin_code: str
    client_code: str
    sku_code: str
    min_qty: int
    max_qty: int
    on_hand: int
    free: int


@dataclass(frozen=True)
class ReplenishTaskInfo:
    id: int
    warehouse_code: str
    client_code: str
    sku_code: str
    sku_name: str
    from_bin: str
    to_bin: str
    quantity: int
    status: str
    created_at: datetime
    done_by: str | None
    done_at: datetime | None


@dataclass(frozen=True)
class ReplenishPlan:
    """What a plan did: tasks created, and stale ones it cancelled (their ids)."""

    created: tuple[ReplenishTaskInfo, ...]
    cancelled: tuple[int, ...] = ()


@dataclass(frozen=True)
class ReplenishResult:
    task: ReplenishTaskInfo
    move_id: int


def set_replenish_limit(session: Session, *, warehouse_code: str, bin_code: str, sku_code: str,
                        min_qty: int, max_qty: int, actor: Actor,
                        client_code: str | None = None) -> ReplenishLimitInfo:
    """Set (or change) the min/max of a SKU in a pick bin."""
    require(actor, Permission.MOVE_STOCK)
    if not (isinstance(min_qty, int) and isinstance(max_qty, int)) or min_qty < 0:
        raise InvalidValue(field="min", problem=f"'{min_qty}' must be a whole number, 0 or more")
    if max_qty <= min_qty:
        raise InvalidValue(field="max", problem=f"'{max_qty}' must be more than min ({min_qty})")
    wh = warehouse_by_code(session, warehouse_code)
    b = bin_by_code(session, wh.id, bin_code)
    if b.bin_type != BinType.PICK:
        raise NotAPickBin(bin=b.code, bin_type=b.bin_type)
    sku = _sku(session, sku_code, client_code)
    limit = session.get(ReplenishLimit, (b.id, sku.id))
    if limit is None:
        session.add(ReplenishLimit(bin_id=b.id, sku_id=sku.id, min_qty=min_qty, max_qty=max_qty))
    else:
        limit.min_qty, limit.max_qty = min_qty, max_qty
    session.flush()
    record_audit(session, actor, "replenish_limit", "bin", b.id, sku=sku.code, min=min_qty,
                 max=max_qty)
    return next(x for x in list_replenish_limits(session, wh.code)
                if x.bin_code == b.code and x.sku_code == sku.code)


def remove_replenish_limit(session: Session, *, warehouse_code: str, bin_code: str,
                           sku_code: str, actor: Actor, client_code: str | None = None) -> None:
    require(actor, Permission.MOVE_STOCK)
    wh = warehouse_by_code(session, warehouse_code)
    b = bin_by_code(session, wh.id, bin_code)
    sku = _sku(session, sku_code, client_code)
    gone = session.execute(delete(ReplenishLimit).where(
        ReplenishLimit.bin_id == b.id, ReplenishLimit.sku_id == sku.id))
    if gone.rowcount != 1:  # type: ignore[attr-defined]
        raise NotFound(kind="Limit", key=f"{b.code} {sku.code}")
    record_audit(session, actor, "replenish_limit_removed", "bin", b.id, sku=sku.code)


def list_replenish_limits(session: Session, warehouse_code: str) -> list[ReplenishLimitInfo]:
    """Every min/max of the warehouse's pick bins, with what each bin has now."""
    wh = warehouse_by_code(session, warehouse_code)
    rows = session.execute(
        select(Bin.code, Client.code, Sku.code, ReplenishLimit.min_qty, ReplenishLimit.max_qty,
               B.on_hand, B.reserved)
        .select_from(ReplenishLimit)
        .join(Bin, Bin.id == ReplenishLimit.bin_id)
        .join(Sku, Sku.id == ReplenishLimit.sku_id)
        .join(Client, Client.id == Sku.client_id)
        .outerjoin(B, (B.bin_id == ReplenishLimit.bin_id) & (B.sku_id == ReplenishLimit.sku_id))
        .where(Bin.warehouse_id == wh.id)
        .order_by(Bin.code, Client.code, Sku.code))
    return [ReplenishLimitInfo(wh.code, bc, cc, sc, lo, hi, int(oh or 0),
                               int(oh or 0) - int(rs or 0))
            for bc, cc, sc, lo, hi, oh, rs in rows]


def plan_replenishment(session: Session, warehouse_code: str, *, actor: Actor) -> ReplenishPlan:
    """Create the tasks the warehouse's pick bins need now (see the module)."""
    require(actor, Permission.PUT_AWAY)
    wh = warehouse_by_code(session, warehouse_code)
    return _plan(session, wh, None, actor)


def replenish_after_allocation(session: Session, order_ids: Collection[int], *,
                               actor: Actor) -> None:
    """The hook allocation calls after booking: plan for the (warehouse, SKU) pairs the
    orders reserved, and only where limits exist — one query when none do.

    No permission check of its own: it is a consequence of the allocation the caller
    was allowed to make."""
    if not order_ids:
        return
    touched = session.execute(
        select(Bin.warehouse_id, Reservation.sku_id).distinct()
        .join(Bin, Bin.id == Reservation.bin_id)
        .join(ReplenishLimit, ReplenishLimit.sku_id == Reservation.sku_id)
        .join(limit_bin := aliased(Bin), (limit_bin.id == ReplenishLimit.bin_id)
              & (limit_bin.warehouse_id == Bin.warehouse_id))
        .where(Reservation.order_id.in_(list(order_ids)))).all()
    by_warehouse: dict[int, set[int]] = {}
    for wh_id, sku_id in touched:
        by_warehouse.setdefault(wh_id, set()).add(sku_id)
    for wh_id, skus in sorted(by_warehouse.items()):
        wh = session.get(Warehouse, wh_id)
        if wh is not None:
            _plan(session, wh, skus, actor)


def list_replenish_tasks(session: Session, warehouse_code: str, *, open_only: bool = True,
                         task_ids: list[int] | None = None) -> list[ReplenishTaskInfo]:
    wh = warehouse_by_code(session, warehouse_code)
    src, dst = aliased(Bin), aliased(Bin)
    stmt = (
        select(ReplenishTask.id, Client.code, Sku.code, Sku.name_en, src.code, dst.code,
               ReplenishTask.quantity, ReplenishTask.status, ReplenishTask.created_at,
               ReplenishTask.done_by, ReplenishTask.done_at)
        .join(Sku, Sku.id == ReplenishTask.sku_id)
        .join(Client, Client.id == Sku.client_id)
        .join(src, src.id == ReplenishTask.from_bin_id)
        .join(dst, dst.id == ReplenishTask.to_bin_id)
        .where(ReplenishTask.warehouse_id == wh.id)
        .order_by(ReplenishTask.id))
    if open_only:
        stmt = stmt.where(ReplenishTask.status == OPEN)
    if task_ids is not None:
        stmt = stmt.where(ReplenishTask.id.in_(task_ids))
    return [ReplenishTaskInfo(i, wh.code, *rest) for i, *rest in session.execute(stmt)]


def confirm_replenishment(session: Session, task_id: int, *, actor: Actor,
                          from_bin: str | None = None, to_bin: str | None = None
                          ) -> ReplenishResult:
    """Units taken from the storage bin and put in the pick bin: move them in the ledger.

    ``from_bin``/``to_bin`` are the scans; a scan of another bin is refused. The task is
    claimed with a guarded update, so two PCs confirming it move the units once."""
    require(actor, Permission.PUT_AWAY)
    task = session.get(ReplenishTask, task_id)
    if task is None:
        raise NotFound(kind="Replenishment task", key=str(task_id))
    if task.status != OPEN:
        raise ReplenishTaskClosed(task=task.id, status=task.status)
    source = session.get(Bin, task.from_bin_id)
    target = session.get(Bin, task.to_bin_id)
    assert source is not None and target is not None
    for role, scanned, expected in (("from", from_bin, source), ("to", to_bin, target)):
        if scanned is not None and scanned.strip().upper() != expected.code:
            raise WrongBinScanned(scanned=scanned.strip().upper(), role=role,
                                  expected=expected.code)
    claimed = session.execute(
        update(ReplenishTask).where(ReplenishTask.id == task.id, ReplenishTask.status == OPEN)
        .values(status=DONE, done_by=actor.name[:64], done_at=utcnow())
        .execution_options(synchronize_session=False))
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise ReplenishTaskClosed(task=task.id, status=DONE)
    sku = session.get(Sku, task.sku_id)
    assert sku is not None
    lot, expiry = session.execute(select(B.lot, B.expiry).where(
        B.bin_id == source.id, B.sku_id == sku.id)).one_or_none() or (None, None)
    try:
        received_at = ledger.take_free(session, source.id, sku.id, task.quantity)
    except InsufficientStock as short:
        raise ReplenishTaskStale(task=task.id, bin=source.code, sku=sku.code,
                                 available=short.fields.get("available", 0),
                                 wanted=task.quantity) from None
    if sku.lot_tracked:
        accept_lot(session, target.id, sku.id, lot, expiry)
    ledger.add_on_hand(session, target.id, sku.id, task.quantity, received_at or utcnow())
    move_id = ledger.record_move(
        session, sku_id=sku.id, quantity=task.quantity, kind=MoveKind.TRANSFER, actor=actor,
        from_bin_id=source.id, to_bin_id=target.id, reason=REPLENISH_REASON,
        reference=f"RPL-{task.id}", lot=lot if sku.lot_tracked else None)
    record_audit(session, actor, "replenish", "replenish_task", task.id, sku=sku.code,
                 quantity=task.quantity)
    wh_code = session.scalar(select(Warehouse.code).where(Warehouse.id == task.warehouse_id))
    info = list_replenish_tasks(session, wh_code or "", open_only=False, task_ids=[task.id])[0]
    return ReplenishResult(info, move_id)


def _sku(session: Session, code: str, client_code: str | None) -> Sku:
    if client_code:
        return sku_by_code(session, client_by_code(session, client_code).id, code)
    found = list(session.scalars(select(Sku).where(Sku.code == code.strip())))
    if not found:
        raise NotFound(kind="SKU", key=code)
    if len(found) > 1:
        raise InvalidValue(field="client", problem=(
            f"SKU {code} belongs to several clients; name the client"))
    return found[0]


@dataclass
class _Need:
    limit_bin: Bin
    sku: Sku
    free: int
    on_hand: int
    lot: str | None
    max_qty: int


def _plan(session: Session, wh: Warehouse, sku_ids: set[int] | None,
          actor: Actor) -> ReplenishPlan:
    needs = _needs(session, wh.id, sku_ids)  # locks the limits first (see _needs)
    today = warehouse_today(wh.time_zone)
    cancelled = _cancel_stale(session, wh.id, sku_ids, today)
    open_pairs = {(sku_id, bin_id) for sku_id, bin_id in session.execute(
        select(ReplenishTask.sku_id, ReplenishTask.to_bin_id)
        .where(ReplenishTask.warehouse_id == wh.id, ReplenishTask.status == OPEN))}
    created: list[int] = []
    for need in needs:
        if (need.sku.id, need.limit_bin.id) in open_pairs:
            continue
        source = _source(session, need, today)
        if source is None:
            continue
        from_bin_id, available = source
        qty = min(need.max_qty - need.free, available)
        task = ReplenishTask(warehouse_id=wh.id, sku_id=need.sku.id, from_bin_id=from_bin_id,
                             to_bin_id=need.limit_bin.id, quantity=qty, status=OPEN,
                             created_by=actor.name[:64])
        session.add(task)
        session.flush()
        created.append(task.id)
    infos = list_replenish_tasks(session, wh.code, task_ids=created) if created else []
    return ReplenishPlan(tuple(infos), tuple(cancelled))


def _cancel_stale(session: Session, warehouse_id: int, sku_ids: set[int] | None,
                  today: date) -> list[int]:
    """Open tasks whose storage bin no longer has their units free, or whose stock is now
    inside the SKU's expiry window, are cancelled."""
    stmt = (select(ReplenishTask.id, ReplenishTask.quantity, B.on_hand - B.reserved, B.expiry,
                   Sku.expiry_window_days)
            .join(Sku, Sku.id == ReplenishTask.sku_id)
            .outerjoin(B, (B.bin_id == ReplenishTask.from_bin_id)
                       & (B.sku_id == ReplenishTask.sku_id))
            .where(ReplenishTask.warehouse_id == warehouse_id, ReplenishTask.status == OPEN))
    if sku_ids is not None:
        stmt = stmt.where(ReplenishTask.sku_id.in_(sku_ids))
    stale = [task_id for task_id, qty, free, expiry, window in session.execute(stmt)
             if int(free or 0) < qty or (expiry is not None
                                         and not shippable(expiry, today, window))]
    if stale:
        session.execute(update(ReplenishTask).where(
            ReplenishTask.id.in_(stale), ReplenishTask.status == OPEN)
            .values(status=CANCELLED, done_at=utcnow())
            .execution_options(synchronize_session=False))
    return stale


def _needs(session: Session, warehouse_id: int, sku_ids: set[int] | None) -> list[_Need]:
    stmt = (
        select(Bin, Sku, ReplenishLimit.min_qty, ReplenishLimit.max_qty, B.on_hand,
               B.reserved, B.lot)
        .select_from(ReplenishLimit)
        .join(Bin, Bin.id == ReplenishLimit.bin_id)
        .join(Sku, Sku.id == ReplenishLimit.sku_id)
        .outerjoin(B, (B.bin_id == ReplenishLimit.bin_id) & (B.sku_id == ReplenishLimit.sku_id))
        .where(Bin.warehouse_id == warehouse_id, Bin.active.is_(True),
               Bin.bin_type == BinType.PICK.value, Sku.active.is_(True))
        .order_by(Bin.code, Sku.code)
        # Two PCs planning at once wait for each other here: no duplicate open tasks.
        .with_for_update(of=ReplenishLimit))
    if sku_ids is not None:
        stmt = stmt.where(ReplenishLimit.sku_id.in_(sku_ids))
    needs = []
    for b, sku, lo, hi, on_hand, reserved, lot in session.execute(stmt):
        free = int(on_hand or 0) - int(reserved or 0)
        if free < lo:
            needs.append(_Need(b, sku, free, int(on_hand or 0), lot, hi))
    return needs


def _source(session: Session, need: _Need, today: date) -> tuple[int, int] | None:
    """The storage bin to take from and its free units (see the module for the order)."""
    stmt = (
        select(B.bin_id, (B.on_hand - B.reserved).label("free"), B.expiry, B.received_at,
               B.lot, Bin.aisle, Bin.position, Bin.code)
        .join(Bin, Bin.id == B.bin_id)
        .where(B.sku_id == need.sku.id, B.on_hand > B.reserved,
               Bin.warehouse_id == need.limit_bin.warehouse_id, Bin.active.is_(True),
               Bin.bin_type == BinType.STORAGE.value))
    rows = session.execute(stmt).all()
    if need.sku.lot_tracked and need.on_hand > 0:  # one lot per bin: only the pick bin's lot
        rows = [r for r in rows if r.lot == need.lot]
    rows = [r for r in rows if r.expiry is None
            or shippable(r.expiry, today, need.sku.expiry_window_days)]
    if not rows:
        return None
    walk = distances_from(session, need.limit_bin)
    best = min(rows, key=lambda r: (
        r.expiry or date.max,
        r.received_at.timestamp() if r.received_at else float("inf"),
        walk(r.aisle, r.position), r.code))
    return int(best.bin_id), int(best.free)
