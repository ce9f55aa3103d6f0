"""Printing → Seller labels: flagged labels are listed; Accept (with a reason) and Discard
resolve them through the services, and the list follows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.bootstrap import AppContext
from app.db.engine import Database
from app.db.models import Order, OrderLabel
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services.seller_labels import LabelFlag, stored_flag
from app.services.users import UserInfo, create_user
from app.settings import StationSettings
from app.ui.pages.base import PageContext
from app.ui.pages.printing import PrintingPage
from tests.ui.inline_tasks import InlineTaskRunner

SHARED = "9400111899223344556677"


def _flag_two(db: Database) -> UserInfo:
    """SO-2001 and SO-2002 carry labels with one tracking number; the clerk who decides."""
    with db.writing() as s:
        for number, other in (("SO-2001", "SO-2002"), ("SO-2002", "SO-2001")):
            order_id = s.scalar(select(Order.id).where(Order.number == number))
            assert order_id is not None
            s.add(OrderLabel(order_id=order_id, actor="clerk", source_file="seller.zip",
                             source_page=1, reference=number, pdf=b"%PDF-1.4",
                             tracking_number=SHARED,
                             flag=stored_flag(LabelFlag.TRACKING_REUSED, [other])))
        return create_user(s, "clerk1", "a long secret", Role.CLERK, actor=Actor.system("t"))


def test_flagged_labels_are_accepted_and_discarded_on_the_printing_screen(
    qtbot: QtBot, qtmodeltester: Any, world: Database, tmp_path: Path
) -> None:
    user = _flag_two(world)
    ui = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    tasks = InlineTaskRunner(world)
    page = PrintingPage(PageContext(AppContext(StationSettings(station_name="PACK-1"), world),
                                    tasks, user, ui))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.tabs.setCurrentWidget(page.seller_labels)
    box = page.seller_labels.flagged
    qtbot.waitUntil(lambda: box.model.rowCount() == 2)
    qtmodeltester.check(box.model)
    assert box.isVisible() and not box.accept_button.isEnabled()
    assert [box.model.index(0, c).data() for c in range(1, 4)] == ["SO-2001", SHARED, "SO-2002"]
    page.grab().save("/tmp/h15-flagged-en.png")

    box.view.selectRow(0)
    assert box.accept_button.isEnabled()
    box.accept_selected("  ")  # no reason: refused, said, nothing changed
    qtbot.waitUntil(lambda: "Say why" in page.messages._label.text())
    assert box.model.rowCount() == 2
    box.accept_selected("seller's reprint of the same parcel")
    qtbot.waitUntil(lambda: box.model.rowCount() == 1)
    assert box.model.index(0, 1).data() == "SO-2002"

    box.view.selectRow(0)
    box.discard_selected()
    qtbot.waitUntil(lambda: box.model.rowCount() == 0)
    assert box.isHidden()
    with world.reading() as s:
        rows = list(s.execute(select(OrderLabel.reference, OrderLabel.flag)))
    assert rows == [("SO-2001", None)]
