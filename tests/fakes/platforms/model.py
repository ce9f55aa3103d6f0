"""Platform-neutral seed orders that each fake turns into its own JSON shape."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal


@dataclass
class SeedLine:
    """A SKU on a seed order; ``quantity`` units at ``price`` each.

    ``ships`` false: a gift card, tip or shipping protection (nothing to pick);
    ``removed``: units taken off the order (an edit or refund) before shipping.
    Platforms that have no such lines ignore both.
    """

    sku: str
    quantity: int
    price: Decimal = Decimal("9.99")
    ships: bool = True
    removed: int = 0


@dataclass
class SeedOrder:
    """An order as a test describes it; ``status`` is open/pending/cancelled/shipped."""

    id: str
    number: str
    created: datetime
    updated: datetime
    lines: list[SeedLine]
    status: str = "open"
    buyer_name: str = "Bob Norman"
    email: str = "bob@example.com"
    phone: str = "555-625-1199"
    address1: str = "Chestnut Street 92"
    address2: str = ""
    city: str = "Louisville"
    state: str = "KY"
    state_name: str = "Kentucky"
    zip: str = "40202"
    currency: str = "USD"
    extra: dict[str, str] = field(default_factory=dict)


def make_orders(
    count: int,
    start: datetime,
    *,
    step: timedelta = timedelta(seconds=7),
    first_id: int = 1000,
    skus: tuple[str, ...] = ("SKU-A", "SKU-B", "SKU-C"),
) -> list[SeedOrder]:
    """``count`` orders updated ``step`` apart, with 1-2 SKUs each."""
    orders = []
    for n in range(count):
        at = start + step * n
        lines = [SeedLine(skus[n % len(skus)], 1 + n % 3, Decimal("12.50"))]
        if n % 4 == 0:
            lines.append(SeedLine(skus[(n + 1) % len(skus)], 2, Decimal("3.10")))
        ident = first_id + n
        orders.append(SeedOrder(str(ident), f"#{ident}", at, at, lines))
    return orders
