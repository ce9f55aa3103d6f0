"""A warehouse with allocated orders ready for a wave, shared by the picking tests."""

from __future__ import annotations

from sqlalchemy import select

from app.db.engine import Database
from app.db.models import Bin, Warehouse
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services.allocation import allocate_order
from app.services.health import reconcile_stock
from tests.world import build_world, place_order, receive

CLERK = Actor("clerk", Role.CLERK)
PICKER = Actor("picker", Role.PICKER)
PICKER2 = Actor("picker2", Role.PICKER)
PACKER = Actor("packer", Role.PACKER)


def picking_world(db: Database, orders: dict[str, dict[str, int]],
                  stock: dict[tuple[str, str], int]) -> dict[str, int]:
    """build_world, stock by (SKU, bin) in LA1, the orders placed and allocated.

    Returns order number -> id. The layout is the schema's default (3 m aisles, 1 m bins).
    """
    build_world(db)
    for (sku, bin_code), qty in stock.items():
        receive(db, sku, qty, bin_code=bin_code)
    ids = {number: int(place_order(db, number, lines)) for number, lines in orders.items()}
    with db.writing() as s:
        for oid in ids.values():
            allocate_order(s, oid, actor=CLERK)
    return ids


def assert_ledger_matches(db: Database) -> None:
    with db.reading() as s:
        report = reconcile_stock(s)
    assert report.ok, report


def bin_flag(db: Database, code: str) -> str | None:
    with db.reading() as s:
        la = s.scalar(select(Warehouse.id).where(Warehouse.code == "LA1"))
        return s.scalar(select(Bin.count_flag_reason).where(Bin.code == code,
                                                             Bin.warehouse_id == la))
