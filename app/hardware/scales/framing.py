"""Streaming framers: turn an arbitrary byte stream into candidate frames.

Serial reads split frames at arbitrary points, several frames can arrive in one read, and
line noise (or a wrong baud rate) produces garbage between them. A framer keeps the unfinished
tail between ``feed`` calls, resynchronises on the protocol's start byte, bounds its buffer, and
counts the bytes it had to throw away so the driver can tell "garbage" from "silence". A framer
that can check a frame itself (a checksum) drops the frames that fail and counts them in
``bad_frames``, so the driver can tell a noisy line from a wrong protocol.
"""

from __future__ import annotations

from abc import ABC, abstractmethod


def strip_parity(data: bytes) -> bytes:
    """Clear bit 7 of every byte.

    All scale protocols here are 7-bit ASCII. A 7E1 scale read by a port set to 8N1 has the
    same bit timing, so its bytes arrive with the parity bit in bit 7; masking makes that common
    misconfiguration work instead of looking like garbage.
    """
    return data.translate(_PARITY_TABLE)


_PARITY_TABLE = bytes(b & 0x7F for b in range(256))


class Framer(ABC):
    """Accumulates bytes and returns complete candidate frames."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self.garbage_bytes = 0
        self.bad_frames = 0

    def feed(self, data: bytes) -> list[bytes]:
        """Add received bytes; return every complete frame now available (maybe none)."""
        self._buf += strip_parity(data)
        return self._extract()

    def reset(self) -> None:
        """Forget any partial frame (after a flush, or before a new request)."""
        self._buf.clear()

    def _discard(self, count: int) -> None:
        self.garbage_bytes += count
        del self._buf[:count]

    @abstractmethod
    def _extract(self) -> list[bytes]:
        """Pull complete frames out of ``self._buf``."""


class DelimitedFramer(Framer):
    """Frames that run from a start byte to an end byte, e.g. ``<STX> ... <CR>``.

    With ``start=None`` frames are lines ending in ``end``. When ``restart`` is set, a start
    byte seen before the end byte means the earlier frame was cut off, so framing restarts
    there; protocols whose start byte may also appear inside a frame (NCI's LF) turn it off.
    """

    def __init__(self, *, start: int | None, end: int, max_len: int, restart: bool = True) -> None:
        super().__init__()
        self._start = start
        self._end = end
        self._max_len = max_len
        self._restart = restart

    def _extract(self) -> list[bytes]:
        frames: list[bytes] = []
        while self._buf:
            if self._start is not None:
                begin = self._buf.find(self._start)
                if begin < 0:
                    self._discard(len(self._buf))
                    break
                if begin:
                    self._discard(begin)
            end = self._buf.find(self._end, 1 if self._start is not None else 0)
            if self._restart and self._start is not None:
                again = self._buf.find(self._start, 1)
                if again > 0 and (end < 0 or again < end):
                    self._discard(again)
                    continue
            if end < 0:
                if len(self._buf) > self._max_len:
                    self._discard(len(self._buf) if self._start is None else 1)
                    continue
                break
            frame = bytes(self._buf[: end + 1])
            del self._buf[: end + 1]
            if len(frame) > self._max_len:
                self.garbage_bytes += len(frame)
                continue
            frames.append(frame)
        return frames
