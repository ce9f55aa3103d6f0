"""Which region a ship-to state belongs to: the US Census Bureau's four regions, and the
two-warehouse split (``US-West`` / ``US-East``, :class:`app.domain.states.Region`) that
tells a seller where to stock.

The East/West split follows the usual line of a two-warehouse network (one building near
Los Angeles or Reno, one near New Jersey or Atlanta): the Census West region (Pacific
and Mountain states, AK and HI included) plus the Great Plains states whose people live
mostly west of about 97 degrees west - ND, SD, NE, KS, OK and TX - are ``US-West``;
everything east of them, DC included, is ``US-East``. Those plains states are a few
hundred miles nearer a western origin in ground zones, so a parcel to them travels fewer
zones from the West. Territories and military addresses (PR, GU, AA ...) belong to no
region: they are reported as ``Other``.

Also here: where each state sits on a tile map (the common 8 x 11 grid newsrooms use,
AK top left, HI bottom left, DC beside MD), so a screen can draw the US without shapes.
"""

from __future__ import annotations

from app.domain.states import Region

#: The label of states outside both region schemes (territories, military mail).
OTHER = "Other"

#: US Census Bureau regions (census.gov "Census Regions and Divisions of the United States").
CENSUS_REGIONS: dict[str, frozenset[str]] = {
    "Northeast": frozenset({"CT", "ME", "MA", "NH", "RI", "VT", "NJ", "NY", "PA"}),
    "Midwest": frozenset({"IL", "IN", "MI", "OH", "WI", "IA", "KS", "MN", "MO", "NE",
                          "ND", "SD"}),
    "South": frozenset({"DE", "DC", "FL", "GA", "MD", "NC", "SC", "VA", "WV", "AL", "KY",
                        "MS", "TN", "AR", "LA", "OK", "TX"}),
    "West": frozenset({"AZ", "CO", "ID", "MT", "NV", "NM", "UT", "WY", "AK", "CA", "HI",
                       "OR", "WA"}),
}
#: Census region names in the order reports list them.
CENSUS_REGION_NAMES: tuple[str, ...] = tuple(CENSUS_REGIONS)

#: The 50 states and DC.
STATES: frozenset[str] = frozenset().union(*CENSUS_REGIONS.values())

#: States served from the western warehouse; every other state of :data:`STATES` is East.
WEST_STATES: frozenset[str] = CENSUS_REGIONS["West"] | {"ND", "SD", "NE", "KS", "OK", "TX"}

#: (row, column) of each state on the tile map, 8 rows x 11 columns.
TILES: dict[str, tuple[int, int]] = {
    "AK": (0, 0), "ME": (0, 10),
    "VT": (1, 9), "NH": (1, 10),
    "WA": (2, 0), "ID": (2, 1), "MT": (2, 2), "ND": (2, 3), "MN": (2, 4), "IL": (2, 5),
    "WI": (2, 6), "MI": (2, 7), "NY": (2, 8), "RI": (2, 9), "MA": (2, 10),
    "OR": (3, 0), "NV": (3, 1), "WY": (3, 2), "SD": (3, 3), "IA": (3, 4), "IN": (3, 5),
    "OH": (3, 6), "PA": (3, 7), "NJ": (3, 8), "CT": (3, 9),
    "CA": (4, 0), "UT": (4, 1), "CO": (4, 2), "NE": (4, 3), "MO": (4, 4), "KY": (4, 5),
    "WV": (4, 6), "VA": (4, 7), "MD": (4, 8), "DE": (4, 9),
    "AZ": (5, 1), "NM": (5, 2), "KS": (5, 3), "AR": (5, 4), "TN": (5, 5), "NC": (5, 6),
    "SC": (5, 7), "DC": (5, 8),
    "OK": (6, 3), "LA": (6, 4), "MS": (6, 5), "AL": (6, 6), "GA": (6, 7),
    "HI": (7, 0), "TX": (7, 3), "FL": (7, 8),
}
TILE_ROWS, TILE_COLUMNS = 8, 11


def census_region(state: str) -> str:
    """The Census region of a two-letter state code, or :data:`OTHER`."""
    code = state.strip().upper()
    for name, members in CENSUS_REGIONS.items():
        if code in members:
            return name
    return OTHER


def warehouse_region(state: str) -> str:
    """``US-West`` or ``US-East`` for a state (see the module), or :data:`OTHER`."""
    code = state.strip().upper()
    if code not in STATES:
        return OTHER
    return Region.WEST.value if code in WEST_STATES else Region.EAST.value
