"""Which label providers exist, what each needs, and the one place that builds them.

Why a table: ``haicang carriers add --provider P --set KEY=VALUE`` and the Settings
dialog validate keys against :data:`PROVIDERS` before anything is saved, and
:func:`make_provider` is the only constructor the services call, so a new provider
is one row here plus its module.

A TikTok carrier account has no credentials of its own: TikTok's label API is the
shop's, so the account names its store (setting ``channel=STORE NAME``) and the
caller passes ``store_lookup`` — a function that loads that store's settings,
secrets and base URL (the services own the database and the keyring; this module
does not).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from app.carriers.base import CarrierError, CarrierProvider
from app.carriers.easypost import EasyPostProvider
from app.carriers.http import MODES
from app.carriers.manual import ManualProvider
from app.carriers.shippo import ShippoProvider
from app.carriers.tiktok_docs import TikTokDocsProvider
from app.channels.http import HTTP_SETTING_KEYS, ConnectorRuntime


@dataclass(frozen=True)
class ProviderSpec:
    """What ``carriers add`` checks for one provider."""

    name: str
    label: str
    #: keys that go to the OS keyring (``--set api_key=…`` is stored there, not in the db)
    secret_keys: tuple[str, ...]
    #: plain settings that must be present
    required_settings: tuple[str, ...] = ()
    #: plain settings that may be present (``http.*`` are accepted for every HTTP provider)
    optional_settings: tuple[str, ...] = ()
    #: True when the provider talks HTTP with its own client (so ``http.*`` apply;
    #: TikTok labels use the store's connector and its settings)
    remote: bool = True

    def allowed_keys(self) -> tuple[str, ...]:
        """Every key ``--set`` may name for this provider."""
        extra = HTTP_SETTING_KEYS if self.remote else ()
        return self.secret_keys + self.required_settings + self.optional_settings + extra


PROVIDERS: dict[str, ProviderSpec] = {
    "easypost": ProviderSpec("easypost", "EasyPost", ("api_key",),
                             optional_settings=("label_format", "find_days")),
    "shippo": ProviderSpec("shippo", "Shippo", ("api_token",),
                           optional_settings=("find_pages",)),
    "tiktok": ProviderSpec("tiktok", "TikTok Shipping", (), required_settings=("channel",),
                           remote=False),
    "manual": ProviderSpec("manual", "Manual", (), remote=False),
}


@dataclass(frozen=True)
class StoreConfig:
    """A store's connector configuration, as the TikTok label provider needs it."""

    name: str
    settings: Mapping[str, str]
    secrets: Mapping[str, str]
    base_url: str | None = None


StoreLookup = Callable[[str], StoreConfig]


def check_config(provider: str, mode: str, settings: Mapping[str, str],
                 secrets: Mapping[str, str]) -> None:
    """Refuse an unknown provider, mode or key, or a missing required one (one line)."""
    spec = PROVIDERS.get(provider)
    if spec is None:
        raise CarrierError(f"unknown provider {provider!r}; one of: {', '.join(PROVIDERS)}")
    if mode not in MODES:
        raise CarrierError(f"mode must be test or production, not {mode!r}")
    allowed = spec.allowed_keys()
    for key in (*settings, *secrets):
        if key not in allowed:
            raise CarrierError(f"{spec.label} has no setting {key!r}; it takes: "
                               f"{', '.join(allowed) or 'none'}")
    for key in spec.required_settings:
        if not settings.get(key, "").strip():
            raise CarrierError(f"{spec.label} needs --set {key}=…")
    for key in spec.secret_keys:
        if not secrets.get(key, "").strip():
            raise CarrierError(f"{spec.label} needs --set {key}=…")


def make_provider(provider: str, *, base_url: str | None, mode: str,
                  settings: Mapping[str, str], secrets: Mapping[str, str],
                  account: str = "", runtime: ConnectorRuntime | None = None,
                  store_lookup: StoreLookup | None = None) -> CarrierProvider:
    """Build the provider of one carrier account (the caller closes it).

    Raises :class:`CarrierError` (or :class:`CarrierAuthError` for a test key on a
    production account and the reverse) before any request is sent.
    """
    check_config(provider, mode, settings, secrets)
    if provider == "easypost":
        return EasyPostProvider(account, api_key=secrets["api_key"], mode=mode,
                                settings=settings, base_url=base_url, runtime=runtime)
    if provider == "shippo":
        return ShippoProvider(account, api_token=secrets["api_token"], mode=mode,
                              settings=settings, base_url=base_url, runtime=runtime)
    if provider == "tiktok":
        if store_lookup is None:
            raise CarrierError("TikTok labels need the TikTok store's configuration")
        store = store_lookup(settings["channel"].strip())
        return TikTokDocsProvider.for_store(store.name, store.settings, store.secrets,
                                            base_url=base_url or store.base_url,
                                            runtime=runtime)
    if provider == "manual":
        return ManualProvider()
    raise CarrierError(f"unknown provider {provider!r}")  # pragma: no cover - table above
