"""A short pick re-reserves like allocation does: first-expiring lot first, never stock
inside the SKU's do-not-ship window."""

from __future__ import annotations

from datetime import date, timedelta

from app.services import picking, waves
from app.services.allocation import allocate_order
from app.services.wave_plan import WaveFilters
from tests.services.picking_world import CLERK, PICKER
from tests.services.putaway_world import assert_ledger_matches, on_hand, setup, stock
from tests.world import place_order


def test_a_short_pick_takes_the_first_expiring_lot_outside_the_window(db) -> None:
    setup(db)  # JAM: lot-tracked, 30-day window
    today = date.today()
    stock(db, "A-01-01-01", "JAM", lot="PICKED", expiry=today + timedelta(days=60), qty=3)
    stock(db, "A-01-01-02", "JAM", lot="NEAR", expiry=today + timedelta(days=20), qty=9)
    stock(db, "B-01-02-01", "JAM", lot="LATE", expiry=today + timedelta(days=300), qty=9)
    stock(db, "B-01-02-02", "JAM", lot="SOON", expiry=today + timedelta(days=90), qty=1)
    order = place_order(db, "J-1", {"JAM": 3})
    with db.writing() as s:
        allocate_order(s, order, actor=CLERK)
    assert on_hand(db, "A-01-01-01", "JAM") == (3, 3)
    with db.writing() as s:
        wave = waves.release_wave(s, "LA1", WaveFilters(), actor=CLERK)
    with db.reading() as s:
        cart = waves.get_wave(s, wave.number).carts[0]
    with db.writing() as s:
        stop = picking.open_cart(s, cart.code, actor=PICKER).stops[0]
    with db.writing() as s:
        out = picking.report_short(s, stop.task_id, found=0, reason="empty", actor=PICKER)
    assert [(m.bin_code, m.quantity) for m in out.moved_to] == [
        ("B-01-02-02", 1), ("B-01-02-01", 2)]
    assert on_hand(db, "A-01-01-02", "JAM") == (9, 0)  # inside the window: never
    assert_ledger_matches(db)
