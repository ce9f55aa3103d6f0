"""Carrier labels as print documents, at the printer's own size and dpi.

A carrier's label (bought through a provider, ``label_purchases.label`` in the format it
was bought in) prints as the carrier made it: a ZPL label goes to a ZPL printer byte for
byte; a PDF or PNG label becomes a PDF of 4x6 pages (a letter page cropped to its label,
an image placed at its own resolution) that the print queue rasterises at the printer's
dpi at 1:1 (``print_queue.NATIVE_SIZE_KINDS``), never shrunk to fit. The stored label
stays as received; only the document is derived from it.

The pack station's hook for bought labels (``packing_labels``) calls
:func:`purchased_label_document`; whoever buys asks :func:`label_format_for` which
format suits the printer, since a ZPL label cannot print on a TSPL or ESC/POS printer
(:func:`require_printable` says so before anything is queued).
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import LabelPurchase, Order
from app.domain.errors import NotFound
from app.services.print_documents import Document, JobKind
from app.services.print_queue import ZplOnlyLabel
from printers.importing import label_pdf
from printers.profiles import Language, PrinterProfile


class LabelFormat(StrEnum):
    """How a carrier delivered a label (``label_purchases.label_format``)."""

    PDF = "PDF"
    ZPL = "ZPL"
    PNG = "PNG"


def label_format_for(profile: PrinterProfile) -> LabelFormat:
    """The format to buy for this printer: raw ZPL for a ZPL printer (sharpest, smallest),
    else PDF, which every printer language prints through the raster path."""
    return LabelFormat.ZPL if profile.language is Language.ZPL else LabelFormat.PDF


def label_document(data: bytes, label_format: str, *, reference: str,
                   order_id: int | None = None) -> Document:
    """A carrier label's bytes as a :class:`Document` of kind ``carrier_label``.

    Raises ``printers.errors.LabelFileError`` when the bytes are not a readable label
    (and ValueError for a format other than PDF, ZPL or PNG: the buyer asked for it).
    """
    kind = LabelFormat(label_format.strip().upper())
    if kind is LabelFormat.ZPL:
        return Document(JobKind.CARRIER_LABEL, reference, None, zpl=data, order_id=order_id)
    return Document(JobKind.CARRIER_LABEL, reference, label_pdf(data, kind.value.lower()),
                    order_id=order_id)


def purchased_label_document(session: Session, purchase_id: int) -> Document:
    """The printable document of a bought label (``label_purchases.id``)."""
    purchase = session.get(LabelPurchase, purchase_id)
    if purchase is None or purchase.label is None or purchase.label_format is None:
        raise NotFound(kind="Label", key=str(purchase_id))
    number = session.scalar(select(Order.number).where(Order.id == purchase.order_id)) or ""
    return label_document(purchase.label, purchase.label_format, reference=number,
                          order_id=purchase.order_id)


def require_printable(document: Document, profile: PrinterProfile) -> None:
    """Refuse, before queueing, a raw ZPL label for a printer that does not speak ZPL."""
    if document.pdf is None and profile.language is not Language.ZPL:
        raise ZplOnlyLabel(reference=document.reference, language=profile.language.value)
