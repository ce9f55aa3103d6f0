"""Toledo continuous output: ``STX SWA SWB SWC wwwwww tttttt CR [CHK]`` (17 or 18 bytes).

Weight and tare are six digits without a decimal point; status word A bits 0-2 give the
decimal position. Status word B: bit0 net, bit1 negative, bit2 over capacity, bit3 motion,
bit4 kg (else lb). The optional checksum is the two's complement of the sum of the low 7 bits of
all earlier bytes; when the indicator sends it, it is enforced (see ToledoContinuousFramer),
since nothing else protects the weight digits from line noise.
Sources: hardware.md §1.6 (Kern FTC manual, Fairbanks FB3000 manual).
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from app.hardware.scales.framing import Framer
from app.hardware.scales.protocols.base import LineSettings, ParseResult, ScaleProtocol
from app.hardware.scales.reading import make_reading

STX = 0x02
CR = 0x0D
FRAME_LEN = 17  # without the optional checksum byte

# SWA bits 0-2 -> power of ten of the last transmitted digit. Codes 0 and 1 ("X00", "X0",
# dummy zeros) are read as whole numbers: the dummy zeros are part of the six digits.
_DECIMALS = {0: 0, 1: 0, 2: 0, 3: -1, 4: -2, 5: -3, 6: -4, 7: -5}
_DIGITS = frozenset(b"0123456789 ")


def checksum(data: bytes) -> int:
    """Two's complement of the 7-bit sum of ``data``, as the indicator appends it."""
    return -sum(b & 0x7F for b in data) & 0x7F


class ToledoContinuousFramer(Framer):
    """Cuts 17-byte STX...CR frames and enforces the checksum byte that may follow them.

    Indicators send the checksum or not, by configuration, and a frame does not say which, so
    the line decides. A frame followed by its correct checksum is emitted with it (18 bytes). A
    frame followed by any other byte is dropped and counted in ``bad_frames``: a digit or the
    checksum was hit. A frame followed directly by the next STX is held back until a second
    one arrives the same way; only then is the line taken as checksum-less (and its frames
    emitted as soon as their CR arrives), because on a checksummed line that pattern means the
    checksum byte was lost, or was itself 0x02 after a corrupted frame. A correct checksum
    after a frame on a checksum-less line switches the checking back on.
    """

    def __init__(self) -> None:
        super().__init__()
        self._plain = False
        self._pending: bytes | None = None
        self._plain_checksum: int | None = None

    def reset(self) -> None:
        # Whether the line carries checksums is a property of the indicator: it survives.
        super().reset()
        self._pending = None
        self._plain_checksum = None

    def _extract(self) -> list[bytes]:
        frames: list[bytes] = []
        while self._buf:
            if self._plain_checksum is not None:
                if self._buf[0] == self._plain_checksum and self._buf[0] != STX:
                    del self._buf[:1]
                    self._plain = False
                self._plain_checksum = None
                continue
            begin = self._buf.find(STX)
            if begin < 0:
                self._discard(len(self._buf))
                break
            if begin:
                self._discard(begin)
            if len(self._buf) < FRAME_LEN:
                break
            if self._buf[FRAME_LEN - 1] != CR:
                self._discard(1)
                continue
            frame = bytes(self._buf[:FRAME_LEN])
            expected = checksum(frame)
            if self._plain:
                del self._buf[:FRAME_LEN]
                self._plain_checksum = expected
                frames.append(frame)
                continue
            if len(self._buf) < FRAME_LEN + 1:
                break
            after = self._buf[FRAME_LEN]
            if after == STX == expected:
                # Checksum 0x02 or the next frame's STX: a checksum is followed by an STX,
                # a frame's STX by its status word A (bit 5 always set).
                if len(self._buf) < FRAME_LEN + 2:
                    break
                checked = self._buf[FRAME_LEN + 1] == STX
            else:
                checked = after == expected
            if checked:
                del self._buf[: FRAME_LEN + 1]
                self._drop_pending()
                frames.append(frame + bytes([after]))
            elif after == STX:
                del self._buf[:FRAME_LEN]
                if self._pending is None:
                    self._pending = frame
                else:
                    frames += [self._pending, frame]
                    self._pending = None
                    self._plain = True
            else:
                del self._buf[: FRAME_LEN + 1]
                self._drop_pending()
                self.bad_frames += 1
        return frames

    def _drop_pending(self) -> None:
        """A held frame proved to come from a checksummed line without its checksum: bad."""
        if self._pending is not None:
            self._pending = None
            self.bad_frames += 1


class ToledoContinuous(ScaleProtocol):
    """Toledo 17/18-byte continuous output (many indicators, not just Toledo)."""

    name: ClassVar[str] = "toledo-continuous"
    title: ClassVar[str] = "Toledo continuous"
    default_line: ClassVar[LineSettings] = LineSettings(9600, 7, "E", 1)
    command_reply: ClassVar[bool] = False

    def new_framer(self) -> Framer:
        return ToledoContinuousFramer()

    def parse(self, frame: bytes) -> ParseResult:
        if len(frame) not in (FRAME_LEN, FRAME_LEN + 1):
            return None
        if frame[0] != STX or frame[FRAME_LEN - 1] != CR:
            return None
        if len(frame) == FRAME_LEN + 1 and frame[-1] & 0x7F != checksum(frame[:FRAME_LEN]):
            return None
        swa, swb, swc = frame[1] & 0x7F, frame[2] & 0x7F, frame[3] & 0x7F
        if not (swa & swb & swc & 0x20):  # bit 5 is always 1 in every status word
            return None
        digits = frame[4:10]
        if not set(digits) <= _DIGITS or not digits.strip() or not set(frame[10:16]) <= _DIGITS:
            return None
        value = Decimal(int(digits.replace(b" ", b""))).scaleb(_DECIMALS[swa & 0x07])
        if swb & 0x02:
            value = -value
        return make_reading(
            protocol=self.name,
            raw_frame=frame,
            value=value,
            unit="kg" if swb & 0x10 else "lb",
            motion=bool(swb & 0x08),
            overload=bool(swb & 0x04),
        )
