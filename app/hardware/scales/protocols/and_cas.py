"""A&D and CAS weight lines: ``HH,[GS|NT,]±DDDDDDDD UUU<CR><LF>``.

A&D: ``ST,+00123.45  g``; CAS "AND 18-byte": ``ST,GS,+  1.500kg``. Header ``ST`` stable,
``US`` unstable, ``OL`` overload (a minus sign means under range), ``QT`` count (not a weight).
The scale streams these lines; A&D balances also accept ``Z``/``T`` with CR LF.
Sources: hardware.md §1.7 (A&D FX-i, oscarbranson/AnD_balance, CAS CI-150A/PDI manuals).
"""

from __future__ import annotations

import re
from typing import ClassVar

from app.hardware.scales.framing import DelimitedFramer, Framer
from app.hardware.scales.protocols.base import (
    LineSettings,
    ParseResult,
    ScaleProtocol,
    parse_decimal,
)
from app.hardware.scales.reading import make_reading

_HEADER = re.compile(r"(?<![A-Za-z])(?P<head>ST|US|OL|QT)\s*,(?P<rest>[^\r\n]*)")
_DATA = re.compile(r"^\s*(?P<value>[-+]?\s*(?:\d+\.?\d*|\.\d+))\s*(?P<unit>[A-Za-z]*)\s*$")


class AndCas(ScaleProtocol):
    """A&D / CAS continuous (stream) output."""

    name: ClassVar[str] = "and"
    title: ClassVar[str] = "A&D / CAS"
    default_line: ClassVar[LineSettings] = LineSettings(2400, 7, "E", 1)
    zero_command: ClassVar[bytes | None] = b"Z\r\n"
    tare_command: ClassVar[bytes | None] = b"T\r\n"
    # A&D acknowledges with nothing or <AK>, CAS indicators not at all: the next streamed
    # line shows the result.
    command_reply: ClassVar[bool] = False

    def new_framer(self) -> Framer:
        return DelimitedFramer(start=None, end=0x0A, max_len=80)

    def parse(self, frame: bytes) -> ParseResult:
        text = frame.decode("ascii", errors="replace")
        header = _HEADER.search(text)
        if not header or header.group("head") == "QT":
            return None
        fields = header.group("rest").split(",")
        data = _DATA.match(fields[-1])
        if header.group("head") == "OL":
            negative = "-" in fields[-1]
            return make_reading(
                protocol=self.name,
                raw_frame=frame,
                value=None,
                unit="",
                motion=False,
                overload=not negative,
                underload=negative,
            )
        if not data or not data.group("unit"):
            return None
        value = parse_decimal(data.group("value"))
        if value is None:
            return None
        return make_reading(
            protocol=self.name,
            raw_frame=frame,
            value=value,
            unit=data.group("unit"),
            motion=header.group("head") == "US",
        )
