"""Products (SKUs) and their barcodes. Each belongs to one client; codes are unique per client."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Integer, Numeric, String, UniqueConstraint
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base


class Sku(Base):
    __tablename__ = "skus"
    __table_args__ = (UniqueConstraint("client_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    code: Mapped[str] = mapped_column(String(64), index=True)
    name_en: Mapped[str] = mapped_column(String(300))
    name_zh: Mapped[str | None] = mapped_column(String(300))
    weight_g: Mapped[int] = mapped_column(Integer, default=0)
    length_mm: Mapped[int] = mapped_column(Integer, default=0)
    width_mm: Mapped[int] = mapped_column(Integer, default=0)
    height_mm: Mapped[int] = mapped_column(Integer, default=0)
    prepacked: Mapped[bool] = mapped_column(Boolean, default=False)
    lot_tracked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    #: Lot-tracked SKUs: never allocate stock expiring within this many days.
    expiry_window_days: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    hazmat: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    #: Customs value per unit, in the client's currency.
    declared_value: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    hs_code: Mapped[str | None] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SkuBarcode(Base):
    """Any code printed on the product (UPC, EAN, FNSKU, the seller's own).

    Unique per client, so a scan names one SKU of that client; two clients may
    share a code (the same product sold by two sellers).
    """

    __tablename__ = "sku_barcodes"
    __table_args__ = (UniqueConstraint("client_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(64), index=True)
