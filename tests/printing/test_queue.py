"""The print queue: faults keep the job, retries send the archived bytes, claims are exclusive."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest
from sqlalchemy import update

from app.db.base import utcnow
from app.db.engine import Database
from app.db.models import PrintJob
from app.domain.errors import NotFound
from app.domain.permissions import Actor
from app.services.print_documents import Document, JobKind, test_page_document
from app.services.print_queue import (
    JobNotSendable,
    JobStatus,
    ZplOnlyLabel,
    claim_job,
    deliver,
    job_pdf,
    list_jobs,
    print_document,
    queue_document,
    reprint_job,
)
from app.services.printer_settings import PrinterNotConfigured, PrinterSettings, Role
from app.services.run import run_write
from printers import jobs
from printers.errors import ConnectionDropped, InvalidProfile, PrinterTimeout
from printers.profiles import Language, PrinterProfile, PrintOptions
from printers.transports import TcpTransport
from tests.fakes.printers import FakeTcpPrinter

T = Actor.system("t")


def _profile(uri: str, language: Language = Language.ZPL, timeout: float = 0.5
             ) -> PrinterProfile:
    return PrinterProfile("pack-1", uri, language, options=PrintOptions(timeout_s=timeout))


def _big_document() -> Document:
    """Many pages: more bytes than any socket buffer, so faults hit mid-job."""
    one = test_page_document(_profile("dummy://"))
    return Document(JobKind.TEST_PAGE, "big", one.pdf, copies=1)


def _queue(db: Database, document: Document, uri: str = "dummy://") -> int:
    return run_write(db, queue_document, document, _profile(uri), actor=T, station="S1").id


def test_printer_closing_mid_job_leaves_a_failed_job_that_prints_on_retry(db: Database) -> None:
    document = test_page_document(_profile("dummy://", Language.ESCPOS))
    profile = _profile("tcp://127.0.0.1:9", Language.ESCPOS).with_options(status_query=False)
    with FakeTcpPrinter("close_after", close_after=500) as flaky:
        profile = PrinterProfile(profile.name, flaky.uri, profile.language,
                                 options=profile.options)
        transport = TcpTransport("127.0.0.1", flaky.port, timeout=0.5, send_buffer_bytes=4096)
        result = print_document(db, document, profile, actor=T, station="S1",
                                transport=transport)
    assert isinstance(result.error, ConnectionDropped)
    assert (result.job.status, result.job.attempts) == (JobStatus.FAILED, 1)
    assert "closed the connection" in (result.job.last_error or "")
    with FakeTcpPrinter() as healthy:
        retried = deliver(db, result.job.id, actor=T, station="S1",
                          profile=PrinterProfile("pack-1", healthy.uri, Language.ESCPOS,
                                                 options=profile.options))
        (received,) = healthy.wait_for_jobs(1)
    assert retried.delivered and retried.job.status is JobStatus.SENT
    assert received == jobs.encode_job(document.pdf or b"", profile)


def test_printer_that_stops_reading_times_out_and_the_job_survives(db: Database) -> None:
    profile = _profile("dummy://", Language.ESCPOS).with_options(status_query=False)
    document = test_page_document(profile)
    job_id = _queue(db, Document(JobKind.TEST_PAGE, "stall", document.pdf, copies=20))
    with FakeTcpPrinter("stall") as stalled:
        transport = TcpTransport("127.0.0.1", stalled.port, timeout=0.3, drain_timeout=0.1,
                                 send_buffer_bytes=4096)
        result = deliver(db, job_id, actor=T, station="S1", profile=profile, transport=transport)
    assert isinstance(result.error, PrinterTimeout)
    assert result.job.status is JobStatus.FAILED
    assert result.job.error_template == PrinterTimeout.template
    with db.reading() as s:
        assert job_pdf(s, job_id) == document.pdf
    with FakeTcpPrinter() as healthy:
        target = PrinterProfile("pack-1", healthy.uri, Language.ESCPOS, options=profile.options)
        assert deliver(db, job_id, actor=T, station="S1", profile=target).delivered
        (received,) = healthy.wait_for_jobs(1)
    assert received == jobs.encode_job(document.pdf or b"", target, copies=20)


def test_a_claimed_or_sent_job_cannot_be_claimed_again(db: Database) -> None:
    job_id = _queue(db, test_page_document(_profile("dummy://")))
    run_write(db, claim_job, job_id, station="S1")
    with pytest.raises(JobNotSendable, match="is printing"):
        run_write(db, claim_job, job_id, station="S2")
    # A claim left by a crashed process expires.
    with db.writing() as s:
        s.execute(update(PrintJob).values(claimed_at=utcnow() - timedelta(minutes=10)))
    assert deliver(db, job_id, actor=T, station="S2").delivered
    with pytest.raises(JobNotSendable, match="is sent"):
        deliver(db, job_id, actor=T, station="S1")
    with pytest.raises(NotFound):
        deliver(db, 12345, actor=T, station="S1")


def test_reprint_is_a_new_job_with_the_same_document(db: Database) -> None:
    document = test_page_document(_profile("dummy://"))
    first = print_document(db, document, _profile("dummy://"), actor=T, station="S1")
    again = run_write(db, reprint_job, first.job.id, actor=Actor.system("u"), station="S2")
    assert again.id != first.job.id and again.status is JobStatus.QUEUED
    with db.reading() as s:
        assert job_pdf(s, again.id) == job_pdf(s, first.job.id) == document.pdf
        assert [j.id for j in list_jobs(s)] == [again.id, first.job.id]  # newest first
        assert [j.id for j in list_jobs(s, statuses=[JobStatus.SENT])] == [first.job.id]


def test_a_zpl_label_prints_only_on_zpl_printers(db: Database) -> None:
    raw = b"^XA^FO50,50^BCN,100^FD1Z999AA10123456784^FS^XZ"
    document = Document(JobKind.CARRIER_LABEL, "SO-1", None, raw)
    result = print_document(db, document, _profile("dummy://", Language.TSPL),
                            actor=T, station="S1")
    assert isinstance(result.error, ZplOnlyLabel) and result.job.status is JobStatus.FAILED
    with FakeTcpPrinter() as printer:
        assert deliver(db, result.job.id, actor=T, station="S1",
                       profile=_profile(printer.uri)).delivered
        assert printer.wait_for_jobs(1) == [raw]


def test_two_processes_retrying_one_failed_job_send_it_once(world: Database) -> None:
    document = test_page_document(_profile("dummy://"))
    failed = print_document(world, document, _profile("tcp://127.0.0.1:9"), actor=T,
                            station="S1")
    assert failed.job.status is JobStatus.FAILED
    with FakeTcpPrinter() as printer:
        command = [sys.executable, "-m", "app", "print", "queue", "--retry",
                   str(failed.job.id), "--printer", printer.uri, "--language", "zpl",
                   "--db", world.url]
        runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True) for _ in range(2)]
        outcomes = [(run.wait(60), run.stderr.read() if run.stderr else "") for run in runs]
        printer.wait_for_jobs(2, timeout=1.0)  # give a second job every chance to arrive
        assert len(printer.jobs) == 1
    codes = sorted(code for code, _ in outcomes)
    assert codes == [0, 1]
    loser = next(err for code, err in outcomes if code == 1)
    assert loser.startswith("error: Print job") and loser.count("\n") == 1
    with world.reading() as s:
        (job,) = list_jobs(s)
    assert (job.status, job.attempts) == (JobStatus.SENT, 2)


def test_printer_settings_roles_and_fallbacks() -> None:
    label = PrinterProfile("Label", "tcp://10.0.0.5:9100", Language.TSPL)
    office = PrinterProfile("Office", "cups://laser", Language.PDF)
    settings = PrinterSettings.from_station({
        "profiles": {"Label": label.to_dict(), "Office": office.to_dict()},
        "label": "Label", "document": "Office", "sku": "Gone",
    })
    assert settings.for_kind(JobKind.PACKING_SLIP) == office
    assert settings.for_kind(JobKind.SKU_LABELS) == label  # falls back to the label printer
    assert PrinterSettings.from_station(settings.to_station()) == settings
    assert PrinterSettings.from_station({"profiles": {"Office": office.to_dict()}}).for_role(
        Role.LABEL) == office
    with pytest.raises(PrinterNotConfigured):
        PrinterSettings.from_station({}).for_role(Role.DOCUMENT)
    with pytest.raises(InvalidProfile):
        PrinterSettings.from_station({"profiles": {"Bad": {"uri": "x", "language": "zpl"}}})
