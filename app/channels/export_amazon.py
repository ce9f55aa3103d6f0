"""Amazon Seller Central's unshipped orders report as an order file.

Orders → Order Reports → Unshipped Orders (``GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_SHIPPING``)
is tab-delimited, one row per order item, and carries the ship-to address. The quantity
to ship is ``quantity-to-ship`` (``quantity-purchased`` counts what already shipped too);
an item with nothing left to ship is skipped. ``ship-address-3`` joins
``ship-address-2``. The "All Orders" reports (``amazon-order-id``, ``item-status``) have
no street address and are refused with which report to download. The report is
Windows-1252 text, not UTF-8. Headers:
developer-docs.amazon.com/sp-api/docs/order-reports-attributes and
.../order-tracking-reports-attributes (shared/reference/files-billing-placement.md §3b).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.channels.order_formats import ExportLayout, ExportRows, RefusedExport
from app.domain.errors import QT_TRANSLATE_NOOP, DomainError

NOTHING_TO_SHIP = QT_TRANSLATE_NOOP(
    "imports", "{count} line(s) with nothing left to ship (quantity-to-ship 0) were skipped.")


class AmazonReportWithoutAddresses(DomainError):
    """An Amazon "All Orders" report: orders, but no street to ship them to."""

    code = "amazon_report_without_addresses"
    template = QT_TRANSLATE_NOOP(
        "errors", "Cannot import {path}: it is an Amazon \"All Orders\" report, which has no "
        "street addresses. In Seller Central open Orders → Order Reports → Unshipped Orders, "
        "download that report and import it instead."
    )


@dataclass
class AmazonRows(ExportRows):
    def row(self, line: int, cells: Sequence[object]) -> Sequence[object] | None:
        quantity = self.text(cells, "quantity")
        if quantity and set(quantity) <= set("0."):
            self.skip(NOTHING_TO_SHIP)
            return None
        address1 = self.text(cells, "address1")
        address2 = self.text(cells, "address2")
        address3 = self.text(cells, "address3")
        if not address1 and address2:  # the street in line 2 only: ship it as line 1
            address1, address2 = address2, ""
        if address3:
            address2 = f"{address2} {address3}".strip()
        if (address1, address2) == (self.text(cells, "address1"), self.text(cells, "address2")):
            return cells
        return self.with_cells(cells, address1=address1, address2=address2)


LAYOUT = ExportLayout(
    name="amazon",
    label=QT_TRANSLATE_NOOP("imports", "Amazon unshipped orders report"),
    source="amazon",
    columns={
        "order_number": ("order-id",),
        "order_date": ("purchase-date",),
        "sku": ("sku",),
        "quantity": ("quantity-to-ship",),
        "buyer_name": ("recipient-name",),
        "address1": ("ship-address-1",),
        "address2": ("ship-address-2",),
        "city": ("ship-city",),
        "state": ("ship-state",),
        "zip": ("ship-postal-code",),
        "country": ("ship-country",),
        "phone": ("ship-phone-number", "buyer-phone-number"),
        "email": ("buyer-email",),
        "service_level": ("ship-service-level",),
    },
    extra={"address3": ("ship-address-3",)},
    signature=("order-id", "order-item-id", "quantity-to-ship", "ship-address-1"),
    rows=lambda columns, extra: AmazonRows(columns, extra),
    # Seller Central's flat-file reports are not UTF-8 (github elcolumbio gist 10664b8d
    # "AllReports": ORDERS_UNSHIPPED isutf8=False): Windows-1252 in North America.
    encoding="cp1252",
)

ALL_ORDERS = RefusedExport(
    signature=("amazon-order-id", "merchant-order-id", "item-status"),
    unless=("ship-address-1",),
    error=lambda path: AmazonReportWithoutAddresses(path=path),
)
