"""Orders from CSV and XLSX files: reading, header mapping and per-row validation.

Sellers keep their orders in Excel, often a Chinese Excel, and export them in
whatever shape they have: UTF-8 with or without a BOM, GBK/GB18030, comma,
semicolon or tab separated, a title row above the header, Chinese column
names, ZIP codes that lost their leading zero. This module turns such a file
into validated, grouped orders (:class:`IncomingOrder`) plus a list of row problems (line number,
column, reason) that a clerk can fix in the file. It knows nothing about the
database or Qt: checks that need the database (does the SKU exist, was the
order imported before) are made by ``app.services.order_import``. The
template's columns are in :mod:`app.channels.order_template`, the parsing of
single cells in :mod:`app.channels.cell_values`.

The reading itself - encodings, delimiters, the header search, XLSX sheets - is
:func:`read_table`, shared with the other imports (SKUs), which bring their own
:class:`HeaderMap` and do their own thing with the rows.

Besides the template, a file may be a platform's own order export (Shopify, Amazon,
TikTok Shop): :class:`OrderLayouts` recognises it from the header row and the export's
:class:`~app.channels.order_formats.ExportRows` turns its rows into template rows before
the same checks, so an export gets the same line numbers and problems. Every order's ZIP
must lie in its state (:func:`app.domain.address.zip_in_state`).

Line numbers are the row numbers Excel shows (the header is line 1 in the
template); for CSV they equal the text editor's line numbers unless a quoted
cell spans several lines. Order dates without a time zone are taken as UTC.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple, Protocol, TypeVar

from app.channels import export_amazon, export_shopify, export_tiktok
from app.channels.cell_values import (
    EXCEL_1900,
    EXCEL_1904,
    MISSING,
    TOO_LONG,
    BadValue,
    cell_text,
    clean_text,
    code_text,
    parse_country,
    parse_currency,
    parse_date_cell,
    parse_date_text,
    parse_price,
    parse_quantity,
    parse_state,
    parse_zip,
    visible,
)
from app.channels.encodings import EncodingRefused, MixedEncoding, decode_text
from app.channels.file_input import read_import_file
from app.channels.order_formats import TEMPLATE, ExportLayout, ExportRows
from app.channels.order_template import (
    COLUMNS_BY_NAME,
    REQUIRED_COLUMNS,
    TEMPLATE_COLUMNS,
)
from app.domain.address import DeliveryKind, zip_in_state
from app.domain.errors import QT_TRANSLATE_NOOP, DomainError, FileUnreadable, InvalidValue
from app.domain.order_value import IncomingOrder, OrderLine, ShipTo

# --- reasons of the file as a whole (English templates; the GUI translates them) --------

CONFLICT = QT_TRANSLATE_NOOP(
    "imports", "{column} '{value}' differs from line {other_line} of the same order ('{other}')"
)

UNKNOWN_COLUMN = QT_TRANSLATE_NOOP(
    "imports", "Column '{header}' is not in the template and was ignored."
)
NAMELESS_COLUMN = QT_TRANSLATE_NOOP(
    "imports", "Column {column} has no header; its values were ignored."
)
DUPLICATE_COLUMN = QT_TRANSLATE_NOOP(
    "imports", "Column '{header}' repeats {column}; only the first one was read."
)
EMPTY_LINES = QT_TRANSLATE_NOOP("imports", "{count} empty line(s) were ignored: {lines}.")
ZIP_NOT_IN_STATE = QT_TRANSLATE_NOOP(
    "imports", "ZIP code '{value}' is not in {state}; correct the ZIP code or the state"
)
NOT_STREET = QT_TRANSLATE_NOOP(
    "imports", "{count} order(s) go to a PO box or a military APO/FPO/DPO address, where UPS "
    "and FedEx do not deliver: {orders}."
)
LINES_ABOVE_HEADER = QT_TRANSLATE_NOOP("imports", "{count} line(s) above the header were ignored.")


@dataclass(frozen=True)
class RowProblem:
    """Why one row (or one field of it) cannot be imported."""

    line: int
    order_number: str | None
    field: str | None
    template: str
    params: Mapping[str, Any] = dc_field(default_factory=dict)

    @property
    def reason(self) -> str:
        return self.template.format(**self.params)

    def to_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "order_number": self.order_number,
            "field": self.field,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Notice:
    """A warning that does not stop the import (an ignored column, empty lines)."""

    template: str
    params: Mapping[str, Any] = dc_field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


# --- what a file turns into --------------------------------------------------------------
# Orders are :class:`IncomingOrder` values; the file's line numbers are kept beside them.


class SkuRef(NamedTuple):
    """A SKU named on a row of a rejected order, so the database check reports every bad row."""

    line: int
    order_number: str | None
    sku: str


@dataclass(frozen=True)
class ParsedFile:
    path: Path
    kind: str  # "csv" or "xlsx"
    encoding: str | None  # CSV only
    delimiter: str | None  # CSV only
    sheet: str | None  # XLSX only
    header_line: int
    columns: tuple[str, ...]  # template columns found, in file order
    rows: int  # non-empty data rows
    orders: tuple[IncomingOrder, ...]  # orders without problems
    #: Per order number in ``orders``: the file line of each of its order lines.
    line_numbers: Mapping[str, tuple[int, ...]]
    rejected_orders: tuple[str, ...]  # numbers of orders with at least one problem
    rejected_sku_refs: tuple[SkuRef, ...]  # SKUs on rows not in ``orders``
    problems: tuple[RowProblem, ...]
    warnings: tuple[Notice, ...]
    #: "template", or the platform export it is ("shopify", "amazon", "tiktok").
    layout: str = TEMPLATE
    #: Orders (among ``orders``) to import on hold: number -> reason ("OrderNotes").
    holds: Mapping[str, str] = dc_field(default_factory=dict)

    def sku_refs(self) -> Iterator[SkuRef]:
        """Every SKU named in the file with its line: valid orders' lines, then the rest."""
        for order in self.orders:
            for line, ln in zip(self.line_numbers[order.number], order.lines, strict=True):
                yield SkuRef(line, order.number, ln.sku)
        yield from self.rejected_sku_refs


