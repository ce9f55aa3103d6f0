"""The split advice written for a seller: XLSX (one row per SKU and warehouse) or PDF
(one section per SKU), headings in English and Chinese. The PDF uses the office-paper
table layout of the sales report (:mod:`printers.layouts.sales`)."""

from __future__ import annotations

from pathlib import Path

from app.channels.safe_cells import safe_row
from app.domain.errors import InvalidValue
from app.domain.stock_control_errors import FileNotWritten
from app.services.split_advice import SkuAdvice, SplitAdvice

HEADERS = ("sku SKU", "name 品名", "units 件数", "warehouse 仓库", "share 就近占比",
           "avg_zone 平均分区", "recommended_units 建议补货件数",
           "saving_zone 节省分区", "saving_days 节省天数", "saving_cost 节省运费")
SECTION_HEADERS = ("warehouse 仓库", "share 就近占比", "avg zone 平均分区",
                   "recommended units 建议补货件数")
SUFFIXES = (".xlsx", ".pdf")
_SOURCE = {"chart": "carrier chart 承运商分区表", "distance": "distance estimate 距离估算"}


def _pct(share: float) -> str:
    return f"{share * 100:.1f}%"


def _zone(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def rows(advice: SplitAdvice) -> list[list[object]]:
    """One row per SKU and warehouse, the SKU's saving on its first row."""
    out: list[list[object]] = []
    for sku in advice.skus:
        saving = sku.saving
        for i, w in enumerate(sku.warehouses):
            first = i == 0
            out.append([
                sku.sku if first else "", sku.name if first else "", sku.units if first else "",
                w.warehouse, _pct(w.share), _zone(w.avg_zone), w.recommended_units,
                f"{saving.avg_zone:.2f}" if first and saving else "",
                f"{saving.transit_days:.2f}" if first and saving else "",
                f"{saving.cost:.2f}" if first and saving else "",
            ])
    return out


def _lines(advice: SplitAdvice) -> list[str]:
    qty = ("the period's units 按期间销量" if advice.qty is None
           else f"{advice.qty} units per SKU 每个SKU {advice.qty} 件")
    return [
        f"Stock split advice 分仓补货建议 {advice.start.isoformat()} – {advice.end.isoformat()}",
        f"Client 客户: {advice.client} · current warehouse 当前仓库: "
        f"{advice.current_warehouse or '-'} · next replenishment 下次补货: {qty}",
        "Zones 分区: " + ", ".join(f"{o.code} {o.zip} ({_SOURCE[o.zone_source]})"
                                   for o in advice.origins),
        "Saving vs shipping everything from the current warehouse (an estimate) "
        "节省为相对于全部从当前仓库发货的估算",
        _cost_line(advice),
    ]


def _cost_line(advice: SplitAdvice) -> str:
    if not advice.label_costs:
        return ("Cost per zone: indicative prices, not a quote 每个分区的运费：参考价，并非报价")
    zones = ", ".join(f"Z{z} ${c}" for z, c in sorted(advice.label_costs.items()))
    return (f"Cost per zone: this client's labels where known ({zones}), else indicative "
            f"prices 每个分区的运费：有该客户面单的按其平均成本，其余按参考价")


def _section(sku: SkuAdvice) -> tuple[str, list[list[str]]]:
    body = [[w.warehouse, _pct(w.share), _zone(w.avg_zone), str(w.recommended_units)]
            for w in sku.warehouses]
    saving = sku.saving
    if saving is not None:
        body.append(["Saving 节省", f"{saving.avg_zone:.2f} zones 分区",
                     f"{saving.transit_days:.2f} days 天", f"${saving.cost:.2f}"])
    return f"{sku.sku} · {sku.name} · {sku.units} units 件", body


def export_split(advice: SplitAdvice, path: str | Path) -> Path:
    """Write the advice to ``path``; its suffix (.xlsx or .pdf) decides the format."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidValue(field="export file", problem="the name must end in .xlsx or .pdf")
    try:
        if suffix == ".xlsx":
            _write_xlsx(p, advice)
        else:
            p.write_bytes(_pdf(advice))
    except OSError as exc:
        raise FileNotWritten(path=str(p), reason=exc.strerror or str(exc)) from exc
    return p


def _pdf(advice: SplitAdvice) -> bytes:
    from printers.layouts.sales import SalesDocument, SalesSection, sales_pdf

    sections = []
    for sku in advice.skus:
        title, body = _section(sku)
        sections.append(SalesSection(title, SECTION_HEADERS, body))
    number = f"SPLIT-{advice.client}-{advice.end:%Y%m%d}"
    return sales_pdf(SalesDocument(number, _lines(advice), sections))


def _write_xlsx(path: Path, advice: SplitAdvice) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = "Split 分仓"
    for line in _lines(advice):
        sheet.append([line])
    sheet.append([])
    sheet.append(list(HEADERS))
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for row in rows(advice):
        sheet.append(safe_row(row))
    for idx in range(len(HEADERS)):
        sheet.column_dimensions[chr(ord("A") + idx)].width = 16
    sheet.freeze_panes = f"A{header_row + 1}"
    workbook.save(path)
