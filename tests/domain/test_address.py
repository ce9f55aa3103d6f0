import pytest

from app.domain.address import normalize_state, normalize_zip, region_of_state
from app.domain.states import Region


@pytest.mark.parametrize(("given", "expected"), [
    ("CA", "CA"), ("ca", "CA"), (" California ", "CA"), ("new york", "NY"), ("D.C.", None),
    ("DC", "DC"), ("XX", None), ("", None), ("Virgin Islands", "VI"), ("U.S. Virgin Islands", "VI"),
])
def test_states_by_code_or_name(given: str, expected: str | None) -> None:
    assert normalize_state(given) == expected


@pytest.mark.parametrize(("given", "expected"), [
    ("90012", "90012"), ("8817", "08817"), ("08817.0", "08817"), ("90012-1234", "90012-1234"),
    ("900121234", "90012-1234"), ("9001", "09001"), ("ABCDE", None), ("123", None),
    ("90012-12", None),
])
def test_zip_codes(given: str, expected: str | None) -> None:
    assert normalize_zip(given) == expected


def test_regions() -> None:
    assert region_of_state("CA") is Region.WEST
    assert region_of_state("NJ") is Region.EAST