# --- header mapping ---------------------------------------------------------------------


def _header_key(text: str) -> str:
    """Fold a header so ``Order Number``, ``ORDER_NUMBER`` and ``*order-number`` match."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s_\-*.:：]+", "", folded)


@dataclass(frozen=True)
class HeaderMap:
    """The headers of one kind of file (orders, SKUs ...): which header text names which
    template column, and the columns a file must have.

    The reader below is shared by every import; only this map and what is done with the
    rows differ, so each import reads UTF-8/BOM/GBK CSV and XLSX alike.
    """

    lookup: Mapping[str, str]  # folded header text -> template column
    required: tuple[str, ...]
    aliases: Mapping[str, str]  # template column -> its Chinese header, for messages
    #: Why no header was found, e.g. "no header row with the template columns (...)".
    no_header_reason: str
    #: Which layout this map reads ("template", "shopify" ...; "" for non-order files).
    layout: str = ""
    #: Whether a header that names no column is worth a notice: yes for a template a
    #: seller filled in, no for a platform export with dozens of columns we do not read.
    warn_unknown: bool = True

    @classmethod
    def of(
        cls,
        names: Iterable[tuple[str, Sequence[str]]],
        required: Sequence[str],
        no_header_reason: str,
    ) -> HeaderMap:
        """From (column, its other accepted headers - the Chinese one first) pairs."""
        lookup: dict[str, str] = {}
        aliases: dict[str, str] = {}
        for name, others in names:
            lookup[_header_key(name)] = name
            for other in others:
                lookup.setdefault(_header_key(other), name)
            if others:
                aliases[name] = others[0]
        return cls(lookup, tuple(required), aliases, no_header_reason)

    def resolve(self, row: Sequence[object], line: int, path: Path) -> HeaderMap:
        """The map that reads the file whose header row this is: this one."""
        return self

    def no_header(self, path: Path) -> Exception:
        return FileUnreadable(path=str(path), reason=self.no_header_reason)

    def match(self, text: str) -> str | None:
        """The template column a header cell names, or None.

        Bilingual headers such as ``订单号(order_number)`` or ``邮编/zip`` are common in
        Chinese templates, so each part is tried when the whole does not match.
        """
        key = _header_key(text)
        if not key:
            return None
        hit = self.lookup.get(key)
        if hit is not None:
            return hit
        for part in re.split(r"[()（）/|\[\]【】]+", unicodedata.normalize("NFKC", text)):
            hit = self.lookup.get(_header_key(part))
            if hit is not None:
                return hit
        return None


class HeaderChoice(Protocol):
    """What the reader needs to find a header: one :class:`HeaderMap`, or several layouts
    of which the header row decides (:class:`OrderLayouts`)."""

    def match(self, text: str) -> str | None: ...

    def resolve(self, row: Sequence[object], line: int, path: Path) -> HeaderMap: ...

    def no_header(self, path: Path) -> Exception: ...


ORDER_HEADERS = dataclasses.replace(HeaderMap.of(
    ((c.name, (c.alias,)) for c in TEMPLATE_COLUMNS),
    REQUIRED_COLUMNS,
    "no header row with the template columns (order_number, sku, quantity, ...) "
    "was found; start from the file `haicang orders template` writes",
), layout=TEMPLATE)


def match_header(text: str) -> str | None:
    """The order template column a header cell names, or None."""
    return ORDER_HEADERS.match(text)


def _column_letter(index: int) -> str:
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True)
class TableHeader:
    """The header row found in a file and what each of its cells names."""

    line: int
    mapping: tuple[tuple[str, int], ...]  # (template column, cell index)
    nameless: tuple[int, ...]  # indexes of columns with an empty header
    warnings: tuple[Notice, ...]
    cells: tuple[str, ...] = ()  # the header row's texts
    layout: str = ""  # the layout of the map that read it (HeaderMap.layout)


def _header_score(row: Sequence[object], headers: HeaderChoice) -> int:
    return len({headers.match(cell_text(v)) for v in row} - {None})


def _find_header(
    rows: Sequence[tuple[int, Sequence[object]]], headers: HeaderChoice
) -> tuple[int, int] | None:
    """(position in ``rows``, score) of the likeliest header among the first rows."""
    best: tuple[int, int] | None = None
    for pos, (_line, row) in enumerate(rows):
        score = _header_score(row, headers)
        if score >= 3:
            return pos, score
        if score and (best is None or score > best[1]):
            best = (pos, score)
    return best


def _read_header(
    line: int, row: Sequence[object], path: Path, choice: HeaderChoice
) -> TableHeader:
    headers = choice.resolve(row, line, path)
    mapping: dict[str, int] = {}
    nameless: list[int] = []
    warnings: list[Notice] = []
    for idx, value in enumerate(row):
        text = cell_text(value)
        if not text:
            nameless.append(idx)
            continue
        name = headers.match(text)
        if name is None:
            if headers.warn_unknown:
                warnings.append(Notice(UNKNOWN_COLUMN, {"header": text}))
        elif name in mapping:
            warnings.append(Notice(DUPLICATE_COLUMN, {"header": text, "column": name}))
        else:
            mapping[name] = idx
    missing = [c for c in headers.required if c not in mapping]
    if missing:
        names = ", ".join(f"{c} ({headers.aliases[c]})" if c in headers.aliases else c
                          for c in missing)
        raise FileUnreadable(
            path=str(path), reason=f"the header on line {line} lacks the columns {names}"
        )
    return TableHeader(line, tuple(mapping.items()), tuple(nameless), tuple(warnings),
                       tuple(cell_text(v) for v in row), headers.layout)


@dataclass(frozen=True)
class TableSource:
    """Where a table's rows come from, known once its header is found."""

    path: Path
    kind: str  # "csv" or "xlsx"
    header: TableHeader
    epoch: datetime  # how the workbook counts dates (CSV: Excel's 1900 system)
    encoding: str | None = None  # CSV only
    delimiter: str | None = None  # CSV only
    sheet: str | None = None  # XLSX only
    skipped_above: int = 0  # non-empty lines above the header


