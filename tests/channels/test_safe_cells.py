"""Formula injection: text stored verbatim from imports never runs as a formula in a
spreadsheet the app writes (issue #13)."""

from __future__ import annotations

import csv
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.channels.order_template import write_template
from app.channels.safe_cells import safe_cell, safe_row
from app.channels.sku_template import write_sku_template

HOSTILE = ["=HYPERLINK(\"http://x\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
           "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_starting_with_a_formula_character_is_escaped(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Jane Doe", "王五", "", "a=b", "SO-1", " =x", 5, -5, 2.5,
                                   Decimal("-1.50"), None, datetime(2024, 3, 5)])
def test_everything_else_passes_unchanged(value: object) -> None:
    assert safe_cell(value) is value


def test_an_escaped_row_is_text_in_xlsx_and_csv(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(safe_row([*HOSTILE, -5]))
    book.save(tmp_path / "out.xlsx")
    read = load_workbook(tmp_path / "out.xlsx").active
    assert read is not None
    cells = next(read.iter_rows())
    assert [c.data_type for c in cells] == ["s"] * len(HOSTILE) + ["n"]
    assert all(str(c.value).startswith("'") for c in cells[:-1])  # XLSX keeps CR as LF
    with (tmp_path / "out.csv").open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerow(safe_row(HOSTILE))
    with (tmp_path / "out.csv").open(newline="", encoding="utf-8") as fh:
        assert all(cell.startswith("'") for cell in next(csv.reader(fh)))


@pytest.mark.parametrize("write", [write_template, write_sku_template])
def test_the_templates_hold_no_formula(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    book = load_workbook(write(tmp_path / "t.xlsx"))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            assert all(c.data_type != "f" for c in row)
