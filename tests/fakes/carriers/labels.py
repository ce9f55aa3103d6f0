"""Real label files for the fake carriers: a 4x6 PDF (reportlab), ZPL II and a PNG,
each carrying a Code 128 barcode of the tracking number, so printing and barcode
decoding tests read them back as they would a carrier's label."""

from __future__ import annotations

import io
from collections.abc import Sequence

import barcode
from barcode.writer import ImageWriter
from reportlab.graphics.barcode import code128
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas

#: The formats the fakes serve, by the adapters' ``LabelFormat`` value.
FORMATS = ("PDF", "ZPL", "PNG")


def label_bytes(fmt: str, tracking: str, carrier: str, service: str,
                address: Sequence[str]) -> bytes:
    """The label in ``fmt`` (PDF, ZPL or PNG)."""
    if fmt == "PDF":
        return pdf_label(tracking, carrier, service, address)
    if fmt == "ZPL":
        return zpl_label(tracking, carrier, service, address)
    if fmt == "PNG":
        return png_label(tracking)
    raise ValueError(f"unknown label format {fmt}")


def pdf_label(tracking: str, carrier: str, service: str, address: Sequence[str],
              *, page: tuple[float, float] = (4 * inch, 6 * inch)) -> bytes:
    """A 4x6 page (or ``page``) with the address as text and a Code 128 barcode."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=page)
    width, height = page
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(0.25 * inch, height - 0.5 * inch, f"{carrier} {service}")
    pdf.setFont("Helvetica", 11)
    y = height - 1.0 * inch
    for line in address:
        pdf.drawString(0.4 * inch, y, line)
        y -= 0.2 * inch
    code = code128.Code128(tracking, barHeight=0.9 * inch, barWidth=0.016 * inch)
    code.drawOn(pdf, max(0.1 * inch, (width - code.width) / 2), 1.2 * inch)
    pdf.setFont("Helvetica", 10)
    pdf.drawCentredString(width / 2, 0.9 * inch, tracking)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def zpl_label(tracking: str, carrier: str, service: str, address: Sequence[str]) -> bytes:
    """A 4x6 ZPL II label at 203 dpi with a Code 128 (``^BC``) barcode."""
    lines = ["^XA", "^PW812", "^LL1218", "^CI28",
             f"^FO40,40^A0N,40,40^FD{carrier} {service}^FS"]
    for n, line in enumerate(address):
        lines.append(f"^FO60,{140 + n * 36}^A0N,30,30^FD{line}^FS")
    lines += [f"^FO80,700^BY3^BCN,200,Y,N,N^FD{tracking}^FS", "^XZ"]
    return ("\n".join(lines) + "\n").encode()


def png_label(tracking: str) -> bytes:
    """A Code 128 barcode image of the tracking number with its text under it."""
    out = io.BytesIO()
    barcode.get("code128", tracking, writer=ImageWriter()).write(
        out, options={"module_width": 0.3, "module_height": 18.0, "dpi": 203})
    return out.getvalue()
