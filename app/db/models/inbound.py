"""Stock coming in: announced shipments (ASN), receipts, put-away and returns (RMA).

Billing reads receipts, lots and returns, so each is recorded as it happened:
one row per scan or count, never rewritten.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UtcDateTime, utcnow


class InboundShipment(Base):
    """A seller's announced shipment (入库预报): announced -> arrived -> receiving -> closed."""

    __tablename__ = "inbound_shipments"
    __table_args__ = (UniqueConstraint("client_id", "reference"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"), index=True)
    reference: Mapped[str] = mapped_column(String(64), index=True)
    container: Mapped[str | None] = mapped_column(String(64))
    tracking: Mapped[str | None] = mapped_column(String(200))
    eta: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    source_file: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    arrived_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(64))


class InboundCarton(Base):
    """One carton of an inbound shipment; its code is what the dock scans."""

    __tablename__ = "inbound_cartons"
    __table_args__ = (UniqueConstraint("shipment_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(
        ForeignKey("inbound_shipments.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    #: When the dock first scanned it; None = not seen yet.
    received_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class InboundLine(Base):
    """Expected units of one SKU in one carton. A SKU found that was not announced
    gets a line with ``expected`` 0; an unknown code keeps ``sku_id`` None."""

    __tablename__ = "inbound_lines"
    __table_args__ = (
        UniqueConstraint("carton_id", "sku_code"),
        CheckConstraint("expected >= 0", name="expected_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(
        ForeignKey("inbound_shipments.id", ondelete="CASCADE"), index=True)
    carton_id: Mapped[int] = mapped_column(ForeignKey("inbound_cartons.id", ondelete="CASCADE"))
    sku_id: Mapped[int | None] = mapped_column(ForeignKey("skus.id"))
    #: As announced or scanned, so an unknown SKU is still reported by its code.
    sku_code: Mapped[str] = mapped_column(String(64))
    expected: Mapped[int] = mapped_column(Integer, default=0)


class InboundReceipt(Base):
    """Units of one line counted at the dock (good and damaged) into a bin."""

    __tablename__ = "inbound_receipts"
    __table_args__ = (
        CheckConstraint("quantity >= 0 AND damaged >= 0 AND quantity + damaged > 0",
                        name="quantities_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("inbound_lines.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    damaged: Mapped[int] = mapped_column(Integer, default=0)
    bin_id: Mapped[int] = mapped_column(ForeignKey("bins.id"))
    lot: Mapped[str | None] = mapped_column(String(64))
    expiry: Mapped[date | None] = mapped_column(Date)
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class StockLot(Base):
    """A FIFO layer: units of one SKU that entered one warehouse on one day.

    Written with the ledger move that brings stock in (receipt, return, found) and
    drawn down oldest-first by moves that take it out, in the same transaction, so
    stock age and storage billing read layers instead of replaying the ledger.
    """

    __tablename__ = "stock_lots"
    __table_args__ = (
        CheckConstraint("remaining >= 0 AND remaining <= quantity", name="remaining_valid"),
        Index(None, "warehouse_id", "sku_id", "received_on"),
        # The few layers still holding units (storage billing reads them every day) and
        # a day's receipts (receiving charges), without scanning every layer ever made.
        Index("ix_stock_lots_held", "client_id", sqlite_where=text("remaining > 0"),
              postgresql_where=text("remaining > 0")),
        Index(None, "received_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    received_on: Mapped[date] = mapped_column(Date)
    #: receipt | return | adjustment
    source: Mapped[str] = mapped_column(String(16))
    reference: Mapped[str | None] = mapped_column(String(100))
    lot: Mapped[str | None] = mapped_column(String(64))
    expiry: Mapped[date | None] = mapped_column(Date)
    quantity: Mapped[int] = mapped_column(Integer)
    remaining: Mapped[int] = mapped_column(Integer)
    move_id: Mapped[int | None] = mapped_column(ForeignKey("stock_moves.id"))


class PutawayTask(Base):
    """Units waiting in a receiving or returns bin to go to a storage or pick bin."""

    __tablename__ = "putaway_tasks"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"), index=True)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    from_bin_id: Mapped[int] = mapped_column(ForeignKey("bins.id"))
    suggested_bin_id: Mapped[int | None] = mapped_column(ForeignKey("bins.id"))
    to_bin_id: Mapped[int | None] = mapped_column(ForeignKey("bins.id"))
    lot: Mapped[str | None] = mapped_column(String(64))
    #: What created it: an inbound reference or an RMA number.
    source: Mapped[str | None] = mapped_column(String(100))
    #: open -> done
    status: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    done_by: Mapped[str | None] = mapped_column(String(64))
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ReturnAuthorization(Base):
    """An RMA: open -> received -> closed. Made from an order or a scanned return label."""

    __tablename__ = "returns"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    tracking_number: Mapped[str | None] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16))
    notes: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ReturnReceipt(Base):
    """Units of one SKU received back, inspected and graded."""

    __tablename__ = "return_receipts"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("returns.id"), index=True)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    #: resellable | damaged | dispose
    grade: Mapped[str] = mapped_column(String(16))
    bin_id: Mapped[int | None] = mapped_column(ForeignKey("bins.id"))
    reason: Mapped[str | None] = mapped_column(String(200))
    weight_g: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
