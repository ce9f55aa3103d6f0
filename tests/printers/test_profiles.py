"""Printer profiles: settings round trip and validation messages."""

from __future__ import annotations

import json

import pytest

from printers.errors import InvalidProfile, PrinterError
from printers.profiles import Language, PrinterProfile, PrintOptions


def test_profile_round_trips_through_json() -> None:
    profile = PrinterProfile(
        "label",
        "tcp://10.0.0.9:9100",
        Language.TSPL,
        dpi=300,
        media_width_mm=100,
        media_height_mm=150,
        options=PrintOptions(rotation=180, offset_x=12, darkness=10, zero_is_black=False),
    )
    data = json.loads(json.dumps(profile.to_dict()))
    assert data["language"] == "tspl"
    assert PrinterProfile.from_dict(data) == profile
    assert (profile.media_width_dots, profile.media_height_dots) == (1181, 1772)


def test_defaults_fill_missing_settings() -> None:
    profile = PrinterProfile.from_dict({"name": "z", "uri": "tcp://z", "language": "ZPL"})
    assert profile.dpi == 203 and profile.options == PrintOptions()
    assert profile.raster_options().width_dots == 812


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"name": "a", "uri": "tcp://a"}, "missing language"),
        ({"name": "a", "uri": "tcp://a", "language": "epl"}, "epl"),
        ({"name": "a", "uri": "tcp://a", "language": "zpl", "dpi": 250}, "dpi 250"),
        ({"name": "a", "uri": "a", "language": "zpl"}, "not a printer address"),
        ({"name": "a", "uri": "tcp://a", "language": "zpl", "colour": 1}, "unknown settings"),
        (
            {"name": "a", "uri": "tcp://a", "language": "zpl", "options": {"rotation": 45}},
            "rotation 45",
        ),
        (
            {"name": "a", "uri": "tcp://a", "language": "zpl", "options": {"rotation": "90"}},
            "rotation must be int",
        ),
        (
            {"name": "a", "uri": "tcp://a", "language": "zpl", "options": {"speed": 3}},
            "unknown options",
        ),
    ],
)
def test_invalid_settings_name_the_problem(data: dict[str, object], reason: str) -> None:
    with pytest.raises(InvalidProfile) as caught:
        PrinterProfile.from_dict(data)
    assert reason in str(caught.value)


def test_error_messages_are_templates_with_fields() -> None:
    error = InvalidProfile(name="label", reason="bad")
    assert isinstance(error, PrinterError)
    assert InvalidProfile.template == "Invalid printer settings for '{name}': {reason}"
    assert error.message == "Invalid printer settings for 'label': bad"
