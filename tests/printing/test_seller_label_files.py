"""Seller label import: ZIP archives and PNG images, tracking numbers read from barcodes
when the text layer lacks them, and the labels a clerk must look at flagged."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select, update

from app.cli import main
from app.db.engine import Database
from app.db.models import CarrierAccount, LabelPurchase, Order, OrderLabel
from app.services.print_queue import print_document
from app.services.seller_labels import (
    LabelFlag,
    carrier_label_document,
    import_label_file,
    read_flag,
)
from printers.errors import LabelFileError
from printers.importing import LabelFileKind, split_label_file
from printers.profiles import Language, PrinterProfile
from tests.fakes.printers import FakeTcpPrinter, parse_tspl
from tests.printers.helpers import decode, page_sizes
from tests.printing.conftest import TRACKING
from tests.printing.label_files import (
    draw_label,
    label_pdf,
    label_png,
    label_zpl,
    letter_pdf,
    zip_of,
)
from tests.world import ACTOR, place_order

USPS = "9400111899223344556677"
USPS_2 = "9400111899223344550011"


@pytest.fixture
def tracked(world: Database) -> Database:
    """SO-2001 waits for USPS, SO-2002 for UPS (TRACKING); SO-2003 has no number yet."""
    with world.writing() as s:
        s.execute(update(Order).where(Order.number == "SO-2001").values(tracking_number=USPS))
    place_order(world, "SO-2003", {"MUG": 1})
    return world


def _labels(db: Database) -> list[OrderLabel]:
    with db.reading() as s:
        rows = list(s.scalars(select(OrderLabel).order_by(OrderLabel.id)))
        s.expunge_all()  # loaded: readable after the session ends
        return rows


def _import(db: Database, name: str, data: bytes):
    return import_label_file(db, name, split_label_file(data, name=name), actor=ACTOR)


def test_pdf_whose_text_has_no_tracking_number_is_read_from_its_barcode(
    tracked: Database,
) -> None:
    (label,) = split_label_file(label_pdf(USPS, text_tracking=False))
    assert "JANE DOE" in label.text and USPS not in label.text  # text, but not the number
    assert label.barcodes == (USPS,) and label.tracking_number == USPS
    report = _import(tracked, "amazon.pdf", label_pdf(USPS, text_tracking=False))
    assert [(m.order_number, m.tracking_number, m.flag) for m in report.matched] == [
        ("SO-2001", USPS, None)]
    (row,) = _labels(tracked)
    assert row.tracking_number == USPS and row.flag is None


def test_png_label_is_kept_as_received_with_a_4x6_pdf_to_print(tracked: Database) -> None:
    png = label_png(USPS, dpi=300)
    report = _import(tracked, "label.png", png)
    assert [m.order_number for m in report.matched] == ["SO-2001"]
    (row,) = _labels(tracked)
    assert (row.original, row.original_format) == (png, "PNG")
    assert row.tracking_number == USPS and row.source_file == "label.png"
    assert page_sizes(row.pdf or b"") == [(288.0, 432.0)]


def test_letter_page_keeps_the_page_as_received_beside_the_cropped_label(
    tracked: Database,
) -> None:
    letter = letter_pdf(USPS)
    _import(tracked, "plain-paper.pdf", letter)
    (row,) = _labels(tracked)
    assert row.original_format == "PDF" and page_sizes(row.original or b"") == [(612.0, 792.0)]
    assert page_sizes(row.pdf or b"") == [(288.0, 432.0)]


def test_zip_of_label_files_keeps_each_files_name(tracked: Database) -> None:
    archive = zip_of({
        "batch-7/SO-2001.pdf": label_pdf(USPS),
        "batch-7/png/SO-2002.png": label_png(TRACKING),
        "README.txt": b"labels for today",
        "__MACOSX/batch-7/._SO-2001.pdf": b"\x00\x05\x16\x07",
        "inner.zip": zip_of({"SO-2003.zpl": label_zpl("1Z999AA10000000015", "SO-2003")}),
    })
    labels = split_label_file(archive, name="today.zip")
    assert [(label.member, label.kind) for label in labels] == [
        ("batch-7/SO-2001.pdf", LabelFileKind.PDF),
        ("batch-7/png/SO-2002.png", LabelFileKind.PNG),
        ("inner.zip/SO-2003.zpl", LabelFileKind.ZPL),
    ]
    assert [label.index for label in labels] == [0, 1, 2]
    report = import_label_file(tracked, "today.zip", labels, actor=ACTOR)
    assert [m.order_number for m in report.matched] == ["SO-2001", "SO-2002", "SO-2003"]
    assert [(row.source_file, row.original_format, row.tracking_number)
            for row in _labels(tracked)] == [
        ("today.zip/batch-7/SO-2001.pdf", None, USPS),
        ("today.zip/batch-7/png/SO-2002.png", "PNG", TRACKING),
        ("today.zip/inner.zip/SO-2003.zpl", None, "1Z999AA10000000015"),
    ]


@pytest.mark.parametrize(("archive", "reason"), [
    (zip_of({"notes.txt": b"no labels here"}), "holds no PDF, PNG or ZPL label"),
    (zip_of({"a.pdf": b"%PDF-1.4 broken"}), "a.pdf"),
    (b"PK\x03\x04 truncated", "not a readable ZIP file"),
])
def test_a_zip_without_usable_labels_is_one_error_and_nothing_is_stored(
    tracked: Database, archive: bytes, reason: str
) -> None:
    with pytest.raises(LabelFileError, match=reason):
        split_label_file(archive, name="bad.zip")
    assert _labels(tracked) == []


def test_a_label_naming_two_orders_is_attached_to_neither(tracked: Database) -> None:
    # The barcode names SO-2001 (its tracking number), the text SO-2002's order number.
    pdf = _label_with_text(USPS, "SO-2002")
    report = _import(tracked, "mixed.pdf", pdf)
    assert report.matched == ()
    (flag,) = report.flagged
    assert (flag.flag, flag.orders, flag.tracking_number) == (
        LabelFlag.TWO_ORDERS, ("SO-2001", "SO-2002"), USPS)
    assert _labels(tracked) == []
    assert report.to_json()["flagged"] == [{
        "index": 0, "flag": "two_orders", "order_number": None,
        "orders": ["SO-2001", "SO-2002"], "tracking_number": USPS}]


def _label_with_text(tracking: str, order: str) -> bytes:
    """A 4x6 label whose text names ``order`` (and not the tracking number)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(4 * inch, 6 * inch))
    draw_label(canvas, tracking, lines=("USPS GROUND ADVANTAGE", f"REF {order}"))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_a_tracking_number_on_two_orders_labels_is_flagged_on_both(tracked: Database) -> None:
    _import(tracked, "first.pdf", _label_with_text(USPS_2, "SO-2001"))
    report = _import(tracked, "second.pdf", _label_with_text(USPS_2, "SO-2003"))
    assert [(m.order_number, m.flag) for m in report.matched] == [
        ("SO-2003", LabelFlag.TRACKING_REUSED)]
    (flag,) = report.flagged
    assert (flag.flag, flag.order_number, flag.orders) == (
        LabelFlag.TRACKING_REUSED, "SO-2003", ("SO-2001",))
    first, second = _labels(tracked)
    assert read_flag(first.flag) == (LabelFlag.TRACKING_REUSED, ("SO-2003",))
    assert read_flag(second.flag) == (LabelFlag.TRACKING_REUSED, ("SO-2001",))


