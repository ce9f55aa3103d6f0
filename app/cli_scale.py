"""`haicang scale read | watch | detect`: the station's scale from a terminal.

Support staff use these to check a scale before blaming the app, and scripts use
``read --json`` to weigh without the GUI. The scale comes from ``--port`` and the line
options, or else from the station settings (Settings → Scale). Expected failures print one
line to stderr and exit 1, like every other command; ``watch`` never stops on a scale error
(it prints the state and reconnects) and ends with exit 0 on Ctrl+C or SIGTERM.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from app.cli import EXIT_FAILED, EXIT_OK, Registrar

#: Protocols the CLI accepts (the issue's list first, then USB HID and the simulated scale).
PROTOCOL_NAMES = ("auto", "toledo", "sics", "sma", "nci", "toledo-continuous", "and", "hid",
                  "simulated")
DISPLAY_UNIT_NAMES = ("g", "kg", "lb", "oz", "lb_oz")
NO_SCALE_MESSAGE = (
    "no scale is set up for this station: pass --port PORT (or --port simulated), "
    "or choose the scale in Settings → Scale"
)


class NoScaleConfigured(Exception):
    """Neither ``--port`` nor the station settings name a scale."""


# --- settings ------------------------------------------------------------------------------


def scale_settings_from_args(args: argparse.Namespace) -> Any:
    """The ScaleSettings to use: the command-line port and options, or the station's scale.

    With ``--port`` the station's scale settings are ignored (a different scale is being
    tested), except that its display unit stays the default for printing. Without it, every
    line option given on the command line overrides the station's value.
    """
    from app.hardware.scales import ScaleSettings
    from app.settings import load_settings

    station = load_settings().scale
    overrides = {
        key: value
        for key, value in (
            ("protocol", args.protocol),
            ("baudrate", args.baud),
            ("bytesize", args.data_bits),
            ("parity", args.parity),
            ("stopbits", args.stop_bits),
            ("scale_unit", args.scale_unit),
            ("timeout", args.reply_timeout),
            ("display_unit", args.unit),
        )
        if value is not None
    }
    if args.port:
        base: dict[str, Any] = {"port": args.port, "protocol": "auto"}
        if station.get("display_unit"):
            base["display_unit"] = station["display_unit"]
    elif station:
        base = dict(station)
    else:
        raise NoScaleConfigured(NO_SCALE_MESSAGE)
    return ScaleSettings.from_dict({**base, **overrides})


# --- output --------------------------------------------------------------------------------


def describe_reading(reading: Any, display_unit: str) -> str:
    """One human line: the weight in the station's unit, grams, state and the raw value."""
    from app.hardware.scales import format_weight

    raw = f"{reading.raw_value} {reading.unit}" if reading.raw_value is not None else "-"
    source = f"{reading.protocol}: {raw}"
    if reading.fault:
        return f"scale error: {reading.fault}  ({source})"
    if reading.overload or reading.weight_g is None:
        return f"OVERLOAD: too heavy for this scale  ({source})"
    shown = f"{format_weight(reading.weight_g, display_unit)} ({reading.weight_g} g)"
    state = "stable" if reading.stable else "in motion"
    if reading.negative:
        state += ", below zero"
    return f"{shown}  {state}  ({source})"


def error_state(error: Any) -> dict[str, Any]:
    """A ``watch --json`` line for an error: the reading keys empty, plus error and message."""
    return {
        "weight_g": None,
        "unit": None,
        "raw_value": None,
        "protocol": None,
        "stable": False,
        "overload": False,
        "negative": False,
        "fault": None,
        "error": error.code,
        "message": error.message,
    }


def emit_line(text: str, out: TextIO) -> None:
    """Write one line and flush it at once (watch output is read live through pipes)."""
    out.write(text + "\n")
    out.flush()


# --- commands ------------------------------------------------------------------------------


def cmd_scale_read(args: argparse.Namespace) -> int:
    from app.clioutput import print_json
    from app.hardware.scales import ScaleError, open_scale

    try:
        settings = scale_settings_from_args(args)
        scale = open_scale(settings)
        try:
            reading = scale.read_stable(timeout=args.timeout)
        finally:
            scale.close()
    except NoScaleConfigured as exc:
        return _fail(str(exc))
    except ScaleError as exc:
        return _fail(exc.message)
    if args.json:
        print_json(reading.to_json())
    else:
        print(describe_reading(reading, settings.display_unit))
    return EXIT_OK


def cmd_scale_watch(args: argparse.Namespace) -> int:
    from app.hardware.scales import ScaleError, ScaleMonitor, create_scale

    try:
        settings = scale_settings_from_args(args)
    except NoScaleConfigured as exc:
        return _fail(str(exc))
    except ScaleError as exc:
        return _fail(exc.message)
    out = sys.stdout
    monitor: ScaleMonitor | None = None
    try:
        with _sigterm_as_interrupt():
            while True:  # 'auto' probes the port first; keep probing until a scale answers
                try:
                    device = create_scale(settings)
                    break
                except ScaleError as exc:
                    _print_event(exc, args.json, settings.display_unit, out)
                    time.sleep(args.reconnect)
            monitor = ScaleMonitor(device, interval=args.interval,
                                   reconnect_interval=args.reconnect)
            for event in monitor.readings():
                _print_event(event, args.json, settings.display_unit, out)
    except KeyboardInterrupt:
        if monitor is not None:
            monitor.stop()
    return EXIT_OK


