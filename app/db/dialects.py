"""Dialect-specific SQL the services need on both SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session


def dialect_insert(session: Session) -> Any:
    """The bound dialect's ``insert`` construct, which has ``on_conflict_do_nothing``.

    Core's generic ``insert`` has no conflict clause; both dialects spell
    "insert unless the key exists" the same way through their own construct.
    """
    return insert_for(session.get_bind().dialect)


def insert_for(dialect: Dialect) -> Any:
    """:func:`dialect_insert` for a dialect (statements compiled without a session)."""
    if dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert
