"""Ship-by dates: business days from a daily cut-off in the warehouse's own time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.ship_by import is_business_day, ship_by, us_federal_holidays

LA = "America/Los_Angeles"
NY = "America/New_York"
TWO_PM = time(14, 0)


def _local(zone: str, year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    """A wall-clock time in ``zone`` as an aware UTC datetime (what the database holds)."""
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def _ship(at: datetime, days: int = 1, zone: str = LA, cutoff: time = TWO_PM) -> datetime:
    return ship_by(at, handling_days=days, cutoff=cutoff, time_zone=zone)


# --- the holiday calendar ------------------------------------------------------------------


def test_federal_holidays_of_2026_on_their_observed_dates() -> None:
    assert sorted(us_federal_holidays(2026)) == [
        date(2026, 1, 1), date(2026, 1, 19), date(2026, 2, 16), date(2026, 5, 25),
        date(2026, 6, 19), date(2026, 7, 3),  # 4 July is a Saturday: observed Friday
        date(2026, 9, 7), date(2026, 10, 12), date(2026, 11, 11), date(2026, 11, 26),
        date(2026, 12, 25),
    ]


def test_a_new_year_on_saturday_is_observed_on_the_last_day_of_the_year_before() -> None:
    assert date(2021, 12, 31) in us_federal_holidays(2021)  # 1 Jan 2022 was a Saturday
    assert date(2022, 1, 1) not in us_federal_holidays(2022)
    assert date(2023, 1, 2) in us_federal_holidays(2023)  # 1 Jan 2023, a Sunday


def test_juneteenth_counts_from_2021_only() -> None:
    assert date(2020, 6, 19) not in us_federal_holidays(2020)
    assert date(2021, 6, 18) in us_federal_holidays(2021)  # a Saturday: Friday before


# --- worked examples -----------------------------------------------------------------------


def test_friday_afternoon_in_los_angeles_counts_from_monday() -> None:
    friday_3pm = _local(LA, 2026, 3, 20, 15, 0)
    # After the cut-off: counts from Monday; same day (0 handling days) is Monday 14:00 PT,
    # one handling day is the business day after, Tuesday 14:00 PT.
    assert _ship(friday_3pm, 0) == _local(LA, 2026, 3, 23, 14, 0)
    assert _ship(friday_3pm, 1) == _local(LA, 2026, 3, 24, 14, 0)
    # Before the cut-off the same Friday counts: same day, or Monday with one day.
    friday_1pm = _local(LA, 2026, 3, 20, 13, 0)
    assert _ship(friday_1pm, 0) == _local(LA, 2026, 3, 20, 14, 0)
    assert _ship(friday_1pm, 1) == _local(LA, 2026, 3, 23, 14, 0)


def test_the_cut_off_minute_itself_is_already_late() -> None:
    at_cutoff = _local(LA, 2026, 3, 18, 14, 0)  # a Wednesday
    assert _ship(at_cutoff, 0) == _local(LA, 2026, 3, 19, 14, 0)


def test_the_day_before_thanksgiving_skips_the_holiday_and_the_weekend() -> None:
    wednesday_evening = _local(NY, 2026, 11, 25, 16, 30)
    # Thursday is Thanksgiving, Friday the next business day; one more day is Monday.
    assert _ship(wednesday_evening, 0, NY) == _local(NY, 2026, 11, 27, 14, 0)
    assert _ship(wednesday_evening, 1, NY) == _local(NY, 2026, 11, 30, 14, 0)
    wednesday_morning = _local(NY, 2026, 11, 25, 9, 0)
    assert _ship(wednesday_morning, 1, NY) == _local(NY, 2026, 11, 27, 14, 0)


def test_the_utc_date_is_not_the_warehouse_date() -> None:
    # 01:00 UTC on Saturday is still Friday 18:00 in Los Angeles (after the cut-off).
    late_friday = datetime(2026, 3, 21, 1, 0, tzinfo=UTC)
    assert _ship(late_friday, 0) == _local(LA, 2026, 3, 23, 14, 0)


def test_the_spring_and_autumn_clock_changes_keep_the_local_cut_off() -> None:
    # US clocks go forward on Sunday 8 March 2026: Friday is PST (UTC-8), Monday PDT (UTC-7).
    friday = _local(LA, 2026, 3, 6, 16, 0)
    assert _ship(friday, 0) == datetime(2026, 3, 9, 21, 0, tzinfo=UTC)
    # and back on Sunday 1 November 2026: Friday PDT (UTC-7), Monday PST (UTC-8).
    friday = _local(LA, 2026, 10, 30, 16, 0)
    assert _ship(friday, 0) == datetime(2026, 11, 2, 22, 0, tzinfo=UTC)
    # An order in the repeated hour (01:30 twice on 1 Nov) still counts from Monday.
    repeated = datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=ZoneInfo(LA)).astimezone(UTC)
    assert _ship(repeated, 0) == datetime(2026, 11, 2, 22, 0, tzinfo=UTC)


def test_a_naive_time_or_negative_handling_days_are_refused() -> None:
    with pytest.raises(ValueError):
        ship_by(datetime(2026, 3, 20, 12), handling_days=1, cutoff=TWO_PM, time_zone=LA)
    with pytest.raises(ValueError):
        _ship(_local(LA, 2026, 3, 20, 12, 0), -1)


# --- properties ----------------------------------------------------------------------------

ZONES = st.sampled_from([LA, NY, "America/Chicago", "America/Denver", "America/Phoenix",
                         "Pacific/Honolulu", "America/Anchorage"])
MOMENTS = st.datetimes(min_value=datetime(2019, 1, 1), max_value=datetime(2031, 12, 31),
                       timezones=st.just(UTC))
CUTOFFS = st.builds(time, st.integers(6, 20), st.sampled_from([0, 15, 30, 45]))
DAYS = st.integers(0, 10)


@given(MOMENTS, DAYS, CUTOFFS, ZONES)
def test_the_result_is_a_business_day_at_the_local_cut_off_and_not_before_the_order(
    at: datetime, days: int, cutoff: time, zone: str
) -> None:
    result = _ship(at, days, zone, cutoff)
    local = result.astimezone(ZoneInfo(zone))
    assert is_business_day(local.date())
    assert local.time() == cutoff
    assert result > at
    # Exactly ``days`` business days lie after the day it counts from, up to the result.
    start = at.astimezone(ZoneInfo(zone))
    first = start.date()
    if start.time() >= cutoff or not is_business_day(first):
        first += timedelta(days=1)
        while not is_business_day(first):
            first += timedelta(days=1)
    between = sum(is_business_day(first + timedelta(days=n))
                  for n in range(1, (local.date() - first).days + 1))
    assert between == days


@given(MOMENTS, st.timedeltas(timedelta(0), timedelta(days=20)), DAYS, CUTOFFS, ZONES)
def test_a_later_order_never_ships_earlier(at: datetime, later: timedelta, days: int,
                                           cutoff: time, zone: str) -> None:
    assert _ship(at, days, zone, cutoff) <= _ship(at + later, days, zone, cutoff)


@given(MOMENTS, DAYS, CUTOFFS, ZONES)
def test_one_more_handling_day_is_one_business_day_later(at: datetime, days: int,
                                                         cutoff: time, zone: str) -> None:
    shorter, longer = _ship(at, days, zone, cutoff), _ship(at, days + 1, zone, cutoff)
    assert shorter < longer
    gap = longer.astimezone(ZoneInfo(zone)).date() - shorter.astimezone(ZoneInfo(zone)).date()
    skipped = [shorter.astimezone(ZoneInfo(zone)).date() + timedelta(days=n)
               for n in range(1, gap.days)]
    assert not any(is_business_day(d) for d in skipped)
