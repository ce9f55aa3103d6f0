"""Returns-to-stock tasks: picked units of an order stopped at the pack station.

When a cancelled order reaches a pack station after picking, its units are in a tote,
not in a bin. In the ledger they are back already: cancelling an order returns its
picked units to the bins they were picked from (``return`` moves,
:func:`app.services.fulfilment.restock_cancelled_order`). A restock task is the
physical half: carry ``quantity`` of a SKU back, and scan the bin they go into. The
bin they came from closes the task as it is; another bin of the same warehouse moves
them there in the ledger (a ``transfer``), so the ledger and the shelves agree.

Held orders keep their picked units (releasing a hold resumes without re-picking), so
they get no restock task: the station stops them and the units wait with the order.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Bin, Order, RestockTask, StockMove
from app.domain.errors import NotFound
from app.domain.permissions import Actor, Permission, require
from app.domain.states import MoveKind
from app.services import ledger
from app.services.audit import record_audit
from app.services.lookup import bin_by_code
from app.services.packing_errors import RestockTaskDone
from app.services.packing_view import RestockTaskInfo, restock_tasks_of

OPEN, DONE = "open", "done"
#: The reason of the ``return`` moves that cancelling a picked order writes
#: (:func:`app.services.fulfilment.restock_cancelled_order`): exactly the units to carry back.
CANCEL_RETURN_REASON = "cancelled_after_packing"


def open_restock_tasks(session: Session, order: Order, *, actor: Actor) -> int:
    """Create the tasks of a cancelled order's picked units, once; returns how many exist.

    The units are those cancelling returned to their bins in the ledger (units a short
    pick had already put back are not among them)."""
    existing = session.scalar(
        select(func.count()).select_from(RestockTask).where(RestockTask.order_id == order.id))
    if existing:
        return int(existing)
    picked = session.execute(
        select(StockMove.to_bin_id, Bin.warehouse_id, StockMove.sku_id,
               func.sum(StockMove.quantity))
        .join(Bin, Bin.id == StockMove.to_bin_id)
        .where(StockMove.order_id == order.id, StockMove.kind == MoveKind.RETURN.value,
               StockMove.reason == CANCEL_RETURN_REASON)
        .group_by(StockMove.to_bin_id, Bin.warehouse_id, StockMove.sku_id)
        .order_by(StockMove.to_bin_id, StockMove.sku_id)
    ).all()
    for bin_id, warehouse_id, sku_id, qty in picked:
        session.add(RestockTask(order_id=order.id, sku_id=sku_id, quantity=int(qty),
                                warehouse_id=warehouse_id, status=OPEN, to_bin_id=bin_id,
                                created_by=actor.name[:64]))
    session.flush()
    return len(picked)


def complete_restock(session: Session, task_id: int, *, bin_code: str, actor: Actor
                     ) -> RestockTaskInfo:
    """The units are in the scanned bin: close the task (moving them there in the ledger
    when it is not the bin they came from)."""
    if not actor.may(Permission.PACK):
        require(actor, Permission.MOVE_STOCK)
    task = session.get(RestockTask, task_id)
    if task is None:
        raise NotFound(kind="Restock task", key=str(task_id))
    if task.status != OPEN:
        raise RestockTaskDone(task=task_id)
    target = bin_by_code(session, task.warehouse_id, bin_code)
    number = session.scalar(select(Order.number).where(Order.id == task.order_id))
    if task.to_bin_id is not None and target.id != task.to_bin_id:
        received_at = ledger.take_free(session, task.to_bin_id, task.sku_id, task.quantity)
        ledger.add_on_hand(session, target.id, task.sku_id, task.quantity,
                           received_at or utcnow())
        ledger.record_move(session, sku_id=task.sku_id, quantity=task.quantity,
                           kind=MoveKind.TRANSFER, actor=actor, from_bin_id=task.to_bin_id,
                           to_bin_id=target.id, reason="restock", reference=number,
                           order_id=task.order_id)
    task.to_bin_id = target.id
    task.status = DONE
    task.done_by = actor.name[:64]
    task.done_at = utcnow()
    session.flush()
    record_audit(session, actor, "restock", "restock_task", task.id, bin=target.code)
    return next(t for t in restock_tasks_of(session, task.order_id) if t.id == task.id)


def list_restock_tasks(session: Session, *, open_only: bool = True) -> list[RestockTaskInfo]:
    """Every restock task (open ones only by default), oldest first."""
    stmt = select(RestockTask.order_id).distinct()
    if open_only:
        stmt = stmt.where(RestockTask.status == OPEN)
    tasks = [t for order_id in session.scalars(stmt) for t in restock_tasks_of(session, order_id)]
    return sorted((t for t in tasks if not open_only or t.status == OPEN), key=lambda t: t.id)

