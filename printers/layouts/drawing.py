"""Canvas helpers shared by the thermal label layouts.

Two printer realities drive this module: (1) a thermal head prints whole dots, so a
barcode whose bars straddle dot edges prints with uneven bars and scans badly - bars are
sized and positioned in whole dots of the target dpi; (2) labels have fixed space, so text
shrinks to fit, wraps (Chinese wraps per character, Latin per word) and is cut with an
ellipsis rather than overflowing into the barcode.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from reportlab.graphics.barcode.code128 import Code128
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from printers.errors import LayoutError
from printers.fonts import register_font
from printers.layouts.media import PageSize

Anchor = Literal["left", "center", "right"]

QUIET_MODULES = 10
_TOKENS = re.compile(
    r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|\s+|[^\s\u2e80-\u9fff]+"
)


@contextmanager
def pdf_canvas(page: PageSize, title: str) -> Iterator[tuple[Canvas, io.BytesIO]]:
    """A deterministic canvas (invariant=1: same fields give byte-identical PDFs)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(page.width, page.height), invariant=1, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor("Haicang")
    yield canvas, buffer


def dot(dpi: int) -> float:
    """One printer dot in points."""
    if dpi <= 0:
        raise LayoutError(layout="label", reason=f"dpi must be positive, not {dpi}")
    return 72.0 / dpi


def snap(value: float, dpi: int) -> float:
    """Round a coordinate to the printer's dot grid."""
    step = dot(dpi)
    return round(value / step) * step


def text_width(text: str, size: float) -> float:
    """Width of text in the label font."""
    return float(stringWidth(text, register_font(), size))


def fit_size(text: str, max_width: float, size: float, min_size: float) -> float:
    """Largest size <= ``size`` (>= ``min_size``) at which the text fits in max_width."""
    width = text_width(text, size)
    if width <= max_width or width == 0:
        return size
    return max(min_size, size * max_width / width)


def elide(text: str, max_width: float, size: float) -> str:
    """The text, cut and ended with '…' if it is wider than max_width."""
    if text_width(text, size) <= max_width:
        return text
    while text and text_width(text + "…", size) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"


def wrap(text: str, max_width: float, size: float, max_lines: int) -> list[str]:
    """Greedy wrap; CJK breaks between any two characters, Latin between words."""
    lines: list[str] = []
    current = ""
    for token in _TOKENS.findall(text.strip()):
        candidate = current + token
        if current and text_width(candidate.rstrip(), size) > max_width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current = candidate
    if current.strip():
        lines.append(current.rstrip())
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return [elide(line, max_width, size) for line in lines]


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    anchor: Anchor = "left",
) -> None:
    """Draw one line; 'bold' strokes the glyph outlines since the font has one weight."""
    font = register_font()
    if anchor == "center":
        x -= text_width(text, size) / 2
    elif anchor == "right":
        x -= text_width(text, size)
    canvas.saveState()  # the text render mode is graphics state: keep it local
    obj = canvas.beginText(x, y)
    obj.setFont(font, size)
    if bold:
        canvas.setLineWidth(size * 0.045)
        obj.setTextRenderMode(2)
    obj.textOut(text)
    canvas.drawText(obj)
    canvas.restoreState()


def code128_width(value: str, dpi: int, module_dots: int) -> float:
    """Width in points of the symbol including both quiet zones."""
    return float(dot_code128(value, dpi, module_dots, 1.0).width)


def draw_code128(
    canvas: Canvas,
    value: str,
    *,
    center_x: float,
    y: float,
    max_width: float,
    height: float,
    dpi: int,
    max_module_dots: int = 4,
) -> float:
    """Draw a Code128 centred on center_x with bars of whole dots; return its width."""
    symbol = fit_code128(value, dpi, max_width, height, max_module_dots)
    x = snap(center_x - symbol.width / 2, dpi)
    symbol.drawOn(canvas, x, snap(y, dpi))
    return float(symbol.width)


def fit_code128(value: str, dpi: int, max_width: float, height: float,
                max_module_dots: int, *, layout: str = "barcode") -> Code128:
    """A whole-dot Code128 of the widest module (up to ``max_module_dots``) that fits in
    ``max_width``: wider bars scan more reliably from a crumpled parcel."""
    if not value or not value.isascii() or not value.isprintable():
        raise LayoutError(layout=layout, reason=f"'{value}' cannot be encoded as Code128")
    module_dots = min(max_module_dots, int(max_width // code128_width(value, dpi, 1)))
    if module_dots < 1:
        raise LayoutError(layout=layout, reason=f"'{value}' is too long for the label")
    return dot_code128(value, dpi, module_dots, height)


class _DotCode128(Code128):
    """Code128 whose bars are inset by a hair on both sides.

    Bar edges fall exactly on dot boundaries, where floating-point error (30 * 72/203 *
    203/72 = 29.99999) makes PDFium blacken the neighbouring dot and widen the bar; a
    0.05-dot inset keeps every bar its exact whole-dot width after rasterising.
    """

    inset = 0.0

    def rect(self, x: float, y: float, w: float, h: float) -> None:
        """Draw one bar, inset."""
        super().rect(x + self.inset, y, w - 2 * self.inset, h)


def dot_code128(value: str, dpi: int, module_dots: int, height: float) -> Code128:
    """A reportlab Code128 whose modules and quiet zones are whole printer dots."""
    bar = module_dots * dot(dpi)
    symbol = _DotCode128(
        value,
        barWidth=bar,
        barHeight=height,
        quiet=1,
        lquiet=QUIET_MODULES * bar,
        rquiet=QUIET_MODULES * bar,
        humanReadable=0,
    )
    symbol.inset = 0.05 * dot(dpi)
    return symbol


def format_weight(grams: int) -> str:
    """'2 lb 3.3 oz (1.00 kg)': US carriers bill in lb/oz, sellers think in kg."""
    ounces = grams / 28.349523125
    pounds = int(ounces // 16)
    rest = ounces - pounds * 16
    return f"{pounds} lb {rest:.1f} oz ({grams / 1000:.2f} kg)"
