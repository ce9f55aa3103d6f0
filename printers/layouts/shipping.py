"""The 4x6 in shipping label.

Top to bottom in the order a sorter reads it: sender and carrier, the big SHIP TO block,
order facts (order, client reference, weight), then the barcode. The barcode carries the
tracking number, or the order number while the carrier has not issued one yet, so the
parcel can still be scanned to its order at the station.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from printers.layouts.drawing import (
    draw_code128,
    draw_text,
    elide,
    fit_size,
    format_weight,
    pdf_canvas,
    wrap,
)
from printers.layouts.media import LABEL_4X6
from printers.layouts.models import Address, ShippingLabel

MARGIN = 10.0


def shipping_label(label: ShippingLabel, *, dpi: int = 203) -> bytes:
    """Lay out one 4x6 in shipping label and return it as a one-page PDF."""
    page = LABEL_4X6
    with pdf_canvas(page, f"Shipping label {label.order_number}") as (canvas, buffer):
        inner = page.width - 2 * MARGIN
        top = page.height - MARGIN
        y = _sender_and_carrier(canvas, label, top, inner)
        canvas.setLineWidth(1.5)
        canvas.line(MARGIN, y, page.width - MARGIN, y)
        y = _ship_to(canvas, label.ship_to, y - 14, inner)
        canvas.setLineWidth(1.5)
        canvas.line(MARGIN, y, page.width - MARGIN, y)
        y = _facts(canvas, label, y - 14, inner)
        canvas.line(MARGIN, y, page.width - MARGIN, y)
        _barcode(canvas, label, page.width, y, dpi)
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()


def _sender_and_carrier(canvas: Canvas, label: ShippingLabel, top: float, inner: float) -> float:
    """FROM block on the left, carrier and service on the right; returns the next y."""
    left_width = inner * 0.58
    y = top - 7
    draw_text(canvas, MARGIN, y, "FROM:", 6.5, bold=True)
    sender = label.ship_from
    for line in _address_lines(sender, include_name=True):
        y -= 9
        draw_text(canvas, MARGIN, y, elide(line, left_width, 7.5), 7.5)
    right = MARGIN + inner
    carrier_size = fit_size(label.carrier, inner * 0.4, 22, 12)
    draw_text(canvas, right, top - 20, label.carrier, carrier_size, bold=True, anchor="right")
    for index, line in enumerate(wrap(label.service, inner * 0.4, 9, 2)):
        draw_text(canvas, right, top - 34 - index * 11, line, 9, anchor="right")
    return min(y, top - 50) - 7


def _ship_to(canvas: Canvas, to: Address, y: float, inner: float) -> float:
    """The recipient in large type; returns the y below it."""
    draw_text(canvas, MARGIN, y, "SHIP TO:", 8, bold=True)
    x = MARGIN + 12
    width = inner - 12
    y -= 4
    for line in wrap(to.name, width, 15, 2):
        y -= 17
        draw_text(canvas, x, y, line, 15, bold=True)
    for text in (to.company, to.line1, to.line2):
        for line in wrap(text, width, 12, 2) if text else []:
            y -= 14
            draw_text(canvas, x, y, line, 12)
    y -= 18
    city_line = to.city_line()
    draw_text(canvas, x, y, city_line, fit_size(city_line, width, 15, 9), bold=True)
    if to.country and to.country.upper() not in ("US", "USA"):
        y -= 14
        draw_text(canvas, x, y, to.country, 12, bold=True)
    if to.phone:
        y -= 12
        draw_text(canvas, x, y, f"Tel {to.phone}", 9)
    return y - 10


def _facts(canvas: Canvas, label: ShippingLabel, y: float, inner: float) -> float:
    """Order, reference, client and weight lines; returns the y below them."""
    half = inner / 2
    order = elide(f"ORDER: {label.order_number}", half * 1.2, 9)
    draw_text(canvas, MARGIN, y, order, 9, bold=True)
    if label.parcel:
        draw_text(canvas, MARGIN + inner, y, f"PARCEL {label.parcel}", 9, bold=True, anchor="right")
    y -= 12
    if label.client_reference:
        draw_text(canvas, MARGIN, y, elide(f"REF: {label.client_reference}", inner, 9), 9)
        y -= 12
    if label.client_code:
        draw_text(canvas, MARGIN, y, elide(f"CLIENT: {label.client_code}", inner, 9), 9)
        y -= 12
    draw_text(canvas, MARGIN, y, f"WEIGHT: {format_weight(label.weight_g)}", 9)
    return y - 8


def _barcode(canvas: Canvas, label: ShippingLabel, page_width: float, top: float, dpi: int) -> None:
    """The Code128 fills the space left at the bottom, with its caption under it."""
    caption_y = MARGIN + 4
    bar_bottom = caption_y + 16
    height = max(36.0, min(120.0, top - bar_bottom - 10))
    draw_code128(
        canvas,
        label.barcode_value,
        center_x=page_width / 2,
        y=bar_bottom,
        max_width=page_width - 2 * MARGIN,
        height=height,
        dpi=dpi,
    )
    kind = "TRACKING #" if label.tracking_number else "ORDER # (no tracking yet)"
    caption = f"{kind} {label.barcode_value}"
    size = fit_size(caption, page_width - 2 * MARGIN, 11, 7)
    draw_text(canvas, page_width / 2, caption_y, caption, size, bold=True, anchor="center")


def _address_lines(address: Address, *, include_name: bool) -> list[str]:
    """The non-empty lines of an address, in print order."""
    lines = [address.name] if include_name else []
    lines += [address.company, address.line1, address.line2, address.city_line()]
    if address.country and address.country.upper() not in ("US", "USA"):
        lines.append(address.country)
    return [line for line in lines if line]
