"""Operating-system spoolers: CUPS (``lp``/``lpr``) and Windows (``win32print``).

Spoolers take whole jobs, so each ``write`` submits one job. Raw printer languages go as
``raw`` (CUPS ``-o raw``, Windows datatype RAW); PDF goes through the spooler's own
filters so office printers can render it.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
from types import ModuleType

from printers.errors import PrinterOffline, PrinterTimeout, TransportUnavailable
from printers.transports.base import DEFAULT_TIMEOUT_S, Transport


class CupsTransport(Transport):
    """``cups://QUEUE``: submit with ``lp -d QUEUE`` (or ``lpr -P QUEUE``)."""

    scheme = "cups"

    def __init__(self, queue: str, *, raw: bool = True, timeout: float = DEFAULT_TIMEOUT_S) -> None:
        super().__init__(queue, timeout=timeout)
        self.raw = raw
        self._command: list[str] | None = None

    def open(self) -> None:
        """Find the submit command."""
        raw = ["-o", "raw"] if self.raw else []
        if shutil.which("lp"):
            self._command = ["lp", "-s", "-d", self.target, *raw, "-t", "Haicang", "-"]
        elif shutil.which("lpr"):
            self._command = ["lpr", "-P", self.target, *raw, "-T", "Haicang"]
        else:
            raise TransportUnavailable(transport="CUPS", reason="neither lp nor lpr is installed")

    def write(self, data: bytes) -> None:
        """Submit one job; a rejected queue is PrinterOffline with the spooler's words."""
        if self._command is None:
            self.open()
        assert self._command is not None
        try:
            result = subprocess.run(
                self._command, input=data, capture_output=True, timeout=self.timeout, check=False
            )
        except subprocess.TimeoutExpired as error:
            raise PrinterTimeout(target=self.target, seconds=self.timeout) from error
        if result.returncode != 0:
            reason = result.stderr.decode("utf-8", "replace").strip() or f"exit {result.returncode}"
            raise PrinterOffline(target=self.target, reason=reason)

    def close(self) -> None:
        """Nothing to release."""
        self._command = None


class Win32Transport(Transport):
    """``win32://PRINTER NAME``: the Windows spooler via pywin32's ``win32print``."""

    scheme = "win32"

    def __init__(
        self, printer: str, *, raw: bool = True, timeout: float = DEFAULT_TIMEOUT_S
    ) -> None:
        super().__init__(printer, timeout=timeout)
        self.raw = raw
        self._win32print: ModuleType | None = None

    def open(self) -> None:
        """Import win32print (Windows + pywin32 only) and check the printer exists."""
        try:
            self._win32print = importlib.import_module("win32print")
        except ImportError as error:
            raise TransportUnavailable(
                transport="Windows", reason="pywin32 (win32print) is not installed"
            ) from error
        try:
            handle = self._win32print.OpenPrinter(self.target)
            self._win32print.ClosePrinter(handle)
        except Exception as error:  # pywintypes.error has no importable base here
            raise PrinterOffline(target=self.target, reason=str(error)) from error

    def write(self, data: bytes) -> None:
        """Spool one job (datatype RAW for printer languages)."""
        if self._win32print is None:
            self.open()
        module = self._win32print
        assert module is not None
        try:
            handle = module.OpenPrinter(self.target)
            try:
                module.StartDocPrinter(handle, 1, ("Haicang", None, "RAW" if self.raw else None))
                module.StartPagePrinter(handle)
                module.WritePrinter(handle, data)
                module.EndPagePrinter(handle)
                module.EndDocPrinter(handle)
            finally:
                module.ClosePrinter(handle)
        except Exception as error:  # pywintypes.error
            raise PrinterOffline(target=self.target, reason=str(error)) from error

    def close(self) -> None:
        """Nothing to release."""
