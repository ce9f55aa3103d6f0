"""Waves, carts and pick tasks: how allocated orders are taken onto the floor.

A wave groups allocated orders of one warehouse; its orders are batched onto carts,
each cart with its route (bin codes in visiting order). A pick task is one stop of
a cart for one order line: ``quantity`` units of a SKU from a bin, ``picked`` so far.
Confirming a pick moves the units out of the bin in the ledger and shrinks the
order's reservation by the same amount, so a later pack consumes only what is still
reserved (orders packed without a pick run consume everything at the pack station).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UtcDateTime, utcnow


class Wave(Base):
    __tablename__ = "waves"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: What people read and scan, e.g. ``W-20261207-001``.
    number: Mapped[str] = mapped_column(String(32), unique=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"), index=True)
    #: released -> picking -> done | cancelled (see the wave transition table).
    status: Mapped[str] = mapped_column(String(16))
    #: JSON of the filters the wave was planned with, for the record.
    filters: Mapped[str] = mapped_column(Text, default="{}")
    cart_orders: Mapped[int] = mapped_column(Integer, default=8)
    #: Labels printed at release, stuck on at the shelf (pre-packed goods).
    label_first: Mapped[bool] = mapped_column(Boolean, default=False)
    single_order_distance_m: Mapped[float] = mapped_column(Float, default=0.0)
    batched_distance_m: Mapped[float] = mapped_column(Float, default=0.0)
    created_by: Mapped[str] = mapped_column(String(64))
    released_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class PickCart(Base):
    """One batch of a wave: the orders one picker takes round on one cart."""

    __tablename__ = "pick_carts"
    __table_args__ = (UniqueConstraint("wave_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    wave_id: Mapped[int] = mapped_column(ForeignKey("waves.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    #: The barcode on the pick list, e.g. ``W-20261207-001-C2``.
    code: Mapped[str] = mapped_column(String(48), unique=True)
    #: JSON list of bin codes in visiting order.
    route: Mapped[str] = mapped_column(Text, default="[]")
    distance_m: Mapped[float] = mapped_column(Float, default=0.0)
    #: open -> picking -> done
    status: Mapped[str] = mapped_column(String(16))
    picker: Mapped[str | None] = mapped_column(String(64))
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class PickCartOrder(Base):
    """An order's place on a cart: the tote/slot its units go into."""

    __tablename__ = "pick_cart_orders"
    __table_args__ = (
        UniqueConstraint("cart_id", "order_id"),
        UniqueConstraint("cart_id", "slot"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cart_id: Mapped[int] = mapped_column(ForeignKey("pick_carts.id"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    slot: Mapped[int] = mapped_column(Integer)


class PickTask(Base):
    __tablename__ = "pick_tasks"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("picked >= 0 AND picked <= quantity", name="picked_in_range"),
        Index(None, "cart_id", "seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    cart_id: Mapped[int] = mapped_column(ForeignKey("pick_carts.id"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"))
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    bin_id: Mapped[int] = mapped_column(ForeignKey("bins.id"))
    #: Position of this stop in the cart's route (tasks at one bin share it).
    seq: Mapped[int] = mapped_column(Integer)
    quantity: Mapped[int] = mapped_column(Integer)
    picked: Mapped[int] = mapped_column(Integer, default=0)
    #: open -> picked | short | cancelled
    status: Mapped[str] = mapped_column(String(16))
    picked_by: Mapped[str | None] = mapped_column(String(64))
    picked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    note: Mapped[str | None] = mapped_column(String(200))
