"""This PC's station settings as flat ``KEY=VALUE`` pairs, for scripts and the Settings dialog.

IT sets up ten pack PCs with ``haicang station set name=PACK-3 mode=pack
label_printer=tcp://10.0.0.31:9100 label_printer_language=zpl scale=/dev/ttyUSB0 ...``;
``haicang station show --json`` prints the same keys. Underneath is the one settings
file (``app/settings.py`` ``StationSettings``): printers are the ``label`` and
``document`` roles of ``StationSettings.printers`` (``app/services/printer_settings.py``),
the scale is ``StationSettings.scale`` (``app/hardware/scales`` ``ScaleSettings``).

:func:`apply_pairs` is all-or-nothing: every pair is checked (an unknown key or a bad
value raises with a one-line reason) before one new settings value is returned; the
caller saves it. No Qt, no database: a warehouse code is checked by a function the
caller passes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any, Final

from app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from app.hardware.scales import PROTOCOL_CHOICES, InvalidScaleSettings, ScaleSettings
from app.hardware.scales.settings import SIMULATED
from app.services.printer_settings import PrinterSettings, Role
from app.settings import STATION_MODES, StationSettings
from printers.errors import PrinterError
from printers.profiles import Language, PrinterProfile
from printers.transports import transport_for_uri

KEYS: Final = (
    "name", "warehouse", "language", "mode", "label_printer", "label_printer_language",
    "label_printer_dpi", "document_printer", "document_printer_language", "scale",
    "scale_protocol", "scale_baud", "auto_print", "tracking_minutes", "no_scan_days",
    "billing_auto",
)
LANGUAGES: Final = ("en", "zh_CN")
MODES: Final = STATION_MODES
PRINTER_LANGUAGES: Final = tuple(language.value for language in Language)
DPIS: Final = (152, 203, 300, 600)
BAUDS: Final = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
ON_OFF: Final = {"on": True, "off": False}
#: Minutes between tracking polls on an office PC: 0 = this PC never polls, at most daily.
TRACKING_MINUTES: Final = (0, 1440)
#: Days after handover without a carrier scan before a no-scan exception opens.
NO_SCAN_DAYS: Final = (1, 30)
#: Media of a new document printer: US letter (a label printer keeps the 4x6 default).
LETTER_MM: Final = (215.9, 279.4)

_ONE_OF = QT_TRANSLATE_NOOP("errors", "must be one of")
_NOT_EMPTY = QT_TRANSLATE_NOOP("errors", "must not be empty (1 to 100 characters)")
_NO_WAREHOUSE = QT_TRANSLATE_NOOP("errors", "no active warehouse has this code")
_NO_PRINTER = QT_TRANSLATE_NOOP("errors", "set the printer first (its address)")
_NEEDS_LANGUAGE = QT_TRANSLATE_NOOP(
    "errors", "a new printer needs its language too (zpl, tspl, escpos or pdf)")
_NO_SCALE = QT_TRANSLATE_NOOP("errors", "set the scale first (a serial port or simulated)")
_NOT_PAIR = QT_TRANSLATE_NOOP("errors", "write KEY=VALUE")
_MINUTES = QT_TRANSLATE_NOOP("errors", "must be a whole number of minutes from 0 (never) to 1440")
_DAYS = QT_TRANSLATE_NOOP("errors", "must be a whole number of days from 1 to 30")


class UnknownStationKey(DomainError):
    code = "unknown_station_key"
    template = "'{key}' is not a station setting; the settings are: {keys}."


class BadStationValue(DomainError):
    code = "bad_station_value"
    template = "{key}={value}: {reason}"
    field_words = (_ONE_OF, _NOT_EMPTY, _NO_WAREHOUSE, _NO_PRINTER, _NEEDS_LANGUAGE,
                   _NO_SCALE, _NOT_PAIR, _MINUTES, _DAYS)


def _bad(key: str, value: str, reason: str, choices: Sequence[object] = ()) -> BadStationValue:
    detail = f"{reason} {', '.join(str(c) for c in choices)}" if choices else reason
    return BadStationValue(key=key, value=value, reason=detail)


def _role_profile(settings: StationSettings, role: Role) -> PrinterProfile | None:
    printers = PrinterSettings.from_station(settings.printers)
    name = printers.roles.get(role)
    return printers.profiles[name] if name is not None else None


def show(settings: StationSettings) -> dict[str, Any]:
    """The station's settings under :data:`KEYS` (None where nothing is set)."""
    label = _role_profile(settings, Role.LABEL)
    document = _role_profile(settings, Role.DOCUMENT)
    scale = ScaleSettings.from_dict(settings.scale) if settings.scale else None
    return {
        "name": settings.station_name,
        "warehouse": settings.warehouse_code,
        "language": settings.language,
        "mode": settings.mode,
        "label_printer": label.uri if label else None,
        "label_printer_language": label.language.value if label else None,
        "label_printer_dpi": label.dpi if label else None,
        "document_printer": document.uri if document else None,
        "document_printer_language": document.language.value if document else None,
        "scale": scale.port if scale else None,
        "scale_protocol": scale.protocol if scale else None,
        "scale_baud": (scale.baudrate or scale.line_settings().baudrate) if scale else None,
        "auto_print": "on" if settings.auto_print else "off",
        "tracking_minutes": settings.tracking_minutes,
        "no_scan_days": settings.no_scan_days,
        "billing_auto": "on" if settings.billing_auto else "off",
    }


def parse_pairs(pairs: Sequence[str]) -> dict[str, str]:
    """``["mode=pack", ...]`` -> ``{"mode": "pack"}``; an unknown key raises."""
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().lower()
        if not sep:
            raise _bad(pair, "", _NOT_PAIR)
        if key not in KEYS:
            raise UnknownStationKey(key=key, keys=", ".join(KEYS))
        values[key] = value.strip()
    return values


