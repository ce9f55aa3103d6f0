"""TikTok ``recipient_address`` read as TikTok publishes it.

Fixtures are TikTok Shop's own response examples (Partner Center API reference, Order
API "Get Order Detail": the 202309 example, as reproduced in SDK docs, and the current
example kept in lazykern/ecommerce-api-docs
data/raw/tiktok/api-reference/orders/get-order-detail.spec.json), plus shapes the US
address-level changelog describes (L0 country, L1 state, L2 county, L3 city).
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from app.channels.tiktok_address import parse_full_address, ship_to_from_recipient

#: Get Order Detail 202309 response example, ``data.orders[0].recipient_address``.
EXAMPLE_202309: dict[str, Any] = {
    "address_detail": "Unit one building 8",
    "address_line1": "TikTok 5800 bristol Pkwy",
    "address_line2": "Suite 100",
    "address_line3": '""',
    "address_line4": '""',
    "delivery_preferences": {"drop_off_location": "Front Door"},
    "district_info": [{"address_level_name": "Country", "address_name": "United Kingdom"}],
    "full_address": "1199 Coleman Ave San Jose, CA 95110",
    "name": "Zay",
    "phone_number": "(+1)213-***-1234",
    "postal_code": "95110",
    "region_code": "US",
}

#: The same example in the current reference (``address_level`` added, BR-only lines).
EXAMPLE_CURRENT: dict[str, Any] = {
    "full_address": "1199 Coleman Ave San Jose, CA 95110",
    "phone_number": "(+1)213-***-1234",
    "name": "David Kong",
    "first_name": "David",
    "last_name": "Kong",
    "region_code": "US",
    "postal_code": "95110",
    "address_line1": "TikTok 5800 bristol Pkwy",
    "address_line2": "Suite 100",
    "district_info": [
        {"address_level_name": "Country", "address_name": "United Kingdom", "address_level": "L0"}
    ],
    "address_detail": "Unit one building 8",
}

#: A US address with the full level list of the address-level changelog.
WITH_LEVELS: dict[str, Any] = {
    "name": "Ann Lee",
    "address_line1": "742 Evergreen Ter",
    "address_line2": "",
    "postal_code": "40202",
    "region_code": "US",
    "full_address": "742 Evergreen Ter Louisville, KY 40202",
    "district_info": [
        {"address_level": "L0", "address_level_name": "Country", "address_name": "United States"},
        {"address_level": "L1", "address_level_name": "State", "address_name": "Kentucky"},
        {"address_level": "L2", "address_level_name": "County", "address_name": "Jefferson"},
        {"address_level": "L3", "address_level_name": "City", "address_name": "Louisville"},
    ],
}


def test_published_202309_example() -> None:
    to = ship_to_from_recipient(EXAMPLE_202309)
    assert to.name == "Zay"
    assert to.address1 == "TikTok 5800 bristol Pkwy"
    # The literal "" placeholders are gone; the buyer's detail is kept.
    assert to.address2 == "Suite 100 Unit one building 8"
    assert (to.city, to.state, to.zip, to.country) == ("San Jose", "CA", "95110", "US")


def test_current_example_reads_the_same() -> None:
    to = ship_to_from_recipient(EXAMPLE_CURRENT)
    assert to.address1 == "TikTok 5800 bristol Pkwy"
    assert to.address2 == "Suite 100 Unit one building 8"
    assert (to.city, to.state, to.zip) == ("San Jose", "CA", "95110")


def test_district_info_wins_over_full_address() -> None:
    recipient = copy.deepcopy(WITH_LEVELS)
    recipient["full_address"] = "somewhere else, CA 90001"
    to = ship_to_from_recipient(recipient)
    assert (to.city, to.state, to.zip) == ("Louisville", "KY", "40202")


def test_masked_city_level_falls_back_to_full_address() -> None:
    """L3 is masked for some statuses (changelog 'changes to recipient address masking')."""
    recipient = copy.deepcopy(WITH_LEVELS)
    recipient["district_info"][3]["address_name"] = "L*******e"
    to = ship_to_from_recipient(recipient)
    assert (to.city, to.state) == ("Louisville", "KY")


def test_detail_only_address_becomes_the_street_line() -> None:
    recipient = {"address_line1": '""', "address_detail": "55 Elm St Apt 2",
                 "full_address": "55 Elm St Apt 2, Boston, MA 02134", "region_code": "US"}
    to = ship_to_from_recipient(recipient)
    assert (to.address1, to.address2) == ("55 Elm St Apt 2", "")
    assert (to.city, to.state, to.zip) == ("Boston", "MA", "02134")


def test_detail_already_in_the_lines_is_not_repeated() -> None:
    recipient = copy.deepcopy(WITH_LEVELS)
    recipient["address_line2"] = "Unit 4"
    recipient["address_detail"] = "unit 4"
    assert ship_to_from_recipient(recipient).address2 == "Unit 4"


@pytest.mark.parametrize(
    ("text", "street", "expected"),
    [
        ("1199 Coleman Ave San Jose, CA 95110", "", ("San Jose", "CA", "95110")),
        ("5800 Bristol Pkwy, Suite 100, Culver City, CA 90230-6696", "",
         ("Culver City", "CA", "90230")),
        ("12 Main St, Springfield, Illinois, 62701, United States", "",
         ("Springfield", "Illinois", "62701")),
        ("9 Oak Rd Apt 3 Austin, TX 73301, US", "9 Oak Rd Apt 3", ("Austin", "TX", "73301")),
        ("Portland, OR 97201", "", ("Portland", "OR", "97201")),
        ("", "", ("", "", "")),
    ],
)
def test_full_address_parsing(text: str, street: str, expected: tuple[str, str, str]) -> None:
    assert parse_full_address(text, street) == expected
