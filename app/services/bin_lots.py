"""One lot per (bin, SKU): the ledger-level rule for lot-tracked SKUs.

Call :func:`accept_lot` before adding units of a lot-tracked SKU to a bin (receiving,
put-away, replenishment, transfers), in the same transaction. It stamps the bin's
balance with the lot and expiry, or refuses when the bin already holds another lot of
that SKU. Dock bins (receiving, returns, damaged, quarantine) hold a whole delivery and
may mix lots; the rule is for sellable bins, whose balances FEFO allocation ranks by
expiry. The update is guarded (``WHERE on_hand = 0 OR lot = :lot``), so two PCs putting
two lots into the same empty bin cannot both win.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, or_, select, update
from sqlalchemy.orm import Session

from app.db.models import Bin, Sku, StockBalance
from app.domain.lots import LotMixing
from app.domain.states import SELLABLE_BIN_TYPES
from app.services.ledger import ensure_balance

B = StockBalance


def accept_lot(session: Session, bin_id: int, sku_id: int, lot: str | None,
               expiry: date | None) -> None:
    """Let units of ``lot`` into the bin, or raise :class:`LotMixing` naming bin and lots.

    A bin that holds none of the SKU takes any lot (its balance gets the lot and expiry);
    one that holds the same lot keeps it (the earlier expiry wins if two receipts of a
    lot disagree). Units without a lot count as a lot of their own.
    """
    bin_type = session.scalar(select(Bin.bin_type).where(Bin.id == bin_id))
    if bin_type not in {t.value for t in SELLABLE_BIN_TYPES}:
        return
    ensure_balance(session, bin_id, sku_id)
    same_lot = B.lot.is_(None) if lot is None else B.lot == lot
    done = session.execute(
        update(B)
        .where(B.bin_id == bin_id, B.sku_id == sku_id, or_(B.on_hand == 0, same_lot))
        .values(lot=lot, expiry=_earlier(expiry))
        .execution_options(synchronize_session=False)
    )
    if done.rowcount == 1:  # type: ignore[attr-defined]
        return
    bin_code, sku_code, held = session.execute(
        select(Bin.code, Sku.code, B.lot)
        .join(B, B.bin_id == Bin.id)
        .join(Sku, Sku.id == B.sku_id)
        .where(B.bin_id == bin_id, B.sku_id == sku_id)
    ).one()
    raise LotMixing(bin=bin_code, sku=sku_code, held=held or "-", lot=lot or "-")


def _earlier(expiry: date | None) -> ColumnElement[Any]:
    """The expiry to store: the new one on an empty bin, the earlier of the two otherwise."""
    if expiry is None:
        return case((B.on_hand == 0, None), else_=B.expiry)
    return case(
        (B.on_hand == 0, expiry),
        (B.expiry.is_(None), expiry),
        (B.expiry < expiry, B.expiry),
        else_=expiry,
    )
