"""A GUI write that finds the database locked by another PC says so in the status bar.

The lock is another program's open write transaction (a plain sqlite3 connection); the
runner's writer thread waits, retries through ``run_write`` and tells the window.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.db.engine import BUSY_TIMEOUT_ENV
from app.db.models import Client
from app.db.schema import open_database
from app.domain.permissions import Actor
from app.services.organisation import create_client
from app.ui.tasks import TaskRunner


def test_a_waiting_write_tells_the_window_and_finishes_after_the_lock_is_gone(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "1000")
    path = tmp_path / "busy.sqlite3"
    db = open_database(f"sqlite:///{path}")
    runner = TaskRunner(db)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    done: list[object] = []
    try:
        with qtbot.waitSignal(runner.waiting, timeout=10_000) as waiting:
            runner.write(lambda s: create_client(s, "ACME", "Acme", actor=Actor.system("t")),
                         on_done=done.append)
        assert waiting.args == ["Waiting for another PC to finish writing…"]
        assert runner.busy and not done
        other.execute("ROLLBACK")
        qtbot.waitUntil(lambda: bool(done), timeout=10_000)
        with db.reading() as s:
            assert s.scalar(select(func.count(Client.id))) == 1
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
        runner.shutdown()
        db.dispose()
