"""The Pack station driven by scanner keystrokes only: text + Enter into the focused field,
and function keys. No clicks.

The scale is the simulated one on a real scale worker (its own lane thread, readings
delivered to the GUI thread); the label printer is a loopback TCP printer, and the label
it received is decoded back to its barcode. Database work runs inline.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog
from sqlalchemy import func, select

from app.bootstrap import AppContext
from app.db.engine import Database
from app.db.models import Parcel, ParcelItem
from app.domain.states import OrderStatus, Role
from app.hardware.scales import ScaleSettings, SimulatedScale
from app.services.orders import cancel_order, get_order
from app.services.packing import start_packing
from app.services.printer_settings import PrinterSettings
from app.services.printer_settings import Role as PrinterRole
from app.services.run import run_write
from app.settings import StationSettings
from app.ui.devices.scale import ScaleWorker
from app.ui.pages.base import PageContext
from app.ui.pages.pack import PackPage
from app.ui.pages.pack_override import OverrideDialog
from app.ui.tasks import TaskRunner
from app.ui.widgets.sounds import Sound
from printers.profiles import Language, PrinterProfile
from tests.fakes.printers import FakeTcpPrinter, parse_zpl
from tests.printers.helpers import decode
from tests.services.packing_world import (
    PACKER,
    SUPERVISOR_PIN,
    allocated_order,
    build_pack_world,
)
from tests.ui.conftest import make_user
from tests.ui.inline_tasks import InlineTaskRunner
from tests.world import ACTOR

MUG_UPC = "012345678905"
WAIT_MS = 10_000


@pytest.fixture
def printer() -> Iterator[FakeTcpPrinter]:
    fake = FakeTcpPrinter()
    yield fake
    fake.close()


@pytest.fixture
def scale() -> SimulatedScale:
    """Settles fast, and reads in grams so the test's weights are exact."""
    return SimulatedScale(ScaleSettings(port="simulated", protocol="simulated",
                                        scale_unit="g", display_unit="g"),
                          settle_seconds=0.05, reply_seconds=0.002, seed=7)


@pytest.fixture
def scale_worker(qtbot, scale: SimulatedScale) -> Iterator[ScaleWorker]:
    runner = TaskRunner()  # the scale's lane only: a real thread, like the station
    worker = ScaleWorker(scale.settings, runner, factory=lambda _s: scale, interval=0.02)
    with qtbot.waitSignal(worker.reading, timeout=WAIT_MS):
        worker.start()
    yield worker
    worker.stop()
    runner.shutdown()


@pytest.fixture
def beeps(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    monkeypatch.setattr(QApplication, "beep", lambda: calls.append(1))
    return calls


def pack_ctx(db: Database, tmp_path, printer: FakeTcpPrinter, *, role: Role = Role.PACKER,
             name: str = "packer") -> PageContext:
    label = PrinterProfile("label", printer.uri, Language.ZPL, 203)
    printers = PrinterSettings({"label": label}, {PrinterRole.LABEL: "label"})
    settings = StationSettings(station_name="PACK-T", printers=printers.to_station(),
                               auto_print=True, mode="pack")
    user = make_user(db, name, role)
    return PageContext(AppContext(settings, db), InlineTaskRunner(db), user,
                       QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


def open_page(qtbot, ctx: PageContext, worker: ScaleWorker | None) -> PackPage:
    page = PackPage(ctx)
    qtbot.addWidget(page)
    page.set_scale(worker)
    page.resize(1366, 768)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.scan)
    return page


def scan(qtbot, page: PackPage, text: str) -> None:
    """What a scanner does: type into the focused widget, then Enter."""
    focused = QApplication.focusWidget()
    assert focused is page.scan, "the scan field must keep the focus"
    qtbot.keyClicks(focused, text)
    qtbot.keyClick(focused, Qt.Key.Key_Return)


def counts(page: PackPage) -> dict[str, str]:
    assert page.view is not None
    return {line.sku_code: page.panel.lines.cards[line.line_id].count_text
            for line in page.view.lines}


def status(db: Database, order_id: int) -> OrderStatus:
    with db.reading() as s:
        return get_order(s, order_id).row.status


def items_in_parcels(db: Database) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.coalesce(func.sum(ParcelItem.quantity), 0))) or 0)


@pytest.fixture
def world(db: Database) -> dict[str, int]:
    build_pack_world(db)
    return {"P-1": allocated_order(db, "P-1", {"MUG": 2, "CUP": 1})}


