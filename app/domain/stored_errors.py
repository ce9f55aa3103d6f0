"""Errors kept in the database for a person to read later, in their own language.

A row keeps the English message (for the CLI and the logs) and beside it a JSON
"detail" holding the message template and its fields. The GUI translates the
template and formats the fields into it, so a failure one PC recorded reads in
Chinese on the PC of a clerk who works in Chinese.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


def template_of(error: BaseException) -> tuple[str, dict[str, Any]] | None:
    """The message template and fields of a domain, channel, device or printer error.

    The families name them differently (``template``/``message_template``,
    ``params``/``fields``); None for an exception without them.
    """
    template = getattr(error, "message_template", None) or getattr(error, "template", None)
    fields = next((f for f in (getattr(error, "fields", None), getattr(error, "params", None))
                   if isinstance(f, dict)), None)
    if not isinstance(template, str) or fields is None:
        return None
    return template, dict(fields)


def error_detail(error: BaseException) -> str | None:
    """The detail of an exception with a template: domain, channel and device errors."""
    found = template_of(error)
    return None if found is None else detail_of(*found)


def detail_of(template: str | None, fields: Mapping[str, Any]) -> str | None:
    """The detail of a template and its fields (None without a template)."""
    if not template:
        return None
    return json.dumps(
        {"template": template, "fields": {k: _plain(v) for k, v in fields.items()}},
        ensure_ascii=False,
    )


def read_detail(detail: str | None) -> tuple[str | None, dict[str, Any]]:
    """(template, fields) of a stored detail; (None, {}) for none or an unreadable one."""
    if not detail:
        return None, {}
    try:
        raw = json.loads(detail)
    except ValueError:
        return None, {}
    if not isinstance(raw, dict) or not isinstance(raw.get("template"), str):
        return None, {}
    fields = raw.get("fields")
    return raw["template"], dict(fields) if isinstance(fields, dict) else {}


def _plain(value: Any) -> Any:
    return value if isinstance(value, int | float | str | bool) or value is None else str(value)
