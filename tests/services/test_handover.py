"""Staging lanes and the carrier pickup (issue #18, points 5): a parcel goes into its own
carrier's lane only; scanned out once; closing the pickup ships the orders whose parcels
are all out, queues their tracking pushes, lays out the bilingual manifest and lists
loudly what missed the truck."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models import ChannelPush, Order, Parcel, Pickup, PickupParcel
from app.domain.errors import NotFound, PermissionDenied
from app.domain.permissions import Actor
from app.domain.states import OrderStatus, Role
from app.services.handover_errors import (
    LaneWithoutCarrier,
    NoLaneForCarrier,
    NoOpenPickup,
    NotAStagingLane,
    ParcelAlreadyHandedOver,
    ParcelAlreadyShipped,
    ParcelNotPacked,
    ParcelOrderStopped,
    StagingCarrierOnlyForLanes,
    UnknownParcelScan,
    WrongCarrierAtPickup,
    WrongStagingLane,
)
from app.services.orders import hold_order
from app.services.pickups import close_pickup, open_pickups, pickup_summary, scan_out, unscan
from app.services.staging import list_lanes, set_lane_carrier, stage_parcel
from tests.printers.helpers import page_texts
from tests.services.handover_world import ACTOR, PACKER, build_handover_world, packed
from tests.services.packing_world import allocated_order

PICKER = Actor("picker", Role.PICKER)


@pytest.fixture
def world(db: Database) -> Database:
    build_handover_world(db)
    return db


def _hold(db: Database, number: str, reason: str) -> None:
    with db.writing() as s:
        order = s.scalar(select(Order).where(Order.number == number))
        assert order is not None
        hold_order(s, order.id, reason=reason, actor=ACTOR)


def _status(db: Database, number: str) -> str:
    with db.reading() as s:
        return str(s.scalar(select(Order.status).where(Order.number == number)))


def test_a_parcel_goes_into_its_own_carriers_lane_only(world: Database) -> None:
    packed(world, "SO-1", "UPS", "1Z0001")
    with world.writing() as s, pytest.raises(WrongStagingLane) as wrong:
        stage_parcel(s, "1Z0001", "LANE-USPS", actor=PACKER)
    assert "LANE-UPS" in wrong.value.message and "LANE-USPS" in wrong.value.message
    with world.reading() as s:  # the refusal wrote nothing
        assert s.scalar(select(Parcel.staged_bin_id)) is None
    with world.writing() as s:
        first = stage_parcel(s, "1Z0001", "lane-ups", warehouse="LA1", actor=PACKER)
    with world.writing() as s:
        again = stage_parcel(s, "1Z0001", "LANE-UPS", actor=PACKER)
    assert (first.lane, first.carrier, first.already) == ("LANE-UPS", "UPS", False)
    assert again.already and again.staged_at == first.staged_at
    with world.reading() as s:
        lanes = {lane.code: lane.parcels for lane in list_lanes(s, "LA1")}
    assert lanes == {"LANE-UPS": 1, "LANE-USPS": 0, "STAGE-01": 0}


def test_staging_refuses_what_is_not_ready_or_not_a_lane(world: Database) -> None:
    packed(world, "SO-1", "FedEx", "7712")
    allocated_order(world, "SO-2", {"CUP": 1})
    with world.writing() as s:
        with pytest.raises(NoLaneForCarrier):
            stage_parcel(s, "7712", "LANE-UPS", actor=PACKER)
        with pytest.raises(UnknownParcelScan):
            stage_parcel(s, "NOPE", "LANE-UPS", actor=PACKER)
        with pytest.raises(NotFound):
            stage_parcel(s, "7712", "LANE-X", actor=PACKER)
        with pytest.raises(NotAStagingLane):
            stage_parcel(s, "7712", "A-01-01-01", actor=PACKER)
        with pytest.raises(LaneWithoutCarrier):
            stage_parcel(s, "7712", "STAGE-01", actor=PACKER)
        with pytest.raises(PermissionDenied):
            stage_parcel(s, "7712", "LANE-UPS", actor=PICKER)
        with pytest.raises(StagingCarrierOnlyForLanes):
            set_lane_carrier(s, "LA1", "A-01-01-01", "UPS", actor=ACTOR)
    _hold(world, "SO-1", "buyer changed address")  # held after packing: it must not go
    with world.writing() as s:
        set_lane_carrier(s, "LA1", "STAGE-01", "fedex", actor=ACTOR)
        with pytest.raises(ParcelOrderStopped):
            stage_parcel(s, "SO-1", "STAGE-01", actor=PACKER)


def test_carrier_names_match_across_spellings(world: Database) -> None:
    packed(world, "SO-1", "UPSDAP", "1Z0002")  # EasyPost's name for UPS
    with world.writing() as s:
        assert stage_parcel(s, "1Z0002", "LANE-UPS", actor=PACKER).lane == "LANE-UPS"
        assert scan_out(s, "1Z0002", "ups", actor=PACKER).scanned == 1


def test_pickup_close_ships_reconciles_and_queues_the_pushes(world: Database) -> None:
    packed(world, "SO-1", "USPS", "9400111", platform=True)
    packed(world, "SO-2", "USPS", "9400222", "9400223", platform=True)   # two boxes
    packed(world, "SO-3", "USPS", "9400333")                            # missed the truck
    packed(world, "SO-4", "UPS", "1Z0004")                              # another carrier
    with world.writing() as s:
        stage_parcel(s, "9400111", "LANE-USPS", actor=PACKER)
        stage_parcel(s, "9400333", "LANE-USPS", actor=PACKER)
    with world.writing() as s:
        first = scan_out(s, "9400111", "USPS", actor=PACKER)
        unstaged = scan_out(s, "9400222", "USPS", actor=PACKER)
        with pytest.raises(WrongCarrierAtPickup):
            scan_out(s, "1Z0004", "USPS", actor=PACKER)
    with world.writing() as s:
        again = scan_out(s, "9400111", "USPS", actor=PACKER)
    assert first.staged and not unstaged.staged and again.already and again.scanned == 2
    with world.reading() as s:
        summary = pickup_summary(s, "usps", "LA1")
        assert {p.parcel for p in summary.scanned} == {"9400111", "9400222"}
        assert {p.parcel for p in summary.missing} == {"9400223", "9400333"}
        assert summary.staged_count == 1
        assert [o.carrier for o in open_pickups(s)] == ["USPS"]

    with world.writing() as s:
        closed = close_pickup(s, "USPS", actor=PACKER)
    assert [p.parcel for p in closed.missing] == ["9400223", "9400333"]
    assert {p.parcel for p in closed.scanned} == {"9400111", "9400222"}
    # SO-2's second box has not left: SO-2 waits; SO-1 is shipped, its push queued
    assert closed.shipped_orders == ("SO-1",) and closed.pushes_queued == 1
    assert _status(world, "SO-1") == OrderStatus.SHIPPED
    assert _status(world, "SO-2") == OrderStatus.PACKED
    with world.reading() as s:
        pushes = s.scalars(select(ChannelPush.payload)).all()
        assert len(pushes) == 1 and "9400111" in pushes[0] and "USPS" in pushes[0]
        assert s.scalar(select(Pickup.status)) == "closed"
        assert s.scalar(select(func.count()).select_from(Parcel)
                        .where(Parcel.shipped_at.is_not(None))) == 2
    text = page_texts(closed.manifest_pdf)[0]
    for words in ("handover manifest", "交接清单", "Tracking number", "运单号", "Driver", "司机",
                  "Signature", "签名", "LA1", "USPS", "2 parcels", "9400111", "9400222"):
        assert words in text, words

    # the next truck takes SO-2's second box: SO-2 ships, with its first tracking number
    with world.writing() as s:
        scan_out(s, "9400223", "USPS", actor=PACKER)
        with pytest.raises(ParcelAlreadyHandedOver):
            scan_out(s, "9400111", "USPS", actor=PACKER)
        with pytest.raises(ParcelAlreadyShipped):
            stage_parcel(s, "9400111", "LANE-USPS", actor=PACKER)
    with world.writing() as s:
        second = close_pickup(s, "USPS", warehouse="LA1", actor=PACKER)
    assert second.shipped_orders == ("SO-2",) and _status(world, "SO-2") == OrderStatus.SHIPPED
    with world.reading() as s:
        order = s.scalar(select(Order).where(Order.number == "SO-2"))
        assert order is not None and order.tracking_number == "9400222"
    with world.writing() as s, pytest.raises(NoOpenPickup):
        close_pickup(s, "USPS", actor=PACKER)


def test_a_parcel_held_after_scanning_out_is_taken_back_at_close(world: Database) -> None:
    packed(world, "SO-1", "UPS", "1Z1")
    packed(world, "SO-2", "UPS", "1Z2")
    with world.writing() as s:
        scan_out(s, "1Z1", "UPS", actor=PACKER)
        scan_out(s, "1Z2", "UPS", actor=PACKER)
    _hold(world, "SO-2", "fraud check")
    with world.writing() as s:
        closed = close_pickup(s, "UPS", actor=PACKER)
    assert [(p.parcel, p.state) for p in closed.stopped] == [("1Z2", "on_hold")]
    assert [p.parcel for p in closed.scanned] == ["1Z1"]
    with world.reading() as s:
        assert s.scalar(select(func.count()).select_from(PickupParcel)) == 1


def test_unscan_takes_a_parcel_off_the_open_pickup(world: Database) -> None:
    packed(world, "SO-1", "UPS", "1Z1")
    with world.writing() as s:
        scan_out(s, "1Z1", "UPS", actor=PACKER)
    with world.writing() as s:
        assert unscan(s, "1Z1", "UPS", actor=PACKER).parcel == "1Z1"
    with world.reading() as s:
        assert pickup_summary(s, "UPS", "LA1").scanned == ()


def test_a_parcel_that_is_not_packed_is_refused_at_the_door(world: Database) -> None:
    packed(world, "SO-1", "UPS", "1Z1")
    with world.writing() as s:
        parcel = s.scalar(select(Parcel))
        assert parcel is not None
        parcel.status = "open"
    with world.writing() as s, pytest.raises(ParcelNotPacked):
        scan_out(s, "1Z1", "UPS", actor=PACKER)


def test_a_parcel_on_a_closed_pickup_is_not_scanned_again(world: Database) -> None:
    packed(world, "SO-1", "UPS", "1Z1", "1Z2")
    with world.writing() as s:
        scan_out(s, "1Z1", "UPS", actor=PACKER)
    with world.writing() as s:
        close_pickup(s, "UPS", actor=PACKER)
    with world.writing() as s, pytest.raises(ParcelAlreadyHandedOver):
        scan_out(s, "1Z1", "UPS", actor=PACKER)
