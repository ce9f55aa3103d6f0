"""TikTok Shop Seller Center's order export (US, English headers) as an order file.

One row per SKU of an order. The file may carry a second row of field descriptions
under the header, which is skipped. TikTok masks the buyer's name and street in exports
of orders it ships with its own label (``J*** D***``, ``1** M*** St``): such an order is
imported on hold, since only TikTok's label can ship it. Cancelled, unpaid and already
shipped orders are skipped. Headers: amz123.com/guide/worldfirst/pcZeahOp
(shared/reference/files-billing-placement.md §3c); other markets use other address
columns, so columns are found by name, not position.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.channels.order_formats import ExportLayout, ExportRows
from app.domain.errors import QT_TRANSLATE_NOOP

#: Stored as the hold reason (English, shown translated by text like the sync's reasons).
MASKED_REASON = QT_TRANSLATE_NOOP("OrderNotes", "address masked by TikTok: needs TikTok's label")

DESCRIPTIONS = QT_TRANSLATE_NOOP(
    "imports", "{count} row(s) of field descriptions under the header were skipped.")
CANCELLED = QT_TRANSLATE_NOOP("imports", "{count} line(s) of cancelled orders were skipped.")
UNPAID = QT_TRANSLATE_NOOP("imports", "{count} line(s) of unpaid orders were skipped.")
SHIPPED = QT_TRANSLATE_NOOP("imports", "{count} line(s) of orders already shipped were skipped.")

_SKIPPED_STATUSES = {
    "cancelled": CANCELLED, "canceled": CANCELLED, "unpaid": UNPAID,
    "shipped": SHIPPED, "in transit": SHIPPED, "delivered": SHIPPED, "completed": SHIPPED,
}
#: The fields TikTok masks; two asterisks in a row never occur in a real address.
_MASKABLE = ("buyer_name", "address1", "address2")


def is_masked(text: str) -> bool:
    return "**" in text


@dataclass
class TikTokRows(ExportRows):
    seen_data: bool = False

    def row(self, line: int, cells: Sequence[object]) -> Sequence[object] | None:
        number = self.text(cells, "order_number")
        if not self.seen_data:
            self.seen_data = True
            # Descriptions ("Platform unique order ID.") where an order number and a
            # quantity would be.
            if number and not number.isdigit() and not self.text(cells, "quantity").isdigit():
                self.skip(DESCRIPTIONS)
                return None
        skipped = _SKIPPED_STATUSES.get(self.text(cells, "status").casefold())
        if skipped is not None:
            self.skip(skipped)
            return None
        if number and any(is_masked(self.text(cells, c)) for c in _MASKABLE):
            self.holds[number] = MASKED_REASON
        return cells


LAYOUT = ExportLayout(
    name="tiktok",
    label=QT_TRANSLATE_NOOP("imports", "TikTok Shop orders export"),
    source="tiktok",
    columns={
        "order_number": ("Order ID",),
        "order_date": ("Created Time",),
        "sku": ("Seller SKU",),
        "quantity": ("Quantity",),
        "unit_price": ("SKU Unit Original Price",),
        "buyer_name": ("Recipient",),
        "address1": ("Detail Address",),
        "address2": ("Additional address information",),
        "city": ("City",),
        "state": ("State",),
        "zip": ("Zipcode",),
        "country": ("Country",),
        "phone": ("Phone #",),
    },
    extra={"status": ("Order Status",)},
    signature=("Order ID", "Seller SKU", "Recipient", "Zipcode", "Detail Address"),
    rows=lambda columns, extra: TikTokRows(columns, extra),
)
