"""Print jobs: PDF -> printer bytes (:func:`encode_job`) -> printer (:func:`send`).

Encoding and sending are separate so a caller with a persistent queue can store the PDF,
encode once, and retry :func:`send` with identical bytes after a fault. Encoding is
deterministic: the same PDF and profile always give the same bytes.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass, replace

import pypdfium2 as pdfium
from PIL import Image

from printers.encoders import encode_escpos, encode_tspl, encode_zpl
from printers.profiles import Language, PrinterProfile
from printers.raster import PDFIUM_LOCK, open_pdf, rasterise
from printers.status import EscposStatus, query_status, raise_for_status
from printers.transports import Transport, transport_for_uri


@dataclass(frozen=True)
class PrintResult:
    """What was delivered, for the queue's history and the status bar."""

    printer: str
    uri: str
    language: Language
    bytes_sent: int
    seconds: float
    status: EscposStatus | None = None


def render_bitmaps(pdf: bytes, profile: PrinterProfile, *, fit: bool = True) -> list[Image.Image]:
    """The PDF's pages as 1-bit images on the profile's media (for previews, too).

    ``fit=False``: pages keep their physical size at the printer's dpi (carrier labels).
    """
    return rasterise(pdf, replace(profile.raster_options(), fit=fit))


def encode_job(pdf: bytes, profile: PrinterProfile, *, copies: int = 1, fit: bool = True) -> bytes:
    """The exact bytes the printer receives for this PDF (every page = one label)."""
    if profile.language is Language.PDF:
        return _repeat_pdf(pdf, copies)
    images = render_bitmaps(pdf, profile, fit=fit)
    options = profile.options
    if profile.language is Language.ESCPOS:
        return encode_escpos(
            images, fragment_height=options.fragment_height, cut=options.cut, copies=copies
        )
    if profile.language is Language.TSPL:
        return encode_tspl(
            images,
            width_mm=profile.media_width_mm,
            height_mm=profile.media_height_mm,
            gap_mm=options.gap_mm,
            darkness=options.darkness,
            zero_is_black=options.zero_is_black,
            copies=copies,
        )
    return encode_zpl(images, darkness=options.darkness, copies=copies)


def send(job: bytes, profile: PrinterProfile, *, transport: Transport | None = None) -> PrintResult:
    """Deliver already-encoded bytes to the profile's printer.

    ESC/POS printers that can answer are asked for paper/cover status first (unless the
    profile turns it off). Raises a :class:`printers.errors.PrinterError` subclass on
    any fault; nothing is retried here - that is the queue's decision.
    """
    started = time.perf_counter()
    connection = transport or transport_for_uri(
        profile.uri, timeout=profile.options.timeout_s, raw=profile.language is not Language.PDF
    )
    status: EscposStatus | None = None
    with connection:
        if profile.language is Language.ESCPOS and profile.options.status_query:
            status = query_status(connection, timeout=min(1.0, profile.options.timeout_s))
            raise_for_status(status, connection.target)
        connection.write(job)
    return PrintResult(
        printer=profile.name,
        uri=profile.uri,
        language=profile.language,
        bytes_sent=len(job),
        seconds=time.perf_counter() - started,
        status=status,
    )


def print_pdf(
    pdf: bytes, profile: PrinterProfile, *, copies: int = 1, transport: Transport | None = None
) -> PrintResult:
    """Rasterise, encode and send in one call."""
    return send(encode_job(pdf, profile, copies=copies), profile, transport=transport)


def _repeat_pdf(pdf: bytes, copies: int) -> bytes:
    """PDF passthrough: the document itself, its pages repeated for extra copies."""
    with PDFIUM_LOCK:
        source = open_pdf(pdf)  # validates even a single copy
        if copies <= 1:
            source.close()
            return pdf
        target = pdfium.PdfDocument.new()
        for _ in range(copies):
            target.import_pages(source)
        buffer = io.BytesIO()
        target.save(buffer)
        return buffer.getvalue()
