"""Put-away: units waiting in a receiving or returns bin go to a storage or pick bin.

Tasks (``putaway_tasks``) are made by closing an inbound shipment and by grading a
return resellable (:func:`create_putaway_task`); each gets a suggested bin
(:mod:`app.domain.putaway` has the rules). The worker scans the bin the units went
into — the suggested one or another, which is recorded — and :func:`confirm_putaway`
moves them there in the ledger (a ``transfer``) and closes the task. The task is
claimed with ``UPDATE ... WHERE status = 'open'``, so two PCs confirming the same task
move the units once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, aliased

from app.db.base import utcnow
from app.db.models import (
    Bin,
    Client,
    PutawayTask,
    ReplenishLimit,
    Sku,
    SkuBarcode,
    StockBalance,
    StockLot,
    Warehouse,
)
from app.domain.errors import DomainError, NotFound
from app.domain.permissions import Actor, Permission, require
from app.domain.putaway import (
    PUTAWAY_TYPES,
    BinOfOtherWarehouse,
    BinRoom,
    check_target,
    suggest_bin,
    unit_litres,
)
from app.domain.states import SELLABLE_BIN_TYPES, MoveKind
from app.services import ledger
from app.services.allocation import retry_backorders_for_new_stock
from app.services.audit import record_audit
from app.services.bin_distance import distances_from
from app.services.bin_lots import accept_lot
from app.services.lookup import warehouse_by_code

OPEN, DONE = "open", "done"
PUTAWAY_REASON = "putaway"


class PutawayTaskDone(DomainError):
    code = "putaway_task_done"
    template = "Put-away task {task} is already done (by {by})."


@dataclass(frozen=True)
class PutawayTaskInfo:
    id: int
    warehouse_code: str
    client_code: str
    sku_code: str
    sku_name: str
    quantity: int
    lot: str | None
    from_bin: str
    suggested_bin: str | None
    to_bin: str | None
    source: str | None
    status: str
    created_at: datetime
    done_by: str | None
    done_at: datetime | None


@dataclass(frozen=True)
class PutawayResult:
    """A confirmed task; ``instead_of`` names the suggested bin when another was scanned."""

    task: PutawayTaskInfo
    move_id: int
    instead_of: str | None
    allocated_orders: tuple[str, ...] = ()


def create_putaway_task(session: Session, *, warehouse_id: int, sku_id: int, quantity: int,
                        from_bin_id: int, actor: Actor, lot: str | None = None,
                        source: str | None = None) -> int:
    """A task for units now in ``from_bin_id`` (receiving close, resellable return), with
    its suggestion; part of the caller's transaction and permission check."""
    task = PutawayTask(warehouse_id=warehouse_id, sku_id=sku_id, quantity=quantity,
                       from_bin_id=from_bin_id, lot=lot, source=source, status=OPEN,
                       created_by=actor.name[:64])
    session.add(task)
    session.flush()
    _suggest(session, [task])
    return task.id


def plan_putaway(session: Session, warehouse_code: str, *, actor: Actor
                 ) -> list[PutawayTaskInfo]:
    """Suggest a bin for every open task of the warehouse that has none (or whose bin no
    longer has room), then list the open tasks, oldest first."""
    require(actor, Permission.PUT_AWAY)
    wh = warehouse_by_code(session, warehouse_code)
    tasks = list(session.scalars(select(PutawayTask).where(
        PutawayTask.warehouse_id == wh.id, PutawayTask.status == OPEN).order_by(PutawayTask.id)))
    _suggest(session, tasks)
    return list_putaway_tasks(session, wh.code)


def list_putaway_tasks(session: Session, warehouse_code: str, *, open_only: bool = True,
                       task_ids: list[int] | None = None) -> list[PutawayTaskInfo]:
    """The warehouse's put-away tasks (open ones by default), oldest first."""
    wh = warehouse_by_code(session, warehouse_code)
    src, sug, dst = aliased(Bin), aliased(Bin), aliased(Bin)
    stmt = (
        select(PutawayTask.id, Client.code, Sku.code, Sku.name_en, PutawayTask.quantity,
               PutawayTask.lot, src.code, sug.code, dst.code, PutawayTask.source,
               PutawayTask.status, PutawayTask.created_at, PutawayTask.done_by,
               PutawayTask.done_at)
        .join(Sku, Sku.id == PutawayTask.sku_id)
        .join(Client, Client.id == Sku.client_id)
        .join(src, src.id == PutawayTask.from_bin_id)
        .outerjoin(sug, sug.id == PutawayTask.suggested_bin_id)
        .outerjoin(dst, dst.id == PutawayTask.to_bin_id)
        .where(PutawayTask.warehouse_id == wh.id)
        .order_by(PutawayTask.id)
    )
    if open_only:
        stmt = stmt.where(PutawayTask.status == OPEN)
    if task_ids is not None:
        stmt = stmt.where(PutawayTask.id.in_(task_ids))
    return [PutawayTaskInfo(i, wh.code, *rest) for i, *rest in session.execute(stmt)]


