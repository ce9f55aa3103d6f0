"""The Channels screen with a sync running on the real background thread."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.bootstrap import AppContext
from app.db.models import ChannelOrder
from app.domain.permissions import Actor
from app.domain.states import Role
from app.secrets import SecretStore
from app.services.sync import SyncReport, run_sync
from app.services.sync_env import SyncEnvironment
from app.services.users import create_user
from app.settings import StationSettings
from app.ui.devices.sync_scheduler import SyncScheduler
from app.ui.i18n import install_translators
from app.ui.pages.base import PageContext
from app.ui.pages.channels import ChannelsPage
from app.ui.widgets.sync_status import SyncStatusWidget
from tests.fakes.platforms import VirtualClock
from tests.sync.conftest import add_store
from tests.sync.harness import ShopifyHarness, minutes
from tests.ui.inline_tasks import InlineTaskRunner


@pytest.fixture
def page_parts(env: SyncEnvironment, tmp_path: Path, qtbot: QtBot):  # type: ignore[no-untyped-def]
    with env.db.writing() as s:
        user = create_user(s, "clerk1", "secret-pass-1", Role.ADMIN, actor=Actor.system("test"))
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
        # map the SKU from the screen the way a scanner types: code, Enter, code, Enter
        page.platform_sku_edit.setFocus()
        qtbot.keyClicks(page.platform_sku_edit, "ODD-SKU")
        qtbot.keyClick(page.platform_sku_edit, Qt.Key.Key_Return)
        assert page.sku_edit.hasFocus()
        qtbot.keyClicks(page.sku_edit, "CUP")
        qtbot.keyClick(page.sku_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.channels_model.rows[0].held_orders == 0)
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


def test_keyring_note_says_where_secrets_go_only_when_there_is_no_keyring(
    env: SyncEnvironment, tmp_path: Path, qtbot: QtBot, page_parts,  # type: ignore[no-untyped-def]
) -> None:
    ctx, with_keyring = page_parts
    file = tmp_path / "channel-secrets.json"
    without = SyncScheduler(SyncEnvironment(env.db, SecretStore(fail.Keyring(), file),
                                            env.limiter, env.clock), tick_seconds=3600)
    pages = [ChannelsPage(ctx, with_keyring), ChannelsPage(ctx, without)]
    for page in pages:
        qtbot.addWidget(page)
        page.show()
    assert not pages[0].keyring_note.isVisible()
    assert pages[1].keyring_note.isVisible() and str(file) in pages[1].keyring_note.text()


def test_a_stored_sync_error_reads_in_chinese_on_another_pc(
    env: SyncEnvironment, clock: VirtualClock, qtbot: QtBot, qapp,  # type: ignore[no-untyped-def]
    page_parts,  # type: ignore[no-untyped-def]
) -> None:
    ctx, scheduler = page_parts
    harness = ShopifyHarness(clock)
    try:
        channel = add_store(env, harness, name="Acme Shopify", access_token="shpat_revoked")
        report = run_sync(env, channel)  # e.g. the back-office PC's scheduler, in English
    finally:
        harness.stop()
    assert report.failed and "rejected the credentials" in (report.error or "")
    install_translators(qapp, "zh_CN")
    try:
        page = ChannelsPage(ctx, scheduler)  # this PC never saw the report, only the row
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.channels_model.rowCount() == 1)
        shown = page.error_label.text()
        model = page.channels_model
        last = model.columnCount() - 1
        header = model.headerData(last, Qt.Orientation.Horizontal)
        cell = model.index(0, last).data()
    finally:
        install_translators(qapp, "en")
    assert _has_cjk(shown) and "Acme Shopify" in shown and "rejected" not in shown
    assert header == "最近错误" and _has_cjk(cell) and "rejected" not in cell


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
