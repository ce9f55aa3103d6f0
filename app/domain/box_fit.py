"""Which box the items of a parcel go into: the smallest one that fits.

The rule (:func:`suggest_box`), simple enough for a packer to predict:

1. every unit fits the box on its own — its sides sorted longest first each fit the
   box's inner sides sorted the same way (a unit may be turned any way);
2. all units together take at most :data:`FILL_LIMIT` of the inner volume (the rest is
   air, void fill and the packer's hands);
3. the box's max weight carries the units and its own tare;

and of the boxes that pass, the one with the smallest inner volume wins (then the
lighter tare, then the code). Units without dimensions in the catalogue count for
weight only. No fitting box: ``None`` (the packer scans a box, or splits the order
into parcels).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

FILL_LIMIT: Final = 0.85


@dataclass(frozen=True)
class BoxSpec:
    code: str
    inner_mm: tuple[int, int, int]
    tare_g: int
    max_weight_g: int

    @property
    def volume_mm3(self) -> int:
        length, width, height = self.inner_mm
        return length * width * height


@dataclass(frozen=True)
class Unit:
    """One SKU's size and weight, ``quantity`` times."""

    dims_mm: tuple[int, int, int]
    weight_g: int
    quantity: int

    @property
    def has_dims(self) -> bool:
        return all(d > 0 for d in self.dims_mm)


def fits(box: BoxSpec, units: Sequence[Unit]) -> bool:
    """Rules 1-3 above."""
    inner = sorted(box.inner_mm, reverse=True)
    volume = 0
    weight = box.tare_g
    for unit in units:
        weight += unit.weight_g * unit.quantity
        if not unit.has_dims:
            continue
        sides = sorted(unit.dims_mm, reverse=True)
        if any(side > room for side, room in zip(sides, inner, strict=True)):
            return False
        volume += sides[0] * sides[1] * sides[2] * unit.quantity
    return volume <= box.volume_mm3 * FILL_LIMIT and weight <= box.max_weight_g


def suggest_box(boxes: Sequence[BoxSpec], units: Sequence[Unit]) -> BoxSpec | None:
    """The smallest fitting box (see the module's rule), or None."""
    fitting = [box for box in boxes if fits(box, units)]
    if not fitting:
        return None
    return min(fitting, key=lambda b: (b.volume_mm3, b.tare_g, b.code))
