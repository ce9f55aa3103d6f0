"""Shared fixtures: real databases (SQLite always, PostgreSQL when configured), headless Qt."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# Headless Qt with one 1920x1080 screen (the default offscreen screen is 800x800, smaller
# than the main window), so window geometry behaves as on a real desk PC.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    _screen = Path(__file__).with_name("offscreen-screen.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

PG_URL = os.environ.get("HAICANG_TEST_DATABASE_URL", "")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL.startswith("postgresql") else [])


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never read or write the developer's real settings or database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HAICANG_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("HAICANG_DATA_DIR", str(home / "data"))
    monkeypatch.delenv("HAICANG_DATABASE_URL", raising=False)


@pytest.fixture(scope="session")
def qapp(qapp):  # type: ignore[no-untyped-def]
    """pytest-qt's application with the English translators the app installs at start:
    without them "%n order(s)" would read "1 order(s)", as no user ever sees it."""
    from app.ui.i18n import install_translators

    install_translators(qapp, "en")
    return qapp


def new_postgres_database() -> str:
    """A fresh, empty PostgreSQL database next to the configured one; returns its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = make_url(PG_URL)
    name = f"haicang_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    admin = create_engine(make_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database URL on each configured backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'haicang.sqlite3'}"
        return
    url = new_postgres_database()
    try:
        yield url
    finally:
        drop_postgres_database(url)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'haicang.sqlite3'}"


@pytest.fixture
def db(db_url: str) -> Iterator[object]:
    """An opened database at the latest schema."""
    from app.db.schema import open_database

    database = open_database(db_url)
    try:
        yield database
    finally:
        database.dispose()