def test_a_normal_order_is_packed_and_labelled_with_keystrokes_and_the_scale_only(
        qtbot, db, world, tmp_path, printer, scale, scale_worker, beeps) -> None:
    page = open_page(qtbot, pack_ctx(db, tmp_path, printer), scale_worker)
    scan(qtbot, page, "P-1")
    assert page.view is not None and page.view.number == "P-1"
    assert counts(page) == {"MUG": "0 / 2", "CUP": "0 / 1"}
    assert "No\npicture" in page.panel.lines.cards[page.view.lines[0].line_id].picture.text()
    assert "A-01-01-01" in page.panel.lines.cards[page.view.lines[0].line_id].bin.text()
    scan(qtbot, page, MUG_UPC)
    assert counts(page)["MUG"] == "1 / 2"
    scan(qtbot, page, "1")  # a bare count right after an item: one more of it
    scan(qtbot, page, "CUP")
    assert counts(page) == {"MUG": "2 / 2", "CUP": "1 / 1"}
    assert page.view.all_scanned and "on the scale" in page.panel.instruction.text()
    box = page.view.suggested_box
    assert box is not None and box.code in page.panel.box_label.text()
    assert status(db, world["P-1"]) is OrderStatus.ALLOCATED  # nothing packed before weighing
    with qtbot.waitSignal(page.delivered, timeout=WAIT_MS) as sent:
        scale.place(2 * 350 + 200 + box.tare_g)  # settles, then the stable weight is taken
    assert sent.args[0].delivered
    (job,) = printer.wait_for_jobs(1)
    barcodes = [text for image in parse_zpl(job) for text in decode(image)]
    assert "P-1" in barcodes
    assert status(db, world["P-1"]) is OrderStatus.PACKED
    assert "packed" in page.panel.banner.text() and page.panel.check_label.property(
        "level") == "ok"
    assert "printed" in page.panel.label_printer.text()
    qtbot.waitUntil(lambda: "1 order" in page.panel.counter.text())
    assert page.sounds.played[-1] is Sound.OK and not beeps
    assert QApplication.focusWidget() is page.scan  # ready for the next scan


def test_wrong_item_extra_unit_and_another_clients_unit_are_refused_and_change_nothing(
        qtbot, db, world, tmp_path, printer, beeps) -> None:
    from app.services import skus as sku_svc

    with db.writing() as s:
        sku_svc.create_sku(s, "BETA", sku_svc.SkuDraft("TEA", "Tea", weight_g=100,
                                                       barcodes=("0799999000019",)),
                           actor=ACTOR)
        sku_svc.create_sku(s, "ACME", sku_svc.SkuDraft("BOWL", "Bowl", weight_g=300),
                           actor=ACTOR)
    page = open_page(qtbot, pack_ctx(db, tmp_path, printer), None)
    scan(qtbot, page, "P-1")
    scan(qtbot, page, "CUP")
    before = items_in_parcels(db)
    for bad, words in (("BOWL", "not in order P-1"), ("CUP", "too many"),
                       ("0799999000019", "client BETA"), ("3*MUG", "too many")):
        scan(qtbot, page, bad)
        assert words in page.panel.banner.text()
        assert page.panel.banner.property("level") == "error"
        assert page.sounds.played[-1] is Sound.ERROR
    assert len(beeps) == 4  # no player on the test machine: the system beep
    assert items_in_parcels(db) == before
    assert counts(page) == {"MUG": "0 / 2", "CUP": "1 / 1"}
    scan(qtbot, page, "2*MUG")  # many of one SKU in one scan
    assert counts(page)["MUG"] == "2 / 2"
    assert "No scale" in page.panel.instruction.text()  # a station without a scale says so


def test_weight_out_of_tolerance_blocks_until_a_supervisor_overrides_by_keyboard(
        qtbot, db, world, tmp_path, printer, scale, scale_worker, beeps) -> None:
    page = open_page(qtbot, pack_ctx(db, tmp_path, printer), scale_worker)
    scan(qtbot, page, "P-1")
    scan(qtbot, page, "2*MUG")
    scan(qtbot, page, "CUP")
    box = page.view.suggested_box
    assert box is not None
    expected = 900 + box.tare_g
    with qtbot.waitSignal(page.view_shown, timeout=WAIT_MS,
                          check_params_cb=lambda: page.check is not None):
        scale.place(expected + 350)  # a mug too many in the box
    assert page.check is not None and not page.check.accepted
    text = page.panel.check_label.text()
    assert "FAILED" in text and f"Expected {expected} g" in text and "+350 g" in text
    assert "F9" in page.panel.instruction.text()
    assert status(db, world["P-1"]) is OrderStatus.ALLOCATED and not printer.jobs

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OverrideDialog):
            QTimer.singleShot(20, answer)
            return
        qtbot.keyClicks(QApplication.focusWidget(), SUPERVISOR_PIN)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), "gift box with extra padding")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    QTimer.singleShot(20, answer)
    with qtbot.waitSignal(page.delivered, timeout=WAIT_MS):
        qtbot.keyClick(page.scan, Qt.Key.Key_F9)
    assert status(db, world["P-1"]) is OrderStatus.PACKED
    with db.reading() as s:
        parcel = s.scalars(select(Parcel)).one()
        assert (parcel.override_by, parcel.override_reason) == (
            "boss", "gift box with extra padding")
    assert "Overridden by boss" in page.panel.check_label.text()


