"""Documents: pick list, packing slip, carrier handover manifest, on letter/A4 or 4x6.

platypus handles page breaks for long lists; every table repeats its header row on each
page. Cells are Paragraphs in the CJK font with CJK word wrap so Chinese product names
wrap instead of overflowing. Each document carries a Code128 of its number so a scan
at the desk finds the wave, order or manifest.

On a 4x6 label (``DocumentPaper.LABEL_4X6``) the same documents are laid out for the
label, not shrunk from letter: narrow margins, smaller type, columns as shares of the
width, and the barcode under the title with bars of whole printer dots (the frame sits
on the dot grid and has no padding), so it scans at 203 dpi.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from printers.errors import LayoutError
from printers.fonts import register_font
from printers.layouts.drawing import draw_text, fit_code128, format_weight, snap
from printers.layouts.media import DocumentPaper
from printers.layouts.models import Address, Manifest, PackingSlip, PickList

MARGIN = 0.6 * inch
LABEL_MARGIN = 0.12 * inch
BAR_WIDTH = 0.0133 * inch  # 4 dots at 300 dpi, 8 at 600: whole dots on office printers
FRAME_PADDING = 6.0  # points, platypus's default, kept for office paper


@dataclass(frozen=True)
class _Sheet:
    """What a layout needs to know of the paper: sizes, type scale, barcode grid."""

    paper: DocumentPaper
    dpi: int

    @property
    def margin(self) -> float:
        return snap(LABEL_MARGIN, self.dpi) if self.paper.is_label else MARGIN

    @property
    def padding(self) -> float:
        return 0.0 if self.paper.is_label else FRAME_PADDING

    @property
    def width(self) -> float:
        """Width of the text frame."""
        return self.paper.page.width - 2 * (self.margin + self.padding)

    def size(self, points: float) -> float:
        """Type size: a 4x6 label gets about four fifths of the office size."""
        return round(points * 0.8, 1) if self.paper.is_label else points


def pick_list(document: PickList, *, paper: DocumentPaper = DocumentPaper.LETTER,
              dpi: int = 203) -> bytes:
    """Lines in walking order with a tick box; total units at the end."""
    sheet = _Sheet(paper, dpi)
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
    story: list[Flowable] = [*_header(sheet, header, document.number)]
    story.append(_table(sheet, rows, [0.95, 1.3, 2.9, 0.45, 1.0, 0.3], numeric_column=3,
                        codes=(0, 1, 4)))
    if document.note:
        story += [Spacer(1, 10), _para(document.note, sheet.size(9))]
    return _build(story, sheet, f"Pick list {document.number}")


def packing_slip(document: PackingSlip, *, paper: DocumentPaper = DocumentPaper.LETTER,
                 dpi: int = 203) -> bytes:
    """What is in the box, addressed to the customer, in the seller's name."""
    sheet = _Sheet(paper, dpi)
    header = [
        document.client_name,
        f"Packing slip · Order {document.order_number}",
        f"Order date {document.order_date}",
    ]
    if document.client_reference:
        header.append(f"Reference {document.client_reference}")
    story: list[Flowable] = [*_header(sheet, header, document.order_number)]
    story += [_para("<b>Ship to</b>", sheet.size(9)),
              *[_para(line, sheet.size(10)) for line in _address(document.ship_to)]]
    story.append(Spacer(1, sheet.size(12)))
    rows = [["SKU", "Product", "Qty"]]
    rows += [[line.sku, line.name, str(line.quantity)] for line in document.lines]
    rows.append(["", "Total items", str(sum(line.quantity for line in document.lines))])
    story.append(_table(sheet, rows, [1.6, 4.6, 0.7], numeric_column=2, codes=(0,)))
    if document.note:
        story += [Spacer(1, sheet.size(12)), _para(document.note, sheet.size(9))]
    return _build(story, sheet, f"Packing slip {document.order_number}")


def manifest(document: Manifest, *, paper: DocumentPaper = DocumentPaper.LETTER,
             dpi: int = 203) -> bytes:
    """Parcels handed to the carrier, totals, and signature lines for both sides, in
    English and Chinese (the driver reads one, the warehouse team often the other)."""
    sheet = _Sheet(paper, dpi)
    count = len(document.parcels)
    header = [
        f"{document.carrier} handover manifest 交接清单 {document.number}",
        f"Warehouse 仓库 {document.warehouse} · Time 时间 {document.date}",
        f"Carrier 承运商 {document.carrier} · {count} parcels 共 {count} 件",
    ]
    rows = [["#", "Tracking number 运单号", "Order 订单", "Service 服务", "Weight 重量"]]
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
    rows.append(["", f"{count} parcels 共 {count} 件", "", "Total 合计",
                 format_weight(total_g)])
    story: list[Flowable] = [*_header(sheet, header, document.number)]
    story.append(_table(sheet, rows, [0.4, 2.2, 1.3, 1.4, 1.6], numeric_column=None,
                        codes=(1, 2)))
    story.append(Spacer(1, 30))
    signatures = [
        ["Driver name 司机姓名", "Signature 签名", "Date / time 日期时间"],
        ["", "", ""],
        ["Clerk name 仓库员姓名", "Signature 签名", "Date / time 日期时间"],
        ["", "", ""],
    ]
    sign = Table(signatures, colWidths=[sheet.width / 3] * 3, rowHeights=[14, 34, 14, 34])
    sign.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_font()),
                ("FONTSIZE", (0, 0), (-1, -1), sheet.size(8)),
                ("LINEBELOW", (0, 1), (-1, 1), 0.8, colors.black),
                ("LINEBELOW", (0, 3), (-1, 3), 0.8, colors.black),
            ]
        )
    )
    story.append(sign)
    return _build(story, sheet, f"Manifest {document.number}")


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


