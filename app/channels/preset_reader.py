"""Order files in a client's own layout, read through a column preset.

A preset maps our order fields (the template's columns, :mod:`app.channels.order_template`)
to the header texts of the client's file, e.g. ``order_number -> 订单参考号``. Reading
a file through it is the template reader with another header map: the same encodings,
XLSX sheets, title lines, per-row checks with file line numbers and grouping into
orders (:func:`app.channels.files.read_table`), so every guarantee of the template
import holds. What is special here: every column the preset names must be in the file
(a missing one is refused, never read as empty), and :func:`read_layout` reads the
header row and first rows of a file nobody has mapped yet, for the mapping step.

No database here: presets are stored by :mod:`app.services.import_presets`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from app.channels.cell_values import cell_text
from app.channels.files import (
    UNKNOWN_COLUMN,
    HeaderMap,
    ParsedFile,
    TableRows,
    TableSource,
    _collect_orders,
    _header_key,
    match_header,
    read_table,
)
from app.channels.order_template import COLUMNS_BY_NAME, REQUIRED_COLUMNS, TEMPLATE_COLUMNS
from app.domain.errors import QT_TRANSLATE_NOOP, DomainError, FileUnreadable

#: How many rows below the header the mapping step previews.
SAMPLE_ROWS = 5
#: How many lines from the top a header row is looked for in (as the template reader does).
HEADER_SEARCH_LINES = 20
MAX_PRESET_NAME = 100
MAX_HEADER_TEXT = 200


class PresetColumnsMissing(FileUnreadable):
    """The file lacks columns the preset reads: reading it anyway would lose data."""

    code = "preset_columns_missing"
    template = QT_TRANSLATE_NOOP(
        "errors", "Cannot read {path} with the column preset '{preset}': the file has no "
        "column {columns}. Choose the preset made for this layout, or map the columns again."
    )


class LayoutNotRecognised(FileUnreadable):
    """Neither the template, a platform export nor a preset of the client fits the file."""

    code = "layout_not_recognised"
    template = QT_TRANSLATE_NOOP(
        "errors", "Cannot read {path}: {reason}. If this is the client's own layout, map "
        "its columns once in the app (Orders → Import orders…) and save them as a column "
        "preset, or name a saved preset with --preset NAME."
    )


class PresetAmbiguous(DomainError):
    """Two or more presets of the client fit the file: guessing could read it wrongly."""

    code = "preset_ambiguous"
    template = QT_TRANSLATE_NOOP(
        "errors", "{path} fits the column presets {presets} of client {client}: choose one "
        "(in the import dialog, or with --preset NAME), or delete the one no longer used."
    )


class PresetInvalid(DomainError):
    """A mapping that cannot be saved or read: a field twice, a column for two fields ..."""

    code = "preset_invalid"
    template = QT_TRANSLATE_NOOP("errors", "Column preset '{preset}': {problem}")


@dataclass(frozen=True)
class FileLayout:
    """The header row of a file of unknown layout and a few rows below it, as text."""

    path: str
    header_line: int
    headers: tuple[str, ...]  # the header cells as written ("" for a column without one)
    sample: tuple[tuple[str, ...], ...]  # up to SAMPLE_ROWS non-empty rows below the header
    #: Every non-empty row among the first lines (header included), to recognise a preset
    #: whose header is not the first wide row (a title line with several cells above it).
    candidates: tuple[tuple[str, ...], ...] = ()

    def column_of(self, header: str) -> int | None:
        """The index of the column with this header text (folded as the reader folds)."""
        key = header_key(header)
        return next((i for i, h in enumerate(self.headers) if h and header_key(h) == key),
                    None)


def header_key(text: str) -> str:
    """A header as the readers compare it: case, spaces, ``_``/``-``/``*`` ignored."""
    return _header_key(text)


def check_mapping(name: str, mapping: Mapping[str, str]) -> dict[str, str]:
    """The mapping cleaned (texts stripped, unmapped fields dropped), or PresetInvalid.

    Refused: an empty or too long name, a field that is not an order field, a required
    field without a column, and one file column mapped to two fields.
    """
    name = name.strip()
    if not name or len(name) > MAX_PRESET_NAME:
        raise PresetInvalid(preset=name, problem=f"a name of 1 to {MAX_PRESET_NAME} "
                                                 "characters is needed")
    cleaned: dict[str, str] = {}
    for field, header in mapping.items():
        if field not in COLUMNS_BY_NAME:
            known = ", ".join(c.name for c in TEMPLATE_COLUMNS)
            raise PresetInvalid(preset=name, problem=f"'{field}' is not an order field "
                                                     f"({known})")
        text = str(header or "").strip()
        if len(text) > MAX_HEADER_TEXT:
            raise PresetInvalid(preset=name, problem=f"the column name for {field} is too long")
        if text:
            cleaned[field] = text
    missing = [f for f in REQUIRED_COLUMNS if f not in cleaned]
    if missing:
        raise PresetInvalid(preset=name, problem="no column is chosen for the required "
                                                 f"field(s) {', '.join(missing)}")
    seen: dict[str, str] = {}
    for field, text in cleaned.items():
        other = seen.setdefault(header_key(text), field)
        if other != field:
            raise PresetInvalid(preset=name, problem=f"the column '{text}' is chosen for both "
                                                     f"{other} and {field}; choose one column "
                                                     "per field")
    return cleaned


class _PresetHeaders(HeaderMap):
    """The header map of one preset: only whole header texts match (no ``a/b`` parts,
    which could pick a neighbouring column of a layout the clerk mapped by hand)."""

    def match(self, text: str) -> str | None:
        return self.lookup.get(_header_key(text))


def _preset_headers(name: str, mapping: Mapping[str, str]) -> _PresetHeaders:
    return _PresetHeaders(
        lookup={header_key(text): field for field, text in mapping.items()},
        required=(),  # checked by read_with_preset, with the file's own column names
        aliases={},
        no_header_reason=f"none of the columns of the preset '{name}' is in its first "
                         f"{HEADER_SEARCH_LINES} lines",
    )


def read_with_preset(path: str | Path, name: str, mapping: Mapping[str, str]) -> ParsedFile:
    """Read and validate an order file through a preset's mapping.

    Raises PresetColumnsMissing when a column the preset names is not in the file's
    header, FileUnreadable for what the template reader refuses.
    """
    mapping = check_mapping(name, mapping)
    by_field = dict(mapping)

    def consume(source: TableSource, rows: TableRows) -> ParsedFile:
        found = {field for field, _idx in source.header.mapping}
        missing = [f"'{by_field[f]}'" for f in by_field if f not in found]
        if missing:
            raise PresetColumnsMissing(path=str(source.path), preset=name,
                                       columns=", ".join(missing))
        # The columns the clerk left unmapped are left out on purpose: no notice for them.
        kept = tuple(w for w in source.header.warnings if w.template != UNKNOWN_COLUMN)
        return _collect_orders(replace(source, header=replace(source.header, warnings=kept)),
                               rows)

    return read_table(path, _preset_headers(name, mapping), consume)


def fits(candidates: Iterable[Sequence[str]], mapping: Mapping[str, str]) -> bool:
    """Whether one of the rows holds every column the mapping names."""
    wanted = {header_key(text) for text in mapping.values()}
    return any(wanted <= {header_key(c) for c in row if c} for row in candidates)


def is_template(candidates: Iterable[Sequence[str]]) -> bool:
    """Whether one of the rows names every required column of the order template."""
    required = set(REQUIRED_COLUMNS)
    return any(required <= {match_header(c) for c in row if c} for row in candidates)


class _AnyHeaders(HeaderMap):
    """Every non-empty cell names a column: finds the header row of an unknown layout
    (the first line with three or more distinct cells) and the CSV delimiter that
    splits it into the most columns."""

    def match(self, text: str) -> str | None:
        return text.strip() or None


_ANY_HEADERS = _AnyHeaders(
    lookup={}, required=(), aliases={},
    no_header_reason="no header row was found in its first lines",
)


def read_layout(path: str | Path, sample_rows: int = SAMPLE_ROWS) -> FileLayout:
    """The header row (the first line with three or more cells) and the rows below it.

    Reads CSV and XLSX like every import (encodings, delimiters, the size limit);
    raises FileUnreadable for what is no table at all.
    """

    def consume(source: TableSource, rows: TableRows) -> FileLayout:
        width = max((idx for _name, idx in source.header.mapping), default=-1) + 1
        width = max([width, *(i + 1 for i in source.header.nameless)])
        cells = [""] * width
        for text, idx in source.header.mapping:
            cells[idx] = text
        header = tuple(cells)
        candidates: list[tuple[str, ...]] = [header]
        sample: list[tuple[str, ...]] = []
        for line, row in rows:
            texts = tuple(cell_text(v) for v in row)
            if not any(texts):
                continue
            if line <= HEADER_SEARCH_LINES:
                candidates.append(texts)
            if len(sample) < sample_rows:
                sample.append(texts)
            if len(sample) >= sample_rows and line >= HEADER_SEARCH_LINES:
                break
        return FileLayout(str(source.path), source.header.line, header, tuple(sample),
                          tuple(candidates))

    return read_table(path, _ANY_HEADERS, consume)


class PresetNotFound(DomainError):
    code = "preset_not_found"
    template = QT_TRANSLATE_NOOP(
        "errors", "Client {client} has no column preset '{preset}' (its presets: {presets})."
    )


class PresetExists(DomainError):
    code = "preset_exists"
    template = QT_TRANSLATE_NOOP(
        "errors", "Client {client} already has a column preset '{preset}': choose another "
        "name, or replace it."
    )
