"""Carrier label files: split a PDF, PNG, ZPL or ZIP file into single 4x6 labels.

Sellers buy postage elsewhere and upload the labels; carriers answer a purchase with a
PDF, PNG or ZPL file. We split the file into one label per item, cut 4x6 labels out of
letter/A4 pages (cropped at full resolution, never shrunk; a label lying sideways on the
sheet is turned upright), and collect *candidate references* - the tracking and order
numbers found in the page text, or in the decoded barcodes when the text layer carries no
tracking number (a scan, an image, a label whose text is drawn as outlines). Matching
candidates to orders is the caller's job.

PDF and PNG labels come back as one-page 4x6 PDFs, printable on any printer language at
the printer's own dpi (a PNG also keeps its original bytes); ZPL labels come back as their
raw ZPL, printable as-is on ZPL printers only (rendering ZPL needs a ZPL interpreter we do
not have). A ZIP's members are split the same way, each label naming its file inside the
archive (:attr:`ImportedLabel.member`).
"""

from __future__ import annotations

import importlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PIL import Image, UnidentifiedImageError
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from printers.errors import BarcodeReaderUnavailable, InvalidDocument, LabelFileError
from printers.label_zip import is_zip, zip_members
from printers.raster import PDFIUM_LOCK, open_pdf, render_gray, threshold

LABEL_W = 4 * 72.0
LABEL_H = 6 * 72.0
TOLERANCE = 0.3 * 72  # a "4x6" page may be a little off (A6, 100x150 mm)
SCAN_SCALE = 0.5  # 36 dpi is enough to find where ink is
DECODE_SCALE = 200 / 72
ORIENT_SCALE = 100 / 72  # enough to see which way up a label's barcode is
GAP = 0.25 * 72  # blank space that separates two labels on one sheet
MIN_LABEL = 2.0 * 72  # smaller ink regions are instructions or footers, not labels


class LabelFileKind(StrEnum):
    """File types we can split."""

    PDF = "pdf"
    PNG = "png"
    ZPL = "zpl"
    ZIP = "zip"


@dataclass(frozen=True)
class ImportedLabel:
    """One label from an uploaded file, with the references it carries.

    ``tracking_number``: the carrier tracking number read on it (barcode first), if any.
    ``member``: the file's path inside a ZIP ("" for a plain file). ``original`` /
    ``original_format``: the label as received when ``pdf`` is a rendering or a crop of
    it (a PNG, a label cut out of a letter page), so the seller's file is kept as sent.
    """

    index: int
    kind: LabelFileKind
    source_page: int
    pdf: bytes | None
    zpl: bytes | None
    text: str
    barcodes: tuple[str, ...]
    candidates: tuple[str, ...]
    tracking_number: str | None = None
    member: str = ""
    original: bytes | None = None
    original_format: str | None = None


def detect_kind(data: bytes) -> LabelFileKind:
    """Recognise the file by its content, not its name."""
    head = data[:1024].lstrip()
    if is_zip(data):
        return LabelFileKind.ZIP
    if head.startswith(b"%PDF"):
        return LabelFileKind.PDF
    if head.startswith(b"\x89PNG"):
        return LabelFileKind.PNG
    if b"^XA" in data.upper():
        return LabelFileKind.ZPL
    raise LabelFileError(source="upload", reason="not a PDF, PNG, ZPL or ZIP file")


def split_label_file(
    source: str | Path | bytes,
    kind: LabelFileKind | str | None = None,
    *,
    decode_barcodes: bool | None = None,
    name: str | None = None,
) -> list[ImportedLabel]:
    """Split a label file into labels.

    ``decode_barcodes``: None decodes only pages without a text layer; True always (needs
    zxing-cpp); False never. ``name``: what errors call the file when ``source`` is its
    bytes (read by a caller that checks files first).
    """
    name = name or ("upload" if isinstance(source, bytes) else str(source))
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
    except OSError as error:
        raise LabelFileError(source=name, reason=error.strerror or str(error)) from error
    file_kind = LabelFileKind(kind) if kind else detect_kind(data)
    if file_kind is LabelFileKind.ZIP:
        return _split_zip(data, decode_barcodes, name)
    try:
        if file_kind is LabelFileKind.PDF:
            with PDFIUM_LOCK:
                return _split_pdf(data, decode_barcodes)
        if file_kind is LabelFileKind.PNG:
            return _split_png(data, decode_barcodes)
        return _split_zpl(data)
    except InvalidDocument as error:
        raise LabelFileError(source=name, reason=error.fields.get("reason", "")) from error


