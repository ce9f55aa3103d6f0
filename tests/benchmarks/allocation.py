"""Benchmark: allocating 10,000 orders, one transaction each, as `haicang allocate` does.

    python -m tests.benchmarks.allocation [--orders 10000]

Baseline: raw sqlite3 doing the least work that lands the same rows for each
order in its own BEGIN IMMEDIATE transaction — read the candidate bins, one
guarded UPDATE per line, one reservation INSERT per line, the status UPDATE
and the history INSERT. The ratio shows what planning in Python, the ORM
and the safety checks (owner, guard re-checks) cost on top of that floor.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from app.db.schema import open_database
from app.domain.order_value import IncomingOrder, OrderLine, ShipTo
from app.domain.permissions import Actor
from app.domain.states import BinType, Region
from app.services import organisation as org
from app.services import skus as sku_svc
from app.services.allocation import allocatable_order_ids, allocate_order
from app.services.batch_allocation import ALLOCATION_BATCH, allocate_orders
from app.services.inventory import receive_stock
from app.services.lookup import client_by_code
from app.services.order_bulk import create_orders_bulk
from app.services.run import run_write

SKUS = 200

BENCH = Actor.system("bench")


def build(path: Path, orders: int) -> None:
    db = open_database(f"sqlite:///{path}")
    rng = random.Random(5)
    with db.writing() as s:
        org.create_client(s, "BENCH", "Bench", actor=BENCH)
        org.create_warehouse(s, org.WarehouseDraft(
            "LA1", "LA", Region.WEST, "America/Los_Angeles", "1 Main", "Ontario", "CA",
            "91761"), actor=BENCH)
        org.create_bins(s, "LA1", [org.BinDraft(f"A-{i:03d}", BinType.PICK, 1, i)
                                   for i in range(100)] +
                        [org.BinDraft(f"B-{i:03d}", BinType.STORAGE, 2, i) for i in range(100)],
                        actor=BENCH)
        for i in range(SKUS):
            sku_svc.create_sku(s, "BENCH", sku_svc.SkuDraft(f"S{i:03d}", f"Item {i}"), actor=BENCH)
        for i in range(SKUS):
            for b in (f"A-{i % 100:03d}", f"B-{(i * 7) % 100:03d}"):
                receive_stock(s, client_code="BENCH", sku_code=f"S{i:03d}",
                              warehouse_code="LA1", bin_code=b, quantity=orders, actor=BENCH)
        client_id = client_by_code(s, "BENCH").id
        drafts = [IncomingOrder(
            number=f"B{n:06d}", order_date=datetime(2026, 11, 1, tzinfo=UTC),
            ship_to=ShipTo(name="Bench Buyer", address1="1 Elm", city="Fresno", state="CA",
                           zip="93721"),
            lines=tuple(OrderLine(f"S{k:03d}", rng.randint(1, 3))
                        for k in sorted(rng.sample(range(SKUS), rng.choice([1, 1, 1, 2, 3])))),
        ) for n in range(orders)]
        create_orders_bulk(s, client_id, drafts, actor=BENCH)
    db.dispose()


def ours(path: Path) -> float:
    db = open_database(f"sqlite:///{path}")
    with db.reading() as s:
        ids = allocatable_order_ids(s)
    started = time.process_time()
    for oid in ids:
        run_write(db, allocate_order, oid, actor=BENCH)
    elapsed = time.process_time() - started
    db.dispose()
    return elapsed


def ours_batched(path: Path) -> float:
    """The same orders through allocate_orders, ALLOCATION_BATCH per transaction."""
    db = open_database(f"sqlite:///{path}")
    with db.reading() as s:
        ids = allocatable_order_ids(s)
    started = time.process_time()
    for i in range(0, len(ids), ALLOCATION_BATCH):
        run_write(db, allocate_orders, ids[i:i + ALLOCATION_BATCH], actor=BENCH)
    elapsed = time.process_time() - started
    db.dispose()
    return elapsed


def baseline(path: Path) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    ids = [r[0] for r in conn.execute("SELECT id FROM orders WHERE status='new' ORDER BY id")]
    now = datetime.now(UTC).isoformat()
    started = time.process_time()
    for oid in ids:
        conn.execute("BEGIN IMMEDIATE")
        lines = conn.execute("SELECT id, sku_id, quantity FROM order_lines WHERE order_id=?",
                             (oid,)).fetchall()
        for line_id, sku_id, qty in lines:
            bin_id = conn.execute(
                "SELECT b.bin_id FROM stock_balances b JOIN bins ON bins.id=b.bin_id "
                "WHERE b.sku_id=? AND b.on_hand-b.reserved>=? AND bins.bin_type='pick' "
                "ORDER BY b.received_at LIMIT 1", (sku_id, qty)).fetchone()[0]
            cur = conn.execute(
                "UPDATE stock_balances SET reserved=reserved+? WHERE bin_id=? AND sku_id=? "
                "AND on_hand-reserved>=?", (qty, bin_id, sku_id, qty))
            assert cur.rowcount == 1
            conn.execute("INSERT INTO reservations (order_id, order_line_id, bin_id, sku_id, "
                         "quantity, created_at) VALUES (?,?,?,?,?,?)",
                         (oid, line_id, bin_id, sku_id, qty, now))
        conn.execute("UPDATE orders SET status='allocated', updated_at=? WHERE id=? AND "
                     "status='new'", (now, oid))
        conn.execute("INSERT INTO order_status_history (order_id, at, from_status, to_status,"
                     " actor) VALUES (?,?,?,?,?)", (oid, now, "new", "allocated", "bench"))
        conn.execute("COMMIT")
    elapsed = time.process_time() - started
    conn.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        a, b, c = (Path(tmp) / f"{n}.sqlite3" for n in ("ours", "raw", "batched"))
        build(a, args.orders)
        for copy in (b, c):
            copy.write_bytes(a.read_bytes())
        t_ours = ours(a)
        t_raw = baseline(b)
        t_batch = ours_batched(c)
    n = args.orders
    print(f"allocate {n:,} orders, one transaction each (SQLite, WAL)")
    print(f"  haicang allocate_order : {t_ours:7.2f} s  ({n / t_ours:,.0f} orders/s, "
          f"{1000 * t_ours / n:.2f} ms/order)")
    print(f"  allocate_orders batches: {t_batch:7.2f} s  ({n / t_batch:,.0f} orders/s, "
          f"{ALLOCATION_BATCH} per transaction)")
    print(f"  raw sqlite3 floor      : {t_raw:7.2f} s  ({n / t_raw:,.0f} orders/s)")
    print(f"  ratio one-by-one / raw : {t_ours / t_raw:7.2f}x")
    print(f"  ratio batched / raw    : {t_batch / t_raw:7.2f}x")


if __name__ == "__main__":
    main()
