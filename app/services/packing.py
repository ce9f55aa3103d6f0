"""The pack cycle, Qt-free: scan an order, scan its units, box, weigh, label, packed.

Every function is one transaction (the caller runs it with ``run_write`` or the GUI's
writer) and returns frozen DTOs (:mod:`app.services.packing_view`)::

    view = start_packing(s, scan, station=..., actor=...)   # order number, tote, pick list,
                                                            # tracking number
    scan_item(s, view.order_id, "012345678905", actor=...)  # each unit (or quantity=N)
    choose_box(s, order_id, "BOX-8x6x4", actor=...)         # optional: the suggestion is used
    add_parcel(s, order_id, actor=...)                      # optional: a further box
    check = accept_weight(s, order_id, weight_g=..., stable=True, actor=...)
    result = complete_packing(s, order_id, station=..., label_printer=profile, ...)
    # then deliver result.label_jobs / result.slip_job through print_queue.deliver

The screen, whose one scan field takes every scanner line, can hand each line to
:func:`bench_scan`: an item, a box or the next order.

Scans: an order number; a tote ``<cart code>-T<slot>`` (e.g. ``W-20261207-001-C2-T3``,
the cart's slot of app/db/models/picking.py ``PickCartOrder``); a pick list (the cart
code alone, when one order on it is left to pack); or a tracking number (the order's,
a seller label's or a parcel's).

Rules:

* ``pack_sessions`` has one row per order on a bench: a second station is refused
  (:class:`OrderBeingPacked`), the same station resumes.
* An order is packable when ``allocated`` (picked at the pack station: allocated →
  picking → packed, its reservations consumed at completion) or ``picking`` with all
  its pick tasks done. A packed (or later) order is shown for reprinting, never packed
  twice: :func:`complete_packing` changes the status with a guarded update.
* A cancelled or held order is *stopped*: :func:`start_packing` returns a view with
  ``state=STOPPED`` (it does not raise, because the restock tasks it creates for a
  cancelled order's picked units must be committed — see :mod:`app.services.restock`);
  every later step on it raises :class:`OrderStopped`.
* A wrong SKU, an extra unit or another client's unit is refused and changes nothing.
* The weight check is :mod:`app.domain.weighing`; dim and billable weight
  :mod:`app.domain.dim_weight`, stored with the parcel. A weight out of tolerance is
  returned as a refused :class:`WeightCheck` (a wrong supervisor PIN must still be
  counted, so it is not raised).
* Labels and the packing slip are queued in the same transaction as the pack
  (:mod:`app.services.print_queue`): a printer that is offline leaves them queued and
  the order packed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from sqlalchemy import and_, case, delete, func, or_, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.dialects import dialect_insert
from app.db.models import (
    Box,
    Client,
    Order,
    OrderLabel,
    OrderLine,
    PackSession,
    Parcel,
    ParcelItem,
    PickCart,
    PickCartOrder,
    PickTask,
    PrintJob,
    Sku,
)
from app.domain.dim_weight import billable_weight
from app.domain.errors import HaicangError, NotFound, SupervisorPinLocked, SupervisorPinRejected
from app.domain.permissions import Actor, Permission, require
from app.domain.picking import TASK_CLOSED_STATES
from app.domain.states import OrderStatus
from app.domain.weighing import (
    HISTORY_WINDOW,
    ReadingProblem,
    Tolerance,
    Verdict,
    assess,
    expected_weight_g,
    history_band,
    reading_problem,
)
from app.services import fulfilment
from app.services.audit import record_audit
from app.services.boxes import BoxInfo, UnknownBox, box_by_scan, box_info
from app.services.dto import TransitionResult
from app.services.lookup import sku_by_code, skus_matching
from app.services.order_states import set_status
from app.services.packing_errors import (
    AmbiguousPackScan,
    BadScanQuantity,
    BoxOverloaded,
    ExtraUnit,
    ItemOfAnotherClient,
    NoBoxFits,
    NotOnBench,
    OrderAlreadyPacked,
    OrderBeingPacked,
    OrderNotPackable,
    OrderStopped,
    OverrideReasonMissing,
    PackingIncomplete,
    ParcelNotOpen,
    ParcelNotWeighed,
    PickNotFinished,
    UnknownItem,
    UnknownPackScan,
    WeightNotPositive,
    WeightNotStable,
    WeightOutOfTolerance,
    WrongItem,
)
from app.services.packing_labels import choose_labels, label_document
from app.services.packing_view import (
    PackState,
    PackView,
    ParcelStatus,
    ParcelView,
    load_pack_view,
    order_row,
    scanned_by_line,
    suggestion_for,
)
from app.services.print_documents import Document, JobKind, packing_slip_document
from app.services.print_queue import PrintJobInfo, queue_document, reprint_job
from app.services.restock import open_restock_tasks
from app.services.users import verify_supervisor_pin
from printers.profiles import PrinterProfile

S = OrderStatus
PACKABLE = frozenset({S.ALLOCATED, S.PICKING})
STOPPED = frozenset({S.CANCELLED, S.ON_HOLD})
PACKED_OR_LATER = frozenset({S.PACKED, S.SHIPPED, S.IN_TRANSIT, S.DELIVERED, S.RETURNED})
PICKED_AT_STATION = "picked at the pack station"
_TOTE = re.compile(r"^(?P<cart>.+)-T(?P<slot>\d{1,4})$", re.IGNORECASE)
#: Pick task states that leave nothing to pick.
_PICK_DONE = tuple(sorted(s.value for s in TASK_CLOSED_STATES))


# --- DTOs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScanResult:
    """A unit (or ``quantity`` units) counted into a parcel."""

    view: PackView
    sku_code: str
    line_no: int
    quantity: int
    parcel_seq: int


@dataclass(frozen=True)
class WeightCheck:
    """The outcome of :func:`accept_weight`.

    ``accepted`` False leaves the parcel unweighed; ``error`` says why (out of tolerance,
    a wrong or locked supervisor PIN) in the one error contract, for the screen and CLI.
    """

    order_id: int
    number: str
    parcel_seq: int
    accepted: bool
    verdict: Verdict
    expected_g: int
    actual_g: int
    tolerance_g: int
    #: Earlier parcels of the same box and SKUs that widened the check (0: none).
    history_count: int
    box_code: str
    dim_weight_g: int | None
    billable_weight_g: int
    overridden_by: str | None = None
    error: HaicangError | None = None

    @property
    def difference_g(self) -> int:
        return self.actual_g - self.expected_g


@dataclass(frozen=True)
class PackResult:
    """A packed order and what was queued to print for it (deliver the jobs next)."""

    transition: TransitionResult
    parcels: tuple[ParcelView, ...]
    label_jobs: tuple[PrintJobInfo, ...]
    slip_job: PrintJobInfo | None
    #: Seqs of parcels whose carrier label is bought now that the pack is committed
    #: (``app.services.pack_labels.label_packed_order``); their labels print after that.
    labels_to_buy: tuple[int, ...] = ()

    @property
    def number(self) -> str:
        return self.transition.number


# --- finding the order ------------------------------------------------------------------


def find_pack_order(session: Session, scan: str) -> int:
    """The order a pack-station scan names (see the module docstring), or UnknownPackScan."""
    text = scan.strip()
    if not text:
        raise UnknownPackScan(scan=scan)
    by_number = list(session.scalars(select(Order.id).where(Order.number == text).limit(5)))
    if len(by_number) == 1:
        return by_number[0]
    if len(by_number) > 1:
        return _one_active(session, text, by_number)
    tote = _TOTE.match(text)
    if tote:
        order_id = session.scalar(
            select(PickCartOrder.order_id)
            .join(PickCart, PickCart.id == PickCartOrder.cart_id)
            .where(PickCart.code == tote["cart"], PickCartOrder.slot == int(tote["slot"])))
        if order_id is not None:
            return order_id
    on_cart = list(session.scalars(
        select(PickCartOrder.order_id).join(PickCart, PickCart.id == PickCartOrder.cart_id)
        .where(PickCart.code == text)))
    if on_cart:
        return _one_active(session, text, on_cart)
    tracked = set(session.scalars(select(Order.id).where(Order.tracking_number == text)))
    tracked |= set(session.scalars(select(OrderLabel.order_id).where(OrderLabel.reference == text)))
    tracked |= set(session.scalars(select(Parcel.order_id).where(Parcel.tracking_number == text)))
    if tracked:
        return _one_active(session, text, sorted(tracked))
    raise UnknownPackScan(scan=text)


def _one_active(session: Session, scan: str, order_ids: list[int]) -> int:
    """Of several orders a scan names, the one still to pack (else the only one)."""
    if len(order_ids) == 1:
        return order_ids[0]
    todo = list(session.scalars(select(Order.id).where(
        Order.id.in_(order_ids), Order.status.in_([s.value for s in PACKABLE]))))
    if len(todo) == 1:
        return todo[0]
    raise AmbiguousPackScan(scan=scan, count=len(todo) or len(order_ids))


# --- guards -----------------------------------------------------------------------------


def _refuse_unpackable(session: Session, order: Order) -> None:
    status = S(order.status)
    if status in STOPPED:
        raise OrderStopped(order=order.number, state=status.value)
    if status in PACKED_OR_LATER:
        raise OrderAlreadyPacked(order=order.number)
    if status not in PACKABLE:
        raise OrderNotPackable(order=order.number, state=status.value)
    if status is S.PICKING:
        open_tasks = session.scalar(
            select(func.count()).select_from(PickTask)
            .where(PickTask.order_id == order.id, PickTask.status.not_in(_PICK_DONE)))
        if open_tasks:
            raise PickNotFinished(order=order.number, open=int(open_tasks))


def _on_bench(session: Session, order_id: int, actor: Actor) -> Order:
    """The order, checked packable and on a bench (every step after the first scan)."""
    require(actor, Permission.PACK)
    order = order_row(session, order_id)
    _refuse_unpackable(session, order)
    if session.get(PackSession, order.id) is None:
        raise NotOnBench(order=order.number)
    return order


def _open_parcel(session: Session, order: Order, seq: int | None) -> Parcel:
    """The parcel ``seq`` (open), or the last open one, or a new one."""
    stmt = select(Parcel).where(Parcel.order_id == order.id,
                                Parcel.status == ParcelStatus.OPEN.value)
    if seq is not None:
        parcel = session.scalar(stmt.where(Parcel.seq == seq))
        if parcel is None:
            raise ParcelNotOpen(order=order.number, seq=seq)
        return parcel
    parcel = session.scalar(stmt.order_by(Parcel.seq.desc()).limit(1))
    return parcel if parcel is not None else _new_parcel(session, order)


def _new_parcel(session: Session, order: Order) -> Parcel:
    last = session.scalar(select(func.max(Parcel.seq)).where(Parcel.order_id == order.id))
    parcel = Parcel(order_id=order.id, seq=(last or 0) + 1, status=ParcelStatus.OPEN.value)
    session.add(parcel)
    session.flush()
    return parcel


def _forget_weight(parcel: Parcel) -> None:
    """Contents or box changed: the parcel must be weighed again."""
    parcel.weight_g = parcel.expected_weight_g = None
    parcel.dim_weight_g = parcel.billable_weight_g = None
    parcel.override_by = parcel.override_reason = None


# --- the cycle --------------------------------------------------------------------------


def start_packing(session: Session, scan: str, *, station: str, actor: Actor) -> PackView:
    """Put the scanned order on this station's bench (or show it: packed, stopped)."""
    require(actor, Permission.PACK)
    order = order_row(session, find_pack_order(session, scan))
    status = S(order.status)
    if status in STOPPED:
        return _stop(session, order, actor)
    if status in PACKED_OR_LATER:
        return load_pack_view(session, order.id, state=PackState.PACKED)
    _refuse_unpackable(session, order)
    session.execute(
        dialect_insert(session)(PackSession)
        .values(order_id=order.id, station=station[:100], actor=actor.name[:64],
                started_at=utcnow())
        .on_conflict_do_nothing())
    holder = session.scalar(select(PackSession.station).where(PackSession.order_id == order.id))
    if holder != station[:100]:
        raise OrderBeingPacked(order=order.number, station=holder or "?")
    # Another station may have completed the order between the first read and the insert
    # (PostgreSQL, read committed): read the status again now the bench row is ours.
    session.refresh(order)
    _refuse_unpackable(session, order)
    if session.scalar(select(Parcel.id).where(Parcel.order_id == order.id).limit(1)) is None:
        _new_parcel(session, order)
    return load_pack_view(session, order.id, state=PackState.PACKING)


