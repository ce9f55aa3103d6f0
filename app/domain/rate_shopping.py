"""Which quoted rate to buy for a parcel, under the client's shipping rules, and why.

A client asks "why UPS?" weeks later, so the choice is explained in plain words and
every rate considered keeps the reason it was not taken. The rules, in order:

1. **Override** by the platform's service level (Amazon ``Expedited`` → ``UPS/2ndDayAir``):
   the seller promised that service to the buyer, so it wins over everything else.
2. **Allowed** carriers or CARRIER/SERVICE pairs (empty = all).
3. **Strategy**: ``cheapest_on_time`` — the cheapest rate that arrives by the order's
   deliver-by date (without one: the cheapest); when none arrives in time, the one that
   arrives first, because a late parcel still has to go. ``fastest_under`` — the rate
   that arrives first among those costing at most ``max_cost``; none under it: no choice.
4. **Insurance** for the declared value when it is above ``insure_above``.

Reasons are templates with named fields (English text here; the GUI translates the
template), so they are stored once and read in either language. Delivery dates are
the provider's date, else ship date + delivery days (calendar days).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any, Generic, Protocol, TypeVar

from app.domain.errors import QT_TRANSLATE_NOOP

CONTEXT = "rate_shopping"


class Rate(Protocol):
    """What the rules read of a quoted rate (``app.carriers.base.Rate`` has it all)."""

    @property
    def carrier(self) -> str: ...
    @property
    def service(self) -> str: ...
    @property
    def cost(self) -> Decimal: ...
    @property
    def delivery_days(self) -> int | None: ...
    @property
    def delivery_date(self) -> date | None: ...


R = TypeVar("R", bound=Rate)


class Strategy(StrEnum):
    CHEAPEST_ON_TIME = "cheapest_on_time"
    FASTEST_UNDER = "fastest_under"


@dataclass(frozen=True)
class ShippingRuleSet:
    """A client's rules (``shipping_rules``); the defaults are "cheapest, anything goes"."""

    strategy: Strategy = Strategy.CHEAPEST_ON_TIME
    max_cost: Decimal | None = None
    insure_above: Decimal | None = None
    #: "CARRIER" or "CARRIER/SERVICE", compared without regard to case; empty = all.
    allowed: tuple[str, ...] = ()
    #: platform service level -> "CARRIER/SERVICE".
    overrides: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ShipmentNeeds:
    """What the order asks of the label."""

    ship_date: date
    deliver_by: date | None = None
    service_level: str | None = None
    declared_value: Decimal | None = None


