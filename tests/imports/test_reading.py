"""Reading order files: encodings, delimiters, headers, Excel values, per-row validation."""

from __future__ import annotations

import zipfile
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from app.channels.files import ParsedFile, read_order_file
from app.channels.order_template import HEADER_ALIASES, TEMPLATE_COLUMNS, write_template
from app.domain.errors import FileUnreadable, InvalidValue
from tests.imports.writers import HEADER, csv_bytes, good_row, write_csv, write_xlsx

CHINESE = {
    "order_number": "订单号", "order_date": "下单时间", "quantity": "数量", "unit_price": "单价",
    "currency": "币种", "buyer_name": "收件人", "company": "公司", "address1": "地址1",
    "address2": "地址2", "city": "城市", "state": "州", "zip": "邮编", "country": "国家",
    "phone": "电话", "email": "邮箱", "service_level": "运输方式", "notes": "备注",
}


def read_rows(tmp_path: Path, *rows: dict[str, str], delimiter: str = ",",
              names: dict[str, str] | None = None) -> ParsedFile:
    path = write_csv(tmp_path / "orders.csv", list(rows), delimiter=delimiter, names=names)
    return read_order_file(path)


def problems(parsed: ParsedFile) -> list[tuple[int, str | None]]:
    return [(p.line, p.field) for p in parsed.problems]


# --- the template and its aliases ---------------------------------------------------------


def test_every_documented_chinese_alias_is_in_the_table() -> None:
    for name, alias in CHINESE.items():
        assert HEADER_ALIASES[name] == alias
    assert [c.name for c in TEMPLATE_COLUMNS] == HEADER


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_template_has_one_header_row_and_a_sample_that_reads_back(
    tmp_path: Path, suffix: str
) -> None:
    path = write_template(tmp_path / f"template{suffix}")
    parsed = read_order_file(path)
    assert parsed.header_line == 1
    assert parsed.columns == tuple(HEADER)
    assert parsed.problems == ()
    assert parsed.warnings == ()
    (order,) = parsed.orders
    assert order.number == "SO-10001"
    assert order.ship_to.zip == "08817"
    assert order.order_date == datetime(2024, 3, 5, 14, 30, tzinfo=UTC)


