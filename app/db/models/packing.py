"""The pack station: boxes, parcels and who is packing what.

A parcel is one box of one order, weighed and labelled; an order may ship in
several. ``pack_sessions`` has one row per order being packed, so a second station
scanning the same order is refused by the primary key, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UtcDateTime, utcnow


class Box(Base):
    """A carton or mailer in the packing catalogue."""

    __tablename__ = "boxes"
    __table_args__ = (
        CheckConstraint(
            "inner_length_mm > 0 AND inner_width_mm > 0 AND inner_height_mm > 0",
            name="dimensions_positive"),
        CheckConstraint("tare_g >= 0", name="tare_not_negative"),
        CheckConstraint("max_weight_g > 0", name="max_weight_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str | None] = mapped_column(String(100))
    inner_length_mm: Mapped[int] = mapped_column(Integer)
    inner_width_mm: Mapped[int] = mapped_column(Integer)
    inner_height_mm: Mapped[int] = mapped_column(Integer)
    tare_g: Mapped[int] = mapped_column(Integer)
    max_weight_g: Mapped[int] = mapped_column(Integer)
    barcode: Mapped[str | None] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PackSession(Base):
    """An order on a pack station's bench right now."""

    __tablename__ = "pack_sessions"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), primary_key=True)
    station: Mapped[str] = mapped_column(String(100))
    actor: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Parcel(Base):
    """One box of one order: what went in, what it weighed, which label it carries."""

    __tablename__ = "parcels"
    __table_args__ = (UniqueConstraint("order_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    box_id: Mapped[int | None] = mapped_column(ForeignKey("boxes.id"))
    #: open (being filled) -> packed
    status: Mapped[str] = mapped_column(String(16))
    weight_g: Mapped[int | None] = mapped_column(Integer)
    expected_weight_g: Mapped[int | None] = mapped_column(Integer)
    dim_weight_g: Mapped[int | None] = mapped_column(Integer)
    billable_weight_g: Mapped[int | None] = mapped_column(Integer)
    carrier: Mapped[str | None] = mapped_column(String(40))
    service: Mapped[str | None] = mapped_column(String(60))
    tracking_number: Mapped[str | None] = mapped_column(String(64), index=True)
    #: seller | carrier | warehouse: where the printed label came from.
    label_source: Mapped[str | None] = mapped_column(String(16))
    station: Mapped[str | None] = mapped_column(String(100))
    packed_by: Mapped[str | None] = mapped_column(String(64))
    packed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    #: A supervisor who accepted a weight out of tolerance, and why.
    override_by: Mapped[str | None] = mapped_column(String(64))
    override_reason: Mapped[str | None] = mapped_column(String(200))
    #: The staging lane the parcel waits in for its carrier.
    staged_bin_id: Mapped[int | None] = mapped_column(ForeignKey("bins.id"))
    staged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    staged_by: Mapped[str | None] = mapped_column(String(64))
    #: Scanned out to the driver (handover) and what tracking said since.
    shipped_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    tracking_status: Mapped[str | None] = mapped_column(String(24))
    first_scan_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    tracked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ParcelItem(Base):
    """Units of one order line scanned into one parcel."""

    __tablename__ = "parcel_items"
    __table_args__ = (
        UniqueConstraint("parcel_id", "order_line_id"),
        CheckConstraint("quantity > 0", name="quantity_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    parcel_id: Mapped[int] = mapped_column(ForeignKey("parcels.id", ondelete="CASCADE"))
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"))
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    quantity: Mapped[int] = mapped_column(Integer)


class RestockTask(Base):
    """Picked units of an order stopped at the pack station (cancelled or held) that
    must go back to a bin; done by scanning the bin."""

    __tablename__ = "restock_tasks"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    #: open -> done
    status: Mapped[str] = mapped_column(String(16))
    to_bin_id: Mapped[int | None] = mapped_column(ForeignKey("bins.id"))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    done_by: Mapped[str | None] = mapped_column(String(64))
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