def _stop(session: Session, order: Order, actor: Actor) -> PackView:
    """Take a cancelled or held order off any bench; a cancelled one's picked units get
    restock tasks."""
    session.execute(delete(PackSession).where(PackSession.order_id == order.id))
    open_ids = select(Parcel.id).where(Parcel.order_id == order.id,
                                       Parcel.status == ParcelStatus.OPEN.value)
    session.execute(delete(ParcelItem).where(ParcelItem.parcel_id.in_(open_ids)))
    session.execute(delete(Parcel).where(Parcel.order_id == order.id,
                                         Parcel.status == ParcelStatus.OPEN.value))
    if order.status == S.CANCELLED.value:
        open_restock_tasks(session, order, actor=actor)
    record_audit(session, actor, "pack_stopped", "order", order.id, status=order.status)
    return load_pack_view(session, order.id, state=PackState.STOPPED)


def get_pack_view(session: Session, order_id: int) -> PackView:
    """The order as the pack screen shows it now (read only)."""
    return load_pack_view(session, order_id)


def scan_item(session: Session, order_id: int, scan: str, *, quantity: int = 1,
              parcel_seq: int | None = None, actor: Actor) -> ScanResult:
    """Count ``quantity`` units of the scanned SKU (code or barcode) into a parcel."""
    order = _on_bench(session, order_id, actor)
    if quantity < 1:
        raise BadScanQuantity(quantity=quantity)
    client = session.get(Client, order.client_id)
    assert client is not None  # foreign key
    sku = _order_client_sku(session, scan, client)
    lines = list(session.scalars(
        select(OrderLine).where(OrderLine.order_id == order.id, OrderLine.sku_id == sku.id)
        .order_by(OrderLine.line_no)))
    if not lines:
        raise WrongItem(sku=sku.code, order=order.number)
    scanned = scanned_by_line(session, order.id)
    wanted = sum(line.quantity - scanned.get(line.id, 0) for line in lines)
    if quantity > wanted:
        raise ExtraUnit(order=order.number, sku=sku.code, wanted=wanted, quantity=quantity)
    parcel = _open_parcel(session, order, parcel_seq)
    left = quantity
    first_line = None
    for line in lines:
        take = min(left, line.quantity - scanned.get(line.id, 0))
        if take <= 0:
            continue
        first_line = first_line or line
        item = session.scalar(select(ParcelItem).where(
            ParcelItem.parcel_id == parcel.id, ParcelItem.order_line_id == line.id))
        if item is None:
            session.add(ParcelItem(parcel_id=parcel.id, order_line_id=line.id, sku_id=sku.id,
                                   quantity=take))
        else:
            item.quantity += take
        left -= take
    _forget_weight(parcel)
    session.flush()
    assert first_line is not None  # wanted >= quantity >= 1
    return ScanResult(load_pack_view(session, order.id, state=PackState.PACKING), sku.code,
                      first_line.line_no, quantity, parcel.seq)


