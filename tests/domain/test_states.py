import pytest

from app.domain.errors import IllegalTransition
from app.domain.states import ORDER_TRANSITIONS, OrderStatus, check_order_transition

S = OrderStatus


def test_every_state_has_a_row_in_the_table() -> None:
    assert set(ORDER_TRANSITIONS) == set(OrderStatus)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.NEW, S.ALLOCATED), (S.NEW, S.BACKORDERED), (S.NEW, S.ON_HOLD),
        (S.ALLOCATED, S.PICKING), (S.PICKING, S.PACKED), (S.PACKED, S.SHIPPED),
        (S.SHIPPED, S.IN_TRANSIT), (S.IN_TRANSIT, S.DELIVERED), (S.DELIVERED, S.RETURNED),
        (S.ALLOCATED, S.CANCELLED), (S.BACKORDERED, S.ALLOCATED),
    ],
)
def test_the_happy_path_and_its_branches_are_legal(current: S, target: S) -> None:
    check_order_transition("1001", current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.NEW, S.SHIPPED), (S.SHIPPED, S.CANCELLED), (S.CANCELLED, S.NEW),
        (S.DELIVERED, S.IN_TRANSIT), (S.RETURNED, S.SHIPPED), (S.NEW, S.NEW),
    ],
)
def test_an_illegal_transition_names_order_state_and_target(current: S, target: S) -> None:
    with pytest.raises(IllegalTransition) as err:
        check_order_transition("A-77", current, target)
    text = str(err.value)
    assert "A-77" in text and current.value in text and target.value in text


def test_terminal_states_lead_nowhere() -> None:
    assert ORDER_TRANSITIONS[S.CANCELLED] == frozenset()
    assert ORDER_TRANSITIONS[S.RETURNED] == frozenset()


def test_nothing_leaves_the_building_once_shipped_except_forward() -> None:
    for state in (S.SHIPPED, S.IN_TRANSIT, S.DELIVERED):
        assert S.CANCELLED not in ORDER_TRANSITIONS[state]
        assert S.ON_HOLD not in ORDER_TRANSITIONS[state]