#: Numbered rows below the header: (line as Excel shows it, cell values).
TableRows = Iterator[tuple[int, Sequence[object]]]
T = TypeVar("T")


# --- validating rows and grouping them into orders ----------------------------------------


class _Row(NamedTuple):
    line: int
    number: str | None
    order: dict[str, Any]  # normalised order-level values present on this row
    cells: dict[str, object]  # the values as written, for conflict messages
    line_item: OrderLine | None
    problems: list[RowProblem]


def _code(column: str) -> Callable[[str], str]:
    return lambda text: code_text(text, column)


# Columns whose text needs more than a length check; raising :class:`BadValue` makes a problem.
_PARSERS: dict[str, Callable[[str], Any]] = {
    "order_number": _code("order_number"),
    "sku": _code("sku"),
    "quantity": parse_quantity,
    "unit_price": parse_price,
    "currency": parse_currency,
    "order_date": parse_date_text,
    "state": parse_state,
    "zip": parse_zip,
    "country": parse_country,
}
#: Codes matched against others: invisible characters are dropped from them.
_IDENTIFIERS = frozenset({"order_number", "sku"})
#: The one field that keeps the line breaks of a quoted cell; the others get spaces.
_MULTILINE = frozenset({"notes"})
_LINE_FIELDS = frozenset(c.name for c in TEMPLATE_COLUMNS if c.per_line) | {"order_number"}
_REQUIRED_ORDER_FIELDS: tuple[str, ...] = tuple(
    c.name for c in TEMPLATE_COLUMNS if c.required and not c.per_line and c.name != "order_number"
)


