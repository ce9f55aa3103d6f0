"""`haicang clients | warehouses | bins`: setting up a warehouse from the terminal.

Each test runs the real ``main([...])`` on a real database, like a script would, and
checks what the database holds afterwards: bad input leaves it as it was.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.db.engine import Database
from app.services.organisation import list_bins, list_clients, list_warehouses
from tests.imports.writers import write_xlsx
from tests.world import build_world, place_order, receive

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

LA = ["--name", "Ontario DC", "--region", "US-West", "--address1", "4100 E Mission Blvd",
      "--city", "Ontario", "--state", "CA", "--zip", "91761",
      "--time-zone", "America/Los_Angeles"]


def run(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--db", url])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> object:
    code, out, err = run(capsys, url, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def one_line_error(err: str) -> str:
    assert err.startswith("error: ") and err.count("\n") == 1, err
    return err


def test_a_warehouse_is_added_edited_shown_and_listed(db: Database, db_url: str, capsys) -> None:
    code, out, _ = run(capsys, db_url, "warehouses", "add", "la2", *LA, "--cutoff", "9:30",
                       "--auto-allocate", "off")
    assert code == 0 and "LA2" in out
    assert run(capsys, db_url, "warehouses", "edit", "LA2", "--phone", "909-555-0100",
               "--auto-allocate", "on")[0] == 0
    shown = run_json(capsys, db_url, "warehouses", "show", "LA2")
    assert shown == {
        "id": shown["id"], "code": "LA2", "name": "Ontario DC", "region": "US-West",
        "time_zone": "America/Los_Angeles", "address1": "4100 E Mission Blvd",
        "city": "Ontario", "state": "CA", "zip": "91761", "address2": None,
        "phone": "909-555-0100", "cutoff_local": "09:30", "auto_allocate": True,
        "active": True,
        "layout": {"aisle_pitch_m": 3.0, "bin_pitch_m": 1.0, "block_length": 0,
                   "depot_aisle": 1},
    }
    code, out, _ = run(capsys, db_url, "warehouses", "list")
    assert "LA2" in out and "America/Los_Angeles" in out and "09:30" in out


@pytest.mark.parametrize(("option", "value", "says"), [
    ("--time-zone", "Mars/Olympus", "time zone: 'Mars/Olympus'"),
    ("--state", "XX", "state: 'XX' is not a US state"),
    ("--zip", "9176X", "zip: '9176X'"),
    ("--region", "EU-Central", "region: 'EU-Central'"),
    ("--cutoff", "25:00", "cut-off time: '25:00'"),
    ("--name", " ", "name: must not be empty"),
])
def test_a_bad_warehouse_is_refused_with_one_line_and_nothing_added(
    db: Database, db_url: str, capsys, option: str, value: str, says: str
) -> None:
    args = list(LA)
    if option in args:
        args[args.index(option) + 1] = value
    else:
        args += [option, value]
    code, _out, err = run(capsys, db_url, "warehouses", "add", "LA2", *args)
    assert code == 1 and says in one_line_error(err)
    with db.reading() as s:
        assert list_warehouses(s) == []


def test_a_client_is_added_with_all_fields_edited_and_shown(
    db: Database, db_url: str, capsys
) -> None:
    assert run(capsys, db_url, "warehouses", "add", "LA2", *LA)[0] == 0
    code, out, err = run(capsys, db_url, "clients", "add", "acme", "--name", "Acme Trading",
                         "--email", "ops@acme.example", "--currency", "cad", "--contact",
                         "Li Wei", "--phone", "+86 138 0000 0000", "--warehouse", "LA2",
                         "--handling-days", "2", "--packing-slip", "no", "--notes", "Fragile")
    assert code == 0, err
    assert run(capsys, db_url, "clients", "edit", "ACME", "--handling-days", "0",
               "--notes", "", "--weight-tolerance-pct", "3.5%",
               "--weight-tolerance-floor-g", "20", "--packing-material-g", "45")[0] == 0
    shown = run_json(capsys, db_url, "clients", "show", "ACME")
    assert {k: v for k, v in shown.items() if k != "id"} == {
        "code": "ACME", "name": "Acme Trading", "active": True, "contact_name": "Li Wei",
        "contact_email": "ops@acme.example", "contact_phone": "+86 138 0000 0000",
        "currency": "CAD", "default_warehouse_code": "LA2", "include_packing_slip": False,
        "handling_days": 0, "notes": None, "weight_tolerance_pct": "3.50",
        "weight_tolerance_floor_g": 20, "packing_material_g": 45,
    }
    code, out, _ = run(capsys, db_url, "clients", "list")
    assert out.splitlines()[0].split() == ["CODE", "NAME", "ACTIVE"]
    assert "Acme Trading" in out


@pytest.mark.parametrize(("args", "says"), [
    (["--currency", "XYZ"], "currency: 'XYZ'"),
    (["--handling-days", "-1"], "handling days: '-1'"),
    (["--weight-tolerance-pct", "60"], "weight tolerance: '60' must be a percentage"),
    (["--weight-tolerance-floor-g", "-5"], "weight tolerance floor: '-5'"),
    (["--packing-material-g", "9000"], "packing material: '9000'"),
    (["--email", "not-an-address"], "e-mail: 'not-an-address'"),
    (["--warehouse", "NOPE"], "Warehouse NOPE was not found"),
])
def test_a_bad_client_is_refused_and_nothing_added(
    db: Database, db_url: str, capsys, args: list[str], says: str
) -> None:
    code, _out, err = run(capsys, db_url, "clients", "add", "NEW", "--name", "New", *args)
    assert code == 1 and says in one_line_error(err)
    with db.reading() as s:
        assert list_clients(s) == []


def test_a_duplicate_client_or_an_empty_name_changes_nothing(
    db: Database, db_url: str, capsys
) -> None:
    assert run(capsys, db_url, "clients", "add", "ACME", "--name", "Acme")[0] == 0
    code, _, err = run(capsys, db_url, "clients", "add", "ACME", "--name", "Other")
    assert code == 1 and "Client ACME already exists" in one_line_error(err)
    code, _, err = run(capsys, db_url, "clients", "edit", "ACME", "--name", "  ")
    assert code == 1 and "client name: must not be empty" in one_line_error(err)
    with db.reading() as s:
        assert [(c.code, c.name) for c in list_clients(s)] == [("ACME", "Acme")]


def test_a_disabled_clients_orders_still_ship_but_its_imports_are_refused(
    db: Database, db_url: str, capsys, tmp_path: Path
) -> None:
    build_world(db)
    receive(db, "MUG", 5)
    place_order(db, "SO-1", {"MUG": 1})
    code, out, _ = run(capsys, db_url, "clients", "disable", "ACME")
    assert code == 0 and "still ship" in out
    assert run_json(capsys, db_url, "clients", "show", "ACME")["active"] is False
    assert run(capsys, db_url, "allocate", "--order", "SO-1")[0] == 0  # its order goes on
    file = tmp_path / "orders.csv"
    file.write_text("order_number,sku,quantity,buyer_name,address1,city,state,zip\n"
                    "SO-2,MUG,1,Jane Doe,5 Elm St,Fresno,CA,93721\n", encoding="utf-8")
    code, _, err = run(capsys, db_url, "orders", "import", str(file), "--client", "ACME")
    assert code == 1 and "Client ACME is disabled" in one_line_error(err)
    assert run(capsys, db_url, "clients", "enable", "ACME")[0] == 0
    assert run(capsys, db_url, "orders", "import", str(file), "--client", "ACME")[0] == 0


def test_a_clerk_may_not_change_master_data(db: Database, db_url: str, capsys) -> None:
    from app.domain.states import Role
    from tests.ui.conftest import make_user

    make_user(db, "clerk", Role.CLERK)
    code, _, err = run(capsys, db_url, "clients", "add", "ACME", "--name", "Acme",
                       "--user", "clerk")
    assert code == 3 and "may not manage clients" in one_line_error(err)
    with db.reading() as s:
        assert list_clients(s) == []


def test_a_bin_range_makes_every_code_once_and_refuses_existing_ones(
    db: Database, db_url: str, capsys
) -> None:
    build_world(db)
    code, out, _ = run(capsys, db_url, "bins", "range", "--warehouse", "LA1", "--aisle", "C",
                       "--positions", "1-20", "--levels", "1-4", "--type", "storage")
    assert code == 0 and out == "80 bins added to LA1: C-01-01 .. C-20-04.\n"
    rows = [b for b in run_json(capsys, db_url, "bins", "list", "--warehouse", "LA1")
            if b["code"].startswith("C-")]
    assert len(rows) == 80
    assert {"code": "C-07-03", "aisle": 3, "position": 7, "level": 3,
            "bin_type": "storage"}.items() <= next(
        r for r in rows if r["code"] == "C-07-03").items()
    # Overlapping the range: nothing new, and the taken codes are named.
    code, _, err = run(capsys, db_url, "bins", "range", "--warehouse", "LA1", "--aisle", "C",
                       "--positions", "19-22", "--levels", "1", "--type", "pick")
    assert code == 1 and "C-19-01, C-20-01" in one_line_error(err)
    code, _, err = run(capsys, db_url, "bins", "range", "--warehouse", "LA1", "--aisle", "D",
                       "--positions", "5-1", "--levels", "1-4", "--type", "pick")
    assert code == 1 and "positions: '5-1'" in one_line_error(err)
    with db.reading() as s:
        assert len([b for b in list_bins(s, "LA1") if b.code[:2] in ("C-", "D-")]) == 80


def test_one_bin_is_added_and_a_taken_code_is_refused(db: Database, db_url: str, capsys) -> None:
    build_world(db)
    code, out, _ = run(capsys, db_url, "bins", "add", "stage-02", "--warehouse", "LA1",
                       "--type", "staging")
    assert code == 0 and "STAGE-02" in out
    code, _, err = run(capsys, db_url, "bins", "add", "A-01-01-01", "--warehouse", "LA1",
                       "--type", "pick")
    assert code == 1 and "already exist in warehouse LA1: A-01-01-01" in one_line_error(err)
    code, _, err = run(capsys, db_url, "bins", "add", "A 01", "--warehouse", "LA1",
                       "--type", "pick")
    assert code == 1 and "bin code: 'A 01'" in one_line_error(err)


def test_bins_import_from_a_gbk_csv_with_chinese_headers(
    db: Database, db_url: str, capsys, tmp_path: Path
) -> None:
    build_world(db)
    file = tmp_path / "bins.csv"
    file.write_bytes("库位编码,库位类型,巷道,位置,层\nE-01-01,存储,E,1,1\nE-01-02,pick,E,1,2\n"
                     .encode("gbk"))
    code, out, err = run(capsys, db_url, "bins", "import", str(file), "--warehouse", "LA1")
    assert code == 0 and "2 bins imported into LA1" in out, err
    with db.reading() as s:
        got = {b.code: (b.bin_type, b.aisle, b.position, b.level) for b in list_bins(s, "LA1")}
    assert got["E-01-01"] == ("storage", 5, 1, 1) and got["E-01-02"] == ("pick", 5, 1, 2)


def test_bins_import_lists_every_bad_line_and_imports_nothing(
    db: Database, db_url: str, capsys, tmp_path: Path
) -> None:
    build_world(db)
    file = tmp_path / "bins.xlsx"
    write_xlsx(file, ["code", "type", "aisle", "position", "level"], [
        ["F-01-01", "pick", "F", 1, 1],
        ["A-01-01-01", "pick", 1, 1, 1],
        ["F-01-02", "shelf", "F", 1, 2],
        ["F-01-01", "pick", "F", 1, 1],
        ["F-01-03", "pick", "F", "one", 3],
        ["", "pick"],
    ], before=[["Bins of LA1"]])
    code, out, err = run(capsys, db_url, "bins", "import", str(file), "--warehouse", "LA1")
    assert code == 1
    lines = out.splitlines()  # the report is output; stderr has only the error line
    assert lines == [
        "line 4: bin A-01-01-01 already exists in warehouse LA1",
        "line 5: bin type: 'shelf' is not a bin type (pick, storage, staging, receiving, "
        "returns, damaged)",
        "line 6: bin F-01-01 is already on line 3",
        "line 7: position 'one' is not a whole number of 0 or more",
        "line 8: code is missing",
    ]
    assert err == "error: 5 of 6 rows have problems; nothing was imported.\n"
    with db.reading() as s:
        assert not [b for b in list_bins(s, "LA1") if b.code.startswith("F-")]


def test_a_bin_with_stock_or_reservations_cannot_be_disabled(
    db: Database, db_url: str, capsys
) -> None:
    build_world(db)
    receive(db, "MUG", 10, "A-01-01-01")
    code, _, err = run(capsys, db_url, "bins", "disable", "A-01-01-01", "--warehouse", "LA1")
    assert code == 1
    assert "MUG (ACME): 10 on hand, 0 reserved" in one_line_error(err)
    code, out, _ = run(capsys, db_url, "bins", "disable", "A-01-01-02", "--warehouse", "LA1")
    assert code == 0 and "disabled" in out
    bins = {b["code"]: b for b in run_json(capsys, db_url, "bins", "list", "--warehouse", "LA1")}
    assert bins["A-01-01-01"]["active"] is True and bins["A-01-01-01"]["on_hand"] == 10
    assert bins["A-01-01-02"]["active"] is False
    assert run(capsys, db_url, "bins", "enable", "A-01-01-02", "--warehouse", "LA1")[0] == 0
    assert run_json(capsys, db_url, "bins", "list")[1]["active"] is True