def label_pdf(data: bytes, kind: LabelFileKind | str) -> bytes:
    """A PDF or PNG carrier label as a PDF of 4x6 pages, one label per page.

    What a purchased label prints from: a letter page is cropped to its label, a PNG
    placed at its own resolution; nothing is scaled. Barcodes are not decoded.
    """
    labels = split_label_file(data, kind, decode_barcodes=False, name="label")
    pages = [label.pdf for label in labels if label.pdf is not None]
    if len(pages) == 1:
        return pages[0]
    with PDFIUM_LOCK:
        target = pdfium.PdfDocument.new()
        for page in pages:
            source = open_pdf(page)
            target.import_pages(source)
            source.close()
        buffer = io.BytesIO()
        target.save(buffer)
        target.close()
    return buffer.getvalue()


def _split_zip(data: bytes, decode_barcodes: bool | None, name: str) -> list[ImportedLabel]:
    """Every label of every label file in the archive, numbered on from file to file.

    Files that are not labels (a README, a spreadsheet) are left out; an archive with no
    label at all, or a damaged label file in it, is an error for the whole archive.
    """
    labels: list[ImportedLabel] = []
    for member, content in zip_members(data, name):
        try:
            kind = detect_kind(content)
        except LabelFileError:
            continue
        for label in split_label_file(content, kind, decode_barcodes=decode_barcodes,
                                      name=f"{name}/{member}"):
            labels.append(replace(label, index=len(labels), member=member))
    if not labels:
        raise LabelFileError(source=name, reason="the ZIP holds no PDF, PNG or ZPL label")
    return labels


_TRACKING_FORMATS = re.compile(
    r"1Z[0-9A-Z]{16}"  # UPS
    r"|9[1-5]\d{20}(?:\d{4})?"  # USPS IMpb, 22 or 26 digits
    r"|TBA\d{12}"  # Amazon Logistics
    r"|\d{12}|\d{15}|\d{20}|\d{10}"  # FedEx 12/15/20, DHL 10
)


# Formats strong enough to take from a label's text without a barcode: a 10-digit
# number there is as often the sender's phone as a DHL waybill.
_TEXT_TRACKING = re.compile(r"1Z[0-9A-Z]{16}|9[1-5]\d{20}(?:\d{4})?|TBA\d{12}|\d{12}|\d{15}|\d{20}")


def tracking_number_in(candidates: Sequence[str], barcodes: Sequence[str] = ()) -> str | None:
    """The carrier tracking number among a label's candidates, or None.

    A barcode value in any carrier format wins (a USPS IMpb barcode's routing prefix is
    already stripped among the candidates); text only counts in a format no phone number
    or ZIP code has.
    """
    read = {value.replace("\x1d", "").strip() for value in barcodes}
    for value in candidates:
        from_barcode = value in read or any(code.endswith(value) for code in read)
        pattern = _TRACKING_FORMATS if from_barcode else _TEXT_TRACKING
        if pattern.fullmatch(value):
            return value
    return None


def reference_candidates(text: str, barcodes: Sequence[str] = ()) -> tuple[str, ...]:
    """Strings that may be a tracking or order number, most trustworthy first.

    Barcode values first (USPS IMpb barcodes also carry '420' + ZIP before the tracking
    number, which we strip), then text that looks like a carrier tracking number (digit
    groups printed with spaces, '9400 1118 ...', are joined up first), then every other
    word of 6+ characters that contains a digit (order numbers, references).
    """
    found: list[str] = []
    for value in barcodes:
        clean = value.replace("\x1d", "").strip()
        found.append(clean)
        impb = re.fullmatch(r"420(?:\d{5}|\d{9})(9\d{19,33})", clean)
        if impb:
            found.append(impb.group(1))
    joined = [group.replace(" ", "") for group in re.findall(r"\b\d{2,6}(?: \d{2,6}){2,}\b", text)]
    words = re.findall(r"[A-Za-z0-9][A-Za-z0-9_-]{4,}[A-Za-z0-9]", text)
    words = [word for word in words if any(char.isdigit() for char in word)]
    found += [value for value in joined + words if _TRACKING_FORMATS.fullmatch(value)]
    found += [value for value in joined if len(value) >= 10]
    found += words
    return tuple(dict.fromkeys(value for value in found if value))


