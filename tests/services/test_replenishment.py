"""Replenishment: min/max per pick bin, tasks from storage (FEFO/FIFO, nearest), planned on
demand and after allocation, confirmed by scanning both bins."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain.errors import InvalidValue
from app.domain.states import AdjustReason, OrderStatus
from app.services.allocation import allocate_order
from app.services.inventory import adjust_stock
from app.services.orders import get_order
from app.services.replenishment import (
    NotAPickBin,
    ReplenishTaskClosed,
    ReplenishTaskStale,
    WrongBinScanned,
    confirm_replenishment,
    list_replenish_limits,
    list_replenish_tasks,
    plan_replenishment,
    set_replenish_limit,
)
from tests.services.putaway_world import assert_ledger_matches, on_hand, setup, stock
from tests.world import ACTOR, place_order

LATER = date.today() + timedelta(days=300)


def _limit(db, bin_code="A-01-01-01", sku="MUG", lo=5, hi=20) -> None:
    with db.writing() as s:
        set_replenish_limit(s, warehouse_code="LA1", bin_code=bin_code, sku_code=sku,
                            client_code="ACME", min_qty=lo, max_qty=hi, actor=ACTOR)


def _plan(db):
    with db.writing() as s:
        return plan_replenishment(s, "LA1", actor=ACTOR)


def _open(db):
    with db.reading() as s:
        return [(t.sku_code, t.from_bin, t.to_bin, t.quantity)
                for t in list_replenish_tasks(s, "LA1")]


def test_a_pick_bin_below_min_is_filled_to_max_from_storage_once(db) -> None:
    setup(db)
    stock(db, "A-01-01-01", qty=2)
    stock(db, "B-01-02-01", qty=50)
    _limit(db)
    plan = _plan(db)
    assert [(t.from_bin, t.to_bin, t.quantity) for t in plan.created] == [
        ("B-01-02-01", "A-01-01-01", 18)]
    assert _plan(db).created == ()                    # no duplicate open task
    with db.writing() as s:
        done = confirm_replenishment(s, plan.created[0].id, from_bin="b-01-02-01",
                                     to_bin="A-01-01-01", actor=ACTOR)
    assert done.task.status == "done"
    assert on_hand(db, "A-01-01-01") == (20, 0)
    assert on_hand(db, "B-01-02-01") == (32, 0)
    assert _open(db) == []
    assert_ledger_matches(db)
    with db.reading() as s:
        limits = list_replenish_limits(s, "LA1")
    assert [(x.bin_code, x.sku_code, x.min_qty, x.max_qty, x.free) for x in limits] == [
        ("A-01-01-01", "MUG", 5, 20, 20)]


def test_the_task_is_bounded_by_what_storage_holds(db) -> None:
    setup(db)
    stock(db, "B-01-02-02", qty=7)
    _limit(db)
    assert _open(db) == [] and [t.quantity for t in _plan(db).created] == [7]


def test_allocation_that_eats_the_pick_bin_plans_a_task_by_itself(db) -> None:
    setup(db)
    stock(db, "A-01-01-01", qty=10)
    stock(db, "B-01-02-01", qty=30)
    _limit(db)
    assert _plan(db).created == ()                      # 10 free: above min
    order = place_order(db, "R-1", {"MUG": 8})
    with db.writing() as s:
        assert allocate_order(s, order, actor=ACTOR).status == OrderStatus.ALLOCATED
    assert on_hand(db, "A-01-01-01") == (10, 8)
    assert _open(db) == [("MUG", "B-01-02-01", "A-01-01-01", 18)]   # 2 free -> 20 free


def test_storage_is_taken_first_expiring_then_oldest_and_never_inside_the_window(db) -> None:
    setup(db)
    soon = date.today() + timedelta(days=10)            # JAM's window is 30 days
    stock(db, "B-01-02-01", "JAM", lot="LATE", expiry=LATER + timedelta(days=50), qty=9)
    stock(db, "B-01-02-02", "JAM", lot="EARLY", expiry=LATER, qty=4)
    stock(db, "RCV-01", "JAM", qty=1)
    _limit(db, sku="JAM", lo=2, hi=6)
    assert _open(db) == [] and [(t.from_bin, t.quantity) for t in _plan(db).created] == [
        ("B-01-02-02", 4)]
    with db.writing() as s:
        adjust_stock(s, client_code="ACME", sku_code="JAM", warehouse_code="LA1",
                     bin_code="B-01-02-02", delta=-4, reason=AdjustReason.EXPIRED, actor=ACTOR)
    stock(db, "B-01-02-02", "JAM", lot="NEAR", expiry=soon, qty=5)
    plan = _plan(db)
    assert len(plan.cancelled) == 1                     # the emptied bin's task
    assert [(t.from_bin, t.quantity) for t in plan.created] == [("B-01-02-01", 6)]


def test_a_pick_bin_holding_a_lot_is_only_refilled_with_that_lot(db) -> None:
    setup(db)
    stock(db, "A-01-01-01", "JAM", lot="L1", expiry=LATER, qty=1)
    stock(db, "B-01-02-01", "JAM", lot="L2", expiry=LATER - timedelta(days=5), qty=9)
    _limit(db, sku="JAM", lo=2, hi=6)
    assert _plan(db).created == ()
    stock(db, "B-01-02-02", "JAM", lot="L1", expiry=LATER, qty=9)
    assert [(t.from_bin, t.quantity) for t in _plan(db).created] == [("B-01-02-02", 5)]


def test_a_stale_task_is_refused_with_what_is_left(db) -> None:
    setup(db)
    stock(db, "B-01-02-01", qty=10)
    _limit(db)
    task = _plan(db).created[0]
    with db.writing() as s:
        adjust_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                     bin_code="B-01-02-01", delta=-8, reason=AdjustReason.LOST, actor=ACTOR)
    with pytest.raises(ReplenishTaskStale, match=r"B-01-02-01 has 2 of MUG free now.*moves 10"), \
            db.writing() as s:
        confirm_replenishment(s, task.id, actor=ACTOR)
    assert on_hand(db, "A-01-01-01") == (0, 0)
    assert _open(db) == [("MUG", "B-01-02-01", "A-01-01-01", 10)]
    plan = _plan(db)
    assert plan.cancelled == (task.id,)
    assert [(t.from_bin, t.quantity) for t in plan.created] == [("B-01-02-01", 2)]


def test_wrong_scans_and_closed_tasks_are_refused(db) -> None:
    setup(db)
    stock(db, "B-01-02-01", qty=30)
    _limit(db)
    task = _plan(db).created[0]
    with pytest.raises(WrongBinScanned, match=r"B-01-02-02.*from bin B-01-02-01"), \
            db.writing() as s:
        confirm_replenishment(s, task.id, from_bin="B-01-02-02", actor=ACTOR)
    with pytest.raises(WrongBinScanned, match=r"A-01-01-02.*to bin A-01-01-01"), \
            db.writing() as s:
        confirm_replenishment(s, task.id, from_bin="B-01-02-01", to_bin="A-01-01-02",
                              actor=ACTOR)
    with db.writing() as s:
        confirm_replenishment(s, task.id, actor=ACTOR)
    with pytest.raises(ReplenishTaskClosed, match="already done"), db.writing() as s:
        confirm_replenishment(s, task.id, actor=ACTOR)
    assert on_hand(db, "A-01-01-01") == (20, 0)


def test_limits_are_for_pick_bins_and_max_above_min(db) -> None:
    setup(db)
    with pytest.raises(NotAPickBin, match="B-01-02-01 is a storage bin"):
        _limit(db, bin_code="B-01-02-01")
    with pytest.raises(InvalidValue, match="max"):
        _limit(db, lo=5, hi=5)
    with pytest.raises(InvalidValue, match="min"):
        _limit(db, lo=-1, hi=5)
    _limit(db, lo=1, hi=4)
    _limit(db, lo=2, hi=9)                              # changes it
    with db.reading() as s:
        assert [(x.min_qty, x.max_qty) for x in list_replenish_limits(s, "LA1")] == [(2, 9)]


def test_an_order_is_not_given_stock_inside_the_expiry_window(db) -> None:
    setup(db)
    stock(db, "A-01-01-01", "JAM", lot="NEAR", expiry=date.today() + timedelta(days=30),
          qty=5)
    order = place_order(db, "F-1", {"JAM": 2})
    with db.writing() as s:
        assert allocate_order(s, order, actor=ACTOR).status == OrderStatus.BACKORDERED
    stock(db, "A-01-01-02", "JAM", lot="LATE", expiry=LATER, qty=5)
    stock(db, "B-01-02-01", "JAM", lot="FIRST", expiry=date.today() + timedelta(days=31),
          qty=5)
    second = place_order(db, "F-2", {"JAM": 2})
    with db.writing() as s:
        assert allocate_order(s, second, actor=ACTOR).status == OrderStatus.ALLOCATED
        assert get_order(s, order).row.status == OrderStatus.ALLOCATED  # when LATE came
    assert on_hand(db, "A-01-01-02", "JAM") == (5, 2)
    assert on_hand(db, "B-01-02-01", "JAM") == (5, 2)    # first-expiring, even from storage
    assert on_hand(db, "A-01-01-01", "JAM") == (5, 0)    # inside the 30-day window: never
