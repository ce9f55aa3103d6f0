"""A platform order whose ZIP contradicts its state is held by the sync, not dropped or
made: the same address check as the file imports."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.db.models import ChannelOrder, Order
from app.services.sync import run_sync
from app.services.sync_env import SyncEnvironment
from app.services.sync_import import ZIP_STATE_REASON
from tests.fakes.platforms import SeedLine, SeedOrder, VirtualClock
from tests.sync.conftest import add_store
from tests.sync.harness import ShopifyHarness


def test_a_zip_outside_its_state_holds_the_platform_order(
    env: SyncEnvironment, clock: VirtualClock
) -> None:
    harness = ShopifyHarness(clock)
    try:
        now = clock.now() - timedelta(hours=1)
        harness.fake.add(SeedOrder("2001", "#2001", now, now, [SeedLine("MUG", 1)]))
        harness.fake.add(SeedOrder("2002", "#2002", now, now, [SeedLine("CUP", 1)],
                                   state="TX", state_name="Texas", zip="08817"))
        channel = add_store(env, harness)
        clock.advance(300)
        report = run_sync(env, channel)
        again = run_sync(env, channel)
    finally:
        harness.stop()
    assert report.error is None, report.error
    assert (report.counts.new, report.counts.held) == (1, 1)
    assert (again.counts.new, again.counts.held) == (0, 0)  # still held, not counted twice
    with env.db.reading() as s:
        kept = dict(s.execute(select(ChannelOrder.external_id, ChannelOrder.held_reason)).all())
        made = list(s.scalars(select(Order.number)))
    assert kept == {"2001": None, "2002": ZIP_STATE_REASON}
    assert made == ["#2001"]
