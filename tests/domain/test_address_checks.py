"""ZIP codes against states, Excel's lost leading zeros, PO boxes and military addresses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.address import (
    MILITARY_STATES,
    US_STATES,
    ZIP_PREFIXES,
    DeliveryKind,
    delivery_kind,
    is_po_box,
    normalize_zip,
    states_of_zip,
    zip_in_state,
)
from app.domain.order_value import ShipTo
from tests.fuzzing import fuzz_settings


@pytest.mark.parametrize(("zip_code", "state"), [
    ("08817", "NJ"), ("90012", "CA"), ("10001", "NY"), ("00501", "NY"), ("00901", "PR"),
    ("00802", "VI"), ("02134", "MA"), ("05501", "MA"), ("06390", "NY"), ("20001", "DC"),
    ("20500", "DC"), ("20147", "VA"), ("20852", "MD"), ("34002", "AA"), ("09012", "AE"),
    ("96201", "AP"), ("96799", "AS"), ("96910", "GU"), ("96950", "MP"), ("96813", "HI"),
    ("99501", "AK"), ("73301", "TX"), ("88510", "TX"), ("75502", "AR"), ("71233", "MS"),
    ("68119", "IA"), ("40202-1234", "KY"), ("39901", "GA"),
])
def test_zips_in_their_states(zip_code: str, state: str) -> None:
    assert zip_in_state(zip_code, state)


@pytest.mark.parametrize(("zip_code", "state"), [
    ("08817", "CA"), ("90012", "NJ"), ("09021", "CA"), ("09021", "NJ"), ("02134", "NJ"),
    ("00123", "NY"), ("00000", "NJ"), ("75502", "OK"), ("34002", "FL"), ("9001", "CA"),
    ("ABCDE", "CA"), ("", "CA"),
])
def test_zips_that_contradict_their_states(zip_code: str, state: str) -> None:
    assert not zip_in_state(zip_code, state)


def test_every_state_has_prefixes_and_prefixes_are_shared_only_where_usps_shares_them() -> None:
    assert set(ZIP_PREFIXES) == set(US_STATES)
    owners: dict[int, set[str]] = {}
    for state, ranges in ZIP_PREFIXES.items():
        for low, high in ranges:
            assert 0 <= low <= high <= 999, state
            for prefix in range(low, high + 1):
                owners.setdefault(prefix, set()).add(state)
    shared = {p: s for p, s in owners.items() if len(s) > 1}
    assert set(shared) == set(range(200, 206)) | {967, 969}
    assert all(s == {"DC", "MD", "VA"} for p, s in shared.items() if p < 300)
    assert shared[967] == {"HI", "AS"} and shared[969] == {"GU", "MP"}


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.sampled_from(sorted(ZIP_PREFIXES)), st.data())
def test_any_zip_under_a_states_prefix_is_in_that_state_and_no_state_outside(
    state: str, data: st.DataObject
) -> None:
    low, high = data.draw(st.sampled_from(ZIP_PREFIXES[state]))
    prefix = data.draw(st.integers(low, high))
    rest = data.draw(st.integers(0, 99))
    plus4 = data.draw(st.one_of(st.just(""), st.integers(0, 9999).map(lambda n: f"-{n:04d}")))
    zip_code = f"{prefix:03d}{rest:02d}{plus4}"
    assert zip_in_state(zip_code, state)
    assert state in states_of_zip(zip_code)
    other = data.draw(st.sampled_from(sorted(ZIP_PREFIXES)))
    in_other = any(lo <= prefix <= hi for lo, hi in ZIP_PREFIXES[other])
    assert zip_in_state(zip_code[:5], other) == (in_other or other in states_of_zip(zip_code))


@pytest.mark.fuzz
@fuzz_settings(300)
@given(st.integers(0, 9999), st.sampled_from(sorted(ZIP_PREFIXES)))
def test_a_four_digit_zip_is_padded_only_into_its_own_state(number: int, state: str) -> None:
    """Excel's ``8817`` is New Jersey's ``08817``, but never another state's ZIP."""
    text = str(number)
    padded = text.zfill(5)
    result = normalize_zip(text, state)
    if len(text) == 4:
        assert result == (padded if zip_in_state(padded, state) else None)
    elif len(text) < 4:
        assert result is None
    assert normalize_zip(padded + ".0", state) == (padded if zip_in_state(padded, state)
                                                   else None)


@pytest.mark.parametrize(("given_zip", "state", "expected"), [
    ("8817", "NJ", "08817"), ("8817", "TX", None), ("8817.0", "NJ", "08817"),
    ("21341234", "MA", "02134-1234"), ("21341234", "CA", None), ("90012", None, "90012"),
    ("9001", None, "09001"), ("90012", "NJ", None),
])
def test_normalize_zip_with_a_state(given_zip: str, state: str | None,
                                    expected: str | None) -> None:
    assert normalize_zip(given_zip, state) == expected


@pytest.mark.parametrize("line", [
    "PO Box 123", "P.O. Box 45", "P O BOX 9", "po box 7", "POB 12", "P.O.B. 3",
    "Post Office Box 88", "PO BX 5", "pobox 14", "Postal Box 2", "P.O. Box #77",
])
def test_po_box_spellings(line: str) -> None:
    assert is_po_box(line)
    assert delivery_kind(line, "", "Edison", "NJ") is DeliveryKind.PO_BOX


@pytest.mark.parametrize("line", [
    "123 Main St", "1 Pobox Rd", "45 Boxwood Ln", "7 Bishop Blvd", "Apt 4B", "POB Ranch Rd",
    "",
])
def test_street_lines_are_no_po_boxes(line: str) -> None:
    assert not is_po_box(line)


@pytest.mark.parametrize(("address1", "city", "state"), [
    ("PSC 1234 Box 5678", "APO", "AE"), ("Unit 2050 Box 4190", "APO", "AP"),
    ("USNS Comfort", "FPO", "AA"), ("Unit 8400 Box 0001", "DPO", "AE"),
    ("PSC 3 Box 1", "apo", "ae"),
])
def test_military_addresses(address1: str, city: str, state: str) -> None:
    ship = ShipTo("Sgt Jane Doe", "", address1, "", city, state, "09012")
    assert ship.delivery_kind is DeliveryKind.MILITARY
    assert state.upper() in MILITARY_STATES


def test_a_street_address_is_a_street() -> None:
    assert ShipTo("Jane", "", "123 Main St", "Apt 4", "Edison", "NJ",
                  "08817").delivery_kind is DeliveryKind.STREET
    assert ShipTo("Jane", "", "123 Main St", "PO Box 9", "Edison", "NJ",
                  "08817").delivery_kind is DeliveryKind.PO_BOX
