"""The order detail's Shipping tab against the fake EasyPost server: Buy label shows the
label bought, the rates considered and why the others were not taken; Void label voids
it; a user who may not buy labels sees no buttons (issue #18)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QTableWidget

from app.db.engine import Database
from app.domain.permissions import Actor
from app.domain.states import Role
from app.services.carrier_accounts import CarrierAccountDraft, add_carrier_account
from app.services.label_void import labels_to_void
from app.services.packing_script import pack_at_once
from app.services.run import run_write
from app.ui.dialogs.order_detail import OrderDetailDialog
from tests.fakes.carriers.easypost import FakeEasyPost
from tests.fakes.platforms.clock import VirtualClock
from tests.services.label_world import build_label_world, fake_providers
from tests.services.packing_world import PACKER, STATION, allocated_order
from tests.ui.inline_tasks import InlineTaskRunner
from tests.world import ACTOR

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
CLERK = Actor("clerk", Role.CLERK)


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock(datetime(2026, 12, 7, 15, 0, tzinfo=UTC))


@pytest.fixture
def fake(clock: VirtualClock) -> Iterator[FakeEasyPost]:
    server = FakeEasyPost(clock, timeout_sleep=0.8).start()
    yield server
    server.stop()


def _packed(db: Database, number: str) -> int:
    order_id = allocated_order(db, number, {"MUG": 1})
    run_write(db, pack_at_once, number, box="BOX-8X6X4", weight_g=480, items=None,
              station=STATION, actor=PACKER)
    return order_id


def _column(table: QTableWidget, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]  # type: ignore[union-attr]


def test_buy_shows_the_label_the_rates_and_why_then_void_voids_it(
        qtbot, db: Database, fake: FakeEasyPost, clock: VirtualClock) -> None:
    build_label_world(db, fake)
    order_id = _packed(db, "S-1")
    dialog = OrderDetailDialog(InlineTaskRunner(db), order_id, actor=CLERK,
                               providers=fake_providers(clock))
    qtbot.addWidget(dialog)
    tab = dialog.shipping
    assert dialog.tabs.tabText(dialog.tabs.indexOf(tab)) == "Shipping"
    assert "No carrier label" in tab.facts["status"].text()
    assert tab.buy_button.isVisible() or not dialog.isVisible()
    assert tab.buy_button.isEnabled() and not tab.void_button.isEnabled()

    tab.buy_button.click()
    (bought,) = [p for p in tab.purchases if p.status == "bought"]
    assert tab.facts["tracking"].text() == bought.tracking_number
    assert bought.carrier and bought.carrier in tab.facts["carrier"].text()
    assert tab.facts["reason"].text() not in ("", "—")
    assert tab.facts["reason"].text() == bought.reason  # "none of 5 rates arrives by …"
    reasons = _column(tab.rates, 5)
    assert reasons.count("✓ chosen") == 1 and len(reasons) == len(bought.rates) > 1
    assert all(r for r in reasons)  # every other rate says why it was not taken
    assert "Done: 1 label" in tab.message.text()
    assert not tab.buy_button.isEnabled() and tab.void_button.isEnabled()

    tab.void_button.click()
    assert [p.status for p in tab.purchases] == ["voided"]
    assert _column(tab.history, 5) == ["voided"]
    assert tab.buy_button.isEnabled() and not tab.void_button.isEnabled()


def test_a_refused_buy_says_why_where_the_user_is(
        qtbot, db: Database, fake: FakeEasyPost, clock: VirtualClock) -> None:
    build_label_world(db, fake)
    order_id = _packed(db, "S-2")
    fake.revoke("EZTK_test_key")  # the account's key expired
    dialog = OrderDetailDialog(InlineTaskRunner(db), order_id, actor=CLERK,
                               providers=fake_providers(clock))
    qtbot.addWidget(dialog)
    dialog.shipping.buy_button.click()
    text = dialog.shipping.message.text()
    assert "S-2" in text and "key" in text.lower()
    assert "color: #b42318" in dialog.shipping.message.styleSheet()


def test_who_may_not_buy_labels_sees_no_buttons(qtbot, db: Database, fake: FakeEasyPost,
                                                clock: VirtualClock) -> None:
    build_label_world(db, fake)
    order_id = _packed(db, "S-3")
    dialog = OrderDetailDialog(InlineTaskRunner(db), order_id,
                               actor=Actor("picker", Role.PICKER),
                               providers=fake_providers(clock))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.shipping.buy_button.isVisible()
    assert not dialog.shipping.void_button.isVisible()


def test_another_rate_replaces_the_label_and_the_old_one_waits_to_be_voided(
        qtbot, db: Database, fake: FakeEasyPost, clock: VirtualClock) -> None:
    build_label_world(db, fake)
    order_id = _packed(db, "S-4")
    dialog = OrderDetailDialog(InlineTaskRunner(db), order_id, actor=CLERK,
                               providers=fake_providers(clock))
    qtbot.addWidget(dialog)
    tab = dialog.shipping
    tab.buy_button.click()
    (first,) = tab.purchases
    assert not tab.rate_button.isEnabled()  # nothing selected
    other = next(i for i, r in enumerate(first.rates) if not r.chosen)
    wanted = first.rates[other]
    tab.rates.selectRow(other)
    assert tab.rate_button.isEnabled()
    tab.rate_button.click()
    newest = tab.current()
    assert newest is not None and newest.id != first.id
    assert (newest.carrier, newest.service) == (wanted.carrier, wanted.service)
    assert tab.facts["tracking"].text() == newest.tracking_number
    with db.reading() as s:
        waiting = labels_to_void(s)
    assert [(w.purchase_id, w.why) for w in waiting] == [(first.id, "superseded")]


def test_a_tracking_number_typed_in_is_the_label_and_one_used_twice_is_refused(
        qtbot, db: Database, fake: FakeEasyPost, clock: VirtualClock) -> None:
    build_label_world(db, fake)
    with db.writing() as s:
        add_carrier_account(s, CarrierAccountDraft("manual", "Typed in", "carrier-manual"),
                            actor=ACTOR)
    tabs, dialogs = [], []
    for number in ("S-5", "S-6"):
        dialog = OrderDetailDialog(InlineTaskRunner(db), _packed(db, number), actor=CLERK,
                                   providers=fake_providers(clock))
        qtbot.addWidget(dialog)
        dialogs.append(dialog)
        tab = dialog.shipping
        tab.manual_button.click()
        entry = tab.manual_dialog
        entry.tracking.setText(" 1Z999AA10123456784 ")
        entry.carrier.setCurrentText("UPS")
        entry._on_buttons_accepted()
        tabs.append(tab)
    first, second = tabs
    assert first.facts["tracking"].text() == "1Z999AA10123456784"
    assert first.facts["carrier"].text() == "UPS"
    assert first.facts["reason"].text() == "tracking number typed in by clerk"
    assert "1Z999AA10123456784" in second.message.text() and "S-5" in second.message.text()
    assert "color: #b42318" in second.message.styleSheet()
    assert [p.status for p in second.purchases] == ["failed"]
