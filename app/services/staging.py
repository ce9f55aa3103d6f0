"""Staging lanes: packed parcels wait in their carrier's lane until the driver comes.

A lane is a bin of type ``staging`` with ``staging_carrier`` set (e.g. ``USPS``). A parcel
scanned into the lane of another carrier is refused with the right lane named, so a UPS
parcel never rides away in the USPS truck; scanning it again into its own lane is
harmless.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Bin, Parcel, Warehouse
from app.domain.handover import carrier_key, same_carrier
from app.domain.permissions import Actor, Permission, require
from app.domain.states import BinType
from app.services.audit import record_audit
from app.services.dto import BinInfo
from app.services.handover_errors import (
    LaneWithoutCarrier,
    NoLaneForCarrier,
    NotAStagingLane,
    ParcelOfOtherWarehouse,
    StagingCarrierOnlyForLanes,
    WrongStagingLane,
)
from app.services.handover_parcels import packed_parcel
from app.services.lookup import bin_by_code, warehouse_by_code
from app.services.organisation import BinDraft, bin_info, create_bin


@dataclass(frozen=True)
class StagedParcel:
    """A parcel in its lane; ``already`` when the scan changed nothing."""

    parcel_id: int
    parcel: str
    order_number: str
    carrier: str
    warehouse: str
    lane: str
    staged_at: datetime
    already: bool


@dataclass(frozen=True)
class LaneInfo:
    """A staging lane and how many parcels wait in it."""

    warehouse: str
    code: str
    carrier: str | None
    active: bool
    parcels: int


def stage_parcel(session: Session, scan: str, lane_code: str, *, warehouse: str | None = None,
                 actor: Actor) -> StagedParcel:
    """Put a packed parcel (scanned tracking number, order number or ORDER/N) in a lane."""
    require(actor, Permission.HAND_OVER)
    found = packed_parcel(session, scan)
    if warehouse is not None:
        wh = warehouse_by_code(session, warehouse)
        if wh.id != found.warehouse_id:
            raise ParcelOfOtherWarehouse(parcel=found.name, parcel_warehouse=found.warehouse_code,
                                         warehouse=wh.code)
    lane = bin_by_code(session, found.warehouse_id, lane_code)
    if lane.bin_type != BinType.STAGING.value or not lane.active:
        raise NotAStagingLane(lane=lane.code, warehouse=found.warehouse_code)
    if not carrier_key(lane.staging_carrier):
        raise LaneWithoutCarrier(lane=lane.code)
    carrier = found.carrier or ""
    if not same_carrier(lane.staging_carrier, carrier):
        right = _lanes_of(session, found.warehouse_id, carrier)
        if not right:
            raise NoLaneForCarrier(parcel=found.name, carrier=carrier,
                                   warehouse=found.warehouse_code)
        raise WrongStagingLane(parcel=found.name, carrier=carrier, right=", ".join(right),
                               lane=lane.code, lane_carrier=lane.staging_carrier)
    parcel = session.get(Parcel, found.parcel_id)
    assert parcel is not None
    already = parcel.staged_bin_id == lane.id
    if not already:
        parcel.staged_bin_id = lane.id
        parcel.staged_at = utcnow()
        parcel.staged_by = actor.name[:64]
        session.flush()
        record_audit(session, actor, "stage", "parcel", parcel.id, order=found.order_number,
                     lane=lane.code, carrier=carrier)
    assert parcel.staged_at is not None
    return StagedParcel(parcel.id, found.name, found.order_number, carrier,
                        found.warehouse_code, lane.code, parcel.staged_at, already)


def _lanes_of(session: Session, warehouse_id: int, carrier: str) -> list[str]:
    """Codes of the active lanes of ``carrier`` in a warehouse."""
    lanes = session.execute(
        select(Bin.code, Bin.staging_carrier)
        .where(Bin.warehouse_id == warehouse_id, Bin.bin_type == BinType.STAGING.value,
               Bin.active.is_(True), Bin.staging_carrier.is_not(None))
    ).all()
    return sorted(code for code, lane_carrier in lanes if same_carrier(lane_carrier, carrier))


def add_bin_with_lane(session: Session, warehouse_code: str, draft: BinDraft,
                      carrier: str | None, *, actor: Actor) -> BinInfo:
    """Add a bin and, for a staging bin, its carrier, in one go (a carrier on another kind
    of bin is refused and no bin is added)."""
    info = create_bin(session, warehouse_code, draft, actor=actor)
    if carrier and carrier.strip():
        set_lane_carrier(session, warehouse_code, info.code, carrier, actor=actor)
    return bin_info(session, warehouse_code, info.code)


def set_lane_carrier(session: Session, warehouse_code: str, bin_code: str, carrier: str | None,
                     *, actor: Actor) -> LaneInfo:
    """Set (or with ``None``/"" clear) the carrier of a staging bin."""
    require(actor, Permission.MANAGE_MASTER_DATA)
    wh = warehouse_by_code(session, warehouse_code)
    lane = bin_by_code(session, wh.id, bin_code)
    name = (carrier or "").strip()[:40] or None
    if lane.bin_type != BinType.STAGING.value and name is not None:
        raise StagingCarrierOnlyForLanes(bin=lane.code, bin_type=lane.bin_type)
    if lane.staging_carrier != name:
        lane.staging_carrier = name
        session.flush()
        record_audit(session, actor, "lane_carrier", "bin", lane.id, warehouse=wh.code,
                     code=lane.code, carrier=name)
    return list_lanes(session, wh.code, lane_id=lane.id)[0]


def list_lanes(session: Session, warehouse_code: str | None = None, *,
               lane_id: int | None = None) -> list[LaneInfo]:
    """Staging lanes with the parcels staged in them and not yet handed over."""
    waiting = (
        select(Parcel.staged_bin_id, func.count().label("parcels"))
        .where(Parcel.staged_bin_id.is_not(None), Parcel.shipped_at.is_(None))
        .group_by(Parcel.staged_bin_id).subquery())
    stmt = (
        select(Bin, Warehouse.code, waiting.c.parcels)
        .join(Warehouse, Warehouse.id == Bin.warehouse_id)
        .outerjoin(waiting, waiting.c.staged_bin_id == Bin.id)
        .where(Bin.bin_type == BinType.STAGING.value))
    if warehouse_code:
        stmt = stmt.where(Warehouse.id == warehouse_by_code(session, warehouse_code).id)
    if lane_id is not None:
        stmt = stmt.where(Bin.id == lane_id)
    rows = [LaneInfo(wc, b.code, b.staging_carrier, b.active, int(parcels or 0))
            for b, wc, parcels in session.execute(stmt)]
    rows.sort(key=lambda lane: (lane.warehouse, lane.code))
    return rows
