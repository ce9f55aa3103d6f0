"""The pack station's weight check, as plain arithmetic over plain numbers.

Expected weight of a parcel = Σ SKU weight x quantity + the box's tare + the client's
packing material. The catalogue band is expected ± max(pct % of expected, floor grams)
(defaults 5 % and 28 g ≈ 1 oz, per client).

When at least :data:`MIN_HISTORY` earlier parcels with the same box and the same SKUs in
the same quantities were packed without an override, their weights give a second band:
their mean ± max(2 standard deviations, floor). A weight passes when it is inside
**either** band. That is the wider choice, on purpose (it follows ShipHero, which flags
only what is off both by percentage and by 2σ): history exists to stop false alarms
when a SKU's catalogue weight is wrong, and the floor keeps a σ of nearly zero from
making the history band a needle's eye. A parcel off both bands is blocked until it is
repacked or a supervisor overrides it.

Readings that are not stable, zero or negative are never weighed (:func:`reading_problem`).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Final

DEFAULT_TOLERANCE_PCT: Final = Decimal("5")
DEFAULT_TOLERANCE_FLOOR_G: Final = 28
#: Earlier parcels of the same box and SKUs needed before their spread counts.
MIN_HISTORY: Final = 10
#: How many of the latest such parcels are looked at.
HISTORY_WINDOW: Final = 200


class Verdict(StrEnum):
    """What the check concluded about one weight."""

    OK = "ok"
    OUT_OF_TOLERANCE = "out_of_tolerance"
    #: Some SKU in the parcel has no weight in the catalogue: nothing to compare with.
    UNCHECKED = "unchecked"


class ReadingProblem(StrEnum):
    UNSTABLE = "unstable"
    NOT_POSITIVE = "not_positive"


@dataclass(frozen=True)
class Tolerance:
    """A client's rule: a percentage of the expected weight, at least ``floor_g``."""

    pct: Decimal = DEFAULT_TOLERANCE_PCT
    floor_g: int = DEFAULT_TOLERANCE_FLOOR_G

    def grams(self, expected_g: int) -> int:
        return max(round(expected_g * self.pct / 100), self.floor_g)


@dataclass(frozen=True)
class HistoryBand:
    """Mean and spread of earlier parcels of the same box and SKUs."""

    count: int
    mean_g: int
    stdev_g: int
    tolerance_g: int


@dataclass(frozen=True)
class Assessment:
    verdict: Verdict
    expected_g: int
    actual_g: int
    tolerance_g: int
    history: HistoryBand | None

    @property
    def difference_g(self) -> int:
        return self.actual_g - self.expected_g


def expected_weight_g(items: Sequence[tuple[int, int]], tare_g: int, material_g: int) -> int:
    """Σ unit weight x quantity over ``(weight_g, quantity)`` pairs, plus tare and material."""
    return sum(w * q for w, q in items) + tare_g + material_g


def history_band(weights: Sequence[int], floor_g: int) -> HistoryBand | None:
    """The history band of earlier weights, or None with fewer than :data:`MIN_HISTORY`."""
    if len(weights) < MIN_HISTORY:
        return None
    mean = statistics.fmean(weights)
    stdev = statistics.stdev(weights)
    return HistoryBand(len(weights), round(mean), round(stdev), max(round(2 * stdev), floor_g))


def assess(actual_g: int, expected_g: int, tolerance: Tolerance, *, weights_known: bool,
           history: HistoryBand | None = None) -> Assessment:
    """Compare a stable positive weight with what the parcel should weigh."""
    band = tolerance.grams(expected_g)
    if not weights_known and history is None:
        return Assessment(Verdict.UNCHECKED, expected_g, actual_g, band, None)
    in_catalogue = weights_known and abs(actual_g - expected_g) <= band
    in_history = history is not None and abs(actual_g - history.mean_g) <= history.tolerance_g
    verdict = Verdict.OK if in_catalogue or in_history else Verdict.OUT_OF_TOLERANCE
    return Assessment(verdict, expected_g, actual_g, band, history)


def reading_problem(weight_g: int, stable: bool) -> ReadingProblem | None:
    """Why a scale reading cannot be taken, or None when it can."""
    if weight_g <= 0:
        return ReadingProblem.NOT_POSITIVE
    if not stable:
        return ReadingProblem.UNSTABLE
    return None
