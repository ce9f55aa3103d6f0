"""The app's :data:`~app.services.label_quotes.ProviderSource`: a carrier account's
provider built with its secrets from the secret store (``app.carriers.providers``).

A TikTok account buys with its store's credentials, so its provider is given a lookup
of that store's settings and secrets; the store is read when the provider needs it.
"""

from __future__ import annotations

from app.carriers.base import CarrierProvider
from app.carriers.providers import StoreConfig, make_provider
from app.channels.http import ConnectorRuntime
from app.db.engine import Database
from app.secrets import SecretStore
from app.services.carrier_accounts import CarrierAccountConfig
from app.services.channels import channel_by_name, channel_config
from app.services.label_quotes import ProviderPool
from app.services.run import run_read


def provider_source(db: Database, secrets: SecretStore,
                    runtime: ConnectorRuntime | None = None) -> ProviderPool:
    """Each account's provider, built on first use and kept (close the pool when done)."""

    def store(name: str) -> StoreConfig:
        config = run_read(db, lambda s: channel_config(s, channel_by_name(s, name).id))
        return StoreConfig(config.name, config.settings, secrets.get(config.secret_ref),
                           config.base_url)

    def build(account: CarrierAccountConfig) -> CarrierProvider:
        return make_provider(account.provider, base_url=account.base_url, mode=account.mode,
                             settings=account.settings, secrets=secrets.get(account.secret_ref),
                             account=account.name, runtime=runtime, store_lookup=store)

    return ProviderPool(build)
