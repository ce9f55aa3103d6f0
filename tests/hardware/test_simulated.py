"""The simulated scale behaves like a real one: motion, settling, overload, negative, zero."""

from __future__ import annotations

import pytest

from app.hardware.scales import (
    Reading,
    ScaleCommandRejected,
    ScaleNegative,
    ScaleNotResponding,
    ScaleOverload,
    ScaleSettings,
    SimulatedScale,
    create_scale,
)


class FakeClock:
    """Time that only moves when the scale 'sleeps', so the tests are deterministic."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def simulated(unit: str = "lb") -> tuple[SimulatedScale, FakeClock]:
    clock = FakeClock()
    settings = ScaleSettings(port="simulated", protocol="simulated", scale_unit=unit)
    scale = SimulatedScale(settings, settle_seconds=0.8, seed=1, clock=clock, sleep=clock.sleep)
    return scale, clock


def test_selectable_by_settings() -> None:
    assert isinstance(create_scale(ScaleSettings(port="COM3", protocol="simulated")),
                      SimulatedScale)
    assert isinstance(create_scale(ScaleSettings(port="simulated")), SimulatedScale)


def test_parcel_moves_then_settles_on_its_weight() -> None:
    scale, clock = simulated()
    scale.place(2000)
    first = scale.read()
    assert not first.stable
    readings: list[Reading] = []
    while not (reading := scale.read()).stable:
        readings.append(reading)
    assert readings  # it was in motion for a while
    assert clock.now - 1000 >= 0.8
    # Reported in the scale's unit (lb, 0.01 resolution) then converted: 4.41 lb = 2000 g.
    assert (reading.unit, str(reading.raw_value), reading.weight_g) == ("lb", "4.41", 2000)


def test_read_stable_waits_for_settling() -> None:
    scale, _ = simulated(unit="g")
    scale.place(1234)
    assert scale.read_stable(timeout=5).weight_g == 1234


def test_overload_and_negative() -> None:
    scale, _ = simulated()
    scale.overload()
    with pytest.raises(ScaleOverload):
        scale.read_stable(timeout=5)
    scale.remove()
    scale.read_stable(timeout=5)
    scale.set_load(-300)
    with pytest.raises(ScaleNegative):
        scale.read_stable(timeout=5)


def test_zero_and_tare() -> None:
    scale, clock = simulated(unit="g")
    scale.place(40)  # drift / a forgotten box lid
    with pytest.raises(ScaleCommandRejected):
        scale.zero()  # still moving
    clock.sleep(1)
    scale.zero()
    assert scale.read_stable(timeout=5).weight_g == 0
    scale.place(500)  # an empty box
    clock.sleep(1)
    scale.tare()
    scale.place(700)
    assert scale.read_stable(timeout=5).weight_g == 700


def test_unplugged_simulated_scale_is_not_responding() -> None:
    scale, _ = simulated()
    scale.unplug()
    with pytest.raises(ScaleNotResponding) as info:
        scale.read(timeout=0.1)
    assert "simulated" in str(info.value)
    scale.plug_in()
    assert scale.read().weight_g == 0
