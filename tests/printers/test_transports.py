"""Transports chosen by URI, and their failures when a backend is missing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from printers.errors import (
    InvalidPrinterUri,
    PrinterOffline,
    TransportUnavailable,
    UnsupportedTransport,
)
from printers.transports import (
    CupsTransport,
    DummyTransport,
    SerialTransport,
    TcpTransport,
    UsbTransport,
    Win32Transport,
    open_transport,
    transport_for_uri,
)


def test_uris_pick_the_right_transport() -> None:
    tcp = transport_for_uri("tcp://10.0.0.5:9101", timeout=3)
    assert isinstance(tcp, TcpTransport) and (tcp.host, tcp.port, tcp.timeout) == (
        "10.0.0.5",
        9101,
        3,
    )
    assert isinstance(transport_for_uri("tcp://printer.local"), TcpTransport)
    assert transport_for_uri("tcp://printer.local").port == 9100  # type: ignore[attr-defined]
    serial = transport_for_uri("serial:///dev/ttyUSB0?baud=19200&parity=E&bytesize=7")
    assert isinstance(serial, SerialTransport) and serial.target == "/dev/ttyUSB0"
    assert serial.settings["baudrate"] == 19200 and serial.settings["bytesize"] == 7
    assert transport_for_uri("serial://COM3?baud=9600").target == "COM3"
    usb = transport_for_uri("usb://0FE6:811E")
    assert isinstance(usb, UsbTransport) and (usb.vendor_id, usb.product_id) == (0x0FE6, 0x811E)
    cups = transport_for_uri("cups://Zebra_ZD420", raw=False)
    assert isinstance(cups, CupsTransport) and cups.target == "Zebra_ZD420" and not cups.raw
    win = transport_for_uri("win32://ZDesigner GK420d (EPL)")
    assert isinstance(win, Win32Transport) and win.target == "ZDesigner GK420d (EPL)"
    assert transport_for_uri("win32://Office%20Printer").target == "Office Printer"
    assert transport_for_uri("file:///dev/usb/lp0").target == "/dev/usb/lp0"
    assert transport_for_uri("file:///C:/labels/out.prn").target == "C:/labels/out.prn"
    assert isinstance(transport_for_uri("dummy://"), DummyTransport)


@pytest.mark.parametrize(
    ("uri", "error"),
    [
        ("ipp://printer/queue", UnsupportedTransport),
        ("10.0.0.5:9100", UnsupportedTransport),
        ("tcp://:9100", InvalidPrinterUri),
        ("tcp://host:port", InvalidPrinterUri),
        ("usb://zebra", InvalidPrinterUri),
        ("serial:///dev/ttyS0?speed=9600", InvalidPrinterUri),
        ("serial:///dev/ttyS0?parity=X", InvalidPrinterUri),
        ("cups://", InvalidPrinterUri),
    ],
)
def test_bad_uris_are_typed_errors(uri: str, error: type[Exception]) -> None:
    with pytest.raises(error) as caught:
        transport_for_uri(uri)
    assert uri in str(caught.value)


def test_file_transport_writes_the_exact_bytes(tmp_path: Path) -> None:
    target = tmp_path / "job.prn"
    with open_transport(f"file://{target}") as transport:
        transport.write(b"^XA^XZ")
        transport.write(b"\x00\xff")
    assert target.read_bytes() == b"^XA^XZ\x00\xff"


def test_missing_device_is_offline(tmp_path: Path) -> None:
    with pytest.raises(PrinterOffline):
        open_transport(f"file://{tmp_path}/no/such/dir/lp0")
    with pytest.raises(PrinterOffline):
        open_transport("serial:///dev/ttyDOES_NOT_EXIST")


def test_usb_without_pyusb_or_device_is_a_clear_error() -> None:
    with pytest.raises((TransportUnavailable, PrinterOffline)) as caught:
        open_transport("usb://1234:5678")
    assert "USB" in str(caught.value)


def test_win32_off_windows_is_transport_unavailable() -> None:
    with pytest.raises(TransportUnavailable, match="pywin32"):
        open_transport("win32://Zebra")


def _fake_lp(bin_dir: Path, exit_code: int) -> Path:
    """An `lp` stand-in that records its arguments and stdin (the spooler is outside us)."""
    log = bin_dir / "lp.log"
    script = bin_dir / "lp"
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$@" > "{log}.args"\n'
        f'cat > "{log}.data"\n'
        f'[ {exit_code} -eq 0 ] || echo "lp: The printer or class does not exist." >&2\n'
        f"exit {exit_code}\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return log


def test_cups_submits_raw_job_with_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = _fake_lp(tmp_path, 0)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    with open_transport("cups://Rollo") as transport:
        transport.write(b"SIZE 4,6\r\n")
    assert Path(f"{log}.data").read_bytes() == b"SIZE 4,6\r\n"
    assert "-d Rollo -o raw" in Path(f"{log}.args").read_text()


def test_cups_rejection_is_offline_with_spooler_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_lp(tmp_path, 1)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(PrinterOffline, match="does not exist"), open_transport("cups://Nope") as t:
        t.write(b"x")


def test_cups_without_lp_is_transport_unavailable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(TransportUnavailable, match="lp"):
        open_transport("cups://Rollo")