def test_xlsx_template_explains_columns_on_a_second_sheet(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(write_template(tmp_path / "t.xlsx"))
    assert book.sheetnames[0] == "Orders"
    notes = book.worksheets[1]
    names = [row[0] for row in notes.iter_rows(min_row=2, values_only=True)]
    aliases = [row[1] for row in notes.iter_rows(min_row=2, values_only=True)]
    assert names == HEADER
    assert aliases == [HEADER_ALIASES[n] for n in HEADER]


def test_template_refuses_other_extensions(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue):
        write_template(tmp_path / "template.txt")


# --- a good file and its normalised values -------------------------------------------------


def test_good_csv_becomes_normalised_orders(tmp_path: Path) -> None:
    parsed = read_rows(
        tmp_path,
        good_row("SO-1"),
        good_row("SO-2", state="New Jersey", zip="7001", order_date="2024-03-05",
                 unit_price="", currency="", country="", service_level=""),
    )
    assert parsed.kind == "csv"
    assert parsed.rows == 2
    assert parsed.problems == ()
    first, second = parsed.orders
    assert parsed.line_numbers[first.number] == (2,)
    assert (first.ship_to.state, first.ship_to.zip, first.ship_to.country) == ("NJ", "08817", "US")
    assert first.order_date == datetime(2024, 3, 5, 14, 30, tzinfo=UTC)
    assert first.lines[0].quantity == 2
    assert first.lines[0].unit_price == Decimal("12.99")
    assert first.ship_to.address2 == "Apt 4"
    assert first.ship_to.company == ""  # empty optional cells are ""
    assert (second.ship_to.state, second.ship_to.zip) == ("NJ", "07001")  # Excel's 7001
    assert second.order_date == datetime(2024, 3, 5, tzinfo=UTC)
    assert second.lines[0].unit_price is None
    assert second.lines[0].currency == "USD"
    assert second.service_level == "standard"


def test_utf8_bom_does_not_hide_the_first_header(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(csv_bytes([good_row()], encoding="utf-8-sig"))
    parsed = read_order_file(path)
    assert parsed.encoding == "utf-8-sig"
    assert parsed.columns[0] == "order_number"
    assert [o.number for o in parsed.orders] == ["SO-1"]


@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
def test_chinese_excel_csv_with_chinese_headers(tmp_path: Path, encoding: str) -> None:
    row = good_row("订单-1", buyer_name="张伟", address2="302室", notes="易碎，轻放")
    path = write_csv(tmp_path / "cn.csv", [row], encoding=encoding, names=CHINESE)
    parsed = read_order_file(path)
    assert parsed.encoding == "gb18030"
    assert parsed.problems == ()
    (order,) = parsed.orders
    assert (order.number, order.ship_to.name, order.notes) == ("订单-1", "张伟", "易碎，轻放")


def test_utf16_text_from_excel_unicode_export(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes(csv_bytes([good_row(buyer_name="李娜")], delimiter="\t", encoding="utf-16"))
    parsed = read_order_file(path)
    assert parsed.delimiter == "\t"
    assert parsed.orders[0].ship_to.name == "李娜"


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    parsed = read_rows(tmp_path, good_row(address1="1 Main St, Suite 5"), delimiter=delimiter)
    assert parsed.delimiter == delimiter
    assert parsed.orders[0].ship_to.address1 == "1 Main St, Suite 5"


def test_headers_match_case_insensitively_in_any_order_and_unknown_ones_warn(
    tmp_path: Path,
) -> None:
    header = ["Gift_Wrap", "ZIP", "Sku", "QUANTITY", "city", "State", "Order_Number",
              "Buyer_Name", "Address1"]
    path = tmp_path / "shuffled.csv"
    path.write_text(
        ",".join(header) + "\n" + "yes,08817,MUG-RED,3,Edison,nj,SO-9,Jane,1 Main\n",
        encoding="utf-8",
    )
    parsed = read_order_file(path)
    assert parsed.problems == ()
    (order,) = parsed.orders
    assert (order.number, order.ship_to.state, order.ship_to.zip, order.lines[0].quantity) == (
        "SO-9", "NJ", "08817", 3)
    assert len(parsed.warnings) == 1
    assert "Gift_Wrap" in parsed.warnings[0].message


def test_bilingual_and_spaced_headers(tmp_path: Path) -> None:
    names = {"order_number": "订单号(Order Number)", "buyer_name": "Buyer Name",
             "zip": "*邮编", "address1": "Address 1"}
    parsed = read_rows(tmp_path, good_row(), names=names)
    assert parsed.warnings == ()
    assert len(parsed.orders) == 1


def test_title_rows_above_the_header_are_skipped_and_lines_stay_true(tmp_path: Path) -> None:
    body = csv_bytes([good_row("SO-1"), good_row("SO-2", quantity="0")]).decode()
    path = tmp_path / "titled.csv"
    path.write_text("Orders for March,,\n\n" + body, encoding="utf-8")
    parsed = read_order_file(path)
    assert parsed.header_line == 3
    assert problems(parsed) == [(5, "quantity")]
    assert any("above the header" in w.message for w in parsed.warnings)


def test_empty_lines_are_ignored_with_a_warning(tmp_path: Path) -> None:
    lines = csv_bytes([good_row("SO-1"), good_row("SO-2")]).decode().splitlines()
    path = tmp_path / "gaps.csv"
    path.write_text("\n".join([lines[0], lines[1], ",,,", lines[2], "", ""]) + "\n",
                    encoding="utf-8")
    parsed = read_order_file(path)
    assert parsed.rows == 2
    assert [parsed.line_numbers[o.number][0] for o in parsed.orders] == [2, 4]
    (warning,) = parsed.warnings
    assert "1 empty line" in warning.message and "3" in warning.message


# --- per-row validation --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("order_number", ""), ("sku", ""), ("quantity", ""), ("buyer_name", ""),
        ("address1", ""), ("city", ""), ("state", ""), ("zip", ""),
        ("quantity", "0"), ("quantity", "-1"), ("quantity", "1.5"), ("quantity", "two"),
        ("quantity", "99999999999"),
        ("state", "XX"), ("state", "Ontario"),
        ("zip", "1234X"), ("zip", "123"), ("zip", "123456"),
        ("order_date", "2024-13-45"), ("order_date", "yesterday"), ("order_date", "1850-01-01"),
        ("unit_price", "abc"), ("unit_price", "-3"), ("currency", "DOLLARS"),
        ("country", "CN"), ("country", "Canada"),
        ("sku", "8.41234E+11"), ("order_number", "1.23457E+11"),
        ("city", "x" * 101),
    ],
)
def test_each_bad_value_is_a_problem_on_its_line_and_column(
    tmp_path: Path, column: str, value: str
) -> None:
    parsed = read_rows(tmp_path, good_row("SO-1"), good_row("SO-2", **{column: value}))
    assert problems(parsed) == [(3, column)]
    assert [o.number for o in parsed.orders] == ["SO-1"]
    problem = parsed.problems[0]
    assert problem.reason  # a readable sentence
    if column != "order_number":
        assert problem.order_number == "SO-2"
        assert parsed.rejected_orders == ("SO-2",)


def test_several_problems_on_one_row_are_all_listed(tmp_path: Path) -> None:
    parsed = read_rows(tmp_path, good_row(quantity="x", state="ZZ", zip="abc"))
    assert sorted(str(f) for _line, f in problems(parsed)) == ["quantity", "state", "zip"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05", datetime(2024, 3, 5, tzinfo=UTC)),
        ("2024/3/5 9:05", datetime(2024, 3, 5, 9, 5, tzinfo=UTC)),
        ("2024年3月5日", datetime(2024, 3, 5, tzinfo=UTC)),
        ("3/5/2024 2:30 PM", datetime(2024, 3, 5, 14, 30, tzinfo=UTC)),
        ("2024-03-05T22:30:00+08:00", datetime(2024, 3, 5, 14, 30, tzinfo=UTC)),
        ("2024-03-05T14:30:00Z", datetime(2024, 3, 5, 14, 30, tzinfo=UTC)),
        ("20240305", datetime(2024, 3, 5, tzinfo=UTC)),
        ("45356.5", datetime(2024, 3, 5, 12, 0, tzinfo=UTC)),  # an Excel serial pasted as text
    ],
)
def test_date_spellings(tmp_path: Path, text: str, expected: datetime) -> None:
    parsed = read_rows(tmp_path, good_row(order_date=text))
    assert parsed.problems == ()
    assert parsed.orders[0].order_date == expected


