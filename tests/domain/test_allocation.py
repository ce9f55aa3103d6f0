from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.domain.allocation import BinStock, LineNeed, plan_line, plan_order
from app.domain.ids import BinId, OrderLineId, SkuId, WarehouseId
from app.domain.states import BinType

T0 = datetime(2026, 1, 1, tzinfo=UTC)
W1, W2 = WarehouseId(1), WarehouseId(2)


def stock(bin_id: int, qty: int, kind: BinType = BinType.PICK, days: int = 0,
          sku: int = 1, wh: WarehouseId = W1) -> BinStock:
    return BinStock(BinId(bin_id), wh, SkuId(sku), kind, qty, T0 + timedelta(days=days))


def need(qty: int, sku: int = 1, line: int = 1) -> LineNeed:
    return LineNeed(OrderLineId(line), SkuId(sku), qty)


def test_pick_bins_before_storage_even_when_storage_is_older() -> None:
    picks = plan_line(need(2), [stock(10, 50, BinType.STORAGE, 0), stock(11, 5, BinType.PICK, 9)])
    assert picks is not None and [p.bin_id for p in picks] == [11]


def test_oldest_receipt_first_among_bins_of_one_type() -> None:
    picks = plan_line(need(3), [stock(1, 5, days=5), stock(2, 5, days=1), stock(3, 5, days=3)])
    assert picks is not None and [p.bin_id for p in picks] == [2]


def test_one_bin_that_fills_the_line_beats_splitting() -> None:
    picks = plan_line(need(6), [stock(1, 4, days=0), stock(2, 3, days=1), stock(3, 6, days=2)])
    assert picks is not None and [(p.bin_id, p.quantity) for p in picks] == [(3, 6)]


def test_split_when_no_single_bin_suffices_oldest_first() -> None:
    picks = plan_line(need(8), [stock(1, 4, days=2), stock(2, 3, days=1), stock(3, 6, days=3)])
    assert picks is not None
    assert [(p.bin_id, p.quantity) for p in picks] == [(2, 3), (1, 4), (3, 1)]


def test_short_line_gives_none() -> None:
    assert plan_line(need(10), [stock(1, 4), stock(2, 5)]) is None


def test_order_is_all_or_nothing_and_reports_shortages() -> None:
    plan = plan_order([need(1, sku=1, line=1), need(5, sku=2, line=2)],
                      [stock(1, 3, sku=1), stock(2, 2, sku=2)])
    assert not plan.complete and plan.picks == ()
    assert [(s.sku_id, s.wanted, s.available) for s in plan.shortages] == [(2, 5, 2)]


def test_preferred_warehouse_is_used_when_it_can_fill_the_order() -> None:
    candidates = [stock(1, 10, wh=W1), stock(2, 10, wh=W2)]
    assert plan_order([need(2)], candidates, preferred=[W2]).warehouse_id == W2
    assert plan_order([need(12)], candidates, preferred=[W2]).complete is False


def test_falls_back_to_the_other_warehouse() -> None:
    plan = plan_order([need(5)], [stock(1, 2, wh=W2), stock(2, 9, wh=W1)], preferred=[W2])
    assert plan.complete and plan.warehouse_id == W1


def test_two_lines_of_one_sku_never_count_the_same_units_twice() -> None:
    plan = plan_order([need(3, line=1), need(3, line=2)], [stock(1, 5)])
    assert not plan.complete


@given(
    qtys=st.lists(st.integers(0, 20), min_size=1, max_size=8),
    wanted=st.integers(1, 60),
)
def test_plans_never_take_more_than_a_bin_has_and_fill_exactly(
    qtys: list[int], wanted: int
) -> None:
    bins = [stock(i + 1, q, BinType.PICK if i % 2 else BinType.STORAGE, days=i)
            for i, q in enumerate(qtys)]
    picks = plan_line(need(wanted), bins)
    if sum(qtys) < wanted:
        assert picks is None
        return
    assert picks is not None
    assert sum(p.quantity for p in picks) == wanted
    have = {b.bin_id: b.available for b in bins}
    for p in picks:
        assert 0 < p.quantity <= have[p.bin_id]
    assert len({p.bin_id for p in picks}) == len(picks)


def test_a_bin_holding_two_skus_fills_both_lines() -> None:
    plan = plan_order([need(2, sku=1, line=1), need(1, sku=2, line=2)],
                      [stock(7, 5, sku=1), stock(7, 5, sku=2)])
    assert plan.complete
    assert sorted((p.bin_id, p.sku_id, p.quantity) for p in plan.picks) == [(7, 1, 2), (7, 2, 1)]