def _order_client_sku(session: Session, scan: str, client: Client) -> Sku:
    """The order's client's SKU a scan names; another client's unit is refused as such."""
    try:
        return sku_by_code(session, client.id, scan)
    except NotFound:
        others = [s for s in skus_matching(session, scan) if s.client_id != client.id]
        if others:
            owner = session.get(Client, others[0].client_id)
            raise ItemOfAnotherClient(scan=scan.strip(), owner=owner.code if owner else "?",
                                      client=client.code) from None
        raise UnknownItem(scan=scan.strip(), client=client.code) from None


def choose_box(session: Session, order_id: int, box_scan: str, *,
               parcel_seq: int | None = None, actor: Actor) -> PackView:
    """Put the parcel in the scanned box (code or barcode)."""
    order = _on_bench(session, order_id, actor)
    box = box_by_scan(session, box_scan)
    parcel = _open_parcel(session, order, parcel_seq)
    if parcel.box_id != box.id:
        parcel.box_id = box.id
        _forget_weight(parcel)
    session.flush()
    return load_pack_view(session, order.id, state=PackState.PACKING)


def suggest_box(session: Session, order_id: int, *, parcel_seq: int | None = None
                ) -> BoxInfo | None:
    """The smallest box that fits the parcel's contents (or, for an empty parcel, what is
    left to scan); see :mod:`app.domain.box_fit` for the rule."""
    view = load_pack_view(session, order_id)
    seq = parcel_seq if parcel_seq is not None else view.current_parcel
    parcel = view.parcel(seq) if seq is not None else None
    return suggestion_for(session, view.lines, parcel)


