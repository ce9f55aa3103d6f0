"""Cycle counts: scopes (bin range, SKU, ABC), blind counts, tolerance, a recount by
another user, supervisor approval, posting against the balance at count time, and a
count below the reserved units re-allocating the orders; `haicang counts ...`."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select, update

from app.cli import main
from app.db.models import Bin, CycleCountLine, Order, Reservation, StockBalance, StockMove
from app.domain.errors import InvalidValue, PermissionDenied
from app.domain.permissions import Actor
from app.domain.states import Role
from app.domain.stock_control_errors import (
    CountApproverIsCounter,
    CountNeedsRecount,
    CountNotCounted,
    CountNotOpen,
    CountRecountBySameUser,
    CountReservedInPicking,
)
from app.services.allocation import allocate_order
from app.services.counts import approve_count, enter_count, get_count, start_count
from app.services.fulfilment import pack_order, start_picking
from app.services.users import create_user
from tests.services.layers_check import assert_stock_true
from tests.world import ACTOR, build_world, place_order, receive

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
PICKER = Actor("picker", Role.PICKER)
PICKER2 = Actor("picker2", Role.PICKER)
BOSS = Actor("boss", Role.ADMIN)
BOSS2 = Actor("boss2", Role.ADMIN)
RANGE = "A-01-01-01:A-01-01-02"


def _start(db, **kw):
    with db.writing() as s:
        return start_count(s, "LA1", actor=kw.pop("actor", PICKER), **kw).number


def _enter(db, number, bin_code, sku, qty, actor=PICKER):
    with db.writing() as s:
        return enter_count(s, number, bin_code=bin_code, sku_code=sku, quantity=qty,
                           actor=actor, client_code="ACME")


def _on_hand(db, bin_code, sku_id=1):
    with db.reading() as s:
        return s.scalar(select(StockBalance.on_hand).join(Bin, Bin.id == StockBalance.bin_id)
                        .where(Bin.code == bin_code, Bin.warehouse_id == 1,
                               StockBalance.sku_id == sku_id))


def test_blind_count_within_tolerance_is_posted_on_approval(db) -> None:
    build_world(db)
    receive(db, "MUG", 10)
    receive(db, "CUP", 5, bin_code="A-01-01-02")
    number = _start(db, bins=RANGE, blind=True)
    with db.reading() as s:
        seen = get_count(s, number, actor=PICKER)
        boss_sees = get_count(s, number, actor=BOSS)
    assert [(ln.bin, ln.sku, ln.expected) for ln in seen.lines] == [
        ("A-01-01-01", "MUG", None), ("A-01-01-02", "CUP", None)]
    assert [ln.expected for ln in boss_sees.lines] == [10, 5]
    assert _enter(db, number, "A-01-01-01", "MUG", 10).status == "counted"
    line = _enter(db, number, "A-01-01-02", "CUP", 4)
    assert (line.status, line.expected, line.variance) == ("counted", None, None)
    with pytest.raises(PermissionDenied), db.writing() as s:
        approve_count(s, number, actor=PICKER)
    with db.writing() as s:
        done = approve_count(s, number, actor=BOSS)
    assert [(p.bin, p.sku, p.delta) for p in done.posted] == [("A-01-01-02", "CUP", -1)]
    with db.reading() as s:
        move = s.get(StockMove, done.posted[0].move_id)
        assert (move.kind, move.reason, move.reference) == ("adjustment", "cycle_count", number)
        assert set(s.scalars(select(CycleCountLine.status))) == {"posted"}
    assert _on_hand(db, "A-01-01-02", 2) == 4
    with pytest.raises(CountNotOpen), db.writing() as s:
        approve_count(s, number, actor=BOSS)
    assert_stock_true(db)


def test_beyond_tolerance_needs_another_counter_then_a_supervisor_who_did_not_count(db):
    build_world(db)
    receive(db, "MUG", 10)
    number = _start(db, sku_code="MUG", client_code="ACME")
    assert _enter(db, number, "A-01-01-01", "MUG", 7).status == "recount"
    with pytest.raises(CountNeedsRecount), db.writing() as s:
        approve_count(s, number, actor=BOSS)
    with pytest.raises(CountRecountBySameUser), db.writing() as s:
        enter_count(s, number, bin_code="A-01-01-01", sku_code="MUG", quantity=7,
                    actor=PICKER, client_code="ACME")
    assert _enter(db, number, "A-01-01-01", "MUG", 7, actor=BOSS).status == "review"
    with pytest.raises(CountApproverIsCounter), db.writing() as s:
        approve_count(s, number, actor=BOSS)
    with db.writing() as s:
        done = approve_count(s, number, actor=BOSS2)
    assert [p.delta for p in done.posted] == [-3]
    assert _on_hand(db, "A-01-01-01") == 7
    assert_stock_true(db)


def test_a_recount_within_tolerance_settles_the_line(db) -> None:
    build_world(db)
    receive(db, "MUG", 10)
    number = _start(db, bins=RANGE)
    _enter(db, number, "A-01-01-01", "MUG", 4)
    assert _enter(db, number, "A-01-01-01", "MUG", 10, actor=PICKER2).status == "counted"
    with db.writing() as s:
        assert approve_count(s, number, actor=BOSS).posted == ()
    assert _on_hand(db, "A-01-01-01") == 10


def test_moves_after_the_count_are_kept_and_moves_before_it_are_not_variances(db) -> None:
    """Book is re-read when counted: 10 at start, 12 received before counting (22), 30
    found (+8 beyond tolerance? no: recount agrees), 5 received after the count: 35."""
    build_world(db)
    receive(db, "MUG", 10)
    number = _start(db, bins=RANGE)
    receive(db, "MUG", 12)
    line = _enter(db, number, "A-01-01-01", "MUG", 21)
    assert (line.expected, line.variance, line.status) == (22, -1, "counted")
    receive(db, "MUG", 5)
    with db.writing() as s:
        approve_count(s, number, actor=BOSS)
    assert _on_hand(db, "A-01-01-01") == 26
    assert_stock_true(db)


def test_a_sku_found_off_the_list_adds_a_line_and_the_flag_is_cleared(db) -> None:
    build_world(db)
    receive(db, "MUG", 3)
    with db.writing() as s:
        s.execute(update(Bin).where(Bin.code == "A-01-01-01", Bin.warehouse_id == 1).values(
            count_flagged_at=func.now(), count_flag_reason="short pick: test"))
    number = _start(db, bins=RANGE)
    line = _enter(db, number, "A-01-01-01", "CUP", 1)
    assert (line.sku, line.expected, line.variance, line.status) == ("CUP", 0, 1, "counted")
    with db.reading() as s:
        assert s.scalar(select(func.count(Bin.id)).where(Bin.count_flagged_at.is_not(None))) == 0
    with pytest.raises(CountNotCounted), db.writing() as s:
        approve_count(s, number, actor=BOSS)
    _enter(db, number, "A-01-01-01", "MUG", 3)
    with db.writing() as s:
        done = approve_count(s, number, actor=BOSS)
    assert [(p.sku, p.delta) for p in done.posted] == [("CUP", 1)]
    assert_stock_true(db)


def test_bad_input_is_refused_and_writes_nothing(db) -> None:
    build_world(db)
    receive(db, "MUG", 3)
    number = _start(db, bins=RANGE)
    for kwargs, error in (
        ({"bin_code": "A-01-01-01", "sku_code": "MUG", "quantity": -1}, InvalidValue),
        ({"bin_code": "B-01-02-01", "sku_code": "MUG", "quantity": 1}, InvalidValue),
    ):
        with pytest.raises(error), db.writing() as s:
            enter_count(s, number, actor=PICKER, client_code="ACME", **kwargs)
    for kwargs in ({"bins": "B:A"}, {"bins": "X-1:X-9"}, {"abc": "D"}, {},
                   {"bins": RANGE, "sku_code": "MUG"}):
        with pytest.raises(Exception) as caught, db.writing() as s:
            start_count(s, "LA1", actor=PICKER, **kwargs)
        assert hasattr(caught.value, "template"), caught.value
    with db.reading() as s:
        assert {ln.counted for ln in get_count(s, number, actor=BOSS).lines} == {None}


def _ship(db, number, lines):
    oid = place_order(db, number, lines)
    with db.writing() as s:
        allocate_order(s, oid, actor=ACTOR)
        start_picking(s, oid, actor=ACTOR)
        pack_order(s, oid, actor=ACTOR)


def test_abc_by_shipped_units(db) -> None:
    build_world(db)
    receive(db, "MUG", 100)
    receive(db, "CUP", 100, bin_code="A-01-01-02")
    _ship(db, "O-1", {"MUG": 50, "CUP": 5})
    a = _start(db, abc="A")
    c = _start(db, abc="B")
    with db.reading() as s:
        assert [ln.sku for ln in get_count(s, a, actor=BOSS).lines] == ["MUG"]
        assert [ln.sku for ln in get_count(s, c, actor=BOSS).lines] == ["CUP"]


def _status(db, number):
    with db.reading() as s:
        return s.scalar(select(Order.status).where(Order.number == number))


def test_a_count_below_reserved_reallocates_the_orders(db) -> None:
    build_world(db)
    receive(db, "MUG", 5)
    o1 = place_order(db, "O-1", {"MUG": 4})
    o2 = place_order(db, "O-2", {"MUG": 1})
    with db.writing() as s:
        allocate_order(s, o1, actor=ACTOR)
        allocate_order(s, o2, actor=ACTOR)
    receive(db, "MUG", 3, bin_code="B-01-02-01")
    number = _start(db, bins=RANGE)
    _enter(db, number, "A-01-01-01", "MUG", 2)
    _enter(db, number, "A-01-01-01", "MUG", 2, actor=PICKER2)
    with db.writing() as s:
        done = approve_count(s, number, actor=BOSS)
    assert dict(done.reallocated) == {"O-1": "allocated", "O-2": "allocated"}
    with db.reading() as s:
        held = dict(s.execute(select(Bin.code, func.sum(Reservation.quantity))
                              .join(Bin, Bin.id == Reservation.bin_id).group_by(Bin.code)).all())
    assert sum(held.values()) == 5 and held.get("A-01-01-01", 0) <= 2
    assert _on_hand(db, "A-01-01-01") == 2
    assert_stock_true(db)


def test_a_count_below_reserved_with_no_stock_elsewhere_backorders(db) -> None:
    build_world(db)
    receive(db, "MUG", 4)
    oid = place_order(db, "O-1", {"MUG": 4})
    with db.writing() as s:
        allocate_order(s, oid, actor=ACTOR)
    number = _start(db, bins=RANGE)
    _enter(db, number, "A-01-01-01", "MUG", 1)
    _enter(db, number, "A-01-01-01", "MUG", 1, actor=PICKER2)
    with db.writing() as s:
        done = approve_count(s, number, actor=BOSS)
    assert done.reallocated == (("O-1", "backordered"),)
    assert _status(db, "O-1") == "backordered"
    assert_stock_true(db)


def test_units_reserved_for_orders_being_picked_refuse_the_approval(db) -> None:
    build_world(db)
    receive(db, "MUG", 4)
    oid = place_order(db, "O-1", {"MUG": 4})
    with db.writing() as s:
        allocate_order(s, oid, actor=ACTOR)
        start_picking(s, oid, actor=ACTOR)
    number = _start(db, bins=RANGE)
    _enter(db, number, "A-01-01-01", "MUG", 1)
    _enter(db, number, "A-01-01-01", "MUG", 1, actor=PICKER2)
    with pytest.raises(CountReservedInPicking), db.writing() as s:
        approve_count(s, number, actor=BOSS)
    assert _on_hand(db, "A-01-01-01") == 4 and _status(db, "O-1") == "picking"
    with db.reading() as s:
        assert get_count(s, number, actor=BOSS).status == "open"


def _cli(capsys, *argv):
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_counts(db, db_url, capsys) -> None:
    build_world(db)
    with db.writing() as s:
        for name, role in (("picker", Role.PICKER), ("picker2", Role.PICKER),
                           ("boss", Role.ADMIN)):
            create_user(s, name, "long enough", role, actor=ACTOR)
    receive(db, "MUG", 10)
    code, out, err = _cli(capsys, "counts", "start", "--warehouse", "LA1", "--bins", RANGE,
                          "--blind", "--json", "--user", "picker", "--db", db_url)
    assert code == 0, err
    started = json.loads(out)
    number = started["number"]
    assert started["blind"] is True and started["lines"][0]["expected"] is None
    code, out, err = _cli(capsys, "counts", "enter", number, "--bin", "A-01-01-01", "--sku",
                          "MUG", "--qty", "-2", "--user", "picker", "--db", db_url)
    assert code == 1 and err.startswith("error: ") and err.count("\n") == 1
    code, out, err = _cli(capsys, "counts", "enter", number, "--bin", "A-01-01-01", "--sku",
                          "MUG", "--client", "ACME", "--qty", "6", "--user", "picker",
                          "--json", "--db", db_url)
    assert code == 0, err
    assert json.loads(out)["status"] == "recount"
    code, out, err = _cli(capsys, "counts", "approve", number, "--user", "picker",
                          "--db", db_url)
    assert code == 3, err
    code, out, err = _cli(capsys, "counts", "enter", number, "--bin", "A-01-01-01", "--sku",
                          "MUG", "--client", "ACME", "--qty", "6", "--user", "picker2",
                          "--db", db_url)
    assert code == 0 and "supervisor" in out
    code, out, err = _cli(capsys, "counts", "approve", number, "--user", "boss", "--json",
                          "--db", db_url)
    assert code == 0, err
    assert json.loads(out)["posted"][0]["delta"] == -4
    code, out, _err = _cli(capsys, "counts", "list", "--json", "--db", db_url)
    assert json.loads(out)[0]["status"] == "approved"
    code, out, _err = _cli(capsys, "counts", "show", number, "--db", db_url)
    assert code == 0 and "approved" in out
