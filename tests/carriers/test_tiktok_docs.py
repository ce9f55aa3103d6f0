"""TikTok Shipping labels (package documents) against the extended fake TikTok shop:
services as rates, one package per order however often buy is called, the label PDF
with the full address TikTok masks elsewhere, tracking from packages."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image

from app.carriers.base import (
    AddressRejected,
    CarrierError,
    CarrierUnavailable,
    LabelFormat,
    RateUnavailable,
    RefundStatus,
    Shipment,
    TrackingStatus,
)
from app.carriers.providers import StoreConfig, make_provider
from app.carriers.tiktok_docs import TikTokDocsProvider
from tests.carriers.conftest import SHORT, parcel, runtime
from tests.fakes.platforms import SeedLine, SeedOrder, VirtualClock
from tests.fakes.platforms.tiktok import FakeTikTok

SECRETS = {"app_secret": "test_secret", "access_token": "TTP_initial",
           "refresh_token": "TTP_refresh"}
T0 = datetime(2026, 2, 1, tzinfo=UTC)


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeTikTok]:
    server = FakeTikTok(clock).start()
    server.add(SeedOrder("5770001", "5770001", T0, T0, [SeedLine("TEE", 2)],
                         buyer_name="Maria Lopez", address1="48 Harbor View Rd",
                         address2="Unit 5", city="Tampa", state="FL", zip="33602"))
    yield server
    server.stop()


def provider(fake: FakeTikTok, clock: VirtualClock, short: bool = False) -> TikTokDocsProvider:
    stores = {"TT Shop": StoreConfig("TT Shop", {"app_key": "test_key", "token_url": fake.url},
                                     SECRETS, fake.url)}
    built = make_provider("tiktok", base_url=None, mode="production",
                          settings={"channel": "TT Shop"}, secrets={}, account="tt-labels",
                          runtime=runtime(clock, SHORT) if short else runtime(clock),
                          store_lookup=stores.__getitem__)
    assert isinstance(built, TikTokDocsProvider)
    return built


def tiktok_parcel(reference: str = "HC-TT-1", order_id: str = "5770001") -> Shipment:
    """The test parcel as a TikTok order's."""
    return replace(parcel(reference), platform_order_id=order_id)


def pdf_text_and_codes(data: bytes) -> tuple[str, list[str]]:
    page = pdfium.PdfDocument(data)[0]
    text = page.get_textpage().get_text_range()
    return text, [r.text for r in zxingcpp.read_barcodes(page.render(scale=3).to_pil())]


def test_services_are_the_rates(fake: FakeTikTok, clock: VirtualClock) -> None:
    tt = provider(fake, clock)
    rates = tt.rates(tiktok_parcel())
    tt.close()
    assert [(r.carrier, r.service, str(r.cost)) for r in rates] == [
        ("UPS", "UPS Ground", "6.20"), ("USPS", "USPS Ground Advantage", "4.90")]
    assert rates[0].provider_shipment_id == "5770001" and rates[0].delivery_days == 5
    sent = fake.requests_to("/shipping_services/query")[0].json()
    assert sent == {"weight": {"value": "454", "unit": "GRAM"},
                    "dimension": {"length": "10.0", "width": "8.0", "height": "4.1",
                                  "unit": "INCH"}}


def test_buy_creates_one_package_and_returns_the_label_with_the_full_address(
        fake: FakeTikTok, clock: VirtualClock) -> None:
    tt = provider(fake, clock)
    rate = tt.rates(tiktok_parcel())[1]
    label = tt.buy(tiktok_parcel(), rate, LabelFormat.PDF)
    again = tt.buy(tiktok_parcel(), rate, LabelFormat.PDF)  # a retry: the same package
    tt.close()
    assert fake.package_creations["5770001"] == 1
    package = fake.label_packages[str(label.provider_label_id)]
    assert again.tracking_number == label.tracking_number == package["tracking_number"]
    assert (label.carrier, label.service, str(label.cost)) == (
        "USPS", "USPS Ground Advantage", "4.90")
    assert package["recipient_address"]["name"] == "M***"  # masked in the API...
    text, codes = pdf_text_and_codes(label.data)
    assert "48 Harbor View Rd" in text and "Unit 5" in text and "Tampa, FL 33602" in text
    assert codes == [label.tracking_number]  # ...but whole on the label
    docs = fake.requests_to("/shipping_documents")[0]
    assert docs.q("document_type") == "SHIPPING_LABEL" and docs.q("document_size") == "A6"