def test_money_and_quantity_spellings(tmp_path: Path) -> None:
    parsed = read_rows(
        tmp_path,
        good_row("SO-1", unit_price="$1,299.50", quantity="1,000", currency="rmb"),
        good_row("SO-2", unit_price="3", quantity="4.0", currency="usd", country="USA"),
    )
    assert parsed.problems == ()
    a, b = (o.lines[0] for o in parsed.orders)
    assert (a.unit_price, a.quantity, a.currency) == (Decimal("1299.50"), 1000, "CNY")
    assert (b.unit_price, b.quantity, b.currency) == (Decimal("3.00"), 4, "USD")


# --- several rows, one order ----------------------------------------------------------------


def test_rows_with_one_number_are_the_lines_of_one_order(tmp_path: Path) -> None:
    parsed = read_rows(
        tmp_path,
        good_row("SO-1", sku="MUG-RED", quantity="1"),
        good_row("SO-2"),
        {"order_number": "SO-1", "sku": "CUP", "quantity": "3"},  # address left blank
        good_row("SO-1", sku="TEE-M", quantity="2", state="New Jersey"),  # same, spelled out
    )
    assert parsed.problems == ()
    assert parsed.rows == 4
    one, two = parsed.orders
    assert one.number == "SO-1"
    lines = zip(parsed.line_numbers["SO-1"], one.lines, strict=True)
    assert [(line, ln.sku, ln.quantity) for line, ln in lines] == [
        (2, "MUG-RED", 1), (4, "CUP", 3), (5, "TEE-M", 2)]
    assert two.number == "SO-2"


def test_conflicting_order_fields_reject_the_whole_order(tmp_path: Path) -> None:
    parsed = read_rows(
        tmp_path,
        good_row("SO-1", sku="MUG-RED"),
        good_row("SO-1", sku="CUP", city="Newark"),
        good_row("SO-2"),
    )
    assert problems(parsed) == [(3, "city")]
    assert "line 2" in parsed.problems[0].reason
    assert [o.number for o in parsed.orders] == ["SO-2"]
    assert parsed.rejected_orders == ("SO-1",)
    assert {r.sku for r in parsed.rejected_sku_refs} == {"MUG-RED", "CUP"}


def test_an_order_missing_its_address_on_every_row_is_reported_once(tmp_path: Path) -> None:
    parsed = read_rows(
        tmp_path,
        good_row("SO-1", address1=""),
        {"order_number": "SO-1", "sku": "CUP", "quantity": "1"},
    )
    assert problems(parsed) == [(2, "address1")]


