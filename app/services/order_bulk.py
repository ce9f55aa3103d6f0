"""Creating many orders at once, for file imports and platform syncs.

:func:`app.services.orders.create_order_for` goes through the ORM unit of work,
which is right for one order and about 30x too slow for 100,000 (see
``performance.md``, G7). Here SKUs and existing order numbers are looked up in
bulk; orders and lines are written with SQLAlchemy-compiled INSERTs through the
driver's executemany in chunks, and the first status-history rows with one
INSERT ... SELECT. The caller's session supplies the
transaction, so a failure leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, func, insert, literal, null, select
from sqlalchemy.orm import Session

from app.db.base import UtcDateTime, utcnow
from app.db.bulk import DriverStatement, chunks
from app.db.models import Order, OrderLine, OrderStatusChange, Sku, SkuBarcode
from app.domain.errors import AlreadyExists, InvalidValue, NotFound
from app.domain.ids import OrderId
from app.domain.order_value import IncomingOrder
from app.domain.permissions import Actor, Permission, require
from app.domain.states import OrderStatus
from app.services.order_rows import CONTENT_FIELDS, order_values
from app.services.ship_dates import ship_terms

#: Values per ``IN (...)``: below SQLite's historic limit of 999 bound parameters.
_IN_CHUNK = 900

_ORDERS = cast(Table, Order.__table__)
_LINES = cast(Table, OrderLine.__table__)
_HISTORY = cast(Table, OrderStatusChange.__table__)


def resolve_skus(session: Session, client_id: int, texts: Iterable[str]) -> dict[str, int]:
    """Map each text to the client's SKU id: by code, else by one of its barcodes, else by the
    code ignoring case when that is unambiguous. Texts that match nothing are left out."""
    wanted = sorted({t for t in texts if t})
    found: dict[str, int] = {}
    for chunk in chunks(wanted, _IN_CHUNK):
        found.update((code, sku_id) for code, sku_id in session.execute(
            select(Sku.code, Sku.id).where(Sku.client_id == client_id, Sku.code.in_(chunk))
        ))
    rest = [t for t in wanted if t not in found]
    for chunk in chunks(rest, _IN_CHUNK):
        found.update(session.execute(
            select(SkuBarcode.code, SkuBarcode.sku_id).where(
                SkuBarcode.client_id == client_id, SkuBarcode.code.in_(chunk)
            )
        ).all())
    rest = [t for t in wanted if t not in found]
    folded: dict[str, set[int]] = {}
    for chunk in chunks(sorted({t.lower() for t in rest}), _IN_CHUNK):
        for code, sku_id in session.execute(
            select(Sku.code, Sku.id).where(
                Sku.client_id == client_id, func.lower(Sku.code).in_(chunk)
            )
        ):
            folded.setdefault(code.lower(), set()).add(sku_id)
    for text in rest:
        ids = folded.get(text.lower(), set())
        if len(ids) == 1:
            found[text] = next(iter(ids))
    return found


def existing_order_ids(
    session: Session, client_id: int, numbers: Iterable[str]
) -> dict[str, int]:
    """The ids of those of ``numbers`` the client already has orders for."""
    wanted = sorted(set(numbers))
    found: dict[str, int] = {}
    for chunk in chunks(wanted, _IN_CHUNK):
        found.update((number, oid) for number, oid in session.execute(
            select(Order.number, Order.id).where(
                Order.client_id == client_id, Order.number.in_(chunk)
            )
        ))
    return found


class StoredLine(NamedTuple):
    sku_id: int
    quantity: int
    unit_price: Decimal | None
    currency: str


class StoredOrder(NamedTuple):
    """An existing order's content, to tell a re-import from a conflicting one."""

    number: str
    order_date: datetime
    fields: dict[str, Any]
    lines: tuple[StoredLine, ...]


def load_stored_orders(session: Session, ids: Iterable[int]) -> dict[int, StoredOrder]:
    """Content of the given orders, with their lines in line order."""
    wanted = sorted(set(ids))
    columns = [getattr(Order, name) for name in CONTENT_FIELDS]
    heads: dict[int, tuple[str, datetime, dict[str, Any]]] = {}
    lines: dict[int, list[StoredLine]] = {}
    for chunk in chunks(wanted, _IN_CHUNK):
        for oid, number, when, *values in session.execute(
            select(Order.id, Order.number, Order.order_date, *columns).where(Order.id.in_(chunk))
        ):
            heads[oid] = (number, when, dict(zip(CONTENT_FIELDS, values, strict=True)))
        for oid, sku_id, qty, price, currency in session.execute(
            select(OrderLine.order_id, OrderLine.sku_id, OrderLine.quantity,
                   OrderLine.unit_price, OrderLine.currency)
            .where(OrderLine.order_id.in_(chunk))
            .order_by(OrderLine.order_id, OrderLine.line_no)
        ):
            lines.setdefault(oid, []).append(StoredLine(sku_id, qty, price, currency))
    return {
        oid: StoredOrder(number, when, values, tuple(lines.get(oid, ())))
        for oid, (number, when, values) in heads.items()
    }


