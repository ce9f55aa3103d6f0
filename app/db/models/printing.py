"""The print queue and the carrier labels sellers upload.

``print_jobs`` keeps every job with its document (the PDF, or raw ZPL for a seller's ZPL
label): the document is the archived truth, so a retry or a reprint sends exactly what
was laid out the first time. ``order_labels`` keeps seller-supplied carrier labels
matched to their orders, whether or not they have been printed yet.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UtcDateTime, utcnow


class PrintJob(Base):
    """One document sent (or waiting to be sent) to one printer.

    ``status`` is queued -> printing -> sent | failed; ``printing`` is a claim that
    keeps two stations from sending the same job (see ``app.services.print_queue``).
    The printer columns are a snapshot: the job remembers where and how it was meant
    to print even after the station's settings change.
    """

    __tablename__ = "print_jobs"
    __table_args__ = (
        CheckConstraint("copies > 0", name="copies_positive"),
        CheckConstraint("pdf IS NOT NULL OR zpl IS NOT NULL", name="has_document"),
        Index(None, "status", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))
    station: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16))
    reference: Mapped[str] = mapped_column(String(200))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    printer_name: Mapped[str] = mapped_column(String(100))
    printer_uri: Mapped[str] = mapped_column(String(300))
    language: Mapped[str] = mapped_column(String(8))
    dpi: Mapped[int] = mapped_column(Integer)
    printer_profile: Mapped[str] = mapped_column(Text)
    copies: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_detail: Mapped[str | None] = mapped_column(Text)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    zpl: Mapped[bytes | None] = mapped_column(LargeBinary)


class OrderLabel(Base):
    """A carrier label the seller bought elsewhere, matched to its order on import."""

    __tablename__ = "order_labels"
    __table_args__ = (
        CheckConstraint("pdf IS NOT NULL OR zpl IS NOT NULL", name="has_document"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))
    source_file: Mapped[str] = mapped_column(String(300))
    source_page: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(100))
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    zpl: Mapped[bytes | None] = mapped_column(LargeBinary)
    #: Read from the label (text layer or barcode), to catch one label used twice.
    tracking_number: Mapped[str | None] = mapped_column(String(64), index=True)
    #: The file as the seller sent it (e.g. PNG), when ``pdf`` is a rendering of it.
    original: Mapped[bytes | None] = mapped_column(LargeBinary)
    original_format: Mapped[str | None] = mapped_column(String(8))
    #: Why a clerk should look: matched to two orders, tracking number used twice.
    flag: Mapped[str | None] = mapped_column(String(200))
