"""The bundled ZIP3 centroids (``resources/geo/zip3_centroids.csv``, provenance in the
README next to it) and the distance-band zone estimate built on them."""

from __future__ import annotations

import csv
from functools import cache

from app.domain.zones import haversine_miles, zone_for_miles
from printers.fonts import resource_dirs

CENTROIDS_FILE = ("geo", "zip3_centroids.csv")


@cache
def zip3_centroids() -> dict[str, tuple[float, float]]:
    """ZIP3 -> (lat, lon), read once per process."""
    for base in resource_dirs():
        path = base.joinpath(*CENTROIDS_FILE)
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as fh:
                return {row["zip3"]: (float(row["lat"]), float(row["lon"]))
                        for row in csv.DictReader(fh)}
    raise FileNotFoundError("resources/geo/zip3_centroids.csv is missing from this installation")


def distance_zone(origin_zip: str, dest_zip3: str) -> int | None:
    """The estimated zone from a warehouse ZIP to a destination ZIP3, or None when either
    ZIP3 is unknown (a typo, a non-US address, a ZIP3 that delivers nothing)."""
    points = zip3_centroids()
    a = points.get(origin_zip.strip()[:3])
    b = points.get(dest_zip3)
    if a is None or b is None:
        return None
    return zone_for_miles(haversine_miles(a, b))
