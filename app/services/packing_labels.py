"""Which label each parcel of a packed order carries, and the documents to print.

Per parcel, in order: the seller's own carrier label (imported with ``haicang labels
import``; label *n* goes on parcel *n*), else a label bought from a carrier
(:func:`purchased_carrier_label`: bought through the client's carrier account, right
after packing), else the warehouse's own 4x6 label (order number barcoded, the parcel's
real weight printed, "1/2" on multi-parcel orders).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import LabelPurchase, Order, OrderLabel, Parcel
from app.services.carrier_label_print import purchased_label_document
from app.services.label_quotes import order_buys_labels
from app.services.print_documents import Document, JobKind, shipping_label_fields
from app.services.seller_labels import carrier_label_document, refuse_flagged
from printers import layouts
from printers.profiles import PrinterProfile


class LabelSource(StrEnum):
    SELLER = "seller"
    CARRIER = "carrier"
    WAREHOUSE = "warehouse"


@dataclass(frozen=True)
class LabelChoice:
    """The label one parcel carries: where it comes from and what its barcode says."""

    parcel_id: int
    seq: int
    source: LabelSource
    tracking_number: str | None
    #: The seller's stored label (``order_labels.id``) when ``source`` is SELLER.
    seller_label_id: int | None = None
    #: The bought label (``label_purchases.id``) when ``source`` is CARRIER.
    purchase_id: int | None = None
    #: A carrier label still to buy after packing commits: nothing to print yet.
    pending: bool = False


def purchased_carrier_label(session: Session, parcel: Parcel) -> LabelChoice | None:
    """The carrier label bought for this parcel; or, when the warehouse buys this order's
    labels (:func:`app.services.label_quotes.order_buys_labels`) and none is bought yet, a
    *pending* choice: the label is bought once the pack is committed
    (:mod:`app.services.pack_labels`), never inside the pack's transaction.

    A label typed in by hand (manual account) has no file: the warehouse's own label
    carries its tracking number.
    """
    bought = session.scalar(select(LabelPurchase).where(
        LabelPurchase.parcel_id == parcel.id, LabelPurchase.status == "bought")
        .order_by(LabelPurchase.id.desc()).limit(1))
    if bought is not None:
        return LabelChoice(parcel.id, parcel.seq, LabelSource.CARRIER, bought.tracking_number,
                           purchase_id=bought.id if bought.label is not None else None)
    order = session.get(Order, parcel.order_id)
    if order is not None and order_buys_labels(session, order):
        return LabelChoice(parcel.id, parcel.seq, LabelSource.CARRIER, None, pending=True)
    return None


def choose_labels(session: Session, order: Order, parcels: list[Parcel]) -> list[LabelChoice]:
    """One :class:`LabelChoice` per parcel (ordered by ``seq``).

    A flagged seller label (its tracking number is also another order's) is refused with
    :class:`~app.domain.label_errors.LabelFlagged`: packing or reprinting stops until a
    clerk accepts or discards it. A seller label's tracking number is the one read on it
    at import; labels imported before that was stored fall back to their reference.
    """
    seller = list(session.execute(
        select(OrderLabel.id, OrderLabel.reference, OrderLabel.tracking_number,
               OrderLabel.flag)
        .where(OrderLabel.order_id == order.id).order_by(OrderLabel.id)
    ))
    choices: list[LabelChoice] = []
    for index, parcel in enumerate(sorted(parcels, key=lambda p: p.seq)):
        if index < len(seller):
            label_id, reference, stored, flag = seller[index]
            refuse_flagged(label_id, flag, order.number, stored)
            tracking = stored or (
                reference if reference != order.number else order.tracking_number)
            choices.append(LabelChoice(parcel.id, parcel.seq, LabelSource.SELLER, tracking,
                                       label_id))
            continue
        bought = purchased_carrier_label(session, parcel)
        if bought is not None:
            choices.append(bought)
            continue
        tracking = order.tracking_number if len(parcels) == 1 else None
        choices.append(LabelChoice(parcel.id, parcel.seq, LabelSource.WAREHOUSE, tracking))
    return choices


def label_document(session: Session, order: Order, parcel: Parcel, parcels: int,
                   choice: LabelChoice, profile: PrinterProfile) -> Document:
    """The printable label of one parcel."""
    if choice.source is LabelSource.SELLER and choice.seller_label_id is not None:
        return carrier_label_document(session, choice.seller_label_id)
    if choice.source is LabelSource.CARRIER and choice.purchase_id is not None:
        return purchased_label_document(session, choice.purchase_id)
    fields = replace(
        shipping_label_fields(session, order.id),
        weight_g=parcel.weight_g or 0,
        tracking_number=choice.tracking_number or "",
        parcel=f"{parcel.seq}/{parcels}" if parcels > 1 else "",
    )
    pdf = layouts.shipping_label(fields, dpi=profile.dpi)
    reference = order.number if parcels == 1 else f"{order.number} {parcel.seq}/{parcels}"
    return Document(JobKind.SHIPPING_LABEL, reference, pdf, order_id=order.id)
