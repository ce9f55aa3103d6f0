"""The serial driver against fake scales on real pseudo-terminals, for every protocol."""

from __future__ import annotations

import os
import termios
from decimal import Decimal

import pytest

from app.hardware.scales import (
    LineSettings,
    ProtocolError,
    Scale,
    ScaleDisconnected,
    ScaleNegative,
    ScaleNotFound,
    ScaleNotResponding,
    ScaleOverload,
    ScalePortError,
    ScaleSettings,
    ScaleUnstable,
    UnsupportedOperation,
    open_scale,
)
from app.hardware.scales.serial_scale import port_error
from tests.hardware.conftest import MakeFake, settings_for

ALL = ["toledo", "sics", "sma", "nci", "toledo-continuous", "and"]
DEMAND = ["toledo", "sics", "sma", "nci"]


@pytest.mark.parametrize("protocol", ALL)
def test_motion_then_stable(make_fake: MakeFake, protocol: str) -> None:
    fake = make_fake(protocol)
    fake.place("2.50", motion_frames=3)
    with Scale(settings_for(fake)) as scale:
        reading = scale.read_stable(timeout=3)
    assert reading.stable
    assert reading.weight_g == 1134  # 2.5 lb
    assert reading.raw_value == Decimal("2.5")
    assert reading.protocol == protocol
    assert fake.motion_frames == 0  # it really waited through the motion frames


@pytest.mark.parametrize("protocol", ALL)
def test_overload(make_fake: MakeFake, protocol: str) -> None:
    fake = make_fake(protocol, overload=True)
    fake.place(400)
    with Scale(settings_for(fake)) as scale, pytest.raises(ScaleOverload) as info:
        scale.read_stable(timeout=2)
    assert "overloaded" in str(info.value)


@pytest.mark.parametrize("protocol", ALL)
def test_negative(make_fake: MakeFake, protocol: str) -> None:
    fake = make_fake(protocol)
    fake.place("-0.40")
    with Scale(settings_for(fake)) as scale, pytest.raises(ScaleNegative):
        scale.read_stable(timeout=1)


@pytest.mark.parametrize("protocol", ALL)
def test_noise_between_frames_and_split_frames(make_fake: MakeFake, protocol: str) -> None:
    fake = make_fake(protocol, noise=b"\x00\xff\x80\xfe", split=True)
    fake.place("1.00", motion_frames=1)
    with Scale(settings_for(fake)) as scale:
        assert scale.read_stable(timeout=3).weight_g == 454


@pytest.mark.parametrize("protocol", ["toledo-continuous", "and"])
def test_continuous_run_together_frames_give_the_latest(make_fake: MakeFake, protocol: str) -> None:
    fake = make_fake(protocol, frames_per_write=4)
    fake.place("3.00")
    with Scale(settings_for(fake)) as scale:
        assert scale.read_stable(timeout=2).weight_g == 1361


@pytest.mark.parametrize("protocol", ALL)
def test_silent_scale(make_fake: MakeFake, protocol: str) -> None:
    fake = make_fake(protocol, silent=True)
    with Scale(settings_for(fake)) as scale, pytest.raises(ScaleNotResponding) as info:
        scale.read()
    assert str(info.value).startswith(f"Scale not responding on {fake.port}")


@pytest.mark.parametrize("protocol", ALL)
def test_wrong_baud_garbage_is_a_protocol_error(make_fake: MakeFake, protocol: str) -> None:
    fake = make_fake(protocol, garble=True)
    with Scale(settings_for(fake)) as scale, pytest.raises(ProtocolError) as info:
        scale.read()
    assert "baud rate" in str(info.value)


@pytest.mark.parametrize("protocol", ALL)
def test_disconnect_and_reconnect(make_fake: MakeFake, protocol: str) -> None:
    fake = make_fake(protocol)
    fake.place("1.00")
    scale = Scale(settings_for(fake))
    try:
        assert scale.read_stable(timeout=2).weight_g == 454
        fake.disconnect()
        with pytest.raises(ScaleDisconnected):
            scale.read()
        assert not scale.is_open
        with pytest.raises(ScaleNotFound) as info:
            scale.read()
        assert fake.port in str(info.value)
        fake.reconnect()
        fake.place("2.00")
        assert scale.read_stable(timeout=2).weight_g == 907
    finally:
        scale.close()


