"""A sync allocates each page's new orders as the warehouses' setting says, and reports it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.db.models import Order
from app.domain.states import OrderStatus
from app.services import organisation as org
from app.services.sync import run_sync
from app.services.sync_env import SyncEnvironment
from tests.fakes.platforms import VirtualClock
from tests.sync.conftest import add_store
from tests.sync.harness import ShopifyHarness, minutes
from tests.sync.test_sync_engine import warehouse_orders
from tests.world import ACTOR


@pytest.fixture
def shopify(clock: VirtualClock) -> Iterator[ShopifyHarness]:
    harness = ShopifyHarness(clock)
    yield harness
    harness.stop()


def _seed(harness: ShopifyHarness, lines: list[dict[str, int]]) -> list[str]:
    start = harness.clock.now() - timedelta(hours=3)
    return [harness.seed(n, line, start + minutes(n)) for n, line in enumerate(lines)]


def test_a_sync_reports_what_it_allocated_and_backordered(
    env: SyncEnvironment, shopify: ShopifyHarness
) -> None:
    # The world has 100 MUG and 100 CUP sellable in LA1.
    ids = _seed(shopify, [{"MUG": 60}, {"MUG": 50}, {"CUP": 1}, {"MUG": 30}])
    channel = add_store(env, shopify, page_size=2)
    shopify.clock.advance(300)
    report = run_sync(env, channel)
    assert report.error is None, report.error
    assert (report.counts.new, report.counts.allocated, report.counts.backordered) == (4, 3, 1)
    data = report.to_json()
    assert (data["allocated"], data["backordered"]) == (3, 1)
    statuses = {ext: status for ext, (status, _r, _u) in warehouse_orders(env).items()}
    assert statuses == {ids[0]: OrderStatus.ALLOCATED, ids[1]: OrderStatus.BACKORDERED,
                        ids[2]: OrderStatus.ALLOCATED, ids[3]: OrderStatus.ALLOCATED}
    with env.db.reading() as s:  # the platform gave no ship-by: the client's terms set one
        assert s.scalar(select(func.count()).where(Order.ship_by.is_(None))) == 0
        assert s.scalar(select(func.count(Order.id))) == 4


def test_with_the_setting_off_synced_orders_wait_as_new(
    env: SyncEnvironment, shopify: ShopifyHarness
) -> None:
    with env.db.writing() as s:
        for code in ("LA1", "NJ1"):
            org.update_warehouse(s, code, auto_allocate=False, actor=ACTOR)
    ids = _seed(shopify, [{"MUG": 1}, {"CUP": 1}, {"MUG": 2}])
    channel = add_store(env, shopify, page_size=2)
    shopify.clock.advance(300)
    report = run_sync(env, channel)
    assert report.error is None, report.error
    assert (report.counts.new, report.counts.allocated, report.counts.backordered) == (3, 0, 0)
    assert {ext: status for ext, (status, _r, _u) in warehouse_orders(env).items()} == {
        i: OrderStatus.NEW for i in ids}
