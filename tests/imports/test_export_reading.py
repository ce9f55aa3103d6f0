"""Platform order exports read as they are: recognised by their headers, turned into the
same orders the template gives, with the template's per-row checks and line numbers."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.channels.export_amazon import AmazonReportWithoutAddresses
from app.channels.export_tiktok import MASKED_REASON
from app.channels.files import ZIP_NOT_IN_STATE, ParsedFile, read_order_file
from app.domain.errors import FileUnreadable, InvalidValue
from tests.imports.export_files import (
    AMAZON_ALL_ORDERS_HEADER,
    AMAZON_UNSHIPPED_HEADER,
    SHOPIFY_HEADER,
    TIKTOK_DESCRIPTIONS,
    TIKTOK_HEADER,
    amazon_item,
    shopify_order,
    tiktok_line,
    write_export,
)
from tests.imports.writers import HEADER, good_row, write_csv


def by_number(parsed: ParsedFile) -> dict[str, object]:
    return {o.number: o for o in parsed.orders}


# --- Shopify ---------------------------------------------------------------------------


def test_shopify_export_groups_continuation_rows_by_name(tmp_path: Path) -> None:
    rows = [*shopify_order("#1001", [("MUG-RED", 2, "12.99"), ("CUP", 1, "5.00")],
                           Currency="CAD"),
            *shopify_order("#1002", [("TEE-M", 3, "9.50")])]
    parsed = read_order_file(write_export(tmp_path / "orders_export.csv", SHOPIFY_HEADER, rows))
    assert parsed.layout == "shopify"
    assert parsed.problems == () and parsed.warnings == ()
    first, second = parsed.orders
    assert (first.number, first.source, second.number) == ("#1001", "shopify", "#1002")
    assert [(ln.sku, ln.quantity, ln.unit_price, ln.currency) for ln in first.lines] == [
        ("MUG-RED", 2, Decimal("12.99"), "CAD"), ("CUP", 1, Decimal("5.00"), "CAD")]
    ship = first.ship_to
    assert (ship.name, ship.address1, ship.address2, ship.city, ship.state, ship.zip) == (
        "Jane Doe", "123 Main St", "Apt 4", "Edison", "NJ", "08817")  # "'08817" in the file
    assert ship.email == "jane@example.com" and ship.phone == "+1 732-555-0100"
    assert first.order_date == datetime(2024, 3, 5, 19, 30, tzinfo=UTC)  # 14:30 -0500
    assert parsed.line_numbers == {"#1001": (2, 3), "#1002": (4,)}


def test_shopify_skips_lines_that_need_no_shipping_and_cancelled_orders(tmp_path: Path) -> None:
    gift = shopify_order("#1003", [("MUG-RED", 1, "12.99"), ("GIFT-CARD", 1, "50.00")])
    gift[1]["Lineitem requires shipping"] = "false"
    only_card = shopify_order("#1004", [("GIFT-CARD", 1, "25.00")])
    only_card[0]["Lineitem requires shipping"] = "FALSE"  # as Excel writes it back
    cancelled = shopify_order("#1005", [("CUP", 1, "5.00"), ("TEE-M", 1, "9.50")],
                              **{"Cancelled at": "2024-03-06 09:00:00 -0500"})
    parsed = read_order_file(write_export(tmp_path / "o.csv", SHOPIFY_HEADER,
                                          [*gift, *only_card, *cancelled]))
    assert [o.number for o in parsed.orders] == ["#1003"]
    assert [ln.sku for ln in parsed.orders[0].lines] == ["MUG-RED"]
    assert {w.message for w in parsed.warnings} == {
        "2 line(s) that need no shipping (Lineitem requires shipping: false) were skipped.",
        "2 line(s) of cancelled orders were skipped.",
    }


def test_shopify_lines_fulfilled_already_are_not_shipped_again(tmp_path: Path) -> None:
    """A partly fulfilled order: the seller shipped the mug himself, the cup is ours."""
    rows = shopify_order("#1006", [("MUG-RED", 1, "12.99"), ("CUP", 2, "5.00")],
                         **{"Fulfillment Status": "partial"})
    rows[0]["Lineitem fulfillment status"] = "fulfilled"
    parsed = read_order_file(write_export(tmp_path / "o.csv", SHOPIFY_HEADER, rows))
    (order,) = parsed.orders
    assert [(ln.sku, ln.quantity) for ln in order.lines] == [("CUP", 2)]
    assert order.ship_to.name == "Jane Doe"  # the skipped first row's address still counts
    assert [w.message for w in parsed.warnings] == [
        "1 line(s) Shopify shows as fulfilled already were skipped."]


def test_a_shopify_export_of_only_cancelled_orders_imports_nothing_and_says_why(
    tmp_path: Path
) -> None:
    rows = shopify_order("#1005", [("CUP", 1, "5.00")], **{"Cancelled at": "2024-03-06"})
    parsed = read_order_file(write_export(tmp_path / "o.csv", SHOPIFY_HEADER, rows))
    assert parsed.orders == () and parsed.problems == ()
    assert [w.message for w in parsed.warnings] == ["1 line(s) of cancelled orders were skipped."]


def test_a_problem_on_a_continuation_row_names_its_file_line(tmp_path: Path) -> None:
    rows = [*shopify_order("#1001", [("MUG-RED", 1, "12.99")]),
            *shopify_order("#1002", [("CUP", 1, "5.00"), ("TEE-M", 0, "9.50")])]
    parsed = read_order_file(write_export(tmp_path / "o.csv", SHOPIFY_HEADER, rows))
    assert [o.number for o in parsed.orders] == ["#1001"]
    assert [(p.line, p.order_number, p.field) for p in parsed.problems] == [
        (4, "#1002", "quantity")]
    assert parsed.rejected_orders == ("#1002",)


@pytest.mark.parametrize(("cell", "expected"), [
    ("8817", "08817"), ("8817.0", "08817"), ("8.817E+03", "08817"), ("'08817", "08817"),
    ("08817-1234", "08817-1234"), ("88171234", "08817-1234"),
])
def test_excel_mangled_zips_are_repaired_inside_their_state(
    tmp_path: Path, cell: str, expected: str
) -> None:
    rows = shopify_order("#1001", [("MUG-RED", 1, "12.99")], **{"Shipping Zip": cell})
    parsed = read_order_file(write_export(tmp_path / "o.csv", SHOPIFY_HEADER, rows))
    assert parsed.problems == ()
    assert parsed.orders[0].ship_to.zip == expected


def test_a_four_digit_zip_outside_its_state_is_a_row_problem_not_padded(tmp_path: Path) -> None:
    """``9021`` typed for Beverly Hills would pad to 09021 (an APO in Europe): refused."""
    rows = [*shopify_order("#1001", [("MUG-RED", 1, "12.99")]),
            *shopify_order("#1002", [("CUP", 1, "5.00"), ("TEE-M", 1, "9.50")],
                           **{"Shipping Zip": "9021", "Shipping Province": "CA",
                              "Shipping City": "Beverly Hills"})]
    parsed = read_order_file(write_export(tmp_path / "o.csv", SHOPIFY_HEADER, rows))
    assert [o.number for o in parsed.orders] == ["#1001"]
    (problem,) = parsed.problems
    assert (problem.line, problem.order_number, problem.field) == (3, "#1002", "zip")
    assert problem.template == ZIP_NOT_IN_STATE
    assert problem.reason == "ZIP code '9021' is not in CA; correct the ZIP code or the state"


def test_excel_number_that_lost_digits_is_refused(tmp_path: Path) -> None:
    rows = shopify_order("#1001", [("MUG-RED", 1, "12.99")], **{"Shipping Zip": "8.82E+03"})
    parsed = read_order_file(write_export(tmp_path / "o.csv", SHOPIFY_HEADER, rows))
    (problem,) = parsed.problems
    assert problem.field == "zip" and "lost digits" in problem.reason


def test_shopify_export_opened_and_saved_in_excel(tmp_path: Path) -> None:
    """Excel stores the ZIP as the number 8817 and the quantity as 2.0."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(SHOPIFY_HEADER)
    for row in shopify_order("#1001", [("MUG-RED", 2, "12.99"), ("CUP", 1, "5")]):
        values: list[object] = [row.get(h) or None for h in SHOPIFY_HEADER]
        if row.get("Shipping Zip"):
            values[SHOPIFY_HEADER.index("Shipping Zip")] = 8817
        values[SHOPIFY_HEADER.index("Lineitem quantity")] = float(row["Lineitem quantity"])
        sheet.append(values)
    book.save(tmp_path / "orders_export.xlsx")
    parsed = read_order_file(tmp_path / "orders_export.xlsx")
    assert parsed.layout == "shopify" and parsed.problems == ()
    (order,) = parsed.orders
    assert order.ship_to.zip == "08817" and [ln.quantity for ln in order.lines] == [2, 1]


