"""Pick lists from the Waves screen reach a (fake) network printer, on the real threads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.db.engine import Database
from app.services import waves
from app.services.wave_plan import WaveFilters
from app.ui.pages.waves import WavesPage
from app.ui.tasks import TaskRunner
from printers.profiles import Language, PrinterProfile
from tests.fakes.printers import FakeTcpPrinter, parse_zpl
from tests.printers.helpers import decode
from tests.printing.test_ui_printing import _ctx
from tests.services.picking_world import CLERK, picking_world


@pytest.fixture
def tasks(qapp, db: Database) -> Iterator[TaskRunner]:
    runner = TaskRunner(db)
    yield runner
    runner.shutdown()


def test_ctrl_p_prints_every_cart_pick_list_of_the_wave(qtbot, db: Database, tasks: TaskRunner,
                                                         tmp_path: Path) -> None:
    picking_world(db, {"P-1": {"MUG": 1}, "P-2": {"CUP": 1}},
                  {("MUG", "A-01-01-02"): 5, ("CUP", "B-01-02-01"): 4})
    with db.writing() as s:
        waves.release_wave(s, "LA1", WaveFilters(), cart_orders=1, actor=CLERK)
    with FakeTcpPrinter() as printer:
        profile = PrinterProfile("Label", printer.uri, Language.ZPL, dpi=203)
        page = WavesPage(_ctx(db, tasks, tmp_path, profile))
        qtbot.addWidget(page)
        page.show()
        page.activateWindow()
        qtbot.waitActive(page)
        qtbot.waitUntil(lambda: page.carts_model.rowCount() == 2, timeout=10_000)
        codes = [page.carts_model.row(r).code for r in range(2)]

        qtbot.keyClick(page.carts_table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: len(printer.jobs) == 2, timeout=10_000)
        jobs = printer.wait_for_jobs(2)
        found = {text for job in jobs for image in parse_zpl(job) for text in decode(image)}
        assert set(codes) <= found  # each list carries its cart's barcode
        qtbot.waitUntil(lambda: "2 documents sent" in page.messages.text(), timeout=10_000)
