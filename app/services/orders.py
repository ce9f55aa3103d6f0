"""Orders: creating, finding, listing and moving them through their life cycle."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, TextClause, func, literal, select, text, tuple_
from sqlalchemy.orm import Session, aliased

from app.db.base import utcnow
from app.db.models import (
    Bin,
    Client,
    Order,
    OrderLine,
    OrderStatusChange,
    Reservation,
    Sku,
    Warehouse,
)
from app.domain.errors import QT_TRANSLATE_NOOP, AlreadyExists, InvalidValue, NotFound
from app.domain.ids import OrderId
from app.domain.order_value import IncomingOrder
from app.domain.permissions import Actor, Permission, require
from app.domain.search import search_term
from app.domain.states import NOT_SHIPPED_STATES, RESERVING_STATES, OrderStatus
from app.services.allocation import release_reservations
from app.services.audit import record_audit
from app.services.dto import (
    OrderDetail,
    OrderLineInfo,
    OrderRow,
    ReservationInfo,
    StatusChangeInfo,
    TransitionResult,
)
from app.services.fulfilment import restock_cancelled_order
from app.services.lookup import client_by_code, order_by_number, sku_ids_with_code
from app.services.order_rows import CONTENT_FIELDS, order_values
from app.services.order_states import record_created, set_status, status_before_hold
from app.services.pick_tasks import cancel_open_tasks
from app.services.ship_dates import ship_terms

# The history note of a release; shown translated by text (context "OrderNotes").
HOLD_RELEASED = QT_TRANSLATE_NOOP("OrderNotes", "hold released")


def create_order(
    session: Session, client_code: str, order: IncomingOrder, *, actor: Actor
) -> OrderId:
    require(actor, Permission.EDIT_ORDERS)
    client = client_by_code(session, client_code)
    return create_order_for(session, client.id, order, actor=actor)


def create_order_for(
    session: Session, client_id: int, order: IncomingOrder, *, actor: Actor
) -> OrderId:
    """Insert a new order with its lines; SKUs must be the client's own (by code).

    Without an order date the order is dated now; without a ship-by date from the
    platform or file, the client's terms set one.
    """
    require(actor, Permission.EDIT_ORDERS)
    if not order.lines:
        raise InvalidValue(field="order", problem=f"{order.number} has no lines")
    if session.scalar(
        select(Order.id).where(Order.client_id == client_id, Order.number == order.number)
    ):
        raise AlreadyExists(kind="Order", key=order.number)
    codes = {ln.sku for ln in order.lines}
    skus: dict[str, int] = {
        code: sku_id
        for code, sku_id in session.execute(
            select(Sku.code, Sku.id).where(Sku.client_id == client_id, Sku.code.in_(codes))
        )
    }
    missing = sorted(codes - skus.keys())
    if missing:
        raise NotFound(kind="SKU", key=", ".join(missing))
    now = utcnow()
    order_date = order.order_date or now
    ship_by = order.ship_by
    if ship_by is None and (terms := ship_terms(session, client_id)) is not None:
        ship_by = terms.ship_by(order_date)
    row = Order(
        client_id=client_id, number=order.number, status=OrderStatus.NEW.value,
        source=order.source, order_date=order_date, ship_by=ship_by,
        created_at=now, updated_at=now,
        **dict(zip(CONTENT_FIELDS, order_values(order), strict=True)),
    )
    session.add(row)
    session.flush()
    for i, ln in enumerate(order.lines, start=1):
        if ln.quantity <= 0:
            raise InvalidValue(field="quantity", problem=f"line {i} of {order.number} is not > 0")
        session.add(
            OrderLine(
                order_id=row.id, line_no=i, sku_id=skus[ln.sku], quantity=ln.quantity,
                unit_price=ln.unit_price, currency=ln.currency,
            )
        )
    record_created(session, row.id, OrderStatus.NEW, actor)
    session.flush()
    return OrderId(row.id)


def cancel_order(
    session: Session, order_id: int, *, actor: Actor, reason: str | None = None
) -> TransitionResult:
    """Cancel and give back every reserved unit in the same transaction."""
    require(actor, Permission.CANCEL_ORDERS)
    order = _get(session, order_id)
    current = OrderStatus(order.status)
    set_status(session, order.id, order.number, current, OrderStatus.CANCELLED, actor=actor,
               note=reason)
    if current in RESERVING_STATES or current == OrderStatus.ON_HOLD:
        release_reservations(session, order.id)
    restock_cancelled_order(session, order.id, actor=actor)
    cancel_open_tasks(session, order.id, note="order cancelled")
    record_audit(session, actor, "cancel", "order", order.id, reason=reason)
    return TransitionResult(OrderId(order.id), order.number, current, OrderStatus.CANCELLED)


def hold_order(session: Session, order_id: int, *, actor: Actor, reason: str) -> TransitionResult:
    """Stop an order where it is; reservations stay so it can resume without re-picking."""
    require(actor, Permission.HOLD_ORDERS)
    if not reason.strip():
        raise InvalidValue(field="hold reason", problem="must not be empty")
    order = _get(session, order_id)
    current = OrderStatus(order.status)
    set_status(session, order.id, order.number, current, OrderStatus.ON_HOLD, actor=actor,
               note=reason, hold_reason=reason[:200])
    cancel_open_tasks(session, order.id, note="order held")
    return TransitionResult(OrderId(order.id), order.number, current, OrderStatus.ON_HOLD)


def release_order(session: Session, order_id: int, *, actor: Actor) -> TransitionResult:
    """Lift a hold: the order returns to the state it was held in."""
    require(actor, Permission.HOLD_ORDERS)
    order = _get(session, order_id)
    current = OrderStatus(order.status)
    target = status_before_hold(session, order.id) if current == OrderStatus.ON_HOLD else current
    set_status(session, order.id, order.number, current, target, actor=actor,
               note=HOLD_RELEASED, hold_reason=None)
    return TransitionResult(OrderId(order.id), order.number, current, target)


def _get(session: Session, order_id: int) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise NotFound(kind="Order", key=str(order_id))
    return order


# --- reading -------------------------------------------------------------------------


_S = TypeVar("_S", bound=Select)


@dataclass(frozen=True)
class OrderQuery:
    """What the orders list is filtered by; every field is optional."""

    statuses: tuple[OrderStatus, ...] = ()
    client_id: int | None = None
    warehouse_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    #: Typed or scanned; control characters are dropped (see :func:`search_term`).
    search: str = ""
    #: Only orders still in the warehouse whose ship-by has passed (the Dashboard's
    #: "late" tile).
    late: bool = False


def _filtered(stmt: _S, q: OrderQuery) -> _S:
    """Every filter except the search term (see :func:`_search_clauses`)."""
    if q.statuses:
        stmt = stmt.where(Order.status.in_([s.value for s in q.statuses]))
    if q.late:
        stmt = stmt.where(Order.status.in_([s.value for s in NOT_SHIPPED_STATES]),
                          Order.ship_by < utcnow())
    if q.client_id is not None:
        stmt = stmt.where(Order.client_id == q.client_id)
    if q.warehouse_id is not None:
        stmt = stmt.where(Order.warehouse_id == q.warehouse_id)
    if q.date_from is not None:
        stmt = stmt.where(Order.order_date >= _day_start(q.date_from))
    if q.date_to is not None:
        stmt = stmt.where(Order.order_date < _day_start(q.date_to, 1))
    return stmt


def _search_clauses(session: Session, term: str) -> Iterator[ColumnElement[bool]]:
    """What a typed or scanned search term may mean, most specific first.

    A scanned code is an order number, a tracking number or a SKU/barcode, never
    a name; those are answered from indexes. Callers take the first meaning that
    finds anything, so only a term that matches no identifier is looked for in
    buyer names (a substring scan: the slow path, taken only for what can only
    be a name).
    """
    yield (Order.number == term) | (Order.tracking_number == term)
    sku_ids = list(session.scalars(sku_ids_with_code(term)))
    if sku_ids:
        yield Order.id.in_(select(OrderLine.order_id).where(OrderLine.sku_id.in_(sku_ids)))
    yield func.lower(Order.buyer_name).like(f"%{_escape(term.lower())}%", escape="\\")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _day_start(d: date, plus_days: int = 0) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=UTC) + timedelta(days=plus_days)


@dataclass(frozen=True)
class OrderKey:
    """An order's place in the list: newest order date first, then the newest id.

    Imports and platform syncs insert orders out of date order, so the id alone is not
    "newest"; the id breaks ties between orders placed in the same second.
    """

    order_date: datetime
    id: OrderId


def list_order_keys(
    session: Session, query: OrderQuery, *, after: OrderKey | None = None, limit: int = 500
) -> list[OrderKey]:
    """Newest order date first, a page at a time (keyset paging: as fast at row 900,000 as
    at row 1); ``after`` is the last key of the page before."""
    base = _filtered(select(Order.order_date, Order.id), query)
    page = base if after is None else base.where(
        tuple_(Order.order_date, Order.id) < tuple_(
            literal(after.order_date, Order.order_date.type), literal(int(after.id))))
    page = page.order_by(Order.order_date.desc(), Order.id.desc()).limit(limit)
    term = search_term(query.search)
    if term == "":
        return []  # only characters no order holds (a NUL, a control code) were typed
    clauses: list[ColumnElement[bool] | None] = (
        list(_search_clauses(session, term)) if term else [None])
    for i, clause in enumerate(clauses):
        last = i == len(clauses) - 1
        if after is not None and not last and clause is not None:
            # A later page keeps the meaning the first page found.
            if session.scalar(base.where(clause).limit(1)) is None:
                continue
            last = True
        narrowed = page if clause is None else page.where(clause)
        keys = [OrderKey(d, OrderId(i)) for d, i in session.execute(narrowed)]
        if keys or last:
            return keys
    return []


def list_order_ids(
    session: Session, query: OrderQuery, *, after: OrderKey | None = None, limit: int = 500
) -> list[OrderId]:
    """The ids of :func:`list_order_keys`: newest order date first."""
    return [k.id for k in list_order_keys(session, query, after=after, limit=limit)]


def load_order_rows(session: Session, ids: list[int]) -> list[OrderRow]:
    """The list columns for ``ids`` in one query, in the order of ``ids``."""
    if not ids:
        return []
    units = (
        select(OrderLine.order_id, func.sum(OrderLine.quantity).label("units"))
        .where(OrderLine.order_id.in_(ids))
        .group_by(OrderLine.order_id)
        .subquery()
    )
    stmt = (
        select(
            Order.id, Order.number, Order.status, Order.order_date, Order.ship_by,
            Order.buyer_name, Order.city, Order.state, Order.service_level,
            Order.tracking_number, Order.hold_reason, Client.code.label("client_code"),
            Warehouse.code.label("warehouse_code"), units.c.units,
        )
        .join(Client, Client.id == Order.client_id)
        .outerjoin(Warehouse, Warehouse.id == Order.warehouse_id)
        .outerjoin(units, units.c.order_id == Order.id)
        .where(Order.id.in_(ids))
    )
    # Plain columns, not ORM entities: a page of 200 rows is built several times faster.
    rows = {
        r.id: _row(r, r.client_code, r.warehouse_code, r.units)
        for r in session.execute(stmt)
    }
    return [rows[i] for i in ids if i in rows]


def find_orders_by_number(
    session: Session, query: OrderQuery, *, limit: int = 500
) -> list[OrderRow]:
    """Orders whose number or tracking number is the search term: the scanner's path.

    One plain SQL statement (number and tracking are indexed), so a scan costs
    about what the bare query costs, at any table size. Empty when the term is
    no order or tracking number; callers then fall back to :func:`list_order_ids`.
    """
    term = search_term(query.search)
    if not term:
        return []
    params: dict[str, object] = {"term": term, "limit": limit}
    where = ["(o.number = :term OR o.tracking_number = :term)"]
    if query.statuses:
        names = [f"s{i}" for i in range(len(query.statuses))]
        where.append(f"o.status IN ({', '.join(':' + n for n in names)})")
        params.update({n: st.value for n, st in zip(names, query.statuses, strict=True)})
    for column, value in (("client_id", query.client_id), ("warehouse_id", query.warehouse_id)):
        if value is not None:
            where.append(f"o.{column} = :{column}")
            params[column] = value
    stmt = _number_search_sql(" AND ".join(where))
    # Dates are compared here: an order or tracking number matches a handful of rows.
    found = []
    # On the connection: the ORM session adds nothing to a plain statement.
    for r in session.connection().execute(stmt, params):
        ordered = _utc(r.order_date)
        if (query.date_from is not None and ordered < _day_start(query.date_from)) or (
            query.date_to is not None and ordered >= _day_start(query.date_to, 1)
        ):
            continue
        shipping = _utc(r.ship_by) if r.ship_by is not None else None
        row = _row(r, r.client_code, r.warehouse_code, r.units)
        found.append(replace(row, order_date=ordered, ship_by=shipping))
    return found


def _utc(value: datetime | str) -> datetime:
    """A stored time as aware UTC: SQLite hands back text, PostgreSQL a datetime."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@cache
