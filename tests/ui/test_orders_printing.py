"""Printing from the Orders screen: the label reaches a (fake) printer, failures wait."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.ui.pages.orders import OrdersPage
from app.ui.tasks import TaskRunner
from printers.profiles import Language, PrinterProfile
from tests.fakes.printers import FakeTcpPrinter, parse_zpl
from tests.printers.helpers import decode
from tests.printing.conftest import build_printing_world
from tests.printing.test_ui_printing import REFUSED, _ctx


@pytest.fixture
def tasks(qapp, db) -> Iterator[TaskRunner]:
    """The real threads: printing runs on its own worker, results come back as signals."""
    runner = TaskRunner(db)
    yield runner
    runner.shutdown()


def _page(qtbot, db, tasks, tmp_path: Path, uri: str) -> OrdersPage:
    build_printing_world(db)
    profile = PrinterProfile("Label", uri, Language.ZPL, dpi=203)
    page = OrdersPage(_ctx(db, tasks, tmp_path, profile))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() >= 2, timeout=10_000)
    page.select_orders(["SO-2001"])
    return page


def test_print_label_for_the_selected_order(qtbot, db, tasks, tmp_path: Path) -> None:
    with FakeTcpPrinter() as printer:
        page = _page(qtbot, db, tasks, tmp_path, printer.uri)
        assert page.action_bar.label_button.isEnabled()
        qtbot.mouseClick(page.action_bar.label_button, Qt.MouseButton.LeftButton)
        jobs = printer.wait_for_jobs(1)
        assert [decode(image) for image in parse_zpl(jobs[0])] == [["SO-2001"]]
        qtbot.waitUntil(lambda: "sent to the printer" in page.messages.text(), timeout=10_000)


def test_a_refused_printer_leaves_the_job_in_the_queue(qtbot, db, tasks, tmp_path: Path) -> None:
    page = _page(qtbot, db, tasks, tmp_path, REFUSED)
    qtbot.mouseClick(page.action_bar.slip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "print queue" in page.messages.text(), timeout=15_000)
    from app.services.print_queue import list_jobs

    with db.reading() as s:
        jobs = list_jobs(s)
    assert [(j.kind, j.status) for j in jobs] == [("packing_slip", "failed")]


def test_a_backordered_order_is_refused_before_anything_is_queued(qtbot, db, tasks,
                                                                  tmp_path: Path) -> None:
    from app.services.allocation import allocate_order
    from app.services.print_queue import list_jobs
    from app.services.run import run_write
    from tests.world import ACTOR, place_order

    build_printing_world(db)
    run_write(db, allocate_order, place_order(db, "SO-3001", {"MUG": 500}), actor=ACTOR)
    with FakeTcpPrinter() as printer:
        profile = PrinterProfile("Label", printer.uri, Language.ZPL, dpi=203)
        page = OrdersPage(_ctx(db, tasks, tmp_path, profile))
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.model.rowCount() >= 3, timeout=10_000)
        page.select_orders(["SO-3001"])
        qtbot.mouseClick(page.action_bar.label_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "backordered" in page.messages.text(), timeout=10_000)
        assert page.messages.text() == (
            "Order SO-3001 is backordered: allocate it before printing its label.")
    with db.reading() as s:
        assert list_jobs(s) == []
