"""A morning on the floor, told as a story: from the seller's order file to packed orders.

The ledger must equal the balances after every step (``haicang check`` would say so).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.db.engine import Database
from app.db.models import StockMove
from app.domain.picking import WrongBin, WrongItem
from app.services import fulfilment, picking
from app.services.order_import import import_order_file
from app.services.orders import find_order_id, get_order
from app.services.wave_plan import WaveFilters, plan_wave
from app.services.waves import get_wave, release_wave
from tests.imports.writers import good_row, write_csv
from tests.services.picking_world import (
    CLERK,
    PACKER,
    PICKER,
    assert_ledger_matches,
    bin_flag,
)
from tests.world import ACTOR, build_world, receive


def test_orders_go_from_a_file_through_a_wave_to_the_pack_station(db: Database,
                                                                  tmp_path: Path) -> None:
    # Monday morning: the warehouse has mugs in two bins and cups in one.
    build_world(db)
    receive(db, "MUG", 2, bin_code="A-01-01-02")
    receive(db, "MUG", 6, bin_code="B-01-02-02")
    receive(db, "CUP", 5, bin_code="A-01-01-01")
    assert_ledger_matches(db)

    # Acme's file arrives with three orders; the import reserves stock at once.
    path = write_csv(tmp_path / "orders.csv", [
        good_row("SO-1", sku="MUG", quantity="2"),
        good_row("SO-2", sku="CUP", quantity="1"),
        good_row("SO-3", sku="CUP", quantity="2"),
    ])
    report = import_order_file(db, "ACME", path, actor=ACTOR)
    assert report.orders_created == ("SO-1", "SO-2", "SO-3")
    assert_ledger_matches(db)

    # The supervisor looks at the plan first: it changes nothing.
    with db.reading() as s:
        plan = plan_wave(s, "LA1", WaveFilters(), cart_orders=8)
    assert sorted(n for b in plan.batches for n in b.orders) == ["SO-1", "SO-2", "SO-3"]
    assert plan.batched_distance_m <= plan.single_order_distance_m
    with db.reading() as s:
        assert get_order(s, find_order_id(s, "SO-1", "ACME")).row.status == "allocated"

    # ... then releases it: the orders are picking, the carts have their routes.
    with db.writing() as s:
        wave = release_wave(s, "LA1", WaveFilters(), actor=CLERK)
    assert wave.orders == 3 and wave.units == 5
    with db.reading() as s:
        carts = get_wave(s, wave.number).carts
    assert_ledger_matches(db)

    # The picker scans each cart and walks its route.
    happened = set()
    for cart in carts:
        view = _open(db, cart.code)
        while (stop := view.next_stop) is not None:
            if stop.sku == "CUP" and stop.order_number == "SO-2":
                # wrong shelf first: refused, nothing moves
                with pytest.raises(WrongBin):
                    _confirm(db, stop.task_id, "B-01-02-02", "CUP", 1)
                # the right shelf, but a mug in hand: refused too
                with pytest.raises(WrongItem):
                    _confirm(db, stop.task_id, stop.bin_code, "012345678905", 1)
                assert_ledger_matches(db)
                happened.add("wrong scans")
            if stop.sku == "MUG" and stop.bin_code == "A-01-01-02":
                # only one mug on the shelf: a short; the other comes from B-01-02-02
                with db.writing() as s:
                    short = picking.report_short(s, stop.task_id, found=1, reason="empty",
                                                 actor=PICKER)
                assert [(m.bin_code, m.quantity) for m in short.moved_to] == [
                    ("B-01-02-02", 1)]
                assert bin_flag(db, "A-01-01-02") == "short pick: empty"
                happened.add("short")
            else:
                _confirm(db, stop.task_id, stop.bin_code, stop.sku, stop.remaining)
            assert_ledger_matches(db)
            view = _open(db, cart.code)
        assert view.status == "done"
    assert happened == {"wrong scans", "short"}

    with db.reading() as s:
        assert get_wave(s, wave.number).summary.status == "done"
        moves = s.execute(select(StockMove.kind, StockMove.reason, StockMove.quantity)
                          .where(StockMove.kind.in_(("pick", "adjustment")))).all()
    assert sum(q for k, _r, q in moves if k == "pick") == 5
    assert [(r, q) for k, r, q in moves if k == "adjustment"] == [("short_pick", 1)]

    # At the pack station every order packs from what was picked; nothing is left reserved.
    for number in ("SO-1", "SO-2", "SO-3"):
        with db.writing() as s:
            oid = find_order_id(s, number, "ACME")
            fulfilment.pack_order(s, oid, actor=PACKER)
        with db.reading() as s:
            detail = get_order(s, oid)
        assert detail.row.status == "packed" and detail.reservations == ()
        assert_ledger_matches(db)


def _open(db: Database, code: str) -> picking.CartView:
    with db.writing() as s:
        return picking.open_cart(s, code, actor=PICKER)


def _confirm(db: Database, task_id: int, bin_code: str, item: str,
             qty: int) -> picking.PickOutcome:
    with db.writing() as s:
        return picking.confirm_pick(s, task_id, bin_scan=bin_code, item_scan=item,
                                    quantity=qty, actor=PICKER)
