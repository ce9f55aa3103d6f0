"""The issue's story end to end: announce -> receive with discrepancies -> put away ->
allocate -> count with a variance -> ship -> return -> restock, through the real services
of inbound, put-away, allocation, counts and returns. After every step the ledger equals
the balances and every unit on hand sits in exactly one FIFO layer; stock age adds up to
what is on hand."""

from __future__ import annotations

from sqlalchemy import func, select

from app.db.models import Bin, Order, StockBalance
from app.domain.permissions import Actor
from app.domain.states import BinType, Role
from app.services import organisation as org
from app.services.allocation import allocate_order
from app.services.counts import approve_count, enter_count, start_count
from app.services.fulfilment import pack_order, ship_order, start_picking
from app.services.inbound import CartonDraft, InboundDraft, arrive_inbound, create_inbound
from app.services.putaway import confirm_putaway, list_putaway_tasks
from app.services.receiving import close_inbound, receive_units
from app.services.returns import create_return, receive_return
from app.services.stock_age import stock_age
from tests.services.layers_check import assert_stock_true
from tests.world import ACTOR, build_world, place_order

CLERK = Actor("clerk", Role.CLERK)
PICKER = Actor("picker", Role.PICKER)
PICKER2 = Actor("picker2", Role.PICKER)
BOSS = Actor("boss", Role.ADMIN)


def _true(db) -> None:
    assert_stock_true(db)
    with db.reading() as s:
        aged = sum(r.units for r in stock_age(s))
        on_hand = s.scalar(select(func.coalesce(func.sum(StockBalance.on_hand), 0)))
    assert aged == on_hand


def _put_away_all(db, to_bin: str | None = None) -> int:
    with db.reading() as s:
        tasks = list_putaway_tasks(s, "LA1")
    for t in tasks:
        with db.writing() as s:
            confirm_putaway(s, t.id, to_bin or t.suggested_bin or "B-01-02-01", actor=PICKER)
    return len(tasks)


def test_announce_receive_put_away_allocate_count_return_restock(db) -> None:
    build_world(db)
    with db.writing() as s:
        org.create_bins(s, "LA1", [org.BinDraft("RET-01", BinType.RETURNS)], actor=ACTOR)
        create_inbound(s, client_code="ACME", warehouse_code="LA1", actor=CLERK,
                       draft=InboundDraft("ASN-1", (
                           CartonDraft("C1", (("MUG", 10), ("CUP", 5))),
                           CartonDraft("C2", (("MUG", 4),)))))
    _true(db)

    # receive with discrepancies: 1 damaged MUG, CUP short by 1, C2 one MUG over
    with db.writing() as s:
        arrive_inbound(s, "ASN-1", actor=PICKER)
    for carton, sku, qty, damaged in (("C1", "MUG", 9, 1), ("C1", "CUP", 4, 0),
                                      ("C2", "MUG", 5, 0)):
        with db.writing() as s:
            receive_units(s, "ASN-1", carton=carton, code=sku, quantity=qty, damaged=damaged,
                          actor=PICKER)
        _true(db)
    with db.writing() as s:
        closed = close_inbound(s, "ASN-1", actor=CLERK)
    assert {(r.carton, r.sku): r.difference for r in closed.report.rows} == {
        ("C1", "MUG"): 0, ("C1", "CUP"): -1, ("C2", "MUG"): 1}
    _true(db)

    # put away everything that was received in good condition
    assert _put_away_all(db) >= 2
    _true(db)

    # allocate an order
    oid = place_order(db, "O-1", {"MUG": 3, "CUP": 1})
    with db.writing() as s:
        assert allocate_order(s, oid, actor=CLERK).status == "allocated"
    _true(db)

    # count MUG everywhere: one bin is 2 short, recounted by another picker, approved
    with db.writing() as s:
        count = start_count(s, "LA1", sku_code="MUG", client_code="ACME", blind=True,
                            actor=PICKER)
    with db.reading() as s:
        book = dict(s.execute(
            select(Bin.code, StockBalance.on_hand).join(StockBalance,
                                                        StockBalance.bin_id == Bin.id)
            .where(StockBalance.sku_id == 1, StockBalance.on_hand > 0, Bin.warehouse_id == 1)
        ).all())
    sellable = [code for code in book if not code.startswith(("DMG", "QUA", "RCV"))]
    short_bin = sellable[0]
    for line in count.lines:
        found = book[line.bin] - (2 if line.bin == short_bin else 0)
        with db.writing() as s:
            enter_count(s, count.number, bin_code=line.bin, sku_code="MUG", quantity=found,
                        actor=PICKER, client_code="ACME")
        if line.bin == short_bin:
            with db.writing() as s:
                enter_count(s, count.number, bin_code=line.bin, sku_code="MUG",
                            quantity=found, actor=PICKER2, client_code="ACME")
    with db.writing() as s:
        approved = approve_count(s, count.number, actor=BOSS)
    assert [(p.bin, p.delta) for p in approved.posted] == [(short_bin, -2)]
    _true(db)

    # ship the order
    with db.writing() as s:
        status = s.scalar(select(Order.status).where(Order.id == oid))
        if status == "backordered":
            allocate_order(s, oid, actor=CLERK)
        start_picking(s, oid, actor=PICKER)
        pack_order(s, oid, actor=BOSS)
        ship_order(s, oid, carrier="UPS", tracking_number="1ZRET", actor=BOSS)
    _true(db)

    # the buyer sends one MUG back in good shape and the CUP broken
    with db.writing() as s:
        rma = create_return(s, tracking="1ZRET", actor=PICKER)
        got = receive_return(s, rma.number, sku_code="MUG", quantity=1, grade="resellable",
                             reason="changed mind", actor=PICKER)
        receive_return(s, rma.number, sku_code="CUP", quantity=1, grade="damaged",
                       reason="cracked", actor=PICKER)
    assert got.bin == "RET-01" and got.order_returned
    with db.reading() as s:
        assert s.scalar(select(Order.status).where(Order.id == oid)) == "returned"
    _true(db)

    # restock: the returned MUG goes back to a pick bin
    assert _put_away_all(db, "A-01-01-02") == 1
    _true(db)
