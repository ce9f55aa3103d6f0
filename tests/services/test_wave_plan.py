"""Wave planning: eligible orders, filters, cart capacity, savings batching, read-only."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from app.cli import main
from app.db.engine import Database
from app.db.models import AuditEntry, Order, OrderStatusChange, Reservation
from app.services.layout import route_bins
from app.services.wave_plan import (
    CartTooSmall,
    NoOrdersToPlan,
    UnknownFilterValue,
    WaveFilters,
    plan_wave,
)
from tests.services.wave_world import START, build_wave_world, order

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
LATER = START + timedelta(days=30)


def _four_orders(db: Database) -> None:
    """Alternating front and back orders: first come, first served pairs them badly."""
    build_wave_world(db)
    order(db, "F1", {"FRONT1": 1}, minutes=1, ship_by=LATER)
    order(db, "B1", {"BACK1": 1}, minutes=2, ship_by=LATER)
    order(db, "F2", {"FRONT2": 2}, minutes=3, ship_by=LATER)
    order(db, "B2", {"BACK2": 1}, minutes=4, ship_by=LATER)


def _plan(db: Database, filters: WaveFilters | None = None, **kw: object):  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return plan_wave(s, "WP1", filters or WaveFilters(), **kw)  # type: ignore[arg-type]


def _snapshot(db: Database) -> tuple[object, ...]:
    with db.reading() as s:
        return (tuple(s.execute(select(Order.id, Order.status).order_by(Order.id))),
                s.scalar(select(func.count(Reservation.id))),
                s.scalar(select(func.count(OrderStatusChange.id))),
                s.scalar(select(func.count(AuditEntry.id))))


def test_two_order_carts_pair_the_neighbours_and_beat_first_come_first_served(
        db: Database) -> None:
    _four_orders(db)
    plan = _plan(db, cart_orders=2)
    assert sorted(sorted(b.orders) for b in plan.batches) == [["B1", "B2"], ["F1", "F2"]]
    front = next(b for b in plan.batches if "F1" in b.orders)
    # depot (front of aisle 1) -> position 1 (0.5 m) -> position 2 (1.5 m) and back
    assert front.route == ("A1-P01", "A1-P02") and front.distance_m == pytest.approx(3.0)
    assert front.units == 3
    back = next(b for b in plan.batches if "B1" in b.orders)
    assert set(back.route) == {"A4-P09", "A4-P10"}
    # 9 m across to aisle 4, 9.5 m in to position 10, 9.5 m out, 9 m back
    assert back.distance_m == pytest.approx(37.0)
    with db.reading() as s:
        assert back.distance_m == route_bins(s, "WP1", list(back.route)).distance_m
    assert plan.batched_distance_m == pytest.approx(40.0)
    # F1 1 m, F2 3 m, B1 37 m, B2 (position 9) 35 m
    assert plan.single_order_distance_m == pytest.approx(76.0)
    # F1 with B1: 37 m and a 1 m detour; F2 with B2: 35 m and a 3 m detour
    assert plan.fcfs_distance_m == pytest.approx(76.0)
    assert plan.batches[0].orders[0] == "F1"                 # the oldest order's cart first


def test_one_cart_takes_all_and_the_plan_changes_nothing(db: Database) -> None:
    _four_orders(db)
    before = _snapshot(db)
    plan = _plan(db)
    assert len(plan.batches) == 1 and sorted(plan.batches[0].orders) == ["B1", "B2", "F1", "F2"]
    assert plan.batches[0].route[:2] == ("A1-P01", "A1-P02") or \
        plan.batches[0].route[-2:] == ("A1-P02", "A1-P01")
    assert _snapshot(db) == before


def test_unit_capacity_splits_carts(db: Database) -> None:
    _four_orders(db)
    plan = _plan(db, cart_units=2)
    assert all(b.units <= 2 or len(b.orders) == 1 for b in plan.batches)
    assert sorted(o for b in plan.batches for o in b.orders) == ["B1", "B2", "F1", "F2"]
    assert {b.orders for b in plan.batches if "F2" in b.orders} == {("F2",)}
    with pytest.raises(CartTooSmall):
        _plan(db, cart_orders=0)


def test_filters(db: Database) -> None:
    build_wave_world(db, prepacked=frozenset({"FRONT1", "BACK1"}))
    now = START + timedelta(hours=3)
    order(db, "A-SINGLE", {"FRONT1": 1}, minutes=1, ship_by=LATER)
    order(db, "A-MULTI", {"FRONT2": 1, "BACK1": 1}, minutes=2, ship_by=LATER)
    order(db, "A-FAST", {"BACK2": 1}, minutes=3, service="Next-Day", ship_by=LATER)
    order(db, "A-DUE", {"BACK2": 3}, minutes=4, ship_by=START + timedelta(hours=5))
    order(db, "B-PACKED", {"BACK1": 1}, minutes=5, client="BETA", ship_by=LATER)
    with db.writing() as s:
        s.execute(update(Order).where(Order.number == "A-SINGLE").values(carrier="USPS"))

    def numbers(**kw: object) -> list[str]:
        plan = _plan(db, WaveFilters(**kw), now=now)  # type: ignore[arg-type]
        return sorted(o for b in plan.batches for o in b.orders)

    assert numbers(client="BETA") == ["B-PACKED"]
    assert numbers(carrier="usps") == ["A-SINGLE"]
    assert numbers(service="next-day") == ["A-FAST"]
    assert numbers(priority="high") == ["A-DUE", "A-FAST"]
    assert numbers(priority="normal") == ["A-MULTI", "A-SINGLE", "B-PACKED"]
    assert numbers(units="single") == ["A-FAST", "A-SINGLE", "B-PACKED"]
    assert numbers(units="multi") == ["A-DUE", "A-MULTI"]
    assert numbers(packaging="prepacked") == ["A-SINGLE", "B-PACKED"]
    assert numbers(packaging="needs_packing") == ["A-DUE", "A-FAST", "A-MULTI"]
    # ship-by before 21 Nov (Los Angeles): only the order due on the 20th
    assert numbers(ship_by_before=date(2026, 11, 21)) == ["A-DUE"]
    with pytest.raises(NoOrdersToPlan, match="No allocated orders in warehouse WP1 match"):
        _plan(db, WaveFilters(client="BETA", units="multi"))
    with pytest.raises(UnknownFilterValue, match="priority: 'urgent' is not one of high"):
        _plan(db, WaveFilters(priority="urgent"))


def test_cli_plan_json_contract_and_errors(db_url: str, db: Database,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    _four_orders(db)
    before = _snapshot(db)
    code = main(["waves", "plan", "--warehouse", "WP1", "--cart-orders", "2", "--json",
                 "--db", db_url])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    assert {"batches", "single_order_distance_m", "batched_distance_m"} <= set(data)
    assert all({"orders", "route", "distance_m"} <= set(b) for b in data["batches"])
    assert sorted(sorted(b["orders"]) for b in data["batches"]) == [["B1", "B2"], ["F1", "F2"]]
    assert data["batched_distance_m"] == pytest.approx(40.0)
    assert data["single_order_distance_m"] == pytest.approx(76.0)
    assert _snapshot(db) == before
    code = main(["waves", "plan", "--warehouse", "WP1", "--packaging", "needs-packing",
                 "--client", "BETA", "--db", db_url])
    out, err = capsys.readouterr()
    assert code == 1 and err.startswith("error: No allocated orders in warehouse") \
        and err.count("\n") == 1, err
    code = main(["waves", "plan", "--warehouse", "WP1", "--cart-orders", "2", "--db", db_url])
    out, _err = capsys.readouterr()
    assert code == 0 and "Batched 40.0 m vs 76.0 m order by order" in out.replace("\n", " ")


def test_orders_already_on_an_open_wave_or_not_allocated_are_left_out(db: Database) -> None:
    _four_orders(db)
    with db.writing() as s:
        s.execute(update(Order).where(Order.number == "B2").values(status="on_hold"))
    plan = _plan(db, now=datetime.now(UTC))
    assert sorted(o for b in plan.batches for o in b.orders) == ["B1", "F1", "F2"]
