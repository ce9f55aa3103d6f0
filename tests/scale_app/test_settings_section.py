"""Settings → Scale: the form round-trips the station's scale, Detect fills it in, Test reads."""

from __future__ import annotations

import functools
import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from app.db.schema import open_database
from app.hardware.scales import (
    LineSettings,
    ScaleSettings,
    SerialPortInfo,
    SimulatedScale,
    probe_port,
)
from app.settings import StationSettings
from app.ui.devices.scale import ScaleWorker
from app.ui.settings_scale import ScaleSection
from app.ui.tasks import TaskRunner
from app.ui.widgets.weight_display import WeightState
from tests.scale_app.conftest import MakeFake

WAIT_MS = 8000
PTY_LINE = [LineSettings(9600, 8, "N", 1)]  # a pty cannot do 7E1 (tests/hardware/conftest)


def port_info(device: str, description: str = "USB-Serial Controller") -> SerialPortInfo:
    return SerialPortInfo(device, description, "USB VID:PID=067B:2303", 0x067B, 0x2303,
                          "Prolific")


# The runner of the current test (see ``runner``): Detect probes on its scale-detect lane.
_RUNNERS: list[TaskRunner] = []


@pytest.fixture(autouse=True)
def runner(qapp: object, sqlite_url: str) -> Iterator[TaskRunner]:
    """A real task runner, shut down after the test so no probe outlives it."""
    db = open_database(sqlite_url)
    tasks = TaskRunner(db)
    _RUNNERS.append(tasks)
    yield tasks
    _RUNNERS.remove(tasks)
    tasks.shutdown(lane_timeout=10)
    db.dispose()


def section_for(qtbot: QtBot, station: StationSettings, **options: object) -> ScaleSection:
    options.setdefault("list_ports", lambda: [port_info("/dev/ttyUSB0")])
    section = ScaleSection(station, _RUNNERS[-1], **options)  # type: ignore[arg-type]
    qtbot.addWidget(section.widget())
    return section


@pytest.mark.parametrize("scale", [
    ScaleSettings(port="/dev/ttyUSB3", protocol="nci", baudrate=19200, bytesize=7, parity="E",
                  stopbits=2, display_unit="kg", scale_unit="kg", timeout=0.7),
    ScaleSettings(port="COM4", protocol="toledo"),
    ScaleSettings(port="simulated", protocol="simulated", display_unit="g"),
])
def test_apply_round_trips_the_station_scale(qtbot: QtBot, scale: ScaleSettings) -> None:
    station = StationSettings(station_name="PACK-2", scale=scale.to_dict())
    section = section_for(qtbot, station)
    assert section.enabled.isChecked()
    assert section.port_text() == scale.port
    result = section.apply(StationSettings(station_name="PACK-2"))
    assert result.scale == scale.to_dict()
    assert result.station_name == "PACK-2"


def test_unticked_means_no_scale(qtbot: QtBot) -> None:
    station = StationSettings(scale=ScaleSettings(port="COM3").to_dict())
    section = section_for(qtbot, station)
    section.enabled.setChecked(False)
    assert section.apply(station).scale == {}
    assert not section_for(qtbot, StationSettings()).enabled.isChecked()


def test_changed_fields_are_saved(qtbot: QtBot) -> None:
    section = section_for(qtbot, StationSettings())
    section.enabled.setChecked(True)
    section.port.setCurrentText("/dev/ttyUSB0")
    section.protocol.setCurrentIndex(section.protocol.findData("sma"))
    section.baud.setCurrentIndex(section.baud.findData(4800))
    section.display_unit.setCurrentIndex(section.display_unit.findData("oz"))
    saved = ScaleSettings.from_dict(section.apply(StationSettings()).scale)
    assert (saved.port, saved.protocol, saved.baudrate, saved.display_unit) == (
        "/dev/ttyUSB0", "sma", 4800, "oz")
    assert saved.parity is None  # "Default": the protocol's own line settings


def test_missing_port_is_refused_with_a_reason(qtbot: QtBot) -> None:
    section = section_for(qtbot, StationSettings(), list_ports=lambda: [])
    section.enabled.setChecked(True)
    section.port.setCurrentText("  ")
    with pytest.raises(ValueError, match="port"):
        section.apply(StationSettings())


