"""Benchmark: `haicang check` on a database with 1,000,000 stock moves.

    python -m tests.benchmarks.check [--moves 1000000]

The database holds 500 SKUs in 2,000 bins with a ledger of receipts and
transfers whose balances agree with it. Ours is the real command (schema
inspection + ledger reconciliation through SQLAlchemy) run in-process;
the baseline is raw sqlite3 running the same three aggregate queries and
comparing in Python — the least work that answers "does the ledger agree?".
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import sqlite3
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from app.cli import main as haicang
from app.db.schema import open_database
from app.domain.permissions import Actor
from app.domain.states import BinType, Region
from app.services import organisation as org
from app.services import skus as sku_svc

SKUS, BINS = 500, 2000

BENCH = Actor.system("bench")


def build(path: Path, moves: int) -> None:
    db = open_database(f"sqlite:///{path}")
    with db.writing() as s:
        org.create_client(s, "BENCH", "Bench", actor=BENCH)
        org.create_warehouse(s, org.WarehouseDraft(
            "LA1", "LA", Region.WEST, "America/Los_Angeles", "1 Main", "Ontario", "CA",
            "91761"), actor=BENCH)
        org.create_bins(s, "LA1", [org.BinDraft(f"B-{i:04d}", BinType.STORAGE, i // 50, i)
                                   for i in range(BINS)], actor=BENCH)
        for i in range(SKUS):
            sku_svc.create_sku(s, "BENCH", sku_svc.SkuDraft(f"S{i:03d}", f"Item {i}"), actor=BENCH)
    db.dispose()
    rng = random.Random(11)
    on_hand: dict[tuple[int, int], int] = defaultdict(int)
    rows = []
    for n in range(moves):
        sku = rng.randrange(SKUS) + 1
        if n < moves // 2 or rng.random() < 0.5:
            to_bin = rng.randrange(BINS) + 1
            qty = rng.randint(1, 20)
            rows.append((sku, None, to_bin, qty, "receipt"))
            on_hand[(to_bin, sku)] += qty
        else:
            stocked = [k for k in ((rng.randrange(BINS) + 1, sku) for _ in range(3))
                       if on_hand[k] > 0]
            if not stocked:
                continue
            src = stocked[0]
            qty = rng.randint(1, on_hand[src])
            dst = rng.randrange(BINS) + 1
            rows.append((sku, src[0], dst, qty, "transfer"))
            on_hand[src] -= qty
            on_hand[(dst, sku)] += qty
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "INSERT INTO stock_moves (at, sku_id, from_bin_id, to_bin_id, quantity, kind, actor)"
            " VALUES ('2026-11-01 00:00:00', ?, ?, ?, ?, ?, 'bench')", rows)
        conn.executemany(
            "INSERT INTO stock_balances (bin_id, sku_id, on_hand, reserved) VALUES (?, ?, ?, 0)",
            [(b, s, q) for (b, s), q in on_hand.items()])
    conn.close()


def ours(path: Path) -> tuple[float, str]:
    out = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out):
        code = haicang(["check", "--db", f"sqlite:///{path}"])
    elapsed = time.perf_counter() - started
    assert code == 0, out.getvalue()
    return elapsed, out.getvalue().splitlines()[-1]


def baseline(path: Path) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(path)
    ledger: dict[tuple[int, int], int] = defaultdict(int)
    for b, s, q in conn.execute("SELECT to_bin_id, sku_id, SUM(quantity) FROM stock_moves "
                                "WHERE to_bin_id IS NOT NULL GROUP BY to_bin_id, sku_id"):
        ledger[(b, s)] += q
    for b, s, q in conn.execute("SELECT from_bin_id, sku_id, SUM(quantity) FROM stock_moves "
                                "WHERE from_bin_id IS NOT NULL GROUP BY from_bin_id, sku_id"):
        ledger[(b, s)] -= q
    balances = {(b, s): q for b, s, q in conn.execute(
        "SELECT bin_id, sku_id, on_hand FROM stock_balances")}
    bad = [k for k in balances.keys() | ledger.keys()
           if balances.get(k, 0) != ledger.get(k, 0)]
    conn.close()
    assert not bad
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=1_000_000)
    args = parser.parse_args()
    cached = Path(tempfile.gettempdir()) / f"haicang-bench-check-{args.moves}.sqlite3"
    if not cached.exists():
        build(cached, args.moves)
    ours(cached)  # warm the file cache
    t_ours, summary = ours(cached)
    t_raw = baseline(cached)
    print(f"haicang check at {args.moves:,} stock moves (SQLite)")
    print(f"  {summary.strip()}")
    print(f"  haicang check     : {t_ours:6.2f} s")
    print(f"  raw sqlite3 floor : {t_raw:6.2f} s")
    print(f"  ratio             : {t_ours / t_raw:6.2f}x")


if __name__ == "__main__":
    main()
