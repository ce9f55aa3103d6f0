"""Derive ``zip3_centroids.csv`` (ZIP3, state, lat, lon) from the ``zipcodes`` package's data.

Run once by hand when the centroids should be refreshed; the app reads only the CSV::

    pip install --target /tmp/zipcodes-data zipcodes==3.0.0
    PYTHONPATH=/tmp/zipcodes-data python resources/geo/make_zip3_centroids.py

Each ZIP3's centroid is the plain mean of the latitudes and longitudes of its active
five-digit ZIP codes of type STANDARD (delivery areas; PO boxes and single-company ZIPs
sit at a post office and would pull the mean towards town centres); a ZIP3 with only
PO-box/unique ZIPs falls back to the mean of all of them. Military APO/FPO/DPO ZIPs
(and anything at 0°, 0°) are left out: they have no place on the map, so their ZIP3s
have no centroid and the advice gives them no zone. Rounded to 0.01° (about
1 km), far finer than the zone bands it feeds. ``state`` is the state most of the ZIP3's
ZIPs belong to (a few ZIP3s straddle a border). See README.md here for provenance.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

import zipcodes  # type: ignore[import-not-found]

OUT = Path(__file__).with_name("zip3_centroids.csv")


def main() -> None:
    standard: dict[str, list[tuple[float, float]]] = defaultdict(list)
    every: dict[str, list[tuple[float, float]]] = defaultdict(list)
    states: dict[str, Counter[str]] = defaultdict(Counter)
    for z in zipcodes.list_all():
        if not z.get("active", True) or not z.get("lat") or not z.get("long"):
            continue
        point = (float(z["lat"]), float(z["long"]))
        if point == (0.0, 0.0) or z["zip_code_type"] == "MILITARY":
            continue  # APO/FPO/DPO: no place on the map (most say 0°, 0°)
        every[z["zip_code"][:3]].append(point)
        states[z["zip_code"][:3]][z["state"]] += 1
        if z["zip_code_type"] == "STANDARD":
            standard[z["zip_code"][:3]].append(point)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["zip3", "state", "lat", "lon"])
        for zip3 in sorted(every):
            points = standard.get(zip3) or every[zip3]
            lat = sum(p[0] for p in points) / len(points)
            lon = sum(p[1] for p in points) / len(points)
            state = states[zip3].most_common(1)[0][0]
            out.writerow([zip3, state, f"{lat:.2f}", f"{lon:.2f}"])


if __name__ == "__main__":
    main()
