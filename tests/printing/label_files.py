"""Carrier label files as carriers and sellers send them, drawn with reportlab."""

from __future__ import annotations

import io
import zipfile

from PIL import Image
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from printers.raster import RasterOptions, rasterise

LABEL_W, LABEL_H = 4 * inch, 6 * inch
BAR = 3 * 72 / 203  # three dots per module at 203 dpi


def draw_label(canvas: Canvas, tracking: str, *, text_tracking: bool = True,
               lines: tuple[str, ...] = ("USPS GROUND ADVANTAGE", "SHIP TO: JANE DOE",
                                         "100 MAIN ST, EDISON NJ 08817")) -> None:
    """A 4x6 label at the canvas origin: a frame, address lines and the tracking barcode
    (its number printed only when ``text_tracking``)."""
    canvas.setLineWidth(2)
    canvas.rect(4, 4, LABEL_W - 8, LABEL_H - 8)
    y = LABEL_H - 40
    for line in lines:
        canvas.setFont("Helvetica-Bold", 13)
        canvas.drawString(20, y, line)
        y -= 24
    Code128(tracking, barWidth=BAR, barHeight=1.1 * inch, quiet=True).drawOn(
        canvas, 20, 1.3 * inch)
    if text_tracking:
        canvas.setFont("Helvetica", 11)
        canvas.drawString(20, 0.9 * inch, f"TRACKING # {tracking}")


def label_pdf(tracking: str, *, text_tracking: bool = True) -> bytes:
    """One 4x6 page."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(LABEL_W, LABEL_H))
    draw_label(canvas, tracking, text_tracking=text_tracking)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def letter_pdf(tracking: str, *, corner: str = "top-left", sideways: bool = False) -> bytes:
    """A letter page carrying a 4x6 label in one corner (or lying sideways on the page),
    with printing instructions well away from it: what carriers hand out for plain paper."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    canvas.saveState()
    if sideways:  # turned a quarter anticlockwise, in the top half of the page
        canvas.translate(0.5 * inch + LABEL_H, LETTER[1] - 0.5 * inch - LABEL_W)
        canvas.rotate(90)
    elif corner == "top-left":
        canvas.translate(0, LETTER[1] - LABEL_H)
    else:  # bottom-right
        canvas.translate(LETTER[0] - LABEL_W, 0)
    draw_label(canvas, tracking)
    canvas.restoreState()
    canvas.setFont("Helvetica", 9)
    y = 2 * inch if corner == "top-left" or sideways else LETTER[1] - inch
    x = 0.5 * inch
    canvas.drawString(x, y, "Fold this sheet along the line and attach the label.")
    canvas.drawString(x, y - 12, "Do not copy this label. Each label is for one parcel only.")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def label_png(tracking: str, *, dpi: int = 203, sideways: bool = False) -> bytes:
    """A 4x6 label image at ``dpi`` (as carriers send PNG labels; no dpi recorded)."""
    image = rasterise(label_pdf(tracking), RasterOptions(dpi=dpi))[0].convert("L")
    if sideways:
        image = image.transpose(Image.Transpose.ROTATE_90)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def label_zpl(tracking: str, order: str = "") -> bytes:
    """A ZPL label as carriers send it (^BC Code 128 with the tracking number)."""
    text = f"^FO40,80^A0N,30,30^FDORDER {order}^FS" if order else ""
    return (f"^XA^PW812^LL1218{text}^FO40,400^BY3^BCN,180,Y,N,N^FD{tracking}^FS^XZ"
            ).encode("ascii")


def zip_of(members: dict[str, bytes]) -> bytes:
    """A ZIP of the given files (paths may have folders)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()
