"""Toledo 8213/8217 "demand" protocol (Transcell, Brecknell 67xxU, Odoo's Toledo 8217).

``W`` is answered with ``<STX>weight<CR>`` when the weight is valid, otherwise with the
status record ``<STX>?<status><CR>``. Status bits (LSB first): 0 motion, 1 over capacity,
2 under zero, 3 outside zero-capture range, 4 centre of zero; bit 7 is parity.
The format carries no unit, so the unit comes from the station settings (``assumed_unit``).
Sources: hardware.md §1.1-1.2 (Transcell PC-150 manual, Brecknell 6702U manual, Odoo).
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

STX = 0x02
CR = 0x0D

_WEIGHT = re.compile(rb"^\s*([-+]?\s*(?:\d+\.?\d*|\.\d+))\s*([A-Za-z]{0,3})\s*$")
_STATUS = re.compile(rb"^\s*\?(.)$", re.DOTALL)
# Gross/net markers some firmwares append after the digits (Odoo's regex allows 'N').
_MARKERS = {b"", b"N", b"G", b"NT", b"GR"}


class ToledoDemand(ScaleProtocol):
    """Toledo 8213/8217 demand mode."""

    name: ClassVar[str] = "toledo"
    title: ClassVar[str] = "Toledo 8213/8217"
    default_line: ClassVar[LineSettings] = LineSettings(9600, 7, "E", 1)
    request: ClassVar[bytes | None] = b"W"
    zero_command: ClassVar[bytes | None] = b"Z"
    tare_command: ClassVar[bytes | None] = b"T"

    def new_framer(self) -> Framer:
        return DelimitedFramer(start=STX, end=CR, max_len=24)

    def parse(self, frame: bytes) -> ParseResult:
        if len(frame) < 3 or frame[0] != STX or frame[-1] != CR:
            return None
        body = frame[1:-1]
        status = _STATUS.match(body)
        if status:
            bits = status.group(1)[0]
            return make_reading(
                protocol=self.name,
                raw_frame=frame,
                value=None,
                unit=self.assumed_unit,
                motion=bool(bits & 0x01),
                overload=bool(bits & 0x02),
                underload=bool(bits & 0x04),
            )
        weight = _WEIGHT.match(body)
        if not weight:
            return None
        value = parse_decimal(weight.group(1).decode("ascii"))
        if value is None:
            return None
        suffix = weight.group(2)
        unit = self.assumed_unit if suffix in _MARKERS else suffix.decode("ascii")
        # A weight record is only sent when the scale itself judges the weight valid (not in
        # motion); motion is reported through the status record instead.
        return make_reading(
            protocol=self.name, raw_frame=frame, value=value, unit=unit, motion=False
        )
