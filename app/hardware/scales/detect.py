"""Find scales: list serial ports and probe them with harmless requests only.

Probing first listens (continuous scales talk unasked), then sends only read-weight requests
(SMA ``<LF>W<CR>``, NCI ``W<CR>``, MT-SICS ``SI``, Toledo ``W``), never zero, tare or calibrate,
so running Detect with a parcel on the scale changes nothing. MT-SICS goes first because a
balance only ends a command at LF, so earlier probes would be glued to its request; SMA's
leading LF then restarts SMA framing; Toledo's unterminated ``W`` goes last.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

import serial
from serial.tools import list_ports

from app.hardware.scales.errors import ScaleError
from app.hardware.scales.framing import Framer
from app.hardware.scales.protocols import PROTOCOLS, get_protocol
from app.hardware.scales.protocols.base import LineSettings, ScaleProtocol
from app.hardware.scales.reading import Reading
from app.hardware.scales.serial_scale import PORT_ERRORS, PortOpener, open_port
from app.hardware.scales.settings import ScaleSettings

#: Order in which request/response protocols are asked.
DEMAND_ORDER: Final = ("sics", "sma", "nci", "toledo")


@dataclass(frozen=True)
class SerialPortInfo:
    """A serial port the operating system knows about."""

    device: str
    description: str
    hwid: str
    vid: int | None
    pid: int | None
    manufacturer: str | None


def list_serial_ports() -> list[SerialPortInfo]:
    """Every serial port on this computer, sorted by device name."""
    ports = [
        SerialPortInfo(
            device=p.device,
            description=p.description,
            hwid=p.hwid,
            vid=p.vid,
            pid=p.pid,
            manufacturer=p.manufacturer,
        )
        for p in list_ports.comports()
    ]
    return sorted(ports, key=lambda p: p.device)


@dataclass(frozen=True)
class DetectedScale:
    """A scale that answered a probe, with the settings that made it answer."""

    port: str
    protocol: str
    line: LineSettings
    reading: Reading

    def to_settings(self, **overrides: Any) -> ScaleSettings:
        """Station settings that open this scale."""
        values: dict[str, Any] = {
            "port": self.port,
            "protocol": self.protocol,
            "baudrate": self.line.baudrate,
            "bytesize": self.line.bytesize,
            "parity": self.line.parity,
            "stopbits": self.line.stopbits,
        }
        values.update(overrides)
        return ScaleSettings(**values)

    def to_json(self) -> dict[str, Any]:
        """JSON object for ``haicang scale detect --json``."""
        return {
            "port": self.port,
            "protocol": self.protocol,
            "line": self.line.describe(),
            "reading": self.reading.to_json(),
        }


def default_lines(protocols: Sequence[str]) -> list[LineSettings]:
    """The distinct default line settings of ``protocols``, in order."""
    lines: list[LineSettings] = []
    for name in protocols:
        line = PROTOCOLS[name].default_line
        if line not in lines:
            lines.append(line)
    return lines


def probe_port(
    port: str,
    *,
    protocols: Sequence[str] | None = None,
    lines: Sequence[LineSettings] | None = None,
    listen_seconds: float = 0.5,
    reply_timeout: float = 0.4,
    scale_unit: str = "lb",
    opener: PortOpener = serial.serial_for_url,
    cancelled: Callable[[], bool] = lambda: False,
) -> DetectedScale | None:
    """Try each line setting and protocol on ``port``; the first scale that answers wins.

    Returns None when nothing answered. Raises the open error (ScaleNotFound,
    ScalePortError) only when the port could not be opened with any line setting.
    ``cancelled`` is asked between reads (every READ_SLICE at most): a probe of a silent
    port takes seconds per line setting, and whoever stops it must not wait for all of them.
    A cancelled probe returns None.
    """
    names = [n for n in (protocols or list(PROTOCOLS)) if n in PROTOCOLS]
    candidates = [get_protocol(n, scale_unit) for n in names]
    first_error: ScaleError | None = None
    opened = False
    for line in lines or default_lines(names):
        if cancelled():
            return None
        try:
            handle = open_port(port, line, opener=opener, write_timeout=reply_timeout)
        except ScaleError as error:
            first_error = first_error or error
            continue
        opened = True
        try:
            found = _probe_open_port(handle, candidates, listen_seconds, reply_timeout,
                                     cancelled)
        except PORT_ERRORS:
            found = None  # the port failed mid-probe: treat as "no scale at this setting"
        finally:
            _close_quietly(handle)
        if found is not None:
            return DetectedScale(port=port, protocol=found.protocol, line=line, reading=found)
    if not opened and first_error is not None:
        raise first_error
    return None


def detect_scales(ports: Sequence[str] | None = None, **probe_options: Any) -> list[DetectedScale]:
    """Probe ``ports`` (default: every serial port) and return the scales found.

    Ports that cannot be opened (busy, no permission, vanished) are skipped.
    """
    devices = list(ports) if ports is not None else [p.device for p in list_serial_ports()]
    found: list[DetectedScale] = []
    for device in devices:
        try:
            detected = probe_port(device, **probe_options)
        except ScaleError:
            continue
        if detected is not None:
            found.append(detected)
    return found


def _probe_open_port(
    handle: Any, candidates: list[ScaleProtocol], listen_seconds: float, reply_timeout: float,
    cancelled: Callable[[], bool],
) -> Reading | None:
    streaming = [p for p in candidates if p.continuous]
    if streaming:
        reading = _first_reading(handle, streaming, listen_seconds, cancelled)
        if reading is not None:
            return reading
    by_name = {p.name: p for p in candidates if not p.continuous}
    for name in DEMAND_ORDER:
        protocol = by_name.get(name)
        if protocol is None or protocol.request is None or cancelled():
            continue
        handle.reset_input_buffer()
        handle.write(protocol.request)
        reading = _first_reading(handle, [protocol], reply_timeout, cancelled)
        if reading is not None:
            return reading
    return None


def _first_reading(handle: Any, protocols: list[ScaleProtocol], seconds: float,
                   cancelled: Callable[[], bool] = lambda: False) -> Reading | None:
    """Read for up to ``seconds``; return the first frame any of ``protocols`` decodes."""
    framers: list[tuple[ScaleProtocol, Framer]] = [(p, p.new_framer()) for p in protocols]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not cancelled():
        data = handle.read(handle.in_waiting or 1)
        if not data:
            continue
        for protocol, framer in framers:
            for frame in framer.feed(data):
                try:
                    result = protocol.parse(frame)
                except ScaleError:
                    continue  # e.g. a counting-mode unit: not a usable scale at this setting
                if isinstance(result, Reading):
                    return result
    return None


def _close_quietly(handle: Any) -> None:
    try:
        handle.close()
    except PORT_ERRORS:
        return
