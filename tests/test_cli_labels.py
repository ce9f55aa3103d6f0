"""`haicang carriers | rates | labels buy|void|to-void | shipping-rules` against a fake
EasyPost: JSON for scripts, one line per error (issue #18, point 7)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from app.cli import main
from app.db.engine import Database
from app.db.models import Order
from app.services.orders import cancel_order
from app.services.packing_script import pack_at_once
from app.services.run import run_write
from tests.fakes.carriers.easypost import TEST_KEY, FakeEasyPost
from tests.services.packing_world import PACKER, STATION, allocated_order, build_pack_world
from tests.world import ACTOR

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture
def fake() -> Iterator[FakeEasyPost]:
    server = FakeEasyPost(timeout_sleep=0.8).start()
    yield server
    server.stop()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _setup(db: Database, db_url: str, fake: FakeEasyPost,
           capsys: pytest.CaptureFixture[str]) -> int:
    build_pack_world(db)
    order_id = allocated_order(db, "C-1", {"MUG": 1})
    with db.writing() as s:  # due today (the world's orders are weeks old: late)
        s.get(Order, order_id).ship_by = datetime.now(UTC)  # type: ignore[union-attr]
    run_write(db, pack_at_once, "C-1", box="BOX-8X6X4", weight_g=480, items=None,
              station=STATION, actor=PACKER)
    code, _out, err = _run(capsys, "carriers", "add", "--provider", "easypost", "--name",
                           "EP", "--base-url", fake.url + "/v2", "--set",
                           f"api_key={TEST_KEY}", "--db", db_url)
    assert code == 0, err
    code, out, err = _run(capsys, "shipping-rules", "set", "--client", "ACME",
                          "--override", "Expedited=UPS/2ndDayAir", "--insure-above", "500",
                          "--db", db_url, "--json")
    assert code == 0, err
    rules = json.loads(out)
    assert (rules["client"], rules["configured"], rules["strategy"], rules["overrides"],
            rules["insure_above"]) == ("ACME", True, "cheapest_on_time",
                                       {"Expedited": "UPS/2ndDayAir"}, "500.00")
    return order_id


def test_rates_buy_void_and_to_void(db: Database, db_url: str, fake: FakeEasyPost,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    order_id = _setup(db, db_url, fake, capsys)
    code, out, err = _run(capsys, "rates", "--order", "C-1", "--db", db_url, "--json")
    assert code == 0, err
    quoted = json.loads(out)
    assert quoted["order"] == "C-1" and len(quoted["rates"]) == 5
    assert quoted["chosen"]["code"] == "USPS/GroundAdvantage"
    assert quoted["reason"].startswith("cheapest of ")
    assert sum(fake.purchases.values()) == 0  # a quote buys nothing
    code, out, _err = _run(capsys, "rates", "--order", "C-1", "--db", db_url)
    assert "Chosen: USPS/GroundAdvantage" in out and "WHY NOT" in out

    code, out, err = _run(capsys, "labels", "buy", "--order", "C-1", "--service",
                          "UPS/Ground", "--db", db_url, "--json")
    assert code == 0, err
    (label,) = json.loads(out)
    assert (label["order"], label["carrier"], label["service"], label["status"]) == (
        "C-1", "UPS", "Ground", "bought")
    assert label["tracking_number"].startswith("1Z") and label["reason"].startswith("UPS/Ground")
    code, out, _err = _run(capsys, "labels", "buy", "--order", "C-1", "--db", db_url)
    assert code == 0 and label["tracking_number"] in out  # the same label, not a second
    assert sum(fake.purchases.values()) == 1

    code, out, _err = _run(capsys, "labels", "to-void", "--db", db_url, "--json")
    assert (code, json.loads(out)) == (0, [])
    with db.writing() as s:
        cancel_order(s, order_id, actor=ACTOR, reason="buyer")
    code, out, _err = _run(capsys, "labels", "to-void", "--db", db_url, "--json")
    (due,) = json.loads(out)
    assert (due["order"], due["why"], due["tracking_number"]) == (
        "C-1", "cancelled", label["tracking_number"])
    code, out, err = _run(capsys, "labels", "void", "--order", "C-1", "--db", db_url)
    assert code == 0, err
    assert out == (f"Label {label['tracking_number']} of order C-1 voided; refund "
                   "submitted.\n")
    code, out, _err = _run(capsys, "labels", "to-void", "--db", db_url, "--json")
    assert json.loads(out) == []
    code, _out, err = _run(capsys, "labels", "void", "--order", "C-1", "--db", db_url)
    assert (code, err) == (1, "error: Order C-1 has no bought label to void.\n")


@pytest.mark.parametrize(("fault", "expected"), [
    ("address", "error: Label for order C-1 not bought: EasyPost refused the address: "
                "Address not found; street1: House number is missing — fix the order, then "
                "buy again\n"),
    ("rate_gone", "— quote again and choose another rate\n"),
    ("expired", "— fix the carrier account\n"),
])
def test_a_refused_purchase_is_one_line(db: Database, db_url: str, fake: FakeEasyPost,
                                        capsys: pytest.CaptureFixture[str], fault: str,
                                        expected: str) -> None:
    _setup(db, db_url, fake, capsys)
    if fault == "expired":
        fake.revoke(TEST_KEY)
    else:
        fake.fail("buy", fault)
    code, out, err = _run(capsys, "labels", "buy", "--order", "C-1", "--db", db_url)
    assert code == 1 and out == ""
    assert err.endswith(expected) and err.count("\n") == 1, err
    assert sum(fake.purchases.values()) == 0


def test_manual_labels_and_usage_errors(db: Database, db_url: str, fake: FakeEasyPost,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    _setup(db, db_url, fake, capsys)
    code, _out, err = _run(capsys, "labels", "buy", "--order", "C-1", "--tracking", "X1",
                           "--db", db_url)
    assert (code, err) == (1, "error: a manual label needs both --tracking and --carrier\n")
    assert _run(capsys, "carriers", "add", "--provider", "manual", "--name", "Counter",
                "--db", db_url)[0] == 0
    code, out, err = _run(capsys, "labels", "buy", "--order", "C-1", "--tracking",
                          "9400 1118 9922 3300 0000 01", "--carrier", "USPS", "--db", db_url,
                          "--json")
    assert code == 0, err
    assert json.loads(out)[0]["tracking_number"] == "9400111899223300000001"
    code, out, _err = _run(capsys, "shipping-rules", "show", "--client", "BETA", "--db", db_url)
    assert code == 0 and "no rules set" in out
    code, _out, err = _run(capsys, "shipping-rules", "set", "--client", "ACME", "--strategy",
                           "fastest_under", "--db", db_url)
    assert (code, err) == (1, "error: Shipping rule fastest_under: needs a max cost\n")


def test_pack_buys_the_label_after_packing(db: Database, db_url: str, fake: FakeEasyPost,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    _setup(db, db_url, fake, capsys)
    for number in ("C-2", "C-3"):
        order_id = allocated_order(db, number, {"CUP": 1})
        with db.writing() as s:
            s.get(Order, order_id).ship_by = datetime.now(UTC)  # type: ignore[union-attr]
    code, out, err = _run(capsys, "pack", "C-2", "--box", "BOX-8X6X4", "--weight-g", "320",
                          "--db", db_url, "--json")
    assert code == 0, err
    packed = json.loads(out)
    (label,) = packed["labels"]
    assert packed["status"] == "packed" and packed["label_error"] is None
    assert label["carrier"] == "USPS" and label["tracking_number"]
    fake.fail("buy", "address")
    code, out, err = _run(capsys, "pack", "C-3", "--box", "BOX-8X6X4", "--weight-g", "320",
                          "--db", db_url)
    assert code == 1 and "Order C-3 packed" in out
    assert ("warning: Label for order C-3 not bought: EasyPost refused the address" in err
            and "(haicang labels buy --order C-3)" in err)
    code, out, err = _run(capsys, "labels", "buy", "--order", "C-3", "--db", db_url)
    assert code == 0 and "Label for order C-3 parcel 1: USPS" in out, err
