"""Benchmark: how long the GUI thread waits while 10,000 orders sync in the background.

    python -m tests.benchmarks.sync_gui [--orders 10000]

The app's real parts: the sync scheduler's thread (which fetches, and its writer thread,
which commits each page and allocates), the status-bar widget and the Channels screen
following the progress, a real task runner for the screen's reads, SQLite. A 5 ms timer
on the GUI thread records how late each tick comes; the figures are the worst and the
99th-percentile lateness during the sync, against the same timer on an idle loop. A
stall above about 100 ms is what a user notices as a frozen window (issue 6: "the window
stays responsive during a 10,000-order sync"). The fake Shopify runs in its own process,
answering at once (the busiest case for our process). ``--no-settle`` leaves out
``app.ui.heap.settle_heap`` (which the app runs after sign-in) to show what it is for.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from app.bootstrap import AppContext
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services.sync import SyncReport
from app.services.users import create_user
from app.settings import StationSettings
from app.ui.devices.sync_scheduler import SyncScheduler
from app.ui.heap import settle_heap
from app.ui.pages.base import PageContext
from app.ui.pages.channels import ChannelsPage
from app.ui.tasks import TaskRunner
from app.ui.widgets.sync_status import SyncStatusWidget
from tests.benchmarks.sync import SEEDED_AT, START, bench_store, fake_shopify_process
from tests.fakes.platforms import VirtualClock

TICK_MS = 5

BENCH = Actor.system("bench")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.sync_gui")
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--no-settle", action="store_true",
                        help="skip settle_heap(), which the app runs after sign-in")
    args = parser.parse_args(argv)
    with fake_shopify_process(args.orders) as (url, _), \
            tempfile.TemporaryDirectory() as folder:
        idle, busy, report, seconds = _measure(url, Path(folder), not args.no_settle)
    print(f"orders synced             {report.counts.new} new in {report.pages} pages, "
          f"{seconds:.1f} s (error: {report.error})")
    print(f"GUI timer, idle           worst {max(idle):6.1f} ms late, "
          f"p99 {_p99(idle):5.1f} ms  ({len(idle)} ticks)")
    print(f"GUI timer, during sync    worst {max(busy):6.1f} ms late, "
          f"p99 {_p99(busy):5.1f} ms  ({len(busy)} ticks)")
    print("a stall over ~100 ms reads as a frozen window")


def _measure(url: str, folder: Path, settle: bool
             ) -> tuple[list[float], list[float], SyncReport, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([])
    clock = VirtualClock(START)
    clock.advance(SEEDED_AT)
    db, env, channel = bench_store(url, clock, folder)
    with db.writing() as s:
        user = create_user(s, "bench", "bench-pass-1", Role.ADMIN, actor=BENCH)
    tasks = TaskRunner(db)
    scheduler = SyncScheduler(env, tick_seconds=3600)
    ctx = PageContext(AppContext(StationSettings(), db), tasks, user,
                      QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat), scheduler)
    page = ChannelsPage(ctx, scheduler)
    status = SyncStatusWidget(scheduler)
    page.resize(1366, 700)
    page.show()
    status.show()
    if settle:  # as the app does once a session's screens are up
        settle_heap()
    idle = _lateness(app, 2.0, lambda: True)
    finished: list[SyncReport] = []
    scheduler.sync_finished.connect(finished.append)
    scheduler.start()
    began = time.perf_counter()
    scheduler.sync_now(channel)
    busy = _lateness(app, 600.0, lambda: not finished)
    seconds = time.perf_counter() - began
    scheduler.stop()
    tasks.shutdown()
    db.dispose()
    return idle, busy, finished[0], seconds


def _lateness(app: QApplication, limit_s: float, keep_going: object) -> list[float]:
    """Run the event loop with a TICK_MS timer; how late each tick came, in ms."""
    late: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]
    timer = QTimer()
    timer.setInterval(TICK_MS)

    def tick() -> None:
        now = clock.elapsed()
        late.append(max(0.0, float(now - last[0] - TICK_MS)))
        last[0] = now
        if clock.elapsed() > limit_s * 1000 or not keep_going():  # type: ignore[operator]
            timer.stop()
            app.quit()

    timer.timeout.connect(tick)
    timer.start()
    app.exec()
    return late


def _p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] if len(values) > 1 else values[0]


if __name__ == "__main__":
    main()
