"""ShippoProvider against the fake Shippo API: rates, transactions in each format,
find by metadata, refunds, tracks, manifests, and every fault mapped to its error."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from app.carriers.base import (
    AddressRejected,
    CarrierAuthError,
    CarrierUnavailable,
    LabelFormat,
    RateUnavailable,
    RefundStatus,
    TrackingStatus,
)
from app.carriers.providers import make_provider
from app.carriers.shippo import ShippoProvider, carrier_token
from tests.carriers.conftest import BUYER, SHORT, parcel, runtime
from tests.carriers.test_easypost import decode
from tests.fakes.carriers.shippo import LIVE_TOKEN, TEST_TOKEN, FakeShippo
from tests.fakes.platforms.clock import VirtualClock


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeShippo]:
    server = FakeShippo(clock, timeout_sleep=0.8, page_size=3).start()
    yield server
    server.stop()


def provider(fake: FakeShippo, clock: VirtualClock, short: bool = False) -> ShippoProvider:
    built = make_provider("shippo", base_url=fake.url, mode="test", settings={},
                          secrets={"api_token": TEST_TOKEN}, account="sh1",
                          runtime=runtime(clock, SHORT) if short else runtime(clock))
    assert isinstance(built, ShippoProvider)
    return built


def test_rates_carry_units_metadata_and_service_tokens(fake: FakeShippo,
                                                       clock: VirtualClock) -> None:
    sh = provider(fake, clock)
    rates = sh.rates(parcel("HC-LP-1"))
    sh.close()
    assert {(r.carrier, r.service) for r in rates} >= {("USPS", "usps_priority"),
                                                       ("UPS", "ups_ground")}
    assert all(r.cost > 0 and r.delivery_days for r in rates)
    sent = fake.requests_to("/shipments")[0]
    assert sent.header("authorization") == f"ShippoToken {TEST_TOKEN}"
    body = sent.json()
    assert body["metadata"] == "HC-LP-1" and body["async"] is False
    assert body["parcels"] == [{"length": "10.0", "width": "8.0", "height": "4.1",
                                "distance_unit": "in", "weight": "16.1", "mass_unit": "oz"}]


@pytest.mark.parametrize(("fmt", "file_type"), [(LabelFormat.PDF, "PDF_4x6"),
                                                (LabelFormat.ZPL, "ZPLII"),
                                                (LabelFormat.PNG, "PNG")])
def test_buy_in_each_format(fake: FakeShippo, clock: VirtualClock, fmt: LabelFormat,
                            file_type: str) -> None:
    sh = provider(fake, clock)
    rate = next(r for r in sh.rates(parcel("F")) if r.service == "ups_ground")
    label = sh.buy(parcel("F"), rate, fmt)
    sh.close()
    sent = fake.requests_to("/transactions")[0].json()
    assert sent == {"rate": rate.rate_id, "label_file_type": file_type, "async": False,
                    "metadata": "F"}
    assert (label.carrier, label.service, label.cost) == ("UPS", "ups_ground", rate.cost)
    assert label.tracking_number.startswith("1Z") and label.label_format is fmt
    transaction = fake.transactions[str(label.provider_label_id)]
    assert transaction["tracking_number"] == label.tracking_number
    if fmt is LabelFormat.ZPL:
        assert label.data.startswith(b"^XA") and label.tracking_number.encode() in label.data
    else:
        assert decode(label.data, fmt) == [label.tracking_number]
    assert fake.bought_once("F")


def test_timeout_after_purchase_is_not_retried_and_find_recovers_the_label(
        fake: FakeShippo, clock: VirtualClock) -> None:
    sh = provider(fake, clock)
    rate = sh.rates(parcel("HC-9"))[1]
    for n in range(4):  # other purchases so the one we want is on a later page
        sh.buy(parcel(f"O{n}"), sh.rates(parcel(f"O{n}"))[0], LabelFormat.PDF)
    impatient = provider(fake, clock, short=True)
    fake.fail("buy", "timeout_after")
    with pytest.raises(CarrierUnavailable):
        impatient.buy(parcel("HC-9"), rate, LabelFormat.ZPL)
    impatient.close()
    for n in range(4, 7):
        sh.buy(parcel(f"O{n}"), sh.rates(parcel(f"O{n}"))[0], LabelFormat.PDF)
    assert len(fake.requests_to("/transactions")) == 8  # the timed-out buy went once
    found = sh.find("HC-9")
    sh.close()
    assert found is not None and fake.bought_once("HC-9")
    assert (found.carrier, found.service, found.cost) == (rate.carrier, rate.service, rate.cost)
    assert found.label_format is LabelFormat.ZPL  # as bought: Shippo does not convert
    assert found.provider_shipment_id == rate.provider_shipment_id
    assert found.tracking_number.encode() in found.data
    assert any("page=2" in r.raw_query for r in fake.requests_to("/transactions"))


def test_find_nothing(fake: FakeShippo, clock: VirtualClock) -> None:
    sh = provider(fake, clock)
    sh.rates(parcel("NOT-BOUGHT"))
    assert sh.find("NOT-BOUGHT") is None
    sh.close()


def test_buy_5xx_not_retried_429_retried_second_buy_refused(fake: FakeShippo,
                                                            clock: VirtualClock) -> None:
    sh = provider(fake, clock)
    rate = sh.rates(parcel("D"))[0]
    fake.fail("buy", "500")
    with pytest.raises(CarrierUnavailable):
        sh.buy(parcel("D"), rate, LabelFormat.PDF)
    fake.fail("buy", "429")
    sh.buy(parcel("D"), rate, LabelFormat.PDF)
    with pytest.raises(Exception, match="already bought"):
        sh.buy(parcel("D"), rate, LabelFormat.PDF)
    sh.close()
    assert fake.bought_once("D")


def test_reads_retry_through_faults(fake: FakeShippo, clock: VirtualClock) -> None:
    sh = provider(fake, clock, short=True)
    for kind in ("500", "429", "timeout"):
        fake.fail("shipments", kind)
    assert sh.rates(parcel())
    sh.close()
    assert len(fake.requests_to("/shipments")) == 4


def test_address_key_and_rate_errors(fake: FakeShippo, clock: VirtualClock) -> None:
    sh = provider(fake, clock)
    with pytest.raises(AddressRejected, match="Invalid ZIP code"):
        sh.rates(parcel(to=replace(BUYER, zip="ABCDE")))
    fake.fail("shipments", "address")
    with pytest.raises(AddressRejected, match="house number is missing"):
        sh.rates(parcel())
    rate = sh.rates(parcel("E"))[0]
    fake.fail("buy", "rate_gone")
    with pytest.raises(RateUnavailable, match="expired"):
        sh.buy(parcel("E"), rate, LabelFormat.PDF)
    with pytest.raises(RateUnavailable, match="does not exist"):
        sh.buy(parcel("E"), replace(rate, rate_id="rate_nope"), LabelFormat.PDF)
    fake.revoke(TEST_TOKEN)
    with pytest.raises(CarrierAuthError):
        sh.rates(parcel())
    sh.close()
    assert fake.purchases["E"] == 0


def test_refund_queued_or_refused_once_moving(fake: FakeShippo, clock: VirtualClock) -> None:
    sh = provider(fake, clock)
    unused = sh.buy(parcel("R1"), sh.rates(parcel("R1"))[0], LabelFormat.PDF)
    assert sh.void(unused) is RefundStatus.SUBMITTED
    assert fake.refunds[-1]["transaction"] == unused.provider_label_id
    moving = sh.buy(parcel("R2"), sh.rates(parcel("R2"))[0], LabelFormat.PDF)
    fake.script_tracking(moving.tracking_number, ["in_transit"])
    sh.track([moving.tracking_number], carriers={moving.tracking_number: moving.carrier})
    assert sh.void(moving) is RefundStatus.REJECTED
    sh.close()


def test_tracks_with_carrier_tokens(fake: FakeShippo, clock: VirtualClock) -> None:
    sh = provider(fake, clock)
    label = sh.buy(parcel("T"), sh.rates(parcel("T"))[0], LabelFormat.PDF)  # USPS
    fake.script_tracking(label.tracking_number, [
        "pre_transit", "in_transit", ("out_for_delivery", "Out for delivery"), "delivered"])
    seen = [sh.track([label.tracking_number], carriers={label.tracking_number: "USPS"})[0]
            for _ in range(4)]
    assert [t.status for t in seen] == [
        TrackingStatus.PRE_TRANSIT, TrackingStatus.IN_TRANSIT,
        TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.DELIVERED]
    assert seen[-1].events[2].description == "Out for delivery"
    assert seen[-1].events[0].location == "Elizabeth, NJ, 07201"
    assert fake.requests_to("/tracks/")[0].path == f"/tracks/usps/{label.tracking_number}"
    ups = fake.new_tracking("UPS")
    fake.script_tracking(ups, ["in_transit", "return_to_sender"])
    fake.fail("tracks", "duplicate")
    assert len(sh.track([ups])[0].events) == 2  # no carrier given: "1Z…" is UPS
    assert sh.track([ups])[0].status is TrackingStatus.RETURN_TO_SENDER
    assert fake.requests_to("/tracks/")[-1].path == f"/tracks/ups/{ups}"
    sh.close()
    assert carrier_token("", "123456789012") == "fedex"
    assert carrier_token("DHL Express", "x") == "dhl_express"


def test_manifest_reads_the_account_and_origin_back(fake: FakeShippo,
                                                   clock: VirtualClock) -> None:
    sh = provider(fake, clock)
    labels = []
    for ref in ("M1", "M2"):
        rate = next(r for r in sh.rates(parcel(ref)) if r.service == "usps_priority")
        labels.append(sh.buy(parcel(ref), rate, LabelFormat.PDF))
    manifest = sh.manifest(labels)
    assert sh.manifest([]) is None
    sh.close()
    assert manifest is not None and manifest.data and manifest.data.startswith(b"%PDF")
    stored = fake.manifests[manifest.provider_id]
    assert stored["carrier_account"] == "ca_usps"
    assert stored["transactions"] == [lb.provider_label_id for lb in labels]
    sent = fake.requests_to("/manifests")[0].json()
    assert sent["address_from"].startswith("adr")


def test_test_and_live_tokens_are_not_mixed(fake: FakeShippo) -> None:
    with pytest.raises(CarrierAuthError, match="production mode but the key is a test key"):
        make_provider("shippo", base_url=fake.url, mode="production", settings={},
                      secrets={"api_token": TEST_TOKEN})
    with pytest.raises(CarrierAuthError, match="test mode but the key is a production key"):
        make_provider("shippo", base_url=fake.url, mode="test", settings={},
                      secrets={"api_token": LIVE_TOKEN})
