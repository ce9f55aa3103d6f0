"""The rules of :mod:`app.domain.billing`, spelled in SQL for the set-based daily accrual.

Pricing 400,000 charge lines one by one in Python made a month's accrual 75x a bare
aggregate of the same rows; here each charge kind is one ``INSERT INTO charges ...
SELECT`` that finds the tier by joining ``rate_card_items`` on the tier range, rounds in
the database and builds the audit text there. The rules stay stated once, in
``app.domain.billing``; this module implements the same rules and a property test
(tests/services/test_billing_sql.py) compares its charges with the Python rules.

Money stays exact on both back ends by computing in **integers**: quantities and
prices in ten-thousandths (``_e4``), amounts in cents. Half-up rounding of a positive
integer ratio ``a / b`` is ``(a + b / 2) / b`` in integer division, the same on SQLite
and PostgreSQL (SQLite's ``ROUND`` works on binary floats, so it is used only to read
back a stored 4-place decimal as a whole number of ten-thousandths, where the float's
error is far below a half). Values are written as ``integer * 0.0001`` / ``* 0.01``:
an exact numeric on PostgreSQL, and on SQLite the same float SQLAlchemy's ``Numeric``
would store.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Date,
    Integer,
    String,
    Table,
    and_,
    case,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session
from sqlalchemy.sql import Subquery

from app.db.base import UtcDateTime
from app.db.dialects import dialect_insert
from app.db.models import Charge, RateCard, RateCardItem
from app.domain.billing import StorageUnit

_CHARGES = cast(Table, Charge.__table__)
#: app.domain.dim_weight's GRAMS_PER_LB (453.59237) x 10^5 and MM_PER_INCH (25.4) x 10.
_GRAMS_PER_LB_E5 = 45359237
_MM_PER_INCH_E1 = 254


def text_of(value: Any) -> ColumnElement[str]:
    """A number as text for concatenation (both back ends)."""
    return sql_cast(value, String)


def whole(value: Any) -> ColumnElement[int]:
    """A stored decimal scaled to a whole number (ROUND then CAST to BIGINT)."""
    return sql_cast(func.round(value), BigInteger)


def half_up(numerator: Any, denominator: int) -> ColumnElement[int]:
    """``numerator / denominator`` rounded half-up, for non-negative integers."""
    return (numerator + denominator // 2) // literal(denominator, BigInteger)


def decimal_e4(value_e4: Any) -> ColumnElement[str]:
    """Ten-thousandths as the text ``str(Decimal)`` prints at 4 places ("0.1500")."""
    return (text_of(value_e4 // literal(10000, BigInteger)) + "."
            + func.substr(text_of(literal(10000, BigInteger) + value_e4 % 10000), 2))


def days_between(session: Session, day: date, earlier: Any) -> ColumnElement[int]:
    """``day - earlier`` in whole days."""
    if session.get_bind().dialect.name == "postgresql":
        return sql_cast(literal(day, Date) - earlier, Integer)
    return sql_cast(func.julianday(day.isoformat()) - func.julianday(earlier), Integer)


def dim_weight_g_sql(length: Any, width: Any, height: Any, divisor: Any) -> ColumnElement[int]:
    """:func:`app.domain.dim_weight.dim_weight_g` for a rate card's ``DimRule(divisor)``:
    each side to the nearest inch (at least 1), volume / divisor rounded up to the pound,
    pounds in grams rounded half-up (mm/25.4 is never a tie for whole mm)."""
    inches = [_at_least_1(half_up(side * 10, _MM_PER_INCH_E1)) for side in (length, width, height)]
    volume = inches[0] * inches[1] * inches[2]
    pounds = (volume + divisor - 1) // divisor
    return half_up(pounds * _GRAMS_PER_LB_E5, 100000)


def _at_least_1(value: Any) -> ColumnElement[int]:
    return case((value < 1, 1), else_=value)


def insert_priced(session: Session, kind: str, src: Subquery, *, day: date, stamp: datetime,
                  actor: str) -> None:
    """Insert one charge per row of ``src`` the client's card prices at more than 0.

    ``src`` has ``client_id, measure, qty_e4, price_e4`` (None: the tier's price),
    ``source_type, source_id, source_ref, description``. The tier is the card's item of
    ``kind`` whose ``[tier_from, tier_to)`` holds ``measure``; the line is
    ``qty x price`` half-up to the cent, raised to the tier's minimum when charged at
    all (:func:`app.domain.billing.line_amount`). Keys already charged are skipped.
    """
    item = RateCardItem
    price_e4 = func.coalesce(src.c.price_e4, whole(item.price * 10000))
    raw = half_up(src.c.qty_e4 * price_e4, 1000000)
    minimum = whole(item.minimum * 100)
    cents = case((and_(item.minimum.is_not(None), raw > 0, raw < minimum), minimum),
                 else_=raw)
    key = (literal(f"{kind}:") + src.c.source_type + ":" + func.coalesce(
        text_of(src.c.source_id), "None") + f":{day.isoformat()}")
    priced = (
        select(key.label("accrual_key"), src.c.client_id,
               literal(day, Date).label("charge_date"), literal(kind).label("kind"),
               func.substr(src.c.description, 1, 300).label("description"),
               (src.c.qty_e4 * literal_column("0.0001")).label("quantity"),
               (price_e4 * literal_column("0.0001")).label("unit_price"),
               (cents * literal_column("0.01")).label("amount"),
               RateCard.currency, src.c.source_type, src.c.source_id, src.c.source_ref,
               literal(actor).label("created_by"),
               literal(stamp, UtcDateTime).label("created_at"))
        .join(RateCard, RateCard.client_id == src.c.client_id)
        .join(item, and_(item.rate_card_id == RateCard.id, item.kind == kind,
                         item.tier_from <= src.c.measure,
                         or_(item.tier_to.is_(None), src.c.measure < item.tier_to)))
        .where(cents > 0)
        .subquery())
    rows = select(priced).where(~exists().where(Charge.accrual_key == priced.c.accrual_key))
    columns = ["accrual_key", "client_id", "charge_date", "kind", "description", "quantity",
               "unit_price", "amount", "currency", "source_type", "source_id", "source_ref",
               "created_by", "created_at"]
    statement = dialect_insert(session)(_CHARGES).from_select(columns, rows)
    if session.get_bind().dialect.name == "postgresql":
        statement = statement.on_conflict_do_nothing(index_elements=["accrual_key"])
    session.execute(statement)


def storage_qty_e4(unit: Any, volume_e6: Any) -> ColumnElement[int]:
    """:func:`app.domain.billing.storage_quantity` in ten-thousandths of the card's unit:
    m³ x 1, ft³ x 35.3146667, pallet / 1.6, bin / 0.06, each half-up to 4 places."""
    return case(
        (unit == StorageUnit.FT3.value, half_up(volume_e6 * 353146667, 10**9)),
        (unit == StorageUnit.PALLET.value, half_up(volume_e6, 160)),
        (unit == StorageUnit.BIN.value, half_up(volume_e6, 6)),
        else_=half_up(volume_e6, 100))
