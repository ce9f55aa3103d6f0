"""The polling loop yields readings and errors, reconnects by itself and stops on request."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from decimal import Decimal

from app.hardware.scales import (
    Reading,
    Scale,
    ScaleDisconnected,
    ScaleError,
    ScaleMonitor,
    ScaleNotFound,
    ScaleNotResponding,
    SimulatedScale,
)
from tests.hardware.conftest import MakeFake, settings_for


def wait_until(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    """Poll ``condition`` (a bounded wait, so a broken monitor fails instead of hanging)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.01)


def test_monitor_survives_unplug_and_reconnects(make_fake: MakeFake) -> None:
    fake = make_fake("nci")
    fake.place("1.00")
    monitor = ScaleMonitor(Scale(settings_for(fake)), interval=0.01, reconnect_interval=0.05)
    seen: list[Reading | ScaleError] = []
    phase = "before"
    for event in monitor.readings():
        seen.append(event)
        if phase == "before" and isinstance(event, Reading):
            fake.disconnect()
            phase = "unplugged"
        elif phase == "unplugged" and isinstance(event, ScaleNotFound):
            fake.place("2.00")
            fake.reconnect()
            phase = "back"
        elif phase == "back" and isinstance(event, Reading):
            monitor.stop()
        assert len(seen) < 200, seen
    kinds = [type(e) for e in seen]
    assert kinds[0] is Reading
    assert ScaleDisconnected in kinds
    assert ScaleNotFound in kinds
    last = seen[-1]
    assert isinstance(last, Reading)
    assert last.raw_value == Decimal("2.00")
    assert not monitor.device.is_open  # type: ignore[attr-defined]


def test_silent_scale_is_reported_and_loop_continues(make_fake: MakeFake) -> None:
    fake = make_fake("sics", silent=True)
    monitor = ScaleMonitor(Scale(settings_for(fake)), interval=0.01, reconnect_interval=0.01)
    events = []
    for event in monitor.readings():
        events.append(event)
        if len(events) == 2:
            fake.silent = False
        if isinstance(event, Reading):
            monitor.stop()
    assert isinstance(events[0], ScaleNotResponding)
    assert isinstance(events[-1], Reading)


def test_stop_from_another_thread_ends_the_loop() -> None:
    monitor = ScaleMonitor(SimulatedScale(reply_seconds=0.001), interval=0.01)
    count = 0
    started = threading.Event()

    def stopper() -> None:
        started.wait(5)
        monitor.stop()

    thread = threading.Thread(target=stopper)
    thread.start()
    for event in monitor.readings():
        assert isinstance(event, Reading)
        count += 1
        started.set()
    thread.join(5)
    assert monitor.stopping
    assert count >= 1


def test_poll_returns_errors_instead_of_raising() -> None:
    scale = SimulatedScale(reply_seconds=0)
    scale.unplug()
    assert isinstance(ScaleMonitor(scale, read_timeout=0.01).poll(), ScaleNotResponding)


def test_zero_from_another_thread_while_the_monitor_polls(make_fake: MakeFake) -> None:
    fake = make_fake("sics")
    fake.place("0.03")
    scale = Scale(settings_for(fake))
    monitor = ScaleMonitor(scale, interval=0.0)
    events: list[Reading | ScaleError] = []
    errors: list[ScaleError] = []

    def run() -> None:
        for event in monitor.readings():
            events.append(event)

    thread = threading.Thread(target=run)
    thread.start()
    try:
        wait_until(lambda: len(events) >= 3)
        try:
            scale.zero()
        except ScaleError as error:
            errors.append(error)
        count = len(events)
        wait_until(lambda: len(events) >= count + 3)
    finally:
        monitor.stop()
        thread.join(5)
    assert errors == []
    assert fake.zeroed == 1
    assert all(isinstance(e, Reading) for e in events), events
    last = events[-1]
    assert isinstance(last, Reading) and last.weight_g == 0
