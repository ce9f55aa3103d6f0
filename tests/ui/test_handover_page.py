"""The Staging/Handover screen driven by scanner keystrokes only (text + Enter into the
focused field, function keys): a parcel's lane is shown, the right lane stages it, a
wrong lane is refused loudly and changes nothing (issue #18)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.bootstrap import AppContext
from app.db.engine import Database
from app.db.models import Bin, Order, Parcel
from app.domain.states import OrderStatus, Role
from app.services.label_purchase import buy_labels
from app.services.orders import get_order
from app.services.packing_script import pack_at_once
from app.services.printer_settings import PrinterSettings
from app.services.printer_settings import Role as PrinterRole
from app.services.run import run_write
from app.services.shipping_rules import ShippingRulesDraft, set_shipping_rules
from app.settings import StationSettings
from app.ui.main_window import MainWindow, ShellInfo
from app.ui.pages.base import PageContext
from app.ui.pages.handover import HandoverPage
from app.ui.widgets.sounds import Sound
from printers.profiles import Language, PrinterProfile
from tests.fakes.carriers.easypost import FakeEasyPost
from tests.fakes.platforms.clock import VirtualClock
from tests.fakes.printers import FakeTcpPrinter
from tests.services.label_world import build_label_world, fake_providers
from tests.services.packing_world import PACKER, STATION, allocated_order
from tests.ui.conftest import make_user
from tests.ui.handover_world import add_lanes, build_handover_world, packed_parcel_with_label
from tests.ui.inline_tasks import InlineTaskRunner
from tests.world import ACTOR


@pytest.fixture
def beeps(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    monkeypatch.setattr(QApplication, "beep", lambda: calls.append(1))
    return calls


def handover_ctx(db: Database, tmp_path: Path, role: Role = Role.PACKER,
                 printer: FakeTcpPrinter | None = None) -> PageContext:
    """A dock PC; with ``printer``, that is its document printer (the manifest's)."""
    printers = {}
    if printer is not None:
        profile = PrinterProfile("office", printer.uri, Language.ZPL, 203)
        printers = PrinterSettings({"office": profile},
                                   {PrinterRole.DOCUMENT: "office"}).to_station()
    settings = StationSettings(station_name="DOCK-1", mode="office", printers=printers)
    return PageContext(AppContext(settings, db), InlineTaskRunner(db),
                       make_user(db, f"{role.value}_dock", role),
                       QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


def open_page(qtbot, ctx: PageContext) -> HandoverPage:
    page = HandoverPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.scan)
    return page


def scan(qtbot, page: HandoverPage, text: str) -> None:
    """What a scanner does: type into the focused widget, then Enter."""
    focused = QApplication.focusWidget()
    assert focused is page.scan, "the scan field must keep the focus"
    qtbot.keyClicks(focused, text)
    qtbot.keyClick(focused, Qt.Key.Key_Return)


def closed_order_id(s: Session, number: str) -> int:
    order_id = s.scalar(select(Order.id).where(Order.number == number))
    assert order_id is not None
    return order_id


def staged_lane(db: Database, parcel_id: int) -> str | None:
    with db.reading() as s:
        return s.scalar(select(Bin.code).join(Parcel, Parcel.staged_bin_id == Bin.id)
                        .where(Parcel.id == parcel_id))


def test_a_parcel_shows_its_lane_and_the_lane_scan_stages_it(
        qtbot, db: Database, tmp_path: Path, beeps: list[int]) -> None:
    build_handover_world(db)
    ups = packed_parcel_with_label(db, "5001", "UPS", "1Z999AA10123456784")
    page = open_page(qtbot, handover_ctx(db, tmp_path))
    page.sounds.played.clear()
    qtbot.keyClick(page.scan, Qt.Key.Key_F2)  # staging mode (it is the default too)
    assert not page.pickup_mode

    scan(qtbot, page, "1Z999AA10123456784")
    assert page.panel.lane.text() == "LANE-UPS"
    assert "UPS" in page.panel.lane_caption.text()
    assert page.panel.banner.property("level") == "info"

    scan(qtbot, page, "LANE-USPS")  # the wrong lane: loud, nothing changes
    assert page.panel.banner.property("level") == "error"
    assert "Wrong lane" in page.panel.banner.text() and "LANE-UPS" in page.panel.banner.text()
    assert page.sounds.played[-1] is Sound.ERROR
    assert "WRONG LANE" in page.panel.lane_caption.text()
    assert staged_lane(db, ups) is None

    scan(qtbot, page, "lane-ups")  # the right one (scanners send what the label says)
    assert page.panel.banner.property("level") == "ok"
    assert "staged in lane LANE-UPS" in page.panel.banner.text()
    assert page.sounds.played[-1] is Sound.OK
    assert staged_lane(db, ups) == "LANE-UPS"
    assert page.panel.recent.item(0).text().startswith("LANE-UPS")
    assert "· 1 parcel" in page.panel.status.text()


def test_unknown_and_unlabelled_parcels_are_refused_and_a_new_parcel_starts_over(
        qtbot, db: Database, tmp_path: Path, beeps: list[int]) -> None:
    build_handover_world(db)
    packed_parcel_with_label(db, "5002", "USPS", "9400111899223197428490")
    packed_parcel_with_label(db, "5003", "UPS", "1Z999AA10123456785")
    page = open_page(qtbot, handover_ctx(db, tmp_path))

    scan(qtbot, page, "LANE-UPS")  # a lane before any parcel
    assert page.panel.banner.property("level") == "error"
    assert "scan the parcel first" in page.panel.banner.text()

    scan(qtbot, page, "NO-SUCH-PARCEL")
    assert page.panel.banner.property("level") == "error"
    assert "No parcel matches" in page.panel.banner.text()

    scan(qtbot, page, "5002")  # the order number of a one-parcel order
    assert page.panel.lane.text() == "LANE-USPS"
    scan(qtbot, page, "1Z999AA10123456785")  # another parcel instead of the lane
    assert page.panel.lane.text() == "LANE-UPS"
    assert "not staged" in page.panel.recent.item(0).text()
    scan(qtbot, page, "LANE-UPS")
    assert "staged in lane LANE-UPS" in page.panel.banner.text()


def test_pickup_counts_live_refuses_another_carrier_and_closes_with_the_missing_in_red(
        qtbot, db: Database, tmp_path: Path, beeps: list[int]) -> None:
    build_handover_world(db)
    first = packed_parcel_with_label(db, "6001", "UPS", "1Z999AA10000000001")
    packed_parcel_with_label(db, "6002", "UPS", "1Z999AA10000000002")
    packed_parcel_with_label(db, "6003", "USPS", "9400111899220000000003")
    printer = FakeTcpPrinter()
    try:
        ctx = handover_ctx(db, tmp_path, printer=printer)
        page = open_page(qtbot, ctx)
        for tracking, lane in (("1Z999AA10000000001", "LANE-UPS"),
                               ("1Z999AA10000000002", "LANE-UPS")):
            scan(qtbot, page, tracking)
            scan(qtbot, page, lane)
        qtbot.keyClick(page.scan, Qt.Key.Key_F3)
        assert page.pickup_mode
        page.panel.carrier.setCurrentIndex(page.panel.carrier.findText("UPS"))
        assert (page.panel.staged.number.text(), page.panel.scanned.number.text(),
                page.panel.missing.number.text()) == ("2", "0", "2")

        scan(qtbot, page, "9400111899220000000003")  # a USPS parcel to the UPS driver
        assert page.panel.banner.property("level") == "error"
        assert "not UPS" in page.panel.banner.text()
        assert page.sounds.played[-1] is Sound.ERROR

        scan(qtbot, page, "1Z999AA10000000001")
        assert page.panel.banner.property("level") == "ok"
        assert (page.panel.staged.number.text(), page.panel.scanned.number.text(),
                page.panel.missing.number.text()) == ("2", "1", "1")
        assert page.panel.missing_list.item(0).text().startswith("1Z999AA10000000002")

        scan(qtbot, page, "1Z999AA10000000002")
        assert page.panel.missing.number.text() == "0"
        qtbot.keyClick(page.scan, Qt.Key.Key_F4)  # the driver refuses it: off the truck
        scan(qtbot, page, "1Z999AA10000000002")
        assert "taken off" in page.panel.banner.text()
        assert page.panel.lane.text() == "LANE-UPS"  # back to its lane
        assert (page.panel.scanned.number.text(), page.panel.missing.number.text()) == (
            "1", "1")

        qtbot.keyClick(page.scan, Qt.Key.Key_F12)  # parcels missing: asks for F12 again
        assert page.panel.banner.property("level") == "error"
        assert page.closed is None
        qtbot.keyClick(page.scan, Qt.Key.Key_F12)
        closed = page.closed
        assert closed is not None
        assert closed.shipped_orders == ("6001",)
        assert [p.parcel for p in closed.missing] == ["1Z999AA10000000002"]
        assert "MISSED THE TRUCK" in page.panel.banner.text()
        assert page.panel.banner.property("level") == "error"
        assert page.panel.missing_list.item(0).text().startswith("1Z999AA10000000002")
        assert page.panel.lane.text() == closed.number
        (manifest,) = printer.wait_for_jobs(1)  # the manifest went to the document printer
        assert manifest.startswith(b"^XA")
    finally:
        printer.close()
    with db.reading() as s:
        assert s.scalar(select(Parcel.shipped_at).where(Parcel.id == first)) is not None
        assert get_order(s, closed_order_id(s, "6001")).row.status == OrderStatus.SHIPPED


def test_a_dock_pc_opens_the_handover_screen_after_sign_in(qtbot, db: Database,
                                                         tmp_path: Path) -> None:
    shell = ShellInfo("DOCK-1", db.kind, db.display_url,
                      QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(shell)
    qtbot.addWidget(window)
    user = make_user(db, "dock_packer", Role.PACKER)
    settings = StationSettings(station_name="DOCK-1", mode="handover")
    window.start_session(PageContext(AppContext(settings, db), InlineTaskRunner(db), user,
                                     shell.ui_settings))
    assert isinstance(window.current_page(), HandoverPage)


def test_closing_a_pickup_of_bought_usps_labels_asks_easypost_for_the_scan_form(
        qtbot, db: Database, tmp_path: Path) -> None:
    clock = VirtualClock(datetime(2026, 12, 7, 15, 0, tzinfo=UTC))
    fake = FakeEasyPost(clock, timeout_sleep=0.8).start()
    try:
        build_label_world(db, fake)
        add_lanes(db)
        with db.writing() as s:
            set_shipping_rules(s, "ACME", ShippingRulesDraft(allowed=("USPS",)), actor=ACTOR)
        order_id = allocated_order(db, "9101", {"MUG": 1})
        run_write(db, pack_at_once, "9101", box="BOX-8X6X4", weight_g=480, items=None,
                  station=STATION, actor=PACKER)
        (label,) = buy_labels(db, order_id, providers=fake_providers(clock), actor=ACTOR)
        assert label.carrier == "USPS" and label.tracking_number
        page = open_page(qtbot, handover_ctx(db, tmp_path))
        page.set_providers(fake_providers(clock))
        qtbot.keyClick(page.scan, Qt.Key.Key_F3)
        page.panel.carrier.setCurrentIndex(page.panel.carrier.findText("USPS"))
        scan(qtbot, page, label.tracking_number)
        qtbot.keyClick(page.scan, Qt.Key.Key_F12)
        assert page.closed is not None and page.closed.shipped_orders == ("9101",)
        assert "Carrier manifest: EasyPost main: " in page.panel.status.text()
        assert len(fake.scan_forms) == 1
    finally:
        fake.stop()
