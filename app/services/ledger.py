"""The one place stock changes: a move in the ledger and the balances it touches.

Every update is conditional and its row count checked, so concurrent writers
on SQLite or PostgreSQL can never take stock below what is free, nor release
more than is reserved. Callers hold the transaction.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import case, insert, select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.dialects import dialect_insert
from app.db.models import Bin, Sku, StockBalance, StockMove
from app.domain.errors import InsufficientStock
from app.domain.permissions import Actor
from app.domain.states import MoveKind
from app.services.stock_layers import follow_move

B = StockBalance


def ensure_balance(session: Session, bin_id: int, sku_id: int) -> None:
    """Create the (bin, SKU) balance row if missing; safe when two writers race."""
    values = {"bin_id": bin_id, "sku_id": sku_id, "on_hand": 0, "reserved": 0}
    session.execute(dialect_insert(session)(B).values(values).on_conflict_do_nothing())


def add_on_hand(
    session: Session, bin_id: int, sku_id: int, qty: int, received_at: datetime
) -> None:
    ensure_balance(session, bin_id, sku_id)
    session.execute(
        update(B)
        .where(B.bin_id == bin_id, B.sku_id == sku_id)
        .values(
            on_hand=B.on_hand + qty,
            received_at=case((B.on_hand == 0, received_at), else_=B.received_at),
        )
    )


def take_free(session: Session, bin_id: int, sku_id: int, qty: int) -> datetime | None:
    """Remove ``qty`` unreserved units; returns the bin's receipt date for FIFO carry-over."""
    received_at = session.scalar(
        select(B.received_at).where(B.bin_id == bin_id, B.sku_id == sku_id)
    )
    result = session.execute(
        update(B)
        .where(B.bin_id == bin_id, B.sku_id == sku_id, B.on_hand - B.reserved >= qty)
        .values(
            on_hand=B.on_hand - qty,
            received_at=case((B.on_hand - qty == 0, None), else_=B.received_at),
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        _raise_short(session, bin_id, sku_id, qty)
    return received_at


def reserve(session: Session, bin_id: int, sku_id: int, qty: int) -> bool:
    """Book ``qty`` free units; False when another writer got there first."""
    result = session.execute(
        update(B)
        .where(B.bin_id == bin_id, B.sku_id == sku_id, B.on_hand - B.reserved >= qty)
        .values(reserved=B.reserved + qty)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def unreserve(session: Session, bin_id: int, sku_id: int, qty: int) -> None:
    result = session.execute(
        update(B)
        .where(B.bin_id == bin_id, B.sku_id == sku_id, B.reserved >= qty)
        .values(reserved=B.reserved - qty)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise RuntimeError(f"reservation of {qty} in bin {bin_id} for SKU {sku_id} is missing")


def record_move(
    session: Session,
    *,
    sku_id: int,
    quantity: int,
    kind: MoveKind,
    actor: Actor,
    from_bin_id: int | None = None,
    to_bin_id: int | None = None,
    reason: str | None = None,
    reference: str | None = None,
    order_id: int | None = None,
    lot: str | None = None,
    expiry: date | None = None,
    draw_move_id: int | None = None,
) -> int:
    """Append one move to the ledger and keep the FIFO layers in step with it.

    Units coming into the warehouse start a stock lot (with ``lot``/``expiry`` of a
    lot-tracked SKU); units leaving it draw down the oldest lots - the lot of
    ``draw_move_id`` first, for units written off right after they came in (a disposed
    return). See :mod:`app.services.stock_layers`.
    """
    at = utcnow()
    result = session.execute(
        insert(StockMove)
        .values(
            at=at,
            sku_id=sku_id,
            from_bin_id=from_bin_id,
            to_bin_id=to_bin_id,
            quantity=quantity,
            kind=kind.value,
            reason=reason,
            reference=reference,
            order_id=order_id,
            lot=lot,
            actor=actor.name,
        )
        .returning(StockMove.id)
    )
    move_id = int(result.scalar_one())
    follow_move(session, move_id=move_id, at=at, sku_id=sku_id, quantity=quantity, kind=kind,
                from_bin_id=from_bin_id, to_bin_id=to_bin_id, reference=reference, lot=lot,
                expiry=expiry, draw_move_id=draw_move_id)
    return move_id


def _raise_short(session: Session, bin_id: int, sku_id: int, qty: int) -> None:
    row = session.execute(
        select(Bin.code, Sku.code, B.on_hand, B.reserved)
        .select_from(Bin)
        .join(Sku, Sku.id == sku_id)
        .outerjoin(B, (B.bin_id == Bin.id) & (B.sku_id == sku_id))
        .where(Bin.id == bin_id)
    ).first()
    if row is None:
        raise InsufficientStock(sku=str(sku_id), bin=str(bin_id), available=0, wanted=qty)
    bin_code, sku_code, on_hand, reserved = row
    raise InsufficientStock(
        sku=sku_code, bin=bin_code, available=(on_hand or 0) - (reserved or 0), wanted=qty
    )
