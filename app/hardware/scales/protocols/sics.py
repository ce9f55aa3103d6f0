"""Mettler Toledo MT-SICS (standard interface command set) for benches and balances.

Commands end with CR LF; replies are ``ID Status [Value Unit]`` separated by blanks, e.g.
``S S     100.00 g``. Weight status: ``S`` stable, ``D`` dynamic (from ``SI``), ``I`` not
executable, ``+`` overload, ``-`` underload. ``Z A``/``T S`` acknowledge zero/tare;
``ES``/``ET``/``EL`` are syntax/transmission/logic errors.
Sources: hardware.md §1.3 (MT AT balance manual, InstrumentKit mt_sics.py).
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

_REPLY = re.compile(
    r"(?<![A-Za-z0-9])(?P<id>S|SI|Z|ZI|T|TI)\s+(?P<status>[SDIA+\-])"
    r"(?:\s+(?P<value>[-+]?\s*\d+\.?\d*)\s+(?P<unit>[A-Za-z]{1,3}))?\s*$"
)
_ERROR = re.compile(r"(?<![A-Za-z0-9])(?P<code>E[STL])\s*$")


class MtSics(ScaleProtocol):
    """MT-SICS level 0/1: weight, zero and tare."""

    name: ClassVar[str] = "sics"
    title: ClassVar[str] = "Mettler Toledo MT-SICS"
    default_line: ClassVar[LineSettings] = LineSettings(9600, 8, "N", 1)
    # SI (immediate) rather than S: S blocks inside the balance until it is stable, while SI
    # answers at once with the balance's own S/D flag, which is what polling needs.
    request: ClassVar[bytes | None] = b"SI\r\n"
    zero_command: ClassVar[bytes | None] = b"Z\r\n"
    tare_command: ClassVar[bytes | None] = b"T\r\n"

    def new_framer(self) -> Framer:
        return DelimitedFramer(start=None, end=0x0A, max_len=80)

    def parse(self, frame: bytes) -> ParseResult:
        text = frame.decode("ascii", errors="replace").rstrip("\r\n")
        error = _ERROR.search(text)
        if error:
            return Reply(accepted=False, code=error.group("code"), raw_frame=frame)
        match = _REPLY.search(text)
        if not match:
            return None
        ident, status = match.group("id"), match.group("status")
        raw = match.group("value")
        value = parse_decimal(raw) if raw is not None else None
        if ident in ("S", "SI"):
            if status in "SD" and value is not None:
                return make_reading(
                    protocol=self.name,
                    raw_frame=frame,
                    value=value,
                    unit=match.group("unit"),
                    motion=status == "D",
                )
            if status in "+-":
                return make_reading(
                    protocol=self.name,
                    raw_frame=frame,
                    value=None,
                    unit="",
                    motion=False,
                    overload=status == "+",
                    underload=status == "-",
                )
            return Reply(accepted=False, code=f"{ident} {status}", raw_frame=frame)
        # Zero/tare answers: "Z A" done, "T S <tare> <unit>" done, I/+/- refused.
        return Reply(accepted=status in "AS", code=f"{ident} {status}", raw_frame=frame)
