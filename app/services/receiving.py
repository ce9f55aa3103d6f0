"""Receiving at the dock: scan a carton, scan or count its units, close the shipment.

Each scan is one row in ``inbound_receipts`` (good and damaged units, the bin they were
put in, lot and expiry), never rewritten, so two docks counting the same carton at once
both keep their counts. Good units go to the receiving bin (the first active one of the
warehouse by code, unless another bin is scanned), damaged units to a damaged bin, units
whose code no SKU of the client carries to a quarantine bin with a line that waits for a
clerk to map it to a SKU or reject it. A SKU the carton did not announce gets a line with
0 expected; more than announced is allowed and shows as over.

The ledger sees nothing until the shipment is **closed**: closing posts one receipt move
per bin, SKU and lot (with the lot for lot-tracked SKUs, which starts their stock lots),
makes the put-away tasks for the good units and returns the discrepancy report, all in one
transaction. Units of an unknown code mapped after the close are posted when mapped.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.dialects import dialect_insert
from app.db.models import (
    Bin,
    Client,
    InboundCarton,
    InboundLine,
    InboundReceipt,
    InboundShipment,
    Sku,
    SkuBarcode,
    Warehouse,
)
from app.domain.errors import BinInactive, DataConflict, InvalidValue, NotFound, WrongClient
from app.domain.inbound_errors import (
    CartonNotInShipment,
    InboundClosed,
    LotRequired,
    NoReceivingBin,
    UnknownLineNotOpen,
    WrongWarehouseBin,
)
from app.domain.permissions import Actor, Permission, require
from app.domain.states import (
    INBOUND_TRANSITIONS,
    SELLABLE_BIN_TYPES,
    BinType,
    InboundStatus,
    MoveKind,
)
from app.services import ledger
from app.services.allocation import retry_backorders_for_new_stock
from app.services.audit import record_audit
from app.services.bin_lots import accept_lot
from app.services.inbound import (
    inbound_detail,
    rejected_lines,
    set_inbound_status,
    try_inbound_status,
)
from app.services.inbound_dto import CartonView, LineView, shipment_by_reference
from app.services.lookup import skus_matching
from app.services.putaway import create_putaway_task


@dataclass(frozen=True)
class ReceiveResult:
    """One scan or count as the dock sees it: where the units went and the line's totals."""

    reference: str
    carton: str
    code: str  # as scanned
    line: LineView
    quantity: int
    damaged: int
    bin: str
    damaged_bin: str | None
    quarantined: bool

    @property
    def over(self) -> bool:
        return self.line.difference > 0


@dataclass(frozen=True)
class UnknownLine:
    """A clerk's task: units of a code no SKU of the client carries, in quarantine."""

    id: int
    reference: str
    client: str
    warehouse: str
    carton: str
    code: str
    received: int
    damaged: int
    bin: str
    status: str  # open | rejected


@dataclass(frozen=True)
class DiscrepancyLine:
    carton: str
    sku: str
    name: str
    expected: int
    received: int
    damaged: int
    unknown: bool

    @property
    def difference(self) -> int:
        return self.received + self.damaged - self.expected


@dataclass(frozen=True)
class SkuTotal:
    """A SKU (or unknown code) across the shipment's cartons: the close's JSON line."""

    sku: str
    expected: int
    received: int
    damaged: int
    difference: int


@dataclass(frozen=True)
class DiscrepancyReport:
    """What the client is told: per carton and SKU expected, received, damaged, the
    difference (received + damaged - expected), and the unknown codes found."""

    reference: str
    client: str
    client_name: str
    warehouse: str
    status: str
    eta: date | None
    arrived_at: datetime | None
    closed_at: datetime | None
    closed_by: str | None
    rows: tuple[DiscrepancyLine, ...]
    lines: tuple[SkuTotal, ...]

    @property
    def unknown(self) -> tuple[DiscrepancyLine, ...]:
        return tuple(r for r in self.rows if r.unknown)

    def to_json(self) -> dict[str, object]:
        """``inbound close --json``: exactly the reference and the lines per SKU."""
        return {"reference": self.reference, "lines": [
            {"sku": t.sku, "expected": t.expected, "received": t.received,
             "damaged": t.damaged, "difference": t.difference} for t in self.lines]}


