"""Cent unit prices that add up to a platform's exact line total."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.line_prices import exact_unit_prices


def test_seventeen_ninety_five_for_two_is_one_at_8_98_and_one_at_8_97() -> None:
    """ordersV0.json getOrderItems example: ItemPrice 17.95 for QuantityOrdered 2."""
    assert exact_unit_prices(Decimal("17.95"), 2) == ((1, Decimal("8.98")), (1, Decimal("8.97")))
    assert exact_unit_prices(Decimal("99.98"), 2) == ((2, Decimal("49.99")),)
    assert exact_unit_prices(Decimal("0"), 3) == ((3, Decimal("0.00")),)


@pytest.mark.parametrize(("total", "quantity"), [(Decimal("1"), 0), (Decimal("-1.00"), 1)])
def test_no_split_of_nothing_or_of_a_refund(total: Decimal, quantity: int) -> None:
    with pytest.raises(ValueError):
        exact_unit_prices(total, quantity)


@given(cents=st.integers(min_value=0, max_value=10**9), quantity=st.integers(1, 10_000))
def test_exact_unit_prices_reproduce_every_total(cents: int, quantity: int) -> None:
    total = Decimal(cents) / 100
    parts = exact_unit_prices(total, quantity)
    assert sum(units * price for units, price in parts) == total
    assert sum(units for units, _ in parts) == quantity
    assert all(units > 0 and price.as_tuple().exponent == -2 for units, price in parts)
    assert len(parts) <= 2
    if len(parts) == 2:
        assert parts[0][1] - parts[1][1] == Decimal("0.01")


