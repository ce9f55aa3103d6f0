"""Walking distance between two bins of a warehouse, for "nearest bin" choices.

Put-away and replenishment both pick the nearest bin; both use the pick-route floor
model (:func:`app.domain.routing.distance`) so "near" means the same walk everywhere.
A bin without an aisle and position (a dock bin) stands at the depot.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from app.db.models import Bin
from app.domain.routing import Stop, distance
from app.services.layout import warehouse_layout


def stop_of(aisle: int, position: int) -> Stop | None:
    return Stop(aisle, position) if aisle >= 1 and position >= 1 else None


def distances_from(session: Session, origin: Bin) -> Callable[[int, int], float]:
    """A function (aisle, position) -> metres from ``origin``, memoised per place."""
    layout = warehouse_layout(session, origin.warehouse_id)
    start = stop_of(origin.aisle, origin.position)
    memo: dict[tuple[int, int], float] = {}

    def walk(aisle: int, position: int) -> float:
        key = (aisle, position)
        if key not in memo:
            memo[key] = distance(layout, start, stop_of(aisle, position))
        return memo[key]

    return walk
