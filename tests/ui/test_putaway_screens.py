"""The Put-away and Replenishment screens, driven offscreen by scans with inline tasks."""

from __future__ import annotations

import pytest

from app.db.engine import Database
from app.domain.states import Role
from app.services.replenishment import set_replenish_limit
from app.ui.models.stock_tasks import LimitsModel, PutawayModel, ReplenishModel
from app.ui.pages.putaway import PutawayPage
from app.ui.pages.replenishment import ReplenishmentPage
from app.ui.widgets.sounds import Sound
from tests.services.putaway_world import capacity, dock_task, on_hand, setup, stock
from tests.world import ACTOR


def _cells(model, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _quiet(page) -> None:  # type: ignore[no-untyped-def]
    page.sounds.muted = False
    page.sounds._play = lambda _path: None  # record, play nothing


@pytest.fixture
def world(db: Database) -> Database:
    setup(db)
    return db


def test_put_away_by_scanning_a_sku_then_a_bin(qtbot, world: Database,
                                               make_page_ctx) -> None:  # type: ignore[no-untyped-def]
    stock(world, "A-01-01-02", qty=5)
    capacity(world, "A-01-01-02", units=8)
    mug, cup = dock_task(world, 2), dock_task(world, 4, "CUP")
    page = PutawayPage(make_page_ctx(role=Role.PICKER))
    qtbot.addWidget(page)
    _quiet(page)
    page.warehouse.setCurrentIndex(page.warehouse.findData("LA1"))
    assert _cells(page.model, PutawayModel.TASK) == [str(mug), str(cup)]
    assert _cells(page.model, PutawayModel.SUGGESTED) == ["A-01-01-02", "B-01-02-01"]
    assert page.count_label.text() == "2 open tasks"
    page.scan_text("NOTHING")
    assert page.banner.property("level") == "error" and page.sounds.played[-1] is Sound.ERROR
    page.scan_text("012345678905")  # MUG's barcode: its task
    assert page.current is not None and page.current.id == mug
    assert "Put into A-01-01-02" in page.banner.text()
    page.scan_text("STAGE-01")  # not a bin to put away into: refused, nothing moves
    assert page.banner.property("level") == "error" and "staging bin" in page.banner.text()
    assert on_hand(world, "RCV-01") == (2, 0)
    page.scan_text("A-01-01-02")
    assert page.banner.property("level") == "ok" and page.sounds.played[-1] is Sound.OK
    assert on_hand(world, "A-01-01-02") == (7, 0)
    assert _cells(page.model, PutawayModel.TASK) == [str(cup)]
    page.scan_text(str(cup))
    page.scan_text("B-01-02-02")  # not the suggested bin: accepted and recorded
    assert "instead of B-01-02-01" in page.banner.text()
    assert on_hand(world, "B-01-02-02", "CUP") == (4, 0)
    assert page.model.rowCount() == 0 and page.count_label.text() == "0 open tasks"


def test_replenish_by_scanning_storage_then_pick_bin(qtbot, world: Database,
                                                     make_page_ctx) -> None:  # type: ignore[no-untyped-def]
    stock(world, "B-01-02-01", qty=30)
    with world.writing() as s:
        set_replenish_limit(s, warehouse_code="LA1", bin_code="A-01-01-01", sku_code="MUG",
                            client_code="ACME", min_qty=4, max_qty=10, actor=ACTOR)
    page = ReplenishmentPage(make_page_ctx(role=Role.CLERK))
    qtbot.addWidget(page)
    page.show()
    _quiet(page)
    page.warehouse.setCurrentIndex(page.warehouse.findData("LA1"))
    assert page.model.rowCount() == 0
    assert _cells(page.limits, LimitsModel.FREE) == ["0"]
    page.plan_now()
    assert _cells(page.model, ReplenishModel.FROM) == ["B-01-02-01"]
    assert _cells(page.model, ReplenishModel.QTY) == ["10"]
    page.scan_text("B-01-02-02")  # no task takes from there
    assert page.banner.property("level") == "error"
    page.scan_text("B-01-02-01")
    assert "scan A-01-01-01" in page.banner.text()
    page.scan_text("A-01-01-02")  # the wrong pick bin: refused loudly, nothing moves
    assert page.banner.property("level") == "error" and "A-01-01-01" in page.banner.text()
    assert on_hand(world, "A-01-01-01") == (0, 0)
    page.scan_text("A-01-01-01")
    assert page.banner.property("level") == "ok" and page.sounds.played[-1] is Sound.OK
    assert on_hand(world, "A-01-01-01") == (10, 0) and page.model.rowCount() == 0
    assert _cells(page.limits, LimitsModel.FREE) == ["10"]
    page.limit_bin.setText("A-01-01-02")
    page.limit_sku.setText("CUP")
    page.limit_min.setValue(2)
    page.limit_max.setValue(6)
    page.save_limit()
    assert _cells(page.limits, LimitsModel.SKU) == ["MUG", "CUP"]
    page.limit_bin.setText("B-01-02-02")
    page.save_limit()
    assert "storage bin" in page.messages.text()


def test_the_bin_dialog_takes_a_capacity_and_the_sku_dialog_a_window(qtbot) -> None:  # type: ignore[no-untyped-def]
    from decimal import Decimal

    from app.ui.dialogs.bin_dialog import BinDialog
    from app.ui.dialogs.sku_dialog import SkuDialog

    dialog = BinDialog("LA1")
    qtbot.addWidget(dialog)
    dialog.code.setText("C-01")
    assert (dialog.draft().capacity_units, dialog.draft().capacity_litres) == (None, None)
    dialog.capacity_units.setValue(40)
    dialog.capacity_litres.setValue(120.5)
    assert (dialog.draft().capacity_units, dialog.draft().capacity_litres) == (
        40, Decimal("120.5"))
    sku = SkuDialog("ACME", "USD")
    qtbot.addWidget(sku)
    assert not sku.expiry_window.isEnabled()
    sku.lot_tracked.setChecked(True)
    sku.expiry_window.setValue(30)
    assert sku.expiry_window.isEnabled() and sku.edit().expiry_window_days == 30
