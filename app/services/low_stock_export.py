"""The low / out-of-stock list written for a seller: CSV (UTF-8 with BOM, so Excel and WPS
open Chinese names right) or XLSX, one row per flagged SKU, headers in English and Chinese."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from app.channels.safe_cells import safe_row
from app.domain.errors import InvalidValue
from app.domain.stock_control_errors import FileNotWritten
from app.services.stock_cover import CoverRow

HEADERS = ("client 客户", "sku", "name 品名", "sellable 可售", "shipped_30d 30天出库",
           "daily_average 日均出库", "days_of_cover 可售天数", "status 状态")


def _cells(row: CoverRow) -> list[object]:
    return [row.client, row.sku, row.name, row.sellable, row.shipped_30d, row.daily_average,
            "" if row.days_of_cover is None else row.days_of_cover, row.status]


def export_low_stock(rows: Sequence[CoverRow], path: str | Path) -> Path:
    """Write the rows to ``path`` (.csv or .xlsx); the suffix decides the format."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InvalidValue(field="export file", problem="the name must end in .csv or .xlsx")
    try:
        if suffix == ".csv":
            with p.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(HEADERS)
                for row in rows:
                    writer.writerow(safe_row(_cells(row)))
        else:
            _write_xlsx(p, rows)
    except OSError as exc:
        raise FileNotWritten(path=str(p), reason=exc.strerror or str(exc)) from exc
    return p


def _write_xlsx(path: Path, rows: Sequence[CoverRow]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = "Low stock 低库存"
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(safe_row(_cells(row)))
    for letter, width in zip("ABCDEFGH", (10, 18, 30, 10, 12, 12, 14, 8), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    workbook.save(path)
