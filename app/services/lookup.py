"""Finding records by the codes people type or scan, with a clear error when absent."""

from __future__ import annotations

from sqlalchemy import CompoundSelect, select
from sqlalchemy.orm import Session

from app.db.models import Bin, Client, Order, Sku, SkuBarcode, Warehouse
from app.domain.errors import NotFound


def client_by_code(session: Session, code: str) -> Client:
    client = session.scalar(select(Client).where(Client.code == code.strip().upper()))
    if client is None:
        raise NotFound(kind="Client", key=code)
    return client


def warehouse_by_code(session: Session, code: str) -> Warehouse:
    wh = session.scalar(select(Warehouse).where(Warehouse.code == code.strip().upper()))
    if wh is None:
        raise NotFound(kind="Warehouse", key=code)
    return wh


def bin_by_code(session: Session, warehouse_id: int, code: str) -> Bin:
    b = session.scalar(
        select(Bin).where(Bin.warehouse_id == warehouse_id, Bin.code == code.strip().upper())
    )
    if b is None:
        raise NotFound(kind="Bin", key=code)
    return b


def sku_by_code(session: Session, client_id: int, code: str) -> Sku:
    """A SKU by its code or by any of its barcodes (what a scanner types)."""
    text = code.strip()
    sku = session.scalar(select(Sku).where(Sku.client_id == client_id, Sku.code == text))
    if sku is None:
        sku = session.scalar(
            select(Sku)
            .join(SkuBarcode, SkuBarcode.sku_id == Sku.id)
            .where(SkuBarcode.client_id == client_id, SkuBarcode.code == text)
        )
    if sku is None:
        raise NotFound(kind="SKU", key=code)
    return sku


def skus_matching(session: Session, code: str) -> list[Sku]:
    """Every SKU of any client whose code or barcode equals ``code``."""
    text = code.strip()
    return list(session.scalars(select(Sku).where(Sku.id.in_(sku_ids_with_code(text)))))


def sku_ids_with_code(code: str) -> CompoundSelect:
    """Ids of the SKUs (any client) whose code or one of whose barcodes is ``code``:
    a subquery for searches that accept either."""
    return select(Sku.id).where(Sku.code == code).union(
        select(SkuBarcode.sku_id).where(SkuBarcode.code == code)
    )


def order_by_number(session: Session, number: str, client_id: int | None = None) -> Order:
    stmt = select(Order).where(Order.number == number.strip())
    if client_id is not None:
        stmt = stmt.where(Order.client_id == client_id)
    orders = list(session.scalars(stmt.limit(2)))
    if not orders:
        raise NotFound(kind="Order", key=number)
    if len(orders) > 1:
        raise NotFound(kind="Order", key=f"{number} (several clients use it; name the client)")
    return orders[0]
