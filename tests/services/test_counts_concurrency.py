"""Counting against allocation on several PCs: real processes on one database (SQLite
file, and PostgreSQL when configured).

A supervisor posts a count of bin A-01-01-01 that finds fewer units than are reserved
there, while two clerks allocate new orders from that bin and from others: every
balance still equals the ledger, every unit on hand is in one FIFO layer, reservations
add up to each balance's reserved, and every order ends allocated or backordered. On
PostgreSQL a count held open in bin A-01-01-01 never delays an allocation from another bin.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import defaultdict

import pytest
from sqlalchemy import select, text

from app.db.models import Order, Reservation, StockBalance
from app.domain.permissions import Actor
from app.domain.states import Role
from tests.services.layers_check import assert_stock_true
from tests.world import ACTOR, build_world, place_order, receive

PICKER = Actor("picker", Role.PICKER)
PICKER2 = Actor("picker2", Role.PICKER)
BOSS = Actor("boss", Role.ADMIN)
CLERK = Actor("clerk", Role.CLERK)
COUNTED = "A-01-01-01"


def _allocator(url: str, numbers: list[str], start: mp.synchronize.Event,
               results: mp.Queue) -> None:  # type: ignore[type-arg]
    from app.db.schema import open_database
    from app.services.allocation import allocate_order
    from app.services.orders import find_order_id
    from app.services.run import run_write

    db = open_database(url)
    start.wait(30)
    try:
        for number in numbers:
            run_write(db, lambda s, n=number: allocate_order(
                s, find_order_id(s, n, "ACME"), actor=CLERK))
        results.put(("ok", "allocator"))
    except Exception as exc:  # report, never hang the parent
        results.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        db.dispose()


def _counter(url: str, number: str, start: mp.synchronize.Event,
             results: mp.Queue) -> None:  # type: ignore[type-arg]
    from app.db.schema import open_database
    from app.services.counts import approve_count, enter_count
    from app.services.run import run_write

    db = open_database(url)
    start.wait(30)
    try:
        for who in (PICKER, PICKER2):
            run_write(db, enter_count, number, bin_code=COUNTED, sku_code="MUG", quantity=3,
                      actor=who, client_code="ACME")
        done = run_write(db, approve_count, number, actor=BOSS)
        results.put(("ok", f"posted {[p.delta for p in done.posted]}"))
    except Exception as exc:
        results.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        db.dispose()


def _check_reservations(db) -> None:
    with db.reading() as s:
        held: dict[tuple[int, int], int] = defaultdict(int)
        for r in s.scalars(select(Reservation)):
            held[(r.bin_id, r.sku_id)] += r.quantity
        for b in s.scalars(select(StockBalance)):
            assert b.reserved == held.get((b.bin_id, b.sku_id), 0), (b.bin_id, b.sku_id)
        assert set(s.scalars(select(Order.status))) <= {"allocated", "backordered"}


def test_a_count_below_reserved_races_allocation_and_stock_stays_true(db, db_url) -> None:
    from app.services.allocation import allocate_order
    from app.services.counts import start_count

    build_world(db)
    receive(db, "MUG", 10, bin_code=COUNTED)
    first = [place_order(db, f"F-{i}", {"MUG": 2}) for i in range(4)]
    with db.writing() as s:
        for oid in first:
            allocate_order(s, oid, actor=CLERK)
    receive(db, "MUG", 12, bin_code="B-01-02-01")
    receive(db, "MUG", 6, bin_code="A-01-01-02")
    numbers = [f"N-{i:02d}" for i in range(10)]
    for n in numbers:
        place_order(db, n, {"MUG": 1 + int(n[-1]) % 2})
    with db.writing() as s:
        count = start_count(s, "LA1", bins=f"{COUNTED}:{COUNTED}", actor=ACTOR).number
    ctx = mp.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_allocator, args=(db_url, numbers[i::2], start, results))
             for i in range(2)]
    procs.append(ctx.Process(target=_counter, args=(db_url, count, start, results)))
    for p in procs:
        p.start()
    start.set()
    outcomes = [results.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(30)
    assert all(kind == "ok" for kind, _ in outcomes), outcomes
    with db.reading() as s:
        on_hand = s.scalar(select(StockBalance.on_hand).where(StockBalance.bin_id == 1,
                                                               StockBalance.sku_id == 1))
    assert on_hand == 3
    _check_reservations(db)
    assert_stock_true(db)


def _hold_count_open(url: str, number: str, posted: mp.synchronize.Event,
                     release: mp.synchronize.Event,
                     results: mp.Queue) -> None:  # type: ignore[type-arg]
    """Post the count but keep its transaction open until told."""
    from app.db.schema import open_database
    from app.services.counts import approve_count

    db = open_database(url)
    try:
        with db.writing() as s:
            approve_count(s, number, actor=BOSS)
            s.flush()
            posted.set()
            release.wait(60)
        results.put(("ok", "count committed"))
    except Exception as exc:
        results.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        db.dispose()


def test_an_open_count_never_blocks_allocation_from_other_bins(db, db_url) -> None:
    from app.services.allocation import allocate_order
    from app.services.counts import enter_count, start_count

    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer at a time by design; row locks need PostgreSQL")
    build_world(db)
    receive(db, "MUG", 10, bin_code=COUNTED)
    receive(db, "CUP", 10, bin_code="B-01-02-01")
    with db.writing() as s:
        count = start_count(s, "LA1", bins=f"{COUNTED}:{COUNTED}", actor=ACTOR).number
    for who in (PICKER, PICKER2):
        with db.writing() as s:
            enter_count(s, count, bin_code=COUNTED, sku_code="MUG", quantity=4, actor=who,
                        client_code="ACME")
    oid = place_order(db, "C-1", {"CUP": 3})
    ctx = mp.get_context("spawn")
    posted, release, results = ctx.Event(), ctx.Event(), ctx.Queue()
    holder = ctx.Process(target=_hold_count_open, args=(db_url, count, posted, release,
                                                        results))
    holder.start()
    try:
        assert posted.wait(60), "the count was not posted"
        with db.writing() as s:  # waiting on a lock of the count would fail, not hang
            s.execute(text("SET LOCAL lock_timeout = '3s'"))
            result = allocate_order(s, oid, actor=CLERK)
    finally:
        release.set()
    assert results.get(timeout=60) == ("ok", "count committed")
    holder.join(30)
    assert result.status == "allocated"
    assert_stock_true(db)