# --- Amazon ----------------------------------------------------------------------------


def test_amazon_unshipped_report_ships_quantity_to_ship(tmp_path: Path) -> None:
    rows = [
        amazon_item("113-0000001-0000001", "11111111111111", "MUG-RED", 2,
                    **{"quantity-purchased": "3", "quantity-shipped": "1"}),
        amazon_item("113-0000001-0000001", "22222222222222", "CUP", 0,
                    **{"quantity-purchased": "1", "quantity-shipped": "1"}),
        amazon_item("113-0000002-0000002", "33333333333333", "TEE-M", 1,
                    **{"ship-address-1": "", "ship-address-2": "500 Oak Ave",
                       "ship-address-3": "Suite 200", "ship-state": "California",
                       "ship-city": "FRESNO", "ship-postal-code": "93721"}),
    ]
    parsed = read_order_file(write_export(tmp_path / "unshipped.txt", AMAZON_UNSHIPPED_HEADER,
                                          rows, delimiter="\t", encoding="utf-8"))
    assert parsed.layout == "amazon" and parsed.delimiter == "\t"
    assert parsed.problems == ()
    first, second = parsed.orders
    assert first.number == "113-0000001-0000001" and first.source == "amazon"
    assert [(ln.sku, ln.quantity) for ln in first.lines] == [("MUG-RED", 2)]
    assert first.ship_to.zip == "08817-1234" and first.service_level == "Standard"
    assert (second.ship_to.address1, second.ship_to.address2, second.ship_to.state) == (
        "500 Oak Ave", "Suite 200", "CA")
    assert [w.message for w in parsed.warnings] == [
        "1 line(s) with nothing left to ship (quantity-to-ship 0) were skipped."]


