"""The `haicang` command as a script or a support engineer uses it."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import build_parser, main

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["demo", "--orders", "80", "--seed", "3", "--db", f"sqlite:///{path}"]) == 0
    return path


@pytest.fixture
def url(demo_file: Path, tmp_path: Path) -> str:
    copy = tmp_path / "db.sqlite3"
    shutil.copy(demo_file, copy)
    return f"sqlite:///{copy}"


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_demo_is_deterministic_and_realistic(tmp_path: Path, url: str, capsys) -> None:
    other = f"sqlite:///{tmp_path / 'again.sqlite3'}"
    assert main(["demo", "--orders", "80", "--seed", "3", "--db", other]) == 0
    capsys.readouterr()
    first = run_json(capsys, "orders", "list", "--db", url)
    second = run_json(capsys, "orders", "list", "--db", other)
    assert first == second and len(first) == 80
    warehouses = {b["warehouse_code"] for b in run_json(capsys, "bins", "list", "--db", url)}
    assert warehouses == {"LA1", "NJ1"}
    clients = run_json(capsys, "clients", "list", "--db", url)
    assert len(clients) == 3
    skus = run_json(capsys, "skus", "list", "--db", url)
    assert 250 <= len(skus) <= 350
    assert all(s["name_zh"] and s["weight_g"] > 0 and s["barcodes"] for s in skus)
    assert {o["status"] for o in first} >= {"allocated"}
    assert len({o["state"] for o in first}) > 10


def test_demo_refuses_a_database_with_data(url: str, capsys) -> None:
    assert main(["demo", "--db", url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and err.count("\n") == 1


def test_orders_list_filters(url: str, capsys) -> None:
    allocated = run_json(capsys, "orders", "list", "--status", "allocated", "--db", url)
    assert allocated and all(o["status"] == "allocated" for o in allocated)
    acme = run_json(capsys, "orders", "list", "--client", "YWHOME", "--db", url)
    assert acme and all(o["client_code"] == "YWHOME" for o in acme)


def test_orders_show_text_and_json(url: str, capsys) -> None:
    number = run_json(capsys, "orders", "list", "--status", "allocated", "--db", url)[0]["number"]
    detail = run_json(capsys, "orders", "show", number, "--db", url)
    assert detail["row"]["number"] == number and detail["lines"] and detail["reservations"]
    assert [h["to_status"] for h in detail["history"]][:2] == ["new", "allocated"]
    assert main(["orders", "show", number, "--db", url]) == 0
    out = capsys.readouterr().out
    assert number in out and "Reserved in bins" in out


def test_stock_and_allocate_and_check(url: str, capsys) -> None:
    stock = run_json(capsys, "stock", "--warehouse", "LA1", "--db", url)
    assert stock and all(r["warehouse_code"] == "LA1" for r in stock)
    assert all(r["available"] == r["on_hand"] - r["reserved"] for r in stock)
    one = stock[0]["sku_code"]
    only = run_json(capsys, "stock", "--sku", one, "--db", url)
    assert {r["sku_code"] for r in only} == {one}
    result = run_json(capsys, "allocate", "--db", url)
    assert result["tried"] == result["allocated"] + result["backordered"]
    check = run_json(capsys, "check", "--db", url)
    assert check["ok"] and check["schema"]["ok"] and check["ledger"]["ok"]
    assert check["ledger"]["moves"] > 0


def test_check_fails_when_the_ledger_disagrees(url: str, capsys) -> None:
    import sqlite3

    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        conn.execute("UPDATE stock_balances SET on_hand = on_hand + 1 WHERE id = 1")
    conn.close()
    assert main(["check", "--db", url]) == 1
    assert "differ from the ledger" in capsys.readouterr().out


def test_db_upgrade_and_backup(url: str, tmp_path: Path, capsys) -> None:
    assert run_json(capsys, "db", "upgrade", "--db", url)["revision"]
    backup = run_json(capsys, "db", "backup", "--to", str(tmp_path / "bk"), "--db", url)
    assert Path(backup["backup"]).stat().st_size > 100_000


@pytest.mark.parametrize("argv", [
    ["orders", "show", "NOPE"],
    ["orders", "list", "--client", "NOPE"],
    ["stock", "--warehouse", "XX"],
    ["allocate", "--order", "NOPE"],
])
def test_errors_are_one_line_and_non_zero(url: str, capsys, argv: list[str]) -> None:
    assert main([*argv, "--db", url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err


def test_the_installed_command_runs_and_never_prints_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "HAICANG_DATA_DIR": str(tmp_path)}
    exe = Path(sys.executable).with_name("haicang")
    fresh = subprocess.run([str(exe), "check"], capture_output=True, text=True, env=env,
                           timeout=60)
    assert fresh.returncode == 1 and "OUT OF DATE" in fresh.stdout  # check never writes
    subprocess.run([str(exe), "db", "upgrade"], check=True, env=env, timeout=60,
                   capture_output=True)
    ok = subprocess.run([str(exe), "check", "--json"], capture_output=True, text=True, env=env,
                        timeout=60)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["database"].endswith("haicang.sqlite3")
    bad = subprocess.run([str(exe), "check", "--db", "postgresql+psycopg://x@127.0.0.1:1/x"],
                         capture_output=True, text=True, env=env, timeout=60)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.startswith("error: Cannot open the database")
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.startswith("haicang ")


def test_template_then_import_all_or_nothing_then_valid_only(url: str, tmp_path: Path,
                                                            capsys) -> None:
    template = tmp_path / "orders.csv"
    assert main(["orders", "template", str(template)]) == 0
    assert main(["orders", "template", str(template)]) == 1  # never overwrite silently
    capsys.readouterr()
    sku = run_json(capsys, "skus", "list", "--client", "SZTECH", "--db", url)[0]["code"]
    header = template.read_text(encoding="utf-8-sig").splitlines()[0]
    cols = header.split(",")
    good = dict.fromkeys(cols, "")
    good.update(order_number="CLI-1", sku=sku, quantity="2", buyer_name="Ann Lee",
                address1="1 Main St", city="Austin", state="TX", zip="78701", country="US")
    bad = {**good, "order_number": "CLI-2", "quantity": "-1", "state": "ZZ"}
    rows = [",".join(r[c] for c in cols) for r in (good, bad)]
    data = tmp_path / "data.csv"
    data.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")

    assert main(["orders", "import", str(data), "--client", "SZTECH", "--db", url]) == 1
    captured = capsys.readouterr()
    assert "line 3" in captured.out and "line 3" not in captured.err
    assert captured.err == "error: 1 of 2 rows have problems; nothing was imported.\n"
    assert main(["orders", "show", "CLI-1", "--db", url]) == 1  # all or nothing
    capsys.readouterr()
    report = run_json(capsys, "orders", "import", str(data), "--client", "SZTECH",
                      "--valid-only", "--db", url)
    assert report["orders_created"] == ["CLI-1"] and report["orders_rejected"] == ["CLI-2"]
    assert {p["line"] for p in report["problems"]} == {3}
    again = run_json(capsys, "orders", "import", str(data), "--client", "SZTECH",
                     "--valid-only", "--db", url)
    assert again["orders_created"] == [] and again["orders_already_imported"] == ["CLI-1"]


def test_allocating_one_named_order_says_why_it_cannot(url: str, capsys) -> None:
    cancelled = run_json(capsys, "orders", "list", "--status", "cancelled", "--db", url)
    assert cancelled, "the demo cancels a few orders"
    assert main(["allocate", "--order", cancelled[0]["number"], "--db", url]) == 1
    assert "cannot become allocated" in capsys.readouterr().err


def test_demo_shows_its_progress_on_stderr_only(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'progress.sqlite3'}"
    assert main(["demo", "--orders", "40", "--seed", "2", "--db", url]) == 0
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert lines[0] == "warehouses, bins, clients and SKUs…"
    assert "orders 40/40…" in lines and lines[-1].startswith("allocating orders ")
    assert "Demo warehouse loaded" in captured.out and "…" not in captured.out


def test_orders_list_says_when_the_limit_cut_it(url: str, capsys) -> None:
    assert main(["orders", "list", "--limit", "30", "--json", "--db", url]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 30  # --json stays a plain list
    assert main(["orders", "list", "--limit", "30", "--db", url]) == 0
    assert capsys.readouterr().err == "showing the newest 30 of 80 orders; use --limit\n"
    assert main(["orders", "list", "--limit", "80", "--db", url]) == 0
    assert capsys.readouterr().err == ""


# --- who acts: --user and the role table -------------------------------------------------


def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    return err


def test_a_user_whose_role_may_not_is_refused_with_exit_3(url: str, tmp_path: Path,
                                                          capsys) -> None:
    orders_file = tmp_path / "orders.csv"
    assert main(["orders", "template", str(orders_file)]) == 0
    capsys.readouterr()
    before = run_json(capsys, "orders", "list", "--limit", "1000", "--db", url)
    assert main(["--user", "packer", "orders", "import", str(orders_file), "--client", "YWHOME",
                 "--db", url]) == 3
    assert "Your role (packer) may not import orders." in _one_error_line(capsys)
    assert main(["--user", "picker", "allocate", "--db", url]) == 3
    assert "(picker) may not allocate stock to orders" in _one_error_line(capsys)
    assert run_json(capsys, "orders", "list", "--limit", "1000", "--db", url) == before


@pytest.mark.parametrize("user", ["nobody", "packer"])
def test_an_unknown_or_deactivated_user_is_refused_with_exit_3(url: str, user: str,
                                                                capsys) -> None:
    import sqlite3

    with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
        conn.execute("UPDATE users SET active = 0 WHERE username = 'packer'")
    conn.close()
    assert main(["--user", user, "allocate", "--db", url]) == 3
    assert f"no active user named '{user}'" in _one_error_line(capsys)
    assert main(["--user", user, "orders", "list", "--db", url]) == 3  # listings too
    assert f"no active user named '{user}'" in _one_error_line(capsys)


def test_a_clerk_and_the_default_administrator_may_allocate(url: str, capsys) -> None:
    assert run_json(capsys, "--user", "clerk", "allocate", "--db", url)["tried"] >= 0
    assert run_json(capsys, "allocate", "--db", url)["tried"] >= 0  # no --user: administrator


def test_the_demo_loader_refuses_a_role_that_may_not_set_up_master_data(tmp_path: Path,
                                                                       capsys) -> None:
    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    assert main(["demo", "--orders", "5", "--db", fresh]) == 0
    capsys.readouterr()
    assert main(["--user", "clerk", "demo", "--orders", "5", "--db", fresh]) == 3
    assert "may not manage clients, warehouses, bins and SKUs" in _one_error_line(capsys)


def test_an_unexpected_error_exits_4_with_one_line(monkeypatch, tmp_path: Path, capsys) -> None:
    import app.cli as cli

    def boom(_args):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(cli, "cmd_stock", boom)
    monkeypatch.setenv("HAICANG_DATA_DIR", str(tmp_path))
    assert cli.EXIT_BUG == 4 and cli.EXIT_DENIED == 3
    assert main(["stock"]) == 4
    assert "unexpected RuntimeError: kaputt" in _one_error_line(capsys)


def test_modules_can_add_verbs_to_an_existing_command_group() -> None:
    import argparse

    from app.cli import Registrar

    parser = argparse.ArgumentParser(prog="haicang")
    reg = Registrar(parser.add_subparsers(dest="command"), argparse.ArgumentParser(add_help=False),
                    argparse.ArgumentParser(add_help=False))
    first = reg.group("orders", "orders")
    reg.add(first, "list", lambda _a: 0, "list orders")
    again = reg.group("orders", "orders, from another module")
    assert again is first
    reg.add(again, "pick", lambda _a: 0, "pick orders")
    assert parser.parse_args(["orders", "pick"]).orders_command == "pick"
    assert parser.parse_args(["orders", "list"]).orders_command == "list"


def _subparsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield sub
                yield from _subparsers(sub)


def test_every_commands_help_can_be_shown() -> None:
    """A stray '%' in a help text only breaks when someone asks for --help."""
    helps = [sub.format_help() for sub in _subparsers(build_parser())]
    assert len(helps) > 100 and all("usage: haicang" in text for text in helps)
