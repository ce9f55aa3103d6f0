"""The shared HTTP discipline: bounded retries, throttling, cancel, config parsing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

import pytest

from app.channels import Platform, create_connector
from app.channels.base import ConfigError, PlatformError, SyncCancelled, TransientError
from app.channels.http import (
    BucketSpec,
    ConnectorRuntime,
    HttpOptions,
    TokenBucket,
    bucket_overrides,
)
from app.channels.normalized import aggregate_lines, state_code
from app.channels.shopify import ShopifyConnector
from tests.channels.conftest import FAST, T0, collect
from tests.fakes.platforms import VirtualClock, make_orders
from tests.fakes.platforms.shopify import FakeShopify

END = T0 + timedelta(days=1)


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeShopify]:
    server = FakeShopify(clock).start()
    yield server
    server.stop()


def shopify(fake: FakeShopify, clock: VirtualClock, **kw: object) -> ShopifyConnector:
    return ShopifyConnector(
        "s",
        {"page_size": "5", "location_id": "7001"},
        {"access_token": "shpat_test"},
        base_url=fake.url,
        runtime=ConnectorRuntime(clock=clock, **kw),  # type: ignore[arg-type]
    )


def test_persistent_5xx_gives_up_after_bounded_capped_backoff(
    fake: FakeShopify, clock: VirtualClock
) -> None:
    fake.faults.rate, fake.faults.kinds = 1.0, ("500",)
    options = HttpOptions(max_attempts=6, backoff_base=1.0, backoff_max=4.0)
    with shopify(fake, clock, http=options) as conn, pytest.raises(TransientError):
        list(conn.fetch_orders(T0, END))
    assert len(fake.log) == 6
    assert len(clock.slept) == 5 and max(clock.slept) <= 4.0
    assert clock.slept[3] >= 2.0  # grew exponentially before the cap


def test_non_idempotent_post_is_not_retried_after_a_5xx(
    fake: FakeShopify, clock: VirtualClock
) -> None:
    for seed in make_orders(1, T0):
        fake.add(seed)
    with shopify(fake, clock, http=FAST) as conn:
        fake.faults.rate, fake.faults.kinds = 1.0, ("500",)
        fake.fault_exempt_prefixes = ("/admin/api/2025-01/orders/",)  # reads succeed
        with pytest.raises(TransientError):
            conn.push_tracking("1000", "UPS", "1Z", None)
    assert [r.method for r in fake.requests_to("/fulfillments.json")] == ["GET", "POST"]
    assert fake.fulfillments == []


def test_429_honours_retry_after_and_call_limit_header(clock: VirtualClock) -> None:
    fake = FakeShopify(clock, bucket=(2.0, 6.0)).start()
    try:
        for seed in make_orders(60, T0):
            fake.add(seed)
        with shopify(fake, clock, http=FAST) as conn:
            orders = collect(conn.fetch_orders(T0, END))
    finally:
        fake.stop()
    assert len(orders) == 60
    page_requests = [r for r in fake.log if r.path.endswith("orders.json")]
    assert len(page_requests) >= 12
    # the client's 40-request bucket was cut down by the 'used/40' header and
    # Retry-After waits were slept on the virtual clock instead of hammering
    assert sum(clock.slept) >= (len(page_requests) - 6) / 2.0 * 0.9


def test_cancel_stops_between_pages(fake: FakeShopify, clock: VirtualClock) -> None:
    for seed in make_orders(20, T0):
        fake.add(seed)
    cancel = threading.Event()
    with shopify(fake, clock, http=FAST, cancel=cancel) as conn:
        pages = conn.fetch_orders(T0, END)
        next(pages)
        cancel.set()
        with pytest.raises(SyncCancelled) as info:
            next(pages)
    assert len(fake.requests_to("orders.json")) == 1
    assert info.value.message == "Sync of store s was cancelled"


def test_token_bucket_adapts_to_platform_headers(clock: VirtualClock) -> None:
    bucket = TokenBucket(BucketSpec(rate=2.0, burst=40), clock)
    assert bucket.try_take() == 0
    bucket.adapt(remaining=0, reset_in=5.0)
    assert bucket.try_take() == pytest.approx(5.0)
    clock.advance(5.0)
    assert bucket.try_take() == 0
    bucket.adapt(rate=0.5, remaining=0)
    assert bucket.try_take() == pytest.approx(2.0)


def test_settings_are_validated() -> None:
    with pytest.raises(ConfigError) as info:
        create_connector(
            Platform.SHOPIFY,
            "s",
            {"page_size": "999"},
            {"access_token": "x"},
            base_url="http://127.0.0.1:9",
        )
    assert "page_size" in info.value.message
    with pytest.raises(ConfigError):
        create_connector("amazon", "a", {}, {"refresh_token": "r"})
    with pytest.raises(ConfigError):
        create_connector("ebay", "e", {}, {})
    assert bucket_overrides({"rate_limit.orders": "0.5/20"}, "s")["orders"] == BucketSpec(0.5, 20)
    with pytest.raises(ConfigError):
        bucket_overrides({"rate_limit.orders": "fast"}, "s")


def test_platform_errors_carry_request_id(fake: FakeShopify, clock: VirtualClock) -> None:
    with shopify(fake, clock, http=FAST) as conn, pytest.raises(PlatformError) as info:
        conn.push_tracking("424242", "UPS", "1Z")
    assert info.value.platform_code == "404" and info.value.request_id.startswith("req-")


def test_line_aggregation_and_state_codes() -> None:
    lines = aggregate_lines(
        [
            ("A", 1, Decimal("10.00"), "USD", "a", "1"),
            ("B", 2, Decimal("1.00"), "USD", "b", "2"),
            ("A", 2, Decimal("11.00"), "USD", "a", "3"),
        ]
    )
    assert [(li.sku, li.quantity, li.unit_price, li.line_refs) for li in lines] == [
        ("A", 3, Decimal("10.67"), ("1", "3")),
        ("B", 2, Decimal("1.00"), ("2",)),
    ]
    assert aggregate_lines([("A", 1, None, "USD", "", "")])[0].unit_price is None
    # The connectors read states by app.domain.address's rules, as files do; what is no US
    # state is kept as sent (a 2-letter one upper-cased), so the import can hold the order.
    assert (state_code("New York"), state_code("ky"), state_code("Ontario")) == (
        "NY",
        "KY",
        "Ontario",
    )
    assert (state_code(" Texas. "), state_code("virgin islands"), state_code("on")) == (
        "TX",
        "VI",
        "ON",
    )
