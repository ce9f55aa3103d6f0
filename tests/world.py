"""Building a small warehouse through the real services, for tests that need one."""

from __future__ import annotations

from datetime import UTC, datetime

from app.db.engine import Database
from app.domain.ids import OrderId
from app.domain.order_value import IncomingOrder, OrderLine, ShipTo
from app.domain.permissions import Actor
from app.domain.states import BinType, Region
from app.services import orders as order_svc
from app.services import organisation as org
from app.services import skus as sku_svc
from app.services.inventory import receive_stock

ACTOR = Actor.system("test")

LA = org.WarehouseDraft("LA1", "Los Angeles", Region.WEST, "America/Los_Angeles",
                        "4100 E Mission Blvd", "Ontario", "CA", "91761")
NJ = org.WarehouseDraft("NJ1", "Edison", Region.EAST, "America/New_York",
                        "300 Raritan Center Pkwy", "Edison", "NJ", "08837")


def build_world(db: Database) -> None:
    """Two warehouses, two clients with SKUs, bins of every type. No stock, no orders."""
    with db.writing() as s:
        org.create_client(s, "ACME", "Acme Trading", actor=ACTOR)
        org.create_client(s, "BETA", "Beta Goods", actor=ACTOR)
        for wh in (LA, NJ):
            org.create_warehouse(s, wh, actor=ACTOR)
            org.create_bins(s, wh.code, [
                org.BinDraft("A-01-01-01", BinType.PICK, 1, 1),
                org.BinDraft("A-01-01-02", BinType.PICK, 1, 2),
                org.BinDraft("B-01-02-01", BinType.STORAGE, 2, 1),
                org.BinDraft("B-01-02-02", BinType.STORAGE, 2, 2),
                org.BinDraft("RCV-01", BinType.RECEIVING),
                org.BinDraft("DMG-01", BinType.DAMAGED),
                org.BinDraft("STAGE-01", BinType.STAGING),
            ], actor=ACTOR)
        sku_svc.create_sku(s, "ACME", sku_svc.SkuDraft("MUG", "Mug", "马克杯", ("012345678905",),
                                                       weight_g=350), actor=ACTOR)
        sku_svc.create_sku(s, "ACME", sku_svc.SkuDraft("CUP", "Cup", "杯子", weight_g=200),
                           actor=ACTOR)
        sku_svc.create_sku(s, "BETA", sku_svc.SkuDraft("MUG", "Beta mug", weight_g=300),
                           actor=ACTOR)


def receive(db: Database, sku: str, qty: int, bin_code: str = "A-01-01-01",
            wh: str = "LA1", client: str = "ACME") -> None:
    with db.writing() as s:
        receive_stock(s, client_code=client, sku_code=sku, warehouse_code=wh,
                      bin_code=bin_code, quantity=qty, actor=ACTOR)


def place_order(db: Database, number: str, lines: dict[str, int], *, client: str = "ACME",
                state: str = "CA") -> OrderId:
    draft = IncomingOrder(
        number=number, order_date=datetime(2026, 11, 20, 15, 0, tzinfo=UTC),
        ship_to=ShipTo(name="Jane Doe", address1="5 Elm St", city="Fresno", state=state,
                       zip="93721"),
        lines=tuple(OrderLine(k, v) for k, v in lines.items()),
    )
    with db.writing() as s:
        return order_svc.create_order(s, client, draft, actor=ACTOR)
