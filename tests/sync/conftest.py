"""Fixtures for sync tests: a warehouse, a fake platform per connector, a sync environment."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from keyring.backend import KeyringBackend

from app.channels import HttpOptions, RateLimiterRegistry
from app.db.engine import Database
from app.domain.permissions import Actor
from app.secrets import SecretStore
from app.services.channels import ChannelDraft, add_channel, new_secret_ref, split_values
from app.services.sync_env import SyncEnvironment
from tests.fakes.platforms import VirtualClock
from tests.sync.harness import HARNESSES, PLATFORMS, Harness
from tests.world import build_world, receive

FAST = HttpOptions(timeout=10.0, connect_timeout=5.0, max_attempts=12, max_throttle_waits=60)
STORM = HttpOptions(timeout=0.25, connect_timeout=5.0, max_attempts=15, max_throttle_waits=80)


class MemoryKeyring(KeyringBackend):
    """Stands in for the OS keyring (outside world) in tests."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock(datetime(2026, 3, 1, 12, 0, tzinfo=UTC))


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def world(db: Database) -> Database:
    """Two clients with SKUs; ACME has 100 MUG and 100 CUP sellable, 7 MUG damaged."""
    build_world(db)
    receive(db, "MUG", 100)
    receive(db, "CUP", 100, bin_code="A-01-01-02")
    receive(db, "MUG", 7, bin_code="DMG-01")
    return db


def make_env(db: Database, clock: VirtualClock, backend: KeyringBackend,
             http: HttpOptions = FAST) -> SyncEnvironment:
    return SyncEnvironment(db, SecretStore(backend), RateLimiterRegistry(clock), clock, http)


@pytest.fixture
def env(world: Database, clock: VirtualClock, keyring_backend: MemoryKeyring
        ) -> SyncEnvironment:
    return make_env(world, clock, keyring_backend)


@pytest.fixture(params=PLATFORMS)
def harness(request: pytest.FixtureRequest, clock: VirtualClock) -> Iterator[Harness]:
    h = HARNESSES[request.param](clock)
    yield h
    h.stop()


def add_store(env: SyncEnvironment, harness: Harness, *, page_size: int = 3,
              name: str | None = None, buffer: int = 0, **extra: Any) -> int:
    """Create a store for ACME on the harness's fake, secrets in the keyring."""
    settings, secrets = split_values(harness.platform, {**harness.values(page_size), **extra})
    ref = new_secret_ref()
    env.secrets.set(ref, secrets)
    draft = ChannelDraft(harness.platform, name or f"{harness.platform}-store", "ACME", ref,
                         base_url=harness.fake.url, settings=settings, safety_buffer=buffer)
    with env.db.writing() as s:
        return add_channel(s, draft, actor=Actor.system("test")).id
