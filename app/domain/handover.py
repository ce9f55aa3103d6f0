"""Rules of the last steps: which carrier a name means, what tracking says about an order.

Pure: the staging, pickup and tracking services (``app/services/staging.py``,
``pickups.py``, ``tracking.py``) read the database and ask these functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

from app.domain.states import OrderStatus

#: Carriers whose provider spellings differ (EasyPost ``UPSDAP``, Shippo ``usps``,
#: ``FedExDefault``): a name is the first of these it starts with once normalised.
_KNOWN_CARRIERS = ("usps", "ups", "fedex", "dhl", "ontrac", "uniuni", "gofo", "amazon",
                   "lasership", "veho")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def carrier_key(name: str | None) -> str:
    """The name a carrier is compared by: ``"UPS Ground"``, ``"UPSDAP"`` and ``"ups"``
    are all ``"ups"``, so a lane set up as "USPS" takes Shippo's ``usps`` labels."""
    text = _NOT_ALNUM.sub("", (name or "").casefold())
    for known in _KNOWN_CARRIERS:
        if text.startswith(known):
            return known
    return text


_UPS = re.compile(r"^1Z[0-9A-Z]{16}$")
_USPS = re.compile(r"^(9[2-5]\d{18,20}|420\d{5}9[2-5]\d{18,20}|[A-Z]{2}\d{9}US)$")
_FEDEX = re.compile(r"^(\d{12}|\d{15}|\d{20})$")


def carrier_of_tracking(tracking: str | None) -> str | None:
    """The carrier a tracking number's shape names (UPS ``1Z…``, USPS ``94…``/``92…``,
    FedEx 12 or 15 digits, Amazon ``TBA…``), else None: the last guess for a seller's
    label that came without its carrier."""
    text = _NOT_ALNUM.sub("", (tracking or "").casefold()).upper()
    if _UPS.match(text):
        return "UPS"
    if _USPS.match(text):
        return "USPS"
    if text.startswith("TBA") and text[3:].isdigit():
        return "Amazon"
    if _FEDEX.match(text):
        return "FedEx"
    return None


def label_carrier(bought: str | None, parcel: str | None, order: str | None,
                  tracking: str | None) -> str | None:
    """The carrier of a parcel's label: a bought label's, else the parcel's (the order's
    carrier when it was weighed), else the order's, else what the tracking number's shape
    says (a seller's label imported without its carrier)."""
    return bought or parcel or order or carrier_of_tracking(tracking)


def same_carrier(first: str | None, second: str | None) -> bool:
    key = carrier_key(first)
    return bool(key) and key == carrier_key(second)


class ExceptionKind(StrEnum):
    """What a seller may need evidence of (``shipping_exceptions.kind``)."""

    RETURN_TO_SENDER = "return_to_sender"
    ADDRESS_PROBLEM = "address_problem"
    NO_SCAN = "no_scan"


#: Tracking statuses (``app.carriers.base.TrackingStatus`` values) that prove the carrier
#: has the parcel: the first of them is the "first scan" of an Amazon late-scan claim.
#: ``pre_transit`` is only the label being created.
CARRIER_SCANS = frozenset({"in_transit", "out_for_delivery", "delivered", "return_to_sender",
                           "failure"})

#: A tracking status that opens an exception on its parcel.
EXCEPTION_OF_STATUS = {
    "return_to_sender": ExceptionKind.RETURN_TO_SENDER,
    "failure": ExceptionKind.ADDRESS_PROBLEM,
}

#: Parcels whose tracking has nothing more to say are no longer polled.
FINAL_TRACKING = frozenset({"delivered", "return_to_sender"})

DEFAULT_NO_SCAN_DAYS = 2


def order_progress(parcel_statuses: Iterable[str | None]) -> OrderStatus | None:
    """Where tracking says an order with these parcels is: delivered when every parcel
    is, in transit once any has a carrier scan, else nothing to say (None)."""
    statuses = list(parcel_statuses)
    if statuses and all(status == "delivered" for status in statuses):
        return OrderStatus.DELIVERED
    if any(status in CARRIER_SCANS for status in statuses):
        return OrderStatus.IN_TRANSIT
    return None


def progress_path(current: OrderStatus, target: OrderStatus) -> list[OrderStatus]:
    """The order states to pass through from ``current`` to ``target`` (shipped ->
    in transit -> delivered), empty when the order is there or past it already."""
    path = [OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED]
    if current not in path or target not in path:
        return []
    return path[path.index(current) + 1: path.index(target) + 1]
