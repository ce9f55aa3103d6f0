"""Column presets: a client's own file layout mapped once, recognised and imported after.

Files are laid out as another overseas warehouse's Chinese template (presets_files.py);
every guarantee of the template import must hold through a preset: per-row problems with
the file's line numbers, all or nothing, valid-only, importing twice is harmless.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.channels.preset_reader import (
    LayoutNotRecognised,
    PresetAmbiguous,
    PresetColumnsMissing,
    PresetExists,
    PresetInvalid,
    PresetNotFound,
    read_layout,
)
from app.db.engine import Database
from app.db.models import AuditEntry, Order
from app.domain.errors import FileUnreadable, PermissionDenied
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services.import_presets import (
    delete_preset,
    export_presets,
    get_preset,
    import_presets,
    list_presets,
    recognise_preset,
    save_preset,
)
from app.services.order_import import OrderImportRejected, import_orders, preview_order_import
from app.services.orders import find_order_id, get_order
from tests.imports import presets_files as gc
from tests.imports.conftest import ACTOR
from tests.imports.writers import good_row, write_csv


def save(db: Database, name: str = "谷仓", mapping: dict[str, str] | None = None,
         client: str = "ACME", **kw: object) -> None:
    with db.writing() as s:
        save_preset(s, client, name, mapping or gc.MAPPING, gc.HEADER, actor=ACTOR,
                    **kw)  # type: ignore[arg-type]


def orders_in(db: Database) -> list[str]:
    with db.reading() as s:
        return sorted(s.scalars(select(Order.number)))


def test_gbk_file_is_refused_until_mapped_then_recognised_and_imported(
    shop: Database, tmp_path: Path
) -> None:
    path = gc.gbk_csv(tmp_path / "谷仓订单.csv")
    with shop.reading() as s, pytest.raises(LayoutNotRecognised) as refused:
        preview_order_import(s, "ACME", path)
    assert "map its columns once in the app" in refused.value.message
    assert "--preset NAME" in refused.value.message

    save(shop)
    with shop.writing() as s:
        report = import_orders(s, "ACME", path, actor=ACTOR)
    assert report.preset == "谷仓" and report.to_json()["preset"] == "谷仓"
    assert report.orders_created == ("GC-1001", "GC-1002") and report.rows == 3
    with shop.reading() as s:
        one = get_order(s, find_order_id(s, "GC-1001", "ACME"))
    assert one.row.buyer_name == "张伟 Wei Zhang" and one.address2 == "Apt 4"
    assert (one.row.city, one.row.state, one.zip) == ("Edison", "NJ", "08817")
    assert [(li.sku_code, li.quantity) for li in one.lines] == [("MUG-RED", 2), ("CUP", 1)]
    assert one.notes == "易碎品"

    with shop.writing() as s:  # the same file again: harmless
        again = import_orders(s, "ACME", path, actor=ACTOR)
    assert again.orders_created == () and again.orders_already_imported == (
        "GC-1001", "GC-1002")
    assert orders_in(shop) == ["GC-1001", "GC-1002"]


def test_xlsx_of_the_layout_reads_through_the_same_preset(shop: Database,
                                                           tmp_path: Path) -> None:
    save(shop)
    path = gc.xlsx(tmp_path / "orders.xlsx")
    with shop.reading() as s:
        assert recognise_preset(s, "ACME", path, actor=ACTOR).name == "谷仓"  # type: ignore[union-attr]
        report = preview_order_import(s, "ACME", path)
    assert report.preset == "谷仓" and report.ok
    assert report.orders_created == ("GC-1001", "GC-1002")


def test_bad_rows_carry_the_file_line_numbers_and_nothing_is_half_imported(
    shop: Database, tmp_path: Path
) -> None:
    rows = [list(r) for r in gc.ROWS]
    rows[1][gc.HEADER.index("数量")] = "两个"  # line 4 (title line 1, header line 2)
    rows[2][gc.HEADER.index("产品SKU")] = "NOPE"  # line 5
    path = gc.gbk_csv(tmp_path / "bad.csv", rows)
    save(shop)
    with shop.writing() as s, pytest.raises(OrderImportRejected) as rejected:
        import_orders(s, "ACME", path, actor=ACTOR)
    problems = [(p.line, p.order_number, p.field) for p in rejected.value.report.problems]
    assert problems == [(4, "GC-1001", "quantity"), (5, "GC-1002", "sku")]
    assert orders_in(shop) == []
    rows[2][gc.HEADER.index("产品SKU")] = "TEE-M"
    path = gc.gbk_csv(tmp_path / "one-bad.csv", rows)
    with shop.writing() as s:
        report = import_orders(s, "ACME", path, actor=ACTOR, valid_only=True)
    assert report.orders_created == ("GC-1002",) and report.orders_rejected == ("GC-1001",)
    assert orders_in(shop) == ["GC-1002"]


def test_a_named_preset_wins_and_a_column_it_needs_missing_from_the_file_is_refused(
    shop: Database, tmp_path: Path
) -> None:
    save(shop)
    header = [h for h in gc.HEADER if h != "订单备注"]
    rows = [r[:-1] for r in gc.ROWS]
    path = gc.gbk_csv(tmp_path / "no-notes.csv", rows, header)
    with shop.writing() as s, pytest.raises(PresetColumnsMissing) as missing:
        import_orders(s, "ACME", path, actor=ACTOR, preset="谷仓")
    assert "'订单备注'" in missing.value.message and "map the columns again" in (
        missing.value.message)
    with shop.reading() as s, pytest.raises(LayoutNotRecognised):  # nor is it recognised
        preview_order_import(s, "ACME", path)
    with shop.reading() as s, pytest.raises(PresetNotFound) as unknown:
        preview_order_import(s, "ACME", path, preset="Winit")
    assert "(its presets: 谷仓)" in unknown.value.message
    assert orders_in(shop) == []


def test_two_presets_fitting_one_file_are_ambiguous_until_one_is_named(
    shop: Database, tmp_path: Path
) -> None:
    save(shop, "谷仓")
    short = {k: v for k, v in gc.MAPPING.items() if k not in ("notes", "phone")}
    save(shop, "谷仓 简版", short)
    path = gc.gbk_csv(tmp_path / "orders.csv")
    with shop.reading() as s, pytest.raises(PresetAmbiguous) as ambiguous:
        preview_order_import(s, "ACME", path)
    assert "'谷仓', '谷仓 简版'" in ambiguous.value.message
    assert "--preset NAME" in ambiguous.value.message
    with shop.reading() as s:
        report = preview_order_import(s, "ACME", path, preset="谷仓 简版")
    assert report.preset == "谷仓 简版" and report.ok
    with shop.writing() as s:
        delete_preset(s, "ACME", "谷仓 简版", actor=ACTOR)
    with shop.reading() as s:
        assert preview_order_import(s, "ACME", path).preset == "谷仓"


def test_the_template_is_read_as_the_template_even_when_a_preset_exists(
    shop: Database, tmp_path: Path
) -> None:
    save(shop)
    path = write_csv(tmp_path / "template.csv", [good_row("SO-1")])
    with shop.reading() as s:
        report = preview_order_import(s, "ACME", path)
    assert report.preset is None and report.orders_created == ("SO-1",)


def test_presets_belong_to_their_client(shop: Database, tmp_path: Path) -> None:
    save(shop, client="BETA")
    path = gc.gbk_csv(tmp_path / "orders.csv")
    with shop.reading() as s:
        assert list_presets(s, "ACME", actor=ACTOR) == []
        assert recognise_preset(s, "ACME", path, actor=ACTOR) is None
        with pytest.raises(LayoutNotRecognised):
            preview_order_import(s, "ACME", path)


@pytest.mark.parametrize(("mapping", "problem"), [
    ({**gc.MAPPING, "notes": "订单参考号"}, "the column '订单参考号' is chosen for both "
                                         "order_number and notes"),
    ({k: v for k, v in gc.MAPPING.items() if k != "zip"}, "required field(s) zip"),
    ({**gc.MAPPING, "weight": "重量"}, "'weight' is not an order field"),
])
def test_a_mapping_that_cannot_be_read_is_refused_with_what_to_change(
    shop: Database, mapping: dict[str, str], problem: str
) -> None:
    with pytest.raises(PresetInvalid) as invalid:
        save(shop, "bad", mapping)
    assert problem in invalid.value.message
    with shop.reading() as s:
        assert list_presets(s, "ACME", actor=ACTOR) == []


def test_a_name_is_saved_once_unless_replaced(shop: Database) -> None:
    save(shop)
    with pytest.raises(PresetExists):
        save(shop)
    save(shop, mapping={k: v for k, v in gc.MAPPING.items() if k != "notes"}, replace=True)
    with shop.reading() as s:
        kept = get_preset(s, "ACME", "谷仓", actor=ACTOR)
        audit = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "save_import_preset"))
    assert "notes" not in kept.mapping and kept.headers == tuple(gc.HEADER)
    assert kept.created_by == ACTOR.name and audit == 2


def test_export_and_import_json_round_trip_to_another_client(shop: Database) -> None:
    save(shop, "谷仓")
    save(shop, "简版", {k: v for k, v in gc.MAPPING.items() if k != "notes"})
    with shop.reading() as s:
        document = export_presets(s, "ACME", actor=ACTOR)
    text = json.dumps(document, ensure_ascii=False)
    assert document["kind"] == "haicang-import-presets" and document["client"] == "ACME"
    with shop.writing() as s:
        saved = import_presets(s, "BETA", text, actor=ACTOR)
    assert [p.name for p in saved] == ["简版", "谷仓"]
    with shop.reading() as s:
        beta = {p.name: (dict(p.mapping), p.headers) for p in list_presets(s, "BETA",
                                                                          actor=ACTOR)}
        acme = {p.name: (dict(p.mapping), p.headers) for p in list_presets(s, "ACME",
                                                                          actor=ACTOR)}
    assert beta == acme
    with shop.writing() as s, pytest.raises(PresetExists):  # again: all or nothing
        import_presets(s, "BETA", text, actor=ACTOR)
    with shop.writing() as s:
        assert len(import_presets(s, "BETA", text, actor=ACTOR, replace=True)) == 2


@pytest.mark.parametrize(("document", "problem"), [
    ("not json", "the file is not JSON"),
    ('{"kind": "haicang-skus", "presets": []}', "not an export of column presets"),
    ('{"name": "x"}', "not an export of column presets"),
    ('{"kind": "haicang-import-presets", "presets": [{"name": "a", "mapping": {"sku": 1}}]}',
     "its mapping is not an object"),
])
def test_a_bad_preset_file_saves_nothing(shop: Database, document: str, problem: str) -> None:
    with shop.writing() as s, pytest.raises(PresetInvalid) as invalid:
        import_presets(s, "ACME", document, actor=ACTOR)
    assert problem in invalid.value.message


def test_one_bad_preset_in_a_file_saves_none_of_them(shop: Database) -> None:
    good = {"name": "good", "mapping": gc.MAPPING}
    bad = {"name": "bad", "mapping": {**gc.MAPPING, "notes": "订单参考号"}}
    document = {"kind": "haicang-import-presets", "version": 1, "presets": [good, bad]}
    with pytest.raises(PresetInvalid), shop.writing() as s:
        import_presets(s, "ACME", document, actor=ACTOR)
    with shop.reading() as s:
        assert list_presets(s, "ACME", actor=ACTOR) == []


def test_a_picker_may_not_touch_presets(shop: Database) -> None:
    picker = Actor("p1", Role.PICKER)
    with shop.writing() as s, pytest.raises(PermissionDenied):
        save_preset(s, "ACME", "x", gc.MAPPING, actor=picker)
    with shop.reading() as s, pytest.raises(PermissionDenied):
        list_presets(s, "ACME", actor=picker)


def test_layout_of_an_unknown_file_is_its_header_and_first_rows(tmp_path: Path) -> None:
    layout = read_layout(gc.gbk_csv(tmp_path / "orders.csv"))
    assert layout.header_line == 2 and layout.headers == tuple(gc.HEADER)
    assert layout.sample[0][0] == "GC-1001" and len(layout.sample) == 3
    assert layout.column_of("产品 sku") == gc.HEADER.index("产品SKU")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(FileUnreadable):
        read_layout(empty)


def test_a_template_without_rows_is_refused_as_such_not_sent_to_the_mapping(
    shop: Database, tmp_path: Path
) -> None:
    save(shop)
    path = write_csv(tmp_path / "empty-template.csv", [])
    with shop.reading() as s, pytest.raises(FileUnreadable) as refused:
        preview_order_import(s, "ACME", path)
    assert not isinstance(refused.value, LayoutNotRecognised)
    assert "there are no order rows below the header on line 1" in refused.value.message


def test_one_preset_written_by_hand_is_read_too(shop: Database, tmp_path: Path) -> None:
    text = json.dumps({"name": "手写", "mapping": gc.MAPPING}, ensure_ascii=False)
    with shop.writing() as s:
        assert [p.name for p in import_presets(s, "ACME", text, actor=ACTOR)] == ["手写"]
    with shop.reading() as s:
        assert preview_order_import(s, "ACME", gc.gbk_csv(tmp_path / "o.csv")).preset == "手写"
