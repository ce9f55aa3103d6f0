"""Cells that broke the imports when attacked on purpose (issue #13): numbers of thousands
of digits, control characters, byte-order marks and invisible characters. Each is a row
problem with its line, or cleaned where it is harmless, never a crash or a stored NUL."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.channels.files import ParsedFile, read_order_file
from app.db.engine import Database
from app.services.bin_import import BinImportRejected, import_bins
from app.services.order_import import OrderImportRejected, import_orders
from app.services.orders import OrderQuery, list_orders
from app.services.sku_import import SkuImportRejected, import_skus
from app.services.skus import get_sku
from tests.imports.conftest import ACTOR, ADMIN
from tests.imports.writers import csv_bytes, good_row, write_csv


def _read(tmp_path: Path, data: bytes, name: str = "orders.csv") -> ParsedFile:
    path = tmp_path / name
    path.write_bytes(data)
    return read_order_file(path)


def _problems(parsed: ParsedFile) -> list[tuple[int, str | None, str]]:
    return [(p.line, p.field, p.reason) for p in parsed.problems]


# --- numbers of thousands of digits ----------------------------------------------------------


def test_a_quantity_of_thousands_of_digits_is_a_row_problem(tmp_path: Path) -> None:
    digits = "9" * 5000  # Python's int() refuses more than 4,300 digits with a ValueError
    parsed = _read(tmp_path, csv_bytes([good_row("SO-1", quantity=digits),
                                        good_row("SO-2", quantity="1" + "0" * 5000 + ".00"),
                                        good_row("SO-3")]))
    assert [(line, field) for line, field, _ in _problems(parsed)] == [
        (2, "quantity"), (3, "quantity")]
    reason = parsed.problems[0].reason
    assert "more than" in reason and len(reason) < 120  # the cell is quoted short
    assert [o.number for o in parsed.orders] == ["SO-3"]


def test_a_price_of_thousands_of_digits_is_a_row_problem(tmp_path: Path) -> None:
    parsed = _read(tmp_path, csv_bytes([good_row(unit_price="9" * 5000)]))
    ((line, field, reason),) = _problems(parsed)
    assert (line, field) == (2, "unit_price") and len(reason) < 120


def test_sku_weights_and_sizes_of_thousands_of_digits_are_row_problems(
    shop: Database, tmp_path: Path
) -> None:
    path = tmp_path / "skus.csv"
    path.write_text("sku,name,weight_g,length_mm,declared_value\n"
                    f"BIG-1,Big,{'9' * 5000},10,1\n"
                    f"BIG-2,Big,10,1e999,1\n"
                    f"BIG-3,Big,10,10,{'9' * 5000}\n"
                    "OK-1,Fine,10,10,1\n", encoding="utf-8")
    with pytest.raises(SkuImportRejected) as caught, shop.writing() as s:
        import_skus(s, "ACME", path, actor=ADMIN)
    assert [(p.line, p.column) for p in caught.value.report.problems] == [
        (2, "weight_g"), (3, "length_mm"), (4, "declared_value")]


def test_bin_positions_and_aisles_of_thousands_of_digits_are_row_problems(
    shop: Database, tmp_path: Path
) -> None:
    path = tmp_path / "bins.csv"
    path.write_text("code,type,aisle,position,level\n"
                    f"A-01-01,pick,1,{'9' * 5000},1\n"
                    f"A-01-02,pick,{'1' * 5000},1,1\n", encoding="utf-8")
    with pytest.raises(BinImportRejected) as caught, shop.writing() as s:
        import_bins(s, "NJ1", path, actor=ADMIN)
    assert [(p.line, p.column) for p in caught.value.report.problems] == [
        (2, "position"), (3, "aisle")]


# --- control and invisible characters --------------------------------------------------------


def _with_nul_late() -> bytes:
    """An order file with a NUL inside an order number on line 301, after the first 8 KB."""
    rows = [good_row(f"SO-{n}") for n in range(1, 300)]
    rows.append(good_row("SO-BAD\x00X"))
    data = csv_bytes(rows)
    assert data.index(b"\x00") > 8192
    return data


def test_a_nul_after_the_first_8_kb_is_a_row_problem_with_its_line(tmp_path: Path) -> None:
    parsed = _read(tmp_path, _with_nul_late())
    ((line, field, reason),) = _problems(parsed)
    assert (line, field) == (301, "order_number")
    assert "control character (U+0000)" in reason
    assert all("\x00" not in o.number for o in parsed.orders)
    assert parsed.rejected_orders == ("SO-BAD\ufffdX",)


def test_a_nul_in_an_order_number_stores_nothing(shop: Database, tmp_path: Path) -> None:
    """Before: the NUL was stored on SQLite and failed the file with a raw driver message
    on PostgreSQL."""
    path = tmp_path / "orders.csv"
    path.write_bytes(_with_nul_late())
    with pytest.raises(OrderImportRejected) as caught, shop.writing() as s:
        import_orders(s, "ACME", path, actor=ACTOR)
    assert [(p.line, p.field) for p in caught.value.report.problems] == [(301, "order_number")]
    with shop.reading() as s:
        assert list_orders(s, OrderQuery()) == []


@pytest.mark.parametrize("char", ["\x01", "\x1b", "\x7f", "\x85", "\x0c"])
def test_control_characters_in_any_field_are_row_problems(tmp_path: Path, char: str) -> None:
    parsed = _read(tmp_path, csv_bytes([good_row("SO-1"),
                                        good_row("SO-2", city=f"Edi{char}son")]))
    ((line, field, reason),) = _problems(parsed)
    assert (line, field) == (3, "city") and f"U+{ord(char):04X}" in reason


def test_tabs_and_line_breaks_in_quoted_cells_become_spaces_except_in_notes(
    tmp_path: Path
) -> None:
    parsed = _read(tmp_path, csv_bytes([good_row(
        "SO-1", buyer_name="Jane\r\nDoe", address1="123\tMain St", notes="Ring twice\r\nThanks")]))
    (order,) = parsed.orders
    assert (order.ship_to.name, order.ship_to.address1) == ("Jane Doe", "123 Main St")
    assert order.notes == "Ring twice\nThanks"
    assert parsed.problems == ()


def test_tsv_from_excel_still_reads(tmp_path: Path) -> None:
    parsed = _read(tmp_path, csv_bytes([good_row()], delimiter="\t"))
    assert [o.number for o in parsed.orders] == ["SO-1"] and parsed.problems == ()


def test_a_byte_order_mark_inside_the_file_stays_out_of_order_numbers(tmp_path: Path) -> None:
    """Two "CSV UTF-8" exports pasted together: the second BOM is in the middle."""
    first = csv_bytes([good_row("SO-1")], encoding="utf-8-sig")
    second = b"\xef\xbb\xbf" + csv_bytes([good_row("SO-2")]).split(b"\r\n", 1)[1]
    parsed = _read(tmp_path, first + second)
    assert [o.number for o in parsed.orders] == ["SO-1", "SO-2"]


def test_zero_width_and_bidi_characters_are_dropped_from_identifiers_only(
    tmp_path: Path
) -> None:
    parsed = _read(tmp_path, csv_bytes([good_row(
        "\u200bSO-1\u202e", sku="MUG\u200d-RED\u2066", buyer_name="Jane\u200bDoe")]))
    (order,) = parsed.orders
    assert order.number == "SO-1" and order.lines[0].sku == "MUG-RED"
    assert order.ship_to.name == "Jane\u200bDoe"  # a name is shown, never matched


def test_an_invisible_character_no_longer_hides_a_known_sku(shop: Database,
                                                             tmp_path: Path) -> None:
    path = write_csv(tmp_path / "o.csv", [good_row("SO-1", sku="\ufeffMUG-RED\u200b")])
    with shop.writing() as s:
        report = import_orders(s, "ACME", path, actor=ACTOR)
    assert report.orders_created == ("SO-1",)


def test_a_control_character_in_a_sku_file_is_a_row_problem(shop: Database,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "skus.csv"
    path.write_bytes(b"sku,name,barcodes\nLAMP\x01-1,Lamp,\nPEN,Pen,\xe2\x80\x8b0123\n")
    with pytest.raises(SkuImportRejected) as caught, shop.writing() as s:
        import_skus(s, "ACME", path, actor=ADMIN)
    ((problem),) = caught.value.report.problems
    assert (problem.line, problem.column) == (2, "sku") and "U+0001" in problem.reason
    with shop.writing() as s:
        import_skus(s, "ACME", path, actor=ADMIN, valid_only=True)
    with shop.reading() as s:
        assert get_sku(s, "ACME", "PEN").barcodes == ("0123",)  # zero-width space dropped


def test_a_control_character_in_a_bin_code_is_a_row_problem(shop: Database,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "bins.csv"
    path.write_bytes(b"code,type\nA-01\x1b,pick\n\xe2\x80\x8eA-02,pick\n")
    with pytest.raises(BinImportRejected) as caught, shop.writing() as s:
        import_bins(s, "NJ1", path, actor=ADMIN)
    assert [(p.line, p.column, p.params.get("char")) for p in caught.value.report.problems] == [
        (2, "code", "U+001B")]
