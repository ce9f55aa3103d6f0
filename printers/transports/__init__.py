"""Printer connections chosen by URI.

=============================================  ==========================================
``tcp://host:9100``                            raw TCP (network printers)
``serial:///dev/ttyUSB0?baud=9600``            serial port (also ``serial://COM3?...``)
``usb://0FE6:811E``                            direct USB, vendor:product in hex (pyusb)
``cups://QUEUE``                               CUPS queue via lp/lpr
``win32://PRINTER NAME``                       Windows spooler (pywin32)
``file:///dev/usb/lp0`` or ``file:///tmp/x``   device node or plain file
``dummy://``                                   in-memory, for tests and dry runs
=============================================  ==========================================
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

from printers.errors import InvalidPrinterUri, UnsupportedTransport
from printers.transports.base import DEFAULT_TIMEOUT_S, Transport
from printers.transports.dummy import DummyTransport
from printers.transports.file import FileTransport
from printers.transports.serial import SerialTransport
from printers.transports.spool import CupsTransport, Win32Transport
from printers.transports.tcp import TcpTransport
from printers.transports.usb import UsbTransport

SCHEMES = ("tcp", "serial", "usb", "cups", "win32", "file", "dummy")

__all__ = [
    "SCHEMES",
    "CupsTransport",
    "DummyTransport",
    "FileTransport",
    "SerialTransport",
    "TcpTransport",
    "Transport",
    "UsbTransport",
    "Win32Transport",
    "open_transport",
    "transport_for_uri",
]


def transport_for_uri(
    uri: str, *, timeout: float = DEFAULT_TIMEOUT_S, raw: bool = True
) -> Transport:
    """Build (without opening) the transport a URI names.

    ``raw`` matters only to spoolers: False lets CUPS/Windows render a PDF themselves.
    """
    scheme, _, rest = uri.partition("://")
    scheme = scheme.lower()
    if not _ or scheme not in SCHEMES:
        raise UnsupportedTransport(uri=uri)
    location, _, query_text = rest.partition("?")
    query = {key: values[-1] for key, values in parse_qs(query_text).items()}
    location = unquote(location)
    if scheme == "tcp":
        return _tcp(uri, timeout)
    if scheme == "serial":
        return _serial(uri, location, query, timeout)
    if scheme == "usb":
        return _usb(uri, location, timeout)
    if scheme == "dummy":
        return DummyTransport(location or "dummy", timeout=timeout)
    if not location:
        raise InvalidPrinterUri(uri=uri, reason="no printer or path given")
    if scheme == "cups":
        return CupsTransport(location, raw=raw, timeout=timeout)
    if scheme == "win32":
        return Win32Transport(location, raw=raw, timeout=timeout)
    if re.match(r"/[A-Za-z]:[/\\]", location):  # file:///C:/labels/out.prn
        location = location[1:]
    return FileTransport(location, timeout=timeout)


def open_transport(uri: str, *, timeout: float = DEFAULT_TIMEOUT_S, raw: bool = True) -> Transport:
    """Build and open the transport (the caller closes it, or uses ``with``)."""
    transport = transport_for_uri(uri, timeout=timeout, raw=raw)
    transport.open()
    return transport


def _tcp(uri: str, timeout: float) -> TcpTransport:
    parts = urlsplit(uri)
    try:
        port = parts.port or 9100
    except ValueError as error:
        raise InvalidPrinterUri(uri=uri, reason="the port is not a number") from error
    if not parts.hostname:
        raise InvalidPrinterUri(uri=uri, reason="no host given")
    return TcpTransport(parts.hostname, port, timeout=timeout)


def _serial(uri: str, location: str, query: dict[str, str], timeout: float) -> SerialTransport:
    if not location:
        raise InvalidPrinterUri(uri=uri, reason="no port given")
    if re.fullmatch(r"/COM\d+", location, re.IGNORECASE):  # serial:///COM3
        location = location[1:]
    unknown = set(query) - {"baud", "bytesize", "parity", "stopbits", "rtscts", "xonxoff"}
    if unknown:
        raise InvalidPrinterUri(uri=uri, reason=f"unknown settings {sorted(unknown)}")
    if query.get("parity", "N").upper() not in ("N", "E", "O"):
        raise InvalidPrinterUri(uri=uri, reason=f"parity '{query['parity']}' is not N, E or O")
    try:
        return SerialTransport(
            location,
            baud=int(query.get("baud", 9600)),
            bytesize=int(query.get("bytesize", 8)),
            parity=query.get("parity", "N"),
            stopbits=int(query.get("stopbits", 1)),
            rtscts=query.get("rtscts", "0") in ("1", "true", "yes"),
            xonxoff=query.get("xonxoff", "0") in ("1", "true", "yes"),
            timeout=timeout,
        )
    except ValueError as error:
        raise InvalidPrinterUri(uri=uri, reason=str(error)) from error


def _usb(uri: str, location: str, timeout: float) -> UsbTransport:
    match = re.fullmatch(
        r"(?:0x)?([0-9a-fA-F]{1,4}):(?:0x)?([0-9a-fA-F]{1,4})", location.strip("/")
    )
    if not match:
        raise InvalidPrinterUri(
            uri=uri, reason="expected usb://VID:PID in hex, e.g. usb://0FE6:811E"
        )
    return UsbTransport(int(match.group(1), 16), int(match.group(2), 16), timeout=timeout)