def _split_pdf(data: bytes, decode_barcodes: bool | None) -> list[ImportedLabel]:
    """Each 4x6 page is a label; bigger pages are searched for 4x6 regions of ink.

    A label cut out of a bigger page keeps that page, as received, in ``original``.
    """
    document = open_pdf(data)
    labels: list[ImportedLabel] = []
    try:
        for page_index in range(len(document)):
            page = document[page_index]
            whole = tuple(page.get_mediabox())
            original: bytes | None = None
            for box in _label_boxes(page):
                pdf = _crop(document, page_index, box)
                if box != whole and original is None:
                    original = _page_only(document, page_index)
                text = page.get_textpage().get_text_bounded(*box).strip()
                candidates = reference_candidates(text)
                barcodes: tuple[str, ...] = ()
                if decode_barcodes or (
                    decode_barcodes is None and tracking_number_in(candidates) is None
                ):
                    barcodes = _decode_pdf(pdf)
                    candidates = reference_candidates(text, barcodes)
                labels.append(
                    ImportedLabel(
                        index=len(labels),
                        kind=LabelFileKind.PDF,
                        source_page=page_index,
                        pdf=pdf,
                        zpl=None,
                        text=text,
                        barcodes=barcodes,
                        candidates=candidates,
                        tracking_number=tracking_number_in(candidates, barcodes),
                        original=original if box != whole else None,
                        original_format="PDF" if box != whole else None,
                    )
                )
    finally:
        document.close()
    return labels


def _page_only(document: pdfium.PdfDocument, page_index: int) -> bytes:
    """One page of the document as a PDF of its own, untouched."""
    target = pdfium.PdfDocument.new()
    target.import_pages(document, [page_index])
    buffer = io.BytesIO()
    target.save(buffer)
    target.close()
    return buffer.getvalue()


Box = tuple[float, float, float, float]  # left, bottom, right, top in page user space


def _label_boxes(page: pdfium.PdfPage) -> list[Box]:
    """Label regions of a page, in user-space coordinates."""
    width, height = page.get_size()
    if _is_label_size(width, height):
        left, bottom, right, top = page.get_mediabox()
        return [(left, bottom, right, top)]
    gray = render_gray(page, SCAN_SCALE)
    ink = threshold(gray, 200).point(lambda value: 255 - value)
    regions = [
        region for region in _ink_regions(ink) if min(_span(region)) >= MIN_LABEL * SCAN_SCALE
    ]
    if not regions:
        left, bottom, right, top = page.get_mediabox()
        return [(left, bottom, right, top)]
    return [_to_user_space(page, _label_window(region, width, height)) for region in regions]


def _is_label_size(width: float, height: float) -> bool:
    """4x6 in either orientation, within tolerance."""
    short, long = sorted((width, height))
    return abs(short - LABEL_W) <= TOLERANCE and abs(long - LABEL_H) <= TOLERANCE


def _span(region: tuple[int, int, int, int]) -> tuple[int, int]:
    """Width and height of a pixel box."""
    return region[2] - region[0], region[3] - region[1]


def _ink_regions(ink: Image.Image) -> list[tuple[int, int, int, int]]:
    """Boxes of ink separated by blank bands at least GAP wide (rows first, then columns)."""
    regions = []
    gap = max(1, round(GAP * SCAN_SCALE))
    for top, bottom in _bands(
        [ink.crop((0, y, ink.width, y + 1)).getbbox() is not None for y in range(ink.height)], gap
    ):
        strip = ink.crop((0, top, ink.width, bottom))
        for left, right in _bands(
            [
                strip.crop((x, 0, x + 1, strip.height)).getbbox() is not None
                for x in range(strip.width)
            ],
            gap,
        ):
            box = strip.crop((left, 0, right, strip.height)).getbbox()
            if box:
                regions.append((left + box[0], top + box[1], left + box[2], top + box[3]))
    return regions


def _bands(has_ink: list[bool], gap: int) -> list[tuple[int, int]]:
    """Runs of inked positions, merging runs separated by less than ``gap`` blanks."""
    bands: list[tuple[int, int]] = []
    for position, inked in enumerate(has_ink):
        if not inked:
            continue
        if bands and position - bands[-1][1] < gap:
            bands[-1] = (bands[-1][0], position + 1)
        else:
            bands.append((position, position + 1))
    return bands


