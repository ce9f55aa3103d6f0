"""The pick list of one cart: stops in route order, big bin codes, a barcode per line.

A picker reads the bin code from a metre away and scans the line's barcode when the
scanner cannot reach the item: so the bin code is the largest text on the line and never
wraps (a long code is set smaller instead: "A-04-03-0 / 1" sends the picker to the wrong
bin), and each line carries a Code128 of what to scan for the item, in whole printer dots.
The tote (slot) of the order on the cart is as big as the quantity: it says where the
units go. On letter/A4 a line is one row; on a 4x6 label it is a block of three rows
(bin, quantity and tote; SKU, names and order; the barcode across the label).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from printers.layouts.documents import _build, _code, _header, _para, _Sheet
from printers.layouts.drawing import fit_code128, snap
from printers.layouts.media import DocumentPaper

OFFICE_DPI = 300  # the dot grid of line barcodes on office paper (600 dpi printers too)


@dataclass(frozen=True)
class CartPickLine:
    bin_code: str
    sku: str
    name: str
    quantity: int
    slot: int
    order_number: str
    #: What the line's Code128 encodes: the item's barcode, else its SKU code.
    barcode: str


@dataclass(frozen=True)
class CartPickList:
    cart: str
    wave: str
    warehouse: str
    created: str
    distance_m: float
    lines: tuple[CartPickLine, ...]
    #: Label-first: the labels were printed at release, to be stuck on at the shelf.
    label_first: bool = False


def cart_pick_list(document: CartPickList, *, paper: DocumentPaper = DocumentPaper.LETTER,
                   dpi: int = 203) -> bytes:
    """The cart's pick list as PDF; the cart code's barcode at the top opens it on a
    scanner-driven Picking screen."""
    sheet = _Sheet(paper, dpi)
    stops = len(dict.fromkeys(line.bin_code for line in document.lines))
    units = sum(line.quantity for line in document.lines)
    header = [
        f"Pick list · cart {document.cart}",
        f"Wave {document.wave} · warehouse {document.warehouse} · {document.created}",
        f"{stops} stops · {units} units · {document.distance_m:.0f} m",
    ]
    if document.label_first:
        header.append("Label-first: stick each order's label on its parcel at the shelf "
                      "and scan it.")
    story: list[Flowable] = [*_header(sheet, header, document.cart)]
    if not document.lines:
        story.append(_para("Nothing left to pick on this cart.", sheet.size(11)))
    elif paper.is_label:
        story += _label_blocks(sheet, document.lines)
    else:
        story.append(_office_table(sheet, document.lines))
    story += [Spacer(1, 8), _para(f"Total units {units}", sheet.size(10))]
    return _build(story, sheet, f"Pick list {document.cart}")


class _LineBarcode(Flowable):
    """A whole-dot Code128 of at most ``width`` points (modules of up to 2 dots)."""

    def __init__(self, value: str, width: float, height: float, dpi: int) -> None:
        super().__init__()
        self.symbol = fit_code128(value, dpi, width, snap(height, dpi), 2, layout="pick list")
        self.width = float(self.symbol.width)
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.symbol.drawOn(self.canv, 0, 0)


def _office_table(sheet: _Sheet, lines: tuple[CartPickLine, ...]) -> Table:
    shares = [1.5, 2.4, 0.55, 0.55, 2.0]
    widths = [sheet.width * s / sum(shares) for s in shares]
    pad = 8.0
    rows: list[list[object]] = [[_para(h, sheet.size(8.5)) for h in
                                 ("Bin", "SKU · product · order", "Qty", "Tote", "Scan item")]]
    for line in lines:
        rows.append([
            _code(line.bin_code, 17, widths[0] - pad),
            [_code(line.sku, 9.5, widths[1] - pad), _para(line.name, 8.5),
             _code(line.order_number, 8, widths[1] - pad)],
            _code(str(line.quantity), 15, widths[2] - pad),
            _code(str(line.slot), 15, widths[3] - pad),
            _LineBarcode(line.barcode, widths[4] - pad, 0.32 * 72, OFFICE_DPI),
        ])
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("LEFTPADDING", (0, 0), (-1, -1), pad / 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad / 2),
        ("TOPPADDING", (0, 1), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 5),
    ]))
    return table


def _label_blocks(sheet: _Sheet, lines: tuple[CartPickLine, ...]) -> list[Flowable]:
    """A block of three rows a line on a 4x6: [bin | qty | tote], [SKU · name · order],
    [barcode]; a block never splits over two labels."""
    widths = [sheet.width * 0.62, sheet.width * 0.19, sheet.width * 0.19]
    pad = 6.0
    style = TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad / 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad / 2),
        ("SPAN", (0, 1), (-1, 1)),
        ("SPAN", (0, 2), (-1, 2)),
        ("BOX", (0, 0), (-1, -1), 1.5, colors.black),
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, colors.black),
    ])
    blocks: list[Flowable] = []
    for line in lines:
        table = Table([
            [_code(line.bin_code, 16, widths[0] - pad),
             _code(f"×{line.quantity}", 14, widths[1] - pad),
             _code(f"T{line.slot}", 14, widths[2] - pad)],
            [[_code(line.sku, 8.5, sheet.width - pad), _para(line.name, 7.5),
              _code(line.order_number, 7, sheet.width - pad)], "", ""],
            [_LineBarcode(line.barcode, sheet.width - pad, 0.3 * 72, sheet.dpi), "", ""],
        ], colWidths=widths)
        table.setStyle(style)
        blocks.append(KeepTogether([table, Spacer(1, 3)]))
    return blocks