@pytest.mark.parametrize("protocol", ["toledo", "sics", "sma", "nci", "and"])
def test_zero(make_fake: MakeFake, protocol: str) -> None:
    fake = make_fake(protocol)
    fake.place("0.05")
    with Scale(settings_for(fake)) as scale:
        scale.zero()
        assert scale.read_stable(timeout=2).weight_g == 0
    assert fake.zeroed == 1


@pytest.mark.parametrize("protocol", ["toledo", "sics", "sma", "and"])
def test_tare(make_fake: MakeFake, protocol: str) -> None:
    fake = make_fake(protocol)
    with Scale(settings_for(fake)) as scale:
        scale.tare()
        # Continuous scales do not acknowledge: wait until the command reached the scale.
        scale.read(timeout=1)
    assert fake.tared == 1


@pytest.mark.parametrize(("protocol", "operation"),
                         [("toledo-continuous", "zero"), ("toledo-continuous", "tare"),
                          ("nci", "tare")])
def test_unsupported_operations(make_fake: MakeFake, protocol: str, operation: str) -> None:
    fake = make_fake(protocol)
    with Scale(settings_for(fake)) as scale, pytest.raises(UnsupportedOperation) as info:
        getattr(scale, operation)()
    assert operation in str(info.value)
    assert fake.received == b""  # nothing was sent


def test_unstable_timeout(make_fake: MakeFake) -> None:
    fake = make_fake("sics")
    fake.place("1.00", motion_frames=10_000)
    with Scale(settings_for(fake)) as scale, pytest.raises(ScaleUnstable) as info:
        scale.read_stable(timeout=0.4)
    assert "0.4 seconds" in str(info.value)


def test_read_returns_unstable_reading(make_fake: MakeFake) -> None:
    fake = make_fake("sics")
    fake.place("1.00", motion_frames=5)
    with Scale(settings_for(fake)) as scale:
        reading = scale.read()
    assert not reading.stable
    assert reading.weight_g is not None


def test_demand_requests_are_read_weight_only(make_fake: MakeFake) -> None:
    fake = make_fake("sma")
    fake.place("1.00")
    with Scale(settings_for(fake)) as scale:
        scale.read_stable(timeout=1)
    assert set(bytes(fake.received).split(b"\r")) <= {b"\nW", b""}


def test_seven_bit_even_parity_line_on_first_open(make_fake: MakeFake) -> None:
    fake = make_fake("toledo")
    fake.place("1.00")
    settings = settings_for(fake, bytesize=7, parity="E")
    with Scale(settings) as scale:
        assert scale.read_stable(timeout=1).weight_g == 454


def test_refused_line_settings_are_a_port_error(make_fake: MakeFake) -> None:
    # hardware.md §5: glibc may refuse re-applying 7E1 to a pty; that must be a clear error.
    fake = make_fake("toledo")
    settings = settings_for(fake, bytesize=7, parity="E")
    errors: list[ScalePortError] = []
    for _ in range(3):
        try:
            with Scale(settings):
                pass
        except ScalePortError as error:
            errors.append(error)
    if not errors:
        pytest.skip("this kernel accepts re-applying 7E1 to a pty")
    assert all("7E1" in str(error) and fake.port in str(error) for error in errors)


def test_termios_failure_is_classified() -> None:
    error = port_error("/dev/ttyS0", termios.error(22, "Invalid argument"),
                       LineSettings(9600, 7, "E", 1))
    assert isinstance(error, ScalePortError)
    assert error.fields["reason"].startswith("the port refused the 9600 7E1 settings")


def test_missing_port(tmp_path: os.PathLike[str]) -> None:
    settings = ScaleSettings(port=os.path.join(tmp_path, "ttyNONE"), timeout=0.2)
    with pytest.raises(ScaleNotFound) as info:
        open_scale(settings)
    assert "ttyNONE" in str(info.value)


def test_loop_url_scale_answers_itself() -> None:
    # loop:// echoes the request back: bytes arrive but never a Toledo frame.
    with Scale(ScaleSettings(port="loop://", protocol="toledo", timeout=0.2)) as scale, \
            pytest.raises(ProtocolError):
        scale.read()
