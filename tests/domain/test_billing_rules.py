"""Pure billing rules: tier validation, rounding, minimums, billable weight, storage units."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.billing import (
    Tier,
    billable_weight_g,
    invoice_total,
    line_amount,
    lot_age_days,
    monthly_topup,
    storage_quantity,
    tier_for,
    tier_label,
    validate_tiers,
)
from app.domain.billing_errors import TierGap, TierMissing, TierOverlap

D = Decimal


def _t(a: int, b: int | None, price: str = "1") -> Tier:
    return Tier(a, b, D(price))


def test_tiers_sorted_and_covering() -> None:
    tiers = validate_tiers("storage", [_t(31, 61, "0.5"), _t(0, 31, "0"), _t(61, None, "1")])
    assert [t.tier_from for t in tiers] == [0, 31, 61]
    assert tier_for("storage", tiers, 30).price == 0
    assert tier_for("storage", tiers, 31).price == D("0.5")
    assert tier_for("storage", tiers, 10_000).price == 1
    assert [tier_label(t) for t in tiers] == ["0-30", "31-60", "61+"]


@pytest.mark.parametrize(("tiers", "error", "words"), [
    ([_t(0, 31), _t(40, None)], TierGap, "31 to 40"),
    ([_t(5, None)], TierGap, "0 to 5"),
    ([_t(0, 31), _t(31, 61)], TierGap, "61 to ∞"),
    ([_t(0, 40), _t(31, None)], TierOverlap, "31 to 40"),
    ([_t(0, None), _t(10, None)], TierOverlap, "10"),
    ([], TierMissing, "0"),
])
def test_bad_tiers_are_named(tiers: list[Tier], error: type[Exception], words: str) -> None:
    with pytest.raises(error) as err:
        validate_tiers("pick_pack_order", tiers)
    assert words in str(err.value)


def test_rounding_half_up_once_and_minimums() -> None:
    assert line_amount(D("0.1"), D("0.05")) == D("0.01")     # 0.005 -> 0.01 (half up)
    assert line_amount(D("0.1"), D("0.04")) == D("0.00")     # 0.004 -> 0.00
    assert line_amount(D(3), D("0.333")) == D("1.00")        # 0.999
    assert line_amount(D(1), D("0.10"), D("0.75")) == D("0.75")
    assert line_amount(D(1), D("0"), D("0.75")) == D("0.00")  # a free line stays free
    assert monthly_topup(D("356.05"), D("500")) == D("143.95")
    assert monthly_topup(D("600"), D("500")) == D("0.00")
    assert invoice_total(D("10.00"), D("5.00"), D("3.75")) == D("11.25")


def test_billable_weight_dim_wins_for_a_light_big_box() -> None:
    # 12 in cube / 139 = 12.4 -> 13 lb
    assert billable_weight_g(450, (305, 305, 305), 139) == round(13 * 453.59237)
    assert billable_weight_g(9000, (305, 305, 305), 139) == 9000
    assert billable_weight_g(450, None, 139) == 450
    assert billable_weight_g(450, (305, 305, 305), 166) == round(11 * 453.59237)


def test_storage_units_and_lot_age() -> None:
    assert storage_quantity("m3", D("0.1")) == D("0.1000")
    assert storage_quantity("ft3", D("1")) == D("35.3147")
    assert storage_quantity("pallet", D("1.6")) == D("1.0000")
    assert storage_quantity("bin", D("0.03")) == D("0.5000")
    assert lot_age_days(date(2026, 10, 20), date(2026, 10, 20)) == 1
    assert lot_age_days(date(2026, 10, 20), date(2026, 11, 18)) == 30
    assert lot_age_days(date(2026, 10, 20), date(2026, 11, 19)) == 31
