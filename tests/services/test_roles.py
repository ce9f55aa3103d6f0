"""Roles are enforced in the services: a refused action raises and writes nothing."""

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db.models import (
    AuditEntry,
    Client,
    Order,
    OrderStatusChange,
    StockBalance,
    StockMove,
    User,
)
from app.domain.errors import PermissionDenied
from app.domain.permissions import Actor
from app.domain.states import AdjustReason, OrderStatus, Role
from app.services import inventory as inv
from app.services.order_import import import_orders
from app.services.orders import cancel_order, get_order
from app.services.organisation import create_client
from app.services.users import create_user
from tests.imports.writers import good_row, write_csv
from tests.world import build_world, place_order, receive

PACKER = Actor("wang", Role.PACKER, 3)
CLERK = Actor("li", Role.CLERK, 2)
TABLES = (StockMove, StockBalance, Order, OrderStatusChange, AuditEntry, Client, User)


def _counts(db) -> dict[str, int]:
    with db.reading() as s:
        return {t.__tablename__: s.scalar(select(func.count()).select_from(t)) for t in TABLES}


def _stock_on_hand(db) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.sum(StockBalance.on_hand))) or 0)


def _refused(db, action: Callable[..., object], role: str, words: str) -> None:
    before = _counts(db)
    with pytest.raises(PermissionDenied) as caught, db.writing() as s:
        action(s)
    assert caught.value.fields["role"] == role and words in caught.value.message
    assert _counts(db) == before


@pytest.fixture
def world(db, tmp_path: Path):
    build_world(db)
    receive(db, "MUG", 5)
    order = place_order(db, "R-1", {"MUG": 1})
    path = write_csv(tmp_path / "orders.csv", [good_row("R-2", sku="MUG")])
    return db, order, path


def test_a_packer_may_not_receive_adjust_import_cancel_or_create_clients(world) -> None:
    db, order, path = world
    stock = _stock_on_hand(db)
    _refused(db, lambda s: inv.receive_stock(
        s, client_code="ACME", sku_code="MUG", warehouse_code="LA1", bin_code="A-01-01-01",
        quantity=4, actor=PACKER), "packer", "receive stock")
    _refused(db, lambda s: inv.adjust_stock(
        s, client_code="ACME", sku_code="MUG", warehouse_code="LA1", bin_code="A-01-01-01",
        delta=-2, reason=AdjustReason.DAMAGED, actor=PACKER), "packer", "adjust stock")
    _refused(db, lambda s: import_orders(s, "ACME", path, actor=PACKER),
             "packer", "import orders")
    _refused(db, lambda s: cancel_order(s, order, actor=PACKER, reason="no"),
             "packer", "cancel orders")
    _refused(db, lambda s: create_client(s, "GAMMA", "Gamma Goods", actor=PACKER),
             "packer", "manage clients")
    assert _stock_on_hand(db) == stock
    with db.reading() as s:
        assert get_order(s, order).row.status == OrderStatus.NEW


def test_a_clerk_may_receive_and_cancel_but_not_create_users(world) -> None:
    db, order, _path = world
    with db.writing() as s:
        inv.receive_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                          bin_code="A-01-01-01", quantity=4, actor=CLERK)
        cancel_order(s, order, actor=CLERK, reason="buyer asked")
    assert _stock_on_hand(db) == 9
    with db.reading() as s:
        detail = get_order(s, order)
        assert detail.row.status == OrderStatus.CANCELLED
        assert detail.history[-1].actor == "li"  # recorded by name
    _refused(db, lambda s: create_user(s, "zhao", "a long secret", Role.PACKER, actor=CLERK),
             "clerk", "manage users")


def test_an_admin_may_create_users_and_clients(db) -> None:
    admin = Actor("boss", Role.ADMIN, 1)
    with db.writing() as s:
        create_client(s, "GAMMA", "Gamma Goods", actor=admin)
        create_user(s, "zhao", "a long secret", Role.PACKER, actor=admin)
    with db.reading() as s:
        assert s.scalars(select(AuditEntry.actor)).all() == ["boss", "boss"]
