"""Carrier zone charts as the carriers publish them, read into ``ZIP3 -> zone``.

Accepted layouts (the format is recognised from the content, not the name):

1. **USPS Postal Explorer JSON** (``postcalc.usps.com/DomesticZoneChart/GetZoneChart``):
   an object with ``Column0`` .. ``Column3`` lists of ``{"ZipCodes": "005---098",
   "Zone": "1*", "MailService": ...}`` (and ``ZIPCodeError``/``PageError``: a file
   saved from an error answer is refused with USPS's text). ``ZipCodes`` is one ZIP3 or a
   range (``---``, ``-`` or ``–``); a zone's trailing ``*``/``+`` marks are dropped. The
   ``Zip5Digit`` five-digit exceptions are counted, not imported (the advice works per
   ZIP3).
2. **Simple CSV**: a header row with a destination column (``dest_zip3``, ``zip3``,
   ``dest zip``, ``zip codes``, ``目的地邮编``) and a ``zone`` column, then one ZIP3 or
   range (``005-098``) per row.
3. **UPS zone chart** as XLSX or CSV (Excel: save UPS's ``.xls`` as ``.xlsx`` or ``.csv``
   first; old binary ``.xls`` is refused with that advice): any title rows, then a header
   row with ``Dest. ZIP`` and ``Ground`` (other service columns are ignored), then rows
   like ``004-005 | 002``. A ``-`` or empty Ground cell (no ground service) is skipped,
   as are two-digit codes above 9 (UPS's Alaska/Hawaii zones) and footnote rows (text
   in the ZIP column with no zone).

Zones must be whole numbers 1-9. Every malformed row is reported with the line Excel or
an editor shows (the list index + 1 for JSON); the caller imports all rows or none. The
same ZIP3 given two different zones is an error; given the same zone twice, it is not.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.errors import FileUnreadable

MAX_ZONE = 9
#: Files bigger than this are no zone chart (a national matrix is ~4 M pairs).
MAX_BYTES = 5_000_000
_RANGE = re.compile(r"^\s*(\d{3})(?:\s*(?:-{1,3}|–|—|to)\s*(\d{3}))?\s*$")
_ZONE = re.compile(r"^\s*0*(\d{1,2})\s*[*+]?\s*$")
_ZIP_HEADERS = ("dest_zip3", "dest zip3", "zip3", "dest. zip", "dest zip", "destination zip",
                "zip codes", "zipcodes", "zip code", "zip", "目的地邮编", "邮编")
_ZONE_HEADERS = ("ground", "zone", "分区", "区")


@dataclass(frozen=True)
class ZoneProblem:
    line: int
    reason: str


@dataclass(frozen=True)
class ZoneFile:
    """What a chart file holds: ``zones`` maps each destination ZIP3 to its zone."""

    layout: str  # "usps-json", "csv", "ups"
    carrier: str  # the carrier the layout belongs to ("USPS", "UPS" or "" if unknown)
    rows: int  # data rows read (ranges count once)
    zones: dict[str, int] = field(default_factory=dict)
    problems: tuple[ZoneProblem, ...] = ()
    skipped: int = 0  # rows without a ground zone, footnotes, 5-digit exceptions


def read_zone_file(path: str | Path) -> ZoneFile:
    """Parse ``path`` by its content (see the module). Unreadable files raise
    :class:`FileUnreadable`; bad rows are returned in ``problems``."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_BYTES:
            raise FileUnreadable(path=str(p), reason="the file is too large for a zone chart")
        data = p.read_bytes()
    except OSError as exc:
        raise FileUnreadable(path=str(p), reason=exc.strerror or str(exc)) from exc
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileUnreadable(path=str(p), reason=(
            "this is an old binary .xls file; open it in Excel and save it as .xlsx or .csv"))
    if data.startswith(b"PK"):
        return _from_table(_xlsx_rows(p), p)
    text = _decode(data, p)
    if text.lstrip().startswith("{"):
        return _from_json(text, p)
    return _from_table(list(csv.reader(io.StringIO(text))), p)


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileUnreadable(path=str(path), reason="the text is neither UTF-8 nor GBK")


