"""The rules of the last steps: carrier names compared loosely, a carrier read from a
tracking number's shape, and where tracking says an order is."""

from __future__ import annotations

import pytest

from app.domain.handover import (
    carrier_key,
    carrier_of_tracking,
    label_carrier,
    order_progress,
    progress_path,
    same_carrier,
)
from app.domain.states import OrderStatus as S


@pytest.mark.parametrize(("first", "second", "same"), [
    ("USPS", "usps", True), ("UPS", "UPSDAP", True), ("UPS", "UPS Ground", True),
    ("FedEx", "FEDEX_GROUND", True), ("FedEx", "FedExDefault", True), ("UPS", "USPS", False),
    ("OnTrac", "ontrac", True), ("", "", False), (None, "UPS", False),
])
def test_carrier_names_compare_loosely(first: str | None, second: str, same: bool) -> None:
    assert same_carrier(first, second) is same


def test_carrier_key_keeps_an_unknown_carrier_whole() -> None:
    assert carrier_key("Speedy Couriers!") == "speedycouriers"


@pytest.mark.parametrize(("tracking", "carrier"), [
    ("1Z999AA10123456784", "UPS"), ("9400 1118 9922 3100 0000 00", "USPS"),
    ("9205590164917312751089", "USPS"), ("420937219400111899223100000000", "USPS"),
    ("EA123456789US", "USPS"), ("771234567890", "FedEx"), ("TBA304256123000", "Amazon"),
    ("SO-1001", None), ("", None), (None, None),
])
def test_a_tracking_numbers_shape_names_its_carrier(tracking: str | None,
                                                    carrier: str | None) -> None:
    assert carrier_of_tracking(tracking) == carrier


def test_the_label_carrier_prefers_the_bought_label_then_the_parcel_then_the_order() -> None:
    assert label_carrier("USPS", "UPS", "FedEx", "1Z999AA10123456784") == "USPS"
    assert label_carrier(None, "UPS", "FedEx", None) == "UPS"
    assert label_carrier(None, None, "FedEx", None) == "FedEx"
    assert label_carrier(None, None, None, "1Z999AA10123456784") == "UPS"


@pytest.mark.parametrize(("statuses", "progress"), [
    (["in_transit"], S.IN_TRANSIT), (["pre_transit"], None), ([None], None), ([], None),
    (["delivered", "delivered"], S.DELIVERED), (["delivered", "pre_transit"], S.IN_TRANSIT),
    (["delivered", None], S.IN_TRANSIT), (["failure"], S.IN_TRANSIT),
])
def test_an_order_is_delivered_when_every_parcel_is(statuses: list[str | None],
                                                     progress: S | None) -> None:
    assert order_progress(statuses) == progress


def test_progress_walks_forward_only() -> None:
    assert progress_path(S.SHIPPED, S.DELIVERED) == [S.IN_TRANSIT, S.DELIVERED]
    assert progress_path(S.IN_TRANSIT, S.DELIVERED) == [S.DELIVERED]
    assert progress_path(S.IN_TRANSIT, S.IN_TRANSIT) == []
    assert progress_path(S.DELIVERED, S.IN_TRANSIT) == []
    assert progress_path(S.RETURNED, S.DELIVERED) == []
