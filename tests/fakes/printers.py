"""Fake printers: they receive bytes like real ones and parse them back into images.

The parsers are independent re-implementations of the printer side of ESC/POS
(``GS v 0``), TSPL (``BITMAP``) and ZPL (``^GFA`` with ASCII compression), so a test
can decode the barcode in what the "printer" would print. Receivers:

* :class:`FakeTcpPrinter` - loopback port-9100 printer (port 0) that can also refuse,
  drop the connection mid-job, or stop reading;
* :class:`FakePtyPrinter` - the far end of a pseudo-terminal, for serial:// and file://.

Both answer ESC/POS ``DLE EOT n`` status queries sent before a job when given replies.
"""

from __future__ import annotations

import os
import re
import select
import socket
import struct
import threading
import tty
from dataclasses import dataclass, field
from types import TracebackType

from PIL import Image

DLE_EOT = b"\x10\x04"
READY = {1: 0x12, 2: 0x12, 4: 0x12}  # online, cover closed, paper present
PAPER_OUT = {1: 0x12, 2: 0x32, 4: 0x72}
COVER_OPEN = {1: 0x1A, 2: 0x16, 4: 0x12}


def _image_from_rows(rows: bytes, width_bytes: int, height: int) -> Image.Image:
    """Packed rows with 1 = printed dot -> mode "1" image (0 = black)."""
    inverted = bytes(255 - value for value in rows)
    return Image.frombytes("1", (width_bytes * 8, height), inverted)


# ---------------------------------------------------------------- ESC/POS


@dataclass
class EscposCapture:
    """What an ESC/POS printer made of the stream."""

    images: list[Image.Image] = field(default_factory=list)
    bands: int = 0
    band_heights: list[int] = field(default_factory=list)
    cuts: int = 0
    status_queries: list[int] = field(default_factory=list)
    initialised: bool = False


def parse_escpos(data: bytes) -> EscposCapture:
    """Stitch consecutive GS v 0 bands into one page; a cut starts a new page."""
    capture = EscposCapture()
    rows = bytearray()
    width_bytes = 0
    height = 0
    index = 0

    def flush() -> None:
        nonlocal rows, height
        if height:
            capture.images.append(_image_from_rows(bytes(rows), width_bytes, height))
        rows, height = bytearray(), 0

    while index < len(data):
        if data.startswith(b"\x1b@", index):
            capture.initialised = True
            index += 2
        elif data.startswith(DLE_EOT, index):
            capture.status_queries.append(data[index + 2])
            index += 3
        elif data.startswith(b"\x1dv0", index):
            _mode, x_bytes, y_dots = struct.unpack_from("<BHH", data, index + 3)
            start = index + 8
            band = data[start : start + x_bytes * y_dots]
            if len(band) != x_bytes * y_dots:
                raise ValueError("truncated GS v 0 band")
            if height and x_bytes != width_bytes:
                raise ValueError("band width changed inside a page")
            width_bytes = x_bytes
            rows += band
            height += y_dots
            capture.bands += 1
            capture.band_heights.append(y_dots)
            index = start + len(band)
        elif data.startswith(b"\x1bd", index):  # feed n lines
            index += 3
        elif data.startswith(b"\x1dV", index):
            mode = data[index + 2]
            index += 4 if mode in (65, 66) else 3
            capture.cuts += 1
            flush()
        elif data[index] in b"\n":
            index += 1
        else:
            raise ValueError(f"unexpected ESC/POS byte 0x{data[index]:02x} at {index}")
    flush()
    return capture


# ---------------------------------------------------------------- TSPL


@dataclass
class TsplCapture:
    """What a TSPL printer made of the program."""

    commands: list[str] = field(default_factory=list)
    images: list[Image.Image] = field(default_factory=list)
    copies: list[int] = field(default_factory=list)