def _label_window(region: tuple[int, int, int, int], width: float, height: float) -> Box:
    """A 4x6 window (in displayed points, origin top-left) centred on the ink region.

    Regions bigger than 4x6 are kept whole (a label with its instructions run into it):
    cutting would guess which ink to lose; it prints at 1:1, centred on the media.
    """
    x0, y0, x1, y1 = (value / SCAN_SCALE for value in region)
    landscape = (x1 - x0) > (y1 - y0)
    label_w, label_h = (LABEL_H, LABEL_W) if landscape else (LABEL_W, LABEL_H)
    # Scanning at 36 dpi and frame strokes make a 4x6 label look a few points bigger.
    box_w = label_w if x1 - x0 <= label_w + TOLERANCE else x1 - x0
    box_h = label_h if y1 - y0 <= label_h + TOLERANCE else y1 - y0
    left = min(max(0.0, (x0 + x1) / 2 - box_w / 2), max(0.0, width - box_w))
    top = min(max(0.0, (y0 + y1) / 2 - box_h / 2), max(0.0, height - box_h))
    return left, top, min(width, left + box_w), min(height, top + box_h)


def _to_user_space(page: pdfium.PdfPage, window: Box) -> Box:
    """Displayed (rotated, top-left origin) points -> unrotated PDF user space."""
    dx0, dy0, dx1, dy1 = window
    left, bottom, right, top = page.get_mediabox()
    rotation = page.get_rotation()
    corners = []
    for dx, dy in ((dx0, dy0), (dx1, dy1)):
        if rotation == 90:
            corners.append((left + dy, bottom + dx))
        elif rotation == 180:
            corners.append((right - dx, top - dy))
        elif rotation == 270:
            corners.append((right - dy, top - dx))
        else:
            corners.append((left + dx, top - dy))
    (ax, ay), (bx, by) = corners
    return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def _crop(document: pdfium.PdfDocument, page_index: int, box: Box) -> bytes:
    """A one-page PDF showing only ``box``, turned portrait if the label is landscape.

    A label lying sideways may have been turned either way: it is turned a quarter
    clockwise, then half a turn more when its barcode then reads upside down.
    """
    target = pdfium.PdfDocument.new()
    target.import_pages(document, [page_index])
    page = target[0]
    page.set_mediabox(*box)
    page.set_cropbox(*box)
    width, height = page.get_size()
    if width > height:
        page.set_rotation((page.get_rotation() + 90) % 360)
        if _upside_down(page):
            page.set_rotation((page.get_rotation() + 180) % 360)
    buffer = io.BytesIO()
    target.save(buffer)
    return buffer.getvalue()


def _upside_down(page: pdfium.PdfPage) -> bool:
    """Whether the page's widest barcode reads upside down (False if none is read)."""
    image = page.render(scale=ORIENT_SCALE, grayscale=True).to_pil().convert("L")
    return _image_upside_down(image)


def _image_upside_down(image: Image.Image) -> bool:
    """Whether the image's widest barcode reads upside down (False if none is read, or
    without the reader: a label upside down still scans, a refused import helps nobody)."""
    try:
        found = _read(image)
    except BarcodeReaderUnavailable:
        return False
    if not found:
        return False
    widest = max(found, key=lambda code: abs(code.position.top_right.x - code.position.top_left.x)
                 + abs(code.position.top_right.y - code.position.top_left.y))
    return abs(widest.orientation) > 90


def _decode_pdf(pdf: bytes) -> tuple[str, ...]:
    """Barcode values on a one-page PDF."""
    document = open_pdf(pdf)
    try:
        image = render_gray(document[0], DECODE_SCALE)
    finally:
        document.close()
    return decode_image(image)


def decode_image(image: Image.Image) -> tuple[str, ...]:
    """All barcodes zxing-cpp finds in an image."""
    return tuple(result.text for result in _read(image))


def _zxing() -> Any:
    """zxing-cpp, imported on first use (it loads a native library; start-up stays fast)."""
    try:
        return importlib.import_module("zxingcpp")
    except ImportError as error:
        raise BarcodeReaderUnavailable(reason="not installed") from error


def _read(image: Image.Image) -> list[Any]:
    """zxing-cpp's barcodes in an image."""
    return list(_zxing().read_barcodes(image.convert("L")))



