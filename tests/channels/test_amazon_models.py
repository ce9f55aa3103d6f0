"""AmazonConnector against Amazon's own published examples and specifications.

Every payload in ``amazon_examples/`` is copied from ``amzn/selling-partner-api-models``
(commit and JSON path in its ``_source`` key) and served verbatim by the fake, so these
tests check the connector against Amazon's shapes, not against our fake's idea of them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.channels.amazon import AmazonConnector, carrier_and_service
from app.channels.base import ConfigError
from app.channels.http import ConnectorRuntime
from app.channels.normalized import OrderStatus, exact_lines
from tests.channels.conftest import FAST, T0, collect
from tests.channels.test_amazon import SECRETS, amazon_ids, connect, seed
from tests.fakes.platforms import VirtualClock
from tests.fakes.platforms.amazon import FakeAmazon

EXAMPLES = Path(__file__).parent / "amazon_examples"
SINCE = datetime(2013, 1, 1, tzinfo=UTC)  # the examples are dated 2013-2024


def example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    assert data.pop("_source").startswith("amzn/selling-partner-api-models@")
    return data


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeAmazon]:
    server = FakeAmazon(clock).start()
    yield server
    server.stop()


def test_search_orders_examples_read_as_published(fake: FakeAmazon, clock: VirtualClock) -> None:
    """orders_2026-01-01.json searchOrders 200: the US example (FBM) and the sandbox JP one
    (fulfilled by Amazon: not the warehouse's)."""
    for name in ("searchOrders_200.json", "searchOrders_200_sandbox.json"):
        for order in example(name)["orders"]:
            fake.add_2026(order)
    with connect(fake, clock) as conn:
        orders = collect(conn.fetch_orders(SINCE, clock.now()))
    assert list(orders) == ["123-4567890-1234567"]
    order = orders["123-4567890-1234567"]
    assert (order.platform_status, order.status) == ("SHIPPED", OrderStatus.SHIPPED)
    assert order.updated_at == datetime(2024, 12, 25, 14, 45, tzinfo=UTC)
    assert order.order.order_date == datetime(2024, 12, 25, 10, 30, tzinfo=UTC)
    assert (order.order.number, order.order.source) == ("123-4567890-1234567", "amazon")
    ship = order.order.ship_to
    assert (ship.name, ship.company, ship.address1, ship.address2) == (
        "John Smith", "Smith Industries LLC", "123 Main Street", "Suite 456")
    assert (ship.city, ship.state, ship.zip, ship.country, ship.phone) == (
        "Seattle", "WA", "98101", "US", "555-123-4567")
    assert (order.buyer.name, order.buyer.email) == (
        "John Smith", "buyer-email@marketplace.amazon.com")
    assert [(ln.sku, ln.quantity, ln.unit_price, ln.currency, ln.line_refs)
            for ln in order.order.lines] == [
        ("ECHO-DOT-4-CHARCOAL", 2, Decimal("49.99"), "USD", ("12345678901234",)),
        ("FIRE-TV-4K-2021", 1, Decimal("49.99"), "USD", ("12345678901235",)),
    ]
    assert order.currency == "USD" and not order.address_withheld
    # items come inside searchOrders: no per-order item call, no RDT
    assert fake.requests_to("/orders/v0/") == [] and fake.requests_to("tokens") == []


def test_get_orders_and_items_examples_on_the_v0_fallback(
    fake: FakeAmazon, clock: VirtualClock
) -> None:
    """ordersV0.json getOrders 200 and getOrderItems 200 (the 17.95-for-2 item)."""
    raw = example("getOrders_200.json")["payload"]["Orders"][0]
    items = example("getOrderItems_200.json")["payload"]["OrderItems"]
    fake.add_v0(raw, items)
    with connect(fake, clock, orders_api="v0") as conn:
        orders = collect(conn.fetch_orders(SINCE, clock.now()))
    order = orders["902-3159896-1390916"]
    assert (order.platform_status, order.status) == ("Pending", OrderStatus.PENDING)
    assert (order.order.ship_to.city, order.order.ship_to.state) == ("Canton", "MI")
    assert order.buyer.email == "user@example.com"
    assert [(ln.sku, ln.quantity, ln.unit_price, ln.currency) for ln in order.order.lines] == [
        ("CBA_OTF_1", 1, Decimal("25.99"), "JPY"),
        ("CBA_OTF_5", 1, Decimal("8.98"), "JPY"),  # ItemPrice 17.95 for QuantityOrdered 2
        ("CBA_OTF_5", 1, Decimal("8.97"), "JPY"),
    ]
    assert not order.address_withheld  # Pending: Amazon gives no address to anyone yet


@pytest.mark.parametrize("api", ["2026-01-01", "v0"])
def test_seventeen_ninety_five_for_two_units_stays_exact(
    fake: FakeAmazon, clock: VirtualClock, api: str
) -> None:
    seed(fake, 1)
    fake.add_line_total(amazon_ids(1)[0], "SKU-B", Decimal("17.95"))  # 2 units of SKU-B
    with connect(fake, clock, orders_api=api) as conn:
        order = collect(conn.fetch_orders(T0, clock.now()))[amazon_ids(1)[0]]
    sku_b = [ln for ln in order.order.lines if ln.sku == "SKU-B"]
    assert [(ln.quantity, ln.unit_price) for ln in sku_b] == [
        (1, Decimal("8.98")), (1, Decimal("8.97"))]
    assert sum(ln.quantity * (ln.unit_price or 0) for ln in sku_b) == Decimal("17.95")


@given(st.lists(st.tuples(st.sampled_from(["A", "B"]), st.integers(1, 50),
                          st.integers(0, 10**7)), min_size=1, max_size=6))
def test_exact_lines_keep_each_skus_total(items: list[tuple[str, int, int]]) -> None:
    """Platform lines (several per SKU, as Amazon splits gift-wrapped units) summed per SKU."""
    lines = exact_lines((sku, q, Decimal(c) / 100, "USD", "", "") for sku, q, c in items)
    for sku in {sku for sku, _, _ in items}:
        charged = sum((Decimal(c) / 100 for s, _, c in items if s == sku), Decimal(0))
        mine = [ln for ln in lines if ln.sku == sku]
        assert sum(ln.quantity * (ln.unit_price or 0) for ln in mine) == charged
        assert sum(ln.quantity for ln in mine) == sum(q for s, q, _ in items if s == sku)


def test_confirm_shipment_body_has_the_models_shape(fake: FakeAmazon, clock: VirtualClock) -> None:
    """ordersV0.json confirmShipment 204 sandbox request: the same keys, and
    ``shippingMethod`` the service ("Ground"), not the carrier's name again."""
    published = example("confirmShipment_204_request.json")["body"]
    seed(fake, 1)
    order_id = amazon_ids(1)[0]
    with connect(fake, clock) as conn:
        conn.push_tracking(order_id, "FedEx Ground", "112345678", None)
    sent = fake.shipments[0]
    optional = {"shipFromSupplySourceId"}  # a multi-location seller's; we ship from one
    assert set(sent) - {"order_id"} == set(published["packageDetail"]) - optional
    assert (sent["carrierCode"], sent["carrierName"], sent["shippingMethod"]) == (
        "FedEx", "FedEx", "Ground")
    assert set(sent["orderItems"][0]) == set(published["packageDetail"]["orderItems"][0]) - {
        "transparencyCodes"}
    body = fake.requests_to("shipmentConfirmation")[0].json()
    assert set(body) == set(published) and body["marketplaceId"] == published["marketplaceId"]


@pytest.mark.parametrize(
    ("carrier", "expected"),
    [
        ("UPS", ("UPS", "UPS", "")),
        ("ups ground", ("UPS", "UPS", "ground")),
        ("USPS Ground Advantage", ("USPS", "USPS", "Ground Advantage")),
        ("FedEx  Home Delivery", ("FedEx", "FedEx", "Home Delivery")),
        ("Amazon Shipping Ground", ("Amazon Shipping", "Amazon Shipping", "Ground")),
        ("UPSMI", ("Other", "UPSMI", "")),
        ("YunExpress", ("Other", "YunExpress", "")),
    ],
)
def test_carrier_code_name_and_service(carrier: str, expected: tuple[str, str, str]) -> None:
    assert carrier_and_service(carrier) == expected


def test_carrier_without_a_service_sends_no_shipping_method(
    fake: FakeAmazon, clock: VirtualClock
) -> None:
    seed(fake, 1)
    with connect(fake, clock, orders_api="v0") as conn:
        conn.push_tracking(amazon_ids(1)[0], "UPS", "1ZAMZ", None)
    assert "shippingMethod" not in fake.shipments[0]
    assert fake.requests_to("/orders/2026-01-01/") == []  # v0 reads items with getOrderItems


@pytest.mark.parametrize("api", ["2026-01-01", "v0"])
def test_without_the_pii_role_orders_come_withheld(clock: VirtualClock, api: str) -> None:
    """tokens_2021-03-01.json: createRestrictedDataToken answers 403 with an ErrorList;
    2026 answers leave the PII fields out ("Access Orders PII")."""
    fake = FakeAmazon(clock, pii_role=False).start()
    try:
        seed(fake, 7)  # three pages of three
        fake.set_status(amazon_ids(2)[1], "Pending", T0)
        with connect(fake, clock, orders_api=api) as conn:
            orders = collect(conn.fetch_orders(T0, clock.now()))
            refused = conn.pii_refused
    finally:
        fake.stop()
    ready, pending = orders[amazon_ids(1)[0]], orders[amazon_ids(2)[1]]
    assert ready.address_withheld and not pending.address_withheld
    ship = ready.order.ship_to
    assert (ship.name, ship.address1, ship.city, ship.state) == ("", "", "Louisville", "KY")
    assert ready.buyer.name == "" and len(ready.order.lines) == 2
    rdt = fake.requests_to("restrictedDataToken")
    assert len(orders) == 7 and sum(o.address_withheld for o in orders.values()) == 6
    if api == "v0":
        # asked once, asked again after refreshing the LWA token (a 403 may be an expired
        # token), then never again on the next pages
        assert refused and len(rdt) == 2
    else:
        assert not refused and rdt == []


def test_rdt_example_token_is_used_for_v0_reads(fake: FakeAmazon, clock: VirtualClock) -> None:
    """tokens_2021-03-01.json createRestrictedDataToken 200: ``restrictedDataToken`` and
    ``expiresIn``; the RDT replaces the LWA token on getOrders only."""
    published = example("createRestrictedDataToken_200.json")
    assert set(published) == {"restrictedDataToken", "expiresIn"}
    seed(fake, 1)
    with connect(fake, clock, orders_api="v0") as conn:
        collect(conn.fetch_orders(T0, clock.now()))
    reads = [r for r in fake.log if r.path == "/orders/v0/orders"]
    items = fake.requests_to("/orderItems")
    assert reads and all(r.header("x-amz-access-token").startswith("Atz.sprdt|") for r in reads)
    assert items and all(r.header("x-amz-access-token").startswith("Atza|") for r in items)


def test_unknown_orders_api_setting_is_a_config_error(
    fake: FakeAmazon, clock: VirtualClock
) -> None:
    with pytest.raises(ConfigError) as info:
        AmazonConnector("amz1", {"orders_api": "v1"}, SECRETS, base_url=fake.url,
                        runtime=ConnectorRuntime(http=FAST, clock=clock))
    assert "orders_api" in info.value.message


def test_a_tracking_number_amazon_already_has_is_not_confirmed_twice(
    fake: FakeAmazon, clock: VirtualClock
) -> None:
    """getOrder with PACKAGES (orders_2026-01-01.json ``OrderPackage``): a retried push, or
    an order the seller's Buy Shipping label already confirmed, is done, not refused."""
    seed(fake, 1)
    order_id = amazon_ids(1)[0]
    with connect(fake, clock) as conn:
        first = conn.push_tracking(order_id, "USPS Ground Advantage", "9400111", None)
        again = conn.push_tracking(order_id, "USPS Ground Advantage", "9400111", None)
    assert not first.already_done and again.already_done
    assert again.platform_ref == first.platform_ref and len(fake.shipments) == 1
    assert fake.shipments[0]["shippingMethod"] == "Ground Advantage"
