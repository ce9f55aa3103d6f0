"""The inbound shipment (ASN, 入库预报) file: its columns with English and Chinese headers,
reading it into rows, and the template ``haicang inbound template`` writes.

One row is one SKU in one carton of one shipment; a file may announce several shipments.
The file is read by the shared table reader (:func:`app.channels.files.read_table`: CSV in
UTF-8/GBK/UTF-16, XLSX, title lines above the header); each cell is cleaned and parsed
here with the order file's cell parsers, so a mangled cell is refused the same way. What
the rows mean for the database (known SKUs, references already announced) is checked by
:mod:`app.services.inbound`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.channels.cell_values import (
    MISSING,
    TOO_LONG,
    BadValue,
    code_text,
    parse_date_cell,
    parse_quantity,
    table_cell,
)
from app.channels.files import LINES_ABOVE_HEADER, HeaderMap, Notice, TableRows, TableSource
from app.channels.safe_cells import safe_row
from app.domain.errors import FileUnreadable, InvalidValue


@dataclass(frozen=True)
class InboundColumn:
    name: str
    chinese: str
    example: str
    #: Longest text the column may hold (the database column's length); 0 = not text.
    max_length: int = 0


COLUMNS: tuple[InboundColumn, ...] = (
    InboundColumn("reference", "入库单号", "ASN-2026-001", 64),
    InboundColumn("carton", "箱号", "C001", 64),
    InboundColumn("sku", "SKU", "MUG-RED", 64),
    InboundColumn("quantity", "数量", "24"),
    InboundColumn("eta", "预计到达", "2026-12-20"),
    InboundColumn("container", "柜号", "MSKU1234567", 64),
    InboundColumn("tracking", "追踪号", "1Z999AA10123456784", 200),
)
_LIMITS = {c.name: c.max_length for c in COLUMNS if c.max_length}

INBOUND_HEADERS = HeaderMap.of(
    [(c.name, (c.chinese,)) for c in COLUMNS],
    ("reference", "carton", "sku", "quantity"),
    "no header row with the inbound template columns (reference, carton, sku, quantity, "
    "...) was found; start from the file `haicang inbound template` writes",
)


@dataclass(frozen=True)
class InboundRow:
    """One row as read: every cell that parsed, and the cells that did not (column, reason)."""

    line: int
    reference: str | None
    carton: str | None
    sku: str | None
    quantity: int | None
    eta: date | None
    container: str | None
    tracking: str | None
    problems: tuple[tuple[str, BadValue], ...]


@dataclass(frozen=True)
class InboundFile:
    rows: tuple[InboundRow, ...]
    warnings: tuple[Notice, ...]


def collect_inbound_rows(source: TableSource, rows: TableRows) -> InboundFile:
    """``read_table``'s consumer: every non-empty row parsed cell by cell."""
    mapping = source.header.mapping
    found: list[InboundRow] = []
    for line, row in rows:
        raw = {column: row[idx] for column, idx in mapping if idx < len(row)}
        if not any(table_cell_or_empty(v) for v in raw.values()):
            continue
        found.append(_row(line, raw))
    if not found:
        raise FileUnreadable(
            path=str(source.path),
            reason=f"there are no shipment rows below the header on line {source.header.line}",
        )
    warnings = list(source.header.warnings)
    if source.skipped_above:
        warnings.insert(0, Notice(LINES_ABOVE_HEADER, {"count": source.skipped_above}))
    return InboundFile(tuple(found), tuple(warnings))


def table_cell_or_empty(value: object) -> str:
    """A cell's text for the empty-row test: a cell with a control character is not empty."""
    try:
        return table_cell(value, "")
    except BadValue:
        return "?"


def _row(line: int, raw: dict[str, object]) -> InboundRow:
    problems: list[tuple[str, BadValue]] = []
    values: dict[str, object] = {}
    for column in ("reference", "carton", "sku", "container", "tracking"):
        try:
            text = table_cell(raw.get(column), column, identifier=column != "tracking")
            if len(text) > _LIMITS[column]:
                raise BadValue(TOO_LONG, column=column, limit=_LIMITS[column])
            if text and column in ("reference", "carton", "sku"):
                code_text(text, "sku")  # Excel's 1.23457E+11 (as long as a SKU may be)
            if not text and column in ("reference", "carton", "sku"):
                raise BadValue(MISSING, column=column)
            values[column] = text or None
        except BadValue as exc:
            problems.append((column, exc))
    try:
        text = table_cell(raw.get("quantity"), "quantity")
        if not text:
            raise BadValue(MISSING, column="quantity")
        values["quantity"] = parse_quantity(text)
    except BadValue as exc:
        problems.append(("quantity", exc))
    cell = raw.get("eta")
    eta: date | None = None
    try:
        if table_cell_or_empty(cell):
            eta = parse_date_cell(cell).date()
    except BadValue as exc:
        problems.append(("eta", exc))
    return InboundRow(
        line=line, reference=_text(values, "reference"), carton=_text(values, "carton"),
        sku=_text(values, "sku"), quantity=_int(values.get("quantity")),
        eta=eta,
        container=_text(values, "container"), tracking=_text(values, "tracking"),
        problems=tuple(problems),
    )


def _text(values: dict[str, object], column: str) -> str | None:
    value = values.get(column)
    return value if isinstance(value, str) else None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) else None


def write_inbound_template(path: str | Path, *, chinese: bool = False) -> Path:
    """Write the template (header and two sample rows: two cartons of one shipment) as CSV
    or XLSX by extension; English headers, or Chinese with ``chinese`` (both import)."""
    p = Path(path)
    header = [c.chinese if chinese else c.name for c in COLUMNS]
    first = [c.example for c in COLUMNS]
    second = ["ASN-2026-001", "C002", "MUG-BLUE", "12", "2026-12-20", "MSKU1234567",
              "1Z999AA10123456784"]
    suffix = p.suffix.lower()
    try:
        if suffix == ".csv":
            with p.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                for row in (header, first, second):
                    writer.writerow(safe_row(row))
        elif suffix == ".xlsx":
            _write_xlsx(p, header, (first, second))
        else:
            raise InvalidValue(field="template file", problem="the name must end in .csv or .xlsx")
    except OSError as exc:
        raise FileUnreadable(path=str(p), reason=exc.strerror or str(exc)) from exc
    return p


def _write_xlsx(path: Path, header: list[str], samples: tuple[list[str], ...]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = "Inbound 入库预报"
    sheet.append(safe_row(header))
    for sample in samples:
        sheet.append(safe_row(sample))
    for idx, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(idx)].width = max(12, len(column.example) + 4)
        sheet.cell(row=1, column=idx).font = Font(bold=True)
        if column.max_length:  # codes keep their leading zeros
            for row in range(2, 1001):
                sheet.cell(row=row, column=idx).number_format = "@"
    sheet.freeze_panes = "A2"
    workbook.save(path)
