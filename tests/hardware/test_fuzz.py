"""Hypothesis: for arbitrary bytes, framers and parsers yield frames/readings or typed errors.

Budgets: tests/fuzzing.py (small and fixed in `make test`, large in `make fuzz`).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.hardware.scales import (
    PROTOCOLS,
    Reading,
    Reply,
    ScaleError,
    get_protocol,
    parse_hid_report,
)
from tests.fuzzing import fuzz_settings
from tests.hardware.test_framing import SAMPLES

pytestmark = pytest.mark.fuzz

protocol_names = st.sampled_from(sorted(PROTOCOLS))
# Bias towards bytes that matter to the framers, so the fuzz reaches deep parser paths.
interesting = st.lists(
    st.one_of(
        st.binary(max_size=24),
        st.sampled_from([b"\x02", b"\x03", b"\r", b"\n", b"?", b"S S ", b"ST,", b"OL,", b" 1G ",
                         b"-", b"1.25", b"lb", b"kg", b"0", b"\x30\x30"]),
        st.sampled_from(list(SAMPLES.values())),
    ),
    max_size=12,
).map(b"".join)


def check(protocol: str, chunks: list[bytes]) -> None:
    proto = get_protocol(protocol)
    framer = proto.new_framer()
    for chunk in chunks:
        for frame in framer.feed(chunk):
            assert isinstance(frame, bytes)
            try:
                result = proto.parse(frame)
            except ScaleError:
                continue
            assert result is None or isinstance(result, Reading | Reply)
            if isinstance(result, Reading):
                assert result.stable is False or result.weight_g is not None
                assert result.raw_value is None or isinstance(result.raw_value, Decimal)


@fuzz_settings(100)
@given(protocol=protocol_names, data=st.lists(st.binary(max_size=64), max_size=8))
def test_random_bytes(protocol: str, data: list[bytes]) -> None:
    check(protocol, data)


@fuzz_settings(100)
@given(protocol=protocol_names, data=st.lists(interesting, max_size=6))
def test_frame_like_bytes(protocol: str, data: list[bytes]) -> None:
    check(protocol, data)


@fuzz_settings(200)
@given(protocol=protocol_names, frame=st.binary(max_size=100))
def test_parse_any_single_frame(protocol: str, frame: bytes) -> None:
    try:
        result = get_protocol(protocol).parse(frame)
    except ScaleError:
        return
    assert result is None or isinstance(result, Reading | Reply)


@fuzz_settings(300)
@given(report=st.one_of(st.binary(max_size=8), st.binary(min_size=5, max_size=5).map(
    lambda b: b"\x03" + b)))
def test_hid_reports(report: bytes) -> None:
    try:
        result = parse_hid_report(report)
    except ScaleError:
        return
    assert result is None or isinstance(result, Reading)
