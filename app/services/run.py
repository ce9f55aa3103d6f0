"""Running one service call as one transaction, retried when the database says "try again".

SQLite may report a lock after its busy timeout (another PC or program is
writing); PostgreSQL may pick a transaction as a deadlock victim. Both leave
nothing written, so running the whole call again is safe and is what a user
would otherwise do by hand. Every write - CLI commands, the GUI's writer, the
sync engine, imports - goes through :func:`run_write`, so all of them wait the
same way, tell the user through ``Database.on_wait`` that they are waiting for
another program, and give up with one clear :class:`DatabaseBusy` message.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.db.engine import Database, is_retryable
from app.domain.errors import DatabaseBusy

P = ParamSpec("P")
T = TypeVar("T")

#: Tries of one call. On SQLite each waits up to the busy timeout for the lock (5 s),
#: so a command keeps waiting for about two and a half minutes in all, and says after
#: the first 5 s that it is waiting.
ATTEMPTS = 30


def run_write(
    db: Database,
    fn: Callable[Concatenate[Session, P], T],
    *args: P.args,
    **kwargs: P.kwargs,
) -> T:
    """``fn(session, *args, **kwargs)`` in one write transaction, retried while the
    database is locked or picks it as a deadlock victim.

    ``db.on_wait`` is called once, when the first retry starts. Raises DatabaseBusy
    after :data:`ATTEMPTS` tries; any other error passes through at once.
    """
    started = time.monotonic()
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with db.writing() as session:
                return fn(session, *args, **kwargs)
        except DBAPIError as exc:
            if not is_retryable(exc):
                raise
            if attempt == ATTEMPTS:
                raise DatabaseBusy(seconds=max(1, round(time.monotonic() - started))) from exc
            if attempt == 1 and db.on_wait is not None:
                db.on_wait()
            time.sleep(min(0.2, 0.05 * attempt))
    raise AssertionError("unreachable")


def run_read(
    db: Database,
    fn: Callable[Concatenate[Session, P], T],
    *args: P.args,
    **kwargs: P.kwargs,
) -> T:
    with db.reading() as session:
        return fn(session, *args, **kwargs)
