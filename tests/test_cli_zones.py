"""`haicang zones import|list` and `haicang advise split`: the JSON contracts, the
refusal of a bad chart (every bad line printed, nothing written), exports."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update

from app.cli import main
from app.db.engine import Database
from app.db.models import Order
from tests.world import build_world, place_order

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
PERIOD = ["--from", "2026-11-01", "--to", "2026-11-30"]


@pytest.fixture
def url(db: Database, db_url: str) -> Iterator[str]:
    """ACME MUG: 3 units to Los Angeles, 1 to New York, all 20 Nov 2026."""
    build_world(db)
    for number, qty, zip_code, state in (("A1", 3, "90012", "CA"), ("A2", 1, "10001", "NY")):
        order_id = place_order(db, number, {"MUG": qty}, state=state)
        with db.writing() as s:
            s.execute(update(Order).where(Order.id == order_id).values(zip=zip_code))
    yield db_url


def run(capsys: pytest.CaptureFixture[str], *argv: str, url: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([*argv, "--db", url])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_advise_split_json(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "advise", "split", "--client", "ACME", *PERIOD, "--json",
                         url=url)
    assert code == 0, err
    doc = json.loads(out)
    assert (doc["client"], doc["from"], doc["to"]) == ("ACME", "2026-11-01", "2026-11-30")
    [mug] = doc["skus"]
    assert mug["sku"] == "MUG" and mug["units"] == 4
    assert {r["region"]: r["units"] for r in mug["by_region"]} == {"US-West": 3, "US-East": 1}
    assert {d["zip3"]: d["units"] for d in mug["destinations"]} == {"900": 3, "100": 1}
    whs = {w["warehouse"]: w for w in mug["warehouses"]}
    assert set(whs["LA1"]) >= {"warehouse", "share", "avg_zone", "recommended_units"}
    assert (whs["LA1"]["share"], whs["NJ1"]["share"]) == (0.75, 0.25)
    assert (whs["LA1"]["recommended_units"], whs["NJ1"]["recommended_units"]) == (3, 1)
    assert set(mug["saving"]) == {"avg_zone", "transit_days", "cost"}
    assert mug["saving"]["avg_zone"] >= 0 and mug["saving"]["cost"] >= 0

    code, out, _ = run(capsys, "advise", "split", "--client", "ACME", *PERIOD, "--qty", "40",
                       "--json", url=url)
    recommended = {w["warehouse"]: w["recommended_units"]
                   for w in json.loads(out)["skus"][0]["warehouses"]}
    assert code == 0 and recommended == {"LA1": 30, "NJ1": 10}


def test_advise_split_table_export_and_refusals(url: str, capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    code, out, _ = run(capsys, "advise", "split", "--client", "ACME", *PERIOD, url=url)
    assert code == 0 and "LA1" in out and "75.0%" in out
    target = tmp_path / "split.xlsx"
    code, out, _ = run(capsys, "advise", "split", "--client", "ACME", *PERIOD, "--export",
                       str(target), "--json", url=url)
    assert code == 0 and json.loads(out) == {"file": str(target), "skus": 1}
    assert target.stat().st_size > 0
    code, _, err = run(capsys, "advise", "split", "--client", "NOPE", url=url)
    assert code == 1 and err.startswith("error: ") and len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit) as exit_:
        main(["advise", "split", "--client", "ACME", "--qty", "0", "--db", url])
    assert exit_.value.code == 2


def test_zones_import_and_list(url: str, capsys: pytest.CaptureFixture[str],
                               tmp_path: Path) -> None:
    chart = tmp_path / "la.json"
    chart.write_text(json.dumps({"Column0": [{"ZipCodes": "005---098", "Zone": "8"},
                                             {"ZipCodes": "100---149", "Zone": "8"}]}))
    code, out, err = run(capsys, "zones", "import", str(chart), "--warehouse", "LA1",
                         "--effective", "2026-07-01", "--json", url=url)
    assert code == 0, err
    assert json.loads(out) == {"file": "la.json", "warehouse": "LA1", "carrier": "USPS",
                               "layout": "usps-json", "rows": 2, "zip3s": 144, "skipped": 0,
                               "effective": "2026-07-01", "problems": []}
    code, out, _ = run(capsys, "zones", "list", "--json", url=url)
    [listed] = json.loads(out)
    assert (listed["warehouse"], listed["carrier"], listed["zip3s"]) == ("LA1", "USPS", 144)
    code, out, _ = run(capsys, "advise", "split", "--client", "ACME", *PERIOD, "--json",
                       url=url)
    origins = {o["warehouse"]: o["zone_source"] for o in json.loads(out)["origins"]}
    assert origins == {"LA1": "chart", "NJ1": "distance"}

    bad = tmp_path / "bad.csv"
    bad.write_text("dest_zip3,zone\n100,2\n1000,2\n200,zone 3\n", encoding="utf-8")
    code, out, err = run(capsys, "zones", "import", str(bad), "--warehouse", "NJ1",
                         "--carrier", "UPS", url=url)
    assert code == 1
    assert out.splitlines() == ["line 3: '1000' is not a ZIP3 or a range like 005-098",
                                "line 4: zone 'zone 3' is not a whole number from 1 to 9"]
    assert err == "error: 2 of 3 rows have problems; nothing was imported.\n"
    code, out, _ = run(capsys, "zones", "list", "--json", url=url)
    assert len(json.loads(out)) == 1
    code, _, err = run(capsys, "zones", "import", str(bad), "--warehouse", "ZZ9",
                       "--carrier", "UPS", url=url)
    assert code == 1 and err.startswith("error: ")

    plain = tmp_path / "nj.csv"
    plain.write_text("dest_zip3,zone\n005-098,1\n900,8\n", encoding="utf-8")
    code, out, err = run(capsys, "zones", "import", str(plain), "--warehouse", "NJ1", url=url)
    assert code == 0, err
    assert out == "GENERIC zone chart imported for NJ1: 95 ZIP3s from 2 rows (0 skipped).\n"
    code, out, _ = run(capsys, "zones", "list", url=url)
    assert code == 0 and "GENERIC" in out and "USPS" in out
