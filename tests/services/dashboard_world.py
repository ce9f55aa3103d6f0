"""A day of known work for the dashboard tests (service and screen).

``NOW`` is 20 Nov 2026 10:30 in Los Angeles (18:30 UTC); the local day began 08:00 UTC.
O1 new, late (ship-by an hour ago); O2 backordered (no stock); O3 shipped today by bob;
O4 cancelled yesterday. ann picked 2 lines at 08:10 local (and one yesterday); bob packed
2 parcels at 09:05 and shipped O3 at 09:30 (and an order yesterday). One open shipping
exception (no_scan), one resolved. ACME MUG and BETA MUG have no stock (out); ACME CUP has
100 units and no sales (never low).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from app.db.engine import Database
from app.db.models import (
    Bin,
    Order,
    OrderLine,
    OrderStatusChange,
    Parcel,
    PickCart,
    PickTask,
    ShippingException,
    Warehouse,
    Wave,
)
from app.services.allocation import allocate_order
from app.services.orders import cancel_order
from tests.world import ACTOR, build_world, place_order, receive

LA = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
TODAY = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
YESTERDAY = datetime(2026, 11, 19, 12, 0, tzinfo=UTC)


def at(local_hour: int, minute: int = 0) -> datetime:
    """That local wall-clock time of 20 Nov in Los Angeles, as UTC."""
    return datetime(2026, 11, 20, local_hour, minute, tzinfo=LA).astimezone(UTC)


def build_dashboard_day(db: Database) -> dict[str, int]:
    build_world(db)
    receive(db, "CUP", 100)
    ids = {n: int(place_order(db, n, lines)) for n, lines in
           (("O1", {"CUP": 2}), ("O2", {"MUG": 1}), ("O3", {"CUP": 1}), ("O4", {"CUP": 1}))}
    with db.writing() as s:
        allocate_order(s, ids["O2"], actor=ACTOR)
        cancel_order(s, ids["O4"], actor=ACTOR)
        s.execute(update(Order).values(updated_at=TODAY))
        s.execute(update(Order).where(Order.id == ids["O1"])
                  .values(ship_by=NOW - timedelta(hours=1)))
        s.execute(update(Order).where(Order.id == ids["O2"])
                  .values(ship_by=NOW + timedelta(days=1)))
        s.execute(update(Order).where(Order.id == ids["O3"])
                  .values(status="shipped", ship_by=NOW - timedelta(days=1)))
        s.execute(update(Order).where(Order.id == ids["O4"])
                  .values(updated_at=YESTERDAY, order_date=YESTERDAY))
        wh = s.scalar(select(Warehouse.id).where(Warehouse.code == "LA1"))
        assert wh is not None
        bin_id = s.scalar(select(Bin.id).where(Bin.warehouse_id == wh))
        wave = Wave(number="W1", warehouse_id=wh, status="released", created_by="clerk")
        s.add(wave)
        s.flush()
        cart = PickCart(wave_id=wave.id, seq=1, code="W1-1", status="done")
        s.add(cart)
        s.flush()
        line = s.scalars(select(OrderLine).where(OrderLine.order_id == ids["O1"])).one()
        for seq, when in enumerate((at(8, 10), at(8, 40), YESTERDAY)):
            s.add(PickTask(cart_id=cart.id, order_id=ids["O1"], order_line_id=line.id,
                           sku_id=line.sku_id, bin_id=bin_id, seq=seq, quantity=1, picked=1,
                           status="picked", picked_by="ann", picked_at=when))
        parcels = [Parcel(order_id=ids["O3"], seq=n, status="shipped", packed_by="bob",
                          packed_at=at(9, 5)) for n in (1, 2)]
        s.add_all(parcels)
        s.flush()
        s.add_all([
            OrderStatusChange(order_id=ids["O3"], at=at(9, 30), from_status="packed",
                              to_status="shipped", actor="bob"),
            OrderStatusChange(order_id=ids["O3"], at=YESTERDAY, from_status="packed",
                              to_status="shipped", actor="bob"),
            ShippingException(order_id=ids["O3"], parcel_id=parcels[0].id, kind="no_scan"),
            ShippingException(order_id=ids["O3"], parcel_id=parcels[1].id, kind="returned",
                              resolved_at=NOW, resolved_by="clerk"),
        ])
    return ids
