"""Turning service results into what a terminal shows: aligned tables or one JSON document."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum, Flag
from pathlib import Path
from typing import Any, TextIO


def plain(value: Any) -> Any:
    """Recursively convert DTOs to JSON-ready values (ISO times, decimal strings)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name != "changes"
        }
    if isinstance(value, Flag):
        return [m.name.lower() for m in type(value) if m in value and m.name]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dict):
        return {str(plain(k)): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return value


def print_json(value: Any, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    json.dump(plain(value), out, ensure_ascii=False, indent=2)
    out.write("\n")


def print_table(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], out: TextIO | None = None
) -> None:
    out = out or sys.stdout
    text_rows = [[_cell(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in text_rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], _width(cell))
    out.write("  ".join(_pad(h, widths[i]) for i, h in enumerate(headers)).rstrip() + "\n")
    for row in text_rows:
        out.write("  ".join(_pad(c, widths[i]) for i, c in enumerate(row)).rstrip() + "\n")
    if not text_rows:
        out.write("(none)\n")


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
