"""The background tracking job: a pass runs on its own thread against the fake EasyPost,
its report reaches the GUI thread as a signal, and stop() ends the thread (issue #18)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.engine import Database
from app.db.models import CarrierAccount, Order
from app.domain.states import OrderStatus
from app.services.tracking import TrackingReport
from app.ui.devices.tracking_scheduler import TrackingScheduler
from tests.fakes.carriers.easypost import FakeEasyPost
from tests.fakes.platforms.clock import VirtualClock
from tests.services.handover_world import build_handover_world
from tests.services.test_tracking import HANDOVER, handed_over, opener


@pytest.fixture
def fake() -> Iterator[FakeEasyPost]:
    server = FakeEasyPost(VirtualClock(HANDOVER), timeout_sleep=0.8).start()
    yield server
    server.stop()


def test_a_background_pass_moves_orders_and_reports_to_the_gui(qtbot: QtBot, db: Database,
                                                               fake: FakeEasyPost) -> None:
    build_handover_world(db)
    with db.writing() as s:
        s.add(CarrierAccount(provider="easypost", name="EP", mode="test", settings="{}",
                             secret_ref="ref-ep"))
    handed_over(db, "USPS", {"SO-1": ("9400101",)})
    fake.script_tracking("9400101", ["in_transit"])
    scheduler = TrackingScheduler(db, opener(fake, fake.clock), interval_seconds=3600,
                                  no_scan_days=2, first_delay=0)
    reports: list[TrackingReport] = []
    scheduler.finished.connect(reports.append)
    with qtbot.waitSignal(scheduler.finished, timeout=60_000):
        scheduler.start()
    assert scheduler.stop(timeout=30)
    assert reports[0].parcels_polled == 1 and reports[0].orders_in_transit == ("SO-1",)
    with db.reading() as s:
        assert s.scalar(select(Order.status)) == OrderStatus.IN_TRANSIT
