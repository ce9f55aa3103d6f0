"""`haicang scale read` and `scale detect` against fake scales on real pseudo-terminals."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from app.cli import main
from app.hardware.scales import ScaleSettings
from app.settings import StationSettings, save_settings
from tests.scale_app.conftest import MakeFake, pty_options

READING_KEYS = {"weight_g", "unit", "raw_value", "protocol", "stable", "overload", "negative",
                "fault"}


def read_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(["scale", "read", *argv, "--json"]) == 0, capsys.readouterr().err
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, dict)
    return data


def fails_with(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run a command that must fail; return its single stderr line."""
    assert main(["scale", *argv]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("error: ")
    return lines[0]


@pytest.mark.parametrize("protocol", ["toledo", "sics", "sma", "nci", "toledo-continuous", "and"])
def test_read_prints_the_stable_weight_as_json(
    make_fake: MakeFake, capsys: pytest.CaptureFixture[str], protocol: str
) -> None:
    fake = make_fake(protocol)
    fake.place("1.50")
    data = read_json(capsys, *pty_options(fake.port, protocol), "--timeout", "5")
    assert set(data) == READING_KEYS
    assert data["weight_g"] == 680
    assert data["unit"] == "lb"
    assert Decimal(str(data["raw_value"])) == Decimal("1.50")
    assert data["protocol"] == protocol
    assert data["stable"] is True
    assert data["overload"] is False and data["negative"] is False


def test_read_waits_through_motion_for_the_stable_weight(
    make_fake: MakeFake, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = make_fake("sics")
    fake.place("2.00", motion_frames=4)
    data = read_json(capsys, *pty_options(fake.port, "sics"), "--timeout", "5")
    assert data["stable"] is True
    assert data["weight_g"] == 907
    assert fake.motion_frames == 0  # the motion frames were read and skipped


def test_read_text_shows_display_unit_and_grams(
    make_fake: MakeFake, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = make_fake("sma")
    fake.place("2.25")
    assert main(["scale", "read", *pty_options(fake.port, "sma"), "--unit", "lb_oz"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("2 lb 4.0 oz (1021 g)")
    assert "stable" in line


def test_never_settling_scale_fails_with_unstable(
    make_fake: MakeFake, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = make_fake("sma")
    fake.place("1.00", motion_frames=10_000)
    line = fails_with(capsys, "read", *pty_options(fake.port, "sma"), "--timeout", "0.5")
    assert "did not settle within 0.5 seconds" in line


def test_overload_fails_with_a_packers_message(
    make_fake: MakeFake, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = make_fake("toledo", overload=True)
    line = fails_with(capsys, "read", *pty_options(fake.port, "toledo"), "--json")
    assert "overloaded" in line


def test_negative_fails(make_fake: MakeFake, capsys: pytest.CaptureFixture[str]) -> None:
    fake = make_fake("and")
    fake.place("-0.20")
    line = fails_with(capsys, "read", *pty_options(fake.port, "and"))
    assert "less than zero" in line


def test_silent_scale_fails_in_one_line(
    make_fake: MakeFake, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = make_fake("nci", silent=True)
    line = fails_with(capsys, "read", *pty_options(fake.port, "nci"), "--timeout", "1")
    assert f"Scale not responding on {fake.port}" in line


def test_noisy_line_fails_as_unreadable_never_as_a_weight(
    make_fake: MakeFake, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = make_fake("toledo", mangle=lambda data: data.replace(b".", b""))  # "  2.90" -> "  290"
    fake.place("2.90")
    line = fails_with(capsys, "read", *pty_options(fake.port, "toledo"), "--timeout", "1")
    assert line == (f"error: The scale on {fake.port} sends data that cannot be read: check the "
                    "protocol and baud rate.")


def test_missing_port_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "ttyUSB9")
    line = fails_with(capsys, "read", *pty_options(missing, "toledo"))
    assert f"No scale port {missing}" in line


def test_without_port_uses_the_station_scale(
    make_fake: MakeFake, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = make_fake("sics")
    fake.place("0.50")
    scale = ScaleSettings(port=fake.port, protocol="sics", bytesize=8, parity="N", timeout=0.3,
                          display_unit="g")
    save_settings(StationSettings(scale=scale.to_dict()))
    data = read_json(capsys)
    assert data["weight_g"] == 227 and data["protocol"] == "sics"
    assert main(["scale", "read"]) == 0
    assert capsys.readouterr().out.startswith("227 g (227 g)")


def test_without_port_or_station_scale_says_what_to_do(
    capsys: pytest.CaptureFixture[str]
) -> None:
    line = fails_with(capsys, "read", "--json")
    assert "no scale is set up for this station" in line
    assert "--port" in line


def test_simulated_port_works_for_training(capsys: pytest.CaptureFixture[str]) -> None:
    data = read_json(capsys, "--port", "simulated")
    assert data["protocol"] == "simulated"
    assert data["stable"] is True and data["weight_g"] == 0


def test_bad_baud_rate_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    line = fails_with(capsys, "read", "--port", "simulated", "--baud", "1234")
    assert "baudrate" in line


def test_detect_lists_the_scale_on_a_given_port(
    make_fake: MakeFake, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fake = make_fake("sma")
    fake.place("1.50")
    missing = str(tmp_path / "nothing")
    assert main(["scale", "detect", "--port", fake.port, "--port", missing, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"ports", "probed", "scales"}
    assert data["probed"] == [fake.port, missing]
    assert [s["port"] for s in data["scales"]] == [fake.port]
    assert data["scales"][0]["protocol"] == "sma"
    assert data["scales"][0]["reading"]["weight_g"] == 680
    assert fake.zeroed == fake.tared == 0
    assert main(["scale", "detect", "--port", fake.port]) == 0
    text = capsys.readouterr().out
    assert "Scales found" in text and fake.port in text and "sma" in text
