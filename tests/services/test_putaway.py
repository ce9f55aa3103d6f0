"""Put-away: the suggested bin (own pick bin with room, else nearest empty bin by capacity,
one lot per bin), confirming by scanning (a transfer in the ledger), and refusals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.db.models import PutawayTask, StockMove
from app.domain.errors import BinInactive, InsufficientStock, NotFound
from app.domain.lots import LotMixing
from app.domain.putaway import BinFull, BinNotForPutaway, BinOfOtherWarehouse
from app.services import organisation as org
from app.services.putaway import (
    PutawayTaskDone,
    confirm_putaway,
    list_putaway_tasks,
    plan_putaway,
    tasks_for_scan,
)
from tests.services.putaway_world import (
    assert_ledger_matches,
    capacity,
    dock_task,
    ids,
    on_hand,
    setup,
    stock,
)
from tests.world import ACTOR

SOON = date.today() + timedelta(days=200)


def _suggested(db, task_id: int) -> str | None:
    with db.reading() as s:
        return next(t.suggested_bin for t in list_putaway_tasks(s, "LA1") if t.id == task_id)


def test_a_pick_bin_of_the_same_sku_with_room_is_suggested(db) -> None:
    setup(db)
    stock(db, "A-01-01-02", qty=5)
    task = dock_task(db, 10)
    assert _suggested(db, task) == "A-01-01-02"


def test_a_full_pick_bin_gives_way_to_the_nearest_empty_storage_bin(db) -> None:
    setup(db)
    stock(db, "A-01-01-02", qty=5)
    capacity(db, "A-01-01-02", units=12)            # room for 7, 10 to put away
    task = dock_task(db, 10)
    assert _suggested(db, task) == "B-01-02-01"     # storage first, nearest the dock


def test_empty_bins_are_chosen_by_capacity_then_distance_and_pick_after_storage(db) -> None:
    setup(db)
    capacity(db, "B-01-02-01", units=5)             # too small
    task = dock_task(db, 10)
    assert _suggested(db, task) == "B-01-02-02"
    stock(db, "B-01-02-02", "CUP", qty=1)           # no longer empty
    with db.writing() as s:
        s.get(PutawayTask, task).suggested_bin_id = None
        plan_putaway(s, "LA1", actor=ACTOR)
    assert _suggested(db, task) == "A-01-01-01"     # no storage left: the nearest empty pick bin


def test_capacity_in_litres_uses_the_skus_volume(db) -> None:
    setup(db)
    capacity(db, "B-01-02-01", litres="5")          # JAM is 1 L a unit
    task = dock_task(db, 6, "JAM", lot="L1", expiry=SOON)
    assert _suggested(db, task) == "B-01-02-02"


def test_a_pick_bin_holding_another_lot_is_not_suggested_and_refused(db) -> None:
    setup(db)
    stock(db, "A-01-01-02", "JAM", lot="L1", expiry=SOON, qty=3)
    other = dock_task(db, 4, "JAM", lot="L2", expiry=SOON + timedelta(days=30))
    assert _suggested(db, other) == "B-01-02-01"
    with pytest.raises(LotMixing, match=r"A-01-01-02.*L1.*L2"), db.writing() as s:
        confirm_putaway(s, other, "A-01-01-02", actor=ACTOR)
    assert on_hand(db, "A-01-01-02", "JAM") == (3, 0)
    with db.reading() as s:
        assert s.get(PutawayTask, other).status == "open"      # nothing half-written


def test_same_lot_goes_to_its_pick_bin_and_the_balance_keeps_lot_and_expiry(db) -> None:
    setup(db)
    stock(db, "A-01-01-02", "JAM", lot="L1", expiry=SOON, qty=3)
    task = dock_task(db, 4, "JAM", lot="L1", expiry=SOON)
    assert _suggested(db, task) == "A-01-01-02"
    empty = dock_task(db, 2, "JAM", lot="L9", expiry=SOON + timedelta(days=9))
    with db.writing() as s:
        confirm_putaway(s, task, "A-01-01-02", actor=ACTOR)
    with db.writing() as s:
        confirm_putaway(s, empty, "B-01-02-02", actor=ACTOR)
    from app.db.models import StockBalance
    _wh, bin_id, sku_id = ids(db, "B-01-02-02", "JAM")
    with db.reading() as s:
        lot, expiry = s.execute(select(StockBalance.lot, StockBalance.expiry).where(
            StockBalance.bin_id == bin_id, StockBalance.sku_id == sku_id)).one()
        moved_lots = set(s.scalars(select(StockMove.lot).where(StockMove.reason == "putaway")))
    assert (lot, expiry) == ("L9", SOON + timedelta(days=9))
    assert moved_lots == {"L1", "L9"}
    assert on_hand(db, "A-01-01-02", "JAM") == (7, 0)
    assert_ledger_matches(db)


def test_confirm_moves_the_units_in_the_ledger_and_records_another_bin(db) -> None:
    setup(db)
    task = dock_task(db, 10)
    assert _suggested(db, task) == "B-01-02-01"
    with db.writing() as s:
        done = confirm_putaway(s, task, " b-01-02-02 ", actor=ACTOR)
    assert done.instead_of == "B-01-02-01"
    assert (done.task.status, done.task.to_bin, done.task.suggested_bin) == (
        "done", "B-01-02-02", "B-01-02-01")
    assert on_hand(db, "RCV-01") == (0, 0)
    assert on_hand(db, "B-01-02-02") == (10, 0)
    with db.reading() as s:
        moves = s.execute(select(StockMove.kind, StockMove.quantity, StockMove.reference)
                          .where(StockMove.reason == "putaway")).all()
        assert list_putaway_tasks(s, "LA1") == []
    assert [tuple(m) for m in moves] == [("transfer", 10, "ASN-1")]
    assert_ledger_matches(db)


def test_a_task_is_confirmed_once(db) -> None:
    setup(db)
    task = dock_task(db, 4)
    with db.writing() as s:
        confirm_putaway(s, task, "B-01-02-01", actor=ACTOR)
    with pytest.raises(PutawayTaskDone, match=f"{task} is already done"), db.writing() as s:
        confirm_putaway(s, task, "B-01-02-02", actor=ACTOR)
    assert on_hand(db, "B-01-02-01") == (4, 0)
    assert on_hand(db, "B-01-02-02") == (0, 0)


@pytest.mark.parametrize(("bin_code", "error", "message"), [
    ("STAGE-01", BinNotForPutaway, "STAGE-01 is a staging bin"),
    ("A-01-01-02", BinFull, "A-01-01-02 is full: room for 2 more"),
    ("A-01-01-01", BinInactive, "A-01-01-01 is inactive"),
    ("NOPE-9", NotFound, "Bin NOPE-9 was not found"),
])
def test_a_bin_that_cannot_take_the_units_is_refused_with_one_line(
        db, bin_code, error, message) -> None:
    setup(db)
    capacity(db, "A-01-01-02", units=2)
    with db.writing() as s:
        org.set_bin_active(s, "LA1", "A-01-01-01", False, actor=ACTOR)
    task = dock_task(db, 4)
    with pytest.raises(error, match=message), db.writing() as s:
        confirm_putaway(s, task, bin_code, actor=ACTOR)
    assert on_hand(db, "RCV-01") == (4, 0)
    with db.reading() as s:
        assert s.get(PutawayTask, task).status == "open"
        assert s.scalar(select(func.count()).select_from(StockMove).where(
            StockMove.reason == "putaway")) == 0


def test_a_bin_of_another_warehouse_is_named(db) -> None:
    setup(db)
    with db.writing() as s:
        org.create_bin(s, "NJ1", org.BinDraft("NJ-ONLY", "storage", 3, 1), actor=ACTOR)
    task = dock_task(db, 1)
    with pytest.raises(BinOfOtherWarehouse, match=r"NJ-ONLY is not in .*LA1"), db.writing() as s:
        confirm_putaway(s, task, "NJ-ONLY", actor=ACTOR)


def test_units_gone_from_the_dock_are_refused(db) -> None:
    setup(db)
    task = dock_task(db, 4)
    from app.domain.states import AdjustReason
    from app.services.inventory import adjust_stock
    with db.writing() as s:
        adjust_stock(s, client_code="ACME", sku_code="MUG", warehouse_code="LA1",
                     bin_code="RCV-01", delta=-2, reason=AdjustReason.LOST, actor=ACTOR)
    with pytest.raises(InsufficientStock, match="RCV-01: 2 available, 4"), db.writing() as s:
        confirm_putaway(s, task, "B-01-02-01", actor=ACTOR)


def test_two_tasks_are_not_both_sent_to_the_last_room_of_a_bin(db) -> None:
    setup(db)
    capacity(db, "B-01-02-01", units=10)
    first, second = dock_task(db, 6), dock_task(db, 6, "CUP")
    with db.writing() as s:
        plan_putaway(s, "LA1", actor=ACTOR)
    assert (_suggested(db, first), _suggested(db, second)) == ("B-01-02-01", "B-01-02-02")


def test_a_scan_finds_tasks_by_number_sku_or_barcode(db) -> None:
    setup(db)
    mug, cup = dock_task(db, 2), dock_task(db, 3, "CUP")
    with db.reading() as s:
        assert tasks_for_scan(s, "LA1", str(cup)) == [cup]
        assert tasks_for_scan(s, "LA1", "012345678905") == [mug]
        assert tasks_for_scan(s, "LA1", "CUP") == [cup]
        assert tasks_for_scan(s, "LA1", "NOTHING") == []


def test_a_transfer_carries_its_lot_and_never_mixes_two(db) -> None:
    from app.services.inventory import move_stock
    setup(db)
    stock(db, "B-01-02-01", "JAM", lot="L1", expiry=SOON, qty=5)
    stock(db, "A-01-01-02", "JAM", lot="L2", expiry=SOON, qty=1)

    def move(to_bin: str) -> None:
        with db.writing() as s:
            move_stock(s, client_code="ACME", sku_code="JAM", warehouse_code="LA1",
                       from_bin="B-01-02-01", to_bin=to_bin, quantity=2, actor=ACTOR)

    with pytest.raises(LotMixing, match="Bin A-01-01-02 already holds lot L2 of JAM: lot L1"):
        move("A-01-01-02")
    move("A-01-01-01")
    from app.db.models import StockBalance
    _wh, bin_id, sku_id = ids(db, "A-01-01-01", "JAM")
    with db.reading() as s:
        assert s.execute(select(StockBalance.lot, StockBalance.expiry, StockBalance.on_hand)
                         .where(StockBalance.bin_id == bin_id,
                                StockBalance.sku_id == sku_id)).one() == ("L1", SOON, 2)
    assert on_hand(db, "A-01-01-02", "JAM") == (1, 0)
    assert_ledger_matches(db)


def test_the_lots_expiry_comes_from_its_receipt_when_the_dock_bin_has_none(db) -> None:
    from app.db.base import utcnow
    from app.db.models import StockBalance
    from app.domain.states import MoveKind
    from app.services import ledger
    from app.services.putaway import create_putaway_task
    setup(db)
    wh_id, rcv, jam = ids(db, "RCV-01", "JAM")
    with db.writing() as s:  # as closing an inbound shipment posts it
        ledger.add_on_hand(s, rcv, jam, 3, utcnow())
        ledger.record_move(s, sku_id=jam, quantity=3, kind=MoveKind.RECEIPT, actor=ACTOR,
                           to_bin_id=rcv, reference="ASN-9", lot="L5", expiry=SOON)
        task = create_putaway_task(s, warehouse_id=wh_id, sku_id=jam, quantity=3,
                                   from_bin_id=rcv, lot="L5", source="ASN-9", actor=ACTOR)
    with db.writing() as s:
        confirm_putaway(s, task, "B-01-02-01", actor=ACTOR)
    _wh, target, _sku = ids(db, "B-01-02-01", "JAM")
    with db.reading() as s:
        assert s.execute(select(StockBalance.lot, StockBalance.expiry).where(
            StockBalance.bin_id == target, StockBalance.sku_id == jam)).one() == ("L5", SOON)
    assert_ledger_matches(db)
