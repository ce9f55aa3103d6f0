"""An order as it arrives, before it has an id: ship-to, lines and order-level values.

One type for every way an order comes in - an order file, a platform sync, the demo,
a test - so the services that create orders and the code that prints them take one
shape. The file reader and the connectors build it (and keep what only they need
beside it: a file's line numbers, a platform's status and buyer); ``create_order``
and ``insert_orders`` take it.

Missing optional text is ``""``, never ``None``: the database columns that may be
empty are filled from these values in one place (``app.services.order_rows``).

NamedTuples rather than frozen dataclasses: they are just as immutable, and a
100,000-order file builds several hundred thousand of them - a frozen dataclass
costs six times as much to construct.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import NamedTuple

from app.domain.address import DeliveryKind, delivery_kind


class ShipTo(NamedTuple):
    """Where an order goes; ``state`` is a 2-letter code where one is known.

    An empty ``ShipTo()`` is a platform order that has no address yet (Amazon
    Pending). ``country`` is empty when the source did not say; the order table
    takes ``US`` then.
    """

    name: str = ""
    company: str = ""
    address1: str = ""
    address2: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""
    country: str = ""
    phone: str = ""
    email: str = ""

    @property
    def missing(self) -> bool:
        """True for the empty ship-to of an order whose source gave no address."""
        return self == _NO_ADDRESS

    @property
    def delivery_kind(self) -> DeliveryKind:
        """Street, PO box or military post office: what carrier rules may refuse."""
        return delivery_kind(self.address1, self.address2, self.city, self.state)


_NO_ADDRESS = ShipTo()


class OrderLine(NamedTuple):
    """One SKU of an order.

    ``sku`` is the text the source gave: a SKU code, a barcode or a platform SKU (the
    sync maps it to a warehouse SKU before the order is created). ``unit_price`` is
    ``None`` where the source gives no price (Amazon Pending, a file without one).
    ``title`` and ``line_refs`` (the platform's own line ids) are what connectors
    know about a line; the warehouse does not store them.
    """

    sku: str
    quantity: int
    unit_price: Decimal | None = None
    currency: str = "USD"
    title: str = ""
    line_refs: tuple[str, ...] = ()


class IncomingOrder(NamedTuple):
    """A new order: who it goes to, what is in it, when and how it ships.

    ``order_date`` is ``None`` when a file gave none (the import dates it then);
    ``ship_by`` is ``None`` when the client's terms are to set it.
    """

    number: str
    ship_to: ShipTo
    lines: tuple[OrderLine, ...]
    order_date: datetime | None = None
    ship_by: datetime | None = None
    service_level: str = "standard"
    notes: str = ""
    source: str = "file"
