"""Unit conversion and display formatting."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.hardware.scales import (
    UnsupportedUnit,
    convert_grams,
    format_weight,
    split_lb_oz,
    to_grams,
)


@pytest.mark.parametrize(
    ("value", "unit", "grams"),
    [("1", "lb", 454), ("5.025", "lb", 2279), ("16", "oz", 454), ("1.5", "kg", 1500),
     ("0.4", "g", 0), ("0.5", "g", 1), ("-0.5", "g", -1), ("2", "LBS", 907), ("1500", "mg", 2)],
)
def test_to_grams(value: str, unit: str, grams: int) -> None:
    assert to_grams(Decimal(value), unit) == grams


def test_exact_pound() -> None:
    assert convert_grams(Decimal("453.59237"), "lb") == 1


@pytest.mark.parametrize(
    ("grams", "unit", "text"),
    [(1234, "g", "1234 g"), (1234, "kg", "1.234 kg"), (1234, "lb", "2.72 lb"),
     (1234, "oz", "43.5 oz"), (998, "lb_oz", "2 lb 3.2 oz"), (1360, "lb_oz", "3 lb 0.0 oz"),
     (0, "lb_oz", "0 lb 0.0 oz"), (-50, "lb_oz", "-0 lb 1.8 oz"), (0, "kg", "0.000 kg")],
)
def test_format_weight(grams: int, unit: str, text: str) -> None:
    assert format_weight(grams, unit) == text


def test_unknown_units() -> None:
    with pytest.raises(UnsupportedUnit):
        to_grams(Decimal(1), "pcs")
    with pytest.raises(UnsupportedUnit):
        format_weight(1, "stone")


@given(st.integers(min_value=0, max_value=500_000))
def test_lb_oz_never_shows_sixteen_ounces_and_round_trips(grams: int) -> None:
    pounds, ounces = split_lb_oz(grams)
    assert 0 <= ounces < 16
    back = (pounds * 16 + ounces) * Decimal("28.349523125")
    assert abs(back - grams) <= Decimal("1.42")  # half of 0.1 oz
