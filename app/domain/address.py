"""US address rules used when orders arrive: states, ZIP codes, regions."""

from __future__ import annotations

import re
from enum import StrEnum

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
#: A ZIP (or ZIP+4) that lost its leading zero in a spreadsheet: 4 or 8 digits.
_SHORT_ZIP = re.compile(r"^\d{4}(?:-?\d{4})?$")

#: The 3-digit ZIP prefixes USPS assigns to each state, DC, territory and military "state"
#: (USPS Publication 65 / DMM L002 "3-Digit ZIP Code Prefix Matrix"; unused prefixes inside
#: a range are left in it). Prefixes 200-205 serve the federal area around Washington and
#: are accepted for DC, Maryland and Virginia alike.
ZIP_PREFIXES: dict[str, tuple[tuple[int, int], ...]] = {
    "AA": ((340, 340),), "AE": ((90, 98),), "AP": ((962, 966),),
    "AK": ((995, 999),), "AL": ((350, 369),), "AR": ((716, 729),),
    "AS": ((967, 967),), "AZ": ((850, 865),), "CA": ((900, 961),), "CO": ((800, 816),),
    "CT": ((60, 69),), "DC": ((200, 205), (569, 569)), "DE": ((197, 199),),
    "FL": ((320, 339), (341, 342), (344, 344), (346, 347), (349, 349)),
    "GA": ((300, 319), (398, 399)), "GU": ((969, 969),), "HI": ((967, 968),),
    "IA": ((500, 528),), "ID": ((832, 838),), "IL": ((600, 629),), "IN": ((460, 479),),
    "KS": ((660, 679),), "KY": ((400, 427),), "LA": ((700, 714),), "MA": ((10, 27), (55, 55)),
    "MD": ((200, 219),), "ME": ((39, 49),), "MI": ((480, 499),),
    "MN": ((550, 567),), "MO": ((630, 658),), "MP": ((969, 969),), "MS": ((386, 397),),
    "MT": ((590, 599),), "NC": ((270, 289),), "ND": ((580, 588),), "NE": ((680, 693),),
    "NH": ((30, 38),), "NJ": ((70, 89),), "NM": ((870, 884),), "NV": ((889, 898),),
    "NY": ((5, 5), (100, 149)), "OH": ((430, 459),), "OK": ((730, 731), (734, 749)),
    "OR": ((970, 979),), "PA": ((150, 196),), "PR": ((6, 7), (9, 9)), "RI": ((28, 29),),
    "SC": ((290, 299),), "SD": ((570, 577),), "TN": ((370, 385),),
    "TX": ((733, 733), (750, 799), (885, 885)), "UT": ((840, 847),),
    "VA": ((200, 205), (220, 246)), "VI": ((8, 8),), "VT": ((50, 54), (56, 59)),
    "WA": ((980, 994),), "WI": ((530, 549),), "WV": ((247, 268),), "WY": ((820, 831),),
}

#: Five-digit ZIPs in a state other than their prefix's (the Census ZCTA ranges per state):
#: Fishers Island NY 06390, Texarkana AR 75502, Carter Lake IA 68119-68120, MS 71233.
_ZIP_EXCEPTIONS: dict[str, str] = {
    "06390": "NY", "75502": "AR", "68119": "IA", "68120": "IA", "71233": "MS",
}


def _states_by_prefix() -> dict[str, frozenset[str]]:
    """``"088"`` -> ``{"NJ"}``: one dictionary look-up per order of a 100,000-order file."""
    table: dict[str, set[str]] = {}
    for state, ranges in ZIP_PREFIXES.items():
        for low, high in ranges:
            for prefix in range(low, high + 1):
                table.setdefault(f"{prefix:03d}", set()).add(state)
    return {prefix: frozenset(states) for prefix, states in table.items()}


_STATES_BY_PREFIX = _states_by_prefix()