_Plan = tuple[tuple[str, int, Callable[[str], Any] | None, int], ...]


def _plan(mapping: Sequence[tuple[str, int]]) -> _Plan:
    """Per mapped column: (name, cell index, parser or None for plain text, length limit)."""
    return tuple((c, idx, _PARSERS.get(c), COLUMNS_BY_NAME[c].max_length) for c, idx in mapping)


def _validate_row(line: int, row: Sequence[object], plan: _Plan, epoch: datetime) -> _Row | None:
    """Read and parse one row in a single pass; None when its template cells are all empty.

    Missing line fields are problems here; missing order fields only once the rows of the
    order are merged, since later lines may leave them blank. This runs once per row of
    files with 100,000 rows, hence one loop and the inlined length check.
    """
    width = len(row)
    cells: dict[str, object] = {}
    values: dict[str, Any] = {}
    bad: list[tuple[str, BadValue]] = []
    for column, idx, parse, limit in plan:
        if idx >= width:
            continue
        value = row[idx]
        if type(value) is str:
            value = value.strip()
            if not value:
                continue
            if not value.isprintable():  # rare: control, invisible or line-break characters
                try:
                    value = clean_text(value, column, identifier=column in _IDENTIFIERS,
                                       multiline=column in _MULTILINE)
                except BadValue as exc:
                    cells[column] = visible(value)
                    bad.append((column, exc))
                    continue
                if not value:
                    continue
        elif value is None:
            continue
        elif column == "order_date":  # an XLSX date or serial number
            cells[column] = value
            try:
                values[column] = parse_date_cell(value, epoch)
            except BadValue as exc:
                bad.append((column, exc))
            continue
        else:  # XLSX numbers, booleans, dates in text columns
            value = cell_text(value)
            if not value:
                continue
        cells[column] = value
        try:
            if parse is not None:
                values[column] = parse(value)
            elif len(value) > limit:
                raise BadValue(TOO_LONG, column=column, limit=limit)
            else:
                values[column] = value
        except BadValue as exc:
            bad.append((column, exc))
    if not cells:
        return None
    raw_number = cells.get("order_number")
    number = raw_number if type(raw_number) is str else None
    problems = [RowProblem(line, number, c, exc.template, exc.params) for c, exc in bad]
    if number is None or "sku" not in cells or "quantity" not in cells:
        for column in ("order_number", "sku", "quantity"):
            if column not in cells:
                problems.append(RowProblem(line, number, column, MISSING, {"column": column}))
    sku = values.get("sku")
    quantity = values.get("quantity")
    item = None
    if sku is not None and quantity is not None:
        item = OrderLine(sku, quantity, values.get("unit_price"), values.get("currency", "USD"))
    return _Row(line, number, values, cells, item, problems)


def _group(rows: list[_Row]) -> tuple[IncomingOrder | None, list[RowProblem]]:
    """Merge the rows of one order number: later rows may leave order fields blank,
    but a value that differs from an earlier row's is a conflict.

    ``_Row.order`` also holds the line fields; they are never merged or compared. An
    order comes back only when every row has a line item (a row without one has a
    problem), so its lines are its rows, in file order.
    """
    first = rows[0]
    source: dict[str, _Row] = {}  # which row gave an order field, when several rows did
    if len(rows) == 1:
        merged = first.order
        problems = first.problems
        lines: tuple[OrderLine, ...] = (first.line_item,) if first.line_item else ()
    else:
        problems = [p for r in rows for p in r.problems]
        merged = dict(first.order)
        source = dict.fromkeys(first.order, first)
        for row in rows[1:]:
            for column, value in row.order.items():
                if column in _LINE_FIELDS:
                    continue
                if column not in merged:
                    merged[column] = value
                    source[column] = row
                elif merged[column] != value:
                    other = source[column]
                    problems.append(
                        RowProblem(
                            row.line,
                            row.number,
                            column,
                            CONFLICT,
                            {
                                "column": column,
                                "value": cell_text(row.cells[column]),
                                "other_line": other.line,
                                "other": cell_text(other.cells[column]),
                            },
                        )
                    )
        lines = tuple(r.line_item for r in rows if r.line_item is not None)
    for column in _REQUIRED_ORDER_FIELDS:
        if column not in merged and not any(p.field == column for p in problems):
            problems.append(
                RowProblem(first.line, first.number, column, MISSING, {"column": column})
            )
    state, zip_code = merged.get("state"), merged.get("zip")
    if state and zip_code and not zip_in_state(zip_code, state):
        # A ZIP Excel cut to four digits was padded by parse_zip; it stands only if the
        # padded ZIP is in the state, else the row shows the cell as the file has it.
        row = source.get("zip", first)
        problems.append(RowProblem(row.line, row.number, "zip", ZIP_NOT_IN_STATE,
                                   {"value": cell_text(row.cells["zip"]), "state": state}))
    if problems or first.number is None:
        return None, problems
    get = merged.get
    ship_to = ShipTo(
        merged["buyer_name"],
        get("company", ""),
        merged["address1"],
        get("address2", ""),
        merged["city"],
        merged["state"],
        merged["zip"],
        get("country", "US"),
        get("phone", ""),
        get("email", ""),
    )
    return IncomingOrder(
        first.number,
        ship_to,
        lines,
        get("order_date"),
        None,
        get("service_level") or "standard",
        get("notes", ""),
    ), problems


