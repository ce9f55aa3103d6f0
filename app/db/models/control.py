"""Keeping stock true: cycle counts and pick-bin replenishment."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UtcDateTime, utcnow


class CycleCount(Base):
    """A count of some bins: open -> review (variances to approve) -> approved | cancelled."""

    __tablename__ = "cycle_counts"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"), index=True)
    #: JSON: how the bins were chosen ({"bins": "A-01:A-20"} / {"sku": ...} / {"abc": "A"}).
    scope: Mapped[str] = mapped_column(Text)
    blind: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    approved_by: Mapped[str | None] = mapped_column(String(64))
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class CycleCountLine(Base):
    """One (bin, SKU) to count: the book quantity when counted, the count, a recount."""

    __tablename__ = "cycle_count_lines"
    __table_args__ = (
        UniqueConstraint("count_id", "bin_id", "sku_id"),
        CheckConstraint("counted IS NULL OR counted >= 0", name="counted_not_negative"),
        CheckConstraint("recounted IS NULL OR recounted >= 0", name="recounted_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    count_id: Mapped[int] = mapped_column(ForeignKey("cycle_counts.id", ondelete="CASCADE"),
                                          index=True)
    bin_id: Mapped[int] = mapped_column(ForeignKey("bins.id"))
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    expected: Mapped[int | None] = mapped_column(Integer)
    counted: Mapped[int | None] = mapped_column(Integer)
    counted_by: Mapped[str | None] = mapped_column(String(64))
    counted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    recounted: Mapped[int | None] = mapped_column(Integer)
    recounted_by: Mapped[str | None] = mapped_column(String(64))
    recounted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    #: open | counted | recount | approved | posted
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(32))
    posted_move_id: Mapped[int | None] = mapped_column(ForeignKey("stock_moves.id"))


class ReplenishLimit(Base):
    """Min/max of one SKU in one pick bin: below min, refill up to max."""

    __tablename__ = "replenish_limits"
    __table_args__ = (
        CheckConstraint("min_qty >= 0 AND max_qty > min_qty", name="limits_valid"),
    )

    bin_id: Mapped[int] = mapped_column(ForeignKey("bins.id"), primary_key=True)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"), primary_key=True)
    min_qty: Mapped[int] = mapped_column(Integer)
    max_qty: Mapped[int] = mapped_column(Integer)


class ReplenishTask(Base):
    """Move stock from a storage bin to a pick bin; done by scanning."""

    __tablename__ = "replenish_tasks"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"), index=True)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    from_bin_id: Mapped[int] = mapped_column(ForeignKey("bins.id"))
    to_bin_id: Mapped[int] = mapped_column(ForeignKey("bins.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    #: open -> done | cancelled
    status: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    done_by: Mapped[str | None] = mapped_column(String(64))
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
