"""Importing SKU lists as sellers keep them: Chinese Excel CSVs, workbooks in kg and inches,
corrected files imported again, and the rows that must be refused."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from app.channels.sku_template import TEMPLATE_COLUMNS, write_sku_template
from app.db.engine import Database
from app.domain.errors import FileUnreadable, PermissionDenied
from app.services.sku_import import SkuImportRejected, import_skus, preview_sku_import
from app.services.skus import get_sku, list_skus
from tests.imports.conftest import ACTOR, ADMIN
from tests.imports.writers import write_xlsx

ZH_HEADER = ("SKU编码,品名,中文品名,条码,重量(g),长(mm),宽(mm),高(mm),自带包装,批次管理,危险品,"
             "申报价值,海关编码")


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _import(db: Database, path: Path, **kw: object):  # type: ignore[no-untyped-def]
    with db.writing() as s:
        return import_skus(s, "ACME", path, actor=ADMIN, **kw)  # type: ignore[arg-type]


def _sku(db: Database, code: str, client: str = "ACME"):  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return get_sku(s, client, code)


def test_a_chinese_gbk_csv_with_every_column_creates_the_skus(shop: Database,
                                                               tmp_path: Path) -> None:
    path = _write(tmp_path / "商品.csv", ZH_HEADER + "\r\n"
                  "LAMP-01,Desk lamp,台灯,036000291452；X00LAMP001,1250,300,200,450,是,否,Y,"
                  "12.5,9405.20.60\r\n"
                  "PEN-02,Pen,,,8,140,10,10,0,1,n,,\r\n", "gbk")
    report = _import(shop, path)
    assert report.created == ("LAMP-01", "PEN-02") and not report.problems
    lamp = _sku(shop, "036000291452")  # found by its barcode
    assert (lamp.code, lamp.name_zh, lamp.barcodes) == (
        "LAMP-01", "台灯", ("036000291452", "X00LAMP001"))
    assert (lamp.weight_g, lamp.length_mm, lamp.width_mm, lamp.height_mm) == (1250, 300, 200, 450)
    assert (lamp.prepacked, lamp.lot_tracked, lamp.hazmat) == (True, False, True)
    assert (lamp.declared_value, lamp.hs_code) == (Decimal("12.50"), "9405.20.60")
    pen = _sku(shop, "PEN-02")
    assert (pen.name_zh, pen.barcodes, pen.lot_tracked, pen.declared_value) == (
        None, (), True, None)


def test_an_xlsx_in_kilograms_and_inches_is_converted_rounding_half_up(
    shop: Database, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "skus.xlsx",
                      ["sku", "name", "barcodes", "weight_kg", "长(英寸)", "width_in", "高(in)"],
                      [["BOX-L", "Large box", "0123456789012", 1.2345, 10, 2.5, 0.02],
                       ["BOX-S", "Small box", None, 0.0005, 1, 1, 1]],
                      before=[["SKU list from the supplier"]])
    report = _import(shop, path)
    assert report.created == ("BOX-L", "BOX-S")
    assert [w.message for w in report.warnings] == ["1 line(s) above the header were ignored."]
    big = _sku(shop, "BOX-L")
    # 1.2345 kg = 1234.5 g -> 1235; 2.5 in = 63.5 mm -> 64; 0.02 in = 0.508 mm -> 1
    assert (big.weight_g, big.length_mm, big.width_mm, big.height_mm) == (1235, 254, 64, 1)
    assert big.barcodes == ("0123456789012",)
    assert _sku(shop, "BOX-S").weight_g == 1  # 0.5 g rounds up


def test_pounds_and_ounces_are_grams_after_import(shop: Database, tmp_path: Path) -> None:
    _import(shop, _write(tmp_path / "lb.csv", "sku,name,weight_lb\nA,A,1\n"))
    _import(shop, _write(tmp_path / "oz.csv", "sku,name,重量(oz)\nB,B,16\n"))
    assert _sku(shop, "A").weight_g == 454 and _sku(shop, "B").weight_g == 454


def test_importing_a_corrected_file_again_updates_instead_of_duplicating(
    shop: Database, tmp_path: Path
) -> None:
    first = _write(tmp_path / "v1.csv", "sku,name,barcodes,weight_g\n"
                   "NEW-1,New one,111;222,100\nCUP,Cup,,\n")
    report = _import(shop, first)
    assert (report.created, report.updated, report.unchanged) == (("NEW-1",), (), ("CUP",))
    second = _write(tmp_path / "v2.csv", "sku,name,barcodes,weight_g,hazmat\n"
                    "NEW-1,New one,222;333,120,\nCUP,Cup,,,yes\nMUG-RED,Red mug,,,\n")
    report = _import(shop, second)
    assert (report.created, report.updated, report.unchanged) == (
        (), ("NEW-1", "CUP"), ("MUG-RED",))
    with shop.reading() as s:
        acme = [k.code for k in list_skus(s, "ACME")]
    assert acme.count("NEW-1") == 1 and len(acme) == 4
    new = _sku(shop, "NEW-1")
    assert (new.barcodes, new.weight_g) == (("222", "333"), 120)
    mug = _sku(shop, "MUG-RED")  # empty cells keep what is stored
    assert mug.barcodes == ("012345678905",) and mug.name_zh == "红色马克杯"
    assert _sku(shop, "CUP").hazmat is True


def test_a_barcode_may_name_only_one_sku_of_the_client(shop: Database, tmp_path: Path) -> None:
    path = _write(tmp_path / "dup.csv", "sku,name,barcodes\n"
                  "P1,One,777\n"
                  "P2,Two,777\n"  # twice in the file
                  "P3,Three,012345678905\n"  # MUG-RED's UPC
                  "HAT,Hat,4006381333931\n")  # TEE-M's EAN
    with pytest.raises(SkuImportRejected) as caught:
        _import(shop, path)
    report = caught.value.report
    assert [(p.line, p.sku, p.column, p.reason) for p in report.problems] == [
        (3, "P2", "barcodes", "barcode 777 is also on line 2"),
        (4, "P3", "barcodes", "barcode 012345678905 already belongs to SKU MUG-RED"),
        (5, "HAT", "barcodes", "barcode 4006381333931 already belongs to SKU TEE-M"),
    ]
    assert report.created == () and "3 of 4 rows" in caught.value.message
    with shop.reading() as s:
        assert {k.code for k in list_skus(s, "ACME")} == {"MUG-RED", "CUP", "TEE-M"}
    with shop.writing() as s:  # another client keeps its own barcodes
        import_skus(s, "BETA", _write(tmp_path / "beta.csv", "sku,name,barcodes\n"
                                      "HAT,Hat,012345678905\n"), actor=ADMIN)
    assert _sku(shop, "012345678905", "BETA").code == "HAT"


def test_bad_rows_are_listed_with_line_and_column_and_nothing_is_written(
    shop: Database, tmp_path: Path
) -> None:
    path = _write(tmp_path / "bad.csv", "sku,name,weight_g,weight_kg,length_mm,prepacked,"
                  "declared_value,hs_code\n"
                  "OK-1,Fine,10,,,,,\n"
                  "NEG,Negative,-1,,,,,\n"
                  "KG,Negative kilos,,-0.5,,,,\n"
                  ",No code,1,,,,,\n"
                  "NONAME,,1,,,,,\n"
                  "BOTH,Both,1,1,,,,\n"
                  "TEXT,Text,abc,,,,,\n"
                  "FLAG,Flag,,,,maybe,,\n"
                  "CENTS,Cents,,,,,1.999,\n"
                  "HS,HS,,,,,,12345\n"
                  "OK-1,Again,,,,,,\n")
    with pytest.raises(SkuImportRejected) as caught:
        _import(shop, path)
    got = [(p.line, p.sku, p.column, p.reason) for p in caught.value.report.problems]
    assert got == [
        (3, "NEG", "weight_g", "must not be negative"),
        (4, "KG", "weight_kg", "must not be negative"),
        (5, None, "sku", "sku is missing"),
        (6, "NONAME", "name", "a new SKU needs a name"),
        (7, "BOTH", "weight_kg", "weight_g and weight_kg are both filled in; keep one of them"),
        (8, "TEXT", "weight_g", "'abc' is not a number"),
        (9, "FLAG", "prepacked", "'maybe' is not yes or no"),
        (10, "CENTS", "declared_value", "must have at most 2 decimals"),
        (11, "HS", "hs_code", "must be 6 to 10 digits (dots allowed)"),
        (12, "OK-1", "sku", "SKU OK-1 is also on line 2"),
    ]
    with shop.reading() as s:
        assert len(list_skus(s, "ACME")) == 3


def test_valid_only_imports_the_good_rows_and_reports_the_rest(
    shop: Database, tmp_path: Path
) -> None:
    path = _write(tmp_path / "mixed.csv", "sku,name,weight_g\nGOOD,Good,5\nBAD,Bad,-1\n")
    with shop.reading() as s:
        preview = preview_sku_import(s, "ACME", path)
    assert preview.preview and preview.created == ("GOOD",) and preview.bad_lines == 1
    report = _import(shop, path, valid_only=True)
    assert report.created == ("GOOD",) and [p.line for p in report.problems] == [3]
    assert report.to_json()["rejected_lines"] == [3]
    with shop.reading() as s:
        codes = {k.code for k in list_skus(s, "ACME")}
    assert "GOOD" in codes and "BAD" not in codes


def test_only_those_who_manage_master_data_may_import(shop: Database, tmp_path: Path) -> None:
    path = _write(tmp_path / "one.csv", "sku,name\nX,X\n")
    with pytest.raises(PermissionDenied), shop.writing() as s:
        import_skus(s, "ACME", path, actor=ACTOR)


def test_an_order_file_is_not_a_sku_file(shop: Database, tmp_path: Path) -> None:
    path = _write(tmp_path / "orders.csv", "order_number,quantity,buyer_name\nSO-1,1,Jane\n")
    with pytest.raises(FileUnreadable, match="skus template"):
        _import(shop, path)


@pytest.mark.parametrize(("name", "chinese"), [("t.csv", False), ("t.xlsx", True)])
def test_the_template_imports_as_written(shop: Database, tmp_path: Path, name: str,
                                         chinese: bool) -> None:
    path = write_sku_template(tmp_path / name, chinese=chinese)
    report = _import(shop, path)
    assert report.created == ("MUG-RED",) or report.updated == ("MUG-RED",)
    mug = _sku(shop, "MUG-RED")
    sample = {c.name: c.example for c in TEMPLATE_COLUMNS}
    assert mug.name_en == sample["name"] and mug.barcodes == ("012345678905", "X001MUGRED")
    assert mug.weight_g == 350 and str(mug.declared_value) == "4.50"
