"""Benchmark: importing orders from CSV against a raw ``sqlite3.executemany`` of the same rows.

    python -m tests.benchmarks.import_orders [--orders 100000] [--repeat 1]

Both sides start from a fresh SQLite file with the real schema (same tables,
indexes and constraints, WAL, synchronous=NORMAL) and the same client and
SKUs. The baseline reads the CSV with the ``csv`` module and inserts orders,
lines and the first status-history row with ``executemany``: the least work
that lands the same rows. Ours is ``import_orders`` in one transaction, with
encoding/delimiter sniffing, header mapping, per-row validation, the SKU and
duplicate checks and the bulk insert. Target (performance.md G7, issue 2):
ratio <= 2.5.
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import func, select

from app.db.models import Order, OrderLine, OrderStatusChange
from app.db.schema import open_database
from app.domain.permissions import Actor
from app.services import organisation as org
from app.services import skus as sku_svc
from app.services.order_import import import_orders

HEADER = ["order_number", "order_date", "sku", "quantity", "unit_price", "currency",
          "buyer_name", "address1", "address2", "city", "state", "zip", "phone", "email",
          "service_level"]
STATES = [("CA", "Los Angeles", "900"), ("TX", "Houston", "770"), ("NY", "Brooklyn", "112"),
          ("FL", "Miami", "331"), ("NJ", "Edison", "088"), ("WA", "Seattle", "981")]
SKUS = [f"SKU-{i:03d}" for i in range(50)]

BENCH = Actor.system("bench")


def write_csv(path: Path, orders: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        for i in range(orders):
            state, city, zip3 = rnd.choice(STATES)
            when = start + timedelta(minutes=rnd.randrange(500_000))
            out.writerow([
                f"SO-{i:07d}", when.strftime("%Y-%m-%d %H:%M"), rnd.choice(SKUS),
                rnd.randint(1, 5), f"{rnd.randint(100, 9999) / 100:.2f}", "USD",
                f"Buyer {i}", f"{rnd.randint(1, 9999)} Main St", "", city, state,
                f"{zip3}{rnd.randint(0, 99):02d}", "555-0100", f"b{i}@example.com", "standard",
            ])


def fresh_database(path: Path) -> str:
    url = f"sqlite:///{path}"
    db = open_database(url)
    with db.writing() as s:
        org.create_client(s, "ACME", "Acme", actor=BENCH)
        for code in SKUS:
            sku_svc.create_sku(s, "ACME", sku_svc.SkuDraft(code, code), actor=BENCH)
    db.dispose()
    return url


class Timing(NamedTuple):
    wall: float
    cpu: float


def run_ours(csv_path: Path, db_path: Path) -> Timing:
    db = open_database(fresh_database(db_path))
    try:
        begin, begin_cpu = time.perf_counter(), time.process_time()
        with db.writing() as s:
            report = import_orders(s, "ACME", csv_path, actor=BENCH)
        elapsed = Timing(time.perf_counter() - begin, time.process_time() - begin_cpu)
        assert not report.problems, report.problems[:3]
        with db.reading() as s:
            counts = [s.scalar(select(func.count()).select_from(m))
                      for m in (Order, OrderLine, OrderStatusChange)]
        assert len(set(counts)) == 1, counts
        return elapsed
    finally:
        db.dispose()


def run_raw(csv_path: Path, db_path: Path) -> Timing:
    fresh_database(db_path)
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    client_id = conn.execute("SELECT id FROM clients").fetchone()[0]
    sku_ids = dict(conn.execute("SELECT code, id FROM skus"))
    begin, begin_cpu = time.perf_counter(), time.process_time()
    now = datetime.now(UTC).isoformat(sep=" ")
    conn.execute("BEGIN IMMEDIATE")
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    conn.executemany(
        "INSERT INTO orders (client_id, number, status, source, order_date, service_level,"
        " buyer_name, address1, address2, city, state, zip, country, phone, email,"
        " created_at, updated_at) VALUES (?,?,'new','file',?,?,?,?,?,?,?,?,'US',?,?,?,?)",
        [(client_id, r[0], r[1], r[14], r[6], r[7], r[8] or None, r[9], r[10], r[11], r[12],
          r[13], now, now) for r in rows],
    )
    ids = dict(conn.execute("SELECT number, id FROM orders WHERE client_id = ?", (client_id,)))
    conn.executemany(
        "INSERT INTO order_lines (order_id, line_no, sku_id, quantity, unit_price, currency)"
        " VALUES (?,1,?,?,?,?)",
        [(ids[r[0]], sku_ids[r[2]], int(r[3]), r[4], r[5]) for r in rows],
    )
    conn.executemany(
        "INSERT INTO order_status_history (order_id, at, from_status, to_status, actor)"
        " VALUES (?,?,NULL,'new','bench')",
        [(ids[r[0]], now) for r in rows],
    )
    conn.execute("COMMIT")
    elapsed = Timing(time.perf_counter() - begin, time.process_time() - begin_cpu)
    conn.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs per side")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="haicang-bench-") as tmp:
        folder = Path(tmp)
        csv_path = folder / "orders.csv"
        write_csv(csv_path, args.orders)
        raw = min((run_raw(csv_path, folder / f"raw{i}.sqlite3") for i in range(args.repeat)),
                  key=lambda t: t.wall)
        ours = min((run_ours(csv_path, folder / f"ours{i}.sqlite3") for i in range(args.repeat)),
                   key=lambda t: t.wall)
    print(f"orders:                  {args.orders:,} (one line each)")
    print("                           wall s    cpu s")
    print(f"raw sqlite3.executemany: {raw.wall:8.2f} {raw.cpu:8.2f}")
    print(f"haicang import_orders:   {ours.wall:8.2f} {ours.cpu:8.2f}")
    print(f"ratio:                   {ours.wall / raw.wall:8.2f} {ours.cpu / raw.cpu:8.2f}"
          "   (target <= 2.5; cpu is the fairer figure on a busy machine)")


if __name__ == "__main__":
    main()
