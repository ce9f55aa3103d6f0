"""Manual labels: the tracking number was typed or scanned, the carrier chosen by hand.

Nothing is bought and nothing is called: the label already exists (a carrier's
own pad, a drop-off counter). So :meth:`ManualProvider.rates` offers nothing,
:meth:`ManualProvider.label_for` makes the :class:`Label` record (no file — the
warehouse prints its own 4x6 layout), and ``buy`` accepts the :class:`Rate` that
:func:`manual_rate` builds so the services keep one purchase path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from app.carriers.base import (
    CarrierError,
    Label,
    LabelFormat,
    Manifest,
    Rate,
    RefundStatus,
    Shipment,
    Tracking,
)

_TRACKING = re.compile(r"[A-Z0-9]{8,40}")


def clean_tracking(raw: str) -> str:
    """A typed or scanned tracking number without spaces/dashes, upper case.

    Refused (one clear line) when it cannot be a tracking number, so a stray scan of
    an order number or a SKU never ends up on a parcel.
    """
    tracking = re.sub(r"[\s-]", "", raw or "").upper()
    if not _TRACKING.fullmatch(tracking):
        raise CarrierError(f"{raw!r} is not a tracking number (8-40 letters and digits)")
    return tracking


def manual_rate(carrier: str, service: str, tracking: str, *, reference: str = "") -> Rate:
    """The "rate" of a manual label: no price, the tracking number as its id."""
    if not carrier.strip():
        raise CarrierError("choose the carrier of a manual label")
    return Rate(provider_shipment_id=reference, rate_id=clean_tracking(tracking),
                carrier=carrier.strip(), service=service.strip(), cost=Decimal("0"))


class ManualProvider:
    """The provider of ``--provider manual`` accounts (no settings, no secrets)."""

    def label_for(self, tracking: str, carrier: str, service: str = "",
                  *, reference: str = "") -> Label:
        """The label record of a typed or scanned tracking number."""
        rate = manual_rate(carrier, service, tracking, reference=reference)
        return Label(tracking_number=rate.rate_id, carrier=rate.carrier, service=rate.service,
                     cost=Decimal("0"), currency="USD", label_format=LabelFormat.PDF, data=b"",
                     provider_shipment_id=reference)

    def rates(self, shipment: Shipment) -> list[Rate]:
        """Nothing to quote: the carrier and number are chosen by hand."""
        return []

    def buy(self, shipment: Shipment, rate: Rate, label_format: LabelFormat) -> Label:
        """Record the :func:`manual_rate` as a label (``label_format`` is moot: no file)."""
        return self.label_for(rate.rate_id, rate.carrier, rate.service,
                              reference=shipment.reference)

    def find(self, reference: str, label_format: LabelFormat | None = None) -> Label | None:
        """Nothing is remembered remotely."""
        return None

    def void(self, label: Label) -> RefundStatus:
        """Nothing was paid through us."""
        return RefundStatus.NOT_APPLICABLE

    def track(self, tracking_numbers: Sequence[str],
              carriers: Mapping[str, str] | None = None) -> list[Tracking]:
        """No tracking source for hand-entered numbers."""
        return []

    def manifest(self, labels: Sequence[Label]) -> Manifest | None:
        """No provider manifest."""
        return None

    def close(self) -> None:
        """Nothing to close."""
