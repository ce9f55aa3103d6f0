"""Typed printing errors.

Every expected failure (a printer that is off, refuses, hangs, runs out of paper; a bad
profile; a file that is not a label) is one of these classes. Each carries an English
``message_template`` with named ``{placeholders}``: the GUI translates by the template
text, the CLI prints ``str(error)``. Callers catch :class:`PrinterError` to keep a job in
their queue and retry later.
"""

from __future__ import annotations

from typing import Any, ClassVar


class PrinterError(Exception):
    """Base class: a job could not be prepared or delivered."""

    message_template: ClassVar[str] = "Printing failed: {reason}"

    def __init__(self, **fields: Any) -> None:
        self.fields: dict[str, Any] = fields
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The template filled with this error's fields (missing ones shown as '?')."""
        return self.message_template.format_map(_Defaulting(self.fields))


class _Defaulting(dict[str, Any]):
    """Formatting mapping that never raises on a missing placeholder."""

    def __missing__(self, key: str) -> str:
        return "?"


class PrinterOffline(PrinterError):
    """The printer cannot be reached or reports itself offline."""

    message_template = "Printer {target} is offline or unreachable: {reason}"


class ConnectionRefused(PrinterOffline):
    """Something answers at the address but refuses the connection (wrong port, busy)."""

    message_template = "Printer {target} refused the connection"


class ConnectionDropped(PrinterError):
    """The printer closed the connection before the whole job was accepted."""

    message_template = "Printer {target} closed the connection after {sent} of {total} bytes"


class PrinterTimeout(PrinterError):
    """The printer stopped accepting data (or answering) for longer than the timeout."""

    message_template = "Printer {target} stopped responding for {seconds} s"


class PaperOut(PrinterError):
    """The printer reports that it has no paper or labels."""

    message_template = "Printer {target} is out of paper"


class CoverOpen(PrinterError):
    """The printer reports that its cover is open."""

    message_template = "Printer {target} has its cover open"


class UnsupportedTransport(PrinterError):
    """The URI's scheme is not one we know."""

    message_template = (
        "Unsupported printer address '{uri}': use tcp, serial, usb, cups, win32 or file"
    )


class InvalidPrinterUri(PrinterError):
    """The URI has a known scheme but cannot be understood."""

    message_template = "Invalid printer address '{uri}': {reason}"


class TransportUnavailable(PrinterError):
    """The transport needs an optional library or system tool that is not installed."""

    message_template = "Cannot use {transport} printers here: {reason}"


class InvalidProfile(PrinterError):
    """A printer profile has a missing or out-of-range setting."""

    message_template = "Invalid printer settings for '{name}': {reason}"


class InvalidDocument(PrinterError):
    """The bytes to print are not a readable PDF (or image) document."""

    message_template = "The document cannot be read: {reason}"


class LayoutError(PrinterError):
    """A label cannot be laid out from the given fields (e.g. a barcode of non-ASCII text)."""

    message_template = "Cannot lay out the {layout}: {reason}"


class LabelFileError(PrinterError):
    """A seller-supplied label file cannot be split into labels."""

    message_template = "Cannot read label file {source}: {reason}"


class BarcodeReaderUnavailable(PrinterError):
    """Decoding barcodes needs the optional zxing-cpp package."""

    message_template = "Reading barcodes from labels needs the zxing-cpp package ({reason})"
