"""Automatic allocation after an import and a receipt, and ship-by dates on new orders."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models import Order, Reservation
from app.domain.order_value import IncomingOrder, OrderLine, ShipTo
from app.domain.permissions import Actor
from app.domain.states import OrderStatus, Role
from app.services import organisation as org
from app.services import skus as sku_svc
from app.services.allocation import allocate_order
from app.services.auto_allocation import AllocationSummary, ShortLine, allocate_in_batches
from app.services.inventory import receive_stock
from app.services.lookup import client_by_code
from app.services.order_bulk import create_orders_bulk
from app.services.order_import import import_order_file
from app.services.orders import create_order
from tests.imports.writers import good_row, write_csv
from tests.world import ACTOR, build_world, place_order, receive


@pytest.fixture
def world(db: Database) -> Database:
    build_world(db)
    return db


def _statuses(db: Database) -> dict[str, str]:
    with db.reading() as s:
        return {n: st for n, st in s.execute(select(Order.number, Order.status))}


def _reserved(db: Database) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.coalesce(func.sum(Reservation.quantity), 0))) or 0)


def _ship_by(db: Database, number: str) -> datetime | None:
    with db.reading() as s:
        value = s.scalar(select(Order.ship_by).where(Order.number == number))
    return None if value is None else value.replace(tzinfo=value.tzinfo or UTC)


def _set_auto(db: Database, code: str, on: bool) -> None:
    with db.writing() as s:
        org.update_warehouse(s, code, auto_allocate=on, actor=ACTOR)


def _file(tmp_path: Path) -> Path:
    """Three ACME orders: MUG x2, MUG x5, CUP x1 (dated Tuesday 5 March 2024, 14:30 UTC)."""
    return write_csv(tmp_path / "orders.csv", [
        good_row("SO-1", sku="MUG", quantity="2"),
        good_row("SO-2", sku="MUG", quantity="5"),
        good_row("SO-3", sku="CUP", quantity="1"),
    ])


# --- after a file import ---------------------------------------------------------------


def test_a_file_import_allocates_its_orders_and_reports_what_is_short(
    world: Database, tmp_path: Path
) -> None:
    receive(world, "MUG", 4)
    receive(world, "CUP", 3)
    report = import_order_file(world, "ACME", _file(tmp_path), actor=ACTOR)
    assert report.orders_created == ("SO-1", "SO-2", "SO-3")
    assert report.allocation == AllocationSummary(2, 1, (ShortLine("SO-2", "MUG", 5, 2),))
    assert _statuses(world) == {"SO-1": "allocated", "SO-2": "backordered", "SO-3": "allocated"}
    assert _reserved(world) == 3
    assert report.to_json()["allocation"] == {
        "allocated": 2, "backordered": 1,
        "short": [{"order": "SO-2", "sku": "MUG", "wanted": 5, "available": 2}]}
    assert report.allocation.text() == (
        "Allocated 2, backordered 1 (short: MUG 5 wanted / 2 available).")


def test_with_auto_allocation_off_everywhere_imported_orders_stay_new(
    world: Database, tmp_path: Path
) -> None:
    receive(world, "MUG", 50)
    _set_auto(world, "LA1", False)
    _set_auto(world, "NJ1", False)
    report = import_order_file(world, "ACME", _file(tmp_path), actor=ACTOR)
    assert report.allocation is None
    assert report.to_json()["allocation"] is None
    assert set(_statuses(world).values()) == {"new"}
    assert _reserved(world) == 0


def test_automatic_allocation_takes_stock_only_where_the_setting_is_on(world: Database) -> None:
    """LA (off) holds the stock, NJ (on) holds none: the automatic run backorders, a clerk's
    Allocate still uses LA."""
    receive(world, "MUG", 10)
    _set_auto(world, "LA1", False)
    oid = place_order(world, "W-1", {"MUG": 2})
    summary = allocate_in_batches(world, [oid], actor=ACTOR)
    assert summary == AllocationSummary(0, 1, (ShortLine("W-1", "MUG", 2, 0),))
    assert _reserved(world) == 0
    with world.writing() as s:
        result = allocate_order(s, oid, actor=ACTOR)
    assert (result.status, result.warehouse_code) == (OrderStatus.ALLOCATED, "LA1")


def test_batches_are_separate_transactions_and_keep_oldest_first(
    world: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.services.auto_allocation.ALLOCATION_BATCH", 2)
    receive(world, "MUG", 3)
    ids = [place_order(world, f"Q-{n}", {"MUG": 1}) for n in range(5)]
    summary = allocate_in_batches(world, list(reversed(ids)), actor=ACTOR)
    assert summary is not None
    assert (summary.allocated, summary.backordered) == (3, 2)
    assert _statuses(world) == {"Q-0": "allocated", "Q-1": "allocated", "Q-2": "allocated",
                                "Q-3": "backordered", "Q-4": "backordered"}


def test_an_actor_who_may_not_allocate_leaves_the_orders_new(world: Database) -> None:
    receive(world, "MUG", 50)
    oid = place_order(world, "P-1", {"MUG": 1})
    assert allocate_in_batches(world, [oid], actor=Actor("pat", Role.PACKER)) is None
    assert _statuses(world) == {"P-1": "new"}


# --- after a receipt -----------------------------------------------------------------------


def test_a_receipt_allocates_the_backorders_waiting_for_it(world: Database) -> None:
    ids = [place_order(world, "B-1", {"MUG": 2}), place_order(world, "B-2", {"MUG": 3})]
    allocate_in_batches(world, ids, actor=ACTOR)
    assert set(_statuses(world).values()) == {"backordered"}
    with world.writing() as s:
        result = receive_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="NJ1",
                               bin_code="A-01-01-01", quantity=4, actor=ACTOR)
    assert result.allocated_orders == ("B-1",)  # oldest first; B-2 needs 3 of the 2 left
    assert _statuses(world) == {"B-1": "allocated", "B-2": "backordered"}


def test_a_receipt_into_a_warehouse_with_the_setting_off_leaves_the_backorders(
    world: Database
) -> None:
    oid = place_order(world, "B-1", {"MUG": 2})
    allocate_in_batches(world, [oid], actor=ACTOR)
    _set_auto(world, "NJ1", False)
    with world.writing() as s:
        result = receive_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="NJ1",
                               bin_code="A-01-01-01", quantity=4, actor=ACTOR)
    assert result.allocated_orders == ()
    assert _statuses(world) == {"B-1": "backordered"}
    _set_auto(world, "LA1", False)
    receive(world, "MUG", 4, wh="NJ1")  # nobody allocates on their own: nothing is tried
    assert _statuses(world) == {"B-1": "backordered"} and _reserved(world) == 0


# --- ship-by on every new order --------------------------------------------------------------


def _draft(number: str, at: datetime, ship_by: datetime | None = None) -> IncomingOrder:
    return IncomingOrder(number=number, order_date=at,
                         ship_to=ShipTo(name="Jane", address1="5 Elm St", city="Fresno",
                                        state="CA", zip="93721"),
                         lines=(OrderLine("MUG", 1),), ship_by=ship_by)


def _pt(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    """Pacific wall-clock time as UTC."""
    return datetime(year, month, day, hour, minute,
                    tzinfo=ZoneInfo("America/Los_Angeles")).astimezone(UTC)


def _et(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    """Eastern wall-clock time as UTC."""
    return datetime(year, month, day, hour, minute,
                    tzinfo=ZoneInfo("America/New_York")).astimezone(UTC)


def test_a_new_order_gets_a_ship_by_from_the_first_active_warehouse_by_code(
    world: Database
) -> None:
    friday_3pm = _pt(2026, 3, 20, 15, 0)  # LA1 sorts before NJ1; cut-off 14:00 local
    given = datetime(2026, 4, 1, 18, 0, tzinfo=UTC)
    with world.writing() as s:
        create_order(s, "ACME", _draft("S-1", friday_3pm), actor=ACTOR)
        create_order(s, "ACME", _draft("S-2", friday_3pm, given), actor=ACTOR)
    assert _ship_by(world, "S-1") == _pt(2026, 3, 24, 14, 0)  # counts from Monday, +1 day
    assert _ship_by(world, "S-2") == given  # what the platform or file said is kept


def test_the_clients_default_warehouse_and_handling_days_set_the_clock(world: Database) -> None:
    with world.writing() as s:
        org.update_client(s, "ACME", default_warehouse="NJ1", handling_days=0, actor=ACTOR)
        org.update_warehouse(s, "NJ1", cutoff_local="12:00", actor=ACTOR)
        drafts = [_draft("S-3", _et(2026, 11, 25, 11, 0)), _draft("S-4", _et(2026, 11, 25, 12, 30))]
        create_orders_bulk(s, client_by_code(s, "ACME").id, drafts, actor=ACTOR)
    assert _ship_by(world, "S-3") == _et(2026, 11, 25, 12, 0)  # same day, before noon
    assert _ship_by(world, "S-4") == _et(2026, 11, 27, 12, 0)  # Thanksgiving skipped


def test_a_file_import_dates_the_orders_without_a_ship_by(world: Database, tmp_path: Path
                                                           ) -> None:
    # 2024-03-05 14:30 UTC is Tuesday 06:30 in Los Angeles: counts that day, +1 = Wednesday.
    import_order_file(world, "ACME", _file(tmp_path), actor=ACTOR)
    assert _ship_by(world, "SO-1") == _pt(2024, 3, 6, 14, 0)


def test_without_any_warehouse_a_new_order_has_no_ship_by(db: Database) -> None:
    with db.writing() as s:
        org.create_client(s, "SOLO", "Solo", actor=ACTOR)
        sku_svc.create_sku(s, "SOLO", sku_svc.SkuDraft("MUG", "Mug"), actor=ACTOR)
        create_order(s, "SOLO", _draft("N-1", _pt(2026, 3, 20, 9, 0)), actor=ACTOR)
    assert _ship_by(db, "N-1") is None
