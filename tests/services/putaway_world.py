"""A warehouse with units waiting at the dock, for put-away and replenishment tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.db.engine import Database
from app.db.models import Bin, Client, Sku, StockBalance, Warehouse
from app.services import organisation as org
from app.services import skus as sku_svc
from app.services.bin_lots import accept_lot
from app.services.health import reconcile_stock
from app.services.inventory import receive_stock
from app.services.putaway import create_putaway_task
from tests.world import ACTOR, build_world


def setup(db: Database) -> None:
    """The shared world, plus a lot-tracked SKU (JAM, 10 x 10 x 10 cm = 1 L each)."""
    build_world(db)
    with db.writing() as s:
        sku_svc.create_sku(s, "ACME", sku_svc.SkuDraft(
            "JAM", "Jam", "果酱", length_mm=100, width_mm=100, height_mm=100,
            lot_tracked=True, expiry_window_days=30), actor=ACTOR)


def ids(db: Database, bin_code: str, sku: str = "MUG", wh: str = "LA1") -> tuple[int, int, int]:
    """(warehouse id, bin id, SKU id) of ACME's SKU."""
    with db.reading() as s:
        wh_id = s.scalar(select(Warehouse.id).where(Warehouse.code == wh))
        bin_id = s.scalar(select(Bin.id).where(Bin.warehouse_id == wh_id, Bin.code == bin_code))
        sku_id = s.scalar(select(Sku.id).join(Client, Client.id == Sku.client_id)
                          .where(Client.code == "ACME", Sku.code == sku))
    assert wh_id and bin_id and sku_id
    return wh_id, bin_id, sku_id


def stock(db: Database, bin_code: str, sku: str = "MUG", wh: str = "LA1",
          lot: str | None = None, expiry: date | None = None, qty: int = 0) -> None:
    """Put ``qty`` units into a bin (with a lot for JAM), as receiving does."""
    _wh, bin_id, sku_id = ids(db, bin_code, sku, wh)
    with db.writing() as s:
        if lot is not None:
            accept_lot(s, bin_id, sku_id, lot, expiry)
        receive_stock(s, client_code="ACME", sku_code=sku, warehouse_code=wh,
                      bin_code=bin_code, quantity=qty, actor=ACTOR)


def dock_task(db: Database, qty: int, sku: str = "MUG", lot: str | None = None,
              expiry: date | None = None) -> int:
    """``qty`` units received into RCV-01 and a put-away task for them."""
    stock(db, "RCV-01", sku, qty=qty)
    wh_id, rcv, sku_id = ids(db, "RCV-01", sku)
    with db.writing() as s:
        if lot is not None:
            s.execute(StockBalance.__table__.update().where(
                StockBalance.bin_id == rcv, StockBalance.sku_id == sku_id)
                .values(lot=lot, expiry=expiry))
        return create_putaway_task(s, warehouse_id=wh_id, sku_id=sku_id, quantity=qty,
                                   from_bin_id=rcv, lot=lot, source="ASN-1", actor=ACTOR)


def capacity(db: Database, bin_code: str, units: int | None = None,
             litres: str | None = None) -> None:
    with db.writing() as s:
        org.set_bin_capacity(s, "LA1", bin_code, capacity_units=units,
                             capacity_litres=Decimal(litres) if litres else None, actor=ACTOR)


def on_hand(db: Database, bin_code: str, sku: str = "MUG") -> tuple[int, int]:
    _wh, bin_id, sku_id = ids(db, bin_code, sku)
    with db.reading() as s:
        row = s.execute(select(StockBalance.on_hand, StockBalance.reserved).where(
            StockBalance.bin_id == bin_id, StockBalance.sku_id == sku_id)).first()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def assert_ledger_matches(db: Database) -> None:
    with db.reading() as s:
        report = reconcile_stock(s)
    assert report.ok, report.differences
