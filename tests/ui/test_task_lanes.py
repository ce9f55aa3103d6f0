"""Task-runner lanes: serial device work, results on the GUI thread, a shutdown that drains.

Real threads and real sockets: a lane job blocked on a printer that never reads must still
let ``shutdown()`` end every thread, and pages torn down with print jobs in flight must never
crash the process (they used to: print lanes were daemon threads emitting into a dead bridge).
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from app.db.engine import Database
from app.ui.devices.printing import PrintWorker
from app.ui.pages.orders import OrdersPage
from app.ui.tasks import Cancelled, TaskRunner
from printers import jobs
from printers.errors import PrinterTimeout
from printers.profiles import Language, PrinterProfile, PrintOptions
from printers.transports import TcpTransport
from tests.fakes.printers import FakeTcpPrinter
from tests.printing.conftest import build_printing_world
from tests.printing.test_ui_printing import _ctx
from tests.ui.inline_tasks import InlineTaskRunner


@pytest.fixture
def runner(qapp, db: Database) -> Iterator[TaskRunner]:
    tasks = TaskRunner(db)
    yield tasks
    tasks.shutdown(lane_timeout=5)


def _lane_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("haicang-")]


def test_a_lane_runs_its_jobs_in_order_on_one_thread_and_delivers_on_the_gui_thread(
        qtbot, runner: TaskRunner) -> None:
    ran: list[tuple[int, str]] = []
    delivered: list[tuple[int, bool]] = []

    def job(n: int) -> int:
        time.sleep(0.02 * (5 - n))  # early jobs are slower: order must still hold
        ran.append((n, threading.current_thread().name))
        return n

    for n in range(5):
        runner.lane("printer-a").submit(
            lambda n=n: job(n),
            on_done=lambda r: delivered.append((r, threading.current_thread()
                                                is threading.main_thread())))
    qtbot.waitUntil(lambda: len(delivered) == 5, timeout=10_000)
    assert [n for n, _ in ran] == [0, 1, 2, 3, 4]
    assert {name for _, name in ran} == {"haicang-lane printer-a"}
    assert delivered == [(n, True) for n in range(5)]
    assert not runner.busy  # device lanes do not light "Working…"


def test_a_hung_lane_does_not_hold_another_lane(qtbot, runner: TaskRunner) -> None:
    gate = threading.Event()
    done: list[str] = []
    runner.lane("slow").submit(lambda: gate.wait(10), on_done=lambda _r: done.append("slow"))
    runner.lane("fast").submit(lambda: "fast", on_done=done.append)
    qtbot.waitUntil(lambda: done == ["fast"], timeout=5_000)
    gate.set()
    qtbot.waitUntil(lambda: done == ["fast", "slow"], timeout=5_000)


def test_results_for_a_deleted_owner_are_dropped(qtbot, runner: TaskRunner) -> None:
    owner, survivor = QObject(), QObject()
    gate = threading.Event()
    got: list[str] = []
    lane = runner.lane("p")
    lane.submit(lambda: gate.wait(5) and "for the dead", on_done=got.append,
                on_error=lambda e: got.append(repr(e)), owner=owner)
    lane.submit(lambda: "for the living", on_done=got.append, owner=survivor)
    shiboken6.delete(owner)
    gate.set()
    qtbot.waitUntil(lambda: bool(got), timeout=5_000)
    QApplication.processEvents()
    assert got == ["for the living"]


def test_errors_reach_on_error_on_the_gui_thread(qtbot, runner: TaskRunner) -> None:
    errors: list[tuple[BaseException, bool]] = []
    runner.lane("p").submit(lambda: 1 / 0, on_error=lambda e: errors.append(
        (e, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert isinstance(errors[0][0], ZeroDivisionError) and errors[0][1]


def test_shutdown_waits_for_a_job_blocked_on_a_silent_printer_and_leaves_no_thread(
        qapp, db: Database) -> None:
    before = set(threading.enumerate())
    runner = TaskRunner(db)
    runner.read(lambda s: 1)  # the reader pool and the writer exist too
    runner.write(lambda s: 2)
    sending = threading.Event()
    outcomes: list[object] = []
    behind: list[object] = []
    with FakeTcpPrinter("stall") as stalled:
        profile = PrinterProfile("pack", stalled.uri, Language.ZPL,
                                 options=PrintOptions(timeout_s=1.0))

        def send() -> None:
            transport = TcpTransport("127.0.0.1", stalled.port, timeout=1.0,
                                     send_buffer_bytes=4096, drain_timeout=0.1)
            sending.set()
            jobs.send(b"\x00" * 8_000_000, profile, transport=transport)

        lane = runner.lane(stalled.uri)
        lane.submit(send, on_done=outcomes.append, on_error=outcomes.append)
        lane.submit(lambda: "never", on_done=behind.append, on_error=behind.append)
        assert sending.wait(5)
        started = time.monotonic()
        runner.shutdown(lane_timeout=10)
        waited = time.monotonic() - started
        alive = [t for t in set(threading.enumerate()) - before
                 if t is not stalled._thread]
    assert alive == []
    assert waited < 8  # the transport timeout ended the job, not the shutdown timeout
    QApplication.processEvents()
    assert len(outcomes) == 1 and isinstance(outcomes[0], PrinterTimeout)
    assert behind == [] or isinstance(behind[0], Cancelled)  # the queued job never ran
    with pytest.raises(RuntimeError):
        runner.lane("another")


def test_a_lane_that_overruns_the_shutdown_timeout_never_delivers_afterwards(
        qapp, db: Database) -> None:
    runner = TaskRunner(db)
    gate = threading.Event()
    got: list[object] = []
    runner.lane("stuck").submit(lambda: gate.wait(10), on_done=got.append,
                                on_error=got.append)
    time.sleep(0.05)
    runner.shutdown(lane_timeout=0.2)
    gate.set()
    deadline = time.monotonic() + 5
    while any(t.name == "haicang-lane stuck" for t in threading.enumerate()):
        assert time.monotonic() < deadline
        time.sleep(0.02)
    QApplication.processEvents()
    assert got == []


def test_the_inline_runner_runs_lane_jobs_at_once(qapp, db: Database) -> None:
    runner = InlineTaskRunner(db)
    got: list[object] = []
    runner.lane("p").submit(lambda: threading.current_thread().name, on_done=got.append)
    assert got == [threading.current_thread().name]
    assert _lane_threads() == []


def test_pages_torn_down_with_print_jobs_in_flight_never_crash(
        qtbot, db: Database, tmp_path: Path) -> None:
    """Thirty times: a page sends labels, then page and runner go while the lane still works."""
    build_printing_world(db)
    before = set(threading.enumerate())
    with FakeTcpPrinter() as printer:
        profile = PrinterProfile("Label", printer.uri, Language.ZPL, dpi=203)
        ctx = _ctx(db, InlineTaskRunner(db), tmp_path, profile)
        for round_ in range(30):
            runner = TaskRunner(db)
            page = OrdersPage(replace(ctx, tasks=runner))
            page.show()
            qtbot.waitUntil(lambda page=page: page.model.rowCount() >= 2, timeout=10_000)
            page.select_orders(["SO-2001"])
            qtbot.mouseClick(page.action_bar.label_button, Qt.MouseButton.LeftButton)
            worker = PrintWorker.for_tasks(runner)
            assert worker.busy
            if round_ % 3 == 0:  # sometimes let a result reach the event loop first
                qtbot.waitUntil(lambda worker=worker: not worker.busy, timeout=10_000)
            page.close()
            if round_ % 2:
                shiboken6.delete(page)  # gone at once, as when its parent window goes
            else:
                page.deleteLater()  # as the window does when a session ends
            runner.shutdown(lane_timeout=10)
            QApplication.processEvents()
            del runner, page, worker
            gc.collect()
        alive = [t for t in set(threading.enumerate()) - before if t is not printer._thread]
    assert alive == []
    assert len(printer.jobs) >= 10  # the jobs really went out while pages came and went
