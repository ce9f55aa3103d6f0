"""Weight units: exact conversion to grams and formatting for the pack-station display.

Grams are the unit of record in Haicang (ARCHITECTURE.md, "Units"). Conversions go through
``Decimal`` with the legal definitions (1 lb = 453.59237 g, 1 oz = 1/16 lb) so converting a
scale's "5.025 lb" never picks up binary floating-point error before it is rounded to grams.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Final, Literal, get_args

from app.hardware.scales.errors import UnsupportedUnit

DisplayUnit = Literal["g", "kg", "lb", "oz", "lb_oz"]
DISPLAY_UNITS: Final[tuple[str, ...]] = get_args(DisplayUnit)

GRAMS_PER_LB: Final = Decimal("453.59237")
GRAMS_PER_OZ: Final = GRAMS_PER_LB / 16

_GRAMS_PER_UNIT: Final[dict[str, Decimal]] = {
    "mg": Decimal("0.001"),
    "g": Decimal(1),
    "kg": Decimal(1000),
    "lb": GRAMS_PER_LB,
    "oz": GRAMS_PER_OZ,
}

# Spellings scales actually send, mapped to our canonical unit names.
_ALIASES: Final[dict[str, str]] = {
    "mg": "mg",
    "g": "g",
    "gr": "g",
    "kg": "kg",
    "kgs": "kg",
    "lb": "lb",
    "lbs": "lb",
    "oz": "oz",
}


def normalize_unit(unit: str) -> str:
    """Return the canonical name ('g', 'kg', 'lb', 'oz', 'mg') of a unit a scale sent.

    Raises UnsupportedUnit for anything else (counting mode, percent, troy ounces ...).
    """
    canonical = _ALIASES.get(unit.strip().lower())
    if canonical is None:
        raise UnsupportedUnit(unit=unit.strip() or "(none)")
    return canonical


def exact_grams(value: Decimal | int, unit: str) -> Decimal:
    """Convert ``value`` in ``unit`` to grams without rounding."""
    return Decimal(value) * _GRAMS_PER_UNIT[normalize_unit(unit)]


def to_grams(value: Decimal | int, unit: str) -> int:
    """Convert to whole grams, rounding half away from zero (the unit of record)."""
    # to_integral_value, unlike quantize, cannot overflow the context precision on absurd input.
    return int(exact_grams(value, unit).to_integral_value(rounding=ROUND_HALF_UP))


def convert_grams(grams: int | Decimal, unit: str) -> Decimal:
    """Express ``grams`` in ``unit`` ('g', 'kg', 'lb', 'oz'), unrounded."""
    return Decimal(grams) / _GRAMS_PER_UNIT[normalize_unit(unit)]


def split_lb_oz(grams: int | Decimal, oz_places: int = 1) -> tuple[int, Decimal]:
    """Split a non-negative weight into whole pounds and ounces rounded to ``oz_places``.

    Rounding happens on the ounces, then 16.0 oz carries into the pounds, so 2 lb 15.96 oz
    shows as "3 lb 0.0 oz", never "2 lb 16.0 oz".
    """
    quantum = Decimal(1).scaleb(-oz_places)
    total_oz = (abs(Decimal(grams)) / GRAMS_PER_OZ).quantize(quantum, rounding=ROUND_HALF_UP)
    pounds, ounces = divmod(total_oz, 16)
    return int(pounds), ounces.quantize(quantum)


_PLACES: Final[dict[str, int]] = {"g": 0, "kg": 3, "lb": 2, "oz": 1}


def format_weight(grams: int | Decimal, unit: str, places: int | None = None) -> str:
    """Format grams for display: '1234 g', '1.234 kg', '2.72 lb', '43.5 oz', '2 lb 11.5 oz'.

    ``places`` overrides the decimal places (for lb_oz: of the ounces).
    """
    if unit == "lb_oz":
        pounds, ounces = split_lb_oz(grams, 1 if places is None else places)
        sign = "-" if Decimal(grams) < 0 and (pounds or ounces) else ""
        return f"{sign}{pounds} lb {ounces} oz"
    if unit not in _PLACES:
        raise UnsupportedUnit(unit=unit)
    digits = _PLACES[unit] if places is None else places
    value = convert_grams(grams, unit).quantize(
        Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP
    )
    if value == 0:
        value = abs(value)
    return f"{value} {unit}"
