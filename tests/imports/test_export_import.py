"""Platform exports imported into the database and through the CLI: the same guarantees
as the template (all-or-nothing, valid-only, harmless re-import), the platform recorded as
the source, masked TikTok orders written on hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db.engine import Database
from app.db.models import Order
from app.domain.errors import ImportRejected
from app.services.order_import import ImportReport, import_orders, preview_order_import
from app.services.orders import find_order_id, get_order
from tests.imports.conftest import ACTOR
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

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def run_import(db: Database, path: Path, *, valid_only: bool = False,
               layout: str | None = None) -> ImportReport:
    with db.writing() as s:
        return import_orders(s, "ACME", path, actor=ACTOR, valid_only=valid_only,
                             layout=layout)


def orders_in(db: Database) -> dict[str, tuple[str, str, str | None]]:
    with db.reading() as s:
        rows = s.execute(select(Order.number, Order.source, Order.status, Order.hold_reason))
        return {n: (src, status, reason) for n, src, status, reason in rows}


def shopify_file(tmp_path: Path, *, bad_zip: bool = False) -> Path:
    second = {"Shipping Zip": "9021", "Shipping Province": "CA"} if bad_zip else {}
    return write_export(tmp_path / "orders_export_1.csv", SHOPIFY_HEADER, [
        *shopify_order("#1001", [("MUG-RED", 2, "12.99"), ("CUP", 1, "5.00")],
                       **{"Shipping Zip": "8817"}),
        *shopify_order("#1002", [("TEE-M", 1, "9.50")], **second),
    ])


def test_shopify_export_imports_with_the_platform_as_source_and_again_harmlessly(
    shop: Database, tmp_path: Path
) -> None:
    path = shopify_file(tmp_path)
    first = run_import(shop, path)
    assert first.orders_created == ("#1001", "#1002") and first.layout == "shopify"
    assert first.to_json()["format"] == "shopify"
    assert orders_in(shop) == {"#1001": ("shopify", "new", None),
                               "#1002": ("shopify", "new", None)}
    with shop.reading() as s:
        detail = get_order(s, find_order_id(s, "#1001", "ACME"))
    assert detail.zip == "08817"
    assert [(ln.sku_code, ln.quantity) for ln in detail.lines] == [("MUG-RED", 2), ("CUP", 1)]
    again = run_import(shop, path)
    assert again.orders_created == () and again.problems == ()
    assert again.orders_already_imported == ("#1001", "#1002")
    assert len(orders_in(shop)) == 2


def test_a_bad_order_in_an_export_rejects_the_file_or_only_itself(
    shop: Database, tmp_path: Path
) -> None:
    path = shopify_file(tmp_path, bad_zip=True)
    with pytest.raises(ImportRejected) as caught:
        run_import(shop, path)
    report = caught.value.report  # type: ignore[attr-defined]
    assert [(p.line, p.order_number, p.field) for p in report.problems] == [
        (4, "#1002", "zip")]
    assert orders_in(shop) == {}  # nothing half-imported
    partial = run_import(shop, path, valid_only=True)
    assert partial.orders_created == ("#1001",) and partial.orders_rejected == ("#1002",)
    assert set(orders_in(shop)) == {"#1001"}


def test_masked_tiktok_orders_are_imported_on_hold(shop: Database, tmp_path: Path) -> None:
    path = write_export(tmp_path / "tiktok.csv", TIKTOK_HEADER, [
        tiktok_line("576461413812345678", "MUG-RED", 1),
        tiktok_line("576461413812345679", "CUP", 2, Recipient="J*** D***",
                    **{"Detail Address": "1** M*** St"}),
    ], before=[TIKTOK_DESCRIPTIONS])
    with shop.reading() as s:
        preview = preview_order_import(s, "ACME", path)
    assert preview.orders_held == ("576461413812345679",) and orders_in(shop) == {}
    report = run_import(shop, path)
    assert report.orders_held == ("576461413812345679",)
    assert report.to_json()["orders_held"] == ["576461413812345679"]
    assert orders_in(shop) == {
        "576461413812345678": ("tiktok", "new", None),
        "576461413812345679": ("tiktok", "on_hold",
                               "address masked by TikTok: needs TikTok's label"),
    }
    with shop.reading() as s:
        held = get_order(s, find_order_id(s, "576461413812345679", "ACME"))
    assert [(h.from_status, h.to_status) for h in held.history] == [
        (None, "new"), ("new", "on_hold")]
    again = run_import(shop, path)  # held or not, the same order is already imported
    assert again.orders_already_imported == ("576461413812345678", "576461413812345679")


def test_amazon_report_through_the_cli(shop: Database, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = write_export(tmp_path / "unshipped.txt", AMAZON_UNSHIPPED_HEADER, [
        amazon_item("113-0000001-0000001", "1", "MUG-RED", 2),
        amazon_item("113-0000001-0000001", "2", "CUP", 1),
    ], delimiter="\t", encoding="utf-8")
    db = ["--db", shop.url]
    assert main(["orders", "import", str(path), "--client", "ACME", "--json", *db]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["format"] == "amazon"
    assert report["orders_created"] == ["113-0000001-0000001"]
    assert main(["orders", "import", str(path), "--client", "ACME", *db]) == 0
    out = capsys.readouterr().out
    assert "read as: Amazon unshipped orders report" in out
    assert "1 already imported" in out


@pytest.mark.parametrize(("make", "options", "words"), [
    (lambda d: write_export(d / "all.txt", AMAZON_ALL_ORDERS_HEADER,
                            [{"amazon-order-id": "113-0000001-0000001", "sku": "MUG-RED"}],
                            delimiter="\t"), [], ["All Orders", "Unshipped Orders"]),
    (lambda d: write_export(d / "etsy.csv", ["Sale Date", "Order ID", "Full Name", "SKU"],
                            [{"Order ID": "1", "SKU": "MUG-RED"}]), [],
     ["template", "Shopify", "TikTok", "preset"]),
    (lambda d: write_export(d / "s.csv", SHOPIFY_HEADER,
                            shopify_order("#1", [("CUP", 1, "5")])), ["--format", "tiktok"],
     ["TikTok Shop orders export", "Order ID"]),
])
def test_refused_files_get_one_line_that_says_what_to_do(
    shop: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    make, options: list[str], words: list[str],
) -> None:
    path = make(tmp_path)
    code = main(["orders", "import", str(path), "--client", "ACME", *options,
                 "--db", shop.url])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("error: ") and err.count("\n") == 1
    for word in words:
        assert word in err
    with shop.reading() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 0


def test_an_unknown_format_name_is_a_usage_error(shop: Database, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = shopify_file(tmp_path)
    with pytest.raises(SystemExit) as caught:
        main(["orders", "import", str(path), "--client", "ACME", "--format", "etsy",
              "--db", shop.url])
    assert caught.value.code == 2
    assert "shopify" in capsys.readouterr().err


def test_a_format_and_a_preset_together_are_refused(shop: Database, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = shopify_file(tmp_path)
    code = main(["orders", "import", str(path), "--client", "ACME", "--format", "shopify",
                 "--preset", "Goodcang", "--db", shop.url])
    assert code == 1
    assert "not both" in capsys.readouterr().err
    with shop.reading() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 0
