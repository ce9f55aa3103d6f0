"""The Billing screen offscreen: copy a template, a gap refused in red with nothing saved,
accrue a day, draft and issue, export; clerks only look. Screenshots EN and 中文."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QTableWidgetItem

from app.db.engine import Database
from app.domain.states import Role
from app.services.invoice_documents import write_invoice_pdf
from app.services.invoices import draft_invoice
from app.services.rate_cards import rate_card_for
from app.ui.i18n import install_translators
from app.ui.pages.billing import BillingPage, SourcesModel
from tests.services.billing_world import date_last_receipt, set_dims
from tests.world import build_world, receive

SHOTS = os.environ.get("HAICANG_SHOTS")  # a folder: save screenshots there


def _shot(page: BillingPage, name: str) -> None:
    if SHOTS:
        page.resize(1366, 768)
        QApplication.processEvents()  # the layout a changed label asked for, as on screen
        page.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture
def world(db: Database) -> Database:
    build_world(db)
    set_dims(db, "MUG", (100, 100, 100))
    receive(db, "MUG", 1000)
    date_last_receipt(db, date(2026, 9, 1))
    return db


def _page(qtbot, make_page_ctx, role: Role) -> BillingPage:  # type: ignore[no-untyped-def]
    page = BillingPage(make_page_ctx(role=role))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def test_admin_copies_edits_accrues_and_invoices(qtbot, world: Database, make_page_ctx,
                                                 tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, make_page_ctx, Role.ADMIN)
    assert page.client.currentData() == "ACME"
    assert "no rate card yet" in page.count_label.text()
    assert page.charged_through.text() == "The nightly billing job has not run yet"
    page.copy_source.setCurrentIndex(page.copy_source.findData("template:standard"))
    page.copy()
    assert "Copied" in page.messages.text()
    with world.reading() as s:
        items = len(rate_card_for(s, "ACME").items)
    assert page.items.rowCount() == items
    _shot(page, "billing-card-en")

    # Make a gap: the second storage tier starts at 40 instead of 31.
    row = next(r for r in range(page.items.rowCount())
               if isinstance(w := page.items.cellWidget(r, 0), QComboBox)
               and w.currentData() == "storage" and page.items.item(r, 1).text() == "31")
    page.items.setItem(row, 1, QTableWidgetItem("40"))
    page.save()
    assert "no tier covers 31 to 40" in page.messages.text()
    with world.reading() as s:
        assert len(rate_card_for(s, "ACME").items) == items  # nothing changed

    page.month.setText("2026-11")
    page.accrue_day.setDate(date(2026, 11, 2))
    page.accrue()
    assert "1 new charge" in page.messages.text()
    page.tabs.setCurrentIndex(1)
    page.month.editingFinished.emit()
    assert page.charges.rowCount() == 1
    # an ended day charged by hand counts too: the nightly job goes on from it
    assert page.charged_through.text() == (
        "Charged through 2026-11-02 (each night on an office PC)")
    page.charges_table.selectRow(0)
    qtbot.waitUntil(lambda: page.sources.rowCount() == 1)
    assert page.sources.display(page.sources.row(0), SourcesModel.DESCRIPTION).startswith(
        "Storage 1000 x MUG, age 63 d")
    assert page.sources_label.text().endswith(" — 1 source, 1.00 in all")
    _shot(page, "billing-charges-en")
    page.tabs.setCurrentIndex(2)
    page._invoice_write(draft_invoice)
    assert "INV-202611-ACME: total 1.00 USD" in page.messages.text()
    assert "draft" in page.invoice_summary.text()
    target = tmp_path / "inv.pdf"
    page.export_to("ACME", "2026-11", target, write_invoice_pdf)
    assert target.read_bytes().startswith(b"%PDF")
    _shot(page, "billing-invoices-en")


def test_clerk_sees_but_cannot_change(qtbot, world: Database, make_page_ctx) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, make_page_ctx, Role.CLERK)
    assert not page.save_card.isEnabled() and not page.accrue_button.isEnabled()
    assert not page.draft_button.isEnabled() and not page.issue_button.isEnabled()


def test_chinese_screens(qtbot, qapp, world: Database, make_page_ctx) -> None:  # type: ignore[no-untyped-def]
    install_translators(qapp, "zh_CN")
    try:
        page = _page(qtbot, make_page_ctx, Role.ADMIN)
        assert page.tabs.tabText(0) == "费率卡"
        page.copy_source.setCurrentIndex(page.copy_source.findData("template:standard"))
        page.copy()
        _shot(page, "billing-card-zh")
        page.tabs.setCurrentIndex(1)
        assert page.charged_through.text() == "每晚自动计费尚未运行过"
        page.accrue_day.setDate(date(2026, 11, 2))
        page.accrue()
        assert page.charged_through.text() == "已计费至 2026-11-02（每晚由办公室电脑自动计费）"
        page.month.setText("2026-11")
        page.month.editingFinished.emit()
        _shot(page, "billing-charges-zh")
        page.tabs.setCurrentIndex(2)
        _shot(page, "billing-invoices-zh")
    finally:
        install_translators(qapp, "en")