def _code(text: str, size: float, width: float) -> Paragraph:
    """A code on one line: no wrapping, a smaller font when it is wider than ``width``."""
    fitted = min(size, size * width / max(stringWidth(text, register_font(), size), 0.01))
    style = ParagraphStyle(f"haicang-code-{fitted:.2f}", parent=_style(fitted),
                           wordWrap=None, splitLongWords=False)
    return Paragraph(escape(text), style)


def _header(sheet: _Sheet, lines: Sequence[str], number: str) -> list[Flowable]:
    """Title lines, and a Code128 of the document number: beside them on office paper,
    under them on a label (where the width is needed for the bars)."""
    if not number.isascii() or not number.isprintable():
        raise LayoutError(layout="document", reason=f"'{number}' cannot be encoded as Code128")
    title = [_para(lines[0], sheet.size(15))] + [_para(line, sheet.size(9.5))
                                                 for line in lines[1:]]
    if sheet.paper.is_label:
        return [*title, Spacer(1, 4), _LabelBarcode(number, sheet), Spacer(1, 8)]
    code = Code128(number, barWidth=BAR_WIDTH, barHeight=0.45 * inch, humanReadable=1)
    table = Table([[title, code]], colWidths=[None, code.width + 6])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT")])
    )
    return [table, Spacer(1, 14)]


class _LabelBarcode(Flowable):
    """A Code128 drawn at the frame's left edge, which is on the printer's dot grid, with
    the widest whole-dot modules (up to 3) that fit, and its text underneath."""

    HEIGHT = 0.5 * inch
    TEXT = 7.0

    def __init__(self, value: str, sheet: _Sheet) -> None:
        super().__init__()
        self.value = value
        self.symbol = fit_code128(value, sheet.dpi, sheet.width, snap(self.HEIGHT, sheet.dpi),
                                  3, layout="document")
        self.width = float(self.symbol.width)
        self.height = self.HEIGHT + self.TEXT + 3

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.symbol.drawOn(self.canv, 0, self.TEXT + 3)
        draw_text(self.canv, self.width / 2, 0, self.value, self.TEXT, anchor="center")


def _table(sheet: _Sheet, rows: list[list[str]], shares: list[float],
           numeric_column: int | None, codes: Sequence[int] = ()) -> Table:
    """A grid across the frame (columns in proportion to ``shares``) whose header repeats
    on each page; the last row (totals) is emphasised.

    Cells of the ``codes`` columns (bin codes, SKUs, order numbers) never wrap: a picker
    reading "A-04-03-0 / 1" goes to the wrong bin. Such a column widens to its longest
    code, taking the room from the widest free-text column, and a code that still does
    not fit is set in a smaller font.
    """
    size = sheet.size(9)
    padding = 6.0 if sheet.paper.is_label else 12.0
    total = sum(shares)
    widths = [sheet.width * share / total for share in shares]
    text_columns = [i for i in range(len(shares)) if i not in codes]
    donor = max(text_columns, key=lambda i: widths[i]) if text_columns else None
    for column in codes:
        need = max(stringWidth(row[column], register_font(), size) for row in rows) + padding
        if need > widths[column] and donor is not None:
            extra = min(need - widths[column], widths[donor] * 0.4)
            widths[column] += extra
            widths[donor] -= extra
    cells = [[_code(cell, size, widths[i] - padding) if i in codes else _para(cell, size)
              for i, cell in enumerate(row)] for row in rows]
    table = Table(cells, colWidths=widths, repeatRows=1)
    style: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEABOVE", (0, -1), (-1, -1), 1.2, colors.black),
    ]
    if sheet.paper.is_label:
        # One-bit thermal print: grey turns white, hairlines vanish; black lines of two
        # dots and a rule under the header instead.
        style += [
            ("GRID", (0, 0), (-1, -2), 0.75, colors.black),
            ("LINEBELOW", (0, 0), (-1, 0), 1.5, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
    else:
        style += [
            ("GRID", (0, 0), (-1, -2), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
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


def _build(story: list[Flowable], sheet: _Sheet, title: str) -> bytes:
    """Render the story on the sheet; invariant=1 makes output reproducible."""
    buffer = io.BytesIO()
    page = sheet.paper.page
    frame = Frame(sheet.margin, sheet.margin, page.width - 2 * sheet.margin,
                  page.height - 2 * sheet.margin, leftPadding=sheet.padding,
                  rightPadding=sheet.padding, topPadding=sheet.padding,
                  bottomPadding=sheet.padding, id="body")
    template = BaseDocTemplate(
        buffer,
        pagesize=(page.width, page.height),
        pageTemplates=[PageTemplate(id="page", frames=[frame])],
        title=title,
        author="Haicang",
        invariant=1,
    )
    template.build(story)
    return buffer.getvalue()