class BenchScanKind(StrEnum):
    ITEM = "item"
    BOX = "box"
    ORDER = "order"


@dataclass(frozen=True)
class BenchScan:
    """What one scanner line at a busy bench turned out to be, and the view after it."""

    kind: BenchScanKind
    view: PackView
    #: For ``ITEM``: the SKU and line counted (else None).
    item: ScanResult | None = None


def bench_scan(session: Session, order_id: int, scan: str, *, station: str,
               quantity: int = 1, actor: Actor) -> BenchScan:
    """One scan while ``order_id`` is on the bench, whatever was scanned: a SKU code or
    barcode counts a unit (refused as wrong, extra or another client's), a box code or
    barcode chooses the box, anything else is taken as the next order to pack (the
    current one stays on this bench, resumed by scanning it again)."""
    require(actor, Permission.PACK)
    text = scan.strip()
    if skus_matching(session, text):
        result = scan_item(session, order_id, text, quantity=quantity, actor=actor)
        return BenchScan(BenchScanKind.ITEM, result.view, result)
    try:
        box = box_by_scan(session, text)
    except UnknownBox:
        view = start_packing(session, text, station=station, actor=actor)
        return BenchScan(BenchScanKind.ORDER, view)
    return BenchScan(BenchScanKind.BOX,
                     choose_box(session, order_id, box.code, actor=actor))


