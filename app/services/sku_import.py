"""Importing a client's SKU list from CSV/XLSX: read it, check every row, write it.

The file is read by the order import's reader (:func:`app.channels.files.read_table`:
UTF-8/BOM/GBK CSV and XLSX, English or Chinese headers); the columns are in
:mod:`app.channels.sku_template`. A SKU code the client already has is *updated* with
the cells the row fills (an empty cell keeps what is stored), so importing a corrected
file again changes only what differs and never duplicates a SKU. The whole file
imports or nothing does; ``valid_only`` imports the good rows and reports the rest.
A barcode names one SKU of a client: one used on two rows of the file, or already
belonging to another SKU, is a problem of the row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from dataclasses import field as dc_field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.channels.cell_values import MISSING, BadValue, code_text, shown, table_cell
from app.channels.files import LINES_ABOVE_HEADER, Notice, TableRows, TableSource, read_table
from app.channels.sku_template import SKU_HEADERS, UNIT_COLUMNS
from app.db.bulk import chunks
from app.db.models import Sku, SkuBarcode
from app.domain.errors import QT_TRANSLATE_NOOP, FileUnreadable, ImportRejected, InvalidValue
from app.domain.permissions import Actor, Permission, require
from app.services.audit import record_audit
from app.services.lookup import client_by_code
from app.services.skus import (
    FIELD_COLUMNS,
    SkuDraft,
    SkuEdit,
    apply_draft,
    barcodes_of,
    changed_fields,
    checked_declared_value,
    checked_draft,
    draft_of,
    new_sku,
    split_barcodes,
)

# Reasons of a row (English templates, translated by the GUI in the "errors" context).
NOT_A_NUMBER = QT_TRANSLATE_NOOP("errors", "'{value}' is not a number")
NUMBER_TOO_LARGE = QT_TRANSLATE_NOOP("errors", "'{value}' is too large")
NOT_YES_NO = QT_TRANSLATE_NOOP("errors", "'{value}' is not yes or no")
NAME_NEEDED = QT_TRANSLATE_NOOP("errors", "a new SKU needs a name")
TWO_UNITS = QT_TRANSLATE_NOOP(
    "errors", "{column} and {other} are both filled in; keep one of them"
)
SKU_REPEATED = QT_TRANSLATE_NOOP("errors", "SKU {sku} is also on line {other_line}")
BARCODE_REPEATED = QT_TRANSLATE_NOOP("errors", "barcode {barcode} is also on line {other_line}")
BARCODE_TAKEN = QT_TRANSLATE_NOOP("errors", "barcode {barcode} already belongs to SKU {sku}")

_YES = frozenset({"yes", "y", "true", "1", "是", "t", "x"})
_NO = frozenset({"no", "n", "false", "0", "否", "f"})
_BOOLEAN_COLUMNS = ("prepacked", "lot_tracked", "hazmat")
#: Template columns in grams or millimetres, each with the unit columns that may stand in.
_MEASURES: dict[str, tuple[str, ...]] = {
    base: (base, *(name for name, (column, _f, _a) in UNIT_COLUMNS.items() if column == base))
    for base in ("weight_g", "length_mm", "width_mm", "height_mm")
}


@dataclass(frozen=True)
class SkuRowProblem:
    """Why one row of the file cannot be imported; ``column`` as the file names it."""

    line: int
    sku: str | None
    column: str | None
    template: str
    params: Mapping[str, Any] = dc_field(default_factory=dict)

    @property
    def reason(self) -> str:
        return self.template.format(**self.params)

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "sku": self.sku, "column": self.column,
                "reason": self.reason}


@dataclass(frozen=True)
class SkuImportReport:
    """What an import did (or, for a preview or a rejected file, would do with
    ``valid_only``): SKU codes created, updated and unchanged, and the rejected rows."""

    file: str
    client: str
    rows: int
    created: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]
    problems: tuple[SkuRowProblem, ...]
    warnings: tuple[Notice, ...]
    preview: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def bad_lines(self) -> int:
        return len({p.line for p in self.problems})

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "client": self.client,
            "rows": self.rows,
            "created": list(self.created),
            "updated": list(self.updated),
            "unchanged": list(self.unchanged),
            "rejected_lines": sorted({p.line for p in self.problems}),
            "problems": [p.to_json() for p in self.problems],
            "warnings": [w.message for w in self.warnings],
        }


class SkuImportRejected(ImportRejected):
    """The file has problems and nothing was imported; ``report`` lists them."""

    def __init__(self, report: SkuImportReport) -> None:
        super().__init__(bad=report.bad_lines, total=report.rows)
        self.report = report


def preview_sku_import(session: Session, client_code: str, path: str | Path) -> SkuImportReport:
    """Read and check the file against the database; write nothing."""
    return _plan(session, client_code, path, preview=True).report


def import_skus(
    session: Session,
    client_code: str,
    path: str | Path,
    *,
    actor: Actor,
    valid_only: bool = False,
) -> SkuImportReport:
    """Create and update the client's SKUs from the file, in the caller's transaction.

    Raises FileUnreadable when it is no SKU file, NotFound for an unknown client, and
    :class:`SkuImportRejected` with the report when a row has a problem and
    ``valid_only`` is false - having written nothing.
    """
    require(actor, Permission.MANAGE_MASTER_DATA)
    plan = _plan(session, client_code, path, preview=False)
    report = plan.report
    if report.problems and not valid_only:
        raise SkuImportRejected(replace(report, created=(), updated=(), unchanged=()))
    for row in plan.writes:
        if row.stored is None:
            new_sku(session, plan.client_id, row.after)
        else:
            apply_draft(session, row.stored, row.before, row.after)
    record_audit(
        session, actor, "import_skus", "client", plan.client_id, file=report.file,
        created=len(report.created), updated=len(report.updated),
        unchanged=len(report.unchanged), rejected_lines=report.bad_lines,
    )
    return report


# --- reading the file ------------------------------------------------------------------------


@dataclass(frozen=True)
class _FileRow:
    line: int
    cells: dict[str, str]  # template or unit column -> the cell's text (non-empty only)
    bad: tuple[tuple[str, BadValue], ...] = ()  # cells refused as read (control characters)


#: Codes matched against others: invisible characters are dropped from them.
_IDENTIFIERS = frozenset({"sku", "barcodes"})


@dataclass(frozen=True)
class _SkuFile:
    rows: tuple[_FileRow, ...]
    warnings: tuple[Notice, ...]


def _collect(source: TableSource, rows: TableRows) -> _SkuFile:
    mapping = source.header.mapping
    found: list[_FileRow] = []
    for line, row in rows:
        cells = {}
        bad = []
        for column, idx in mapping:
            try:
                text = (table_cell(row[idx], column, identifier=column in _IDENTIFIERS)
                        if idx < len(row) else "")
            except BadValue as exc:
                bad.append((column, exc))
                continue
            if text:
                cells[column] = text
        if cells or bad:
            found.append(_FileRow(line, cells, tuple(bad)))
    if not found:
        raise FileUnreadable(
            path=str(source.path),
            reason=f"there are no SKU rows below the header on line {source.header.line}",
        )
    warnings = list(source.header.warnings)
    if source.skipped_above:
        warnings.insert(0, Notice(LINES_ABOVE_HEADER, {"count": source.skipped_above}))
    return _SkuFile(tuple(found), tuple(warnings))


# --- checking rows ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Write:
    line: int
    stored: Sku | None  # None: a new SKU
    before: SkuDraft
    after: SkuDraft


@dataclass(frozen=True)
class _Plan:
    client_id: int
    writes: tuple[_Write, ...]
    report: SkuImportReport


class _RowProblem(Exception):
    """A cell that does not parse, a value the SKU rules refuse, or a clash with another
    row or SKU; ``column`` as the file names it."""

    def __init__(self, column: str, template: str, /, **params: Any) -> None:
        super().__init__(template)
        self.column, self.template, self.params = column, template, params


def _plan(session: Session, client_code: str, path: str | Path, *, preview: bool) -> _Plan:
    client = client_by_code(session, client_code)
    parsed = read_table(path, SKU_HEADERS, _collect)
    codes = {r.cells["sku"].strip() for r in parsed.rows if "sku" in r.cells}
    stored = _stored_skus(session, client.id, codes)
    stored_barcodes = barcodes_of(session, [s.id for s in stored.values()])
    owners = _barcode_owners(session, client.id, {
        b for r in parsed.rows for b in split_barcodes(r.cells.get("barcodes", ""))})

    problems: list[SkuRowProblem] = []
    writes: list[_Write] = []
    created: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    sku_lines: dict[str, int] = {}
    barcode_lines: dict[str, int] = {}
    for row in parsed.rows:
        code = row.cells.get("sku")
        if row.bad:
            problems.extend(SkuRowProblem(row.line, code, column, exc.template, exc.params)
                            for column, exc in row.bad)
            continue
        try:
            if code is None:
                raise _RowProblem("sku", MISSING, column="sku")
            code = code_text(code, "sku")
            if code in sku_lines:
                raise _RowProblem("sku", SKU_REPEATED, sku=code, other_line=sku_lines[code])
            sku_lines[code] = row.line
            sku = stored.get(code)
            before = draft_of(sku, stored_barcodes[sku.id]) if sku else SkuDraft(code, "")
            after = _row_draft(row, before, is_new=sku is None)
            for barcode in after.barcodes if after.barcodes != before.barcodes else ():
                owner = owners.get(barcode)
                if owner is not None and owner != code:
                    raise _RowProblem("barcodes", BARCODE_TAKEN, barcode=barcode, sku=owner)
                if barcode in barcode_lines:
                    raise _RowProblem("barcodes", BARCODE_REPEATED, barcode=barcode,
                                      other_line=barcode_lines[barcode])
            for barcode in after.barcodes:
                barcode_lines.setdefault(barcode, row.line)
        except BadValue as exc:  # the SKU cell itself (too long, mangled by Excel)
            problems.append(SkuRowProblem(row.line, None, "sku", exc.template, exc.params))
            continue
        except _RowProblem as exc:
            problems.append(SkuRowProblem(row.line, code, exc.column, exc.template, exc.params))
            continue
        if sku is None:
            created.append(code)
        elif changed_fields(before, after):
            updated.append(code)
        else:
            unchanged.append(code)
            continue
        writes.append(_Write(row.line, sku, before, after))
    problems.sort(key=lambda p: p.line)
    report = SkuImportReport(
        file=str(path), client=client.code, rows=len(parsed.rows), created=tuple(created),
        updated=tuple(updated), unchanged=tuple(unchanged), problems=tuple(problems),
        warnings=parsed.warnings, preview=preview,
    )
    return _Plan(client.id, tuple(writes), report)


def _row_draft(row: _FileRow, before: SkuDraft, *, is_new: bool) -> SkuDraft:
    """The SKU as the row leaves it: the stored one (or a blank) with the filled cells."""
    cells = row.cells
    sources: dict[str, str] = {}  # template column -> the file column that gave it
    edit: dict[str, Any] = {}
    if "name" in cells:
        edit["name_en"] = cells["name"]
    elif is_new:
        raise _RowProblem("name", NAME_NEEDED)
    if "name_zh" in cells:
        edit["name_zh"] = cells["name_zh"]
    if "barcodes" in cells:
        edit["barcodes"] = split_barcodes(cells["barcodes"])
    for base, columns in _MEASURES.items():
        given = [c for c in columns if c in cells]
        if len(given) > 1:
            raise _RowProblem(given[1], TWO_UNITS, column=given[0], other=given[1])
        if given:
            column = given[0]
            factor = UNIT_COLUMNS[column][1] if column in UNIT_COLUMNS else Decimal(1)
            edit[base] = _whole(_number(cells[column], column) * factor)
            sources[base] = column
    for column in _BOOLEAN_COLUMNS:
        if column in cells:
            edit[column] = _yes_no(cells[column], column)
    if "declared_value" in cells:
        edit["declared_value"] = _checked("declared_value", checked_declared_value,
                                          cells["declared_value"])
    if "hs_code" in cells:
        edit["hs_code"] = cells["hs_code"]
    return _checked(None, checked_draft, SkuEdit(**edit).applied_to(before), sources)


def _checked(column: str | None, check: Any, value: Any,
             sources: Mapping[str, str] | None = None) -> Any:
    """``check(value)``, its InvalidValue turned into a problem of the right file column."""
    try:
        return check(value)
    except InvalidValue as exc:
        field = str(exc.fields.get("field", ""))
        base = FIELD_COLUMNS.get(field, column or "sku")
        raise _RowProblem((sources or {}).get(base, base), str(exc.fields["problem"])) from None


#: Numbers from a billion up are refused as read: no weight or size comes near, and
#: rounding thousands of digits to grams would overflow the decimal context.
_LARGEST_EXPONENT = 8
_THOUSANDS = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _number(text: str, column: str) -> Decimal:
    """A number as a spreadsheet shows it (``1,250.5`` too); the sign is checked later, so
    a weight of -1 is refused as negative, not as unreadable."""
    try:
        value = Decimal(text.replace(",", "") if _THOUSANDS.fullmatch(text) else text)
    except InvalidOperation:
        raise _RowProblem(column, NOT_A_NUMBER, value=shown(text)) from None
    if not value.is_finite():
        raise _RowProblem(column, NOT_A_NUMBER, value=shown(text))
    if value and value.adjusted() > _LARGEST_EXPONENT:  # before arithmetic overflows
        raise _RowProblem(column, NUMBER_TOO_LARGE, value=shown(text))
    return value


def _whole(value: Decimal) -> int:
    """Grams or millimetres, rounded half up (0.5 g is 1 g)."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _yes_no(text: str, column: str) -> bool:
    word = text.strip().casefold()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise _RowProblem(column, NOT_YES_NO, value=text)


def _stored_skus(session: Session, client_id: int, codes: set[str]) -> dict[str, Sku]:
    found: dict[str, Sku] = {}
    for chunk in chunks(sorted(codes), 500):
        found.update((s.code, s) for s in session.scalars(
            select(Sku).where(Sku.client_id == client_id, Sku.code.in_(chunk))))
    return found


def _barcode_owners(session: Session, client_id: int, barcodes: set[str]) -> dict[str, str]:
    """Barcode -> the code of the client's SKU it belongs to, for those already taken."""
    owners: dict[str, str] = {}
    for chunk in chunks(sorted(barcodes), 500):
        owners.update(session.execute(
            select(SkuBarcode.code, Sku.code).join(Sku, Sku.id == SkuBarcode.sku_id)
            .where(SkuBarcode.client_id == client_id, SkuBarcode.code.in_(chunk))).all())
    return owners

