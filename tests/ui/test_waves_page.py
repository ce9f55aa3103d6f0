"""The Waves screen by keyboard: plan (nothing changes), release (orders go to picking),
the released wave's carts with their progress; bad input is refused in one line."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.db.engine import Database
from app.domain.states import Role
from app.services.changes import Changes
from app.services.orders import get_order
from app.services.waves import list_waves
from app.ui.pages.base import PageContext
from app.ui.pages.waves import WavesPage
from tests.services.picking_world import picking_world

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def orders(db: Database) -> dict[str, int]:
    return picking_world(db, {"P-1": {"MUG": 2}, "P-2": {"MUG": 1, "CUP": 1}, "P-3": {"CUP": 1}},
                         {("MUG", "A-01-01-02"): 5, ("CUP", "B-01-02-01"): 4})


@pytest.fixture
def page(qtbot, orders: dict[str, int],
         make_page_ctx: Callable[..., PageContext]) -> WavesPage:
    ctx = make_page_ctx(role=Role.CLERK)
    page = WavesPage(ctx)
    ctx.tasks.data_changed.connect(
        lambda changes: page.on_changes(changes) if page.listens_to & changes else None)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)  # shortcuts go to the active window
    return page


def _status(db: Database, order_id: int) -> str:
    with db.reading() as s:
        return str(get_order(s, order_id).row.status)


def test_plan_shows_carts_and_figures_and_changes_nothing(qtbot, db, page, orders) -> None:
    assert page.filter_row.warehouse_code() == "LA1"
    qtbot.keyClick(page, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # "Orders per &cart"
    qtbot.waitUntil(page.filter_row.cart_orders.hasFocus)  # its "8" selected: typing replaces
    qtbot.keyClicks(page.filter_row.cart_orders, "2")
    qtbot.keyClick(page.filter_row.cart_orders, Qt.Key.Key_Return, CTRL)  # Plan

    qtbot.waitUntil(lambda: page.plan_model.rowCount() == 2)  # three orders, two per cart
    planned = sorted(n for r in range(2) for n in
                     page.plan_model.index(r, page.plan_model.NUMBERS).data().split(", "))
    assert planned == ["P-1", "P-2", "P-3"]
    text = page.figures.text()
    assert "batched" in text and "order by order" in text and "first-come-first-served" in text
    assert page.release_button.isEnabled()
    assert {_status(db, i) for i in orders.values()} == {"allocated"}
    with db.reading() as s:
        assert list_waves(s) == []

    qtbot.keyClicks(page.filter_row.carrier, "UPS")  # the choice changed: plan again
    assert not page.release_button.isEnabled() and page.plan_model.rowCount() == 0


def test_release_after_confirming_sends_orders_to_picking(qtbot, db, page, orders,
                                                          monkeypatch) -> None:
    asked: list[str] = []

    def confirm(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    announced: list[Changes] = []
    page.ctx.tasks.data_changed.connect(announced.append)
    qtbot.keyClick(page.filter_row.warehouse, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(page.release_button.isEnabled)
    qtbot.keyClick(page.filter_row.warehouse, Qt.Key.Key_Return, CTRL | SHIFT)  # Release
    qtbot.waitUntil(lambda: page.waves_model.rowCount() == 1)

    assert asked and "3 orders" in asked[0] and "LA1" in asked[0]
    assert announced and announced[0] & Changes.ORDERS  # the Orders screen reloads
    assert {_status(db, i) for i in orders.values()} == {"picking"}
    assert page.waves_model.rowCount() == 1
    wave = page.waves_model.row(0)
    assert "released" in page.messages.text() and wave.number in page.messages.text()
    assert page.carts_model.rowCount() == 1
    cart = page.carts_model.row(0)
    assert page.carts_model.index(0, page.carts_model.PICKED).data() == f"0 / {cart.units}"
    assert page.plan_model.rowCount() == 0 and not page.release_button.isEnabled()

    # Releasing the same orders again: nothing is left to plan, said in one line.
    qtbot.keyClick(page.filter_row.warehouse, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "no allocated orders" in page.messages.text().lower())
    assert page.plan_model.rowCount() == 0
    assert "\n" not in page.messages.text()
    with db.reading() as s:
        assert len(list_waves(s)) == 1


def test_release_declined_changes_nothing(qtbot, db, page, orders, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a: QMessageBox.StandardButton.No)
    qtbot.keyClick(page.filter_row.warehouse, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(page.release_button.isEnabled)
    qtbot.keyClick(page.filter_row.warehouse, Qt.Key.Key_Return, CTRL | SHIFT)
    qtbot.wait(300)
    assert {_status(db, i) for i in orders.values()} == {"allocated"}
    assert page.waves_model.rowCount() == 0 and page.plan_model.rowCount() == 1
