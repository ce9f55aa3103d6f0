"""A small client's November 2026, built through the real services, for billing tests.

Timestamps are what the services stamp (today); the helpers move them to the days the
story needs, because billing reads what happened on a day.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select, update

from app.db.engine import Database
from app.db.models import (
    Box,
    CarrierAccount,
    InboundCarton,
    InboundShipment,
    LabelPurchase,
    OrderStatusChange,
    Parcel,
    ReturnReceipt,
    Sku,
    StockLot,
    StockMove,
)
from app.domain.ids import OrderId
from app.services.allocation import allocate_order
from app.services.fulfilment import pack_order, ship_order, start_picking
from app.services.rate_cards import CardSettings, RateItem, set_rate_card
from app.services.returns import create_return, receive_return
from tests.world import ACTOR, build_world, place_order, receive

D = Decimal

#: The test card: easy numbers, every kind the month uses.
CARD = (
    RateItem("receiving_unit", D("0.10")),
    RateItem("receiving_carton", D("1.25")),
    RateItem("receiving_pallet", D("15.00")),
    RateItem("receiving_container", D("300.00")),
    RateItem("storage", D("0"), 0, 31),
    RateItem("storage", D("0.50"), 31, 61),
    RateItem("storage", D("1.00"), 61, None),
    RateItem("pick_pack_order", D("0.50"), 0, 454),
    RateItem("pick_pack_order", D("0.60"), 454, 908),
    RateItem("pick_pack_order", D("1.00"), 908, None),
    RateItem("pick_pack_extra_unit", D("0.25")),
    RateItem("label", D("10")),  # markup in percent
    RateItem("packing_material", D("0.40")),
    RateItem("return", D("0.30"), 0, 2000),
    RateItem("return", D("0.50"), 2000, None),
    RateItem("vas_kitting", D("1.00")),
)


def at(day: date, hour: int = 15) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def set_card(db: Database, monthly_minimum: str = "0", items: tuple[RateItem, ...] = CARD,
             client: str = "ACME") -> None:
    with db.writing() as s:
        set_rate_card(s, client, CardSettings(monthly_minimum=D(monthly_minimum)), items,
                      actor=ACTOR)


def set_dims(db: Database, sku: str, dims: tuple[int, int, int]) -> None:
    with db.writing() as s:
        s.execute(update(Sku).where(Sku.code == sku).values(
            length_mm=dims[0], width_mm=dims[1], height_mm=dims[2]))


def date_last_receipt(db: Database, day: date) -> None:
    """The newest receipt move and its lot happened on ``day``."""
    with db.writing() as s:
        move = s.scalar(select(StockMove.id).where(StockMove.kind == "receipt")
                        .order_by(StockMove.id.desc()).limit(1))
        s.execute(update(StockMove).where(StockMove.id == move).values(at=at(day, 9)))
        s.execute(update(StockLot).where(StockLot.move_id == move).values(received_on=day))


def ship(db: Database, number: str, lines: dict[str, int], day: date) -> OrderId:
    """Place, allocate, pick, pack and ship an order; its shipped change dated ``day``."""
    oid = place_order(db, number, lines)
    with db.writing() as s:
        allocate_order(s, oid, actor=ACTOR)
        start_picking(s, oid, actor=ACTOR)
        pack_order(s, oid, actor=ACTOR)
        ship_order(s, oid, carrier="UPS", tracking_number=f"1Z{number}", actor=ACTOR)
        s.execute(update(OrderStatusChange).where(OrderStatusChange.order_id == oid,
                                                  OrderStatusChange.to_status == "shipped")
                  .values(at=at(day)))
    return oid


def add_parcel(db: Database, oid: int, weight_g: int, box_mm: tuple[int, int, int]) -> None:
    with db.writing() as s:
        box = Box(code=f"BOX{oid}", inner_length_mm=box_mm[0], inner_width_mm=box_mm[1],
                  inner_height_mm=box_mm[2], tare_g=100, max_weight_g=30000)
        s.add(box)
        s.flush()
        s.add(Parcel(order_id=oid, seq=1, box_id=box.id, status="shipped", weight_g=weight_g))


def buy_label(db: Database, oid: int, cost: str, day: date) -> None:
    with db.writing() as s:
        account = CarrierAccount(provider="manual", name="Manual", secret_ref="manual-1")
        s.add(account)
        s.flush()
        s.add(LabelPurchase(reference=f"L{oid}", order_id=oid, account_id=account.id,
                            status="bought", carrier="UPS", service="Ground", cost=D(cost),
                            tracking_number=f"1ZLABEL{oid}", actor="test", bought_at=at(day)))


def return_units(db: Database, number: str, sku: str, qty: int, weight_g: int,
                 day: date) -> str:
    with db.writing() as s:
        rma = create_return(s, actor=ACTOR, order_number=number).number
    with db.writing() as s:
        receive_return(s, rma, sku_code=sku, quantity=qty, grade="damaged", actor=ACTOR,
                       weight_g=weight_g)
        s.execute(update(ReturnReceipt).values(at=at(day)))
    return rma


def inbound_closed(db: Database, day: date, cartons: int, container: str | None,
                   pallets: int) -> None:
    """An ASN closed on ``day`` with its cartons received that day."""
    with db.writing() as s:
        client_id = s.scalar(select(Sku.client_id).where(Sku.code == "MUG").limit(1))
        shipment = InboundShipment(client_id=client_id, warehouse_id=1, reference="ASN-1",
                                   container=container, status="closed", created_by="test",
                                   notes=json.dumps({"pallets": pallets}),
                                   closed_at=at(day, 17))
        s.add(shipment)
        s.flush()
        s.add_all(InboundCarton(shipment_id=shipment.id, code=f"C{i:03d}",
                                received_at=at(day, 10)) for i in range(1, cartons + 1))


def set_lots(db: Database, lots: list[tuple[str, date, int]]) -> None:
    """The month's stock in lots: (sku, received_on, remaining) — every other lot empty.

    Storage reads the lots' remaining units on the day it runs; the story's picks and
    returns moved units between lots, so the state to bill is set here plainly."""
    with db.writing() as s:
        s.execute(update(StockLot).values(remaining=0))
        for sku, received, remaining in lots:
            lot = s.scalar(select(StockLot.id).join(Sku, Sku.id == StockLot.sku_id)
                           .where(Sku.code == sku, StockLot.received_on == received,
                                  StockLot.quantity >= remaining))
            assert lot is not None, (sku, received)
            s.execute(update(StockLot).where(StockLot.id == lot).values(remaining=remaining))


__all__ = ["ACTOR", "build_world", "receive"]
