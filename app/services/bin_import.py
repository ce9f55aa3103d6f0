"""Bins from a CSV or XLSX file: a new warehouse's whole layout in one go.

Columns (each also under its Chinese header): ``code`` 库位编码, ``type`` 库位类型,
``aisle`` 巷道, ``position`` 位置, ``level`` 层. Only ``code`` and ``type`` are required;
an aisle may be letters (``A``, counted like spreadsheet columns) or a number. The file
is read like an order file (UTF-8, BOM, GBK; CSV or XLSX) and imports whole or not at
all: every problem is listed with the line Excel shows, so one round of fixes does it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.channels.cell_values import BadValue, shown, table_cell
from app.channels.files import HeaderMap, Notice, TableRows, TableSource, read_table
from app.db.models import Bin
from app.domain.errors import QT_TRANSLATE_NOOP, DomainError, FileUnreadable, ImportRejected
from app.domain.permissions import Actor, Permission, require
from app.domain.states import BinType
from app.services.lookup import warehouse_by_code
from app.services.organisation import (
    BinDraft,
    aisle_number,
    bin_type_of,
    check_bin_draft,
    create_bins,
)

COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("库位编码", "库位", "库位号", "bin", "bin_code", "location"),
    "type": ("库位类型", "类型", "bin_type"),
    "aisle": ("巷道", "通道"),
    "position": ("位置", "列"),
    "level": ("层", "层数", "层号"),
}
BIN_HEADERS = HeaderMap.of(
    COLUMNS.items(), ("code", "type"),
    "no header row with the bin columns (code 库位编码, type 库位类型, aisle 巷道, "
    "position 位置, level 层) was found",
)
#: Bin types as Chinese warehouse staff write them.
TYPE_WORDS: Mapping[str, BinType] = {
    "拣货": BinType.PICK, "拣货位": BinType.PICK,
    "存储": BinType.STORAGE, "存储位": BinType.STORAGE, "储存": BinType.STORAGE,
    "暂存": BinType.STAGING, "暂存区": BinType.STAGING, "集货": BinType.STAGING,
    "收货": BinType.RECEIVING, "收货区": BinType.RECEIVING,
    "退货": BinType.RETURNS, "退货区": BinType.RETURNS,
    "残次": BinType.DAMAGED, "残次品": BinType.DAMAGED, "破损": BinType.DAMAGED,
    "隔离": BinType.QUARANTINE, "隔离区": BinType.QUARANTINE, "待确认": BinType.QUARANTINE,
}

MISSING = QT_TRANSLATE_NOOP("errors", "{column} is missing")
EXISTS = QT_TRANSLATE_NOOP("errors", "bin {code} already exists in warehouse {warehouse}")
REPEATED = QT_TRANSLATE_NOOP("errors", "bin {code} is already on line {other}")
NOT_NUMBER = QT_TRANSLATE_NOOP("errors", "{column} '{value}' is not a whole number of 0 or more")
#: The reader's reason (app.channels.cell_values), listed again because the bins page
#: translates reasons in the "errors" context.
CONTROL_CHARACTER = QT_TRANSLATE_NOOP(
    "errors", "{column} contains a control character ({char}); type the cell again"
)
#: Positions and levels longer than this are no bin's (and ``int()`` of 4,300 digits fails).
_DIGITS = 6


@dataclass(frozen=True)
class TableRow:
    line: int
    values: dict[str, str]  # column -> the cell's text; empty cells left out
    bad: tuple[tuple[str, BadValue], ...] = ()  # cells refused as read (control characters)


@dataclass(frozen=True)
class _Read:
    rows: tuple[TableRow, ...]
    warnings: tuple[Notice, ...]


def _collect(source: TableSource, rows: TableRows) -> _Read:
    mapping = source.header.mapping
    out = []
    for line, cells in rows:
        values = {}
        bad = []
        for name, idx in mapping:
            if idx >= len(cells):
                continue
            try:
                text = table_cell(cells[idx], name, identifier=name == "code")
            except BadValue as exc:
                bad.append((name, exc))
                continue
            if text:
                values[name] = text
        if values or bad:
            out.append(TableRow(line, values, tuple(bad)))
    if not out:
        raise FileUnreadable(path=str(source.path), reason=(
            f"there are no bin rows below the header on line {source.header.line}"))
    return _Read(tuple(out), source.header.warnings)


@dataclass(frozen=True)
class BinProblem:
    line: int
    column: str | None
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def reason(self) -> str:
        return self.template.format(**self.params)


@dataclass(frozen=True)
class BinImportReport:
    file: str
    warehouse: str
    rows: int
    created: int
    problems: tuple[BinProblem, ...]
    #: Columns that were ignored and the like: worth a word, not a refusal.
    warnings: tuple[Notice, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file, "warehouse": self.warehouse, "rows": self.rows,
            "created": self.created,
            "problems": [{"line": p.line, "column": p.column, "reason": p.reason}
                         for p in self.problems],
            "warnings": [w.message for w in self.warnings],
        }


class BinImportRejected(ImportRejected):
    """The file has problems and no bin was created; ``report`` lists them."""

    def __init__(self, report: BinImportReport) -> None:
        super().__init__(bad=len({p.line for p in report.problems}), total=report.rows)
        self.report = report


def import_bins(
    session: Session, warehouse_code: str, path: str | Path, *, actor: Actor
) -> BinImportReport:
    """Create every bin in the file, or none (raising :class:`BinImportRejected`)."""
    require(actor, Permission.MANAGE_MASTER_DATA)
    wh = warehouse_by_code(session, warehouse_code)
    table = read_table(path, BIN_HEADERS, _collect)
    existing = set(session.scalars(select(Bin.code).where(Bin.warehouse_id == wh.id)))
    problems: list[BinProblem] = []
    drafts: list[BinDraft] = []
    first_line: dict[str, int] = {}
    for row in table.rows:
        draft = _draft(row, problems)
        if draft is None:
            continue
        if draft.code in existing:
            problems.append(BinProblem(row.line, "code", EXISTS,
                                       {"code": draft.code, "warehouse": wh.code}))
        elif draft.code in first_line:
            problems.append(BinProblem(row.line, "code", REPEATED,
                                       {"code": draft.code, "other": first_line[draft.code]}))
        else:
            first_line[draft.code] = row.line
            drafts.append(draft)
    report = BinImportReport(str(path), wh.code, len(table.rows), 0,
                             tuple(sorted(problems, key=lambda p: p.line)),
                             table.warnings)
    if problems:
        raise BinImportRejected(report)
    created = create_bins(session, wh.code, drafts, actor=actor)
    return BinImportReport(report.file, wh.code, report.rows, created, (), table.warnings)


def _draft(row: TableRow, problems: list[BinProblem]) -> BinDraft | None:
    """The row as a checked draft, or None after adding its problems."""
    values = row.values
    found = [BinProblem(row.line, column, exc.template, exc.params) for column, exc in row.bad]
    found.extend(BinProblem(row.line, column, MISSING, {"column": column})
                 for column in ("code", "type")
                 if column not in values and all(column != c for c, _exc in row.bad))
    bin_type = BinType.PICK
    if "type" in values:
        try:
            bin_type = TYPE_WORDS.get(values["type"]) or bin_type_of(values["type"])
        except DomainError as exc:
            found.append(_from_error(row.line, "type", exc))
    numbers = {"aisle": 0, "position": 0, "level": 0}
    for column in numbers:
        text = values.get(column)
        if text is None:
            continue
        if column == "aisle":
            try:
                numbers[column] = aisle_number(text)[1]
            except DomainError as exc:
                found.append(_from_error(row.line, column, exc))
        elif text.isascii() and text.isdigit() and len(text) <= _DIGITS:
            numbers[column] = int(text)
        else:
            found.append(BinProblem(row.line, column, NOT_NUMBER,
                                    {"column": column, "value": shown(text)}))
    if found:
        problems.extend(found)
        return None
    try:
        return check_bin_draft(BinDraft(values["code"], bin_type, numbers["aisle"],
                                        numbers["position"], numbers["level"]))
    except DomainError as exc:
        problems.append(_from_error(row.line, "code", exc))
        return None


def _from_error(line: int, column: str, exc: DomainError) -> BinProblem:
    return BinProblem(line, column, exc.template, dict(exc.fields))
