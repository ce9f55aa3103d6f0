"""Where things live and how this PC is set up.

The database URL comes from, in order: the ``--db`` option, the
``HAICANG_DATABASE_URL`` environment variable, the station settings file, and
finally an SQLite file in the user's data directory. Station settings (name,
language, devices) are a small JSON file in the user's config directory, so
each pack-station PC keeps its own while sharing one PostgreSQL database.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from platformdirs import user_config_dir, user_data_dir, user_log_dir

APP_NAME = "Haicang"
ENV_DATABASE_URL = "HAICANG_DATABASE_URL"
ENV_CONFIG_DIR = "HAICANG_CONFIG_DIR"
ENV_DATA_DIR = "HAICANG_DATA_DIR"


def data_dir() -> Path:
    return Path(os.environ.get(ENV_DATA_DIR) or user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(os.environ.get(ENV_CONFIG_DIR) or user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(user_log_dir(APP_NAME, appauthor=False))


#: What a PC can be for (``StationSettings.mode``); ``pack`` opens the Pack screen after
#: sign-in, ``handover`` (the dock PC by the staging lanes) the Handover screen.
STATION_MODES = ("office", "pack", "pick", "handover")


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'haicang.sqlite3'}"


@dataclass(frozen=True)
class StationSettings:
    """What one PC remembers about itself."""

    station_name: str = field(default_factory=socket.gethostname)
    language: str = "en"
    database_url: str | None = None
    warehouse_code: str | None = None
    #: Printer profiles by role ("label", "document"), as ``printers.profiles`` dicts.
    printers: dict[str, Any] = field(default_factory=dict)
    #: Scale settings, as ``app.hardware.scales.ScaleSettings.to_dict()``; empty = no scale.
    scale: dict[str, Any] = field(default_factory=dict)
    #: What this PC is for: office | pack (the Pack screen opens after sign-in) | pick.
    mode: str = "office"
    #: The pack station prints each packed order's label (and slip) by itself.
    auto_print: bool = True
    #: Minutes between the background tracking polls (0 = this PC does not poll).
    tracking_minutes: int = 30
    #: Days after handover without a carrier scan before a no-scan exception opens.
    no_scan_days: int = 2
    #: An office PC charges each ended day's billing by itself (storage is a snapshot of
    #: the day as it ends, so someone must run it daily; off where a scheduled
    #: ``billing accrue --due`` or another PC does).
    billing_auto: bool = True

    def with_changes(self, **changes: Any) -> StationSettings:
        return replace(self, **changes)


def changed_settings(old: StationSettings, new: StationSettings) -> list[str]:
    """The names of what differs (``language``, ``printers.label``, ``scale.port``): what
    the audit trail keeps of a settings change, never the values."""
    before, after = asdict(old), asdict(new)
    changed: list[str] = []
    for name in before:
        a, b = before[name], after[name]
        if isinstance(a, dict) and isinstance(b, dict):
            changed += [f"{name}.{k}" for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        elif a != b:
            changed.append(name)
    return changed


def settings_path() -> Path:
    return config_dir() / "station.json"


def load_settings(path: Path | None = None) -> StationSettings:
    """Read the station file; a missing or damaged file gives defaults, never a crash."""
    target = path or settings_path()
    try:
        raw = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return StationSettings()
    if not isinstance(raw, dict):
        return StationSettings()
    known = {k: v for k, v in raw.items() if k in StationSettings.__dataclass_fields__}
    try:
        return StationSettings(**known)
    except TypeError:
        return StationSettings()


def save_settings(settings: StationSettings, path: Path | None = None) -> None:
    """Write atomically, so a crash mid-write never leaves a half file."""
    target = path or settings_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2, ensure_ascii=False), encoding="utf-8")
    tmp.replace(target)


def resolve_database_url(cli_value: str | None, settings: StationSettings) -> str:
    return (
        cli_value
        or os.environ.get(ENV_DATABASE_URL)
        or settings.database_url
        or default_database_url()
    )
