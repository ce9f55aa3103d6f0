"""The Pack station buys the carrier label after the pack commits and prints it as the
carrier made it; a refusal is said with the provider's words and F7 buys it again
(issue #18, point 3). Scanner keystrokes and the scale only; a fake EasyPost and a
loopback ZPL printer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.engine import Database
from app.db.models import Order
from app.db.models.shipping import LabelPurchase
from app.domain.states import OrderStatus
from app.secrets import SecretStore
from app.services.orders import get_order
from app.ui.pages.pack import PackPage
from tests.fakes.carriers.easypost import TEST_KEY, FakeEasyPost
from tests.fakes.printers import FakeTcpPrinter
from tests.services.label_world import build_label_world
from tests.services.packing_world import allocated_order
from tests.ui.test_pack_page import WAIT_MS, open_page, pack_ctx, scan

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
MUG_UPC = "012345678905"


@pytest.fixture
def printer() -> Iterator[FakeTcpPrinter]:
    fake = FakeTcpPrinter()
    yield fake
    fake.close()


@pytest.fixture
def fake() -> Iterator[FakeEasyPost]:
    server = FakeEasyPost(timeout_sleep=0.8).start()
    yield server
    server.stop()


@pytest.fixture
def order_id(db: Database, fake: FakeEasyPost) -> int:
    build_label_world(db, fake)
    SecretStore().set("carrier-test", {"api_key": TEST_KEY})
    order_id = allocated_order(db, "PC-1", {"MUG": 1})
    with db.writing() as s:
        s.get(Order, order_id).ship_by = datetime.now(UTC)  # type: ignore[union-attr]
    return order_id


def _pack(qtbot: QtBot, page: PackPage, db: Database) -> None:
    scan(qtbot, page, "PC-1")
    scan(qtbot, page, MUG_UPC)
    page._weigh(470)  # what a stable scale reading leads to


def _bought(db: Database, order_id: int) -> list[tuple[bytes | None, str, str | None]]:
    """(label, trigger, format) of the order's bought labels."""
    with db.reading() as s:
        return [(p.label, p.trigger, p.label_format) for p in s.scalars(select(
            LabelPurchase).where(LabelPurchase.order_id == order_id,
                                 LabelPurchase.status == "bought"))]


def test_the_carrier_label_is_bought_after_packing_and_printed_raw(
        qtbot: QtBot, db: Database, order_id: int, tmp_path: Path, printer: FakeTcpPrinter,
        fake: FakeEasyPost) -> None:
    page = open_page(qtbot, pack_ctx(db, tmp_path, printer), None)
    with qtbot.waitSignal(page.delivered, timeout=WAIT_MS):
        _pack(qtbot, page, db)
    (job,) = printer.wait_for_jobs(1)
    ((label, trigger, fmt),) = _bought(db, order_id)
    assert job == label  # the carrier's ZPL, byte for byte
    assert (trigger, fmt) == ("pack", "ZPL")
    with db.reading() as s:
        assert get_order(s, order_id).row.status is OrderStatus.PACKED
    assert "bought" in page.panel.banner.text()


def test_a_refused_label_is_said_and_f7_buys_it_again(
        qtbot: QtBot, db: Database, order_id: int, tmp_path: Path, printer: FakeTcpPrinter,
        fake: FakeEasyPost) -> None:
    from PySide6.QtCore import Qt

    page = open_page(qtbot, pack_ctx(db, tmp_path, printer), None)
    fake.fail("buy", "address")
    _pack(qtbot, page, db)
    qtbot.waitUntil(lambda: "not bought" in page.panel.banner.text(), timeout=WAIT_MS)
    assert "EasyPost refused the address" in page.panel.banner.text()
    assert "F7" in page.panel.banner.text()
    with db.reading() as s:
        assert get_order(s, order_id).row.status is OrderStatus.PACKED  # nothing lost
    assert _bought(db, order_id) == [] and printer.jobs == []
    with qtbot.waitSignal(page.delivered, timeout=WAIT_MS):
        qtbot.keyClick(page.scan, Qt.Key.Key_F7)
    (job,) = printer.wait_for_jobs(1)
    ((label, _trigger, _fmt),) = _bought(db, order_id)
    assert job == label and sum(fake.purchases.values()) == 1
