"""Detection finds every protocol on a real pty and never sends zero, tare or calibrate."""

from __future__ import annotations

from pathlib import Path

import pytest
from serial.tools import list_ports

from app.hardware.scales import (
    LineSettings,
    ScaleNotDetected,
    ScaleNotFound,
    ScaleSettings,
    detect_scales,
    list_serial_ports,
    open_scale,
    probe_port,
)
from tests.hardware.conftest import MakeFake

PTY_LINE = [LineSettings(9600, 8, "N", 1)]  # see conftest.settings_for on 7E1 and ptys
HARMLESS = {b"\nW\r", b"W\r", b"SI\r\n", b"W"}


@pytest.mark.parametrize("protocol", ["toledo", "sics", "sma", "nci", "toledo-continuous", "and"])
def test_probe_finds_protocol(make_fake: MakeFake, protocol: str) -> None:
    fake = make_fake(protocol)
    fake.place("1.50")
    found = probe_port(fake.port, lines=PTY_LINE, listen_seconds=0.3, reply_timeout=0.3)
    assert found is not None
    assert found.protocol == protocol
    assert found.reading.weight_g == 680
    assert found.to_settings().protocol == protocol
    sent = bytes(fake.received)
    for request in sorted(HARMLESS, key=len, reverse=True):
        sent = sent.replace(request, b"")
    assert sent == b"", f"probe sent more than read-weight requests: {fake.received!r}"
    assert fake.zeroed == fake.tared == 0


def test_silent_port_detects_nothing(make_fake: MakeFake) -> None:
    fake = make_fake("toledo", silent=True)
    assert probe_port(fake.port, lines=PTY_LINE, listen_seconds=0.1, reply_timeout=0.1) is None


def test_detect_scales_skips_missing_ports(make_fake: MakeFake, tmp_path: Path) -> None:
    fake = make_fake("sma")
    found = detect_scales(
        [str(tmp_path / "nope"), fake.port], lines=PTY_LINE, listen_seconds=0.1,
        reply_timeout=0.3,
    )
    assert [d.port for d in found] == [fake.port]
    assert found[0].to_json()["line"] == "9600 8N1"


def test_probe_missing_port_raises(tmp_path: Path) -> None:
    with pytest.raises(ScaleNotFound):
        probe_port(str(tmp_path / "nope"), lines=PTY_LINE)


def test_auto_protocol_opens_detected_scale(make_fake: MakeFake) -> None:
    fake = make_fake("toledo-continuous")
    fake.place("2.00")
    scale = open_scale(ScaleSettings(port=fake.port, protocol="auto", bytesize=8, parity="N",
                                     timeout=0.3))
    try:
        assert scale.protocol_name == "toledo-continuous"
        assert scale.read_stable(timeout=1).weight_g == 907
    finally:
        scale.close()


def test_auto_protocol_with_nothing_answering(make_fake: MakeFake) -> None:
    fake = make_fake("sics", silent=True)
    with pytest.raises(ScaleNotDetected):
        open_scale(ScaleSettings(port=fake.port, protocol="auto", baudrate=9600, bytesize=8,
                                 parity="N", timeout=0.2))
    assert fake.received.count(b"SI\r\n") == 1  # one line setting probed: the one given


def test_list_serial_ports_matches_pyserial() -> None:
    assert [p.device for p in list_serial_ports()] == sorted(
        p.device for p in list_ports.comports()
    )
