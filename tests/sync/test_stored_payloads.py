"""Held platform orders are kept as JSON in ``channel_orders.payload`` and their content
digest in ``content_hash``: what earlier versions wrote must still load, digest the same
(else every stored order looks changed on the next sync) and be written back unchanged.

The texts and digests below were written by the code before the order value type
(``NormalizedOrder``) was replaced; do not regenerate them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from app.channels import OrderStatus, Platform
from app.services.sync_import import content_digest, order_from_json, order_to_json

SHIPPABLE = (
    '{"platform": "shopify", "store": "acme-shop", "external_id": "5001", "number": "#1001",'
    ' "created_at": "2026-11-02T09:30:00+00:00", "updated_at": "2026-11-03T10:00:00+00:00",'
    ' "platform_status": "paid/unfulfilled", "status": "open", "buyer": {"name": "Bob Buyer",'
    ' "email": "bob@example.com", "phone": "555-0100"}, "ship_to": {"name": "Jane Doe",'
    ' "company": "Acme Inc", "address1": "5 Elm St", "address2": "Apt 2", "city": "Fresno",'
    ' "state": "CA", "zip": "93721", "country": "US", "phone": "555-0199"}, "lines":'
    ' [{"sku": "MUG-RED", "quantity": 2, "unit_price": "12.50", "currency": "USD",'
    ' "title": "Red mug"}, {"sku": "TEE-M", "quantity": 1, "unit_price": null,'
    ' "currency": "USD", "title": "Tee"}], "currency": "USD"}'
)
NO_ADDRESS_YET = (
    '{"platform": "amazon", "store": "acme-amz", "external_id": "113-1", "number": "113-1",'
    ' "created_at": "2026-11-02T09:30:00+00:00", "updated_at": "2026-11-02T09:31:00+00:00",'
    ' "platform_status": "Pending", "status": "pending", "buyer": {"name": "", "email": "",'
    ' "phone": ""}, "ship_to": null, "lines": [{"sku": "MUG-RED", "quantity": 1,'
    ' "unit_price": null, "currency": "", "title": ""}], "currency": ""}'
)


@pytest.mark.parametrize(("text", "digest"), [
    (SHIPPABLE, "7fa53dbc9306bae1c7e4b5021079b7f1"),
    (NO_ADDRESS_YET, "96602b5522e20f5b4bc39357806bf553"),
])
def test_stored_payloads_load_digest_the_same_and_are_written_back_unchanged(
    text: str, digest: str
) -> None:
    order = order_from_json(text)
    assert content_digest(order) == digest
    assert order_to_json(order) == text


def test_a_stored_payload_reads_into_the_order_value() -> None:
    order = order_from_json(SHIPPABLE)
    assert (order.platform, order.status, order.buyer.email) == (
        Platform.SHOPIFY, OrderStatus.OPEN, "bob@example.com")
    value = order.order
    assert (value.number, value.source) == ("#1001", "shopify")
    assert value.order_date == datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
    assert (value.ship_to.name, value.ship_to.address2, value.ship_to.zip) == (
        "Jane Doe", "Apt 2", "93721")
    assert [(ln.sku, ln.quantity, ln.unit_price) for ln in value.lines] == [
        ("MUG-RED", 2, Decimal("12.50")), ("TEE-M", 1, None)]
    assert order_from_json(NO_ADDRESS_YET).order.ship_to.missing
