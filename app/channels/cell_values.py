"""Cell values of an order file: what sellers' spreadsheets hold, as clean values.

Each parser takes a cell's text and returns the value the warehouse uses, or
raises :class:`BadValue` with an English reason template (the GUI translates it
by text) and its parameters. Excel's habits are undone here: numbers stored as
floats, codes turned into ``1.23457E+11``, thousands separators, currency
signs, dates as serial numbers in either of Excel's two epochs.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from app.channels.order_template import COLUMNS_BY_NAME, MAX_PRICE, MAX_QUANTITY
from app.domain.address import normalize_state, normalize_zip
from app.domain.errors import QT_TRANSLATE_NOOP

# --- reasons (English templates; the GUI translates them by text) --------------------------

MISSING = QT_TRANSLATE_NOOP("imports", "{column} is missing")
TOO_LONG = QT_TRANSLATE_NOOP("imports", "{column} is longer than {limit} characters")
BAD_QUANTITY = QT_TRANSLATE_NOOP(
    "imports", "quantity '{value}' is not a whole number greater than 0"
)
QUANTITY_TOO_LARGE = QT_TRANSLATE_NOOP("imports", "quantity {value} is more than {limit}")
BAD_STATE = QT_TRANSLATE_NOOP("imports", "'{value}' is not a US state")
BAD_ZIP = QT_TRANSLATE_NOOP("imports", "'{value}' is not a US ZIP code (12345 or 12345-6789)")
BAD_DATE = QT_TRANSLATE_NOOP(
    "imports", "'{value}' is not a date (use YYYY-MM-DD or YYYY-MM-DD HH:MM)"
)
BAD_PRICE = QT_TRANSLATE_NOOP("imports", "unit price '{value}' is not an amount of 0 or more")
BAD_CURRENCY = QT_TRANSLATE_NOOP("imports", "'{value}' is not a currency code such as USD")
NOT_US = QT_TRANSLATE_NOOP(
    "imports", "country '{value}' is outside the US; orders must ship to a US address"
)
CONTROL_CHARACTER = QT_TRANSLATE_NOOP(
    "imports", "{column} contains a control character ({char}); type the cell again"
)
EXCEL_NUMBER = QT_TRANSLATE_NOOP(
    "imports",
    "'{value}' was turned into a number by Excel and lost digits; "
    "format the column as text and enter it again",
)

_CENT = Decimal("0.01")


def cell_text(value: object) -> str:
    """Text of a cell; numbers Excel stored as floats lose their ``.0``."""
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()


class BadValue(Exception):
    """A field value that cannot be used; carries the reason template and its params."""

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template)
        self.template = template
        self.params = params


#: Control characters no field may hold (C0 but tab and line breaks, DEL, C1): a NUL would
#: end up inside an order number on SQLite and fail the whole file on PostgreSQL.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Dropped from identifiers: zero-width and bidi-control characters, which make two order
#: numbers or SKUs that look the same differ (copied from web pages and chats), and the
#: byte-order mark, which is dropped from any cell (files pasted together leave it inside).
_INVISIBLE = re.compile("[\ufeff\u200b-\u200d\u2060\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("[\t\r\n\u2028\u2029]+")
_LINE_ENDS = re.compile("\r\n?|[\u2028\u2029]")
_SHOWN = 40


def shown(text: str) -> str:
    """A cell as a message quotes it: a pasted column of 5,000 digits is cut short."""
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def clean_text(text: str, column: str, *, identifier: bool = False,
               multiline: bool = False) -> str:
    """A text cell without what no field may hold; callers call it only for text that is
    not ``isprintable()``, which keeps the common case to one C call.

    Control characters are refused (:class:`BadValue`); a byte-order mark is dropped
    anywhere, zero-width and bidi controls from identifiers; tabs and line breaks (a
    quoted cell over several lines) become one space, except line breaks in a
    ``multiline`` field.
    """
    bad = _CONTROLS.search(text)
    if bad is not None:
        raise BadValue(CONTROL_CHARACTER, column=column, char=f"U+{ord(bad.group()):04X}")
    text = _INVISIBLE.sub("", text) if identifier else text.replace("\ufeff", "")
    if multiline:
        return _LINE_ENDS.sub("\n", text).replace("\t", " ").strip()
    return _BREAKS.sub(" ", text).strip()


def visible(text: str) -> str:
    """A refused cell as a message may show it: control characters as U+FFFD."""
    return shown(_CONTROLS.sub("\ufffd", text))


def table_cell(value: object, column: str, *, identifier: bool = False) -> str:
    """:func:`cell_text` cleaned by :func:`clean_text`; raises :class:`BadValue`."""
    text = cell_text(value)
    return text if text.isprintable() else clean_text(text, column, identifier=identifier)


_EXCEL_SCIENTIFIC = re.compile(r"\d(?:\.\d+)?[eE]\+\d+")
_THOUSANDS_INT = re.compile(r"\d{1,3}(?:,\d{3})+")
_WHOLE_FLOAT = re.compile(r"(\d+)\.0*")


def code_text(text: str, column: str) -> str:
    """Order numbers and SKUs: reject what Excel already mangled into ``1.23457E+11``."""
    if "+" in text and _EXCEL_SCIENTIFIC.fullmatch(text):
        raise BadValue(EXCEL_NUMBER, value=shown(text))
    limit = COLUMNS_BY_NAME[column].max_length
    if len(text) > limit:
        raise BadValue(TOO_LONG, column=column, limit=limit)
    return text


#: More significant digits than any quantity may have: refused before ``int()``, which
#: raises ValueError beyond 4,300 digits.
_QUANTITY_DIGITS = len(str(MAX_QUANTITY)) + 1


def parse_quantity(text: str) -> int:
    if text.isascii() and text.isdigit():
        digits = text
    else:
        m = _WHOLE_FLOAT.fullmatch(text)
        if m is not None:
            digits = m.group(1)
        elif _THOUSANDS_INT.fullmatch(text):
            digits = text.replace(",", "")
        else:
            raise BadValue(BAD_QUANTITY, value=shown(text))
    if len(digits.lstrip("0")) > _QUANTITY_DIGITS:
        raise BadValue(QUANTITY_TOO_LARGE, value=shown(digits), limit=MAX_QUANTITY)
    qty = int(digits)
    if qty <= 0:
        raise BadValue(BAD_QUANTITY, value=text)
    if qty > MAX_QUANTITY:
        raise BadValue(QUANTITY_TOO_LARGE, value=qty, limit=MAX_QUANTITY)
    return qty


_MONEY_SIGNS = re.compile(r"^(?:US\$|USD|\$|¥|￥|RMB|CNY)\s*|\s*(?:USD|RMB|CNY|元)$", re.I)
_THOUSANDS_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def parse_price(text: str) -> Decimal:
    try:
        amount = Decimal(text)
    except InvalidOperation:
        cleaned = _MONEY_SIGNS.sub("", text)  # "$12.50", "1,299.00 元"
        if _THOUSANDS_AMOUNT.fullmatch(cleaned):
            cleaned = cleaned.replace(",", "")
        try:
            amount = Decimal(cleaned)
        except InvalidOperation:
            raise BadValue(BAD_PRICE, value=shown(text)) from None
    if not amount.is_finite() or amount < 0 or amount > MAX_PRICE:
        raise BadValue(BAD_PRICE, value=shown(text))
    return amount.quantize(_CENT, rounding=ROUND_HALF_UP)


_CURRENCY_WORDS = {
    "$": "USD",
    "US$": "USD",
    "美元": "USD",
    "美金": "USD",
    "RMB": "CNY",
    "¥": "CNY",
    "￥": "CNY",
    "人民币": "CNY",
}


@lru_cache(maxsize=256)
def parse_currency(text: str) -> str:
    word = _CURRENCY_WORDS.get(text.upper())
    if word is not None:
        return word
    if len(text) == 3 and text.isascii() and text.isalpha():
        return text.upper()
    raise BadValue(BAD_CURRENCY, value=shown(text))


_US_NAMES = frozenset(
    {
        "US",
        "USA",
        "U.S.",
        "U.S.A.",
        "UNITED STATES",
        "UNITED STATES OF AMERICA",
        "AMERICA",
        "美国",
        "美國",
    }
)


@lru_cache(maxsize=256)
def parse_country(text: str) -> str:
    """Haicang ships domestic US parcels only, so any other country is a row problem."""
    if text.upper() in _US_NAMES:
        return "US"
    raise BadValue(NOT_US, value=shown(text))


@lru_cache(maxsize=512)
def parse_state(text: str) -> str:
    state = normalize_state(text)
    if state is None:
        raise BadValue(BAD_STATE, value=shown(text))
    return state


def parse_zip(text: str) -> str:
    """A ZIP as a spreadsheet left it: ``'08817`` (Shopify's apostrophe that keeps Excel
    from dropping the zero), ``8817``, ``8817.0`` or ``8.817E+03`` (dropped anyway); a
    four-digit ZIP is padded here and checked against the order's state once it is known
    (:func:`app.domain.address.zip_in_state`)."""
    if len(text) == 5 and text.isascii() and text.isdigit():
        return text  # the common case, without the regular expressions
    text = text.lstrip("'")
    if "E" in text.upper() and _EXCEL_SCIENTIFIC.fullmatch(text):
        text = _scientific_digits(text)
    zip_code = normalize_zip(text)
    if zip_code is None:
        raise BadValue(BAD_ZIP, value=shown(text))
    return zip_code


def _scientific_digits(text: str) -> str:
    """``8.817E+03`` as ``8817``; refused when Excel's rounding lost digits (``2.13E+07``)."""
    mantissa, exponent = text.upper().split("E")
    if len(exponent) > 3 or int(exponent) > 9:  # no ZIP has more digits than ZIP+4
        raise BadValue(BAD_ZIP, value=shown(text))
    digits = str(int(Decimal(text)))
    if len(mantissa.replace(".", "")) < len(digits):
        raise BadValue(EXCEL_NUMBER, value=shown(text))
    return digits