def add_parcel(session: Session, order_id: int, *, actor: Actor) -> PackView:
    """Start another box for this order; the next scans go into it."""
    order = _on_bench(session, order_id, actor)
    current = session.scalar(
        select(Parcel).where(Parcel.order_id == order.id, Parcel.status == "open")
        .order_by(Parcel.seq.desc()).limit(1))
    empty = current is not None and session.scalar(
        select(ParcelItem.id).where(ParcelItem.parcel_id == current.id).limit(1)) is None
    if not empty:
        _new_parcel(session, order)
    return load_pack_view(session, order.id, state=PackState.PACKING)


def accept_weight(session: Session, order_id: int, *, parcel_seq: int | None = None,
                  weight_g: int, stable: bool, override_pin: str | None = None,
                  reason: str | None = None, actor: Actor) -> WeightCheck:
    """Check the scale's weight of a parcel and keep it when it passes (or is overridden).

    Unstable, zero and negative readings raise. Without a chosen box the suggested box
    is taken. Out of tolerance returns a refused check, unless ``override_pin`` is a
    supervisor's PIN and ``reason`` is given: then it is kept with who and why.
    """
    order = _on_bench(session, order_id, actor)
    problem = reading_problem(weight_g, stable)
    if problem is ReadingProblem.NOT_POSITIVE:
        raise WeightNotPositive(weight=weight_g)
    if problem is ReadingProblem.UNSTABLE:
        raise WeightNotStable()
    parcel = _open_parcel(session, order, parcel_seq)
    box = _box_of(session, order, parcel)
    client = session.get(Client, order.client_id)
    assert client is not None  # foreign key
    items = session.execute(
        select(Sku.weight_g, Sku.length_mm, Sku.width_mm, Sku.height_mm, ParcelItem.quantity,
               ParcelItem.sku_id)
        .join(Sku, Sku.id == ParcelItem.sku_id).where(ParcelItem.parcel_id == parcel.id)).all()
    if weight_g > box.max_weight_g:
        raise BoxOverloaded(seq=parcel.seq, weight=weight_g, box=box.code, max=box.max_weight_g)
    expected = expected_weight_g([(w, q) for w, _l, _w, _h, q, _s in items], box.tare_g,
                                 client.packing_material_g)
    tolerance = Tolerance(client.weight_tolerance_pct, client.weight_tolerance_floor_g)
    history = history_band(
        _past_weights(session, box.id, [(sku, q) for *_x, q, sku in items]), tolerance.floor_g)
    assessment = assess(weight_g, expected, tolerance, history=history,
                        weights_known=bool(items) and all(w > 0 for w, *_ in items))
    billable = billable_weight(weight_g, box.inner_mm, order.carrier, order.service_level)
    check = WeightCheck(
        order.id, order.number, parcel.seq, True, assessment.verdict, expected, weight_g,
        assessment.tolerance_g, history.count if history else 0, box.code,
        billable.dim_weight_g, billable.billable_weight_g)
    approver: Actor | None = None
    if assessment.verdict is Verdict.OUT_OF_TOLERANCE:
        refusal = WeightOutOfTolerance(
            seq=parcel.seq, order=order.number, actual=weight_g, expected=expected,
            tolerance=assessment.tolerance_g, difference=f"{assessment.difference_g:+d}")
        if not override_pin:
            return _refused(check, refusal)
        why = (reason or "").strip()
        if not why:
            raise OverrideReasonMissing()
        verdict = verify_supervisor_pin(session, override_pin, requested_by=actor)
        if isinstance(verdict, SupervisorPinRejected | SupervisorPinLocked):
            return _refused(check, verdict)
        approver = verdict
        parcel.override_by = approver.name[:64]
        parcel.override_reason = why[:200]
        record_audit(session, approver, "weight_override", "parcel", parcel.id,
                     order=order.number, expected=expected, actual=weight_g, reason=why,
                     packer=actor.name)
    parcel.box_id = box.id
    parcel.weight_g = weight_g
    parcel.expected_weight_g = expected
    parcel.dim_weight_g = billable.dim_weight_g
    parcel.billable_weight_g = billable.billable_weight_g
    parcel.carrier = order.carrier
    parcel.service = order.service_level
    session.flush()
    return _replace_check(check, overridden_by=approver.name if approver else None)


