"""What the fake carriers share: scripted faults, label files they serve themselves,
purchase counts per reference, and tracking scripts.

Faults are *scripted* per operation (``fake.fail("buy", "timeout_after")``) rather
than random, so a test says exactly which call goes wrong and how:

* ``address`` – the provider refuses the address (its own 4xx shape)
* ``auth`` – 401, the key expired or was revoked
* ``rate_gone`` – the rate vanished between quote and buy
* ``500`` / ``429`` – server error / throttled (``Retry-After: 0.1``)
* ``timeout`` – nothing is done; the answer comes after the client gave up
* ``timeout_after`` – the work *is* done (a purchase happened), then the answer comes
  after the client gave up: the case that must never become a second purchase
* ``duplicate`` – the answer repeats itself (tracking events listed twice, a
  shipment listed twice)

Random storms: :class:`FaultPlan` of the platform fakes (429/500/timeout/malformed
*before* anything is done) plus ``storm_after``, the share of calls answered like
``timeout_after`` (done, then the answer is lost).
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from tests.fakes.carriers.labels import label_bytes
from tests.fakes.platforms.clock import VirtualClock
from tests.fakes.platforms.server import FakePlatform, FaultPlan

FAULTS = ("address", "auth", "rate_gone", "500", "429", "timeout", "timeout_after",
          "duplicate")

#: The rate card the fakes quote: (carrier, service, base price, cents per ounce, days).
RATE_CARD: tuple[tuple[str, str, str, int, int], ...] = (
    ("USPS", "GroundAdvantage", "4.80", 9, 4),
    ("USPS", "Priority", "7.90", 12, 2),
    ("UPS", "Ground", "9.10", 8, 3),
    ("UPS", "2ndDayAir", "18.40", 20, 2),
    ("FedEx", "FEDEX_GROUND", "9.30", 8, 3),
)


@dataclass
class TrackingScript:
    """Statuses still to come for one tracking number, one per tracking read."""

    pending: list[tuple[str, str]] = field(default_factory=list)
    events: list[dict[str, str]] = field(default_factory=list)


class FakeCarrier(FakePlatform):
    """Base of the EasyPost and Shippo fakes."""

    fault_exempt_prefixes = ("/files/",)

    def __init__(self, clock: VirtualClock | None = None, faults: FaultPlan | None = None,
                 *, timeout_sleep: float = 1.5) -> None:
        super().__init__(clock, faults)
        #: how long a ``timeout``/``timeout_after`` answer is held (longer than the client's)
        self.timeout_sleep = timeout_sleep
        #: successful purchases per reference: "bought once" is ``purchases[ref] == 1``
        self.purchases: Counter[str] = Counter()
        #: label / form files served under /files/<name>
        self.files: dict[str, bytes] = {}
        self.scripts: dict[str, TrackingScript] = {}
        self._faults: dict[str, list[str]] = {}
        #: share of calls done and then answered too late (random, seeded by the FaultPlan)
        self.storm_after = 0.0
        self._storm_rng = random.Random(self.faults.seed + 1)
        self._ids = itertools.count(1)
        self._tracking_numbers = itertools.count(1)

    # -- test controls ---------------------------------------------------------------------

    def fail(self, operation: str, kind: str, times: int = 1) -> None:
        """Make the next ``times`` calls of ``operation`` fail with ``kind`` (see module doc)."""
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind}")
        with self.lock:
            self._faults.setdefault(operation, []).extend([kind] * times)

    def script_tracking(self, tracking: str, statuses: Sequence[str | tuple[str, str]]) -> None:
        """Statuses (or (status, message)) revealed one per tracking read, in order."""
        steps = [s if isinstance(s, tuple) else (s, s.replace("_", " ")) for s in statuses]
        with self.lock:
            self.scripts.setdefault(tracking, TrackingScript()).pending.extend(steps)

    def bought_once(self, reference: str) -> bool:
        """True when exactly one label was bought under ``reference``."""
        return self.purchases[reference] == 1

    # -- helpers for the two fakes ---------------------------------------------------------

    def next_fault(self, operation: str) -> str | None:
        """Pop the next scripted fault of ``operation`` (else maybe a storm's)."""
        with self.lock:
            queue = self._faults.get(operation)
            if queue:
                return queue.pop(0)
            if self.storm_after > 0 and self._storm_rng.random() < self.storm_after:
                self.fault_log.append("timeout_after")
                return "timeout_after"
            return None

    def hold(self) -> None:
        """Keep the client waiting past its timeout (the answer that follows is lost)."""
        self._stop.wait(self.timeout_sleep)

    def new_id(self, prefix: str) -> str:
        """A fresh object id."""
        return f"{prefix}{next(self._ids):06d}"

    def new_tracking(self, carrier: str) -> str:
        """A tracking number in the carrier's usual shape (USPS 22 digits, UPS 1Z…)."""
        n = next(self._tracking_numbers)
        if carrier.upper() == "UPS":
            return f"1Z999AA1{n:010d}"
        if carrier.upper() == "FEDEX":
            return f"7{n:011d}"
        return f"94001118992233{n:08d}"

    def store_file(self, name: str, data: bytes) -> str:
        """Serve ``data`` under this fake and return its URL."""
        with self.lock:
            self.files[name] = data
        return f"{self.url}/files/{name}"

    def make_label(self, fmt: str, tracking: str, carrier: str, service: str,
                   address: Sequence[str], key: str) -> str:
        """Render a label, store it and return its URL."""
        extension = {"PDF": "pdf", "ZPL": "zpl", "PNG": "png"}[fmt]
        data = label_bytes(fmt, tracking, carrier, service, address)
        return self.store_file(f"{key}.{extension}", data)

    def quote(self, ounces: float) -> list[tuple[str, str, str, int]]:
        """(carrier, service, price, days) for a parcel of ``ounces``."""
        result = []
        for carrier, service, base, cents, days in RATE_CARD:
            price = (int(base.replace(".", "")) + int(cents * ounces)) / 100
            result.append((carrier, service, f"{price:.2f}", days))
        return result

    def reveal_tracking(self, tracking: str) -> list[dict[str, str]]:
        """Advance the script one step; the events so far (oldest first)."""
        with self.lock:
            script = self.scripts.setdefault(tracking, TrackingScript())
            if not script.events and not script.pending:
                script.pending.append(("pre_transit", "Shipping label created"))
            if script.pending:
                status, message = script.pending.pop(0)
                at = self.clock.now() + timedelta(hours=len(script.events))
                script.events.append({"status": status, "message": message,
                                      "datetime": at.strftime("%Y-%m-%dT%H:%M:%SZ")})
            return list(script.events)

    def file_response(self, name: str) -> tuple[int, bytes, str]:
        """(status, body, content type) of a served file."""
        data = self.files.get(name)
        if data is None:
            return 404, b"", "text/plain"
        kind = {"pdf": "application/pdf", "zpl": "text/plain", "png": "image/png"}
        return 200, data, kind.get(name.rsplit(".", 1)[-1], "application/octet-stream")
