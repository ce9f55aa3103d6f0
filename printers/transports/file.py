"""``file:///path``: a device node (``/dev/usb/lp0``) or a plain file (print to disk).

Device nodes are written non-blocking and waited on with ``select``, so a printer that
stops reading raises PrinterTimeout rather than blocking the worker forever. (Windows has
no ``select`` on files; there the write blocks - use win32:// or tcp:// instead.)
"""

from __future__ import annotations

import os
import select
import stat
import sys

from printers.errors import ConnectionDropped, PrinterOffline, PrinterTimeout
from printers.transports.base import DEFAULT_TIMEOUT_S, Transport


class FileTransport(Transport):
    """Write the job to a path."""

    scheme = "file"

    def __init__(self, path: str, *, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        super().__init__(path, timeout=timeout)
        self._fd: int | None = None
        self._device = False

    def open(self) -> None:
        """Open for writing: device nodes non-blocking, plain files truncated."""
        try:
            mode = os.stat(self.target).st_mode if os.path.exists(self.target) else 0
            self._device = stat.S_ISCHR(mode) and sys.platform != "win32"
            if self._device:
                flags = os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
            else:
                flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
            self._fd = os.open(self.target, flags, 0o644)
        except OSError as error:
            raise PrinterOffline(target=self.target, reason=error.strerror or str(error)) from error

    def write(self, data: bytes) -> None:
        """Write all bytes; on a device, wait at most ``timeout`` for it to accept more."""
        if self._fd is None:
            self.open()
        assert self._fd is not None
        view = memoryview(data)
        offset = 0
        while offset < len(view):
            if self._device:
                _, writable, _ = select.select([], [self._fd], [], self.timeout)
                if not writable:
                    raise PrinterTimeout(target=self.target, seconds=self.timeout)
            try:
                offset += os.write(self._fd, view[offset:])
            except BlockingIOError:
                continue
            except OSError as error:
                raise ConnectionDropped(target=self.target, sent=offset, total=len(data)) from error

    def close(self) -> None:
        """Close the file descriptor."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)
