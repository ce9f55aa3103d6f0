"""NCI / Avery Weigh-Tronix SCP-01 and SCP-02 (NCI 3825/3835, Salter Brecknell PS-USB).

Request ``W<CR>``. Reply (SCP-01) ``<LF>xxxx.xxuu<CR><LF>hh<CR><ETX>``; SCP-02 prefixes the
status with ``S``; ``S<CR>``/``Z<CR>`` answer with the status part only; unknown commands with
``<LF>?<CR><ETX>``. Status byte 1: bit0 motion, bit1 at zero, bit2 RAM error, bit3 EEPROM
error. Byte 2: bit0 under capacity, bit1 over capacity, bit2 ROM error, bit3 bad calibration,
bit6 another byte follows. Bits 4 and 5 are always 1, so status bytes are '0'..'?' (or 'p'..'\x7f'
with bit6). Framing differs between firmwares (some omit the second LF), so the frame is
split tolerantly: the last part is the status, the one before it the weight.
Sources: hardware.md §1.5 (Weigh-Tronix SCP-01 transcription, chris-rudmin/serial-nci-scale).
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
ETX = 0x03

_STATUS = re.compile(rb"^S?([\x30-\x3f])([\x30-\x3f\x70-\x7f])([\x30-\x3f\x70-\x7f]?)$")
_WEIGHT = re.compile(rb"^\s*([-+]?\s*\d+\.?\d*)\s*([A-Za-z]{0,3})\s*$")
_PARTS = re.compile(rb"[\r\n]+")


def _faults(first: int, second: int) -> str | None:
    names = []
    if first & 0x04:
        names.append("RAM error")
    if first & 0x08:
        names.append("EEPROM error")
    if second & 0x04:
        names.append("ROM error")
    if second & 0x08:
        names.append("bad calibration")
    return ", ".join(names) or None


class Nci(ScaleProtocol):
    """NCI / Weigh-Tronix SCP-01/02."""

    name: ClassVar[str] = "nci"
    title: ClassVar[str] = "NCI / Weigh-Tronix"
    default_line: ClassVar[LineSettings] = LineSettings(9600, 7, "E", 1)
    request: ClassVar[bytes | None] = b"W\r"
    zero_command: ClassVar[bytes | None] = b"Z\r"

    def new_framer(self) -> Framer:
        # LF also appears inside a frame, so a second LF must not restart framing.
        return DelimitedFramer(start=LF, end=ETX, max_len=48, restart=False)

    def parse(self, frame: bytes) -> ParseResult:
        if len(frame) < 3 or frame[0] != LF or frame[-1] != ETX:
            return None
        parts = [p for p in _PARTS.split(frame[1:-1]) if p]
        if parts == [b"?"]:
            return Reply(accepted=False, code="?", raw_frame=frame)
        if not parts or len(parts) > 3:
            return None
        status = _STATUS.match(parts[-1])
        if not status:
            return None
        first, second = status.group(1)[0], status.group(2)[0]
        value = None
        unit = self.assumed_unit
        if len(parts) >= 2:
            weight = _WEIGHT.match(parts[-2])
            if weight:
                value = parse_decimal(weight.group(1).decode("ascii"))
                unit = weight.group(2).decode("ascii") or self.assumed_unit
        return make_reading(
            protocol=self.name,
            raw_frame=frame,
            value=value,
            unit=unit,
            motion=bool(first & 0x01),
            overload=bool(second & 0x02),
            underload=bool(second & 0x01),
            fault=_faults(first, second),
        )