def _refused(check: WeightCheck, error: HaicangError) -> WeightCheck:
    return _replace_check(check, accepted=False, error=error)


def _replace_check(check: WeightCheck, **changes: object) -> WeightCheck:
    return replace(check, **changes)  # type: ignore[arg-type]


def _box_of(session: Session, order: Order, parcel: Parcel) -> BoxInfo:
    """The parcel's box, else the suggestion for its contents (recorded on acceptance)."""
    if parcel.box_id is not None:
        box = session.get(Box, parcel.box_id)
        assert box is not None  # foreign key
        return box_info(box)
    view = load_pack_view(session, order.id, state=PackState.PACKING)
    suggestion = suggestion_for(session, view.lines, view.parcel(parcel.seq))
    if suggestion is None:
        raise NoBoxFits(seq=parcel.seq, order=order.number)
    return suggestion


def _past_weights(session: Session, box_id: int, items: list[tuple[int, int]]) -> list[int]:
    """Weights of the latest packed, not overridden parcels in this box with exactly
    these (SKU, quantity) items."""
    if not items:
        return []
    same_items = (
        select(ParcelItem.parcel_id)
        .group_by(ParcelItem.parcel_id)
        .having(func.count() == len(items))
        .having(func.sum(case(
            (or_(*(and_(ParcelItem.sku_id == sku, ParcelItem.quantity == qty)
                   for sku, qty in items)), 1), else_=0)) == len(items))
    )
    return [w for w in session.scalars(
        select(Parcel.weight_g)
        .where(Parcel.box_id == box_id, Parcel.status == ParcelStatus.PACKED.value,
               Parcel.override_by.is_(None), Parcel.weight_g.is_not(None),
               Parcel.id.in_(same_items))
        .order_by(Parcel.id.desc()).limit(HISTORY_WINDOW)) if w is not None]