def test_choosing_simulated_switches_protocol_and_disables_line_settings(qtbot: QtBot) -> None:
    section = section_for(qtbot, StationSettings())
    section.port.setCurrentText("simulated")
    assert section.protocol.currentData() == "simulated"
    assert not section.baud.isEnabled()
    section.port.setCurrentText("/dev/ttyUSB0")
    assert section.protocol.currentData() == "auto"
    assert section.baud.isEnabled()


def test_detect_lists_the_fake_port_and_fills_in_its_settings(
    qtbot: QtBot, make_fake: MakeFake, tmp_path: Path
) -> None:
    fake = make_fake("sma")
    fake.place("1.50")
    missing = str(tmp_path / "ttyUSB9")
    section = section_for(
        qtbot, StationSettings(),
        list_ports=lambda: [port_info(fake.port, "Fake SMA scale"), port_info(missing)],
        probe=functools.partial(probe_port, lines=PTY_LINE, listen_seconds=0.2,
                                reply_timeout=0.3),
    )
    qtbot.mouseClick(section.detect_button, Qt.MouseButton.LeftButton)
    assert not section.detect_button.isEnabled()  # probing runs off the GUI thread
    qtbot.waitUntil(section.detect_button.isEnabled, timeout=WAIT_MS)
    report = section.detect_status.text()
    assert f"✓ {fake.port}: SMA" in report
    assert f"✗ {missing}: No scale port {missing}" in report
    assert section.port.findText(fake.port) >= 0
    assert section.port_text() == fake.port
    assert section.port_info.text() == "Fake SMA scale — Prolific"
    saved = ScaleSettings.from_dict(section.apply(StationSettings()).scale)
    assert (saved.port, saved.protocol, saved.baudrate, saved.bytesize, saved.parity) == (
        fake.port, "sma", 9600, 8, "N")
    assert fake.zeroed == fake.tared == 0


def test_detect_with_no_scale_says_so(qtbot: QtBot) -> None:
    section = section_for(qtbot, StationSettings(),
                          list_ports=lambda: [port_info("/dev/ttyS0")], probe=lambda _p: None)
    section.start_detect()
    qtbot.waitUntil(section.detect_button.isEnabled, timeout=WAIT_MS)
    assert "✗ /dev/ttyS0: no scale answered" in section.detect_status.text()
    assert "No scale answered" in section.detect_status.text()
    assert not section.enabled.isChecked()  # nothing was guessed


def test_test_scale_shows_live_weight_and_zero_tare(qtbot: QtBot) -> None:
    sim = SimulatedScale(settle_seconds=0.2, reply_seconds=0.005, seed=3)
    made: list[ScaleWorker] = []

    def factory(settings: ScaleSettings) -> ScaleWorker:
        made.append(ScaleWorker(settings, _RUNNERS[-1], factory=lambda _s: sim,
                                interval=0.02))
        return made[-1]

    section = section_for(qtbot, StationSettings(), worker_factory=factory)
    section.enabled.setChecked(True)
    section.port.setCurrentText("simulated")
    section.display_unit.setCurrentIndex(section.display_unit.findData("g"))
    assert not section.zero_button.isEnabled()
    qtbot.mouseClick(section.test_button, Qt.MouseButton.LeftButton)
    worker = section.test_worker
    assert worker is made[0]
    try:
        assert section.test_button.text() == "Stop test"
        assert section.zero_button.isEnabled() and section.tare_button.isEnabled()
        with qtbot.waitSignal(worker.reading, timeout=WAIT_MS,
                              check_params_cb=lambda r: r.stable and r.weight_g > 400):
            sim.place(454)
        assert section.display.state is WeightState.STABLE
        assert section.display.weight_text().endswith(" g")
        with qtbot.waitSignal(worker.command_finished, timeout=WAIT_MS):
            qtbot.mouseClick(section.tare_button, Qt.MouseButton.LeftButton)
        assert section.test_status.text() == "The scale was tared."
        with qtbot.waitSignal(worker.reading, timeout=WAIT_MS,
                              check_params_cb=lambda r: r.stable and r.weight_g == 0):
            pass
        assert section.display.weight_text() == "0 g"
    finally:
        section.stop_test()
    assert section.test_worker is None
    assert not worker.running
    assert section.test_button.text() == "Stopping…" and not section.test_button.isEnabled()
    qtbot.waitUntil(section.test_button.isEnabled, timeout=WAIT_MS)
    assert section.test_button.text() == "Test scale"
    assert not section.zero_button.isEnabled()


