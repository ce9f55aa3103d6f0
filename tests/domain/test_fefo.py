"""FEFO: first-expiring stock is allocated first, and stock inside the do-not-ship window
never; plus the put-away suggestion rules on plain data."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from app.domain.allocation import BinStock, LineNeed, plan_line, plan_order
from app.domain.ids import BinId, OrderLineId, SkuId, WarehouseId
from app.domain.lots import shippable
from app.domain.putaway import BinRoom, room_units, suggest_bin, unit_litres
from app.domain.states import BinType

TODAY = date(2026, 12, 7)
W1 = WarehouseId(1)


def lot(bin_id: int, qty: int, days: int | None, kind: BinType = BinType.PICK) -> BinStock:
    expiry = TODAY + timedelta(days=days) if days is not None else None
    return BinStock(BinId(bin_id), W1, SkuId(1), kind, qty,
                    datetime(2026, 1, 1, tzinfo=UTC), expiry)


def need(qty: int) -> LineNeed:
    return LineNeed(OrderLineId(1), SkuId(1), qty)


def test_first_expiring_wins_over_pick_face_and_single_bin() -> None:
    stock = [lot(1, 50, 200, BinType.PICK), lot(2, 3, 40, BinType.STORAGE),
             lot(3, 4, 90, BinType.PICK)]
    picks = plan_line(need(5), stock)
    assert picks is not None and [(p.bin_id, p.quantity) for p in picks] == [(2, 3), (3, 2)]


def test_a_whole_bin_is_chosen_only_among_the_first_expiry() -> None:
    stock = [lot(1, 2, 40), lot(2, 9, 40), lot(3, 9, 10)]
    picks = plan_line(need(9), stock)
    assert picks is not None and [(p.bin_id, p.quantity) for p in picks] == [(3, 9)]
    picks = plan_line(need(5), [lot(1, 2, 40), lot(2, 9, 40)])
    assert picks is not None and [p.bin_id for p in picks] == [2]


def test_the_window_boundary() -> None:
    assert not shippable(TODAY + timedelta(days=30), TODAY, 30)
    assert shippable(TODAY + timedelta(days=31), TODAY, 30)
    assert not shippable(TODAY, TODAY, 0) and shippable(TODAY + timedelta(days=1), TODAY, 0)
    assert shippable(None, TODAY, 365)


bins = st.lists(
    st.tuples(st.integers(1, 20), st.one_of(st.none(), st.integers(-10, 400)),
              st.sampled_from([BinType.PICK, BinType.STORAGE])),
    min_size=1, max_size=12)


@given(bins, st.integers(1, 60), st.integers(0, 90))
def test_never_allocates_inside_the_window_and_always_first_expiring(
        rows: list[tuple[int, int | None, BinType]], wanted: int, window: int) -> None:
    stock = [lot(i + 1, qty, days, kind) for i, (qty, days, kind) in enumerate(rows)]
    candidates = [s for s in stock if shippable(s.expiry, TODAY, window)]
    plan = plan_order([need(wanted)], candidates)
    if sum(s.available for s in candidates) < wanted:
        assert not plan.complete
        return
    assert plan.complete and sum(p.quantity for p in plan.picks) == wanted
    by_bin = {s.bin_id: s for s in stock}
    used = [by_bin[p.bin_id] for p in plan.picks]
    assert all(shippable(s.expiry, TODAY, window) for s in used)
    taken = {p.bin_id: p.quantity for p in plan.picks}
    for u in used:  # FEFO: stock expiring earlier than any unit taken was all taken first
        for c in candidates:
            if (c.expiry or date.max) < (u.expiry or date.max):
                assert taken.get(c.bin_id) == c.available


def room(code: str, kind: BinType, *, units: int = 0, sku_units: int = 0,
         cap: int | None = None, litres: str | None = None, lot_code: str | None = None,
         aisle: int = 1, position: int = 1, assigned_other: bool = False) -> BinRoom:
    return BinRoom(hash(code) % 10_000, code, kind.value, True, cap,
                   Decimal(litres) if litres else None, units, Decimal(units), sku_units,
                   lot_code, False, assigned_other, aisle, position)


def test_suggestion_prefers_own_pick_bin_then_nearest_empty_storage_then_pick() -> None:
    def near(r: BinRoom) -> float:
        return float(r.aisle * 10 + r.position)

    own = room("P-OWN", BinType.PICK, units=5, sku_units=5, cap=20, aisle=9)
    far = room("S-FAR", BinType.STORAGE, aisle=5)
    close = room("S-NEAR", BinType.STORAGE, aisle=2)
    pick = room("P-EMPTY", BinType.PICK, aisle=1)
    kept = room("P-KEPT", BinType.PICK, assigned_other=True, aisle=1, position=0)

    def best(*rooms: BinRoom, qty: int = 10) -> str | None:
        found = suggest_bin(rooms, quantity=qty, litres_each=Decimal(1), lot=None,
                            lot_tracked=False, distance=near)
        return found.code if found else None

    assert best(own, far, close, pick) == "P-OWN"
    assert best(own, far, close, pick, qty=16) == "S-NEAR"       # own bin has room for 15
    assert best(far, close, pick) == "S-NEAR"
    assert best(pick, kept) == "P-EMPTY"                          # kept for another SKU
    assert best(room("FULL", BinType.STORAGE, cap=5)) is None


def test_room_counts_units_and_litres() -> None:
    assert room_units(room("X", BinType.STORAGE, units=3, cap=10), Decimal(1)) == 7
    assert room_units(room("X", BinType.STORAGE, units=2, litres="5.5"), Decimal("1.5")) == 2
    assert room_units(room("X", BinType.STORAGE, units=2), Decimal(1)) is None
    assert unit_litres(100, 200, 50) == Decimal(1)