def _number_search_sql(where: str) -> TextClause:
    """The statement for one combination of filters, built once (its text is the cache key)."""
    return text(
        "SELECT o.id, o.number, o.status, o.order_date, o.ship_by, o.buyer_name, o.city,"
        " o.state, o.service_level, o.tracking_number, o.hold_reason,"
        " c.code AS client_code, w.code AS warehouse_code,"
        " (SELECT SUM(l.quantity) FROM order_lines l WHERE l.order_id = o.id) AS units"
        " FROM orders o JOIN clients c ON c.id = o.client_id"
        " LEFT JOIN warehouses w ON w.id = o.warehouse_id"
        f" WHERE {where} ORDER BY o.order_date DESC, o.id DESC LIMIT :limit"
    )


def list_orders(session: Session, query: OrderQuery, *, limit: int = 500) -> list[OrderRow]:
    return load_order_rows(session, list(list_order_ids(session, query, limit=limit)))


def count_orders_by_status(session: Session, query: OrderQuery) -> dict[OrderStatus, int]:
    """Counts for the status tabs: the query's filters except the status filter itself."""
    stmt = _filtered(
        select(Order.status, func.count(Order.id)), replace(query, statuses=())
    ).group_by(Order.status)
    term = search_term(query.search)
    if term == "":
        return {}
    clauses: list[ColumnElement[bool] | None] = (
        list(_search_clauses(session, term)) if term else [None]
    )
    counts: dict[OrderStatus, int] = {}
    for clause in clauses:
        narrowed = stmt if clause is None else stmt.where(clause)
        counts = {OrderStatus(s): int(n) for s, n in session.execute(narrowed)}
        if counts:
            break
    return counts


