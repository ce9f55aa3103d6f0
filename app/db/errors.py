"""Database rule violations as the domain error a user can read.

Services check what they can before they write, but the database has the last word: a
unique key another PC took in the meantime, a row it deleted that ours refers to, a check
constraint. SQLAlchemy reports those as ``IntegrityError`` wrapping the driver's error
(psycopg's ``UniqueViolation``/``ForeignKeyViolation``/``CheckViolation``/
``NotNullViolation``, sqlite3's ``IntegrityError``). This is the one place that turns
them into :class:`~app.domain.errors.DataConflict`, whose template is translated; the
GUI's ``error_text`` and the CLI's last line of defence both call it.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from app.domain.errors import DataConflict


def data_conflict(exc: BaseException) -> DataConflict | None:
    """The :class:`DataConflict` for a database rule violation; None for anything else."""
    if not isinstance(exc, IntegrityError):
        return None
    return DataConflict(constraint=constraint_of(exc.orig))


def constraint_of(orig: BaseException | None) -> str:
    """The name of the rule the driver says was broken.

    PostgreSQL names the constraint (or, for NOT NULL, the table and column); SQLite says
    "UNIQUE constraint failed: skus.client_id, skus.code", whose columns name it, or just
    "FOREIGN KEY constraint failed".
    """
    named = _postgres_constraint(orig)
    if named:
        return named
    lines = str(orig or "").strip().splitlines()
    rule, _, where = (lines[0] if lines else "").partition(" constraint failed")
    return where.lstrip(":").strip() or rule.strip() or "?"


def _postgres_constraint(orig: BaseException | None) -> str | None:
    try:
        from psycopg import Error
    except ImportError:  # a SQLite-only install: psycopg is an optional extra
        return None
    if not isinstance(orig, Error):
        return None
    diag = orig.diag
    if diag.constraint_name:
        return diag.constraint_name
    if diag.table_name and diag.column_name:
        return f"{diag.table_name}.{diag.column_name}"
    return None
