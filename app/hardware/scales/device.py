"""The interface shared by serial, HID and simulated scales, and the shared stability wait."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from app.hardware.scales.errors import ScaleFault, ScaleNegative, ScaleOverload, ScaleUnstable
from app.hardware.scales.reading import Reading

#: Consecutive overload readings that count as a real overload rather than a parcel
#: being dropped onto the platter.
OVERLOAD_REPEATS = 3


class ScaleDevice(Protocol):
    """What the monitor, the CLI and the Qt worker need from any scale."""

    @property
    def port(self) -> str:
        """Where the scale is attached (for messages)."""
        ...

    @property
    def protocol_name(self) -> str:
        """Protocol name as used in settings."""
        ...

    def open(self) -> None:
        """Connect (idempotent). Raises a ScaleError if the device is unavailable."""

    def close(self) -> None:
        """Disconnect (idempotent, never raises)."""

    def read(self, timeout: float | None = None) -> Reading:
        """Return the scale's current reading, settled or not."""
        ...

    def read_stable(self, timeout: float = 5.0) -> Reading:
        """Wait until the scale itself reports a stable weight."""
        ...

    def zero(self) -> None:
        """Zero the scale (UnsupportedOperation where the protocol cannot)."""

    def tare(self) -> None:
        """Tare the scale (UnsupportedOperation where the protocol cannot)."""


def wait_for_stable(
    read: Callable[[float], Reading],
    timeout: float,
    *,
    poll_timeout: float,
    clock: Callable[[], float] = time.monotonic,
) -> Reading:
    """Call ``read`` until it returns a stable reading; raise the precise reason otherwise.

    A stable negative weight, a scale fault, or an overload seen OVERLOAD_REPEATS times in a
    row fail at once (waiting cannot fix them); anything else is retried until ``timeout``,
    and then the last state decides the error (so the wait may exceed ``timeout`` by up to one
    ``poll_timeout``). Errors from ``read`` (not responding, disconnected) propagate at once.
    """
    deadline = clock() + timeout
    overloads = 0
    last: Reading | None = None
    while last is None or clock() < deadline:
        # Always give the scale its full reply time: a shortened last read would turn a
        # half-received frame into a false "not responding"/protocol error.
        last = read(poll_timeout)
        overloads = overloads + 1 if last.overload else 0
        if last.fault:
            raise ScaleFault(detail=last.fault)
        if overloads >= OVERLOAD_REPEATS:
            raise ScaleOverload()
        if last.stable:
            if last.negative:
                raise ScaleNegative()
            return last
    if last is not None and last.overload:
        raise ScaleOverload()
    if last is not None and last.negative:
        raise ScaleNegative()
    raise ScaleUnstable(seconds=f"{timeout:g}")
