"""Packed parcels waiting for their carriers: the pack world, staging lanes per carrier
(UPS, USPS) at LA1, and orders packed whose parcels carry a carrier label."""

from __future__ import annotations

from sqlalchemy import select

from app.db.engine import Database
from app.db.models import Order, Parcel
from app.domain.states import BinType
from app.services import organisation as org
from app.services.packing_script import pack_at_once
from app.services.staging import set_lane_carrier
from tests.services.packing_world import PACKER, STATION, allocated_order, build_pack_world
from tests.world import ACTOR

LANES = {"LANE-UPS": "UPS", "LANE-USPS": "USPS"}


def build_handover_world(db: Database) -> None:
    """Pack world + one staging lane per carrier in LA1."""
    build_pack_world(db)
    add_lanes(db)


def add_lanes(db: Database) -> None:
    """One staging lane per carrier of :data:`LANES` in LA1."""
    with db.writing() as s:
        org.create_bins(s, "LA1", [org.BinDraft(code, BinType.STAGING) for code in LANES],
                        actor=ACTOR)
        for code, carrier in LANES.items():
            set_lane_carrier(s, "LA1", code, carrier, actor=ACTOR)


def packed_parcel_with_label(db: Database, number: str, carrier: str, tracking: str,
                             service: str = "Ground") -> int:
    """An order packed in one box whose label (carrier, tracking) is on its parcel, as a
    bought or seller-supplied label leaves it. Returns the parcel's id."""
    allocated_order(db, number, {"MUG": 1})
    with db.writing() as s:
        pack_at_once(s, number, box="BOX-8X6X4", weight_g=495, items=None, station=STATION,
                     actor=PACKER)
    with db.writing() as s:
        order_id = s.scalar(select(Order.id).where(Order.number == number))
        parcel = s.scalar(select(Parcel).where(Parcel.order_id == order_id))
        assert parcel is not None
        parcel.carrier, parcel.service, parcel.tracking_number = carrier, service, tracking
        return parcel.id
