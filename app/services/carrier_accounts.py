"""The warehouse's carrier accounts (EasyPost, Shippo, TikTok package documents, manual).

Like a connected store (``app/services/channels.py``), an account's secret (EasyPost
``api_key``, Shippo ``api_token``) goes to the OS keyring (``app.secrets``) under the
account's ``secret_ref``, never to the database; ``settings`` keeps only non-secret
options. Keys are checked against what the provider reads (:func:`provider_keys`): a
mistyped secret (``apikey``, ``api-tokn``) is refused rather than stored in plain text.

Adding an account is two steps, as for stores: the caller splits the typed values
(:func:`split_values`), saves the secrets under :func:`new_secret_ref`, then calls
:func:`add_carrier_account` in a write transaction (and deletes the secrets again if
that fails).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.carriers.providers import PROVIDERS
from app.channels.http import HTTP_SETTING_KEYS
from app.db.models.shipping import CarrierAccount
from app.domain.errors import (
    AlreadyExists,
    InvalidValue,
    NotFound,
    SettingMisspelt,
    UnknownSetting,
)
from app.domain.permissions import Actor, Permission, require
from app.secrets import SecretStore
from app.services.audit import record_audit
from app.services.channels import NEAR_MISS_DISTANCE, _distance, _loose

MODES: tuple[str, ...] = ("test", "production")
ACCOUNT_KIND = "Carrier account"


@dataclass(frozen=True)
class ProviderKeys:
    """What one provider reads from an account: secrets, required and optional settings."""

    label: str
    secret_keys: tuple[str, ...] = ()
    required_settings: tuple[str, ...] = ()
    optional_settings: tuple[str, ...] = ()


def provider_keys() -> dict[str, ProviderKeys]:
    """Every provider and the keys its adapter reads, by provider name (with the shared
    ``http.*`` options for those that talk HTTP), from the adapters' own table
    (``app/carriers/providers.py``): a key an adapter starts reading is accepted here."""
    return {name: ProviderKeys(spec.label, spec.secret_keys, spec.required_settings,
                               (*spec.optional_settings,
                                *(HTTP_SETTING_KEYS if spec.remote else ())))
            for name, spec in PROVIDERS.items()}


@dataclass(frozen=True)
class CarrierAccountInfo:
    """An account as screens and the CLI show it (no secret values)."""

    id: int
    provider: str
    name: str
    base_url: str | None
    mode: str
    enabled: bool
    settings: dict[str, str]
    #: Whether the account's secret is saved; None when no secret store was consulted.
    secret_saved: bool | None
    secret_ref: str


@dataclass(frozen=True)
class CarrierAccountConfig:
    """What a provider adapter is built from (read in a short transaction, used outside)."""

    id: int
    provider: str
    name: str
    base_url: str | None
    mode: str
    settings: dict[str, str]
    secret_ref: str


@dataclass(frozen=True)
class CarrierAccountDraft:
    """A new account; ``settings`` must already be free of secrets (see split_values)."""

    provider: str
    name: str
    secret_ref: str
    base_url: str | None = None
    mode: str = "test"
    settings: dict[str, str] = field(default_factory=dict)
    enabled: bool = True


@dataclass(frozen=True)
class CarrierAccountEdit:
    """Changes to an account; None leaves a field as it is."""

    name: str | None = None
    base_url: str | None = None
    mode: str | None = None
    settings: dict[str, str] | None = None
    enabled: bool | None = None


def new_secret_ref() -> str:
    """A fresh key for an account's keyring entry (random: unique across databases)."""
    return f"carrier-{uuid.uuid4().hex}"


