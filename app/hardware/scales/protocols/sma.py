"""SMA SCP-0499 (Fairbanks, Rice Lake, B-TEK, Sartorius indicators).

Request ``<LF>W<CR>``; reply ``<LF><s><r><n><m><f><weight 10><unit 3><CR>``.
``s``: ' ' OK, 'Z' centre of zero, 'O' over, 'U' under, 'E' zero error, 'T' tare error,
'I' initialising (E/I/T carry dashes instead of a weight). ``r`` range, ``n`` G/N/T (lower case =
high resolution), ``m`` 'M' in motion or ' ' stable, ``f`` reserved. ``<LF>?<CR>`` = unknown
command. Parsed tolerantly because firmwares pad the fixed fields differently.
Sources: hardware.md §1.4 (Sartorius PR 5220 and B-TEK T419S manuals).
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
from app.hardware.scales.reading import Reply, make_reading

LF = 0x0A
CR = 0x0D

_BODY = re.compile(
    r"^(?P<s>[ ZOUEIT])(?P<r>.)(?P<n>[GNTgnt])(?P<m>[ M])[^\d+\-.\s]?\s*"
    r"(?:(?P<value>[-+]?\s*\d+\.?\d*)|(?P<dashes>-{2,}))\s*(?P<unit>[A-Za-z]{1,3})?\s*$",
    re.DOTALL,
)
_FAULTS = {"E": "zero error", "T": "tare error", "I": "initialising"}


class Sma(ScaleProtocol):
    """SMA SCP-0499 level 1."""

    name: ClassVar[str] = "sma"
    title: ClassVar[str] = "SMA"
    default_line: ClassVar[LineSettings] = LineSettings(9600, 8, "N", 1)
    request: ClassVar[bytes | None] = b"\nW\r"
    zero_command: ClassVar[bytes | None] = b"\nZ\r"
    tare_command: ClassVar[bytes | None] = b"\nT\r"

    def new_framer(self) -> Framer:
        return DelimitedFramer(start=LF, end=CR, max_len=40)

    def parse(self, frame: bytes) -> ParseResult:
        if len(frame) < 3 or frame[0] != LF or frame[-1] != CR:
            return None
        text = frame[1:-1].decode("ascii", errors="replace")
        if text.strip() == "?":
            return Reply(accepted=False, code="?", raw_frame=frame)
        match = _BODY.match(text)
        if not match:
            return None
        status = match.group("s")
        raw = match.group("value")
        value = parse_decimal(raw) if raw is not None else None
        if value is not None and match.group("unit") is None:
            return None
        fault = _FAULTS.get(status)
        if value is None and fault is None and status not in "OU":
            return None
        return make_reading(
            protocol=self.name,
            raw_frame=frame,
            value=value,
            unit=match.group("unit") or "",
            motion=match.group("m") == "M",
            overload=status == "O",
            underload=status == "U",
            fault=fault,
        )
