"""Tracking after handover (issue #18, point 6) against the fake EasyPost and Shippo
servers: orders go shipped -> in transit -> delivered (several parcels: when all are),
events are recorded once however often we poll, exceptions are opened once (returned to
sender, address problem, no scan N days after handover on a fixed clock), a failing
provider is a line in the report and never stops the run."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.carriers.base import CarrierProvider
from app.carriers.providers import make_provider
from app.db.engine import Database
from app.db.models import CarrierAccount, Order, Parcel, TrackingEvent
from app.domain.states import OrderStatus
from app.services.carrier_accounts import CarrierAccountConfig
from app.services.handover_errors import ShippingExceptionNotFound
from app.services.pickups import close_pickup, scan_out
from app.services.tracking import list_exceptions, resolve_exception, update_tracking
from tests.carriers.conftest import runtime
from tests.fakes.carriers.easypost import TEST_KEY, FakeEasyPost
from tests.fakes.carriers.shippo import TEST_TOKEN as SHIPPO_TOKEN
from tests.fakes.carriers.shippo import FakeShippo
from tests.fakes.platforms.clock import VirtualClock
from tests.services.handover_world import ACTOR, PACKER, build_handover_world, packed

HANDOVER = datetime(2026, 12, 1, 22, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock(HANDOVER + timedelta(hours=2))


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeEasyPost]:
    server = FakeEasyPost(clock, timeout_sleep=0.8).start()
    yield server
    server.stop()


@pytest.fixture
def world(db: Database) -> Database:
    build_handover_world(db)
    with db.writing() as s:
        s.add(CarrierAccount(provider="easypost", name="EP", mode="test", settings="{}",
                             secret_ref="ref-ep"))
    return db


def opener(fake: FakeEasyPost, clock: VirtualClock):  # type: ignore[no-untyped-def]
    """How the app builds a provider for an account, pointed at the fake."""
    def open_provider(config: CarrierAccountConfig) -> CarrierProvider:
        return make_provider(config.provider, base_url=fake.url + "/v2", mode=config.mode,
                             settings={}, secrets={"api_key": TEST_KEY}, account=config.name,
                             runtime=runtime(clock))
    return open_provider


def handed_over(db: Database, carrier: str, orders: dict[str, tuple[str, ...]]) -> None:
    """Pack, scan out and close a pickup at HANDOVER for these orders' parcels."""
    for number, trackings in orders.items():
        packed(db, number, carrier, *trackings)
    with db.writing() as s:
        for trackings in orders.values():
            for tracking in trackings:
                scan_out(s, tracking, carrier, actor=PACKER)
    with db.writing() as s:
        close_pickup(s, carrier, actor=PACKER, now=HANDOVER)


def status(db: Database, number: str) -> str:
    with db.reading() as s:
        return str(s.scalar(select(Order.status).where(Order.number == number)))


def test_orders_move_to_in_transit_then_delivered_when_every_parcel_is(
        world: Database, fake: FakeEasyPost, clock: VirtualClock) -> None:
    handed_over(world, "USPS", {"SO-1": ("9400101",), "SO-2": ("9400201", "9400202")})
    fake.script_tracking("9400101", ["pre_transit", "in_transit", "delivered"])
    fake.script_tracking("9400201", ["in_transit", "delivered"])
    fake.script_tracking("9400202", ["pre_transit", "pre_transit", "in_transit"])
    open_provider = opener(fake, clock)

    first = update_tracking(world, open_provider, actor=ACTOR, now=HANDOVER + timedelta(hours=3))
    assert first.parcels_polled == 3 and first.errors == () and first.events_recorded == 3
    assert first.orders_in_transit == ("SO-2",) and first.orders_delivered == ()
    assert status(world, "SO-1") == OrderStatus.SHIPPED  # a label created is not a scan
    # the label's carrier goes with each number (a seller's label: the provider must know)
    assert {r.json()["tracker"]["carrier"] for r in fake.requests_to("/trackers")} == {"USPS"}

    second = update_tracking(world, open_provider, actor=ACTOR, now=HANDOVER + timedelta(hours=9))
    assert second.orders_in_transit == ("SO-1",) and second.orders_delivered == ()
    third = update_tracking(world, open_provider, actor=ACTOR, now=HANDOVER + timedelta(days=1))
    # SO-1 delivered (walking through in transit it already was); SO-2 has one box to go
    assert third.orders_delivered == ("SO-1",)
    assert status(world, "SO-1") == OrderStatus.DELIVERED
    assert status(world, "SO-2") == OrderStatus.IN_TRANSIT
    with world.reading() as s:
        parcel = s.scalar(select(Parcel).where(Parcel.tracking_number == "9400101"))
        assert parcel is not None and parcel.delivered_at is not None
        assert parcel.first_scan_at is not None and parcel.first_scan_at < parcel.delivered_at
        events = s.scalar(select(func.count()).select_from(TrackingEvent)) or 0

    # polling again (the fake has nothing new for SO-1's parcel) records nothing twice
    fake.script_tracking("9400202", ["delivered"])
    fourth = update_tracking(world, open_provider, actor=ACTOR, now=HANDOVER + timedelta(days=2))
    assert fourth.orders_delivered == ("SO-2",) and fourth.parcels_polled == 1
    with world.reading() as s:
        assert s.scalar(select(func.count()).select_from(TrackingEvent)) == events + 1
    assert status(world, "SO-2") == OrderStatus.DELIVERED
    fifth = update_tracking(world, open_provider, actor=ACTOR, now=HANDOVER + timedelta(days=3))
    assert fifth.parcels_polled == 0 and fifth.events_recorded == 0


