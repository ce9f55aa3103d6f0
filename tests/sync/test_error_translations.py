"""Sync and push failures reach the Channels screen in Chinese: every connector error
template is marked for lupdate and translated in the channels catalogue."""

from __future__ import annotations

import app.channels  # noqa: F401  (every connector module, so every error class is defined)
from app.channels.base import ChannelError
from app.ui.devices.sync_scheduler import ERROR_TEMPLATES
from tests.catalogue import finished_translations, placeholders


def channel_error_templates() -> set[str]:
    found: set[str] = set()
    pending: list[type[ChannelError]] = [ChannelError]
    while pending:
        cls = pending.pop()
        found.add(cls.message_template)
        pending.extend(cls.__subclasses__())
    return found


def test_every_connector_error_template_is_marked_for_translation() -> None:
    assert channel_error_templates() <= set(ERROR_TEMPLATES)


def test_channels_catalogue_translates_every_marked_error_template() -> None:
    translated = finished_translations("channels_zh_CN.ts", "errors")
    for template in ERROR_TEMPLATES:
        assert translated.get(template), template
        # the placeholders survive translation, so formatting cannot fail
        assert placeholders(template) == placeholders(translated[template]), template
