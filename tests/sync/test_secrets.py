"""Secrets go to the keyring, or to a private file when there is none; never to the database."""

from __future__ import annotations

import stat
from pathlib import Path

from keyring.backends import fail

from app.db.engine import Database
from app.secrets import SERVICE, SecretStore
from app.services.channels import list_channels
from app.services.sync_env import SyncEnvironment
from tests.sync.conftest import MemoryKeyring, add_store
from tests.sync.harness import HARNESSES, Harness


def test_keyring_backend_holds_one_entry_per_store(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store = SecretStore(backend, tmp_path / "secrets.json")
    assert store.uses_keyring and store.fallback_reason is None
    store.set("channel-a", {"access_token": "shpat_1", "empty": ""})
    store.update("channel-a", {"refresh_token": "r2"})
    assert store.get("channel-a") == {"access_token": "shpat_1", "refresh_token": "r2"}
    assert list(backend.entries) == [(SERVICE, "channel-a")]
    assert not (tmp_path / "secrets.json").exists()
    store.delete("channel-a")
    assert store.get("channel-a") == {} and backend.entries == {}


def test_without_a_keyring_backend_secrets_go_to_a_private_file(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "secrets.json"
    store = SecretStore(fail.Keyring(), path)
    assert not store.uses_keyring
    assert store.fallback_reason is not None and str(path) in store.fallback_reason
    store.set("channel-a", {"client_secret": "s3cret"})
    store.set("channel-b", {"client_secret": "other"})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert SecretStore(fail.Keyring(), path).get("channel-a") == {"client_secret": "s3cret"}
    store.delete("channel-a")
    assert SecretStore(fail.Keyring(), path).get("channel-a") == {}
    assert store.get("channel-b") == {"client_secret": "other"}


def test_store_secrets_never_reach_the_database(
    env: SyncEnvironment, world: Database, db_url: str, clock: object
) -> None:
    harnesses: list[Harness] = [cls(clock) for cls in HARNESSES.values()]  # type: ignore[arg-type]
    try:
        for h in harnesses:
            add_store(env, h, name=f"{h.platform} shop")
            secrets = {k: v for k, v in h.values(3).items() if k in ("access_token",
                       "client_secret", "refresh_token", "app_secret")}
            with world.reading() as s:
                info = next(c for c in list_channels(s) if c.platform == h.platform)
            assert env.secrets.get(info.secret_ref).items() >= secrets.items()
            assert not set(secrets) & set(info.settings)
    finally:
        for h in harnesses:
            h.stop()
    with world.engine.connect() as conn:
        dump = " ".join(str(row) for table in ("channels", "channel_cursors", "sku_mappings")
                        for row in conn.exec_driver_sql(f"SELECT * FROM {table}"))
    for secret in ("shpat_test", "amzn-secret", "Atzr|refresh", "wm-secret", "test_secret",
                   "TTP_initial"):
        assert secret not in dump
