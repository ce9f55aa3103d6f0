"""The set-based accrual's SQL agrees with the rules of app.domain.billing.

The billing job prices every source in SQL (app/services/billing_sql.py) and sums them
into lines; the rules are stated once, in Python. These properties run the SQL on random
small data — tier cards with minimums, quantities, weights, box sizes, volumes — on
SQLite and PostgreSQL and compare every source's price, and every line's sum, with the
Python rule.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import BigInteger, Date, Integer, literal, select, union_all

from app.db.engine import Database
from app.db.models import Client
from app.domain.billing import (
    ChargeKind,
    StorageUnit,
    Tier,
    billable_weight_g,
    line_amount,
    lot_age_days,
    storage_quantity,
    tier_for,
)
from app.services.billing_sql import Pricer, day_diff, dim_weight_g_sql, storage_qty_e4
from app.services.rate_cards import CardSettings, RateItem, set_rate_card
from tests.services.billing_world import ACTOR, build_world

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
D = Decimal
RUNS = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
DAY = date(2026, 11, 15)

prices = st.decimals(min_value=D("0"), max_value=D("60"), places=4)
minimums = st.none() | st.decimals(min_value=D("0.01"), max_value=D("20"), places=2)


@st.composite
def tiers(draw: st.DrawFn) -> tuple[Tier, ...]:
    """1-4 gapless tiers from 0, the last open, each with a price and maybe a minimum."""
    bounds = sorted(draw(st.sets(st.integers(1, 5000), max_size=3)))
    starts = [0, *bounds]
    ends: list[int | None] = [*bounds, None]
    return tuple(Tier(a, b, draw(prices), draw(minimums)) for a, b in zip(starts, ends,
                                                                         strict=True))


lines = st.lists(st.tuples(st.integers(0, 6000), st.integers(0, 2_000_000)),
                 min_size=1, max_size=8)


def test_tier_price_rounding_and_minimum_match_the_rules(db: Database) -> None:
    """Every (measure, quantity) is priced at its tier, half-up to the cent, raised to
    the minimum when charged, and left out when free — as line_amount says; a line is
    its tier's sources, summed."""
    build_world(db)
    _priced_like_line_amount(db)


@RUNS
@given(card=tiers(), rows=lines)
def _priced_like_line_amount(db: Database, card: tuple[Tier, ...],
                             rows: list[tuple[int, int]]) -> None:
    kind = ChargeKind.PICK_PACK_ORDER.value
    with db.writing() as s:
        set_rate_card(s, "ACME", CardSettings(), [
            RateItem(kind, t.price, t.tier_from, t.tier_to, t.minimum) for t in card],
            actor=ACTOR)
        client_id = s.scalar(select(Client.id).where(Client.code == "ACME"))
        src = union_all(*[select(
            literal(client_id, Integer).label("client_id"), literal(DAY, Date).label("day"),
            literal(measure, Integer).label("measure"),
            literal(qty_e4, BigInteger).label("qty_e4"),
            literal(None, BigInteger).label("cents"),
            literal(n, Integer).label("source_id"), literal(f"R{n}").label("source_ref"),
            literal(f"line {n}").label("info"))
            for n, (measure, qty_e4) in enumerate(rows)]).subquery()
        pricer = Pricer(s)
        groups = pricer.groups(kind, src)
        pricer.close()
    got = {e[0]: (D(e[2]) / 10000, g.price, D(e[4]) / 100)
           for g in groups for e in json.loads(g.detail)}
    want = {}
    for n, (measure, qty_e4) in enumerate(rows):
        tier = tier_for(kind, card, measure)
        qty = D(qty_e4) / 10000
        amount = line_amount(qty, tier.price, tier.minimum)
        if amount:
            want[n] = (qty, tier.price, amount)
    assert got == want
    for g in groups:
        entries = json.loads(g.detail)
        assert (g.sources, g.cents) == (len(entries), sum(e[4] for e in entries))
        assert {tier_for(kind, card, e[3]).tier_from for e in entries} == {g.tier_from}
        assert g.day == DAY


@RUNS
@given(dims=st.tuples(*[st.integers(1, 1500)] * 3), actual=st.integers(0, 60_000),
       divisor=st.sampled_from([139, 166, 250, 305, 5000]))
def test_dimensional_weight_matches_the_rule(db: Database, dims: tuple[int, int, int],
                                             actual: int, divisor: int) -> None:
    with db.reading() as s:
        length, width, height = (literal(d, Integer) for d in dims)
        dim = s.scalar(select(dim_weight_g_sql(length, width, height,
                                               literal(divisor, Integer))))
    assert dim is not None and max(actual, dim) == billable_weight_g(actual, dims, divisor)


@RUNS
@given(volume_e6=st.integers(0, 5_000_000_000), unit=st.sampled_from(list(StorageUnit)),
       received=st.dates(date(2025, 1, 1), DAY))
def test_storage_quantity_and_age_match_the_rules(db: Database, volume_e6: int,
                                                  unit: StorageUnit, received: date) -> None:
    with db.reading() as s:
        qty_e4 = storage_qty_e4(literal(unit.value), literal(volume_e6, BigInteger))
        qty, age = s.execute(select(qty_e4, day_diff(s, literal(DAY, Date),
                                                     literal(received, Date)) + 1)).one()
    want = storage_quantity(unit.value, D(volume_e6) / 10**6)
    assert D(qty) / 10000 == want
    assert age == lot_age_days(received, DAY) == (DAY - received + timedelta(days=1)).days
