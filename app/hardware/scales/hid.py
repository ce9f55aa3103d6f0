"""USB HID POS scales (Dymo M10/M25, Stamps.com, USPS/Elane, Fairbanks, Mettler Toledo PS).

The 6-byte data report: [0] report id 3, [1] status, [2] unit, [3] signed base-10 exponent,
[4..5] weight little-endian; weight = (d[5] << 8 | d[4]) * 10**exp. Status: 1 fault,
2 stable at zero, 3 in motion, 4 stable, 5 under zero, 6 over weight, 7 needs calibration,
8 needs re-zeroing. Zero is the output report [0x02, 0x02]. Source: hardware.md §1.8
(erjiang/usbscale). Opening a device needs the optional ``hidapi`` package (``import hid``);
both its API and that of the ``hid`` package (``hid.Device``) are accepted.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from app.hardware.scales.device import wait_for_stable
from app.hardware.scales.errors import (
    HidUnavailable,
    ScaleDisconnected,
    ScaleError,
    ScaleNotFound,
    ScaleNotResponding,
    UnsupportedOperation,
    UnsupportedUnit,
)
from app.hardware.scales.reading import Reading, make_reading
from app.hardware.scales.settings import HID, ScaleSettings

PROTOCOL: Final = "hid"
REPORT_ID: Final = 3
REPORT_LEN: Final = 6
USAGE_PAGE_SCALE: Final = 0x8D
ZERO_REPORT: Final = bytes([0x02, 0x02])

#: VID:PID pairs from erjiang/usbscale (scales.h).
KNOWN_SCALES: Final[dict[tuple[int, int], str]] = {
    (0x0922, 0x8003): "DYMO M10",
    (0x0922, 0x8004): "DYMO M25",
    (0x1446, 0x6A73): "Stamps.com",
    (0x2474, 0x0550): "Stamps.com",
    (0x2474, 0x3550): "Stamps.com",
    (0x0EB8, 0xF000): "Mettler Toledo",
    (0x0B67, 0x555E): "Fairbanks SCB-R9000",
}

_UNITS: Final[dict[int, str]] = {1: "mg", 2: "g", 3: "kg", 11: "oz", 12: "lb"}
_FAULTS: Final[dict[int, str]] = {1: "fault", 7: "needs calibration", 8: "needs re-zeroing"}


def parse_hid_report(report: bytes) -> Reading | None:
    """Decode one data report; None when it is not a scale data report.

    Raises UnsupportedUnit when the scale reports in a non-mass unit (carats, taels ...).
    """
    data = bytes(report)
    if len(data) != REPORT_LEN or data[0] != REPORT_ID:
        return None
    status, unit_code = data[1], data[2]
    if not 1 <= status <= 8:
        return None
    exponent = int.from_bytes(data[3:4], "little", signed=True)
    if not -8 <= exponent <= 4:
        return None
    value = Decimal(data[5] << 8 | data[4]).scaleb(exponent)
    if status == 5:
        value = -value
    if status == 2:
        value = Decimal(0)
    unit = _UNITS.get(unit_code)
    if unit is None:
        if status in (2, 3, 4, 5):
            raise UnsupportedUnit(unit=f"USB unit code {unit_code}")
        unit = ""
    fault = _FAULTS.get(status)
    return make_reading(
        protocol=PROTOCOL,
        raw_frame=data,
        value=value if status in (2, 3, 4, 5) else None,
        unit=unit,
        motion=status == 3,
        overload=status == 6,
        underload=status == 5,
        fault=fault,
    )


@dataclass(frozen=True)
class HidScaleInfo:
    """A USB scale found by :func:`list_hid_scales`."""

    vendor_id: int
    product_id: int
    product: str

    @property
    def port(self) -> str:
        """The settings ``port`` value that selects this scale: 'hid:VVVV:PPPP'."""
        return f"{HID}:{self.vendor_id:04x}:{self.product_id:04x}"


def load_hid_module() -> Any:
    """Import the HID library, or raise HidUnavailable with an explanation for the packer."""
    try:
        return importlib.import_module("hid")
    except (ImportError, OSError) as exc:  # OSError: the package is there, libhidapi is not
        raise HidUnavailable() from exc


def list_hid_scales(hid_module: Any | None = None) -> list[HidScaleInfo]:
    """USB HID scales present: known VID:PID pairs or the HID scale usage page."""
    module = hid_module if hid_module is not None else load_hid_module()
    found: dict[tuple[int, int], HidScaleInfo] = {}
    for entry in module.enumerate():
        key = (int(entry.get("vendor_id", 0)), int(entry.get("product_id", 0)))
        if key in KNOWN_SCALES or entry.get("usage_page") == USAGE_PAGE_SCALE:
            name = entry.get("product_string") or KNOWN_SCALES.get(key, "USB scale")
            found.setdefault(key, HidScaleInfo(key[0], key[1], str(name)))
    return list(found.values())


def _parse_port(port: str) -> tuple[int, int] | None:
    """'hid:0922:8003' -> (0x0922, 0x8003); plain 'hid' -> None (first scale found)."""
    parts = port.split(":")
    if len(parts) != 3:
        return None
    try:
        return int(parts[1], 16), int(parts[2], 16)
    except ValueError:
        return None


class HidScale:
    """A USB HID POS scale read through ``hidapi``."""

    def __init__(self, settings: ScaleSettings, *, hid_module: Any | None = None) -> None:
        self.settings = settings
        self._module = hid_module
        self._device: Any = None
        self._fresh = False

    @property
    def port(self) -> str:
        return self.settings.port

    @property
    def protocol_name(self) -> str:
        return PROTOCOL

    def open(self) -> None:
        if self._device is not None:
            return
        module = self._module if self._module is not None else load_hid_module()
        ids = _parse_port(self.port)
        if ids is None:
            scales = list_hid_scales(module)
            if not scales:
                raise ScaleNotFound(port=self.port)
            ids = (scales[0].vendor_id, scales[0].product_id)
        try:
            if hasattr(module, "Device"):  # PyPI "hid" (apmorton/pyhidapi)
                self._device = module.Device(ids[0], ids[1])
            else:  # PyPI "hidapi" (cython-hidapi)
                device = module.device()
                device.open(ids[0], ids[1])
                self._device = device
        except Exception as exc:  # each HID binding raises its own exception types
            raise ScaleNotFound(port=self.port) from exc
        # usbscale skips the first report after opening: it can be stale.
        self._fresh = True

    def close(self) -> None:
        device, self._device = self._device, None
        if device is not None:
            try:
                device.close()
            except Exception:  # the device is gone already; nothing left to release
                return

    def read(self, timeout: float | None = None) -> Reading:
        self.open()
        budget = self.settings.timeout if timeout is None else timeout
        deadline = time.monotonic() + budget
        while (remaining := deadline - time.monotonic()) > 0:
            report = self._read_report(max(1, int(remaining * 1000)))
            if not report:
                continue
            if self._fresh:
                self._fresh = False
                continue
            reading = parse_hid_report(report)
            if reading is not None:
                return reading
        raise ScaleNotResponding(port=self.port)

    def read_stable(self, timeout: float = 5.0) -> Reading:
        return wait_for_stable(self.read, timeout, poll_timeout=self.settings.timeout)

    def zero(self) -> None:
        self.open()
        try:
            self._device.write(ZERO_REPORT)
        except Exception as exc:  # binding-specific write errors mean the device went away
            raise self._lost() from exc

    def tare(self) -> None:
        raise UnsupportedOperation(protocol="USB HID", operation="tare")

    def _read_report(self, timeout_ms: int) -> bytes:
        try:
            if hasattr(self._device, "set_nonblocking"):
                return bytes(self._device.read(REPORT_LEN, timeout_ms))
            return bytes(self._device.read(REPORT_LEN, timeout=timeout_ms))
        except Exception as exc:  # binding-specific read errors mean the device went away
            raise self._lost() from exc

    def _lost(self) -> ScaleError:
        self.close()
        return ScaleDisconnected(port=self.port)
