"""Metric parcel facts in the units US carrier APIs take (ounces, inches).

Rounded *up* to a tenth: a parcel declared lighter or smaller than it is gets an
adjustment charge from the carrier later; a tenth more costs nothing.
"""

from __future__ import annotations

import math
from decimal import Decimal

from app.domain.dim_weight import GRAMS_PER_LB, MM_PER_INCH

GRAMS_PER_OUNCE = GRAMS_PER_LB / 16


def _tenths_up(value: float) -> float:
    return max(0.1, math.ceil(round(value * 10, 6)) / 10)


def ounces(grams: int) -> float:
    """Grams as ounces, rounded up to 0.1 oz."""
    return _tenths_up(grams / GRAMS_PER_OUNCE)


def inches(mm: int) -> float:
    """Millimetres as inches, rounded up to 0.1 in."""
    return _tenths_up(mm / MM_PER_INCH)


def money(value: object) -> Decimal:
    """A provider's amount ("7.58", 7.58, None) as a Decimal (None → 0)."""
    if value is None or value == "":
        return Decimal("0")
    return Decimal(str(value))