def _row(o: Any, client_code: str, wh_code: str | None, units: int | None) -> OrderRow:
    """An order (ORM object or result row with the same names) as a list row."""
    return OrderRow(
        OrderId(o.id), o.number, client_code, wh_code, OrderStatus(o.status), o.order_date,
        o.ship_by, o.buyer_name, o.city, o.state, o.service_level, int(units or 0),
        o.tracking_number, o.hold_reason,
    )


def get_order(session: Session, order_id: int) -> OrderDetail:
    order = _get(session, order_id)
    client_code = session.scalar(select(Client.code).where(Client.id == order.client_id)) or ""
    wh_code = (
        session.scalar(select(Warehouse.code).where(Warehouse.id == order.warehouse_id))
        if order.warehouse_id
        else None
    )
    lines = session.execute(
        select(OrderLine, Sku.code, Sku.name_en, Sku.name_zh)
        .join(Sku, Sku.id == OrderLine.sku_id)
        .where(OrderLine.order_id == order.id)
        .order_by(OrderLine.line_no)
    ).all()
    line_infos = tuple(
        OrderLineInfo(ln.line_no, code, name, ln.quantity, ln.unit_price, ln.currency, zh)
        for ln, code, name, zh in lines
    )
    line_no = {ln.id: ln.line_no for ln, _c, _n, _z in lines}
    b = aliased(Bin)
    reservations = tuple(
        ReservationInfo(line_no.get(r.order_line_id, 0), sku_code, wc, bc, r.quantity)
        for r, sku_code, bc, wc in session.execute(
            select(Reservation, Sku.code, b.code, Warehouse.code)
            .join(Sku, Sku.id == Reservation.sku_id)
            .join(b, b.id == Reservation.bin_id)
            .join(Warehouse, Warehouse.id == b.warehouse_id)
            .where(Reservation.order_id == order.id)
            .order_by(Reservation.order_line_id, b.code)
        )
    )
    history = tuple(
        StatusChangeInfo(h.at, h.from_status, h.to_status, h.actor, h.note)
        for h in session.scalars(
            select(OrderStatusChange)
            .where(OrderStatusChange.order_id == order.id)
            .order_by(OrderStatusChange.id)
        )
    )
    units = sum(li.quantity for li in line_infos)
    return OrderDetail(
        _row(order, client_code, wh_code, units), order.company, order.address1,
        order.address2, order.zip, order.country, order.phone, order.email, order.notes,
        order.source, order.carrier, line_infos, reservations, history,
    )


def find_order_id(session: Session, number: str, client_code: str | None = None) -> OrderId:
    client_id = client_by_code(session, client_code).id if client_code else None
    return OrderId(order_by_number(session, number, client_id).id)


