"""ABC classes by velocity: which SKUs deserve counting most often.

SKUs ranked by units shipped (most first; ties by id, so the result is stable): class A
holds the SKUs that make up the first 80 % of all units shipped, B the next 15 % (up to
95 %), C the rest - including every SKU that shipped nothing. A SKU is in the class in
which its units *start*, so the SKU that crosses the 80 % line is still A. With nothing
shipped at all, everything is C.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

CLASSES = ("A", "B", "C")
#: Cumulative share of shipped units at which each class ends.
LIMITS = {"A": 0.80, "B": 0.95}


def abc_classes(sku_ids: Iterable[int], shipped: Mapping[int, int]) -> dict[int, str]:
    """SKU id -> "A" | "B" | "C" for every id in ``sku_ids`` (see the module)."""
    ids = sorted(set(sku_ids), key=lambda s: (-shipped.get(s, 0), s))
    total = sum(max(shipped.get(s, 0), 0) for s in ids)
    out: dict[int, str] = {}
    before = 0
    for sku in ids:
        units = max(shipped.get(sku, 0), 0)
        if units == 0 or total == 0:
            out[sku] = "C"
            continue
        share = before / total
        out[sku] = "A" if share < LIMITS["A"] else "B" if share < LIMITS["B"] else "C"
        before += units
    return out
