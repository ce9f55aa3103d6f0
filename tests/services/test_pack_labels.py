"""Carrier labels at pack completion: the pack commits first, the label is bought after
it and printed as received; a provider failure leaves the order packed and the label to
buy again; a label bought on the expected weight is rebought when the packed weight
changes its price, and the first one voided (issue #18, point 3)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.carriers.base import LabelFormat
from app.db.engine import Database
from app.db.models import Order, Parcel, PrintJob
from app.db.models.shipping import LabelPurchase
from app.domain.states import OrderStatus
from app.services.label_errors import LabelNotBought
from app.services.label_purchase import buy_labels
from app.services.label_void import labels_to_void
from app.services.pack_labels import label_packed_order
from app.services.packing_script import pack_at_once
from app.services.run import run_write
from printers.profiles import Language, PrinterProfile
from tests.fakes.carriers.easypost import FakeEasyPost
from tests.fakes.platforms.clock import VirtualClock
from tests.services.label_world import build_label_world, fake_providers
from tests.services.packing_world import PACKER, STATION, allocated_order

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
ZPL_PRINTER = PrinterProfile("label", "dummy://label", Language.ZPL)


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock(datetime.now(UTC))


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeEasyPost]:
    server = FakeEasyPost(clock, timeout_sleep=0.8).start()
    yield server
    server.stop()


def _order(db: Database, number: str = "P-1") -> int:
    order_id = allocated_order(db, number, {"MUG": 1})
    with db.writing() as s:
        s.get(Order, order_id).ship_by = datetime.now(UTC)  # type: ignore[union-attr]
    return order_id


def _pack(db: Database, number: str = "P-1", weight_g: int = 480) -> tuple[int, ...]:
    result = run_write(db, pack_at_once, number, box="BOX-8X6X4", weight_g=weight_g,
                       items=None, station=STATION, actor=PACKER, label_printer=ZPL_PRINTER)
    assert result.label_jobs == ()  # nothing to print before the label is bought
    return result.labels_to_buy


def test_the_label_is_bought_after_packing_and_printed_as_received(
        db: Database, fake: FakeEasyPost, clock: VirtualClock) -> None:
    build_label_world(db, fake)
    order_id = _order(db)
    assert _pack(db) == (1,)
    with db.reading() as s:
        assert s.get(Order, order_id).status == OrderStatus.PACKED.value  # type: ignore[union-attr]
        assert s.scalars(select(LabelPurchase)).all() == []  # no HTTP inside the pack
    done = label_packed_order(db, order_id, providers=fake_providers(clock), actor=PACKER,
                              station=STATION, label_printer=ZPL_PRINTER)
    assert done.error is None
    (bought,) = done.purchases
    (job,) = done.label_jobs
    assert bought.label_format == "ZPL" and bought.trigger == "pack"
    with db.reading() as s:
        stored = s.get(LabelPurchase, bought.id)
        printed = s.get(PrintJob, job.id)
        parcel = s.scalar(select(Parcel).where(Parcel.order_id == order_id))
        assert stored is not None and printed is not None and parcel is not None
        assert printed.zpl == stored.label  # raw ZPL, byte for byte
        assert parcel.tracking_number == bought.tracking_number
    again = label_packed_order(db, order_id, providers=fake_providers(clock), actor=PACKER,
                               station=STATION, label_printer=ZPL_PRINTER)
    assert again.purchases == () and sum(fake.purchases.values()) == 1


def test_a_client_without_rules_keeps_the_warehouse_label(
        db: Database, fake: FakeEasyPost) -> None:
    build_label_world(db, fake, rules=False)
    _order(db)
    result = run_write(db, pack_at_once, "P-1", box="BOX-8X6X4", weight_g=480, items=None,
                       station=STATION, actor=PACKER, label_printer=ZPL_PRINTER)
    assert result.labels_to_buy == () and len(result.label_jobs) == 1
    assert result.parcels[0].label_source == "warehouse"


def test_a_refusal_leaves_the_order_packed_and_the_label_to_buy_again(
        db: Database, fake: FakeEasyPost, clock: VirtualClock) -> None:
    build_label_world(db, fake)
    order_id = _order(db)
    _pack(db)
    fake.fail("buy", "address")
    failed = label_packed_order(db, order_id, providers=fake_providers(clock), actor=PACKER,
                                station=STATION, label_printer=ZPL_PRINTER)
    assert isinstance(failed.error, LabelNotBought) and failed.label_jobs == ()
    assert "EasyPost refused the address" in failed.error.message
    with db.reading() as s:
        assert s.get(Order, order_id).status == OrderStatus.PACKED.value  # type: ignore[union-attr]
    done = label_packed_order(db, order_id, providers=fake_providers(clock), actor=PACKER,
                              station=STATION, label_printer=ZPL_PRINTER)
    assert done.error is None and len(done.label_jobs) == 1
    assert sum(fake.purchases.values()) == 1


@pytest.mark.parametrize(("packed_g", "rebought"), [(470, False), (495, True)])
def test_a_label_bought_before_packing_is_rebought_when_its_price_moves(
        db: Database, fake: FakeEasyPost, clock: VirtualClock, packed_g: int,
        rebought: bool) -> None:
    build_label_world(db, fake)
    order_id = _order(db)
    (first,) = buy_labels(db, order_id, providers=fake_providers(clock), actor=PACKER,
                          trigger="wave", label_format=LabelFormat.ZPL)
    assert first.weight_g == 470  # the mug and its carton, expected
    assert _pack(db, weight_g=packed_g) == (1,)  # its label is checked after packing
    done = label_packed_order(db, order_id, providers=fake_providers(clock), actor=PACKER,
                              station=STATION, label_printer=ZPL_PRINTER)
    assert done.error is None and len(done.label_jobs) == 1
    (label,) = done.purchases
    with db.reading() as s:
        parcel = s.scalar(select(Parcel).where(Parcel.order_id == order_id))
        assert parcel is not None and parcel.tracking_number == label.tracking_number
        statuses = [p.status for p in s.scalars(select(LabelPurchase).order_by(LabelPurchase.id))]
        assert labels_to_void(s) == []
    if not rebought:
        assert label.id == first.id and statuses == ["bought"]
        assert done.replaced == ()
        return
    assert label.id != first.id and label.weight_g == packed_g
    assert (label.carrier, label.service) == (first.carrier, first.service)
    assert label.cost is not None and first.cost is not None and label.cost > first.cost
    (old,) = done.replaced
    assert (old.id, old.status, old.void_status) == (first.id, "voided", "submitted")
    assert statuses == ["voided", "bought"]


def test_a_label_first_wave_buys_its_labels_after_release_and_queues_them_in_pick_order(
        db: Database, fake: FakeEasyPost, clock: VirtualClock) -> None:
    from app.db.models import Sku
    from app.domain.permissions import Actor
    from app.domain.states import Role
    from app.services.wave_labels import buy_wave_labels
    from app.services.wave_plan import WaveFilters
    from app.services.waves import release_wave

    build_label_world(db, fake)
    with db.writing() as s:
        for sku in s.scalars(select(Sku)):
            sku.prepacked = True  # ships in its own box: labelled at the shelf
    first, second = _order(db, "W-1"), _order(db, "W-2")
    fake.fail("buy", "address")  # W-1's address is refused: its label waits for packing
    clerk = Actor("clerk", Role.CLERK)
    wave = run_write(db, release_wave, "LA1", WaveFilters(), actor=clerk,
                     label_printer=ZPL_PRINTER, station=STATION)
    assert wave.label_first and wave.label_jobs == ()  # bought first, queued after
    labels = buy_wave_labels(db, wave.number, providers=fake_providers(clock), actor=clerk,
                             label_printer=ZPL_PRINTER, station=STATION)
    ((number, why),) = labels.failed
    assert number == "W-1" and "EasyPost refused the address" in why
    (bought,) = labels.bought
    assert (bought.order_number, bought.trigger, bought.parcel_seq) == ("W-2", "wave", None)
    (job,) = labels.label_jobs  # W-1 gets no stand-in label: it is bought at packing
    with db.reading() as s:
        printed = s.get(PrintJob, job)
        stored = s.get(LabelPurchase, bought.id)
        assert printed is not None and stored is not None
        assert printed.order_id == second and printed.zpl == stored.label
    assert first != second