def test_rescan_of_a_packed_order_reprints_and_never_packs_twice(
        qtbot, db, world, tmp_path, printer, scale, scale_worker, beeps) -> None:
    page = open_page(qtbot, pack_ctx(db, tmp_path, printer), scale_worker)
    scan(qtbot, page, "P-1")
    scan(qtbot, page, "2*MUG")
    scan(qtbot, page, "CUP")
    with qtbot.waitSignal(page.delivered, timeout=WAIT_MS):
        scale.place(900 + page.view.suggested_box.tare_g)
    scale.remove()
    scan(qtbot, page, "P-1")  # the same order again
    assert "packed already" in page.panel.banner.text()
    assert "F7" in page.panel.instruction.text()
    with qtbot.waitSignal(page.delivered, timeout=WAIT_MS):
        qtbot.keyClick(page.scan, Qt.Key.Key_F7)
    first, again = printer.wait_for_jobs(2)
    assert first == again  # the archived label, identical
    with db.reading() as s:
        assert s.scalar(select(func.count(Parcel.id))) == 1


def test_another_station_is_refused_and_a_cancelled_order_stops_full_screen(
        qtbot, db, world, tmp_path, printer, beeps) -> None:
    other = allocated_order(db, "P-2", {"CUP": 1})
    run_write(db, start_packing, "P-2", station="PACK-9", actor=PACKER)
    page = open_page(qtbot, pack_ctx(db, tmp_path, printer), None)
    scan(qtbot, page, "P-2")
    assert "being packed at station PACK-9" in page.panel.banner.text()
    assert page.view is None
    scan(qtbot, page, "P-1")
    scan(qtbot, page, "MUG")
    run_write(db, cancel_order, world["P-1"], actor=ACTOR, reason="buyer cancelled")
    scan(qtbot, page, "MUG")  # the next scan meets the cancellation
    assert page.panel.stop.isVisible()
    assert page.panel.stop.geometry() == page.panel.rect()
    assert "STOP" in page.panel.stop.title.text()
    assert "P-1" in page.panel.stop.message.text()
    assert QApplication.focusWidget() is page.scan
    scan(qtbot, page, "P-1")  # scanning it again shows the stop again, never packs it
    assert page.panel.stop.isVisible() and status(db, other) is OrderStatus.ALLOCATED


def test_keys_are_on_screen_and_the_count_key_counts_the_next_scan(
        qtbot, db, world, tmp_path, printer, monkeypatch, beeps) -> None:
    page = open_page(qtbot, pack_ctx(db, tmp_path, printer), None)
    texts = [b.text() for b in page.panel.keys.values()]
    assert texts[0].startswith("F1") and texts[-1].startswith("F12")
    scan(qtbot, page, "P-1")
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (2, True))
    qtbot.keyClick(page.scan, Qt.Key.Key_F3)
    scan(qtbot, page, MUG_UPC)
    assert counts(page)["MUG"] == "2 / 2"
    qtbot.keyClick(page.scan, Qt.Key.Key_F10)
    assert page.sounds.muted
    scan(qtbot, page, "BOWL-X")
    assert page.panel.banner.property("level") == "error" and not beeps
    qtbot.keyClick(page.scan, Qt.Key.Key_F2)  # put the order back: scans discarded
    assert page.view is None and items_in_parcels(db) == 0


def test_a_pack_station_opens_the_pack_screen_after_sign_in(qtbot, db, world, tmp_path,
                                                            printer) -> None:
    from app.ui.main_window import MainWindow, ShellInfo

    ctx = pack_ctx(db, tmp_path, printer, role=Role.ADMIN, name="boss2")
    ctx.ui_settings.setValue("main/page", "orders")  # where this user was last time
    window = MainWindow(ShellInfo("PACK-T", db.kind, db.display_url, ctx.ui_settings))
    qtbot.addWidget(window)
    window.start_session(ctx)
    assert isinstance(window.current_page(), PackPage)


