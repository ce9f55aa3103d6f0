"""Checks shared by the stock-lot, returns and count tests: the ledger, the balances and
the FIFO layers tell the same story."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models import Bin, StockBalance, StockLot
from app.services.health import reconcile_stock


def layers_and_on_hand(db: Database) -> tuple[dict[tuple[int, int], int],
                                              dict[tuple[int, int], int]]:
    """(warehouse, SKU) -> remaining units in layers, and -> units on hand."""
    with db.reading() as s:
        layers = {(w, k): int(q) for w, k, q in s.execute(
            select(StockLot.warehouse_id, StockLot.sku_id, func.sum(StockLot.remaining))
            .group_by(StockLot.warehouse_id, StockLot.sku_id))}
        on_hand: dict[tuple[int, int], int] = defaultdict(int)
        for w, k, q in s.execute(
                select(Bin.warehouse_id, StockBalance.sku_id, StockBalance.on_hand)
                .join(Bin, Bin.id == StockBalance.bin_id)):
            on_hand[(w, k)] += int(q)
    return layers, dict(on_hand)


def assert_stock_true(db: Database) -> None:
    """Ledger = balances, and every unit on hand is in exactly one layer."""
    with db.reading() as s:
        report = reconcile_stock(s)
    assert report.ok, report
    layers, on_hand = layers_and_on_hand(db)
    keys = layers.keys() | on_hand.keys()
    assert {k: layers.get(k, 0) for k in keys} == {k: on_hand.get(k, 0) for k in keys}
