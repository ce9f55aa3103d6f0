"""Receiving, moving and adjusting stock, and reading it back.

Each function is one user action: one ledger move plus its balance changes,
in the caller's transaction. Receiving also retries backordered orders for
the SKU, because new stock is exactly what they were waiting for.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from app.db.base import utcnow
from app.db.models import Bin, Client, Sku, StockBalance, StockMove, Warehouse
from app.domain.errors import BinInactive, InvalidValue
from app.domain.ids import BinId, SkuId
from app.domain.permissions import Actor, Permission, require
from app.domain.search import search_term
from app.domain.states import SELLABLE_BIN_TYPES, AdjustReason, MoveKind
from app.services import ledger
from app.services.allocation import retry_backorders_for_new_stock
from app.services.audit import record_audit
from app.services.bin_lots import accept_lot
from app.services.dto import BinStockRow, MoveInfo, MoveResult, StockRow
from app.services.lookup import (
    bin_by_code,
    client_by_code,
    sku_by_code,
    sku_ids_with_code,
    warehouse_by_code,
)


def _positive(qty: int) -> int:
    if not isinstance(qty, int) or isinstance(qty, bool) or qty <= 0:
        raise InvalidValue(field="quantity", problem=f"'{qty}' must be a whole number above 0")
    return qty


def _active_bin(session: Session, warehouse_code: str, bin_code: str) -> Bin:
    b = bin_by_code(session, warehouse_by_code(session, warehouse_code).id, bin_code)
    if not b.active:
        raise BinInactive(bin=b.code)
    return b


def receive_stock(
    session: Session,
    *,
    client_code: str,
    sku_code: str,
    warehouse_code: str,
    bin_code: str,
    quantity: int,
    actor: Actor,
    reference: str | None = None,
) -> MoveResult:
    """Put ``quantity`` units into a bin; backorders waiting for the SKU get another try.

    The retry runs in the same transaction as the receipt, not after it: the new units
    are exactly what those orders wait for, and reserving them before the commit means
    no other PC's allocation can take them in between - the oldest backorders are
    served first, as promised. It costs at most ``BACKORDER_RETRY_LIMIT`` orders of one
    SKU (``app.services.allocation``). Like every automatic allocation it reserves only
    in warehouses whose ``auto_allocate`` is on; the result names the orders allocated.
    """
    require(actor, Permission.RECEIVE_STOCK)
    qty = _positive(quantity)
    sku = sku_by_code(session, client_by_code(session, client_code).id, sku_code)
    b = _active_bin(session, warehouse_code, bin_code)
    ledger.add_on_hand(session, b.id, sku.id, qty, utcnow())
    move_id = ledger.record_move(
        session, sku_id=sku.id, quantity=qty, kind=MoveKind.RECEIPT, actor=actor,
        to_bin_id=b.id, reference=reference,
    )
    allocated: tuple[str, ...] = ()
    if b.bin_type in SELLABLE_BIN_TYPES:
        allocated = tuple(retry_backorders_for_new_stock(session, sku.id, actor=actor))
    return MoveResult(move_id, sku.code, qty, allocated)


def move_stock(
    session: Session,
    *,
    client_code: str,
    sku_code: str,
    warehouse_code: str,
    from_bin: str,
    to_bin: str,
    quantity: int,
    actor: Actor,
    reason: str | None = None,
) -> MoveResult:
    """Move free (unreserved) units between two bins of one warehouse."""
    require(actor, Permission.MOVE_STOCK)
    qty = _positive(quantity)
    sku = sku_by_code(session, client_by_code(session, client_code).id, sku_code)
    source = _active_bin(session, warehouse_code, from_bin)
    target = _active_bin(session, warehouse_code, to_bin)
    if source.id == target.id:
        raise InvalidValue(field="to bin", problem="is the same bin as the source")
    lot = None
    if sku.lot_tracked:  # one lot per (bin, SKU): the units take their lot with them
        lot, expiry = session.execute(select(StockBalance.lot, StockBalance.expiry).where(
            StockBalance.bin_id == source.id, StockBalance.sku_id == sku.id)).one_or_none() \
            or (None, None)
        accept_lot(session, target.id, sku.id, lot, expiry)
    received_at = ledger.take_free(session, source.id, sku.id, qty)
    ledger.add_on_hand(session, target.id, sku.id, qty, received_at or utcnow())
    move_id = ledger.record_move(
        session, sku_id=sku.id, quantity=qty, kind=MoveKind.TRANSFER, actor=actor,
        from_bin_id=source.id, to_bin_id=target.id, reason=reason, lot=lot,
    )
    allocated: tuple[str, ...] = ()
    if target.bin_type in SELLABLE_BIN_TYPES and source.bin_type not in SELLABLE_BIN_TYPES:
        allocated = tuple(retry_backorders_for_new_stock(session, sku.id, actor=actor))
    return MoveResult(move_id, sku.code, qty, allocated)


def adjust_stock(
    session: Session,
    *,
    client_code: str,
    sku_code: str,
    warehouse_code: str,
    bin_code: str,
    delta: int,
    reason: AdjustReason,
    actor: Actor,
    note: str | None = None,
) -> MoveResult:
    """Correct a bin's count up or down; a reason code is mandatory."""
    require(actor, Permission.ADJUST_STOCK)
    if not isinstance(delta, int) or delta == 0:
        raise InvalidValue(field="quantity", problem="the change must be a non-zero whole number")
    reason = AdjustReason(reason)
    sku = sku_by_code(session, client_by_code(session, client_code).id, sku_code)
    b = bin_by_code(session, warehouse_by_code(session, warehouse_code).id, bin_code)
    if delta > 0:
        ledger.add_on_hand(session, b.id, sku.id, delta, utcnow())
        move_id = ledger.record_move(
            session, sku_id=sku.id, quantity=delta, kind=MoveKind.ADJUSTMENT, actor=actor,
            to_bin_id=b.id, reason=reason.value, reference=note,
        )
    else:
        ledger.take_free(session, b.id, sku.id, -delta)
        move_id = ledger.record_move(
            session, sku_id=sku.id, quantity=-delta, kind=MoveKind.ADJUSTMENT, actor=actor,
            from_bin_id=b.id, reason=reason.value, reference=note,
        )
    record_audit(
        session, actor, "adjust", "stock", move_id, sku=sku.code, bin=b.code, delta=delta,
        reason=reason.value,
    )
    result = MoveResult(move_id, sku.code, delta)
    if delta > 0 and b.bin_type in SELLABLE_BIN_TYPES:
        allocated = tuple(retry_backorders_for_new_stock(session, sku.id, actor=actor))
        result = replace(result, allocated_orders=allocated)
    return result


