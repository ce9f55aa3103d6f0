"""Push-back of tracking and stock, and fault storms that must end with exactly the platform's
orders: no duplicates, none missing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.db.models import ChannelOrder, ChannelPush, Order
from app.domain.permissions import Actor
from app.domain.states import OrderStatus, Role
from app.services.channel_push import process_pushes
from app.services.fulfilment import pack_order, ship_order, start_picking
from app.services.push_outbox import DONE, FAILED, enqueue_stock_pushes, list_pushes, retry_push
from app.services.sync import run_sync
from app.services.sync_env import SyncEnvironment
from tests.fakes.platforms import FaultPlan, VirtualClock
from tests.sync.conftest import STORM, MemoryKeyring, add_store, make_env
from tests.sync.harness import HARNESSES, PLATFORMS, Harness, minutes

LATER = datetime(2100, 1, 1, tzinfo=UTC)  # "now" far ahead: every queued push is due


def test_shipping_pushes_tracking_and_stock_goes_out_per_mapped_sku(
    env: SyncEnvironment, harness: Harness
) -> None:
    ident = harness.seed(1, {"MUG": 2, "CUP": 1}, harness.clock.now() - timedelta(hours=1))
    channel = add_store(env, harness, buffer=5)
    harness.clock.advance(300)
    assert run_sync(env, channel).counts.new == 1
    with env.db.reading() as s:
        order_id = s.scalar(select(ChannelOrder.order_id))
    assert order_id is not None
    with env.db.writing() as s:
        start_picking(s, order_id, actor=Actor.system("test"))
        pack_order(s, order_id, actor=Actor.system("test"))
        ship_order(s, order_id, carrier="UPS", tracking_number="1Z999", actor=Actor.system("test"))
    with env.db.reading() as s:
        queued = list_pushes(s)
    assert [(p.kind, p.detail, p.status) for p in queued] == [("tracking", "UPS 1Z999",
                                                               "pending")]
    report = process_pushes(env, now=LATER)
    assert (report.sent, report.failed, report.retry_later) == (1, 0, 0), report.errors
    assert set(harness.tracking(ident)) == {"1Z999"}
    # Stock: 98 MUG left sellable (7 damaged never count) minus the buffer of 5.
    with env.db.writing() as s:
        assert enqueue_stock_pushes(s, channel) == 2
    assert process_pushes(env, now=LATER).sent == 2
    assert harness.stock("MUG") == 100 - 2 - 5 and harness.stock("CUP") == 100 - 1 - 5
    with env.db.writing() as s:  # nothing changed: nothing queued again
        assert enqueue_stock_pushes(s, channel) == 0
    # a later sync sees the order shipped on the platform: still one order, still shipped
    harness.clock.advance(300)
    assert run_sync(env, channel).error is None
    with env.db.reading() as s:
        assert s.scalar(select(Order.status).where(Order.id == order_id)) == OrderStatus.SHIPPED
        assert s.scalar(select(func.count()).select_from(Order)) == 1


def test_failed_push_is_visible_and_retried_on_request(env: SyncEnvironment) -> None:
    clock = env.clock
    assert isinstance(clock, VirtualClock)
    harness = HARNESSES["tiktok"](clock)
    try:
        ident = harness.seed(1, {"MUG": 1}, clock.now() - timedelta(hours=1))
        values = harness.values(3)
        channel = add_store(env, harness, shipping_provider_id="")  # no carrier id set
        del values
        clock.advance(300)
        assert run_sync(env, channel).counts.new == 1
        with env.db.writing() as s:
            order_id = s.scalar(select(ChannelOrder.order_id))
            assert order_id is not None
            start_picking(s, order_id, actor=Actor.system("test"))
            pack_order(s, order_id, actor=Actor.system("test"))
            ship_order(s, order_id, carrier="UPS", tracking_number="T1", actor=Actor.system("test"))
        report = process_pushes(env, now=LATER)
        assert report.failed == 1 and "shipping_provider_id" in report.errors[0]
        with env.db.reading() as s:
            failed = list_pushes(s, statuses=(FAILED,))
        assert len(failed) == 1 and failed[0].last_error
        # kept with its template, so the Channels screen shows it in the clerk's language
        template, fields = failed[0].error_template, failed[0].error_fields
        assert template is not None and template.format(**fields) == failed[0].last_error
        # the clerk fixes the setting, then presses Retry
        with env.db.writing() as s:
            from app.services.channels import ChannelEdit, channel_config, update_channel

            settings = dict(channel_config(s, channel).settings)
            settings["shipping_provider_id.UPS"] = "7117858858072016686"
            clerk = Actor("clerk", Role.CLERK)
            update_channel(s, channel, ChannelEdit(settings=settings), actor=clerk)
            retry_push(s, failed[0].id, actor=clerk)
        assert process_pushes(env, now=LATER).sent == 1
        assert harness.tracking(ident) == ["T1"]
        with env.db.reading() as s:
            assert s.scalar(select(ChannelPush.status)) == DONE
    finally:
        harness.stop()


@pytest.mark.parametrize("platform", PLATFORMS)
def test_fault_storm_ends_with_exactly_the_platform_orders(
    platform: str, world: object, clock: VirtualClock, keyring_backend: MemoryKeyring
) -> None:
    faults = FaultPlan(rate=0.2, seed=11, repeat_page=2, timeout_sleep=0.4,
                       expire_tokens_at={9, 40})
    harness = HARNESSES[platform](clock, faults)
    env = make_env(world, clock, keyring_backend, STORM)  # type: ignore[arg-type]
    try:
        start = clock.now() - timedelta(hours=6)
        ids = [harness.seed(n, {"MUG" if n % 3 else "CUP": 1}, start + minutes(n))
               for n in range(24)]
        faults.page_hooks[3] = lambda: harness.touch(ids[1], clock.now())  # during paging
        channel = add_store(env, harness, page_size=4)
        clock.advance(300)
        runs = [run_sync(env, channel) for _ in range(4)]
        harness.cancel(ids[5], clock.now())
        clock.advance(300)
        runs += [run_sync(env, channel) for _ in range(2)]
    finally:
        harness.stop()
    assert len(harness.fake.fault_log) >= 5
    assert any(r.error is None for r in runs[-2:]), [r.error for r in runs]
    with env.db.reading() as s:
        keys = s.execute(select(ChannelOrder.external_id, ChannelOrder.order_id)).all()
        orders = s.scalar(select(func.count()).select_from(Order))
        cancelled = s.scalar(select(Order.status).join(ChannelOrder,
                             ChannelOrder.order_id == Order.id)
                             .where(ChannelOrder.external_id == ids[5]))
    assert sorted(k for k, _ in keys) == sorted(ids)  # none missing, none extra
    assert len({o for _, o in keys}) == len(ids) == orders  # one order each, no duplicates
    assert cancelled == OrderStatus.CANCELLED
