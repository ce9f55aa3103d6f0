"""Shopify admin's "Orders → Export" CSV as an order file.

One row per line item, grouped by ``Name`` (#1001); the order-level columns (email,
currency, dates, the ``Shipping *`` address) are filled on an order's first row only
and left empty on its continuation rows. ``Shipping Province`` is the state code,
``Shipping Zip`` often carries a leading apostrophe that keeps Excel from dropping the
zero. Lines with ``Lineitem requires shipping`` false (gift cards, services), lines
already fulfilled (``Lineitem fulfillment status``) and cancelled orders (``Cancelled at``
set) are skipped. Headers: a public parser of the
export [github jadwro/allegro_csv_parser src/Shopify/types/ShopifyOrderTypeCSV.ts] and
laplace-live/shopify-csv-converter src/types/index.d.ts (see
shared/reference/files-billing-placement.md §3a).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.channels.order_formats import ExportLayout, ExportRows
from app.domain.errors import QT_TRANSLATE_NOOP

NO_SHIPPING = QT_TRANSLATE_NOOP(
    "imports", "{count} line(s) that need no shipping (Lineitem requires shipping: false) "
    "were skipped.")
CANCELLED = QT_TRANSLATE_NOOP(
    "imports", "{count} line(s) of cancelled orders were skipped.")
FULFILLED = QT_TRANSLATE_NOOP(
    "imports", "{count} line(s) Shopify shows as fulfilled already were skipped.")

#: Order-level cells Shopify writes on an order's first row only. They are carried to the
#: order's next rows: the currency is per line in the template, and the first row may be
#: skipped (a gift card, a line fulfilled already) while the order's other lines ship.
_CARRIED = ("currency", "order_date", "buyer_name", "company", "address1", "address2", "city",
            "state", "zip", "country", "phone", "email")


@dataclass
class ShopifyRows(ExportRows):
    """Skips what does not ship and carries the first row's order cells to the next rows."""

    cancelled: set[str] = field(default_factory=set)
    first: dict[str, dict[str, str]] = field(default_factory=dict)

    def row(self, line: int, cells: Sequence[object]) -> Sequence[object] | None:
        name = self.text(cells, "order_number")
        if name and name not in self.first:
            self.first[name] = {c: self.text(cells, c) for c in _CARRIED}
            if self.text(cells, "cancelled_at"):
                self.cancelled.add(name)
        if name in self.cancelled:
            self.skip(CANCELLED)
            return None
        if self.text(cells, "requires_shipping").casefold() == "false":
            self.skip(NO_SHIPPING)
            return None
        if self.text(cells, "line_fulfilled").casefold() == "fulfilled":  # shipped elsewhere
            self.skip(FULFILLED)
            return None
        carried = self.first.get(name, {})
        missing = {c: v for c, v in carried.items() if v and not self.text(cells, c)}
        return self.with_cells(cells, **missing) if missing else cells


LAYOUT = ExportLayout(
    name="shopify",
    label=QT_TRANSLATE_NOOP("imports", "Shopify orders export"),
    source="shopify",
    columns={
        "order_number": ("Name",),
        "order_date": ("Created at",),
        "sku": ("Lineitem sku",),
        "quantity": ("Lineitem quantity",),
        "unit_price": ("Lineitem price",),
        "currency": ("Currency",),
        "buyer_name": ("Shipping Name",),
        "company": ("Shipping Company",),
        "address1": ("Shipping Address1",),
        "address2": ("Shipping Address2",),
        "city": ("Shipping City",),
        "state": ("Shipping Province",),
        "zip": ("Shipping Zip",),
        "country": ("Shipping Country",),
        "phone": ("Shipping Phone",),
        "email": ("Email",),
    },
    extra={
        "requires_shipping": ("Lineitem requires shipping",),
        "cancelled_at": ("Cancelled at",),
        "line_fulfilled": ("Lineitem fulfillment status",),
    },
    signature=("Name", "Lineitem sku", "Lineitem quantity", "Shipping Address1", "Shipping Zip"),
    rows=lambda columns, extra: ShopifyRows(columns, extra),
)
