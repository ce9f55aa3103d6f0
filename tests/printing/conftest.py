"""A small warehouse with allocated orders, and helpers to read what a fake printer got."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PIL import Image
from sqlalchemy import update

from app.db.engine import Database
from app.db.models import Order
from app.services.allocation import allocate_order
from app.services.run import run_write
from app.services.skus import SkuDraft, create_sku
from tests.fakes.printers import parse_escpos, parse_tspl, parse_zpl
from tests.world import ACTOR, build_world, place_order, receive

FNSKU = "X00ABCDE12"
TRACKED = "SO-2002"
TRACKING = "1Z999AA10123456784"

#: Printer language -> parser of what the fake printer received into page images.
PARSERS: dict[str, Callable[[bytes], list[Image.Image]]] = {
    "zpl": parse_zpl,
    "tspl": lambda data: parse_tspl(data).images,
    "escpos": lambda data: parse_escpos(data).images,
}


def build_printing_world(db: Database) -> None:
    """Two warehouses, bins, SKUs (one with an FNSKU), two allocated orders, one tracked."""
    build_world(db)
    with db.writing() as s:
        create_sku(s, "ACME", SkuDraft("LAMP", "Desk lamp", "台灯", (FNSKU,), weight_g=900),
                   actor=ACTOR)
    receive(db, "MUG", 20)
    receive(db, "LAMP", 5, bin_code="A-01-01-02")
    for number, lines in (("SO-2001", {"MUG": 2, "LAMP": 1}), (TRACKED, {"MUG": 1})):
        order_id = place_order(db, number, lines)
        run_write(db, allocate_order, order_id, actor=ACTOR)
    with db.writing() as s:
        s.execute(update(Order).where(Order.number == TRACKED)
                  .values(tracking_number=TRACKING, carrier="UPS"))


@pytest.fixture
def world(db: Database) -> Database:
    build_printing_world(db)
    return db
