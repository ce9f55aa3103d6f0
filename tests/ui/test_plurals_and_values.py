"""Counts read right in English and Chinese; stored values, product names and the database
are shown as people read them, in both languages."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.db.engine import Database
from app.ui.dialogs.order_detail import OrderDetailDialog
from app.ui.i18n import install_translators
from app.ui.models.orders import ImportProblemsModel, import_text
from app.ui.values import database_text, field_name_text, service_level_text
from resources.translations.ts import english_forms
from tests.catalogue import TRANSLATIONS
from tests.ui.inline_tasks import InlineTaskRunner
from tests.world import build_world, place_order


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


def _clients(n: int) -> str:
    return QCoreApplication.translate("ChecklistPage", "%n client(s)", "", n)


def test_english_counts_use_the_singular_for_one(qapp: QApplication) -> None:
    assert (_clients(1), _clients(2), _clients(0)) == ("1 client", "2 clients", "0 clients")
    assert QCoreApplication.translate("MyWorkPage", "%n item(s)", "", 1) == "1 item"
    assert QCoreApplication.translate("SyncStatusWidget", "Sync: %n push(es) failed", "",
                                      1) == "Sync: 1 push failed"


def test_chinese_counts_have_their_one_form(chinese: None) -> None:
    assert (_clients(1), _clients(2)) == ("1 个客户", "2 个客户")


def test_the_plural_mark_writes_both_english_forms() -> None:
    assert english_forms("%n box(es) on {shelf}") == ["%n box on {shelf}", "%n boxes on {shelf}"]
    assert english_forms("%Ln order(s) read") == ["%Ln order read", "%Ln orders read"]
    assert english_forms("%n packed") is None


def test_every_shipped_count_has_english_forms() -> None:
    """A count string added without `ts.py update` would read "1 order(s)" in English."""
    for chinese_ts in sorted(TRANSLATIONS.glob("*_zh_CN.ts")):
        counts = {m.findtext("source") for m in ET.parse(chinese_ts).iter("message")
                  if m.get("numerus") == "yes"}
        english_ts = chinese_ts.with_name(chinese_ts.name.replace("_zh_CN", "_en"))
        if not counts:
            continue
        filled = {m.findtext("source") for m in ET.parse(english_ts).iter("message")
                  if all((f.text or "").strip() for f in m.iter("numerusform"))
                  and m.find("translation") is not None
                  and m.find("translation").get("type") is None}  # type: ignore[union-attr]
        assert counts <= filled, (english_ts.name, counts - filled)


def test_stored_values_and_import_fields_read_in_chinese(chinese: None) -> None:
    assert service_level_text("expedited") == "加急"
    assert service_level_text("drone") == "drone"  # unknown: shown as stored
    assert field_name_text("zip") == "邮编（zip）"
    assert "邮编" in import_text("{column} is missing", {"column": "zip"}, "zip is missing")


def test_stored_values_read_in_english(qapp: QApplication) -> None:
    assert service_level_text("expedited") == "Expedited"
    assert field_name_text("zip") == "zip"
    assert import_text("{column} is missing", {"column": "zip"}, "") == "zip is missing"
    assert ImportProblemsModel().rowCount() == 0


def test_the_database_is_named_by_kind_and_only_an_admin_sees_its_url() -> None:
    url = "postgresql+psycopg://haicang:***@db-host:5432/haicang"
    assert database_text(url) == "PostgreSQL on db-host"
    full = database_text(url, full=True)
    assert full.startswith("PostgreSQL on db-host — ") and "db-host:5432/haicang" in full
    assert "SECRET" not in database_text("postgresql://u:SECRET@h/db", full=True)
    assert database_text("sqlite:////home/pat/.local/share/Haicang/h.sqlite3") == \
        "SQLite on this PC"


def test_the_settings_show_a_clerk_the_kind_and_an_admin_the_url(
    qapp: QApplication, db: Database
) -> None:
    from app.bootstrap import AppContext
    from app.settings import StationSettings
    from app.ui.dialogs.settings_dialog import GeneralSection, default_sections

    context = AppContext(StationSettings(), db)
    runner = InlineTaskRunner(db)

    def shown(admin: bool) -> str:
        section = default_sections(context, runner, admin=admin)[0]
        assert isinstance(section, GeneralSection)
        texts = [w.text() for w in section.findChildren(QLabel)]
        return " ".join(texts)

    kind = "SQLite on this PC" if db.kind == "sqlite" else "PostgreSQL on"
    assert kind in shown(False) and "://" not in shown(False)
    assert "://" in shown(True)


def test_order_detail_shows_chinese_names_and_service_levels(
    qtbot: QtBot, db: Database, chinese: None
) -> None:
    build_world(db)
    order_id = place_order(db, "A-1", {"MUG": 1})
    dialog = OrderDetailDialog(InlineTaskRunner(db), order_id)
    qtbot.addWidget(dialog)
    product = dialog.lines.item(0, 2)
    assert product is not None and product.text() == "马克杯"
    assert dialog.fact_labels["service"].text() == "标准"
    assert dialog.fact_labels["source"].text() == "订单文件"