def tasks_for_scan(session: Session, warehouse_code: str, scan: str) -> list[int]:
    """Open tasks a scan names: a task number, or a SKU code or barcode (oldest first)."""
    wh = warehouse_by_code(session, warehouse_code)
    text = scan.strip()
    stmt = select(PutawayTask.id).where(PutawayTask.warehouse_id == wh.id,
                                        PutawayTask.status == OPEN)
    if text.isdigit() and len(text) <= 9:  # a barcode's digits are not a task number
        by_id = list(session.scalars(stmt.where(PutawayTask.id == int(text))))
        if by_id:
            return by_id
    skus = select(Sku.id).where(Sku.code == text).union(
        select(SkuBarcode.sku_id).where(SkuBarcode.code == text))
    return list(session.scalars(stmt.where(PutawayTask.sku_id.in_(skus))
                                .order_by(PutawayTask.id)))


def confirm_putaway(session: Session, task_id: int, bin_code: str, *, actor: Actor
                    ) -> PutawayResult:
    """The units of the task are in the scanned bin: move them there in the ledger."""
    require(actor, Permission.PUT_AWAY)
    task = session.get(PutawayTask, task_id)
    if task is None:
        raise NotFound(kind="Put-away task", key=str(task_id))
    _claim(session, task, actor)
    sku = session.get(Sku, task.sku_id)
    assert sku is not None
    target = _scanned_bin(session, task.warehouse_id, bin_code)
    litres_each = unit_litres(sku.length_mm, sku.width_mm, sku.height_mm)
    rooms = _rooms(session, task.warehouse_id, sku, [target.id])
    check_target(rooms[0], quantity=task.quantity, litres_each=litres_each, sku=sku.code)
    source = session.get(Bin, task.from_bin_id)
    assert source is not None
    received_at = ledger.take_free(session, source.id, sku.id, task.quantity)
    if sku.lot_tracked:
        accept_lot(session, target.id, sku.id, task.lot, _lot_expiry(session, task))
    ledger.add_on_hand(session, target.id, sku.id, task.quantity, received_at or utcnow())
    move_id = ledger.record_move(
        session, sku_id=sku.id, quantity=task.quantity, kind=MoveKind.TRANSFER, actor=actor,
        from_bin_id=source.id, to_bin_id=target.id, reason=PUTAWAY_REASON,
        reference=task.source, lot=task.lot)
    session.execute(update(PutawayTask).where(PutawayTask.id == task.id)
                    .values(to_bin_id=target.id).execution_options(synchronize_session=False))
    suggested = session.scalar(select(Bin.code).where(Bin.id == task.suggested_bin_id))
    instead = suggested if suggested and suggested != target.code else None
    record_audit(session, actor, "putaway", "putaway_task", task.id, bin=target.code,
                 **({"instead_of": instead} if instead else {}))
    allocated: tuple[str, ...] = ()
    if target.bin_type in SELLABLE_BIN_TYPES and source.bin_type not in SELLABLE_BIN_TYPES:
        allocated = tuple(retry_backorders_for_new_stock(session, sku.id, actor=actor))
    wh_code = session.scalar(select(Warehouse.code).where(Warehouse.id == task.warehouse_id))
    info = list_putaway_tasks(session, wh_code or "", open_only=False, task_ids=[task.id])[0]
    return PutawayResult(info, move_id, instead, allocated)


def _claim(session: Session, task: PutawayTask, actor: Actor) -> None:
    """Close the task first, guarded: a second confirm (another PC) finds it done."""
    claimed = session.execute(
        update(PutawayTask)
        .where(PutawayTask.id == task.id, PutawayTask.status == OPEN)
        .values(status=DONE, done_by=actor.name[:64], done_at=utcnow())
        .execution_options(synchronize_session=False))
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        by = session.scalar(select(PutawayTask.done_by).where(PutawayTask.id == task.id))
        raise PutawayTaskDone(task=task.id, by=by or "?")


def _scanned_bin(session: Session, warehouse_id: int, code: str) -> Bin:
    text = code.strip().upper()
    b = session.scalar(select(Bin).where(Bin.warehouse_id == warehouse_id, Bin.code == text))
    if b is not None:
        return b
    elsewhere = session.scalar(select(Bin.id).where(Bin.code == text).limit(1))
    if elsewhere is not None:
        wh = session.scalar(select(Warehouse.code).where(Warehouse.id == warehouse_id))
        raise BinOfOtherWarehouse(bin=text, warehouse=wh or "?")
    raise NotFound(kind="Bin", key=code)


def _lot_expiry(session: Session, task: PutawayTask) -> date | None:
    """The expiry of the task's lot: from the bin the units wait in, else the stock lot
    written when they were received."""
    if task.lot is None:
        return None
    at_dock = session.execute(select(StockBalance.lot, StockBalance.expiry).where(
        StockBalance.bin_id == task.from_bin_id, StockBalance.sku_id == task.sku_id)).first()
    if at_dock is not None and at_dock.lot == task.lot and at_dock.expiry is not None:
        return at_dock.expiry
    return session.scalar(
        select(func.min(StockLot.expiry)).where(
            StockLot.sku_id == task.sku_id, StockLot.warehouse_id == task.warehouse_id,
            StockLot.lot == task.lot))


