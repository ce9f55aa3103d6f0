"""The provider table and factory (what ``carriers add`` validates), manual labels, and
the fakes' latency knob the label benchmark relies on."""

from __future__ import annotations

import time
from collections.abc import Iterator
from decimal import Decimal

import pytest

from app.carriers.base import CarrierAuthError, CarrierError, LabelFormat, RefundStatus
from app.carriers.manual import ManualProvider, clean_tracking, manual_rate
from app.carriers.providers import PROVIDERS, check_config, make_provider
from tests.carriers.conftest import parcel, runtime
from tests.fakes.carriers.easypost import TEST_KEY, FakeEasyPost
from tests.fakes.platforms.clock import VirtualClock


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeEasyPost]:
    server = FakeEasyPost(clock).start()
    yield server
    server.stop()


def test_each_provider_names_its_keys() -> None:
    assert set(PROVIDERS) == {"easypost", "shippo", "tiktok", "manual"}
    assert PROVIDERS["easypost"].secret_keys == ("api_key",)
    assert PROVIDERS["shippo"].secret_keys == ("api_token",)
    assert PROVIDERS["tiktok"].required_settings == ("channel",)
    assert PROVIDERS["manual"].allowed_keys() == ()
    assert "http.timeout" in PROVIDERS["easypost"].allowed_keys()


@pytest.mark.parametrize(("provider", "mode", "settings", "secrets", "message"), [
    ("fedex", "test", {}, {}, "unknown provider 'fedex'; one of: easypost, shippo"),
    ("easypost", "live", {}, {"api_key": "EZTK1"}, "mode must be test or production"),
    ("easypost", "test", {}, {}, "EasyPost needs --set api_key="),
    ("easypost", "test", {}, {"api_key": "EZTK1", "api_token": "x"},
     "EasyPost has no setting 'api_token'"),
    ("shippo", "test", {}, {"api_key": "x"}, "Shippo has no setting 'api_key'"),
    ("tiktok", "production", {}, {}, "TikTok Shipping needs --set channel="),
    ("manual", "production", {"channel": "x"}, {}, "it takes: none"),
])
def test_bad_configuration_is_one_clear_line(provider: str, mode: str,
                                             settings: dict[str, str],
                                             secrets: dict[str, str], message: str) -> None:
    with pytest.raises(CarrierError) as refused:
        check_config(provider, mode, settings, secrets)
    assert message in refused.value.message and "\n" not in refused.value.message


@pytest.mark.parametrize(("provider", "secrets", "settings", "message"), [
    ("easypost", {"api_key": "EZTK1"}, {"find_days": "x"},
     "EasyPost: setting find_days must be a whole number from 1 to 90, not 'x'"),
    ("shippo", {"api_token": "shippo_test_1"}, {"find_pages": "0"},
     "Shippo: setting find_pages must be a whole number from 1 to 100, not '0'"),
    ("easypost", {"api_key": "EZTK1"}, {"http.timeout": "soon"},
     "EasyPost: setting http.* is invalid"),
])
def test_bad_setting_values_are_one_clear_line(provider: str, secrets: dict[str, str],
                                               settings: dict[str, str], message: str) -> None:
    with pytest.raises(CarrierError) as refused:
        make_provider(provider, base_url=None, mode="test", settings=settings, secrets=secrets)
    assert refused.value.message.startswith(message)


def test_an_unknown_key_refused_before_any_request(fake: FakeEasyPost) -> None:
    with pytest.raises(CarrierAuthError):
        make_provider("easypost", base_url=fake.url, mode="production", settings={},
                      secrets={"api_key": TEST_KEY})
    assert fake.log == []


def test_manual_labels() -> None:
    manual = make_provider("manual", base_url=None, mode="production", settings={},
                           secrets={})
    assert isinstance(manual, ManualProvider)
    assert manual.rates(parcel()) == []
    rate = manual_rate("UPS", "Ground", " 1z 999-aa1 0123456784 ")
    label = manual.buy(parcel("HC-M-1"), rate, LabelFormat.ZPL)
    assert (label.tracking_number, label.carrier, label.service, label.cost) == (
        "1Z999AA10123456784", "UPS", "Ground", Decimal("0"))
    assert label.data == b"" and label.provider_shipment_id == "HC-M-1"
    assert manual.label_for("9400 1118 9922 3344 5566 77", "USPS").tracking_number == (
        "9400111899223344556677")
    assert manual.find("HC-M-1") is None and manual.track([label.tracking_number]) == []
    assert manual.void(label) is RefundStatus.NOT_APPLICABLE
    assert manual.manifest([label]) is None
    for junk in ("", "SO-1001", "SKU 12", "x" * 41):
        with pytest.raises(CarrierError, match="is not a tracking number"):
            clean_tracking(junk)
    with pytest.raises(CarrierError, match="choose the carrier"):
        manual_rate(" ", "", "1Z999AA10123456784")


def test_fake_latency_is_added_to_every_answer(fake: FakeEasyPost,
                                               clock: VirtualClock) -> None:
    ep = make_provider("easypost", base_url=fake.url + "/v2", mode="test", settings={},
                       secrets={"api_key": TEST_KEY}, runtime=runtime(clock))
    ep.rates(parcel())  # warm the connection
    started = time.perf_counter()
    ep.rates(parcel())
    quick = time.perf_counter() - started
    fake.latency = 0.3
    started = time.perf_counter()
    ep.rates(parcel())
    slow = time.perf_counter() - started
    ep.close()
    assert slow >= 0.3 > quick
