"""Settings → Carrier accounts: add an EasyPost account with its key typed into a password
field (the key goes to the secret store, never the database), edit it keeping the key,
disable it; a refused name is shown beside the field and nothing is saved (issue #18)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from keyring.backends import fail
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import text

from app.bootstrap import AppContext
from app.db.engine import Database
from app.domain.permissions import Actor
from app.domain.states import Role
from app.secrets import SecretStore
from app.services.carrier_accounts import list_carrier_accounts
from app.services.shipping_rules import get_shipping_rules
from app.settings import StationSettings
from app.ui.dialogs.settings_dialog import default_sections
from app.ui.settings_carriers import CarrierAccountsSection
from app.ui.settings_shipping_rules import ShippingRulesSection
from tests.ui.inline_tasks import InlineTaskRunner
from tests.world import build_world

ADMIN = Actor("boss", Role.ADMIN)


def _store(tmp_path: Path) -> SecretStore:
    """No OS keyring (the outside world): secrets go to the private file under tmp_path."""
    return SecretStore(fail.Keyring(), tmp_path / "secrets.json")


def _section(qtbot, db: Database, store: SecretStore) -> CarrierAccountsSection:
    section = CarrierAccountsSection(InlineTaskRunner(db), ADMIN, store)
    qtbot.addWidget(section)
    section.resize(900, 500)
    section.show()
    return section


def _database_text(db: Database) -> str:
    with db.reading() as s:
        return json.dumps([list(r) for r in s.execute(text("SELECT * FROM carrier_accounts"))],
                          default=str)


def test_add_edit_and_disable_an_account_with_its_key_in_the_keyring(
        qtbot, db: Database, tmp_path: Path) -> None:
    store = _store(tmp_path)
    section = _section(qtbot, db, store)
    assert section.table.rowCount() == 0

    section.add_button.click()
    dialog = section.dialog
    assert dialog is not None
    dialog.provider.setCurrentIndex(dialog.provider.findData("easypost"))
    secret, is_secret = dialog.key_fields["api_key"]
    assert is_secret and secret.echoMode() is QLineEdit.EchoMode.Password
    dialog.name.setText("EasyPost main")
    dialog.mode.setCurrentIndex(dialog.mode.findData("production"))
    dialog.base_url.setText("http://127.0.0.1:9")
    dialog._on_buttons_accepted()  # Save without a key: refused by the dialog itself
    assert "API key" in dialog.field_error("settings")
    secret.setText("EZTK-very-secret")
    dialog._on_buttons_accepted()
    assert dialog.result() == dialog.DialogCode.Accepted

    assert section.table.rowCount() == 1
    assert [section.table.item(0, c).text() for c in (0, 1, 3, 4)] == [
        "EasyPost main", "EasyPost", "yes", "saved"]
    with db.reading() as s:
        (account,) = list_carrier_accounts(s, store)
    assert (account.provider, account.mode, account.base_url, account.secret_saved) == (
        "easypost", "production", "http://127.0.0.1:9", True)
    assert store.get(account.secret_ref) == {"api_key": "EZTK-very-secret"}
    assert "EZTK-very-secret" not in _database_text(db)

    section.table.selectRow(0)
    section.edit_button.click()
    edit = section.dialog
    assert edit is not None and not edit.provider.isEnabled()
    assert edit.key_fields["api_key"][0].text() == ""  # the saved key is never shown
    edit.name.setText("EasyPost NJ")
    edit._on_buttons_accepted()
    assert section.table.item(0, 0).text() == "EasyPost NJ"
    assert store.get(account.secret_ref) == {"api_key": "EZTK-very-secret"}  # kept

    section.table.selectRow(0)
    assert section.enable_button.text() == "Disable"
    section.enable_button.click()
    assert section.table.item(0, 3).text() == "no"
    assert "no longer used" in section.message.text()
    section.table.selectRow(0)
    assert section.enable_button.text() == "Enable"


def test_a_refused_account_is_shown_beside_its_field_and_keeps_no_secret(
        qtbot, db: Database, tmp_path: Path) -> None:
    store = _store(tmp_path)
    section = _section(qtbot, db, store)
    for name in ("Shippo", "shippo"):  # the second is the same name: refused
        section.add_button.click()
        dialog = section.dialog
        assert dialog is not None
        dialog.provider.setCurrentIndex(dialog.provider.findData("shippo"))
        dialog.name.setText(name)
        dialog.key_fields["api_token"][0].setText(f"shippo_test_{name}")
        dialog._on_buttons_accepted()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "already exists" in dialog.field_error("name")
    assert section.table.rowCount() == 1
    saved = json.loads((tmp_path / "secrets.json").read_text()) if (
        tmp_path / "secrets.json").exists() else {}
    assert [v for v in saved.values() if v.get("api_token") == "shippo_test_shippo"] == []


def test_only_those_who_manage_carriers_get_the_tab(qapp, db: Database) -> None:
    context = AppContext(StationSettings(station_name="PC"), db)
    tasks = InlineTaskRunner(db)
    admin = [s.title() for s in default_sections(context, tasks, admin=True, actor=ADMIN)]
    assert admin[-2:] == ["Carrier accounts", "Shipping rules"]
    clerk = default_sections(context, tasks, admin=False, actor=Actor("c", Role.CLERK))
    assert [s.title() for s in clerk] == ["General"]


def test_shipping_rules_of_a_client_are_shown_saved_and_a_bad_rule_refused(
        qtbot, db: Database) -> None:
    build_world(db)
    section = ShippingRulesSection(InlineTaskRunner(db), ADMIN)
    qtbot.addWidget(section)
    section.show()
    assert section.client.currentData() == "ACME"
    assert "No rules yet" in section.state.text()

    section.strategy.setCurrentIndex(section.strategy.findData("fastest_under"))
    section.max_cost.setValue(0)  # fastest under no price: refused, nothing kept
    section.save_button.click()
    assert "needs a max cost" in section.message.text()
    with db.reading() as s:
        assert not get_shipping_rules(s, "ACME").configured

    section.max_cost.setValue(12.5)
    section.insure_above.setValue(100)
    section.allowed.setText("USPS, UPS/Ground")
    section.overrides.setPlainText("Expedited = UPS/2nd Day Air\n")
    section.save_button.click()
    assert "saved" in section.message.text()
    with db.reading() as s:
        rules = get_shipping_rules(s, "ACME")
    assert (rules.configured, rules.strategy, rules.max_cost, rules.insure_above,
            rules.allowed, rules.overrides) == (
        True, "fastest_under", Decimal("12.50"), Decimal("100.00"), ("USPS", "UPS/Ground"),
        {"Expedited": "UPS/2nd Day Air"})
    assert "Set by boss" in section.state.text()

    section.client.setCurrentIndex(section.client.findData("BETA"))
    assert section.allowed.text() == "" and "No rules yet" in section.state.text()
