"""Carrier labels printed at the printer's own size and dpi: letter pages cropped (not
shrunk), images at 1:1, ZPL untouched on ZPL printers and refused elsewhere; what reaches
the (fake, TCP) printer is decoded back to the tracking number."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageOps
from sqlalchemy import select

from app.db.engine import Database
from app.db.models import CarrierAccount, LabelPurchase, Order, Parcel
from app.services.carrier_label_print import (
    LabelFormat,
    label_document,
    label_format_for,
    purchased_label_document,
    require_printable,
)
from app.services.packing_labels import LabelChoice, LabelSource
from app.services.packing_labels import label_document as parcel_label_document
from app.services.print_queue import JobStatus, ZplOnlyLabel, print_document
from printers.profiles import Language, PrinterProfile, PrintOptions
from tests.fakes.printers import FakeTcpPrinter, parse_tspl
from tests.printers.helpers import page_sizes
from tests.printing.conftest import PARSERS
from tests.printing.label_files import label_png, label_zpl, letter_pdf
from tests.world import ACTOR

USPS = "9400111899223344556677"
SIZES = {203: (812, 1218), 300: (1200, 1800)}


@pytest.fixture(scope="module")
def printer() -> Iterator[FakeTcpPrinter]:
    with FakeTcpPrinter() as fake:
        yield fake


def _print(db: Database, printer: FakeTcpPrinter, document, language: str,
           dpi: int = 203) -> bytes:
    """Print through the queue to the fake printer; the bytes it received."""
    before = len(printer.wait_for_jobs(0))
    profile = PrinterProfile("label", printer.uri, Language(language), dpi=dpi,
                             options=PrintOptions(status_query=False))
    result = print_document(db, document, profile, actor=ACTOR, station="pack-1")
    assert result.delivered, result.error
    return printer.wait_for_jobs(before + 1)[before]


def _pages(language: str, received: bytes, dpi: int = 203) -> list[Image.Image]:
    """What the printer printed (a TSPL printer's page is as big as its head's dpi makes it)."""
    if language == "tspl":
        return parse_tspl(received, dpi=dpi).images
    return PARSERS[language](received)


def _decoded(image: Image.Image) -> list[tuple[str, int]]:
    import zxingcpp

    return [(r.text, r.orientation) for r in zxingcpp.read_barcodes(image.convert("L"))]


def _ink_width(image: Image.Image) -> int:
    """Width of the printed area (the label's frame) in dots."""
    box = ImageOps.invert(image.convert("L")).getbbox()
    assert box is not None
    return box[2] - box[0]


@pytest.mark.parametrize(("language", "dpi"), [("tspl", 203), ("zpl", 300), ("escpos", 203),
                                               ("tspl", 300)])
@pytest.mark.parametrize("corner", ["top-left", "bottom-right"])
def test_letter_page_label_is_cropped_to_4x6_at_the_printers_dpi(
    db: Database, printer: FakeTcpPrinter, language: str, dpi: int, corner: str
) -> None:
    document = label_document(letter_pdf(USPS, corner=corner), "PDF", reference="SO-1")
    assert page_sizes(document.pdf or b"") == [(288.0, 432.0)]
    (image,) = _pages(language, _print(db, printer, document, language, dpi), dpi)
    width, height = SIZES[dpi]
    assert image.width >= width and image.height == height
    assert _ink_width(image) >= 0.96 * width  # the 4-inch frame spans the media: not shrunk
    assert _decoded(image) == [(USPS, 0)]


def test_a_label_lying_sideways_on_the_letter_page_is_turned_back_upright(
    db: Database, printer: FakeTcpPrinter
) -> None:
    document = label_document(letter_pdf(USPS, sideways=True), "PDF", reference="SO-1")
    assert page_sizes(document.pdf or b"") in ([(288.0, 432.0)], [(432.0, 288.0)])
    (image,) = PARSERS["zpl"](_print(db, printer, document, "zpl", 203))
    assert image.size == (816, 1218) or image.size == (812, 1218)
    assert _decoded(image) == [(USPS, 0)]  # reads left to right: upright


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("sideways", [False, True])
def test_png_label_prints_at_one_to_one(db: Database, printer: FakeTcpPrinter, dpi: int,
                                        sideways: bool) -> None:
    document = label_document(label_png(USPS, dpi=300, sideways=sideways), "png",
                              reference="SO-1")
    assert page_sizes(document.pdf or b"") == [(288.0, 432.0)]
    (image,) = _pages("tspl", _print(db, printer, document, "tspl", dpi), dpi)
    assert image.height == SIZES[dpi][1]
    assert _ink_width(image) >= 0.96 * SIZES[dpi][0]
    assert _decoded(image) == [(USPS, 0)]


def test_zpl_label_reaches_a_zpl_printer_byte_for_byte(db: Database,
                                                       printer: FakeTcpPrinter) -> None:
    zpl = label_zpl(USPS, "SO-1")
    document = label_document(zpl, "ZPL", reference="SO-1")
    assert document.pdf is None
    assert _print(db, printer, document, "zpl", 203) == zpl  # nothing rasterised on the way


def test_zpl_label_on_a_300_dpi_zpl_printer_is_converted_from_203_dpi(
        db: Database, printer: FakeTcpPrinter) -> None:
    """Sent raw, a 203-dpi label prints at two thirds of 4x6 on a 300-dpi head: the job
    carries ^MUd,200,300 after ^XA, and the stored label keeps its bytes."""
    zpl = label_zpl(USPS, "SO-1")
    document = label_document(zpl, "ZPL", reference="SO-1")
    assert _print(db, printer, document, "zpl", 300) == zpl.replace(
        b"^XA", b"^XA^MUd,200,300")
    assert document.zpl == zpl


@pytest.mark.parametrize("language", ["tspl", "escpos"])
def test_zpl_label_on_another_printer_language_is_refused_plainly(
    db: Database, printer: FakeTcpPrinter, language: str
) -> None:
    document = label_document(label_zpl(USPS), "ZPL", reference="SO-1")
    profile = PrinterProfile("label", printer.uri, Language(language))
    with pytest.raises(ZplOnlyLabel, match=f"prints only on a ZPL printer, not {language}"):
        require_printable(document, profile)
    before = len(printer.wait_for_jobs(0))
    result = print_document(db, document, profile, actor=ACTOR, station="pack-1")
    assert result.error is not None and result.error.code == "zpl_only_label"
    assert result.job.status is JobStatus.FAILED
    assert len(printer.wait_for_jobs(0)) == before  # nothing sent


def test_the_format_to_buy_follows_the_printer() -> None:
    assert label_format_for(PrinterProfile("z", "tcp://z", Language.ZPL)) is LabelFormat.ZPL
    for language in (Language.TSPL, Language.ESCPOS, Language.PDF):
        assert label_format_for(PrinterProfile("p", "tcp://p", language)) is LabelFormat.PDF


def test_unreadable_label_bytes_are_a_label_file_error() -> None:
    from printers.errors import LabelFileError

    with pytest.raises(LabelFileError):
        label_document(b"%PDF-1.4 broken", "PDF", reference="SO-1")


def _bought(db: Database, label: bytes, label_format: str, tracking: str,
            account: str = "EP") -> tuple[int, int]:
    """A bought label for SO-2001 as the purchase service stores it: (purchase, order) ids."""
    with db.writing() as s:
        account_row = CarrierAccount(provider="easypost", name=account, secret_ref=account)
        s.add(account_row)
        s.flush()
        order_id = s.scalar(select(Order.id).where(Order.number == "SO-2001"))
        assert order_id is not None
        purchase = LabelPurchase(
            reference=f"HC-SO-2001-{account}", order_id=order_id, account_id=account_row.id,
            status="bought", carrier="USPS", service="GroundAdvantage", cost=Decimal("5.10"),
            tracking_number=tracking, label_format=label_format, label=label, actor="test")
        s.add(purchase)
        s.flush()
        return purchase.id, order_id


@pytest.mark.parametrize("language", ["tspl", "zpl", "escpos", "pdf"])
def test_bought_label_printed_at_pack_decodes_back_to_its_tracking_number(
    world: Database, printer: FakeTcpPrinter, language: str
) -> None:
    letter = letter_pdf(USPS)
    purchase_id, order_id = _bought(world, letter, "PDF", USPS)
    profile = PrinterProfile("label", printer.uri, Language(language))
    with world.reading() as s:
        order = s.get(Order, order_id)
        assert order is not None
        choice = LabelChoice(0, 1, LabelSource.CARRIER, USPS, purchase_id=purchase_id)
        document = parcel_label_document(s, order, Parcel(order_id=order_id, seq=1), 1,
                                         choice, profile)
        direct = purchased_label_document(s, purchase_id)
    assert (document.kind.value, document.reference, document.order_id) == (
        "carrier_label", "SO-2001", order_id) == (direct.kind.value, direct.reference,
                                                   direct.order_id)
    received = _print(world, printer, document, language)
    if language == "pdf":  # the PDF itself went to the printer: render it as the printer would
        page = pdfium.PdfDocument(received)[0]
        image = page.render(scale=203 / 72).to_pil()
        assert page.get_size() == (288.0, 432.0)
    else:
        (image,) = PARSERS[language](received)
    assert [text for text, _ in _decoded(image)] == [USPS]
    with world.reading() as s:  # the label stays as the carrier sent it
        stored = s.get(LabelPurchase, purchase_id)
        assert stored is not None and stored.label == letter


def test_bought_zpl_label_goes_raw_and_png_label_as_an_image(
    world: Database, printer: FakeTcpPrinter
) -> None:
    zpl = label_zpl(USPS)
    purchase_id, _ = _bought(world, zpl, "ZPL", USPS)
    with world.reading() as s:
        document = purchased_label_document(s, purchase_id)
    assert _print(world, printer, document, "zpl") == zpl
    purchase_id, _ = _bought(world, label_png(USPS), "PNG", "9400111899223344550000",
                             account="EP 2")
    with world.reading() as s:
        document = purchased_label_document(s, purchase_id)
    (image,) = _pages("tspl", _print(world, printer, document, "tspl", 300), 300)
    assert image.height == 1800 and [text for text, _ in _decoded(image)] == [USPS]
