"""What the wave and picking services return: frozen values for the screens and the CLI.

One module for both services (and the Waves and Picking screens), so a cart's view
means the same thing to the supervisor's screen, the picker's tablet and ``haicang
waves show``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class WaveSummary:
    number: str
    warehouse: str
    status: str
    label_first: bool
    carts: int
    orders: int
    tasks: int
    units: int
    picked_units: int
    single_order_distance_m: float
    batched_distance_m: float
    released_at: datetime
    created_by: str
    #: Print jobs queued at release (label-first waves: one label per order, in pick order).
    label_jobs: tuple[int, ...] = ()


@dataclass(frozen=True)
class CartOrder:
    """An order's place on a cart: its tote and where it stands."""

    number: str
    slot: int
    status: str
    units: int
    picked_units: int


@dataclass(frozen=True)
class CartSummary:
    code: str
    seq: int
    status: str
    picker: str | None
    orders: tuple[CartOrder, ...]
    tasks: int
    open_tasks: int
    units: int
    picked_units: int
    route: tuple[str, ...]
    distance_m: float


@dataclass(frozen=True)
class WaveDetail:
    summary: WaveSummary
    carts: tuple[CartSummary, ...]


@dataclass(frozen=True)
class PickStop:
    """One pick task: ``quantity`` units of one SKU from one bin into one order's tote.

    Tasks at the same bin share ``seq`` (their place in the cart's route).
    """

    task_id: int
    seq: int
    bin_code: str
    aisle: int
    position: int
    level: int
    sku: str
    name_en: str
    name_zh: str | None
    barcodes: tuple[str, ...]
    quantity: int
    picked: int
    status: str
    order_number: str
    order_status: str
    slot: int
    #: The tracking number on the order's label (label-first carts), else None.
    tracking: str | None

    @property
    def remaining(self) -> int:
        return self.quantity - self.picked if self.status == "open" else 0


@dataclass(frozen=True)
class CartView:
    """A cart as its picker sees it: every stop in route order, open ones first to do."""

    code: str
    wave: str
    warehouse: str
    status: str
    picker: str | None
    label_first: bool
    stops: tuple[PickStop, ...]
    route: tuple[str, ...]
    distance_m: float

    @property
    def units(self) -> int:
        return sum(s.quantity for s in self.stops if s.status != "cancelled")

    @property
    def picked_units(self) -> int:
        return sum(s.picked for s in self.stops)

    @property
    def next_stop(self) -> PickStop | None:
        """The first open task in route order (None when the cart is done)."""
        return next((s for s in self.stops if s.status == "open"), None)


@dataclass(frozen=True)
class PickOutcome:
    task_id: int
    order_number: str
    slot: int
    sku: str
    bin_code: str
    quantity: int
    task_picked: int
    task_quantity: int
    #: Every task of the order on this cart is picked (or short and moved on).
    order_done: bool
    cart_done: bool
    wave_done: bool


@dataclass(frozen=True)
class MovedUnits:
    bin_code: str
    quantity: int


@dataclass(frozen=True)
class ShortOutcome:
    task_id: int
    order_number: str
    slot: int
    sku: str
    bin_code: str
    found: int
    missing: int
    #: Where the missing units were reserved instead (new stops on the same cart).
    moved_to: tuple[MovedUnits, ...]
    #: True when no other bin had them: the order went back to backordered.
    backordered: bool
    #: Units of that order already picked, put back in the ledger to their bins
    #: (only when it went back to backordered): the picker returns them there.
    put_back: tuple[MovedUnits, ...]
    route: tuple[str, ...]
    cart_done: bool
    wave_done: bool


@dataclass(frozen=True)
class LabelPickOutcome:
    order_number: str
    slot: int
    bin_code: str
    units: int
    cart_done: bool
    wave_done: bool


@dataclass(frozen=True)
class PickListLine:
    bin_code: str
    sku: str
    name_en: str
    name_zh: str | None
    quantity: int
    order_number: str
    slot: int
    #: What to scan for the item: the SKU's first barcode, else its code.
    barcode: str


@dataclass(frozen=True)
class PickListData:
    cart: str
    wave: str
    warehouse: str
    created: str
    label_first: bool
    distance_m: float
    lines: tuple[PickListLine, ...]
