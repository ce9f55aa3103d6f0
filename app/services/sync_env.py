"""The environment every sync and push runs in, shared once per app or process.

Its own module because both the order sync (``sync``) and the push sender
(``channel_push``) build connectors from it, and neither should import the other.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import timedelta

from app.channels import (
    Clock,
    Connector,
    ConnectorRuntime,
    HttpOptions,
    RateLimiterRegistry,
    SystemClock,
    create_connector,
)
from app.db.engine import Database
from app.domain.permissions import Actor
from app.secrets import SecretStore
from app.services.channels import ChannelConfig
from app.services.sync_leases import default_holder

DEFAULT_OVERLAP = timedelta(minutes=10)
DEFAULT_LEASE_SECONDS = 900.0


@dataclass
class SyncEnvironment:
    """Everything a sync or push needs from the process: shared once per app/process."""

    db: Database
    secrets: SecretStore
    limiter: RateLimiterRegistry
    clock: Clock
    http: HttpOptions | None = None
    holder: str = field(default_factory=default_holder)
    lease_seconds: float = DEFAULT_LEASE_SECONDS
    overlap: timedelta = DEFAULT_OVERLAP
    #: Who the sync acts as: the machine's administrator in the background, the user for
    #: a sync someone asked for on the command line.
    actor: Actor = field(default_factory=lambda: Actor.system("sync"))
    #: Reserve stock for new orders after each page (off: they wait as "new" for `allocate`).
    allocate: bool = True

    @classmethod
    def create(cls, db: Database, *, secrets: SecretStore | None = None,
               clock: Clock | None = None, http: HttpOptions | None = None,
               actor: Actor | None = None) -> SyncEnvironment:
        clock = clock or SystemClock()
        return cls(db, secrets or SecretStore(), RateLimiterRegistry(clock), clock, http,
                   actor=actor or Actor.system("sync"))

    def connector(self, config: ChannelConfig, cancel: threading.Event | None = None
                  ) -> Connector:
        """Build the store's connector; refreshed tokens go back to the secret store."""
        ref = config.secret_ref

        def save(changed: dict[str, str]) -> None:
            self.secrets.update(ref, changed)

        runtime = ConnectorRuntime(self.http, self.clock, cancel, self.limiter, save)
        return create_connector(config.platform, config.name, config.settings,
                                self.secrets.get(ref), base_url=config.base_url,
                                runtime=runtime)
