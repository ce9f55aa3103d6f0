"""Scale texts reach packers in Chinese: every scale error template is in the catalogue."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from app.hardware.scales import errors
from app.ui.devices.scale import ERROR_TEMPLATES

TS_FILE = Path(__file__).resolve().parents[2] / "resources/translations/scale_zh_CN.ts"


def scale_error_templates() -> set[str]:
    return {
        cls.message_template
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, errors.ScaleError)
    }


def test_every_scale_error_template_is_marked_for_translation() -> None:
    assert scale_error_templates() == set(ERROR_TEMPLATES)


def test_scale_catalogue_translates_every_error_template() -> None:
    translated: dict[str, str] = {}
    for context in ET.parse(TS_FILE).iter("context"):
        if context.findtext("name") != "errors":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None:
                translated[message.findtext("source") or ""] = (translation.text or "").strip()
    for template in scale_error_templates():
        assert translated.get(template), template
        # the placeholders survive translation, so formatting cannot fail
        assert sorted(part.split("}")[0] for part in template.split("{")[1:]) == sorted(
            part.split("}")[0] for part in translated[template].split("{")[1:]
        ), template