def test_exceptions_returned_address_problem_and_no_scan_after_n_days(
        world: Database, fake: FakeEasyPost, clock: VirtualClock) -> None:
    handed_over(world, "USPS", {"SO-1": ("9400101",), "SO-2": ("9400201",),
                                "SO-3": ("9400301",), "SO-4": ("9400401",)})
    fake.script_tracking("9400101", ["in_transit", "return_to_sender"])
    fake.script_tracking("9400201", [("failure", "Address problem: no such number")])
    fake.script_tracking("9400301", ["pre_transit"])  # the driver never scanned it
    fake.script_tracking("9400401", ["in_transit"])
    open_provider = opener(fake, clock)

    early = update_tracking(world, open_provider, actor=ACTOR,
                            now=HANDOVER + timedelta(days=1))
    assert sorted(early.exceptions_opened) == ["address_problem 9400201"]
    late = update_tracking(world, open_provider, actor=ACTOR, now=HANDOVER + timedelta(days=2))
    assert sorted(late.exceptions_opened) == ["no_scan 9400301", "return_to_sender 9400101"]
    again = update_tracking(world, open_provider, actor=ACTOR, now=HANDOVER + timedelta(days=3))
    assert again.exceptions_opened == ()

    with world.reading() as s:
        found = {e.kind: e for e in list_exceptions(s)}
    assert set(found) == {"return_to_sender", "address_problem", "no_scan"}
    assert found["address_problem"].detail is not None
    assert "no such number" in found["address_problem"].detail
    no_scan = found["no_scan"]
    assert no_scan.order_number == "SO-3" and no_scan.first_scan_at is None
    assert no_scan.shipped_at == HANDOVER and "2 day(s)" in (no_scan.detail or "")
    with world.writing() as s:
        done = resolve_exception(s, no_scan.id, note="claim filed", actor=PACKER)
    assert done.resolved_by == "packer" and done.resolved_at is not None
    with world.reading() as s:
        assert {e.kind for e in list_exceptions(s)} == {"return_to_sender", "address_problem"}
        assert len(list_exceptions(s, open_only=False)) == 3
    with world.writing() as s, pytest.raises(ShippingExceptionNotFound):
        resolve_exception(s, 999, actor=PACKER)


def test_a_failing_provider_is_reported_and_the_run_goes_on(
        world: Database, fake: FakeEasyPost, clock: VirtualClock) -> None:
    handed_over(world, "UPS", {"SO-1": ("1Z1",)})
    fake.fail("trackers", "500", times=20)
    report = update_tracking(world, opener(fake, clock), actor=ACTOR,
                             now=HANDOVER + timedelta(days=3))
    assert report.parcels_polled == 1 and len(report.errors) == 1
    assert report.errors[0].startswith("EP: ")
    # never read, so no evidence either way: no no-scan exception yet
    assert report.exceptions_opened == () and status(world, "SO-1") == OrderStatus.SHIPPED


def test_without_an_account_that_tracks_parcels_are_counted_not_polled(
        world: Database, fake: FakeEasyPost, clock: VirtualClock) -> None:
    with world.writing() as s:
        s.query(CarrierAccount).delete()
    handed_over(world, "UPS", {"SO-1": ("1Z1",)})
    report = update_tracking(world, opener(fake, clock), actor=ACTOR, now=HANDOVER)
    assert (report.parcels_polled, report.untracked) == (0, 1)


def test_a_sellers_label_is_tracked_through_shippo_with_its_carrier(
        db: Database, clock: VirtualClock) -> None:
    build_handover_world(db)
    with db.writing() as s:
        s.add(CarrierAccount(provider="shippo", name="SH", mode="test", settings="{}",
                             secret_ref="ref-sh"))
    server = FakeShippo(clock, timeout_sleep=0.8).start()
    try:
        def open_provider(config: CarrierAccountConfig) -> CarrierProvider:
            return make_provider("shippo", base_url=server.url, mode="test", settings={},
                                 secrets={"api_token": SHIPPO_TOKEN}, account=config.name,
                                 runtime=runtime(clock))

        handed_over(db, "UPS", {"SO-1": ("1Z999AA10000000001",)})
        server.script_tracking("1Z999AA10000000001", ["in_transit", "delivered"])
        update_tracking(db, open_provider, actor=ACTOR, now=HANDOVER + timedelta(hours=5))
        report = update_tracking(db, open_provider, actor=ACTOR,
                                 now=HANDOVER + timedelta(days=1))
    finally:
        server.stop()
    assert report.orders_delivered == ("SO-1",) and report.errors == ()
    assert server.requests_to("/tracks/ups/1Z999AA10000000001")
    assert status(db, "SO-1") == OrderStatus.DELIVERED
