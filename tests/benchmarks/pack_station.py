"""Benchmark: the Pack station on its real threads (issue 17).

    python -m tests.benchmarks.pack_station [--orders 30] [--lines 3]

A SQLite file database with the test world, its box catalogue and ``--orders``
allocated orders of ``--lines`` SKUs (1-3 units each); one :class:`PackPage` on a real
:class:`TaskRunner` (reader pool, writer thread, printer lane), offscreen at 1366x768,
and a loopback TCP label printer (ZPL, 203 dpi). The scale's stable reading is handed
to the page as the scale worker delivers it (the simulated scale's settling time is the
scale's, not the software's, so it is left out).

(a) scan -> screen updated: from the scan's Enter (``scan_text``) to the screen showing
    its result (order on the bench, or a unit counted), every scan of every order;
    p50/p95. Target: p95 <= 50 ms.
(b) stable weight -> label bytes at the printer: from the stable reading reaching the
    page to the whole label received by the loopback printer (weight check, pack,
    label laid out and queued, sent); p50/p95. Target: p95 <= 0.3 s.
(c) software time per normal order: first scan to label received, with no waiting
    for a person or the scale; mean and max. Target: <= 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.bootstrap import AppContext
from app.db.schema import open_database
from app.domain.permissions import Actor
from app.domain.states import Role
from app.hardware.scales.reading import make_reading
from app.services import skus as sku_svc
from app.services.printer_settings import PrinterSettings
from app.services.printer_settings import Role as PrinterRole
from app.services.users import create_user
from app.settings import StationSettings
from app.ui.pages.base import PageContext
from app.ui.pages.pack import PackPage
from app.ui.tasks import TaskRunner
from printers.profiles import Language, PrinterProfile
from tests.fakes.printers import FakeTcpPrinter
from tests.services.packing_world import allocated_order, build_pack_world
from tests.world import ACTOR

TIMEOUT_S = 20.0


def _wait(app: QApplication, done: Callable[[], bool]) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the pack screen did not answer in time")
        app.processEvents()
        time.sleep(0.0005)


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _ms(values: list[float]) -> str:
    return (f"p50 {_p(values, 0.5) * 1000:6.1f} ms   p95 {_p(values, 0.95) * 1000:6.1f} ms   "
            f"max {max(values) * 1000:6.1f} ms   (n={len(values)})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=30)
    parser.add_argument("--lines", type=int, default=3)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    folder = Path(tempfile.mkdtemp(prefix="haicang-pack-bench-"))
    db = open_database(f"sqlite:///{folder / 'bench.db'}")
    build_pack_world(db)
    with db.writing() as s:
        for i in range(args.lines):
            sku_svc.create_sku(s, "ACME", sku_svc.SkuDraft(
                f"SKU-{i}", f"Item {i}", f"商品 {i}", (f"0{i:05d}12345{i % 10}",),
                weight_g=120 + 40 * i, length_mm=90, width_mm=70, height_mm=40), actor=ACTOR)
    numbers = []
    for n in range(args.orders):
        lines = {f"SKU-{i}": 1 + (n + i) % 3 for i in range(args.lines)}
        allocated_order(db, f"B-{n:04d}", lines)
        numbers.append((f"B-{n:04d}", lines))
    with db.writing() as s:
        user = create_user(s, "packer", "a long secret", Role.PACKER, actor=Actor.system("b"))
    printer = FakeTcpPrinter()
    label = PrinterProfile("label", printer.uri, Language.ZPL, 203)
    settings = StationSettings(station_name="PACK-B", auto_print=True, printers=PrinterSettings(
        {"label": label}, {PrinterRole.LABEL: "label"}).to_station())
    tasks = TaskRunner(db)
    ctx = PageContext(AppContext(settings, db), tasks, user,
                      QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))
    page = PackPage(ctx)
    page.sounds.muted = True
    page.resize(1366, 768)
    page.show()
    shown = [0]
    page.view_shown.connect(lambda: shown.__setitem__(0, shown[0] + 1))
    scans: list[float] = []
    weights: list[float] = []
    orders: list[float] = []
    try:
        for number, lines in numbers:
            started = time.perf_counter()
            for text in [number, *(f"{q}*{sku}" if q > 1 else sku for sku, q in lines.items())]:
                before = shown[0]
                t0 = time.perf_counter()
                page.scan_text(text)
                _wait(app, lambda before=before: shown[0] > before and not page.busy)
                scans.append(time.perf_counter() - t0)
            view = page.view
            assert view is not None and view.all_scanned, page.panel.banner.text()
            assert view.suggested_box is not None
            grams = sum(line.weight_g * line.quantity for line in view.lines) + (
                view.suggested_box.tare_g)
            reading = make_reading(protocol="simulated", raw_frame=b"ST", unit="g",
                                   value=Decimal(grams), motion=False)
            page._on_reading(make_reading(protocol="simulated", raw_frame=b"ST", unit="g",
                                          value=Decimal(0), motion=False))  # last one off
            jobs = len(printer.jobs)
            t0 = time.perf_counter()
            page._on_reading(reading)  # what the scale worker's signal calls
            _wait(app, lambda jobs=jobs: len(printer.jobs) > jobs)
            weights.append(time.perf_counter() - t0)
            orders.append(time.perf_counter() - started)
            _wait(app, lambda: not page.busy)
    finally:
        page.close()
        tasks.shutdown()
        printer.close()
        db.dispose()
    print(f"{args.orders} orders of {args.lines} lines, SQLite file, real threads, ZPL over TCP")
    print(f"(a) scan -> screen updated:          {_ms(scans)}   target p95 <= 50 ms"
          f"   ratio {_p(scans, 0.95) / 0.050:.2f}")
    print(f"(b) stable weight -> label received: {_ms(weights)}   target p95 <= 300 ms"
          f"   ratio {_p(weights, 0.95) / 0.300:.2f}")
    print(f"(c) software time per order:         mean {statistics.mean(orders) * 1000:6.1f} ms"
          f"   max {max(orders) * 1000:6.1f} ms   target <= 1000 ms"
          f"   ratio {statistics.mean(orders) / 1.0:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
