"""The one small interface every label provider speaks.

Like ``app/channels``, a provider here only talks HTTP (or nothing, for manual
labels): no database, no Qt. The services in ``app/services`` decide *which* rate to
buy, record the purchase intent first, and store what comes back.

Why ``reference`` on a shipment: it is the idempotency key. The service writes it
to the database before calling :meth:`CarrierProvider.buy`; a provider passes it to
the carrier (EasyPost ``reference``, Shippo ``metadata``) and
:meth:`CarrierProvider.find` looks a shipment up by it, so a retry after a timeout
or a crash finds the label already bought instead of buying a second one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Protocol


class LabelFormat(StrEnum):
    PDF = "PDF"   # 4x6 page
    ZPL = "ZPL"
    PNG = "PNG"


@dataclass(frozen=True)
class Address:
    name: str
    street1: str
    city: str
    state: str
    zip: str
    country: str = "US"
    street2: str | None = None
    company: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class Shipment:
    """What a provider needs to quote and buy one parcel's label."""

    reference: str
    from_address: Address
    to_address: Address
    weight_g: int
    length_mm: int
    width_mm: int
    height_mm: int
    #: Platform order number (TikTok package documents need the platform's order id).
    order_number: str | None = None
    platform_order_id: str | None = None
    declared_value: Decimal | None = None
    insure_amount: Decimal | None = None
    ship_by: date | None = None


@dataclass(frozen=True)
class Rate:
    provider_shipment_id: str
    rate_id: str
    carrier: str
    service: str
    cost: Decimal
    currency: str = "USD"
    delivery_days: int | None = None
    delivery_date: date | None = None


@dataclass(frozen=True)
class Label:
    tracking_number: str
    carrier: str
    service: str
    cost: Decimal
    currency: str
    label_format: LabelFormat
    data: bytes
    provider_shipment_id: str
    provider_label_id: str | None = None


class RefundStatus(StrEnum):
    SUBMITTED = "submitted"
    REFUNDED = "refunded"
    REJECTED = "rejected"
    NOT_APPLICABLE = "not_applicable"


class TrackingStatus(StrEnum):
    PRE_TRANSIT = "pre_transit"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERED = "delivered"
    RETURN_TO_SENDER = "return_to_sender"
    FAILURE = "failure"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class TrackingEvent:
    at: datetime
    status: TrackingStatus
    description: str | None = None
    location: str | None = None


@dataclass(frozen=True)
class Tracking:
    tracking_number: str
    status: TrackingStatus
    events: Sequence[TrackingEvent] = field(default_factory=tuple)


@dataclass(frozen=True)
class Manifest:
    """A carrier manifest or USPS SCAN form the provider produced for a pickup."""

    provider_id: str
    url: str | None = None
    data: bytes | None = None


class CarrierProvider(Protocol):
    """EasyPost, Shippo, TikTok package documents, manual: one shape."""

    def rates(self, shipment: Shipment) -> list[Rate]:
        ...

    def buy(self, shipment: Shipment, rate: Rate, label_format: LabelFormat) -> Label:
        ...

    def find(self, reference: str, label_format: LabelFormat | None = None) -> Label | None:
        """The label already bought under ``reference``, if any (retry after a timeout),
        in ``label_format`` (None: the format it was bought in)."""
        ...

    def void(self, label: Label) -> RefundStatus:
        ...

    def track(self, tracking_numbers: Sequence[str],
              carriers: Mapping[str, str] | None = None) -> list[Tracking]:
        """Tracking of each number; ``carriers`` maps a number to its carrier where the
        provider needs it (Shippo's ``/tracks/{carrier}/{number}``)."""
        ...

    def manifest(self, labels: Sequence[Label]) -> Manifest | None:
        """A SCAN form / manifest where the provider offers one, else None."""
        ...

    def close(self) -> None:
        ...


class CarrierError(Exception):
    """A provider call failed; ``message`` is the provider's own words for the user."""

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class CarrierAuthError(CarrierError):
    """Key or token missing, wrong or expired (401/403)."""


class AddressRejected(CarrierError):
    """The provider refused the destination or origin address."""


class RateUnavailable(CarrierError):
    """The chosen rate vanished or expired between quote and buy."""


class CarrierUnavailable(CarrierError):
    """Timeout, connection error, 5xx or 429 after retries: safe to try again later.

    For ``buy`` this means *the outcome is unknown*: the service must call
    :meth:`CarrierProvider.find` with the same reference before buying again.
    """
