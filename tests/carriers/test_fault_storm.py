"""A storm of faults against the adapters, driven the way the purchase service must
drive them (quote, buy once; on "outcome unknown" look the reference up before
buying again): every parcel ends with exactly one label, none lost."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.carriers.base import (
    CarrierError,
    CarrierProvider,
    CarrierUnavailable,
    Label,
    LabelFormat,
)
from app.carriers.providers import make_provider
from tests.carriers.conftest import SHORT, parcel, runtime
from tests.fakes.carriers.common import FakeCarrier
from tests.fakes.carriers.easypost import TEST_KEY, FakeEasyPost
from tests.fakes.carriers.shippo import TEST_TOKEN, FakeShippo
from tests.fakes.platforms.clock import VirtualClock
from tests.fakes.platforms.server import FaultPlan

STORM = FaultPlan(rate=0.25, kinds=("429", "500", "timeout", "malformed"), seed=11,
                  timeout_sleep=0.5)


def buy_once(provider: CarrierProvider, reference: str) -> Label:
    """Intent first, then: quote, buy, and after any unknown outcome find before buying."""
    for _ in range(40):
        try:
            found = provider.find(reference, LabelFormat.PDF)
            if found is not None:
                return found
            shipment = parcel(reference)
            rate = provider.rates(shipment)[0]
            return provider.buy(shipment, rate, LabelFormat.PDF)
        except CarrierUnavailable:
            continue
    raise AssertionError(f"{reference}: no label after 40 tries")


def _easypost(clock: VirtualClock) -> tuple[FakeCarrier, Callable[[], CarrierProvider]]:
    fake = FakeEasyPost(clock, STORM, timeout_sleep=0.5)
    return fake, lambda: make_provider("easypost", base_url=fake.url + "/v2", mode="test",
                                       settings={}, secrets={"api_key": TEST_KEY},
                                       runtime=runtime(clock, SHORT))


def _shippo(clock: VirtualClock) -> tuple[FakeCarrier, Callable[[], CarrierProvider]]:
    fake = FakeShippo(clock, STORM, timeout_sleep=0.5)
    return fake, lambda: make_provider("shippo", base_url=fake.url, mode="test", settings={},
                                       secrets={"api_token": TEST_TOKEN},
                                       runtime=runtime(clock, SHORT))


@pytest.mark.parametrize("build", [_easypost, _shippo], ids=["easypost", "shippo"])
def test_no_double_purchase_and_no_lost_label_in_a_storm(
        clock: VirtualClock,
        build: Callable[[VirtualClock], tuple[FakeCarrier, Callable[[], CarrierProvider]]],
) -> None:
    fake, connect = build(clock)
    fake.storm_after = 0.2
    fake.start()
    try:
        provider = connect()
        labels = {}
        for n in range(8):
            reference = f"STORM-{n}"
            try:
                labels[reference] = buy_once(provider, reference)
            except CarrierError as exc:  # only "outcome unknown" may be retried
                raise AssertionError(f"{reference}: {exc.message}") from exc
        provider.close()
    finally:
        fake.stop()
    assert "timeout_after" in fake.fault_log and "timeout" in fake.fault_log
    assert all(fake.purchases[ref] == 1 for ref in labels), fake.purchases
    assert len({label.tracking_number for label in labels.values()}) == len(labels)
    assert all(label.data.startswith(b"%PDF") for label in labels.values())
