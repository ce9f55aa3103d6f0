"""Benchmark: the dashboard's refresh over 1,000,000 orders.

    python -m tests.benchmarks.dashboard [--orders 1000000] [--db URL]

Fixtures are bulk-inserted (SQLAlchemy Core executemany) into a new SQLite file, or into
the empty database ``--db`` names (PostgreSQL): a year of orders in every status, one line
each, with ship-by dates (some late), 10% of them picked (pick tasks), packed (parcels)
and shipped (status history), part of it today. Then, best of three runs:
:func:`app.services.dashboard.load_dashboard` against the bare SQL of the same
aggregates (status counts with today's and late ones, placed today, picked/packed/shipped
per hour and user today, low stock's balances and 30 days of pick moves, open
exceptions). Target: ratio at most 2x.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from app.db.engine import Database
from app.db.models import Order, OrderLine, OrderStatusChange, Parcel, PickCart, PickTask, Wave
from app.db.schema import open_database
from app.domain.permissions import Actor
from app.domain.states import NOT_SHIPPED_STATES, BinType, OrderStatus, Region
from app.services import organisation as org
from app.services import skus as sku_svc
from app.services.dashboard import Dashboard, load_dashboard

BENCH = Actor.system("bench")
SKUS = 200
CHUNK = 50_000
USERS = ("ann", "bob", "cai", "dan", "eve")
STATUSES = [s.value for s in OrderStatus]


def build(db: Database, orders: int) -> None:
    rng = random.Random(20)
    with db.writing() as s:
        org.create_client(s, "BENCH", "Bench", actor=BENCH)
        org.create_warehouse(s, org.WarehouseDraft(
            "LA1", "LA1", Region.WEST, "America/Los_Angeles", "1 Main", "Ontario", "CA",
            "91761"), actor=BENCH)
        org.create_bins(s, "LA1", [org.BinDraft("A-001", BinType.PICK, 1, 1)], actor=BENCH)
        for i in range(SKUS):
            sku_svc.create_sku(s, "BENCH", sku_svc.SkuDraft(f"S{i:04d}", f"Item {i}"),
                               actor=BENCH)
        wave = Wave(number="W1", warehouse_id=1, status="done", created_by="bench")
        s.add(wave)
        s.flush()
        s.add(PickCart(wave_id=wave.id, seq=1, code="W1-1", status="done"))
    now = datetime.now(UTC)
    midnight = datetime.combine(now.astimezone().date(), clock(),
                                now.astimezone().tzinfo).astimezone(UTC)
    today_span = max(int((now - midnight).total_seconds()), 1)
    rows: dict[Any, list[dict[str, object]]] = {
        Order: [], OrderLine: [], PickTask: [], Parcel: [], OrderStatusChange: []}

    def flush(force: bool = False) -> None:
        if force or len(rows[Order]) >= CHUNK:
            with db.engine.begin() as conn:
                for table, batch in rows.items():
                    if batch:
                        conn.execute(insert(table.__table__), batch)
                    batch.clear()

    for n in range(1, orders + 1):
        recent = rng.random() < 0.02
        when = (midnight + timedelta(seconds=rng.randrange(today_span)) if recent
                else now - timedelta(days=1 + rng.randrange(365), seconds=rng.randrange(86400)))
        status = rng.choice(STATUSES)
        rows[Order].append({
            "id": n, "client_id": 1, "warehouse_id": 1, "number": f"B{n:07d}",
            "status": status, "source": "manual", "order_date": when,
            "ship_by": when + timedelta(days=rng.choice((-1, 1, 2))), "buyer_name": "Buyer",
            "address1": "1 Elm", "city": "Fresno", "state": "CA", "zip": "93721",
            "created_at": when, "updated_at": when})
        rows[OrderLine].append({"id": n, "order_id": n, "line_no": 1,
                                "sku_id": 1 + n % SKUS, "quantity": 1 + n % 3})
        if n % 10 == 0:
            user = USERS[(n // 10) % len(USERS)]
            rows[PickTask].append({
                "cart_id": 1, "order_id": n, "order_line_id": n, "sku_id": 1 + n % SKUS,
                "bin_id": 1, "seq": n, "quantity": 1, "picked": 1, "status": "picked",
                "picked_by": user, "picked_at": when})
            rows[Parcel].append({"order_id": n, "seq": 1, "status": "shipped",
                                 "packed_by": user, "packed_at": when, "shipped_at": when})
            rows[OrderStatusChange].append({"order_id": n, "at": when, "from_status": "packed",
                                            "to_status": "shipped", "actor": user})
        flush()
    flush(force=True)
    with db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def bare(db: Database, now: datetime, since: datetime) -> Callable[[], object]:
    """The same aggregates as plain SQL text, results left as rows."""
    if db.engine.dialect.name == "sqlite":
        def t(dt: datetime) -> object:
            return dt.replace(tzinfo=None).isoformat(sep=" ")
        hour = "CAST(STRFTIME('%H', {}) AS INTEGER)"
    else:
        def t(dt: datetime) -> object:
            return dt
        hour = "EXTRACT(hour FROM {})"
    not_shipped = ", ".join(f"'{s.value}'" for s in NOT_SHIPPED_STATES)
    p = {"since": t(since), "now": t(now), "month": t(now - timedelta(days=30))}
    queries = [
        "SELECT status, COUNT(*), SUM(CASE WHEN updated_at >= :since THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN order_date >= :since THEN 1 ELSE 0 END), "
        f"SUM(CASE WHEN status IN ({not_shipped}) AND ship_by < :now THEN 1 ELSE 0 END) "
        "FROM orders GROUP BY status",
        f"SELECT {hour.format('picked_at')}, picked_by, COUNT(*) FROM pick_tasks "
        f"WHERE picked_at >= :since GROUP BY 1, 2",
        f"SELECT {hour.format('packed_at')}, packed_by, COUNT(*) FROM parcels "
        f"WHERE packed_at >= :since GROUP BY 1, 2",
        f"SELECT {hour.format('at')}, actor, COUNT(*) FROM order_status_history "
        f"WHERE at >= :since AND to_status = 'shipped' GROUP BY 1, 2",
        "SELECT sku_id, SUM(on_hand - reserved) FROM stock_balances GROUP BY sku_id",
        "SELECT sku_id, SUM(quantity) FROM stock_moves WHERE at >= :month GROUP BY sku_id",
        "SELECT kind, COUNT(*) FROM shipping_exceptions WHERE resolved_at IS NULL "
        "GROUP BY kind",
    ]

    def run() -> object:
        with db.reading() as s:
            return [s.execute(text(q), p).all() for q in queries]
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--db", metavar="URL", help="an empty database (default: SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(args.db or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        started = time.perf_counter()
        build(db, args.orders)
        print(f"fixtures: {args.orders:,} orders ({db.engine.dialect.name}) in "
              f"{time.perf_counter() - started:.1f} s")
        now = datetime.now(UTC)
        local = now.astimezone()
        since = datetime.combine(local.date(), clock(), local.tzinfo).astimezone(UTC)

        def refresh() -> Dashboard:
            with db.reading() as s:
                return load_dashboard(s, now=now)
        t_dash = best_of(3, refresh)
        t_bare = best_of(3, bare(db, now, since))
        d = refresh()
        db.dispose()
    print(f"dashboard refresh: {t_dash * 1000:8.1f} ms   bare SQL: {t_bare * 1000:8.1f} ms   "
          f"ratio {t_dash / t_bare:5.2f}x   (late {d.late:,}, placed today "
          f"{d.placed_today:,}, {len(d.users)} users)")
    print("target: ratio <= 2x")



if __name__ == "__main__":
    main()
