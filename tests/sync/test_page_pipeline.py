"""The engine writes page N while it fetches page N+1: what is committed, and when, when
something stops the run between the two."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select, text, update

from app.db.models import Channel, ChannelCursor, ChannelOrder, Order, SyncLease
from app.services.run import run_write
from app.services.sync import DATABASE_ERROR, SyncProgress, run_sync
from app.services.sync_env import SyncEnvironment
from app.services.sync_leases import release_lease
from tests.fakes.platforms import FaultPlan, VirtualClock
from tests.sync.conftest import add_store
from tests.sync.harness import Harness, ShopifyHarness, minutes

OTHER_PC = "packstation-2/4242/abcd"


def _external_ids(env: SyncEnvironment) -> list[str]:
    with env.db.reading() as s:
        return sorted(s.scalars(select(ChannelOrder.external_id)))


def _cursor(env: SyncEnvironment, channel: int) -> ChannelCursor:
    with env.db.reading() as s:
        row = s.get(ChannelCursor, (channel, "orders"))
        assert row is not None
        s.expunge(row)
        return row


def test_lease_taken_over_between_pages_keeps_what_was_committed_and_writes_no_more(
    env: SyncEnvironment, harness: Harness
) -> None:
    start = harness.clock.now() - timedelta(hours=5)
    ids = [harness.seed(n, {"MUG": 1}, start + minutes(n)) for n in range(7)]
    channel = add_store(env, harness, page_size=3)
    harness.clock.advance(300)
    seen: list[SyncProgress] = []

    def take_over(progress: SyncProgress) -> None:
        # Another PC takes the store over once the first page is committed; the second
        # page, fetched meanwhile, must not be written beside it.
        seen.append(progress)
        if progress.pages == 1:
            with env.db.writing() as s:
                s.execute(update(SyncLease).where(SyncLease.channel_id == channel)
                          .values(holder=OTHER_PC))

    report = run_sync(env, channel, progress=take_over)
    assert report.failed and "another computer" in (report.error or "")
    assert [p.pages for p in seen] == [1] and report.pages == 1
    assert _external_ids(env) == sorted(ids[:3])
    assert _cursor(env, channel).pages_done == 1

    run_write(env.db, release_lease, channel, OTHER_PC)
    resumed = run_sync(env, channel)
    assert resumed.error is None, resumed.error
    assert _external_ids(env) == sorted(ids)
    with env.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == len(ids)


def test_platform_failing_after_a_page_keeps_that_page_and_the_next_run_resumes_after_it(
    env: SyncEnvironment, clock: VirtualClock
) -> None:
    faults = FaultPlan(kinds=("500",))
    harness = ShopifyHarness(clock, faults)
    try:
        start = clock.now() - timedelta(hours=5)
        ids = [harness.seed(n, {"CUP": 1}, start + minutes(n)) for n in range(7)]
        # Once page 1 is served, every further request fails: the page-2 fetch gives up
        # while page 1 may still be being written.
        faults.page_hooks[1] = lambda: setattr(faults, "rate", 1.0)
        channel = add_store(env, harness, page_size=3)
        clock.advance(300)
        failed = run_sync(env, channel)
        assert failed.failed and failed.pages == 1 and failed.counts.new == 3
        assert _external_ids(env) == sorted(ids[:3])
        cursor = _cursor(env, channel)
        assert cursor.pages_done == 1 and cursor.page_cursor is not None

        faults.rate = 0.0
        resumed = run_sync(env, channel)
    finally:
        harness.stop()
    assert resumed.error is None, resumed.error
    assert (resumed.pages, resumed.counts.new) == (2, 4)  # pages 2 and 3 only
    assert _external_ids(env) == sorted(ids)


def test_database_failing_between_pages_is_reported_and_keeps_the_committed_page(
    env: SyncEnvironment, clock: VirtualClock
) -> None:
    harness = ShopifyHarness(clock)
    try:
        start = clock.now() - timedelta(hours=5)
        ids = [harness.seed(n, {"MUG": 1}, start + minutes(n)) for n in range(7)]
        channel = add_store(env, harness, page_size=3)
        clock.advance(300)

        def break_database(progress: SyncProgress) -> None:
            # After page 1 is committed, the table the next page's cursor goes to is gone
            # (standing in for a server that went away): the write fails for real.
            if progress.pages == 1:
                with env.db.writing() as s:
                    s.execute(text("DROP TABLE channel_cursors"))

        report = run_sync(env, channel, progress=break_database)
    finally:
        harness.stop()
    assert report.failed and report.pages == 1
    assert report.error_template == DATABASE_ERROR and "Database error" in (report.error or "")
    assert _external_ids(env) == sorted(ids[:3])  # page 1 kept, nothing of page 2
    with env.db.reading() as s:
        assert s.scalar(select(Channel.last_error)) == report.error  # shown on the screen
