"""The live weight widget and status bar, fed by the real ScaleWorker on a task-runner lane.

The simulated scale stands in for the hardware (it settles after motion, overloads and can be
unplugged); the runner's lane thread, its delivery to the GUI thread and the worker's reconnect
loop are the real ones, and silent scales are real ptys.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.hardware.scales import (
    NoisyLine,
    Reading,
    ScaleCommandRejected,
    ScaleDevice,
    ScaleError,
    ScaleNotResponding,
    ScaleSettings,
    SimulatedScale,
    create_scale,
    format_weight,
)
from app.settings import StationSettings
from app.ui.devices.scale import (
    SCALE_LANE,
    ScaleState,
    ScaleWorker,
    scale_operations,
    start_scale,
)
from app.ui.tasks import TaskRunner
from app.ui.widgets.scale_status import ScaleStatusWidget
from app.ui.widgets.weight_display import DASHES, WeightDisplay, WeightState
from tests.scale_app.conftest import MakeFake, settings_for

WAIT_MS = 5000
SETTINGS = ScaleSettings(port="simulated", protocol="simulated", timeout=0.2)


@pytest.fixture
def scale() -> SimulatedScale:
    return SimulatedScale(SETTINGS, settle_seconds=0.4, reply_seconds=0.005, seed=7)


@pytest.fixture
def runner(qapp: object) -> Iterator[TaskRunner]:
    """A real runner without a database: the scale needs only its lane."""
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown(lane_timeout=5)


@pytest.fixture
def worker(qtbot: QtBot, runner: TaskRunner, scale: SimulatedScale) -> Iterator[ScaleWorker]:
    w = ScaleWorker(SETTINGS, runner, factory=lambda _settings: scale, interval=0.02,
                    reconnect_interval=0.05)
    yield w
    w.stop()


def started(qtbot: QtBot, worker: ScaleWorker) -> None:
    with qtbot.waitSignal(worker.reading, timeout=WAIT_MS):
        worker.start()


def test_widget_shows_motion_then_stable_weight(
    qtbot: QtBot, worker: ScaleWorker, scale: SimulatedScale
) -> None:
    display = WeightDisplay("kg")
    qtbot.addWidget(display)
    status = ScaleStatusWidget(worker)  # both follow the station's unit (SETTINGS: lb_oz)
    qtbot.addWidget(status)
    display.attach(worker)
    assert display.state is WeightState.WAITING
    started(qtbot, worker)
    assert worker.state is ScaleState.READING

    with qtbot.waitSignal(worker.reading, timeout=WAIT_MS,
                          check_params_cb=lambda r: not r.stable and r.weight_g > 100):
        scale.place(1000)
    assert display.state is WeightState.MOTION
    assert "Settling" in display.badge_text()
    assert "(settling)" in status.text()

    def settled(r: Reading) -> bool:
        return r.stable and r.weight_g is not None and abs(r.weight_g - 1000) <= 3

    with qtbot.waitSignal(worker.reading, timeout=WAIT_MS, check_params_cb=settled) as blocker:
        pass
    reading = blocker.args[0]
    assert display.state is WeightState.STABLE
    assert "Stable" in display.badge_text()
    assert display.weight_text() == format_weight(reading.weight_g, "lb_oz")
    assert display.weight_text().startswith("2 lb 3.")
    assert status.text() == f"Scale: {display.weight_text()} ✓"

    display.set_display_unit("kg")
    assert display.weight_text() == format_weight(reading.weight_g, "kg")


def test_widget_says_overload_and_not_responding_then_recovers(
    qtbot: QtBot, worker: ScaleWorker, scale: SimulatedScale
) -> None:
    display = WeightDisplay()
    qtbot.addWidget(display)
    status = ScaleStatusWidget(worker, "lb")
    qtbot.addWidget(status)
    display.attach(worker)
    display.set_display_unit("lb")
    started(qtbot, worker)

    with qtbot.waitSignal(worker.reading, timeout=WAIT_MS, check_params_cb=lambda r: r.overload):
        scale.overload()
    assert display.state is WeightState.OVERLOAD
    assert display.weight_text() == "OVERLOAD"
    assert "Too heavy for this scale" in display.message_text()
    assert status.text() == "Scale: overload"

    with qtbot.waitSignal(worker.error, timeout=WAIT_MS,
                          check_params_cb=lambda e: isinstance(e, ScaleNotResponding)):
        scale.unplug()
    assert worker.state is ScaleState.ERROR
    assert display.state is WeightState.ERROR
    assert display.weight_text() == DASHES  # no stale weight left on screen
    assert "Scale not responding on simulated" in display.message_text()
    assert status.text() == "Scale: not responding on simulated"
    assert "switched on" in status.toolTip()

    scale.set_load(500)
    with qtbot.waitSignal(worker.reading, timeout=WAIT_MS,
                          check_params_cb=lambda r: r.weight_g is not None):
        scale.plug_in()
    assert worker.state is ScaleState.READING
    assert display.state in (WeightState.MOTION, WeightState.STABLE)
    assert display.weight_text().endswith(" lb")
    assert status.text().startswith("Scale: ")


def test_negative_weight_tells_the_packer_to_zero(
    qtbot: QtBot, worker: ScaleWorker, scale: SimulatedScale
) -> None:
    display = WeightDisplay()
    qtbot.addWidget(display)
    display.attach(worker)
    display.set_display_unit("g")
    started(qtbot, worker)
    with qtbot.waitSignal(worker.reading, timeout=WAIT_MS,
                          check_params_cb=lambda r: r.stable and r.weight_g < 0):
        scale.set_load(-200)
    assert display.state is WeightState.NEGATIVE
    assert display.weight_text().startswith("-")
    assert "press Zero" in display.message_text()


def test_zero_and_tare_run_on_the_worker_thread(
    qtbot: QtBot, worker: ScaleWorker, scale: SimulatedScale
) -> None:
    started(qtbot, worker)
    assert worker.operations() == {"zero", "tare"}
    with qtbot.waitSignal(worker.reading, timeout=WAIT_MS,
                          check_params_cb=lambda r: not r.stable and r.weight_g > 100):
        scale.place(300)
    with qtbot.waitSignal(worker.command_finished, timeout=WAIT_MS) as refused:
        worker.tare()  # the platter still moves: a real scale refuses too
    assert refused.args[0] == "tare"
    assert isinstance(refused.args[1], ScaleCommandRejected)

    with qtbot.waitSignal(worker.reading, timeout=WAIT_MS, check_params_cb=lambda r: r.stable):
        pass
    with qtbot.waitSignal(worker.command_finished, timeout=WAIT_MS) as done:
        worker.tare()
    assert done.args == ["tare", None]
    with qtbot.waitSignal(worker.reading, timeout=WAIT_MS,
                          check_params_cb=lambda r: r.stable and r.weight_g == 0):
        pass


def test_stop_ends_the_lane_job_and_ignores_late_readings(
    qtbot: QtBot, runner: TaskRunner, worker: ScaleWorker
) -> None:
    display = WeightDisplay()
    qtbot.addWidget(display)
    display.attach(worker)
    started(qtbot, worker)
    with qtbot.waitSignal(worker.state_changed, timeout=WAIT_MS) as changed:
        worker.stop()
    assert changed.args == [ScaleState.STOPPED]
    assert not worker.running
    assert display.badge_text() == "Stopped"
    with qtbot.waitSignal(worker.stopped, timeout=WAIT_MS):
        pass  # stop() did not wait: the job reports its end
    free: list[str] = []
    runner.lane(SCALE_LANE).submit(lambda: "free", on_done=free.append)
    qtbot.waitUntil(lambda: free == ["free"], timeout=1000)  # the lane is not polling any more
    with qtbot.assertNotEmitted(worker.reading, wait=200):
        pass


def test_stop_while_a_read_waits_on_a_silent_scale_returns_at_once(
    qtbot: QtBot, runner: TaskRunner, make_fake: MakeFake
) -> None:
    fake = make_fake("sics", silent=True)
    closed: list[float] = []

    def device(settings: ScaleSettings) -> ScaleDevice:
        made = create_scale(settings)
        close = made.close

        def noting_close() -> None:
            closed.append(time.monotonic())
            close()

        made.close = noting_close  # type: ignore[method-assign]
        return made

    w = ScaleWorker(settings_for(fake, timeout=1.5), runner, factory=device, interval=0.02)
    stopped_at: list[float] = []
    w.stopped.connect(lambda: stopped_at.append(time.monotonic()))
    w.start()
    qtbot.waitUntil(lambda: bool(fake.received), timeout=WAIT_MS)  # the read now waits 1.5 s
    began = time.monotonic()
    w.stop()
    assert time.monotonic() - began < 0.1
    assert w.state is ScaleState.STOPPED and not w.running
    with qtbot.assertNotEmitted(w.stopped, wait=300):
        pass  # the read is still waiting on the lane
    with qtbot.waitSignal(w.stopped, timeout=WAIT_MS):
        pass
    assert closed and max(closed) <= stopped_at[0]  # the port closed before ``stopped``
    assert stopped_at[0] - began < 1.5 + 0.5  # within the reply timeout


def test_runner_shutdown_ends_a_running_scale_loop_and_every_thread(
    qtbot: QtBot, scale: SimulatedScale
) -> None:
    before = set(threading.enumerate())
    tasks = TaskRunner()
    w = ScaleWorker(SETTINGS, tasks, factory=lambda _settings: scale, interval=0.02,
                    reconnect_interval=0.05)
    started(qtbot, w)
    began = time.monotonic()
    tasks.shutdown(lane_timeout=5)  # nobody called stop(): the runner asks the loop to end
    assert time.monotonic() - began < 1.0
    assert set(threading.enumerate()) - before == set()
    with qtbot.assertNotEmitted(w.reading, wait=100):
        pass


def test_reads_wait_for_the_database(qapp: object) -> None:
    tasks = TaskRunner()
    try:
        with pytest.raises(RuntimeError, match="no database"):
            tasks.read(lambda _session: 1)
        with pytest.raises(RuntimeError, match="no database"):
            tasks.write(lambda _session: 1)
    finally:
        tasks.shutdown()


def test_worker_detects_the_protocol_of_a_serial_scale(
    qtbot: QtBot, runner: TaskRunner, make_fake: MakeFake
) -> None:
    fake = make_fake("sics")
    fake.place("1.25")
    w = ScaleWorker(settings_for(fake, protocol="auto"), runner, interval=0.02)
    try:
        with qtbot.waitSignal(w.ready, timeout=WAIT_MS) as ready:
            w.start()
        assert ready.args == ["sics"]
        assert w.operations() == {"zero", "tare"}
        with qtbot.waitSignal(w.reading, timeout=WAIT_MS,
                              check_params_cb=lambda r: r.weight_g == 567):
            pass
    finally:
        w.stop()


def test_status_says_the_line_is_noisy_and_never_shows_a_weight(
    qtbot: QtBot, runner: TaskRunner, make_fake: MakeFake
) -> None:
    # Every Toledo continuous frame has a weight digit hit; the checksum byte stays as sent.
    fake = make_fake("toledo-continuous",
                     mangle=lambda data: data[:5] + bytes([data[5] ^ 0x01]) + data[6:])
    fake.place("2.90")
    w = ScaleWorker(settings_for(fake, timeout=0.5), runner, interval=0.02,
                    reconnect_interval=0.05)
    status = ScaleStatusWidget(w, "lb")
    qtbot.addWidget(status)
    readings: list[Reading] = []
    w.reading.connect(readings.append)
    try:
        with qtbot.waitSignal(w.error, timeout=WAIT_MS,
                              check_params_cb=lambda e: isinstance(e, NoisyLine)):
            w.start()
        assert status.text() == f"Scale: noisy line on {fake.port}"
        assert "cannot be read: check the protocol and baud rate" in status.toolTip()
    finally:
        w.stop()
    assert readings == []


def test_missing_port_keeps_retrying_without_crashing(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path
) -> None:
    w = ScaleWorker(ScaleSettings(port=str(tmp_path / "ttyUSB7"), protocol="nci", timeout=0.1),
                    runner, reconnect_interval=0.02)
    errors: list[ScaleError] = []
    w.error.connect(errors.append)
    try:
        w.start()
        qtbot.waitUntil(lambda: len(errors) >= 3, timeout=WAIT_MS)
    finally:
        w.stop()
    assert all("No scale port" in e.message for e in errors)


def test_start_scale_only_for_a_configured_station(qtbot: QtBot, runner: TaskRunner) -> None:
    assert start_scale(StationSettings(), runner) is None
    assert start_scale(StationSettings(scale={"port": "x", "protocol": "nonsense"}),
                       runner) is None
    worker = start_scale(StationSettings(scale=SETTINGS.to_dict()), runner)
    assert worker is not None
    try:
        with qtbot.waitSignal(worker.reading, timeout=WAIT_MS):
            pass
        assert worker.protocol == "simulated"
    finally:
        worker.stop()


def test_status_without_scale(qtbot: QtBot) -> None:
    status = ScaleStatusWidget(None)
    qtbot.addWidget(status)
    assert status.text() == "No scale"


def test_operations_follow_the_protocol() -> None:
    assert scale_operations("toledo-continuous") == frozenset()
    assert scale_operations("nci") == {"zero"}
    assert scale_operations("hid") == {"zero"}
    assert scale_operations("sma") == {"zero", "tare"}
