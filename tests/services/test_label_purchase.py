"""Buying labels: the rules' choice and why, stored with the label as received; a
refusal says the provider's words; the parcel carries the tracking number (issue #18)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.db.engine import Database
from app.db.models import Order, Parcel
from app.db.models.shipping import LabelPurchase
from app.domain.states import OrderStatus
from app.services.label_errors import (
    LabelNotBought,
    NoCarrierAccount,
    NoRateChosen,
    OrderCannotShip,
    RateNotQuoted,
    TrackingNumberTaken,
)
from app.services.label_purchase import ManualEntry, buy_labels
from app.services.label_records import LabelPurchaseInfo, order_label_purchases
from app.services.label_void import labels_to_void, void_labels
from app.services.orders import cancel_order
from app.services.packing_script import pack_at_once
from app.services.run import run_write
from app.services.shipping_rules import ShippingRulesDraft, set_shipping_rules
from tests.fakes.carriers.easypost import FakeEasyPost
from tests.fakes.platforms.clock import VirtualClock
from tests.services.label_world import build_label_world, fake_providers
from tests.services.packing_world import PACKER, STATION, allocated_order
from tests.world import ACTOR

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock(datetime(2026, 12, 7, 15, 0, tzinfo=UTC))


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeEasyPost]:
    server = FakeEasyPost(clock, timeout_sleep=0.8).start()
    yield server
    server.stop()


def _order(db: Database, number: str, lines: dict[str, int]) -> int:
    """An allocated order due to ship today (the world's orders are weeks old)."""
    order_id = allocated_order(db, number, lines)
    with db.writing() as s:
        s.get(Order, order_id).ship_by = datetime.now(UTC)  # type: ignore[union-attr]
    return order_id


def _packed(db: Database, number: str = "L-1") -> int:
    order_id = _order(db, number, {"MUG": 1})
    run_write(db, pack_at_once, number, box="BOX-8X6X4", weight_g=480, items=None,
              station=STATION, actor=PACKER)
    return order_id


def test_a_packed_parcel_gets_the_cheapest_label_and_the_reason(
        db: Database, fake: FakeEasyPost, clock: VirtualClock) -> None:
    build_label_world(db, fake)
    order_id = _packed(db)
    (info,) = buy_labels(db, order_id, providers=fake_providers(clock), actor=PACKER,
                         trigger="pack")
    assert info.status == "bought" and info.parcel_seq == 1
    assert (info.carrier, info.service) == ("USPS", "GroundAdvantage")  # cheapest, on time
    assert info.reason is not None and info.reason.startswith("cheapest of 5 rates")
    assert len(info.rates) == 5 and sum(r.chosen for r in info.rates) == 1
    assert str({r.code: r.dropped for r in info.rates}["UPS/2ndDayAir"]).startswith("costs $")
    assert fake.bought_once(info.reference)
    with db.reading() as s:
        purchase = s.get(LabelPurchase, info.id)
        parcel = s.scalar(select(Parcel).where(Parcel.order_id == order_id))
        order = s.get(Order, order_id)
        assert purchase is not None and parcel is not None and order is not None
        stored = fake.files[f"{purchase.provider_shipment_id}-PDF.pdf"]
        assert purchase.label == stored  # as received, byte for byte
        assert purchase.weight_g == 480
        assert (parcel.tracking_number, parcel.label_source, parcel.carrier) == (
            info.tracking_number, "carrier", "USPS")
        assert order.tracking_number == info.tracking_number
    # asking again returns the same label, nothing is bought twice
    (again,) = buy_labels(db, order_id, providers=fake_providers(clock), actor=PACKER)
    assert again.id == info.id and fake.bought_once(info.reference)


def test_the_rules_and_a_chosen_service_decide(db: Database, fake: FakeEasyPost,
                                              clock: VirtualClock) -> None:
    build_label_world(db, fake)
    with db.writing() as s:
        set_shipping_rules(s, "ACME", ShippingRulesDraft(allowed=("UPS",)), actor=ACTOR)
    first = _packed(db, "L-1")
    (ups,) = buy_labels(db, first, providers=fake_providers(clock), actor=PACKER)
    assert (ups.carrier, ups.service) == ("UPS", "Ground")
    second = _packed(db, "L-2")
    with pytest.raises(RateNotQuoted) as wrong:
        buy_labels(db, second, providers=fake_providers(clock), actor=PACKER, service="DHL/X")
    assert "Quoted: USPS/GroundAdvantage" in wrong.value.message
    (chosen,) = buy_labels(db, second, providers=fake_providers(clock), actor=PACKER,
                           service="2ndDayAir")
    assert chosen.service == "2ndDayAir" and chosen.reason == "UPS/2ndDayAir chosen by packer"
    with db.writing() as s:
        set_shipping_rules(s, "ACME", ShippingRulesDraft(allowed=("OnTrac",)), actor=ACTOR)
    third = _packed(db, "L-3")
    with pytest.raises(NoRateChosen) as none:
        buy_labels(db, third, providers=fake_providers(clock), actor=PACKER)
    assert none.value.message == ("Label for order L-3 not bought: none of 5 rates is "
                                  "allowed for this client.")


def test_before_packing_the_expected_weight_is_quoted(db: Database, fake: FakeEasyPost,
                                                     clock: VirtualClock) -> None:
    build_label_world(db, fake)
    order_id = _order(db, "L-1", {"MUG": 2})
    (info,) = buy_labels(db, order_id, providers=fake_providers(clock), actor=PACKER,
                         trigger="wave")
    assert info.parcel_seq is None and info.trigger == "wave"
    assert info.weight_g == 2 * 350 + 120  # two mugs in the suggested 8x6x4 carton


@pytest.mark.parametrize(("fault", "words", "advice"), [
    ("address", "EasyPost refused the address", "fix the order, then buy again"),
    ("auth", "", "fix the carrier account"),
    ("rate_gone", "no longer available", "quote again and choose another rate"),
])
def test_a_refusal_is_one_clear_line_and_nothing_is_bought(
        db: Database, fake: FakeEasyPost, clock: VirtualClock, fault: str, words: str,
        advice: str) -> None:
    build_label_world(db, fake)
    order_id = _packed(db)
    fake.fail("buy", fault)
    with pytest.raises(LabelNotBought) as refused:
        buy_labels(db, order_id, providers=fake_providers(clock), actor=PACKER)
    message = refused.value.message
    assert message.startswith("Label for order L-1 not bought: ") and words in message
    assert message.endswith(f"— {advice}") and "\n" not in message
    (failed,) = order_label_purchases_of(db, order_id)
    assert failed.status == "failed" and failed.error
    assert sum(fake.purchases.values()) == 0
    (info,) = buy_labels(db, order_id, providers=fake_providers(clock), actor=PACKER)
    assert info.reference.endswith("-2") and fake.bought_once(info.reference)


def test_no_account_cancelled_orders_and_manual_labels(db: Database, fake: FakeEasyPost,
                                                      clock: VirtualClock) -> None:
    build_label_world(db, fake)
    order_id = _order(db, "L-1", {"MUG": 1})
    with pytest.raises(NoCarrierAccount):  # no manual account yet
        buy_labels(db, order_id, providers=fake_providers(clock), actor=PACKER,
                   manual=ManualEntry("1Z999AA10000000001", "UPS"))
    with db.writing() as s:
        from app.services.carrier_accounts import CarrierAccountDraft, add_carrier_account
        add_carrier_account(s, CarrierAccountDraft("manual", "Counter", "carrier-m"),
                            actor=ACTOR)
    (typed,) = buy_labels(db, order_id, providers=fake_providers(clock), actor=PACKER,
                          manual=ManualEntry("1z999aa1 0000000001", "UPS", "Ground"))
    assert (typed.tracking_number, typed.carrier, typed.status) == (
        "1Z999AA10000000001", "UPS", "bought")
    assert typed.reason == "tracking number typed in by packer" and not typed.has_label
    other = _order(db, "L-2", {"CUP": 1})
    with pytest.raises(TrackingNumberTaken) as taken:
        buy_labels(db, other, providers=fake_providers(clock), actor=PACKER,
                   manual=ManualEntry("1Z999AA10000000001", "UPS"))
    assert taken.value.message == (
        "Tracking number 1Z999AA10000000001 is already used by order L-1.")
    with db.writing() as s:
        cancel_order(s, other, actor=ACTOR, reason="buyer")
    with pytest.raises(OrderCannotShip):
        buy_labels(db, other, providers=fake_providers(clock), actor=PACKER)


def test_void_and_the_labels_to_void(db: Database, fake: FakeEasyPost,
                                     clock: VirtualClock) -> None:
    build_label_world(db, fake)
    keep = _packed(db, "L-1")
    (kept,) = buy_labels(db, keep, providers=fake_providers(clock), actor=PACKER)
    order_id = _order(db, "L-2", {"CUP": 1})
    (bought,) = buy_labels(db, order_id, providers=fake_providers(clock), actor=PACKER)
    with db.reading() as s:
        assert labels_to_void(s) == []
    with db.writing() as s:
        cancel_order(s, order_id, actor=ACTOR, reason="buyer")
    with db.reading() as s:
        (due,) = labels_to_void(s, datetime.now(UTC).date())
        assert (due.order_number, due.why, due.tracking_number) == (
            "L-2", OrderStatus.CANCELLED.value, bought.tracking_number)
        assert labels_to_void(s, datetime(2020, 1, 1).date()) == []
    (voided,) = void_labels(db, order_id, providers=fake_providers(clock), actor=PACKER)
    assert (voided.status, voided.void_status) == ("voided", "submitted")
    with db.reading() as s:
        assert labels_to_void(s) == []
        assert s.get(Order, order_id).tracking_number is None  # type: ignore[union-attr]
    # a rebuy supersedes the first label, which is then listed to void
    (rebought,) = buy_labels(db, keep, providers=fake_providers(clock), actor=PACKER,
                             service="UPS/Ground", replace=True)
    with db.reading() as s:
        (due,) = labels_to_void(s)
    assert (due.purchase_id, due.why) == (kept.id, "superseded")
    assert rebought.id != kept.id


def order_label_purchases_of(db: Database, order_id: int) -> list[LabelPurchaseInfo]:
    with db.reading() as s:
        return order_label_purchases(s, order_id)


def test_rates_considered_are_kept_as_json(db: Database, fake: FakeEasyPost,
                                          clock: VirtualClock) -> None:
    build_label_world(db, fake)
    order_id = _packed(db)
    (info,) = buy_labels(db, order_id, providers=fake_providers(clock), actor=PACKER)
    with db.reading() as s:
        raw = json.loads(s.get(LabelPurchase, info.id).rates_considered)  # type: ignore[union-attr]
    assert raw["reason"]["template"] == "cheapest of {count} rates that arrive by {deliver_by}"
    assert {r["account"] for r in raw["rates"]} == {"EasyPost main"}
