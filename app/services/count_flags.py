"""Bins flagged for a count: a short pick found fewer units than the ledger says.

The flag (``bins.count_flagged_at`` / ``count_flag_reason``) is set by
:func:`app.services.picking.report_short`. The supervisor lists the flagged bins, counts
them (any difference is booked with ``stock adjust --reason cycle_count``) and clears
the flag; a short-pick fallback prefers bins without one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db.models import Bin, Warehouse
from app.domain.permissions import Actor, Permission, require
from app.services.audit import record_audit
from app.services.lookup import bin_by_code, warehouse_by_code


@dataclass(frozen=True)
class CountFlag:
    warehouse: str
    bin_code: str
    flagged_at: datetime
    reason: str


def list_count_flags(session: Session, *, warehouse_code: str | None = None) -> list[CountFlag]:
    """Flagged bins, oldest flag first."""
    stmt = (select(Warehouse.code, Bin.code, Bin.count_flagged_at, Bin.count_flag_reason)
            .join(Warehouse, Warehouse.id == Bin.warehouse_id)
            .where(Bin.count_flagged_at.is_not(None))
            .order_by(Bin.count_flagged_at, Warehouse.code, Bin.code))
    if warehouse_code:
        stmt = stmt.where(Warehouse.id == warehouse_by_code(session, warehouse_code).id)
    return [CountFlag(wh, code, at, reason or "")
            for wh, code, at, reason in session.execute(stmt) if at is not None]


def clear_count_flag(session: Session, warehouse_code: str, bin_code: str, *,
                     actor: Actor) -> bool:
    """The bin was counted: clear its flag. False when it had none."""
    require(actor, Permission.ADJUST_STOCK)
    b = bin_by_code(session, warehouse_by_code(session, warehouse_code).id, bin_code)
    result = session.execute(
        update(Bin).where(Bin.id == b.id, Bin.count_flagged_at.is_not(None))
        .values(count_flagged_at=None, count_flag_reason=None)
        .execution_options(synchronize_session=False))
    cleared = bool(result.rowcount)  # type: ignore[attr-defined]
    if cleared:
        record_audit(session, actor, "count_done", "bin", b.id, code=b.code)
    return cleared
