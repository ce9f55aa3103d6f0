"""Build the right scale object from station settings (serial, USB HID, simulated, auto)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import serial

from app.hardware.scales.detect import default_lines, probe_port
from app.hardware.scales.device import ScaleDevice
from app.hardware.scales.errors import ScaleNotDetected
from app.hardware.scales.hid import HidScale
from app.hardware.scales.protocols import PROTOCOLS
from app.hardware.scales.protocols.base import LineSettings
from app.hardware.scales.serial_scale import PortOpener, Scale
from app.hardware.scales.settings import AUTO, ScaleSettings
from app.hardware.scales.simulated import SimulatedScale


def resolve_settings(
    settings: ScaleSettings, *, opener: PortOpener = serial.serial_for_url,
    cancelled: Callable[[], bool] = lambda: False,
) -> ScaleSettings:
    """Replace protocol 'auto' by the protocol and line settings a probe finds on the port.

    Raises ScaleNotDetected when nothing answers (or ``cancelled`` said stop while probing).
    """
    if settings.protocol != AUTO or settings.is_simulated or settings.is_hid:
        return settings
    detected = probe_port(
        settings.port,
        lines=probe_lines(settings),
        listen_seconds=settings.timeout,
        reply_timeout=settings.timeout,
        scale_unit=settings.scale_unit,
        opener=opener,
        cancelled=cancelled,
    )
    if detected is None:
        raise ScaleNotDetected(port=settings.port)
    return detected.to_settings(
        display_unit=settings.display_unit,
        scale_unit=settings.scale_unit,
        timeout=settings.timeout,
    )


def probe_lines(settings: ScaleSettings) -> list[LineSettings]:
    """The protocols' default lines, with every line field the station did set overriding them."""
    fixed = {
        name: value
        for name in ("baudrate", "bytesize", "parity", "stopbits")
        if (value := getattr(settings, name)) is not None
    }
    lines: list[LineSettings] = []
    for line in default_lines(list(PROTOCOLS)):
        candidate = replace(line, **fixed)
        if candidate not in lines:
            lines.append(candidate)
    return lines


def create_scale(
    settings: ScaleSettings, *, opener: PortOpener = serial.serial_for_url,
    cancelled: Callable[[], bool] = lambda: False,
) -> ScaleDevice:
    """The scale object for ``settings``, not yet opened (it opens on first use).

    With protocol 'auto' this probes the port first (blocking for a few seconds at most,
    or until ``cancelled`` returns True).
    """
    if settings.is_simulated:
        return SimulatedScale(settings)
    if settings.is_hid:
        return HidScale(settings)
    return Scale(resolve_settings(settings, opener=opener, cancelled=cancelled), opener=opener)


def open_scale(
    settings: ScaleSettings, *, opener: PortOpener = serial.serial_for_url
) -> ScaleDevice:
    """Create and open the scale; raises the precise ScaleError if it cannot be opened."""
    scale = create_scale(settings, opener=opener)
    scale.open()
    return scale
