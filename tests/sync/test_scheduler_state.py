"""The sync scheduler tells the GUI its state in frozen snapshots, and stops without a trace."""

from __future__ import annotations

import dataclasses
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.bootstrap import AppContext
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services.sync_env import SyncEnvironment
from app.services.users import create_user
from app.settings import StationSettings
from app.ui.devices.sync_scheduler import SyncScheduler, SyncState
from app.ui.pages.base import PageContext
from app.ui.pages.channels import ChannelsPage
from tests.fakes.platforms import VirtualClock
from tests.sync.conftest import add_store
from tests.sync.harness import ShopifyHarness, minutes
from tests.ui.inline_tasks import InlineTaskRunner


def test_state_arrives_as_frozen_snapshots_and_the_page_follows_them(
        env: SyncEnvironment, clock: VirtualClock, qtbot: QtBot, tmp_path: Path) -> None:
    with env.db.writing() as s:
        user = create_user(s, "admin1", "secret-pass-1", Role.ADMIN, actor=Actor.system("t"))
    ctx = PageContext(AppContext(StationSettings(), env.db), InlineTaskRunner(env.db), user,
                      QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    harness = ShopifyHarness(clock)
    before = set(threading.enumerate())
    scheduler = SyncScheduler(env, tick_seconds=3600)
    try:
        for n in range(4):
            harness.seed(n, {"MUG": 1}, clock.now() - timedelta(hours=2) + minutes(n))
        channel = add_store(env, harness, page_size=2, name="Acme Shopify")
        page = ChannelsPage(ctx, scheduler)
        qtbot.addWidget(page)
        states: list[SyncState] = []
        scheduler.state_changed.connect(states.append)

        scheduler.sync_now(channel)  # not started yet: it waits in the queue
        assert scheduler.state.is_queued(channel)
        state_column = 3
        assert page.channels_model.index(0, state_column).data() == "queued"
        with pytest.raises(dataclasses.FrozenInstanceError):
            scheduler.state.running = 1  # type: ignore[misc]

        with qtbot.waitSignal(scheduler.sync_finished, timeout=30_000):
            scheduler.start()
        qtbot.waitUntil(lambda: channel in scheduler.state.reports, timeout=10_000)
        assert any(s.running == channel for s in states)  # "syncing" was shown meanwhile
        final = scheduler.state
        assert final.running is None and not final.queued
        assert final.reports[channel].counts.new == 4
        assert [s.version for s in states] == sorted(s.version for s in states)
        # Nothing the GUI could read without a lock is left on the scheduler.
        for name in ("running_channel", "last_reports", "last_progress"):
            assert not hasattr(scheduler, name)
    finally:
        assert scheduler.stop(timeout=10)
        harness.stop()
    assert set(threading.enumerate()) - before == set()
    seen = len(states)
    scheduler.sync_now(channel)  # after stop: nothing is emitted any more
    QApplication.processEvents()
    assert len(states) == seen