_ORDER_COLUMNS = (
    "client_id", "number", "status", "source", "order_date", "ship_by", *CONTENT_FIELDS,
    "created_at", "updated_at",
)
_LINE_COLUMNS = ("order_id", "line_no", "sku_id", "quantity", "unit_price", "currency")


def insert_orders(
    session: Session,
    client_id: int,
    orders: Sequence[IncomingOrder],
    sku_ids: Mapping[str, int],
    *,
    actor: Actor,
    skip_existing: bool = False,
) -> dict[str, OrderId]:
    """Insert checked orders; return number -> id.

    Preconditions (checked by :func:`create_orders_bulk` or the caller): the numbers are
    new for this client and unique in ``orders``, every line's ``sku`` is a key of
    ``sku_ids``, quantities are > 0. The unique and check constraints still guard the
    table if a caller breaks them. An order without ``order_date`` is dated now; one
    without ``ship_by`` gets the date the client's terms give (:mod:`ship_dates`).

    ``skip_existing`` is for callers that checked the numbers before another PC could
    insert them (two file imports at once on PostgreSQL): an order whose number the
    client has by now is skipped - without its lines - and left out of the result, so
    the caller can tell what it wrote from what another transaction wrote meanwhile.
    The orders are then written in number order, so two imports of overlapping files
    wait for each other instead of deadlocking.
    """
    if not orders:
        return {}
    if skip_existing:
        orders = sorted(orders, key=lambda o: o.number)
    session.flush()
    conn = session.connection()
    now = utcnow()
    new = OrderStatus.NEW.value
    before = conn.scalar(select(func.max(Order.id))) or 0
    order_insert = DriverStatement.insert(
        conn, _ORDERS, _ORDER_COLUMNS,
        skip_existing=("client_id", "number") if skip_existing else ())
    when = order_insert.processor("order_date")
    stamp = when(now)
    terms = ship_terms(session, client_id) if any(o.ship_by is None for o in orders) else None

    def ship_by(o: IncomingOrder) -> Any:
        if o.ship_by is not None:
            return when(o.ship_by)
        return None if terms is None else when(terms.ship_by(o.order_date or now))

    order_insert.run([
        (
            client_id, o.number, new, o.source,
            stamp if o.order_date is None else when(o.order_date), ship_by(o),
            *order_values(o), stamp, stamp,
        )
        for o in orders
    ])
    # Ids are read back by number rather than through RETURNING: plain executemany is
    # the fast path on both SQLite and PostgreSQL, and (client, number) is unique. The
    # created_at stamp keeps out orders another PostgreSQL session committed meanwhile.
    ours = (Order.client_id == client_id) & (Order.id > before) & (Order.created_at == now)
    ids: dict[str, int] = {
        number: oid for number, oid in conn.execute(select(Order.number, Order.id).where(ours))
    }
    if skip_existing:
        orders = [o for o in orders if o.number in ids]
    line_insert = DriverStatement.insert(conn, _LINES, _LINE_COLUMNS)
    price = line_insert.processor("unit_price")
    line_insert.run([
        (ids[o.number], n, sku_ids[ln.sku], ln.quantity,
         None if ln.unit_price is None else price(ln.unit_price), ln.currency)
        for o in orders
        for n, ln in enumerate(o.lines, start=1)
    ])
    # The first history row of every new order in one INSERT ... SELECT: no per-row Python.
    conn.execute(insert(_HISTORY).from_select(
        ["order_id", "at", "from_status", "to_status", "actor", "note"],
        select(Order.id, literal(now, UtcDateTime), null(), literal(new), literal(actor.name),
               null())
        .where(ours),
    ))
    return {o.number: OrderId(ids[o.number]) for o in orders}


def create_orders_bulk(
    session: Session, client_id: int, orders: Sequence[IncomingOrder], *, actor: Actor
) -> dict[str, OrderId]:
    """Check and insert many orders; all or none (raises before writing anything).

    Raises AlreadyExists for a number the client already has (or that repeats in
    ``orders``), NotFound for SKU codes/barcodes the client lacks, InvalidValue for an
    order without lines or a quantity that is not > 0.
    """
    require(actor, Permission.IMPORT_ORDERS)
    seen: set[str] = set()
    for o in orders:
        if o.number in seen:
            raise AlreadyExists(kind="Order", key=o.number)
        seen.add(o.number)
        if not o.lines:
            raise InvalidValue(field="order", problem=f"{o.number} has no lines")
        for i, ln in enumerate(o.lines, start=1):
            if ln.quantity <= 0:
                raise InvalidValue(field="quantity",
                                   problem=f"line {i} of {o.number} is not > 0")
    existing = existing_order_ids(session, client_id, seen)
    if existing:
        raise AlreadyExists(kind="Order", key=", ".join(sorted(existing)[:10]))
    codes = {ln.sku for o in orders for ln in o.lines}
    sku_ids = resolve_skus(session, client_id, codes)
    missing = sorted(codes - sku_ids.keys())
    if missing:
        raise NotFound(kind="SKU", key=", ".join(missing[:10]))
    return insert_orders(session, client_id, orders, sku_ids, actor=actor)
