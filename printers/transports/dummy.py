"""In-memory transport for byte-exact tests and dry runs (like python-escpos ``Dummy``)."""

from __future__ import annotations

from printers.transports.base import Transport


class DummyTransport(Transport):
    """Collects written bytes in ``output``; ``replies`` are handed out by ``read``."""

    scheme = "dummy"
    bidirectional = True

    def __init__(
        self, target: str = "dummy", *, replies: bytes = b"", timeout: float = 1.0
    ) -> None:
        super().__init__(target, timeout=timeout)
        self.output = bytearray()
        self.replies = bytearray(replies)
        self.is_open = False

    def open(self) -> None:
        """Nothing to connect."""
        self.is_open = True

    def write(self, data: bytes) -> None:
        """Append to ``output``."""
        self.output += data

    def read(self, size: int, timeout: float) -> bytes:
        """Hand out queued reply bytes (none left means the printer stays silent)."""
        chunk = bytes(self.replies[:size])
        del self.replies[:size]
        return chunk

    def close(self) -> None:
        """Mark closed; the output stays readable."""
        self.is_open = False
