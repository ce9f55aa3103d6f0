"""Rate shopping: the client's rules pick one rate, say why, and keep why every other
rate was dropped (issue #18, point 2)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from app.carriers.base import Rate
from app.domain.rate_shopping import (
    ShipmentNeeds,
    ShippingRuleSet,
    Strategy,
    arrives,
    choose_rate,
    deliver_by,
    matches,
)

MON = date(2026, 12, 7)


def rate(carrier: str, service: str, cost: str, days: int | None) -> Rate:
    return Rate("shp_1", f"rate_{carrier}_{service}", carrier, service, Decimal(cost),
                delivery_days=days)


RATES = [
    rate("USPS", "GroundAdvantage", "5.10", 5),
    rate("USPS", "Priority", "8.40", 2),
    rate("UPS", "Ground", "7.90", 3),
    rate("UPS", "2ndDayAir", "18.25", 2),
]


def _why(choice: object) -> dict[str, str | None]:
    return {f"{c.rate.carrier}/{c.rate.service}": (c.dropped.text if c.dropped else None)
            for c in choice.considered}  # type: ignore[attr-defined]


def test_cheapest_that_arrives_by_the_deliver_by_date() -> None:
    choice = choose_rate(RATES, ShippingRuleSet(),
                         ShipmentNeeds(MON, deliver_by=date(2026, 12, 10)))
    assert choice.chosen is RATES[2]
    assert choice.reason.text == "cheapest of 3 rates that arrive by Dec 10"
    assert _why(choice) == {
        "USPS/GroundAdvantage": "arrives Dec 12, after Dec 10",
        "USPS/Priority": "costs $8.40, more than $7.90",
        "UPS/Ground": None,
        "UPS/2ndDayAir": "costs $18.25, more than $7.90",
    }


def test_without_a_date_the_cheapest_and_when_none_is_on_time_the_first_to_arrive() -> None:
    assert choose_rate(RATES, ShippingRuleSet(), ShipmentNeeds(MON)).chosen is RATES[0]
    late = choose_rate(RATES, ShippingRuleSet(), ShipmentNeeds(MON, deliver_by=MON))
    assert late.chosen is RATES[1]  # two days, and cheaper than 2nd Day Air
    assert late.reason.text == "none of 4 rates arrives by Dec 7; this one arrives first (Dec 9)"


def test_fastest_under_a_price() -> None:
    rules = ShippingRuleSet(Strategy.FASTEST_UNDER, max_cost=Decimal("10"))
    choice = choose_rate(RATES, rules, ShipmentNeeds(MON))
    assert choice.chosen is RATES[1]
    assert choice.reason.text == "fastest of 3 rates costing $10.00 or less"
    assert _why(choice)["UPS/2ndDayAir"] == "costs $18.25, above $10.00"
    assert _why(choice)["UPS/Ground"] == "arrives Dec 10, later than Dec 9"
    none = choose_rate(RATES, ShippingRuleSet(Strategy.FASTEST_UNDER, max_cost=Decimal("5")),
                       ShipmentNeeds(MON))
    assert none.chosen is None and none.reason.text == "no rate costs $5.00 or less"


def test_allowed_carriers_and_services() -> None:
    rules = ShippingRuleSet(allowed=("ups", "USPS/Priority"))
    choice = choose_rate(RATES, rules, ShipmentNeeds(MON))
    assert choice.chosen is RATES[2]
    assert _why(choice)["USPS/GroundAdvantage"] == "not allowed for this client"
    nothing = choose_rate(RATES, ShippingRuleSet(allowed=("FedEx",)), ShipmentNeeds(MON))
    assert nothing.chosen is None
    assert nothing.reason.text == "none of 4 rates is allowed for this client"


def test_a_platform_service_level_override_wins() -> None:
    rules = ShippingRuleSet(allowed=("USPS",), overrides={"Expedited": "UPS/2ndDayAir"})
    choice = choose_rate(RATES, rules, ShipmentNeeds(MON, service_level="expedited"))
    assert choice.chosen is RATES[3]
    assert choice.reason.text == "Expedited orders ship UPS/2ndDayAir"
    assert _why(choice)["USPS/Priority"] == "not UPS/2ndDayAir, the service for Expedited"
    gone = choose_rate(RATES[:3], rules, ShipmentNeeds(MON, service_level="Expedited"))
    assert gone.chosen is None
    assert gone.reason.text == "Expedited orders ship UPS/2ndDayAir, and no rate offers it"
    # another service level follows the normal rules
    assert choose_rate(RATES, rules, ShipmentNeeds(MON, service_level="Standard")
                       ).chosen is RATES[0]


def test_insurance_above_the_declared_value_threshold() -> None:
    rules = ShippingRuleSet(insure_above=Decimal("100"))
    assert choose_rate(RATES, rules, ShipmentNeeds(MON, declared_value=Decimal("100"))
                       ).insure_amount is None
    assert choose_rate(RATES, rules, ShipmentNeeds(MON, declared_value=Decimal("150.5"))
                       ).insure_amount == Decimal("150.5")


def test_no_rates_and_codes() -> None:
    assert choose_rate([], ShippingRuleSet(), ShipmentNeeds(MON)).reason.text == (
        "no rates were quoted")
    assert matches(RATES[3], " ups / 2nddayair ") and not matches(RATES[3], "UPS/Ground")
    assert arrives(rate("X", "Y", "1", None), MON) is None


# --- properties ------------------------------------------------------------------------------

CARRIERS = ("USPS", "UPS", "FedEx")
SERVICES = ("Ground", "Priority", "Express")

rates_st = st.lists(st.builds(
    rate, st.sampled_from(CARRIERS), st.sampled_from(SERVICES),
    st.decimals(min_value=1, max_value=60, places=2).map(str),
    st.one_of(st.none(), st.integers(min_value=1, max_value=8)),
), max_size=8)
rules_st = st.builds(
    ShippingRuleSet,
    strategy=st.sampled_from(list(Strategy)),
    max_cost=st.one_of(st.none(), st.decimals(min_value=1, max_value=60, places=2)),
    allowed=st.lists(st.sampled_from((*CARRIERS, "UPS/Ground", "USPS/Priority")),
                     max_size=2).map(tuple),
)
needs_st = st.builds(ShipmentNeeds, ship_date=st.just(MON), deliver_by=st.one_of(
    st.none(), st.integers(min_value=0, max_value=8).map(lambda d: MON + timedelta(days=d))))


@given(rates_st, rules_st, needs_st)
def test_every_rate_is_accounted_for(rates: list[Rate], rules: ShippingRuleSet,
                                     needs: ShipmentNeeds) -> None:
    choice = choose_rate(rates, rules, needs)
    assert [c.rate for c in choice.considered] == rates
    chosen = [c for c in choice.considered if c.chosen]
    assert len(chosen) == (choice.chosen is not None)
    assert all(c.dropped is not None for c in choice.considered if not c.chosen)
    assert choice.reason.text
    if choice.chosen is None:
        return
    assert not rules.allowed or any(matches(choice.chosen, a) for a in rules.allowed)
    eligible = [r for r in rates
                if not rules.allowed or any(matches(r, a) for a in rules.allowed)]
    if rules.strategy is Strategy.FASTEST_UNDER:
        if rules.max_cost is not None:
            assert choice.chosen.cost <= rules.max_cost
            eligible = [r for r in eligible if r.cost <= rules.max_cost]
        first = min(arrives(r, MON) or date.max for r in eligible)
        assert (arrives(choice.chosen, MON) or date.max) == first
    else:
        on_time = [r for r in eligible if needs.deliver_by is None or (
            (arrives(r, MON) or date.max) <= needs.deliver_by)]
        if on_time:
            assert choice.chosen.cost == min(r.cost for r in on_time)
            assert choice.chosen in on_time


def test_a_service_level_promises_a_delivery_date() -> None:
    assert deliver_by(MON, "Standard") == date(2026, 12, 12)
    assert deliver_by(MON, "Next-Day") == date(2026, 12, 8)
    assert deliver_by(MON, "whatever") is None and deliver_by(MON, None) is None
