"""Releasing waves and picking carts through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from app.db.models import PickTask, Reservation, StockBalance, StockMove
from app.domain.errors import PermissionDenied
from app.domain.picking import (
    IllegalPickTransition,
    LabelNotOnCart,
    NotLabelFirst,
    OrderNotPickable,
    PickQuantityNotPositive,
    ShortNotLess,
    TaskNotOpen,
    TooManyUnits,
    WaveStatus,
    WrongBin,
    WrongItem,
    check_wave_transition,
)
from app.domain.states import OrderStatus
from app.services import picking, waves
from app.services.orders import cancel_order, get_order, hold_order, release_order
from app.services.wave_plan import NoOrdersToPlan, WaveFilters
from tests.services.picking_world import (
    CLERK,
    PICKER,
    assert_ledger_matches,
    bin_flag,
    picking_world,
)

ALL = WaveFilters()


def _release(db, **kw):  # type: ignore[no-untyped-def]
    with db.writing() as s:
        return waves.release_wave(s, "LA1", ALL, actor=CLERK, **kw)


def _open(db, code: str):  # type: ignore[no-untyped-def]
    with db.writing() as s:
        return picking.open_cart(s, code, actor=PICKER)


def _confirm(db, task_id: int, bin_code: str, item: str, qty: int):  # type: ignore[no-untyped-def]
    with db.writing() as s:
        return picking.confirm_pick(s, task_id, bin_scan=bin_code, item_scan=item,
                                    quantity=qty, actor=PICKER)


def _status(db, oid: int) -> str:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return str(get_order(s, oid).row.status)


def test_release_makes_the_plan_real_and_picking_follows_the_route(db) -> None:
    ids = picking_world(db, {"P-1": {"MUG": 2}, "P-2": {"MUG": 1, "CUP": 1}},
                        {("MUG", "A-01-01-02"): 5, ("CUP", "B-01-02-01"): 4})
    summary = _release(db)
    assert summary.status == "released" and summary.orders == 2 and summary.units == 4
    assert summary.number.startswith("W-") and summary.carts == 1
    assert {_status(db, i) for i in ids.values()} == {"picking"}
    detail = _get(db, summary.number)
    (cart,) = detail.carts
    assert cart.route == ("A-01-01-02", "B-01-02-01")
    assert [o.slot for o in cart.orders] == [1, 2] and cart.open_tasks == 3

    view = _open(db, cart.code.lower())
    assert view.status == "picking" and view.picker == "picker"
    assert [s.bin_code for s in view.stops] == ["A-01-01-02", "A-01-01-02", "B-01-02-01"]
    first = view.next_stop
    assert first is not None and first.order_number == "P-1" and first.barcodes == (
        "012345678905",)

    with pytest.raises(WrongBin, match="A-01-01-02"):
        _confirm(db, first.task_id, "B-01-02-01", "MUG", 1)
    with pytest.raises(WrongItem, match="CUP"):
        _confirm(db, first.task_id, "A-01-01-02", "CUP", 1)
    with pytest.raises(WrongItem):  # BETA's MUG is another client's SKU of the same code
        _confirm(db, first.task_id, "A-01-01-02", "nonsense", 1)
    with pytest.raises(TooManyUnits):
        _confirm(db, first.task_id, "A-01-01-02", "MUG", 3)
    with pytest.raises(PickQuantityNotPositive):
        _confirm(db, first.task_id, "A-01-01-02", "MUG", 0)
    with db.reading() as s:
        assert s.scalar(select(func.count(StockMove.id)).where(StockMove.kind == "pick")) == 0

    out = _confirm(db, first.task_id, "a-01-01-02", "012345678905", 1)  # by barcode
    assert (out.task_picked, out.order_done, out.cart_done) == (1, False, False)
    with db.reading() as s:
        res = s.scalar(select(Reservation.quantity).where(Reservation.order_id == ids["P-1"]))
        bal = s.scalar(select(StockBalance.on_hand).where(StockBalance.reserved == 2))
    assert res == 1 and bal == 4
    assert_ledger_matches(db)
    out = _confirm(db, first.task_id, "A-01-01-02", "MUG", 1)
    assert out.order_done and not out.cart_done
    with pytest.raises(TaskNotOpen):
        _confirm(db, first.task_id, "A-01-01-02", "MUG", 1)
    for stop in _open(db, cart.code).stops[1:]:
        out = _confirm(db, stop.task_id, stop.bin_code, stop.sku, stop.quantity)
    assert out.cart_done and out.wave_done
    assert _get(db, summary.number).summary.status == "done"
    with db.reading() as s:
        assert s.scalar(select(func.count(Reservation.id))) == 0
    assert {_status(db, i) for i in ids.values()} == {"picking"}  # until packed
    assert_ledger_matches(db)


def _get(db, number: str):  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return waves.get_wave(s, number)


def test_releasing_again_or_with_nothing_allocated_is_refused(db) -> None:
    picking_world(db, {"P-1": {"MUG": 1}}, {("MUG", "A-01-01-01"): 3})
    _release(db)
    with pytest.raises(NoOrdersToPlan):
        _release(db)
    with db.reading() as s:
        assert len(waves.list_waves(s)) == 1
        assert len(waves.list_waves(s, warehouse_code="LA1", status="released")) == 1
        assert waves.list_waves(s, status="done") == []


def test_a_picker_may_not_release_and_a_clerk_may_not_pick(db) -> None:
    picking_world(db, {"P-1": {"MUG": 1}}, {("MUG", "A-01-01-01"): 3})
    with pytest.raises(PermissionDenied), db.writing() as s:
        waves.release_wave(s, "LA1", ALL, actor=PICKER)
    code = _get(db, _release(db).number).carts[0].code
    with pytest.raises(PermissionDenied), db.writing() as s:
        picking.open_cart(s, code, actor=CLERK)


def test_short_pick_moves_the_reservation_to_another_bin_and_reroutes(db) -> None:
    ids = picking_world(db, {"P-1": {"MUG": 3}},
                        {("MUG", "A-01-01-01"): 3, ("MUG", "B-01-02-02"): 4})
    wave = _release(db)
    cart = _get(db, wave.number).carts[0]
    stop = _open(db, cart.code).stops[0]
    assert stop.bin_code == "A-01-01-01" and stop.quantity == 3
    with pytest.raises(ShortNotLess), db.writing() as s:
        picking.report_short(s, stop.task_id, found=3, reason="empty", actor=PICKER)
    with db.writing() as s:
        out = picking.report_short(s, stop.task_id, found=1, reason="damaged", actor=PICKER)
    assert (out.found, out.missing, out.backordered) == (1, 2, False)
    assert [(m.bin_code, m.quantity) for m in out.moved_to] == [("B-01-02-02", 2)]
    assert out.route == ("A-01-01-01", "B-01-02-02")
    assert bin_flag(db, "A-01-01-01") == "short pick: damaged"
    with db.reading() as s:
        adj = s.execute(select(StockMove.quantity, StockMove.reason)
                        .where(StockMove.kind == "adjustment")).one()
    assert tuple(adj) == (2, "short_pick")
    assert_ledger_matches(db)
    view = _open(db, cart.code)
    nxt = view.next_stop
    assert nxt is not None and (nxt.bin_code, nxt.quantity) == ("B-01-02-02", 2)
    out2 = _confirm(db, nxt.task_id, "B-01-02-02", "MUG", 2)
    assert out2.order_done and out2.cart_done
    assert _status(db, ids["P-1"]) == "picking"
    assert_ledger_matches(db)


def test_short_pick_with_no_other_stock_backorders_and_puts_picked_units_back(db) -> None:
    ids = picking_world(db, {"P-1": {"MUG": 1, "CUP": 2}},
                        {("MUG", "A-01-01-01"): 1, ("CUP", "B-01-02-01"): 2})
    wave = _release(db)
    cart = _get(db, wave.number).carts[0]
    mug, cup = _open(db, cart.code).stops
    _confirm(db, mug.task_id, mug.bin_code, "MUG", 1)
    with db.writing() as s:
        out = picking.report_short(s, cup.task_id, found=0, reason="empty", actor=PICKER)
    assert out.backordered and out.moved_to == ()
    assert [(m.bin_code, m.quantity) for m in out.put_back] == [("A-01-01-01", 1)]
    assert out.cart_done and out.wave_done
    with db.reading() as s:
        detail = get_order(s, ids["P-1"])
        assert detail.row.status == OrderStatus.BACKORDERED
        assert detail.history[-1].note == "short pick: empty"
        assert detail.reservations == ()
        cup_left = s.scalar(select(StockBalance.on_hand).join(
            PickTask, PickTask.bin_id == StockBalance.bin_id).where(PickTask.id == cup.task_id))
    assert cup_left == 0
    assert_ledger_matches(db)
    # cancelling it later must not put the units back a second time
    with db.writing() as s:
        cancel_order(s, ids["P-1"], actor=CLERK)
    assert_ledger_matches(db)
    with db.reading() as s:
        mug_back = s.scalar(select(func.sum(StockBalance.on_hand)))
    assert mug_back == 1  # the one MUG back in A-01-01-01, the CUPs written off


def test_cancelling_or_holding_an_order_on_a_cart_tells_the_picker(db) -> None:
    ids = picking_world(db, {"P-1": {"MUG": 2}, "P-2": {"CUP": 1}},
                        {("MUG", "A-01-01-01"): 5, ("CUP", "A-01-01-02"): 5})
    cart = _get(db, _release(db).number).carts[0]
    mug, cup = _open(db, cart.code).stops
    _confirm(db, mug.task_id, mug.bin_code, "MUG", 1)
    with db.writing() as s:
        cancel_order(s, ids["P-1"], actor=CLERK, reason="buyer changed mind")
    with pytest.raises(OrderNotPickable, match=r"P-1 is cancelled.*tote 1"):
        _confirm(db, mug.task_id, mug.bin_code, "MUG", 1)
    assert_ledger_matches(db)
    with db.writing() as s:
        hold_order(s, ids["P-2"], actor=CLERK, reason="address check")
    with pytest.raises(OrderNotPickable, match="on_hold"):
        _confirm(db, cup.task_id, cup.bin_code, "CUP", 1)
    detail = _get(db, cart.code.rsplit("-", 1)[0])
    assert detail.carts[0].status == "done" and detail.carts[0].open_tasks == 0
    with db.writing() as s:
        release_order(s, ids["P-2"], actor=CLERK)
    assert _status(db, ids["P-2"]) == "picking"  # reservations kept: pack from there
    assert_ledger_matches(db)


def test_label_first_wave_confirms_an_order_by_its_label(db) -> None:
    from app.db.models import Sku

    ids = picking_world(db, {"P-1": {"MUG": 1}, "P-2": {"MUG": 2}},
                        {("MUG", "A-01-01-01"): 5})
    with db.writing() as s:
        s.execute(update(Sku).values(prepacked=True))
    wave = _release(db)
    assert wave.label_first
    cart = _get(db, wave.number).carts[0]
    with pytest.raises(LabelNotOnCart), db.writing() as s:
        picking.confirm_label_pick(s, cart.code, label_scan="NOPE", actor=PICKER)
    with db.writing() as s:
        out = picking.confirm_label_pick(s, cart.code, label_scan="P-2", actor=PICKER)
    assert (out.order_number, out.units, out.cart_done) == ("P-2", 2, False)
    with db.writing() as s:
        out = picking.confirm_label_pick(s, cart.code, label_scan=" P-1 ", actor=PICKER)
    assert out.cart_done and out.wave_done
    assert all(_status(db, i) == "picking" for i in ids.values())
    assert_ledger_matches(db)


def test_label_scan_on_an_ordinary_cart_is_refused(db) -> None:
    picking_world(db, {"P-1": {"MUG": 1}}, {("MUG", "A-01-01-01"): 5})
    cart = _get(db, _release(db).number).carts[0]
    with pytest.raises(NotLabelFirst), db.writing() as s:
        picking.confirm_label_pick(s, cart.code, label_scan="P-1", actor=PICKER)


def test_pick_list_data_lists_open_picks_in_route_order(db) -> None:
    picking_world(db, {"P-1": {"MUG": 2}, "P-2": {"CUP": 1, "MUG": 1}},
                  {("MUG", "B-01-02-02"): 5, ("CUP", "A-01-01-01"): 5})
    cart = _get(db, _release(db).number).carts[0]
    with db.reading() as s:
        data = picking.pick_list(s, cart.code)
    assert [(ln.bin_code, ln.sku, ln.slot, ln.quantity) for ln in data.lines] == [
        ("A-01-01-01", "CUP", 2, 1), ("B-01-02-02", "MUG", 1, 2), ("B-01-02-02", "MUG", 2, 1)]
    assert data.lines[1].barcode == "012345678905" and data.lines[0].barcode == "CUP"
    assert data.lines[1].name_zh == "马克杯"


def test_wave_transitions_not_in_the_table_raise() -> None:
    with pytest.raises(IllegalPickTransition):
        check_wave_transition("W-1", WaveStatus.DONE, WaveStatus.PICKING)
    check_wave_transition("W-1", WaveStatus.RELEASED, WaveStatus.PICKING)


def test_label_first_release_queues_the_labels_in_pick_order(db, tmp_path) -> None:
    from app.db.models import OrderLabel, PrintJob, Sku
    from printers.profiles import Language, PrinterProfile

    ids = picking_world(db, {"P-1": {"MUG": 1}, "P-2": {"CUP": 1}, "P-3": {"MUG": 1}},
                        {("MUG", "A-01-01-02"): 5, ("CUP", "A-01-01-01"): 5})
    with db.writing() as s:
        s.execute(update(Sku).values(prepacked=True))
        s.add(OrderLabel(order_id=ids["P-3"], actor="clerk", source_file="labels.pdf",
                         source_page=1, reference="9400111899223344556677", pdf=b"%PDF-seller"))
    printer = PrinterProfile("Label", f"file://{tmp_path}/labels.prn", Language.PDF)
    wave = _release(db, label_printer=printer, station="PC-1")
    assert wave.label_first and len(wave.label_jobs) == 3
    with db.reading() as s:
        jobs = s.execute(select(PrintJob.reference, PrintJob.kind, PrintJob.status)
                         .where(PrintJob.id.in_(wave.label_jobs)).order_by(PrintJob.id)).all()
    # the route starts at A-01-01-01 (P-2's CUP), then A-01-01-02 (P-1 and P-3, by tote)
    assert [tuple(j) for j in jobs] == [("P-2", "shipping_label", "queued"),
                                        ("P-1", "shipping_label", "queued"),
                                        ("P-3", "carrier_label", "queued")]
    # at the shelf, the seller's USPS label of P-3 is scanned (IMpb: '420' + ZIP first)
    cart = _get(db, wave.number).carts[0].code
    for scan in ("P-2", "P-1", "42093721" + "9400111899223344556677"):
        with db.writing() as s:
            out = picking.confirm_label_pick(s, cart, label_scan=scan, actor=PICKER)
    assert (out.order_number, out.cart_done) == ("P-3", True)
    assert_ledger_matches(db)


def test_an_ordinary_wave_queues_no_labels(db, tmp_path) -> None:
    from printers.profiles import Language, PrinterProfile

    picking_world(db, {"P-1": {"MUG": 1}}, {("MUG", "A-01-01-02"): 5})
    printer = PrinterProfile("Label", f"file://{tmp_path}/labels.prn", Language.PDF)
    wave = _release(db, label_printer=printer, station="PC-1")
    assert not wave.label_first and wave.label_jobs == ()


def test_a_plan_read_before_another_release_is_refused_with_the_wave(db, monkeypatch) -> None:
    from app.domain.picking import OrderAlreadyOnWave
    from app.services.wave_plan import plan_wave

    picking_world(db, {"P-1": {"MUG": 1}}, {("MUG", "A-01-01-01"): 3})
    with db.reading() as s:
        stale = plan_wave(s, "LA1", ALL)
    first = _release(db)
    monkeypatch.setattr(waves, "plan_wave", lambda *_a, **_k: stale)
    with pytest.raises(OrderAlreadyOnWave, match=f"P-1 is already on wave {first.number}"):
        _release(db)
    with db.reading() as s:
        assert len(waves.list_waves(s)) == 1


def test_a_flagged_bin_is_listed_until_counted_and_is_the_last_fallback(db) -> None:
    from app.services.count_flags import clear_count_flag, list_count_flags

    picking_world(db, {"P-1": {"MUG": 2}, "P-2": {"MUG": 2}},
                  {("MUG", "A-01-01-01"): 2, ("MUG", "A-01-01-02"): 2,
                   ("MUG", "B-01-02-01"): 5})
    with db.writing() as s:  # LA1's A-01-01-02 waits for a count from an earlier short
        from app.db.models import Bin, Warehouse
        la = select(Warehouse.id).where(Warehouse.code == "LA1").scalar_subquery()
        s.execute(update(Bin).where(Bin.code == "A-01-01-02", Bin.warehouse_id == la)
                  .values(count_flagged_at=func.now(), count_flag_reason="short pick: x"))
    cart = _get(db, _release(db).number).carts[0]
    stop = _open(db, cart.code).next_stop
    assert stop is not None
    with db.writing() as s:
        out = picking.report_short(s, stop.task_id, found=0, reason="empty", actor=PICKER)
    assert [m.bin_code for m in out.moved_to] == ["B-01-02-01"]  # not the flagged bin
    with db.reading() as s:
        flags = list_count_flags(s, warehouse_code="LA1")
    assert {f.bin_code for f in flags} == {"A-01-01-02", stop.bin_code}
    with pytest.raises(PermissionDenied), db.writing() as s:
        clear_count_flag(s, "LA1", "A-01-01-02", actor=PICKER)
    with db.writing() as s:
        assert clear_count_flag(s, "LA1", "a-01-01-02", actor=CLERK)
        assert not clear_count_flag(s, "LA1", "A-01-01-02", actor=CLERK)
    with db.reading() as s:
        assert [f.bin_code for f in list_count_flags(s)] == [stop.bin_code]
    assert_ledger_matches(db)


def test_an_order_whose_short_was_picked_elsewhere_goes_on_a_pack_bench(db) -> None:
    from app.services.packing import start_packing
    from tests.services.picking_world import PACKER

    picking_world(db, {"P-1": {"MUG": 3}}, {("MUG", "A-01-01-01"): 2, ("MUG", "B-01-02-02"): 4})
    cart = _get(db, _release(db).number).carts[0]
    stop = _open(db, cart.code).stops[0]
    with db.writing() as s:
        picking.report_short(s, stop.task_id, found=2, reason="count less", actor=PICKER)
    nxt = _open(db, cart.code).next_stop
    assert nxt is not None
    _confirm(db, nxt.task_id, nxt.bin_code, "MUG", nxt.quantity)
    with db.writing() as s:  # the short task counts as done: nothing left to pick
        view = start_packing(s, "P-1", station="PACK-1", actor=PACKER)
    assert view is not None
