"""Another program holds the SQLite write lock: commands wait, say so, and retry.

The lock is held here, in the test process, by a plain sqlite3 connection (as another
PC's Haicang would); the command runs as its own process with a short busy timeout.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db.engine import BUSY_TIMEOUT_ENV
from app.db.models import Client, Order
from app.db.schema import open_database
from tests.imports.conftest import build_shop
from tests.imports.writers import good_row, write_csv

WAITING = "waiting for another program to finish writing to the database…"


@pytest.fixture
def shop_file(tmp_path: Path) -> Path:
    path = tmp_path / "shop.sqlite3"
    db = open_database(f"sqlite:///{path}")
    build_shop(db)
    db.dispose()
    return path


@pytest.fixture
def write_lock(shop_file: Path) -> Iterator[sqlite3.Connection]:
    """Another program's open write transaction on the database."""
    conn = sqlite3.connect(shop_file, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()


def _haicang(*argv: str) -> subprocess.Popen[str]:
    env = {**os.environ, BUSY_TIMEOUT_ENV: "600"}
    return subprocess.Popen([sys.executable, "-m", "app", *argv], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_an_import_waits_for_the_lock_says_so_and_then_succeeds(
    shop_file: Path, write_lock: sqlite3.Connection, tmp_path: Path
) -> None:
    orders = write_csv(tmp_path / "o.csv", [good_row("SO-1"), good_row("SO-2")])
    proc = _haicang("orders", "import", str(orders), "--client", "ACME",
                    "--db", f"sqlite:///{shop_file}")
    assert proc.stderr is not None
    first = proc.stderr.readline()  # printed once the first retry starts
    write_lock.execute("ROLLBACK")  # the other program finishes
    out, rest = proc.communicate(timeout=60)
    assert (first.rstrip("\n"), rest, proc.returncode) == (WAITING, "", 0), out
    assert "2 orders imported" in out
    db = open_database(f"sqlite:///{shop_file}")
    try:
        with db.reading() as s:
            assert s.scalar(select(func.count(Order.id))) == 2
    finally:
        db.dispose()


@pytest.mark.parametrize("argv", [
    ["orders", "import", "{orders}", "--client", "ACME"],
    ["clients", "add", "GAMMA", "--name", "Gamma"],
])
def test_a_write_gives_up_after_its_retries_with_one_clear_line(
    shop_file: Path, write_lock: sqlite3.Connection, tmp_path: Path, argv: list[str]
) -> None:
    orders = write_csv(tmp_path / "o.csv", [good_row("SO-1")])
    proc = _haicang(*[a.format(orders=orders) for a in argv], "--db", f"sqlite:///{shop_file}")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, (out, err)
    waiting, error = err.splitlines()
    assert waiting == WAITING
    assert error.startswith("error: The database is busy: another program has been writing")
    assert "Traceback" not in err
    write_lock.execute("ROLLBACK")
    db = open_database(f"sqlite:///{shop_file}")
    try:
        with db.reading() as s:
            assert s.scalar(select(func.count(Order.id))) == 0
            assert s.scalar(select(func.count(Client.id))) == 2
    finally:
        db.dispose()
