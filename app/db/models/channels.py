"""Connected marketplace stores and what syncing them needs to remember.

A *channel* is one seller's store on one platform. Secrets never live here:
``secret_ref`` names the entry in the OS keyring (or the private fallback
file) that holds them. The sync engine keeps its cursor per (channel,
operation), guards runs with a lease row (two PCs never sync one store at
once), and remembers every platform order it has seen by (channel, external
id) so a re-sync changes nothing. Tracking and stock updates for the platform
wait in a persisted push queue, so a failed push is retried, never lost.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UtcDateTime, utcnow


class Channel(Base):
    """One store: platform, owner (client), connection settings and sync schedule."""

    __tablename__ = "channels"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    base_url: Mapped[str | None] = mapped_column(String(300))
    #: Non-secret connector settings as a JSON object of strings.
    settings: Mapped[str] = mapped_column(Text, default="{}")
    #: Key of this store's entry in the secret store (keyring / private file).
    secret_ref: Mapped[str] = mapped_column(String(64), unique=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    interval_minutes: Mapped[int] = mapped_column(Integer, default=15)
    safety_buffer: Mapped[int] = mapped_column(Integer, default=0)
    #: Minutes between stock pushes; 0 turns stock pushing off.
    stock_push_minutes: Mapped[int] = mapped_column(Integer, default=60)
    last_sync_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    next_sync_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    next_stock_push_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    #: Template and fields of ``last_error``, so it reads in the user's language.
    last_error_detail: Mapped[str | None] = mapped_column(Text)
    last_request_id: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ChannelCursor(Base):
    """Where the last sync of one (channel, operation) got to.

    ``window_cursor`` is the newest platform ``updated_at`` of a *finished*
    pagination (the next window starts there minus an overlap). While a
    pagination is in progress, its fixed window, the last committed page
    cursor and the newest ``updated_at`` seen so far are kept, so a killed run
    resumes at the next page instead of starting over.
    """

    __tablename__ = "channel_cursors"

    channel_id: Mapped[int] = mapped_column(
        ForeignKey("channels.id", ondelete="CASCADE"), primary_key=True
    )
    operation: Mapped[str] = mapped_column(String(32), primary_key=True)
    window_cursor: Mapped[datetime | None] = mapped_column(UtcDateTime)
    run_start: Mapped[datetime | None] = mapped_column(UtcDateTime)
    run_end: Mapped[datetime | None] = mapped_column(UtcDateTime)
    run_max: Mapped[datetime | None] = mapped_column(UtcDateTime)
    page_cursor: Mapped[str | None] = mapped_column(Text)
    pages_done: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class SyncLease(Base):
    """Who may sync a channel right now; a run renews it, a crashed run's lease expires."""

    __tablename__ = "sync_leases"

    channel_id: Mapped[int] = mapped_column(
        ForeignKey("channels.id", ondelete="CASCADE"), primary_key=True
    )
    holder: Mapped[str] = mapped_column(String(200))
    acquired_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SkuMapping(Base):
    """Platform SKU of a channel -> the client's warehouse SKU.

    ``auto`` rows were created by the sync when the platform SKU equalled a
    warehouse SKU code or barcode; they make stock pushes cover those SKUs too.
    ``pushed_quantity`` is the last quantity the platform accepted.
    """

    __tablename__ = "sku_mappings"
    __table_args__ = (UniqueConstraint("channel_id", "platform_sku"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    platform_sku: Mapped[str] = mapped_column(String(200))
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"), index=True)
    auto: Mapped[bool] = mapped_column(Boolean, default=False)
    pushed_quantity: Mapped[int | None] = mapped_column(Integer)
    pushed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ChannelOrder(Base):
    """A platform order seen by the sync, keyed on (channel, external id).

    ``order_id`` is the warehouse order made from it; it is empty while the
    platform order is not releasable (unpaid, cancelled before import, already
    shipped elsewhere) or is held (``held_reason``, e.g. an unmapped SKU) —
    then ``payload`` keeps the normalised order so it can be created later.
    """

    __tablename__ = "channel_orders"
    __table_args__ = (
        UniqueConstraint("channel_id", "external_id"),
        Index(None, "channel_id", "held_reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(100))
    number: Mapped[str] = mapped_column(String(100))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), unique=True)
    platform_updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    platform_status: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(24))
    #: Digest of what the warehouse uses (status, buyer, address, lines): a newer platform
    #: version with the same digest (a note, an acknowledgement) changes nothing here.
    content_hash: Mapped[str] = mapped_column(String(64))
    held_reason: Mapped[str | None] = mapped_column(String(300))
    payload: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ChannelPush(Base):
    """A tracking number or stock level waiting to be sent to a platform.

    ``status`` is pending (due at ``next_attempt_at``), done, or failed (needs
    a person: shown on the Channels screen with ``last_error`` and a Retry).
    ``claimed_until`` stops two PCs from sending the same push at once.
    """

    __tablename__ = "channel_pushes"
    __table_args__ = (
        Index(None, "status", "next_attempt_at"),
        Index(None, "channel_id", "kind", "sku"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[int] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    sku: Mapped[str | None] = mapped_column(String(200))
    payload: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    #: Template and fields of ``last_error``, so it reads in the user's language.
    last_error_detail: Mapped[str | None] = mapped_column(Text)
    request_id: Mapped[str | None] = mapped_column(String(200))
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime)
    claimed_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
