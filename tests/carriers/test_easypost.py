"""EasyPostProvider against the fake EasyPost API: rates, buy in each format, find by
reference, refund, tracking, SCAN form, and every fault mapped to its error."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from decimal import Decimal

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image

from app.carriers.base import (
    AddressRejected,
    CarrierAuthError,
    CarrierError,
    CarrierUnavailable,
    LabelFormat,
    RateUnavailable,
    RefundStatus,
    TrackingStatus,
)
from app.carriers.easypost import EasyPostProvider
from app.carriers.providers import make_provider
from tests.carriers.conftest import BUYER, SHORT, parcel, runtime
from tests.fakes.carriers.easypost import LIVE_KEY, TEST_KEY, FakeEasyPost
from tests.fakes.platforms.clock import VirtualClock


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeEasyPost]:
    server = FakeEasyPost(clock, timeout_sleep=0.8).start()
    yield server
    server.stop()


def provider(fake: FakeEasyPost, clock: VirtualClock, **kw: object) -> EasyPostProvider:
    built = make_provider("easypost", base_url=fake.url + "/v2", mode="test",
                          settings={}, secrets={"api_key": TEST_KEY}, account="ep1",
                          runtime=runtime(clock, **kw))  # type: ignore[arg-type]
    assert isinstance(built, EasyPostProvider)
    return built


def decode(data: bytes, fmt: LabelFormat) -> list[str]:
    """Barcodes read back from a label file."""
    if fmt is LabelFormat.PDF:
        page = pdfium.PdfDocument(data)[0]
        assert page.get_size() == (288.0, 432.0)  # 4x6 in at 72 pt/in
        image = page.render(scale=203 / 72).to_pil()
    else:
        image = Image.open(io.BytesIO(data))
    return [r.text for r in zxingcpp.read_barcodes(image)]


def test_rates(fake: FakeEasyPost, clock: VirtualClock) -> None:
    ep = provider(fake, clock)
    rates = ep.rates(parcel("HC-LP-1"))
    ep.close()
    assert {(r.carrier, r.service) for r in rates} >= {("USPS", "Priority"), ("UPS", "Ground")}
    assert all(r.cost > 0 and r.currency == "USD" and r.delivery_days for r in rates)
    sent = fake.requests_to("/v2/shipments")[0]
    body = sent.json()["shipment"]
    assert body["reference"] == "HC-LP-1"
    assert body["parcel"] == {"weight": 16.1, "length": 10.0, "width": 8.0, "height": 4.1}
    assert body["to_address"]["street2"] == "Apt 2"
    user = base64.b64decode(sent.header("authorization")[6:]).decode()
    assert user == f"{TEST_KEY}:"


@pytest.mark.parametrize("fmt", list(LabelFormat))
def test_buy_returns_the_label_bytes_in_each_format(
        fake: FakeEasyPost, clock: VirtualClock, fmt: LabelFormat) -> None:
    account_format = "PNG" if fmt is LabelFormat.PNG else "PDF"
    ep = make_provider("easypost", base_url=fake.url + "/v2", mode="test",
                       settings={"label_format": account_format},
                       secrets={"api_key": TEST_KEY}, runtime=runtime(clock))
    rate = next(r for r in ep.rates(parcel()) if r.service == "Priority")
    label = ep.buy(parcel(), rate, fmt)
    ep.close()
    assert (label.carrier, label.service, label.cost) == ("USPS", "Priority", rate.cost)
    assert label.label_format is fmt and label.provider_shipment_id == rate.provider_shipment_id
    shipment = fake.shipments[rate.provider_shipment_id]
    assert label.tracking_number == shipment["tracking_code"]
    if fmt is LabelFormat.ZPL:
        assert label.data.startswith(b"^XA") and f"^FD{label.tracking_number}^FS".encode() \
            in label.data and b"^BC" in label.data
    else:
        assert decode(label.data, fmt) == [label.tracking_number]
    served = {name: data for name, data in fake.files.items()
              if name.startswith(rate.provider_shipment_id)}
    assert label.data in served.values()  # exactly the bytes the carrier stored
    # bought in the account's format (PDF by default), converted only for the others
    assert fake.requests_to("/v2/shipments")[0].json()["shipment"]["options"] == {
        "label_size": "4x6", "label_format": account_format}
    converted = fake.requests_to("/label")
    assert len(converted) == (1 if fmt is LabelFormat.ZPL else 0)
    assert fake.bought_once("HC-LP-1")


def test_the_accounts_label_format_is_bought_directly(fake: FakeEasyPost,
                                                     clock: VirtualClock) -> None:
    ep = make_provider("easypost", base_url=fake.url + "/v2", mode="test",
                       settings={"label_format": "zpl"}, secrets={"api_key": TEST_KEY},
                       runtime=runtime(clock))
    label = ep.buy(parcel(), ep.rates(parcel())[0], LabelFormat.ZPL)
    ep.close()
    assert label.data.startswith(b"^XA") and fake.requests_to("/label") == []
    pdf_account = provider(fake, clock)
    with pytest.raises(CarrierError, match="converts them to PDF or ZPL only"):
        pdf_account.buy(parcel("PNG"), pdf_account.rates(parcel("PNG"))[0], LabelFormat.PNG)
    pdf_account.close()
    assert fake.purchases["PNG"] == 0
    with pytest.raises(CarrierError, match="label_format must be PDF, ZPL or PNG"):
        make_provider("easypost", base_url=fake.url, mode="test",
                      settings={"label_format": "EPL2"}, secrets={"api_key": TEST_KEY})


def test_a_label_file_that_cannot_be_fetched_is_unavailable_not_failed(
        fake: FakeEasyPost, clock: VirtualClock) -> None:
    ep = provider(fake, clock)
    rate = ep.rates(parcel("LOST"))[0]
    label = ep.buy(parcel("LOST"), rate, LabelFormat.PDF)
    fake.files.clear()  # the file store lost it / a signed URL expired
    with pytest.raises(CarrierUnavailable, match="could not be fetched"):
        ep.find("LOST", LabelFormat.PDF)
    with pytest.raises(CarrierUnavailable, match="could not be fetched"):
        ep.buy(parcel("LOST"), rate, LabelFormat.PDF)  # bought already: a 422, then no file
    # a refusal after the purchase (here of the conversion) never reads as "not bought"
    other = ep.rates(parcel("REFUSED"))[0]
    fake.fail("label", "address")
    with pytest.raises(CarrierUnavailable, match=r"sold the label \(tracking 9400"):
        ep.buy(parcel("REFUSED"), other, LabelFormat.ZPL)
    assert ep.find("REFUSED", LabelFormat.ZPL) is not None
    ep.close()
    assert fake.bought_once("LOST") and fake.bought_once("REFUSED") and label.tracking_number


def test_insurance_is_sent_with_the_purchase(fake: FakeEasyPost, clock: VirtualClock) -> None:
    ep = provider(fake, clock)
    shipment = parcel(insure=Decimal("250.00"))
    ep.buy(shipment, ep.rates(shipment)[0], LabelFormat.PDF)
    ep.close()
    assert fake.requests_to("/buy")[0].json()["insurance"] == "250.00"


def test_a_buy_that_times_out_after_the_purchase_is_not_retried_and_find_recovers_it(
        fake: FakeEasyPost, clock: VirtualClock) -> None:
    ep = provider(fake, clock, http=SHORT)
    shipment = parcel("HC-LP-7")
    rate = ep.rates(shipment)[0]
    fake.fail("buy", "timeout_after")
    with pytest.raises(CarrierUnavailable):
        ep.buy(shipment, rate, LabelFormat.PDF)
    assert len(fake.requests_to("/buy")) == 1  # never sent twice
    assert fake.bought_once("HC-LP-7")
    found = ep.find("HC-LP-7", LabelFormat.PDF)
    ep.close()
    assert found is not None
    assert found.tracking_number == fake.shipments[rate.provider_shipment_id]["tracking_code"]
    assert decode(found.data, LabelFormat.PDF) == [found.tracking_number]
    assert fake.bought_once("HC-LP-7")


def test_a_5xx_on_buy_is_not_retried_but_a_429_is(fake: FakeEasyPost,
                                                    clock: VirtualClock) -> None:
    ep = provider(fake, clock)
    rate = ep.rates(parcel("A"))[0]
    fake.fail("buy", "500")
    with pytest.raises(CarrierUnavailable):
        ep.buy(parcel("A"), rate, LabelFormat.ZPL)
    assert len(fake.requests_to("/buy")) == 1 and fake.purchases["A"] == 0
    fake.fail("buy", "429")
    label = ep.buy(parcel("A"), rate, LabelFormat.ZPL)  # throttled: refused before anything
    ep.close()
    assert len(fake.requests_to("/buy")) == 3 and fake.bought_once("A")
    assert label.tracking_number


def test_a_second_buy_of_a_bought_shipment_returns_the_same_label(
        fake: FakeEasyPost, clock: VirtualClock) -> None:
    ep = provider(fake, clock)
    rate = ep.rates(parcel("B"))[0]
    first = ep.buy(parcel("B"), rate, LabelFormat.PDF)
    again = ep.buy(parcel("B"), rate, LabelFormat.PDF)
    ep.close()
    assert again.tracking_number == first.tracking_number and fake.bought_once("B")


def test_reads_are_retried_through_5xx_429_and_timeouts(fake: FakeEasyPost,
                                                        clock: VirtualClock) -> None:
    ep = provider(fake, clock, http=SHORT)
    fake.fail("shipments", "500")
    fake.fail("shipments", "429")
    fake.fail("shipments", "timeout")
    rates = ep.rates(parcel())
    ep.close()
    assert rates and len(fake.requests_to("/v2/shipments")) == 4


def test_reads_give_up_as_unavailable_after_the_cap(fake: FakeEasyPost,
                                                    clock: VirtualClock) -> None:
    ep = provider(fake, clock)
    fake.fail("shipments", "500", times=6)
    with pytest.raises(CarrierUnavailable):
        ep.rates(parcel())
    ep.close()


def test_address_refused_with_the_providers_words(fake: FakeEasyPost,
                                                  clock: VirtualClock) -> None:
    from dataclasses import replace

    ep = provider(fake, clock)
    with pytest.raises(AddressRejected) as refused:
        ep.rates(parcel(to=replace(BUYER, zip="7870")))
    assert "Invalid ZIP or street" in refused.value.message
    fake.fail("shipments", "address")
    with pytest.raises(AddressRejected, match="House number is missing"):
        ep.rates(parcel())
    ep.close()


def test_expired_key_and_vanished_rate(fake: FakeEasyPost, clock: VirtualClock) -> None:
    ep = provider(fake, clock)
    rate = ep.rates(parcel("C"))[0]
    fake.fail("buy", "rate_gone")
    with pytest.raises(RateUnavailable, match="no longer available"):
        ep.buy(parcel("C"), rate, LabelFormat.PDF)
    fake.revoke(TEST_KEY)
    with pytest.raises(CarrierAuthError):
        ep.rates(parcel("C"))
    ep.close()
    assert fake.purchases["C"] == 0


def test_find_pages_through_purchased_shipments_and_ignores_others(
        fake: FakeEasyPost, clock: VirtualClock) -> None:
    ep = provider(fake, clock)
    wanted = ep.rates(parcel("WANTED"))[0]
    label = ep.buy(parcel("WANTED"), wanted, LabelFormat.ZPL)
    for n in range(3):
        ref = f"OTHER-{n}"
        ep.buy(parcel(ref), ep.rates(parcel(ref))[0], LabelFormat.ZPL)
    ep.rates(parcel("NOT-BOUGHT"))
    fake.fail("list", "duplicate")
    found = ep.find("WANTED")  # no format asked: as bought (PDF, the account default)
    assert ep.find("NOT-BOUGHT") is None and ep.find("NOBODY") is None
    ep.close()
    assert found is not None and found.tracking_number == label.tracking_number
    assert found.label_format is LabelFormat.PDF and found.data.startswith(b"%PDF")


def test_void_refund_submitted_then_rejected_once_moving(fake: FakeEasyPost,
                                                        clock: VirtualClock) -> None:
    ep = provider(fake, clock)
    unused = ep.buy(parcel("V1"), ep.rates(parcel("V1"))[0], LabelFormat.PDF)
    assert ep.void(unused) is RefundStatus.SUBMITTED
    moving = ep.buy(parcel("V2"), ep.rates(parcel("V2"))[0], LabelFormat.PDF)
    fake.script_tracking(moving.tracking_number, ["in_transit"])
    ep.track([moving.tracking_number])
    assert ep.void(moving) is RefundStatus.REJECTED
    ep.close()


def test_tracking_moves_pre_transit_in_transit_delivered(fake: FakeEasyPost,
                                                        clock: VirtualClock) -> None:
    ep = provider(fake, clock)
    label = ep.buy(parcel("T"), ep.rates(parcel("T"))[0], LabelFormat.PDF)
    fake.script_tracking(label.tracking_number, [
        "pre_transit", ("in_transit", "Arrived at USPS facility"), "out_for_delivery",
        "delivered"])
    seen = [ep.track([label.tracking_number])[0] for _ in range(4)]
    assert [t.status for t in seen] == [
        TrackingStatus.PRE_TRANSIT, TrackingStatus.IN_TRANSIT,
        TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.DELIVERED]
    last = seen[-1]
    assert last.tracking_number == label.tracking_number
    assert [e.status for e in last.events][-1] is TrackingStatus.DELIVERED
    assert last.events[1].description == "Arrived at USPS facility"
    assert last.events[1].location == "ELIZABETH, NJ, 07201"
    assert last.events[0].at < last.events[-1].at
    other = fake.new_tracking("UPS")
    fake.script_tracking(other, ["in_transit", "return_to_sender"])
    fake.fail("trackers", "duplicate")
    first = ep.track([other], carriers={other: "UPS"})[0]
    assert first.status is TrackingStatus.IN_TRANSIT and len(first.events) == 2
    assert fake.requests_to("/trackers")[-1].json()["tracker"]["carrier"] == "UPS"
    assert ep.track([other])[0].status is TrackingStatus.RETURN_TO_SENDER
    failing = fake.new_tracking("USPS")
    fake.script_tracking(failing, [("failure", "Address problem: no such number")])
    failed = ep.track([failing])[0]
    ep.close()
    assert failed.status is TrackingStatus.FAILURE
    assert failed.events[0].description == "Address problem: no such number"


def test_scan_form_for_the_usps_labels_only(fake: FakeEasyPost, clock: VirtualClock) -> None:
    ep = provider(fake, clock)
    labels = []
    for n, service in enumerate(("Priority", "GroundAdvantage", "Ground")):
        ref = f"M{n}"
        rate = next(r for r in ep.rates(parcel(ref)) if r.service == service)
        labels.append(ep.buy(parcel(ref), rate, LabelFormat.PDF))
    form = ep.manifest(labels)
    assert ep.manifest(labels[2:]) is None  # UPS only: no SCAN form
    ep.close()
    assert form is not None and form.provider_id in fake.scan_forms
    assert fake.scan_forms[form.provider_id]["tracking_codes"] == [
        lb.tracking_number for lb in labels[:2]]
    assert form.data is not None and form.data.startswith(b"%PDF")


def test_test_and_production_keys_are_not_mixed(fake: FakeEasyPost) -> None:
    with pytest.raises(CarrierAuthError, match="production mode but the key is a test key"):
        make_provider("easypost", base_url=fake.url, mode="production", settings={},
                      secrets={"api_key": TEST_KEY})
    with pytest.raises(CarrierAuthError, match="test mode but the key is a production key"):
        make_provider("easypost", base_url=fake.url, mode="test", settings={},
                      secrets={"api_key": LIVE_KEY})
    live = make_provider("easypost", base_url=fake.url + "/v2", mode="production",
                         settings={}, secrets={"api_key": LIVE_KEY})
    assert live.rates(parcel())
    live.close()
    assert fake.shipments[fake.order[-1]]["mode"] == "production"
