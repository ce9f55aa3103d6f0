"""Shipping scales over serial (pyserial), USB HID, or simulated — Qt-free.

Typical use (CLI, Qt worker)::

    settings = ScaleSettings(port="/dev/ttyUSB0", protocol="toledo")
    scale = open_scale(settings)
    reading = scale.read_stable(timeout=5)        # or ScaleError with a packer's message
    print(reading.weight_g, format_weight(reading.weight_g, settings.display_unit))

    monitor = ScaleMonitor(create_scale(settings))
    for event in monitor.readings():              # Reading or ScaleError, until monitor.stop()
        ...

Weights are whole grams (``Reading.weight_g: int``); the scale's own value and unit are kept in
``raw_value`` and ``unit``.
"""

from app.hardware.scales.detect import (
    DetectedScale,
    SerialPortInfo,
    detect_scales,
    list_serial_ports,
    probe_port,
)
from app.hardware.scales.device import ScaleDevice, wait_for_stable
from app.hardware.scales.errors import (
    HidUnavailable,
    InvalidScaleSettings,
    NoisyLine,
    ProtocolError,
    ScaleCommandRejected,
    ScaleDisconnected,
    ScaleError,
    ScaleFault,
    ScaleNegative,
    ScaleNotDetected,
    ScaleNotFound,
    ScaleNotResponding,
    ScaleOverload,
    ScalePortError,
    ScaleUnstable,
    UnsupportedOperation,
    UnsupportedUnit,
)
from app.hardware.scales.factory import create_scale, open_scale, resolve_settings
from app.hardware.scales.hid import HidScale, HidScaleInfo, list_hid_scales, parse_hid_report
from app.hardware.scales.monitor import MonitorEvent, ScaleMonitor
from app.hardware.scales.protocols import PROTOCOLS, get_protocol
from app.hardware.scales.protocols.base import LineSettings, ScaleProtocol
from app.hardware.scales.reading import Reading, Reply
from app.hardware.scales.serial_scale import Scale
from app.hardware.scales.settings import PROTOCOL_CHOICES, ScaleSettings
from app.hardware.scales.simulated import SimulatedScale
from app.hardware.scales.units import (
    DISPLAY_UNITS,
    DisplayUnit,
    convert_grams,
    format_weight,
    split_lb_oz,
    to_grams,
)

__all__ = [
    "DISPLAY_UNITS",
    "PROTOCOLS",
    "PROTOCOL_CHOICES",
    "DetectedScale",
    "DisplayUnit",
    "HidScale",
    "HidScaleInfo",
    "HidUnavailable",
    "InvalidScaleSettings",
    "LineSettings",
    "MonitorEvent",
    "NoisyLine",
    "ProtocolError",
    "Reading",
    "Reply",
    "Scale",
    "ScaleCommandRejected",
    "ScaleDevice",
    "ScaleDisconnected",
    "ScaleError",
    "ScaleFault",
    "ScaleMonitor",
    "ScaleNegative",
    "ScaleNotDetected",
    "ScaleNotFound",
    "ScaleNotResponding",
    "ScaleOverload",
    "ScalePortError",
    "ScaleProtocol",
    "ScaleSettings",
    "ScaleUnstable",
    "SerialPortInfo",
    "SimulatedScale",
    "UnsupportedOperation",
    "UnsupportedUnit",
    "convert_grams",
    "create_scale",
    "detect_scales",
    "format_weight",
    "get_protocol",
    "list_hid_scales",
    "list_serial_ports",
    "open_scale",
    "parse_hid_report",
    "probe_port",
    "resolve_settings",
    "split_lb_oz",
    "to_grams",
    "wait_for_stable",
]
