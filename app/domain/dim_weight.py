"""Dimensional ("dim") weight and billable weight per carrier and service.

Carriers charge for the space a parcel takes when it is light for its size:
dim weight = L x W x H (inches) / divisor, in pounds rounded up; billable weight is the
larger of the real and the dim weight. The rules are data (:data:`RULES`), keyed by
carrier and optionally service, so a carrier's change is one table edit:

* UPS and FedEx: divisor 139 on every parcel (FedEx rounds each side up to the inch,
  UPS to the nearest inch);
* USPS: divisor 166, and only for parcels above one cubic foot (1,728 in³);
* anything else (no carrier chosen yet, a regional carrier): 139 on every parcel, what
  3PL rate cards bill with.

Sources: ``../shared/reference/carriers.md`` §4b. Weights are grams in and out; the
real weight is never changed (what the label prints is the scale's weight).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

GRAMS_PER_LB: Final = 453.59237
MM_PER_INCH: Final = 25.4
CUBIC_FOOT_IN3: Final = 1728


@dataclass(frozen=True)
class DimRule:
    """How one carrier (or one of its services) computes dim weight."""

    divisor: int
    #: Dim weight applies only above this volume in cubic inches (0: always).
    min_volume_in3: int = 0
    #: Round each side up to the next inch (else to the nearest inch).
    round_sides_up: bool = False


DEFAULT_RULE: Final = DimRule(139)

#: (carrier, service) -> rule; service ``""`` is the carrier's default. Lower case keys.
RULES: Final[dict[tuple[str, str], DimRule]] = {
    ("ups", ""): DimRule(139),
    ("fedex", ""): DimRule(139, round_sides_up=True),
    ("usps", ""): DimRule(166, min_volume_in3=CUBIC_FOOT_IN3),
}


@dataclass(frozen=True)
class BillableWeight:
    """What one parcel weighs for the carrier's invoice (grams; dim is None when the
    carrier's rule does not apply to a parcel this small)."""

    weight_g: int
    dim_weight_g: int | None
    billable_weight_g: int


def rule_for(carrier: str | None, service: str | None = None) -> DimRule:
    """The rule of a carrier's service, else of the carrier, else :data:`DEFAULT_RULE`."""
    c, s = (carrier or "").strip().lower(), (service or "").strip().lower()
    return RULES.get((c, s)) or RULES.get((c, "")) or DEFAULT_RULE


#: Sides within this much of a whole inch count as that inch when rounding up: box sizes
#: are inches stored as whole mm (12 in = 304.8 -> 305 mm must stay 12 in).
_MM_SLACK_IN = 0.5 / MM_PER_INCH


def _inches(mm: int, round_up: bool) -> int:
    value = mm / MM_PER_INCH
    return max(1, math.ceil(value - _MM_SLACK_IN) if round_up else round(value))


def dim_weight_g(dims_mm: tuple[int, int, int], rule: DimRule) -> int | None:
    """Dim weight in grams (a whole number of pounds), or None below the rule's volume."""
    length, width, height = (_inches(d, rule.round_sides_up) for d in dims_mm)
    volume = length * width * height
    if volume <= rule.min_volume_in3:
        return None
    pounds = math.ceil(volume / rule.divisor - 1e-9)
    return round(pounds * GRAMS_PER_LB)


def billable_weight(weight_g: int, dims_mm: tuple[int, int, int], carrier: str | None,
                    service: str | None = None) -> BillableWeight:
    """The real weight, the dim weight and the larger of the two."""
    dim = dim_weight_g(dims_mm, rule_for(carrier, service))
    return BillableWeight(weight_g, dim, max(weight_g, dim or 0))
