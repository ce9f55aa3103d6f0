"""Benchmark: the Orders screen on 1,000,000 orders against 1,000, and search against bare SQL.

    python -m tests.benchmarks.orders_screen [--orders 1000000] [--small 1000] [--repeat 5]

(a) First paint: from ``OrdersPage(ctx)`` to the first rows fetched on the real
    threaded reader pool and painted (offscreen, 1366x768), big database against
    small. Target (issue 3): ratio <= 1.5.
(b) Search for an order number on the big database through the model's page fetch
    (``fetch_order_page``, which takes ``find_orders_by_number`` for a scanned number)
    against the bare ``SELECT ... FROM orders WHERE number = ?``; both warm, over the
    same 20 numbers, median of --repeat rounds. Target: ratio <= 2. The same search
    at the small size shows it does not grow with the table.
(c) ``data()`` calls per full paint of the table (no SQL happens in them either way).

The databases are built once with executemany bulk inserts (real schema from
``open_database``; client, warehouse and SKUs through the services) and cached
under /tmp, keyed by size; delete the files to rebuild.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.db.engine import Database
from app.db.schema import open_database
from app.domain.permissions import Actor
from app.domain.states import BinType, OrderStatus, Region, Role
from app.services import organisation as org
from app.services import skus as sku_svc
from app.services.users import create_user

CACHE_DIR = Path("/tmp")
ACTOR = Actor.system("bench")
CHUNK = 50_000
SKU_COUNT = 40
FIRST = ["Jane", "John", "Wei", "Li", "Maria", "James", "Priya", "Chen", "Emily", "Omar"]
LAST = ["Doe", "Smith", "Wang", "Zhang", "Garcia", "Johnson", "Patel", "Liu", "Brown", "Ali"]
PLACES = [("CA", "Los Angeles", "90001"), ("TX", "Houston", "77001"), ("NY", "Brooklyn", "11201"),
          ("FL", "Miami", "33101"), ("NJ", "Edison", "08817"), ("WA", "Seattle", "98101")]
#: Roughly an established warehouse: most orders long shipped, a working set still open.
STATUS_WEIGHTS = [(OrderStatus.DELIVERED, 70), (OrderStatus.SHIPPED, 10),
                  (OrderStatus.IN_TRANSIT, 5), (OrderStatus.CANCELLED, 4),
                  (OrderStatus.NEW, 4), (OrderStatus.ALLOCATED, 3),
                  (OrderStatus.BACKORDERED, 2), (OrderStatus.ON_HOLD, 1),
                  (OrderStatus.PICKING, 1)]


# --- building the databases --------------------------------------------------------------


def db_path(orders: int) -> Path:
    return CACHE_DIR / f"haicang-bench-orders-{orders}.sqlite3"


def _stamp(moment: datetime) -> str:
    """How SQLAlchemy's SQLite DateTime stores a UTC time (naive ISO text, microseconds)."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def order_number(i: int) -> str:
    return f"BN-{i:08d}"


