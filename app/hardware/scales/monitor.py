"""A polling loop any thread can run: yields readings and error states, reconnects by itself.

The Qt worker (or ``haicang scale watch``) iterates :meth:`ScaleMonitor.readings` and forwards
each item; another thread calls :meth:`ScaleMonitor.stop`. Errors are yielded, not raised, so
one unplugged cable never ends the loop: the device is closed and reopened after
``reconnect_interval`` until the scale answers again.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from app.hardware.scales.device import ScaleDevice
from app.hardware.scales.errors import ScaleError
from app.hardware.scales.reading import Reading

MonitorEvent = Reading | ScaleError


class ScaleMonitor:
    """Polls one scale until stopped."""

    def __init__(
        self,
        device: ScaleDevice,
        *,
        interval: float = 0.2,
        reconnect_interval: float = 1.0,
        read_timeout: float | None = None,
    ) -> None:
        self.device = device
        self.interval = interval
        self.reconnect_interval = reconnect_interval
        self.read_timeout = read_timeout
        self._stop = threading.Event()

    def stop(self) -> None:
        """Ask the loop to finish; safe to call from any thread, returns at once."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        """True once :meth:`stop` was called."""
        return self._stop.is_set()

    def poll(self) -> MonitorEvent:
        """Take one reading; on failure close the device (so the next poll reconnects)."""
        try:
            return self.device.read(self.read_timeout)
        except ScaleError as error:
            self.device.close()
            return error

    def readings(self) -> Iterator[MonitorEvent]:
        """Yield readings or errors until :meth:`stop`; the device is closed on exit."""
        try:
            while not self._stop.is_set():
                event = self.poll()
                if self._stop.is_set():
                    break
                yield event
                pause = self.reconnect_interval if isinstance(event, ScaleError) else self.interval
                if self._stop.wait(pause):
                    break
        finally:
            self.device.close()
