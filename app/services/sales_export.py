"""The sales-by-region report written for a seller: CSV (UTF-8 with BOM, so Excel and WPS
open it right), XLSX or PDF; headings in English and Chinese. By state, each row also
names the state's Census and warehouse region; by region, the Census regions come first,
then the US-West / US-East split, the ``scheme`` column telling them apart."""

from __future__ import annotations

import csv
from pathlib import Path

from app.channels.safe_cells import safe_row
from app.domain.errors import InvalidValue
from app.domain.regions import census_region, warehouse_region
from app.domain.stock_control_errors import FileNotWritten
from app.services.sales_report import SalesBy, SalesReport

STATE_HEADERS = ("state 州", "census_region 人口普查区", "warehouse_region 仓库分区",
                 "orders 订单数", "units 件数")
REGION_HEADERS = ("scheme 分区方式", "region 区域", "orders 订单数", "units 件数")
SUFFIXES = (".csv", ".xlsx", ".pdf")


def table(report: SalesReport, by: SalesBy) -> tuple[tuple[str, ...], list[list[object]]]:
    """Headers and rows (totals last) of the report as exported."""
    if by is SalesBy.STATE:
        rows: list[list[object]] = [[r.key, census_region(r.key), warehouse_region(r.key),
                                     r.orders, r.units] for r in report.states]
        rows.append(["Total 合计", "", "", report.orders, report.units])
        return STATE_HEADERS, rows
    rows = [["census", r.key, r.orders, r.units] for r in report.regions]
    rows += [["warehouse", r.key, r.orders, r.units] for r in report.split]
    rows.append(["", "Total 合计", report.orders, report.units])
    return REGION_HEADERS, rows


def export_sales(report: SalesReport, by: SalesBy, path: str | Path) -> Path:
    """Write the report to ``path``; its suffix (.csv, .xlsx, .pdf) decides the format."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidValue(field="export file",
                           problem="the name must end in .csv, .xlsx or .pdf")
    headers, rows = table(report, by)
    try:
        if suffix == ".csv":
            with p.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(headers)
                writer.writerows(safe_row(r) for r in rows)
        elif suffix == ".xlsx":
            _write_xlsx(p, headers, rows)
        else:
            p.write_bytes(_pdf(report, by, headers, rows))
    except OSError as exc:
        raise FileNotWritten(path=str(p), reason=exc.strerror or str(exc)) from exc
    return p


def _title(report: SalesReport) -> list[str]:
    lines = [f"Sales by region 区域销售 {report.start.isoformat()} – {report.end.isoformat()}"]
    lines.append(f"Client 客户: {report.client or 'all 全部'} · "
                 f"SKU: {report.sku or 'all 全部'}")
    lines.append("Orders not cancelled, by ship-to state 不含已取消订单，按收货州统计")
    return lines


def _pdf(report: SalesReport, by: SalesBy, headers: tuple[str, ...],
         rows: list[list[object]]) -> bytes:
    from printers.layouts.sales import SalesDocument, SalesSection, sales_pdf

    number = f"SALES-{report.start:%Y%m%d}-{report.end:%Y%m%d}"
    title = "By state 按州" if by is SalesBy.STATE else "By region 按区域"
    section = SalesSection(title, headers, [[str(c) for c in r] for r in rows])
    return sales_pdf(SalesDocument(number, _title(report), [section]))


def _write_xlsx(path: Path, headers: tuple[str, ...], rows: list[list[object]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = "Sales 销售"
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(safe_row(row))
    for idx in range(len(headers)):
        sheet.column_dimensions[chr(ord("A") + idx)].width = 18
    sheet.freeze_panes = "A2"
    workbook.save(path)
