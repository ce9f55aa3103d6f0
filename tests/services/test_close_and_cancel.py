"""Closing an RMA and cancelling a cycle count: the transition tables, the refusals
(nothing written), and `haicang returns close` / `haicang counts cancel`."""

from __future__ import annotations

import json
from itertools import product

import pytest
from sqlalchemy import func, select

from app.db.models import StockMove
from app.domain.errors import PermissionDenied
from app.domain.stock_control_errors import (
    CountNotOpen,
    ReturnClosed,
    ReturnIllegalTransition,
    ReturnNothingReceived,
)
from app.domain.stock_control_states import (
    COUNT_TRANSITIONS,
    RETURN_TRANSITIONS,
    CountStatus,
    ReturnStatus,
    check_count_transition,
    check_return_transition,
)
from app.services.counts import approve_count, cancel_count, enter_count, get_count, list_counts
from app.services.returns import close_return, create_return, get_return, receive_return
from app.services.users import create_user
from tests.services.layers_check import assert_stock_true
from tests.services.test_counts import BOSS, BOSS2, PICKER, PICKER2, _cli, _enter, _start
from tests.services.test_returns import CLERK, PACKER, returns_world
from tests.world import ACTOR, build_world, receive

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.mark.parametrize(("current", "target"), list(product(ReturnStatus, ReturnStatus)))
def test_return_transitions_are_the_table(current: ReturnStatus, target: ReturnStatus) -> None:
    if target in RETURN_TRANSITIONS[current]:
        check_return_transition("RMA-1", current.value, target)
    else:
        with pytest.raises(ReturnIllegalTransition):
            check_return_transition("RMA-1", current.value, target)


@pytest.mark.parametrize(("current", "target"), list(product(CountStatus, CountStatus)))
def test_count_transitions_are_the_table(current: CountStatus, target: CountStatus) -> None:
    if target in COUNT_TRANSITIONS[current]:
        check_count_transition("CC-1", current.value, target)
    else:
        with pytest.raises(CountNotOpen):
            check_count_transition("CC-1", current.value, target)


def _moves(db) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count(StockMove.id))) or 0)


def test_a_received_rma_closes_and_then_refuses_more_units(db) -> None:
    returns_world(db)
    with db.writing() as s:
        number = create_return(s, order_number="O-1", actor=CLERK).number
        receive_return(s, number, sku_code="MUG", quantity=1, grade="damaged", actor=CLERK)
    with pytest.raises(PermissionDenied), db.writing() as s:
        close_return(s, number, actor=PACKER)
    with db.writing() as s:
        closed = close_return(s, number, actor=CLERK)
    assert (closed.status, closed.units, closed.order_status) == ("closed", 1, "returned")
    moves = _moves(db)
    with pytest.raises(ReturnClosed), db.writing() as s:
        receive_return(s, number, sku_code="MUG", quantity=1, grade="damaged", actor=CLERK)
    with pytest.raises(ReturnIllegalTransition), db.writing() as s:
        close_return(s, number, actor=CLERK)
    assert _moves(db) == moves
    assert_stock_true(db)


def test_an_rma_with_nothing_received_closes_only_with_force(db) -> None:
    returns_world(db)
    with db.writing() as s:
        number = create_return(s, order_number="O-1", actor=CLERK).number
    with pytest.raises(ReturnNothingReceived), db.writing() as s:
        close_return(s, number, actor=CLERK)
    with db.reading() as s:
        assert get_return(s, number).status == "open"
    with db.writing() as s:
        closed = close_return(s, number, actor=CLERK, force=True)
    # the order never came back: it stays shipped
    assert (closed.status, closed.units, closed.order_status) == ("closed", 0, "shipped")


