"""A small shop for import tests: two clients, a warehouse and SKUs, made through the services."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db.engine import Database
from app.db.schema import open_database
from app.domain.permissions import Actor
from app.domain.states import Region, Role
from app.services import organisation as org
from app.services.skus import SkuDraft, create_sku

ACTOR = Actor("clerk", Role.CLERK)
#: Clients, warehouses and SKUs are master data: an administrator sets them up.
ADMIN = Actor.system("test")


def build_shop(db: Database) -> None:
    """ACME sells a mug (with a UPC), a cup and a tee (EAN and FNSKU); BETA sells a hat."""
    with db.writing() as s:
        org.create_client(s, "ACME", "Acme Trading", actor=ADMIN)
        org.create_client(s, "BETA", "Beta Goods", actor=ADMIN)
        org.create_warehouse(s, org.WarehouseDraft(
            "NJ1", "Edison", Region.EAST, "America/New_York", "300 Raritan Center Pkwy",
            "Edison", "NJ", "08837"), actor=ADMIN)
        create_sku(s, "ACME", SkuDraft("MUG-RED", "Red mug", "红色马克杯", ("012345678905",)),
                   actor=ADMIN)
        create_sku(s, "ACME", SkuDraft("CUP", "Cup", "杯子"), actor=ADMIN)
        create_sku(s, "ACME", SkuDraft("TEE-M", "T-shirt M", "T恤 M",
                                       ("4006381333931", "X001ABCDEF")), actor=ADMIN)
        create_sku(s, "BETA", SkuDraft("HAT", "Hat"), actor=ADMIN)


@pytest.fixture
def shop(db: Database) -> Database:
    """The ``db`` fixture of tests/conftest.py (SQLite file; PostgreSQL too when configured),
    filled by :func:`build_shop`."""
    build_shop(db)
    return db


@pytest.fixture
def sqlite_shop(tmp_path: Path) -> Iterator[Database]:
    """A shop on a SQLite file only, for tests about the file itself."""
    database = open_database(f"sqlite:///{tmp_path / 'shop.sqlite3'}")
    build_shop(database)
    try:
        yield database
    finally:
        database.dispose()
