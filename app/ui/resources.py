"""Finding shipped files (icons, translations, styles) from source, wheel or frozen bundle."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon


@cache
def resources_dir() -> Path:
    env = os.environ.get("HAICANG_RESOURCES")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def icon(name: str) -> QIcon:
    return QIcon(str(resources_dir() / "icons" / f"{name}.svg"))


def stylesheet() -> str:
    try:
        return (resources_dir() / "styles" / "haicang.qss").read_text(encoding="utf-8")
    except OSError:
        return ""