def _delivery_notices(orders: Sequence[IncomingOrder]) -> tuple[Notice, ...]:
    """A word on orders to PO boxes and military post offices, which only some services
    reach (the order keeps the fact: ``ShipTo.delivery_kind``)."""
    special = [o.number for o in orders if o.ship_to.delivery_kind is not DeliveryKind.STREET]
    if not special:
        return ()
    shown = ", ".join(special[:20]) + (" ..." if len(special) > 20 else "")
    return (Notice(NOT_STREET, {"count": len(special), "orders": shown}),)


@dataclass
class _Collector:
    """Accumulates validated rows while a sheet or CSV is streamed."""

    header: TableHeader
    epoch: datetime
    rows: int = 0
    empty_lines: list[int] = dc_field(default_factory=list)
    by_number: dict[str, list[_Row]] = dc_field(default_factory=dict)
    unnumbered: list[_Row] = dc_field(default_factory=list)
    nameless_with_data: set[int] = dc_field(default_factory=set)
    plan: _Plan = ()
    #: A platform export's rows: turned into template rows (or skipped) before the checks.
    export: ExportRows | None = None
    source: str = "file"  # what the orders record as their source

    def __post_init__(self) -> None:
        self.plan = _plan(self.header.mapping)

    def add(self, line: int, row: Sequence[object]) -> None:
        if self.export is not None:
            adapted = self.export.row(line, row)
            if adapted is None:
                return
            row = adapted
        checked = _validate_row(line, row, self.plan, self.epoch)
        if checked is None:
            if any(cell_text(v) for v in row):
                self._note_nameless(row)
            self.empty_lines.append(line)
            return
        if self.header.nameless:
            self._note_nameless(row)
        self.rows += 1
        if checked.number is None:
            self.unnumbered.append(checked)
        else:
            self.by_number.setdefault(checked.number, []).append(checked)

    def _note_nameless(self, row: Sequence[object]) -> None:
        for idx in self.header.nameless:
            if idx < len(row) and cell_text(row[idx]):
                self.nameless_with_data.add(idx)

    def finish(
        self,
        path: Path,
        kind: str,
        *,
        encoding: str | None = None,
        delimiter: str | None = None,
        sheet: str | None = None,
        skipped_above: int = 0,
    ) -> ParsedFile:
        if self.rows == 0 and not (self.export is not None and self.export.skipped):
            raise FileUnreadable(
                path=str(path),
                reason=f"there are no order rows below the header on line {self.header.line}",
            )
        orders: list[IncomingOrder] = []
        line_numbers: dict[str, tuple[int, ...]] = {}
        rejected: list[str] = []
        problems: list[RowProblem] = []
        refs: list[SkuRef] = []
        for number, rows in self.by_number.items():
            order, found = _group(rows)
            if order is None:
                rejected.append(number)
                problems.extend(found)
                refs.extend(self._refs(rows))
            else:
                if self.source != "file":
                    order = order._replace(source=self.source)
                orders.append(order)
                line_numbers[number] = tuple(r.line for r in rows)
        for row in self.unnumbered:
            problems.extend(row.problems)
            refs.extend(self._refs([row]))
        problems.sort(key=lambda p: p.line)
        return ParsedFile(
            path=path,
            kind=kind,
            encoding=encoding,
            delimiter=delimiter,
            sheet=sheet,
            header_line=self.header.line,
            columns=tuple(name for name, _ in sorted(self.header.mapping, key=lambda m: m[1])),
            rows=self.rows,
            orders=tuple(orders),
            line_numbers=line_numbers,
            rejected_orders=tuple(rejected),
            rejected_sku_refs=tuple(refs),
            problems=tuple(problems),
            warnings=self._warnings(skipped_above) + _delivery_notices(orders),
            layout=self.header.layout or TEMPLATE,
            holds=self._holds(line_numbers),
        )

    def _holds(self, valid: Mapping[str, object]) -> dict[str, str]:
        if self.export is None:
            return {}
        return {n: reason for n, reason in self.export.holds.items() if n in valid}

    @staticmethod
    def _refs(rows: Iterable[_Row]) -> Iterator[SkuRef]:
        for row in rows:
            if row.line_item is not None:
                yield SkuRef(row.line, row.number, row.line_item.sku)

    def _warnings(self, skipped_above: int) -> tuple[Notice, ...]:
        notes: list[Notice] = []
        if skipped_above:
            notes.append(Notice(LINES_ABOVE_HEADER, {"count": skipped_above}))
        notes.extend(self.header.warnings)
        if self.export is not None:
            notes.extend(Notice(template, params) for template, params in self.export.notices())
        notes.extend(
            Notice(NAMELESS_COLUMN, {"column": _column_letter(idx)})
            for idx in sorted(self.nameless_with_data)
        )
        # Excel often leaves a trail of blank lines at the end; only gaps inside the data
        # are worth a word.
        inner = [n for n in self.empty_lines if n < self._last_line()]
        if inner:
            shown = ", ".join(str(n) for n in inner[:20]) + (" ..." if len(inner) > 20 else "")
            notes.append(Notice(EMPTY_LINES, {"count": len(inner), "lines": shown}))
        return tuple(notes)

    def _last_line(self) -> int:
        last = [rows[-1].line for rows in self.by_number.values()]
        last.extend(r.line for r in self.unnumbered)
        return max(last, default=0)


