"""`haicang labels import`: a seller's label PDF split, matched to orders, and printed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import func, select, update

from app.cli import main
from app.db.engine import Database
from app.db.models import Order, OrderLabel
from app.services.print_queue import JobStatus, list_jobs
from tests.fakes.printers import FakeTcpPrinter, parse_zpl
from tests.printers.helpers import decode
from tests.printing.conftest import TRACKING
from tests.world import place_order

USPS = "9400111899223344556677"
UNKNOWN = "1Z999AA19999999999"


def _label_text(canvas: Canvas, left: float, bottom: float, lines: list[str]) -> None:
    canvas.rect(left + 4, bottom + 4, 4 * inch - 8, 6 * inch - 8)
    y = bottom + 6 * inch - 40
    for line in lines:
        canvas.setFont("Helvetica-Bold", 13)
        canvas.drawString(left + 20, y, line)
        y -= 30


def seller_pdf() -> bytes:
    """Two 4x6 pages with tracking text, a letter page carrying a 4x6 label, and a
    4x6 page that is only a barcode (no text layer, like a scan)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(4 * inch, 6 * inch))
    _label_text(canvas, 0, 0, ["UPS GROUND", "SHIP TO: JANE DOE", f"TRACKING #: {TRACKING}"])
    canvas.showPage()
    _label_text(canvas, 0, 0, ["UPS GROUND", "SHIP TO: SOMEONE ELSE", f"TRACKING #: {UNKNOWN}"])
    canvas.showPage()
    canvas.setPageSize(LETTER)
    left, bottom = 1.5 * inch, LETTER[1] - 0.5 * inch - 6 * inch
    _label_text(canvas, left, bottom, ["USPS GROUND ADVANTAGE",
                                       "USPS TRACKING # 9400 1118 9922 3344 5566 77"])
    canvas.setFont("Helvetica", 9)
    canvas.drawString(40, 100, "Fold along the line. Do not copy this label.")
    canvas.showPage()
    canvas.setPageSize((4 * inch, 6 * inch))
    Code128("SO-2003", barWidth=0.02 * inch, barHeight=1.2 * inch).drawOn(
        canvas, 0.5 * inch, 2.5 * inch)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.fixture
def label_file(world: Database, tmp_path: Path) -> Path:
    with world.writing() as s:
        s.execute(update(Order).where(Order.number == "SO-2001").values(tracking_number=USPS))
    place_order(world, "SO-2003", {"CUP": 1})
    path = tmp_path / "seller-labels.pdf"
    path.write_bytes(seller_pdf())
    return path


def _import(capsys: pytest.CaptureFixture[str], *argv: str, code: int = 0) -> dict:
    capsys.readouterr()
    assert main(["labels", "import", *argv, "--json"]) == code
    return json.loads(capsys.readouterr().out)


def test_labels_are_matched_by_tracking_text_or_barcode(world: Database, label_file: Path,
                                                        capsys) -> None:
    report = _import(capsys, str(label_file), "--db", world.url)
    assert report["file"] == str(label_file) and report["labels"] == 4
    assert report["matched"] == [
        {"index": 0, "order_number": "SO-2002", "reference": TRACKING},
        {"index": 2, "order_number": "SO-2001", "reference": USPS},
        {"index": 3, "order_number": "SO-2003", "reference": "SO-2003"},
    ]
    (unmatched,) = report["unmatched"]
    assert unmatched["index"] == 1 and UNKNOWN in unmatched["candidates"]
    assert "jobs" not in report
    with world.reading() as s:
        assert s.scalar(select(func.count()).select_from(OrderLabel)) == 3
        assert list_jobs(s) == []  # stored with the orders, nothing printed yet


def test_import_with_a_printer_prints_the_matched_labels_once_stored(
    world: Database, label_file: Path, capsys
) -> None:
    _import(capsys, str(label_file), "--db", world.url)
    with FakeTcpPrinter() as printer:
        report = _import(capsys, str(label_file), "--printer", printer.uri,
                         "--language", "zpl", "--db", world.url)
        received = printer.wait_for_jobs(3)
    assert [job["order_number"] for job in report["jobs"]] == ["SO-2002", "SO-2001", "SO-2003"]
    assert all(job["status"] == "sent" for job in report["jobs"])
    assert decode(parse_zpl(received[2])[0]) == ["SO-2003"]
    with world.reading() as s:
        assert s.scalar(select(func.count()).select_from(OrderLabel)) == 3  # no duplicates
        jobs = list_jobs(s)
    assert {j.kind.value for j in jobs} == {"carrier_label"}
    assert all(j.status is JobStatus.SENT and j.order_id for j in jobs)


def test_a_file_that_is_not_a_label_is_a_one_line_error(world: Database, tmp_path: Path,
                                                        capsys) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("hello")
    assert main(["labels", "import", str(junk), "--db", world.url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: Cannot read label file") and err.count("\n") == 1