def test_amazon_all_orders_report_is_refused_with_the_report_to_download(tmp_path: Path) -> None:
    row = dict.fromkeys(AMAZON_ALL_ORDERS_HEADER, "")
    row.update({"amazon-order-id": "113-0000001-0000001", "sku": "MUG-RED", "quantity": "1",
                "item-status": "Unshipped", "ship-city": "EDISON", "ship-state": "NJ",
                "ship-postal-code": "08817", "ship-country": "US"})
    path = write_export(tmp_path / "all.txt", AMAZON_ALL_ORDERS_HEADER, [row],
                        delimiter="\t", encoding="utf-8")
    with pytest.raises(AmazonReportWithoutAddresses) as caught:
        read_order_file(path)
    assert "Unshipped Orders" in caught.value.message
    assert "no street addresses" in caught.value.message


# --- TikTok ----------------------------------------------------------------------------


def test_tiktok_export_skips_the_description_row_and_holds_masked_addresses(
    tmp_path: Path
) -> None:
    rows = [
        tiktok_line("576461413812345678", "MUG-RED", 2),
        tiktok_line("576461413812345679", "CUP", 1, Recipient="J*** D***",
                    **{"Detail Address": "1** M*** St", "Additional address information": ""}),
        tiktok_line("576461413812345680", "TEE-M", 1, **{"Order Status": "Cancelled"}),
    ]
    parsed = read_order_file(write_export(tmp_path / "tiktok.csv", TIKTOK_HEADER, rows,
                                          before=[TIKTOK_DESCRIPTIONS]))
    assert parsed.layout == "tiktok" and parsed.problems == ()
    plain, masked = parsed.orders
    assert plain.source == "tiktok" and plain.ship_to.state == "NJ"
    assert parsed.line_numbers == {"576461413812345678": (3,), "576461413812345679": (4,)}
    assert masked.ship_to.address1 == "1** M*** St"
    assert parsed.holds == {"576461413812345679": MASKED_REASON}
    assert {w.message for w in parsed.warnings} == {
        "1 row(s) of field descriptions under the header were skipped.",
        "1 line(s) of cancelled orders were skipped.",
    }