@dataclass(frozen=True)
class Reason:
    """A sentence as a translatable template and its fields; ``text`` is the English."""

    template: str
    fields: Mapping[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.template.format(**self.fields)

    def to_json(self) -> dict[str, Any]:
        return {"template": self.template, "fields": dict(self.fields), "text": self.text}


@dataclass(frozen=True)
class ConsideredRate(Generic[R]):
    rate: R
    arrives: date | None
    chosen: bool
    #: Why it was not taken; None for the chosen rate.
    dropped: Reason | None


@dataclass(frozen=True)
class RateChoice(Generic[R]):
    chosen: R | None
    reason: Reason
    considered: tuple[ConsideredRate[R], ...]
    #: The value to insure, when the rules ask for insurance.
    insure_amount: Decimal | None = None


# The sentences, marked for lupdate in the ``rate_shopping`` context (spelt out: lupdate
# reads the context only as a literal).
CHEAPEST_ON_TIME = QT_TRANSLATE_NOOP(
    "rate_shopping", "cheapest of {count} rates that arrive by {deliver_by}")
CHEAPEST = QT_TRANSLATE_NOOP("rate_shopping", "cheapest of {count} rates")
NONE_ON_TIME = QT_TRANSLATE_NOOP(
    "rate_shopping",
    "none of {count} rates arrives by {deliver_by}; this one arrives first ({arrives})")
FASTEST_UNDER = QT_TRANSLATE_NOOP(
    "rate_shopping", "fastest of {count} rates costing {max_cost} or less")
NONE_UNDER = QT_TRANSLATE_NOOP("rate_shopping", "no rate costs {max_cost} or less")
OVERRIDE = QT_TRANSLATE_NOOP("rate_shopping", "{service_level} orders ship {wanted}")
OVERRIDE_MISSING = QT_TRANSLATE_NOOP(
    "rate_shopping", "{service_level} orders ship {wanted}, and no rate offers it")
NO_RATES = QT_TRANSLATE_NOOP("rate_shopping", "no rates were quoted")
NONE_ALLOWED = QT_TRANSLATE_NOOP(
    "rate_shopping", "none of {count} rates is allowed for this client")
DROP_NOT_OVERRIDE = QT_TRANSLATE_NOOP(
    "rate_shopping", "not {wanted}, the service for {service_level}")
DROP_NOT_ALLOWED = QT_TRANSLATE_NOOP("rate_shopping", "not allowed for this client")
DROP_LATE = QT_TRANSLATE_NOOP("rate_shopping", "arrives {arrives}, after {deliver_by}")
DROP_NO_ESTIMATE = QT_TRANSLATE_NOOP("rate_shopping", "no delivery estimate")
DROP_TOO_DEAR = QT_TRANSLATE_NOOP("rate_shopping", "costs {cost}, above {max_cost}")
DROP_DEARER = QT_TRANSLATE_NOOP("rate_shopping", "costs {cost}, more than {chosen_cost}")
DROP_SLOWER = QT_TRANSLATE_NOOP("rate_shopping", "arrives {arrives}, later than {chosen_arrives}")
DROP_TIE = QT_TRANSLATE_NOOP("rate_shopping", "same price and date; the other was listed first")


#: Days from the ship-by date to the delivery a platform service level promises (calendar
#: days, the same rough yardstick marketplaces show buyers); a level not here sets no
#: deliver-by date, and the cheapest rate is taken.
PROMISED_DAYS: dict[str, int] = {
    "standard": 5, "economy": 7, "ground": 5, "expedited": 3, "secondday": 2, "twoday": 2,
    "priority": 2, "express": 2, "nextday": 1, "overnight": 1, "sameday": 0,
}


def deliver_by(ship_by: date, service_level: str | None) -> date | None:
    """The latest delivery date the order's service level promises, if it promises one."""
    word = re.sub(r"[^a-z]", "", (service_level or "").lower())
    days = PROMISED_DAYS.get(word)
    return ship_by + timedelta(days=days) if days is not None else None


def arrives(rate: Rate, ship_date: date) -> date | None:
    """When the rate says the parcel arrives, if it says."""
    if rate.delivery_date is not None:
        return rate.delivery_date
    if rate.delivery_days is not None:
        return ship_date + timedelta(days=rate.delivery_days)
    return None


def matches(rate: Rate, code: str) -> bool:
    """Whether ``code`` ("CARRIER" or "CARRIER/SERVICE", any case) names this rate."""
    carrier, slash, service = code.strip().partition("/")
    if carrier.strip().lower() != rate.carrier.lower():
        return False
    return not slash or service.strip().lower() == rate.service.lower()


def choose_rate(rates: Sequence[R], rules: ShippingRuleSet, needs: ShipmentNeeds
                ) -> RateChoice[R]:
    """The rate to buy, the reason in plain words, and every rate with why it was dropped."""
    insure = _insurance(rules, needs)
    when = {i: arrives(r, needs.ship_date) for i, r in enumerate(rates)}
    dropped: dict[int, Reason] = {}
    if not rates:
        return RateChoice(None, Reason(NO_RATES), (), insure)
    candidates = list(range(len(rates)))
    override = _override(rules, needs.service_level)
    if override is not None:
        level, wanted = override
        for i in candidates:
            if not matches(rates[i], wanted):
                dropped[i] = Reason(DROP_NOT_OVERRIDE, {"wanted": wanted, "service_level": level})
        candidates = [i for i in candidates if i not in dropped]
        if not candidates:
            return _result(rates, when, None, Reason(
                OVERRIDE_MISSING, {"service_level": level, "wanted": wanted}), dropped, insure)
        best = min(candidates, key=lambda i: (rates[i].cost, _day(when[i]), i))
        return _result(rates, when, best, Reason(
            OVERRIDE, {"service_level": level, "wanted": wanted}),
            _losers(rates, when, candidates, best, dropped, by_cost=True), insure)
    if rules.allowed:
        for i in candidates:
            if not any(matches(rates[i], code) for code in rules.allowed):
                dropped[i] = Reason(DROP_NOT_ALLOWED)
        candidates = [i for i in candidates if i not in dropped]
        if not candidates:
            return _result(rates, when, None, Reason(NONE_ALLOWED, {"count": len(rates)}),
                           dropped, insure)
    if rules.strategy is Strategy.FASTEST_UNDER:
        return _fastest_under(rates, when, candidates, rules, dropped, insure)
    return _cheapest_on_time(rates, when, candidates, needs, dropped, insure)


# --- strategies ------------------------------------------------------------------------------


def _cheapest_on_time(rates: Sequence[R], when: Mapping[int, date | None],
                      candidates: list[int], needs: ShipmentNeeds, dropped: dict[int, Reason],
                      insure: Decimal | None) -> RateChoice[R]:
    deadline = needs.deliver_by
    if deadline is None:
        best = min(candidates, key=lambda i: (rates[i].cost, _day(when[i]), i))
        return _result(rates, when, best, Reason(CHEAPEST, {"count": len(candidates)}),
                       _losers(rates, when, candidates, best, dropped, by_cost=True), insure)
    late: dict[int, Reason] = {}
    for i in candidates:
        day = when[i]
        if day is None:
            late[i] = Reason(DROP_NO_ESTIMATE)
        elif day > deadline:
            late[i] = Reason(DROP_LATE, {"arrives": _show(day), "deliver_by": _show(deadline)})
    on_time = [i for i in candidates if i not in late]
    if on_time:
        best = min(on_time, key=lambda i: (rates[i].cost, _day(when[i]), i))
        reason = Reason(CHEAPEST_ON_TIME, {"count": len(on_time), "deliver_by": _show(deadline)})
        return _result(rates, when, best, reason,
                       _losers(rates, when, on_time, best, {**dropped, **late}, by_cost=True),
                       insure)
    dated = [i for i in candidates if when[i] is not None]
    if not dated:  # nobody gives a date: the cheapest still has to go
        best = min(candidates, key=lambda i: (rates[i].cost, i))
        reason = Reason(CHEAPEST, {"count": len(candidates)})
        late = {}
    else:
        best = min(dated, key=lambda i: (_day(when[i]), rates[i].cost, i))
        reason = Reason(NONE_ON_TIME, {"count": len(candidates), "deliver_by": _show(deadline),
                                       "arrives": _show(when[best])})
        late.pop(best)
    return _result(rates, when, best, reason,
                   _losers(rates, when, candidates, best, {**dropped, **late}, by_cost=False),
                   insure)


def _fastest_under(rates: Sequence[R], when: Mapping[int, date | None],
                   candidates: list[int], rules: ShippingRuleSet, dropped: dict[int, Reason],
                   insure: Decimal | None) -> RateChoice[R]:
    limit = rules.max_cost
    if limit is not None:
        for i in candidates:
            if rates[i].cost > limit:
                dropped[i] = Reason(DROP_TOO_DEAR, {"cost": _money(rates[i].cost),
                                                    "max_cost": _money(limit)})
        candidates = [i for i in candidates if i not in dropped]
        if not candidates:
            return _result(rates, when, None, Reason(NONE_UNDER, {"max_cost": _money(limit)}),
                           dropped, insure)
    best = min(candidates, key=lambda i: (_day(when[i]), rates[i].cost, i))
    reason = Reason(FASTEST_UNDER, {"count": len(candidates),
                                    "max_cost": _money(limit) if limit is not None else "any"})
    return _result(rates, when, best, reason,
                   _losers(rates, when, candidates, best, dropped, by_cost=False), insure)


# --- helpers ---------------------------------------------------------------------------------


def _override(rules: ShippingRuleSet, level: str | None) -> tuple[str, str] | None:
    if not level:
        return None
    wanted = level.strip().lower()
    for key, code in rules.overrides.items():
        if key.strip().lower() == wanted and code.strip():
            return key, code.strip()
    return None


def _insurance(rules: ShippingRuleSet, needs: ShipmentNeeds) -> Decimal | None:
    value = needs.declared_value
    if rules.insure_above is None or value is None or value <= rules.insure_above:
        return None
    return value


def _losers(rates: Sequence[R], when: Mapping[int, date | None], pool: list[int], best: int,
            dropped: dict[int, Reason], *, by_cost: bool) -> dict[int, Reason]:
    """Why each other eligible rate lost to ``best`` (price, or date, or a plain tie)."""
    out = dict(dropped)
    chosen = rates[best]
    for i in pool:
        if i == best or i in out:
            continue
        rate = rates[i]
        dearer = rate.cost > chosen.cost
        slower = _day(when[i]) > _day(when[best])
        if (by_cost and dearer) or (not by_cost and not slower and dearer):
            out[i] = Reason(DROP_DEARER, {"cost": _money(rate.cost),
                                          "chosen_cost": _money(chosen.cost)})
        elif slower:
            out[i] = Reason(DROP_SLOWER, {"arrives": _show(when[i]),
                                          "chosen_arrives": _show(when[best])})
        else:
            out[i] = Reason(DROP_TIE)
    return out


def _result(rates: Sequence[R], when: Mapping[int, date | None], best: int | None,
            reason: Reason, dropped: Mapping[int, Reason], insure: Decimal | None) -> RateChoice[R]:
    considered = tuple(
        ConsideredRate(r, when[i], i == best, None if i == best else dropped.get(i))
        for i, r in enumerate(rates))
    return RateChoice(rates[best] if best is not None else None, reason, considered, insure)


def _day(day: date | None) -> date:
    """Sort key: a rate without an estimate comes after every dated one."""
    return day if day is not None else date.max


def _show(day: date | None) -> str:
    return f"{day:%b} {day.day}" if day is not None else "?"


def _money(value: Decimal) -> str:
    return f"${value:,.2f}"
