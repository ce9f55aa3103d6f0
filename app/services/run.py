"""Running one service call as one transaction, retried when the database says "try again".

SQLite may report a lock after its busy timeout; PostgreSQL may pick a
transaction as a deadlock victim. Both leave nothing written, so running the
whole call again is safe and is what a user would otherwise do by hand.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.db.engine import Database, is_retryable

P = ParamSpec("P")
T = TypeVar("T")

ATTEMPTS = 5


def run_write(
    db: Database,
    fn: Callable[Concatenate[Session, P], T],
    *args: P.args,
    **kwargs: P.kwargs,
) -> T:
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with db.writing() as session:
                return fn(session, *args, **kwargs)
        except DBAPIError as exc:
            if attempt == ATTEMPTS or not is_retryable(exc):
                raise
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")


def run_read(
    db: Database,
    fn: Callable[Concatenate[Session, P], T],
    *args: P.args,
    **kwargs: P.kwargs,
) -> T:
    with db.reading() as session:
        return fn(session, *args, **kwargs)
