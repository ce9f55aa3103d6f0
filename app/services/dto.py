"""Frozen data handed out by services. Plain values only: safe across threads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from app.domain.ids import BinId, ClientId, OrderId, SkuId, UserId, WarehouseId
from app.domain.states import OrderStatus
from app.services.changes import Changes


@dataclass(frozen=True)
class ClientInfo:
    id: ClientId
    code: str
    name: str
    active: bool
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    currency: str = "USD"
    #: Where the client's orders ship from when stock allows; None = nearest with stock.
    default_warehouse_code: str | None = None
    include_packing_slip: bool = True
    #: Business days the warehouse has to ship an order (drives ship-by).
    handling_days: int = 1
    notes: str | None = None
    #: Pack-station weight check: ± this percentage of the expected weight, at least
    #: the floor; ``packing_material_g`` is added to every parcel's expected weight.
    weight_tolerance_pct: Decimal = Decimal("5")
    weight_tolerance_floor_g: int = 28
    packing_material_g: int = 0


@dataclass(frozen=True)
class WarehouseLayout:
    """How a warehouse's aisles are laid out for pick routes (see ``app.domain.routing``)."""

    #: Distance between neighbouring aisle centre lines.
    aisle_pitch_m: float = 3.0
    #: Length of one bin position along an aisle.
    bin_pitch_m: float = 1.0
    #: Positions between cross aisles; 0 = cross aisles only at the front and back.
    block_length: int = 0
    #: The aisle whose front end is the depot where carts start and end.
    depot_aisle: int = 1


@dataclass(frozen=True)
class WarehouseInfo:
    id: WarehouseId
    code: str
    name: str
    region: str
    time_zone: str
    address1: str
    city: str
    state: str
    zip: str
    address2: str | None = None
    phone: str | None = None
    #: Local "HH:MM" after which an order counts from the next business day.
    cutoff_local: str = "14:00"
    auto_allocate: bool = True
    active: bool = True
    layout: WarehouseLayout = WarehouseLayout()


@dataclass(frozen=True)
class BinInfo:
    id: BinId
    warehouse_code: str
    code: str
    bin_type: str
    aisle: int
    position: int
    level: int
    active: bool
    #: Units in the bin (all SKUs) and how many of them orders have reserved.
    on_hand: int = 0
    reserved: int = 0
    #: Room for put-away; None = not limited.
    capacity_units: int | None = None
    capacity_litres: Decimal | None = None
    #: A staging lane's carrier (the parcels it holds go with it).
    staging_carrier: str | None = None


@dataclass(frozen=True)
class SkuInfo:
    id: SkuId
    client_code: str
    code: str
    name_en: str
    name_zh: str | None
    #: Every code printed on the product (UPC, EAN, FNSKU, the seller's own), in the
    #: order they were added; each names this SKU only, within its client.
    barcodes: tuple[str, ...]
    weight_g: int
    length_mm: int
    width_mm: int
    height_mm: int
    prepacked: bool
    lot_tracked: bool
    hazmat: bool
    #: Customs value per unit, in ``currency`` (the client's).
    declared_value: Decimal | None
    currency: str
    hs_code: str | None
    active: bool
    #: Lot-tracked SKUs: stock expiring within this many days is never allocated.
    expiry_window_days: int = 0


@dataclass(frozen=True)
class UserInfo:
    id: UserId
    username: str
    display_name: str
    role: str
    active: bool
    #: A supervisor PIN is set (the PIN itself never leaves the service).
    has_pin: bool = False
    last_login_at: datetime | None = None
    #: Wrong passwords since the last good sign-in (an administrator can unlock).
    failed_sign_ins: int = 0
    changes: Changes = Changes.USERS


@dataclass(frozen=True)
class OrderRow:
    """One row of the orders table: everything the list shows, nothing more."""

    id: OrderId
    number: str
    client_code: str
    warehouse_code: str | None
    status: OrderStatus
    order_date: datetime
    ship_by: datetime | None
    buyer_name: str
    city: str
    state: str
    service_level: str
    units: int
    tracking_number: str | None
    hold_reason: str | None


@dataclass(frozen=True)
class OrderLineInfo:
    line_no: int
    sku_code: str
    sku_name: str
    quantity: int
    unit_price: Decimal | None
    currency: str
    sku_name_zh: str | None = None


@dataclass(frozen=True)
class ReservationInfo:
    line_no: int
    sku_code: str
    warehouse_code: str
    bin_code: str
    quantity: int


@dataclass(frozen=True)
class StatusChangeInfo:
    at: datetime
    from_status: str | None
    to_status: str
    actor: str
    note: str | None


@dataclass(frozen=True)
class OrderDetail:
    row: OrderRow
    company: str | None
    address1: str
    address2: str | None
    zip: str
    country: str
    phone: str | None
    email: str | None
    notes: str | None
    source: str
    carrier: str | None
    lines: tuple[OrderLineInfo, ...]
    reservations: tuple[ReservationInfo, ...]
    history: tuple[StatusChangeInfo, ...]


@dataclass(frozen=True)
class TransitionResult:
    order_id: OrderId
    number: str
    from_status: OrderStatus
    to_status: OrderStatus
    changes: Changes = Changes.ORDERS | Changes.STOCK


@dataclass(frozen=True)
class Shortfall:
    """One SKU an order could not get enough of: screens name it, notes keep ``str()``."""

    sku: str
    wanted: int
    available: int

    def __str__(self) -> str:
        return f"{self.sku}: {self.available} of {self.wanted}"


@dataclass(frozen=True)
class AllocationResult:
    order_id: OrderId
    number: str
    status: OrderStatus
    warehouse_code: str | None
    reserved_units: int
    shortages: tuple[Shortfall, ...] = ()
    changes: Changes = Changes.ORDERS | Changes.STOCK


@dataclass(frozen=True)
class StockRow:
    """Stock of one SKU in one warehouse."""

    sku_id: SkuId
    sku_code: str
    client_code: str
    name_en: str
    name_zh: str | None
    warehouse_code: str
    on_hand: int
    reserved: int
    available: int


@dataclass(frozen=True)
class BinStockRow:
    bin_id: BinId
    warehouse_code: str
    bin_code: str
    bin_type: str
    sku_id: SkuId
    sku_code: str
    client_code: str
    on_hand: int
    reserved: int
    received_at: datetime | None


@dataclass(frozen=True)
class MoveInfo:
    id: int
    at: datetime
    sku_code: str
    from_bin: str | None
    to_bin: str | None
    quantity: int
    kind: str
    reason: str | None
    reference: str | None
    actor: str
    #: The warehouse of the bin(s) moved from or to: bin codes repeat across warehouses.
    warehouse_code: str


@dataclass(frozen=True)
class MoveResult:
    move_id: int
    sku_code: str
    quantity: int
    allocated_orders: tuple[str, ...] = ()
    changes: Changes = Changes.STOCK


@dataclass(frozen=True)
class BalanceDifference:
    warehouse_code: str
    bin_code: str
    sku_code: str
    on_hand_balance: int
    on_hand_ledger: int
    reserved_balance: int
    reserved_reservations: int


@dataclass(frozen=True)
class ReconcileReport:
    balances_checked: int
    moves_counted: int
    differences: tuple[BalanceDifference, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.differences
