"""The persistent print queue: create a job with its document, send it, record the outcome.

Flow (:func:`print_document`): one transaction stores the job and its PDF (status
``queued``); then :func:`deliver` *claims* it in a short transaction, encodes and sends
it with **no transaction open** (a printer may take seconds or hang), and a second short
transaction marks it ``sent`` or ``failed`` with the error. A failed job stays in the
queue with its PDF: retrying sends the identical bytes, reprinting copies the PDF into a
new job. Nothing is lost.

Claiming is a guarded update — ``status IN ('queued', 'failed')`` (or a ``printing``
claim older than :data:`STALE_CLAIM`, left by a crashed process) becomes ``printing``
— and only the process whose update hit the row sends. Two stations retrying one job
therefore print it once.

Which printer a kind of document goes to is :mod:`app.services.printer_settings`;
seller-supplied labels are :mod:`app.services.seller_labels`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import RowMapping, and_, or_, select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.engine import Database
from app.db.models import PrintJob
from app.domain.errors import DomainError, NotFound
from app.domain.permissions import Actor, Permission, require
from app.domain.stored_errors import error_detail, read_detail
from app.services.print_documents import Document, JobKind
from app.services.run import run_write
from printers import jobs
from printers.errors import PrinterError
from printers.profiles import Language, PrinterProfile
from printers.transports import Transport
from printers.zpl_units import CARRIER_ZPL_DPI, convert_units

STALE_CLAIM = timedelta(minutes=5)
ERROR_TEXT_LIMIT = 2000


class JobStatus(StrEnum):
    QUEUED = "queued"
    PRINTING = "printing"
    SENT = "sent"
    FAILED = "failed"


SENDABLE = (JobStatus.QUEUED.value, JobStatus.FAILED.value)


# --- errors -----------------------------------------------------------------------------


class JobNotSendable(DomainError):
    code = "job_not_sendable"
    template = "Print job {job} is {status}; only queued or failed jobs can be sent."
    field_words = tuple(JobStatus)


class ZplOnlyLabel(PrinterError):
    """A seller's raw ZPL label cannot be rasterised for another printer language."""

    code = "zpl_only_label"
    template = "Label {reference} is a ZPL file; it prints only on a ZPL printer, not {language}"


# --- DTOs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintJobInfo:
    """One row of the print queue, without its document."""

    id: int
    created_at: datetime
    actor: str
    station: str
    kind: JobKind
    reference: str
    order_id: int | None
    printer_name: str
    printer_uri: str
    language: str
    dpi: int
    copies: int
    status: JobStatus
    attempts: int
    last_error: str | None
    error_template: str | None
    error_fields: dict[str, Any]
    sent_at: datetime | None
    has_pdf: bool


@dataclass(frozen=True)
class DeliveryResult:
    """How one send attempt went; ``error`` is None when the printer took the job."""

    job: PrintJobInfo
    error: PrinterError | None = None
    bytes_sent: int = 0

    @property
    def delivered(self) -> bool:
        return self.error is None


#: Kinds printed at their own physical size, never shrunk to the media: a carrier's label
#: (bought or the seller's) must keep its barcode's bar widths to be accepted.
NATIVE_SIZE_KINDS = frozenset({JobKind.CARRIER_LABEL.value})


@dataclass(frozen=True)
class _Claim:
    job_id: int
    attempt: int
    kind: str
    reference: str
    pdf: bytes | None
    zpl: bytes | None
    copies: int
    profile: PrinterProfile


def _info(job: PrintJob) -> PrintJobInfo:
    template, fields = read_detail(job.last_error_detail)
    return PrintJobInfo(
        id=job.id,
        created_at=job.created_at,
        actor=job.actor,
        station=job.station,
        kind=JobKind(job.kind),
        reference=job.reference,
        order_id=job.order_id,
        printer_name=job.printer_name,
        printer_uri=job.printer_uri,
        language=job.language,
        dpi=job.dpi,
        copies=job.copies,
        status=JobStatus(job.status),
        attempts=job.attempts,
        last_error=job.last_error,
        error_template=template,
        error_fields=fields,
        sent_at=job.sent_at,
        has_pdf=job.pdf is not None,
    )


