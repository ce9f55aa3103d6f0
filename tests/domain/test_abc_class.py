"""ABC classes by shipped units: A the first 80 %, B the next 15 %, C the rest."""

from app.domain.abc_class import abc_classes


def test_classes_by_cumulative_share_of_units() -> None:
    shipped = {1: 700, 2: 150, 3: 100, 4: 40, 5: 10}
    assert abc_classes([1, 2, 3, 4, 5, 6], shipped) == {
        1: "A", 2: "A", 3: "B", 4: "C", 5: "C", 6: "C"}


def test_nothing_shipped_is_all_c_and_ties_are_stable() -> None:
    assert abc_classes([3, 1, 2], {}) == {1: "C", 2: "C", 3: "C"}
    assert abc_classes([2, 1], {1: 5, 2: 5}) == {1: "A", 2: "A"}  # 2 starts at 50 %
