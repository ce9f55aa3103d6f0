"""Importing order files into the database: checks, all-or-nothing, valid-only, re-import."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models import AuditEntry, Order, OrderLine, OrderStatusChange
from app.domain.errors import AlreadyExists, FileUnreadable, ImportRejected, NotFound
from app.domain.order_value import IncomingOrder, ShipTo
from app.domain.order_value import OrderLine as LineValue
from app.services.order_bulk import create_orders_bulk
from app.services.order_import import (
    ImportReport,
    import_orders,
    preview_order_import,
)
from app.services.orders import find_order_id, get_order
from tests.imports.conftest import ACTOR
from tests.imports.writers import HEADER, good_row, write_csv, write_xlsx


def run_import(db: Database, path: Path, *, client: str = "ACME",
               valid_only: bool = False) -> ImportReport:
    with db.writing() as s:
        return import_orders(s, client, path, actor=ACTOR, valid_only=valid_only)


def order_count(db: Database) -> tuple[int, int, int]:
    with db.reading() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(m)) or 0
            for m in (Order, OrderLine, OrderStatusChange)
        )


def test_good_file_creates_orders_lines_and_history(shop: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "orders.csv", [
        good_row("SO-1", sku="MUG-RED", quantity="2"),
        good_row("SO-1", sku="CUP", quantity="1"),
        good_row("SO-2", sku="TEE-M", state="Texas", zip="73301", unit_price="",
                 order_date="3/6/2024"),
    ])
    report = run_import(shop, path)
    assert report.orders_created == ("SO-1", "SO-2")
    assert report.rows == 3
    assert report.problems == () and report.ok
    assert order_count(shop) == (2, 3, 2)
    with shop.reading() as s:
        one = get_order(s, find_order_id(s, "SO-1", "ACME"))
        two = get_order(s, find_order_id(s, "SO-2", "ACME"))
        audit_actor = s.scalar(
            select(AuditEntry.actor).where(AuditEntry.action == "import_orders"))
    assert one.row.status == "new"
    assert one.row.order_date == datetime(2024, 3, 5, 14, 30, tzinfo=UTC)
    assert (one.row.state, one.zip, one.address2) == ("NJ", "08817", "Apt 4")
    assert [(ln.line_no, ln.sku_code, ln.quantity, ln.unit_price) for ln in one.lines] == [
        (1, "MUG-RED", 2, Decimal("12.99")), (2, "CUP", 1, Decimal("12.99"))]
    assert one.source == "file"
    (first,) = one.history
    assert (first.from_status, first.to_status, first.actor) == (None, "new", ACTOR.name)
    assert first.at.tzinfo is not None
    assert two.row.state == "TX"
    assert two.row.order_date == datetime(2024, 3, 6, tzinfo=UTC)
    assert two.lines[0].unit_price is None
    assert audit_actor == ACTOR.name


def test_skus_are_found_by_barcode_and_only_among_the_clients_own(
    shop: Database, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "codes.csv", [
        good_row("SO-1", sku="012345678905"),  # UPC of MUG-RED
        good_row("SO-2", sku="4006381333931"),  # EAN of TEE-M
        good_row("SO-3", sku="X001ABCDEF"),  # FNSKU of TEE-M
        good_row("SO-4", sku="cup"),  # code in the wrong case, unambiguous
        good_row("SO-5", sku="HAT"),  # BETA's product
    ])
    with pytest.raises(ImportRejected) as caught:
        run_import(shop, path)
    report = caught.value.report  # type: ignore[attr-defined]
    assert [(p.line, p.field, p.order_number) for p in report.problems] == [(6, "sku", "SO-5")]
    assert "HAT" in report.problems[0].reason
    report = run_import(shop, path, valid_only=True)
    assert report.orders_created == ("SO-1", "SO-2", "SO-3", "SO-4")
    with shop.reading() as s:
        skus = [get_order(s, find_order_id(s, n, "ACME")).lines[0].sku_code
                for n in report.orders_created]
    assert skus == ["MUG-RED", "TEE-M", "TEE-M", "CUP"]


def test_one_bad_row_rejects_the_whole_file_and_writes_nothing(
    shop: Database, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "orders.csv", [
        good_row("SO-1"), good_row("SO-2", quantity="0"), good_row("SO-3", state="XX"),
    ])
    with pytest.raises(ImportRejected) as caught:
        run_import(shop, path)
    error = caught.value
    assert error.message == "2 of 3 rows have problems; nothing was imported."
    report = error.report  # type: ignore[attr-defined]
    assert report.orders_created == ()
    assert report.orders_rejected == ("SO-2", "SO-3")
    assert [(p.line, p.field) for p in report.problems] == [(3, "quantity"), (4, "state")]
    assert order_count(shop) == (0, 0, 0)


def test_valid_only_imports_good_orders_and_rejects_orders_with_any_bad_line(
    shop: Database, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "orders.csv", [
        good_row("SO-1"),
        good_row("SO-2", sku="CUP"),
        good_row("SO-2", sku="NOPE"),
        good_row("SO-3", zip="ABCDE"),
    ])
    report = run_import(shop, path, valid_only=True)
    assert report.orders_created == ("SO-1",)
    assert report.orders_rejected == ("SO-2", "SO-3")
    assert [(p.line, p.field) for p in report.problems] == [(4, "sku"), (5, "zip")]
    assert order_count(shop) == (1, 1, 1)


def test_importing_the_same_file_again_creates_no_duplicates(
    shop: Database, tmp_path: Path
) -> None:
    rows = [good_row("SO-1"), good_row("SO-1", sku="CUP"), good_row("SO-2", order_date="")]
    path = write_csv(tmp_path / "orders.csv", rows)
    first = run_import(shop, path)
    second = run_import(shop, path)
    assert first.orders_created == ("SO-1", "SO-2")
    assert second.orders_created == ()
    assert second.orders_already_imported == ("SO-1", "SO-2")
    assert second.problems == ()
    assert order_count(shop) == (2, 3, 2)
    xlsx = write_xlsx(tmp_path / "same.xlsx", HEADER, [list(r.values()) for r in rows])
    third = run_import(shop, xlsx)  # the same orders saved as a workbook
    assert third.orders_already_imported == ("SO-1", "SO-2")
    assert order_count(shop) == (2, 3, 2)


def test_same_number_with_different_content_is_a_problem(
    shop: Database, tmp_path: Path
) -> None:
    run_import(shop, write_csv(tmp_path / "a.csv", [good_row("SO-1"), good_row("SO-2")]))
    changed = write_csv(tmp_path / "b.csv", [
        good_row("SO-1", quantity="5"), good_row("SO-2", city="Newark"), good_row("SO-3"),
    ])
    with pytest.raises(ImportRejected) as caught:
        run_import(shop, changed)
    report = caught.value.report  # type: ignore[attr-defined]
    assert [(p.line, p.field, p.order_number) for p in report.problems] == [
        (2, "order_number", "SO-1"), (3, "order_number", "SO-2")]
    assert "lines" in report.problems[0].reason
    assert "city" in report.problems[1].reason
    report = run_import(shop, changed, valid_only=True)
    assert report.orders_created == ("SO-3",)
    assert order_count(shop) == (3, 3, 3)


def test_another_clients_order_number_is_no_duplicate(shop: Database, tmp_path: Path) -> None:
    run_import(shop, write_csv(tmp_path / "acme.csv", [good_row("SO-1")]))
    report = run_import(shop, write_csv(tmp_path / "beta.csv", [good_row("SO-1", sku="HAT")]),
                        client="BETA")
    assert report.orders_created == ("SO-1",)


def test_preview_reports_without_writing(shop: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "orders.csv", [good_row("SO-1"), good_row("SO-2", sku="?")])
    with shop.writing() as s:
        report = preview_order_import(s, "acme", path)
    assert report.preview
    assert not report.ok
    assert report.orders_created == ("SO-1",)  # what --valid-only would create
    assert [(p.line, p.field) for p in report.problems] == [(3, "sku")]
    assert order_count(shop) == (0, 0, 0)


def test_report_json_shape(shop: Database, tmp_path: Path) -> None:
    header = [*HEADER, "gift_wrap"]
    rows = [dict(good_row("SO-1"), gift_wrap="yes"), good_row("SO-2", quantity="-4")]
    path = write_csv(tmp_path / "orders.csv", rows, header)
    report = run_import(shop, path, valid_only=True)
    data = report.to_json()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data == {
        "file": str(path),
        "client": "ACME",
        "rows": 2,
        "orders_created": ["SO-1"],
        "orders_already_imported": [],
        "orders_rejected": ["SO-2"],
        "problems": [{"line": 3, "order_number": "SO-2", "field": "quantity",
                      "reason": "quantity '-4' is not a whole number greater than 0"}],
        "warnings": ["Column 'gift_wrap' is not in the template and was ignored."],
        "allocation": None,  # import_orders alone; import_order_file allocates after it
        "preset": None,  # the template, not a client's column preset
        "format": "template",  # not a platform export
        "orders_held": [],
    }


def test_chinese_gb18030_and_excel_workbook_end_to_end(shop: Database, tmp_path: Path) -> None:
    names = {"order_number": "订单号", "quantity": "数量", "buyer_name": "收件人",
             "address1": "地址1", "city": "城市", "state": "州", "zip": "邮编",
             "order_date": "下单时间", "notes": "备注"}
    cn = write_csv(tmp_path / "cn.csv", [good_row("CN-1", buyer_name="王芳", notes="请勿折叠")],
                   encoding="gb18030", names=names)
    xlsx = write_xlsx(tmp_path / "x.xlsx", ["订单号", "下单时间", "SKU", "数量", "收件人",
                                            "地址1", "城市", "州", "邮编"],
                      [["XL-1", datetime(2024, 3, 5, 8, 0), "CUP", 1, "Li", "9 Oak St",
                        "Hoboken", "NJ", 7030]])
    assert run_import(shop, cn).orders_created == ("CN-1",)
    assert run_import(shop, xlsx).orders_created == ("XL-1",)
    with shop.reading() as s:
        cn_order = get_order(s, find_order_id(s, "CN-1", "ACME"))
        xl_order = get_order(s, find_order_id(s, "XL-1", "ACME"))
    assert (cn_order.row.buyer_name, cn_order.notes) == ("王芳", "请勿折叠")
    assert xl_order.row.order_date == datetime(2024, 3, 5, 8, 0, tzinfo=UTC)
    assert xl_order.zip == "07030"


def test_unreadable_file_and_unknown_client_write_nothing(
    shop: Database, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"\x00\x01\x02garbage\xff" * 50)
    with pytest.raises(FileUnreadable):
        run_import(shop, junk)
    with pytest.raises(NotFound):
        run_import(shop, write_csv(tmp_path / "ok.csv", [good_row()]), client="NOBODY")
    assert order_count(shop) == (0, 0, 0)


def test_bulk_creation_refuses_existing_numbers_and_unknown_skus(shop: Database) -> None:
    def draft(number: str, sku: str = "CUP") -> IncomingOrder:
        return IncomingOrder(
            number, ShipTo(name="Jane", address1="1 Main", city="Edison", state="NJ",
                           zip="08817"),
            (LineValue(sku, 1),), datetime(2024, 1, 1, tzinfo=UTC))

    with shop.writing() as s:
        ids = create_orders_bulk(s, 1, [draft("B-1"), draft("B-2", "012345678905")], actor=ACTOR)
    assert sorted(ids) == ["B-1", "B-2"]
    with pytest.raises(AlreadyExists), shop.writing() as s:
        create_orders_bulk(s, 1, [draft("B-3"), draft("B-1")], actor=ACTOR)
    with pytest.raises(NotFound), shop.writing() as s:
        create_orders_bulk(s, 1, [draft("B-4", "NOPE")], actor=ACTOR)
    assert order_count(shop) == (2, 2, 2)
