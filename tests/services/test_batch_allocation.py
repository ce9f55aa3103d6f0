"""Allocating a batch gives exactly what allocating the same orders one by one gives."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from app.db.engine import Database
from app.db.schema import open_database
from app.domain.errors import WrongClient
from app.domain.permissions import Actor
from app.domain.states import OrderStatus
from app.services.allocation import allocate_order
from app.services.batch_allocation import allocate_orders
from app.services.health import reconcile_stock
from app.services.orders import cancel_order, get_order
from tests.world import build_world, place_order, receive

T = Actor.system("t")


def _world(db: Database, seed: int = 3) -> list[int]:
    build_world(db)
    receive(db, "MUG", 6, bin_code="A-01-01-01")
    receive(db, "MUG", 9, bin_code="B-01-02-01")
    receive(db, "CUP", 4, bin_code="A-01-01-01")  # one bin, two SKUs
    receive(db, "MUG", 5, wh="NJ1")
    rng = random.Random(seed)
    ids = []
    for n in range(25):
        lines = {"MUG": rng.randint(1, 3)}
        if rng.random() < 0.4:
            lines["CUP"] = rng.randint(1, 2)
        ids.append(place_order(db, f"B-{n:02d}", lines, state=rng.choice(["CA", "NY", "TX"])))
    return ids


def _outcome(db: Database, ids: list[int]) -> list[tuple[str, str, str | None, tuple]]:
    with db.reading() as s:
        details = [get_order(s, i) for i in ids]
    return [(d.row.number, d.row.status.value, d.row.warehouse_code,
             tuple(sorted((r.sku_code, r.warehouse_code, r.bin_code, r.quantity)
                          for r in d.reservations)))
            for d in details]


def test_a_batch_allocates_like_one_order_at_a_time(db: Database, tmp_path: Path) -> None:
    ids = _world(db)
    with db.writing() as s:
        results = allocate_orders(s, ids, actor=Actor.system("batch"))
    assert [r.number for r in results] == [f"B-{n:02d}" for n in range(25)]
    assert {r.status for r in results} == {OrderStatus.ALLOCATED, OrderStatus.BACKORDERED}

    single = open_database(f"sqlite:///{tmp_path / 'single.sqlite3'}")
    single_ids = _world(single)
    for oid in single_ids:
        with single.writing() as s:
            allocate_order(s, oid, actor=Actor.system("single"))
    assert _outcome(db, ids) == _outcome(single, single_ids)
    with db.reading() as s:
        assert reconcile_stock(s).ok
        history = get_order(s, ids[0]).history
    assert [(h.to_status, h.actor) for h in history][-1][1] == "batch"
    short = next(r for r in results if r.status == OrderStatus.BACKORDERED)
    assert short.shortages and short.shortages[0].wanted > short.shortages[0].available
    single.dispose()


def test_orders_that_are_no_longer_allocatable_are_left_out(db: Database) -> None:
    ids = _world(db)
    with db.writing() as s:
        cancel_order(s, ids[0], actor=T)
        allocate_order(s, ids[1], actor=T)
    with db.writing() as s:
        results = allocate_orders(s, ids[:4], actor=T)
    assert [r.number for r in results] == ["B-02", "B-03"]


def test_a_backordered_order_stays_backordered_without_new_history(db: Database) -> None:
    build_world(db)
    oid = place_order(db, "X-1", {"MUG": 2})
    with db.writing() as s:
        assert allocate_orders(s, [oid], actor=T)[0].status == OrderStatus.BACKORDERED
    with db.writing() as s:
        assert allocate_orders(s, [oid], actor=T)[0].status == OrderStatus.BACKORDERED
    with db.reading() as s:
        assert [h.to_status for h in get_order(s, oid).history] == ["new", "backordered"]


def test_another_clients_sku_is_refused(db: Database) -> None:
    build_world(db)
    oid = place_order(db, "W-1", {"MUG": 1})
    from sqlalchemy import select, update

    from app.db.models import OrderLine, Sku
    with db.writing() as s:
        beta = s.scalar(select(Sku.id).where(Sku.name_en == "Beta mug"))
        s.execute(update(OrderLine).values(sku_id=beta))
    with pytest.raises(WrongClient), db.writing() as s:
        allocate_orders(s, [oid], actor=T)
