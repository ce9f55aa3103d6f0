"""`haicang staging scan`, `pickup scan|close`, `tracking update` and `exceptions
list|resolve` from a script: the contract of issue #18 point 7 (commands, options, JSON
keys, exit codes, one-line errors)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.db.engine import Database
from app.db.models import CarrierAccount
from tests.printers.helpers import page_texts
from tests.services.handover_world import build_handover_world, packed

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture
def url(db: Database, db_url: str) -> Iterator[str]:
    build_handover_world(db)
    packed(db, "SO-1", "USPS", "9400111", platform=True)
    packed(db, "SO-2", "USPS", "9400222")
    packed(db, "SO-3", "UPS", "1Z333")
    yield db_url


def run(capsys: pytest.CaptureFixture[str], *argv: str, url: str) -> str:
    capsys.readouterr()
    code = main([*argv, "--db", url])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def fails(capsys: pytest.CaptureFixture[str], code: int, *argv: str, url: str) -> str:
    capsys.readouterr()
    assert main([*argv, "--db", url]) == code
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    return err


def test_stage_hand_over_and_close_from_a_script(capsys: pytest.CaptureFixture[str], url: str,
                                                 tmp_path: Path) -> None:
    err = fails(capsys, 1, "staging", "scan", "9400111", "--lane", "LANE-UPS", url=url)
    assert "LANE-USPS" in err
    staged = json.loads(run(capsys, "staging", "scan", "9400111", "--lane", "LANE-USPS",
                            "--warehouse", "LA1", "--json", url=url))
    assert staged["lane"] == "LANE-USPS" and staged["already"] is False
    assert "already" in run(capsys, "staging", "scan", "9400111", "--lane", "LANE-USPS",
                            url=url)
    fails(capsys, 1, "staging", "scan", "NOPE", "--lane", "LANE-USPS", url=url)
    fails(capsys, 3, "staging", "scan", "9400222", "--lane", "LANE-USPS", "--user", "nobody",
          url=url)

    out = json.loads(run(capsys, "pickup", "scan", "9400111", "--carrier", "USPS", "--json",
                         url=url))
    assert out["scanned"] == 1 and out["staged"] is True
    assert "USPS" in fails(capsys, 1, "pickup", "scan", "1Z333", "--carrier", "USPS", url=url)
    pickups = json.loads(run(capsys, "pickup", "list", "--json", url=url))
    assert [(p["carrier"], len(p["scanned"]), [m["parcel"] for m in p["missing"]])
            for p in pickups] == [("USPS", 1, ["9400222"])]

    pdf = tmp_path / "manifest.pdf"
    closed = json.loads(run(capsys, "pickup", "close", "--carrier", "USPS", "--pdf", str(pdf),
                            "--json", url=url))
    assert [m["parcel"] for m in closed["missing"]] == ["9400222"]
    assert [s["parcel"] for s in closed["scanned"]] == ["9400111"] and closed["count"] == 1
    assert closed["shipped_orders"] == ["SO-1"] and closed["pushes_queued"] == 1
    text = page_texts(pdf.read_bytes())[0]
    assert "9400111" in text and "交接清单" in text and "handover manifest" in text
    fails(capsys, 1, "pickup", "close", "--carrier", "USPS", url=url)

    # text output: what missed the truck comes first
    run(capsys, "pickup", "scan", "1Z333", "--carrier", "UPS", url=url)
    packed_later = run(capsys, "pickup", "close", "--carrier", "UPS", url=url)
    assert packed_later.startswith("Pickup PU-2 closed: 1 parcel(s)")
    run(capsys, "pickup", "scan", "9400222", "--carrier", "USPS", url=url)
    capsys.readouterr()
    assert main(["pickup", "close", "--carrier", "USPS", "--db", url]) == 0


def test_missing_parcels_are_printed_first(capsys: pytest.CaptureFixture[str], url: str) -> None:
    run(capsys, "pickup", "scan", "9400111", "--carrier", "usps", url=url)
    out = run(capsys, "pickup", "close", "--carrier", "USPS", url=url)
    assert out.startswith("MISSING: 1 parcel(s) labelled for USPS")
    assert "9400222" in out.splitlines()[1]


def test_tracking_update_and_exceptions(capsys: pytest.CaptureFixture[str], url: str,
                                        db: Database) -> None:
    run(capsys, "pickup", "scan", "9400111", "--carrier", "USPS", url=url)
    run(capsys, "pickup", "close", "--carrier", "USPS", url=url)
    report = json.loads(run(capsys, "tracking", "update", "--json", url=url))
    assert set(report) == {"parcels_polled", "events_recorded", "orders_in_transit",
                           "orders_delivered", "exceptions_opened", "untracked", "errors"}
    assert report["parcels_polled"] == 0 and report["untracked"] == 1  # no account yet
    assert json.loads(run(capsys, "exceptions", "list", "--json", url=url)) == []
    fails(capsys, 1, "exceptions", "resolve", "12", url=url)
    with db.writing() as s:  # an account with no key: its failure is a line, not a crash
        s.add(CarrierAccount(provider="easypost", name="EP", mode="test", settings="{}",
                             secret_ref="ref-missing"))
    report = json.loads(run(capsys, "tracking", "update", "--json", "--no-scan-days", "1",
                            url=url))
    assert report["parcels_polled"] == 1 and len(report["errors"]) == 1
    assert report["errors"][0].startswith("EP: ")


def test_bins_add_and_edit_set_a_staging_lanes_carrier(capsys: pytest.CaptureFixture[str],
                                                       url: str) -> None:
    added = json.loads(run(capsys, "bins", "add", "LANE-FDX", "--warehouse", "LA1", "--type",
                           "staging", "--carrier", "FedEx", "--json", url=url))
    assert added["staging_carrier"] == "FedEx"
    assert "only staging bins" in fails(capsys, 1, "bins", "add", "P-9", "--warehouse", "LA1",
                                        "--type", "pick", "--carrier", "UPS", url=url)
    bins = json.loads(run(capsys, "bins", "list", "--warehouse", "LA1", "--json", url=url))
    assert "P-9" not in {b["code"] for b in bins}  # refused as a whole: no bin without it
    out = run(capsys, "bins", "edit", "STAGE-01", "--warehouse", "LA1", "--carrier", "UPS",
              url=url)
    assert "carrier UPS" in out
    lanes = json.loads(run(capsys, "staging", "lanes", "--warehouse", "LA1", "--json", url=url))
    assert {lane["code"]: lane["carrier"] for lane in lanes} == {
        "LANE-FDX": "FedEx", "LANE-UPS": "UPS", "LANE-USPS": "USPS", "STAGE-01": "UPS"}
    edited = json.loads(run(capsys, "bins", "edit", "STAGE-01", "--warehouse", "LA1",
                            "--carrier", "none", "--json", url=url))
    assert edited["staging_carrier"] is None