def split_values(
    provider: str, values: Mapping[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Split ``--set`` KEY=VALUE pairs into (settings for the database, secrets for the
    keyring); a key the provider does not read is refused, never stored."""
    keys = _keys(provider)
    settings: dict[str, str] = {}
    secrets: dict[str, str] = {}
    for raw, value in values.items():
        key, secret = _canonical_key(keys, raw)
        (secrets if secret else settings)[key] = value
    return settings, secrets


def add_carrier_account(
    session: Session, draft: CarrierAccountDraft, *, actor: Actor
) -> CarrierAccountInfo:
    """Create an account; its secrets were saved under ``draft.secret_ref`` beforehand."""
    require(actor, Permission.MANAGE_CARRIERS)
    provider = _provider(draft.provider)
    name = _name(draft.name)
    if _name_taken(session, name, None):
        raise AlreadyExists(kind=ACCOUNT_KIND, key=name)
    settings = _checked_settings(provider, draft.settings)
    account = CarrierAccount(
        provider=provider, name=name, base_url=(draft.base_url or "").strip() or None,
        mode=_mode(draft.mode), settings=json.dumps(settings, sort_keys=True),
        secret_ref=draft.secret_ref, enabled=draft.enabled,
    )
    session.add(account)
    session.flush()
    record_audit(session, actor, "create", "carrier_account", account.id, name=name,
                 provider=provider, base_url=account.base_url, mode=account.mode,
                 settings=settings, enabled=account.enabled)
    return _info(account, None)


def update_carrier_account(
    session: Session, account_id: int, edit: CarrierAccountEdit, *, actor: Actor
) -> CarrierAccountInfo:
    """Change an account's name, address, mode, settings or whether it is used."""
    require(actor, Permission.MANAGE_CARRIERS)
    account = _get(session, account_id)
    before = _audited(account)
    if edit.name is not None:
        name = _name(edit.name)
        if _name_taken(session, name, account.id):
            raise AlreadyExists(kind=ACCOUNT_KIND, key=name)
        account.name = name
    if edit.base_url is not None:
        account.base_url = edit.base_url.strip() or None
    if edit.mode is not None:
        account.mode = _mode(edit.mode)
    if edit.settings is not None:
        account.settings = json.dumps(
            _checked_settings(account.provider, edit.settings), sort_keys=True)
    if edit.enabled is not None:
        account.enabled = edit.enabled
    changed = {k: v for k, v in _audited(account).items() if before[k] != v}
    if changed:
        record_audit(session, actor, "edit", "carrier_account", account.id, **changed)
    session.flush()
    return _info(account, None)


def set_carrier_account_enabled(
    session: Session, account_id: int, enabled: bool, *, actor: Actor
) -> CarrierAccountInfo:
    """Stop (or resume) buying labels through an account; its labels stay as they are."""
    return update_carrier_account(
        session, account_id, CarrierAccountEdit(enabled=enabled), actor=actor)


def list_carrier_accounts(
    session: Session, secrets: SecretStore | None = None
) -> list[CarrierAccountInfo]:
    """Every account by name; with ``secrets``, whether each one's secret is saved."""
    accounts = session.scalars(select(CarrierAccount).order_by(CarrierAccount.name)).all()
    return [_info(a, secrets) for a in accounts]


def carrier_account_by_name(session: Session, name: str) -> CarrierAccountInfo:
    """An account by its name (case-insensitive), with a clear error when there is none."""
    wanted = " ".join(name.split()).lower()
    for account in list_carrier_accounts(session):
        if account.name.lower() == wanted:
            return account
    raise NotFound(kind=ACCOUNT_KIND, key=name)


def carrier_account_config(session: Session, account_id: int) -> CarrierAccountConfig:
    a = _get(session, account_id)
    return CarrierAccountConfig(a.id, a.provider, a.name, a.base_url, a.mode,
                                _settings(a.settings), a.secret_ref)


def required_secrets(provider: str) -> tuple[str, ...]:
    """The secret keys a provider cannot work without (checked before a label is bought)."""
    return _keys(provider).secret_keys


# --- internals ----------------------------------------------------------------------------


def _keys(provider: str) -> ProviderKeys:
    return provider_keys()[_provider(provider)]


def _provider(value: str) -> str:
    known = provider_keys()
    name = value.strip().lower()
    if name not in known:
        raise InvalidValue(field="provider", problem=f"{value!r} is not one of "
                           f"{', '.join(sorted(known))}")
    return name


def _name_taken(session: Session, name: str, other_than: int | None) -> bool:
    """Names are looked up case-insensitively (``carriers edit --name``), so they are
    unique that way too."""
    query = select(CarrierAccount.id).where(func.lower(CarrierAccount.name) == name.lower())
    if other_than is not None:
        query = query.where(CarrierAccount.id != other_than)
    return session.scalar(query) is not None


def _mode(value: str) -> str:
    mode = value.strip().lower()
    if mode not in MODES:
        raise InvalidValue(field="mode", problem=f"{value!r} is not one of {', '.join(MODES)}")
    return mode


def _name(value: str) -> str:
    name = " ".join(value.split())
    if not name:
        raise InvalidValue(field="name", problem="must not be empty")
    if len(name) > 100:
        raise InvalidValue(field="name", problem="is longer than 100 characters")
    return name


def _canonical_key(keys: ProviderKeys, raw: str) -> tuple[str, bool]:
    """(the key as the provider spells it, whether it is a secret) for a key as typed."""
    typed = raw.strip()
    loose = _loose(typed)
    secrets = {_loose(k): k for k in keys.secret_keys}
    if loose in secrets:
        return secrets[loose], True
    plain = (*keys.required_settings, *keys.optional_settings)
    head, dot, suffix = typed.partition(".")
    key = f"http.{_loose(suffix)}" if dot and _loose(head) == "http" else loose
    if key in plain:
        return key, False
    for candidates in (keys.secret_keys, plain):
        near = min(candidates, key=lambda k: _distance(key, k), default="")
        if near and _distance(key, near) <= NEAR_MISS_DISTANCE:
            raise SettingMisspelt(platform=keys.label, key=typed, suggestion=near)
    raise UnknownSetting(platform=keys.label, key=typed, settings=", ".join(plain) or "-",
                         secrets=", ".join(keys.secret_keys) or "-")


def _checked_settings(provider: str, settings: Mapping[str, str]) -> dict[str, str]:
    checked, leaked = split_values(provider, settings)
    if leaked:  # a programming error upstream; never store these in the database
        raise InvalidValue(field="settings",
                           problem=f"secret keys {sorted(leaked)} belong in the keyring")
    missing = [k for k in _keys(provider).required_settings if not checked.get(k, "").strip()]
    if missing:
        raise InvalidValue(field="settings", problem=f"{', '.join(missing)} is required")
    return checked


def _settings(text: str) -> dict[str, str]:
    try:
        raw = json.loads(text or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}


def _audited(a: CarrierAccount) -> dict[str, object]:
    return {"name": a.name, "base_url": a.base_url, "mode": a.mode,
            "settings": _settings(a.settings), "enabled": a.enabled}


def _get(session: Session, account_id: int) -> CarrierAccount:
    account = session.get(CarrierAccount, account_id)
    if account is None:
        raise NotFound(kind=ACCOUNT_KIND, key=str(account_id))
    return account


def _info(a: CarrierAccount, secrets: SecretStore | None) -> CarrierAccountInfo:
    saved: bool | None = None
    if secrets is not None:
        needed = _keys(a.provider).secret_keys
        stored = secrets.get(a.secret_ref) if needed else {}
        saved = all(stored.get(k) for k in needed)
    return CarrierAccountInfo(a.id, a.provider, a.name, a.base_url, a.mode, a.enabled,
                              _settings(a.settings), saved, a.secret_ref)
