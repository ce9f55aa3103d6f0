"""3PL billing rules, pure and in ``Decimal``: tiers, billable weight, storage, minimums.

A rate card is a list of prices per :class:`ChargeKind`. Tiered kinds (storage by lot
age in days, pick/pack and returns by weight in grams) have several tiers whose
``[tier_from, tier_to)`` ranges start at 0 and leave no gap and no overlap, the last
one open (``tier_to`` None): a value always falls in exactly one tier, so no shipment
or pallet is ever billed at "no price" by accident. :func:`validate_tiers` refuses a
card that breaks this, naming the gap or the overlap.

Rounding rule (printed on every invoice): each charge line is quantity x unit price,
rounded half-up to the cent, then raised to the line kind's minimum; the invoice adds
the lines, tops the sum up to the monthly minimum and subtracts credits. Nothing is
rounded twice.

Storage age: the day a lot is received is day 1 of its age, so a "0-30 days free"
tier (``[0, 31)``) means days 1-30 of every lot are free, whatever month they fall in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Final

from app.domain.billing_errors import TierGap, TierMissing, TierOverlap
from app.domain.dim_weight import DimRule, dim_weight_g

CENT: Final = Decimal("0.01")
ZERO: Final = Decimal("0")
#: Cubic feet in one cubic metre.
FT3_PER_M3: Final = Decimal("35.3146667")
#: What one "pallet" and one "bin" of storage hold when a card prices storage per pallet
#: or per bin: a 48x40 in pallet stacked 60 in high (1.6 m³), a 60-litre shelf bin. Lots
#: are billed by the share of a pallet or bin their volume takes.
PALLET_M3: Final = Decimal("1.6")
BIN_M3: Final = Decimal("0.06")
ROUNDING_RULE: Final = ("Each source (order, receipt, return, lot-day) is quantity x unit "
                        "price rounded half-up to the cent, then raised to its minimum; a "
                        "line is the sum of its sources; the total is the sum of the lines, "
                        "topped up to the monthly minimum, less credits.")


class ChargeKind(StrEnum):
    """What a line of a rate card prices and a charge bills."""

    RECEIVING_CARTON = "receiving_carton"
    RECEIVING_PALLET = "receiving_pallet"
    RECEIVING_CONTAINER = "receiving_container"
    RECEIVING_UNIT = "receiving_unit"
    STORAGE = "storage"
    PICK_PACK_ORDER = "pick_pack_order"
    PICK_PACK_EXTRA_UNIT = "pick_pack_extra_unit"
    LABEL = "label"
    PACKING_MATERIAL = "packing_material"
    VAS_LABELLING = "vas_labelling"
    VAS_BAGGING = "vas_bagging"
    VAS_KITTING = "vas_kitting"
    RETURN = "return"
    ADHOC = "adhoc"


#: Kinds whose tiers are weights in grams (billable weight, return weight).
WEIGHT_TIERED: Final = frozenset({ChargeKind.PICK_PACK_ORDER, ChargeKind.PICK_PACK_EXTRA_UNIT,
                                  ChargeKind.RETURN})
#: Kinds whose tiers are lot ages in days.
AGE_TIERED: Final = frozenset({ChargeKind.STORAGE})


class StorageUnit(StrEnum):
    M3 = "m3"
    FT3 = "ft3"
    PALLET = "pallet"
    BIN = "bin"


@dataclass(frozen=True)
class Tier:
    """One price of a kind: ``[tier_from, tier_to)`` (None = and above)."""

    tier_from: int
    tier_to: int | None
    price: Decimal
    minimum: Decimal | None = None

    def covers(self, value: int) -> bool:
        return self.tier_from <= value and (self.tier_to is None or value < self.tier_to)


def validate_tiers(kind: str, tiers: Sequence[Tier]) -> tuple[Tier, ...]:
    """The tiers sorted, or :class:`TierGap` / :class:`TierOverlap` naming the fault.

    They must start at 0, each start where the previous one ends, and the last be open.
    """
    ordered = tuple(sorted(tiers, key=lambda t: t.tier_from))
    if not ordered:
        raise TierMissing(kind=kind, value=0)
    expected = 0
    for tier in ordered:
        if tier.tier_from > expected:
            raise TierGap(kind=kind, start=expected, end=tier.tier_from)
        if tier.tier_from < expected:
            raise TierOverlap(kind=kind, start=tier.tier_from, end=expected)
        if tier.tier_to is None:
            if tier is not ordered[-1]:
                raise TierOverlap(kind=kind, start=tier.tier_from, end=ordered[-1].tier_from)
            return ordered
        expected = tier.tier_to
    raise TierGap(kind=kind, start=expected, end="∞")


def tier_for(kind: str, tiers: Sequence[Tier], value: int) -> Tier:
    """The tier ``value`` falls in (tiers already validated)."""
    for tier in tiers:
        if tier.covers(value):
            return tier
    raise TierMissing(kind=kind, value=value)


def money(amount: Decimal) -> Decimal:
    """Half-up to the cent: the one rounding of a charge line."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def line_amount(quantity: Decimal, unit_price: Decimal,
                minimum: Decimal | None = None) -> Decimal:
    """quantity x price rounded to the cent, at least the line's minimum when it is
    charged at all (a free line stays free)."""
    amount = money(quantity * unit_price)
    if minimum is not None and amount > ZERO and amount < minimum:
        return money(minimum)
    return amount


def monthly_topup(subtotal: Decimal, monthly_minimum: Decimal) -> Decimal:
    """What brings a month's charges up to the card's monthly minimum (0 above it)."""
    return money(max(ZERO, monthly_minimum - subtotal))


def invoice_total(subtotal: Decimal, topup: Decimal, credits: Decimal) -> Decimal:
    return money(subtotal + topup - credits)


def billable_weight_g(actual_g: int, dims_mm: tuple[int, int, int] | None,
                      divisor: int) -> int:
    """max(actual, dimensional at the card's divisor); no dimensions -> actual."""
    if not dims_mm or not all(dims_mm):
        return actual_g
    return max(actual_g, dim_weight_g(dims_mm, DimRule(divisor)) or 0)


def lot_age_days(received_on: date, day: date) -> int:
    """Day of receipt = 1."""
    return (day - received_on).days + 1


def sku_volume_m3(length_mm: int, width_mm: int, height_mm: int) -> Decimal:
    return Decimal(length_mm) * Decimal(width_mm) * Decimal(height_mm) / Decimal(10**9)


def storage_quantity(unit: str, volume_m3: Decimal) -> Decimal:
    """The billed quantity of one lot's volume in the card's storage unit (4 places)."""
    factor = {StorageUnit.M3: Decimal(1), StorageUnit.FT3: FT3_PER_M3,
              StorageUnit.PALLET: 1 / PALLET_M3, StorageUnit.BIN: 1 / BIN_M3}[StorageUnit(unit)]
    return (volume_m3 * factor).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def tier_label(tier: Tier) -> str:
    """"31-60" for [31, 61), "361+" for [361, None)."""
    if tier.tier_to is None:
        return f"{tier.tier_from}+"
    return f"{tier.tier_from}-{tier.tier_to - 1}"


def group_tiers(items: Iterable[tuple[str, Tier]]) -> dict[str, tuple[Tier, ...]]:
    """kind -> its tiers sorted, each kind validated."""
    by_kind: dict[str, list[Tier]] = {}
    for kind, tier in items:
        by_kind.setdefault(kind, []).append(tier)
    return {kind: validate_tiers(kind, tiers) for kind, tiers in by_kind.items()}
