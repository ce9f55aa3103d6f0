"""`haicang waves release | list | show | pick-list` and `haicang pick ...` end to end."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.db.engine import Database
from app.domain.states import Role
from app.services.users import create_user
from tests.services.picking_world import assert_ledger_matches, picking_world
from tests.world import ACTOR

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture
def url(db: Database, db_url: str) -> Iterator[str]:
    """Two allocated ACME orders in LA1 and a user of every role ("long enough")."""
    picking_world(db, {"P-1": {"MUG": 2}, "P-2": {"MUG": 1, "CUP": 1}},
                  {("MUG", "A-01-01-02"): 5, ("CUP", "A-01-01-01"): 4})
    with db.writing() as s:
        for role in Role:
            create_user(s, role.value, "long enough", role, actor=ACTOR)
    yield db_url


def run(capsys: pytest.CaptureFixture[str], *argv: str, url: str, code: int = 0) -> str:
    capsys.readouterr()
    got = main([*argv, "--db", url])
    captured = capsys.readouterr()
    assert got == code, captured.err
    if code:
        assert captured.err.startswith("error: ") and captured.err.count("\n") == 1
        return captured.err
    return captured.out


def test_release_show_list_and_pick_a_wave(db: Database, url: str, capsys, tmp_path: Path
                                           ) -> None:
    out = json.loads(run(capsys, "waves", "release", "--warehouse", "LA1", "--json", url=url))
    assert out["status"] == "released" and out["orders"] == 2 and out["units"] == 4
    (cart,) = out["carts"]
    assert cart["route"] == ["A-01-01-01", "A-01-01-02"]
    assert [(o["number"], o["slot"]) for o in cart["orders"]] == [("P-1", 1), ("P-2", 2)]
    number = out["number"]
    again = run(capsys, "waves", "release", "--warehouse", "LA1", url=url, code=1)
    assert "LA1" in again
    listed = json.loads(run(capsys, "waves", "list", "--warehouse", "LA1", "--json", url=url))
    assert [w["number"] for w in listed] == [number]
    assert "W-" in run(capsys, "waves", "list", url=url)

    stops = json.loads(run(capsys, "pick", "open", cart["code"], "--user", "picker", "--json",
                           url=url))["stops"]
    first = stops[0]
    assert (first["bin_code"], first["sku"]) == ("A-01-01-01", "CUP")
    err = run(capsys, "pick", "confirm", str(first["task_id"]), "--bin", "A-01-01-02",
              "--item", "CUP", "--user", "picker", url=url, code=1)
    assert "Wrong bin" in err
    err = run(capsys, "pick", "confirm", str(first["task_id"]), "--bin", "A-01-01-01",
              "--item", "MUG", "--user", "picker", url=url, code=1)
    assert "Wrong item" in err
    assert "Picked 1 × CUP" in run(capsys, "pick", "confirm", str(first["task_id"]), "--bin",
                                   "A-01-01-01", "--item", "CUP", "--user", "picker", url=url)
    short = json.loads(run(capsys, "pick", "short", str(stops[1]["task_id"]), "--found", "1",
                           "--reason", "damaged", "--user", "picker", "--json", url=url))
    # no other bin has MUGs: P-1 goes back to backordered, the one MUG found goes back
    assert (short["missing"], short["backordered"]) == (1, True)
    assert short["put_back"] == [{"bin_code": "A-01-01-02", "quantity": 1}]
    flags = json.loads(run(capsys, "bins", "counts", "--warehouse", "LA1", "--json", url=url))
    assert [(f["bin_code"], f["reason"]) for f in flags] == [("A-01-01-02", "short pick: damaged")]
    assert "flag cleared" in run(capsys, "bins", "counted", "A-01-01-02", "--warehouse", "LA1",
                                 url=url)
    assert json.loads(run(capsys, "bins", "counts", "--json", url=url)) == []
    assert_ledger_matches(db)

    shown = json.loads(run(capsys, "waves", "show", number.lower(), "--json", url=url))
    assert shown["number"] == number and shown["carts"][0]["picker"] == "picker"
    assert shown["picked_units"] >= 2
    pdf = tmp_path / "cart.pdf"
    run(capsys, "waves", "pick-list", cart["code"], "--paper", "4x6", "--out", str(pdf), url=url)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_bad_input_is_one_line_and_changes_nothing(url: str, capsys) -> None:
    assert "was not found" in run(capsys, "waves", "show", "W-NOPE", url=url, code=1)
    assert "not found" in run(capsys, "pick", "open", "NOPE-C1", url=url, code=1)
    assert "Warehouse" in run(capsys, "waves", "release", "--warehouse", "XX", url=url, code=1)
    run(capsys, "waves", "release", "--warehouse", "LA1", "--user", "picker", url=url, code=3)
    assert json.loads(run(capsys, "waves", "list", "--json", url=url)) == []
    cart = json.loads(run(capsys, "waves", "release", "--warehouse", "LA1", "--json",
                          url=url))["carts"][0]["code"]
    run(capsys, "waves", "release", "--warehouse", "LA1", url=url, code=1)
    assert len(json.loads(run(capsys, "waves", "list", "--json", url=url))) == 1
    # no pick-list printer on this station: one line, nothing queued
    assert "printer" in run(capsys, "waves", "pick-list", cart, url=url, code=1).lower()
    assert "Picked" not in run(capsys, "pick", "confirm", "999999", "--bin", "X", "--item",
                               "MUG", url=url, code=1)


def test_label_first_release_prints_labels_in_pick_order_and_pick_list_prints(
        db: Database, url: str, capsys) -> None:
    from sqlalchemy import update

    from app.db.models import Sku
    from app.settings import StationSettings, save_settings
    from printers.profiles import Language, PrinterProfile
    from tests.fakes.printers import FakeTcpPrinter, parse_tspl
    from tests.printers.helpers import decode

    with db.writing() as s:
        s.execute(update(Sku).values(prepacked=True))
    with FakeTcpPrinter() as printer:
        profile = PrinterProfile("Rollo", printer.uri, Language.TSPL, dpi=203)
        save_settings(StationSettings(station_name="PICK-1", printers={
            "profiles": {"Rollo": profile.to_dict()}, "label": "Rollo", "document": "Rollo"}))
        out = json.loads(run(capsys, "waves", "release", "--warehouse", "LA1", "--json",
                             url=url))
        assert out["label_first"] and len(out["label_jobs"]) == 2
        assert out["labels_not_delivered"] == []
        labels = printer.wait_for_jobs(2)
        # pick order: P-2 (tote 2) has the first stop (its CUP in A-01-01-01), then P-1
        assert [decode(parse_tspl(job).images[0]) for job in labels] == [["P-2"], ["P-1"]]
        cart = out["carts"][0]["code"]
        assert "sent to Rollo" in run(capsys, "waves", "pick-list", cart, url=url)
        (pick_list,) = printer.wait_for_jobs(3)[2:]
    assert cart in decode(parse_tspl(pick_list).images[0])
