"""Schema versions: upgrade on open (backing up SQLite first), refuse newer databases."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from app.db.engine import Database, create_database
from app.domain.errors import DatabaseUnavailable, SchemaTooNew

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([\w]+|None)['\"]?", re.M)


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str
    backup: Path | None = None

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@cache
def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration files themselves.

    Alembic takes a sixth of a second to import; the app only needs it when a
    schema must actually change, so checking "is this database current?" at
    every start reads the two assignments each migration file begins with.
    A test keeps this in step with Alembic's own view.
    """
    graph: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        found = dict((k, v) for k, v in _REVISION_LINE.findall(path.read_text("utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            graph[found["revision"]] = None if down in (None, "None") else down
    return graph


def known_revisions() -> frozenset[str]:
    return frozenset(_revision_graph())


def head_revision() -> str:
    graph = _revision_graph()
    heads = set(graph) - {d for d in graph.values() if d}
    assert len(heads) == 1, f"migrations must form one line, found heads {sorted(heads)}"
    return heads.pop()


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def inspect_schema(db: Database) -> SchemaState:
    """Read the schema version without changing anything; raise if it is from the future."""
    try:
        current = current_revision(db)
    except (OperationalError, SQLAlchemyError) as exc:
        raise DatabaseUnavailable(url=db.display_url, reason=_reason(exc)) from exc
    head = head_revision()
    if current is not None and current not in known_revisions():
        raise SchemaTooNew(found=current, known=head)
    return SchemaState(current, head)


def upgrade(db: Database, *, backup_dir: Path | None = None) -> SchemaState:
    """Bring the schema to head. A SQLite file with data is copied aside first."""
    state = inspect_schema(db)
    if state.up_to_date:
        return state
    backup = None
    if db.kind == "sqlite" and _has_tables(db):
        backup = backup_sqlite(db, backup_dir, label=f"before-upgrade-{state.current or 'none'}")
    migrate(db, "head")
    return SchemaState(head_revision(), state.head, backup)


def migrate(db: Database, revision: str) -> None:
    """Move the schema to ``revision`` (up or down: support and tests go back to old ones)."""
    from alembic import command

    current = inspect_schema(db).current
    with db.engine.connect() as conn:
        sqlite = db.kind == "sqlite"
        # SQLite alters a table by copying it and dropping the old one, which foreign keys
        # pointing at it would refuse; they are checked as a whole afterwards. The pragma
        # must run outside a transaction, so on the driver's connection.
        raw = conn.connection.driver_connection if sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                config = alembic_config(conn)
                if revision == "head" or current is None or revision > current:
                    command.upgrade(config, revision)
                else:
                    command.downgrade(config, revision)
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise RuntimeError("the schema change left rows with broken references")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")


def _has_tables(db: Database) -> bool:
    """Anything worth a backup? A brand-new file has no tables yet."""
    with db.engine.connect() as conn:
        return bool(conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar())


def open_database(url: str, *, upgrade_schema: bool = True) -> Database:
    """Open ``url`` ready for use: reachable, not from the future, schema at head."""
    db = create_database(url)
    try:
        if upgrade_schema:
            upgrade(db)
        else:
            inspect_schema(db)
    except Exception:
        db.dispose()
        raise
    return db


def sqlite_path(db: Database) -> Path | None:
    name = make_url(db.url).database
    if db.kind != "sqlite" or not name or name == ":memory:":
        return None
    return Path(name).expanduser()


def backup_sqlite(db: Database, target_dir: Path | None = None, *, label: str = "backup") -> Path:
    """Copy a live SQLite database consistently (the online backup API, safe under WAL)."""
    source = sqlite_path(db)
    if source is None:
        raise DatabaseUnavailable(url=db.display_url, reason="only SQLite files can be backed up")
    folder = target_dir or source.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{source.stem}-{stamp}-{label}.sqlite3"
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    dst.close()
    src.close()
    return target


def backup_postgresql_hint() -> str:
    return "Use pg_dump for PostgreSQL backups, e.g.: pg_dump -Fc haicang > haicang.dump"


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