def parse_tspl(data: bytes, *, zero_is_black: bool = True, dpi: int = 203) -> TsplCapture:
    """Run the program: CLS starts a blank page (SIZE at the head's ``dpi``), BITMAP
    draws, PRINT emits it."""
    capture = TsplCapture()
    page: Image.Image | None = None
    index = 0
    while index < len(data):
        if data.startswith(b"BITMAP ", index):
            header_end = index
            for _ in range(5):
                header_end = data.index(b",", header_end) + 1
            x, y, width_bytes, height, _mode = (
                int(value) for value in data[index + 7 : header_end - 1].split(b",")
            )
            raw = data[header_end : header_end + width_bytes * height]
            if len(raw) != width_bytes * height:
                raise ValueError("truncated BITMAP data")
            rows = bytes(255 - v for v in raw) if zero_is_black else raw
            if page is None:
                raise ValueError("BITMAP before CLS")
            page.paste(_image_from_rows(rows, width_bytes, height), (x, y))
            index = header_end + len(raw)
            if not data.startswith(b"\r\n", index):
                raise ValueError("BITMAP data not followed by CRLF")
            index += 2
            capture.commands.append("BITMAP")
            continue
        end = data.index(b"\r\n", index)
        command = data[index:end].decode("ascii")
        index = end + 2
        capture.commands.append(command)
        if command.startswith("SIZE "):
            size = re.findall(r"([\d.]+) mm", command)
            width_mm, height_mm = float(size[0]), float(size[1])
            page_size = (round(width_mm / 25.4 * dpi), round(height_mm / 25.4 * dpi))
        elif command == "CLS":
            page = Image.new("1", page_size, 1)
        elif command.startswith("PRINT "):
            if page is None:
                raise ValueError("PRINT before CLS")
            capture.images.append(page)
            capture.copies.append(int(command.split(",")[1]))
    return capture


# ---------------------------------------------------------------- ZPL

_GFA = re.compile(r"\^GFA,(\d+),(\d+),(\d+),(.*?)\^FS", re.DOTALL)


def decompress_zpl(text: str, width_bytes: int, total: int) -> bytes:
    """ZPL ASCII-compressed hex -> packed rows (1 = printed dot)."""
    width_hex = width_bytes * 2
    rows: list[str] = []
    row = ""
    count = 0
    for char in text:
        if "G" <= char <= "Y":
            count += ord(char) - ord("G") + 1
        elif "g" <= char <= "z":
            count += (ord(char) - ord("g") + 1) * 20
        elif char in "0123456789ABCDEFabcdef":
            row += char.upper() * (count or 1)
            count = 0
        elif char == ",":
            row = row.ljust(width_hex, "0")
        elif char == "!":
            row = row.ljust(width_hex, "F")
        elif char == ":":
            if row or not rows:
                raise ValueError("':' must start a row and follow one")
            row = rows[-1]
        elif char.isspace():
            continue
        else:
            raise ValueError(f"unexpected character {char!r} in ^GFA data")
        if len(row) > width_hex:
            raise ValueError("row longer than the declared width")
        if len(row) == width_hex:
            rows.append(row)
            row = ""
    if row:
        raise ValueError("incomplete last row")
    result = bytes.fromhex("".join(rows))
    if len(result) != total:
        raise ValueError(f"decompressed {len(result)} bytes, header says {total}")
    return result