def _suggest(session: Session, tasks: list[PutawayTask]) -> None:
    """Store a suggestion on each task, counting earlier suggestions as already in their
    bins, so two tasks are not both sent to the last free space of one bin."""
    if not tasks:
        return
    pending: dict[int, tuple[int, Decimal, set[int]]] = {}
    for task in tasks:
        sku = session.get(Sku, task.sku_id)
        assert sku is not None
        litres_each = unit_litres(sku.length_mm, sku.width_mm, sku.height_mm)
        rooms = [_with_pending(r, pending.get(r.bin_id), sku.id)
                 for r in _rooms(session, task.warehouse_id, sku)]
        best = _suggestion(session, task, sku, rooms)
        task.suggested_bin_id = best.bin_id if best else None
        if best is not None:
            units, litres, skus = pending.get(best.bin_id, (0, Decimal(0), set()))
            pending[best.bin_id] = (units + task.quantity,
                                    litres + litres_each * task.quantity, skus | {sku.id})
    session.flush()


def _suggestion(session: Session, task: PutawayTask, sku: Sku, rooms: list[BinRoom]
                ) -> BinRoom | None:
    """The task's current suggestion while it still fits, else the best bin now."""
    source = session.get(Bin, task.from_bin_id)
    assert source is not None
    walk = distances_from(session, source)
    litres_each = unit_litres(sku.length_mm, sku.width_mm, sku.height_mm)

    def best(candidates: list[BinRoom]) -> BinRoom | None:
        return suggest_bin(candidates, quantity=task.quantity, litres_each=litres_each,
                           lot=task.lot, lot_tracked=sku.lot_tracked,
                           distance=lambda r: walk(r.aisle, r.position))

    current = [r for r in rooms if r.bin_id == task.suggested_bin_id]
    return (best(current) if current else None) or best(rooms)


def _with_pending(room: BinRoom, extra: tuple[int, Decimal, set[int]] | None,
                  sku_id: int) -> BinRoom:
    if extra is None:
        return room
    units, litres, skus = extra
    mine = units if sku_id in skus else 0
    return BinRoom(room.bin_id, room.code, room.bin_type, room.active, room.capacity_units,
                   room.capacity_litres, room.units + units, room.litres + litres,
                   room.sku_units + mine, room.sku_lot, room.assigned,
                   room.assigned_other or not skus <= {sku_id}, room.aisle, room.position)


def _rooms(session: Session, warehouse_id: int, sku: Sku,
           bin_ids: list[int] | None = None) -> list[BinRoom]:
    """Every storage and pick bin of the warehouse (or just ``bin_ids``, any type), with
    what is in it and what it may still take of ``sku``."""
    volume = (func.coalesce(Sku.length_mm, 0) * func.coalesce(Sku.width_mm, 0)
              * func.coalesce(Sku.height_mm, 0))
    loads = (
        select(StockBalance.bin_id.label("bin_id"),
               func.sum(StockBalance.on_hand).label("units"),
               func.sum(StockBalance.on_hand * volume).label("mm3"))
        .join(Sku, Sku.id == StockBalance.sku_id)
        .where(StockBalance.on_hand > 0)
        .group_by(StockBalance.bin_id)
        .subquery()
    )
    own = aliased(StockBalance)
    stmt = (
        select(Bin.id, Bin.code, Bin.bin_type, Bin.active, Bin.capacity_units,
               Bin.capacity_litres, loads.c.units, loads.c.mm3, own.on_hand, own.lot,
               Bin.aisle, Bin.position)
        .outerjoin(loads, loads.c.bin_id == Bin.id)
        .outerjoin(own, (own.bin_id == Bin.id) & (own.sku_id == sku.id))
        .where(Bin.warehouse_id == warehouse_id)
        .order_by(Bin.code)
    )
    if bin_ids is None:
        stmt = stmt.where(Bin.active.is_(True),
                          Bin.bin_type.in_([t.value for t in PUTAWAY_TYPES]))
    else:
        stmt = stmt.where(Bin.id.in_(bin_ids))
    limits: dict[int, set[int]] = {}
    for bin_id, sku_id in session.execute(
            select(ReplenishLimit.bin_id, ReplenishLimit.sku_id)
            .join(Bin, Bin.id == ReplenishLimit.bin_id).where(Bin.warehouse_id == warehouse_id)):
        limits.setdefault(bin_id, set()).add(sku_id)
    return [
        BinRoom(i, code, bt, active, cap_u, cap_l, int(units or 0),
                Decimal(int(mm3 or 0)) / Decimal(1_000_000), int(mine or 0),
                lot if mine else None, sku.id in limits.get(i, set()),
                bool(limits.get(i, set()) - {sku.id}), aisle, position)
        for i, code, bt, active, cap_u, cap_l, units, mm3, mine, lot, aisle, position
        in session.execute(stmt)
    ]
