"""US address rules used when orders arrive: states, ZIP codes, regions."""

from __future__ import annotations

import re

from app.domain.states import Region

#: Two-letter codes of the states, DC, territories and military "states" USPS accepts.
US_STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "PR": "Puerto Rico",
    "GU": "Guam", "VI": "U.S. Virgin Islands", "AS": "American Samoa",
    "MP": "Northern Mariana Islands", "AA": "Armed Forces Americas",
    "AE": "Armed Forces Europe", "AP": "Armed Forces Pacific",
}

#: Full names to codes; platforms also send "Virgin Islands" without "U.S.".
_BY_NAME = {name.upper(): code for code, name in US_STATES.items()} | {"VIRGIN ISLANDS": "VI"}

#: States served from the West-coast warehouse; everything else is East.
WEST_STATES = frozenset(
    {"AK", "AZ", "CA", "CO", "HI", "ID", "MT", "NV", "NM", "OR", "UT", "WA", "WY"}
    | {"GU", "AS", "MP", "AP"}
)

_ZIP = re.compile(r"^\d{5}(?:-?\d{4})?$")


def normalize_state(value: str) -> str | None:
    """Return the two-letter code for a state code or full name, or None if unknown."""
    text = value.strip().upper().rstrip(".")
    if text in US_STATES:
        return text
    return _BY_NAME.get(text)


def normalize_zip(value: str) -> str | None:
    """Return ``12345`` or ``12345-6789``, or None when malformed.

    Excel drops leading zeros of ZIPs it took for numbers (``8817`` for New
    Jersey's ``08817``), so four-digit values are padded back.
    """
    text = value.strip()
    if text.endswith(".0"):
        text = text[:-2]
    if re.fullmatch(r"\d{4}", text):
        text = "0" + text
    if not _ZIP.match(text):
        return None
    digits = text.replace("-", "")
    return digits if len(digits) == 5 else f"{digits[:5]}-{digits[5:]}"


def region_of_state(state: str) -> Region:
    return Region.WEST if state in WEST_STATES else Region.EAST
