"""Typed scale errors with English message templates.

Every expected scale failure is a subclass of :class:`ScaleError`. The class attribute
``message_template`` is the untranslated English text with ``{named}`` placeholders; the GUI
looks the template up in its translation catalogue and formats it with :attr:`ScaleError.params`,
so the text a packer sees can be translated without touching this Qt-free code.
"""

from __future__ import annotations

from typing import Any, ClassVar


class ScaleError(Exception):
    """Base of every expected scale failure; ``str(err)`` is the formatted English message."""

    message_template: ClassVar[str] = "Scale error"

    def __init__(self, **params: Any) -> None:
        self.params: dict[str, Any] = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The English message with the parameters filled in."""
        try:
            return self.message_template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.message_template

    @property
    def code(self) -> str:
        """A stable machine-readable code (the class name), for the CLI's JSON and for logs."""
        return type(self).__name__


class ScaleNotResponding(ScaleError):
    """The port is open but nothing at all came back within the timeout."""

    message_template = (
        "Scale not responding on {port}. Check that the scale is switched on and the cable is "
        "plugged in."
    )


class ScaleDisconnected(ScaleError):
    """The port failed while in use (cable pulled, USB adapter removed)."""

    message_template = "Scale on {port} was disconnected. Reconnect the cable."


class ScaleNotFound(ScaleError):
    """The configured port does not exist (adapter unplugged or wrong port name)."""

    message_template = "No scale port {port} on this computer. Plug in the scale or pick its port."


class ScalePortError(ScaleError):
    """The port exists but cannot be used (busy, no permission, settings refused)."""

    message_template = "Cannot use scale port {port}: {reason}"


class ScaleNotDetected(ScaleError):
    """Detection tried every known protocol on a port and none answered."""

    message_template = "No known scale answered on {port}. Check the cable and the scale settings."


class ProtocolError(ScaleError):
    """Bytes arrive, but none of them form a valid frame: wrong protocol, baud rate or parity."""

    message_template = (
        "The scale on {port} sends data that is not {protocol}. Check the protocol and baud rate."
    )


class NoisyLine(ProtocolError):
    """Frames arrive but every one fails its checks (checksum, field widths, unit).

    Line noise, a wrong baud rate or a wrong protocol; never read as a weight. A subclass of
    ProtocolError because the advice is the same; its own message says the frames are broken.
    """

    message_template = (
        "The scale on {port} sends data that cannot be read: check the protocol and baud rate."
    )


class ScaleOverload(ScaleError):
    """The scale reports over capacity."""

    message_template = "The scale is overloaded: the parcel is too heavy for this scale."


class ScaleNegative(ScaleError):
    """The scale reports a weight below zero (under load)."""

    message_template = "The scale shows less than zero. Empty the scale and press Zero."


class ScaleUnstable(ScaleError):
    """No stable reading arrived before the timeout."""

    message_template = (
        "The weight did not settle within {seconds} seconds. Keep the parcel still on the scale."
    )


class ScaleFault(ScaleError):
    """The scale reports an internal error (memory, calibration, zero or tare error)."""

    message_template = "The scale reports an error: {detail}"


class ScaleCommandRejected(ScaleError):
    """The scale answered a command with a rejection (busy, out of range, unknown command)."""

    message_template = "The scale on {port} refused the {operation} command."


class UnsupportedOperation(ScaleError):
    """The protocol has no way to perform the operation from the computer."""

    message_template = "Scales using {protocol} cannot {operation} from the computer."


class UnsupportedUnit(ScaleError):
    """The scale reports a unit that is not a weight unit we can convert to grams."""

    message_template = "The scale reports in {unit}, which is not a supported weight unit."


class InvalidScaleSettings(ScaleError):
    """A station's scale setting has an impossible value."""

    message_template = "Invalid scale setting {field}: {value}"


class HidUnavailable(ScaleError):
    """USB HID scales need the optional ``hidapi`` package."""

    message_template = (
        "USB scales need the 'hidapi' Python package, which is not installed. "
        "Install it or connect the scale by serial cable."
    )
