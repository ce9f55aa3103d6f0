"""When an order must leave the warehouse: business days from a daily cut-off, in local time.

A 3PL promises its sellers "orders in by 2 pm ship the same business day" plus a
number of handling days. So the clock that counts is the *warehouse's* wall clock,
not UTC and not the buyer's: an order placed at 15:00 in Los Angeles on a Friday
counts from Monday. Weekends and US federal holidays (on the dates they are
observed) are not business days; carriers do not collect then.

Pure Python over ``zoneinfo``: no database, so the same rule serves the file
import, the platform sync and a single order typed in, and tests can try it on
any instant.
"""

from __future__ import annotations

from collections.abc import Callable, Set
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

#: The days a federal holiday on a Saturday/Sunday is observed: Friday before / Monday after.
_OBSERVED_SHIFT = {5: -1, 6: 1}
#: Juneteenth National Independence Day became a federal holiday in June 2021.
_JUNETEENTH_FROM = 2021

Holidays = Callable[[int], Set[date]]


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (Monday = 0) of the month; ``n = -1`` is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _federal_holidays_on_calendar(year: int) -> list[date]:
    """The holidays of 5 U.S.C. 6103 on their calendar dates (not yet moved off weekends)."""
    days = [
        date(year, 1, 1),  # New Year's Day
        _nth_weekday(year, 1, 0, 3),  # Birthday of Martin Luther King, Jr.
        _nth_weekday(year, 2, 0, 3),  # Washington's Birthday
        _nth_weekday(year, 5, 0, -1),  # Memorial Day
        date(year, 7, 4),  # Independence Day
        _nth_weekday(year, 9, 0, 1),  # Labor Day
        _nth_weekday(year, 10, 0, 2),  # Columbus Day
        date(year, 11, 11),  # Veterans Day
        _nth_weekday(year, 11, 3, 4),  # Thanksgiving Day
        date(year, 12, 25),  # Christmas Day
    ]
    if year >= _JUNETEENTH_FROM:
        days.append(date(year, 6, 19))
    return days


@cache
def us_federal_holidays(year: int) -> frozenset[date]:
    """The dates in ``year`` on which a US federal holiday is observed.

    A holiday on a Saturday is observed the Friday before, one on a Sunday the
    Monday after - so New Year's Day of ``year + 1`` can be observed on 31 December
    of ``year`` (as on 31 Dec 2021), and it is included here.
    """
    observed = set()
    for y in (year, year + 1):
        for day in _federal_holidays_on_calendar(y):
            moved = day + timedelta(days=_OBSERVED_SHIFT.get(day.weekday(), 0))
            if moved.year == year:
                observed.add(moved)
    return frozenset(observed)


def is_business_day(day: date, holidays: Holidays = us_federal_holidays) -> bool:
    return day.weekday() < 5 and day not in holidays(day.year)


def _next_business_day(day: date, holidays: Holidays) -> date:
    day += timedelta(days=1)
    while not is_business_day(day, holidays):
        day += timedelta(days=1)
    return day


@cache
def _due_day(first: date, late: bool, handling_days: int, holidays: Holidays) -> date:
    """The business day an order ships by; cached because a file's orders share a few days."""
    day = first
    if late or not is_business_day(day, holidays):
        day = _next_business_day(day, holidays)
    for _ in range(handling_days):
        day = _next_business_day(day, holidays)
    return day


def ship_by(
    ordered_at_utc: datetime,
    *,
    handling_days: int,
    cutoff: time,
    time_zone: str,
    holidays: Holidays = us_federal_holidays,
) -> datetime:
    """The moment (UTC) an order placed at ``ordered_at_utc`` must ship by.

    An order placed before ``cutoff`` (local time in ``time_zone``) on a business
    day counts from that day, otherwise from the next business day; then
    ``handling_days`` more business days (0: ship the day it counts from). The
    result is the cut-off time on that day in the warehouse's zone, so the ship
    promise and the warehouse's daily rhythm are the same clock.
    """
    if handling_days < 0:
        raise ValueError("handling_days must not be negative")
    if ordered_at_utc.tzinfo is None:
        raise ValueError("ordered_at_utc must be an aware datetime")
    zone = ZoneInfo(time_zone)
    local = ordered_at_utc.astimezone(zone)
    late = local.time() >= cutoff
    day = _due_day(local.date(), late, handling_days, holidays)
    return datetime.combine(day, cutoff, tzinfo=zone).astimezone(UTC)