@dataclass(frozen=True)
class CloseResult:
    report: DiscrepancyReport
    moves: int
    putaway_tasks: int
    allocated_orders: tuple[str, ...]


# --- the dock --------------------------------------------------------------------------------


def scan_carton(
    session: Session, reference: str, carton: str, *, actor: Actor,
    client_code: str | None = None,
) -> CartonView:
    """The carton the dock scanned: refused unless it belongs to the shipment; starts the
    shipment's receiving (an announced one is marked arrived first) and notes the scan."""
    require(actor, Permission.RECEIVE_STOCK)
    shipment = _open_shipment(session, reference, client_code)
    box = _carton(session, shipment, carton)
    _start_receiving(session, shipment, actor)
    _mark_seen(session, box)
    return next(c for c in inbound_detail(session, shipment.id).cartons if c.code == box.code)


def receive_units(
    session: Session,
    reference: str,
    *,
    carton: str,
    code: str,
    quantity: int,
    actor: Actor,
    damaged: int = 0,
    lot: str | None = None,
    expiry: date | None = None,
    bin_code: str | None = None,
    client_code: str | None = None,
) -> ReceiveResult:
    """Record ``quantity`` good and ``damaged`` damaged units of the scanned code in the
    carton. A code of another client's SKU is refused; a code of no SKU goes to quarantine."""
    require(actor, Permission.RECEIVE_STOCK)
    for name, value in (("quantity", quantity), ("damaged", damaged)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InvalidValue(field=name, problem="must not be negative")
    if quantity + damaged <= 0:
        raise InvalidValue(field="quantity", problem="must be more than 0")
    scanned = code.strip()
    if not scanned:
        raise InvalidValue(field="SKU", problem="must not be empty")
    shipment = _open_shipment(session, reference, client_code)
    box = _carton(session, shipment, carton)
    sku = _client_sku(session, shipment.client_id, scanned)
    lot = (lot or "").strip() or None
    if sku is not None and sku.lot_tracked and (lot is None or expiry is None):
        raise LotRequired(sku=sku.code)
    if lot is not None and len(lot) > 64:
        raise InvalidValue(field="lot", problem="must be 1 to 64 characters")
    target = (_chosen_bin(session, shipment, bin_code) if bin_code
              else _dock_bin(session, shipment.warehouse_id, BinType.RECEIVING))
    if sku is None:
        target = _dock_bin(session, shipment.warehouse_id, BinType.QUARANTINE, target)
    broken = _dock_bin(session, shipment.warehouse_id, BinType.DAMAGED, target) if damaged else None
    _start_receiving(session, shipment, actor)
    _mark_seen(session, box)
    line_id = _line_for(session, box, sku, scanned)
    rows = ([(target, quantity, damaged)] if broken is None or broken.id == target.id
            else [(target, quantity, 0), (broken, 0, damaged)])
    now = utcnow()
    for where, good, bad in rows:
        if good + bad:
            session.add(InboundReceipt(line_id=line_id, quantity=good, damaged=bad,
                                       bin_id=where.id, lot=lot, expiry=expiry,
                                       actor=actor.name, at=now))
    session.flush()
    line = next(ln for ln in inbound_detail(session, shipment.id).lines if ln.id == line_id)
    return ReceiveResult(shipment.reference, box.code, scanned, line, quantity, damaged,
                         target.code, broken.code if broken is not None and damaged else None,
                         sku is None)


# --- unknown codes ---------------------------------------------------------------------------


def list_unknown(
    session: Session, *, warehouse_code: str | None = None, include_rejected: bool = False
) -> list[UnknownLine]:
    """Unknown codes waiting in quarantine (the clerk's task list), oldest first."""
    qty = func.coalesce(func.sum(InboundReceipt.quantity), 0)
    bad = func.coalesce(func.sum(InboundReceipt.damaged), 0)
    stmt = (
        select(InboundLine.id, InboundShipment.id, InboundShipment.reference, Client.code,
               Warehouse.code, InboundCarton.code, InboundLine.sku_code, qty, bad,
               func.min(Bin.code))
        .join(InboundShipment, InboundShipment.id == InboundLine.shipment_id)
        .join(InboundCarton, InboundCarton.id == InboundLine.carton_id)
        .join(Client, Client.id == InboundShipment.client_id)
        .join(Warehouse, Warehouse.id == InboundShipment.warehouse_id)
        .outerjoin(InboundReceipt, InboundReceipt.line_id == InboundLine.id)
        .outerjoin(Bin, Bin.id == InboundReceipt.bin_id)
        .where(InboundLine.sku_id.is_(None))
        .group_by(InboundLine.id, InboundShipment.id, InboundShipment.reference, Client.code,
                  Warehouse.code, InboundCarton.code, InboundLine.sku_code)
        .order_by(InboundLine.id)
    )
    if warehouse_code:
        stmt = stmt.where(Warehouse.code == warehouse_code.strip().upper())
    found: list[UnknownLine] = []
    rejected_by_shipment: dict[int, frozenset[int]] = {}
    for lid, sid, ref, client, wh, carton, code, q, d, bin_code in session.execute(stmt):
        if sid not in rejected_by_shipment:
            rejected_by_shipment[sid] = rejected_lines(session, sid)
        status = "rejected" if lid in rejected_by_shipment[sid] else "open"
        if status == "open" or include_rejected:
            found.append(UnknownLine(lid, ref, client, wh, carton, code, int(q), int(d),
                                     bin_code or "", status))
    return found


def resolve_unknown(
    session: Session, line_id: int, sku_code: str, *, actor: Actor,
    lot: str | None = None, expiry: date | None = None,
) -> LineView:
    """The unknown code is this SKU of the client: its units leave quarantine for the
    receiving bin (posted to the ledger now when the shipment is already closed)."""
    require(actor, Permission.RECEIVE_STOCK)
    line, shipment = _open_unknown(session, line_id)
    sku = _client_sku(session, shipment.client_id, sku_code.strip())
    if sku is None:
        raise NotFound(kind="SKU", key=sku_code)
    lot = (lot or "").strip() or None
    if sku.lot_tracked and (lot is None or expiry is None):
        raise LotRequired(sku=sku.code)
    done = session.execute(
        update(InboundLine).where(InboundLine.id == line.id, InboundLine.sku_id.is_(None))
        .values(sku_id=sku.id).execution_options(synchronize_session=False))
    if done.rowcount != 1:  # type: ignore[attr-defined]
        raise UnknownLineNotOpen(code=line.sku_code, reference=shipment.reference)
    if lot is not None:  # the lot could not be known while the code was not
        session.execute(update(InboundReceipt).where(InboundReceipt.line_id == line.id)
                        .values(lot=lot, expiry=expiry)
                        .execution_options(synchronize_session=False))
    if _lock_status(session, shipment) == InboundStatus.CLOSED.value:
        _post(session, shipment, actor, line_ids=[line.id])
    record_audit(session, actor, "resolve_unknown", "inbound_line", line.id,
                 reference=shipment.reference, code=line.sku_code, sku=sku.code)
    return next(ln for ln in inbound_detail(session, shipment.id).lines if ln.id == line.id)


def reject_unknown(session: Session, line_id: int, *, actor: Actor) -> None:
    """The unknown units are not taken in (sent back or disposed of outside the stock).

    Kept in the shipment's ``notes`` as JSON (``{"rejected_lines": [...]}``) because the
    line table has no status column; the write is a compare-and-set on the notes so two
    clerks rejecting at once both count.
    """
    require(actor, Permission.RECEIVE_STOCK)
    line, shipment = _open_unknown(session, line_id)
    before = shipment.notes
    data = _notes(before)
    data["rejected_lines"] = sorted({*data.get("rejected_lines", []), line.id})
    guard = (InboundShipment.notes.is_(None) if before is None
             else InboundShipment.notes == before)
    done = session.execute(update(InboundShipment)
                           .where(InboundShipment.id == shipment.id, guard)
                           .values(notes=json.dumps(data))
                           .execution_options(synchronize_session=False))
    if done.rowcount != 1:  # type: ignore[attr-defined]
        raise DataConflict(constraint=f"inbound shipment {shipment.reference} notes")
    record_audit(session, actor, "reject_unknown", "inbound_line", line.id,
                 reference=shipment.reference, code=line.sku_code)


# --- closing ---------------------------------------------------------------------------------


def close_inbound(
    session: Session, reference: str, *, actor: Actor, client_code: str | None = None
) -> CloseResult:
    """Close the shipment: post the counted units to the ledger, make the put-away tasks
    and return the discrepancy report - one transaction, so a failure posts nothing."""
    require(actor, Permission.RECEIVE_STOCK)
    shipment = shipment_by_reference(session, reference, client_code)
    set_inbound_status(session, shipment, InboundStatus.CLOSED, actor)
    moves, tasks, allocated = _post(session, shipment, actor, line_ids=None)
    record_audit(session, actor, "close_inbound", "inbound_shipment", shipment.id,
                 reference=shipment.reference, moves=moves, putaway_tasks=tasks)
    return CloseResult(discrepancy_report(session, shipment.reference,
                                          _client_code(session, shipment)),
                       moves, tasks, allocated)


def discrepancy_report(
    session: Session, reference: str, client_code: str | None = None
) -> DiscrepancyReport:
    """The report of a shipment in any state (a closed one is final)."""
    shipment = shipment_by_reference(session, reference, client_code)
    detail = inbound_detail(session, shipment.id)
    rows = tuple(DiscrepancyLine(ln.carton, ln.sku, ln.name, ln.expected, ln.received,
                                 ln.damaged, ln.unknown) for ln in detail.lines)
    totals: dict[str, list[int]] = {}
    for r in rows:
        t = totals.setdefault(r.sku, [0, 0, 0])
        t[0] += r.expected
        t[1] += r.received
        t[2] += r.damaged
    client_name = session.scalar(select(Client.name).where(Client.id == shipment.client_id))
    s = detail.summary
    return DiscrepancyReport(
        s.reference, s.client, client_name or s.client, s.warehouse, s.status, s.eta,
        s.arrived_at, s.closed_at, shipment.closed_by, rows,
        tuple(SkuTotal(sku, e, r, d, r + d - e) for sku, (e, r, d) in totals.items()),
    )


def _post(
    session: Session, shipment: InboundShipment, actor: Actor, *, line_ids: list[int] | None
) -> tuple[int, int, tuple[str, ...]]:
    """Receipt moves per (bin, SKU, lot) for the known lines' receipts, put-away tasks for
    good units left in a dock bin, and another try for backorders of SKUs that went
    straight to a sellable bin. Returns (moves, tasks, orders allocated)."""
    bins = {b.id: b for b in session.scalars(
        select(Bin).where(Bin.warehouse_id == shipment.warehouse_id))}
    stmt = (
        select(Sku.id, Sku.lot_tracked, InboundReceipt.bin_id, InboundReceipt.lot,
               InboundReceipt.expiry, func.sum(InboundReceipt.quantity),
               func.sum(InboundReceipt.damaged))
        .join(InboundLine, InboundLine.id == InboundReceipt.line_id)
        .join(Sku, Sku.id == InboundLine.sku_id)
        .where(InboundLine.shipment_id == shipment.id)
        .group_by(Sku.id, Sku.lot_tracked, InboundReceipt.bin_id,
                  InboundReceipt.lot, InboundReceipt.expiry)
        .order_by(Sku.id, InboundReceipt.bin_id, InboundReceipt.lot)
    )
    if line_ids is not None:
        stmt = stmt.where(InboundLine.id.in_(line_ids))
    receiving: Bin | None = None
    # (bin id, SKU id, lot, expiry) -> units
    good: dict[tuple[int, int, str | None, date | None], int] = defaultdict(int)
    broken: dict[tuple[int, int, str | None, date | None], int] = defaultdict(int)
    for sku_id, lot_tracked, bin_id, lot, expiry, q, d in session.execute(stmt):
        lot, expiry = (lot, expiry) if lot_tracked else (None, None)
        bin_id_good = bin_id
        if bins[bin_id].bin_type == BinType.QUARANTINE.value and q:
            # mapped meanwhile: the units are taken out of quarantine to receiving
            receiving = receiving or _dock_bin(session, shipment.warehouse_id,
                                               BinType.RECEIVING)
            bin_id_good = receiving.id
        if q:
            good[(bin_id_good, sku_id, lot, expiry)] += int(q)
        if d:
            broken[(bin_id, sku_id, lot, expiry)] += int(d)
    now = utcnow()
    moves = tasks = 0
    restocked: set[int] = set()
    for units, reason in ((good, None), (broken, "damaged")):
        for (bin_id, sku_id, lot, expiry), qty in units.items():
            accept_lot(session, bin_id, sku_id, lot, expiry)
            ledger.add_on_hand(session, bin_id, sku_id, qty, now)
            ledger.record_move(session, sku_id=sku_id, quantity=qty, kind=MoveKind.RECEIPT,
                               actor=actor, to_bin_id=bin_id, reason=reason,
                               reference=shipment.reference, lot=lot, expiry=expiry)
            moves += 1
            bin_type = bins[bin_id].bin_type
            if bin_type in SELLABLE_BIN_TYPES:
                restocked.add(sku_id)
            elif reason is None and bin_type not in (BinType.DAMAGED, BinType.QUARANTINE):
                create_putaway_task(session, warehouse_id=shipment.warehouse_id,
                                    sku_id=sku_id, quantity=qty, from_bin_id=bin_id,
                                    actor=actor, lot=lot, source=shipment.reference)
                tasks += 1
    session.flush()
    allocated: list[str] = []
    for sku_id in sorted(restocked):
        allocated.extend(retry_backorders_for_new_stock(session, sku_id, actor=actor))
    return moves, tasks, tuple(allocated)


# --- helpers ---------------------------------------------------------------------------------


def _open_shipment(
    session: Session, reference: str, client_code: str | None
) -> InboundShipment:
    shipment = shipment_by_reference(session, reference, client_code)
    if shipment.status == InboundStatus.CLOSED.value:
        raise InboundClosed(reference=shipment.reference)
    return shipment


def _client_code(session: Session, shipment: InboundShipment) -> str:
    return str(session.scalar(select(Client.code).where(Client.id == shipment.client_id)))


def _carton(session: Session, shipment: InboundShipment, code: str) -> InboundCarton:
    box = session.scalar(select(InboundCarton).where(
        InboundCarton.shipment_id == shipment.id, InboundCarton.code == code.strip()))
    if box is None:
        raise CartonNotInShipment(carton=code.strip(), reference=shipment.reference)
    return box


def _start_receiving(session: Session, shipment: InboundShipment, actor: Actor) -> None:
    """announced -> arrived -> receiving, each through the table (a move another dock
    made meanwhile is taken as done); then the shipment is held open until this
    transaction ends, so a close on another PC waits for this count and posts it."""
    for target in (InboundStatus.ARRIVED, InboundStatus.RECEIVING):
        if target in INBOUND_TRANSITIONS[InboundStatus(shipment.status)]:
            try_inbound_status(session, shipment, target, actor)
    if _lock_status(session, shipment) != InboundStatus.RECEIVING.value:
        raise InboundClosed(reference=shipment.reference)


def _lock_status(session: Session, shipment: InboundShipment) -> str:
    """The shipment's state with its row locked for this transaction (a no-op update:
    the close's guarded update waits for it, and it for the close)."""
    session.execute(update(InboundShipment).where(InboundShipment.id == shipment.id)
                    .values(status=InboundShipment.status)
                    .execution_options(synchronize_session=False))
    session.refresh(shipment)
    return shipment.status


def _mark_seen(session: Session, box: InboundCarton) -> None:
    session.execute(update(InboundCarton)
                    .where(InboundCarton.id == box.id, InboundCarton.received_at.is_(None))
                    .values(received_at=utcnow()).execution_options(synchronize_session=False))


def _client_sku(session: Session, client_id: int, code: str) -> Sku | None:
    """The client's SKU with this code or barcode; None for a code no SKU carries;
    :class:`WrongClient` for another client's SKU."""
    sku = session.scalar(select(Sku).where(Sku.client_id == client_id, Sku.code == code))
    if sku is None:
        sku = session.scalar(select(Sku).join(SkuBarcode, SkuBarcode.sku_id == Sku.id)
                             .where(SkuBarcode.client_id == client_id, SkuBarcode.code == code))
    if sku is not None:
        return sku
    others = skus_matching(session, code)
    if others:
        owners = sorted(set(session.scalars(select(Client.code).where(
            Client.id.in_({s.client_id for s in others})))))
        client = session.scalar(select(Client.code).where(Client.id == client_id))
        raise WrongClient(sku=code, owner=", ".join(owners), client=client)
    return None


def _line_for(session: Session, box: InboundCarton, sku: Sku | None, scanned: str) -> int:
    """The carton's line of the SKU (or of the unknown code), made with 0 expected when
    the carton did not announce it; two docks making it at once get the same line."""
    if sku is not None:
        found = session.scalar(select(InboundLine.id).where(
            InboundLine.carton_id == box.id, InboundLine.sku_id == sku.id
        ).order_by(InboundLine.id).limit(1))
        if found is not None:
            return int(found)
        key = sku.code
    else:
        key = scanned
    session.execute(dialect_insert(session)(InboundLine).values(
        shipment_id=box.shipment_id, carton_id=box.id, sku_id=sku.id if sku else None,
        sku_code=key, expected=0).on_conflict_do_nothing())
    return session.execute(select(InboundLine.id).where(
        InboundLine.carton_id == box.id, InboundLine.sku_code == key)).scalar_one()


def _dock_bin(
    session: Session, warehouse_id: int, kind: BinType, fallback: Bin | None = None
) -> Bin:
    """The first active bin of this type by code; the fallback (or a refusal) without one."""
    found = session.scalar(select(Bin).where(
        Bin.warehouse_id == warehouse_id, Bin.bin_type == kind.value, Bin.active.is_(True)
    ).order_by(Bin.code).limit(1))
    if found is not None:
        return found
    if fallback is not None:
        return fallback
    code = session.scalar(select(Warehouse.code).where(Warehouse.id == warehouse_id))
    raise NoReceivingBin(warehouse=code)


def _chosen_bin(session: Session, shipment: InboundShipment, code: str) -> Bin:
    found = session.scalar(select(Bin).where(Bin.warehouse_id == shipment.warehouse_id,
                                             Bin.code == code.strip().upper()))
    if found is None:
        if session.scalar(select(Bin.id).where(Bin.code == code.strip().upper()).limit(1)):
            wh = session.scalar(select(Warehouse.code).where(
                Warehouse.id == shipment.warehouse_id))
            raise WrongWarehouseBin(bin=code.strip().upper(), warehouse=wh,
                                    reference=shipment.reference)
        raise NotFound(kind="Bin", key=code)
    if not found.active:
        raise BinInactive(bin=found.code)
    return found


def _open_unknown(session: Session, line_id: int) -> tuple[InboundLine, InboundShipment]:
    line = session.get(InboundLine, line_id)
    if line is None:
        raise UnknownLineNotOpen(code=str(line_id), reference="-")
    shipment = session.get(InboundShipment, line.shipment_id)
    assert shipment is not None  # a line's shipment cannot be deleted under it
    if line.sku_id is not None or line.id in rejected_lines(session, shipment.id):
        raise UnknownLineNotOpen(code=line.sku_code, reference=shipment.reference)
    return line, shipment


def _notes(text: str | None) -> dict[str, list[int]]:
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
