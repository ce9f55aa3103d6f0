"""The composition root: settings -> database -> what the GUI or CLI needs.

Nothing else in the app builds these objects, and nothing is global: the
context is created once here and passed down.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.db.engine import Database
from app.db.schema import open_database
from app.settings import StationSettings, load_settings, resolve_database_url


@dataclass(frozen=True)
class AppContext:
    settings: StationSettings
    db: Database


def build_context(
    db_url: str | None = None, *, settings: StationSettings | None = None,
    upgrade_schema: bool = True,
) -> AppContext:
    station = settings or load_settings()
    url = resolve_database_url(db_url, station)
    return AppContext(station, open_database(url, upgrade_schema=upgrade_schema))