# --- reading CSV ------------------------------------------------------------------------

_HEADER_SEARCH_ROWS = 20
_DELIMITERS = (",", ";", "\t", "|")


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    """(text, encoding), detected by :func:`app.channels.encodings.decode_text` - or the
    legacy encoding a platform writes its export in, when the first line is that export's
    header (Amazon's flat-file reports are Windows-1252, not UTF-8: ``José`` is one byte)."""
    try:
        text, encoding = decode_text(data, path)
    except (EncodingRefused, MixedEncoding):
        legacy = _legacy_encoding(data)
        if legacy is None:
            raise
        try:
            text, encoding = data.decode(legacy), legacy
        except UnicodeDecodeError:
            raise EncodingRefused(path=str(path), encoding=legacy) from None
    _refuse_binary(text, path)
    return text, encoding


def _legacy_encoding(data: bytes) -> str | None:
    """The encoding of the export whose header is the file's (ASCII) first line, if any."""
    first = data[:4096].split(b"\n", 1)[0]
    if not first.isascii():
        return None
    keys = {_header_key(c) for c in re.split(r"[\t,;]", first.decode("ascii"))}
    for export in EXPORT_LAYOUTS:
        if export.encoding and {_header_key(h) for h in export.signature} <= keys:
            return export.encoding
    return None


