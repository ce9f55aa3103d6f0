"""Between an incoming order's values and the columns of the ``orders`` table.

Creating one order, creating many, telling a re-import from a conflicting one and
printing an address all cross this line; here is the one place that says how (empty
optional text is stored as NULL, an order without a country ships in the US).
"""

from __future__ import annotations

from typing import Any

from app.db.models import Order
from app.domain.order_value import IncomingOrder, ShipTo

#: Order columns an incoming order sets, in the order :func:`order_values` gives them
#: (order_date and ship_by are left out: an order without them takes defaults).
CONTENT_FIELDS: tuple[str, ...] = (
    "buyer_name", "company", "address1", "address2", "city", "state", "zip", "country",
    "phone", "email", "service_level", "notes",
)


def order_values(order: IncomingOrder) -> tuple[Any, ...]:
    """The values of :data:`CONTENT_FIELDS` for ``order``, as the table stores them."""
    ship = order.ship_to
    return (
        ship.name, ship.company or None, ship.address1, ship.address2 or None, ship.city,
        ship.state, ship.zip, ship.country or "US", ship.phone or None, ship.email or None,
        order.service_level or "standard", order.notes or None,
    )


def ship_to_of(order: Order) -> ShipTo:
    """The ship-to of a stored order (for labels and packing slips)."""
    return ShipTo(
        name=order.buyer_name, company=order.company or "", address1=order.address1,
        address2=order.address2 or "", city=order.city, state=order.state, zip=order.zip,
        country=order.country, phone=order.phone or "", email=order.email or "",
    )