def complete_packing(session: Session, order_id: int, *, station: str, actor: Actor,
                     label_printer: PrinterProfile | None = None,
                     document_printer: PrinterProfile | None = None) -> PackResult:
    """Every unit is in a weighed parcel: the order becomes packed, its labels (and the
    packing slip, when the client wants one) are queued, the bench is free.

    ``label_printer`` None (no printer, or auto-print off) queues nothing; the labels
    can be printed later with :func:`reprint_label`.
    """
    order = _on_bench(session, order_id, actor)
    require(actor, Permission.PRINT)
    missing = sum(
        line.quantity - scanned
        for line, scanned in _line_progress(session, order.id)
        if scanned < line.quantity)
    if missing:
        raise PackingIncomplete(order=order.number, missing=missing)
    parcels = _parcels_to_pack(session, order)
    if S(order.status) is S.ALLOCATED:
        set_status(session, order.id, order.number, S.ALLOCATED, S.PICKING, actor=actor,
                   note=PICKED_AT_STATION)
        session.expire(order)  # set_status wrote past the ORM: read the status again
    transition = fulfilment.pack_order(session, order.id, actor=actor)
    now = utcnow()
    choices = choose_labels(session, order, parcels)
    for parcel, choice in zip(parcels, choices, strict=True):
        parcel.status = ParcelStatus.PACKED.value
        parcel.packed_by = actor.name[:64]
        parcel.packed_at = now
        parcel.station = station[:100]
        parcel.label_source = choice.source.value
        parcel.tracking_number = choice.tracking_number
    session.flush()
    label_jobs: list[PrintJobInfo] = []
    slip_job = None
    if label_printer is not None:
        for parcel, choice in zip(parcels, choices, strict=True):
            if choice.pending:
                continue
            document = label_document(session, order, parcel, len(parcels), choice,
                                      label_printer)
            label_jobs.append(queue_document(session, document, label_printer, actor=actor,
                                             station=station))
    client = session.get(Client, order.client_id)
    if document_printer is not None and client is not None and client.include_packing_slip:
        slip = packing_slip_document(session, order.id, document_printer)
        slip_job = queue_document(session, slip, document_printer, actor=actor, station=station)
    session.execute(delete(PackSession).where(PackSession.order_id == order.id))
    record_audit(session, actor, "pack", "order", order.id, station=station,
                 parcels=len(parcels))
    view = load_pack_view(session, order.id, state=PackState.PACKED)
    return PackResult(transition, view.parcels, tuple(label_jobs), slip_job,
                      tuple(c.seq for c in choices if c.pending))


def _line_progress(session: Session, order_id: int) -> list[tuple[OrderLine, int]]:
    scanned = scanned_by_line(session, order_id)
    lines = session.scalars(select(OrderLine).where(OrderLine.order_id == order_id))
    return [(line, scanned.get(line.id, 0)) for line in lines]


