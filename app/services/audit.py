"""The audit trail: one row per user action on a record, written in the action's transaction."""

from __future__ import annotations

import json
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