def parse_zpl(data: bytes) -> list[Image.Image]:
    """Every ^GFA graphic in the stream, as images."""
    images = []
    for total, _, width_bytes, body in _GFA.findall(data.decode("ascii")):
        rows = decompress_zpl(body, int(width_bytes), int(total))
        images.append(_image_from_rows(rows, int(width_bytes), int(total) // int(width_bytes)))
    return images


# ---------------------------------------------------------------- receivers


class _StatusPreamble:
    """Strips and answers DLE EOT queries sent before the job itself starts."""

    def __init__(self, replies: dict[int, int] | None) -> None:
        self.replies = replies
        self.queries: list[int] = []
        self.done = False
        self.pending = b""

    def feed(self, chunk: bytes) -> tuple[bytes, bytes]:
        """Return (job bytes to keep, reply bytes to send back)."""
        if self.done:
            return chunk, b""
        self.pending += chunk
        reply = b""
        while len(self.pending) >= 3 and self.pending.startswith(DLE_EOT):
            query = self.pending[2]
            self.queries.append(query)
            if self.replies is not None:
                reply += bytes([self.replies[query]])
            self.pending = self.pending[3:]
        if self.pending and not DLE_EOT.startswith(self.pending[:2]):
            self.done = True
            kept, self.pending = self.pending, b""
            return kept, reply
        return b"", reply


class FakeTcpPrinter:
    """A loopback raw-TCP printer.

    behaviour: "normal" reads every job to EOF; "close_after" resets the connection after
    ``close_after`` job bytes; "stall" accepts but never reads (with tiny buffers).
    """

    def __init__(
        self,
        behaviour: str = "normal",
        *,
        close_after: int = 0,
        status_replies: dict[int, int] | None = None,
    ) -> None:
        self.behaviour = behaviour
        self.close_after = close_after
        self.status_replies = status_replies
        self.jobs: list[bytes] = []
        self.status_queries: list[int] = []
        self._lock = threading.Lock()
        self._job_done = threading.Condition(self._lock)
        self._stop = threading.Event()
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if behaviour == "stall":
            self._server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(8)
        self._server.settimeout(0.05)
        self.port = self._server.getsockname()[1]
        self._held: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def uri(self) -> str:
        """Where to send jobs."""
        return f"tcp://127.0.0.1:{self.port}"

    def wait_for_jobs(self, count: int, timeout: float = 10.0) -> list[bytes]:
        """Block until ``count`` complete jobs arrived (or the timeout passes)."""
        with self._job_done:
            self._job_done.wait_for(lambda: len(self.jobs) >= count, timeout)
            return list(self.jobs)

    def wait_for_status_queries(self, count: int = 1, timeout: float = 10.0) -> list[int]:
        """Block until ``count`` DLE EOT queries were seen on finished connections."""
        with self._job_done:
            self._job_done.wait_for(lambda: len(self.status_queries) >= count, timeout)
            return list(self.status_queries)

    def close(self) -> None:
        """Stop serving and release every socket."""
        self._stop.set()
        self._thread.join(5)
        for held in self._held:
            held.close()
        self._server.close()

    def __enter__(self) -> FakeTcpPrinter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self.behaviour == "stall":
                self._held.append(connection)  # never read: the sender's buffers fill up
                continue
            self._receive(connection)

    def _receive(self, connection: socket.socket) -> None:
        preamble = _StatusPreamble(self.status_replies)
        job = bytearray()
        connection.settimeout(0.05)
        with connection:
            while not self._stop.is_set():
                try:
                    chunk = connection.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not chunk:
                    break
                kept, reply = preamble.feed(chunk)
                if reply:
                    connection.sendall(reply)
                job += kept
                if self.behaviour == "close_after" and len(job) >= self.close_after:
                    # Abort with RST, as a printer that powers off or resets would.
                    connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                    )
                    break
        with self._job_done:
            self.status_queries += preamble.queries
            if job and self.behaviour == "normal":
                self.jobs.append(bytes(job))
            self._job_done.notify_all()


class FakePtyPrinter:
    """A printer at the far end of a pseudo-terminal (for serial:// and file:// URIs)."""

    def __init__(self, *, status_replies: dict[int, int] | None = None) -> None:
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)  # no newline translation: the line carries binary rasters
        self.path = os.ttyname(self._slave)
        self.received = bytearray()
        self._preamble = _StatusPreamble(status_replies)
        self._lock = threading.Condition()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    @property
    def status_queries(self) -> list[int]:
        """DLE EOT queries seen before the job."""
        return self._preamble.queries

    def wait_for_bytes(self, count: int, timeout: float = 10.0) -> bytes:
        """Block until ``count`` job bytes arrived (or the timeout passes)."""
        with self._lock:
            self._lock.wait_for(lambda: len(self.received) >= count, timeout)
            return bytes(self.received)

    def close(self) -> None:
        """Stop reading and close both ends."""
        self._stop.set()
        self._thread.join(5)
        os.close(self._master)
        os.close(self._slave)

    def __enter__(self) -> FakePtyPrinter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _read(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self._master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self._master, 65536)
            except OSError:
                return
            kept, reply = self._preamble.feed(chunk)
            if reply:
                os.write(self._master, reply)
            with self._lock:
                self.received += kept
                self._lock.notify_all()
