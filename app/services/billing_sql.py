"""The rules of :mod:`app.domain.billing`, spelled in SQL for the set-based daily accrual.

Pricing 400,000 sources one by one in Python made a month's accrual 75x a bare
aggregate of the same rows; here each charge kind is one ``SELECT`` that finds each
source's tier by joining ``rate_card_items`` on the tier range, prices and rounds it in
the database and sums the sources per client, day and tier into a line, listing them in
JSON for the audit. The rules stay stated once, in ``app.domain.billing``; this module
implements the same rules and a property test (tests/services/test_billing_sql.py)
compares every source's price with the Python rules.

Money stays exact on both back ends by computing in **integers**: quantities and
prices in ten-thousandths (``_e4``), amounts in cents. Half-up rounding of a positive
integer ratio ``a / b`` is ``(a + b / 2) / b`` in integer division, the same on SQLite
and PostgreSQL (SQLite's ``ROUND`` works on binary floats, so it is used only to read
back a stored 4-place decimal as a whole number of ten-thousandths, where the float's
error is far below a half). The sums come back as integers and become ``Decimal`` in
Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    ColumnElement,
    Date,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    and_,
    case,
    func,
    insert,
    literal,
    select,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.sql import Subquery

from app.db.models import RateCard, RateCardItem
from app.domain.billing import StorageUnit

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


def day_diff(session: Session, later: Any, earlier: Any) -> ColumnElement[int]:
    """``later - earlier`` in whole days, for two dates."""
    if session.get_bind().dialect.name == "postgresql":
        return sql_cast(later - earlier, Integer)
    return sql_cast(func.julianday(later) - func.julianday(earlier), Integer)


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


@dataclass(frozen=True)
class PricedGroup:
    """One would-be invoice line: a client's sources of one kind at one tier on one day.

    ``detail`` is the JSON array of its sources, ``[source_id, source_ref, qty_e4,
    measure, cents, info]`` each; ``cents`` and ``qty_e4`` are their sums."""

    client_id: int
    day: date
    tier_from: int
    tier_to: int | None
    price: Decimal
    currency: str
    storage_unit: str
    qty_e4: int
    cents: int
    sources: int
    detail: str


def utc_day(session: Session, moment: Any) -> ColumnElement[Any]:
    """The UTC calendar day of a stored instant (SQLite keeps UTC text; PostgreSQL a
    ``timestamptz``, read in UTC whatever the session's time zone)."""
    if session.get_bind().dialect.name == "postgresql":
        return sql_cast(func.timezone("UTC", moment), Date)
    return func.date(moment)


def json_list(session: Session, *columns: Any) -> ColumnElement[Any]:
    """The values as one JSON array (nested in :func:`json_rows`' arrays)."""
    if session.get_bind().dialect.name == "postgresql":
        return func.json_build_array(*columns)
    return func.json_array(*columns)


def json_rows(session: Session, *columns: Any) -> ColumnElement[str]:
    """An aggregate: the group's rows as one JSON array of arrays (text)."""
    if session.get_bind().dialect.name == "postgresql":
        return sql_cast(func.json_agg(json_list(session, *columns)), Text)
    return func.json_group_array(json_list(session, *columns))


#: Every client's tiers with prices as integers, made once per run: the pricing join
#: reads integers instead of converting each tier's decimals for every source.
_TIERS = Table("billing_tiers", MetaData(),
               Column("client_id", Integer, primary_key=True),
               Column("kind", String(32), primary_key=True),
               Column("tier_from", Integer, primary_key=True),
               Column("tier_end", BigInteger), Column("tier_to", Integer),
               Column("price", Numeric(12, 4)), Column("price_e4", BigInteger),
               Column("min_cents", BigInteger), Column("currency", String(3)),
               Column("storage_unit", String(8)),
               prefixes=["TEMPORARY"], postgresql_on_commit="DROP")
#: "And above" as a number, so a tier's range is one comparison.
_OPEN_END = 2**62


def fresh_temporary(connection: Connection, *tables: Table) -> None:
    """Create the run's temporary tables empty (dropping any a failed run left in this
    connection's session)."""
    for table in tables:
        table.drop(connection, checkfirst=True)
        table.create(connection)


class Pricer:
    """Prices sources at their clients' tiers within one transaction (see the module).

    Made with the clients' cards loaded into a temporary table; :meth:`close` drops it.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._greatest = (func.greatest if session.get_bind().dialect.name == "postgresql"
                          else func.max)
        connection = session.connection()
        fresh_temporary(connection, _TIERS)
        item = RateCardItem
        connection.execute(insert(_TIERS).from_select(
            ["client_id", "kind", "tier_from", "tier_end", "tier_to", "price", "price_e4",
             "min_cents", "currency", "storage_unit"],
            select(RateCard.client_id, item.kind, item.tier_from,
                   func.coalesce(item.tier_to, literal(_OPEN_END, BigInteger)), item.tier_to,
                   item.price, whole(item.price * 10000),
                   func.coalesce(whole(item.minimum * 100), 0), RateCard.currency,
                   RateCard.storage_unit)
            .join(RateCard, RateCard.id == item.rate_card_id)
            .where(RateCard.client_id.is_not(None))))

    def close(self) -> None:
        _TIERS.drop(self.session.connection(), checkfirst=True)

    def groups(self, kind: str, src: Subquery) -> list[PricedGroup]:
        """Price every source of ``src`` at its tier and sum them per (client, day,
        tier); sources priced at 0 are left out.

        ``src`` has ``client_id, day, measure, qty_e4, cents`` (None: the tier prices
        it), ``source_id, source_ref, info``. The tier is the client's tier of ``kind``
        whose ``[tier_from, tier_to)`` holds ``measure``; a source costs ``qty x price``
        half-up to the cent, raised to the tier's minimum when charged at all
        (:func:`app.domain.billing.line_amount`) — each source on its own, so a line is
        exactly the sum of the sources its detail lists.
        """
        t, c = _TIERS.c, src.c
        raw = func.coalesce(c.cents, half_up(c.qty_e4 * t.price_e4, 1000000))
        charged = self._greatest(raw, t.min_cents)
        rows = self.session.execute(
            select(c.client_id, c.day, t.tier_from, func.min(t.tier_to), func.min(t.price),
                   func.min(t.currency), func.min(t.storage_unit), func.sum(c.qty_e4),
                   func.sum(charged), func.count(),
                   json_rows(self.session, c.source_id, c.source_ref, c.qty_e4, c.measure,
                             charged, c.info))
            .join(_TIERS, and_(t.client_id == c.client_id, t.kind == kind,
                               t.tier_from <= c.measure, c.measure < t.tier_end))
            .where(raw > 0)
            # One tier per (client, kind, tier_from): min() of its columns is the column.
            .group_by(c.client_id, c.day, t.tier_from))
        groups = [PricedGroup(client_id, day if isinstance(day, date) else date.fromisoformat(day),
                              tier_from, tier_to, Decimal(price), currency, unit, int(qty),
                              int(total), n, detail)
                  for (client_id, day, tier_from, tier_to, price, currency, unit, qty, total, n,
                       detail) in rows]
        return sorted(groups, key=lambda g: (g.client_id, g.day, g.tier_from))


def storage_qty_e4(unit: Any, volume_e6: Any) -> ColumnElement[int]:
    """:func:`app.domain.billing.storage_quantity` in ten-thousandths of the card's unit:
    m³ x 1, ft³ x 35.3146667, pallet / 1.6, bin / 0.06, each half-up to 4 places."""
    return case(
        (unit == StorageUnit.FT3.value, half_up(volume_e6 * 353146667, 10**9)),
        (unit == StorageUnit.PALLET.value, half_up(volume_e6, 160)),
        (unit == StorageUnit.BIN.value, half_up(volume_e6, 6)),
        else_=half_up(volume_e6, 100))
