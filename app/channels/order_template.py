"""The order file template: one table is the documentation, the header map and the sample.

Sellers fill in the template (CSV or XLSX, English or Chinese headers); the same
``TEMPLATE_COLUMNS`` drive the header matching and limits of
:mod:`app.channels.files`, the sample row and the bilingual notes sheet that
``write_template`` writes.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from app.channels.safe_cells import safe_row
from app.domain.errors import FileUnreadable, InvalidValue


@dataclass(frozen=True)
class TemplateColumn:
    """One column of the order template."""

    name: str
    alias: str  # the Chinese header accepted instead of ``name``
    required: bool
    per_line: bool  # True: belongs to the order line; False: the same on every line of an order
    example: str
    note_en: str
    note_zh: str
    max_length: int = 200


TEMPLATE_COLUMNS: tuple[TemplateColumn, ...] = (
    TemplateColumn(
        "order_number",
        "订单号",
        True,
        False,
        "SO-10001",
        "Rows with the same number are the lines of one order.",
        "订单号相同的多行为同一订单的多个商品行。",
        64,
    ),
    TemplateColumn(
        "order_date",
        "下单时间",
        False,
        False,
        "2024-03-05 14:30",
        "YYYY-MM-DD [HH:MM], an Excel date or M/D/YYYY; UTC unless a zone is "
        "given; empty = time of import.",
        "YYYY-MM-DD [HH:MM]、Excel 日期或 M/D/YYYY；无时区按 UTC；留空=导入时间。",
    ),
    TemplateColumn(
        "sku",
        "商品编码",
        True,
        True,
        "MUG-RED",
        "SKU code, or its UPC / EAN / FNSKU barcode.",
        "SKU 编码，或其 UPC / EAN / FNSKU 条码。",
        64,
    ),
    TemplateColumn(
        "quantity", "数量", True, True, "2", "Whole number greater than 0.", "大于 0 的整数。"
    ),
    TemplateColumn(
        "unit_price", "单价", False, True, "12.99", "Amount, 2 decimals.", "金额，两位小数。"
    ),
    TemplateColumn(
        "currency",
        "币种",
        False,
        True,
        "USD",
        "Three-letter code; empty = USD.",
        "三位货币代码；留空=USD。",
        3,
    ),
    TemplateColumn("buyer_name", "收件人", True, False, "Jane Doe", "Recipient.", "收件人姓名。"),
    TemplateColumn("company", "公司", False, False, "", "Company, if any.", "公司（可选）。"),
    TemplateColumn(
        "address1", "地址1", True, False, "123 Main St", "Street address.", "街道地址。"
    ),
    TemplateColumn(
        "address2",
        "地址2",
        False,
        False,
        "Apt 4",
        "Apartment, suite, unit.",
        "公寓、门牌等（可选）。",
    ),
    TemplateColumn("city", "城市", True, False, "Edison", "City.", "城市。", 100),
    TemplateColumn(
        "state",
        "州",
        True,
        False,
        "NJ",
        "Two-letter code or full name (New Jersey).",
        "两位州代码或全称。",
    ),
    TemplateColumn(
        "zip",
        "邮编",
        True,
        False,
        "08817",
        "12345 or 12345-6789; format the column as text in Excel.",
        "12345 或 12345-6789；请将该列设为文本格式。",
    ),
    TemplateColumn(
        "country", "国家", False, False, "US", "US only; empty = US.", "仅限美国；留空=US。"
    ),
    TemplateColumn("phone", "电话", False, False, "732-555-0100", "Phone.", "电话。", 40),
    TemplateColumn("email", "邮箱", False, False, "jane@example.com", "E-mail.", "邮箱。"),
    TemplateColumn(
        "service_level",
        "运输方式",
        False,
        False,
        "standard",
        "Shipping service; empty = standard.",
        "运输方式；留空=standard。",
        40,
    ),
    TemplateColumn(
        "notes", "备注", False, False, "", "Notes for the warehouse.", "给仓库的备注。", 4000
    ),
)

#: Each template column and the Chinese header accepted for it.
HEADER_ALIASES: dict[str, str] = {c.name: c.alias for c in TEMPLATE_COLUMNS}

COLUMNS_BY_NAME: dict[str, TemplateColumn] = {c.name: c for c in TEMPLATE_COLUMNS}
REQUIRED_COLUMNS: tuple[str, ...] = tuple(c.name for c in TEMPLATE_COLUMNS if c.required)

MAX_QUANTITY = 1_000_000
MAX_PRICE = Decimal("9999999999.99")


def write_template(path: str | Path, *, chinese: bool = False) -> Path:
    """Write the order template (header and one sample row) as CSV or XLSX by extension.

    ``chinese`` writes the Chinese headers (订单号, 商品编码 ...), which the import reads
    as well as the English ones.

    The CSV carries a UTF-8 BOM so Excel shows Chinese text typed into it correctly.
    The XLSX has the same single header row, text-formatted code/ZIP/phone columns and a
    second sheet explaining every column in English and Chinese.
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
            _write_xlsx_template(p, header)
        else:
            raise InvalidValue(field="template file", problem="the name must end in .csv or .xlsx")
    except OSError as exc:
        raise FileUnreadable(path=str(p), reason=exc.strerror or str(exc)) from exc
    return p


_TEXT_COLUMNS = frozenset({"order_number", "sku", "zip", "phone"})


def _write_xlsx_template(path: Path, header: list[str]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = "Orders"
    sheet.append(safe_row(header))
    values: list[object] = []
    for c in TEMPLATE_COLUMNS:
        if c.name == "order_date":
            values.append(datetime(2024, 3, 5, 14, 30))
        elif c.name == "quantity":
            values.append(int(c.example))
        elif c.name == "unit_price":
            values.append(float(c.example))
        else:
            values.append(c.example or None)
    sheet.append(safe_row(values))
    for idx, c in enumerate(TEMPLATE_COLUMNS, start=1):
        letter = get_column_letter(idx)
        sheet.column_dimensions[letter].width = max(12, len(c.example) + 4)
        sheet.cell(row=1, column=idx).font = Font(bold=True)
        if c.name in _TEXT_COLUMNS:
            for row in range(2, 1001):
                sheet.cell(row=row, column=idx).number_format = "@"
        elif c.name == "order_date":
            sheet.cell(row=2, column=idx).number_format = "yyyy-mm-dd hh:mm"
    sheet.freeze_panes = "A2"
    notes = workbook.create_sheet("Notes 说明")
    notes.append(safe_row(
        ["column", "中文列名", "required 必填", "example 示例", "notes", "说明"]))
    for c in TEMPLATE_COLUMNS:
        notes.append(safe_row(
            [c.name, c.alias, "yes 是" if c.required else "", c.example, c.note_en, c.note_zh]
        ))
    for letter, width in zip("ABCDEF", (16, 12, 12, 18, 60, 50), strict=True):
        notes.column_dimensions[letter].width = width
    workbook.save(path)