# --- XLSX --------------------------------------------------------------------------------


def test_xlsx_with_real_excel_values(tmp_path: Path) -> None:
    header = ["订单号", "下单时间", "SKU", "数量", "单价", "收件人", "地址1", "城市", "州", "邮编"]
    rows: list[list[object]] = [
        ["SO-1", datetime(2024, 3, 5, 14, 30), "MUG-RED", 2, 12.99, "Jane", "1 Main", "Edison",
         "NJ", 8817],
        ["SO-2", 45356.25, 841234567890, 1.0, 5, "Bob", "2 Main", "Fresno", "CA", 93721],
        ["SO-3", date(2024, 3, 7), "CUP", 3, None, "Ann", "3 Main", "Austin", "TX", "73301"],
        [None] * 10,
        [1001, "not a date", "CUP", 0, None, "Al", "4 Main", "Reno", "NV", "89501"],
    ]
    path = write_xlsx(tmp_path / "orders.xlsx", header, rows, before=[["March orders"]])
    parsed = read_order_file(path)
    assert parsed.kind == "xlsx"
    assert parsed.sheet == "订单"
    assert parsed.header_line == 2
    assert problems(parsed) == [(7, "order_date"), (7, "quantity")]
    assert parsed.problems[0].order_number == "1001"
    one, two, three = parsed.orders
    assert one.order_date == datetime(2024, 3, 5, 14, 30, tzinfo=UTC)
    assert one.ship_to.zip == "08817"
    assert one.lines[0].unit_price == Decimal("12.99")
    assert two.order_date == datetime(2024, 3, 5, 6, 0, tzinfo=UTC)
    assert two.lines[0].sku == "841234567890"
    assert two.lines[0].quantity == 1
    assert three.order_date == datetime(2024, 3, 7, tzinfo=UTC)


def test_xlsx_found_by_content_even_when_named_csv(tmp_path: Path) -> None:
    xlsx = write_xlsx(tmp_path / "a.xlsx", HEADER, [list(good_row().values())])
    renamed = tmp_path / "really-a-workbook.csv"
    renamed.write_bytes(xlsx.read_bytes())
    assert read_order_file(renamed).kind == "xlsx"


def test_xlsx_offset_dates_from_a_time_zone_are_utc(tmp_path: Path) -> None:
    row = good_row(order_date="2024-03-05 09:30-05:00")
    path = write_xlsx(tmp_path / "tz.xlsx", HEADER, [list(row.values())])
    got = read_order_file(path).orders[0].order_date
    assert got == datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert got is not None and got.tzinfo == UTC


# --- files that are not order files ----------------------------------------------------------


def _zip_without_workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not a workbook")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.csv", b"", "empty"),
        ("blank.csv", b"  \r\n\r\n ", "empty"),
        ("header.csv", ",".join(HEADER).encode() + b"\r\n", "no order rows"),
        ("header-and-blanks.csv", ",".join(HEADER).encode() + b"\r\n,,,\r\n\r\n",
         "no order rows"),
        ("prose.csv", b"Dear warehouse,\nplease ship the usual.\nThanks\n", "no header"),
        ("garbage.csv", bytes(range(256)) * 8, "not a CSV or XLSX"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40, "not a CSV or XLSX"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".xls"),
        ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 100, "XLSX"),
        ("latin1.csv", ",".join(HEADER).encode() + b"\n\xff\xfe\xfa,\x81\n", "UTF-8"),
        ("no-sku.csv", b"order_number,quantity,buyer_name\nSO-1,1,Jane\n", "sku"),
    ],
)
def test_unusable_files_raise_a_clear_file_unreadable(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FileUnreadable) as caught:
        read_order_file(path)
    assert reason in caught.value.message
    assert name in caught.value.message


def test_zip_that_is_no_workbook(tmp_path: Path) -> None:
    path = tmp_path / "archive.xlsx"
    _zip_without_workbook(path)
    with pytest.raises(FileUnreadable, match="XLSX"):
        read_order_file(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(FileUnreadable):
        read_order_file(tmp_path / "nope.csv")
    with pytest.raises(FileUnreadable):
        read_order_file(tmp_path)


def test_workbook_without_an_order_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "other.xlsx", ["name", "age"], [["Jane", 30]])
    with pytest.raises(FileUnreadable, match="no header"):
        read_order_file(path)