def cmd_scale_detect(args: argparse.Namespace) -> int:
    from app.clioutput import print_json, print_table
    from app.hardware.scales import detect_scales, list_serial_ports

    ports = list_serial_ports()
    to_probe = list(args.port) if args.port else [p.device for p in ports]
    found = detect_scales(to_probe)
    if args.json:
        print_json({
            "ports": [
                {"device": p.device, "description": p.description, "hwid": p.hwid,
                 "vid": p.vid, "pid": p.pid, "manufacturer": p.manufacturer}
                for p in ports
            ],
            "probed": to_probe,
            "scales": [d.to_json() for d in found],
        })
        return EXIT_OK
    print("Serial ports")
    print_table(["PORT", "DESCRIPTION", "HARDWARE ID"],
                [(p.device, p.description, p.hwid) for p in ports])
    print("\nScales found")
    print_table(["PORT", "PROTOCOL", "LINE", "WEIGHT G", "STABLE"],
                [(d.port, d.protocol, d.line.describe(), d.reading.weight_g, d.reading.stable)
                 for d in found])
    silent = [port for port in to_probe if port not in {d.port for d in found}]
    if silent:
        print(f"\nNo scale answered on: {', '.join(silent)}")
    print("(The built-in simulated scale is always available as --port simulated.)")
    return EXIT_OK


# --- helpers -------------------------------------------------------------------------------


def _print_event(event: Any, as_json: bool, display_unit: str, out: TextIO) -> None:
    from app.hardware.scales import Reading

    if isinstance(event, Reading):
        if as_json:
            emit_line(json.dumps({**event.to_json(), "error": None, "message": None}), out)
        else:
            emit_line(f"{time.strftime('%H:%M:%S')}  {describe_reading(event, display_unit)}",
                      out)
    elif as_json:
        emit_line(json.dumps(error_state(event), ensure_ascii=False), out)
    else:
        emit_line(f"{time.strftime('%H:%M:%S')}  error: {event.message}", out)


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Let `kill PID` end a watch as cleanly as Ctrl+C does (main thread only)."""

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread (an embedding caller): leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _fail(message: str) -> int:
    print(f"error: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_FAILED


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"'{text}' must be above 0 and at most 3600")
    return value


def _add_scale_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--port", metavar="PORT",
                   help="serial port (/dev/ttyUSB0, COM3), 'hid', or 'simulated'; "
                        "default: the station's scale")
    p.add_argument("--protocol", choices=PROTOCOL_NAMES,
                   help="scale protocol (default with --port: auto-detect)")
    p.add_argument("--baud", type=int, metavar="N", help="baud rate (default: the protocol's)")
    p.add_argument("--data-bits", type=int, choices=(7, 8), help="data bits")
    p.add_argument("--parity", choices=("N", "E", "O"), help="parity: none, even, odd")
    p.add_argument("--stop-bits", type=float, choices=(1, 1.5, 2), help="stop bits")
    p.add_argument("--scale-unit", choices=("g", "kg", "lb", "oz"),
                   help="unit the scale is set to (Toledo 8213/8217 frames carry none)")
    p.add_argument("--unit", choices=DISPLAY_UNIT_NAMES,
                   help="unit to print weights in (default: the station's, else lb_oz)")
    p.add_argument("--reply-timeout", type=_seconds, metavar="SECONDS",
                   help="seconds without an answer before the scale counts as not responding")


def register(reg: Registrar) -> None:
    """Add the ``scale`` command group to ``haicang``."""
    scale = reg.group("scale", "shipping scales: read, watch, detect")
    p = reg.add(scale, "read", cmd_scale_read,
                "print one stable reading, or exit 1 with the reason", True)
    _add_scale_options(p)
    p.add_argument("--timeout", type=_seconds, default=10.0, metavar="SECONDS",
                   help="how long to wait for the weight to settle (default 10)")
    p = reg.add(scale, "watch", cmd_scale_watch,
                "print readings as they come until Ctrl+C; reconnects by itself", True)
    _add_scale_options(p)
    p.add_argument("--interval", type=_seconds, default=0.2, metavar="SECONDS",
                   help="pause between readings (default 0.2)")
    p.add_argument("--reconnect", type=_seconds, default=1.0, metavar="SECONDS",
                   help="pause before retrying after an error (default 1)")
    p = reg.add(scale, "detect", cmd_scale_detect,
                "list serial ports and the scales that answer on them", True)
    p.add_argument("--port", action="append", metavar="PORT",
                   help="probe only this port (repeatable); default: every serial port")
