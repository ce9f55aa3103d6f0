"""SKU / FNSKU product labels (50x30 mm and 2.25x1.25 in thermal stock).

Amazon's FNSKU label convention: barcode in the middle with its value under it, the
product name above, condition and our SKU/client code at the bottom. The barcode is the
FNSKU (or UPC) when the seller gave one, else our SKU, so every unit can be scanned.
"""

from __future__ import annotations

from printers.layouts.drawing import draw_code128, draw_text, elide, fit_size, pdf_canvas, wrap
from printers.layouts.media import SkuLabelSize
from printers.layouts.models import SkuLabel

MARGIN = 4.0


def sku_label(
    label: SkuLabel, *, size: SkuLabelSize = SkuLabelSize.MM_50X30, dpi: int = 203, copies: int = 1
) -> bytes:
    """Lay out ``copies`` identical SKU labels (one per page) and return the PDF."""
    page = size.page
    inner = page.width - 2 * MARGIN
    with pdf_canvas(page, f"SKU label {label.sku}") as (canvas, buffer):
        for _ in range(max(1, copies)):
            name_lines = wrap(label.name, inner, 6.5, 2)
            y = page.height - MARGIN - 6
            for line in name_lines:
                draw_text(canvas, page.width / 2, y, line, 6.5, anchor="center")
                y -= 7.5
            bottom = MARGIN + 1
            footer = "  ".join(part for part in (f"SKU {label.sku}", label.condition) if part)
            draw_text(canvas, MARGIN, bottom, elide(footer, inner * 0.7, 6), 6)
            if label.client_code:
                draw_text(canvas, page.width - MARGIN, bottom, label.client_code, 6, anchor="right")
            value = label.barcode_value
            value_size = fit_size(value, inner, 8, 5)
            draw_text(
                canvas, page.width / 2, bottom + 8, value, value_size, bold=True, anchor="center"
            )
            bar_bottom = bottom + 17
            draw_code128(
                canvas,
                value,
                center_x=page.width / 2,
                y=bar_bottom,
                max_width=inner,
                height=max(14.0, y + 3 - bar_bottom),
                dpi=dpi,
                max_module_dots=3,
            )
            canvas.showPage()
        canvas.save()
        return buffer.getvalue()
