"""What a scale says: :class:`Reading` (a weight or a status) and :class:`Reply` (a command answer).

Weights are normalised to **whole grams** (``int``, rounded half away from zero), the unit of
record in Haicang. The scale's own number and unit are kept in ``raw_value``/``unit`` so nothing
is lost for diagnostics or for a balance that resolves below a gram.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.hardware.scales.units import normalize_unit, to_grams


@dataclass(frozen=True)
class Reading:
    """One decoded frame from a scale.

    ``stable`` is True only when the scale's own motion/status flag says the weight has
    settled and there is a usable weight (no overload, no fault). It is never inferred from
    repeated values. ``weight_g`` is None when the frame carries no usable weight (status-only
    record, overload, dashes). ``raw_frame`` is the frame as cut from the stream, with bit 7
    (parity) cleared.
    """

    weight_g: int | None
    unit: str
    raw_value: Decimal | None
    stable: bool
    protocol: str
    raw_frame: bytes
    overload: bool = False
    underload: bool = False
    fault: str | None = None

    @property
    def negative(self) -> bool:
        """True when the scale reports under zero, by flag or by a negative value."""
        return self.underload or (self.raw_value is not None and self.raw_value < 0)

    def to_json(self) -> dict[str, Any]:
        """The JSON object printed by ``haicang scale read --json``.

        ``raw_value`` is a string so the scale's exact decimal digits survive JSON.
        """
        return {
            "weight_g": self.weight_g,
            "unit": self.unit,
            "raw_value": None if self.raw_value is None else str(self.raw_value),
            "protocol": self.protocol,
            "stable": self.stable,
            "overload": self.overload,
            "negative": self.negative,
            "fault": self.fault,
        }


@dataclass(frozen=True)
class Reply:
    """A frame that answers a command (zero, tare, unknown command) instead of giving a weight."""

    accepted: bool
    code: str
    raw_frame: bytes


def make_reading(
    *,
    protocol: str,
    raw_frame: bytes,
    value: Decimal | None,
    unit: str,
    motion: bool,
    overload: bool = False,
    underload: bool = False,
    fault: str | None = None,
) -> Reading:
    """Build a Reading, converting to grams and applying the one stability rule.

    Raises UnsupportedUnit when a weight comes with a unit that is not a mass unit.
    """
    weight_g = None
    canonical = unit
    if value is not None and not overload:
        canonical = normalize_unit(unit)
        weight_g = to_grams(value, canonical)
    stable = not motion and weight_g is not None and not overload and fault is None
    return Reading(
        weight_g=weight_g,
        unit=canonical,
        raw_value=value,
        stable=stable,
        protocol=protocol,
        raw_frame=raw_frame,
        overload=overload,
        underload=underload,
        fault=fault,
    )
