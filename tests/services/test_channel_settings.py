"""Store setting keys: a secret never reaches the database under any spelling, and a key
the connector does not read is refused with the known ones (issue #13)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, text

from app.cli import main
from app.db.engine import Database
from app.db.models import Channel
from app.domain.errors import InvalidValue, SettingMisspelt, UnknownSetting
from app.domain.permissions import Actor
from app.services.channels import (
    ChannelDraft,
    ChannelEdit,
    add_channel,
    new_secret_ref,
    split_values,
    update_channel,
)
from tests.world import build_world

ADMIN = Actor.system("test")

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.mark.parametrize("typed", [
    "access_token", "ACCESS_TOKEN", "Access-Token", " access_token ", "access token",
    "access.token", "ACCESS-token",
])
def test_a_secret_under_any_spelling_goes_to_the_secrets(typed: str) -> None:
    settings, secrets = split_values("shopify", {typed: "shpat_1", "Page-Size": "5"})
    assert secrets == {"access_token": "shpat_1"}
    assert settings == {"page_size": "5"}


@pytest.mark.parametrize(("platform", "typed", "meant"), [
    ("shopify", "acces_token", "access_token"),
    ("shopify", "accesstoken", "access_token"),
    ("shopify", "client_secrt", "client_secret"),
    ("amazon", "refresh_tokn", "refresh_token"),
    ("tiktok", "app_secrte", "app_secret"),
    ("walmart", "clientid", "client_id"),
])
def test_a_near_miss_of_a_secret_is_refused_with_the_right_key(
    platform: str, typed: str, meant: str
) -> None:
    with pytest.raises(SettingMisspelt) as refused:
        split_values(platform, {typed: "s3cret-value"})
    assert f"did you mean {meant}?" in refused.value.message
    assert "s3cret-value" not in refused.value.message


def test_an_unknown_key_is_refused_with_the_known_ones() -> None:
    with pytest.raises(UnknownSetting) as refused:
        split_values("walmart", {"favourite_colour": "blue"})
    message = refused.value.message
    assert "favourite_colour" in message
    assert "ship_node" in message and "http.timeout" in message and "client_secret" in message


def test_shared_and_keyed_settings_are_known() -> None:
    settings, secrets = split_values("tiktok", {
        "shipping_provider_id.UPS": "7117", "HTTP.Max-Attempts": "3", "app_key": "k"})
    assert settings == {"shipping_provider_id.UPS": "7117", "http.max_attempts": "3",
                        "app_key": "k"}
    assert secrets == {}
    with pytest.raises(UnknownSetting):  # keyed settings belong to TikTok only
        split_values("shopify", {"shipping_provider_id.UPS": "7117"})


def _stored(db: Database) -> str:
    """Everything the channels table holds, as text."""
    with db.reading() as s:
        return json.dumps([list(r) for r in s.execute(text("SELECT * FROM channels"))],
                          default=str)


def _draft(settings: dict[str, str], name: str = "Acme Shopify") -> ChannelDraft:
    return ChannelDraft("shopify", name, "ACME", new_secret_ref(), settings=settings)


def test_add_channel_refuses_secrets_and_unknown_keys_in_settings(db: Database) -> None:
    build_world(db)
    for settings, error in (({"Access-Token": "shpat_leak"}, InvalidValue),
                            ({"acces_token": "shpat_leak"}, SettingMisspelt),
                            ({"colour": "shpat_leak"}, UnknownSetting)):
        with pytest.raises(error), db.writing() as s:
            add_channel(s, _draft(settings), actor=ADMIN)
    assert "shpat_leak" not in _stored(db)
    with db.writing() as s:
        info = add_channel(s, _draft({"Page-Size": "5"}), actor=ADMIN)
    assert info.settings == {"page_size": "5"}


def test_update_channel_refuses_unknown_keys_and_secrets(db: Database) -> None:
    build_world(db)
    with db.writing() as s:
        channel = add_channel(s, _draft({"shop": "acme"}), actor=ADMIN).id
    for settings, error in (({"shop": "acme", "client_secrt": "leak-1"}, SettingMisspelt),
                            ({"shop": "acme", "CLIENT_SECRET": "leak-2"}, InvalidValue),
                            ({"shop": "acme", "banana": "leak-3"}, UnknownSetting)):
        with pytest.raises(error), db.writing() as s:
            update_channel(s, channel, ChannelEdit(settings=settings), actor=ADMIN)
    stored = _stored(db)
    assert "leak-" not in stored
    with db.writing() as s:
        info = update_channel(s, channel, ChannelEdit(settings={" SHOP ": "acme-us"}),
                              actor=ADMIN)
    assert info.settings == {"shop": "acme-us"}


def test_cli_refuses_a_mistyped_secret_and_stores_nothing(db: Database, db_url: str,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    build_world(db)
    code = main(["channels", "add", "--platform", "shopify", "--name", "Acme", "--client",
                 "ACME", "--set", "shop=acme", "--set", "acces_token=shpat_typo",
                 "--db", db_url])
    err = capsys.readouterr().err
    assert code == 1
    assert err == "error: Shopify has no setting acces_token: did you mean access_token?\n"
    with db.reading() as s:
        assert s.scalars(select(Channel.name)).all() == []
    assert "shpat_typo" not in _stored(db)


def test_cli_sends_an_oddly_spelt_secret_to_the_secret_store(db: Database, db_url: str,
                                                            capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    build_world(db)
    code = main(["channels", "add", "--platform", "shopify", "--name", "Acme", "--client",
                 "ACME", "--set", "shop=acme", "--set", " Access-Token =shpat_odd",
                 "--db", db_url, "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["secrets_saved"] == ["access_token"]
    assert out["settings"] == {"shop": "acme"}
    assert "shpat_odd" not in _stored(db)


def test_cli_lists_the_known_keys_for_an_unknown_one(db: Database, db_url: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    build_world(db)
    code = main(["channels", "add", "--platform", "amazon", "--name", "Acme", "--client",
                 "ACME", "--set", "region=us", "--db", db_url])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert "Amazon has no setting region." in err and "marketplace_id" in err
