"""Rasterising: pure black/white, exact geometry, whole-dot bars, polarity of packed rows."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from printers import layouts
from printers.errors import InvalidDocument, InvalidProfile
from printers.raster import RasterOptions, pack, rasterise
from tests.printers.helpers import TRACKING, decode, shipping


@pytest.fixture(scope="module")
def label_pdf() -> bytes:
    return layouts.shipping_label(shipping())


def test_4x6_at_203_and_300_dpi_is_black_and_white_only(label_pdf: bytes) -> None:
    at_203 = rasterise(label_pdf, RasterOptions(dpi=203))[0]
    at_300 = rasterise(label_pdf, RasterOptions(dpi=300))[0]
    assert at_203.size == (812, 1218) and at_300.size == (1200, 1800)
    assert at_203.mode == "1"
    assert at_203.convert("L").histogram()[1:255] == [0] * 254
    assert decode(at_300) == [TRACKING]


def test_barcode_bars_are_whole_multiples_of_the_module() -> None:
    label = layouts.SkuLabel("CL01-MUG", "Mug")
    image = rasterise(layouts.sku_label(label, dpi=203), RasterOptions(dpi=203))[0]
    row = [image.getpixel((x, 100)) for x in range(image.width)]
    runs: list[int] = []
    for x, value in enumerate(row):
        if x and value == row[x - 1]:
            runs[-1] += 1
        else:
            runs.append(1)
    bars_and_spaces = runs[1:-1]  # drop the outer white margins
    module = min(bars_and_spaces)
    assert module >= 2
    assert all(width % module == 0 for width in bars_and_spaces)


def test_rotation_and_offsets_move_the_page_on_the_media(label_pdf: bytes) -> None:
    plain = rasterise(label_pdf, RasterOptions())[0]
    rotated = rasterise(
        label_pdf,
        RasterOptions(rotation=180, offset_x=16, offset_y=8, width_dots=832, height_dots=1218),
    )[0]
    assert rotated.size == (832, 1218)
    expected = Image.new("1", (832, 1218), 1)
    expected.paste(plain.transpose(Image.Transpose.ROTATE_180), (16, 8))
    assert rotated.tobytes() == expected.tobytes()
    assert decode(rotated) == [TRACKING]


def test_quarter_turn_swaps_width_and_height(label_pdf: bytes) -> None:
    image = rasterise(label_pdf, RasterOptions(rotation=90))[0]
    assert image.size == (1218, 812)


def test_threshold_sets_how_much_grey_prints() -> None:
    grey = Image.new("L", (40, 40), 150)
    buffer = io.BytesIO()
    grey.save(buffer, "PDF", resolution=72.0)
    light = rasterise(buffer.getvalue(), RasterOptions(dpi=72, threshold=128))[0]
    dark = rasterise(buffer.getvalue(), RasterOptions(dpi=72, threshold=200))[0]
    assert light.convert("L").getextrema() == (255, 255)
    assert dark.convert("L").getextrema() == (0, 0)


def test_large_pages_shrink_to_fit_the_media() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(576, 864))  # 8x12 in: twice 4x6
    canvas.rect(556, 0, 20, 20, stroke=0, fill=1)  # ink in the bottom-right corner
    canvas.save()
    image = rasterise(buffer.getvalue(), RasterOptions(width_dots=812, height_dots=1218))[0]
    assert image.size == (812, 1218)
    assert image.getpixel((808, 1214)) == 0
    assert image.getpixel((770, 1170)) == 255


def test_pack_uses_one_for_black_and_pads_rows() -> None:
    image = Image.new("1", (10, 2), 1)
    image.putpixel((0, 0), 0)
    image.putpixel((9, 1), 0)
    packed = pack(image)
    assert (packed.width_bytes, packed.height, packed.width) == (2, 2, 16)
    assert packed.data == bytes([0b10000000, 0, 0, 0b01000000])


def test_not_a_pdf_is_invalid_document() -> None:
    with pytest.raises(InvalidDocument):
        rasterise(b"hello", RasterOptions())


def test_bad_rotation_is_rejected() -> None:
    with pytest.raises(InvalidProfile, match="rotation 45"):
        RasterOptions(rotation=45)
