"""Find and register the CJK-capable font every layout uses.

Sellers' product names and customers' addresses are often Chinese; reportlab's built-in
Helvetica has no CJK glyphs, so all label text is set in WenQuanYi Micro Hei (Latin + CJK in
one face), which we ship under ``resources/fonts``. reportlab embeds only the glyphs used,
so the PDFs stay small.

The resources directory is found, in order: ``$HAICANG_RESOURCES`` (installed or frozen
apps point it anywhere), a PyInstaller bundle's ``_MEIPASS/resources``, then
``resources/`` next to this package in the source tree.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from printers.errors import LayoutError

FONT_NAME = "HaicangCJK"
FONT_FILES = ("wqy-microhei.ttc", "wqy-microhei.ttf")
RESOURCES_ENV = "HAICANG_RESOURCES"


def resource_dirs() -> list[Path]:
    """Candidate ``resources`` directories, most specific first."""
    dirs: list[Path] = []
    env = os.environ.get(RESOURCES_ENV)
    if env:
        dirs.append(Path(env))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.append(Path(bundle) / "resources")
    dirs.append(Path(__file__).resolve().parent.parent / "resources")
    return dirs


def font_path() -> Path:
    """The shipped CJK font file; raises LayoutError naming where we looked."""
    looked: list[str] = []
    for base in resource_dirs():
        for name in FONT_FILES:
            candidate = base / "fonts" / name
            if candidate.is_file():
                return candidate
            looked.append(str(candidate))
    raise LayoutError(
        layout="label", reason="CJK font not found (looked in " + ", ".join(looked) + ")"
    )


@cache
def register_font() -> str:
    """Register the CJK font with reportlab once per process and return its name."""
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path()), subfontIndex=0))
    return FONT_NAME
