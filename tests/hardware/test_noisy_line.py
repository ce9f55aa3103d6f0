"""A noisy scale line never becomes a wrong stable weight (issue #13, point 1).

Each case here was found by fuzzing: a corrupted Toledo continuous frame read as a stable
weight, tiny noise frames read as Toledo demand weights, and one noise line with an unknown unit
ending a read. Bad frames are skipped and counted; a line that sends only bad frames is a
:class:`NoisyLine` state, not a weight.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.hardware.scales import (
    NoisyLine,
    ProtocolError,
    Scale,
    UnsupportedUnit,
    get_protocol,
)
from tests.hardware.conftest import MakeFake, settings_for
from tests.hardware.scale_noise import read_stream


def continuous_frame(digits: bytes, *, tare: bytes = b"000000", checksum: bool = True) -> bytes:
    """A Toledo continuous frame in kg with three decimals (SWA code 5), from hardware.md §1.6."""
    swa, swb, swc = 0x20 | 0x05, 0x20 | 0x10, 0x20
    frame = b"\x02" + bytes([swa, swb, swc]) + digits + tare + b"\r"
    if checksum:
        frame += bytes([-sum(b & 0x7F for b in frame) & 0x7F])
    return frame


# -- Toledo continuous: the checksum is enforced ----------------------------------------------


def test_corrupted_weight_digit_fails_the_checksum_and_is_counted() -> None:
    good = continuous_frame(b"002907")  # the scale shows 2.907 kg
    corrupted = good.replace(b"2907", b"2407")  # one digit hit, checksum byte as sent
    out = read_stream("toledo-continuous", [good + corrupted + good])
    assert out.stable_grams == [2907, 2907]
    assert out.bad_frames == 1


def test_corrupted_frame_whose_checksum_looks_like_stx_is_still_rejected() -> None:
    # A checksum byte of 0x02 looks like the next frame's STX on a line without checksums.
    tare = next(t for t in (f"{n:06d}".encode() for n in range(100_000))
                if continuous_frame(b"002907", tare=t)[-1] == 0x02)
    good = continuous_frame(b"002907", tare=tare)
    corrupted = good.replace(b"2907", b"2407")
    grams = 2907
    next_stx = good[:1]  # a checksum of 0x02 is told from an STX by the byte after it
    out = read_stream("toledo-continuous", [corrupted + good + good + next_stx])
    assert out.stable_grams == [grams, grams]
    assert out.bad_frames == 1
    # ...and a good frame with that checksum is read, not taken for a checksum-less frame.
    assert read_stream("toledo-continuous", [good * 3 + next_stx]).stable_grams == [grams] * 3


def test_frame_without_its_checksum_on_a_checksummed_line_is_rejected() -> None:
    good = continuous_frame(b"002907")
    corrupted = good.replace(b"2907", b"2407")[:-1]  # digit hit and checksum byte lost
    out = read_stream("toledo-continuous", [good + corrupted + good])
    assert out.stable_grams == [2907, 2907]
    assert out.bad_frames == 1


def test_checksumless_line_is_read_once_two_frames_confirm_it() -> None:
    plain = continuous_frame(b"001500", checksum=False)
    # One frame with nothing after it cannot be told from a frame that lost its checksum.
    assert read_stream("toledo-continuous", [plain]).stable_grams == []
    assert read_stream("toledo-continuous", [plain * 4]).stable_grams == [1500] * 4


# -- Toledo demand: only the documented field widths ------------------------------------------


@pytest.mark.parametrize(
    "body", [b"6", b"48", b"1.5", b".5", b"12.3", b"1234.5", b"12.345", b"  12.34", b" 1 .34",
             b"+12.34", b"-1.25", b"  2.50xq"],
)
def test_toledo_demand_noise_is_not_a_weight(body: bytes) -> None:
    assert get_protocol("toledo").parse(b"\x02" + body + b"\r") is None


@pytest.mark.parametrize(
    ("body", "raw"),
    [(b" 12.34", "12.34"), (b"  2.50", "2.50"), (b"012.34", "12.34"), (b"  2.50N", "2.50"),
     (b"999.99", "999.99")],
)
def test_toledo_demand_documented_weight_record(body: bytes, raw: str) -> None:
    reading = get_protocol("toledo").parse(b"\x02" + body + b"\r")
    assert reading is not None and getattr(reading, "raw_value", None) == Decimal(raw)


# -- the driver: bad frames are skipped, a line of bad frames is a state ----------------------


@pytest.mark.parametrize(
    ("protocol", "noise"),
    [("sics", b"S S 12.34 xq\r\n"), ("and", b"ST,+00012.34 xq\r\n")],
)
def test_one_frame_with_an_unknown_unit_does_not_end_the_read(
    make_fake: MakeFake, protocol: str, noise: bytes
) -> None:
    fake = make_fake(protocol, noise=noise)
    fake.place("1.00")
    with Scale(settings_for(fake)) as scale:
        assert scale.read_stable(timeout=2).weight_g == 454


def test_a_scale_in_counting_mode_still_says_so(make_fake: MakeFake) -> None:
    fake = make_fake("sics", unit="pcs")
    fake.place("12")
    settings = settings_for(fake, scale_unit="lb")  # the station's unit; the scale counts
    with Scale(settings) as scale, pytest.raises(UnsupportedUnit) as info:
        scale.read()
    assert "pcs" in str(info.value)


def _hit_weight_digit(data: bytes) -> bytes:
    """Flip one bit in the first weight digit of every frame (the checksum byte stays)."""
    out = bytearray(data)
    for start in range(len(out)):
        if out[start] == 0x02 and start + 4 < len(out):
            out[start + 4] ^= 0x01
    return bytes(out)


@pytest.mark.parametrize(
    ("protocol", "mangle"),
    [("toledo-continuous", _hit_weight_digit),
     ("sics", lambda data: data.replace(b".", b"x")),
     ("toledo", lambda data: data.replace(b".", b"")),
     ("and", lambda data: data.replace(b".", b"x"))],
)
def test_a_line_of_bad_frames_is_a_noisy_line(
    make_fake: MakeFake, protocol: str, mangle: object
) -> None:
    fake = make_fake(protocol, mangle=mangle)
    fake.place("2.90")
    with Scale(settings_for(fake)) as scale, pytest.raises(NoisyLine) as info:
        scale.read_stable(timeout=1)
    error = info.value
    assert isinstance(error, ProtocolError)  # the GUI and CLI treat it as unreadable data
    assert error.code == "NoisyLine"
    assert str(error) == (f"The scale on {fake.port} sends data that cannot be read: check the "
                          "protocol and baud rate.")


def test_good_frames_between_bad_ones_are_read(make_fake: MakeFake) -> None:
    sent = 0

    def every_other(data: bytes) -> bytes:
        nonlocal sent
        sent += 1
        return _hit_weight_digit(data) if sent % 2 else data

    fake = make_fake("toledo-continuous", mangle=every_other)
    fake.place("2.90")
    with Scale(settings_for(fake)) as scale:
        for _ in range(5):
            assert scale.read_stable(timeout=1).weight_g == 1315  # 2.90 lb

