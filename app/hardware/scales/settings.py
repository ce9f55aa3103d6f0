"""Per-station scale settings: which port, which protocol, which line parameters."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any, Final

from app.hardware.scales.errors import InvalidScaleSettings
from app.hardware.scales.protocols import PROTOCOLS
from app.hardware.scales.protocols.base import LineSettings
from app.hardware.scales.units import DISPLAY_UNITS, DisplayUnit

SIMULATED: Final = "simulated"
HID: Final = "hid"
AUTO: Final = "auto"
#: Every value the ``protocol`` setting accepts.
PROTOCOL_CHOICES: Final[tuple[str, ...]] = (AUTO, *PROTOCOLS, HID, SIMULATED)

_BAUDS: Final = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
_ASSUMED_UNITS: Final = ("g", "kg", "lb", "oz")


@dataclass(frozen=True)
class ScaleSettings:
    """A station's scale configuration.

    Line parameters left as None take the protocol's usual default (see
    :meth:`line_settings`), so a packer only has to pick port and protocol. ``port`` is a
    device path, a pyserial URL (``loop://``), ``"simulated"`` or ``"hid"`` /
    ``"hid:VVVV:PPPP"``. ``scale_unit`` is the unit the scale is set to, used only by
    protocols whose frames carry no unit (Toledo demand). ``timeout`` is how long to wait
    for a reply before the scale counts as not responding.
    """

    port: str
    protocol: str = "toledo"
    baudrate: int | None = None
    bytesize: int | None = None
    parity: str | None = None
    stopbits: float | None = None
    display_unit: DisplayUnit = "lb_oz"
    scale_unit: str = "lb"
    timeout: float = 1.0

    def __post_init__(self) -> None:
        checks: list[tuple[str, object, bool]] = [
            ("port", self.port, bool(self.port.strip())),
            ("protocol", self.protocol, self.protocol in PROTOCOL_CHOICES),
            ("baudrate", self.baudrate, self.baudrate is None or self.baudrate in _BAUDS),
            ("bytesize", self.bytesize, self.bytesize in (None, 7, 8)),
            ("parity", self.parity, self.parity in (None, "N", "E", "O")),
            ("stopbits", self.stopbits, self.stopbits in (None, 1, 1.5, 2)),
            ("display_unit", self.display_unit, self.display_unit in DISPLAY_UNITS),
            ("scale_unit", self.scale_unit, self.scale_unit in _ASSUMED_UNITS),
            ("timeout", self.timeout, 0 < self.timeout <= 60),
        ]
        for field, value, ok in checks:
            if not ok:
                raise InvalidScaleSettings(field=field, value=value)

    @property
    def is_simulated(self) -> bool:
        """True when the station uses the built-in simulated scale."""
        return SIMULATED in (self.protocol, self.port)

    @property
    def is_hid(self) -> bool:
        """True for a USB HID POS scale."""
        return self.protocol == HID or self.port == HID or self.port.startswith(HID + ":")

    def line_settings(self) -> LineSettings:
        """The serial line parameters, filling gaps from the protocol's defaults."""
        cls = PROTOCOLS.get(self.protocol)
        base = cls.default_line if cls else LineSettings(9600)
        return LineSettings(
            baudrate=self.baudrate or base.baudrate,
            bytesize=self.bytesize or base.bytesize,
            parity=self.parity or base.parity,
            stopbits=self.stopbits or base.stopbits,
        )

    def with_changes(self, **changes: Any) -> ScaleSettings:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for the settings file."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScaleSettings:
        """Rebuild from :meth:`to_dict` output, ignoring unknown keys from newer versions."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        try:
            return cls(**known)
        except TypeError as exc:
            raise InvalidScaleSettings(field="settings", value=str(exc)) from None