def _xlsx_rows(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # a damaged or foreign zip: say so, do not crash
        raise FileUnreadable(path=str(path), reason=f"not a readable .xlsx file ({exc})") from exc
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _cell(value: object) -> str:
    """A cell as text; numbers typed into Excel (4, 2.0) as their digits."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class _Collector:
    def __init__(self) -> None:
        self.zones: dict[str, int] = {}
        self.where: dict[str, int] = {}
        self.problems: list[ZoneProblem] = []
        self.rows = 0
        self.skipped = 0

    def add(self, line: int, zips: str, zone_text: str, *, ground_sheet: bool) -> None:
        self.rows += 1
        zips = zips.zfill(3) if zips.isdigit() and len(zips) < 3 else zips
        span = _RANGE.match(zips)
        zone_text = zone_text.strip()
        if not span:
            if not zone_text or not any(ch.isdigit() for ch in zips):
                self.skipped += 1  # a footnote or note row
                return
            self.problems.append(ZoneProblem(line, f"'{zips}' is not a ZIP3 or a range "
                                                   "like 005-098"))
            return
        if ground_sheet and zone_text in ("", "-", "–", "—", "n/a", "N/A"):
            self.skipped += 1
            return
        zone_match = _ZONE.match(zone_text)
        zone = int(zone_match.group(1)) if zone_match else None
        if ground_sheet and zone is not None and zone > MAX_ZONE:
            self.skipped += 1  # UPS's Alaska/Hawaii codes (44, 45, 46 ...)
            return
        if zone is None or not 1 <= zone <= MAX_ZONE:
            self.problems.append(ZoneProblem(line, f"zone '{zone_text}' is not a whole "
                                                   f"number from 1 to {MAX_ZONE}"))
            return
        first, last = span.group(1), span.group(2) or span.group(1)
        if last < first:
            self.problems.append(ZoneProblem(line, f"the range {first}-{last} runs backwards"))
            return
        for n in range(int(first), int(last) + 1):
            zip3 = f"{n:03d}"
            if zip3 in self.zones and self.zones[zip3] != zone:
                self.problems.append(ZoneProblem(line, (
                    f"ZIP3 {zip3} is zone {self.zones[zip3]} on line {self.where[zip3]}")))
                return
        for n in range(int(first), int(last) + 1):
            self.zones.setdefault(f"{n:03d}", zone)
            self.where.setdefault(f"{n:03d}", line)

    def result(self, layout: str, carrier: str) -> ZoneFile:
        if not self.zones and not self.problems:
            self.problems.append(ZoneProblem(0, "the file has no zone rows"))
        return ZoneFile(layout, carrier, self.rows, dict(self.zones), tuple(self.problems),
                        self.skipped)


def _from_json(text: str, path: Path) -> ZoneFile:
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise FileUnreadable(path=str(path), reason=f"not valid JSON ({exc})") from exc
    columns = [k for k in doc if re.fullmatch(r"Column\d+", k)] if isinstance(doc, dict) else []
    if not columns:
        raise FileUnreadable(path=str(path), reason=(
            "not a USPS zone chart: no Column0..Column3 lists of {ZipCodes, Zone}"))
    refusal = str(doc.get("ZIPCodeError") or doc.get("PageError") or "").strip()
    if refusal:  # USPS answered, but with an error instead of a chart
        raise FileUnreadable(path=str(path), reason=f"USPS returned an error: {refusal}")
    out = _Collector()
    for key in sorted(columns):
        entries = doc[key]
        if not isinstance(entries, list):
            out.problems.append(ZoneProblem(0, f"{key} is not a list"))
            continue
        for index, entry in enumerate(entries, start=1):
            if not isinstance(entry, dict):
                out.problems.append(ZoneProblem(index, f"{key} entry {index} is not an object"))
                continue
            zips = _cell(entry.get("ZipCodes"))
            if not zips:
                out.skipped += 1  # USPS pads short columns with empty entries
                continue
            out.add(index, zips, _cell(entry.get("Zone")), ground_sheet=False)
    extra = doc.get("Zip5Digit")
    out.skipped += len(extra) if isinstance(extra, list) else 0
    return out.result("usps-json", "USPS")


def _header_index(row: Sequence[str], names: Iterable[str]) -> int | None:
    lowered = [c.strip().lower() for c in row]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    return None


def _from_table(raw: list[list[Any]], path: Path) -> ZoneFile:
    for number, raw_row in enumerate(raw[:40], start=1):
        row = [_cell(c) for c in raw_row]
        zip_col = _header_index(row, _ZIP_HEADERS)
        zone_col = _header_index(row, _ZONE_HEADERS)
        if zip_col is None or zone_col is None or zip_col == zone_col:
            continue
        ground = row[zone_col].strip().lower() == "ground"
        out = _Collector()
        for line, data in enumerate(raw[number:], start=number + 1):
            cells = [_cell(c) for c in data]
            zips = cells[zip_col] if zip_col < len(cells) else ""
            zone = cells[zone_col] if zone_col < len(cells) else ""
            if not zips and not zone:
                continue
            out.add(line, zips, zone, ground_sheet=ground)
        return out.result("ups" if ground else "csv", "UPS" if ground else "")
    raise FileUnreadable(path=str(path), reason=(
        "no header row with a destination ZIP column (dest_zip3, Dest. ZIP) and a zone "
        "column (zone, Ground) in its first 40 rows"))
