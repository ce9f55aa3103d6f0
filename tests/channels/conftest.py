"""Shared fixtures for connector tests: virtual clock and fast HTTP options."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import pytest

from app.channels.http import HttpOptions
from app.channels.normalized import FetchPage, PlatformOrder
from tests.fakes.platforms import VirtualClock

T0 = datetime(2026, 2, 1, tzinfo=UTC)
# Generous timeouts for ordinary tests (a loaded CI box must not fake a timeout
# on a non-retried POST); short ones for fault storms so injected "timeout"
# faults (the fake sleeps 0.4 s) cost little real time.
FAST = HttpOptions(timeout=10.0, connect_timeout=5.0, max_attempts=12, max_throttle_waits=60)
STORM = HttpOptions(timeout=0.25, connect_timeout=5.0, max_attempts=12, max_throttle_waits=60)


@pytest.fixture
def clock() -> VirtualClock:
    """Virtual clock shared by the fake and the connector."""
    return VirtualClock(datetime(2026, 3, 1, 12, 0, tzinfo=UTC))


def collect(pages: Iterable[FetchPage]) -> dict[str, PlatformOrder]:
    """Dedupe by external id keeping the newest version, as the import service does."""
    result: dict[str, PlatformOrder] = {}
    for page in pages:
        for order in page.orders:
            known = result.get(order.external_id)
            if known is None or order.updated_at >= known.updated_at:
                result[order.external_id] = order
    return result
