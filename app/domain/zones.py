"""Shipping zones without a carrier chart: distance between ZIP3 centroids mapped to the
distance bands the carriers publish, plus the transit-day and last-mile cost tables the
split advice compares warehouses with.

Distance bands (miles, great-circle between the origin's and destination's ZIP3
centroids): zone 1 up to 50, 2 51-150, 3 151-300, 4 301-600, 5 601-1,000, 6 1,001-1,400,
7 1,401-1,800, 8 1,801 and more. These are the USPS zone radii; UPS ground uses the same
bands from zone 2 (``../shared/reference/files-billing-placement.md`` §6). A carrier's
own chart, once imported, always wins over this estimate.
"""

from __future__ import annotations

from bisect import bisect_left
from decimal import Decimal
from math import asin, cos, radians, sin, sqrt

#: Mean Earth radius in statute miles.
EARTH_RADIUS_MI = 3958.8
#: Upper bound (miles, included) of zones 1..7; anything further is zone 8.
ZONE_LIMITS_MI: tuple[int, ...] = (50, 150, 300, 600, 1000, 1400, 1800)
#: Alaska, Hawaii and the territories: their charts say 8 or 9 whatever the miles.
FARTHEST_ZONE = 9

#: Ground transit days by zone (business days, typical for UPS Ground / USPS Ground
#: Advantage from the carriers' published maps, rounded up): what a seller's buyer waits.
TRANSIT_DAYS: dict[int, int] = {1: 1, 2: 1, 3: 2, 4: 3, 5: 3, 6: 4, 7: 4, 8: 5, 9: 7}

#: Last-mile cost of a typical 1 lb ground parcel by zone, in USD. Round indicative
#: figures for comparing zones (the shape of the carriers' zone-priced tables: about +50 %
#: from zone 2 to zone 8), NOT a quote: the advice's saving is a relative estimate.
COST_PER_ZONE: dict[int, Decimal] = {
    1: Decimal("4.50"), 2: Decimal("4.60"), 3: Decimal("4.80"), 4: Decimal("5.10"),
    5: Decimal("5.50"), 6: Decimal("6.00"), 7: Decimal("6.50"), 8: Decimal("7.00"),
    9: Decimal("9.50"),
}


def haversine_miles(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in miles between two (lat, lon) points in degrees."""
    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_MI * asin(min(1.0, sqrt(h)))


def zone_for_miles(miles: float) -> int:
    """The zone of a distance by the bands in the module docstring."""
    return bisect_left(ZONE_LIMITS_MI, round(miles)) + 1


def transit_days(zone: int) -> int:
    return TRANSIT_DAYS[min(max(zone, 1), FARTHEST_ZONE)]


def zone_cost(zone: int) -> Decimal:
    return COST_PER_ZONE[min(max(zone, 1), FARTHEST_ZONE)]
