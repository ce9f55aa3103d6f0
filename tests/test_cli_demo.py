"""`haicang demo` killed half-way leaves nothing behind, so it simply runs again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.db.models import Bin, Client, Order, Sku, StockBalance, StockMove, User, Warehouse
from app.db.schema import open_database
from app.services.health import reconcile_stock

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

ORDERS = 300


def _kill_demo_while_it_writes_orders(url: str) -> None:
    """Start the demo in its own process and SIGKILL it after it reports creating orders."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "demo", "--orders", str(ORDERS), "--db", url],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=os.environ.copy(),
    )
    assert proc.stderr is not None
    seen = []
    try:
        for line in proc.stderr:
            seen.append(line)
            if line.startswith("orders ") and not line.startswith("orders 0/"):
                break
        else:
            pytest.fail(f"the demo ended before writing orders: {seen}")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL


def test_a_killed_demo_leaves_nothing_and_the_next_one_succeeds(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade", "--db", db_url]) == 0
    _kill_demo_while_it_writes_orders(db_url)

    capsys.readouterr()
    assert main(["demo", "--orders", str(ORDERS), "--json", "--db", db_url]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["orders"] == ORDERS

    db = open_database(db_url)
    try:
        with db.reading() as s:
            counts = {name: s.scalar(select(func.count()).select_from(model)) for name, model in (
                ("warehouses", Warehouse), ("bins", Bin), ("clients", Client), ("skus", Sku),
                ("orders", Order), ("users", User))}
            assert reconcile_stock(s).ok
            moves = s.scalar(select(func.count(StockMove.id)))
            balances = s.scalar(select(func.count()).select_from(StockBalance))
    finally:
        db.dispose()
    assert counts == {"warehouses": report["warehouses"], "bins": report["bins"],
                      "clients": report["clients"], "skus": report["skus"],
                      "orders": ORDERS, "users": len(report["users"])}
    assert report["users"] == ["admin", "clerk", "packer", "picker"]
    # one receipt per (SKU, warehouse, bin) the demo stocks: no receipt of the killed run
    assert moves == balances
