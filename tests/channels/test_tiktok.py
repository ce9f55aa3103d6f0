"""TikTokConnector against the fake TikTok Shop API."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal

import httpx
import pytest

from app.channels.base import ClockRejected, ConfigError, PlatformError
from app.channels.http import ConnectorRuntime, HttpOptions
from app.channels.normalized import OrderStatus, ShipmentLine
from app.channels.tiktok import TikTokConnector, sign_request
from tests.channels.conftest import FAST, STORM, T0, collect
from tests.fakes.platforms import FaultPlan, SeedLine, SeedOrder, VirtualClock, make_orders
from tests.fakes.platforms.tiktok import FakeTikTok

SECRETS = {
    "app_secret": "test_secret",
    "access_token": "TTP_initial",
    "refresh_token": "TTP_refresh",
}
END = T0 + timedelta(days=2)


def test_signature_matches_reference_vector() -> None:
    params = {
        "app_key": "test_key",
        "timestamp": "1700000000",
        "shop_cipher": "TEST_CIPHER",
        "page_size": "50",
        "sort_field": "update_time",
    }
    body = b'{"update_time_ge":1699990000}'
    assert sign_request("test_secret", "/order/202309/orders/search", params, body) == (
        "8bc42726ee23bffaac2a5722930fd776133200216a9aa0392a374c4c7b1387ab"
    )


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeTikTok]:
    server = FakeTikTok(clock).start()
    yield server
    server.stop()


def connect(
    fake: FakeTikTok,
    clock: VirtualClock,
    http: HttpOptions = FAST,
    secrets: dict[str, str] | None = None,
    **settings: str,
) -> TikTokConnector:
    return TikTokConnector(
        "tt1",
        {
            "app_key": "test_key",
            "page_size": "4",
            "token_url": fake.url,
            "warehouse_id": "W1",
            "shipping_provider_id.UPS": "7117858858072016686",
            **settings,
        },
        secrets or SECRETS,
        base_url=fake.url,
        runtime=ConnectorRuntime(http=http, clock=clock),
    )


def test_full_fetch_units_aggregated_and_district_info(
    fake: FakeTikTok, clock: VirtualClock
) -> None:
    for seed in make_orders(9, T0):
        fake.add(seed)
    fake.add(
        SeedOrder(
            "5770001",
            "x",
            T0,
            T0,
            [SeedLine("TEE", 3, Decimal("7.00"))],
            city="Sacramento",
            state="CA",
            state_name="California",
        )
    )
    with connect(fake, clock) as conn:
        pages = list(conn.fetch_orders(T0, END))
    orders = collect(pages)
    assert len(orders) == 10 and len(pages) == 3
    tee = orders["5770001"]
    assert [(li.sku, li.quantity, li.unit_price) for li in tee.order.lines] == [
        ("TEE", 3, Decimal("7.00"))
    ]
    assert len(tee.order.lines[0].line_refs) == 3
    assert (tee.order.ship_to.city, tee.order.ship_to.state) == ("Sacramento", "CA")
    assert tee.status is OrderStatus.OPEN
    searches = fake.requests_to("/orders/search")
    assert all(r.q("shop_cipher") == "TEST_CIPHER" for r in searches)
    assert any("+" in (r.q("page_token") or "") for r in searches)


def test_fake_rejects_a_bad_signature(fake: FakeTikTok, clock: VirtualClock) -> None:
    stamp = str(int(clock.now().timestamp()))
    response = httpx.post(
        f"{fake.url}/order/202309/orders/search",
        params={
            "app_key": "test_key",
            "timestamp": stamp,
            "sign": "00",
            "shop_cipher": "TEST_CIPHER",
        },
        headers={"x-tts-access-token": "TTP_initial"},
        content=b"{}",
    )
    assert response.status_code == 200 and response.json()["code"] == 106001


def test_cancellation_incremental_and_token_refresh(fake: FakeTikTok, clock: VirtualClock) -> None:
    for seed in make_orders(5, T0):
        fake.add(seed)
    changed: list[dict[str, str]] = []
    conn = TikTokConnector(
        "tt1",
        {"app_key": "test_key", "token_url": fake.url},
        SECRETS,
        base_url=fake.url,
        runtime=ConnectorRuntime(http=FAST, clock=clock, on_secrets_changed=changed.append),
    )
    with conn:
        first = list(conn.fetch_orders(T0, END))
        fake.revoke_tokens()  # the access token expires between syncs
        fake.cancel("1002", T0 + timedelta(hours=5))
        newest = max(p.max_updated_at for p in first if p.max_updated_at)
        again = collect(conn.fetch_orders(newest - timedelta(minutes=10), END))
    assert again["1002"].status is OrderStatus.CANCELLED
    assert changed and changed[0]["refresh_token"] == "TTP_refresh1"


def test_package_shipping_and_stock(fake: FakeTikTok, clock: VirtualClock) -> None:
    fake.add(SeedOrder("880", "x", T0, T0, [SeedLine("TEE", 2), SeedLine("CAP", 1)]))
    with connect(fake, clock) as conn:
        conn.push_tracking("880", "UPS", "1ZT1", [ShipmentLine("TEE", 1)])
        assert conn.push_tracking("880", "UPS", "1ZT1", [ShipmentLine("TEE", 1)]).already_done
        conn.push_tracking("880", "UPS", "1ZT2", None)
        with pytest.raises(PlatformError):
            conn.push_tracking("880", "UPS", "1ZT3", None)
        with pytest.raises(ConfigError):
            conn.push_tracking("880", "DHL", "D1", None)
        assert conn.push_stock("CAP", 5).ok
    assert [len(p["order_line_item_ids"]) for p in fake.packages] == [1, 2]
    assert fake.orders["880"]["status"] == "IN_TRANSIT" and fake.inventory == {"CAP": 5}


def test_cipher_learned_from_shops(fake: FakeTikTok, clock: VirtualClock) -> None:
    with connect(fake, clock) as conn:
        assert "Fake TikTok Shop" in conn.test_connection()
    shops = fake.requests_to("/authorization/")
    assert shops and shops[0].q("shop_cipher") is None


def test_a_pc_clock_ten_minutes_off_still_syncs(fake: FakeTikTok, clock: VirtualClock) -> None:
    """TikTok refuses a timestamp more than 5 minutes off (warehouse PCs drift). The first
    refusal's Date header corrects the connector's clock: that request is signed again and
    every later one is right the first time."""
    for seed in make_orders(9, T0):
        fake.add(seed)
    pc_clock = VirtualClock(clock.now() - timedelta(minutes=10))
    with connect(fake, pc_clock) as conn:
        assert "Fake TikTok Shop" in conn.test_connection()
        orders = collect(conn.fetch_orders(T0, END))
    assert len(orders) == 9
    platform_now = clock.now().timestamp()
    off = [abs(int(r.q("timestamp") or 0) - platform_now) > 300 for r in fake.log]
    assert off == [True] + [False] * (len(off) - 1)


def test_a_refused_time_the_platform_does_not_correct_asks_to_check_the_pc(
    fake: FakeTikTok, clock: VirtualClock
) -> None:
    fake.send_date = False  # e.g. a proxy that strips it: nothing to learn the time from
    pc_clock = VirtualClock(clock.now() - timedelta(minutes=10))
    with connect(fake, pc_clock) as conn, pytest.raises(ClockRejected) as caught:
        conn.test_connection()
    assert "check this computer's date, time and time zone" in caught.value.message
    assert caught.value.request_id
    assert len(fake.log) == 2  # refused, signed again once, refused: no loop


def test_fault_storm_exact_orders(clock: VirtualClock) -> None:
    fake = FakeTikTok(
        clock, FaultPlan(rate=0.2, seed=2, repeat_page=2, timeout_sleep=0.4, expire_tokens_at={7})
    )
    fake.faults.page_hooks[3] = lambda: fake.cancel("1001")
    fake.start()
    try:
        for seed in make_orders(60, T0):
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
    assert len(fake.fault_log) >= 5
    orders = collect([*first, *second])
    assert sorted(orders) == sorted(fake.orders)
    assert orders["1001"].status is OrderStatus.CANCELLED


def test_published_example_address_through_the_api(fake: FakeTikTok, clock: VirtualClock) -> None:
    """TikTok's own Get Order Detail example address (only ``L0 Country`` in
    district_info, ``""`` in unused lines) comes out with city/state/ZIP from
    ``full_address`` and ``address_detail`` kept (see tests/channels/test_tiktok_address.py)."""
    from tests.channels.test_tiktok_address import EXAMPLE_202309

    fake.add(SeedOrder("5770002", "x", T0, T0, [SeedLine("TEE", 1)]))
    fake.set_recipient("5770002", EXAMPLE_202309)
    with connect(fake, clock) as conn:
        to = collect(conn.fetch_orders(T0, END))["5770002"].order.ship_to
    assert to.address1 == "TikTok 5800 bristol Pkwy"
    assert to.address2 == "Suite 100 Unit one building 8"
    assert (to.city, to.state, to.zip, to.country) == ("San Jose", "CA", "95110", "US")
