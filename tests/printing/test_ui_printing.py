"""Printing screens: the settings section tests a fake printer; the page retries jobs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.bootstrap import AppContext
from app.db.engine import Database
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services.print_documents import test_page_document
from app.services.print_queue import JobStatus, list_jobs, print_document
from app.services.printer_settings import PrinterSettings
from app.services.printer_settings import Role as PrinterRole
from app.services.users import create_user
from app.settings import StationSettings
from app.ui.devices.printing import PrintWorker
from app.ui.pages.base import PageContext
from app.ui.pages.printing import PrintingPage
from app.ui.settings_printers import PrintersSection
from app.ui.tasks import TaskRunner
from printers.profiles import Language, PrinterProfile
from tests.fakes.printers import FakeTcpPrinter, parse_tspl, parse_zpl
from tests.printers.helpers import decode
from tests.printing.test_labels_import import seller_pdf
from tests.ui.inline_tasks import InlineTaskRunner

T = Actor.system("t")

REFUSED = "tcp://127.0.0.1:9"


@pytest.fixture
def tasks(qapp, db: Database):
    runner = TaskRunner(db)
    yield runner
    runner.shutdown()


def _ctx(db: Database, tasks: TaskRunner, tmp_path: Path, *profiles: PrinterProfile
         ) -> PageContext:
    with db.writing() as s:
        user = create_user(s, "clerk1", "a long secret", Role.CLERK, actor=T)
    printers = PrinterSettings({p.name: p for p in profiles},
                               {PrinterRole.LABEL: profiles[0].name} if profiles else {})
    settings = StationSettings(station_name="PACK-1", printers=printers.to_station())
    ui = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    return PageContext(AppContext(settings, db), tasks, user, ui)


def test_settings_section_adds_and_tests_a_printer(qtbot: QtBot, db: Database,
                                                   tasks: TaskRunner) -> None:
    section = PrintersSection(AppContext(StationSettings(station_name="PACK-1"), db), tasks)
    qtbot.addWidget(section.widget())
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    with FakeTcpPrinter() as printer:
        section.uri.clear()
        qtbot.keyClicks(section.uri, printer.uri)
        section.name.selectAll()
        qtbot.keyClicks(section.name, "Rollo 1")
        section.language.setCurrentIndex(section.language.findData(Language.TSPL))
        qtbot.mouseClick(section.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "sent" in section.test_result.text(), timeout=15000)
        (job,) = printer.wait_for_jobs(1)
    assert decode(parse_tspl(job).images[0]) == ["HC-TEST-1"]
    saved = section.apply(StationSettings())
    profile = PrinterSettings.from_station(saved.printers).for_role(PrinterRole.LABEL)
    assert (profile.name, profile.uri, profile.language) == ("Rollo 1", printer.uri,
                                                              Language.TSPL)
    with db.reading() as s:
        assert [(j.kind.value, j.status) for j in list_jobs(s)] == [("test_page", JobStatus.SENT)]


def test_settings_section_reports_a_refused_test_and_refuses_bad_settings(
    qtbot: QtBot, db: Database, tasks: TaskRunner
) -> None:
    section = PrintersSection(AppContext(StationSettings(), db), tasks)
    qtbot.addWidget(section.widget())
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    section.uri.clear()
    qtbot.keyClicks(section.uri, REFUSED)
    qtbot.mouseClick(section.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "refused" in section.test_result.text(), timeout=15000)
    section.uri.clear()
    qtbot.keyClicks(section.uri, "nowhere")
    with pytest.raises(ValueError, match="not a printer address"):
        section.apply(StationSettings())
    qtbot.mouseClick(section.delete_button, Qt.MouseButton.LeftButton)
    assert section.apply(StationSettings()).printers == {"profiles": {}}


def test_page_shows_a_failed_job_and_retries_it_on_another_printer(
    qtbot: QtBot, qtmodeltester, db: Database, tasks: TaskRunner, tmp_path: Path
) -> None:
    refused = PrinterProfile("Dead", REFUSED, Language.ZPL)
    failed = print_document(db, test_page_document(refused), refused, actor=T, station="X")
    assert failed.job.status is JobStatus.FAILED
    with FakeTcpPrinter() as healthy:
        good = PrinterProfile("Good", healthy.uri, Language.ZPL)
        page = PrintingPage(_ctx(db, tasks, tmp_path, refused, good))
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.queue_model.rowCount() == 1)
        qtmodeltester.check(page.queue_model)
        status = page.queue_model.index(0, page.queue_model.STATUS).data()
        assert status == "Failed"
        assert "refused" in page.queue_model.index(0, page.queue_model.ERROR).data()
        page.queue_view.selectRow(0)
        assert page.retry_button.isEnabled()
        page.printer.setCurrentIndex(page.printer.findData("Good"))
        qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.queue_model.rowCount() == 1 and page.queue_model.job(0)
                        .status is JobStatus.SENT, timeout=15000)
        assert decode(parse_zpl(healthy.wait_for_jobs(1)[0])[0]) == ["HC-TEST-1"]
        assert not page.retry_button.isEnabled()  # a sent job is reprinted, not retried
        qtbot.mouseClick(page.reprint_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(healthy.jobs) == 2, timeout=15000)
        qtbot.waitUntil(lambda: page.queue_model.rowCount() == 2)
    assert healthy.jobs[0] == healthy.jobs[1]


def test_page_prints_bin_labels_and_imports_seller_labels(
    qtbot: QtBot, qtmodeltester, world: Database, tasks: TaskRunner, tmp_path: Path
) -> None:
    with FakeTcpPrinter() as printer:
        profile = PrinterProfile("Label", printer.uri, Language.ZPL)
        page = PrintingPage(_ctx(world, tasks, tmp_path, profile))
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.bin_warehouse.count() == 2)
        qtbot.waitUntil(page.empty_note.isVisible)  # nothing printed yet: the list says so
        page.bin_warehouse.setCurrentIndex(page.bin_warehouse.findData("NJ1"))
        qtbot.keyClicks(page.bin_from, "B-01-02-01")
        qtbot.keyClicks(page.bin_to, "B-01-02-02")
        qtbot.keyClick(page.bin_to, Qt.Key.Key_Return)
        (data,) = printer.wait_for_jobs(1)
        qtbot.waitUntil(lambda: "sent" in page.bin_result.text(), timeout=15000)
        qtbot.waitUntil(lambda: page.queue_model.rowCount() == 1 and not
                        page.empty_note.isVisible(), timeout=15000)
    assert [decode(image) for image in parse_zpl(data)] == [["B-01-02-01"], ["B-01-02-02"]]
    path = tmp_path / "labels.pdf"
    path.write_bytes(seller_pdf())
    page.seller_labels.import_file(path)
    qtbot.waitUntil(lambda: page.seller_labels.match_model.rowCount() == 4, timeout=30000)
    qtmodeltester.check(page.seller_labels.match_model)
    orders = [page.seller_labels.match_model.index(row, 1).data() for row in range(4)]
    assert orders == ["SO-2002", "No matching order", "No matching order", "No matching order"]
    assert "1 matched" in page.seller_labels.import_summary.text()


def test_one_worker_per_task_runner(qapp, db: Database) -> None:
    runner = InlineTaskRunner(db)
    assert PrintWorker.for_tasks(runner) is PrintWorker.for_tasks(runner)
