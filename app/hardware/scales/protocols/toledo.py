"""Toledo 8213/8217 "demand" protocol (Transcell, Brecknell 67xxU, Odoo's Toledo 8217).

``W`` is answered with ``<STX>XXX.XX<CR>`` when the weight is valid, otherwise with the
status record ``<STX>?<status><CR>``. Status bits (LSB first): 0 motion, 1 over capacity,
2 under zero, 3 outside zero-capture range, 4 centre of zero; bit 7 is parity.
The format carries no unit, so the unit comes from the station settings (``assumed_unit``).
It has no checksum either, so the documented field width is the only defence against noise:
a weight record is exactly six characters (blank- or zero-padded, two decimals), optionally
followed by a gross/net marker (Odoo's regex allows 'N') or the scale's unit; anything else
(``<STX>6<CR>``, ``<STX>48<CR>`` from a noisy line) is not a weight.
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

_WEIGHT = re.compile(rb"^((?: {2}\d| \d{2}|\d{3})\.\d{2}) ?([A-Za-z]{0,3})\Z")
_STATUS = re.compile(rb"^\s*\?(.)$", re.DOTALL)
# Gross/net markers some firmwares append after the digits (Odoo's regex allows 'N').
_MARKERS = {b"", b"N", b"G", b"NT", b"GR"}
# Units a scale may append instead; any other letters are noise, not a unit to complain about.
_UNITS = {b"lb", b"kg", b"g", b"oz", b"LB", b"KG", b"OZ"}


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
            if bits & 0x60 != 0x60:  # bits 5 and 6 are always 1: anything else is noise
                return None
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
        if suffix not in _MARKERS and suffix not in _UNITS:
            return None
        unit = self.assumed_unit if suffix in _MARKERS else suffix.decode("ascii")
        # A weight record is only sent when the scale itself judges the weight valid (not in
        # motion); motion is reported through the status record instead.
        return make_reading(
            protocol=self.name, raw_frame=frame, value=value, unit=unit, motion=False
        )