# --- dates ----------------------------------------------------------------------------

_YMD = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:(?:\s+|T)(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.(\d{1,6}))?)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?",
    re.I,
)
_MDY = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4})"
    r"(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?",
    re.I,
)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SERIAL = re.compile(r"\d{1,6}(?:\.\d+)?")
EXCEL_1900 = datetime(1899, 12, 30)
EXCEL_1904 = datetime(1904, 1, 1)
_FIRST_YEAR, _LAST_YEAR = 1990, 2100


def _zone(text: str | None) -> timezone:
    if not text or text.upper() in {"Z", "UTC", "GMT"}:
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _utc(dt: datetime) -> datetime:
    """Naive times are UTC by our documented rule; aware ones are converted."""
    dt = dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)
    if not _FIRST_YEAR <= dt.year <= _LAST_YEAR:
        raise ValueError("implausible year")
    return dt


def excel_serial_to_datetime(serial: float, epoch: datetime = EXCEL_1900) -> datetime:
    """Excel's day number (1900 system counts the non-existent 1900-02-29) to UTC."""
    if epoch == EXCEL_1900 and serial < 61:
        serial += 1
    days, seconds = divmod(round(serial * 86_400), 86_400)
    return _utc(epoch + timedelta(days=days, seconds=seconds))


@lru_cache(maxsize=65_536)
def parse_date_text(text: str) -> datetime:
    """A date as people and spreadsheets write it, as an aware UTC datetime."""
    try:
        try:  # ISO 8601 in C first: "2024-03-05", "2024-03-05 14:30", "...T14:30:00+08:00"
            return _utc(datetime.fromisoformat(text))
        except ValueError:
            pass
        m = _YMD.fullmatch(text)
        if m is not None:
            y, mo, d, hh, mm, ss, frac, zone = m.groups()
            micro = int((frac or "0").ljust(6, "0"))
            return _utc(
                datetime(
                    int(y),
                    int(mo),
                    int(d),
                    int(hh or 0),
                    int(mm or 0),
                    int(ss or 0),
                    micro,
                    tzinfo=_zone(zone) if zone else None,
                )
            )
        m = _MDY.fullmatch(text)
        if m is not None:
            mo, d, y, hh, mm, ss, ampm, zone = m.groups()
            hour = int(hh or 0)
            if ampm:
                if not 1 <= hour <= 12:
                    raise ValueError("bad 12-hour time")
                hour = hour % 12 + (12 if ampm.upper() == "PM" else 0)
            return _utc(
                datetime(
                    int(y),
                    int(mo),
                    int(d),
                    hour,
                    int(mm or 0),
                    int(ss or 0),
                    tzinfo=_zone(zone) if zone else None,
                )
            )
        m = _COMPACT.fullmatch(text)
        if m is not None:
            return _utc(datetime(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        if _SERIAL.fullmatch(text):
            return excel_serial_to_datetime(float(text))
        raise ValueError("no date format matches")
    except (ValueError, OverflowError):
        raise BadValue(BAD_DATE, value=shown(text)) from None


def parse_date_cell(value: object, epoch: datetime = EXCEL_1900) -> datetime:
    """A date cell: a real Excel date, an Excel serial number, or text."""
    try:
        if isinstance(value, datetime):
            return _utc(value)
        if isinstance(value, date):
            return _utc(datetime.combine(value, time()))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return excel_serial_to_datetime(float(value), epoch)
    except (ValueError, OverflowError):
        raise BadValue(BAD_DATE, value=cell_text(value)) from None
    return parse_date_text(cell_text(value))