def test_leaving_the_tab_stops_the_test(qtbot: QtBot) -> None:
    section = section_for(qtbot, StationSettings(scale=ScaleSettings(
        port="simulated", protocol="simulated", timeout=0.2).to_dict()))
    section.widget().show()
    section.start_test()
    worker = section.test_worker
    assert worker is not None
    with qtbot.waitSignal(worker.reading, timeout=WAIT_MS):
        pass
    section.widget().hide()
    assert section.test_worker is None and not worker.running




def _silent_port_section(qtbot: QtBot, make_fake: MakeFake, **options: object) -> ScaleSection:
    """The form pointed at a real pty whose "scale" never answers, protocol 'auto'."""
    fake = make_fake("sma", silent=True)
    section = section_for(qtbot, StationSettings(),
                          list_ports=lambda: [port_info(fake.port)], **options)
    section.enabled.setChecked(True)
    section.port.setCurrentText(fake.port)
    section.protocol.setCurrentIndex(section.protocol.findData("auto"))
    section.data_bits.setCurrentIndex(section.data_bits.findData(8))  # a pty cannot do 7E1
    section.parity.setCurrentIndex(section.parity.findData("N"))
    return section


class _Ticks:
    """A 20 ms QTimer on the GUI thread; the longest gap between ticks shows any freeze."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.timeout.connect(lambda: self.times.append(time.monotonic()))
        self.timer.start(20)

    def longest_gap(self) -> float:
        self.timer.stop()
        return max(b - a for a, b in itertools.pairwise(self.times))


def test_stopping_a_test_on_a_silent_port_never_freezes_the_window(
    qtbot: QtBot, make_fake: MakeFake
) -> None:
    section = _silent_port_section(qtbot, make_fake)
    qtbot.mouseClick(section.test_button, Qt.MouseButton.LeftButton)
    worker = section.test_worker
    assert worker is not None
    qtbot.wait(400)  # the worker is now probing the silent port ('auto': ~15 s in all)
    ticks = _Ticks()
    qtbot.wait(100)
    started = time.monotonic()
    qtbot.mouseClick(section.test_button, Qt.MouseButton.LeftButton)
    assert time.monotonic() - started < 0.1  # Stop returned at once ...
    assert section.stopping and not section.test_button.isEnabled()
    assert not section.detect_button.isEnabled()  # ... and the port is not offered meanwhile
    with qtbot.waitSignal(worker.stopped, timeout=3000):
        pass  # the probe is cancelled between reads: the thread ends promptly
    qtbot.wait(100)
    assert ticks.longest_gap() < 0.25  # the GUI thread kept ticking while the worker stopped
    assert not section.stopping
    assert section.test_button.isEnabled() and section.test_button.text() == "Test scale"
    assert section.detect_button.isEnabled()


def test_a_test_without_an_answer_ends_with_advice(qtbot: QtBot, make_fake: MakeFake) -> None:
    section = _silent_port_section(qtbot, make_fake, answer_timeout=1.0)
    port = section.port_text()
    ticks = _Ticks()
    section.start_test()
    worker = section.test_worker
    assert worker is not None
    assert section.display.badge_text() == "Connecting…"
    with qtbot.waitSignal(worker.stopped, timeout=4000):
        pass  # ended by itself after a second without a reading
    assert section.test_worker is None
    assert section.display.message_text().startswith(
        f"No answer from the scale on {port} within 1 s: check the cable, port and baud rate.")
    assert section.display.state is WeightState.ERROR
    qtbot.waitUntil(section.test_button.isEnabled, timeout=1000)
    assert section.test_button.text() == "Test scale"
    assert ticks.longest_gap() < 0.25


def test_detect_during_a_test_waits_for_the_port_then_probes(
    qtbot: QtBot, make_fake: MakeFake
) -> None:
    probed: list[str] = []

    def probe(port: str) -> None:
        probed.append(port)

    section = _silent_port_section(qtbot, make_fake, probe=probe)
    section.start_test()
    worker = section.test_worker
    assert worker is not None
    qtbot.wait(200)
    section.start_detect()
    assert probed == [] and section.stopping  # not while the test's thread holds the port
    qtbot.waitUntil(lambda: bool(probed) and section.detect_button.isEnabled(), timeout=4000)
    assert probed == [section.port_text()] and not worker.running
