"""Fake serial scales on real pseudo-terminals, answering with frames from the manuals.

A :class:`FakeScale` owns the master side of an ``os.openpty()`` pair and publishes the slave
under a stable symlink (``port``), so the code under test opens a real tty with pyserial.
``disconnect()`` closes the pty and removes the link (the cable is pulled: the open port
fails, reopening finds nothing); ``reconnect()`` makes a new pty behind the same link.

The frame builders below are written from the protocol descriptions in
/work/shared/reference/hardware.md (manual excerpts), independently of app.hardware, so the
parsers are checked against the documents rather than against themselves.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

STX, ETX, LF, CR = b"\x02", b"\x03", b"\n", b"\r"


# -- frame builders (from the manuals) ------------------------------------------------------


def toledo_weight(weight: Decimal) -> bytes:
    """Transcell PC-150: valid weight -> <STX>XXX.XX<CR> (no unit)."""
    return STX + f"{weight:6.2f}".encode() + CR


def toledo_status(motion: bool = False, over: bool = False, under: bool = False) -> bytes:
    """<STX>?<status><CR>; B0 motion, B1 out of range, B2 under zero, B5/B6 always 1."""
    bits = 0x60 | motion | over << 1 | under << 2
    return STX + b"?" + bytes([bits]) + CR


def sics_weight(status: str, weight: Decimal, unit: str = "g") -> bytes:
    """MT-SICS 'S S     100.00 g' / 'S D ...' (ID, status, value, unit, CR LF)."""
    return f"S {status} {weight:10.2f} {unit}\r\n".encode()


def sma_frame(
    weight: Decimal | None, unit: str = "lb", *, status: str = " ", motion: bool = False
) -> bytes:
    """SMA <LF><s><r><n><m><f><xxxxxx.xxx><uuu><CR>; dashes when there is no weight."""
    field = "-" * 10 if weight is None else f"{weight:10.3f}"
    return f"\n{status}1G{'M' if motion else ' '} {field}{unit:<3}\r".encode()


def nci_status(motion: bool = False, zero: bool = False, under: bool = False,
               over: bool = False, prefix: str = "") -> bytes:
    """Two SCP-01 status bytes (bits 4 and 5 always set), SCP-02 prefixes 'S'."""
    first = 0x30 | motion | zero << 1
    second = 0x30 | under | over << 1
    return prefix.encode() + bytes([first, second])


def nci_weight(weight: Decimal, unit: str, status: bytes, *, second_lf: bool = True) -> bytes:
    """SCP-01 <LF>xxxx.xxuu<CR><LF>hh<CR><ETX> (some firmwares omit the second LF)."""
    weight_part = LF + f"{weight:7.2f}{unit}".encode() + CR
    return weight_part + (LF if second_lf else b"") + status + CR + ETX


def toledo_continuous(weight: Decimal, *, kg: bool = False, motion: bool = False,
                      over: bool = False, checksum: bool = True) -> bytes:
    """STX SWA SWB SWC wwwwww tttttt CR [CHK]; SWA 0b100 = two decimals."""
    swa = 0x20 | 0x04
    swb = 0x20 | (weight < 0) << 1 | over << 2 | motion << 3 | kg << 4
    digits = f"{abs(int(weight * 100)):06d}".encode()
    frame = STX + bytes([swa, swb, 0x20]) + digits + b"000000" + CR
    if checksum:
        frame += bytes([-sum(b & 0x7F for b in frame) & 0x7F])
    return frame


def and_line(header: str, weight: Decimal, unit: str = "g", *, cas: bool = False) -> bytes:
    """A&D 'ST,+00123.45  g' or CAS 'ST,GS,+  1.500kg' (CR LF)."""
    if cas:
        return f"{header},GS,{weight:+8.3f}{unit}\r\n".encode()
    return f"{header},{weight:+09.2f}{unit:>3}\r\n".encode()


# -- the scale --------------------------------------------------------------------------------

CONTINUOUS = ("toledo-continuous", "and")


class FakeScale:
    """A scale of one protocol behind a pseudo-terminal; configure it through its attributes.

    ``place(weight, motion_frames=n)`` shows motion for the next ``n`` weight frames, then a
    stable weight. ``overload``/negative weights, ``silent`` (receives but never answers),
    ``noise`` (bytes written before each frame), ``split`` (frames written a few bytes at a
    time), ``garble`` (bytes that look like a wrong baud rate) and ``mangle`` (a function
    applied to every frame before it is sent: a glitch on the line) model the faults.
    """

    def __init__(self, protocol: str, directory: Path, *, unit: str = "lb") -> None:
        self.protocol = protocol
        self.port = str(directory / f"tty-{protocol}")
        self.unit = unit
        self.weight = Decimal(0)
        self.motion_frames = 0
        self.overload = False
        self.silent = False
        self.noise = b""
        self.split = False
        self.garble = False
        self.mangle: Callable[[bytes], bytes] | None = None
        self.frames_per_write = 1
        self.stream_interval = 0.03
        self.nci_second_lf = True
        self.cas = False
        self.received = bytearray()
        self.zeroed = 0
        self.tared = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._master: int | None = None
        self._slave: int | None = None
        self._thread: threading.Thread | None = None
        self._pending = bytearray()

    # -- life cycle -------------------------------------------------------------------------

    def start(self) -> FakeScale:
        self._open_pty()
        self._thread = threading.Thread(target=self._run, name=f"fake-{self.protocol}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2)
        self.disconnect()

    def disconnect(self) -> None:
        """Pull the cable: close the pty and remove the port."""
        with self._lock:
            for fd in (self._master, self._slave):
                if fd is not None:
                    with contextlib.suppress(OSError):
                        os.close(fd)
            self._master = self._slave = None
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.port)

    def reconnect(self) -> None:
        """Plug the cable back in: a new pty behind the same port path."""
        self._open_pty()

    def place(self, weight: Decimal | str | int, motion_frames: int = 0) -> None:
        with self._lock:
            self.weight = Decimal(weight)
            self.motion_frames = motion_frames

    def _open_pty(self) -> None:
        master, slave = os.openpty()
        os.set_blocking(master, False)
        with self._lock:
            self._master, self._slave = master, slave
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.port)
            os.symlink(os.ttyname(slave), self.port)

    # -- the line ---------------------------------------------------------------------------

    def _run(self) -> None:
        next_stream = time.monotonic()
        while not self._stop.is_set():
            master = self._master
            if master is None:
                time.sleep(0.01)
                continue
            try:
                ready, _, _ = select.select([master], [], [], 0.01)
                data = os.read(master, 256) if ready else b""
            except OSError:
                time.sleep(0.01)  # closed by disconnect() meanwhile
                continue
            if data:
                self.received += data
                self._pending += data
                for command in self._commands():
                    self._answer(command)
            if self.protocol in CONTINUOUS and time.monotonic() >= next_stream:
                next_stream = time.monotonic() + self.stream_interval
                frames = b"".join(self._weight_frame() for _ in range(self.frames_per_write))
                self._send(frames)

    def _commands(self) -> list[bytes]:
        """Cut complete commands out of what the host sent, per protocol's terminator."""
        commands: list[bytes] = []
        if self.protocol == "toledo":  # single letters, no terminator
            commands = [bytes([b]) for b in self._pending]
            self._pending.clear()
            return commands
        end = b"\n" if self.protocol in ("sics", "and") else b"\r"
        while (i := self._pending.find(end)) >= 0:
            commands.append(bytes(self._pending[:i]).strip(b"\r\n"))
            del self._pending[: i + 1]
        return commands

    def _send(self, data: bytes) -> None:
        if self.silent or not data:
            return
        if self.mangle is not None:
            data = self.mangle(data)
        if self.garble:
            data = bytes(0xE0 | (b & 0x1F) for b in data)
        data = self.noise + data
        chunks = [data[i : i + 3] for i in range(0, len(data), 3)] if self.split else [data]
        for chunk in chunks:
            master = self._master
            if master is None:
                return
            with contextlib.suppress(OSError):  # nobody listening / buffer full: line drops it
                os.write(master, chunk)
            if self.split:
                time.sleep(0.004)

    # -- protocol behaviour -----------------------------------------------------------------

    def _take_motion(self) -> bool:
        with self._lock:
            moving = self.motion_frames > 0
            self.motion_frames = max(0, self.motion_frames - 1)
            return moving

    def _shown(self, moving: bool) -> Decimal:
        """While moving the display swings around the target."""
        return self.weight + (Decimal("0.37") if moving else 0)

    def _answer(self, command: bytes) -> None:
        handler: dict[str, Callable[[bytes], bytes]] = {
            "toledo": self._toledo,
            "sics": self._sics,
            "sma": self._sma,
            "nci": self._nci,
            "and": self._and_command,
            "toledo-continuous": lambda _c: b"",
        }
        self._send(handler[self.protocol](command))

    def _zero(self) -> None:
        self.zeroed += 1
        self.weight = Decimal(0)

    def _toledo(self, command: bytes) -> bytes:
        if command == b"W":
            moving = self._take_motion()
            if moving or self.overload or self.weight < 0:
                return toledo_status(moving, self.overload, self.weight < 0)
            return toledo_weight(self.weight)
        if command == b"Z":
            self._zero()
            return STX + b"?" + bytes([0x70]) + CR  # centre of zero
        if command == b"T":
            self.tared += 1
            return toledo_status()
        return b""

    def _sics(self, command: bytes) -> bytes:
        if command in (b"S", b"SI"):
            if self.overload:
                return b"S +\r\n"
            if self.weight < 0 and command == b"S":
                return b"S -\r\n"
            moving = self._take_motion()
            if moving and command == b"S":
                return b"S I\r\n"
            return sics_weight("D" if moving else "S", self._shown(moving), self.unit)
        if command == b"Z":
            self._zero()
            return b"Z A\r\n"
        if command == b"T":
            self.tared += 1
            return sics_weight("S", self.weight, self.unit).replace(b"S S", b"T S", 1)
        return b"ES\r\n"

    def _sma(self, command: bytes) -> bytes:
        verb = command.strip(b"\n")
        if verb == b"W":
            moving = self._take_motion()
            if self.overload:
                return sma_frame(self.weight, self.unit, status="O")
            status = "U" if self.weight < 0 else ("Z" if self.weight == 0 else " ")
            return sma_frame(self._shown(moving), self.unit, status=status, motion=moving)
        if verb == b"Z":
            self._zero()
            return sma_frame(Decimal(0), self.unit, status="Z")
        if verb == b"T":
            self.tared += 1
            return sma_frame(Decimal(0), self.unit, status="Z")
        return b"\n?\r"

    def _nci_status(self, moving: bool) -> bytes:
        return nci_status(moving, self.weight == 0, self.weight < 0, self.overload)

    def _nci(self, command: bytes) -> bytes:
        if command == b"W":
            moving = self._take_motion()
            unit = self.unit[:2].ljust(2)
            return nci_weight(
                self._shown(moving), unit, self._nci_status(moving), second_lf=self.nci_second_lf
            )
        if command == b"S":
            return LF + self._nci_status(False) + CR + ETX
        if command == b"Z":
            self._zero()
            return LF + self._nci_status(False) + CR + ETX
        return b"\n?\r\x03"

    def _and_command(self, command: bytes) -> bytes:
        if command == b"Z":
            self._zero()
        elif command == b"T":
            self.tared += 1
        return b""

    def _weight_frame(self) -> bytes:
        moving = self._take_motion()
        shown = self._shown(moving)
        if self.protocol == "toledo-continuous":
            return toledo_continuous(shown, kg=self.unit == "kg", motion=moving, over=self.overload)
        if self.overload:
            return b"OL,+9999999 kg\r\n" if not self.cas else b"OL,GS,+9999999kg\r\n"
        return and_line("US" if moving else "ST", shown, self.unit, cas=self.cas)
