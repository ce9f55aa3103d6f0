"""A simulated shipping scale for the demo, for training and for UI tests.

It behaves like a real one instead of just echoing a number: putting a parcel on makes the
display swing and settle over ``settle_seconds`` (in motion, so not stable), weights are
reported in the scale's own unit at a realistic resolution and then converted to grams,
over-capacity loads report overload, a load below the zero point reads negative, zero is
refused while the platter moves, and the scale can be "unplugged" to practise that fault.
"""

from __future__ import annotations

import math
import random
import threading
import time
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from app.hardware.scales.device import wait_for_stable
from app.hardware.scales.errors import ScaleCommandRejected, ScaleNotResponding
from app.hardware.scales.reading import Reading, make_reading
from app.hardware.scales.settings import SIMULATED, ScaleSettings
from app.hardware.scales.units import convert_grams

#: Display resolution per scale unit, like a typical 150 lb / 68 kg shipping scale.
_RESOLUTION: Final[dict[str, Decimal]] = {
    "g": Decimal(1),
    "kg": Decimal("0.005"),
    "lb": Decimal("0.01"),
    "oz": Decimal("0.1"),
}


class SimulatedScale:
    """A scale living in memory; thread-safe so the UI can place parcels while a worker reads."""

    def __init__(
        self,
        settings: ScaleSettings | None = None,
        *,
        capacity_g: int = 68_000,
        settle_seconds: float = 0.8,
        reply_seconds: float = 0.05,
        seed: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings or ScaleSettings(port=SIMULATED, protocol=SIMULATED)
        self.capacity_g = capacity_g
        self.settle_seconds = settle_seconds
        self._reply_seconds = reply_seconds
        self._clock = clock
        self._sleep = sleep
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self._load_g = 0  # what physically sits on the platter
        self._shown_from_g: float = 0.0  # display value when the last change began
        self._moved_at = -math.inf
        self._zero_g = 0
        self._tare_g = 0
        self._connected = True
        self._open = False

    # -- what a trainer or the demo does to the scale ---------------------------------------

    def place(self, grams: int) -> None:
        """Put a parcel of ``grams`` on the platter (adds to what is there)."""
        with self._lock:
            self._move_to(self._load_g + grams)

    def remove(self) -> None:
        """Take everything off the platter."""
        self.set_load(0)

    def set_load(self, grams: int) -> None:
        """Set the physical load; below the zero point reads negative, above capacity overloads."""
        with self._lock:
            self._move_to(grams)

    def overload(self) -> None:
        """Load the scale beyond its capacity."""
        self.set_load(self.capacity_g + 5_000)

    def unplug(self) -> None:
        """Simulate a pulled cable: reads fail with ScaleNotResponding until :meth:`plug_in`."""
        self._connected = False

    def plug_in(self) -> None:
        """Reconnect the simulated cable."""
        self._connected = True

    # -- ScaleDevice ------------------------------------------------------------------------

    @property
    def port(self) -> str:
        return self.settings.port

    @property
    def protocol_name(self) -> str:
        return SIMULATED

    def open(self) -> None:
        self._open = True

    def close(self) -> None:
        self._open = False

    def read(self, timeout: float | None = None) -> Reading:
        self.open()
        budget = self.settings.timeout if timeout is None else timeout
        if not self._connected:
            self._sleep(budget)
            raise ScaleNotResponding(port=self.port)
        self._sleep(min(self._reply_seconds, budget))
        with self._lock:
            now = self._clock()
            gross = self._displayed_g(now)
            motion = now - self._moved_at < self.settle_seconds
            return self._reading(gross, motion)

    def read_stable(self, timeout: float = 5.0) -> Reading:
        return wait_for_stable(
            self.read, timeout, poll_timeout=self.settings.timeout, clock=self._clock
        )

    def zero(self) -> None:
        self._set_reference("zero")

    def tare(self) -> None:
        self._set_reference("tare")

    # -- internals --------------------------------------------------------------------------

    def _set_reference(self, operation: str) -> None:
        if not self._connected:
            raise ScaleNotResponding(port=self.port)
        with self._lock:
            now = self._clock()
            if now - self._moved_at < self.settle_seconds or self._load_g > self.capacity_g:
                raise ScaleCommandRejected(port=self.port, operation=operation)
            if operation == "zero":
                self._zero_g, self._tare_g = self._load_g, 0
            else:
                self._tare_g = self._load_g - self._zero_g

    def _move_to(self, grams: int) -> None:
        """Start the display swinging from where it is now towards the new load (lock held)."""
        now = self._clock()
        self._shown_from_g = self._displayed_g(now)
        self._load_g = grams
        self._moved_at = now

    def _displayed_g(self, now: float) -> float:
        """Where the needle is: swings towards the load and settles exactly on it."""
        progress = (now - self._moved_at) / self.settle_seconds if self.settle_seconds else 1.0
        if progress >= 1:
            return float(self._load_g)
        swing = self._load_g - self._shown_from_g
        wobble = math.sin(progress * 9) * (1 - progress) * 0.08 * abs(swing)
        jitter = self._random.uniform(-3, 3)
        return self._shown_from_g + swing * progress + wobble + jitter

    def _reading(self, gross_g: float, motion: bool) -> Reading:
        unit = self.settings.scale_unit
        net_g = gross_g - self._zero_g - self._tare_g
        over = gross_g > self.capacity_g
        step = _RESOLUTION[unit]
        value = None
        if not over:
            shown = convert_grams(Decimal(repr(net_g)), unit)
            value = (shown / step).to_integral_value(rounding=ROUND_HALF_UP) * step
        frame = f"{'US' if motion else 'ST'},{'OL' if value is None else value} {unit}"
        return make_reading(
            protocol=SIMULATED,
            raw_frame=frame.encode("ascii"),
            value=value,
            unit=unit,
            motion=motion,
            overload=over,
        )
