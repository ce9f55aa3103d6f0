"""Shared pieces of the carrier adapter tests: a parcel, fast HTTP options, the clock."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from app.carriers.base import Address, Shipment
from app.channels.http import ConnectorRuntime, HttpOptions
from tests.fakes.platforms.clock import VirtualClock

#: Ordinary tests: generous timeouts (a loaded box must not fake a timeout on a buy).
FAST = HttpOptions(timeout=10.0, connect_timeout=5.0, max_attempts=6)
#: Timeout tests: the fakes hold a "timeout" answer longer than this.
SHORT = HttpOptions(timeout=0.3, connect_timeout=5.0, max_attempts=6)

WAREHOUSE = Address(name="Haicang NJ1", company="Haicang Logistics", street1="100 Dock Rd",
                    city="Elizabeth", state="NJ", zip="07201", phone="9085550100")
BUYER = Address(name="Jane Doe", street1="1 Main St", street2="Apt 2", city="Austin",
                state="TX", zip="78701")


def parcel(reference: str = "HC-LP-1", *, to: Address = BUYER,
           insure: Decimal | None = None) -> Shipment:
    """A 1 lb 10x8x4 in parcel from the warehouse to a buyer."""
    return Shipment(reference=reference, from_address=WAREHOUSE, to_address=to,
                    weight_g=454, length_mm=254, width_mm=203, height_mm=102,
                    order_number="SO-1001", declared_value=Decimal("40"),
                    insure_amount=insure)


@pytest.fixture
def clock() -> VirtualClock:
    """Virtual clock shared by the fake and the adapter (backoff costs no real time)."""
    return VirtualClock(datetime(2026, 3, 1, 12, 0, tzinfo=UTC))


def runtime(clock: VirtualClock, http: HttpOptions = FAST) -> ConnectorRuntime:
    """The adapter's runtime on the virtual clock."""
    return ConnectorRuntime(http=http, clock=clock)
