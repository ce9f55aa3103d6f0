"""A small warehouse whose best batching is plain to see, for the layout and wave-plan tests.

Warehouse WP1: aisles 1-4, positions 1-10, one level, a 3 m aisle pitch and 1 m
positions, no middle cross aisle, depot at the front of aisle 1. Client ACME has one
SKU per bin: FRONT1/FRONT2 at the front of aisle 1, BACK1/BACK2 at the back of aisle 4.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.db.engine import Database
from app.domain.order_value import IncomingOrder, OrderLine, ShipTo
from app.domain.permissions import Actor
from app.domain.states import BinType, Region
from app.services import organisation as org
from app.services import skus as sku_svc
from app.services.allocation import allocate_order
from app.services.inventory import receive_stock
from app.services.layout import set_layout
from app.services.orders import create_order

ACTOR = Actor.system("test")
WP = org.WarehouseDraft("WP1", "Wave test", Region.WEST, "America/Los_Angeles",
                        "1 Main St", "Ontario", "CA", "91761")
#: SKU -> (bin code, aisle, position)
PLACES = {"FRONT1": ("A1-P01", 1, 1), "FRONT2": ("A1-P02", 1, 2),
          "BACK1": ("A4-P10", 4, 10), "BACK2": ("A4-P09", 4, 9)}
START = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def build_wave_world(db: Database, *, prepacked: frozenset[str] = frozenset()) -> None:
    with db.writing() as s:
        org.create_client(s, "ACME", "Acme Trading", actor=ACTOR)
        org.create_client(s, "BETA", "Beta Goods", actor=ACTOR)
        org.create_warehouse(s, WP, actor=ACTOR)
        drafts = [org.BinDraft(f"A{a}-P{p:02d}", BinType.PICK, a, p)
                  for a in range(1, 5) for p in range(1, 11)]
        org.create_bins(s, "WP1", [*drafts, org.BinDraft("STAGE-01", BinType.STAGING)],
                        actor=ACTOR)
        set_layout(s, "WP1", aisle_pitch_m=3.0, bin_pitch_m=1.0, block_length=0,
                   depot_aisle=1, actor=ACTOR)
        for client in ("ACME", "BETA"):
            for sku, (bin_code, _a, _p) in PLACES.items():
                sku_svc.create_sku(s, client, sku_svc.SkuDraft(
                    sku, sku.title(), prepacked=sku in prepacked), actor=ACTOR)
                receive_stock(s, client_code=client, sku_code=sku, warehouse_code="WP1",
                              bin_code=bin_code, quantity=100, actor=ACTOR)


def order(db: Database, number: str, lines: dict[str, int], *, minutes: int,
          client: str = "ACME", service: str = "standard",
          ship_by: datetime | None = None) -> int:
    """An order placed ``minutes`` after START, allocated in WP1."""
    draft = IncomingOrder(
        number=number, order_date=START + timedelta(minutes=minutes), ship_by=ship_by,
        ship_to=ShipTo(name="Jane Doe", address1="5 Elm St", city="Fresno", state="CA",
                       zip="93721"),
        lines=tuple(OrderLine(k, v) for k, v in lines.items()), service_level=service,
    )
    with db.writing() as s:
        oid = create_order(s, client, draft, actor=ACTOR)
        allocate_order(s, oid, actor=ACTOR)
    return int(oid)
