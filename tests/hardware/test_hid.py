"""USB HID POS scales: the 6-byte report, and opening through a HID library when installed."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from typing import Any

import pytest

from app.hardware.scales import (
    HidScale,
    HidUnavailable,
    ScaleDisconnected,
    ScaleNegative,
    ScaleSettings,
    UnsupportedOperation,
    UnsupportedUnit,
    create_scale,
    list_hid_scales,
    parse_hid_report,
)


def report(status: int, unit: int, exponent: int, raw: int) -> bytes:
    return bytes([3, status, unit, exponent & 0xFF, raw & 0xFF, raw >> 8])


@pytest.mark.parametrize(
    ("data", "grams", "stable"),
    [
        (report(4, 2, 0, 1234), 1234, True),  # stable, grams
        (report(4, 11, -1, 352), 998, True),  # 35.2 oz
        (report(4, 12, -2, 250), 1134, True),  # 2.50 lb
        (report(3, 3, -3, 1500), 1500, False),  # in motion, kg
        (report(2, 11, -1, 0), 0, True),  # stable at zero
    ],
)
def test_data_reports(data: bytes, grams: int, stable: bool) -> None:
    reading = parse_hid_report(data)
    assert reading is not None
    assert (reading.weight_g, reading.stable, reading.protocol) == (grams, stable, "hid")


def test_status_flags() -> None:
    over = parse_hid_report(report(6, 12, -2, 0))
    under = parse_hid_report(report(5, 11, -1, 12))
    fault = parse_hid_report(report(7, 2, 0, 0))
    assert over is not None and over.overload and not over.stable
    assert under is not None and under.negative and under.raw_value == Decimal("-1.2")
    assert fault is not None and fault.fault == "needs calibration"


def test_not_a_scale_report() -> None:
    assert parse_hid_report(b"\x03\x04\x02") is None
    assert parse_hid_report(bytes([4, 4, 2, 0, 1, 0])) is None
    with pytest.raises(UnsupportedUnit):
        parse_hid_report(report(4, 4, 0, 10))  # carats


class FakeHidDevice:
    """Stands in for a Dymo M10 behind the cython-hidapi binding."""

    def __init__(self, reports: list[bytes]) -> None:
        self.reports = reports
        self.written: list[bytes] = []
        self.opened: tuple[int, int] | None = None

    def open(self, vid: int, pid: int) -> None:
        self.opened = (vid, pid)

    def set_nonblocking(self, flag: int) -> None:
        """Present so the driver recognises the cython-hidapi API."""

    def read(self, size: int, timeout_ms: int) -> list[int]:
        if not self.reports:
            raise OSError("read error")  # unplugged
        return list(self.reports.pop(0))

    def write(self, data: bytes) -> int:
        self.written.append(bytes(data))
        return len(data)

    def close(self) -> None:
        self.opened = None


class FakeHidModule:
    def __init__(self, device: FakeHidDevice) -> None:
        self._device = device

    def enumerate(self) -> list[dict[str, Any]]:
        return [
            {"vendor_id": 0x046D, "product_id": 0xC52B, "usage_page": 1},  # a mouse receiver
            {"vendor_id": 0x0922, "product_id": 0x8003, "product_string": "M10 10 Kg Scale"},
        ]

    def device(self) -> FakeHidDevice:
        return self._device


def test_hid_scale_through_a_binding() -> None:
    stale, moving, stable = report(4, 2, 0, 1), report(3, 2, 0, 900), report(4, 2, 0, 950)
    device = FakeHidDevice([stale, moving, stable])
    module = FakeHidModule(device)
    assert [s.port for s in list_hid_scales(module)] == ["hid:0922:8003"]
    scale = HidScale(ScaleSettings(port="hid", protocol="hid", timeout=0.5), hid_module=module)
    assert scale.read_stable(timeout=1).weight_g == 950  # the stale first report is skipped
    assert device.opened == (0x0922, 0x8003)
    scale.zero()
    assert device.written == [b"\x02\x02"]
    with pytest.raises(UnsupportedOperation):
        scale.tare()
    with pytest.raises(ScaleDisconnected):
        scale.read()


def test_negative_hid_reading() -> None:
    device = FakeHidDevice([report(4, 2, 0, 0), report(5, 2, 0, 30)])
    scale = HidScale(ScaleSettings(port="hid:0922:8003", timeout=0.5),
                     hid_module=FakeHidModule(device))
    with pytest.raises(ScaleNegative):
        scale.read_stable(timeout=1)


@pytest.mark.skipif(importlib.util.find_spec("hid") is not None, reason="hidapi is installed")
def test_clear_message_without_hidapi() -> None:
    scale = create_scale(ScaleSettings(port="hid", protocol="hid"))
    with pytest.raises(HidUnavailable) as info:
        scale.open()
    assert "hidapi" in str(info.value)
