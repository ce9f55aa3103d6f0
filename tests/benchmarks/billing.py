"""Benchmark: a month's 3PL accrual and invoice over 1,000,000 moves and 100,000 orders.

    python -m tests.benchmarks.billing [--moves 1000000] [--orders 100000] [--lots 5000]

Fixtures are bulk-inserted (Core executemany) in November 2026: receipt moves, each
starting a FIFO layer (``--lots`` of them keep units, so storage is charged), pick moves
of 100,000 orders shipped across the month (1-3 units each), with their ``shipped``
status changes. Then, on SQLite, each on its own copy of the database:

* **ours, the month**: ``accrue(Nov 1, through=Nov 30)`` — ``haicang billing accrue
  --date 2026-11-01 --to 2026-11-30``, one run as a month-end billing or a catch-up
  does — then ``draft_invoice`` for the month;
* **ours, daily**: ``accrue(day)`` for each of the 30 days, one transaction each as the
  nightly ``haicang billing accrue --date D`` runs, then the draft;
* **bare aggregate of the ledger** (the target's yardstick): one statement per source
  summing the rows the issue names — the month's moves per client, kind and day, the
  orders shipped per client and day with their units, and the volume held in lots —
  writing nothing;
* **bare aggregate of the layers**: the same sums with receipts read from the FIFO layers
  (one per receipt move) instead of the ledger — a leaner yardstick, which our accrual's
  own reads approach; printed so the distance to it is on record too.

Prints the ratios (target: the month's accrual and invoice at most 2x the bare aggregate).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import cast

from sqlalchemy import Table, insert, text, update

from app.db.bulk import DriverStatement
from app.db.models import Order, OrderStatusChange, Sku, StockLot, StockMove
from app.db.schema import open_database
from app.domain.order_value import IncomingOrder, OrderLine, ShipTo
from app.domain.permissions import Actor
from app.domain.states import BinType, Region
from app.services import organisation as org
from app.services import skus as sku_svc
from app.services.billing_accrual import accrue
from app.services.invoices import draft_invoice
from app.services.lookup import client_by_code
from app.services.order_bulk import create_orders_bulk
from app.services.rate_cards import copy_rate_card
from app.services.run import run_write

BENCH = Actor.system("bench")
SKUS = 500
BINS = 200
CHUNK = 50_000
MONTH = [date(2026, 11, d) for d in range(1, 31)]
_MOVES = cast(Table, StockMove.__table__)
_MOVE_COLUMNS = ("id", "at", "sku_id", "from_bin_id", "to_bin_id", "quantity", "kind",
                 "order_id", "actor")


def _at(rng: random.Random, day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(
        seconds=rng.randrange(86400))


def build(path: Path, moves: int, orders: int, lots: int) -> None:
    db = open_database(f"sqlite:///{path}")
    rng = random.Random(20)
    with db.writing() as s:
        org.create_client(s, "BENCH", "Bench", actor=BENCH)
        org.create_warehouse(s, org.WarehouseDraft(
            "LA1", "LA", Region.WEST, "UTC", "1 Main", "Ontario", "CA", "91761"), actor=BENCH)
        org.create_bins(s, "LA1", [org.BinDraft(f"A-{i:03d}", BinType.PICK, 1, i)
                                   for i in range(BINS)], actor=BENCH)
        for i in range(SKUS):
            sku_svc.create_sku(s, "BENCH", sku_svc.SkuDraft(f"S{i:04d}", f"Item {i}",
                                                            weight_g=100 + i * 7), actor=BENCH)
        s.execute(update(Sku).values(length_mm=200, width_mm=150, height_mm=100))
        client_id = client_by_code(s, "BENCH").id
        numbers = create_orders_bulk(s, client_id, [IncomingOrder(
            number=f"B{n:06d}", order_date=datetime(2026, 10, 30, tzinfo=UTC),
            ship_to=ShipTo(name="Bench Buyer", address1="1 Elm", city="Fresno", state="CA",
                           zip="93721"),
            lines=(OrderLine(f"S{n % SKUS:04d}", 1 + n % 3),)) for n in range(orders)],
            actor=BENCH)
        s.execute(update(Order).values(status="shipped"))
        copy_rate_card(s, "BENCH", template="standard", actor=BENCH)
    order_ids = [int(x) for x in numbers.values()]
    engine = db.engine
    history = [{"order_id": oid, "at": _at(rng, MONTH[i % 30]), "from_status": "packed",
                "to_status": "shipped", "actor": "bench"} for i, oid in enumerate(order_ids)]
    with engine.begin() as conn:
        for start in range(0, len(history), CHUNK):
            conn.execute(insert(OrderStatusChange), history[start:start + CHUNK])
    receipts = max(lots, moves // 10)
    layers: list[dict[str, object]] = []
    with engine.begin() as conn:
        # The million moves go through the driver as plain tuples (app/db/bulk.py):
        # Core's executemany of dicts spends more Python per row than SQLite writing it.
        moves_in = DriverStatement.insert(conn, _MOVES, _MOVE_COLUMNS)
        stamp = moves_in.processor("at")
        rows: list[tuple[object, ...]] = []
        for n in range(moves):
            sku = 1 + rng.randrange(SKUS)
            day = MONTH[rng.randrange(30)] if n >= lots else date(2026, 9, 1) + timedelta(
                days=rng.randrange(60))
            if n < receipts:
                qty = rng.randint(5, 50)
                rows.append((n + 1, stamp(_at(rng, day)), sku, None, 1 + sku % BINS, qty,
                             "receipt", None, "bench"))
                layers.append({"client_id": client_id, "warehouse_id": 1, "sku_id": sku,
                               "received_on": day, "source": "receipt", "quantity": qty,
                               "remaining": qty if n < lots else 0, "move_id": n + 1})
            else:
                rows.append((n + 1, stamp(_at(rng, day)), sku, 1 + sku % BINS, None,
                             rng.randint(1, 3), "pick", order_ids[n % len(order_ids)],
                             "bench"))
            if len(rows) >= CHUNK:
                moves_in.run(rows)
                rows.clear()
        moves_in.run(rows)
        for start in range(0, len(layers), CHUNK):
            conn.execute(insert(StockLot), layers[start:start + CHUNK])
        conn.execute(text("ANALYZE"))
    db.dispose()


def ours(path: Path, *, daily: bool) -> tuple[float, Decimal, int]:
    """Accrue November (in one run, or day by day) and draft its invoice."""
    db = open_database(f"sqlite:///{path}")
    started = time.perf_counter()
    if daily:
        for day in MONTH:
            run_write(db, accrue, day, actor=BENCH)
    else:
        run_write(db, accrue, MONTH[0], through=MONTH[-1], actor=BENCH)
    info = run_write(db, draft_invoice, "BENCH", "2026-11", actor=BENCH)
    elapsed = time.perf_counter() - started
    db.dispose()
    return elapsed, info.total, sum(ln.sources for ln in info.lines)


#: The orders shipped per client and day with their units, and the lots' volume: the
#: same in both yardsticks.
_SHIPPED_AND_HELD = (
    "SELECT o.client_id, date(h.at), COUNT(DISTINCT o.id), SUM(l.quantity) "
    "FROM order_status_history h JOIN orders o ON o.id = h.order_id "
    "JOIN order_lines l ON l.order_id = o.id "
    "WHERE h.to_status = 'shipped' AND h.at >= '2026-11-01' AND h.at < '2026-12-01' "
    "GROUP BY o.client_id, date(h.at)",
    "SELECT l.client_id, SUM(l.remaining * s.length_mm * s.width_mm * s.height_mm) * 30 "
    "FROM stock_lots l JOIN skus s ON s.id = l.sku_id WHERE l.remaining > 0 "
    "GROUP BY l.client_id",
)
#: The month's ledger and orders, summed as plainly as SQL can: what any report of the
#: month has to read.
BARE_LEDGER = (
    "SELECT s.client_id, m.kind, date(m.at), COUNT(*), SUM(m.quantity) "
    "FROM stock_moves m JOIN skus s ON s.id = m.sku_id "
    "WHERE m.at >= '2026-11-01' AND m.at < '2026-12-01' "
    "GROUP BY s.client_id, m.kind, date(m.at)",
    *_SHIPPED_AND_HELD,
)
#: The same with receipts read from the layers they start (100,000 rows, not 1,000,000).
BARE_LAYERS = (
    "SELECT client_id, received_on, SUM(quantity) FROM stock_lots "
    "WHERE source = 'receipt' AND received_on >= '2026-11-01' AND received_on < '2026-12-01' "
    "GROUP BY client_id, received_on",
    *_SHIPPED_AND_HELD,
)


def bare(path: Path, statements: tuple[str, ...]) -> float:
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    started = time.perf_counter()
    conn.execute("BEGIN")
    for sql in statements:
        conn.execute(sql).fetchall()
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=1_000_000)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--lots", type=int, default=5_000, help="layers that keep units")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        month, daily = Path(tmp) / "month.sqlite3", Path(tmp) / "daily.sqlite3"
        started = time.perf_counter()
        build(month, args.moves, args.orders, args.lots)
        daily.write_bytes(month.read_bytes())
        print(f"fixtures: {args.moves:,} moves, {args.orders:,} orders, {args.lots:,} lots "
              f"with units in {time.perf_counter() - started:.1f} s")
        t_ledger = bare(daily, BARE_LEDGER)
        t_layers = bare(daily, BARE_LAYERS)
        t_month, total, sources = ours(month, daily=False)
        t_daily, total_daily, _n = ours(daily, daily=True)
    assert total == total_daily, (total, total_daily)
    print(f"November, SQLite: invoice total {total} over {sources:,} priced sources")
    print(f"  haicang accrue (the month in one run) + draft : {t_month:7.2f} s")
    print(f"  haicang accrue x 30 days + draft              : {t_daily:7.2f} s")
    print(f"  bare SQL aggregate of the ledger              : {t_ledger:7.2f} s")
    print(f"  bare SQL aggregate of the layers              : {t_layers:7.2f} s")
    print(f"  ratio month run / ledger aggregate : {t_month / t_ledger:6.2f}x  (target <= 2x)")
    print(f"  ratio 30 daily runs / ledger       : {t_daily / t_ledger:6.2f}x")
    print(f"  ratio month run / layers aggregate : {t_month / t_layers:6.2f}x")
    print(f"  ratio 30 daily runs / layers       : {t_daily / t_layers:6.2f}x")


if __name__ == "__main__":
    main()
