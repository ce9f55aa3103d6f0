"""The push outbox: what the platforms still have to be told, as rows in one table.

Pushes are written in the same transaction as the event that causes them
(``ship_order`` enqueues the tracking push), so nothing is lost when the network or
the app is down. This module only reads and writes ``channel_pushes`` (and the
pushed quantities of SKU mappings): enqueue, claim, record an outcome, retry, list.
Sending over HTTP is ``channel_push``'s; keeping it out of here lets the order
services enqueue without loading the connectors.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Bin, Channel, ChannelOrder, ChannelPush, Order, SkuMapping, StockBalance
from app.domain.permissions import Actor, Permission, require
from app.domain.states import SELLABLE_BIN_TYPES
from app.domain.stored_errors import read_detail

TRACKING, STOCK = "tracking", "stock"
PENDING, DONE, FAILED = "pending", "done", "failed"
MAX_ATTEMPTS = 8
CLAIM_SECONDS = 600
BACKOFF_BASE_SECONDS = 30
BACKOFF_MAX_SECONDS = 3600


@dataclass(frozen=True)
class PushInfo:
    """One queued push as the Channels screen lists it."""

    id: int
    channel_id: int
    channel: str
    kind: str
    order_number: str | None
    sku: str | None
    detail: str
    status: str
    attempts: int
    last_error: str | None
    request_id: str | None
    next_attempt_at: datetime
    created_at: datetime
    #: ``last_error``'s template and fields, for showing it in the user's language.
    error_template: str | None = None
    error_fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DuePush:
    id: int
    channel_id: int
    kind: str
    sku: str | None
    payload: dict[str, Any]
    attempts: int


def enqueue_tracking(session: Session, order_id: int, carrier: str, tracking: str) -> bool:
    """Queue the tracking push of a platform order that just shipped (no-op for others)."""
    row = session.execute(
        select(ChannelOrder.channel_id, ChannelOrder.external_id).where(
            ChannelOrder.order_id == order_id
        )
    ).first()
    if row is None:
        return False
    payload = {"external_id": row.external_id, "carrier": carrier, "tracking": tracking}
    session.add(
        ChannelPush(
            channel_id=row.channel_id, kind=TRACKING, order_id=order_id, sku=None,
            payload=json.dumps(payload), status=PENDING, attempts=0, next_attempt_at=utcnow(),
            created_at=utcnow(),
        )
    )
    return True


def available_by_sku(session: Session, sku_ids: Sequence[int]) -> dict[int, int]:
    """Units that can still be sold: on hand minus reserved, in active sellable bins only."""
    if not sku_ids:
        return {}
    sellable = Bin.bin_type.in_([t.value for t in SELLABLE_BIN_TYPES]) & Bin.active.is_(True)
    free = func.sum(case((sellable, StockBalance.on_hand - StockBalance.reserved), else_=0))
    rows = session.execute(
        select(StockBalance.sku_id, free)
        .join(Bin, Bin.id == StockBalance.bin_id)
        .where(StockBalance.sku_id.in_(list(sku_ids)))
        .group_by(StockBalance.sku_id)
    ).all()
    return {sku_id: max(0, int(qty or 0)) for sku_id, qty in rows}


def enqueue_stock_pushes(session: Session, channel_id: int, *, force: bool = False) -> int:
    """Queue the sellable quantity (minus the store's safety buffer) of every mapped SKU.

    Unchanged quantities are skipped unless ``force``; one pending row per SKU is
    kept up to date rather than queueing many. Returns the number of SKUs queued.
    """
    channel = session.get(Channel, channel_id)
    if channel is None:
        return 0
    now = utcnow()
    mappings = list(session.scalars(select(SkuMapping).where(SkuMapping.channel_id == channel_id)))
    available = available_by_sku(session, [m.sku_id for m in mappings])
    pending = {
        p.sku: p
        for p in session.scalars(
            select(ChannelPush).where(
                ChannelPush.channel_id == channel_id, ChannelPush.kind == STOCK,
                ChannelPush.status == PENDING,
            )
        )
    }
    queued = 0
    for mapping in mappings:
        quantity = max(0, available.get(mapping.sku_id, 0) - channel.safety_buffer)
        unchanged = quantity == mapping.pushed_quantity
        if unchanged and not force and mapping.platform_sku not in pending:
            continue
        payload = json.dumps({"sku": mapping.platform_sku, "quantity": quantity})
        existing = pending.get(mapping.platform_sku)
        if existing is not None:
            existing.payload, existing.next_attempt_at = payload, now
        else:
            session.add(
                ChannelPush(
                    channel_id=channel_id, kind=STOCK, order_id=None, sku=mapping.platform_sku,
                    payload=payload, status=PENDING, attempts=0, next_attempt_at=now,
                    created_at=now,
                )
            )
        queued += 1
    if channel.stock_push_minutes > 0:
        channel.next_stock_push_at = now + timedelta(minutes=channel.stock_push_minutes)
    return queued


def enqueue_due_stock_pushes(session: Session, now: datetime | None = None) -> int:
    """Queue stock for every enabled store whose stock push is due."""
    now = now or utcnow()
    ids = session.scalars(
        select(Channel.id).where(
            Channel.enabled.is_(True), Channel.stock_push_minutes > 0,
            Channel.next_stock_push_at.is_(None) | (Channel.next_stock_push_at <= now),
        )
    ).all()
    return sum(enqueue_stock_pushes(session, channel_id) for channel_id in ids)


def claim_due_pushes(
    session: Session, holder_now: datetime, *, channel_id: int | None = None, limit: int = 100
) -> list[DuePush]:
    """Take due pending pushes for this process (guarded: two PCs never send one twice)."""
    stmt = (
        select(ChannelPush)
        .join(Channel, Channel.id == ChannelPush.channel_id)
        .where(
            ChannelPush.status == PENDING, ChannelPush.next_attempt_at <= holder_now,
            ChannelPush.claimed_until.is_(None) | (ChannelPush.claimed_until < holder_now),
            Channel.enabled.is_(True),
        )
        .order_by(ChannelPush.next_attempt_at, ChannelPush.id)
        .limit(limit)
    )
    if channel_id is not None:
        stmt = stmt.where(ChannelPush.channel_id == channel_id)
    claimed: list[DuePush] = []
    until = holder_now + timedelta(seconds=CLAIM_SECONDS)
    for push in session.scalars(stmt).all():
        result = session.execute(
            update(ChannelPush)
            .where(
                ChannelPush.id == push.id, ChannelPush.status == PENDING,
                ChannelPush.claimed_until.is_(None) | (ChannelPush.claimed_until < holder_now),
            )
            .values(claimed_until=until)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]
            claimed.append(
                DuePush(push.id, push.channel_id, push.kind, push.sku, json.loads(push.payload),
                        push.attempts)
            )
    return claimed


def record_push_done(session: Session, push_id: int, request_id: str, note: str | None) -> None:
    push = session.get(ChannelPush, push_id)
    if push is None:
        return
    now = utcnow()
    push.status, push.done_at, push.claimed_until = DONE, now, None
    push.attempts += 1
    push.request_id, push.last_error, push.last_error_detail = request_id or None, note, None
    if push.kind == STOCK and push.sku is not None:
        quantity = int(json.loads(push.payload).get("quantity", 0))
        session.execute(
            update(SkuMapping)
            .where(SkuMapping.channel_id == push.channel_id, SkuMapping.platform_sku == push.sku)
            .values(pushed_quantity=quantity, pushed_at=now)
        )


def record_push_failure(
    session: Session, push_id: int, message: str, detail: str | None, request_id: str, *,
    permanent: bool,
) -> str:
    """Count a failed attempt: retry later with backoff, or mark failed. Returns the status.

    ``message`` is the error in English, ``detail`` its stored template and fields
    (``stored_errors.error_detail``), so another PC shows it in its own language.
    """
    push = session.get(ChannelPush, push_id)
    if push is None:
        return FAILED
    push.attempts += 1
    push.last_error, push.last_error_detail = message, detail
    push.request_id, push.claimed_until = request_id or None, None
    if permanent or push.attempts >= MAX_ATTEMPTS:
        push.status = FAILED
    else:
        delay = min(BACKOFF_MAX_SECONDS, BACKOFF_BASE_SECONDS * 2 ** (push.attempts - 1))
        push.next_attempt_at = utcnow() + timedelta(seconds=delay)
    return push.status


def release_claim(session: Session, push_id: int) -> None:
    """Give a claimed push back untouched (the run was cancelled before sending it)."""
    session.execute(update(ChannelPush).where(ChannelPush.id == push_id).values(claimed_until=None))


def retry_push(session: Session, push_id: int, *, actor: Actor) -> None:
    """A person asked to try a failed push again now."""
    require(actor, Permission.MANAGE_CHANNELS)
    session.execute(
        update(ChannelPush)
        .where(ChannelPush.id == push_id, ChannelPush.status != DONE)
        .values(status=PENDING, attempts=0, next_attempt_at=utcnow(), claimed_until=None)
    )


def list_pushes(
    session: Session, *, channel_id: int | None = None,
    statuses: Sequence[str] = (PENDING, FAILED), limit: int = 500,
) -> list[PushInfo]:
    """Queued pushes, failed first, then by when they are due."""
    stmt = (
        select(ChannelPush, Channel.name, Order.number)
        .join(Channel, Channel.id == ChannelPush.channel_id)
        .outerjoin(Order, Order.id == ChannelPush.order_id)
        .where(ChannelPush.status.in_(list(statuses)))
        .order_by(case((ChannelPush.status == FAILED, 0), else_=1), ChannelPush.next_attempt_at,
                  ChannelPush.id)
        .limit(limit)
    )
    if channel_id is not None:
        stmt = stmt.where(ChannelPush.channel_id == channel_id)
    result = []
    for push, channel, number in session.execute(stmt).all():
        payload = json.loads(push.payload)
        detail = (
            f"{payload.get('carrier', '')} {payload.get('tracking', '')}"
            if push.kind == TRACKING else str(payload.get("quantity", ""))
        )
        template, fields = read_detail(push.last_error_detail)
        result.append(PushInfo(
            push.id, push.channel_id, channel, push.kind, number, push.sku, detail.strip(),
            push.status, push.attempts, push.last_error, push.request_id, push.next_attempt_at,
            push.created_at, template, fields,
        ))
    return result
