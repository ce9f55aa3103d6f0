"""Platform order exports shaped like the real files, for the import tests.

Each header list is the platform's full header, in its order, from the source named
beside it (collected in shared/reference/files-billing-placement.md §3); a test fills
only the cells it needs, the way the platform leaves most of them empty or irrelevant.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

#: Shopify admin, Orders → Export (CSV for Excel): github jadwro/allegro_csv_parser
#: src/Shopify/types/ShopifyOrderTypeCSV.ts; continuation rows leave order-level cells
#: empty (laplace-live/shopify-csv-converter src/types/index.d.ts types them optional).
SHOPIFY_HEADER = [
    "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at",
    "Accepts Marketing", "Currency", "Subtotal", "Shipping", "Taxes", "Total",
    "Discount Code", "Discount Amount", "Shipping Method", "Created at", "Lineitem quantity",
    "Lineitem name", "Lineitem price", "Lineitem compare at price", "Lineitem sku",
    "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status",
    "Billing Name", "Billing Street", "Billing Address1", "Billing Address2",
    "Billing Company", "Billing City", "Billing Zip", "Billing Province", "Billing Country",
    "Billing Phone", "Shipping Name", "Shipping Street", "Shipping Address1",
    "Shipping Address2", "Shipping Company", "Shipping City", "Shipping Zip",
    "Shipping Province", "Shipping Country", "Shipping Phone", "Notes", "Note Attributes",
    "Cancelled at", "Payment Method", "Payment Reference", "Refunded Amount", "Vendor",
    "Outstanding Balance", "Employee", "Location", "Device ID", "Id", "Tags", "Risk Level",
    "Source", "Lineitem discount", "Tax 1 Name", "Tax 1 Value", "Tax 2 Name", "Tax 2 Value",
    "Tax 3 Name", "Tax 3 Value", "Tax 4 Name", "Tax 4 Value", "Tax 5 Name", "Tax 5 Value",
    "Phone", "Receipt Number", "Duties", "Billing Province Name", "Shipping Province Name",
    "Payment ID", "Payment Terms Name", "Next Payment Due At", "Payment References",
]

#: Seller Central, Orders → Order Reports → Unshipped Orders
#: (GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_SHIPPING), tab-delimited:
#: developer-docs.amazon.com/sp-api/docs/order-reports-attributes
AMAZON_UNSHIPPED_HEADER = [
    "order-id", "order-item-id", "purchase-date", "payments-date", "reporting-date",
    "promise-date", "days-past-promise", "buyer-email", "buyer-phone-number", "sku",
    "product-name", "quantity-purchased", "quantity-shipped", "quantity-to-ship",
    "ship-service-level", "recipient-name", "ship-address-1", "ship-address-2",
    "ship-address-3", "ship-city", "ship-state", "ship-postal-code", "ship-country",
    "is-business-order", "purchase-order-number", "price-designation", "is-prime",
]

#: Amazon "All Orders" report (GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL), no
#: street address: developer-docs.amazon.com/sp-api/lang-es_ES/docs/
#: order-tracking-reports-attributes
AMAZON_ALL_ORDERS_HEADER = [
    "amazon-order-id", "merchant-order-id", "purchase-date", "last-updated-date",
    "order-status", "fulfillment-channel", "sales-channel", "order-channel", "url",
    "ship-service-level", "product-name", "sku", "asin", "item-status", "quantity",
    "currency", "item-price", "item-tax", "shipping-price", "shipping-tax", "gift-wrap-price",
    "gift-wrap-tax", "item-promotion-discount", "ship-promotion-discount", "ship-city",
    "ship-state", "ship-postal-code", "ship-country", "promotion-ids",
]

#: TikTok Shop Seller Center (US), Orders → Export: amz123.com/guide/worldfirst/pcZeahOp
TIKTOK_HEADER = [
    "Order ID", "Order Status", "Order Substatus", "Cancelation/Return Type",
    "Normal or Pre-order", "SKU ID", "Seller SKU", "Product Name", "Variation", "Quantity",
    "Sku Quantity of return", "SKU Unit Original Price", "SKU Subtotal Before Discount",
    "SKU Platform Discount", "SKU Seller Discount", "SKU Subtotal After Discount",
    "Shipping Fee After Discount", "Original Shipping Fee", "Shipping Fee Seller Discount",
    "Shipping Fee Platform Discount", "Payment platform discount", "Retail Delivery Fee",
    "Taxes", "Order Amount", "Order Refund Amount", "Created Time", "Paid Time", "RTS Time",
    "Shipped Time", "Delivered Time", "Cancelled Time", "Cancel By", "Cancel Reason",
    "Fulfillment Type", "Warehouse Name", "Tracking ID", "Delivery Option Type",
    "Delivery Option", "Shipping Provider Name", "Buyer Message", "Buyer Username",
    "Recipient", "Phone #", "Country", "State", "City", "Zipcode", "Detail Address",
    "Additional address information", "House Name or Number", "Delivery Instruction",
    "Payment Method", "Weight(kg)", "Product Category", "Package ID", "Seller Note",
    "Shipping Information",
]
#: The optional second row TikTok puts under the header: a description of each field.
TIKTOK_DESCRIPTIONS = {
    "Order ID": "Platform unique order ID.", "Quantity": "SKU sold quantity in the order.",
    "Seller SKU": "Seller SKU code.", "Recipient": "Name of the recipient.",
    "Zipcode": "Zipcode of the recipient.", "Detail Address": "Detailed address.",
}


def shopify_order(name: str, lines: Sequence[tuple[str, int, str]], **first: str
                  ) -> list[dict[str, str]]:
    """The rows Shopify writes for one order: order-level cells on the first row only.

    ``lines`` are (sku, quantity, price); ``first`` overrides first-row cells.
    """
    order = {
        "Email": "jane@example.com", "Financial Status": "paid", "Currency": "USD",
        "Created at": "2024-03-05 14:30:00 -0500", "Fulfillment Status": "unfulfilled",
        "Shipping Method": "Standard", "Billing Name": "Jane Doe",
        "Shipping Name": "Jane Doe", "Shipping Street": "123 Main St, Apt 4",
        "Shipping Address1": "123 Main St", "Shipping Address2": "Apt 4",
        "Shipping City": "Edison", "Shipping Zip": "'08817", "Shipping Province": "NJ",
        "Shipping Country": "US", "Shipping Phone": "+1 732-555-0100",
        "Shipping Province Name": "New Jersey", "Id": "5512345678901",
    }
    order.update(first)
    rows = []
    for i, (sku, qty, price) in enumerate(lines):
        row = dict(order) if i == 0 else {}
        row.update({"Name": name, "Lineitem quantity": str(qty), "Lineitem price": price,
                    "Lineitem sku": sku, "Lineitem name": f"Item {sku}",
                    "Lineitem requires shipping": "true", "Lineitem taxable": "true",
                    "Lineitem fulfillment status": "pending"})
        rows.append(row)
    return rows


def amazon_item(order_id: str, item_id: str, sku: str, to_ship: int, **cells: str
                ) -> dict[str, str]:
    """One row of the unshipped orders report (Amazon repeats the order's cells per item)."""
    row = {
        "order-id": order_id, "order-item-id": item_id,
        "purchase-date": "2024-03-05T14:30:00+00:00", "payments-date": "2024-03-05T14:31:00+00:00",
        "reporting-date": "2024-03-05T15:00:00+00:00", "promise-date": "2024-03-08T07:59:59+00:00",
        "days-past-promise": "-3", "buyer-email": "abc123@marketplace.amazon.com",
        "buyer-phone-number": "+1 732-555-0100", "sku": sku, "product-name": f"Item {sku}",
        "quantity-purchased": str(to_ship), "quantity-shipped": "0",
        "quantity-to-ship": str(to_ship), "ship-service-level": "Standard",
        "recipient-name": "Jane Doe", "ship-address-1": "123 Main St", "ship-address-2": "",
        "ship-address-3": "", "ship-city": "EDISON", "ship-state": "NJ",
        "ship-postal-code": "08817-1234", "ship-country": "US", "is-business-order": "false",
        "purchase-order-number": "", "price-designation": "", "is-prime": "false",
    }
    row.update(cells)
    return row


def tiktok_line(order_id: str, sku: str, qty: int, **cells: str) -> dict[str, str]:
    """One SKU row of a TikTok order export (TikTok repeats the order's cells per SKU)."""
    row = {
        "Order ID": order_id, "Order Status": "To ship", "Order Substatus": "Awaiting shipment",
        "Normal or Pre-order": "Normal", "SKU ID": "1729384756", "Seller SKU": sku,
        "Product Name": f"Item {sku}", "Quantity": str(qty), "SKU Unit Original Price": "12.99",
        "Created Time": "03/05/2024 2:30:45 PM", "Paid Time": "03/05/2024 2:31:02 PM",
        "Fulfillment Type": "Fulfillment by seller", "Delivery Option": "Standard shipping",
        "Recipient": "Jane Doe", "Phone #": "(+1)732*****00", "Country": "United States",
        "State": "New Jersey", "City": "Edison", "Zipcode": "08817",
        "Detail Address": "123 Main St", "Additional address information": "Apt 4",
        "Payment Method": "Credit card", "Weight(kg)": "0.5",
    }
    row.update(cells)
    return row


def table_bytes(header: Sequence[str], rows: Sequence[dict[str, str]], *, delimiter: str = ",",
                encoding: str = "utf-8-sig", before: Sequence[dict[str, str]] = ()) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in [*before, *rows]:
        writer.writerow([row.get(h, "") for h in header])
    return out.getvalue().encode(encoding)


def write_export(path: Path, header: Sequence[str], rows: Sequence[dict[str, str]], *,
                 delimiter: str = ",", encoding: str = "utf-8-sig",
                 before: Sequence[dict[str, str]] = ()) -> Path:
    """Write the export as the platform does: CSV (Amazon: tab-delimited text)."""
    path.write_bytes(table_bytes(header, rows, delimiter=delimiter, encoding=encoding,
                                 before=before))
    return path
