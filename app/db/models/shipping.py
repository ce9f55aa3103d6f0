"""Carrier accounts, bought labels, staging, pickups and tracking.

A label purchase is written *before* the provider is called (status ``intent``)
under a unique reference; the provider is given that reference, so a retry after a
timeout or crash looks the shipment up instead of buying a second label.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UtcDateTime, utcnow


class CarrierAccount(Base):
    """The warehouse's account at a label provider (EasyPost, Shippo, TikTok, manual).

    Like a store, the secret (API key or token) is in the OS keyring under
    ``secret_ref``; ``settings`` is JSON of the provider's non-secret options.
    """

    __tablename__ = "carrier_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    provider: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100), unique=True)
    base_url: Mapped[str | None] = mapped_column(String(300))
    #: test | production
    mode: Mapped[str] = mapped_column(String(16), default="test")
    settings: Mapped[str] = mapped_column(Text, default="{}")
    secret_ref: Mapped[str] = mapped_column(String(64), unique=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ShippingRules(Base):
    """A client's rate-shopping rules; JSON lists keep the rule set one row."""

    __tablename__ = "shipping_rules"

    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), primary_key=True)
    #: cheapest_on_time | fastest_under
    strategy: Mapped[str] = mapped_column(String(24), default="cheapest_on_time")
    max_cost: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    insure_above: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    #: JSON list of "CARRIER" or "CARRIER/SERVICE"; empty = all.
    allowed_services: Mapped[str] = mapped_column(Text, default="[]")
    #: JSON object: platform service level -> "CARRIER/SERVICE".
    service_overrides: Mapped[str] = mapped_column(Text, default="{}")
    updated_by: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class LabelPurchase(Base):
    """One carrier label bought (or being bought) for one parcel of one order.

    ``intent`` -> ``bought`` -> (``void_requested`` ->) ``voided``; ``failed`` when the
    provider refused. Label-first purchases at wave release have no parcel yet.
    """

    __tablename__ = "label_purchases"
    __table_args__ = (Index(None, "status", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    parcel_id: Mapped[int | None] = mapped_column(ForeignKey("parcels.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("carrier_accounts.id"))
    status: Mapped[str] = mapped_column(String(16))
    #: pack | wave | manual: when in the order's life the label was bought.
    trigger: Mapped[str] = mapped_column(String(16), default="pack")
    weight_g: Mapped[int | None] = mapped_column(Integer)
    provider_shipment_id: Mapped[str | None] = mapped_column(String(100))
    provider_label_id: Mapped[str | None] = mapped_column(String(100))
    rate_id: Mapped[str | None] = mapped_column(String(100))
    carrier: Mapped[str | None] = mapped_column(String(40))
    service: Mapped[str | None] = mapped_column(String(60))
    cost: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    insured_value: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    tracking_number: Mapped[str | None] = mapped_column(String(64), unique=True)
    #: PDF | ZPL | PNG, as received from the provider.
    label_format: Mapped[str | None] = mapped_column(String(8))
    label: Mapped[bytes | None] = mapped_column(LargeBinary)
    #: JSON: the rates considered and why this one was chosen ("why UPS?").
    rates_considered: Mapped[str] = mapped_column(Text, default="[]")
    choice_reason: Mapped[str | None] = mapped_column(String(300))
    error: Mapped[str | None] = mapped_column(Text)
    void_status: Mapped[str | None] = mapped_column(String(24))
    actor: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    bought_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    printed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    voided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Pickup(Base):
    """One carrier's collection at one warehouse: parcels scanned out, then closed."""

    __tablename__ = "pickups"

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"), index=True)
    carrier: Mapped[str] = mapped_column(String(40))
    #: open -> closed
    status: Mapped[str] = mapped_column(String(16))
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    opened_by: Mapped[str] = mapped_column(String(64))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(64))
    manifest_pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    #: The provider's SCAN form / manifest, where it offers one.
    provider_manifest_id: Mapped[str | None] = mapped_column(String(100))
    provider_manifest_url: Mapped[str | None] = mapped_column(String(500))


class PickupParcel(Base):
    """A parcel handed to a driver; a parcel leaves the building once."""

    __tablename__ = "pickup_parcels"

    id: Mapped[int] = mapped_column(primary_key=True)
    pickup_id: Mapped[int] = mapped_column(ForeignKey("pickups.id"), index=True)
    parcel_id: Mapped[int] = mapped_column(ForeignKey("parcels.id"), unique=True)
    scanned_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))


class TrackingEvent(Base):
    """One scan event reported by a provider; re-polling never duplicates it."""

    __tablename__ = "tracking_events"
    __table_args__ = (UniqueConstraint("tracking_number", "at", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    parcel_id: Mapped[int | None] = mapped_column(ForeignKey("parcels.id"), index=True)
    tracking_number: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    #: pre_transit | in_transit | out_for_delivery | delivered | return_to_sender |
    #: failure | unknown (the providers' common vocabulary)
    status: Mapped[str] = mapped_column(String(24))
    description: Mapped[str | None] = mapped_column(String(300))
    location: Mapped[str | None] = mapped_column(String(200))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ShippingException(Base):
    """Something a seller may need evidence of: returned to sender, address problem,
    no carrier scan N days after handover. Open until someone resolves it."""

    __tablename__ = "shipping_exceptions"
    __table_args__ = (UniqueConstraint("parcel_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    parcel_id: Mapped[int] = mapped_column(ForeignKey("parcels.id"))
    kind: Mapped[str] = mapped_column(String(24))
    detail: Mapped[str | None] = mapped_column(String(300))
    detected_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
