"""A TikTok Shop ``recipient_address`` as a ship-to.

What TikTok's Order API (202309 and later, Get Order Detail) sends, and how it is read:

- ``district_info``: administrative levels; for the US, L0 country, L1 state, L2 county
  (or borough/parish/city), L3 city (TikTok changelog "For US market: new property
  address_level field added to Orders API"). City and state come from there when it
  has them. The published response example carries only ``L0 Country``, and L3 is
  masked for some statuses (changelog "US market: changes to recipient address
  masking"), so without them city, state and ZIP are parsed from ``full_address``
  ("1199 Coleman Ave San Jose, CA 95110" in the example) and ``postal_code``.
- ``address_line1..4`` are street lines; the 202309 example sends ``"\\"\\""`` (a
  literal pair of quotes) in unused ones, which must not be printed on a label.
- ``address_detail`` ("Unit one building 8" in the example) is the buyer's own detail
  and is kept: it becomes the street line when the lines are empty, else it is added
  to the second line unless already there.
"""

from __future__ import annotations

import re
from typing import Any

from app.channels.normalized import country_code, state_code
from app.domain.order_value import ShipTo

_PLACEHOLDERS = frozenset({'""', "''", "null", "none", "n/a"})
_ZIP_AT_END = re.compile(r"(\d{5})(?:-\d{4})?\s*$")
_COUNTRY_AT_END = re.compile(r",?\s*(?:US|USA|United States(?: of America)?)\s*$", re.I)
#: Street-type words: in "1199 Coleman Ave San Jose", the city starts after the last one.
_STREET_TYPES = frozenset({
    "st", "street", "ave", "avenue", "blvd", "boulevard", "rd", "road", "dr", "drive", "ln",
    "lane", "way", "ct", "court", "pl", "place", "pkwy", "parkway", "hwy", "highway", "cir",
    "circle", "ter", "terrace", "trl", "trail", "sq", "square", "loop",
})


def clean_line(value: Any) -> str:
    """A street line without TikTok's placeholder values."""
    text = str(value or "").strip()
    return "" if text.casefold() in _PLACEHOLDERS else text


def ship_to_from_recipient(raw: dict[str, Any]) -> ShipTo:
    """Read one ``recipient_address`` object (see the module docstring)."""
    lines = [clean_line(raw.get(f"address_line{n}")) for n in range(1, 5)]
    lines = [line for line in lines if line]
    detail = clean_line(raw.get("address_detail"))
    if detail and not any(detail.casefold() in line.casefold() for line in lines):
        lines.append(detail)
    city, state = _from_districts(raw.get("district_info") or [])
    zip_code = clean_line(raw.get("postal_code"))
    if not (city and state and zip_code):
        parsed_city, parsed_state, parsed_zip = parse_full_address(
            clean_line(raw.get("full_address")), lines[0] if lines else "")
        city, state = city or parsed_city, state or parsed_state
        zip_code = zip_code or parsed_zip
    return ShipTo(
        name=clean_line(raw.get("name")),
        address1=lines[0] if lines else "",
        address2=" ".join(lines[1:]),
        city=city,
        state=state_code(state),
        zip=zip_code,
        country=country_code(raw.get("region_code")),
        phone=clean_line(raw.get("phone_number")),
    )


def _from_districts(entries: list[dict[str, Any]]) -> tuple[str, str]:
    city = state = ""
    for entry in entries:
        level = str(entry.get("address_level") or "").upper()
        name = str(entry.get("address_level_name") or "").casefold()
        value = clean_line(entry.get("address_name"))
        if not value or "*" in value:  # masked: no better than nothing
            continue
        if level == "L3" or (not level and name == "city"):
            city = value
        elif level == "L1" or (not level and name in ("state", "federal district")):
            state = value
    return city, state


def parse_full_address(text: str, street: str = "") -> tuple[str, str, str]:
    """City, state and ZIP from a one-line US address ("street city, ST 12345").

    ``street`` (the first street line, when known) is removed from the front; otherwise
    the city is taken to start after the last street-type word ("Ave", "Pkwy" ...).
    Whatever cannot be found is returned empty, never guessed from elsewhere.
    """
    rest = _COUNTRY_AT_END.sub("", text.strip())
    zip_match = _ZIP_AT_END.search(rest)
    zip_code = zip_match.group(1) if zip_match else ""
    if zip_match:
        rest = rest[: zip_match.start()].rstrip(" ,")
    parts = [p.strip() for p in rest.split(",") if p.strip()]
    if not parts:
        return "", "", zip_code
    state = ""
    last_words = parts[-1].split()
    if len(parts) >= 2 and state_code(parts[-1]) != parts[-1].strip():
        state = parts.pop()  # a full state name in its own segment
    elif last_words and len(last_words[-1]) == 2 and last_words[-1].isalpha():
        state = last_words[-1]
        parts[-1] = " ".join(last_words[:-1])
        if not parts[-1]:
            parts.pop()
    city = parts[-1] if parts else ""
    if len(parts) == 1 and city:
        city = _drop_street(city, street)
    return city, state, zip_code


def _drop_street(text: str, street: str) -> str:
    if street and text.casefold().startswith(street.casefold()):
        return text[len(street):].strip(" ,")
    words = text.split()
    cut = max((i for i, w in enumerate(words) if w.rstrip(".").casefold() in _STREET_TYPES),
              default=-1)
    return " ".join(words[cut + 1:]) if cut >= 0 else text
