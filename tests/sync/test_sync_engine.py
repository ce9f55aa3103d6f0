"""Every connector through the same sync engine, against its fake, on real databases."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.db.models import ChannelOrder, Order, OrderLine, Sku
from app.domain.permissions import Actor
from app.domain.states import OrderStatus
from app.services.fulfilment import pack_order, start_picking
from app.services.sync import run_sync
from app.services.sync_env import SyncEnvironment
from app.services.sync_import import INTERCEPT_REASON, NUMBER_TAKEN_REASON
from tests.fakes.platforms import SeedLine, SeedOrder, VirtualClock
from tests.sync.conftest import add_store
from tests.sync.harness import Harness, ShopifyHarness, minutes
from tests.world import place_order


def warehouse_orders(env: SyncEnvironment) -> dict[str, tuple[str, str | None, int]]:
    """external id -> (status, hold reason, units) of the orders the sync made."""
    with env.db.reading() as s:
        rows = s.execute(
            select(ChannelOrder.external_id, Order.status, Order.hold_reason,
                   func.sum(OrderLine.quantity))
            .join(Order, Order.id == ChannelOrder.order_id)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .group_by(ChannelOrder.external_id, Order.status, Order.hold_reason)
        ).all()
    return {ext: (status, reason, int(units)) for ext, status, reason, units in rows}


def order_id_of(env: SyncEnvironment, external_id: str) -> int:
    with env.db.reading() as s:
        found = s.scalar(select(ChannelOrder.order_id)
                         .where(ChannelOrder.external_id == external_id))
    assert found is not None
    return found


def test_full_then_incremental_sync_is_idempotent(env: SyncEnvironment, harness: Harness) -> None:
    now = harness.clock.now()
    ids = [harness.seed(n, {"MUG": 1 + n % 2, "CUP": 1}, now - timedelta(hours=5) + minutes(n))
           for n in range(7)]
    channel = add_store(env, harness)
    harness.clock.advance(300)
    first = run_sync(env, channel)
    assert first.error is None, first.error
    assert (first.counts.new, first.counts.updated, first.pages) == (7, 0, 3)
    orders = warehouse_orders(env)
    assert sorted(orders) == sorted(ids)
    assert all(status == OrderStatus.ALLOCATED for status, _, _ in orders.values())
    assert orders[ids[1]][2] == 3  # MUG x2 + CUP x1

    again = run_sync(env, channel)  # nothing changed: the overlap re-reads, nothing moves
    assert again.error is None and again.counts.new == 0 and again.counts.updated == 0
    assert warehouse_orders(env) == orders

    harness.clock.advance(600)
    late = harness.seed(20, {"CUP": 2}, harness.clock.now())
    harness.touch(ids[0], harness.clock.now())
    harness.clock.advance(300)
    third = run_sync(env, channel)
    assert third.error is None, third.error
    # the touch changed nothing the warehouse uses: seen, not counted as an update
    assert (third.counts.new, third.counts.updated) == (1, 0)
    assert set(warehouse_orders(env)) == {*ids, late}
    with env.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 8


def test_cancellation_before_and_after_picking(env: SyncEnvironment, harness: Harness) -> None:
    now = harness.clock.now() - timedelta(hours=2)
    early = harness.seed(1, {"MUG": 2}, now)
    late = harness.seed(2, {"CUP": 1}, now + minutes(1))
    channel = add_store(env, harness)
    harness.clock.advance(300)
    assert run_sync(env, channel).counts.new == 2
    picked = order_id_of(env, late)
    with env.db.writing() as s:
        start_picking(s, picked, actor=Actor.system("test"))
        pack_order(s, picked, actor=Actor.system("test"))
    harness.clock.advance(60)
    harness.cancel(early, harness.clock.now())
    harness.cancel(late, harness.clock.now())
    harness.clock.advance(300)
    report = run_sync(env, channel)
    assert report.error is None, report.error
    assert (report.counts.cancelled, report.counts.held) == (1, 1)
    orders = warehouse_orders(env)
    assert orders[early][0] == OrderStatus.CANCELLED
    assert orders[late][:2] == (OrderStatus.ON_HOLD, INTERCEPT_REASON)
    with env.db.reading() as s:  # the cancelled order's two mugs are free again
        from app.services.inventory import stock_by_sku

        mug = next(iter(stock_by_sku(s, sku_code="MUG", client_code="ACME")))
    assert mug.reserved == 0 and mug.available == 100


def test_unmapped_sku_is_held_then_released_by_mapping(
    env: SyncEnvironment, harness: Harness
) -> None:
    from app.services.channels import list_channels
    from app.services.sku_mappings import map_sku, unmapped_skus

    now = harness.clock.now() - timedelta(hours=1)
    odd = harness.seed(1, {"SELLER-MUG-RED": 1, "CUP": 1}, now)
    fine = harness.seed(2, {"CUP": 1}, now + minutes(1))
    channel = add_store(env, harness)
    harness.clock.advance(300)
    report = run_sync(env, channel)
    assert (report.counts.new, report.counts.held) == (1, 1)
    assert set(warehouse_orders(env)) == {fine}
    with env.db.reading() as s:
        assert [(u.platform_sku, u.orders) for u in unmapped_skus(s, channel)] == [
            ("SELLER-MUG-RED", 1)]
        assert list_channels(s)[0].held_orders == 1
    assert run_sync(env, channel).counts.held == 0  # still held, not counted twice
    with env.db.writing() as s:
        result = map_sku(s, channel, "SELLER-MUG-RED", "MUG", actor=Actor.system("test"))
    assert len(result.released_orders) == 1
    orders = warehouse_orders(env)
    assert set(orders) == {odd, fine} and orders[odd] == (OrderStatus.ALLOCATED, None, 2)
    with env.db.reading() as s:
        skus = Counter(s.scalars(select(Sku.code).join(OrderLine, OrderLine.sku_id == Sku.id)
                                 .where(OrderLine.order_id == order_id_of(env, odd))))
        assert skus == Counter({"MUG": 1, "CUP": 1})
        assert unmapped_skus(s, channel) == []


def test_numbers_the_client_already_uses_get_the_store_prefix_or_hold_the_order(
    env: SyncEnvironment, clock: VirtualClock
) -> None:
    """Before, the last case stopped the store's sync for good (a unique-constraint
    failure on every run of that page)."""
    harness = ShopifyHarness(clock)
    try:
        now = clock.now() - timedelta(hours=1)
        ids = [harness.seed(n, {"CUP": 1}, now + minutes(n)) for n in range(4)]
        # e.g. a file import or another store already has these numbers for ACME
        for number in ("#1000", "#1001", "shopify-store-#1001",
                       "#1002", "shopify-store-#1002", "shopify-store-1002"):
            place_order(env.db, number, {"CUP": 1})
        channel = add_store(env, harness)
        clock.advance(300)
        report = run_sync(env, channel)
    finally:
        harness.stop()
    assert report.error is None, report.error
    assert (report.counts.new, report.counts.held) == (3, 1)
    with env.db.reading() as s:
        made = dict(s.execute(select(ChannelOrder.external_id, Order.number)
                              .join(Order, Order.id == ChannelOrder.order_id)).all())
        held = s.execute(select(ChannelOrder.external_id, ChannelOrder.held_reason)
                         .where(ChannelOrder.order_id.is_(None))).all()
    assert made == {ids[0]: "shopify-store-#1000", ids[1]: "shopify-store-1001",
                    ids[3]: "#1003"}
    assert held == [(ids[2], NUMBER_TAKEN_REASON)]  # every variant taken: held, not stuck


def test_gift_cards_and_shipping_protection_are_not_picked_or_held(
    env: SyncEnvironment, clock: VirtualClock
) -> None:
    """Lines Shopify marks as not requiring shipping never reach the warehouse: an order
    of them alone is remembered but not made, and none is held for an unmapped SKU."""
    harness = ShopifyHarness(clock)
    try:
        now = clock.now() - timedelta(hours=1)
        mixed = "1001"
        harness.fake.add(SeedOrder(mixed, "#1001", now, now, [
            SeedLine("MUG", 1), SeedLine("ROUTE-PROTECTION", 1, Decimal("2.95"), ships=False)]))
        harness.fake.add(SeedOrder("1002", "#1002", now, now,
                                   [SeedLine("GIFT-CARD-50", 1, ships=False)]))
        channel = add_store(env, harness)
        clock.advance(300)
        report = run_sync(env, channel)
        again = run_sync(env, channel)
    finally:
        harness.stop()
    assert report.error is None, report.error
    assert (report.counts.fetched, report.counts.new, report.counts.held) == (2, 1, 0)
    assert (again.counts.new, again.counts.held, again.counts.updated) == (0, 0, 0)
    assert warehouse_orders(env) == {mixed: (OrderStatus.ALLOCATED, None, 1)}
    with env.db.reading() as s:
        kept = s.execute(select(ChannelOrder.external_id, ChannelOrder.order_id,
                                ChannelOrder.held_reason)
                         .where(ChannelOrder.external_id == "1002")).all()
    assert kept == [("1002", None, None)]


def test_a_bug_mid_sync_ends_in_a_failed_report_the_store_row_keeps(
    env: SyncEnvironment, clock: VirtualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, an unexpected exception escaped run_sync after it had recorded the run as
    fine: the Channels screen showed the store as OK."""
    from app.services import sync
    from app.services.channels import list_channels

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    harness = ShopifyHarness(clock)
    try:
        harness.seed(1, {"CUP": 1}, clock.now() - timedelta(hours=1))
        channel = add_store(env, harness)
        clock.advance(300)
        with monkeypatch.context() as patch:
            patch.setattr(sync, "import_orders", broken)  # stands in for a bug in our code
            report = run_sync(env, channel)
        with env.db.reading() as s:
            stored = list_channels(s)[0]
        again = run_sync(env, channel)
    finally:
        harness.stop()
    assert report.failed and report.error == "Unexpected error: RuntimeError: boom"
    assert stored.last_error == report.error
    assert stored.error_template == "Unexpected error: {detail}"
    assert again.error is None and again.counts.new == 1  # the lease was released
