"""Cycle counts: count some bins, recount what differs, approve, post the differences.

Starting (:func:`start_count`) picks the (bin, SKU) lines by bin range (``A-01:A-20``,
codes compared as text), by SKU, or by ABC class (:mod:`app.domain.abc_class` over the
units shipped from the warehouse in the last 90 days, :mod:`app.services.velocity`),
snapshotting the book quantity of each. A blind count never shows that quantity (nor a
difference) to anyone without ``APPROVE_COUNTS``.

Entering (:func:`enter_count`) records the units found and re-reads the book quantity
*at that moment* into ``expected``: the rule is to post the difference between what was
counted and the balance when it was counted, so picks and receipts in the bin between
start and count do not show as variances, and moves after the count are kept at posting
(the balance then changes by exactly ``counted - expected``). A SKU found in a bin but
not on the list adds a line. The tolerance is ``max(units, pct % of the book)`` -
1 unit and 2 % unless the count was started with others. Within it the line is
``counted`` (approved without a supervisor's decision); beyond it, ``recount``: another
user must count again (the first counter is refused). A recount within tolerance is
``counted``; beyond it, ``review``: a supervisor decides.

Approving (:func:`approve_count`, ``APPROVE_COUNTS``; not by a user who counted a line
that changes stock) posts every difference as an ``adjustment`` with reason
``cycle_count`` in one transaction. A count below the bin's reserved units first takes
the reservations of the newest allocated orders holding units there back (the orders go
to backordered), posts, then allocates those orders again - from other bins if they have
the stock, else they stay backordered. Units reserved for orders already being picked
are left to the pickers (a short pick handles them): such a count is refused until then.
Only the counted bins' balance rows are written, so counting never blocks allocation
from other bins. Counting a bin clears its count flag (set by short picks).

Cancelling (:func:`cancel_count`, ``APPROVE_COUNTS``) ends an open count - lines in
review included - without posting anything; what was counted stays on record. The
count states are a table (:data:`app.domain.stock_control_states.COUNT_TRANSITIONS`).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.dialects import dialect_insert
from app.db.models import (
    Bin,
    Client,
    CycleCount,
    CycleCountLine,
    Order,
    Reservation,
    Sku,
    StockBalance,
    Warehouse,
)
from app.domain.abc_class import CLASSES, abc_classes
from app.domain.errors import BinInactive, InvalidValue, NotFound
from app.domain.permissions import Actor, Permission, require
from app.domain.states import AdjustReason, MoveKind, OrderStatus
from app.domain.stock_control_errors import (
    CountApproverIsCounter,
    CountNeedsRecount,
    CountNotCounted,
    CountNotFound,
    CountNotOpen,
    CountRecountBySameUser,
    CountReservedInPicking,
    CountScopeEmpty,
    CountStale,
)
from app.domain.stock_control_states import CountStatus, check_count_transition
from app.services import ledger
from app.services.allocation import allocate_order, release_reservations
from app.services.audit import record_audit
from app.services.lookup import (
    bin_by_code,
    client_by_code,
    sku_by_code,
    skus_matching,
    warehouse_by_code,
)
from app.services.order_states import set_status
from app.services.velocity import shipped_units

#: Days of shipped units behind the ABC classes.
ABC_WINDOW_DAYS = 90
DEFAULT_TOLERANCE_UNITS = 1
DEFAULT_TOLERANCE_PCT = 2.0
OPEN, APPROVED, CANCELLED = CountStatus.OPEN, CountStatus.APPROVED, CountStatus.CANCELLED
#: Line states: to count, within tolerance, needs a recount, needs a supervisor, posted.
LINE_OPEN, COUNTED, RECOUNT, REVIEW, POSTED = "open", "counted", "recount", "review", "posted"


@dataclass(frozen=True)
class CountLineInfo:
    bin: str
    client: str
    sku: str
    #: None on a blind count for a user who may not approve counts.
    expected: int | None
    counted: int | None
    counted_by: str | None
    recounted: int | None
    recounted_by: str | None
    variance: int | None
    status: str


@dataclass(frozen=True)
class CountInfo:
    number: str
    warehouse: str
    #: In English, for the CLI; screens word ``scope_kind`` / ``scope_value`` themselves.
    scope: str
    blind: bool
    status: str
    tolerance_units: int
    tolerance_pct: float
    created_by: str
    created_at: datetime
    approved_by: str | None
    approved_at: datetime | None
    lines: tuple[CountLineInfo, ...]
    #: ``bins``, ``sku`` or ``abc``, and the range, SKU code or class it names.
    scope_kind: str = ""
    scope_value: str = ""


@dataclass(frozen=True)
class PostedLine:
    bin: str
    sku: str
    delta: int
    move_id: int


@dataclass(frozen=True)
class CountApproved:
    number: str
    posted: tuple[PostedLine, ...]
    #: Orders whose reservations a short count took back: number -> status now.
    reallocated: tuple[tuple[str, str], ...]


# --- starting -------------------------------------------------------------------------


def start_count(session: Session, warehouse_code: str, *, actor: Actor,
                bins: str | None = None, sku_code: str | None = None,
                client_code: str | None = None, abc: str | None = None, blind: bool = False,
                tolerance_units: int = DEFAULT_TOLERANCE_UNITS,
                tolerance_pct: float = DEFAULT_TOLERANCE_PCT) -> CountInfo:
    """Open a count of one scope (exactly one of ``bins``, ``sku_code``, ``abc``)."""
    require(actor, Permission.COUNT_STOCK)
    if sum(1 for x in (bins, sku_code, abc) if x) != 1:
        raise InvalidValue(field="count",
                           problem="choose one of a bin range, a SKU or an ABC class")
    if tolerance_units < 0 or tolerance_pct < 0:
        raise InvalidValue(field="tolerance", problem="must not be negative")
    wh = warehouse_by_code(session, warehouse_code)
    stmt = (select(StockBalance.bin_id, StockBalance.sku_id, StockBalance.on_hand)
            .join(Bin, Bin.id == StockBalance.bin_id)
            .where(Bin.warehouse_id == wh.id, Bin.active.is_(True), StockBalance.on_hand > 0))
    scope: dict[str, object]
    if bins:
        first, last = _range(bins)
        in_range = (Bin.code >= first, Bin.code <= last)
        if not session.scalar(select(func.count(Bin.id)).where(
                Bin.warehouse_id == wh.id, Bin.active.is_(True), *in_range)):
            raise CountScopeEmpty(warehouse=wh.code, scope=f"bins {first}:{last}")
        stmt = stmt.where(*in_range)
        scope = {"bins": f"{first}:{last}"}
    elif sku_code:
        sku = _sku_for_count(session, sku_code, client_code)
        stmt = stmt.where(StockBalance.sku_id == sku.id)
        scope = {"sku": sku.code, "client": _client_code(session, sku.client_id)}
    else:
        klass = (abc or "").strip().upper()
        if klass not in CLASSES:
            raise InvalidValue(field="ABC class", problem=f"'{abc}' is not A, B or C")
        stocked = set(session.scalars(stmt.with_only_columns(StockBalance.sku_id).distinct()))
        classes = abc_classes(stocked, shipped_units(session, days=ABC_WINDOW_DAYS,
                                                     warehouse_id=wh.id))
        stmt = stmt.where(StockBalance.sku_id.in_([s for s, c in classes.items() if c == klass]))
        scope = {"abc": klass}
    found = session.execute(stmt.order_by(Bin.code, StockBalance.sku_id)).all()
    if not found and "bins" not in scope:
        raise CountScopeEmpty(warehouse=wh.code, scope=_describe(scope))
    scope.update(tolerance_units=int(tolerance_units), tolerance_pct=float(tolerance_pct))
    count = CycleCount(number=f"CC-NEW-{uuid.uuid4().hex[:24]}", warehouse_id=wh.id,
                       scope=json.dumps(scope), blind=bool(blind), status=OPEN,
                       created_by=actor.name[:64])
    session.add(count)
    session.flush()
    count.number = f"CC-{count.id:06d}"
    session.add_all(CycleCountLine(count_id=count.id, bin_id=b, sku_id=k, expected=int(q),
                                   status=LINE_OPEN) for b, k, q in found)
    session.flush()
    record_audit(session, actor, "start", "cycle_count", count.id, number=count.number,
                 scope=_describe(scope), blind=bool(blind))
    return get_count(session, count.number, actor=actor)


def _range(text: str) -> tuple[str, str]:
    first, sep, last = text.partition(":")
    first, last = first.strip().upper(), last.strip().upper()
    if not sep or not first or not last or first > last:
        raise InvalidValue(field="--bins", problem=f"'{text}' is not a range FROM:TO")
    return first, last


def _describe(scope: dict[str, object]) -> str:
    kind, value = _scope_parts(scope)
    return {"bins": "bins", "sku": "SKU"}.get(kind, "ABC class") + f" {value}"


def _scope_parts(scope: dict[str, object]) -> tuple[str, str]:
    """(``bins`` | ``sku`` | ``abc``, the range, SKU code or class) of a stored scope."""
    for kind in ("bins", "sku"):
        if kind in scope:
            return kind, str(scope[kind])
    return "abc", str(scope.get("abc", ""))


def _client_code(session: Session, client_id: int) -> str:
    return str(session.scalar(select(Client.code).where(Client.id == client_id)))


def _sku_for_count(session: Session, code: str, client_code: str | None,
                   bin_id: int | None = None, count_id: int | None = None) -> Sku:
    """The SKU a scan means; when several clients use the code, the one already in the
    count or the bin, else the client must be named."""
    if client_code:
        return sku_by_code(session, client_by_code(session, client_code).id, code)
    skus = skus_matching(session, code)
    if not skus:
        raise NotFound(kind="SKU", key=code)
    if len(skus) > 1 and bin_id is not None:
        ids = {s.id for s in skus}
        here = set(session.scalars(select(StockBalance.sku_id).where(
            StockBalance.bin_id == bin_id, StockBalance.sku_id.in_(ids))))
        if count_id is not None:
            here |= set(session.scalars(select(CycleCountLine.sku_id).where(
                CycleCountLine.count_id == count_id, CycleCountLine.bin_id == bin_id,
                CycleCountLine.sku_id.in_(ids))))
        skus = [s for s in skus if s.id in here] or skus
    if len(skus) > 1:
        raise InvalidValue(field="client", problem=(
            f"SKU {code} belongs to several clients; name the client"))
    return skus[0]


# --- counting -------------------------------------------------------------------------


def _count(session: Session, number: str) -> CycleCount:
    count = session.scalar(select(CycleCount).where(CycleCount.number == number.strip().upper()))
    if count is None:
        raise CountNotFound(number=number)
    return count


def _tolerance(count: CycleCount) -> tuple[int, float]:
    scope = json.loads(count.scope)
    return (int(scope.get("tolerance_units", DEFAULT_TOLERANCE_UNITS)),
            float(scope.get("tolerance_pct", DEFAULT_TOLERANCE_PCT)))


def within_tolerance(book: int, counted: int, units: int, pct: float) -> bool:
    """``|counted - book| <= max(units, pct % of book)``."""
    return abs(counted - book) <= max(units, book * pct / 100)


def enter_count(session: Session, number: str, *, bin_code: str, sku_code: str,
                quantity: int, actor: Actor, client_code: str | None = None) -> CountLineInfo:
    """Record the units of a SKU found in a bin (a first count or a recount)."""
    require(actor, Permission.COUNT_STOCK)
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 0:
        raise InvalidValue(field="quantity", problem=f"'{quantity}' cannot be counted: "
                           "a count is a whole number, 0 or more")
    count = _count(session, number)
    if count.status != OPEN:
        raise CountNotOpen(number=count.number, state=count.status)
    b = bin_by_code(session, count.warehouse_id, bin_code)
    if not b.active:
        raise BinInactive(bin=b.code)
    scope = json.loads(count.scope)
    if "bins" in scope:
        first, last = _range(str(scope["bins"]))
        if not first <= b.code <= last:
            raise InvalidValue(field="bin", problem=f"{b.code} is not in this count's range "
                               f"{first}:{last}")
    sku = _sku_for_count(session, sku_code, client_code, b.id, count.id)
    book = int(session.scalar(select(StockBalance.on_hand).where(
        StockBalance.bin_id == b.id, StockBalance.sku_id == sku.id)) or 0)
    session.execute(dialect_insert(session)(CycleCountLine).values(
        count_id=count.id, bin_id=b.id, sku_id=sku.id, expected=book, status=LINE_OPEN,
    ).on_conflict_do_nothing())
    line = session.scalars(select(CycleCountLine).where(
        CycleCountLine.count_id == count.id, CycleCountLine.bin_id == b.id,
        CycleCountLine.sku_id == sku.id).with_for_update()).one()
    units, pct = _tolerance(count)
    ok = within_tolerance(book, quantity, units, pct)
    now, who = utcnow(), actor.name[:64]
    if line.status in (LINE_OPEN, COUNTED):
        line.counted, line.counted_by, line.counted_at = quantity, who, now
        line.status = COUNTED if ok else RECOUNT
    elif line.status in (RECOUNT, REVIEW):
        if who == line.counted_by:
            raise CountRecountBySameUser(user=who, bin=b.code, sku=sku.code)
        line.recounted, line.recounted_by, line.recounted_at = quantity, who, now
        line.status = COUNTED if ok else REVIEW
    else:
        raise CountNotOpen(number=count.number, state=line.status)
    line.expected = book
    line.reason = AdjustReason.COUNT.value
    session.execute(update(Bin).where(Bin.id == b.id, Bin.count_flagged_at.is_not(None))
                    .values(count_flagged_at=None, count_flag_reason=None)
                    .execution_options(synchronize_session=False))
    session.flush()
    record_audit(session, actor, "count", "cycle_count", count.id, bin=b.code, sku=sku.code,
                 qty=quantity)
    (info,) = [x for x in _lines(session, count, actor)
               if x.bin == b.code and x.sku == sku.code and x.client == _client_code(
                   session, sku.client_id)]
    return info


# --- approving ------------------------------------------------------------------------


def approve_count(session: Session, number: str, *, actor: Actor) -> CountApproved:
    """Post every difference of a fully counted count (see the module)."""
    require(actor, Permission.APPROVE_COUNTS)
    count = _count(session, number)
    check_count_transition(count.number, count.status, APPROVED)
    lines = list(session.scalars(select(CycleCountLine).where(
        CycleCountLine.count_id == count.id).order_by(CycleCountLine.bin_id,
                                                      CycleCountLine.sku_id)))
    if pending := [ln for ln in lines if ln.status == LINE_OPEN]:
        raise CountNotCounted(number=count.number, lines=len(pending))
    if pending := [ln for ln in lines if ln.status == RECOUNT]:
        raise CountNeedsRecount(number=count.number, lines=len(pending))
    changing = [ln for ln in lines if _final(ln) != (ln.expected or 0)]
    if any(actor.name[:64] in (ln.counted_by, ln.recounted_by) for ln in changing):
        raise CountApproverIsCounter(user=actor.name, number=count.number)
    claimed = session.execute(
        update(CycleCount).where(CycleCount.id == count.id, CycleCount.status == OPEN)
        .values(status=APPROVED, approved_by=actor.name[:64], approved_at=utcnow())
        .execution_options(synchronize_session=False))
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise CountNotOpen(number=count.number, state="changed")
    posted: list[PostedLine] = []
    released: list[int] = []
    for ln in lines:
        delta = _final(ln) - (ln.expected or 0)
        if delta:
            posted.append(_post(session, count, ln, delta, actor, released))
        ln.status = POSTED
    session.flush()
    again = tuple((r.number, r.status.value) for r in
                  (allocate_order(session, oid, actor=actor) for oid in sorted(released)))
    record_audit(session, actor, "approve", "cycle_count", count.id, number=count.number,
                 posted=len(posted), reallocated=[n for n, _s in again])
    return CountApproved(count.number, tuple(posted), again)


def cancel_count(session: Session, number: str, *, actor: Actor) -> CountInfo:
    """End an open count without posting anything (see the module)."""
    require(actor, Permission.APPROVE_COUNTS)
    count = _count(session, number)
    check_count_transition(count.number, count.status, CANCELLED)
    claimed = session.execute(
        update(CycleCount).where(CycleCount.id == count.id, CycleCount.status == OPEN)
        .values(status=CANCELLED).execution_options(synchronize_session=False))
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise CountNotOpen(number=count.number, state="changed")
    session.expire(count)
    record_audit(session, actor, "cancel", "cycle_count", count.id, number=count.number)
    return get_count(session, count.number, actor=actor)


def _final(line: CycleCountLine) -> int:
    return int(line.recounted if line.recounted is not None else line.counted or 0)


def _post(session: Session, count: CycleCount, line: CycleCountLine, delta: int,
          actor: Actor, released: list[int]) -> PostedLine:
    bin_code = str(session.scalar(select(Bin.code).where(Bin.id == line.bin_id)))
    sku_code = str(session.scalar(select(Sku.code).where(Sku.id == line.sku_id)))
    reason = AdjustReason.COUNT.value
    if delta > 0:
        ledger.add_on_hand(session, line.bin_id, line.sku_id, delta, utcnow())
        move = ledger.record_move(session, sku_id=line.sku_id, quantity=delta,
                                  kind=MoveKind.ADJUSTMENT, actor=actor,
                                  to_bin_id=line.bin_id, reason=reason, reference=count.number)
    else:
        need = -delta
        on_hand, reserved = session.execute(
            select(StockBalance.on_hand, StockBalance.reserved)
            .where(StockBalance.bin_id == line.bin_id, StockBalance.sku_id == line.sku_id)
            .with_for_update()).one()
        if on_hand < need:
            raise CountStale(bin=bin_code, sku=sku_code, on_hand=on_hand, wanted=need)
        short = need - (on_hand - reserved)
        if short > 0:
            released += _take_back(session, count, line, short, bin_code, sku_code, actor)
        ledger.take_free(session, line.bin_id, line.sku_id, need)
        move = ledger.record_move(session, sku_id=line.sku_id, quantity=need,
                                  kind=MoveKind.ADJUSTMENT, actor=actor,
                                  from_bin_id=line.bin_id, reason=reason,
                                  reference=count.number)
    line.posted_move_id = move
    return PostedLine(bin_code, sku_code, delta, move)


def _take_back(session: Session, count: CycleCount, line: CycleCountLine, short: int,
               bin_code: str, sku_code: str, actor: Actor) -> list[int]:
    """Release whole allocated orders holding units of the line, newest first, until
    ``short`` units are free; they go to backordered and are allocated again later."""
    holders = session.execute(
        select(Order.id, Order.number, func.sum(Reservation.quantity))
        .join(Reservation, Reservation.order_id == Order.id)
        .where(Reservation.bin_id == line.bin_id, Reservation.sku_id == line.sku_id,
               Order.status == OrderStatus.ALLOCATED.value)
        .group_by(Order.id, Order.number).order_by(Order.id.desc())).all()
    freed, orders = 0, []
    for oid, order_number, qty in holders:
        if freed >= short:
            break
        release_reservations(session, oid)
        set_status(session, oid, order_number, OrderStatus.ALLOCATED, OrderStatus.BACKORDERED,
                   actor=actor, note=f"{count.number}: {bin_code} counted short of {sku_code}")
        freed += int(qty)
        orders.append(int(oid))
    if freed < short:
        raise CountReservedInPicking(bin=bin_code, sku=sku_code, units=short - freed)
    return orders


# --- reading --------------------------------------------------------------------------


def get_count(session: Session, number: str, *, actor: Actor) -> CountInfo:
    """One count with its lines; a blind count hides book figures from counters."""
    count = _count(session, number)
    units, pct = _tolerance(count)
    wh = str(session.scalar(select(Warehouse.code).where(Warehouse.id == count.warehouse_id)))
    scope = json.loads(count.scope)
    return CountInfo(count.number, wh, _describe(scope), count.blind,
                     count.status, units, pct, count.created_by, count.created_at,
                     count.approved_by, count.approved_at, tuple(_lines(session, count, actor)),
                     *_scope_parts(scope))


def _lines(session: Session, count: CycleCount, actor: Actor) -> list[CountLineInfo]:
    hide = count.blind and not actor.may(Permission.APPROVE_COUNTS)
    L = CycleCountLine
    out = []
    for (bin_code, client, sku, expected, counted, by, recounted, reby, status
         ) in session.execute(
            select(Bin.code, Client.code, Sku.code, L.expected, L.counted, L.counted_by,
                   L.recounted, L.recounted_by, L.status)
            .join(Bin, Bin.id == L.bin_id).join(Sku, Sku.id == L.sku_id)
            .join(Client, Client.id == Sku.client_id)
            .where(L.count_id == count.id).order_by(Bin.code, Client.code, Sku.code)):
        final = recounted if recounted is not None else counted
        variance = None if final is None or expected is None else final - expected
        out.append(CountLineInfo(bin_code, client, sku, None if hide else expected, counted,
                                 by, recounted, reby, None if hide else variance, status))
    return out


@dataclass(frozen=True)
class CountSummary:
    number: str
    warehouse: str
    scope: str
    blind: bool
    status: str
    lines: int
    counted: int
    to_review: int
    created_by: str
    created_at: datetime
    #: As :attr:`CountInfo.scope_kind` / :attr:`CountInfo.scope_value`.
    scope_kind: str = ""
    scope_value: str = ""


def list_counts(session: Session, *, warehouse_code: str | None = None,
                status: str | None = None, limit: int = 200) -> list[CountSummary]:
    """Counts newest first, with how many lines are counted and how many wait for someone."""
    L = CycleCountLine
    stmt = (select(CycleCount, Warehouse.code).join(Warehouse,
                                                   Warehouse.id == CycleCount.warehouse_id)
            .order_by(CycleCount.id.desc()).limit(limit))
    if warehouse_code:
        stmt = stmt.where(CycleCount.warehouse_id == warehouse_by_code(session,
                                                                       warehouse_code).id)
    if status:
        stmt = stmt.where(CycleCount.status == status)
    counts = session.execute(stmt).all()
    states: dict[int, list[str]] = {}
    for cid, st in session.execute(select(L.count_id, L.status).where(
            L.count_id.in_([c.id for c, _w in counts]))):
        states.setdefault(cid, []).append(st)
    return [CountSummary(c.number, wh, _describe(json.loads(c.scope)), c.blind, c.status,
                         len(states.get(c.id, [])),
                         sum(1 for s in states.get(c.id, []) if s != LINE_OPEN),
                         sum(1 for s in states.get(c.id, []) if s in (RECOUNT, REVIEW)),
                         c.created_by, c.created_at, *_scope_parts(json.loads(c.scope)))
            for c, wh in counts]
