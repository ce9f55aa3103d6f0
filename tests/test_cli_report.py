"""`haicang report sales`: the JSON contract, both groupings, filters, exports, refusals."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.db.engine import Database
from tests.world import build_world, place_order

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
PERIOD = ["--from", "2026-11-01", "--to", "2026-11-30"]


@pytest.fixture
def url(db: Database, db_url: str) -> Iterator[str]:
    """CA: 2 orders of 3 units; NY: 1 order of 4 units (two lines); all 20 Nov 2026."""
    build_world(db)
    place_order(db, "A1", {"MUG": 1}, state="CA")
    place_order(db, "A2", {"MUG": 2}, state="CA")
    place_order(db, "A3", {"MUG": 1, "CUP": 3}, state="NY")
    yield db_url


def run_json(capsys: pytest.CaptureFixture[str], *argv: str, url: str) -> dict:
    capsys.readouterr()
    code = main([*argv, "--json", "--db", url])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def test_sales_by_state_json(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, "report", "sales", "--by", "state", *PERIOD, url=url)
    assert doc["by"] == "state" and doc["from"] == "2026-11-01" and doc["to"] == "2026-11-30"
    assert doc["rows"] == [{"state": "NY", "orders": 1, "units": 4},
                           {"state": "CA", "orders": 2, "units": 3}]
    assert doc["totals"] == {"orders": 3, "units": 7}


def test_sales_by_region_json(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, "report", "sales", "--by", "region", *PERIOD, "--client", "ACME",
                   "--sku", "MUG", url=url)
    assert doc["rows"] == [{"region": "Northeast", "orders": 1, "units": 1},
                           {"region": "Midwest", "orders": 0, "units": 0},
                           {"region": "South", "orders": 0, "units": 0},
                           {"region": "West", "orders": 2, "units": 3}]
    assert doc["split"] == [{"region": "US-West", "orders": 2, "units": 3},
                            {"region": "US-East", "orders": 1, "units": 1}]
    assert doc["totals"] == {"orders": 3, "units": 4}


def test_sales_export_and_refusals(url: str, capsys: pytest.CaptureFixture[str],
                                   tmp_path: Path) -> None:
    target = tmp_path / "sales.xlsx"
    doc = run_json(capsys, "report", "sales", *PERIOD, "--export", str(target), url=url)
    assert doc == {"file": str(target), "rows": 2}
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[1] == ("NY", "Northeast", "US-East", 1, 4)
    for argv, code in ((["--from", "2026-11-30", "--to", "2026-11-01"], 1),
                       (["--from", "2026-13-01", "--to", "2026-11-01"], 2),
                       ([*PERIOD, "--client", "NOPE"], 1),
                       ([*PERIOD, "--by", "county"], 2)):
        capsys.readouterr()
        with pytest.raises(SystemExit) if code == 2 else nullcontext():
            assert main(["report", "sales", *argv, "--db", url]) == code
        err = capsys.readouterr().err
        assert "Traceback" not in err and "error" in err

