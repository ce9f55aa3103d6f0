"""`haicang stock [list] | receive | move | adjust` and `haicang orders cancel | hold | release`."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db.engine import Database
from app.db.models import StockBalance, StockMove
from app.domain.states import Role
from app.services.users import create_user
from tests.world import ACTOR, build_world, place_order, receive

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

RECEIVE = ["stock", "receive", "--warehouse", "LA1", "--bin", "A-01-01-01"]


@pytest.fixture
def url(db: Database, db_url: str) -> Iterator[str]:
    """Two warehouses, clients ACME and BETA (both have a SKU "MUG"; ACME's has the barcode
    012345678905), and a user of every role, each with the password "long enough"."""
    build_world(db)
    with db.writing() as s:
        for role in Role:
            create_user(s, role.value, "long enough", role, actor=ACTOR)
    yield db_url


def run(capsys: pytest.CaptureFixture[str], *argv: str, url: str) -> str:
    capsys.readouterr()
    code = main([*argv, "--db", url])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def run_json(capsys: pytest.CaptureFixture[str], *argv: str, url: str) -> object:
    return json.loads(run(capsys, *argv, "--json", url=url))


def fails(capsys: pytest.CaptureFixture[str], code: int, *argv: str, url: str) -> str:
    """Run a command that must fail with ``code`` and one error line; return the line."""
    capsys.readouterr()
    assert main([*argv, "--db", url]) == code
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    return err


def ledger(db: Database) -> tuple[int, int]:
    """(moves, units on hand): what any stock change alters."""
    with db.reading() as s:
        moves = s.scalar(select(func.count(StockMove.id))) or 0
        units = s.scalar(select(func.coalesce(func.sum(StockBalance.on_hand), 0))) or 0
    return moves, units


def test_bare_stock_still_lists_and_stock_list_is_the_same(url, db, capsys) -> None:
    receive(db, "MUG", 5)
    receive(db, "MUG", 7, client="BETA", wh="NJ1")
    bare = run_json(capsys, "stock", "--sku", "MUG", url=url)
    assert {(r["client_code"], r["warehouse_code"], r["on_hand"]) for r in bare} == {
        ("ACME", "LA1", 5), ("BETA", "NJ1", 7)}
    assert run_json(capsys, "stock", "list", "--sku", "MUG", url=url) == bare
    by_barcode = run_json(capsys, "stock", "--sku", "012345678905", url=url)
    assert [(r["client_code"], r["sku_code"]) for r in by_barcode] == [("ACME", "MUG")]
    assert [r["client_code"] for r in run_json(capsys, "stock", "--warehouse", "NJ1",
                                               url=url)] == ["BETA"]
    assert "ON HAND" in run(capsys, "stock", url=url)


def test_receive_prints_one_line_and_takes_a_barcode(url, db, capsys) -> None:
    out = run(capsys, *RECEIVE, "--sku", "012345678905", "--qty", "24", url=url)
    assert out == "Received 24 × MUG into LA1/A-01-01-01 (on hand now 24).\n"
    out = run(capsys, "stock", "receive", "--warehouse", "la1", "--bin", "a-01-01-01", "--sku",
              "MUG", "--client", "acme", "--qty", "24", "--reference", "ASN-7", url=url)
    assert out == "Received 24 × MUG into LA1/A-01-01-01 (on hand now 48).\n"
    result = run_json(capsys, *RECEIVE, "--sku", "CUP", "--qty", "3", url=url)
    assert result["sku_code"] == "CUP" and result["quantity"] == 3 and result["on_hand"] == 3
    assert result["client_code"] == "ACME" and result["move_id"] > 0
    with db.reading() as s:
        assert "ASN-7" in set(s.scalars(select(StockMove.reference)))


def test_a_sku_several_clients_have_needs_client(url, db, capsys) -> None:
    err = fails(capsys, 1, *RECEIVE, "--sku", "MUG", "--qty", "5", url=url)
    assert "--client" in err and "ACME, BETA" in err
    assert ledger(db) == (0, 0)
    assert "on hand now 5" in run(capsys, *RECEIVE, "--sku", "MUG", "--client", "BETA",
                                  "--qty", "5", url=url)
    assert "SKU NOPE was not found" in fails(capsys, 1, *RECEIVE, "--sku", "NOPE", "--qty", "5",
                                             url=url)


@pytest.mark.parametrize("change,problem", [
    (["--bin", "Z-99"], "Bin Z-99 was not found"),
    (["--warehouse", "XX1"], "Warehouse XX1 was not found"),
    (["--qty", "-1"], "quantity: '-1' must be a whole number above 0"),
    (["--qty", "0"], "must be a whole number above 0"),
    (["--client", "NOPE"], "Client NOPE was not found"),
])
def test_a_bad_receive_writes_nothing(url, db, capsys, change, problem) -> None:
    argv = {"--warehouse": "LA1", "--bin": "A-01-01-01", "--sku": "CUP", "--qty": "5"}
    argv.update(dict(zip(change[::2], change[1::2], strict=True)))
    flat = [x for pair in argv.items() for x in pair]
    assert problem in fails(capsys, 1, "stock", "receive", *flat, url=url)
    assert ledger(db) == (0, 0)


def test_a_quantity_that_is_not_a_number_is_a_usage_error(url, db) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*RECEIVE, "--sku", "CUP", "--qty", "lots", "--db", url])
    assert exit_info.value.code == 2
    assert ledger(db) == (0, 0)


def test_move_then_adjust_with_a_reason(url, db, capsys) -> None:
    receive(db, "CUP", 20)
    out = run(capsys, "stock", "move", "--warehouse", "LA1", "--from-bin", "A-01-01-01",
              "--to-bin", "B-01-02-01", "--sku", "CUP", "--qty", "8", url=url)
    assert out == "Moved 8 × CUP from LA1/A-01-01-01 to LA1/B-01-02-01 (12 left, 8 there now).\n"
    out = run(capsys, "stock", "adjust", "--warehouse", "LA1", "--bin", "B-01-02-01", "--sku",
              "CUP", "--qty", "-3", "--reason", "damaged", "--note", "crushed box", url=url)
    assert out == "Adjusted CUP in LA1/B-01-02-01 by -3 (damaged; on hand now 5).\n"
    found = run_json(capsys, "stock", "adjust", "--warehouse", "LA1", "--bin", "B-01-02-01",
                     "--sku", "CUP", "--qty", "+2", "--reason", "found", url=url)
    assert found["quantity"] == 2 and found["on_hand"] == 7
    before = ledger(db)
    assert "quantity" in fails(capsys, 1, "stock", "adjust", "--warehouse", "LA1", "--bin",
                               "B-01-02-01", "--sku", "CUP", "--qty", "0", "--reason", "lost",
                               url=url)
    fails(capsys, 1, "stock", "move", "--warehouse", "LA1", "--from-bin", "B-01-02-01",
          "--to-bin", "A-01-01-02", "--sku", "CUP", "--qty", "99", url=url)
    assert ledger(db) == before
    check = run_json(capsys, "check", url=url)
    assert check["ledger"]["ok"]


def test_adjust_reasons_are_a_fixed_list(url, db) -> None:
    receive(db, "CUP", 5)
    with pytest.raises(SystemExit) as exit_info:
        main(["stock", "adjust", "--warehouse", "LA1", "--bin", "A-01-01-01", "--sku", "CUP",
              "--qty", "-1", "--reason", "oops", "--db", url])
    assert exit_info.value.code == 2
    assert ledger(db) == (1, 5)


def test_roles_decide_who_may_change_stock(url, db, capsys) -> None:
    receive(db, "CUP", 5)
    adjust = ["stock", "adjust", "--warehouse", "LA1", "--bin", "A-01-01-01", "--sku", "CUP",
              "--qty", "-1", "--reason", "lost"]
    assert "Your role (packer) may not adjust stock." in fails(
        capsys, 3, "--user", "packer", *adjust, url=url)
    assert "may not receive stock" in fails(
        capsys, 3, "--user", "packer", *RECEIVE, "--sku", "CUP", "--qty", "1", url=url)
    assert "no active user named 'ghost'" in fails(
        capsys, 3, "--user", "ghost", *RECEIVE, "--sku", "CUP", "--qty", "1", url=url)
    assert ledger(db) == (1, 5)
    assert "on hand now 4" in run(capsys, "--user", "clerk", *adjust, url=url)


def test_orders_hold_release_cancel(url, db, capsys) -> None:
    receive(db, "CUP", 10)
    place_order(db, "A-100", {"CUP": 4})
    place_order(db, "A-101", {"CUP": 2})
    run(capsys, "allocate", url=url)
    out = run(capsys, "orders", "hold", "A-100", url=url)
    assert out == "Order A-100 on hold (was allocated).\n"
    shown = run_json(capsys, "orders", "show", "A-100", url=url)
    assert shown["row"]["status"] == "on_hold" and shown["row"]["hold_reason"]
    assert "cannot become on_hold" in fails(capsys, 1, "orders", "hold", "A-100", url=url)
    released = run_json(capsys, "orders", "release", "A-100", url=url)
    assert (released["from_status"], released["to_status"]) == ("on_hold", "allocated")
    assert run(capsys, "orders", "hold", "A-100", "--reason", "address check", "--client",
               "ACME", url=url)
    shown = run_json(capsys, "orders", "show", "A-100", url=url)
    assert shown["row"]["hold_reason"] == "address check"

    assert "(picker) may not cancel orders" in fails(
        capsys, 3, "--user", "picker", "orders", "cancel", "A-101", url=url)
    out = run(capsys, "orders", "cancel", "A-101", "--reason", "buyer asked", url=url)
    assert out == "Order A-101 cancelled (was allocated).\n"
    stock = run_json(capsys, "stock", "--sku", "CUP", url=url)
    assert stock[0]["reserved"] == 4  # A-101's two units are free again
    assert "Order NOPE was not found" in fails(capsys, 1, "orders", "release", "NOPE", url=url)
