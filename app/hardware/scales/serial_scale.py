"""A scale on a serial port (RS-232, USB-serial adapter, or any pyserial URL).

Every read is bounded: the port is opened with a short read slice and each operation has a
deadline, so a silent or unplugged scale costs at most the configured timeout. Port failures
close the port; the next call reopens it, which is how the driver reconnects by itself.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Concatenate, ParamSpec, TypeVar

import serial

from app.hardware.scales.device import wait_for_stable
from app.hardware.scales.errors import (
    NoisyLine,
    ProtocolError,
    ScaleCommandRejected,
    ScaleDisconnected,
    ScaleError,
    ScaleNotFound,
    ScaleNotResponding,
    ScalePortError,
    UnsupportedOperation,
    UnsupportedUnit,
)
from app.hardware.scales.protocols import get_protocol
from app.hardware.scales.protocols.base import LineSettings, ParseResult, ScaleProtocol
from app.hardware.scales.reading import Reading, Reply
from app.hardware.scales.settings import ScaleSettings

try:  # termios exists only on POSIX; pyserial lets its errors escape from tcsetattr.
    import termios

    _TERMIOS_ERRORS: tuple[type[BaseException], ...] = (termios.error,)
except ImportError:  # pragma: no cover - Windows
    _TERMIOS_ERRORS = ()

#: Exceptions that mean "the port itself failed", whatever the platform.
PORT_ERRORS: tuple[type[BaseException], ...] = (OSError, *_TERMIOS_ERRORS)

PortOpener = Callable[..., Any]
"""Opens a port like ``serial.serial_for_url(url, **kwargs)`` and returns a pyserial port."""

_NOT_FOUND_ERRNOS = {errno.ENOENT, errno.ENODEV, errno.ENXIO}
#: How long one blocking read may take; bounds reaction time to stop and deadlines.
READ_SLICE = 0.05
#: Re-send a demand request after this long without any reply bytes (lost request or reply).
RETRY_INTERVAL = 0.3
#: Pause before asking again after a "busy"/refused answer, so a busy balance is not flooded.
BUSY_RETRY = 0.1
#: Bad frames in a row (no good frame between them) after which the line is declared noisy
#: rather than waiting out the timeout: one bad frame is noise, five are a wrong setting.
NOISY_FRAMES = 5


def open_port(
    port: str, line: LineSettings, *, opener: PortOpener, write_timeout: float
) -> Any:
    """Open ``port`` with ``line``, translating failures into typed scale errors."""
    try:
        return opener(
            port,
            baudrate=line.baudrate,
            bytesize=line.bytesize,
            parity=line.parity,
            stopbits=line.stopbits,
            timeout=READ_SLICE,
            write_timeout=write_timeout,
        )
    except ValueError as exc:
        raise ScalePortError(port=port, reason=str(exc)) from exc
    except PORT_ERRORS as exc:
        raise port_error(port, exc, line) from exc


def port_error(port: str, exc: BaseException, line: LineSettings | None = None) -> ScaleError:
    """Classify an exception from opening a port."""
    code = getattr(exc, "errno", None)
    if code is None and exc.args and isinstance(exc.args[0], int):
        code = exc.args[0]
    text = str(exc)
    if code in _NOT_FOUND_ERRNOS or "FileNotFoundError" in text:
        return ScaleNotFound(port=port)
    if _TERMIOS_ERRORS and isinstance(exc, _TERMIOS_ERRORS):
        settings = line.describe() if line else "requested"
        reason = f"the port refused the {settings} settings ({text})"
        return ScalePortError(port=port, reason=reason)
    return ScalePortError(port=port, reason=text)


P = ParamSpec("P")
R = TypeVar("R")


def _serialized(method: Callable[Concatenate[Scale, P], R]) -> Callable[Concatenate[Scale, P], R]:
    """Run a public Scale method under the scale's lock.

    The Qt worker polls while the GUI may ask for zero/tare or close the port; interleaving
    their bytes would corrupt both exchanges, so callers queue up (each for at most a timeout).
    """

    @functools.wraps(method)
    def locked(self: Scale, *args: P.args, **kwargs: P.kwargs) -> R:
        with self._lock:
            return method(self, *args, **kwargs)

    return locked


@dataclass
class _Traffic:
    """What one operation saw, to name the right error when it times out.

    ``frames`` counts the good frames; ``bad`` the frames that failed their checks (checksum,
    field widths, unit) and were skipped, ``bad_in_row`` those since the last good frame.
    ``unit_error`` is set while every bad frame named the same unsupported unit: a scale in
    counting mode says so consistently, a noisy line does not.
    """

    received: int = 0
    frames: int = 0
    rejected: int = 0
    bad: int = 0
    bad_in_row: int = 0
    unit_error: UnsupportedUnit | None = None
    other_bad: int = 0

    def count_bad(self, error: ScaleError | None = None) -> None:
        self.bad += 1
        self.bad_in_row += 1
        if isinstance(error, UnsupportedUnit) and (
            self.unit_error is None or self.unit_error.fields == error.fields
        ):
            self.unit_error = error
        else:
            self.other_bad += 1


class Scale:
    """A serial scale speaking one of the protocols in ``app.hardware.scales.protocols``."""

    def __init__(self, settings: ScaleSettings, *, opener: PortOpener = serial.serial_for_url):
        self.settings = settings
        self._protocol: ScaleProtocol = get_protocol(settings.protocol, settings.scale_unit)
        self._framer = self._protocol.new_framer()
        self._opener = opener
        self._port: Any = None
        self._lock = threading.RLock()

    # -- connection -------------------------------------------------------------------------

    @property
    def port(self) -> str:
        return self.settings.port

    @property
    def protocol_name(self) -> str:
        return self._protocol.name

    @property
    def protocol(self) -> ScaleProtocol:
        """The protocol object decoding this scale's frames."""
        return self._protocol

    @property
    def is_open(self) -> bool:
        """True while the port is open."""
        return self._port is not None

    @_serialized
    def open(self) -> None:
        if self._port is not None:
            return
        self._port = open_port(
            self.port,
            self.settings.line_settings(),
            opener=self._opener,
            write_timeout=self.settings.timeout,
        )
        self._framer.reset()

    @_serialized
    def close(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            with contextlib.suppress(*PORT_ERRORS):  # device already gone: nothing to release
                port.close()

    def __enter__(self) -> Scale:
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- weighing ---------------------------------------------------------------------------

    @_serialized
    def read(self, timeout: float | None = None) -> Reading:
        budget = self.settings.timeout if timeout is None else timeout
        self.open()
        deadline = time.monotonic() + budget
        traffic = _Traffic()
        request = self._protocol.request
        if request is None:  # continuous scale: it talks unasked
            return self._latest_streamed(deadline, traffic)
        self._flush_input()
        self._write(request)
        next_request = time.monotonic() + RETRY_INTERVAL
        while time.monotonic() < deadline:
            before = traffic.received
            results = self._pump(traffic)
            now = time.monotonic()
            if traffic.received > before:
                next_request = now + RETRY_INTERVAL
            for result in results:
                if isinstance(result, Reading):
                    return result
                if isinstance(result, Reply) and not result.accepted:
                    next_request = now + BUSY_RETRY  # busy or refused: ask again soon
            if traffic.bad_in_row >= NOISY_FRAMES:
                raise self._noisy(traffic)
            if traffic.bad_in_row:
                next_request = min(next_request, now + BUSY_RETRY)  # a garbled reply: ask again
            if now >= next_request:
                self._write(request)
                next_request = now + RETRY_INTERVAL
        raise self._timeout_error(traffic)

    @_serialized
    def read_stable(self, timeout: float = 5.0) -> Reading:
        self.open()
        # Frames already buffered predate the call (maybe before the parcel was put down).
        self._flush_input()
        return wait_for_stable(self.read, timeout, poll_timeout=self.settings.timeout)

    @_serialized
    def zero(self, timeout: float | None = None) -> None:
        self._command("zero", self._protocol.zero_command, timeout)

    @_serialized
    def tare(self, timeout: float | None = None) -> None:
        self._command("tare", self._protocol.tare_command, timeout)

    # -- internals --------------------------------------------------------------------------

    def _command(self, operation: str, command: bytes | None, timeout: float | None) -> None:
        if command is None:
            raise UnsupportedOperation(protocol=self._protocol.title, operation=operation)
        self.open()
        self._flush_input()
        self._write(command)
        if not self._protocol.command_reply:
            return
        # Balances may finish zeroing only once they are steady, so allow longer than a read.
        deadline = time.monotonic() + (timeout or self.settings.timeout * 3)
        traffic = _Traffic()
        while time.monotonic() < deadline:
            for result in self._pump(traffic):
                if isinstance(result, Reply) and not result.accepted:
                    raise ScaleCommandRejected(port=self.port, operation=operation)
                return
        raise self._timeout_error(traffic)

    def _latest_streamed(self, deadline: float, traffic: _Traffic) -> Reading:
        """Drain the stream and return its newest reading, waiting for one if none is queued."""
        latest: Reading | None = None
        while time.monotonic() < deadline:
            for result in self._pump(traffic):
                if isinstance(result, Reading):
                    latest = result
            if traffic.bad_in_row >= NOISY_FRAMES:
                raise self._noisy(traffic)  # an older good reading would be stale
            if latest is not None and self._waiting() == 0:
                return latest
        if latest is not None:
            return latest
        raise self._timeout_error(traffic)

    def _pump(self, traffic: _Traffic) -> list[Reading | Reply]:
        """One bounded read; returns the good frames it completed, decoded.

        A frame that fails its checks is skipped and counted, never fatal: one burst of noise
        must not drop the good frame that arrived with it. Frames the framer itself rejected
        (bad checksum) are counted first, as their order among the others is not known.
        """
        try:
            data = self._port.read(self._waiting() or 1)
        except PORT_ERRORS as exc:
            raise self._lost() from exc
        traffic.received += len(data)
        rejected_before = self._framer.bad_frames
        frames = self._framer.feed(data)
        for _ in range(self._framer.bad_frames - rejected_before):
            traffic.count_bad()
        results: list[Reading | Reply] = []
        for frame in frames:
            result: ParseResult
            try:
                result = self._protocol.parse(frame)
            except ScaleError as error:
                traffic.count_bad(error)
                continue
            if result is None:
                traffic.count_bad()
                continue
            traffic.frames += 1
            traffic.bad_in_row = 0
            if isinstance(result, Reply) and not result.accepted:
                traffic.rejected += 1
            results.append(result)
        return results

    def _waiting(self) -> int:
        try:
            return int(self._port.in_waiting)
        except PORT_ERRORS as exc:
            raise self._lost() from exc

    def _write(self, data: bytes) -> None:
        try:
            self._port.write(data)
        except serial.SerialTimeoutException as exc:
            raise ScaleNotResponding(port=self.port) from exc
        except PORT_ERRORS as exc:
            raise self._lost() from exc

    def _flush_input(self) -> None:
        try:
            self._port.reset_input_buffer()
        except PORT_ERRORS as exc:
            raise self._lost() from exc
        self._framer.reset()

    def _lost(self) -> ScaleError:
        """Close the dead port (the next call reopens it) and name the failure."""
        self.close()
        return ScaleDisconnected(port=self.port)

    def _noisy(self, traffic: _Traffic) -> ScaleError:
        """The error for a line whose frames all failed: a consistent unit error, or noise."""
        if traffic.unit_error is not None and traffic.other_bad == 0:
            return traffic.unit_error
        return NoisyLine(port=self.port)

    def _timeout_error(self, traffic: _Traffic) -> ScaleError:
        if traffic.received == 0:
            return ScaleNotResponding(port=self.port)
        if traffic.bad and not traffic.frames:
            return self._noisy(traffic)
        if traffic.rejected and traffic.rejected == traffic.frames:
            return ScaleCommandRejected(port=self.port, operation="weight")
        return ProtocolError(port=self.port, protocol=self._protocol.title)
