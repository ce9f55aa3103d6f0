"""Telling platforms what the warehouse did: sending the push outbox over HTTP.

The pushes themselves are rows of the outbox (``push_outbox``), written in the same
transaction as the event that causes them. ``process_pushes`` claims due rows, sends
them with HTTP outside any transaction, then records the outcome: done, retried later
with exponential backoff, or failed (shown on the Channels screen with the platform's
message and request id, and retried when a person asks).

Tracking posts are safe to repeat: Shopify, Walmart and TikTok connectors
check for the tracking number first, and Amazon answers ``nothing_to_ship``
when a lost success is retried, which counts as done here.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime

from app.channels import ChannelError, ConfigError, Connector, PlatformError, SyncCancelled
from app.db.base import utcnow
from app.domain.permissions import Permission, require
from app.domain.stored_errors import error_detail
from app.services.channels import channel_config
from app.services.push_outbox import (
    FAILED,
    STOCK,
    DuePush,
    claim_due_pushes,
    record_push_done,
    record_push_failure,
    release_claim,
)
from app.services.run import run_read, run_write
from app.services.sync_env import SyncEnvironment

#: Amazon's answer when a confirmShipment that already succeeded is retried.
ALREADY_SHIPPED_CODES = frozenset({"nothing_to_ship"})


@dataclass
class PushReport:
    sent: int = 0
    retry_later: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def send_push(connector: Connector, push: DuePush) -> tuple[str, str | None]:
    """Send one push with a connector; returns (request id, note). Raises ChannelError."""
    if push.kind == STOCK:
        result = connector.push_stock(str(push.payload["sku"]), int(push.payload["quantity"]))
        return result.request_id, None
    try:
        result = connector.push_tracking(
            str(push.payload["external_id"]), str(push.payload["carrier"]),
            str(push.payload["tracking"]), None,
        )
    except PlatformError as exc:
        if exc.platform_code in ALREADY_SHIPPED_CODES and push.attempts > 0:
            return exc.request_id, "already on the platform"
        raise
    return result.request_id, "already on the platform" if result.already_done else None


def process_pushes(
    env: SyncEnvironment, *, channel_id: int | None = None, now: datetime | None = None,
    cancel: threading.Event | None = None, limit: int = 100,
) -> PushReport:
    """Send due pushes (HTTP outside transactions) and record each outcome.

    Raises PermissionDenied, before anything is claimed, unless ``env.actor`` may
    manage stores (the background sync acts as the machine's administrator).
    """
    require(env.actor, Permission.MANAGE_CHANNELS)
    cancel = cancel or threading.Event()
    report = PushReport()
    due = run_write(env.db, claim_due_pushes, now or utcnow(), channel_id=channel_id,
                    limit=limit)
    connectors: dict[int, Connector] = {}
    try:
        for index, push in enumerate(due):
            if cancel.is_set():
                for rest in due[index:]:
                    run_write(env.db, release_claim, rest.id)
                break
            try:
                connector = connectors.get(push.channel_id)
                if connector is None:
                    config = run_read(env.db, channel_config, push.channel_id)
                    connector = connectors[push.channel_id] = env.connector(config, cancel)
                request_id, note = send_push(connector, push)
            except SyncCancelled:
                run_write(env.db, release_claim, push.id)
                continue
            except ChannelError as exc:
                permanent = isinstance(exc, ConfigError | PlatformError)
                status = run_write(env.db, record_push_failure, push.id, exc.message,
                                   error_detail(exc), exc.request_id, permanent=permanent)
                report.errors.append(exc.message)
                if status == FAILED:
                    report.failed += 1
                else:
                    report.retry_later += 1
                continue
            run_write(env.db, record_push_done, push.id, request_id, note)
            report.sent += 1
    finally:
        for connector in connectors.values():
            connector.close()
    return report
