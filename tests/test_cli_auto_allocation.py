"""`haicang orders import` allocates what it imported, and says so; the setting turns it off."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.db.schema import open_database
from tests.imports.writers import good_row, write_csv
from tests.world import build_world, receive

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture
def url(tmp_path: Path) -> str:
    """The test world with 4 MUG and 3 CUP sellable in LA1."""
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db = open_database(url)
    try:
        build_world(db)
        receive(db, "MUG", 4)
        receive(db, "CUP", 3)
    finally:
        db.dispose()
    return url


@pytest.fixture
def orders_file(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "orders.csv", [
        good_row("C-1", sku="MUG", quantity="2"),
        good_row("C-2", sku="MUG", quantity="5"),
        good_row("C-3", sku="CUP", quantity="1"),
    ])


def _statuses(url: str, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    assert main(["orders", "list", "--db", url, "--json"]) == 0
    return {o["number"]: o["status"] for o in json.loads(capsys.readouterr().out)}


def test_orders_import_allocates_and_prints_the_line(
    url: str, orders_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["orders", "import", str(orders_file), "--client", "ACME", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "3 orders imported" in out
    assert "Allocated 2, backordered 1 (short: MUG 5 wanted / 2 available)." in out
    assert _statuses(url, capsys) == {"C-1": "allocated", "C-2": "backordered",
                                      "C-3": "allocated"}


def test_orders_import_json_carries_the_allocation(
    url: str, orders_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["orders", "import", str(orders_file), "--client", "ACME", "--db", url,
                 "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["orders_created"] == ["C-1", "C-2", "C-3"]
    assert report["allocation"] == {
        "allocated": 2, "backordered": 1,
        "short": [{"order": "C-2", "sku": "MUG", "wanted": 5, "available": 2}]}


def test_with_auto_allocate_off_nothing_is_reserved(
    url: str, orders_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for code in ("LA1", "NJ1"):
        assert main(["warehouses", "edit", code, "--auto-allocate", "off", "--db", url]) == 0
    capsys.readouterr()
    assert main(["orders", "import", str(orders_file), "--client", "ACME", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "Allocated" not in out
    assert "automatic allocation is off" in out
    assert set(_statuses(url, capsys).values()) == {"new"}
    assert main(["stock", "--db", url, "--json"]) == 0
    assert {r["sku_code"]: r["reserved"] for r in json.loads(capsys.readouterr().out)} == {
        "MUG": 0, "CUP": 0}