def test_tiktok_line_numbers_count_the_description_row(tmp_path: Path) -> None:
    rows = [tiktok_line("576461413812345678", "MUG-RED", 1, Zipcode="90210")]
    parsed = read_order_file(write_export(tmp_path / "t.csv", TIKTOK_HEADER, rows,
                                          before=[TIKTOK_DESCRIPTIONS]))
    (problem,) = parsed.problems
    assert (problem.line, problem.field) == (3, "zip")  # 90210 is not in New Jersey


def test_tiktok_export_without_a_description_row(tmp_path: Path) -> None:
    rows = [tiktok_line("576461413812345678", "MUG-RED", 1)]
    parsed = read_order_file(write_export(tmp_path / "t.csv", TIKTOK_HEADER, rows))
    assert [o.number for o in parsed.orders] == ["576461413812345678"]
    assert parsed.line_numbers["576461413812345678"] == (2,)


# --- recognising, forcing, refusing ------------------------------------------------------


def test_format_can_be_forced_and_a_wrong_one_says_which_columns_lack(tmp_path: Path) -> None:
    path = write_export(tmp_path / "o.csv", SHOPIFY_HEADER,
                        shopify_order("#1001", [("MUG-RED", 1, "12.99")]))
    assert read_order_file(path, "shopify").layout == "shopify"
    with pytest.raises(FileUnreadable, match="order-id"):
        read_order_file(path, "amazon")
    with pytest.raises(FileUnreadable, match="order_number"):
        read_order_file(path, "template")
    with pytest.raises(InvalidValue, match="template, shopify, amazon, tiktok"):
        read_order_file(path, "etsy")


def test_the_template_is_still_the_template(tmp_path: Path) -> None:
    parsed = read_order_file(write_csv(tmp_path / "t.csv", [good_row("SO-1")]))
    assert parsed.layout == "template" and parsed.orders[0].source == "file"


def test_an_unknown_layout_names_the_formats_it_knows(tmp_path: Path) -> None:
    """An Etsy orders CSV: neither the template nor a known export."""
    header = ["Sale Date", "Order ID", "Buyer", "Full Name", "Street 1", "Street 2",
              "Ship City", "Ship State", "Ship Zipcode", "Ship Country", "SKU", "Quantity"]
    path = write_export(tmp_path / "EtsySoldOrders.csv", header, [
        {"Order ID": "3012345678", "Full Name": "Jane Doe", "SKU": "MUG-RED", "Quantity": "1"}])
    with pytest.raises(FileUnreadable) as caught:
        read_order_file(path)
    message = caught.value.message
    for word in ("template", "Shopify", "Amazon Unshipped Orders", "TikTok Shop"):
        assert word in message


def test_chinese_template_in_gbk_with_excel_zips(tmp_path: Path) -> None:
    """A Chinese-header template saved by Chinese Excel (GBK) with ZIPs that lost a zero."""
    names = {"order_number": "订单号", "sku": "商品编码", "quantity": "数量",
             "buyer_name": "收件人", "address1": "地址1", "city": "城市", "state": "州",
             "zip": "邮编"}
    rows = [good_row("SO-1", zip="8817", buyer_name="张伟"),
            good_row("SO-2", zip="8817", state="TX", city="Austin")]
    parsed = read_order_file(write_csv(tmp_path / "订单.csv", rows, HEADER, encoding="gbk",
                                       names=names))
    assert parsed.encoding is not None and parsed.encoding.lower() in {"gbk", "gb18030"}
    assert [(o.number, o.ship_to.name, o.ship_to.zip) for o in parsed.orders] == [
        ("SO-1", "张伟", "08817")]
    (problem,) = parsed.problems
    assert (problem.line, problem.order_number, problem.field) == (3, "SO-2", "zip")


