"""Scale texts reach packers in Chinese: every scale error template is in the catalogue."""

from __future__ import annotations

from app.hardware.scales import errors
from app.ui.devices.scale import ERROR_TEMPLATES
from tests.catalogue import finished_translations, placeholders


def scale_error_templates() -> set[str]:
    return {
        cls.message_template
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, errors.ScaleError)
    }


def test_every_scale_error_template_is_marked_for_translation() -> None:
    assert scale_error_templates() == set(ERROR_TEMPLATES)


def test_scale_catalogue_translates_every_error_template() -> None:
    translated = finished_translations("scale_zh_CN.ts", "errors")
    for template in scale_error_templates():
        assert translated.get(template), template
        # the placeholders survive translation, so formatting cannot fail
        assert placeholders(template) == placeholders(translated[template]), template
