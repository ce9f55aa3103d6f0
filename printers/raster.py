"""PDF page -> 1-bit bitmap at the printer's dpi.

PDFium (pypdfium2) renders; we threshold, never dither: dithering turns bar edges into
speckle that scanners misread. Two details keep barcodes crisp: the page box is widened
to a whole number of dots before rendering (otherwise PDFium stretches a 50 mm page to
the rounded bitmap width and bars drift off the dot grid), and rotation/offsets are exact
integer operations on the bitmap. Bitmaps use Pillow's mode "1" convention (0 = black);
:func:`pack` turns one into printer rows with 1 = printed dot.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image

from printers.errors import InvalidDocument, InvalidProfile

# PDFium is not thread-safe; a print worker and an import may run at once, so every use
# of pypdfium2 in this package holds this lock.
PDFIUM_LOCK = threading.RLock()

_TRANSPOSE = {
    90: Image.Transpose.ROTATE_270,  # Pillow rotates counter-clockwise; we mean clockwise
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}


@dataclass(frozen=True)
class RasterOptions:
    """How to turn a page into dots for one printer.

    ``threshold``: grey levels below it print; raise it to print darker (thin text on a
    cool head), lower it to print lighter. ``width_dots``/``height_dots``: the media
    canvas; the page is placed at (offset_x, offset_y), cropped to the canvas, and shrunk
    to fit first when it is larger and ``fit`` is set (our own documents on odd media).
    Without ``fit`` the page keeps its physical size, centred on the canvas: a carrier's
    label must print at 1:1, since a shrunk barcode is one a carrier's scanner refuses.
    """

    dpi: int = 203
    rotation: int = 0
    offset_x: int = 0
    offset_y: int = 0
    threshold: int = 128
    width_dots: int | None = None
    height_dots: int | None = None
    fit: bool = True

    def __post_init__(self) -> None:
        if self.rotation not in (0, 90, 180, 270):
            raise InvalidProfile(
                name="raster", reason=f"rotation {self.rotation} is not 0/90/180/270"
            )
        if not 1 <= self.threshold <= 255:
            raise InvalidProfile(name="raster", reason=f"threshold {self.threshold} is not 1-255")
        if self.dpi < 50 or self.dpi > 1200:
            raise InvalidProfile(name="raster", reason=f"dpi {self.dpi} is not 50-1200")


@dataclass(frozen=True)
class PackedBitmap:
    """Rows of packed bits, most significant bit first, 1 = printed dot."""

    width_bytes: int
    height: int
    data: bytes

    @property
    def width(self) -> int:
        """Width in dots (a multiple of 8)."""
        return self.width_bytes * 8


def open_pdf(pdf: bytes) -> pdfium.PdfDocument:
    """Open PDF bytes, turning PDFium's failure into InvalidDocument."""
    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as error:
        raise InvalidDocument(reason=str(error)) from error
    if len(document) == 0:
        raise InvalidDocument(reason="the PDF has no pages")
    return document


def render_gray(page: pdfium.PdfPage, scale: float) -> Image.Image:
    """Render a page to an 8-bit grey image at ``scale`` pixels per point, grid-aligned."""
    left, bottom, right, top = page.get_mediabox()
    width_pts, height_pts = right - left, top - bottom
    if page.get_rotation() in (90, 270):
        width_pts, height_pts = height_pts, width_pts
    # Resize to just under a whole number of dots: PDFium sizes the bitmap by rounding
    # up, so 432 pt at 300 dpi (1800.0000001 dots) would otherwise become 1801.
    extra_w = (math.ceil(width_pts * scale - 1e-6) - 1e-3) / scale - width_pts
    extra_h = (math.ceil(height_pts * scale - 1e-6) - 1e-3) / scale - height_pts
    if page.get_rotation() in (90, 270):
        extra_w, extra_h = extra_h, extra_w
    page.set_mediabox(left, bottom - extra_h, right + extra_w, top)
    bitmap = page.render(scale=scale, grayscale=True)
    return bitmap.to_pil().convert("L")


def threshold(gray: Image.Image, level: int) -> Image.Image:
    """Grey -> mode "1" with a hard cut: pixels darker than ``level`` become black (0)."""
    lut = [0 if value < level else 255 for value in range(256)]
    return gray.point(lut, "1")


def rasterise(pdf: bytes, options: RasterOptions) -> list[Image.Image]:
    """Every page of the PDF as a mode "1" image on the media canvas."""
    with PDFIUM_LOCK:
        document = open_pdf(pdf)
        try:
            return [_page_bitmap(document[index], options) for index in range(len(document))]
        finally:
            document.close()


def _page_bitmap(page: pdfium.PdfPage, options: RasterOptions) -> Image.Image:
    """Render, rotate, place and threshold one page."""
    scale = options.dpi / 72
    width_pts, height_pts = page.get_size()
    if options.rotation in (90, 270):
        width_pts, height_pts = height_pts, width_pts
    if options.fit and options.width_dots and options.height_dots:
        too_wide = width_pts * scale > options.width_dots + 1
        too_tall = height_pts * scale > options.height_dots + 1
        if too_wide or too_tall:
            scale = min(options.width_dots / width_pts, options.height_dots / height_pts)
    gray = render_gray(page, scale)
    if options.rotation:
        gray = gray.transpose(_TRANSPOSE[options.rotation])
    width = options.width_dots or gray.width
    height = options.height_dots or gray.height
    if (width, height) != gray.size or options.offset_x or options.offset_y:
        left, top = options.offset_x, options.offset_y
        if not options.fit:
            left += (width - gray.width) // 2
            top += (height - gray.height) // 2
        canvas = Image.new("L", (width, height), 255)
        canvas.paste(gray, (left, top))
        gray = canvas
    return threshold(gray, options.threshold)


def pack(image: Image.Image) -> PackedBitmap:
    """A mode "1" image as printer rows (1 = black), right-padded to whole bytes."""
    gray = image.convert("L")
    width_bytes = (gray.width + 7) // 8
    if gray.width % 8:
        padded = Image.new("L", (width_bytes * 8, gray.height), 255)
        padded.paste(gray, (0, 0))
        gray = padded
    inverted = gray.point([255 if value < 128 else 0 for value in range(256)], "1")
    return PackedBitmap(width_bytes=width_bytes, height=gray.height, data=inverted.tobytes())
