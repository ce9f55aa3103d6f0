"""Days of cover and the low / out-of-stock lists a seller gets.

Per SKU of a client, over all warehouses: the sellable units (free = on hand minus
reserved, in pick and storage bins only - receiving, returns, damaged and staging stock
cannot be sold) divided by the average units shipped per day over the last 30 days
(:mod:`app.services.velocity` says what counts as shipped). A SKU with nothing sellable is
``out``; one whose cover is below the threshold (14 days unless told) is ``low``; a SKU
that sold nothing in 30 days has no cover figure (``None``: it lasts for ever) and is
never low. Every active SKU is listed, so a SKU never received shows as out.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.db.models import Bin, Client, Sku, StockBalance
from app.domain.errors import InvalidValue
from app.domain.states import SELLABLE_BIN_TYPES
from app.services.lookup import client_by_code
from app.services.velocity import shipped_units

#: Days of shipped units behind the daily average.
COVER_WINDOW_DAYS = 30
#: Cover below this many days is low, unless the caller says otherwise.
DEFAULT_LOW_DAYS = 14


@dataclass(frozen=True)
class CoverRow:
    client: str
    sku: str
    name: str
    sellable: int
    shipped_30d: int
    daily_average: float
    #: None when nothing shipped in the window (no end in sight).
    days_of_cover: float | None
    low: bool
    out: bool

    @property
    def status(self) -> str:
        return "out" if self.out else "low" if self.low else "ok"


def stock_cover(session: Session, *, client_code: str | None = None,
                low_days: float = DEFAULT_LOW_DAYS, only_flagged: bool = False,
                ) -> list[CoverRow]:
    """Days of cover per SKU (see the module); ``only_flagged`` keeps low and out rows."""
    if low_days <= 0:
        raise InvalidValue(field="low threshold", problem=f"'{low_days}' must be above 0 days")
    sellable = Bin.bin_type.in_([t.value for t in SELLABLE_BIN_TYPES])
    free = (select(StockBalance.sku_id,
                   func.sum(case((sellable, StockBalance.on_hand - StockBalance.reserved),
                                 else_=0)).label("free"))
            .join(Bin, Bin.id == StockBalance.bin_id)
            .where(Bin.active.is_(True))
            .group_by(StockBalance.sku_id).subquery())
    stmt = (select(Sku.id, Client.code, Sku.code, Sku.name_en, func.coalesce(free.c.free, 0))
            .join(Client, Client.id == Sku.client_id)
            .outerjoin(free, free.c.sku_id == Sku.id)
            .where(Sku.active.is_(True)).order_by(Client.code, Sku.code))
    if client_code:
        stmt = stmt.where(Sku.client_id == client_by_code(session, client_code).id)
    skus = session.execute(stmt).all()
    shipped = shipped_units(session, days=COVER_WINDOW_DAYS)
    rows = []
    for sku_id, client, code, name, units in skus:
        units = max(int(units), 0)
        sold = shipped.get(sku_id, 0)
        per_day = sold / COVER_WINDOW_DAYS
        cover = round(units / per_day, 1) if per_day else None
        out = units == 0
        low = not out and cover is not None and cover < low_days
        if only_flagged and not (low or out):
            continue
        rows.append(CoverRow(client, code, name or "", units, sold, round(per_day, 2), cover,
                             low, out))
    return rows