def stock_by_sku(
    session: Session,
    *,
    sku_code: str | None = None,
    warehouse_code: str | None = None,
    client_code: str | None = None,
) -> list[StockRow]:
    """On hand, reserved and available per SKU and warehouse; only sellable bins are available."""
    sellable = Bin.bin_type.in_([t.value for t in SELLABLE_BIN_TYPES])
    avail = func.sum(case((sellable, StockBalance.on_hand - StockBalance.reserved), else_=0))
    stmt = (
        select(
            Sku.id, Sku.code, Client.code, Sku.name_en, Sku.name_zh, Warehouse.code,
            func.sum(StockBalance.on_hand), func.sum(StockBalance.reserved), avail,
        )
        .select_from(StockBalance)
        .join(Sku, Sku.id == StockBalance.sku_id)
        .join(Client, Client.id == Sku.client_id)
        .join(Bin, Bin.id == StockBalance.bin_id)
        .join(Warehouse, Warehouse.id == Bin.warehouse_id)
        .group_by(Sku.id, Sku.code, Client.code, Sku.name_en, Sku.name_zh, Warehouse.code)
        .having(func.sum(StockBalance.on_hand) > 0)
        .order_by(Client.code, Sku.code, Warehouse.code)
    )
    text = search_term(sku_code)
    if text == "":
        return []  # only characters no SKU code holds were typed
    if text:
        stmt = stmt.where(Sku.id.in_(sku_ids_with_code(text)))
    if warehouse_code:
        stmt = stmt.where(Warehouse.id == warehouse_by_code(session, warehouse_code).id)
    if client_code:
        stmt = stmt.where(Client.id == client_by_code(session, client_code).id)
    return [
        StockRow(sid, sc, cc, en, zh, wc, int(oh or 0), int(rs or 0), int(av or 0))
        for sid, sc, cc, en, zh, wc, oh, rs, av in session.execute(stmt)
    ]


def stock_by_bin(
    session: Session,
    *,
    warehouse_code: str | None = None,
    bin_code: str | None = None,
    sku_code: str | None = None,
) -> list[BinStockRow]:
    stmt = (
        select(
            Bin.id, Warehouse.code, Bin.code, Bin.bin_type, Sku.id, Sku.code, Client.code,
            StockBalance.on_hand, StockBalance.reserved, StockBalance.received_at,
        )
        .select_from(StockBalance)
        .join(Bin, Bin.id == StockBalance.bin_id)
        .join(Warehouse, Warehouse.id == Bin.warehouse_id)
        .join(Sku, Sku.id == StockBalance.sku_id)
        .join(Client, Client.id == Sku.client_id)
        .where(StockBalance.on_hand > 0)
        .order_by(Warehouse.code, Bin.code, Sku.code)
    )
    if warehouse_code:
        stmt = stmt.where(Warehouse.id == warehouse_by_code(session, warehouse_code).id)
    bin_text = search_term(bin_code)
    if bin_text == "":
        return []
    if bin_text:
        stmt = stmt.where(Bin.code == bin_text.upper())
    text = search_term(sku_code)
    if text == "":
        return []  # only characters no SKU code holds were typed
    if text:
        stmt = stmt.where(Sku.id.in_(sku_ids_with_code(text)))
    return [
        BinStockRow(BinId(b), wc, bc, bt, SkuId(s), sc, cc, oh, rs, ra)
        for b, wc, bc, bt, s, sc, cc, oh, rs, ra in session.execute(stmt)
    ]


def list_moves(
    session: Session,
    *,
    sku_id: int | None = None,
    bin_id: int | None = None,
    limit: int = 500,
) -> list[MoveInfo]:
    """The newest moves of a SKU and/or a bin, with who, when and why."""
    src, dst = aliased(Bin), aliased(Bin)
    stmt = (
        select(
            StockMove.id, StockMove.at, Sku.code, src.code, dst.code, StockMove.quantity,
            StockMove.kind, StockMove.reason, StockMove.reference, StockMove.actor,
            Warehouse.code,
        )
        .join(Sku, Sku.id == StockMove.sku_id)
        .outerjoin(src, src.id == StockMove.from_bin_id)
        .outerjoin(dst, dst.id == StockMove.to_bin_id)
        .join(Warehouse, Warehouse.id == func.coalesce(src.warehouse_id, dst.warehouse_id))
        .order_by(StockMove.id.desc())
        .limit(limit)
    )
    if sku_id is not None:
        stmt = stmt.where(StockMove.sku_id == sku_id)
    if bin_id is not None:
        stmt = stmt.where((StockMove.from_bin_id == bin_id) | (StockMove.to_bin_id == bin_id))
    return [
        MoveInfo(i, at, sc, fb, tb, q, k, r, ref, a, wc)
        for i, at, sc, fb, tb, q, k, r, ref, a, wc in session.execute(stmt)
    ]
