"""Typed scale errors with English message templates.

Every expected scale failure is a subclass of :class:`ScaleError`, an
:class:`app.domain.errors.HaicangError`: ``template`` is the untranslated English text with
``{named}`` placeholders and ``fields`` their values; the GUI looks the template up in its
translation catalogue and formats the fields into it, so the text a packer sees can be
translated without touching this Qt-free code.
"""

from __future__ import annotations

from typing import Any

from app.domain.errors import HaicangError


class ScaleError(HaicangError):
    """Base of every expected scale failure; ``str(err)`` is the formatted English message.

    ``code`` is the class name (the CLI's JSON has always said so): each subclass gets it.
    """

    code = "ScaleError"
    template = "Scale error"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.code = cls.__name__


class ScaleNotResponding(ScaleError):
    """The port is open but nothing at all came back within the timeout."""

    template = (
        "Scale not responding on {port}. Check that the scale is switched on and the cable is "
        "plugged in."
    )


class ScaleDisconnected(ScaleError):
    """The port failed while in use (cable pulled, USB adapter removed)."""

    template = "Scale on {port} was disconnected. Reconnect the cable."


class ScaleNotFound(ScaleError):
    """The configured port does not exist (adapter unplugged or wrong port name)."""

    template = "No scale port {port} on this computer. Plug in the scale or pick its port."


class ScalePortError(ScaleError):
    """The port exists but cannot be used (busy, no permission, settings refused)."""

    template = "Cannot use scale port {port}: {reason}"


class ScaleNotDetected(ScaleError):
    """Detection tried every known protocol on a port and none answered."""

    template = "No known scale answered on {port}. Check the cable and the scale settings."


class ProtocolError(ScaleError):
    """Bytes arrive, but none of them form a valid frame: wrong protocol, baud rate or parity."""

    template = (
        "The scale on {port} sends data that is not {protocol}. Check the protocol and baud rate."
    )


class NoisyLine(ProtocolError):
    """Frames arrive but every one fails its checks (checksum, field widths, unit).

    Line noise, a wrong baud rate or a wrong protocol; never read as a weight. A subclass of
    ProtocolError because the advice is the same; its own message says the frames are broken.
    """

    template = (
        "The scale on {port} sends data that cannot be read: check the protocol and baud rate."
    )


class ScaleOverload(ScaleError):
    """The scale reports over capacity."""

    template = "The scale is overloaded: the parcel is too heavy for this scale."


class ScaleNegative(ScaleError):
    """The scale reports a weight below zero (under load)."""

    template = "The scale shows less than zero. Empty the scale and press Zero."


class ScaleUnstable(ScaleError):
    """No stable reading arrived before the timeout."""

    template = (
        "The weight did not settle within {seconds} seconds. Keep the parcel still on the scale."
    )


class ScaleFault(ScaleError):
    """The scale reports an internal error (memory, calibration, zero or tare error)."""

    template = "The scale reports an error: {detail}"


class ScaleCommandRejected(ScaleError):
    """The scale answered a command with a rejection (busy, out of range, unknown command)."""

    template = "The scale on {port} refused the {operation} command."


class UnsupportedOperation(ScaleError):
    """The protocol has no way to perform the operation from the computer."""

    template = "Scales using {protocol} cannot {operation} from the computer."


class UnsupportedUnit(ScaleError):
    """The scale reports a unit that is not a weight unit we can convert to grams."""

    template = "The scale reports in {unit}, which is not a supported weight unit."


class InvalidScaleSettings(ScaleError):
    """A station's scale setting has an impossible value."""

    template = "Invalid scale setting {field}: {value}"


class HidUnavailable(ScaleError):
    """USB HID scales need the optional ``hidapi`` package."""

    template = (
        "USB scales need the 'hidapi' Python package, which is not installed. "
        "Install it or connect the scale by serial cable."
    )
