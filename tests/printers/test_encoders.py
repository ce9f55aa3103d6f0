"""Encoders: each language parsed back by the fake printer gives the same bitmap."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from printers import layouts
from printers.encoders import encode_escpos, encode_tspl, encode_zpl
from printers.encoders.zpl import compress
from printers.errors import InvalidProfile
from printers.raster import PackedBitmap, RasterOptions, pack, rasterise
from tests.fakes.printers import decompress_zpl, parse_escpos, parse_tspl, parse_zpl
from tests.printers.helpers import TRACKING, decode, shipping


@pytest.fixture(scope="module")
def bitmap() -> Image.Image:
    return rasterise(layouts.shipping_label(shipping()), RasterOptions(width_dots=812))[0]


def _same_pixels(received: Image.Image, sent: Image.Image) -> bool:
    """Compare after cropping the receiver's byte padding."""
    return received.crop((0, 0, *sent.size)).tobytes() == sent.tobytes()


def test_escpos_bands_follow_fragment_height(bitmap: Image.Image) -> None:
    data = encode_escpos([bitmap], fragment_height=100, cut=True)
    capture = parse_escpos(data)
    assert capture.initialised and capture.cuts == 1
    assert capture.band_heights == [100] * 12 + [18]
    assert _same_pixels(capture.images[0], bitmap)
    assert decode(capture.images[0]) == [TRACKING]


def test_tspl_program_and_default_polarity(bitmap: Image.Image) -> None:
    data = encode_tspl([bitmap], width_mm=101.6, height_mm=152.4, gap_mm=2, darkness=8, copies=2)
    capture = parse_tspl(data, zero_is_black=True)
    assert capture.commands[:5] == [
        "SIZE 101.6 mm,152.4 mm",
        "GAP 2 mm,0 mm",
        "DIRECTION 0,0",
        "REFERENCE 0,0",
        "DENSITY 8",
    ]
    assert capture.copies == [2]
    assert _same_pixels(capture.images[0], bitmap)
    white_row = b"\xff" * 102  # first rows of the label are blank: 0xFF = white when 0 = black
    assert white_row in data


def test_tspl_polarity_setting_inverts_the_data(bitmap: Image.Image) -> None:
    normal = encode_tspl([bitmap], width_mm=101.6, height_mm=152.4)
    inverted = encode_tspl([bitmap], width_mm=101.6, height_mm=152.4, zero_is_black=False)
    assert normal != inverted
    assert _same_pixels(parse_tspl(inverted, zero_is_black=False).images[0], bitmap)


def test_zpl_graphic_is_compressed_and_round_trips(bitmap: Image.Image) -> None:
    data = encode_zpl([bitmap, bitmap], darkness=20)
    assert data.startswith(b"~SD20\n^XA^PW816^LL1218")
    assert data.count(b"^XA") == 2
    assert len(data) / 2 < pack(bitmap).width_bytes * bitmap.height / 5  # well compressed
    images = parse_zpl(data)
    assert len(images) == 2 and _same_pixels(images[1], bitmap)
    assert decode(images[0]) == [TRACKING]


@settings(max_examples=60, deadline=None)
@given(
    width_bytes=st.integers(1, 260),
    rows=st.lists(st.sampled_from([b"\x00", b"\xff", b"\x0f", b"\xa5", b"\x01"]), min_size=1),
    height=st.integers(1, 6),
    seed=st.integers(0, 2**16),
)
def test_zpl_compression_round_trips_any_rows(
    width_bytes: int, rows: list[bytes], height: int, seed: int
) -> None:
    data = bytearray()
    for row_index in range(height):
        pattern = rows[(seed + row_index) % len(rows)]
        row = bytearray(pattern * width_bytes)
        row[(seed * 7 + row_index) % width_bytes] = seed % 256
        data += row
    bitmap = PackedBitmap(width_bytes=width_bytes, height=height, data=bytes(data))
    assert decompress_zpl(compress(bitmap), width_bytes, len(data)) == bytes(data)


def test_darkness_out_of_range_is_rejected(bitmap: Image.Image) -> None:
    with pytest.raises(InvalidProfile, match="0-15"):
        encode_tspl([bitmap], width_mm=100, height_mm=150, darkness=16)
    with pytest.raises(InvalidProfile, match="0-30"):
        encode_zpl([bitmap], darkness=31)