def test_png_and_zpl_requests(fake: FakeTikTok, clock: VirtualClock) -> None:
    tt = provider(fake, clock)
    rate = tt.rates(tiktok_parcel())[0]
    png = tt.buy(tiktok_parcel(), rate, LabelFormat.PNG)
    zpl = tt.buy(tiktok_parcel(), rate, LabelFormat.ZPL)
    tt.close()
    image = Image.open(io.BytesIO(png.data))
    assert png.label_format is LabelFormat.PNG
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [png.tracking_number]
    assert zpl.label_format is LabelFormat.PDF and zpl.data.startswith(b"%PDF")


def test_a_create_that_times_out_after_buying_is_found_not_bought_again(
        fake: FakeTikTok, clock: VirtualClock) -> None:
    tt = provider(fake, clock, short=True)
    rate = tt.rates(tiktok_parcel("HC-TT-9"))[0]
    fake.slow_creations = 1
    with pytest.raises(CarrierUnavailable):
        tt.buy(tiktok_parcel("HC-TT-9"), rate, LabelFormat.PDF)
    assert len(fake.requests_to("/fulfillment/202309/packages")) >= 1
    found = tt.find("HC-TT-9")
    assert found is not None and found.data.startswith(b"%PDF")
    # a fresh provider (after a restart) knows no reference, but buy reuses the package
    fresh = provider(fake, clock)
    assert fresh.find("HC-TT-9") is None
    bought = fresh.buy(tiktok_parcel("HC-TT-9"), rate, LabelFormat.PDF)
    tt.close()
    fresh.close()
    assert bought.tracking_number == found.tracking_number
    assert fake.package_creations["5770001"] == 1


def test_documents_still_being_generated_are_waited_for(fake: FakeTikTok,
                                                       clock: VirtualClock) -> None:
    tt = provider(fake, clock)
    fake.documents_pending = 2
    label = tt.buy(tiktok_parcel(), tt.rates(tiktok_parcel())[0], LabelFormat.PDF)
    tt.close()
    assert label.data.startswith(b"%PDF") and len(fake.requests_to("/shipping_documents")) == 3


def test_refusals(fake: FakeTikTok, clock: VirtualClock) -> None:
    fake.add(SeedOrder("5770002", "5770002", T0, T0, [SeedLine("CAP", 1)], zip="3360"))
    tt = provider(fake, clock)
    with pytest.raises(AddressRejected, match="illegal address"):
        tt.buy(tiktok_parcel("A", "5770002"), tt.rates(tiktok_parcel("A", "5770002"))[0],
               LabelFormat.PDF)
    rate = tt.rates(tiktok_parcel())[0]
    with pytest.raises(RateUnavailable, match="service not found"):
        tt.buy(tiktok_parcel(), replace(rate, rate_id="999"), LabelFormat.PDF)
    with pytest.raises(CarrierError, match="TikTok order id"):
        tt.rates(parcel())
    assert tt.void(tt.buy(tiktok_parcel(), rate, LabelFormat.PDF)) is RefundStatus.NOT_APPLICABLE
    tt.close()
    assert fake.package_creations == {"5770001": 1}
    with pytest.raises(CarrierError, match="store's configuration"):
        make_provider("tiktok", base_url=None, mode="production", settings={"channel": "X"},
                      secrets={})


def test_tracking_follows_the_package(fake: FakeTikTok, clock: VirtualClock) -> None:
    tt = provider(fake, clock)
    label = tt.buy(tiktok_parcel(), tt.rates(tiktok_parcel())[0], LabelFormat.PDF)
    package = str(label.provider_label_id)
    assert tt.track([label.tracking_number])[0].status is TrackingStatus.PRE_TRANSIT
    fake.set_package_status(package, "FULFILLING", "Picked up by UPS")
    moving = tt.track([label.tracking_number, "NOT-OURS"])
    assert len(moving) == 1 and moving[0].status is TrackingStatus.IN_TRANSIT
    clock.advance(3600)
    fake.set_package_status(package, "COMPLETED", "Your package was delivered!")
    done = tt.track([label.tracking_number])[0]
    tt.close()
    assert done.status is TrackingStatus.DELIVERED
    assert [e.description for e in done.events] == ["Picked up by UPS",
                                                    "Your package was delivered!"]
    assert done.events[-1].status is TrackingStatus.DELIVERED
