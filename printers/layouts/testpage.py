"""A printer test page: proves the settings (dpi, media, language) and that barcodes scan."""

from __future__ import annotations

from printers.layouts.drawing import draw_code128, draw_text, elide, fit_size, pdf_canvas
from printers.layouts.media import LABEL_4X6, PageSize
from printers.layouts.models import TestPage


def test_page(page_fields: TestPage, *, page: PageSize = LABEL_4X6) -> bytes:
    """Lay out a test page on the printer's media, with a frame marking the printable edge."""
    margin = 6.0
    inner = page.width - 2 * margin
    with pdf_canvas(page, f"Test page {page_fields.printer_name}") as (canvas, buffer):
        canvas.setLineWidth(1.5)
        canvas.rect(2, 2, page.width - 4, page.height - 4)
        scale = min(1.0, page.width / LABEL_4X6.width)
        lines = [
            (page_fields.printer_name, 16.0 * scale, True),
            (f"{page_fields.language.upper()} · {page_fields.dpi} dpi", 10.0 * scale, False),
        ]
        if page.height >= LABEL_4X6.height / 2:  # room for the details on big labels only
            lines += [
                ("Haicang 海仓 test page", 10.0, False),
                (f"{page.width_mm:.0f} x {page.height_mm:.0f} mm", 10.0, False),
                (page_fields.uri, 8.0, False),
            ]
        y = page.height - margin - 4
        for text, size, bold in lines:
            if not text:
                continue
            size = fit_size(text, inner, size, min(size, 5))
            y -= size * 1.25
            draw_text(
                canvas,
                page.width / 2,
                y,
                elide(text, inner, size),
                size,
                bold=bold,
                anchor="center",
            )
        caption_y = margin
        caption_size = 8 * max(scale, 0.75)
        draw_text(
            canvas, page.width / 2, caption_y, page_fields.barcode, caption_size, anchor="center"
        )
        bar_bottom = caption_y + caption_size + 2
        draw_code128(
            canvas,
            page_fields.barcode,
            center_x=page.width / 2,
            y=bar_bottom,
            max_width=inner,
            height=max(16.0, min(90.0, y - bar_bottom - 4)),
            dpi=page_fields.dpi,
            max_module_dots=3,
        )
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()


test_page.__test__ = False  # type: ignore[attr-defined]  # a layout, not a pytest test