def test_a_cancelled_count_posts_nothing_and_takes_no_more_counts(db) -> None:
    build_world(db)
    receive(db, "MUG", 10)
    number = _start(db, sku_code="MUG", client_code="ACME")
    _enter(db, number, "A-01-01-01", "MUG", 7)
    assert _enter(db, number, "A-01-01-01", "MUG", 7, actor=PICKER2).status == "review"
    moves = _moves(db)
    with pytest.raises(PermissionDenied), db.writing() as s:
        cancel_count(s, number, actor=PICKER)
    with db.writing() as s:
        info = cancel_count(s, number, actor=BOSS)
    assert info.status == "cancelled" and [ln.status for ln in info.lines] == ["review"]
    assert info.lines[0].recounted == 7  # what was counted stays on record
    for refused in (
        lambda s: enter_count(s, number, bin_code="A-01-01-01", sku_code="MUG", quantity=7,
                              actor=BOSS2, client_code="ACME"),
        lambda s: approve_count(s, number, actor=BOSS2),
        lambda s: cancel_count(s, number, actor=BOSS2),
    ):
        with pytest.raises(CountNotOpen), db.writing() as s:
            refused(s)
    assert _moves(db) == moves
    with db.reading() as s:
        assert [c.number for c in list_counts(s, status="cancelled")] == [number]
        assert list_counts(s, status="open") == []
    assert_stock_true(db)


def test_an_approved_count_cannot_be_cancelled(db) -> None:
    build_world(db)
    receive(db, "MUG", 10)
    number = _start(db, bins="A-01-01-01:A-01-01-02")
    _enter(db, number, "A-01-01-01", "MUG", 10)
    with db.writing() as s:
        approve_count(s, number, actor=BOSS)
    with pytest.raises(CountNotOpen), db.writing() as s:
        cancel_count(s, number, actor=BOSS)
    with db.reading() as s:
        assert get_count(s, number, actor=BOSS).status == "approved"


def test_the_count_carries_its_scope_in_parts(db) -> None:
    build_world(db)
    receive(db, "MUG", 10)
    by_bins = _start(db, bins="A-01-01-01:A-01-01-02")
    by_sku = _start(db, sku_code="MUG", client_code="ACME")
    with db.reading() as s:
        parts = {c.number: (c.scope_kind, c.scope_value, c.scope) for c in list_counts(s)}
        info = get_count(s, by_sku, actor=BOSS)
    assert parts == {by_bins: ("bins", "A-01-01-01:A-01-01-02", "bins A-01-01-01:A-01-01-02"),
                     by_sku: ("sku", "MUG", "SKU MUG")}
    assert (info.scope_kind, info.scope_value) == ("sku", "MUG")


def test_cli_returns_close_and_counts_cancel(db, db_url, capsys) -> None:
    returns_world(db)
    with db.writing() as s:
        number = create_return(s, order_number="O-1", actor=CLERK).number
        for name in ("picker", "boss"):
            create_user(s, name, "long enough", PICKER.role if name == "picker" else BOSS.role,
                        actor=ACTOR)
    code, _out, err = _cli(capsys, "returns", "close", number, "--db", db_url)
    assert code == 1 and err.startswith("error: ") and "--force" in err
    assert err.count("\n") == 1
    code, out, err = _cli(capsys, "returns", "close", number, "--force", "--json",
                          "--db", db_url)
    assert code == 0, err
    assert (json.loads(out)["number"], json.loads(out)["status"]) == (number, "closed")
    code, _out, err = _cli(capsys, "returns", "close", number, "--db", db_url)
    assert code == 1 and f"Return {number} is closed; it cannot become closed." in err
    code, out, _err = _cli(capsys, "returns", "list", "--status", "closed", "--json",
                           "--db", db_url)
    assert [r["number"] for r in json.loads(out)] == [number]

    count = _start(db, bins="A-01-01-01:A-01-01-02")
    code, _out, err = _cli(capsys, "counts", "cancel", count, "--user", "picker",
                           "--db", db_url)
    assert code == 3, err
    code, out, err = _cli(capsys, "counts", "cancel", count, "--user", "boss", "--json",
                          "--db", db_url)
    assert code == 0, err
    assert json.loads(out)["status"] == "cancelled" and json.loads(out)["scope_kind"] == "bins"
    code, out, _err = _cli(capsys, "counts", "list", "--status", "cancelled", "--json",
                           "--db", db_url)
    assert [c["number"] for c in json.loads(out)] == [count]
    code, _out, err = _cli(capsys, "counts", "cancel", count, "--user", "boss", "--db", db_url)
    assert code == 1 and f"Count {count} is cancelled" in err
