"""Carrier accounts: secrets go to the secret store under any spelling, never to the
database; modes and permissions are checked; the CLI adds and lists them (issue #18)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from app.cli import main
from app.db.engine import Database
from app.domain.errors import AlreadyExists, InvalidValue, PermissionDenied, SettingMisspelt
from app.domain.permissions import Actor
from app.domain.states import Role
from app.secrets import SecretStore
from app.services.carrier_accounts import (
    CarrierAccountDraft,
    CarrierAccountEdit,
    add_carrier_account,
    list_carrier_accounts,
    new_secret_ref,
    split_values,
    update_carrier_account,
)

ADMIN = Actor.system("test")

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def _stored(db: Database) -> str:
    with db.reading() as s:
        return json.dumps([list(r) for r in s.execute(text("SELECT * FROM carrier_accounts"))],
                          default=str)


@pytest.mark.parametrize("typed", ["api_key", "API-KEY", " Api Key ", "api.key"])
def test_an_easypost_key_under_any_spelling_is_a_secret(typed: str) -> None:
    assert split_values("easypost", {typed: "EZTK1"}) == ({}, {"api_key": "EZTK1"})


def test_a_near_miss_of_a_secret_is_refused_and_not_echoed() -> None:
    with pytest.raises(SettingMisspelt) as refused:
        split_values("shippo", {"api_tokn": "shippo_test_1"})
    assert "did you mean api_token?" in refused.value.message
    assert "shippo_test_1" not in refused.value.message


def test_add_edit_and_list_accounts(db: Database, tmp_path: object) -> None:
    store = SecretStore(fallback_path=tmp_path / "s.json")  # type: ignore[operator]
    ref = new_secret_ref()
    store.set(ref, {"api_key": "EZTK-secret"})
    with db.writing() as s:
        info = add_carrier_account(s, CarrierAccountDraft(
            "EasyPost", " Main  EasyPost ", ref, base_url="http://127.0.0.1:1"), actor=ADMIN)
    assert (info.name, info.provider, info.mode, info.enabled) == (
        "Main EasyPost", "easypost", "test", True)
    with db.writing() as s:
        add_carrier_account(s, CarrierAccountDraft("manual", "Hand typed", new_secret_ref()),
                            actor=ADMIN)
        with pytest.raises(AlreadyExists):
            add_carrier_account(s, CarrierAccountDraft("shippo", "main easypost",
                                                       new_secret_ref()), actor=ADMIN)
    with pytest.raises(InvalidValue), db.writing() as s:
        update_carrier_account(s, info.id, CarrierAccountEdit(mode="live"), actor=ADMIN)
    with pytest.raises(InvalidValue), db.writing() as s:  # a secret never goes to settings
        update_carrier_account(s, info.id, CarrierAccountEdit(settings={"api_key": "x"}),
                               actor=ADMIN)
    with db.writing() as s:
        update_carrier_account(s, info.id, CarrierAccountEdit(mode="production",
                                                              enabled=False), actor=ADMIN)
    with db.reading() as s:
        rows = list_carrier_accounts(s, store)
    assert [(a.name, a.mode, a.enabled, a.secret_saved) for a in rows] == [
        ("Hand typed", "test", True, True), ("Main EasyPost", "production", False, True)]
    assert "EZTK-secret" not in _stored(db)


def test_only_admins_manage_carrier_accounts(db: Database) -> None:
    clerk = Actor("clerk", Role.CLERK)
    with pytest.raises(PermissionDenied), db.writing() as s:
        add_carrier_account(s, CarrierAccountDraft("manual", "M", new_secret_ref()),
                            actor=clerk)


def test_cli_adds_and_lists_an_account(db: Database, db_url: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["carriers", "add", "--provider", "shippo", "--name", "Shippo wallet",
                 "--base-url", "http://127.0.0.1:9", "--set", "api_token=shippo_test_abc",
                 "--db", db_url, "--json"])
    added = json.loads(capsys.readouterr().out)
    assert code == 0 and added["secrets_saved"] == ["api_token"]
    assert main(["carriers", "list", "--db", db_url, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == [{"id": added["id"], "name": "Shippo wallet", "provider": "shippo",
                       "base_url": "http://127.0.0.1:9", "mode": "test", "enabled": True,
                       "settings": {}, "secret_saved": True}]
    assert "shippo_test_abc" not in _stored(db)
    code = main(["carriers", "add", "--provider", "easypost", "--name", "E",
                 "--set", "apikey=EZ", "--db", db_url])
    assert code == 1
    assert capsys.readouterr().err == (
        "error: EasyPost has no setting apikey: did you mean api_key?\n")
