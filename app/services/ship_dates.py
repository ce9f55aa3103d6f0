"""Which clock an order's ship-by date is counted on: the client's terms, a warehouse's cut-off.

:func:`app.domain.ship_by.ship_by` is the rule; this module reads what it needs
from the database once per client, so a file of 100,000 orders costs one query,
not one per order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Client, Warehouse
from app.domain.ship_by import ship_by


@dataclass(frozen=True)
class ShipTerms:
    """A client's handling days on one warehouse's cut-off and time zone."""

    handling_days: int
    cutoff: time
    time_zone: str

    def ship_by(self, ordered_at: datetime) -> datetime:
        return ship_by(ordered_at, handling_days=self.handling_days, cutoff=self.cutoff,
                       time_zone=self.time_zone)


def ship_terms(session: Session, client_id: int) -> ShipTerms | None:
    """The terms new orders of the client are dated by; None when there is no warehouse yet.

    The warehouse is the client's default ship-from warehouse, else the first active
    warehouse by code. (A new order has no allocated warehouse yet, so that cannot be
    the one; its ship-by is a promise made when it arrives.)
    """
    handling_days, default_wh = session.execute(
        select(Client.handling_days, Client.default_warehouse_id).where(Client.id == client_id)
    ).one()
    columns = select(Warehouse.cutoff_local, Warehouse.time_zone)
    row = None
    if default_wh is not None:
        row = session.execute(columns.where(Warehouse.id == default_wh)).first()
    if row is None:
        row = session.execute(
            columns.where(Warehouse.active.is_(True)).order_by(Warehouse.code).limit(1)
        ).first()
    if row is None:
        return None
    cutoff, zone = row
    return ShipTerms(handling_days, time.fromisoformat(cutoff), zone)
