"""A cart's paper pick list: :func:`app.services.picking.pick_list` laid out by
:mod:`printers.layouts.picking`, as PDF bytes or as a document for the print queue."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.services.picking import pick_list
from app.services.print_documents import Document, JobKind, paper_for
from printers.layouts.media import DocumentPaper
from printers.layouts.picking import CartPickLine, CartPickList, cart_pick_list
from printers.profiles import PrinterProfile


def cart_pick_list_pdf(session: Session, cart_code: str, *,
                       paper: DocumentPaper = DocumentPaper.LETTER, dpi: int = 203) -> bytes:
    """The open picks of the cart in route order; names in English and Chinese."""
    data = pick_list(session, cart_code)
    document = CartPickList(
        cart=data.cart, wave=data.wave, warehouse=data.warehouse, created=data.created,
        distance_m=data.distance_m, label_first=data.label_first,
        lines=tuple(
            CartPickLine(bin_code=ln.bin_code, sku=ln.sku,
                         name=f"{ln.name_en} / {ln.name_zh}" if ln.name_zh else ln.name_en,
                         quantity=ln.quantity, slot=ln.slot, order_number=ln.order_number,
                         barcode=ln.barcode)
            for ln in data.lines
        ),
    )
    return cart_pick_list(document, paper=paper, dpi=dpi)


def cart_pick_list_document(session: Session, cart_code: str,
                            profile: PrinterProfile) -> Document:
    """The pick list laid out for the printer's media (letter, A4 or a 4x6 label)."""
    pdf = cart_pick_list_pdf(session, cart_code, paper=paper_for(profile), dpi=profile.dpi)
    return Document(JobKind.PICK_LIST, cart_code.strip().upper(), pdf)
