"""AmazonConnector against the fake SP-API."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

import pytest

from app.channels.amazon import AmazonConnector
from app.channels.base import AuthError, PlatformError
from app.channels.http import ConnectorRuntime, HttpOptions
from app.channels.normalized import OrderStatus, ShipmentLine
from tests.channels.conftest import FAST, STORM, T0, collect
from tests.fakes.platforms import FaultPlan, SeedLine, SeedOrder, VirtualClock, make_orders
from tests.fakes.platforms.amazon import FakeAmazon

SECRETS = {
    "refresh_token": "Atzr|refresh",
    "client_id": "amzn-client",
    "client_secret": "amzn-secret",
}


def amazon_ids(n: int, first: int = 0) -> list[str]:
    return [f"111-{first + i:07d}-0000001" for i in range(n)]


def seed(fake: FakeAmazon, count: int) -> None:
    for order, ident in zip(make_orders(count, T0), amazon_ids(count), strict=True):
        order.id = ident
        fake.add(order)


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeAmazon]:
    server = FakeAmazon(clock).start()
    yield server
    server.stop()


def connect(
    fake: FakeAmazon, clock: VirtualClock, http: HttpOptions = FAST, **settings: str
) -> AmazonConnector:
    return AmazonConnector(
        "amz1",
        {
            "page_size": "3",
            "seller_id": "A1SELLER",
            "token_url": f"{fake.url}/auth/o2/token",
            **settings,
        },
        SECRETS,
        base_url=fake.url,
        runtime=ConnectorRuntime(http=http, clock=clock),
    )


@pytest.mark.parametrize("api", ["2026-01-01", "v0"])
def test_full_fetch_mfn_only_with_addresses(
    fake: FakeAmazon, clock: VirtualClock, api: str
) -> None:
    seed(fake, 7)
    fake.add(SeedOrder("999-0000000-0000001", "x", T0, T0, [SeedLine("FBA", 1)]), channel="AFN")
    fake.add(
        SeedOrder(
            "222-0000000-0000001",
            "p",
            T0,
            T0 + timedelta(hours=1),
            [SeedLine("P", 2)],
            status="pending",
        )
    )
    with connect(fake, clock, orders_api=api) as conn:
        pages = list(conn.fetch_orders(T0, clock.now()))
    orders = collect(pages)
    assert len(pages) == 3 and "999-0000000-0000001" not in orders
    assert len(orders) == 8
    first = orders[amazon_ids(1)[0]]
    ship = first.order.ship_to
    assert ship.name == "Bob Norman"
    assert ship.address1 == "Chestnut Street 92" and ship.state == "KY"
    assert first.buyer.email == "bob@example.com" and not first.address_withheld
    assert [(li.sku, li.quantity, li.unit_price) for li in first.order.lines] == [
        ("SKU-A", 1, Decimal("12.50")),
        ("SKU-B", 2, Decimal("3.10")),
    ]
    pending = orders["222-0000000-0000001"]
    assert pending.status is OrderStatus.PENDING and pending.order.ship_to.missing
    assert not pending.address_withheld  # Amazon gives no address before payment anyway
    if api == "v0":
        reads = [r for r in fake.requests_to("/orders/v0/orders") if r.path == "/orders/v0/orders"]
        before, token = reads[0].q("LastUpdatedBefore"), "NextToken"
        assert len(fake.requests_to("restrictedDataToken")) == 1
    else:
        reads = fake.requests_to("/orders/2026-01-01/orders")
        before, token = reads[0].q("lastUpdatedBefore"), "paginationToken"
        # one call per page: items, buyer and recipient come with the orders, no RDT
        assert len(reads) == 3 and fake.requests_to("/orders/v0/") == []
        assert fake.requests_to("restrictedDataToken") == []
        assert all(r.q("lastUpdatedAfter") == reads[0].q("lastUpdatedAfter") for r in reads)
        assert reads[0].q("fulfilledBy") == "MERCHANT"
        assert set((reads[0].q("includedData") or "").split(",")) >= {"BUYER", "RECIPIENT"}
    assert before is not None and before <= (clock.now() - timedelta(minutes=2)).isoformat()
    assert [r.q(token) is None for r in reads] == [True, False, False]
    assert all("+" in (r.q(token) or "+") for r in reads)


@pytest.mark.parametrize(
    ("api", "interval"), [("2026-01-01", 178), ("v0", 59)]
)  # searchOrders: 0.0056 rps, getOrders: 0.0167 rps; burst 20 both
def test_documented_order_read_limit_paces_the_client(
    clock: VirtualClock, api: str, interval: int
) -> None:
    fake = FakeAmazon(clock).start()
    try:
        seed(fake, 24)
        with connect(fake, clock, page_size="1", orders_api=api) as conn:
            orders = collect(conn.fetch_orders(T0, clock.now()))
    finally:
        fake.stop()
    assert len(orders) == 24
    assert fake.over_limit == 0  # the client waited instead of being refused
    assert sum(clock.slept) >= 3 * interval


def test_without_rdt_the_address_comes_back_masked(fake: FakeAmazon, clock: VirtualClock) -> None:
    seed(fake, 1)
    with connect(fake, clock, orders_api="v0", use_rdt="false") as conn:
        order = collect(conn.fetch_orders(T0, clock.now()))[amazon_ids(1)[0]]
    assert (order.order.ship_to.name, order.order.ship_to.city) == ("", "Louisville")
    assert fake.requests_to("restrictedDataToken") == []


def test_window_end_clamped_by_two_minute_rule(fake: FakeAmazon, clock: VirtualClock) -> None:
    fake.add(
        SeedOrder(
            "111-0000000-0000009", "n", T0, clock.now() - timedelta(seconds=30), [SeedLine("A", 1)]
        )
    )
    with connect(fake, clock) as conn:
        early = collect(conn.fetch_orders(T0, clock.now()))
        clock.advance(300)
        late = collect(conn.fetch_orders(T0, clock.now()))
    assert early == {} and list(late) == ["111-0000000-0000009"]


def test_cancellation_and_incremental(fake: FakeAmazon, clock: VirtualClock) -> None:
    seed(fake, 4)
    with connect(fake, clock) as conn:
        first = list(conn.fetch_orders(T0, clock.now()))
        newest = max(p.max_updated_at for p in first if p.max_updated_at)
        fake.set_status(amazon_ids(1)[0], "Canceled")
        clock.advance(600)
        again = collect(conn.fetch_orders(newest - timedelta(minutes=10), clock.now()))
    assert again[amazon_ids(1)[0]].status is OrderStatus.CANCELLED


def test_confirm_shipment_and_stock(fake: FakeAmazon, clock: VirtualClock) -> None:
    seed(fake, 1)
    order_id = amazon_ids(1)[0]
    with connect(fake, clock) as conn:
        result = conn.push_tracking(order_id, "UPS", "1ZAMZ", [ShipmentLine("SKU-B", 2)])
        conn.push_tracking(order_id, "YunExpress", "YT1", None)
        with pytest.raises(PlatformError):  # everything already shipped
            conn.push_tracking(order_id, "UPS", "1ZAGAIN", None)
        assert conn.push_stock("SKU-A", 17).ok
    assert result.ok and fake.orders[order_id]["OrderStatus"] == "Shipped"
    first, second = fake.shipments[:2]
    assert first["orderItems"] == [{"orderItemId": f"{order_id}-1", "quantity": 2}]
    assert second["carrierCode"] == "Other" and second["carrierName"] == "YunExpress"
    assert fake.listings["SKU-A"]["quantity"] == 17


@pytest.mark.parametrize(
    ("api", "page_size", "expire_at"), [("2026-01-01", "1", {4, 9}), ("v0", "3", {6, 14})]
)
def test_expired_token_mid_sync_is_refreshed_once_and_page_retried(
    clock: VirtualClock, api: str, page_size: str, expire_at: set[int]
) -> None:
    fake = FakeAmazon(clock, FaultPlan(expire_tokens_at=expire_at)).start()
    try:
        seed(fake, 9)
        with connect(fake, clock, orders_api=api, page_size=page_size) as conn:
            orders = collect(conn.fetch_orders(T0, clock.now()))
    finally:
        fake.stop()
    assert len(orders) == 9
    assert len(fake.requests_to("/auth/o2/token")) == 3


def test_bad_refresh_token_is_auth_error(fake: FakeAmazon, clock: VirtualClock) -> None:
    conn = AmazonConnector(
        "a",
        {"token_url": f"{fake.url}/auth/o2/token"},
        {**SECRETS, "refresh_token": "nope"},
        base_url=fake.url,
        runtime=ConnectorRuntime(http=FAST, clock=clock),
    )
    with pytest.raises(AuthError) as info:
        conn.test_connection()
    conn.close()
    assert "invalid_grant" in info.value.message


@pytest.mark.parametrize(("api", "page_size"), [("2026-01-01", "1"), ("v0", "3")])
def test_fault_storm_exact_orders(clock: VirtualClock, api: str, page_size: str) -> None:
    fake = FakeAmazon(clock, FaultPlan(rate=0.2, seed=11, repeat_page=2, timeout_sleep=0.4))
    fake.faults.page_hooks[3] = lambda: fake.set_status(amazon_ids(1)[0], "Canceled")
    fake.start()
    try:
        seed(fake, 15)
        with connect(fake, clock, http=STORM, orders_api=api, page_size=page_size) as conn:
            end = clock.now() - timedelta(minutes=5)
            first = list(conn.fetch_orders(T0, end))
            newest = max(p.max_updated_at for p in first if p.max_updated_at)
            clock.advance(600)
            second = list(conn.fetch_orders(newest - timedelta(minutes=10), clock.now()))
    finally:
        fake.stop()
    assert len(fake.fault_log) >= 5
    orders = collect([*first, *second])
    assert sorted(orders) == sorted(fake.orders)
    assert orders[amazon_ids(1)[0]].status is OrderStatus.CANCELLED
