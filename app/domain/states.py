"""Enumerations and state-transition tables, declared as data.

A transition that is not in a table is illegal and raises
:class:`~app.domain.errors.IllegalTransition`; nothing is ever silently ignored.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.errors import IllegalTransition
from app.domain.inbound_errors import InboundIllegalTransition


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
#: other bin can cover sends a picking order back to backordered; so does a cycle count
#: that finds fewer units than an allocated order reserved (it is re-allocated at once).
ORDER_TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    S.NEW: frozenset({S.ALLOCATED, S.BACKORDERED, S.ON_HOLD, S.CANCELLED}),
    S.BACKORDERED: frozenset({S.ALLOCATED, S.ON_HOLD, S.CANCELLED}),
    S.ALLOCATED: frozenset({S.PICKING, S.BACKORDERED, S.ON_HOLD, S.CANCELLED}),
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

#: Orders that have not left the warehouse yet: past their ship-by they are late.
NOT_SHIPPED_STATES = (S.NEW, S.BACKORDERED, S.ALLOCATED, S.ON_HOLD, S.PICKING, S.PACKED)


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
    #: Units whose code no SKU of the client carries, held until a clerk maps or rejects them.
    QUARANTINE = "quarantine"


#: Only stock in these bins counts as available and can be reserved.
SELLABLE_BIN_TYPES = frozenset({BinType.PICK, BinType.STORAGE})


class InboundStatus(StrEnum):
    """An announced inbound shipment (ASN) at the dock."""

    ANNOUNCED = "announced"
    ARRIVED = "arrived"
    RECEIVING = "receiving"
    CLOSED = "closed"


_I = InboundStatus

#: Every legal move of an inbound shipment. A shipment that arrived and was never
#: counted may still be closed (everything short); a closed shipment is final.
INBOUND_TRANSITIONS: dict[InboundStatus, frozenset[InboundStatus]] = {
    _I.ANNOUNCED: frozenset({_I.ARRIVED}),
    _I.ARRIVED: frozenset({_I.RECEIVING, _I.CLOSED}),
    _I.RECEIVING: frozenset({_I.CLOSED}),
    _I.CLOSED: frozenset(),
}


def check_inbound_transition(
    reference: str, current: InboundStatus, target: InboundStatus
) -> None:
    """Raise unless ``current -> target`` is in :data:`INBOUND_TRANSITIONS`."""
    if target not in INBOUND_TRANSITIONS[current]:
        raise InboundIllegalTransition(
            reference=reference, state=current.value, target=target.value)


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
