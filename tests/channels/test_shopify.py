"""ShopifyConnector against the fake Shopify server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

import pytest

from app.channels.base import AuthError, PlatformError
from app.channels.http import ConnectorRuntime, HttpOptions
from app.channels.normalized import OrderStatus, Platform, ShipmentLine
from app.channels.shopify import ShopifyConnector, next_page_query
from tests.channels.conftest import FAST, STORM, T0, collect
from tests.fakes.platforms import FaultPlan, SeedLine, SeedOrder, VirtualClock, make_orders
from tests.fakes.platforms.shopify import FakeShopify

END = T0 + timedelta(days=2)


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeShopify]:
    server = FakeShopify(clock).start()
    yield server
    server.stop()


def connect(
    fake: FakeShopify, clock: VirtualClock, http: HttpOptions = FAST, **settings: str
) -> ShopifyConnector:
    return ShopifyConnector(
        "shop1",
        {"page_size": "4", "location_id": "7001", **settings},
        {"access_token": "shpat_test"},
        base_url=fake.url,
        runtime=ConnectorRuntime(http=http, clock=clock),
    )


def test_full_fetch_pages_with_status_any_and_opaque_cursors(
    fake: FakeShopify, clock: VirtualClock
) -> None:
    for seed in make_orders(10, T0):
        fake.add(seed)
    fake.cancel("1003", T0 + timedelta(hours=1))
    with connect(fake, clock) as _c:
        pages = list(_c.fetch_orders(T0, END))
    assert [len(p.orders) for p in pages] == [4, 4, 2]
    assert pages[-1].next_cursor is None
    assert all(p.next_cursor and "page_info=" in p.next_cursor for p in pages[:-1])
    orders = collect(pages)
    assert sorted(orders) == [str(n) for n in range(1000, 1010)]
    assert orders["1003"].status is OrderStatus.CANCELLED  # needs status=any
    first = fake.requests_to("orders.json")[0]
    assert first.q("status") == "any" and first.q("updated_at_max") is not None
    later = fake.requests_to("orders.json")[1]
    assert set(later.query) == {"limit", "page_info"}


def test_normalised_fields(fake: FakeShopify, clock: VirtualClock) -> None:
    fake.add(
        SeedOrder(
            "555",
            "#555",
            T0,
            T0 + timedelta(minutes=5),
            [
                SeedLine("MUG", 1, Decimal("4.50")),
                SeedLine("MUG", 2, Decimal("4.50")),
                SeedLine("CAP", 1, Decimal("10.00")),
            ],
        )
    )
    with connect(fake, clock) as conn:
        order = collect(conn.fetch_orders(T0, END))["555"]
    assert order.platform is Platform.SHOPIFY and order.store == "shop1"
    assert order.order.number == "#555" and order.status is OrderStatus.OPEN
    assert order.updated_at == T0 + timedelta(minutes=5) and order.updated_at.tzinfo is not None
    assert [(li.sku, li.quantity, li.unit_price) for li in order.order.lines] == [
        ("MUG", 3, Decimal("4.50")),
        ("CAP", 1, Decimal("10.00")),
    ]
    assert order.order.ship_to.state == "KY"
    assert order.order.ship_to.country == "US" and order.buyer.email == "bob@example.com"


def test_only_units_to_ship_become_lines(fake: FakeShopify, clock: VirtualClock) -> None:
    fake.add(
        SeedOrder(
            "556",
            "#556",
            T0,
            T0,
            [
                SeedLine("MUG", 3, removed=1),  # one taken off the order before shipping
                SeedLine("ROUTE-PROTECTION", 1, Decimal("2.95"), ships=False),
                SeedLine("CAP", 1, removed=1),  # refunded entirely
            ],
        )
    )
    with connect(fake, clock) as conn:
        order = collect(conn.fetch_orders(T0, END))["556"]
        assert [(li.sku, li.quantity) for li in order.order.lines] == [("MUG", 2)]
        assert conn.push_tracking("556", "UPS", "1Z9", [ShipmentLine("MUG", 2)]).ok
    assert fake.orders[556]["fulfillment_status"] == "fulfilled"


def test_resume_from_cursor_and_incremental_window(fake: FakeShopify, clock: VirtualClock) -> None:
    for seed in make_orders(9, T0, step=timedelta(minutes=1)):
        fake.add(seed)
    with connect(fake, clock) as conn:
        first = next(iter(conn.fetch_orders(T0, END)))
        rest = list(conn.fetch_orders(T0, END, cursor=first.next_cursor))
        assert len(collect([first, *rest])) == 9
        # incremental: only what changed after the newest seen, minus overlap
        fake.touch("1002", T0 + timedelta(hours=3))
        newest = max(p.max_updated_at for p in [first, *rest] if p.max_updated_at)
        again = collect(conn.fetch_orders(newest - timedelta(minutes=2), T0 + timedelta(hours=4)))
    assert "1002" in again and again["1002"].updated_at == T0 + timedelta(hours=3)
    assert set(again) == {"1002", "1006", "1007", "1008"}  # overlap re-reads the tail


def test_filters_beside_page_info_are_rejected_by_fake(fake: FakeShopify) -> None:
    import httpx

    for seed in make_orders(3, T0):
        fake.add(seed)
    url = f"{fake.url}/admin/api/2025-01/orders.json"
    headers = {"X-Shopify-Access-Token": "shpat_test"}
    first = httpx.get(url, params={"status": "any", "limit": 1}, headers=headers)
    query = next_page_query(first.headers["link"])
    assert query is not None and "%2B" in query and "%2F" in query and "%3D" in query
    bad = httpx.get(f"{url}?{query}&status=any", headers=headers)
    assert bad.status_code == 400 and "cannot be passed" in bad.json()["errors"]


def test_tracking_push_partial_then_rest_and_idempotent(
    fake: FakeShopify, clock: VirtualClock
) -> None:
    fake.add(SeedOrder("77", "#77", T0, T0, [SeedLine("A", 2), SeedLine("B", 1)]))
    with connect(fake, clock) as conn:
        first = conn.push_tracking("77", "UPS", "1Z1", [ShipmentLine("A", 1)])
        assert first.ok and not first.already_done
        assert fake.orders[77]["fulfillment_status"] == "partial"
        again = conn.push_tracking("77", "UPS", "1Z1", [ShipmentLine("A", 1)])
        assert again.already_done and len(fake.fulfillments) == 1
        conn.push_tracking("77", "USPS", "9400", None)
        with pytest.raises(PlatformError):
            conn.push_tracking("77", "USPS", "9401", None)
    assert fake.orders[77]["fulfillment_status"] == "fulfilled"
    assert [f["tracking_number"] for f in fake.fulfillments] == ["1Z1", "9400"]
    assert fake.fulfillments[0]["line_items"] == [{"id": 7700, "quantity": 1}]


def test_stock_push_sets_available(fake: FakeShopify, clock: VirtualClock) -> None:
    fake.add(SeedOrder("78", "#78", T0, T0, [SeedLine("SOCK", 1)]))
    with connect(fake, clock) as conn:
        assert conn.push_stock("SOCK", 42).ok
        with pytest.raises(PlatformError) as info:
            conn.push_stock("NOPE", 1)
    assert fake.stock_of("SOCK") == 42
    assert "NOPE" in info.value.message


def test_bad_token_is_auth_error(fake: FakeShopify, clock: VirtualClock) -> None:
    conn = ShopifyConnector(
        "s", {}, {"access_token": "wrong"}, base_url=fake.url,
        runtime=ConnectorRuntime(http=FAST, clock=clock),
    )
    with pytest.raises(AuthError) as info:
        conn.test_connection()
    conn.close()
    assert info.value.message.startswith("Shopify rejected")  # the name sellers know


def test_client_credentials_token_refreshed_before_expiry_and_after_revocation(
    clock: VirtualClock,
) -> None:
    fake = FakeShopify(clock, FaultPlan(expire_tokens_at={4}), token="", token_lifetime=600).start()
    try:
        for seed in make_orders(12, T0):
            fake.add(seed)
        conn = ShopifyConnector(
            "s",
            {"page_size": "3"},
            {"client_id": "cid", "client_secret": "csecret"},
            base_url=fake.url,
            runtime=ConnectorRuntime(http=FAST, clock=clock),
        )
        assert "Fake Shop" in conn.test_connection()
        clock.advance(590)  # inside the safety margin: refresh before use
        orders = collect(conn.fetch_orders(T0, END))
        conn.close()
    finally:
        fake.stop()
    assert len(orders) == 12
    assert len(fake.requests_to("/admin/oauth/access_token")) == 3


def test_fault_storm_yields_exactly_the_platform_orders(clock: VirtualClock) -> None:
    fake = FakeShopify(clock, FaultPlan(rate=0.2, seed=3, repeat_page=2, timeout_sleep=0.4))
    fake.faults.page_hooks[3] = lambda: fake.touch("1001")  # updated during paging
    fake.start()
    try:
        for seed in make_orders(40, T0):
            fake.add(seed)
        with connect(fake, clock, http=STORM) as conn:
            end = T0 + timedelta(days=1)
            first = list(conn.fetch_orders(T0, end))
            newest = max(p.max_updated_at for p in first if p.max_updated_at)
            second = list(
                conn.fetch_orders(newest - timedelta(minutes=10), conn.latest_safe_window_end())
            )
    finally:
        fake.stop()
    assert len(fake.fault_log) >= 5 and len(set(fake.fault_log)) >= 3
    orders = collect([*first, *second])
    assert sorted(orders) == sorted(str(i) for i in fake.orders)
    assert orders["1001"].updated_at > end  # the mid-paging update arrived next window
    ids = [o.external_id for p in first for o in p.orders]
    assert len(ids) == len(set(ids))  # the repeated page was deduped within the run