def _refuse_binary(text: str, path: Path) -> None:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    if "\x00" in sample or controls > max(2, len(sample) // 100):
        raise FileUnreadable(path=str(path), reason="it is not a CSV or XLSX file")


def _sniff_delimiter(text: str, headers: HeaderChoice) -> str:
    """The delimiter under which the first lines contain the most template headers."""
    head = "\n".join(text[:65_536].splitlines()[:_HEADER_SEARCH_ROWS])
    best, best_score = ",", 0
    for delimiter in _DELIMITERS:
        try:
            rows = list(csv.reader(io.StringIO(head), delimiter=delimiter))
        except csv.Error:
            continue
        score = max((_header_score(r, headers) for r in rows), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(
    data: bytes, path: Path, headers: HeaderChoice,
    consume: Callable[[TableSource, TableRows], T],
) -> T:
    text, encoding = _decode(data, path)
    if not text.strip():
        raise FileUnreadable(path=str(path), reason="the file is empty")
    delimiter = _sniff_delimiter(text, headers)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        first = [
            (n, row) for n, row in zip(range(1, _HEADER_SEARCH_ROWS + 1), reader, strict=False)
        ]
        found = _find_header(first, headers)
        if found is None:
            raise headers.no_header(path)
        pos, _score = found
        header = _read_header(first[pos][0], first[pos][1], path, headers)
        skipped = sum(1 for _n, row in first[:pos] if any(c.strip() for c in row))
        source = TableSource(path, "csv", header, EXCEL_1900, encoding=encoding,
                             delimiter=delimiter, skipped_above=skipped)
        rows = itertools.chain(first[pos + 1 :], enumerate(reader, start=len(first) + 1))
        return consume(source, rows)
    except csv.Error as exc:
        raise FileUnreadable(path=str(path), reason=f"line {reader.line_num}: {exc}") from exc


# --- reading XLSX -----------------------------------------------------------------------


def _read_xlsx(
    data: bytes, path: Path, headers: HeaderChoice,
    consume: Callable[[TableSource, TableRows], T],
) -> T:
    from openpyxl import load_workbook  # imported here: only XLSX imports pay for it

    try:  # from memory: openpyxl would refuse a workbook saved under another extension
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises anything from KeyError to BadZipFile
        raise FileUnreadable(
            path=str(path), reason=f"it is not a readable XLSX file ({exc})"
        ) from exc
    try:
        epoch = EXCEL_1904 if workbook.epoch.year == 1904 else EXCEL_1900
        for sheet in workbook.worksheets:
            found = _read_sheet(sheet, path, epoch, headers)
            if found is not None:
                return consume(*found)
        raise headers.no_header(path)
    except DomainError:
        raise
    except Exception as exc:  # a damaged sheet inside a valid zip
        raise FileUnreadable(path=str(path), reason=f"the workbook is damaged ({exc})") from exc
    finally:
        workbook.close()


def _read_sheet(
    sheet: Any, path: Path, epoch: datetime, headers: HeaderChoice
) -> tuple[TableSource, TableRows] | None:
    """The sheet's header and its rows below (streamed), or None if it has no header."""
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()  # some writers record wrong sizes; read what is there
    rows = enumerate(sheet.iter_rows(values_only=True), start=1)
    first = [(n, list(row)) for n, row in _take(rows, _HEADER_SEARCH_ROWS)]
    found = _find_header(first, headers)
    if found is None:
        return None
    pos, _score = found
    header = _read_header(first[pos][0], first[pos][1], path, headers)
    skipped = sum(1 for _n, row in first[:pos] if any(cell_text(c) for c in row))
    source = TableSource(path, "xlsx", header, epoch, sheet=sheet.title, skipped_above=skipped)
    return source, itertools.chain(first[pos + 1 :], rows)


def _take(it: Iterator[Any], n: int) -> list[Any]:
    out = []
    for item in it:
        out.append(item)
        if len(out) == n:
            break
    return out


# --- platform exports -------------------------------------------------------------------

#: The platform order exports read as they are, recognised by their headers.
EXPORT_LAYOUTS: tuple[ExportLayout, ...] = (
    export_shopify.LAYOUT, export_amazon.LAYOUT, export_tiktok.LAYOUT,
)
#: What ``--format`` takes.
LAYOUT_NAMES: tuple[str, ...] = (TEMPLATE, *(e.name for e in EXPORT_LAYOUTS))
_EXPORTS = {e.name: e for e in EXPORT_LAYOUTS}
TEMPLATE_LABEL = QT_TRANSLATE_NOOP("imports", "Haicang order template")


def layout_label(layout: str) -> str:
    """What a layout is called (English; the GUI translates it in the ``imports`` context)."""
    export = _EXPORTS.get(layout)
    return export.label if export is not None else TEMPLATE_LABEL
_REFUSED = (export_amazon.ALL_ORDERS,)

UNKNOWN_LAYOUT = (
    "no header row of a known order file was found: neither the order template's columns "
    "(order_number, sku, quantity, ...) nor a Shopify orders export, an Amazon Unshipped "
    "Orders report or a TikTok Shop order export; start from the template (`haicang orders "
    "template`, or Download template in the import dialog)"
)


class _ExportHeaders(HeaderMap):
    """An export's headers match whole: its dozens of other columns (``Weight(kg)``,
    ``Cancelation/Return Type``) must not match a template column by a part."""

    def match(self, text: str) -> str | None:
        return self.lookup.get(_header_key(text))


def _export_headers(export: ExportLayout) -> HeaderMap:
    return _ExportHeaders(
        lookup={_header_key(h): column for column, names in export.columns.items()
                for h in names},
        required=export.required,
        aliases={column: names[0] for column, names in export.columns.items()},
        no_header_reason=f"no header row of the {export.label} was found (its columns "
                         f"{', '.join(export.signature)} ...)",
        layout=export.name,
        warn_unknown=False,
    )


_EXPORT_HEADERS = {e.name: _export_headers(e) for e in EXPORT_LAYOUTS}


def _extra_columns(export: ExportLayout, cells: Sequence[str]) -> dict[str, int]:
    """Where the export's own columns (``Cancelled at`` ...) are in the header row."""
    keys = [_header_key(c) for c in cells]
    found: dict[str, int] = {}
    for name, headers in export.extra.items():
        wanted = {_header_key(h) for h in headers}
        idx = next((i for i, k in enumerate(keys) if k in wanted), None)
        if idx is not None:
            found[name] = idx
    return found


class OrderLayouts:
    """The template or any platform export: the header row decides which.

    A header is looked for with every layout's names; the row found is an export when
    it has all of that export's signature headers, a refused export (Amazon's "All
    Orders" report) raises its error, and anything else is read as the template -
    unless it names fewer than three template columns, which is an unknown layout.
    """

    _MAPS = (ORDER_HEADERS, *_EXPORT_HEADERS.values())

    def match(self, text: str) -> str | None:
        for headers in self._MAPS:
            hit = headers.match(text)
            if hit is not None:
                return hit
        return None

    def resolve(self, row: Sequence[object], line: int, path: Path) -> HeaderMap:
        keys = {_header_key(cell_text(v)) for v in row}

        def has(names: Iterable[str]) -> bool:
            return all(_header_key(n) in keys for n in names)

        for refused in _REFUSED:
            if has(refused.signature) and not any(_header_key(n) in keys
                                                  for n in refused.unless):
                raise refused.error(str(path))
        for export in EXPORT_LAYOUTS:
            if has(export.signature):
                return _EXPORT_HEADERS[export.name]
        if len({ORDER_HEADERS.match(cell_text(v)) for v in row} - {None}) < 3:
            raise FileUnreadable(path=str(path), reason=UNKNOWN_LAYOUT)
        return ORDER_HEADERS

    def no_header(self, path: Path) -> Exception:
        return FileUnreadable(path=str(path), reason=UNKNOWN_LAYOUT)


ORDER_LAYOUTS = OrderLayouts()


# --- entry points ----------------------------------------------------------------------

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def read_order_file(path: str | Path, layout: str | None = None) -> ParsedFile:
    """Read and validate an order file; raise :class:`FileUnreadable` if it is no order file.

    The file is our template or a platform's order export (:data:`EXPORT_LAYOUTS`),
    recognised from its header row unless ``layout`` names one ("template", "shopify",
    "amazon", "tiktok"). The format is taken from the content, not the name: a renamed
    workbook still reads.
    """
    if layout is None:
        return read_table(path, ORDER_LAYOUTS, _collect_orders)
    if layout == TEMPLATE:
        return read_table(path, ORDER_HEADERS, _collect_orders)
    if layout not in _EXPORT_HEADERS:
        raise InvalidValue(field="format", problem=f"'{layout}' is not one of "
                                                   f"{', '.join(LAYOUT_NAMES)}")
    return read_table(path, _EXPORT_HEADERS[layout], _collect_orders)


def _collect_orders(source: TableSource, rows: TableRows) -> ParsedFile:
    export = _EXPORTS.get(source.header.layout)
    collector = _Collector(source.header, source.epoch)
    if export is not None:
        collector.export = export.rows(dict(source.header.mapping),
                                       _extra_columns(export, source.header.cells))
        collector.source = export.source
    for line, row in rows:
        collector.add(line, row)
    return collector.finish(
        source.path, source.kind, encoding=source.encoding, delimiter=source.delimiter,
        sheet=source.sheet, skipped_above=source.skipped_above,
    )


def read_table(
    path: str | Path, headers: HeaderChoice, consume: Callable[[TableSource, TableRows], T]
) -> T:
    """Find the header of a CSV or XLSX table and hand its rows to ``consume``.

    CSV in UTF-8 (with or without BOM), UTF-16 or GBK/GB18030 (detected, see
    :mod:`app.channels.encodings`), any common delimiter, title lines above the header;
    XLSX from the first sheet with a header. Only a regular file of at most
    :data:`~app.channels.file_input.MAX_IMPORT_BYTES` is read. The format is
    taken from the content, not the name. Raises :class:`FileUnreadable` for anything
    that is not such a table; ``consume`` may raise it too (e.g. for a table without rows).
    """
    p = Path(path)
    data = read_import_file(p)
    if not data.strip():
        raise FileUnreadable(path=str(p), reason="the file is empty")
    if data.startswith(_ZIP_MAGIC):
        return _read_xlsx(data, p, headers, consume)
    if data.startswith(_OLE_MAGIC):
        raise FileUnreadable(
            path=str(p),
            reason="old Excel 97-2003 (.xls) files are not supported; save it as .xlsx or CSV",
        )
    return _read_csv(data, p, headers, consume)
