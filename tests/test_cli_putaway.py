"""`haicang putaway list | confirm`, `haicang replenish plan | list | confirm | limits ...`,
and the bin capacity and SKU expiry-window options of `bins` and `skus`."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.db.engine import Database
from app.domain.states import Role
from app.services.users import create_user
from tests.services.putaway_world import dock_task, on_hand, setup, stock
from tests.world import ACTOR

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def run(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> str:
    capsys.readouterr()
    code = main([*argv, "--db", url])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def run_json(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> object:
    return json.loads(run(capsys, url, *argv, "--json"))


def fails(capsys: pytest.CaptureFixture[str], url: str, code: int, *argv: str) -> str:
    capsys.readouterr()
    assert main([*argv, "--db", url]) == code
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    return err


def test_putaway_list_suggests_and_confirm_moves(db: Database, db_url: str, capsys) -> None:
    setup(db)
    task = dock_task(db, 10)
    rows = run_json(capsys, db_url, "putaway", "list", "--warehouse", "LA1")
    assert isinstance(rows, list)
    assert [(r["task"], r["sku"], r["quantity"], r["from_bin"], r["suggested_bin"])
            for r in rows] == [(task, "MUG", 10, "RCV-01", "B-01-02-01")]
    text = run(capsys, db_url, "putaway", "list", "--warehouse", "LA1")
    assert "B-01-02-01" in text and "SUGGESTED" in text
    err = fails(capsys, db_url, 1, "putaway", "confirm", str(task), "--bin", "STAGE-01")
    assert "STAGE-01 is a staging bin" in err
    done = run_json(capsys, db_url, "putaway", "confirm", str(task), "--bin", "B-01-02-02")
    assert isinstance(done, dict)
    assert (done["status"], done["to_bin"], done["instead_of"]) == (
        "done", "B-01-02-02", "B-01-02-01")
    assert on_hand(db, "B-01-02-02") == (10, 0)
    err = fails(capsys, db_url, 1, "putaway", "confirm", str(task), "--bin", "B-01-02-02")
    assert "already done" in err
    assert run_json(capsys, db_url, "putaway", "list", "--warehouse", "LA1") == []
    fails(capsys, db_url, 1, "putaway", "list", "--warehouse", "XX9")


def test_replenish_limits_plan_list_confirm(db: Database, db_url: str, capsys) -> None:
    setup(db)
    stock(db, "B-01-02-01", qty=40)
    limit = run_json(capsys, db_url, "replenish", "limits", "set", "--bin", "A-01-01-01",
                     "--sku", "MUG", "--client", "ACME", "--min", "5", "--max", "20",
                     "--warehouse", "LA1")
    assert isinstance(limit, dict) and (limit["min_qty"], limit["max_qty"]) == (5, 20)
    assert "must be more than min" in fails(
        capsys, db_url, 1, "replenish", "limits", "set", "--bin", "A-01-01-01", "--sku", "MUG",
        "--client", "ACME", "--min", "5", "--max", "5", "--warehouse", "LA1")
    listed = run_json(capsys, db_url, "replenish", "limits", "list", "--warehouse", "LA1")
    assert [(x["bin_code"], x["sku_code"]) for x in listed] == [("A-01-01-01", "MUG")]
    plan = run_json(capsys, db_url, "replenish", "plan", "--warehouse", "LA1")
    assert isinstance(plan, dict)
    assert [(t["sku"], t["from_bin"], t["to_bin"], t["quantity"]) for t in plan["tasks"]] == [
        ("MUG", "B-01-02-01", "A-01-01-01", 20)]
    assert run_json(capsys, db_url, "replenish", "plan", "--warehouse", "LA1")["tasks"] == []
    assert "No pick bin needs stock now." in run(
        capsys, db_url, "replenish", "plan", "--warehouse", "LA1")
    task = plan["tasks"][0]["task"]
    assert [t["task"] for t in run_json(
        capsys, db_url, "replenish", "list", "--warehouse", "LA1")] == [task]
    assert "from bin B-01-02-01" in fails(capsys, db_url, 1, "replenish", "confirm", str(task),
                                          "--from-bin", "A-01-01-02")
    done = run_json(capsys, db_url, "replenish", "confirm", str(task))
    assert isinstance(done, dict) and done["status"] == "done"
    assert on_hand(db, "A-01-01-01") == (20, 0)
    assert run_json(capsys, db_url, "replenish", "list", "--warehouse", "LA1") == []
    assert "already done" in fails(capsys, db_url, 1, "replenish", "confirm", str(task))
    assert "several warehouses (LA1, NJ1)" in fails(
        capsys, db_url, 1, "replenish", "limits", "remove", "--bin", "A-01-01-01", "--sku", "MUG")
    assert "several clients" in fails(capsys, db_url, 1, "replenish", "limits", "remove",
                                      "--bin", "A-01-01-01", "--sku", "MUG", "--warehouse", "LA1")
    run(capsys, db_url, "replenish", "limits", "remove", "--bin", "A-01-01-01", "--sku", "MUG",
        "--client", "acme", "--warehouse", "la1")
    assert run_json(capsys, db_url, "replenish", "limits", "list", "--warehouse", "LA1") == []


def test_a_picker_may_put_away_but_not_set_limits(db: Database, db_url: str, capsys) -> None:
    setup(db)
    with db.writing() as s:
        create_user(s, "pia", "long enough", Role.PICKER, actor=ACTOR)
    task = dock_task(db, 2)
    run(capsys, db_url, "putaway", "confirm", str(task), "--bin", "B-01-02-01", "--user", "pia")
    fails(capsys, db_url, 3, "replenish", "limits", "set", "--bin", "A-01-01-01", "--sku",
          "MUG", "--client", "ACME", "--min", "1", "--max", "3", "--warehouse", "LA1",
          "--user", "pia")


def test_bin_capacity_and_sku_expiry_window_options(db: Database, db_url: str, capsys) -> None:
    setup(db)
    added = run_json(capsys, db_url, "bins", "add", "C-01", "--warehouse", "LA1", "--type",
                     "storage", "--aisle", "3", "--position", "1", "--capacity-units", "40")
    assert isinstance(added, dict)
    assert (added["capacity_units"], added["capacity_litres"]) == (40, None)
    edited = run_json(capsys, db_url, "bins", "edit", "C-01", "--warehouse", "LA1",
                      "--capacity-litres", "120.5")
    assert (edited["capacity_units"], edited["capacity_litres"]) == (40, "120.50")
    edited = run_json(capsys, db_url, "bins", "edit", "C-01", "--warehouse", "LA1",
                      "--capacity-units", "none")
    assert (edited["capacity_units"], edited["capacity_litres"]) == (None, "120.50")
    assert "capacity units" in fails(capsys, db_url, 1, "bins", "edit", "C-01", "--warehouse",
                                     "LA1", "--capacity-units", "0")
    sku = run_json(capsys, db_url, "skus", "edit", "JAM", "--client", "ACME",
                   "--expiry-window-days", "45")
    assert isinstance(sku, dict) and sku["expiry_window_days"] == 45
    assert "expiry window" in fails(capsys, db_url, 1, "skus", "edit", "JAM", "--client",
                                    "ACME", "--expiry-window-days", "-1")
    sku = run_json(capsys, db_url, "skus", "add", "OIL", "--client", "ACME", "--name", "Oil",
                   "--lot-tracked", "--expiry-window-days", "14")
    assert (sku["lot_tracked"], sku["expiry_window_days"]) == (True, 14)