def test_two_boxes_each_weighed_and_labelled(qtbot, db, world, tmp_path, printer, scale,
                                             scale_worker, beeps) -> None:
    page = open_page(qtbot, pack_ctx(db, tmp_path, printer), scale_worker)
    scan(qtbot, page, "P-1")
    scan(qtbot, page, "2*MUG")
    qtbot.keyClick(page.scan, Qt.Key.Key_F6)  # this box is full: weigh it, open another
    assert "on the scale" in page.panel.instruction.text()
    box = page.view.suggested_box
    assert box is not None
    with qtbot.waitSignal(page.view_shown, timeout=WAIT_MS,
                          check_params_cb=lambda: page.view.current_parcel == 2):
        scale.place(700 + box.tare_g)
    scale.remove()
    scan(qtbot, page, "CUP")
    second = page.view.suggested_box
    assert second is not None and page.view.all_scanned
    with qtbot.waitSignal(page.delivered, timeout=WAIT_MS):
        scale.place(200 + second.tare_g)
    qtbot.waitUntil(lambda: len(printer.jobs) == 2, timeout=WAIT_MS)
    barcodes = {text for job in printer.jobs for image in parse_zpl(job)
                for text in decode(image)}
    assert "P-1" in barcodes
    assert status(db, world["P-1"]) is OrderStatus.PACKED
    assert [p.units for p in page.view.parcels] == [2, 1]


def test_an_offline_printer_and_an_unplugged_scale_are_said_and_lose_nothing(
        qtbot, db, world, tmp_path, printer, scale, scale_worker, beeps) -> None:
    printer.close()  # nobody listens on its port any more
    page = open_page(qtbot, pack_ctx(db, tmp_path, printer), scale_worker)
    scan(qtbot, page, "P-1")
    scan(qtbot, page, "2*MUG")
    scan(qtbot, page, "CUP")
    scale.unplug()
    qtbot.waitUntil(lambda: "not answering" in page.panel.instruction.text()
                    or page.panel.weight.state.value == "error", timeout=WAIT_MS)
    qtbot.keyClick(page.scan, Qt.Key.Key_F4)
    assert page.panel.banner.property("level") == "error"
    assert status(db, world["P-1"]) is OrderStatus.ALLOCATED  # nothing taken
    scale.plug_in()
    with qtbot.waitSignal(page.delivered, timeout=WAIT_MS) as sent:
        scale.place(900 + page.view.suggested_box.tare_g)
    assert not sent.args[0].delivered
    assert status(db, world["P-1"]) is OrderStatus.PACKED  # packed; the label waits
    assert "print queue" in page.panel.banner.text()
    assert "not printing" in page.panel.label_printer.text()
    from app.services.print_queue import JobStatus, list_jobs

    with db.reading() as s:
        (job,) = list_jobs(s)
        assert job.status is JobStatus.FAILED and job.reference == "P-1"


def test_the_last_parcel_left_on_the_scale_is_not_taken_for_the_next_order(
        qtbot, db, world, tmp_path, printer, scale, scale_worker, beeps) -> None:
    second = allocated_order(db, "P-2", {"MUG": 2, "CUP": 1})  # the same weight as P-1
    page = open_page(qtbot, pack_ctx(db, tmp_path, printer), scale_worker)
    scan(qtbot, page, "P-1")
    scan(qtbot, page, "2*MUG")
    scan(qtbot, page, "CUP")
    grams = 900 + page.view.suggested_box.tare_g
    with qtbot.waitSignal(page.delivered, timeout=WAIT_MS):
        scale.place(grams)
    scan(qtbot, page, "P-2")  # P-1's parcel still sits on the scale
    scan(qtbot, page, "2*MUG")
    scan(qtbot, page, "CUP")
    qtbot.wait(200)  # several stable readings of P-1's parcel arrive
    assert status(db, second) is OrderStatus.ALLOCATED and page.check is None
    assert "on the scale" in page.panel.instruction.text()
    scale.remove()  # the packer takes it off...
    qtbot.waitUntil(lambda: (scale_worker.last_reading.weight_g or 0) <= 5, timeout=WAIT_MS)
    with qtbot.waitSignal(page.delivered, timeout=WAIT_MS):
        scale.place(grams)  # ...and puts P-2's own parcel on
    assert status(db, second) is OrderStatus.PACKED


def test_a_sku_picture_is_shown_and_a_clerk_only_looks(qtbot, db, world, tmp_path,
                                                       printer) -> None:
    from PySide6.QtGui import QColor, QImage

    from app.db.models import PackSession
    from app.settings import data_dir

    folder = data_dir() / "sku-pictures" / "ACME"
    folder.mkdir(parents=True, exist_ok=True)
    image = QImage(200, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("#1570ef"))
    assert image.save(str(folder / "MUG.png"))
    page = open_page(qtbot, pack_ctx(db, tmp_path, printer, role=Role.CLERK, name="clerk"),
                     None)
    scan(qtbot, page, "P-1")
    mug, cup = (page.panel.lines.cards[line.line_id] for line in page.view.lines)
    assert not mug.picture.pixmap().isNull() and mug.picture.pixmap().width() <= 76
    assert cup.picture.pixmap().isNull() and "picture" in cup.picture.text()
    assert "looking only" in page.panel.banner.text()
    scan(qtbot, page, "MUG")  # not counted: a clerk may not pack; it is taken as a scan
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(PackSession)) == 0
    assert items_in_parcels(db) == 0