def _parcels_to_pack(session: Session, order: Order) -> list[Parcel]:
    """The order's open parcels with units, each weighed; empty unweighed ones go."""
    parcels = list(session.scalars(
        select(Parcel).where(Parcel.order_id == order.id,
                             Parcel.status == ParcelStatus.OPEN.value).order_by(Parcel.seq)))
    with_items = set(session.scalars(
        select(ParcelItem.parcel_id).where(ParcelItem.parcel_id.in_([p.id for p in parcels]))))
    kept: list[Parcel] = []
    for parcel in parcels:
        if parcel.id not in with_items:
            session.delete(parcel)
            continue
        if parcel.weight_g is None:
            raise ParcelNotWeighed(seq=parcel.seq, order=order.number)
        kept.append(parcel)
    session.flush()
    return kept


def cancel_packing(session: Session, order_id: int, *, actor: Actor) -> None:
    """Take the order off the bench: its scans are discarded, another station may take it."""
    require(actor, Permission.PACK)
    order = order_row(session, order_id)
    open_ids = select(Parcel.id).where(Parcel.order_id == order.id,
                                       Parcel.status == ParcelStatus.OPEN.value)
    session.execute(delete(ParcelItem).where(ParcelItem.parcel_id.in_(open_ids)))
    session.execute(delete(Parcel).where(Parcel.order_id == order.id,
                                         Parcel.status == ParcelStatus.OPEN.value))
    session.execute(delete(PackSession).where(PackSession.order_id == order.id))
    record_audit(session, actor, "pack_cancelled", "order", order.id)


# --- reprints and counters --------------------------------------------------------------


def _latest_jobs(session: Session, order_id: int, kinds: tuple[JobKind, ...]) -> list[int]:
    """The newest print job of each document of the order (one per label reference)."""
    rows = session.execute(
        select(func.max(PrintJob.id)).where(
            PrintJob.order_id == order_id, PrintJob.kind.in_([k.value for k in kinds]))
        .group_by(PrintJob.reference).order_by(func.max(PrintJob.id)))
    return [int(job_id) for (job_id,) in rows]


def _packed_order(session: Session, order_id: int, actor: Actor) -> Order:
    require(actor, Permission.PRINT)
    order = order_row(session, order_id)
    if S(order.status) not in PACKED_OR_LATER:
        raise NotFound(kind="Label", key=order.number)
    return order


def reprint_label(session: Session, order_id: int, *, station: str, actor: Actor,
                  profile: PrinterProfile) -> tuple[PrintJobInfo, ...]:
    """The packed order's labels again: the archived ones, identical, or laid out now
    when none was printed at packing."""
    order = _packed_order(session, order_id, actor)
    jobs = _latest_jobs(session, order.id, (JobKind.SHIPPING_LABEL, JobKind.CARRIER_LABEL))
    if jobs:
        return tuple(reprint_job(session, job_id, actor=actor, station=station, profile=profile)
                     for job_id in jobs)
    parcels = list(session.scalars(select(Parcel).where(
        Parcel.order_id == order.id, Parcel.status == ParcelStatus.PACKED.value)
        .order_by(Parcel.seq)))
    choices = choose_labels(session, order, parcels)
    return tuple(
        queue_document(session, label_document(session, order, parcel, len(parcels), choice,
                                               profile), profile, actor=actor, station=station)
        for parcel, choice in zip(parcels, choices, strict=True) if not choice.pending)


def reprint_slip(session: Session, order_id: int, *, station: str, actor: Actor,
                 profile: PrinterProfile) -> PrintJobInfo:
    """The packed order's packing slip again (laid out now if none was printed)."""
    order = _packed_order(session, order_id, actor)
    jobs = _latest_jobs(session, order.id, (JobKind.PACKING_SLIP,))
    if jobs:
        return reprint_job(session, jobs[-1], actor=actor, station=station, profile=profile)
    document: Document = packing_slip_document(session, order.id, profile)
    return queue_document(session, document, profile, actor=actor, station=station)


def orders_packed_since(session: Session, packer: str, since: datetime) -> int:
    """How many orders ``packer`` packed since ``since`` (the screen's hourly counter)."""
    count = session.scalar(
        select(func.count(func.distinct(Parcel.order_id)))
        .where(Parcel.packed_by == packer, Parcel.packed_at >= since))
    return int(count or 0)
