"""The transport contract: open, write, (read), close - python-escpos style.

Every blocking operation has a timeout. A printer that stops reading makes ``write``
raise :class:`PrinterTimeout` instead of hanging the print worker; errors carry the
printer's address (``target``) for the message.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from types import TracebackType
from typing import ClassVar

from printers.errors import TransportUnavailable

DEFAULT_TIMEOUT_S = 10.0


class Transport(ABC):
    """One connection to one printer; use as a context manager."""

    scheme: ClassVar[str]
    bidirectional: ClassVar[bool] = False

    def __init__(self, target: str, *, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        self.target = target
        self.timeout = timeout

    @abstractmethod
    def open(self) -> None:
        """Connect; raises PrinterOffline / ConnectionRefused / TransportUnavailable."""

    @abstractmethod
    def write(self, data: bytes) -> None:
        """Deliver all bytes; raises PrinterTimeout / ConnectionDropped."""

    def read(self, size: int, timeout: float) -> bytes:
        """Up to ``size`` bytes that arrive within ``timeout`` (b"" if none)."""
        raise TransportUnavailable(transport=self.scheme, reason="this connection cannot read")

    @abstractmethod
    def close(self) -> None:
        """Release the connection; safe to call twice."""

    def __enter__(self) -> Transport:
        self.open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
