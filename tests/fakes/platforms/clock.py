"""Virtual time shared by a connector and a fake platform in tests.

Sleeping advances the clock instantly, so backoff, Retry-After and token
buckets cost no real time, while both sides agree on "now" (token expiry,
Amazon's 2-minute rule, TikTok's timestamp check).
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta


class VirtualClock:
    """A thread-safe clock that only moves when someone sleeps or advances it."""

    def __init__(self, start: datetime | None = None) -> None:
        self._lock = threading.Lock()
        self._start = start or datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
        self._elapsed = 0.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        """Seconds since the clock was created."""
        with self._lock:
            return self._elapsed

    def now(self) -> datetime:
        """The virtual wall clock."""
        with self._lock:
            return self._start + timedelta(seconds=self._elapsed)

    def sleep(self, seconds: float, cancel: threading.Event | None = None) -> None:
        """Advance instead of waiting (cancellation needs no waiting either)."""
        if seconds > 0:
            self.advance(seconds)
            self.slept.append(seconds)

    def advance(self, seconds: float) -> None:
        """Move time forward, e.g. to age tokens in a test."""
        with self._lock:
            self._elapsed += seconds
