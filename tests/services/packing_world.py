"""A warehouse ready to pack: the test world plus boxes, SKU sizes, a supervisor PIN."""

from __future__ import annotations

from app.db.engine import Database
from app.db.models import Sku
from app.domain.ids import OrderId
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services import users
from app.services.allocation import allocate_order
from app.services.boxes import BoxDraft, add_box
from tests.world import ACTOR, build_world, place_order, receive

PACKER = Actor("packer", Role.PACKER)
STATION = "PACK-1"
SUPERVISOR_PIN = "4826"

BOXES = (
    BoxDraft("MAILER-S", (230, 150, 50), 20, 2000, "BX0001", "Small mailer"),
    BoxDraft("BOX-8X6X4", (203, 152, 102), 120, 10000, "BX0002", "8x6x4 carton"),
    BoxDraft("BOX-12X10X8", (305, 254, 203), 340, 20000, "BX0003", "12x10x8 carton"),
)


def build_pack_world(db: Database) -> None:
    """Test world + box catalogue + SKU sizes + an admin supervisor with a PIN."""
    build_world(db)
    with db.writing() as s:
        for draft in BOXES:
            add_box(s, draft, actor=ACTOR)
        for sku in s.query(Sku):
            sku.length_mm, sku.width_mm, sku.height_mm = (100, 80, 60)
        boss = users.create_user(s, "boss", "supervisor-pass", Role.ADMIN, actor=ACTOR)
        users.set_supervisor_pin(s, boss.id, SUPERVISOR_PIN, actor=ACTOR)


def allocated_order(db: Database, number: str, lines: dict[str, int],
                    stock: dict[str, int] | None = None) -> OrderId:
    """Receive stock for ``lines`` (or ``stock``), place the order and allocate it."""
    for sku, qty in (stock or lines).items():
        receive(db, sku, qty)
    order_id = place_order(db, number, lines)
    with db.writing() as s:
        allocate_order(s, order_id, actor=ACTOR)
    return order_id
