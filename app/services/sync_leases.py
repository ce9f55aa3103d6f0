"""Sync leases: two syncs of one store never overlap, also across PCs.

A lease is a row per store with its holder and expiry. A page's transaction
renews it, so a sync whose lease another PC took over fails on its next page
instead of writing beside it. A holder on this host whose process is gone is
taken over at once rather than after the expiry.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from datetime import UTC, datetime, timedelta
from typing import cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.dialects import dialect_insert
from app.db.models import SyncLease
from app.domain.errors import QT_TRANSLATE_NOOP, DomainError

_LEASES = cast(Table, SyncLease.__table__)

log = logging.getLogger(__name__)


class LeaseLost(DomainError):
    """Our lease expired and someone else took the store over; the page was not saved."""

    code = "lease_lost"
    template = QT_TRANSLATE_NOOP(
        "errors", "Sync of store {store} stopped: another computer took it over."
    )


def default_holder() -> str:
    """Lease holder id: host, process and a random part (a crash on this host is detectable)."""
    return f"{socket.gethostname()}/{os.getpid()}/{uuid.uuid4().hex[:8]}"


def acquire_lease(session: Session, channel_id: int, holder: str, seconds: float) -> str | None:
    """Take the store's lease; None on success, else the current holder."""
    now = utcnow()
    expires = now + timedelta(seconds=seconds)
    stmt = dialect_insert(session)(SyncLease).values(
        channel_id=channel_id, holder=holder, acquired_at=now, expires_at=expires
    ).on_conflict_do_nothing(index_elements=["channel_id"])
    if session.execute(stmt).rowcount == 1:  # type: ignore[attr-defined]
        return None
    taken = session.execute(
        update(SyncLease)
        .where(SyncLease.channel_id == channel_id,
               (SyncLease.holder == holder) | (SyncLease.expires_at < now))
        .values(holder=holder, acquired_at=now, expires_at=expires)
    )
    if taken.rowcount == 1:  # type: ignore[attr-defined]
        return None
    current = session.scalar(select(SyncLease.holder).where(SyncLease.channel_id == channel_id))
    if current and _dead_local_holder(current):
        stolen = session.execute(
            update(SyncLease)
            .where(SyncLease.channel_id == channel_id, SyncLease.holder == current)
            .values(holder=holder, acquired_at=now, expires_at=expires)
        )
        if stolen.rowcount == 1:  # type: ignore[attr-defined]
            log.info("took over the lease of crashed sync %s", current)
            return None
    return current or "?"


def renew_lease(session: Session, channel_id: int, holder: str, seconds: float,
                store: str) -> None:
    """Extend our lease inside a page's transaction; raise LeaseLost if it is not ours.

    Runs on the session's connection: once per page, and the ORM's bulk-update
    bookkeeping (matching loaded objects) has nothing to do here.
    """
    renewed = session.connection().execute(
        update(_LEASES)
        .where(_LEASES.c.channel_id == channel_id, _LEASES.c.holder == holder)
        .values(expires_at=utcnow() + timedelta(seconds=seconds))
    )
    if renewed.rowcount != 1:
        raise LeaseLost(store=store)


def release_lease(session: Session, channel_id: int, holder: str) -> None:
    session.execute(
        update(SyncLease)
        .where(SyncLease.channel_id == channel_id, SyncLease.holder == holder)
        .values(expires_at=datetime(1970, 1, 1, tzinfo=UTC), holder="")
    )


def _dead_local_holder(holder: str) -> bool:
    """True when the holder ran on this host in a process that no longer exists."""
    host, _, rest = holder.partition("/")
    pid_text = rest.partition("/")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OSError):
        return False
    return False