def _job(session: Session, job_id: int) -> PrintJob:
    job = session.get(PrintJob, job_id)
    if job is None:
        raise NotFound(kind="Print job", key=str(job_id))
    return job


def _printer_columns(profile: PrinterProfile) -> dict[str, Any]:
    return {
        "printer_name": profile.name[:100],
        "printer_uri": profile.uri[:300],
        "language": profile.language.value,
        "dpi": profile.dpi,
        "printer_profile": json.dumps(profile.to_dict(), ensure_ascii=False),
    }


# --- the queue --------------------------------------------------------------------------


def queue_document(
    session: Session, document: Document, profile: PrinterProfile, *, actor: Actor, station: str
) -> PrintJobInfo:
    """Store a job with its document, status ``queued`` (nothing is sent here)."""
    require(actor, Permission.PRINT)
    job = PrintJob(
        actor=actor.name[:64],
        station=station[:100],
        kind=document.kind.value,
        reference=document.reference[:200],
        order_id=document.order_id,
        copies=document.copies,
        status=JobStatus.QUEUED.value,
        attempts=0,
        pdf=document.pdf,
        zpl=document.zpl,
        **_printer_columns(profile),
    )
    session.add(job)
    session.flush()
    return _info(job)


def claim_job(
    session: Session, job_id: int, *, station: str, profile: PrinterProfile | None = None
) -> _Claim:
    """Take the job for sending; raise JobNotSendable when someone else has it or it is done.

    ``profile`` redirects the job to another printer (the snapshot is updated with it).
    """
    now = utcnow()
    values: dict[str, Any] = {
        "status": JobStatus.PRINTING.value,
        "attempts": PrintJob.attempts + 1,
        "claimed_at": now,
        "claimed_by": station[:100],
    }
    if profile is not None:
        values.update(_printer_columns(profile))
    claimable = or_(
        PrintJob.status.in_(SENDABLE),
        and_(PrintJob.status == JobStatus.PRINTING.value, PrintJob.claimed_at < now - STALE_CLAIM),
    )
    result = session.execute(
        update(PrintJob)
        .where(PrintJob.id == job_id, claimable)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    job = _job(session, job_id)
    if getattr(result, "rowcount", 0) != 1:
        raise JobNotSendable(job=job_id, status=job.status)
    session.refresh(job)
    return _Claim(
        job_id=job.id,
        attempt=job.attempts,
        kind=job.kind,
        reference=job.reference,
        pdf=job.pdf,
        zpl=job.zpl,
        copies=job.copies,
        profile=profile or PrinterProfile.from_dict(json.loads(job.printer_profile)),
    )


def finish_job(
    session: Session, job_id: int, attempt: int, *, error: BaseException | None
) -> PrintJobInfo:
    """Record the outcome of ``attempt``; a later claim's outcome is never overwritten."""
    job = _job(session, job_id)
    if job.status == JobStatus.PRINTING.value and job.attempts == attempt:
        job.claimed_at = None
        if error is None:
            job.status = JobStatus.SENT.value
            job.sent_at = utcnow()
            job.last_error = None
            job.last_error_detail = None
        else:
            job.status = JobStatus.FAILED.value
            job.last_error = _one_line(error)[:ERROR_TEXT_LIMIT]
            job.last_error_detail = error_detail(error)
        session.flush()
    return _info(job)


def _one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def send_claimed(claim: _Claim, transport: Transport | None = None) -> jobs.PrintResult:
    """Encode and send a claimed job (no database work: call it outside transactions)."""
    profile = claim.profile
    if claim.pdf is None:
        assert claim.zpl is not None  # the has_document check constraint
        if profile.language is not Language.ZPL:
            raise ZplOnlyLabel(reference=claim.reference, language=profile.language.value)
        zpl = claim.zpl
        if claim.kind in NATIVE_SIZE_KINDS:  # a carrier's ZPL is drawn for 203 dpi
            zpl = convert_units(zpl, label_dpi=CARRIER_ZPL_DPI, printer_dpi=profile.dpi)
        return jobs.send(zpl * claim.copies, profile, transport=transport)
    data = jobs.encode_job(claim.pdf, profile, copies=claim.copies,
                           fit=claim.kind not in NATIVE_SIZE_KINDS)
    return jobs.send(data, profile, transport=transport)


def deliver(
    db: Database,
    job_id: int,
    *,
    actor: Actor,
    station: str,
    profile: PrinterProfile | None = None,
    transport: Transport | None = None,
) -> DeliveryResult:
    """Claim, send (outside any transaction) and record one attempt at a job.

    Printer faults come back in :attr:`DeliveryResult.error` with the job marked failed;
    a job someone else holds raises :class:`JobNotSendable`. An unexpected error also
    marks the job failed before it propagates, so the job never stays claimed.
    """
    require(actor, Permission.PRINT)
    claim = run_write(db, claim_job, job_id, station=station, profile=profile)
    try:
        result = send_claimed(claim, transport)
    except PrinterError as error:
        info = run_write(db, finish_job, job_id, claim.attempt, error=error)
        return DeliveryResult(info, error)
    except Exception as error:
        run_write(db, finish_job, job_id, claim.attempt, error=error)
        raise
    info = run_write(db, finish_job, job_id, claim.attempt, error=None)
    return DeliveryResult(info, None, result.bytes_sent)


def print_document(
    db: Database,
    document: Document,
    profile: PrinterProfile,
    *,
    actor: Actor,
    station: str,
    transport: Transport | None = None,
) -> DeliveryResult:
    """Queue a document (its own transaction), then deliver it."""
    require(actor, Permission.PRINT)
    job = run_write(db, queue_document, document, profile, actor=actor, station=station)
    return deliver(db, job.id, actor=actor, station=station, transport=transport)


def print_from_data(
    db: Database,
    build: Callable[[Session, PrinterProfile], Document],
    profile: PrinterProfile,
    *,
    actor: Actor,
    station: str,
) -> DeliveryResult:
    """Lay out a document from the database (read transaction), then print it."""
    require(actor, Permission.PRINT)
    with db.reading() as session:
        document = build(session, profile)
    return print_document(db, document, profile, actor=actor, station=station)


def reprint_job(
    session: Session,
    job_id: int,
    *,
    actor: Actor,
    station: str,
    profile: PrinterProfile | None = None,
) -> PrintJobInfo:
    """A new queued job with the same archived document (so the reprint is identical)."""
    require(actor, Permission.PRINT)
    old = _job(session, job_id)
    target = profile or PrinterProfile.from_dict(json.loads(old.printer_profile))
    document = Document(
        JobKind(old.kind), old.reference, old.pdf, old.zpl, old.order_id, old.copies
    )
    return queue_document(session, document, target, actor=actor, station=station)


def list_jobs(
    session: Session, *, statuses: Sequence[JobStatus] = (), limit: int = 200
) -> list[PrintJobInfo]:
    """The queue, newest first (documents are not loaded)."""
    columns = [c for c in PrintJob.__table__.columns if c.name not in ("pdf", "zpl")]
    stmt = select(*columns, (PrintJob.pdf.is_not(None)).label("has_pdf"))
    if statuses:
        stmt = stmt.where(PrintJob.status.in_([s.value for s in statuses]))
    rows = session.execute(stmt.order_by(PrintJob.id.desc()).limit(limit)).mappings()
    return [_info_from_row(row) for row in rows]


def _info_from_row(row: RowMapping) -> PrintJobInfo:
    template, fields = read_detail(row["last_error_detail"])
    return PrintJobInfo(
        id=row["id"],
        created_at=row["created_at"],
        actor=row["actor"],
        station=row["station"],
        kind=JobKind(row["kind"]),
        reference=row["reference"],
        order_id=row["order_id"],
        printer_name=row["printer_name"],
        printer_uri=row["printer_uri"],
        language=row["language"],
        dpi=row["dpi"],
        copies=row["copies"],
        status=JobStatus(row["status"]),
        attempts=row["attempts"],
        last_error=row["last_error"],
        error_template=template,
        error_fields=fields,
        sent_at=row["sent_at"],
        has_pdf=bool(row["has_pdf"]),
    )


def job_pdf(session: Session, job_id: int) -> bytes | None:
    """The archived PDF of a job (None for a raw ZPL label)."""
    return _job(session, job_id).pdf
