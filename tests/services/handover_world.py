"""Parcels packed and labelled for their carriers, staging lanes per carrier at LA1, and a
store so a shipped order's tracking push can be seen."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from app.db.engine import Database
from app.db.models import Channel, ChannelOrder, Client, Order, Parcel
from app.domain.states import BinType
from app.services import organisation as org
from app.services import packing
from app.services.packing_script import pack_at_once
from app.services.staging import set_lane_carrier
from tests.services.packing_world import PACKER, STATION, allocated_order, build_pack_world
from tests.world import ACTOR

LANES = {"LANE-UPS": "UPS", "LANE-USPS": "USPS"}


def build_handover_world(db: Database) -> None:
    """Pack world + one staging lane per carrier in LA1 + a Shopify store of ACME."""
    build_pack_world(db)
    with db.writing() as s:
        org.create_bins(s, "LA1", [org.BinDraft(code, BinType.STAGING) for code in LANES],
                        actor=ACTOR)
        for code, carrier in LANES.items():
            set_lane_carrier(s, "LA1", code, carrier, actor=ACTOR)
        client_id = s.scalar(select(Client.id).where(Client.code == "ACME"))
        s.add(Channel(platform="shopify", name="ACME Shopify", client_id=client_id,
                      settings="{}", secret_ref="ref-acme-shopify"))


def packed(db: Database, number: str, carrier: str, *trackings: str,
           platform: bool = False) -> list[int]:
    """An order packed in one box per tracking number (one MUG each), each parcel
    carrying its carrier label; ``platform`` makes it a Shopify order. Parcel ids."""
    allocated_order(db, number, {"MUG": len(trackings)})
    if len(trackings) == 1:
        with db.writing() as s:
            pack_at_once(s, number, box="BOX-8X6X4", weight_g=495, items=None,
                         station=STATION, actor=PACKER)
    else:
        _pack_in_boxes(db, number, len(trackings))
    with db.writing() as s:
        order = s.scalar(select(Order).where(Order.number == number))
        assert order is not None
        parcels = list(s.scalars(select(Parcel).where(Parcel.order_id == order.id)
                                 .order_by(Parcel.seq)))
        for parcel, tracking in zip(parcels, trackings, strict=True):
            parcel.carrier, parcel.service, parcel.tracking_number = carrier, "Ground", tracking
        if platform:
            channel_id = s.scalar(select(Channel.id).where(Channel.name == "ACME Shopify"))
            s.add(ChannelOrder(channel_id=channel_id, external_id=f"gid-{number}",
                               number=number, order_id=order.id,
                               platform_updated_at=datetime(2026, 11, 20, tzinfo=UTC),
                               platform_status="paid", status="imported", content_hash="x"))
        return [p.id for p in parcels]


def _pack_in_boxes(db: Database, number: str, boxes: int) -> None:
    """One MUG per box, each weighed, then the order completed."""
    with db.writing() as s:
        view = packing.start_packing(s, number, station=STATION, actor=PACKER)
        for box in range(boxes):
            if box:
                packing.add_parcel(s, view.order_id, actor=PACKER)
            packing.scan_item(s, view.order_id, "MUG", actor=PACKER)
            packing.choose_box(s, view.order_id, "BOX-8X6X4", actor=PACKER)
            check = packing.accept_weight(s, view.order_id, weight_g=495, stable=True,
                                          actor=PACKER)
            assert check.error is None, check.error
        packing.complete_packing(s, view.order_id, station=STATION, actor=PACKER)


__all__ = ["ACTOR", "LANES", "PACKER", "build_handover_world", "packed"]
