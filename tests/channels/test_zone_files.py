"""Zone chart files as the carriers publish them: USPS Postal Explorer JSON, a simple
CSV with ranges, a UPS sheet (XLSX and CSV) with title rows and a Ground column; bad rows
reported with their lines; unreadable files refused with a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.channels.zone_files import read_zone_file
from app.domain.errors import FileUnreadable


def usps_json(tmp_path: Path) -> Path:
    doc = {
        "ZIPCodeError": "", "ShippingDateError": "", "PageError": "",
        "EffectiveDate": "July 13, 2025",
        "Column0": [{"ZipCodes": "005---098", "Zone": "1*", "MailService": "Priority Mail 1-Day"},
                    {"ZipCodes": "100---149", "Zone": "2", "MailService": ""}],
        "Column1": [{"ZipCodes": "606", "Zone": "5", "MailService": ""}],
        "Column2": [{"ZipCodes": "900---961", "Zone": "8", "MailService": ""}],
        "Column3": [{"ZipCodes": "", "Zone": "", "MailService": ""}],
        "Zip5Digit": [{"ZipCodes": "96799", "Zone": "9"}],
    }
    path = tmp_path / "usps.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_usps_postal_explorer_json(tmp_path: Path) -> None:
    chart = read_zone_file(usps_json(tmp_path))
    assert chart.layout == "usps-json" and chart.carrier == "USPS" and not chart.problems
    assert chart.zones["005"] == 1 and chart.zones["098"] == 1 and "099" not in chart.zones
    assert chart.zones["100"] == 2 and chart.zones["149"] == 2
    assert chart.zones["606"] == 5 and chart.zones["900"] == 8 and chart.zones["961"] == 8
    assert len(chart.zones) == 94 + 50 + 1 + 62
    assert chart.rows == 4 and chart.skipped == 2  # the padding entry and one 5-digit ZIP


def test_simple_csv_with_ranges_and_single_zip3s(tmp_path: Path) -> None:
    path = tmp_path / "zones.csv"
    path.write_text("dest_zip3,zone\n005-098,1\n100,2\n 606 ,05\n900–961,8\n", encoding="utf-8")
    chart = read_zone_file(path)
    assert chart.layout == "csv" and chart.carrier == "" and not chart.problems
    assert (chart.zones["050"], chart.zones["100"], chart.zones["606"], chart.zones["930"]) == (
        1, 2, 5, 8)
    assert chart.rows == 4


def ups_rows() -> list[list[object]]:
    return [
        ["UPS Zone Chart for shipments from ZIP codes 088-00 to 088-99"],
        [],
        ["Dest. ZIP", "Ground", "3 Day Select", "2nd Day Air", "Next Day Air"],
        ["004-005", "002", "302", "202", "102"],
        ["100-119", "002", "302", "202", "102"],
        [606, 5, 305, 205, 105],
        ["900-961", "008", "308", "208", "108"],
        ["967-968", "-", "-", "226", "124"],
        ["995-999", "046", "-", "246", "146"],
        ["* For Hawaii and Alaska see the separate chart", None],
    ]


def test_ups_xlsx_sheet(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in ups_rows():
        sheet.append(row)
    path = tmp_path / "088.xlsx"
    book.save(path)
    chart = read_zone_file(path)
    assert chart.layout == "ups" and chart.carrier == "UPS" and not chart.problems
    assert chart.zones["004"] == 2 and chart.zones["119"] == 2 and chart.zones["606"] == 5
    assert chart.zones["930"] == 8
    assert "967" not in chart.zones and "995" not in chart.zones  # no ground zone given
    assert chart.skipped == 3


def test_ups_sheet_saved_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "088.csv"
    path.write_text("\n".join(",".join("" if c is None else str(c) for c in row)
                              for row in ups_rows()), encoding="utf-8")
    chart = read_zone_file(path)
    assert chart.layout == "ups" and chart.zones["606"] == 5 and not chart.problems


def test_malformed_rows_are_all_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("dest_zip3,zone\n005-098,1\n0A5,2\n100,12\n200,x\n300-250,3\n"
                    "050,4\n400,\n", encoding="utf-8")
    chart = read_zone_file(path)
    lines = {p.line: p.reason for p in chart.problems}
    assert set(lines) == {3, 4, 5, 6, 7, 8}
    assert "0A5" in lines[3] and "12" in lines[4] and "'x'" in lines[5]
    assert "backwards" in lines[6] and "zone 1 on line 2" in lines[7] and "''" in lines[8]


def test_usps_json_bad_entries(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"Column0": [{"ZipCodes": "005---098", "Zone": "L"},
                                            "nonsense"],
                                "Column1": {"ZipCodes": "100"}}), encoding="utf-8")
    chart = read_zone_file(path)
    assert len(chart.problems) == 3 and not chart.zones


@pytest.mark.parametrize(("content", "words"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "save it as .xlsx"),
    (b"{not json", "not valid JSON"),
    (b'{"rows": []}', "Column0"),
    (b'{"ZIPCodeError": "Invalid ZIP Code", "Column0": []}', "USPS returned an error: Invalid"),
    (b"zip,price\n005,1\n", "no header row"),
    (b"PK\x03\x04garbage", "not a readable .xlsx"),
])
def test_unreadable_files(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "chart.bin"
    path.write_bytes(content)
    with pytest.raises(FileUnreadable) as err:
        read_zone_file(path)
    assert words in err.value.message


def test_no_rows_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("dest_zip3,zone\n", encoding="utf-8")
    assert [p.reason for p in read_zone_file(path).problems] == ["the file has no zone rows"]
