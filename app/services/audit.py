"""The audit trail: one row per user action on a record, written in the action's transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from app.db.models import AuditEntry
from app.domain.permissions import Actor


def record_audit(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None = None,
    **detail: Any,
) -> None:
    session.add(
        AuditEntry(
            actor=actor.name,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=json.dumps(detail, default=str, ensure_ascii=False) if detail else None,
        )
    )


def record_settings_change(
    session: Session, actor: Actor, changed_keys: Iterable[str], *, station: str = ""
) -> None:
    """Note that ``actor`` changed this station's settings (kept in ``station.json``, not in
    the database). Only the names of what changed are kept: a database address can
    carry a password, so no value is."""
    keys = sorted(set(changed_keys))
    if keys:
        record_audit(session, actor, "change_settings", "station", station=station,
                     changed=keys)