def build_database(orders: int) -> Path:
    """A database of ``orders`` orders with 1-2 lines each; reused when it already exists."""
    path = db_path(orders)
    if path.exists():
        return path
    tmp = path.with_suffix(".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    db = open_database(f"sqlite:///{tmp}")
    try:
        with db.writing() as s:
            org.create_client(s, "BENCH", "Bench Trading", actor=ACTOR)
            wh = org.create_warehouse(s, org.WarehouseDraft(
                "LA1", "Los Angeles", Region.WEST, "America/Los_Angeles",
                "4100 E Mission Blvd", "Ontario", "CA", "91761"), actor=ACTOR)
            org.create_bins(s, "LA1", [org.BinDraft("A-01-01-01", BinType.PICK, 1, 1)],
                            actor=ACTOR)
            skus = [sku_svc.create_sku(s, "BENCH", sku_svc.SkuDraft(
                f"SKU-{i:03d}", f"Product {i}", barcodes=(f"{800000000000 + i:012d}",),
                weight_g=300), actor=ACTOR) for i in range(SKU_COUNT)]
            create_user(s, "bench", "bench-password", Role.CLERK, actor=ACTOR)
        client_id = _scalar(db, "SELECT id FROM clients WHERE code = 'BENCH'")
        _bulk_orders(db, orders, int(client_id), int(wh.id), [int(k.id) for k in skus])
        with db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    finally:
        db.dispose()
    tmp.rename(path)
    print(f"built {path} ({orders:,} orders) in {time.perf_counter() - started:.1f} s")
    return path


def _scalar(db: Database, sql: str) -> Any:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(sql).scalar()


def _bulk_orders(db: Database, orders: int, client_id: int, wh_id: int,
                 sku_ids: list[int]) -> None:
    rnd = random.Random(20261128)
    statuses = [s for s, w in STATUS_WEIGHTS for _ in range(w)]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    step = timedelta(days=1000) / max(orders, 1)
    order_sql = (
        "INSERT INTO orders (id, client_id, warehouse_id, number, status, source, order_date,"
        " ship_by, service_level, buyer_name, address1, city, state, zip, country,"
        " tracking_number, carrier, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, 'file', ?, ?, 'standard', ?, ?, ?, ?, ?, 'US', ?, ?, ?, ?)")
    line_sql = ("INSERT INTO order_lines (order_id, line_no, sku_id, quantity, unit_price,"
                " currency) VALUES (?, ?, ?, ?, '9.99', 'USD')")
    history_sql = ("INSERT INTO order_status_history (order_id, at, from_status, to_status,"
                   " actor) VALUES (?, ?, NULL, ?, 'bench')")
    for first in range(1, orders + 1, CHUNK):
        order_rows, line_rows, history_rows = [], [], []
        for i in range(first, min(first + CHUNK, orders + 1)):
            status = rnd.choice(statuses)
            when = start + step * i
            stamp = _stamp(when)
            state, city, zip_code = rnd.choice(PLACES)
            shipped = status in (OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT,
                                 OrderStatus.DELIVERED)
            allocated = shipped or status in (OrderStatus.ALLOCATED, OrderStatus.PICKING)
            order_rows.append((
                i, client_id, wh_id if allocated else None, order_number(i), status.value,
                stamp, _stamp(when + timedelta(days=2)),
                f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", f"{i % 9000 + 1} Main St", city,
                state, zip_code, f"1Z{i:016d}" if shipped else None,
                "UPS" if shipped else None, stamp, stamp,
            ))
            for line_no in range(1, 2 + (i % 2)):
                line_rows.append((i, line_no, rnd.choice(sku_ids), 1 + i % 3))
            history_rows.append((i, stamp, status.value))
        with db.engine.begin() as conn:
            conn.exec_driver_sql(order_sql, order_rows)
            conn.exec_driver_sql(line_sql, line_rows)
            conn.exec_driver_sql(history_sql, history_rows)


# --- measuring -----------------------------------------------------------------------------


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


def _timed(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return _median(samples)


class PaintProbe:
    """Counts OrderTableModel.data() calls (patched on the class before any page exists)."""

    calls = 0

    @classmethod
    def install(cls) -> None:
        from app.ui.models.orders import OrderTableModel

        original = OrderTableModel.data

        def counting(self: OrderTableModel, index: Any, role: int = 0) -> Any:
            cls.calls += 1
            return original(self, index, role)

        OrderTableModel.data = counting  # type: ignore[method-assign]


def _wait(done: Callable[[], object], signal: Any) -> None:
    """Run the event loop until ``done()``, woken by ``signal``.

    One ``exec()`` rather than a ``processEvents()`` polling loop: PySide6 6.12 on
    CPython 3.11 drops a reference to None on many calls, and thousands of polls
    crash the interpreter (see the report of issue 3).
    """
    from PySide6.QtCore import QEventLoop

    while not done():
        loop = QEventLoop()
        signal.connect(loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)


def first_paint(path: Path, repeat: int) -> tuple[float, int, int]:
    """Median seconds from page construction to first rows painted; data() calls per paint."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.bootstrap import AppContext
    from app.services.users import list_users
    from app.settings import StationSettings
    from app.ui.pages.base import PageContext
    from app.ui.pages.orders import OrdersPage
    from app.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    db = open_database(f"sqlite:///{path}")
    runner = TaskRunner(db)
    with db.reading() as s:
        user = next(u for u in list_users(s) if u.username == "bench")
    settings = QSettings(str(path.with_suffix(".ui.ini")), QSettings.Format.IniFormat)
    ctx = PageContext(AppContext(StationSettings(station_name="BENCH"), db), runner, user,
                      settings)
    samples: list[float] = []
    calls = rows = 0
    try:
        for attempt in range(repeat + 1):  # the first run warms imports and caches
            t0 = time.perf_counter()
            page = OrdersPage(ctx)
            page.resize(1366, 768)
            page.show()
            _wait(page.model.rowCount, page.model.rows_loaded)
            page.repaint()
            elapsed = time.perf_counter() - t0
            if attempt:
                samples.append(elapsed)
            PaintProbe.calls = 0
            page.table.viewport().repaint()
            calls, rows = PaintProbe.calls, page.model.rowCount()
            _wait(lambda: not runner.busy, runner.busy_changed)  # counts finish first
            page.close()
            page.deleteLater()
            app.processEvents()
    finally:
        runner.shutdown()
        db.dispose()
    return _median(samples), calls, rows


def search_times(path: Path, orders: int, repeat: int) -> dict[str, float]:
    """Seconds per search, medians over ``repeat`` different order numbers."""
    from sqlalchemy import text

    from app.services.orders import OrderQuery
    from app.ui.models.orders import PAGE_SIZE, fetch_order_page

    db = open_database(f"sqlite:///{path}")
    rnd = random.Random(7)
    numbers = [order_number(rnd.randint(1, orders)) for _ in range(max(repeat, 20))]
    bare_sql = text("SELECT id, number, status, order_date, buyer_name, city, state,"
                    " tracking_number FROM orders WHERE number = :n")
    result: dict[str, float] = {}
    try:
        with db.reading() as s:
            # Both sides warm (statement caches, the page cache) and over the same numbers.
            s.execute(bare_sql, {"n": numbers[0]}).all()
            fetch_order_page(s, OrderQuery(search=numbers[0]), None, PAGE_SIZE)

            def bare() -> None:
                for n in numbers:
                    assert len(s.execute(bare_sql, {"n": n}).all()) == 1

            def service() -> None:
                for n in numbers:
                    page = fetch_order_page(s, OrderQuery(search=n), None, PAGE_SIZE)
                    assert [r.number for r in page.rows] == [n]

            result["bare"] = _median([_timed(bare, 1) for _ in range(repeat)]) / len(numbers)
            result["service"] = (
                _median([_timed(service, 1) for _ in range(repeat)]) / len(numbers))
    finally:
        db.dispose()
    return result


def _rows(items: Iterator[tuple[str, str]]) -> None:
    for name, value in items:
        print(f"  {name:<44} {value}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    big, small = build_database(args.orders), build_database(args.small)
    PaintProbe.install()
    paint_small, calls_small, rows_small = first_paint(small, args.repeat)
    paint_big, calls_big, rows_big = first_paint(big, args.repeat)
    search = search_times(big, args.orders, args.repeat)
    search_small = search_times(small, args.small, args.repeat)

    print(f"Orders screen (median of {args.repeat}; SQLite; offscreen 1366x768)")
    _rows(iter([
        (f"first paint, {args.small:,} orders", f"{paint_small * 1000:8.1f} ms"),
        (f"first paint, {args.orders:,} orders", f"{paint_big * 1000:8.1f} ms"),
        ("  ratio (target <= 1.5)", f"{paint_big / paint_small:8.2f}"),
        (f"data() calls per table paint ({args.small:,})",
         f"{calls_small:8d}  ({rows_small} rows loaded)"),
        (f"data() calls per table paint ({args.orders:,})",
         f"{calls_big:8d}  ({rows_big} rows loaded)"),
        ("search order number, bare SQL", f"{search['bare'] * 1000:8.2f} ms"),
        ("search order number, service/model page", f"{search['service'] * 1000:8.2f} ms"),
        ("  ratio (target <= 2)", f"{search['service'] / search['bare']:8.1f}"),
        (f"search order number at {args.small:,} orders, service",
         f"{search_small['service'] * 1000:8.2f} ms"),
        (f"  ratio {args.orders:,} / {args.small:,} (index, not scan: ~1)",
         f"{search['service'] / search_small['service']:8.2f}"),
    ]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
