"""Bulk actions of the Orders screen: a job that steps through orders, one transaction each.

One transaction per order: a cancel between orders leaves every finished order
finished and the rest untouched, and one order's failure is reported, not fatal.
Also the tally of a print action's per-order results.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.db.engine import Database
from app.domain.states import OrderStatus
from app.services.changes import Changes
from app.services.dto import AllocationResult, Shortfall
from app.services.run import run_write
from app.ui.tasks import TaskControl

#: One order's step: its new status, or an allocation's whole result (for its shortages).
OrderStep = Callable[[Session, int], OrderStatus | AllocationResult]


@dataclass(frozen=True)
class BulkOutcome:
    """What a bulk action did to each order; failures keep the error for the message."""

    action: str
    total: int
    done: tuple[tuple[int, OrderStatus], ...]
    failed: tuple[tuple[int, Exception], ...]
    cancelled: bool
    changes: Changes = field(default=Changes.NONE)
    #: The SKUs backordered orders were short of, for naming them in the message.
    shortages: tuple[Shortfall, ...] = ()


def bulk_job(action: str, ids: Sequence[int], step: OrderStep
             ) -> Callable[[Database, TaskControl], BulkOutcome]:
    """A job applying ``step`` to each order in its own transaction.

    One transaction per order: a cancel between orders leaves every finished order
    finished and the rest untouched, and one order's failure is reported, not fatal.
    """
    order_ids = list(ids)

    def run(db: Database, control: TaskControl) -> BulkOutcome:
        done: list[tuple[int, OrderStatus]] = []
        short: list[Shortfall] = []
        failed: list[tuple[int, Exception]] = []
        cancelled = False
        for i, oid in enumerate(order_ids):
            if control.cancelled:
                cancelled = True
                break
            control.progress(i, len(order_ids), "")
            try:
                result = run_write(db, step, oid)
            except Exception as exc:  # reported per order; the rest go on
                failed.append((oid, exc))
                continue
            if isinstance(result, AllocationResult):
                short.extend(result.shortages)
                result = result.status
            done.append((oid, result))
        control.progress(len(done) + len(failed), len(order_ids), "")
        changes = Changes.ORDERS | Changes.STOCK if done else Changes.NONE
        return BulkOutcome(action, len(order_ids), tuple(done), tuple(failed), cancelled,
                           changes, tuple(short))

    return run


@dataclass
class PrintTally:
    """Counts the per-order results of one print action until all have come back.

    ``failures`` were queued and wait for a retry; ``refused`` never became a job (an
    order that cannot have the document yet), so the message must not send the clerk
    to the print queue for them.
    """

    expected: int
    sent: int = 0
    failures: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def add(self, failure: str | None) -> None:
        if failure is None:
            self.sent += 1
        else:
            self.failures.append(failure)

    def add_refused(self, reason: str) -> None:
        self.refused.append(reason)

    @property
    def finished(self) -> bool:
        return self.sent + len(self.failures) + len(self.refused) >= self.expected
