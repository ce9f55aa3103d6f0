"""Where received units go: the put-away suggestion and the checks on a scanned bin.

Pure rules over plain data (the service reads the bins once):

1. A pick bin that already holds the SKU (or is set up for it with replenishment
   limits) and has room for the units — for a lot-tracked SKU only one holding the same
   lot or none (one lot per bin);
2. else the nearest *empty* active bin with room, storage before pick;
3. nearest = the warehouse's walking distance from the bin the units wait in; ties by
   bin code.

Room: a bin's ``capacity_units`` limits the units of every SKU in it together and its
``capacity_litres`` their volume (each SKU's length × width × height); a bin without
either is not limited.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from app.domain.errors import BinInactive, DomainError
from app.domain.states import BinType

#: Types put-away may fill, in the order empty bins are offered.
PUTAWAY_TYPES = (BinType.STORAGE, BinType.PICK)


class BinFull(DomainError):
    code = "bin_full"
    template = "Bin {bin} is full: room for {room} more unit(s) of {sku}, {wanted} to put away."


class BinNotForPutaway(DomainError):
    code = "bin_not_for_putaway"
    template = "Bin {bin} is a {bin_type} bin: put stock away into a storage or pick bin."
    field_words = ("staging", "receiving", "returns", "damaged", "quarantine")


class BinOfOtherWarehouse(DomainError):
    code = "bin_of_other_warehouse"
    template = "Bin {bin} is not in warehouse {warehouse}."


@dataclass(frozen=True, slots=True)
class BinRoom:
    """One bin as put-away sees it, for one SKU."""

    bin_id: int
    code: str
    bin_type: str
    active: bool
    capacity_units: int | None
    capacity_litres: Decimal | None
    units: int                 # units of every SKU in the bin (on hand + already suggested)
    litres: Decimal            # their volume
    sku_units: int             # units of this SKU in it
    sku_lot: str | None        # the lot of this SKU in it (lot-tracked SKUs)
    assigned: bool = False     # a replenishment limit names this SKU for this bin
    assigned_other: bool = False  # ... or another SKU: the bin is kept for that one
    aisle: int = 0
    position: int = 0


def unit_litres(length_mm: int, width_mm: int, height_mm: int) -> Decimal:
    """One unit's volume in litres (0 when a dimension is unknown: then only units count)."""
    return Decimal(max(0, length_mm) * max(0, width_mm) * max(0, height_mm)) / Decimal(1_000_000)


def room_units(b: BinRoom, litres_each: Decimal) -> int | None:
    """How many more units of the SKU fit; None = not limited."""
    limits: list[int] = []
    if b.capacity_units is not None:
        limits.append(max(0, b.capacity_units - b.units))
    if b.capacity_litres is not None and litres_each > 0:
        limits.append(max(0, int((b.capacity_litres - b.litres) / litres_each)))
    return min(limits) if limits else None


def fits(b: BinRoom, quantity: int, litres_each: Decimal) -> bool:
    room = room_units(b, litres_each)
    return room is None or room >= quantity


def lot_allows(b: BinRoom, lot: str | None, lot_tracked: bool) -> bool:
    """One lot per (bin, SKU): a bin holding another lot of the SKU is not eligible."""
    return not lot_tracked or b.sku_units == 0 or b.sku_lot == lot


def suggest_bin(bins: Iterable[BinRoom], *, quantity: int, litres_each: Decimal,
                lot: str | None, lot_tracked: bool,
                distance: Callable[[BinRoom], float]) -> BinRoom | None:
    """The bin to offer for ``quantity`` units (see the module's rules), or None."""
    usable = [b for b in bins if b.active and b.bin_type in PUTAWAY_TYPES
              and fits(b, quantity, litres_each)]
    own = [b for b in usable if b.bin_type == BinType.PICK and (b.sku_units > 0 or b.assigned)
           and lot_allows(b, lot, lot_tracked)]
    if own:
        return min(own, key=lambda b: (distance(b), b.code))
    empty = [b for b in usable if b.units == 0 and not b.assigned and not b.assigned_other]
    if not empty:
        return None
    return min(empty, key=lambda b: (PUTAWAY_TYPES.index(BinType(b.bin_type)), distance(b),
                                     b.code))


def check_target(b: BinRoom, *, quantity: int, litres_each: Decimal, sku: str) -> None:
    """Raise the one-line reason a scanned bin cannot take the units (lots: the ledger's
    :func:`app.services.bin_lots.accept_lot` names both lots)."""
    if not b.active:
        raise BinInactive(bin=b.code)
    if b.bin_type not in PUTAWAY_TYPES:
        raise BinNotForPutaway(bin=b.code, bin_type=b.bin_type)
    room = room_units(b, litres_each)
    if room is not None and room < quantity:
        raise BinFull(bin=b.code, room=room, sku=sku, wanted=quantity)
