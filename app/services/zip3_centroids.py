"""The bundled ZIP3 centroids (``resources/geo/zip3_centroids.csv``, provenance in the
README next to it) and the distance-band zone estimate built on them.

A state's centroid is the plain mean of its ZIP3 centroids: the destination used when an
order's ZIP is missing, unknown or belongs to another state than the one it names.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import cache

from app.domain.zones import haversine_miles, zone_for_miles
from printers.fonts import resource_dirs

CENTROIDS_FILE = ("geo", "zip3_centroids.csv")


@cache
def _rows() -> tuple[tuple[str, str, float, float], ...]:
    for base in resource_dirs():
        path = base.joinpath(*CENTROIDS_FILE)
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as fh:
                return tuple((r["zip3"], r["state"], float(r["lat"]), float(r["lon"]))
                             for r in csv.DictReader(fh))
    raise FileNotFoundError("resources/geo/zip3_centroids.csv is missing from this installation")


@cache
def zip3_centroids() -> dict[str, tuple[float, float]]:
    """ZIP3 -> (lat, lon), read once per process."""
    return {zip3: (lat, lon) for zip3, _, lat, lon in _rows()}


@cache
def zip3_states() -> dict[str, str]:
    """ZIP3 -> the state most of its ZIPs are in."""
    return {zip3: state for zip3, state, _, _ in _rows()}


@cache
def state_centroids() -> dict[str, tuple[float, float]]:
    """State code -> the mean of its ZIP3 centroids."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for _, state, lat, lon in _rows():
        points[state].append((lat, lon))
    return {state: (sum(p[0] for p in ps) / len(ps), sum(p[1] for p in ps) / len(ps))
            for state, ps in points.items()}


def distance_zone(origin_zip: str, dest_zip3: str) -> int | None:
    """The estimated zone from a warehouse ZIP to a destination ZIP3, or None when either
    ZIP3 is unknown (a typo, a non-US address, a ZIP3 that delivers nothing)."""
    a = zip3_centroids().get(origin_zip.strip()[:3])
    b = zip3_centroids().get(dest_zip3)
    if a is None or b is None:
        return None
    return zone_for_miles(haversine_miles(a, b))


def state_zone(origin_zip: str, state: str) -> int | None:
    """The estimated zone from a warehouse ZIP to the centroid of ``state`` (None if unknown)."""
    a = zip3_centroids().get(origin_zip.strip()[:3])
    b = state_centroids().get(state.strip().upper())
    if a is None or b is None:
        return None
    return zone_for_miles(haversine_miles(a, b))
