"""Reading a shipped translation catalogue (.ts) the way the app's translator would."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources/translations"


def finished_translations(ts_name: str, context: str) -> dict[str, str]:
    """Source -> translation of the finished entries of one context of ``ts_name``."""
    translated: dict[str, str] = {}
    for ctx in ET.parse(TRANSLATIONS / ts_name).iter("context"):
        if ctx.findtext("name") != context:
            continue
        for message in ctx.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None:
                translated[message.findtext("source") or ""] = (translation.text or "").strip()
    return translated


def placeholders(text: str) -> list[str]:
    """The ``{name}`` fields of a template, sorted: a translation must keep them all."""
    return sorted(part.split("}")[0] for part in text.split("{")[1:])


def app_translations(context: str) -> dict[str, str]:
    """Source -> translation of ``context`` as the app sees it with every Chinese
    catalogue installed: files load in name order and the last one installed is asked
    first, so a later file's translation wins."""
    translated: dict[str, str] = {}
    for path in sorted(TRANSLATIONS.glob("*_zh_CN.ts")):
        translated.update(finished_translations(path.name, context))
    return translated
