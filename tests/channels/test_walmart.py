"""WalmartConnector against the fake Walmart Marketplace API."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

import pytest

from app.channels.base import AuthError, PlatformError
from app.channels.http import ConnectorRuntime, HttpOptions
from app.channels.normalized import OrderStatus, ShipmentLine
from app.channels.walmart import WalmartConnector
from tests.channels.conftest import FAST, STORM, collect
from tests.fakes.platforms import FaultPlan, SeedLine, SeedOrder, VirtualClock, make_orders
from tests.fakes.platforms.walmart import FakeWalmart

SECRETS = {"client_id": "wm-client", "client_secret": "wm-secret"}


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeWalmart]:
    server = FakeWalmart(clock).start()
    yield server
    server.stop()


def recent(count: int, clock: VirtualClock) -> list[SeedOrder]:
    return make_orders(count, clock.now() - timedelta(days=2))


def connect(
    fake: FakeWalmart, clock: VirtualClock, http: HttpOptions = FAST, **settings: str
) -> WalmartConnector:
    return WalmartConnector(
        "wm1", {"page_size": "4", **settings}, SECRETS, base_url=fake.url,
        runtime=ConnectorRuntime(http=http, clock=clock),
    )


def test_full_fetch_replays_next_cursor_verbatim(fake: FakeWalmart, clock: VirtualClock) -> None:
    for seed in recent(10, clock):
        fake.add(seed)
    old = SeedOrder(
        "OLD1",
        "#1",
        clock.now() - timedelta(days=20),
        clock.now() - timedelta(days=1),
        [SeedLine("Z", 1)],
    )
    fake.add(old)  # created 20 days ago: hidden by the 7-day default, found by explicit filters
    with connect(fake, clock) as conn:
        pages = list(conn.fetch_orders(clock.now() - timedelta(days=30), clock.now()))
    orders = collect(pages)
    assert len(orders) == 11 and "OLD1" in orders
    assert [len(p.orders) for p in pages] == [4, 4, 3]
    cursor_requests = [
        r for r in fake.requests_to("/v3/orders") if "hasMoreElements" in r.raw_query
    ]
    assert cursor_requests and all(
        "+" in r.raw_query and "/" in r.raw_query for r in cursor_requests
    )
    order = orders["1000"]
    assert order.order.number == "1000"
    assert order.order.ship_to.country == "US" and order.order.ship_to.state == "KY"
    assert [(li.sku, li.quantity, li.unit_price) for li in order.order.lines] == [
        ("SKU-A", 1, Decimal("12.5")),
        ("SKU-B", 2, Decimal("3.1")),
    ]


def test_empty_window_is_not_an_error(fake: FakeWalmart, clock: VirtualClock) -> None:
    with connect(fake, clock) as conn:
        pages = list(conn.fetch_orders(clock.now() - timedelta(hours=1), clock.now()))
    assert [p.orders for p in pages] == [()]


def test_acknowledge_ship_per_line_and_cancel(fake: FakeWalmart, clock: VirtualClock) -> None:
    fake.add(
        SeedOrder("PO1", "#C1", clock.now(), clock.now(), [SeedLine("A", 2), SeedLine("B", 1)])
    )
    fake.add(SeedOrder("PO2", "#C2", clock.now(), clock.now(), [SeedLine("A", 1)]))
    with connect(fake, clock) as conn:
        order = collect(conn.fetch_orders(clock.now() - timedelta(hours=1), clock.now()))["PO1"]
        conn.acknowledge(order)
        first = conn.push_tracking("PO1", "UPS", "1ZW", [ShipmentLine("A", 1)])
        assert conn.push_tracking("PO1", "UPS", "1ZW", [ShipmentLine("A", 1)]).already_done
        conn.push_tracking("PO1", "Speedy Co", "SP9", None)  # not in Walmart's carrier list
        with pytest.raises(PlatformError):
            conn.push_tracking("PO1", "UPS", "1ZX", None)
        fake.cancel("PO2")
        clock.advance(60)
        later = collect(conn.fetch_orders(clock.now() - timedelta(hours=1), clock.now()))
    assert first.ok
    assert [(s["lineNumber"], s["qty"]) for s in fake.shipments] == [("1", 1), ("1", 1), ("2", 1)]
    assert fake.shipments[1]["carrierName"] == {"otherCarrier": "Speedy Co"}
    assert later["PO1"].status is OrderStatus.SHIPPED
    assert later["PO2"].status is OrderStatus.CANCELLED
    assert later["PO2"].order.lines[0].quantity == 1


def test_ship_unacknowledged_order_acknowledges_first(
    fake: FakeWalmart, clock: VirtualClock
) -> None:
    fake.add(SeedOrder("PO3", "#3", clock.now(), clock.now(), [SeedLine("A", 1)]))
    with connect(fake, clock) as conn:
        conn.push_tracking("PO3", "FedEx", "FX1", None)
        conn.push_stock("A", 9)
    assert len(fake.requests_to("/acknowledge")) == 1 and fake.inventory == {"A": 9}


def test_fifteen_minute_token_refreshed_ahead_and_on_401(clock: VirtualClock) -> None:
    fake = FakeWalmart(clock, FaultPlan(expire_tokens_at={5})).start()
    try:
        for seed in recent(12, clock):
            fake.add(seed)
        with connect(fake, clock) as conn:
            pages = conn.fetch_orders(clock.now() - timedelta(days=3), clock.now())
            got = [next(pages)]
            clock.advance(16 * 60)  # the 15-minute token lapses between pages
            got += list(pages)
    finally:
        fake.stop()
    assert len(collect(got)) == 12
    assert len(fake.requests_to("/v3/token")) == 3


def test_bad_credentials(fake: FakeWalmart, clock: VirtualClock) -> None:
    conn = WalmartConnector(
        "w", {}, {"client_id": "x", "client_secret": "y"}, base_url=fake.url,
        runtime=ConnectorRuntime(http=FAST, clock=clock),
    )
    with pytest.raises(AuthError) as info:
        conn.test_connection()
    conn.close()
    assert "UNAUTHORIZED" in info.value.message


def test_fault_storm_exact_orders(clock: VirtualClock) -> None:
    fake = FakeWalmart(
        clock, FaultPlan(rate=0.2, seed=5, repeat_page=2, timeout_sleep=0.4, expire_tokens_at={9})
    )
    fake.faults.page_hooks[2] = lambda: fake.cancel("1003")
    fake.start()
    try:
        for seed in recent(30, clock):
            fake.add(seed)
        with connect(fake, clock, http=STORM) as conn:
            end = clock.now()
            first = list(conn.fetch_orders(end - timedelta(days=3), end))
            newest = max(p.max_updated_at for p in first if p.max_updated_at)
            clock.advance(120)
            second = list(conn.fetch_orders(newest - timedelta(minutes=10), clock.now()))
    finally:
        fake.stop()
    assert len(fake.fault_log) >= 5
    orders = collect([*first, *second])
    assert sorted(orders) == sorted(fake.orders)
    assert orders["1003"].status is OrderStatus.CANCELLED


@pytest.mark.parametrize(
    ("ours", "sent"),
    [
        ("FEDEX", {"carrier": "FedEx"}),
        ("fedex ground", {"carrier": "FedEx"}),
        ("FedEx SmartPost", {"carrier": "FEDEXSP"}),
        ("United States Postal Service", {"carrier": "USPS"}),
        ("DHL eCommerce", {"carrier": "DHL Ecommerce - US"}),
        ("LaserShip", {"carrier": "LS"}),
        ("Purolator", {"otherCarrier": "Purolator"}),  # not in Walmart's list
    ],
)
def test_carrier_names_follow_walmarts_list(
    fake: FakeWalmart, clock: VirtualClock, ours: str, sent: dict[str, str]
) -> None:
    """``carrierName.carrier`` is an enum in Walmart's Orders model (CarrierNameType);
    anything else goes as ``otherCarrier`` with the ``trackingURL`` the model requires."""
    fake.add(SeedOrder("PO4", "#4", clock.now(), clock.now(), [SeedLine("A", 1)]))
    with connect(fake, clock, tracking_url_template="https://track.example/{tracking}") as conn:
        assert conn.push_tracking("PO4", ours, "T 1", None).ok
    (shipment,) = fake.shipments
    assert shipment["carrierName"] == sent
    if "otherCarrier" in sent:
        assert shipment["trackingURL"] == "https://track.example/T%201"
    else:
        assert "trackingURL" not in shipment


def test_method_code_is_the_orders_own(fake: FakeWalmart, clock: VirtualClock) -> None:
    """The shipping update confirms ``shippingInfo.methodCode`` of the order (the model's
    ShippingInfoType and TrackingInfoType share the enum), not the store-wide setting."""
    seeds = {"PO5": "Express", "PO6": "OneDay", "PO7": "Value"}
    for po, method in seeds.items():
        fake.add(SeedOrder(po, po, clock.now(), clock.now(), [SeedLine("A", 1)],
                           extra={"walmart_method": method}))
    with connect(fake, clock, method_code="Standard") as conn:
        for po in seeds:
            conn.push_tracking(po, "UPS", f"1Z{po}", None)
    assert {s["po"]: s["methodCode"] for s in fake.shipments} == seeds


def test_an_order_changed_without_a_status_change_is_not_skipped(
    fake: FakeWalmart, clock: VirtualClock
) -> None:
    """Walmart filters on a last-modified time it never returns; line ``statusDate``
    stays put when the buyer fixes the address, yet the next window must carry it."""
    fake.add(SeedOrder("PO8", "#8", clock.now() - timedelta(hours=2),
                       clock.now() - timedelta(hours=2), [SeedLine("A", 1)]))
    with connect(fake, clock) as conn:
        first_end = clock.now()
        first = collect(conn.fetch_orders(first_end - timedelta(hours=3), first_end))["PO8"]
        clock.advance(600)
        fake.change_address("PO8", address1="1 New Road", city="Louisville")
        clock.advance(60)
        second_end = clock.now()
        pages = list(conn.fetch_orders(first_end - timedelta(minutes=5), second_end))
    second = collect(pages)["PO8"]
    assert first.order.ship_to.address1 == "Chestnut Street 92"
    assert second.order.ship_to.address1 == "1 New Road"
    # Dated by the window it came back in, so it is newer than what the first run stored.
    assert first.updated_at <= first_end < second.updated_at == second_end
    assert pages[-1].max_updated_at == second_end
