"""Raw TCP (JetDirect / port 9100): the common network-printer connection.

Data goes out in chunks, each with its own timeout, so a printer that is slow because it
is printing is fine, but one that stops reading for ``timeout`` seconds raises
PrinterTimeout. After the last byte we half-close and briefly wait for the printer's
answer: a reset there means it dropped the job.
"""

from __future__ import annotations

import socket

from printers.errors import ConnectionDropped, ConnectionRefused, PrinterOffline, PrinterTimeout
from printers.transports.base import DEFAULT_TIMEOUT_S, Transport

CHUNK = 16 * 1024


class TcpTransport(Transport):
    """``tcp://host:9100``."""

    scheme = "tcp"
    bidirectional = True

    def __init__(
        self,
        host: str,
        port: int = 9100,
        *,
        timeout: float = DEFAULT_TIMEOUT_S,
        drain_timeout: float = 0.5,
        send_buffer_bytes: int | None = None,
    ) -> None:
        super().__init__(f"{host}:{port}", timeout=timeout)
        self.host = host
        self.port = port
        self.drain_timeout = drain_timeout
        self.send_buffer_bytes = send_buffer_bytes
        self._socket: socket.socket | None = None
        self._sent = 0
        self._total = 0

    def open(self) -> None:
        """Connect within ``timeout``."""
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except ConnectionRefusedError as error:
            raise ConnectionRefused(target=self.target) from error
        except TimeoutError as error:
            raise PrinterOffline(target=self.target, reason="no answer") from error
        except OSError as error:
            raise PrinterOffline(target=self.target, reason=error.strerror or str(error)) from error
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if self.send_buffer_bytes:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, self.send_buffer_bytes)
        self._socket = sock

    def write(self, data: bytes) -> None:
        """Send everything; each chunk must be accepted within ``timeout``."""
        sock = self._require()
        view = memoryview(data)
        self._total += len(data)
        sock.settimeout(self.timeout)
        offset = 0
        while offset < len(view):
            try:
                offset += sock.send(view[offset : offset + CHUNK])
            except TimeoutError as error:
                raise PrinterTimeout(target=self.target, seconds=self.timeout) from error
            except OSError as error:
                raise ConnectionDropped(
                    target=self.target, sent=self._sent + offset, total=self._total
                ) from error
        self._sent += len(data)

    def read(self, size: int, timeout: float) -> bytes:
        """Status replies (ESC/POS DLE EOT); b"" when the printer stays silent."""
        sock = self._require()
        sock.settimeout(timeout)
        try:
            return sock.recv(size)
        except TimeoutError:
            return b""
        except OSError as error:
            raise ConnectionDropped(
                target=self.target, sent=self._sent, total=self._total
            ) from error

    def close(self) -> None:
        """Half-close, give the printer ``drain_timeout`` to reset on us, then close."""
        sock, self._socket = self._socket, None
        if sock is None:
            return
        try:
            if self._sent:
                sock.shutdown(socket.SHUT_WR)
                sock.settimeout(self.drain_timeout)
                try:
                    while sock.recv(4096):
                        pass
                except TimeoutError:
                    pass
                except OSError as error:
                    raise ConnectionDropped(
                        target=self.target, sent=self._sent, total=self._total
                    ) from error
        except OSError as error:
            raise ConnectionDropped(
                target=self.target, sent=self._sent, total=self._total
            ) from error
        finally:
            sock.close()

    def _require(self) -> socket.socket:
        """The open socket (opening lazily keeps the contract simple for callers)."""
        if self._socket is None:
            self.open()
        assert self._socket is not None
        return self._socket
