"""Enumerations and state-transition tables, declared as data.

A transition that is not in a table is illegal and raises
:class:`~app.domain.errors.IllegalTransition`; nothing is ever silently ignored.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.errors import IllegalTransition


class OrderStatus(StrEnum):
    NEW = "new"
    ALLOCATED = "allocated"
    BACKORDERED = "backordered"
    ON_HOLD = "on_hold"
    PICKING = "picking"
    PACKED = "packed"
    SHIPPED = "shipped"
    IN_TRANSIT = "in_transit"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"
    RETURNED = "returned"


S = OrderStatus

#: Every legal move of an order. Holding is possible until the parcel leaves;
#: releasing a hold returns the order to the state it was held in. A short pick that no
#: other bin can cover sends a picking order back to backordered.
ORDER_TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    S.NEW: frozenset({S.ALLOCATED, S.BACKORDERED, S.ON_HOLD, S.CANCELLED}),
    S.BACKORDERED: frozenset({S.ALLOCATED, S.ON_HOLD, S.CANCELLED}),
    S.ALLOCATED: frozenset({S.PICKING, S.ON_HOLD, S.CANCELLED}),
    S.ON_HOLD: frozenset(
        {S.NEW, S.ALLOCATED, S.BACKORDERED, S.PICKING, S.PACKED, S.CANCELLED}
    ),
    S.PICKING: frozenset({S.PACKED, S.BACKORDERED, S.ON_HOLD, S.CANCELLED}),
    S.PACKED: frozenset({S.SHIPPED, S.ON_HOLD, S.CANCELLED}),
    S.SHIPPED: frozenset({S.IN_TRANSIT, S.DELIVERED, S.RETURNED}),
    S.IN_TRANSIT: frozenset({S.DELIVERED, S.RETURNED}),
    S.DELIVERED: frozenset({S.RETURNED}),
    S.CANCELLED: frozenset(),
    S.RETURNED: frozenset(),
}

#: States in which the order holds reservations on bins.
RESERVING_STATES = frozenset({S.ALLOCATED, S.PICKING, S.PACKED})

#: States from which allocation may be attempted.
ALLOCATABLE_STATES = frozenset({S.NEW, S.BACKORDERED})


def check_order_transition(order: str, current: OrderStatus, target: OrderStatus) -> None:
    """Raise unless ``current -> target`` is in :data:`ORDER_TRANSITIONS`."""
    if target not in ORDER_TRANSITIONS[current]:
        raise IllegalTransition(order=order, state=current.value, target=target.value)


class BinType(StrEnum):
    STORAGE = "storage"
    PICK = "pick"
    STAGING = "staging"
    RECEIVING = "receiving"
    RETURNS = "returns"
    DAMAGED = "damaged"


#: Only stock in these bins counts as available and can be reserved.
SELLABLE_BIN_TYPES = frozenset({BinType.PICK, BinType.STORAGE})


class MoveKind(StrEnum):
    RECEIPT = "receipt"
    TRANSFER = "transfer"
    ADJUSTMENT = "adjustment"
    PICK = "pick"
    SHIPMENT = "shipment"
    RETURN = "return"


class AdjustReason(StrEnum):
    COUNT = "cycle_count"
    DAMAGED = "damaged"
    LOST = "lost"
    FOUND = "found"
    EXPIRED = "expired"
    CORRECTION = "data_correction"


class Role(StrEnum):
    ADMIN = "admin"
    CLERK = "clerk"
    PACKER = "packer"
    PICKER = "picker"


class Region(StrEnum):
    WEST = "US-West"
    EAST = "US-East"
