"""The Inbound and Receiving screens, driven offscreen with inline tasks on a real database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtWidgets import QMessageBox

from app.db.engine import Database
from app.domain.states import BinType, Role
from app.services import organisation as org
from app.services import skus as sku_svc
from app.services.inbound import CartonDraft, InboundDraft, create_inbound, get_inbound
from app.services.receiving import list_unknown
from app.ui.models.inbound import LinesModel, ShipmentsModel
from app.ui.pages.inbound import InboundPage
from app.ui.pages.receiving import ReceivingPage
from app.ui.widgets.sounds import Sound
from tests.world import ACTOR, build_world


@pytest.fixture
def world(db: Database) -> Database:
    build_world(db)
    with db.writing() as s:
        org.create_bins(s, "LA1", [org.BinDraft("QUA-01", BinType.QUARANTINE)], actor=ACTOR)
        sku_svc.create_sku(s, "ACME", sku_svc.SkuDraft("PILL", "Vitamins", lot_tracked=True),
                           actor=ACTOR)
        sku_svc.create_sku(s, "BETA", sku_svc.SkuDraft("HAT", "Hat"), actor=ACTOR)
        create_inbound(s, client_code="ACME", warehouse_code="LA1", actor=ACTOR, draft=InboundDraft(
            "ASN-1", (CartonDraft("C1", (("MUG", 10), ("CUP", 5), ("PILL", 2))),
                      CartonDraft("C2", (("MUG", 4),)))))
    return db


def _cells(model, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_receiving_by_scanner(qtbot, world: Database, make_page_ctx) -> None:  # type: ignore[no-untyped-def]
    page = ReceivingPage(make_page_ctx(role=Role.PICKER))
    qtbot.addWidget(page)
    page.sounds.muted = False
    page.sounds._play = lambda _path: None  # record, play nothing
    page.scan_text("MUG")  # no carton yet
    assert page.banner.property("level") == "error" and page.sounds.played[-1] is Sound.ERROR
    page.scan_text("ASN-1/C9")
    assert page.banner.property("level") == "error" and "C9" in page.banner.text()
    page.scan_text("ASN-1/C1")
    assert page.carton == ("ASN-1", "ACME", "C1")
    assert _cells(page.lines, LinesModel.SKU) == ["MUG", "CUP", "PILL"]
    page.scan_text("012345678905")  # MUG by its UPC: one unit
    page.scan_text("3*MUG")
    page.scan_text("5")  # a count for the next scan
    assert page.count.value() == 5
    page.scan_text("CUP")
    assert page.count.value() == 1
    page.damaged_button.setChecked(True)
    page.scan_text("CUP")  # one damaged: 6 of 5, over
    assert page.banner.property("level") == "warning" and "Over by 1" in page.banner.text()
    assert not page.damaged_button.isChecked()
    page.scan_text("HAT")  # another client's SKU: refused, nothing counted
    assert "belongs to client BETA" in page.banner.text()
    page.scan_text("2*NOPE-99")  # unknown: quarantine, loudly
    assert page.banner.property("level") == "error" and "quarantine bin QUA-01" in \
        page.banner.text() and page.sounds.played[-1] is Sound.ERROR
    page.lots[("ASN-1", "PILL")] = ("L-1", date(2027, 1, 31))
    page.scan_text("2*PILL")
    assert page.banner.property("level") == "ok"
    assert _cells(page.lines, LinesModel.RECEIVED) == ["4", "5", "2", "2"]
    assert _cells(page.lines, LinesModel.DAMAGED) == ["0", "1", "0", "0"]
    assert _cells(page.lines, LinesModel.DIFFERENCE) == ["-6", "+1", "0", "+2"]
    assert "Unknown code" in page.lines.index(3, LinesModel.NAME).data()
    page.close_carton()
    page.shipment.setCurrentIndex(page.shipment.findData("ASN-1\tACME"))
    page.scan_text("C2")  # the carton's number, the shipment chosen above
    assert page.carton == ("ASN-1", "ACME", "C2")
    with world.reading() as s:
        detail = get_inbound(s, "ASN-1")
        assert detail.summary.status == "receiving"
        assert [u.code for u in list_unknown(s)] == ["NOPE-99"]


def test_inbound_office(qtbot, world: Database, make_page_ctx, tmp_path: Path,  # type: ignore[no-untyped-def]
                        monkeypatch) -> None:
    ctx = make_page_ctx()
    page = InboundPage(ctx)
    ctx.tasks.data_changed.connect(page.on_changes)  # what the main window does
    qtbot.addWidget(page)
    assert _cells(page.shipments, ShipmentsModel.REFERENCE) == ["ASN-1"]
    assert page.arrive_button.isEnabled() and not page.close_button.isEnabled()
    assert _cells(page.lines, LinesModel.EXPECTED) == ["10", "5", "2", "4"]

    # announce one by hand: a refusal stays in the dialog, nothing typed is lost
    dialog = page.open_new()
    dialog.reference.setText("PO-9")
    dialog.grid.item(0, 0).setText("1")
    dialog.grid.item(0, 1).setText("HAT")
    dialog.grid.item(0, 2).setText("3")
    dialog._check()
    assert dialog.isVisible() and "belongs to client BETA" in dialog.error.text()
    dialog.grid.item(0, 1).setText("CUP")
    dialog._check()
    assert not dialog.isVisible()
    assert _cells(page.shipments, ShipmentsModel.REFERENCE) == ["PO-9", "ASN-1"]

    # import a file with a bad row: listed by line, then the good shipments only
    path = tmp_path / "asn.csv"
    path.write_text("入库单号,箱号,SKU,数量\nF-1,1,MUG,2\nF-2,1,NOPE,1\n", encoding="utf-8")
    importer = page.open_import()
    importer.set_file(path)
    importer.preview()
    assert importer.problems.rowCount() == 1
    assert importer.problems.index(0, 0).data() == "3"
    assert "has no SKU NOPE" in importer.problems.index(0, 3).data()
    assert not importer.import_all_button.isEnabled()
    importer.run_import(valid_only=True)
    assert "F-1" in _cells(page.shipments, ShipmentsModel.REFERENCE)

    # ASN-1: arrive, counted on the dock, closed with its report; labels saved
    row = _cells(page.shipments, ShipmentsModel.REFERENCE).index("ASN-1")
    page.shipment_table.selectRow(row)
    page.arrive()
    assert page.selected().status == "arrived" and page.close_button.isEnabled()
    from app.services.receiving import receive_units
    with world.writing() as s:
        receive_units(s, "ASN-1", carton="C1", code="MUG", quantity=9, actor=ACTOR)
        receive_units(s, "ASN-1", carton="C2", code="ODD", quantity=1, actor=ACTOR)
    page.reload()
    assert page.tabs.tabText(1) == "Unknown codes (1)"
    page.unknown_table.selectRow(0)
    page.map_unknown(page.selected_unknown().id, "CUP")
    assert page.unknown.rowCount() == 0
    opened: list[str] = []
    monkeypatch.setattr("app.ui.pages.inbound.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()))
    report = tmp_path / "ASN-1-report.pdf"
    page.close_shipment(str(report), open_after=True)
    assert opened == [str(report)]
    text = pdfium.PdfDocument(report.read_bytes())[0].get_textpage().get_text_range()
    assert "收货差异报告" in text and "Receiving report" in text
    page.status_filter.setCurrentIndex(page.status_filter.findData(""))
    row = _cells(page.shipments, ShipmentsModel.REFERENCE).index("ASN-1")
    page.shipment_table.selectRow(row)
    assert page.selected().status == "closed" and not page.close_button.isEnabled()
    labels = tmp_path / "labels.pdf"
    page.save_labels(str(labels))
    assert len(pdfium.PdfDocument(labels.read_bytes())) == 2


def test_closing_asks_first(qtbot, world: Database, make_page_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ctx = make_page_ctx()
    page = InboundPage(ctx)
    ctx.tasks.data_changed.connect(page.on_changes)
    qtbot.addWidget(page)
    page.arrive()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    page.ask_close()
    assert page.selected().status == "arrived"
    with world.reading() as s:
        assert get_inbound(s, "ASN-1").summary.status == "arrived"


def test_carton_labels_print_on_the_label_printer_or_save_as_pdf(  # type: ignore[no-untyped-def]
        qtbot, world: Database, make_page_ctx, tmp_path: Path, monkeypatch) -> None:
    from dataclasses import replace

    from PySide6.QtCore import Qt

    from app.bootstrap import AppContext
    from app.services.print_queue import list_jobs
    from app.settings import StationSettings
    from printers.profiles import Language, PrinterProfile
    from tests.fakes.printers import FakeTcpPrinter, parse_tspl
    from tests.printers.helpers import decode

    bare = InboundPage(make_page_ctx(role=Role.PICKER))
    qtbot.addWidget(bare)
    bare.show()
    qtbot.mouseClick(bare.labels_button, Qt.MouseButton.LeftButton)
    assert bare.messages.property("level") == "error"
    assert "No printer is set up for labels" in bare.messages.text()

    with FakeTcpPrinter() as printer:
        profile = PrinterProfile("Dock label", printer.uri, Language.TSPL, dpi=203)
        ctx = make_page_ctx(role=Role.PICKER)
        ctx = replace(ctx, app=AppContext(StationSettings(station_name="DOCK-1", printers={
            "profiles": {profile.name: profile.to_dict()}, "label": profile.name}), world))
        page = InboundPage(ctx)
        qtbot.addWidget(page)
        page.show()
        selected = page.selected()
        assert selected is not None and selected.reference == "ASN-1"
        assert page.labels_button.isEnabled()
        qtbot.mouseClick(page.labels_button, Qt.MouseButton.LeftButton)
        (job,) = printer.wait_for_jobs(1)
        assert page.messages.text() == "2 carton labels of ASN-1 sent to Dock label."
    assert [decode(image) for image in parse_tspl(job).images] == [["ASN-1/C1"], ["ASN-1/C2"]]
    with world.reading() as s:
        assert [(j.kind, j.reference, j.station, j.status) for j in list_jobs(s)] == [
            ("carton_labels", "ASN-1", "DOCK-1", "sent")]

    # the printer is gone: the job waits in the queue and the screen says so
    qtbot.mouseClick(page.labels_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "waits in the print queue" in page.messages.text(),
                    timeout=15_000)
    assert page.messages.property("level") == "error"

    # the second choice: a PDF
    target = tmp_path / "cartons.pdf"
    monkeypatch.setattr("app.ui.pages.inbound.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    monkeypatch.setattr("app.ui.pages.inbound.QDesktopServices.openUrl", lambda url: True)
    page.save_labels_action.trigger()
    assert len(pdfium.PdfDocument(target.read_bytes())) == 2