def normalize_state(value: str) -> str | None:
    """Return the two-letter code for a state code or full name, or None if unknown."""
    text = value.strip().upper().rstrip(".")
    if text in US_STATES:
        return text
    return _BY_NAME.get(text)


def normalize_zip(value: str, state: str | None = None) -> str | None:
    """Return ``12345`` or ``12345-6789``, or None when malformed.

    Excel drops leading zeros of ZIPs it took for numbers (``8817`` for New
    Jersey's ``08817``), so four-digit values (and eight-digit ZIP+4) are padded
    back - when ``state`` is given, only if the padded ZIP belongs to that state: a
    mistyped ``9021`` for California is no ``09021`` in New Jersey. A ZIP given with a
    state must belong to it (:func:`zip_in_state`).
    """
    text = value.strip()
    if text.endswith(".0"):
        text = text[:-2]
    if _SHORT_ZIP.match(text):
        text = "0" + text
    if not _ZIP.match(text):
        return None
    digits = text.replace("-", "")
    zip_code = digits if len(digits) == 5 else f"{digits[:5]}-{digits[5:]}"
    if state is not None and not zip_in_state(zip_code, state):
        return None
    return zip_code


def states_of_zip(zip_code: str) -> frozenset[str]:
    """The states (codes) a normalised ZIP may belong to; empty for an unassigned prefix."""
    if len(zip_code) < 5 or not zip_code[:5].isdigit():
        return frozenset()
    found = _STATES_BY_PREFIX.get(zip_code[:3], frozenset())
    extra = _ZIP_EXCEPTIONS.get(zip_code[:5])
    return found | {extra} if extra else found


def zip_in_state(zip_code: str, state: str) -> bool:
    """Whether a normalised ZIP lies in the state by USPS's prefix assignment."""
    head = zip_code[:5]
    if len(head) < 5 or not head.isdigit():
        return False
    return state in _STATES_BY_PREFIX.get(head[:3], ()) or _ZIP_EXCEPTIONS.get(head) == state


# --- kinds of delivery point -------------------------------------------------------------


class DeliveryKind(StrEnum):
    """What kind of place an address is; some carriers and services cannot deliver to a
    PO box (UPS, FedEx ground) or to a military post office (only USPS does)."""

    STREET = "street"
    PO_BOX = "po_box"
    MILITARY = "military"


#: Military "states" and post-office "cities" (USPS Publication 28, 225: APO/FPO/DPO with
#: AA, AE or AP).
MILITARY_STATES = frozenset({"AA", "AE", "AP"})
_MILITARY_CITIES = frozenset({"APO", "FPO", "DPO"})
#: "PO Box 12", "P.O. Box", "P O BOX", "POB 12", "Post Office Box", "POBox12"; not "Pobox Rd".
_PO_BOX = re.compile(
    r"\b(?:P\.?\s*O\.?\s*B(?:OX|X)?\.?|POST\s+OFFICE\s+BOX|POSTAL\s+BOX)\s*#?\s*\d",
    re.IGNORECASE,
)


def is_po_box(*lines: str) -> bool:
    """Whether any of the street lines names a post-office box.

    Every spelling has a "b" ("box", "bx", "POB"): the pattern runs only on lines with
    one, which keeps a 100,000-order import from paying for it on every street.
    """
    return any(("b" in line or "B" in line) and _PO_BOX.search(line) for line in lines)


def is_military(city: str, state: str) -> bool:
    """An APO/FPO/DPO address: a military state code or a military post-office city."""
    return state.upper() in MILITARY_STATES or city.strip().upper() in _MILITARY_CITIES


def delivery_kind(address1: str, address2: str, city: str, state: str) -> DeliveryKind:
    """Military first (its "PSC 1234 Box 5678" lines are boxes too), then PO box."""
    if is_military(city, state):
        return DeliveryKind.MILITARY
    if is_po_box(address1, address2):
        return DeliveryKind.PO_BOX
    return DeliveryKind.STREET


def region_of_state(state: str) -> Region:
    return Region.WEST if state in WEST_STATES else Region.EAST
