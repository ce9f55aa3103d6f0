"""Typed printing errors.

Every expected failure (a printer that is off, refuses, hangs, runs out of paper; a bad
profile; a file that is not a label) is one of these classes. ``printers/`` is standalone,
so :class:`PrinterError` is its own copy of the app's error contract
(``app.domain.errors.HaicangError``), with the same names: ``code``, an English
``template`` with named ``{placeholders}``, the ``fields`` that fill them and
``field_words`` (fixed words some callers put in the fields). The GUI translates by the
template text, the CLI prints ``str(error)``. Callers catch :class:`PrinterError` to keep a
job in their queue and retry later.
"""

from __future__ import annotations

from typing import Any, ClassVar


class PrinterError(Exception):
    """Base class: a job could not be prepared or delivered."""

    code: ClassVar[str] = "printing_failed"
    template: ClassVar[str] = "Printing failed: {reason}"
    field_words: ClassVar[tuple[str, ...]] = ()

    def __init__(self, **fields: Any) -> None:
        self.fields: dict[str, Any] = fields
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The template filled with this error's fields (missing ones shown as '?')."""
        return self.template.format_map(_Defaulting(self.fields))


class _Defaulting(dict[str, Any]):
    """Formatting mapping that never raises on a missing placeholder."""

    def __missing__(self, key: str) -> str:
        return "?"


class PrinterOffline(PrinterError):
    """The printer cannot be reached or reports itself offline."""

    code = "printer_offline"
    template = "Printer {target} is offline or unreachable: {reason}"
    field_words = ("no answer", "the printer reports itself offline")


class ConnectionRefused(PrinterOffline):
    """Something answers at the address but refuses the connection (wrong port, busy)."""

    code = "connection_refused"
    template = "Printer {target} refused the connection"


class ConnectionDropped(PrinterError):
    """The printer closed the connection before the whole job was accepted."""

    code = "connection_dropped"
    template = "Printer {target} closed the connection after {sent} of {total} bytes"


class PrinterTimeout(PrinterError):
    """The printer stopped accepting data (or answering) for longer than the timeout."""

    code = "printer_timeout"
    template = "Printer {target} stopped responding for {seconds} s"


class PaperOut(PrinterError):
    """The printer reports that it has no paper or labels."""

    code = "paper_out"
    template = "Printer {target} is out of paper"


class CoverOpen(PrinterError):
    """The printer reports that its cover is open."""

    code = "cover_open"
    template = "Printer {target} has its cover open"


class UnsupportedTransport(PrinterError):
    """The URI's scheme is not one we know."""

    code = "unsupported_transport"
    template = (
        "Unsupported printer address '{uri}': use tcp, serial, usb, cups, win32 or file"
    )


class InvalidPrinterUri(PrinterError):
    """The URI has a known scheme but cannot be understood."""

    code = "invalid_printer_uri"
    template = "Invalid printer address '{uri}': {reason}"


class TransportUnavailable(PrinterError):
    """The transport needs an optional library or system tool that is not installed."""

    code = "transport_unavailable"
    template = "Cannot use {transport} printers here: {reason}"


class InvalidProfile(PrinterError):
    """A printer profile has a missing or out-of-range setting."""

    code = "invalid_profile"
    template = "Invalid printer settings for '{name}': {reason}"


class InvalidDocument(PrinterError):
    """The bytes to print are not a readable PDF (or image) document."""

    code = "invalid_document"
    template = "The document cannot be read: {reason}"


class LayoutError(PrinterError):
    """A label cannot be laid out from the given fields (e.g. a barcode of non-ASCII text)."""

    code = "layout_error"
    template = "Cannot lay out the {layout}: {reason}"


class LabelFileError(PrinterError):
    """A seller-supplied label file cannot be split into labels."""

    code = "label_file_error"
    template = "Cannot read label file {source}: {reason}"


class BarcodeReaderUnavailable(PrinterError):
    """Decoding barcodes needs the optional zxing-cpp package."""

    code = "barcode_reader_unavailable"
    template = "Reading barcodes from labels needs the zxing-cpp package ({reason})"
