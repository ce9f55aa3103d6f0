"""The interface every serial scale protocol implements.

A protocol is pure: it knows its default line settings, the bytes of its requests, how to cut
a stream into frames and how to decode a frame. It never touches a port, so each one can be
tested and fuzzed over plain bytes.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import ClassVar

from app.hardware.scales.framing import Framer
from app.hardware.scales.reading import Reading, Reply

ParseResult = Reading | Reply | None


@dataclass(frozen=True)
class LineSettings:
    """Serial line parameters, spelled as pyserial expects them."""

    baudrate: int
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1

    def describe(self) -> str:
        """Human form such as '9600 7E1'."""
        stop = int(self.stopbits) if self.stopbits in (1, 2) else self.stopbits
        return f"{self.baudrate} {self.bytesize}{self.parity}{stop}"


class ScaleProtocol(ABC):
    """One scale protocol: framing, decoding and the command bytes."""

    name: ClassVar[str]
    title: ClassVar[str]
    default_line: ClassVar[LineSettings]
    #: Bytes that ask for the current weight; None for scales that stream continuously.
    request: ClassVar[bytes | None] = None
    zero_command: ClassVar[bytes | None] = None
    tare_command: ClassVar[bytes | None] = None
    #: Whether the scale answers zero/tare with a frame we should wait for.
    command_reply: ClassVar[bool] = True

    def __init__(self, assumed_unit: str = "lb") -> None:
        #: Unit used when a frame carries none (Toledo demand format has no unit field).
        self.assumed_unit = assumed_unit

    @property
    def continuous(self) -> bool:
        """True when the scale streams frames without being asked."""
        return self.request is None

    @abstractmethod
    def new_framer(self) -> Framer:
        """A fresh framer for this protocol's byte stream."""

    @abstractmethod
    def parse(self, frame: bytes) -> ParseResult:
        """Decode one frame. Returns None for frames that are not valid for this protocol.

        May raise only ScaleError subclasses (e.g. UnsupportedUnit).
        """


#: No scale display has more digits than this; longer numbers are line noise.
MAX_DIGITS = 12


def parse_decimal(text: str) -> Decimal | None:
    """Parse a scale's number ('  -1.250', '+00123.45'), tolerating blanks after the sign."""
    cleaned = text.replace(" ", "")
    if not cleaned or cleaned in "+-" or sum(c.isdigit() for c in cleaned) > MAX_DIGITS:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None
