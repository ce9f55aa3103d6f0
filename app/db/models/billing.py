"""3PL billing and placement analysis: rate cards, accrued charges, invoices, zones.

A charge is one invoice line: the sources of one kind a client's card prices at one
tier on one day (``detail`` lists each source with its amount, so the line can be audited
back to every order, move, receipt, return or lot-day behind it). ``accrual_key`` is
unique and a rerun charges only sources no line of that kind and day holds yet, so
nothing is charged twice. Issued invoices are never rewritten:
corrections are credit lines on a later invoice.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UtcDateTime, utcnow


class RateCard(Base):
    """A client's prices (``client_id`` set) or a named template to copy from."""

    __tablename__ = "rate_cards"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"), unique=True)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    #: m3 | ft3 | pallet | bin: what storage is priced per (per day).
    storage_unit: Mapped[str] = mapped_column(String(8), default="m3")
    #: Dimensional-weight divisor in in³/lb for billable weight (139 by default).
    dim_divisor: Mapped[int] = mapped_column(Integer, default=139)
    monthly_minimum: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))
    notes: Mapped[str | None] = mapped_column(Text)
    updated_by: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class RateCardItem(Base):
    """One price on a card. Tiered fees have several items of one kind whose
    [tier_from, tier_to) ranges (grams for weight tiers, days for storage age) must
    leave no gap and not overlap; ``tier_to`` None = and above."""

    __tablename__ = "rate_card_items"
    __table_args__ = (
        UniqueConstraint("rate_card_id", "kind", "tier_from"),
        CheckConstraint("price >= 0", name="price_not_negative"),
        CheckConstraint("tier_to IS NULL OR tier_to > tier_from", name="tier_ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rate_card_id: Mapped[int] = mapped_column(ForeignKey("rate_cards.id", ondelete="CASCADE"),
                                              index=True)
    kind: Mapped[str] = mapped_column(String(32))
    tier_from: Mapped[int] = mapped_column(Integer, default=0)
    tier_to: Mapped[int | None] = mapped_column(Integer)
    price: Mapped[Decimal] = mapped_column(Numeric(12, 4))
    minimum: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    label: Mapped[str | None] = mapped_column(String(100))


class BillingRun(Base):
    """A day the billing job has charged after it ended: the nightly job starts after
    the last of them (a day charged before it ended is not one: it may still grow)."""

    __tablename__ = "billing_runs"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    ran_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    ran_by: Mapped[str] = mapped_column(String(64))


class Charge(Base):
    """One invoice line, traceable to every move, order, receipt, return or lot-day behind
    it through ``detail``: a JSON array of ``[source_id, source_ref, quantity x 10^4,
    measure, cents, info]``, one per source (see app.services.billing_sources)."""

    __tablename__ = "charges"
    __table_args__ = (Index(None, "client_id", "charge_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    accrual_key: Mapped[str] = mapped_column(String(120), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    charge_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[Decimal] = mapped_column(Numeric(14, 4))
    unit_price: Mapped[Decimal] = mapped_column(Numeric(12, 4))
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3))
    #: What the detail's sources are: move | order | receipt | return | lot | label; adhoc
    source_type: Mapped[str] = mapped_column(String(16))
    source_id: Mapped[int | None] = mapped_column(Integer)
    source_ref: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(String(300))
    #: How many sources the line sums (1 for an ad-hoc line).
    sources: Mapped[int] = mapped_column(Integer, default=1)
    detail: Mapped[str | None] = mapped_column(Text)
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"), index=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Invoice(Base):
    """A client's month: draft (recomputed freely) -> issued (locked)."""

    __tablename__ = "invoices"
    __table_args__ = (UniqueConstraint("client_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    #: YYYY-MM
    month: Mapped[str] = mapped_column(String(7))
    status: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(String(3))
    subtotal: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))
    minimum_topup: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))
    credits: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))
    total: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0"))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    issued_by: Mapped[str | None] = mapped_column(String(64))
    issued_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class InvoiceCredit(Base):
    """A correction to an issued invoice, carried on a later one."""

    __tablename__ = "invoice_credits"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    corrects_invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"))
    applied_invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"))
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    reason: Mapped[str] = mapped_column(String(300))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ZoneChart(Base):
    """A carrier's zone chart for one warehouse origin, as the user imported it."""

    __tablename__ = "zone_charts"

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"), index=True)
    carrier: Mapped[str] = mapped_column(String(40))
    source_file: Mapped[str] = mapped_column(String(300))
    effective_date: Mapped[date | None] = mapped_column(Date)
    imported_by: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ZoneChartRow(Base):
    """Destination ZIP3 -> zone for one chart."""

    __tablename__ = "zone_chart_rows"

    chart_id: Mapped[int] = mapped_column(ForeignKey("zone_charts.id", ondelete="CASCADE"),
                                          primary_key=True)
    dest_zip3: Mapped[str] = mapped_column(String(3), primary_key=True)
    zone: Mapped[int] = mapped_column(Integer)
