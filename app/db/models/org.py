"""The organisation: sellers (clients), warehouses, bins, users and the audit log."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UtcDateTime, utcnow


class Client(Base):
    """A seller whose goods the warehouse stores and ships."""

    __tablename__ = "clients"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    #: ISO 4217 code the client is billed in and declares values in.
    currency: Mapped[str] = mapped_column(String(3), default="USD", server_default="USD")
    #: Where the client's orders ship from when stock allows; None = nearest with stock.
    default_warehouse_id: Mapped[int | None] = mapped_column(ForeignKey("warehouses.id"))
    include_packing_slip: Mapped[bool] = mapped_column(
        Boolean, default=True, server_default=sa_true()
    )
    #: Business days the warehouse has to ship an order (drives ship-by); 0 = same day.
    handling_days: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    notes: Mapped[str | None] = mapped_column(Text)
    #: Pack-station weight check: a packed parcel may differ from its expected weight by
    #: this percentage, and always by at least ``weight_tolerance_floor_g`` (1 oz).
    weight_tolerance_pct: Mapped[Decimal] = mapped_column(
        Numeric(5, 2), default=Decimal("5.00"), server_default="5.00")
    weight_tolerance_floor_g: Mapped[int] = mapped_column(
        Integer, default=28, server_default="28")
    #: Dunnage, tape and inserts the client's parcels carry on top of goods and box.
    packing_material_g: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Warehouse(Base):
    __tablename__ = "warehouses"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(16))
    time_zone: Mapped[str] = mapped_column(String(64))
    address1: Mapped[str] = mapped_column(String(200))
    address2: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(2))
    zip: Mapped[str] = mapped_column(String(10))
    country: Mapped[str] = mapped_column(String(2), default="US")
    phone: Mapped[str | None] = mapped_column(String(40))
    #: Local time ("HH:MM", in ``time_zone``) after which an order counts from the next
    #: business day when its ship-by date is computed.
    cutoff_local: Mapped[str] = mapped_column(String(5), default="14:00", server_default="14:00")
    #: Reserve stock right after an import, a sync or a receipt.
    auto_allocate: Mapped[bool] = mapped_column(Boolean, default=True, server_default=sa_true())
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=sa_true())
    #: Pick-route layout (see ``app.domain.routing``): distance between neighbouring
    #: aisle centre lines, length of one bin position along an aisle, positions between
    #: cross aisles (0 = cross aisles only at front and back) and the aisle whose front
    #: end is the depot where carts start and end.
    aisle_pitch_m: Mapped[float] = mapped_column(Float, default=3.0, server_default="3.0")
    bin_pitch_m: Mapped[float] = mapped_column(Float, default=1.0, server_default="1.0")
    block_length: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    depot_aisle: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class Bin(Base):
    """A storage location; aisle and position feed pick routing."""

    __tablename__ = "bins"
    __table_args__ = (UniqueConstraint("warehouse_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    bin_type: Mapped[str] = mapped_column(String(16))
    aisle: Mapped[int] = mapped_column(Integer, default=0)
    position: Mapped[int] = mapped_column(Integer, default=0)
    level: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: Set when someone found the bin's count wrong (a short pick): count it soon.
    count_flagged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    count_flag_reason: Mapped[str | None] = mapped_column(String(200))
    #: A staging lane holds the parcels of one carrier (the carrier's name).
    staging_carrier: Mapped[str | None] = mapped_column(String(40))
    #: Room for put-away: units, or litres of SKU volume; None = not limited.
    capacity_units: Mapped[int | None] = mapped_column(Integer)
    capacity_litres: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    #: argon2 hash of a 4-6 digit PIN a supervisor types to approve an override.
    pin_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class SignInThrottle(Base):
    """Recent failed sign-ins from one station, whatever user names were tried: one PC
    guessing many users is slowed down too (per-user failures are on ``users``)."""

    __tablename__ = "sign_in_throttles"

    station: Mapped[str] = mapped_column(String(100), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    #: No sign-in from this station is checked before this time.
    blocked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)


class AuditEntry(Base):
    """Who did what to which record: the trail an owner asks for after a mistake."""

    __tablename__ = "audit_log"
    __table_args__ = (Index(None, "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str | None] = mapped_column(Text)
