"""Distance bands and the ZIP3-centroid fallback on known city pairs."""

from __future__ import annotations

import pytest

from app.domain.zones import haversine_miles, transit_days, zone_cost, zone_for_miles
from app.services.zip3_centroids import distance_zone, zip3_centroids


@pytest.mark.parametrize(("miles", "zone"), [
    (0, 1), (50, 1), (51, 2), (150, 2), (151, 3), (300, 3), (301, 4), (600, 4), (601, 5),
    (1000, 5), (1001, 6), (1400, 6), (1401, 7), (1800, 7), (1801, 8), (5000, 8),
])
def test_distance_bands(miles: float, zone: int) -> None:
    assert zone_for_miles(miles) == zone


def test_haversine_new_york_to_los_angeles() -> None:
    # JFK to LAX: 2,475 statute miles on the ellipsoid; a sphere is ~0.3 % shorter.
    miles = haversine_miles((40.6413, -73.7781), (33.9416, -118.4085))
    assert miles == pytest.approx(2475, abs=10)


@pytest.mark.parametrize(("origin", "dest", "zone"), [
    ("08837", "900", 8),   # Edison NJ -> Los Angeles
    ("08837", "941", 8),   # Edison NJ -> San Francisco
    ("91761", "100", 8),   # Ontario CA -> New York
    ("08837", "100", 1),   # Edison NJ -> Manhattan, ~25 mi
    ("91761", "921", 2),   # Ontario CA -> San Diego, ~95 mi
    ("08837", "606", 5),   # Edison NJ -> Chicago, ~720 mi
    ("91761", "981", 5),   # Ontario CA -> Seattle, ~970 mi
    ("08837", "331", 6),   # Edison NJ -> Miami, ~1,070 mi
])
def test_fallback_zone_on_known_city_pairs(origin: str, dest: str, zone: int) -> None:
    assert distance_zone(origin, dest) == zone


def test_unknown_zip3_has_no_zone() -> None:
    assert distance_zone("08837", "000") is None and distance_zone("ABCDE", "900") is None


def test_bundled_centroids_cover_the_country() -> None:
    points = zip3_centroids()
    assert len(points) > 900
    # The states, Puerto Rico and the Virgin Islands, then Guam and the Pacific islands.
    assert all((17 < lat < 72 and -180 < lon < -64) or (5 < lat < 21 and 130 < lon < 172)
               for lat, lon in points.values())
    assert "090" not in points  # APO Europe: no place on the map
    assert {"005", "100", "606", "900", "967", "995"} <= set(points)


def test_transit_and_cost_grow_with_zone() -> None:
    days = [transit_days(z) for z in range(1, 10)]
    costs = [zone_cost(z) for z in range(1, 10)]
    assert days == sorted(days) and costs == sorted(costs) and days[7] > days[1]


def test_zip3_states_and_state_centroids() -> None:
    from app.services.zip3_centroids import state_centroids, state_zone, zip3_states

    states = zip3_states()
    assert (states["100"], states["900"], states["070"], states["606"]) == ("NY", "CA", "NJ",
                                                                            "IL")
    assert {"CA", "NY", "TX", "DC", "PR"} <= set(state_centroids())
    assert state_zone("08837", "CA") == 8 and state_zone("08837", "NY") == 2
    assert state_zone("08837", "ZZ") is None
