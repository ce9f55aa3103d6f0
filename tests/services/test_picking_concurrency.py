"""Pickers on several PCs at once: real processes on one database (SQLite file and
PostgreSQL when configured).

Four pickers work the same cart's tasks one unit at a time in their own random order
while a clerk cancels two of its orders: no unit is ever picked twice (what the pickers
were told they picked equals each task's ``picked``, never above its quantity), every
balance still equals the ledger, and a wave released from two PCs at once exists once.
"""

from __future__ import annotations

import multiprocessing as mp
import random
from collections import Counter

from sqlalchemy import func, select

from app.db.models import Bin, PickCartOrder, PickTask, Sku, StockMove, Wave
from app.domain.permissions import Actor
from app.domain.states import Role
from tests.services.picking_world import CLERK, assert_ledger_matches, picking_world

PICKERS = 4
ORDERS = {f"R-{i:02d}": {"MUG": 1 + i % 3, "CUP": 1 + i % 2} for i in range(8)}
STOCK = {("MUG", "A-01-01-01"): 20, ("CUP", "A-01-01-02"): 20}


def _picker(url: str, seed: int, tasks: list[tuple[int, str, str, int]],
            start: mp.synchronize.Event, results: mp.Queue) -> None:  # type: ignore[type-arg]
    from app.db.schema import open_database
    from app.domain.errors import HaicangError
    from app.services.picking import confirm_pick
    from app.services.run import run_write

    db = open_database(url)
    rng = random.Random(seed)
    me = Actor(f"picker{seed}", Role.PICKER)
    picked: Counter[int] = Counter()
    refused: Counter[str] = Counter()
    todo = [t for t in tasks for _ in range(t[3])]  # one try per unit of each task
    rng.shuffle(todo)
    start.wait(30)
    try:
        for task_id, bin_code, sku, _qty in todo:
            try:
                run_write(db, confirm_pick, task_id, bin_scan=bin_code, item_scan=sku,
                          quantity=1, actor=me)
                picked[task_id] += 1
            except HaicangError as exc:
                refused[exc.code] += 1
        results.put(("ok", seed, dict(picked), dict(refused)))
    except Exception as exc:  # report, never hang the parent
        results.put(("error", seed, f"{type(exc).__name__}: {exc}", {}))
    finally:
        db.dispose()


def _canceller(url: str, numbers: list[str], start: mp.synchronize.Event,
               results: mp.Queue) -> None:  # type: ignore[type-arg]
    from app.db.schema import open_database
    from app.services.orders import cancel_order, find_order_id
    from app.services.run import run_write

    db = open_database(url)
    start.wait(30)
    try:
        for number in numbers:
            run_write(db, lambda s, n=number: cancel_order(s, find_order_id(s, n, "ACME"),
                                                           actor=CLERK))
        results.put(("ok", -1, {}, {}))
    except Exception as exc:
        results.put(("error", -1, f"{type(exc).__name__}: {exc}", {}))
    finally:
        db.dispose()


def test_pickers_on_several_pcs_never_pick_a_unit_twice(db, db_url: str) -> None:
    from app.services.wave_plan import WaveFilters
    from app.services.waves import release_wave

    picking_world(db, ORDERS, STOCK)
    with db.writing() as s:
        release_wave(s, "LA1", WaveFilters(), actor=CLERK, cart_orders=8)
        tasks = [(tid, b, k, q) for tid, b, k, q in s.execute(
            select(PickTask.id, Bin.code, Sku.code, PickTask.quantity)
            .join(Bin, Bin.id == PickTask.bin_id).join(Sku, Sku.id == PickTask.sku_id))]
    ctx = mp.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_picker, args=(db_url, n, tasks, start, results))
             for n in range(PICKERS)]
    procs.append(ctx.Process(target=_canceller, args=(db_url, ["R-03", "R-06"], start,
                                                      results)))
    for p in procs:
        p.start()
    start.set()
    outcomes = [results.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(30)
    assert [o for o in outcomes if o[0] != "ok"] == []
    told: Counter[int] = Counter()
    refusals: Counter[str] = Counter()
    for _ok, _seed, picked, refused in outcomes:
        told.update(picked)
        refusals.update(refused)
    assert refusals["task_not_open"] > 0, "the pickers never collided"
    # a lost race is "already picked", "too many" or "order cancelled", never anything else
    assert set(refusals) <= {"task_not_open", "too_many_units", "order_not_pickable"}, refusals
    with db.reading() as s:
        rows = {tid: (q, p, st) for tid, q, p, st in s.execute(
            select(PickTask.id, PickTask.quantity, PickTask.picked, PickTask.status))}
        pick_units = s.scalar(select(func.sum(StockMove.quantity))
                              .where(StockMove.kind == "pick")) or 0
        waves = s.scalar(select(func.count(Wave.id)))
    for tid, (quantity, picked, _status) in rows.items():
        assert told[tid] == picked <= quantity, (tid, told[tid], picked, quantity)
    assert pick_units == sum(told.values())
    assert waves == 1
    assert_ledger_matches(db)


def _releaser(url: str, start: mp.synchronize.Event,
              results: mp.Queue) -> None:  # type: ignore[type-arg]
    from app.db.errors import data_conflict
    from app.db.schema import open_database
    from app.domain.errors import HaicangError
    from app.services.run import run_write
    from app.services.wave_plan import WaveFilters
    from app.services.waves import release_wave

    db = open_database(url)
    start.wait(30)
    try:
        summary = run_write(db, release_wave, "LA1", WaveFilters(), actor=CLERK)
        results.put(("released", summary.number))
    except HaicangError as exc:
        results.put(("refused", exc.code))
    except Exception as exc:
        conflict = data_conflict(exc)
        results.put(("refused", conflict.code) if conflict else ("error", repr(exc)))
    finally:
        db.dispose()


def test_a_wave_released_from_two_pcs_at_once_exists_once(db, db_url: str) -> None:
    picking_world(db, ORDERS, STOCK)
    ctx = mp.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_releaser, args=(db_url, start, results)) for _ in range(2)]
    for p in procs:
        p.start()
    start.set()
    outcomes = sorted(results.get(timeout=300) for _ in procs)
    for p in procs:
        p.join(30)
    assert [o[0] for o in outcomes] == ["refused", "released"], outcomes
    with db.reading() as s:
        assert s.scalar(select(func.count(Wave.id))) == 1
        on_carts = Counter(s.scalars(select(PickCartOrder.order_id)))
    assert len(on_carts) == len(ORDERS) and set(on_carts.values()) == {1}
