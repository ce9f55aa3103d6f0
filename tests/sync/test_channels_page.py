"""The Channels screen with a sync running on the real background thread."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.bootstrap import AppContext
from app.db.models import ChannelOrder
from app.domain.states import Role
from app.services.sync import SyncEnvironment, SyncReport
from app.services.users import create_user
from app.settings import StationSettings
from app.ui.devices.sync_scheduler import SyncScheduler
from app.ui.pages.base import PageContext
from app.ui.pages.channels import ChannelsPage
from app.ui.tasks import InlineTaskRunner
from app.ui.widgets.sync_status import SyncStatusWidget
from tests.fakes.platforms import VirtualClock
from tests.sync.conftest import add_store
from tests.sync.harness import ShopifyHarness, minutes


@pytest.fixture
def page_parts(env: SyncEnvironment, tmp_path: Path, qtbot: QtBot):  # type: ignore[no-untyped-def]
    with env.db.writing() as s:
        user = create_user(s, "clerk1", "secret-pass-1", Role.ADMIN, actor="test")
    runner = InlineTaskRunner(env.db)
    ctx = PageContext(AppContext(StationSettings(), env.db), runner, user,
                      QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    scheduler = SyncScheduler(env, tick_seconds=3600)
    yield ctx, scheduler
    scheduler.stop()


def test_sync_now_runs_on_the_background_thread_and_the_screen_follows(
    env: SyncEnvironment, clock: VirtualClock, qtbot: QtBot, qtmodeltester,  # type: ignore[no-untyped-def]
    page_parts,  # type: ignore[no-untyped-def]
) -> None:
    ctx, scheduler = page_parts
    harness = ShopifyHarness(clock)
    try:
        for n in range(12):
            harness.seed(n, {"MUG": 1}, clock.now() - timedelta(hours=2) + minutes(n))
        harness.seed(40, {"ODD-SKU": 1}, clock.now() - timedelta(hours=1))
        channel = add_store(env, harness, page_size=3, name="Acme Shopify")
        clock.advance(300)
        page = ChannelsPage(ctx, scheduler)
        status = SyncStatusWidget(scheduler)
        qtbot.addWidget(page)
        qtbot.addWidget(status)
        page.resize(1366, 700)
        page.show()
        qtmodeltester.check(page.channels_model)
        assert page.channels_model.rowCount() == 1
        assert page.current_channel() is not None and page.sync_button.isEnabled()
        scheduler.start()
        with qtbot.waitSignal(scheduler.sync_finished, timeout=30_000) as finished:
            qtbot.mouseClick(page.sync_button, _left())
        report: SyncReport = finished.args[0]
        assert report.error is None and report.counts.new == 12 and report.counts.held == 1
        qtbot.waitUntil(lambda: page.channels_model.rows[0].last_sync_at is not None)
        assert "Sync: OK" in status.text()
        assert page.channels_model.rows[0].held_orders == 1
        qtbot.waitUntil(lambda: "ODD-SKU" in page.unmapped_label.text())
        # map the SKU from the screen: the held order is released
        page.platform_sku_edit.setText("ODD-SKU")
        page.sku_edit.setText("CUP")
        qtbot.mouseClick(page.map_button, _left())
        qtmodeltester.check(page.mappings_model)
        with env.db.reading() as s:
            made = s.scalar(select(func.count()).select_from(ChannelOrder)
                            .where(ChannelOrder.order_id.is_not(None)))
        assert made == 13
        assert page.channels_model.rows[0].held_orders == 0
        del channel
    finally:
        scheduler.stop()
        harness.stop()


def test_cancel_stops_a_slow_sync_while_the_window_keeps_responding(
    env: SyncEnvironment, clock: VirtualClock, qtbot: QtBot, page_parts,  # type: ignore[no-untyped-def]
) -> None:
    import time

    from tests.sync.test_leases_and_processes import SlowShopify

    ctx, scheduler = page_parts
    fake = SlowShopify(clock, bucket=(1000.0, 1000.0))
    fake.delay = 0.3
    harness = ShopifyHarness.__new__(ShopifyHarness)
    harness.clock, harness.fake = clock, fake.start()
    try:
        for n in range(30):
            harness.seed(n, {"MUG": 1}, clock.now() - timedelta(hours=2) + minutes(n))
        add_store(env, harness, page_size=2)
        clock.advance(300)
        page = ChannelsPage(ctx, scheduler)
        qtbot.addWidget(page)
        page.show()
        scheduler.start()
        with qtbot.waitSignal(scheduler.progress, timeout=30_000):
            page.sync_button.click()
        ticks = 0
        started = time.monotonic()
        while time.monotonic() - started < 0.5:  # the GUI thread keeps processing events
            qtbot.wait(20)
            ticks += 1
        assert ticks >= 5 and page.cancel_button.isEnabled()
        assert "page" in page.progress_label.text()
        with qtbot.waitSignal(scheduler.sync_finished, timeout=30_000) as finished:
            page.cancel_button.click()
        report: SyncReport = finished.args[0]
        assert report.cancelled_by_user and 0 < report.counts.new < 30
    finally:
        scheduler.stop()
        fake.stop()


def _left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
