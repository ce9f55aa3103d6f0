"""Carrier labels of a label-first wave, bought right after its release commits.

A label-first wave's orders are labelled at the shelf, before packing, so the labels
the warehouse buys are bought on each order's *expected* weight in the box the pack
station would suggest (``trigger='wave'``). Then every label of the wave is queued in
pick order (:func:`app.services.waves.wave_label_documents`). At packing the real
weight is checked against it (:mod:`app.services.pack_labels`): another price band is
rebought and the first label voided.

An order whose purchase fails keeps its place on the cart; its label is bought at
packing, and the failure is reported with the provider's words.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.carriers.base import LabelFormat
from app.db.engine import Database
from app.db.models import Order, PickCart, PickTask, Wave
from app.domain.errors import HaicangError
from app.domain.permissions import Actor
from app.domain.picking import WaveNotFound
from app.services.carrier_label_print import label_format_for
from app.services.label_purchase import buy_labels
from app.services.label_quotes import ProviderSource, order_buys_labels
from app.services.label_records import LabelPurchaseInfo
from app.services.print_queue import queue_document
from app.services.run import run_read, run_write
from app.services.waves import wave_label_documents
from printers.profiles import PrinterProfile


@dataclass(frozen=True)
class WaveLabels:
    wave: str
    bought: tuple[LabelPurchaseInfo, ...]
    #: (order number, why its label was not bought) — bought at packing instead.
    failed: tuple[tuple[str, str], ...]
    #: Print jobs of the wave's labels, in pick order (all of them, not only bought ones).
    label_jobs: tuple[int, ...]


def buy_wave_labels(db: Database, wave_number: str, *, providers: ProviderSource,
                    actor: Actor, label_printer: PrinterProfile | None,
                    station: str) -> WaveLabels:
    """Buy the carrier labels of a just-released label-first wave, then queue its labels.

    Nothing to do (and nothing queued) when the wave is not label-first or none of its
    orders has its labels bought by the warehouse: the release queued them itself.
    """
    wave_id, buying = run_read(db, _buying_orders, wave_number)
    if not buying:
        return WaveLabels(wave_number, (), (), ())
    fmt = (LabelFormat(label_format_for(label_printer).value) if label_printer is not None
           else LabelFormat.PDF)
    bought: list[LabelPurchaseInfo] = []
    failed: list[tuple[str, str]] = []
    for order_id, number in buying:
        try:
            bought += buy_labels(db, order_id, providers=providers, actor=actor,
                                 trigger="wave", label_format=fmt)
        except HaicangError as exc:
            failed.append((number, exc.message))
    jobs: tuple[int, ...] = ()
    if label_printer is not None:
        jobs = run_write(db, _queue, wave_id, label_printer, actor, station)
    return WaveLabels(wave_number, tuple(bought), tuple(failed), jobs)


def _buying_orders(session: Session, wave_number: str) -> tuple[int, list[tuple[int, str]]]:
    wave = session.scalar(select(Wave).where(Wave.number == wave_number))
    if wave is None:
        raise WaveNotFound(wave=wave_number)
    if not wave.label_first:
        return wave.id, []
    orders = session.scalars(select(Order).where(Order.id.in_(
        select(PickTask.order_id).join(PickCart, PickCart.id == PickTask.cart_id)
        .where(PickCart.wave_id == wave.id))).order_by(Order.id)).all()
    return wave.id, [(o.id, o.number) for o in orders if order_buys_labels(session, o)]


def _queue(session: Session, wave_id: int, profile: PrinterProfile, actor: Actor,
           station: str) -> tuple[int, ...]:
    return tuple(queue_document(session, document, profile, actor=actor, station=station).id
                 for document in wave_label_documents(session, wave_id, profile))
