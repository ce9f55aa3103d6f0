"""Carrier labels at pack completion: bought after the pack commits, then printed.

Packing is one transaction that must not wait on HTTP, so :func:`complete_packing`
only marks the parcels whose label the warehouse buys (``PackResult.labels_to_buy``).
Then, from a worker (never the GUI thread), :func:`label_packed_order`:

1. takes a label bought at wave release (label-first, on the expected weight) onto
   parcel 1 and re-quotes it with the packed weight and box: when the same service now
   costs something else (another price band), it buys again and voids the first label
   — both recorded (the void's answer, or its failure, stays listed to void);
2. buys a label for every other waiting parcel (:func:`app.services.label_purchase.buy_labels`:
   once, whatever fails);
3. queues the labels on the station's label printer.

A provider failure leaves the order packed, its parcel waiting for its label, and the
refusal in ``error`` ("Label for order … not bought: <provider's words> — buy again");
calling this again (or ``haicang labels buy``) buys it: nothing is lost or bought twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.carriers.base import CarrierError, LabelFormat
from app.db.engine import Database
from app.db.models import Order, Parcel
from app.db.models.shipping import LabelPurchase
from app.domain.errors import HaicangError
from app.domain.permissions import Actor
from app.domain.rate_shopping import matches
from app.services.carrier_label_print import label_format_for
from app.services.label_purchase import buy_labels
from app.services.label_quotes import ProviderSource, order_label_setup, quote_plan
from app.services.label_records import LabelPurchaseInfo, purchase_by_id
from app.services.label_void import void_labels
from app.services.packing_labels import choose_labels, label_document
from app.services.print_queue import PrintJobInfo, queue_document
from app.services.run import run_read, run_write
from printers.profiles import PrinterProfile


@dataclass(frozen=True)
class PackLabels:
    order_number: str
    #: The labels bought now (a rebuy after a price-band change included).
    purchases: tuple[LabelPurchaseInfo, ...]
    #: Pre-bought labels voided because the packed parcel moved to another price band.
    replaced: tuple[LabelPurchaseInfo, ...]
    label_jobs: tuple[PrintJobInfo, ...]
    #: Why a label is still missing (the order stays packed; buy again), or None.
    error: HaicangError | None = None


def label_packed_order(db: Database, order_id: int, *, providers: ProviderSource,
                       actor: Actor, station: str,
                       label_printer: PrinterProfile | None) -> PackLabels:
    """Buy (or re-check) the packed order's carrier labels, then queue them to print."""
    fmt = (LabelFormat(label_format_for(label_printer).value) if label_printer is not None
           else LabelFormat.PDF)
    number, waiting, prebought = run_write(db, _waiting, order_id)
    bought: list[LabelPurchaseInfo] = []
    replaced: list[LabelPurchaseInfo] = []
    error: HaicangError | None = None
    try:
        if prebought is not None:
            rebought, voided = _recheck(db, order_id, prebought, providers=providers,
                                        actor=actor, fmt=fmt)
            bought += rebought
            replaced += voided
        for seq in waiting:
            bought += buy_labels(db, order_id, providers=providers, actor=actor,
                                 trigger="pack", label_format=fmt, parcel_seq=seq)
    except HaicangError as exc:
        error = exc
    if prebought is not None and not any(p.parcel_seq == 1 for p in bought):
        bought.insert(0, run_read(db, purchase_by_id, prebought))
    jobs: tuple[PrintJobInfo, ...] = ()
    if label_printer is not None and bought:
        seqs = {p.parcel_seq for p in bought if p.status == "bought"}
        jobs = run_write(db, _queue, order_id, seqs, label_printer, actor, station)
    return PackLabels(number, tuple(bought), tuple(replaced), jobs, error)


def _recheck(db: Database, order_id: int, purchase_id: int, *, providers: ProviderSource,
             actor: Actor, fmt: LabelFormat
             ) -> tuple[list[LabelPurchaseInfo], list[LabelPurchaseInfo]]:
    """Re-quote a label bought on the expected weight; rebuy and void when its price moved."""
    old = run_read(db, purchase_by_id, purchase_id)
    setup = run_read(db, order_label_setup, order_id, parcel_seq=1)
    if not setup.parcels or not setup.accounts or old.carrier is None:
        return [], []
    plan = setup.parcels[0]
    code = f"{old.carrier}/{old.service}"
    try:
        quote = quote_plan(plan, setup.accounts, setup.rules, providers,
                           f"HC-{order_id}-1-check")
    except CarrierError:
        return [], []  # cannot tell: the label bought stays (it was valid when bought)
    same = [q.rate for q in quote.rates if matches(q.rate, code)]
    if same and min(r.cost for r in same) == old.cost:
        return [], []
    new = buy_labels(db, order_id, providers=providers, actor=actor, trigger="pack",
                     label_format=fmt, parcel_seq=1, replace=True,
                     service=code if same else None)
    try:
        voided = void_labels(db, order_id, providers=providers, actor=actor,
                             purchase_ids=(purchase_id,))
    except HaicangError:  # not voided now: it stays on the labels-to-void list
        voided = [run_read(db, purchase_by_id, purchase_id)]
    return new, voided


# --- transactions ---------------------------------------------------------------------------


def _waiting(session: Session, order_id: int) -> tuple[str, list[int], int | None]:
    """(order number, seqs of packed parcels waiting for a carrier label, the id of a
    label bought before packing, now put on parcel 1)."""
    order = session.get(Order, order_id)
    assert order is not None
    parcels = session.scalars(select(Parcel).where(
        Parcel.order_id == order_id, Parcel.status == "packed").order_by(Parcel.seq)).all()
    prebought = session.scalar(select(LabelPurchase).where(
        LabelPurchase.order_id == order_id, LabelPurchase.parcel_id.is_(None),
        LabelPurchase.status == "bought").order_by(LabelPurchase.id.desc()).limit(1))
    first = parcels[0] if parcels else None
    if prebought is not None and first is not None and first.tracking_number is None:
        prebought.parcel_id = first.id
        first.carrier, first.service = prebought.carrier, prebought.service
        first.tracking_number = prebought.tracking_number
        first.label_source = "carrier"
    else:
        prebought = None
    waiting = [p.seq for p in parcels
               if p.label_source == "carrier" and p.tracking_number is None]
    return order.number, waiting, prebought.id if prebought is not None else None


def _queue(session: Session, order_id: int, seqs: set[int | None], profile: PrinterProfile,
           actor: Actor, station: str) -> tuple[PrintJobInfo, ...]:
    order = session.get(Order, order_id)
    assert order is not None
    parcels = list(session.scalars(select(Parcel).where(
        Parcel.order_id == order_id, Parcel.status == "packed").order_by(Parcel.seq)))
    jobs = []
    for parcel, choice in zip(parcels, choose_labels(session, order, parcels), strict=True):
        if parcel.seq in seqs and not choice.pending:
            document = label_document(session, order, parcel, len(parcels), choice, profile)
            jobs.append(queue_document(session, document, profile, actor=actor,
                                       station=station))
    return tuple(jobs)
