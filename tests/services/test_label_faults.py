"""Fault storms: timeouts after the carrier sold the label, 5xx, duplicate answers, a
process killed between intent and result, two stations at once — never a second
purchase, never a lost label (issue #18, points 3 and 9)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db.engine import Database
from app.db.models import Order
from app.db.models.shipping import LabelPurchase
from app.services.label_errors import LabelBeingBought, LabelNotBought
from app.services.label_purchase import buy_labels
from app.services.packing_script import pack_at_once
from app.services.run import run_write
from tests.fakes.carriers.easypost import FakeEasyPost
from tests.fakes.platforms.clock import VirtualClock
from tests.services.label_world import FAST, SHORT, build_label_world, fake_providers
from tests.services.packing_world import PACKER, STATION, allocated_order

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock(datetime.now(UTC))


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeEasyPost]:
    server = FakeEasyPost(clock, timeout_sleep=0.8).start()
    yield server
    server.stop()


def _packed(db: Database, number: str = "F-1") -> int:
    order_id = allocated_order(db, number, {"MUG": 1})
    run_write(db, pack_at_once, number, box="BOX-8X6X4", weight_g=480, items=None,
              station=STATION, actor=PACKER)
    return order_id


def _purchases(db: Database, order_id: int) -> list[tuple[str, str, str | None, bool]]:
    with db.reading() as s:
        return [(p.reference, p.status, p.tracking_number, p.label is not None)
                for p in s.scalars(select(LabelPurchase).where(
                    LabelPurchase.order_id == order_id).order_by(LabelPurchase.id))]


def _sold(fake: FakeEasyPost) -> int:
    return sum(fake.purchases.values())


def test_a_timeout_after_the_sale_is_found_again_not_bought_again(
        db: Database, fake: FakeEasyPost, clock: VirtualClock) -> None:
    build_label_world(db, fake)
    order_id = _packed(db)
    fake.fail("buy", "timeout_after")
    with pytest.raises(LabelNotBought) as unknown:
        buy_labels(db, order_id, providers=fake_providers(clock, SHORT), actor=PACKER)
    assert unknown.value.message.endswith("— buy again")
    ((reference, status, tracking, has_label),) = _purchases(db, order_id)
    assert (status, tracking, has_label) == ("intent", None, False)
    assert fake.bought_once(reference)  # the carrier did sell it
    (info,) = buy_labels(db, order_id, providers=fake_providers(clock), actor=PACKER)
    assert info.reference == reference and info.status == "bought" and info.has_label
    assert fake.bought_once(reference) and _sold(fake) == 1
    with db.reading() as s:
        assert s.get(Order, order_id).tracking_number == info.tracking_number  # type: ignore[union-attr]


@pytest.mark.parametrize("fault", ["500", "timeout"])
def test_no_answer_before_the_sale_buys_once_under_the_same_reference(
        db: Database, fake: FakeEasyPost, clock: VirtualClock, fault: str) -> None:
    build_label_world(db, fake)
    order_id = _packed(db)
    fake.fail("buy", fault)
    with pytest.raises(LabelNotBought):
        buy_labels(db, order_id, providers=fake_providers(clock, SHORT), actor=PACKER)
    assert _sold(fake) == 0
    (info,) = buy_labels(db, order_id, providers=fake_providers(clock), actor=PACKER)
    assert info.reference.endswith("-1") and fake.bought_once(info.reference)
    assert [p[1] for p in _purchases(db, order_id)] == ["bought"]


def test_a_storm_of_faults_never_buys_twice_nor_loses_a_label(
        db: Database, fake: FakeEasyPost, clock: VirtualClock) -> None:
    build_label_world(db, fake)
    orders = [_packed(db, f"F-{n}") for n in range(1, 7)]
    storms = ["timeout_after", "500", "duplicate", "timeout", "429", "timeout_after"]
    for order_id, fault in zip(orders, storms, strict=True):
        fake.fail("buy", fault)
        for attempt in range(4):  # what a packer does: press "buy again" until it works
            try:
                buy_labels(db, order_id, providers=fake_providers(
                    clock, SHORT if attempt == 0 else FAST), actor=PACKER)
                break
            except LabelNotBought:
                continue
    for order_id in orders:
        rows = _purchases(db, order_id)
        bought = [r for r in rows if r[1] == "bought"]
        assert len(bought) == 1 and bought[0][3], rows
        assert fake.bought_once(bought[0][0])
    assert _sold(fake) == len(orders)


def test_a_process_killed_mid_buy_is_resumed_from_its_intent(
        db: Database, db_url: str, fake: FakeEasyPost, clock: VirtualClock) -> None:
    build_label_world(db, fake)
    order_id = _packed(db)
    fake.timeout_sleep = 30  # the answer never comes before the kill
    fake.fail("buy", "timeout_after")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.services.label_buyer", db_url, str(order_id)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _sold(fake) == 0 and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.05)
    child.kill()
    child.wait()
    assert _sold(fake) == 1, child.stderr.read() if child.stderr else ""
    ((reference, status, _t, _l),) = _purchases(db, order_id)
    assert status == "intent"
    # within the grace period another attempt is told it is under way...
    with pytest.raises(LabelBeingBought):
        buy_labels(db, order_id, providers=fake_providers(clock), actor=PACKER)
    # ...after it, the intent is resumed: found at the carrier, not bought again
    (info,) = buy_labels(db, order_id, providers=fake_providers(clock), actor=PACKER,
                         stale_after=timedelta(0))
    assert info.reference == reference and info.status == "bought" and info.has_label
    assert fake.bought_once(reference) and _sold(fake) == 1


def test_several_stations_buying_at_once_get_one_label(
        db: Database, db_url: str, fake: FakeEasyPost, tmp_path: Path) -> None:
    build_label_world(db, fake)
    order_id = _packed(db)
    fake.latency = 0.3  # every call takes a while: the buyers overlap
    go = tmp_path / "go"
    children = [subprocess.Popen(
        [sys.executable, "-m", "tests.services.label_buyer", db_url, str(order_id), str(go)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    time.sleep(2.0)  # let every interpreter start and wait for the signal
    go.touch()
    outputs = [c.communicate(timeout=120) for c in children]
    lines = [out.strip() for out, _err in outputs]
    assert all(line.startswith(("bought ", "refused label_being_bought")) for line in lines), \
        outputs
    bought = {line for line in lines if line.startswith("bought ")}
    assert len(bought) == 1, lines
    rows = _purchases(db, order_id)
    assert [r[1] for r in rows] == ["bought"] and rows[0][3]
    assert fake.bought_once(rows[0][0]) and _sold(fake) == 1


def test_two_accounts_are_shopped_and_a_lost_answer_is_found_at_the_right_one(
        db: Database, fake: FakeEasyPost, clock: VirtualClock) -> None:
    from app.services.carrier_accounts import CarrierAccountDraft, add_carrier_account
    from app.services.shipping_rules import ShippingRulesDraft, set_shipping_rules
    from tests.fakes.carriers.shippo import FakeShippo
    from tests.world import ACTOR

    shippo = FakeShippo(clock, timeout_sleep=0.8).start()
    try:
        build_label_world(db, fake)
        with db.writing() as s:
            add_carrier_account(s, CarrierAccountDraft(
                "shippo", "Shippo wallet", "carrier-shippo", base_url=shippo.url), actor=ACTOR)
            set_shipping_rules(s, "ACME", ShippingRulesDraft(allowed=("UPS/Ground",)),
                               actor=ACTOR)
        order_id = _packed(db)
        shippo.fail("transactions", "timeout_after")
        fake.fail("buy", "timeout_after")
        with pytest.raises(LabelNotBought):
            buy_labels(db, order_id, providers=fake_providers(clock, SHORT), actor=PACKER)
        (info,) = buy_labels(db, order_id, providers=fake_providers(clock), actor=PACKER)
        accounts = {r.account for r in info.rates}
        assert accounts == {"EasyPost main", "Shippo wallet"}
        assert info.service == "Ground" and info.status == "bought" and info.has_label
        assert _sold(fake) + sum(shippo.purchases.values()) == 1  # sold once, found again
        assert info.account == next(r.account for r in info.rates if r.chosen)
    finally:
        shippo.stop()
