"""Put-away confirms into a pick bin while other processes allocate from it.

Real processes on one database (SQLite WAL, and PostgreSQL when configured): half the
workers confirm the same put-away tasks (each task must move its units once), half
allocate orders from the pick bin the units go into (which also plans replenishment
after each allocation). Afterwards the ledger equals the balances, nothing is negative
or reserved twice, and no (SKU, pick bin) has two open replenishment tasks.
"""

from __future__ import annotations

import multiprocessing as mp
import random
from collections import defaultdict

from sqlalchemy import func, select

from app.db.models import (
    Order,
    OrderLine,
    PutawayTask,
    ReplenishTask,
    Reservation,
    StockBalance,
    StockMove,
)
from app.domain.errors import IllegalTransition
from app.domain.permissions import Actor
from app.domain.states import OrderStatus
from app.services.replenishment import set_replenish_limit
from tests.services.putaway_world import assert_ledger_matches, dock_task, setup, stock
from tests.world import ACTOR, place_order

WORKERS = 6
TASKS = 24
ORDERS = 40


def _worker(url: str, seed: int, task_ids: list[int], order_ids: list[int],
            start: mp.synchronize.Event, results: mp.Queue) -> None:  # type: ignore[type-arg]
    from app.db.schema import open_database
    from app.services.allocation import allocate_order
    from app.services.putaway import PutawayTaskDone, confirm_putaway
    from app.services.run import run_write

    db = open_database(url)
    rng = random.Random(seed)
    worker = Actor.system(f"w{seed}")
    counts: dict[str, int] = defaultdict(int)
    start.wait(30)
    try:
        if seed % 2 == 0:
            ids = task_ids[:]
            rng.shuffle(ids)
            for tid in ids:
                try:
                    run_write(db, confirm_putaway, tid, "A-01-01-01", actor=worker)
                    counts["put"] += 1
                except PutawayTaskDone:
                    counts["lost_race"] += 1
        else:
            ids = order_ids[:]
            rng.shuffle(ids)
            for oid in ids:
                try:
                    result = run_write(db, allocate_order, oid, actor=worker)
                    counts[result.status.value] += 1
                except IllegalTransition:
                    counts["lost_race"] += 1
        results.put(("ok", seed, dict(counts)))
    except Exception as exc:  # report, never hang the parent
        results.put(("error", seed, f"{type(exc).__name__}: {exc}"))
    finally:
        db.dispose()


def test_putaway_and_allocation_race_on_one_pick_bin(db, db_url: str) -> None:
    setup(db)
    stock(db, "A-01-01-01", qty=4)
    stock(db, "B-01-02-01", qty=30)
    with db.writing() as s:
        set_replenish_limit(s, warehouse_code="LA1", bin_code="A-01-01-01", sku_code="MUG",
                            client_code="ACME", min_qty=3, max_qty=12, actor=ACTOR)
    tasks = [dock_task(db, 2) for _ in range(TASKS)]
    rng = random.Random(3)
    orders = [place_order(db, f"P-{i:03d}", {"MUG": rng.randint(1, 3)}) for i in range(ORDERS)]

    ctx = mp.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(db_url, n, tasks, orders, start, results))
             for n in range(WORKERS)]
    for p in procs:
        p.start()
    start.set()
    outcomes = [results.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(30)
    assert [o for o in outcomes if o[0] != "ok"] == []
    assert sum(o[2].get("put", 0) for o in outcomes) == TASKS       # each task once
    assert sum(o[2].get("lost_race", 0) for o in outcomes) > 0, "the workers never collided"

    assert_ledger_matches(db)
    with db.reading() as s:
        for on_hand, reserved in s.execute(select(StockBalance.on_hand, StockBalance.reserved)):
            assert 0 <= reserved <= on_hand
        assert s.scalar(select(func.count()).select_from(StockMove).where(
            StockMove.reason == "putaway")) == TASKS
        assert set(s.scalars(select(PutawayTask.status))) == {"done"}
        wanted = {o: q for o, q in s.execute(
            select(OrderLine.order_id, func.sum(OrderLine.quantity))
            .group_by(OrderLine.order_id))}
        reserved_by_order = {o: q for o, q in s.execute(
            select(Reservation.order_id, func.sum(Reservation.quantity))
            .group_by(Reservation.order_id))}
        statuses = {o: st for o, st in s.execute(select(Order.id, Order.status))}
        open_pairs = s.execute(
            select(ReplenishTask.sku_id, ReplenishTask.to_bin_id, func.count())
            .where(ReplenishTask.status == "open")
            .group_by(ReplenishTask.sku_id, ReplenishTask.to_bin_id)).all()
    assert all(n == 1 for _sku, _bin, n in open_pairs)
    assert any(st == OrderStatus.ALLOCATED.value for st in statuses.values())
    for oid, st in statuses.items():
        if st == OrderStatus.ALLOCATED.value:
            assert reserved_by_order.get(oid) == wanted[oid]
        else:
            assert oid not in reserved_by_order
