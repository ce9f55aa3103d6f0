"""A warehouse's own date: expiry windows are counted in the building's time zone, not UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError):
        return None


def warehouse_today(time_zone: str | None, now: datetime | None = None) -> date:
    """Today's date where the warehouse is (UTC when its zone is unknown)."""
    moment = now or datetime.now(UTC)
    zone = _zone(time_zone) if time_zone else None
    return moment.astimezone(zone).date() if zone else moment.astimezone(UTC).date()
