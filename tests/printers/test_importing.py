"""Seller-supplied label files: split into labels, find reference candidates."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from printers import layouts
from printers.errors import LabelFileError
from printers.importing import LabelFileKind, reference_candidates, split_label_file
from printers.raster import RasterOptions, rasterise
from tests.printers.helpers import TRACKING, decode, page_sizes, shipping

USPS = "9400111899223344556677"


def _two_label_pdf() -> bytes:
    target = pdfium.PdfDocument.new()
    for tracking in (TRACKING, USPS):
        target.import_pages(pdfium.PdfDocument(layouts.shipping_label(shipping(tracking))))
    buffer = io.BytesIO()
    target.save(buffer)
    return buffer.getvalue()


def _letter_page_with_label() -> bytes:
    """Like a carrier's 'print on plain paper' page: a 4x6 label plus instructions below."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    left, bottom = 110.0, LETTER[1] - 36 - 432
    canvas.rect(left, bottom, 288, 432)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(left + 20, bottom + 380, "USPS GROUND ADVANTAGE")
    canvas.setFont("Helvetica", 11)
    canvas.drawString(left + 20, bottom + 120, "USPS TRACKING # 9400 1118 9922 3344 5566 77")
    canvas.setFont("Helvetica", 9)
    canvas.drawString(40, 120, "Instructions: fold this sheet along the line and attach.")
    canvas.drawString(40, 108, "Do not copy this label. Print date 2026-11-28.")
    canvas.save()
    return buffer.getvalue()


def test_each_4x6_page_is_a_label_with_its_tracking_number() -> None:
    labels = split_label_file(_two_label_pdf())
    assert [label.source_page for label in labels] == [0, 1]
    assert labels[0].candidates[0] == TRACKING
    assert USPS in labels[1].candidates
    assert "SO-10023" in labels[0].candidates  # the order number printed on it, too
    assert labels[0].barcodes == ()  # text layer present: no decoding needed
    assert all(page_sizes(label.pdf or b"") == [(288.0, 432.0)] for label in labels)


def test_letter_page_is_cropped_to_the_4x6_label() -> None:
    (label,) = split_label_file(_letter_page_with_label())
    ((width, height),) = page_sizes(label.pdf or b"")
    assert (round(width), round(height)) == (288, 432)
    assert USPS in label.candidates  # spaced digit groups joined up
    assert "Instructions" not in label.text


def test_pdf_without_text_layer_is_read_from_its_barcode(tmp_path: Path) -> None:
    image = rasterise(layouts.shipping_label(shipping()), RasterOptions())[0]
    path = tmp_path / "scan.pdf"
    image.save(path, "PDF", resolution=203.0)
    (label,) = split_label_file(path)
    assert label.text == ""
    assert label.barcodes == (TRACKING,)
    assert label.candidates[0] == TRACKING
    assert decode(rasterise(label.pdf or b"", RasterOptions())[0]) == [TRACKING]


def test_png_label_becomes_a_printable_pdf() -> None:
    image = rasterise(layouts.shipping_label(shipping(USPS)), RasterOptions())[0]
    buffer = io.BytesIO()
    image.save(buffer, "PNG", dpi=(203, 203))
    (label,) = split_label_file(buffer.getvalue())
    assert label.kind is LabelFileKind.PNG
    assert label.candidates[0] == USPS
    assert page_sizes(label.pdf or b"") == [(288.0, 432.0)]


def test_zpl_file_splits_per_format_and_reads_field_data() -> None:
    zpl = (
        b"^XA^FO50,50^A0N,30,30^FDShip to: Jane^FS"
        b"^FO50,400^BCN,100,Y,N,N^FD>;1Z999AA10123456784^FS^XZ\r\n"
        b"^XA^FO50,50^FDOrder SO-777^FS^FO50,400^BCN,100^FD9400111899223344556677^FS^XZ"
    )
    first, second = split_label_file(zpl, "zpl")
    assert first.zpl is not None and first.zpl.startswith(b"^XA") and first.pdf is None
    assert first.barcodes == (TRACKING,)
    assert first.candidates[0] == TRACKING
    assert second.candidates[:2] == (USPS, "SO-777")


def test_impb_barcode_yields_the_tracking_number() -> None:
    candidates = reference_candidates("", ["42090001" + USPS])
    assert candidates == ("42090001" + USPS, USPS)


@pytest.mark.parametrize("data", [b"hello world", b"%PDF-1.4 broken", b"\x89PNG\r\n\x1a\nxx"])
def test_unreadable_files_are_label_file_errors(data: bytes) -> None:
    with pytest.raises(LabelFileError):
        split_label_file(data)


def test_missing_file_is_a_label_file_error(tmp_path: Path) -> None:
    with pytest.raises(LabelFileError, match=r"missing\.pdf"):
        split_label_file(tmp_path / "missing.pdf")


def test_tracking_number_comes_from_a_barcode_or_an_unmistakable_text_format() -> None:
    from printers.importing import tracking_number_in

    phone_and_order = reference_candidates("CALL 5551234567 ORDER SO-10023")
    assert tracking_number_in(phone_and_order) is None  # a phone number is no waybill
    assert tracking_number_in(reference_candidates("TRACKING 1Z999AA10123456784")) == TRACKING
    dhl = ("1234567890",)
    assert tracking_number_in(reference_candidates("", dhl), dhl) == "1234567890"
    impb = ("42090001" + USPS,)
    assert tracking_number_in(reference_candidates("", impb), impb) == USPS
