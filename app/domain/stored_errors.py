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

from app.domain.errors import HaicangError
from printers.errors import PrinterError


def error_detail(error: BaseException) -> str | None:
    """The detail of an expected failure of any family (``printers/`` has its own copy of
    the base); None for an unexpected exception, which has no template."""
    if isinstance(error, HaicangError | PrinterError):
        return detail_of(error.template, error.fields)
    return None


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
