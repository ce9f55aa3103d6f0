"""Serial ports (RS-232, USB-serial adapters): ``serial:///dev/ttyUSB0?baud=9600``.

Writes go in small chunks, each with ``write_timeout``, so a slow 9600-baud printer that
is still accepting data is not mistaken for a hung one.
"""

from __future__ import annotations

from typing import Any

import serial

from printers.errors import ConnectionDropped, InvalidPrinterUri, PrinterOffline, PrinterTimeout
from printers.transports.base import DEFAULT_TIMEOUT_S, Transport

CHUNK = 1024
_PARITIES = {"N": serial.PARITY_NONE, "E": serial.PARITY_EVEN, "O": serial.PARITY_ODD}


class SerialTransport(Transport):
    """``serial://PORT?baud=9600&bytesize=8&parity=N&stopbits=1&rtscts=0&xonxoff=0``."""

    scheme = "serial"
    bidirectional = True

    def __init__(
        self,
        port: str,
        *,
        baud: int = 9600,
        bytesize: int = 8,
        parity: str = "N",
        stopbits: int = 1,
        rtscts: bool = False,
        xonxoff: bool = False,
        timeout: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        super().__init__(port, timeout=timeout)
        if parity.upper() not in _PARITIES:
            raise InvalidPrinterUri(
                uri=f"serial://{port}", reason=f"parity '{parity}' is not N/E/O"
            )
        self.settings: dict[str, Any] = {
            "baudrate": baud,
            "bytesize": bytesize,
            "parity": _PARITIES[parity.upper()],
            "stopbits": stopbits,
            "rtscts": rtscts,
            "xonxoff": xonxoff,
            "dsrdtr": False,
        }
        self._port: serial.Serial | None = None

    def open(self) -> None:
        """Open the port; a missing or busy port is PrinterOffline."""
        try:
            self._port = serial.Serial(
                self.target, timeout=self.timeout, write_timeout=self.timeout, **self.settings
            )
        except (serial.SerialException, OSError, ValueError) as error:
            raise PrinterOffline(target=self.target, reason=str(error)) from error

    def write(self, data: bytes) -> None:
        """Send in chunks; a chunk not accepted within the timeout is PrinterTimeout."""
        port = self._require()
        sent = 0
        try:
            for start in range(0, len(data), CHUNK):
                port.write(data[start : start + CHUNK])
                sent = min(len(data), start + CHUNK)
            port.flush()
        except serial.SerialTimeoutException as error:
            raise PrinterTimeout(target=self.target, seconds=self.timeout) from error
        except (serial.SerialException, OSError) as error:
            raise ConnectionDropped(target=self.target, sent=sent, total=len(data)) from error

    def read(self, size: int, timeout: float) -> bytes:
        """Status replies; b"" if the printer stays silent."""
        port = self._require()
        port.timeout = timeout
        try:
            return bytes(port.read(size))
        except (serial.SerialException, OSError) as error:
            raise ConnectionDropped(target=self.target, sent=0, total=0) from error

    def close(self) -> None:
        """Close the port."""
        port, self._port = self._port, None
        if port is not None:
            port.close()

    def _require(self) -> serial.Serial:
        if self._port is None:
            self.open()
        assert self._port is not None
        return self._port
