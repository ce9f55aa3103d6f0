"""Opening a database: URL resolution, engine tuning, schema upgrade on open.

SQLite is tuned for a desktop app with a background writer: WAL (readers never
block the writer), foreign keys on, a busy timeout, and ``BEGIN IMMEDIATE``
for write transactions so two writers queue on the lock instead of failing
half-way with "database is locked" when a read lock cannot be upgraded. A
write that still finds the lock taken after the busy timeout is run again by
:func:`app.services.run.run_write`, which tells ``Database.on_wait`` (the CLI's
stderr line, the GUI's status bar) that it is waiting for another program.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import DatabaseUnavailable

#: How long one SQLite statement waits for another writer's lock before it fails (and
#: :func:`app.services.run.run_write` tries the transaction again). Short, so the user
#: hears within seconds that the app is waiting; run_write keeps trying for minutes.
SQLITE_BUSY_TIMEOUT_MS = 5_000
#: Overrides :data:`SQLITE_BUSY_TIMEOUT_MS` (milliseconds), so tests need not wait 5 s.
BUSY_TIMEOUT_ENV = "HAICANG_SQLITE_BUSY_TIMEOUT_MS"


@dataclass(frozen=True)
class Database:
    """An opened database: the engine and the two kinds of session it hands out."""

    url: str
    engine: Engine
    _read: sessionmaker[Session]
    _write: sessionmaker[Session]
    #: Called when a write finds the database locked by another program and is about to
    #: wait and try again (see :meth:`notifying`); None: wait silently.
    on_wait: Callable[[], None] | None = None

    @property
    def kind(self) -> str:
        """``sqlite`` or ``postgresql``, for the status bar and for dialect switches."""
        return self.engine.dialect.name

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only; it never takes the write lock."""
        with self._read() as session:
            yield session
            session.rollback()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self._write.begin() as session:
            yield session

    def notifying(self, on_wait: Callable[[], None]) -> Database:
        """The same database (same engine and pool) whose waiting writes call ``on_wait``."""
        return replace(self, on_wait=on_wait)

    def dispose(self) -> None:
        self.engine.dispose()


def create_database(url: str, *, echo: bool = False, busy_timeout_ms: int | None = None
                    ) -> Database:
    """Build the engine for ``url`` (no schema work; see :func:`app.db.schema.open_database`).

    ``busy_timeout_ms`` (SQLite only) defaults to ``$HAICANG_SQLITE_BUSY_TIMEOUT_MS``,
    then :data:`SQLITE_BUSY_TIMEOUT_MS`.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUnavailable(url=url, reason=str(exc)) from exc
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url, echo, busy_timeout_ms or _busy_timeout_from_env())
    elif parsed.get_backend_name() == "postgresql":
        engine = create_engine(url, echo=echo, pool_pre_ping=True, pool_size=5, max_overflow=5)
    else:
        raise DatabaseUnavailable(
            url=url, reason="only sqlite:/// and postgresql+psycopg:// URLs are supported"
        )
    read = sessionmaker(engine, expire_on_commit=False)
    write = sessionmaker(engine.execution_options(haicang_write=True), expire_on_commit=False)
    return Database(url, engine, read, write)


def _busy_timeout_from_env() -> int:
    try:
        return max(1, int(os.environ.get(BUSY_TIMEOUT_ENV, "")))
    except ValueError:
        return SQLITE_BUSY_TIMEOUT_MS


def _sqlite_engine(url: str, echo: bool, busy_timeout_ms: int) -> Engine:
    database = make_url(url).database
    if database and database != ":memory:":
        folder = Path(database).expanduser().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnavailable(url=url, reason=str(exc)) from exc
    engine = create_engine(
        url,
        echo=echo,
        connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _tune(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        if conn.get_execution_options().get("haicang_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


def is_retryable(exc: BaseException) -> bool:
    """True for lock and deadlock failures that a fresh transaction would not hit again."""
    if not isinstance(exc, OperationalError):
        text = str(getattr(exc, "orig", exc)).lower()
        return "deadlock detected" in text or "could not serialize" in text
    text = str(exc.orig).lower()
    return "database is locked" in text or "deadlock" in text or "could not serialize" in text