def _split_png(data: bytes, decode_barcodes: bool | None) -> list[ImportedLabel]:
    """A label image: placed on a PDF page at its own resolution and split like a PDF
    (a 4x6 image is one label; a letter-size scan is searched for its label), keeping
    the image as received. An image has no text layer, so its barcodes are read unless
    ``decode_barcodes`` is False."""
    pdf = png_pdf(data)
    labels = _split_pdf(pdf, False)
    if decode_barcodes is not False:
        # A single label is decoded from its own pixels: resampling a 203-dpi image for
        # the reader can merge thin bars.
        labels = [_with_barcodes(label, decode_image(_png_gray(data)) if len(labels) == 1
                                 else _decode_pdf(label.pdf or b"")) for label in labels]
    return [replace(label, kind=LabelFileKind.PNG, original=data, original_format="PNG")
            for label in labels]


def _with_barcodes(label: ImportedLabel, barcodes: tuple[str, ...]) -> ImportedLabel:
    """The label with decoded barcodes and the references they add."""
    candidates = reference_candidates(label.text, barcodes)
    return replace(label, barcodes=barcodes, candidates=candidates,
                   tracking_number=tracking_number_in(candidates, barcodes))


def _png_gray(data: bytes) -> Image.Image:
    """The image in grey, transparent parts white (its stated dpi kept in ``info``)."""
    try:
        image: Image.Image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError) as error:
        raise InvalidDocument(reason=f"not a readable image ({error})") from error
    info = dict(image.info)
    if image.mode in ("RGBA", "LA", "P", "PA"):
        flat = Image.new("RGBA", image.size, "white")
        flat.alpha_composite(image.convert("RGBA"))
        image = flat
    gray = image.convert("L")
    gray.info.update(info)
    return gray


def png_pdf(data: bytes) -> bytes:
    """A label image as a one-page PDF at the image's physical size, losslessly.

    An image of 4x6 proportions is a 4x6 label whatever dpi it claims (carriers write
    72 or none); another image keeps its stated dpi (203 when it states none). A
    landscape 4x6 image is turned upright.
    """
    gray = _png_gray(data)
    short, long = sorted(gray.size)
    if abs(short / long - LABEL_W / LABEL_H) < 0.03:
        if gray.width > gray.height:
            gray = gray.transpose(Image.Transpose.ROTATE_270)  # a quarter clockwise
            if _image_upside_down(gray):
                gray = gray.transpose(Image.Transpose.ROTATE_180)
        dpi = long / 6.0
    else:
        stated = gray.info.get("dpi", (0, 0))[0]
        dpi = float(stated) if stated and stated >= 50 else 203.0
    width_pts, height_pts = gray.width * 72 / dpi, gray.height * 72 / dpi
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width_pts, height_pts))
    canvas.drawImage(ImageReader(gray), 0, 0, width_pts, height_pts)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


_FORMAT = re.compile(rb"\^XA.*?\^XZ", re.DOTALL | re.IGNORECASE)
_FIELD = re.compile(r"\^FD(.*?)\^FS", re.DOTALL)
_BARCODE_FIELD = re.compile(r"\^B[0-9A-Z][^\^]*(?:\^F[OT][^\^]*)*\^FD(.*?)\^FS", re.DOTALL)


def _split_zpl(data: bytes) -> list[ImportedLabel]:
    """One label per ``^XA ... ^XZ`` format; field data (``^FD``) is the text layer."""
    formats = _FORMAT.findall(data)
    if not formats:
        raise LabelFileError(source="ZPL", reason="no ^XA ... ^XZ label found")
    labels = []
    for index, raw in enumerate(formats):
        text_src = raw.decode("latin-1")
        fields = [value.strip() for value in _FIELD.findall(text_src)]
        barcodes = tuple(
            re.sub(r"^(>[0-9:;<=>])+", "", value).replace(">", "").strip()
            for value in _BARCODE_FIELD.findall(text_src)
        )
        text = "\n".join(fields)
        candidates = reference_candidates(text, barcodes)
        labels.append(
            ImportedLabel(
                index=index,
                kind=LabelFileKind.ZPL,
                source_page=index,
                pdf=None,
                zpl=raw,
                text=text,
                barcodes=barcodes,
                candidates=candidates,
                tracking_number=tracking_number_in(candidates, barcodes),
            )
        )
    return labels
