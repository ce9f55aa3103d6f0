"""Closing a pickup asks the provider for its SCAN form (EasyPost, against the fake) for
the bought labels that left, keeps its id and URL on the pickup, and a provider that
refuses is a note: the pickup is closed either way. The manifest goes to the office
printer through the print queue."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.carriers.base import LabelFormat
from app.carriers.providers import make_provider
from app.db.engine import Database
from app.db.models import CarrierAccount, LabelPurchase, Parcel, Pickup
from app.services.pickups import close_pickup, request_provider_manifests, scan_out
from app.services.print_documents import JobKind
from app.services.run import run_write
from printers.profiles import Language, PrinterProfile
from tests.carriers.conftest import parcel, runtime
from tests.fakes.carriers.easypost import TEST_KEY, FakeEasyPost
from tests.fakes.platforms.clock import VirtualClock
from tests.services.handover_world import ACTOR, PACKER, build_handover_world, packed
from tests.services.test_tracking import opener

OFFICE = PrinterProfile("office", "tcp://127.0.0.1:9", Language.PDF, 300,
                        media_width_mm=215.9, media_height_mm=279.4)


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock(datetime(2026, 12, 1, 20, 0, tzinfo=UTC))


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeEasyPost]:
    server = FakeEasyPost(clock, timeout_sleep=0.8).start()
    yield server
    server.stop()


def bought_usps_label(db: Database, fake: FakeEasyPost, clock: VirtualClock,
                      number: str) -> str:
    """Buy a USPS label at the fake and record it on the order's packed parcel."""
    ep = make_provider("easypost", base_url=fake.url + "/v2", mode="test", settings={},
                       secrets={"api_key": TEST_KEY}, account="EP", runtime=runtime(clock))
    shipment = parcel(f"HC-{number}")
    rate = next(r for r in ep.rates(shipment) if r.carrier == "USPS")
    label = ep.buy(shipment, rate, LabelFormat.PDF)
    ep.close()
    parcel_id = packed(db, number, "USPS", label.tracking_number)[0]
    with db.writing() as s:
        account = s.scalar(select(CarrierAccount.id).where(CarrierAccount.name == "EP"))
        p = s.get(Parcel, parcel_id)
        assert account is not None and p is not None
        s.add(LabelPurchase(
            reference=f"HC-{number}", order_id=p.order_id, parcel_id=parcel_id,
            account_id=account, status="bought", carrier="USPS", service=rate.service,
            cost=label.cost, tracking_number=label.tracking_number, label_format="PDF",
            label=label.data, provider_shipment_id=label.provider_shipment_id,
            actor="test"))
    return label.tracking_number


@pytest.fixture
def world(db: Database) -> Database:
    build_handover_world(db)
    with db.writing() as s:
        s.add(CarrierAccount(provider="easypost", name="EP", mode="test", settings="{}",
                             secret_ref="ref-ep"))
    return db


def test_the_scan_form_is_kept_with_the_closed_pickup(world: Database, fake: FakeEasyPost,
                                                      clock: VirtualClock) -> None:
    tracking = bought_usps_label(world, fake, clock, "SO-1")
    packed(world, "SO-2", "USPS", "9400999")  # a seller's label: not on the SCAN form
    with world.writing() as s:
        scan_out(s, tracking, "USPS", actor=PACKER)
        scan_out(s, "9400999", "USPS", actor=PACKER)
    closed = run_write(world, close_pickup, "USPS", actor=PACKER, document_printer=OFFICE,
                       station="DOCK-1")
    assert closed.print_job is not None and closed.print_job.kind is JobKind.MANIFEST
    made = request_provider_manifests(world, closed.pickup_id, opener(fake, clock),
                                      actor=PACKER)
    assert made.notes == () and len(made.manifests) == 1
    account, form_id, url = made.manifests[0]
    assert account == "EP" and fake.scan_forms[form_id]["tracking_codes"] == [tracking]
    with world.reading() as s:
        pickup = s.get(Pickup, closed.pickup_id)
        assert pickup is not None and pickup.provider_manifest_id == form_id
        assert pickup.provider_manifest_url == url and pickup.status == "closed"


def test_a_provider_refusing_the_form_is_a_note(world: Database, fake: FakeEasyPost,
                                                clock: VirtualClock) -> None:
    tracking = bought_usps_label(world, fake, clock, "SO-1")
    with world.writing() as s:
        scan_out(s, tracking, "USPS", actor=PACKER)
    closed = run_write(world, close_pickup, "USPS", actor=ACTOR)
    fake.fail("scan_forms", "address")
    made = request_provider_manifests(world, closed.pickup_id, opener(fake, clock),
                                      actor=PACKER)
    assert made.manifests == () and len(made.notes) == 1 and made.notes[0].startswith("EP: ")
    with world.reading() as s:
        pickup = s.get(Pickup, closed.pickup_id)
        assert pickup is not None and pickup.status == "closed"
        assert pickup.provider_manifest_id is None
