"""Station settings validate, fill protocol defaults and round-trip through a dict."""

from __future__ import annotations

import pytest

from app.hardware.scales import InvalidScaleSettings, LineSettings, ScaleSettings


def test_protocol_defaults_fill_the_line() -> None:
    assert ScaleSettings(port="/dev/ttyUSB0").line_settings() == LineSettings(9600, 7, "E", 1)
    assert ScaleSettings(port="COM3", protocol="and").line_settings() == LineSettings(
        2400, 7, "E", 1
    )
    custom = ScaleSettings(port="COM3", protocol="sics", baudrate=19200)
    assert custom.line_settings().describe() == "19200 8N1"


@pytest.mark.parametrize(
    ("field", "value"),
    [("protocol", "mettler"), ("baudrate", 1234), ("parity", "X"), ("display_unit", "stone"),
     ("timeout", 0), ("port", " ")],
)
def test_invalid_values(field: str, value: object) -> None:
    values: dict[str, object] = {"port": "COM1", field: value}
    with pytest.raises(InvalidScaleSettings) as info:
        ScaleSettings(**values)  # type: ignore[arg-type]
    assert info.value.fields["field"] == field
    assert field in str(info.value)


def test_dict_round_trip_ignores_unknown_keys() -> None:
    settings = ScaleSettings(port="/dev/ttyS0", protocol="nci", display_unit="kg")
    data = settings.to_dict() | {"from_a_newer_version": 1}
    assert ScaleSettings.from_dict(data) == settings
    with pytest.raises(InvalidScaleSettings):
        ScaleSettings.from_dict({"protocol": "nci"})
