"""Reserving stock nobody asked for: right after a file import or a synced page.

A warehouse that turned ``auto_allocate`` on wants new orders to arrive
allocated, so pick lists can be printed at once. The import itself commits
first - orders are never lost because allocation failed - and the allocation
then runs in batches of :data:`ALLOCATION_BATCH` orders, one transaction each,
so the write lock is never held for long and another PC can work meanwhile.
Only warehouses with the setting on give stock (``allocation._candidates``);
when none has it on, nothing happens and the orders stay "new".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.db.engine import Database
from app.domain.permissions import Actor, Permission, require
from app.domain.states import OrderStatus
from app.services.allocation import auto_allocation_on
from app.services.batch_allocation import ALLOCATION_BATCH, allocate_orders
from app.services.dto import AllocationResult
from app.services.run import run_write


@dataclass(frozen=True)
class ShortLine:
    """One SKU one backordered order could not get enough of."""

    order: str
    sku: str
    wanted: int
    available: int


@dataclass(frozen=True)
class SkuShortage:
    """One SKU over all backordered orders: what they wanted in all, the most one had."""

    sku: str
    wanted: int
    available: int


@dataclass(frozen=True)
class AllocationSummary:
    """What an automatic allocation did; ``short`` names every order's missing SKUs."""

    allocated: int = 0
    backordered: int = 0
    short: tuple[ShortLine, ...] = ()

    @classmethod
    def of(cls, results: Iterable[AllocationResult]) -> AllocationSummary:
        allocated = backordered = 0
        short: list[ShortLine] = []
        for r in results:
            if r.status == OrderStatus.ALLOCATED:
                allocated += 1
            elif r.status == OrderStatus.BACKORDERED:
                backordered += 1
                short.extend(ShortLine(r.number, s.sku, s.wanted, s.available)
                             for s in r.shortages)
        return cls(allocated, backordered, tuple(short))

    def __add__(self, other: AllocationSummary) -> AllocationSummary:
        return AllocationSummary(self.allocated + other.allocated,
                                 self.backordered + other.backordered, self.short + other.short)

    def by_sku(self) -> list[SkuShortage]:
        """Each short SKU once, in the order first met: the line a clerk acts on."""
        wanted: dict[str, int] = {}
        have: dict[str, int] = {}
        for s in self.short:
            wanted[s.sku] = wanted.get(s.sku, 0) + s.wanted
            have[s.sku] = max(have.get(s.sku, 0), s.available)
        return [SkuShortage(sku, wanted[sku], have[sku]) for sku in wanted]

    def to_json(self) -> dict[str, Any]:
        return {
            "allocated": self.allocated,
            "backordered": self.backordered,
            "short": [{"order": s.order, "sku": s.sku, "wanted": s.wanted,
                       "available": s.available} for s in self.short],
        }

    def text(self, listed: int = 5) -> str:
        """One line in English for the CLI, e.g. 'Allocated 41, backordered 3 (short: ...)'."""
        line = f"Allocated {self.allocated:,}, backordered {self.backordered:,}"
        skus = self.by_sku()
        if skus:
            parts = [f"{s.sku} {s.wanted:,} wanted / {s.available:,} available"
                     for s in skus[:listed]]
            if len(skus) > listed:
                parts.append(f"{len(skus) - listed} more SKUs")
            line += f" (short: {', '.join(parts)})"
        return line + "."


def allocate_automatically(
    session: Session, order_ids: Sequence[int], *, actor: Actor
) -> AllocationSummary | None:
    """One batch, in the caller's transaction; None when no warehouse allocates on its own."""
    require(actor, Permission.ALLOCATE)
    if not auto_allocation_on(session):
        return None
    return AllocationSummary.of(allocate_orders(session, order_ids, actor=actor, automatic=True))


def allocate_in_batches(
    db: Database, order_ids: Sequence[int], *, actor: Actor
) -> AllocationSummary | None:
    """Allocate freshly imported orders, each batch its own transaction (oldest first).

    None when automatic allocation is off everywhere (nothing was tried). An actor who
    may import but not allocate gets the orders imported and left for someone who may.
    """
    if not order_ids or not actor.may(Permission.ALLOCATE):
        return None
    ids = sorted(order_ids)
    total: AllocationSummary | None = None
    for start in range(0, len(ids), ALLOCATION_BATCH):
        done = run_write(db, allocate_automatically, ids[start:start + ALLOCATION_BATCH],
                         actor=actor)
        if done is None:
            return total
        total = done if total is None else total + done
    return total
