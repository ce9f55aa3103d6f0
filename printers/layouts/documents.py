"""Office documents on letter/A4: pick list, packing slip, carrier handover manifest.

platypus handles page breaks for long lists; every table repeats its header row on each
page. Cells are Paragraphs in the CJK font with CJK word wrap so Chinese product names
wrap instead of overflowing. Each document carries a Code128 of its number so a scan
at the desk finds the wave, order or manifest.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from printers.errors import LayoutError
from printers.fonts import register_font
from printers.layouts.drawing import format_weight
from printers.layouts.media import DocumentPaper
from printers.layouts.models import Address, Manifest, PackingSlip, PickList

MARGIN = 0.6 * inch
BAR_WIDTH = 0.0133 * inch  # 4 dots at 300 dpi, 8 at 600: whole dots on office printers


def pick_list(document: PickList, *, paper: DocumentPaper = DocumentPaper.LETTER) -> bytes:
    """Lines in walking order with a tick box; total units at the end."""
    header = [
        f"Pick list {document.number}",
        f"Warehouse {document.warehouse} · {document.created}",
    ]
    if document.picker:
        header.append(f"Picker: {document.picker}")
    rows = [["Bin", "SKU", "Product", "Qty", "Order", "✓"]]
    rows += [
        [line.bin_code, line.sku, line.name, str(line.quantity), line.order_number, ""]
        for line in document.lines
    ]
    total = sum(line.quantity for line in document.lines)
    rows.append(["", "", "Total units", str(total), "", ""])
    story: list[Flowable] = [*_header(header, document.number)]
    story.append(_table(rows, [0.95, 1.3, 2.9, 0.45, 1.0, 0.3], numeric_column=3))
    if document.note:
        story += [Spacer(1, 10), _para(document.note, 9)]
    return _build(story, paper, f"Pick list {document.number}")


def packing_slip(document: PackingSlip, *, paper: DocumentPaper = DocumentPaper.LETTER) -> bytes:
    """What is in the box, addressed to the customer, in the seller's name."""
    header = [
        document.client_name,
        f"Packing slip · Order {document.order_number}",
        f"Order date {document.order_date}",
    ]
    if document.client_reference:
        header.append(f"Reference {document.client_reference}")
    story: list[Flowable] = [*_header(header, document.order_number)]
    story += [_para("<b>Ship to</b>", 9), *[_para(line, 10) for line in _address(document.ship_to)]]
    story.append(Spacer(1, 12))
    rows = [["SKU", "Product", "Qty"]]
    rows += [[line.sku, line.name, str(line.quantity)] for line in document.lines]
    rows.append(["", "Total items", str(sum(line.quantity for line in document.lines))])
    story.append(_table(rows, [1.6, 4.6, 0.7], numeric_column=2))
    if document.note:
        story += [Spacer(1, 12), _para(document.note, 9)]
    return _build(story, paper, f"Packing slip {document.order_number}")


def manifest(document: Manifest, *, paper: DocumentPaper = DocumentPaper.LETTER) -> bytes:
    """Parcels handed to the carrier, totals, and signature lines for both sides."""
    header = [
        f"{document.carrier} handover manifest {document.number}",
        f"Warehouse {document.warehouse} · {document.date}",
    ]
    rows = [["#", "Tracking number", "Order", "Service", "Weight"]]
    rows += [
        [
            str(index),
            parcel.tracking_number,
            parcel.order_number,
            parcel.service,
            format_weight(parcel.weight_g),
        ]
        for index, parcel in enumerate(document.parcels, start=1)
    ]
    total_g = sum(parcel.weight_g for parcel in document.parcels)
    rows.append(["", f"{len(document.parcels)} parcels", "", "Total", format_weight(total_g)])
    story: list[Flowable] = [*_header(header, document.number)]
    story.append(_table(rows, [0.4, 2.2, 1.3, 1.4, 1.6], numeric_column=None))
    story.append(Spacer(1, 30))
    signatures = [
        ["Driver name", "Signature", "Date / time"],
        ["", "", ""],
        ["Warehouse staff", "Signature", "Date / time"],
        ["", "", ""],
    ]
    sign = Table(signatures, colWidths=[2.3 * inch] * 3, rowHeights=[14, 34, 14, 34])
    sign.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_font()),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("LINEBELOW", (0, 1), (-1, 1), 0.8, colors.black),
                ("LINEBELOW", (0, 3), (-1, 3), 0.8, colors.black),
            ]
        )
    )
    story.append(sign)
    return _build(story, paper, f"Manifest {document.number}")


def _style(size: float) -> ParagraphStyle:
    """Paragraph style in the CJK font; wordWrap CJK lets Chinese break anywhere."""
    return ParagraphStyle(
        f"haicang-{size}",
        fontName=register_font(),
        fontSize=size,
        leading=size * 1.25,
        wordWrap="CJK",
    )


def _para(text: str, size: float) -> Paragraph:
    """A paragraph of plain text (escaped) or of our own trusted inline markup."""
    markup = text if text.startswith("<b>") else escape(text)
    return Paragraph(markup, _style(size))


def _header(lines: Sequence[str], number: str) -> list[Flowable]:
    """Title lines on the left, Code128 of the document number on the right."""
    if not number.isascii() or not number.isprintable():
        raise LayoutError(layout="document", reason=f"'{number}' cannot be encoded as Code128")
    title = [_para(lines[0], 15)] + [_para(line, 9.5) for line in lines[1:]]
    code = Code128(number, barWidth=BAR_WIDTH, barHeight=0.45 * inch, humanReadable=1)
    table = Table([[title, code]], colWidths=[None, code.width + 6])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT")])
    )
    return [table, Spacer(1, 14)]


def _table(rows: list[list[str]], widths_in: list[float], numeric_column: int | None) -> Table:
    """A grid whose header repeats on each page; the last row (totals) is emphasised."""
    cells = [[_para(cell, 9) for cell in row] for row in rows]
    table = Table(cells, colWidths=[w * inch for w in widths_in], repeatRows=1)
    style = [
        ("GRID", (0, 0), (-1, -2), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEABOVE", (0, -1), (-1, -1), 1.2, colors.black),
    ]
    if numeric_column is not None:
        style.append(("ALIGN", (numeric_column, 0), (numeric_column, -1), "RIGHT"))
    table.setStyle(TableStyle(style))
    return table


def _address(address: Address) -> list[str]:
    """The non-empty lines of an address."""
    lines = [
        address.name,
        address.company,
        address.line1,
        address.line2,
        address.city_line(),
        address.country,
        address.phone,
    ]
    return [line for line in lines if line]


def _build(story: list[Flowable], paper: DocumentPaper, title: str) -> bytes:
    """Render the story on the chosen paper; invariant=1 makes output reproducible."""
    buffer = io.BytesIO()
    page = paper.page
    template = SimpleDocTemplate(
        buffer,
        pagesize=(page.width, page.height),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author="Haicang",
        invariant=1,
    )
    template.build(story)
    return buffer.getvalue()
