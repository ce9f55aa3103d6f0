"""Many-row statements through the driver's ``executemany``, compiled once by SQLAlchemy.

Core's executemany spends more Python per row building and processing parameter
dicts than SQLite spends writing them (about 2x raw, performance.md 3.1). For the
bulk paths — a 100,000-order file import, a 10,000-order platform sync and the
allocation after it — that alone would break their budgets. A ``DriverStatement``
compiles the statement once for the connection's dialect and hands the driver
plain tuples; values stay identical to what Core would bind, because the caller
converts them with the dialect's own bind processors (``processor``), and a value
that is the same in every row (a batch's "now") is converted once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement

from app.db.dialects import insert_for

#: Rows per driver call: bounds the memory of one parameter list.
CHUNK = 20_000


def chunks(values: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    """``values`` in slices of at most ``size``."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


class DriverStatement:
    """One statement, run for many rows given as tuples in ``names`` order.

    ``names`` are the statement's bind parameter names (an INSERT's are its column
    names), in any order: for a positional driver (sqlite3's ``?``) each row is
    rearranged into the SQL's order, for a named one (psycopg) it becomes a dict.
    The compiled form is kept per dialect, so a sync paying it per page pays it once;
    ``statement`` should therefore be a module-level constant.
    """

    def __init__(self, conn: Connection, plan: _Plan) -> None:
        self._conn = conn
        self._plan = plan

    @classmethod
    def of(cls, conn: Connection, statement: ClauseElement,
           names: tuple[str, ...]) -> DriverStatement:
        """Any statement whose bind parameters are ``names``."""
        return cls(conn, _compile(conn.dialect, statement, names, None))

    @classmethod
    def insert(cls, conn: Connection, table: Table, columns: tuple[str, ...],
               *, skip_existing: tuple[str, ...] = ()) -> DriverStatement:
        """``INSERT INTO table (columns)``; with ``skip_existing`` (the columns of a unique
        key), a row whose key is already there - or is being written by another
        transaction, which it then waits for - is skipped instead of failing."""
        return cls(conn, _compile_insert(conn.dialect, table, columns, skip_existing))

    def processor(self, name: str) -> Callable[[Any], Any]:
        """The dialect's conversion of a Python value for ``name`` (identity if none)."""
        proc = self._plan.processors[name]
        return proc if proc is not None else _same

    def run(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Execute for ``rows``: tuples in ``names`` order, values already converted."""
        plan = self._plan
        for chunk in chunks(rows, CHUNK):
            params: Sequence[Any]
            if not plan.positional:
                params = [dict(zip(plan.names, r, strict=True)) for r in chunk]
            elif plan.picks is not None:
                picks = plan.picks
                params = [tuple([r[i] for i in picks]) for r in chunk]
            else:
                params = chunk
            self._conn.exec_driver_sql(plan.sql, params)


@dataclass(frozen=True)
class _Plan:
    sql: str
    names: tuple[str, ...]
    positional: bool
    #: For a positional driver whose SQL wants another order: row indexes in that order.
    picks: tuple[int, ...] | None
    processors: Mapping[str, Callable[[Any], Any] | None]


@functools.lru_cache(maxsize=64)
def _compile_insert(dialect: Dialect, table: Table, columns: tuple[str, ...],
                    skip_existing: tuple[str, ...]) -> _Plan:
    statement = insert(table)
    if skip_existing:
        statement = insert_for(dialect)(table).on_conflict_do_nothing(
            index_elements=list(skip_existing))
    return _compile(dialect, statement, columns, columns)


@functools.lru_cache(maxsize=64)
def _compile(dialect: Dialect, statement: ClauseElement, names: tuple[str, ...],
             column_keys: tuple[str, ...] | None) -> _Plan:
    compiled = cast(SQLCompiler, statement.compile(
        dialect=dialect, column_keys=list(column_keys) if column_keys is not None else None))
    order = compiled.positiontup
    if sorted(order if order is not None else compiled.binds) != sorted(names):
        raise RuntimeError(f"the statement's parameters are {order or list(compiled.binds)}")
    picks = None
    if order is not None and tuple(order) != names:
        picks = tuple(names.index(n) for n in order)
    processors = {
        n: compiled.binds[n].type.dialect_impl(dialect).bind_processor(dialect) for n in names
    }
    return _Plan(compiled.string, names, order is not None, picks, processors)


def _same(value: Any) -> Any:
    return value
