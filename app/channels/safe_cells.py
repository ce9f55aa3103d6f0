"""Cells written to a CSV or XLSX file that someone will open in Excel or WPS.

Text from imports and platforms is stored verbatim, so an order note or a buyer name can
be ``=HYPERLINK(...)`` or ``@SUM(...)``; written to a spreadsheet as it is, Excel runs it as
a formula (CSV) and openpyxl even stores it as one (XLSX). Every writer passes its cells
through :func:`safe_cell`, which puts a ``'`` in front of text starting with a formula
character, so the cell shows the text and runs nothing. Numbers and dates pass unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

#: What makes Excel, LibreOffice or WPS read a cell as a formula (tab and CR included:
#: some of them skip those and then see the ``=``).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_T = TypeVar("_T")


def safe_cell(value: _T) -> _T | str:
    """``value`` as a spreadsheet shows it without running it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    """:func:`safe_cell` of every cell of a row."""
    return [safe_cell(v) for v in values]
