"""A cart's paper pick list: barcodes that scan, bin codes that never wrap, CJK names."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from printers.layouts import DocumentPaper
from printers.layouts.picking import CartPickLine, CartPickList, cart_pick_list
from printers.raster import RasterOptions, rasterise
from tests.printers.helpers import decode, page_texts

LONG_BIN = "LONGZONE-12-34-05-B"
LINES = (
    CartPickLine("A-01-01-02", "MUG", "Ceramic mug / 马克杯", 2, 1, "SO-1001", "012345678905"),
    CartPickLine(LONG_BIN, "ACME-BT-EARBUDS-BLK",
                 "Bluetooth earbuds, black, with charging case / 蓝牙耳机 黑色 带充电盒", 12, 2,
                 "113-5550123-1234567", "ACME-BT-EARBUDS-BLK"),
)
DOC = CartPickList("W-20261207-001-C1", "W-20261207-001", "LA1", "2026-12-07 11:20 UTC",
                   123.4, LINES)


def _images(pdf: bytes, paper: DocumentPaper) -> list[object]:
    if paper.is_label:
        return list(rasterise(pdf, RasterOptions(dpi=203)))
    document = pdfium.PdfDocument(pdf)
    return [document[i].render(scale=300 / 72).to_pil() for i in range(len(document))]


@pytest.mark.parametrize("paper", list(DocumentPaper))
def test_every_line_barcode_and_the_cart_code_decode(paper: DocumentPaper) -> None:
    pdf = cart_pick_list(DOC, paper=paper, dpi=203)
    found = [text for image in _images(pdf, paper) for text in decode(image)]  # type: ignore[arg-type]
    assert sorted(found) == sorted(["W-20261207-001-C1", "012345678905", "ACME-BT-EARBUDS-BLK"])


@pytest.mark.parametrize("paper", list(DocumentPaper))
def test_bin_codes_never_wrap_and_names_keep_their_chinese(paper: DocumentPaper) -> None:
    pdf = cart_pick_list(DOC, paper=paper, dpi=203)
    lines = [text.strip() for text in page_texts(pdf)[0].splitlines()]
    for code in ("A-01-01-02", LONG_BIN, "ACME-BT-EARBUDS-BLK", "113-5550123-1234567"):
        assert any(code in text for text in lines), (code, lines)
    assert "马克杯" in page_texts(pdf)[0] and "蓝牙耳机" in page_texts(pdf)[0]


def test_a_long_pick_list_runs_over_pages_with_every_line() -> None:
    many = tuple(CartPickLine(f"B-{i:02d}-01-01", "MUG", "Mug / 马克杯", 1, 1 + i % 8, f"SO-{i}",
                              "012345678905") for i in range(40))
    pdf = cart_pick_list(CartPickList("C-1", "W-1", "LA1", "now", 1.0, many),
                         paper=DocumentPaper.LABEL_4X6)
    text = "\n".join(page_texts(pdf))
    assert len(page_texts(pdf)) > 3
    assert all(f"B-{i:02d}-01-01" in text for i in range(40))
