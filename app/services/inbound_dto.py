"""What the inbound and receiving services return, and the shipment lookup both use.

Frozen values only: the Inbound and Receiving screens, the CLI and the tests read these,
never ORM objects. The lookup lives here so :mod:`app.services.inbound` and
:mod:`app.services.receiving` share it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Client, InboundShipment
from app.domain.inbound_errors import InboundAmbiguous, InboundNotFound
from app.services.lookup import client_by_code


@dataclass(frozen=True)
class InboundSummary:
    """One shipment in a list: where it stands and how much of it came."""

    id: int
    reference: str
    client: str
    warehouse: str
    status: str
    eta: date | None
    container: str | None
    tracking: str | None
    cartons: int
    expected: int
    received: int
    damaged: int
    created_at: datetime
    arrived_at: datetime | None
    closed_at: datetime | None


@dataclass(frozen=True)
class LineView:
    """A SKU (or an unknown code) in a carton: announced and counted units.

    ``unknown`` is a code no SKU of the client carries, waiting in quarantine
    (``open``) until a clerk maps it to a SKU or rejects it.
    """

    id: int
    carton: str
    sku: str
    name: str
    expected: int
    received: int
    damaged: int
    unknown: bool = False
    rejected: bool = False
    lot_tracked: bool = False

    @property
    def difference(self) -> int:
        return self.received + self.damaged - self.expected


@dataclass(frozen=True)
class CartonView:
    code: str
    scanned_at: datetime | None
    lines: tuple[LineView, ...]


@dataclass(frozen=True)
class InboundDetail:
    summary: InboundSummary
    cartons: tuple[CartonView, ...]

    @property
    def lines(self) -> tuple[LineView, ...]:
        return tuple(line for carton in self.cartons for line in carton.lines)


def shipment_by_reference(
    session: Session, reference: str, client_code: str | None = None
) -> InboundShipment:
    """The shipment with this reference; ``client_code`` is needed only when two clients
    announced the same reference (refused as ambiguous without it)."""
    ref = reference.strip()
    stmt = select(InboundShipment).where(InboundShipment.reference == ref)
    if client_code:
        stmt = stmt.where(InboundShipment.client_id == client_by_code(session, client_code).id)
    found = list(session.scalars(stmt))
    if not found:
        raise InboundNotFound(reference=ref)
    if len(found) > 1:
        codes = session.scalars(select(Client.code).where(
            Client.id.in_([s.client_id for s in found])).order_by(Client.code))
        raise InboundAmbiguous(reference=ref, clients=", ".join(codes))
    return found[0]
