"""Bin (location) labels: a code big enough to read from the aisle, and its Code128.

Thermal 4x6 or 4x2 labels give one bin per label; the letter sheet follows the common
4x2 in, 10-up label stock (Avery 5163 geometry) so offices can print on laser printers.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from printers.errors import LayoutError
from printers.layouts.drawing import draw_code128, draw_text, fit_size, pdf_canvas
from printers.layouts.media import LABEL_4X2, LABEL_4X6, LETTER_PAGE, BinLabelMedia, PageSize
from printers.layouts.models import BinLabel

# Avery 5163: 2 columns x 5 rows of 4x2 in labels on letter paper.
SHEET_COLUMNS = 2
SHEET_ROWS = 5
SHEET_LEFT = 0.15625 * inch
SHEET_TOP = 0.5 * inch
SHEET_COLUMN_PITCH = 4.1875 * inch
SHEET_ROW_PITCH = 2 * inch


def bin_labels(
    labels: Sequence[BinLabel], *, media: BinLabelMedia = BinLabelMedia.LABEL_4X6, dpi: int = 203
) -> bytes:
    """Lay out bin labels: one per page on thermal media, ten per page on a letter sheet."""
    if not labels:
        raise LayoutError(layout="bin labels", reason="no bins given")
    page = {
        BinLabelMedia.LABEL_4X6: LABEL_4X6,
        BinLabelMedia.LABEL_4X2: LABEL_4X2,
        BinLabelMedia.LETTER_SHEET: LETTER_PAGE,
    }[media]
    title = f"Bin labels {labels[0].code}"
    with pdf_canvas(page, title) as (canvas, buffer):
        if media is BinLabelMedia.LETTER_SHEET:
            _sheets(canvas, labels, dpi)
        else:
            for label in labels:
                if media is BinLabelMedia.LABEL_4X6:
                    _tall(canvas, label, page, dpi)
                else:
                    _wide(canvas, label, 0.0, 0.0, LABEL_4X2, dpi)
                canvas.showPage()
        canvas.save()
        return buffer.getvalue()


def _tall(canvas: Canvas, label: BinLabel, page: PageSize, dpi: int) -> None:
    """4x6: huge code on top, tall barcode below it."""
    margin = 14.0
    inner = page.width - 2 * margin
    size = fit_size(label.code, inner, 90, 24)
    draw_text(
        canvas,
        page.width / 2,
        page.height - margin - size * 0.85,
        label.code,
        size,
        bold=True,
        anchor="center",
    )
    context = " · ".join(part for part in (label.warehouse, label.zone) if part)
    if context:
        draw_text(
            canvas, page.width / 2, page.height - margin - size - 22, context, 14, anchor="center"
        )
    draw_code128(
        canvas,
        label.code,
        center_x=page.width / 2,
        y=margin + 10,
        max_width=inner,
        height=page.height * 0.45,
        dpi=dpi,
    )


def _wide(canvas: Canvas, label: BinLabel, x: float, y: float, cell: PageSize, dpi: int) -> None:
    """A 4x2 cell at (x, y): code on top, barcode under it, context in small type."""
    margin = 8.0
    inner = cell.width - 2 * margin
    size = fit_size(label.code, inner, 40, 14)
    draw_text(
        canvas,
        x + cell.width / 2,
        y + cell.height - margin - size * 0.85,
        label.code,
        size,
        bold=True,
        anchor="center",
    )
    context = " · ".join(part for part in (label.warehouse, label.zone) if part)
    if context:
        draw_text(canvas, x + cell.width / 2, y + margin, context, 8, anchor="center")
    bar_bottom = y + margin + (10 if context else 0)
    bar_top = y + cell.height - margin - size - 4
    draw_code128(
        canvas,
        label.code,
        center_x=x + cell.width / 2,
        y=bar_bottom,
        max_width=inner,
        height=max(20.0, bar_top - bar_bottom),
        dpi=dpi,
        max_module_dots=3,
    )


def _sheets(canvas: Canvas, labels: Sequence[BinLabel], dpi: int) -> None:
    """Fill letter pages, row by row, with 4x2 cells."""
    per_page = SHEET_COLUMNS * SHEET_ROWS
    for start in range(0, len(labels), per_page):
        for index, label in enumerate(labels[start : start + per_page]):
            row, column = divmod(index, SHEET_COLUMNS)
            x = SHEET_LEFT + column * SHEET_COLUMN_PITCH
            y = LETTER_PAGE.height - SHEET_TOP - (row + 1) * SHEET_ROW_PITCH
            _wide(canvas, label, x, y, LABEL_4X2, dpi)
        canvas.showPage()
