"""First run: the admin account and the first warehouse, in one transaction; then how far
the getting-started checklist has got."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.db.models import Bin, Client, Order, Sku, StockBalance
from app.domain.errors import AlreadyExists
from app.domain.permissions import Actor
from app.domain.states import BinType, Role
from app.services.dto import UserInfo, WarehouseInfo
from app.services.organisation import BinDraft, WarehouseDraft, create_bins, create_warehouse
from app.services.users import count_users, create_user

#: Every new warehouse gets the handling areas a day needs before aisles are set up.
STARTER_BINS = [
    BinDraft("RCV-01", BinType.RECEIVING),
    BinDraft("STAGE-01", BinType.STAGING),
    BinDraft("RET-01", BinType.RETURNS),
    BinDraft("DMG-01", BinType.DAMAGED),
]


@dataclass(frozen=True)
class FirstRunResult:
    admin: UserInfo
    warehouse: WarehouseInfo


def first_run_setup(
    session: Session, *, username: str, password: str, display_name: str,
    warehouse: WarehouseDraft,
) -> FirstRunResult:
    """Needs no permission: only an empty database (no user yet) is set up this way."""
    if count_users(session):
        raise AlreadyExists(kind="Administrator", key=username)
    admin = create_user(session, username, password, Role.ADMIN,
                        actor=Actor.system("setup"), display_name=display_name or username)
    actor = Actor(admin.username, Role.ADMIN, admin.id)
    wh = create_warehouse(session, warehouse, actor=actor)
    create_bins(session, wh.code, STARTER_BINS, actor=actor)
    return FirstRunResult(admin, wh)


@dataclass(frozen=True)
class SetupProgress:
    """How far a new warehouse has got with the getting-started checklist."""

    clients: int
    skus: int
    #: Bins where stock can be kept and picked (the starter handling areas do not count).
    storage_bins: int
    units_on_hand: int
    orders: int


def setup_progress(session: Session) -> SetupProgress:
    def count(stmt: Select[Any]) -> int:
        return int(session.scalar(stmt) or 0)

    return SetupProgress(
        clients=count(select(func.count(Client.id)).where(Client.active)),
        skus=count(select(func.count(Sku.id)).where(Sku.active)),
        storage_bins=count(select(func.count(Bin.id)).where(
            Bin.active, Bin.bin_type.in_([BinType.PICK.value, BinType.STORAGE.value]))),
        units_on_hand=count(select(func.coalesce(func.sum(StockBalance.on_hand), 0))),
        orders=count(select(func.count(Order.id))),
    )
