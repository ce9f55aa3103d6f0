"""Finding shipped files (icons, translations, styles) from source, wheel or frozen bundle."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QIcon


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


def register_cjk_font() -> None:
    """Make the shipped Chinese font available, for PCs that have none installed.

    Without it a Linux PC without CJK fonts shows Chinese names and the zh_CN
    interface as empty boxes. Registered fonts join Qt's fallback list.
    """
    font = resources_dir() / "fonts" / "wqy-microhei.ttc"
    if font.exists():
        QFontDatabase.addApplicationFont(str(font))
