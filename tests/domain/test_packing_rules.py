"""The pack station's arithmetic: dim weight per carrier, the weight check, box choice."""

from __future__ import annotations

from decimal import Decimal

from app.domain.box_fit import BoxSpec, Unit, fits, suggest_box
from app.domain.dim_weight import billable_weight, dim_weight_g, rule_for
from app.domain.weighing import (
    ReadingProblem,
    Tolerance,
    Verdict,
    assess,
    expected_weight_g,
    history_band,
    reading_problem,
)

LB = 453.59237
BOX_12x10x8 = (305, 254, 203)  # 12 x 10 x 8 in = 960 in³


def test_ups_and_fedex_divide_by_139_on_every_parcel() -> None:
    # 960 / 139 = 6.9 -> 7 lb
    assert dim_weight_g(BOX_12x10x8, rule_for("UPS")) == round(7 * LB)
    assert dim_weight_g(BOX_12x10x8, rule_for("fedex", "FEDEX_GROUND")) == round(7 * LB)
    # FedEx rounds each side up: 8.1 in counts as 9 in (12 x 10 x 9 = 1080 / 139 -> 8 lb)
    assert dim_weight_g((305, 254, 206), rule_for("FedEx")) == round(8 * LB)
    assert dim_weight_g((305, 254, 206), rule_for("UPS")) == round(7 * LB)


def test_usps_divides_by_166_only_above_one_cubic_foot() -> None:
    assert dim_weight_g(BOX_12x10x8, rule_for("USPS")) is None  # 960 in³ <= 1728
    # 14 x 12 x 12 in = 2016 in³ / 166 = 12.1 -> 13 lb
    assert dim_weight_g((356, 305, 305), rule_for("usps", "priority")) == round(13 * LB)


def test_billable_weight_is_the_larger_and_the_real_weight_is_kept() -> None:
    light = billable_weight(900, BOX_12x10x8, "UPS")
    assert (light.weight_g, light.dim_weight_g, light.billable_weight_g) == (
        900, round(7 * LB), round(7 * LB))
    heavy = billable_weight(5000, BOX_12x10x8, "UPS")
    assert heavy.billable_weight_g == 5000
    unknown = billable_weight(900, BOX_12x10x8, None)  # no carrier yet: the 139 rule
    assert unknown.dim_weight_g == round(7 * LB)


def test_tolerance_is_a_percentage_with_a_floor() -> None:
    assert Tolerance().grams(200) == 28  # 5 % of 200 = 10 < 1 oz
    assert Tolerance().grams(2000) == 100
    assert Tolerance(Decimal("2.5"), 50).grams(4000) == 100
    assert expected_weight_g([(350, 2), (200, 1)], tare_g=120, material_g=15) == 1035


def test_weights_in_and_out_of_the_band() -> None:
    ok = assess(1048, 1020, Tolerance(), weights_known=True)
    assert ok.verdict is Verdict.OK and ok.tolerance_g == 51 and ok.difference_g == 28
    off = assess(1072, 1020, Tolerance(), weights_known=True)
    assert off.verdict is Verdict.OUT_OF_TOLERANCE and off.difference_g == 52
    assert assess(5, 120, Tolerance(), weights_known=False).verdict is Verdict.UNCHECKED


def test_history_widens_the_check_when_the_catalogue_is_wrong() -> None:
    # the catalogue says 1020 g, yet twelve earlier parcels of this box and SKUs weighed ~1150
    past = [1140, 1150, 1160, 1145, 1155, 1150, 1148, 1152, 1149, 1151, 1147, 1153]
    band = history_band(past, floor_g=28)
    assert band is not None and band.count == 12 and band.mean_g == 1150
    assert band.tolerance_g == 28  # 2 sigma (~10 g) is below the floor
    assert assess(1160, 1020, Tolerance(), weights_known=True,
                  history=band).verdict is Verdict.OK
    assert assess(1300, 1020, Tolerance(), weights_known=True,
                  history=band).verdict is Verdict.OUT_OF_TOLERANCE
    assert history_band(past[:9], floor_g=28) is None  # too little history


def test_unstable_zero_and_negative_readings_are_never_taken() -> None:
    assert reading_problem(500, stable=False) is ReadingProblem.UNSTABLE
    assert reading_problem(0, stable=True) is ReadingProblem.NOT_POSITIVE
    assert reading_problem(-40, stable=True) is ReadingProblem.NOT_POSITIVE
    assert reading_problem(500, stable=True) is None


BOXES = [
    BoxSpec("MAILER", (230, 150, 50), 20, 2000),
    BoxSpec("8x6x4", (203, 152, 102), 120, 10000),
    BoxSpec("12x10x8", (305, 254, 203), 340, 20000),
]


def test_the_smallest_box_that_fits_is_suggested() -> None:
    book = Unit((180, 120, 25), 300, 1)
    assert suggest_box(BOXES, [book]).code == "MAILER"  # type: ignore[union-attr]
    mug = Unit((120, 90, 100), 350, 2)  # turned on its side it fits the 8x6x4
    assert suggest_box(BOXES, [mug]).code == "8x6x4"  # type: ignore[union-attr]
    assert suggest_box(BOXES, [Unit((120, 90, 100), 350, 4)]).code == "12x10x8"  # type: ignore[union-attr]
    assert suggest_box(BOXES, [Unit((600, 100, 100), 800, 1)]) is None  # too long for all


def test_a_box_must_carry_the_weight_and_leave_room() -> None:
    assert not fits(BOXES[0], [Unit((0, 0, 0), 1990, 1)])  # 1990 + 20 g tare > 2000 g
    assert fits(BOXES[0], [Unit((0, 0, 0), 1900, 1)])  # no sizes: weight only
    # 85 % fill: 8x6x4 holds 3.15 dm³, so 2.7 dm³ of units do not go in
    assert not fits(BOXES[1], [Unit((150, 150, 100), 100, 1), Unit((100, 60, 80), 50, 1)])
