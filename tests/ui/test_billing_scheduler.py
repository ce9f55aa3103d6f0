"""The nightly billing job on an office PC: a pass on its own thread charges the ended
days on the real database and reports to the GUI; a failing pass does not end the
thread; stop() ends it; only office PCs with ``billing_auto`` on run it; the lines it
writes reload the open Billing screen, whose "charged through" note says how far it got."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.bootstrap import AppContext
from app.db.engine import Database
from app.db.models import BillingRun, Charge
from app.domain.states import Role
from app.services import billing_accrual
from app.services.billing_accrual import AccrualResult
from app.services.changes import Changes
from app.settings import StationSettings
from app.ui.devices import billing_scheduler
from app.ui.devices.billing_scheduler import (
    BillingScheduler,
    changes_of,
    start_billing_scheduler,
)
from app.ui.pages.billing import BillingPage
from tests.services.billing_world import date_last_receipt, set_card, set_dims
from tests.ui.conftest import make_user
from tests.ui.inline_tasks import InlineTaskRunner
from tests.world import build_world, receive


def _yesterday() -> date:
    return datetime.now(UTC).date() - timedelta(days=1)


@pytest.fixture
def world(db: Database) -> Database:
    """ACME with a rate card and 1000 mugs held since 100 days ago: storage every day."""
    build_world(db)
    set_card(db)
    set_dims(db, "MUG", (100, 100, 100))
    receive(db, "MUG", 1000)
    date_last_receipt(db, _yesterday() - timedelta(days=100))
    return db


def test_a_pass_charges_yesterday_then_finds_nothing_due(qtbot: QtBot, world: Database) -> None:
    scheduler = BillingScheduler(world, interval_seconds=3600, first_delay=0)
    results: list[AccrualResult | None] = []
    scheduler.finished.connect(results.append)
    with qtbot.waitSignal(scheduler.finished, timeout=60_000):
        scheduler.start()
    with qtbot.waitSignal(scheduler.finished, timeout=60_000):
        scheduler.update_now()  # the next hour: every ended day is charged
    assert scheduler.stop(timeout=30)
    first, second = results
    assert first is not None and (first.day, first.through) == (_yesterday(), _yesterday())
    assert first.charges == 1 and first.snapshots == 1 and first.amount > 0
    assert second is None
    with world.reading() as s:
        assert s.execute(select(Charge.kind, Charge.charge_date, Charge.created_by)).all() == [
            ("storage", _yesterday(), "billing")]
        assert s.execute(select(BillingRun.day, BillingRun.ran_by)).all() == [
            (_yesterday(), "billing")]


def test_a_failing_pass_is_logged_and_the_next_one_runs(
        qtbot: QtBot, world: Database, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    calls: list[date] = []

    def flaky(session: Any, *, today: date, actor: Any) -> AccrualResult | None:
        calls.append(today)
        if len(calls) == 1:
            raise RuntimeError("the database went away")
        return billing_accrual.accrue_due(session, today=today, actor=actor)

    monkeypatch.setattr(billing_scheduler, "accrue_due", flaky)
    scheduler = BillingScheduler(world, interval_seconds=0.05, first_delay=0)
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(scheduler.finished,
                                                          timeout=60_000) as signal:
        scheduler.start()
    assert scheduler.stop(timeout=30)
    assert len(calls) >= 2 and "billing pass failed" in caplog.text
    assert isinstance(signal.args[0], AccrualResult) and signal.args[0].charges == 1


def test_stop_ends_the_thread_before_its_first_pass(qtbot: QtBot, db: Database) -> None:
    scheduler = BillingScheduler(db, first_delay=3600)
    results: list[object] = []
    scheduler.finished.connect(results.append)
    scheduler.start()
    assert scheduler.stop(timeout=5)  # woken at once, not after the hour
    qtbot.wait(50)
    assert results == []
    with db.reading() as s:
        assert s.scalar(select(BillingRun.day)) is None


@pytest.mark.parametrize(("settings", "runs"), [
    (StationSettings(), True),
    (StationSettings(billing_auto=False), False),
    (StationSettings(mode="pack"), False),
    (StationSettings(mode="handover"), False),
])
def test_only_an_office_pc_with_billing_auto_runs_the_job(
        db: Database, settings: StationSettings, runs: bool) -> None:
    scheduler = start_billing_scheduler(AppContext(settings, db))
    assert (scheduler is not None) == runs
    if scheduler is not None:
        assert scheduler.stop(timeout=5)


def test_changes_when_days_were_charged() -> None:
    day = date(2026, 11, 2)
    assert changes_of(None) == Changes.NONE
    # a quiet day wrote no lines but is charged: "charged through" moves on
    assert changes_of(AccrualResult(day, 0, billing_accrual.ZERO, 0)) == Changes.BILLING
    assert changes_of(AccrualResult(day, 3, billing_accrual.ZERO, 1)) == Changes.BILLING


def test_the_open_billing_screen_shows_the_nightly_run(qtbot: QtBot, world: Database) -> None:
    """The app's own wiring: the session starts the job, its pass reloads the screen."""
    from app.ui.app import AppController, shell_info
    from app.ui.main_window import MainWindow

    user = make_user(world, "ann", Role.ADMIN)
    settings = StationSettings(station_name="OFFICE-1", tracking_minutes=0)
    window = MainWindow(shell_info(settings, world.url))
    qtbot.addWidget(window)
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    controller = AppController(qt_app, window, settings, world.url)
    controller.context = AppContext(settings, world)
    controller.tasks = InlineTaskRunner(world)
    try:
        controller._start_session(user)
        assert controller.billing is not None and controller.tracking is None
        page = window.show_page("billing")
        assert isinstance(page, BillingPage)
        assert page.charged_through.text() == "The nightly billing job has not run yet"
        page.month.setText(_yesterday().strftime("%Y-%m"))  # on the 1st, last month's
        page.reload()
        controller.billing.update_now()
        qtbot.waitUntil(lambda: page.charges.rowCount() == 1, timeout=60_000)
        assert page.charged_through.text() == (
            f"Charged through {_yesterday().isoformat()} (each night on an office PC)")
    finally:
        controller._stop_devices()
        controller._stop_sync()
        controller.window.end_session()
    assert controller.billing is None


def test_settings_start_and_stop_the_job(qtbot: QtBot, db: Database,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Turning ``billing_auto`` off in Settings stops the job at once, on starts it: not
    only at the next sign-in."""
    from app.ui.app import AppController, shell_info
    from app.ui.dialogs.settings_dialog import SettingsDialog
    from app.ui.main_window import MainWindow

    user = make_user(db, "ann", Role.ADMIN)
    settings = StationSettings(station_name="OFFICE-1", tracking_minutes=0)
    window = MainWindow(shell_info(settings, db.url))
    qtbot.addWidget(window)
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    controller = AppController(qt_app, window, settings, db.url)
    controller.context = AppContext(settings, db)
    controller.tasks = InlineTaskRunner(db)
    chosen = [settings.with_changes(billing_auto=False), settings]
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: SettingsDialog.DialogCode.Accepted)
    monkeypatch.setattr(SettingsDialog, "result_settings", lambda self: chosen.pop(0))
    try:
        controller._start_session(user)
        first = controller.billing
        assert first is not None
        controller._on_window_settings_requested()  # billing_auto off
        assert controller.billing is None
        controller._on_window_settings_requested()  # on again
        assert controller.billing is not None and controller.billing is not first
    finally:
        controller._stop_devices()
        controller._stop_sync()
        controller.window.end_session()