def test_cli_import_with_print_leaves_a_flagged_label_unprinted(
    tracked: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _import(tracked, "first.pdf", _label_with_text(USPS_2, "SO-2001"))
    path = tmp_path / "second.pdf"
    path.write_bytes(_label_with_text(USPS_2, "SO-2003"))
    with FakeTcpPrinter() as printer:
        assert main(["labels", "import", str(path), "--printer", printer.uri, "--language",
                     "zpl", "--db", tracked.url]) == 0
        assert printer.wait_for_jobs(1, timeout=0.5) == []  # never printed silently
    out = capsys.readouterr().out
    assert "label 1: NOT PRINTED, flagged" in out and "also on SO-2001" in out


def test_reimporting_the_same_label_for_the_same_order_is_not_a_reuse(
    tracked: Database,
) -> None:
    for _ in range(2):
        report = _import(tracked, "again.pdf", label_pdf(USPS))
        assert report.flagged == ()
    (row,) = _labels(tracked)
    assert row.flag is None


def test_a_tracking_number_bought_for_another_order_is_flagged(tracked: Database) -> None:
    with tracked.writing() as s:
        account = CarrierAccount(provider="easypost", name="EP", secret_ref="ep")
        s.add(account)
        s.flush()
        order_id = s.scalar(select(Order.id).where(Order.number == "SO-2002"))
        assert order_id is not None
        s.add(LabelPurchase(reference="HC-1", order_id=order_id, account_id=account.id,
                            status="bought", tracking_number=USPS_2, label_format="PDF",
                            label=label_pdf(USPS_2), cost=Decimal("4.00"), actor="test"))
    report = _import(tracked, "seller.pdf", _label_with_text(USPS_2, "SO-2003"))
    assert [(f.flag, f.order_number, f.orders) for f in report.flagged] == [
        (LabelFlag.TRACKING_REUSED, "SO-2003", ("SO-2002",))]


def test_cli_import_of_a_zip_shows_flags_and_prints_labels_that_decode_back(
    tracked: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "labels.zip"
    path.write_bytes(zip_of({"a/SO-2001.png": label_png(USPS),
                             "b/mixed.pdf": _label_with_text(TRACKING, "SO-2003")}))
    with FakeTcpPrinter() as printer:
        assert main(["labels", "import", str(path), "--printer", printer.uri, "--language",
                     "tspl", "--json", "--db", tracked.url]) == 0
        (received,) = printer.wait_for_jobs(1)
    report = json.loads(capsys.readouterr().out)
    assert [m["order_number"] for m in report["matched"]] == ["SO-2001"]
    assert report["flagged"] == [{"index": 1, "flag": "two_orders", "order_number": None,
                                  "orders": ["SO-2002", "SO-2003"],
                                  "tracking_number": TRACKING}]
    (image,) = parse_tspl(received).images
    assert decode(image) == [USPS]  # the printed label's barcode is the tracking number
    assert main(["labels", "import", str(path), "--db", tracked.url]) == 0
    out = capsys.readouterr().out
    assert "label 2: FLAGGED" in out and "SO-2002, SO-2003" in out


def test_stored_seller_label_prints_at_300_dpi_without_shrinking(tracked: Database) -> None:
    _import(tracked, "plain-paper.pdf", letter_pdf(USPS))
    (row,) = _labels(tracked)
    with tracked.reading() as s:
        document = carrier_label_document(s, row.id)
    with FakeTcpPrinter() as printer:
        profile = PrinterProfile("label", printer.uri, Language.TSPL, dpi=300)
        assert print_document(tracked, document, profile, actor=ACTOR,
                              station="pack-1").delivered
        (received,) = printer.wait_for_jobs(1)
    (image,) = parse_tspl(received, dpi=300).images
    assert image.size == (1200, 1800) and decode(image) == [USPS]


def test_a_label_matched_by_the_orders_tracking_number_stores_it_in_any_format(
    tracked: Database,
) -> None:
    with tracked.writing() as s:  # a DHL waybill: ten digits, too plain to trust in text
        s.execute(update(Order).where(Order.number == "SO-2003")
                  .values(tracking_number="1234567890"))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(4 * inch, 6 * inch))
    canvas.drawString(20, 300, "DHL EXPRESS WAYBILL 1234567890")
    canvas.showPage()
    canvas.save()
    report = _import(tracked, "dhl.pdf", buffer.getvalue())
    assert [(m.order_number, m.tracking_number) for m in report.matched] == [
        ("SO-2003", "1234567890")]
