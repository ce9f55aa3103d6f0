"""The Shipping screen: a parcel the carrier never scanned shows as an exception with its
days since handover and is resolved with Enter; a label bought for an order cancelled
afterwards is listed to void and voided with one key, Delete, through the fake EasyPost
server (issue #18)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from app.carriers.base import Tracking, TrackingStatus
from app.db.engine import Database
from app.domain.states import Role
from app.services.label_purchase import buy_labels
from app.services.orders import cancel_order
from app.services.pickups import close_pickup, scan_out
from app.services.run import run_write
from app.services.tracking import list_exceptions, open_no_scan_exceptions, record_tracking
from app.ui.pages.base import PageContext
from app.ui.pages.shipping import ShippingPage
from tests.fakes.carriers.easypost import FakeEasyPost
from tests.fakes.platforms.clock import VirtualClock
from tests.services.label_world import build_label_world, fake_providers
from tests.services.packing_world import PACKER, allocated_order
from tests.ui.conftest import PageCtxFactory
from tests.ui.handover_world import build_handover_world, packed_parcel_with_label
from tests.world import ACTOR


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock(datetime(2026, 12, 7, 15, 0, tzinfo=UTC))


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeEasyPost]:
    server = FakeEasyPost(clock, timeout_sleep=0.8).start()
    yield server
    server.stop()


def _page(qtbot, ctx: PageContext) -> ShippingPage:
    page = ShippingPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    return page


def _cells(page: ShippingPage, model: object, row: int = 0) -> list[str]:
    return [model.display(model.row(row), c)  # type: ignore[attr-defined]
            for c in range(len(model.headers()))]  # type: ignore[attr-defined]


def test_a_parcel_not_scanned_since_handover_is_an_exception_resolved_with_enter(
        qtbot, db: Database, make_page_ctx: PageCtxFactory) -> None:
    build_handover_world(db)
    parcel_id = packed_parcel_with_label(db, "7001", "UPS", "1Z999AA10000007001")
    with db.writing() as s:
        scan_out(s, "1Z999AA10000007001", "UPS", actor=PACKER)
        close_pickup(s, "UPS", actor=PACKER)
    with db.writing() as s:  # the carrier knows the label, and has not scanned the parcel
        record_tracking(s, [Tracking("1Z999AA10000007001", TrackingStatus.PRE_TRANSIT)],
                        {"1Z999AA10000007001": parcel_id}, now=datetime.now(UTC), actor=ACTOR)
    with db.writing() as s:
        opened = open_no_scan_exceptions(s, now=datetime.now(UTC) + timedelta(days=3), days=2,
                                         actor=ACTOR)
    assert opened
    page = _page(qtbot, make_page_ctx(role=Role.CLERK))
    assert page.tabs.tabText(0) == "Exceptions (1)"
    cells = _cells(page, page.exceptions)
    assert cells[:5] == ["No carrier scan", "7001", "ACME", "1Z999AA10000007001", "UPS"]
    assert cells[5] == "0" and cells[6] == "none"  # shipped today, never scanned

    page.exceptions_view.doubleClicked.emit(page.exceptions_view.currentIndex())
    dialog = page.order_dialog  # the order behind the exception, on its Shipping tab
    assert dialog.tabs.currentWidget() is dialog.shipping and dialog.title.text() == "7001"
    dialog.close()

    page.tabs.setCurrentIndex(0)
    page.exceptions_view.setFocus()
    qtbot.keyClick(page.exceptions_view, Qt.Key.Key_Return)
    assert "resolved" in page.messages.text()
    assert page.exceptions.rowCount() == 0 and page.tabs.tabText(0) == "Exceptions (0)"
    with db.reading() as s:
        (resolved,) = list_exceptions(s, open_only=False)
    assert resolved.resolved_by == "clerk1"
    page.show_resolved.setChecked(True)
    assert page.exceptions.rowCount() == 1


def test_a_label_of_a_cancelled_order_is_voided_with_one_key(
        qtbot, db: Database, fake: FakeEasyPost, clock: VirtualClock,
        make_page_ctx: PageCtxFactory) -> None:
    build_label_world(db, fake)
    order_id = allocated_order(db, "V-1", {"MUG": 1})
    (bought,) = buy_labels(db, order_id, providers=fake_providers(clock), actor=ACTOR)
    run_write(db, cancel_order, order_id, reason="buyer changed mind", actor=ACTOR)
    page = _page(qtbot, make_page_ctx(role=Role.CLERK))
    page.set_providers(fake_providers(clock))
    page.tabs.setCurrentIndex(1)
    assert page.tabs.tabText(1) == "Labels to void (1)"
    cells = _cells(page, page.to_void)
    assert cells[0] == "V-1" and cells[1] == "order cancelled"
    assert cells[3] == bought.tracking_number

    page.void_view.setFocus()
    page.void_view.selectRow(0)
    page.void_view.doubleClicked.emit(page.void_view.currentIndex())
    assert page.order_dialog.shipping.order_id == order_id
    page.order_dialog.close()
    page.void_view.setFocus()
    qtbot.keyClick(page.void_view, Qt.Key.Key_Delete)
    assert "1 label" in page.messages.text() and "voided" in page.messages.text()
    assert page.to_void.rowCount() == 0 and page.tabs.tabText(1) == "Labels to void (0)"
