"""The SKU file template: its columns (English and Chinese headers), unit alternatives,
and the CSV/XLSX file ``haicang skus template`` writes.

Sellers list their products in whatever units their supplier sheet uses, so weights
may come in g, kg, lb or oz and sizes in mm or inches; each alternative is its own
column (``weight_kg``, ``长(英寸)``) and is converted to grams and millimetres on import.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from app.channels.files import HeaderMap
from app.channels.safe_cells import safe_row
from app.domain.errors import FileUnreadable, InvalidValue


@dataclass(frozen=True)
class SkuColumn:
    """One column of the SKU template."""

    name: str
    alias: str  # the Chinese header, written with --chinese and accepted on import
    example: str
    note_en: str
    note_zh: str
    #: Further headers accepted for this column (English with units, other spellings).
    also: tuple[str, ...] = ()


TEMPLATE_COLUMNS: tuple[SkuColumn, ...] = (
    SkuColumn("sku", "SKU编码", "MUG-RED", "The SKU code, unique per client (required).",
              "SKU 编码，同一客户内唯一（必填）。", ("SKU code", "商品编码")),
    SkuColumn("name", "品名", "Red mug 350 ml", "Product name in English (required for new SKUs).",
              "英文品名（新 SKU 必填）。", ("name_en", "product name", "英文品名")),
    SkuColumn("name_zh", "中文品名", "红色马克杯 350毫升", "Product name in Chinese.",
              "中文品名。"),
    SkuColumn("barcodes", "条码", "012345678905;X001MUGRED",
              "UPC, EAN, FNSKU or your own codes, separated by ';'.",
              "UPC、EAN、FNSKU 或自编条码，多个用 ; 分隔。", ("barcode",)),
    SkuColumn("weight_g", "重量(g)", "350", "Weight in grams (or use weight_kg / weight_lb / "
              "weight_oz instead).", "重量，克（也可改用 重量(kg)/重量(lb)/重量(oz) 列）。",
              ("weight (g)", "重量(克)")),
    SkuColumn("length_mm", "长(mm)", "120", "Length in mm (or length_in).",
              "长，毫米（也可用 长(英寸)）。", ("length (mm)", "长(毫米)")),
    SkuColumn("width_mm", "宽(mm)", "90", "Width in mm (or width_in).",
              "宽，毫米（也可用 宽(英寸)）。", ("width (mm)", "宽(毫米)")),
    SkuColumn("height_mm", "高(mm)", "100", "Height in mm (or height_in).",
              "高，毫米（也可用 高(英寸)）。", ("height (mm)", "高(毫米)")),
    SkuColumn("prepacked", "自带包装", "no", "Ships in its own packaging: yes/no.",
              "自带包装可直接发货：是/否。"),
    SkuColumn("lot_tracked", "批次管理", "no", "Stock is kept by lot: yes/no.",
              "按批次管理库存：是/否。"),
    SkuColumn("hazmat", "危险品", "no", "Dangerous goods (batteries, aerosols ...): yes/no.",
              "危险品（电池、喷雾等）：是/否。"),
    SkuColumn("declared_value", "申报价值", "4.50",
              "Customs value per unit in the client's currency, 2 decimals.",
              "单件申报价值（客户币种），两位小数。"),
    SkuColumn("hs_code", "海关编码", "6912.00.48", "HS / HTS code, 6 to 10 digits.",
              "海关编码（HS），6 到 10 位数字。", ("HS code", "HTS code", "HS编码")),
)

#: Columns accepted instead of a template column, in another unit: name -> (the column
#: they stand for, grams or millimetres per unit, Chinese headers).
UNIT_COLUMNS: dict[str, tuple[str, Decimal, tuple[str, ...]]] = {
    "weight_kg": ("weight_g", Decimal(1000), ("重量(kg)", "重量(千克)", "weight (kg)")),
    "weight_lb": ("weight_g", Decimal("453.59237"), ("重量(lb)", "重量(磅)", "weight (lb)")),
    "weight_oz": ("weight_g", Decimal("28.349523125"),
                  ("重量(oz)", "重量(盎司)", "weight (oz)")),
    "length_in": ("length_mm", Decimal("25.4"), ("长(英寸)", "长(in)", "length (in)")),
    "width_in": ("width_mm", Decimal("25.4"), ("宽(英寸)", "宽(in)", "width (in)")),
    "height_in": ("height_mm", Decimal("25.4"), ("高(英寸)", "高(in)", "height (in)")),
}

SKU_HEADERS = HeaderMap.of(
    [(c.name, (c.alias, *c.also)) for c in TEMPLATE_COLUMNS]
    + [(name, aliases) for name, (_c, _f, aliases) in UNIT_COLUMNS.items()],
    ("sku",),
    "no header row with the SKU template columns (sku, name, barcodes, weight_g, ...) was "
    "found; start from the file `haicang skus template` writes",
)


def write_sku_template(path: str | Path, *, chinese: bool = False) -> Path:
    """Write the SKU template (header and one sample row) as CSV or XLSX by extension.

    English headers, or the Chinese ones with ``chinese``; the import accepts both. The
    CSV carries a UTF-8 BOM for Excel; the XLSX keeps code columns as text and explains
    every column, the unit alternatives included, on a second sheet.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    header = [c.alias if chinese else c.name for c in TEMPLATE_COLUMNS]
    sample = [c.example for c in TEMPLATE_COLUMNS]
    try:
        if suffix == ".csv":
            with p.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(safe_row(header))
                writer.writerow(safe_row(sample))
        elif suffix == ".xlsx":
            _write_xlsx(p, header, sample)
        else:
            raise InvalidValue(field="template file", problem="the name must end in .csv or .xlsx")
    except OSError as exc:
        raise FileUnreadable(path=str(p), reason=exc.strerror or str(exc)) from exc
    return p


_TEXT_COLUMNS = frozenset({"sku", "barcodes", "hs_code"})


def _write_xlsx(path: Path, header: list[str], sample: list[str]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = "SKUs"
    sheet.append(safe_row(header))
    sheet.append(safe_row(sample))
    for idx, c in enumerate(TEMPLATE_COLUMNS, start=1):
        letter = get_column_letter(idx)
        sheet.column_dimensions[letter].width = max(12, len(c.example) + 4)
        sheet.cell(row=1, column=idx).font = Font(bold=True)
        if c.name in _TEXT_COLUMNS:  # barcodes keep their leading zeros
            for row in range(2, 1001):
                sheet.cell(row=row, column=idx).number_format = "@"
    sheet.freeze_panes = "A2"
    notes = workbook.create_sheet("Notes 说明")
    notes.append(safe_row(["column", "中文列名", "example 示例", "notes", "说明"]))
    for c in TEMPLATE_COLUMNS:
        notes.append(safe_row([c.name, c.alias, c.example, c.note_en, c.note_zh]))
    for name, (column, _factor, aliases) in UNIT_COLUMNS.items():
        notes.append(safe_row([name, aliases[0], "", f"Instead of {column}; converted on import.",
                               f"可代替 {column}，导入时换算。"]))
    for letter, width in zip("ABCDE", (16, 14, 26, 60, 44), strict=True):
        notes.column_dimensions[letter].width = width
    workbook.save(path)
