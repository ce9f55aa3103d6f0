"""Direct USB (``usb://VID:PID``, hex) through pyusb + libusb.

Optional: pyusb is imported only when a usb:// printer is used. On Windows this needs a
WinUSB/libusb driver (Zadig) replacing the vendor driver, so prefer win32:// there; on
Linux it needs a udev rule granting access. pyusb timeouts are milliseconds.
"""

from __future__ import annotations

import importlib
from typing import Any

from printers.errors import (
    ConnectionDropped,
    PrinterOffline,
    PrinterTimeout,
    TransportUnavailable,
)
from printers.transports.base import DEFAULT_TIMEOUT_S, Transport


class UsbTransport(Transport):
    """Bulk OUT (and IN for status) endpoints of the printer's first interface."""

    scheme = "usb"
    bidirectional = True

    def __init__(
        self, vendor_id: int, product_id: int, *, timeout: float = DEFAULT_TIMEOUT_S
    ) -> None:
        super().__init__(f"USB {vendor_id:04x}:{product_id:04x}", timeout=timeout)
        self.vendor_id = vendor_id
        self.product_id = product_id
        self._usb: Any = None
        self._out: Any = None
        self._in: Any = None

    def open(self) -> None:
        """Find the device and claim its endpoints."""
        try:
            core = importlib.import_module("usb.core")
            util = importlib.import_module("usb.util")
        except ImportError as error:
            raise TransportUnavailable(transport="USB", reason="pyusb is not installed") from error
        try:
            device = core.find(idVendor=self.vendor_id, idProduct=self.product_id)
        except core.NoBackendError as error:
            raise TransportUnavailable(transport="USB", reason="libusb is not installed") from error
        if device is None:
            raise PrinterOffline(target=self.target, reason="not connected")
        try:
            if device.is_kernel_driver_active(0):
                device.detach_kernel_driver(0)
        except (NotImplementedError, core.USBError):
            pass  # not supported on this platform, or nothing to detach
        try:
            device.set_configuration()
            interface = device.get_active_configuration()[(0, 0)]
        except core.USBError as error:
            raise PrinterOffline(target=self.target, reason=str(error)) from error

        def direction(wanted: int) -> Any:
            return util.find_descriptor(
                interface,
                custom_match=lambda ep: util.endpoint_direction(ep.bEndpointAddress) == wanted,
            )

        self._out = direction(util.ENDPOINT_OUT)
        self._in = direction(util.ENDPOINT_IN)
        if self._out is None:
            raise PrinterOffline(target=self.target, reason="no output endpoint")
        self._usb = core

    def write(self, data: bytes) -> None:
        """Bulk write with a timeout in milliseconds."""
        if self._out is None:
            self.open()
        try:
            self._out.write(data, timeout=int(self.timeout * 1000))
        except self._usb.USBTimeoutError as error:
            raise PrinterTimeout(target=self.target, seconds=self.timeout) from error
        except self._usb.USBError as error:
            raise ConnectionDropped(target=self.target, sent=0, total=len(data)) from error

    def read(self, size: int, timeout: float) -> bytes:
        """Status bytes from the IN endpoint; b"" on timeout or when there is none."""
        if self._in is None:
            return b""
        try:
            return bytes(self._in.read(size, timeout=int(timeout * 1000)))
        except self._usb.USBTimeoutError:
            return b""
        except self._usb.USBError as error:
            raise ConnectionDropped(target=self.target, sent=0, total=0) from error

    def close(self) -> None:
        """Forget the endpoints (pyusb releases the device when collected)."""
        self._out = self._in = None