def apply_pairs(settings: StationSettings, pairs: Sequence[str], *,
                warehouse_exists: Callable[[str], bool]) -> StationSettings:
    """The settings with every pair applied, or an error naming the first bad one."""
    values = parse_pairs(pairs)
    changes: dict[str, Any] = {}
    if "name" in values:
        name = values["name"]
        if not 0 < len(name) <= 100:
            raise _bad("name", name, _NOT_EMPTY)
        changes["station_name"] = name
    if "warehouse" in values:
        code = values["warehouse"].upper()
        if code and not warehouse_exists(code):
            raise _bad("warehouse", values["warehouse"], _NO_WAREHOUSE)
        changes["warehouse_code"] = code or None
    for key, allowed, attr in (("language", LANGUAGES, "language"), ("mode", MODES, "mode")):
        if key in values:
            if values[key] not in allowed:
                raise _bad(key, values[key], _ONE_OF, allowed)
            changes[attr] = values[key]
    for key in ("auto_print", "billing_auto"):
        if key in values:
            if values[key].lower() not in ON_OFF:
                raise _bad(key, values[key], _ONE_OF, tuple(ON_OFF))
            changes[key] = ON_OFF[values[key].lower()]
    for key, (low, high), reason in (("tracking_minutes", TRACKING_MINUTES, _MINUTES),
                                     ("no_scan_days", NO_SCAN_DAYS, _DAYS)):
        if key in values:
            text = values[key]
            if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
                raise _bad(key, text, reason)
            changes[key] = int(text)
    printers = PrinterSettings.from_station(settings.printers)
    printers = _apply_printer(printers, Role.LABEL, "label_printer", values)
    printers = _apply_printer(printers, Role.DOCUMENT, "document_printer", values)
    changes["printers"] = printers.to_station()
    changes["scale"] = _apply_scale(settings.scale, values)
    return replace(settings, **changes)


def _apply_printer(printers: PrinterSettings, role: Role, prefix: str,
                   values: Mapping[str, str]) -> PrinterSettings:
    """Set the role's printer address, language and dpi (a new profile named after the
    role); an empty address takes the role's printer away."""
    keys = (prefix, f"{prefix}_language", f"{prefix}_dpi")
    if not any(k in values for k in keys):
        return printers
    name = printers.roles.get(role)
    current = printers.profiles.get(name) if name is not None else None
    uri = values.get(prefix, current.uri if current else "")
    if not uri:
        if prefix in values and not any(k in values for k in keys[1:]):
            roles = {r: n for r, n in printers.roles.items() if r is not role}
            profiles = {n: p for n, p in printers.profiles.items()
                        if n != name or n in roles.values()}
            return PrinterSettings(profiles, roles)
        raise _bad(keys[1] if keys[1] in values else keys[2], "", _NO_PRINTER)
    try:
        transport_for_uri(uri)
    except PrinterError as error:
        raise _bad(prefix, uri, error.message) from None
    language_text = values.get(keys[1], current.language.value if current else "")
    if language_text not in PRINTER_LANGUAGES:
        if not language_text:
            raise _bad(prefix, uri, _NEEDS_LANGUAGE)
        raise _bad(keys[1], language_text, _ONE_OF, PRINTER_LANGUAGES)
    dpi_text = values.get(keys[2], str(current.dpi) if current else "203")
    if not dpi_text.isdigit() or int(dpi_text) not in DPIS:
        raise _bad(keys[2], dpi_text, _ONE_OF, DPIS)
    name = name or role.value
    if current is not None:
        profile = replace(current, uri=uri, language=Language(language_text), dpi=int(dpi_text))
    elif role is Role.DOCUMENT:
        profile = PrinterProfile(name, uri, Language(language_text), int(dpi_text), *LETTER_MM)
    else:
        profile = PrinterProfile(name, uri, Language(language_text), int(dpi_text))
    return PrinterSettings({**printers.profiles, name: profile}, {**printers.roles, role: name})


def _apply_scale(scale: Mapping[str, Any], values: Mapping[str, str]) -> dict[str, Any]:
    """The scale: a port (``simulated`` for the practice scale, empty for none), its
    protocol and baud rate."""
    data = dict(scale)
    if "scale" in values:
        port = values["scale"]
        if not port:
            if "scale_protocol" in values or "scale_baud" in values:
                raise _bad("scale", "", _NO_SCALE)
            return {}
        data["port"] = port
        if port == SIMULATED:
            data["protocol"] = SIMULATED
        elif data.get("protocol") == SIMULATED:
            data["protocol"] = "auto"
    if not data.get("port"):
        if "scale_protocol" in values or "scale_baud" in values:
            key = "scale_protocol" if "scale_protocol" in values else "scale_baud"
            raise _bad(key, values[key], _NO_SCALE)
        return {}
    if "scale_protocol" in values:
        if values["scale_protocol"] not in PROTOCOL_CHOICES:
            raise _bad("scale_protocol", values["scale_protocol"], _ONE_OF, PROTOCOL_CHOICES)
        data["protocol"] = values["scale_protocol"]
    if "scale_baud" in values:
        baud = values["scale_baud"]
        if not baud.isdigit() or int(baud) not in BAUDS:
            raise _bad("scale_baud", baud, _ONE_OF, BAUDS)
        data["baudrate"] = int(baud)
    try:
        return ScaleSettings.from_dict(data).to_dict()
    except InvalidScaleSettings as error:
        raise _bad("scale", str(data.get("port")), error.message) from None
