"""ESC/POS real-time status (``DLE EOT n``) before a job.

A receipt-class printer out of paper still accepts data and silently drops it, so we ask
first where the connection can answer. Bytes follow the Epson spec: n=1 printer status
(bit 3 offline), n=2 offline cause (bit 2 cover open, bit 5 stopped at paper end),
n=4 roll paper sensor (bits 2-3 near end, bits 5-6 paper out). Every reply byte has
bit 1 and bit 4 set and bits 0 and 7 clear, which we check to reject noise. A printer that
does not answer at all (many clones) yields ``None``: status unknown, print anyway.
"""

from __future__ import annotations

from dataclasses import dataclass

from printers.errors import CoverOpen, PaperOut, PrinterOffline
from printers.transports.base import Transport

DLE_EOT = b"\x10\x04"


@dataclass(frozen=True)
class EscposStatus:
    """What the printer said about itself."""

    online: bool
    cover_open: bool
    paper_out: bool
    paper_near_end: bool


def query_status(transport: Transport, timeout: float = 1.0) -> EscposStatus | None:
    """Ask DLE EOT 1, 2, 4; None when the printer does not answer (or cannot)."""
    if not transport.bidirectional:
        return None
    replies: dict[int, int] = {}
    for n in (1, 2, 4):
        transport.write(DLE_EOT + bytes([n]))
        reply = transport.read(1, timeout)
        if len(reply) != 1 or reply[0] & 0x93 != 0x12:
            return None
        replies[n] = reply[0]
    return EscposStatus(
        online=not replies[1] & 0x08,
        cover_open=bool(replies[2] & 0x04),
        paper_out=bool(replies[2] & 0x20) or bool(replies[4] & 0x60),
        paper_near_end=bool(replies[4] & 0x0C),
    )


def raise_for_status(status: EscposStatus | None, target: str) -> None:
    """Turn a bad status into the matching typed error (paper first: it is the usual)."""
    if status is None:
        return
    if status.paper_out:
        raise PaperOut(target=target)
    if status.cover_open:
        raise CoverOpen(target=target)
    if not status.online:
        raise PrinterOffline(target=target, reason="the printer reports itself offline")