def test_tiktok_order_id_excel_turned_into_a_number_is_a_row_problem(tmp_path: Path) -> None:
    """Excel shows TikTok's 18-digit order ids as 5.76461E+17: the digits are gone."""
    rows = [tiktok_line("576461413812345678", "MUG-RED", 1),
            tiktok_line("5.76461E+17", "CUP", 1)]
    parsed = read_order_file(write_export(tmp_path / "t.csv", TIKTOK_HEADER, rows,
                                          before=[TIKTOK_DESCRIPTIONS]))
    assert [o.number for o in parsed.orders] == ["576461413812345678"]
    (problem,) = parsed.problems
    assert (problem.line, problem.field) == (4, "order_number")
    assert "lost digits" in problem.reason


def test_po_boxes_and_military_addresses_are_pointed_out(tmp_path: Path) -> None:
    rows = [
        amazon_item("113-0000001-0000001", "1", "MUG-RED", 1, **{"ship-address-1": "PO Box 12"}),
        amazon_item("113-0000002-0000002", "2", "CUP", 1,
                    **{"ship-address-1": "PSC 1234 Box 5678", "ship-city": "APO",
                       "ship-state": "AE", "ship-postal-code": "09012"}),
        amazon_item("113-0000003-0000003", "3", "CUP", 1),
    ]
    parsed = read_order_file(write_export(tmp_path / "u.txt", AMAZON_UNSHIPPED_HEADER, rows,
                                          delimiter="\t", encoding="utf-8"))
    assert parsed.problems == ()
    kinds = {o.number: o.ship_to.delivery_kind.value for o in parsed.orders}
    assert kinds == {"113-0000001-0000001": "po_box", "113-0000002-0000002": "military",
                     "113-0000003-0000003": "street"}
    assert [w.message for w in parsed.warnings] == [
        "2 order(s) go to a PO box or a military APO/FPO/DPO address, where UPS and FedEx do "
        "not deliver: 113-0000001-0000001, 113-0000002-0000002."]


def test_amazon_report_in_windows_1252_keeps_accented_names(tmp_path: Path) -> None:
    """Seller Central writes its flat files in Windows-1252: é is the single byte 0xE9."""
    rows = [amazon_item("113-0000001-0000001", "1", "MUG-RED", 1,
                        **{"recipient-name": "José Peña", "ship-address-1": "12 Côte St"})]
    path = write_export(tmp_path / "unshipped.txt", AMAZON_UNSHIPPED_HEADER, rows,
                        delimiter="\t", encoding="cp1252")
    parsed = read_order_file(path)
    assert parsed.encoding == "cp1252" and parsed.problems == ()
    assert (parsed.orders[0].ship_to.name, parsed.orders[0].ship_to.address1) == (
        "José Peña", "12 Côte St")


def test_another_file_in_windows_1252_is_still_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", [good_row("SO-1", buyer_name="José Peña")],
                     encoding="cp1252")
    with pytest.raises(FileUnreadable, match="CSV UTF-8"):
        read_order_file(path)


def test_tiktok_export_as_a_workbook(tmp_path: Path) -> None:
    """Seller Center also exports .xlsx: the description row and masking read the same."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(TIKTOK_HEADER)
    sheet.append([TIKTOK_DESCRIPTIONS.get(h) for h in TIKTOK_HEADER])
    for row in (tiktok_line("576461413812345678", "MUG-RED", 2),
                tiktok_line("576461413812345679", "CUP", 1, Recipient="J*** D***")):
        sheet.append([row.get(h) for h in TIKTOK_HEADER])
    book.save(tmp_path / "tiktok.xlsx")
    parsed = read_order_file(tmp_path / "tiktok.xlsx")
    assert parsed.layout == "tiktok" and parsed.problems == ()
    assert parsed.line_numbers == {"576461413812345678": (3,), "576461413812345679": (4,)}
    assert parsed.holds == {"576461413812345679": MASKED_REASON}
