"""Unit prices in cents that add up to a platform's exact line total.

Order lines keep a unit price with two decimals (``order_lines.unit_price`` is
``Numeric(12, 2)``), but a platform may charge a total that no cent price
times the quantity reproduces: 17.95 for 2 units is 8.975 each. Rounding the
unit price (2 x 8.98 = 17.96) makes customs values and seller invoices drift
from what the buyer paid, so the line is split instead: 1 x 8.98 + 1 x 8.97.
At most two prices, one cent apart, and the quantities add up to the line's.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

_CENT = Decimal("0.01")


def exact_unit_prices(total: Decimal, quantity: int) -> tuple[tuple[int, Decimal], ...]:
    """Split ``total`` over ``quantity`` units as ``((units, unit price), ...)``.

    One pair when the total divides into whole cents, else two: the dearer price
    first. ``sum(units * price) == total`` exactly for every total given in whole
    cents (a total with fractions of a cent is first rounded half-even to cents,
    the precision the platforms charge in). Negative totals (refunds) are not
    line prices: the caller passes ``None`` prices for those.
    """
    if quantity <= 0:
        raise ValueError(f"quantity must be positive, not {quantity}")
    if total < 0:
        raise ValueError(f"a line total cannot be negative ({total})")
    cents = int(total.quantize(_CENT) / _CENT)
    base, extra = divmod(cents, quantity)
    low = (Decimal(base) * _CENT).quantize(_CENT, rounding=ROUND_FLOOR)
    if extra == 0:
        return ((quantity, low),)
    return ((extra, low + _CENT), (quantity - extra, low))
