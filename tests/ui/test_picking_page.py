"""The Picking screen driven like a scanner: text + Enter into the focused field, and keys.

Open a cart by its code, a wrong bin and a wrong item are refused loudly and change
nothing, the right bin and item advance, a typed count finishes a line, F8 reports a
short, a cancelled order is announced at the next scan, F11 goes full screen.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select, update

from app.db.engine import Database
from app.db.models import Sku, StockMove
from app.domain.states import Role
from app.services import waves
from app.services.orders import cancel_order, get_order
from app.services.wave_plan import WaveFilters
from app.ui.pages.base import PageContext
from app.ui.pages.picking import PickingPage
from app.ui.pages.picking_short import ShortDialog
from app.ui.tasks import TaskRunner
from app.ui.widgets.sounds import Sound
from tests.services.picking_world import CLERK, assert_ledger_matches, bin_flag, picking_world

MUG_UPC = "012345678905"


@pytest.fixture
def cart(db: Database) -> tuple[str, dict[str, int]]:
    """P-1 two mugs, P-2 a mug and a cup, on one released cart: (cart code, order ids)."""
    ids = picking_world(db, {"P-1": {"MUG": 2}, "P-2": {"MUG": 1, "CUP": 1}},
                        {("MUG", "A-01-01-02"): 5, ("CUP", "B-01-02-01"): 4})
    with db.writing() as s:
        number = waves.release_wave(s, "LA1", WaveFilters(), actor=CLERK).number
    with db.reading() as s:
        (only,) = waves.get_wave(s, number).carts
    return only.code, ids


def open_page(qtbot, ctx: PageContext) -> PickingPage:
    """The screen shown and active, the scan field focused as a picker finds it."""
    page = PickingPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.scan)
    return page


@pytest.fixture
def page(qtbot, cart, make_page_ctx: Callable[..., PageContext]) -> PickingPage:
    return open_page(qtbot, make_page_ctx(role=Role.PICKER))


def alarms(page: PickingPage) -> int:
    """How many times the error sound was played (muted: not at all)."""
    return page.sounds.played.count(Sound.ERROR)


def scan(qtbot, page: PickingPage, text: str) -> None:
    """What a scanner does: type into the focused widget, then Enter."""
    focused = QApplication.focusWidget()
    assert focused is page.scan, "the scan field must keep the focus"
    qtbot.keyClicks(focused, text)
    qtbot.keyClick(focused, Qt.Key.Key_Return)


def _picks(db: Database) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count(StockMove.id)).where(StockMove.kind == "pick"))
                   or 0)


def _status(db: Database, order_id: int) -> str:
    with db.reading() as s:
        return str(get_order(s, order_id).row.status)


def test_scan_a_cart_then_bin_and_item_stop_by_stop(qtbot, db, page, cart) -> None:
    code, _ids = cart
    assert "pick list" in page.panel.instruction.text()
    scan(qtbot, page, code.lower())
    assert page.panel.card.bin.text() == "A-01-01-02" and page.panel.card.sku.text() == "MUG"
    assert page.panel.card.slot.text() == "1" and page.panel.card.quantity.text() == "× 2"
    assert page.panel.progress_label.text() == "Stop 1 of 2 · 0 of 4 units"
    assert [page.panel.upcoming.item(i).text() for i in range(page.panel.upcoming.count())] == [
        "A-01-01-02   MUG × 2  → 1", "A-01-01-02   MUG × 1  → 2", "B-01-02-01   CUP × 1  → 2"]

    scan(qtbot, page, code)  # the pick list again: no harm done
    assert "is open" in page.panel.banner.text() and not alarms(page)
    scan(qtbot, page, "B-01-02-01")  # the wrong shelf
    assert "Wrong bin" in page.panel.banner.text() and "A-01-01-02" in page.panel.banner.text()
    assert page.panel.banner.property("level") == "error" and alarms(page) == 1
    assert "Go to bin A-01-01-02" in page.panel.instruction.text()

    scan(qtbot, page, "A-01-01-02")
    assert "Scan the item" in page.panel.instruction.text()
    scan(qtbot, page, "CUP")  # the wrong goods
    assert "Wrong item" in page.panel.banner.text() and alarms(page) == 2
    assert _picks(db) == 0

    scan(qtbot, page, MUG_UPC)  # one unit by its barcode
    assert page.panel.progress_label.text() == "Stop 1 of 2 · 1 of 4 units"
    assert "how many more" in page.panel.instruction.text()
    scan(qtbot, page, "1")  # the rest as a typed count
    # P-2's mug is in the same bin: the bin scan still holds, the item is next.
    assert page.panel.card.slot.text() == "2" and "Scan the item" in page.panel.instruction.text()
    scan(qtbot, page, "MUG")
    assert page.panel.card.bin.text() == "B-01-02-01"
    assert page.panel.progress_label.text() == "Stop 2 of 2 · 3 of 4 units"
    scan(qtbot, page, "B-01-02-01")
    scan(qtbot, page, "CUP")
    assert "Cart done" in page.panel.instruction.text()
    assert page.panel.progress_label.text() == "Stop 2 of 2 · 4 of 4 units"
    assert _picks(db) == 4 and alarms(page) == 2
    assert page.sounds.played.count(Sound.OK) == 4  # one per confirmed pick
    assert_ledger_matches(db)


def test_short_with_f8_backorders_when_no_other_bin_has_it(qtbot, db, page, cart) -> None:
    code, ids = cart
    scan(qtbot, page, code)
    for text in ("A-01-01-02", "MUG", "1", "MUG"):
        scan(qtbot, page, text)
    assert page.panel.card.bin.text() == "B-01-02-01"

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ShortDialog):
            QTimer.singleShot(20, answer)
            return
        qtbot.keyClicks(dialog.found, "0")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Down)  # "Units are damaged"
        qtbot.keyClick(dialog.found, Qt.Key.Key_Return)

    QTimer.singleShot(20, answer)
    qtbot.keyClick(page.scan, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: "backordered" in page.panel.banner.text())
    assert "tote 2" in page.panel.banner.text() and "Put back" in page.panel.banner.text()
    assert _status(db, ids["P-2"]) == "backordered"
    assert bin_flag(db, "B-01-02-01") == "short pick: damaged"
    assert "Cart done" in page.panel.instruction.text()
    assert page.window().focusWidget() is page.scan  # back where the scanner types
    assert_ledger_matches(db)


def test_a_cancelled_order_is_announced_at_the_next_scan(qtbot, db, page, cart) -> None:
    code, ids = cart
    scan(qtbot, page, code)
    assert page.panel.card.slot.text() == "1"
    with db.writing() as s:
        cancel_order(s, ids["P-1"], reason="buyer cancelled", actor=CLERK)

    scan(qtbot, page, "A-01-01-02")
    assert "P-1" in page.panel.banner.text() and "cancelled" in page.panel.banner.text()
    assert "tote 1" in page.panel.banner.text() and alarms(page) == 1
    assert page.panel.card.slot.text() == "2"  # P-2 is what is left to pick here
    scan(qtbot, page, "A-01-01-02")
    scan(qtbot, page, "MUG")
    assert page.panel.card.bin.text() == "B-01-02-01" and _picks(db) == 1


def test_unknown_cart_is_refused_in_one_line(qtbot, page) -> None:
    scan(qtbot, page, "NO-SUCH-CART")
    assert "NO-SUCH-CART" in page.panel.banner.text() and "\n" not in page.panel.banner.text()
    assert page.cart is None and alarms(page) == 1


def test_ctrl_m_mutes_the_alarm_but_not_the_red_banner(qtbot, page) -> None:
    qtbot.keyClick(page.scan, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.sounds.muted)
    assert "Sound off" in page.panel.mute_button.text()
    scan(qtbot, page, "NO-SUCH-CART")
    assert page.panel.banner.property("level") == "error" and alarms(page) == 0
    assert page.ctx.ui_settings.value("picking/muted") == "true"  # kept for next time


def test_full_screen_with_f11_and_back_with_escape(qtbot, page, cart) -> None:
    scan(qtbot, page, cart[0])
    qtbot.keyClick(page.scan, Qt.Key.Key_F11)
    qtbot.waitUntil(page.is_full_screen)
    assert page.panel.isFullScreen()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.scan)
    qtbot.keyClick(page.scan, Qt.Key.Key_Escape)
    assert not page.is_full_screen() and page.panel.parent() is page
    assert isinstance(page.panel.parentWidget(), QWidget) and page.panel.isVisible()


def test_label_first_cart_is_confirmed_by_scanning_each_label_at_the_shelf(
        qtbot, db, make_page_ctx) -> None:
    picking_world(db, {"P-1": {"MUG": 1}, "P-2": {"MUG": 2}}, {("MUG", "A-01-01-01"): 5})
    with db.writing() as s:
        s.execute(update(Sku).values(prepacked=True))
        wave = waves.release_wave(s, "LA1", WaveFilters(), actor=CLERK)
    assert wave.label_first
    with db.reading() as s:
        (only,) = waves.get_wave(s, wave.number).carts
    page = open_page(qtbot, make_page_ctx(role=Role.PICKER))
    scan(qtbot, page, only.code)
    assert "label first" in page.panel.cart_label.text()
    scan(qtbot, page, "A-01-01-01")
    assert "Stick the label on" in page.panel.instruction.text()
    scan(qtbot, page, "NOT-A-LABEL")
    assert "NOT-A-LABEL" in page.panel.banner.text() and alarms(page) == 1
    scan(qtbot, page, "P-1")
    assert "P-1" in page.panel.banner.text() and page.panel.banner.property("level") == "ok"
    assert "Stick the label on" in page.panel.instruction.text()  # P-2 waits in the same bin
    scan(qtbot, page, "P-2")
    assert "Cart done" in page.panel.instruction.text()
    assert page.panel.progress_label.text() == "Stop 1 of 1 · 3 of 3 units"
    assert_ledger_matches(db)


def test_a_clerk_looks_at_a_cart_without_taking_it(qtbot, db, cart, make_page_ctx) -> None:
    page = open_page(qtbot, make_page_ctx(role=Role.CLERK))
    scan(qtbot, page, cart[0])
    assert page.panel.card.bin.text() == "A-01-01-02"
    assert page.cart is not None and page.cart.picker is None
    with db.reading() as s:
        (only,) = waves.get_wave(s, page.cart.wave).carts
    assert only.status == "open" and only.picker is None


def test_scans_faster_than_the_database_are_handled_in_order(qtbot, db, cart,
                                                              make_page_ctx) -> None:
    """The real threads: a burst of scans waits for each write before the next is read."""
    page = open_page(qtbot, make_page_ctx(runner=TaskRunner(db), role=Role.PICKER))
    for text in (cart[0], "A-01-01-02", MUG_UPC, "1", "MUG", "B-01-02-01", "CUP"):
        page.scan_text(text)
    qtbot.waitUntil(lambda: "Cart done" in page.panel.instruction.text(), timeout=10_000)
    assert page.panel.progress_label.text() == "Stop 2 of 2 · 4 of 4 units"
    assert page.panel.banner.property("level") == "ok" and _picks(db) == 4
