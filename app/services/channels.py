"""Connected stores (channels): the setup side of platform sync.

Secret values are split off by each connector's ``secret_keys`` and go to the
secret store (``app.secrets``), never into the database; a channel row keeps
only the key of its secret entry. Setting keys are checked against what the
connector reads (its ``required_settings``, ``optional_settings``, ``secret_keys``,
``keyed_settings`` and the shared ``http.*`` options): any other key is refused,
so a mistyped secret (``Access-Token``, ``acces_token``) is never stored in plain
text. A store's SKU mappings are ``sku_mappings``'s.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.channels import CONNECTORS, Platform
from app.channels.http import HTTP_SETTING_KEYS
from app.db.models import Channel, ChannelOrder, ChannelPush, Client
from app.domain.errors import (
    AlreadyExists,
    InvalidValue,
    NotFound,
    SettingMisspelt,
    UnknownSetting,
)
from app.domain.permissions import Actor, Permission, require
from app.domain.stored_errors import read_detail
from app.services.audit import record_audit
from app.services.lookup import client_by_code

DEFAULT_INTERVAL_MINUTES = 15
#: A key this close (edits) to a known one is taken for a typo of it and refused.
NEAR_MISS_DISTANCE = 2
PLATFORMS: tuple[str, ...] = tuple(p.value for p in Platform)


@dataclass(frozen=True)
class ChannelInfo:
    """A store as screens and the CLI show it (no secret values, only their key)."""

    id: int
    name: str
    platform: str
    client_code: str
    base_url: str | None
    settings: dict[str, str]
    enabled: bool
    interval_minutes: int
    safety_buffer: int
    stock_push_minutes: int
    last_sync_at: datetime | None
    next_sync_at: datetime | None
    last_error: str | None
    last_request_id: str | None
    held_orders: int
    failed_pushes: int
    secret_ref: str
    #: ``last_error``'s template and fields, for showing it in the user's language.
    error_template: str | None = None
    error_fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ChannelConfig:
    """What a connector is built from (read in a short transaction, used without one)."""

    id: int
    name: str
    platform: str
    client_id: int
    base_url: str | None
    settings: dict[str, str]
    secret_ref: str
    interval_minutes: int
    safety_buffer: int


@dataclass(frozen=True)
class ChannelDraft:
    """A new store; ``settings`` must already be free of secret keys (see split_values)."""

    platform: str
    name: str
    client_code: str
    secret_ref: str
    base_url: str | None = None
    settings: dict[str, str] = field(default_factory=dict)
    interval_minutes: int = DEFAULT_INTERVAL_MINUTES
    safety_buffer: int = 0
    stock_push_minutes: int = 60
    enabled: bool = True


@dataclass(frozen=True)
class ChannelEdit:
    """Changes to a store; None leaves a field as it is."""

    name: str | None = None
    base_url: str | None = None
    settings: dict[str, str] | None = None
    interval_minutes: int | None = None
    safety_buffer: int | None = None
    stock_push_minutes: int | None = None
    enabled: bool | None = None


def new_secret_ref() -> str:
    """A fresh key for a store's secret entry (random: unique across databases)."""
    return f"channel-{uuid.uuid4().hex}"


def secret_keys(platform: str) -> tuple[str, ...]:
    """Which ``--set`` keys of a platform are secrets."""
    return CONNECTORS[_platform(platform)].secret_keys


def setting_keys(platform: str) -> tuple[tuple[str, ...], dict[str, str]]:
    """(required settings, optional settings with defaults) of a platform's connector."""
    cls = CONNECTORS[_platform(platform)]
    return cls.required_settings, dict(cls.optional_settings)


def known_setting_keys(platform: str) -> tuple[str, ...]:
    """Every plain (non-secret) setting key a platform's connector reads; ``KEY.SUFFIX``
    is also accepted for its ``keyed_settings``."""
    required, optional = setting_keys(platform)
    return (*required, *optional, *HTTP_SETTING_KEYS)


def split_values(
    platform: str, values: Mapping[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Split KEY=VALUE pairs into (settings for the database, secrets for the keyring).

    Keys are normalised first (case, ``-`` or spaces for ``_``, surrounding spaces), so a
    secret under any spelling goes to the keyring; a key the connector does not read is
    refused (:class:`UnknownSetting`, or :class:`SettingMisspelt` when it is close to a
    known key) rather than stored.
    """
    settings: dict[str, str] = {}
    secrets: dict[str, str] = {}
    for raw, value in values.items():
        key, secret = _canonical_key(platform, raw)
        (secrets if secret else settings)[key] = value
    return settings, secrets


def add_channel(session: Session, draft: ChannelDraft, *, actor: Actor) -> ChannelInfo:
    """Create a store; the secrets were saved under ``draft.secret_ref`` beforehand."""
    require(actor, Permission.MANAGE_CHANNELS)
    platform = _platform(draft.platform).value
    name = _name(draft.name)
    if session.scalar(select(Channel.id).where(Channel.name == name)) is not None:
        raise AlreadyExists(kind="Store", key=name)
    settings = _checked_settings(platform, draft.settings)
    _check_numbers(draft.interval_minutes, draft.safety_buffer, draft.stock_push_minutes)
    client = client_by_code(session, draft.client_code)
    channel = Channel(
        platform=platform,
        name=name,
        client_id=client.id,
        base_url=(draft.base_url or "").strip() or None,
        settings=json.dumps(settings, sort_keys=True),
        secret_ref=draft.secret_ref,
        enabled=draft.enabled,
        interval_minutes=draft.interval_minutes,
        safety_buffer=draft.safety_buffer,
        stock_push_minutes=draft.stock_push_minutes,
    )
    session.add(channel)
    session.flush()
    record_audit(session, actor, "create", "channel", channel.id, name=name, platform=platform,
                 client=client.code, base_url=channel.base_url, settings=settings,
                 interval_minutes=draft.interval_minutes, safety_buffer=draft.safety_buffer,
                 stock_push_minutes=draft.stock_push_minutes, enabled=draft.enabled)
    return get_channel(session, channel.id)


def update_channel(
    session: Session, channel_id: int, edit: ChannelEdit, *, actor: Actor
) -> ChannelInfo:
    """Change a store's name, address, settings, schedule or buffer."""
    require(actor, Permission.MANAGE_CHANNELS)
    channel = _get(session, channel_id)
    before = _audited(channel)
    if edit.name is not None:
        name = _name(edit.name)
        clash = session.scalar(
            select(Channel.id).where(Channel.name == name, Channel.id != channel.id)
        )
        if clash is not None:
            raise AlreadyExists(kind="Store", key=name)
        channel.name = name
    if edit.base_url is not None:
        channel.base_url = edit.base_url.strip() or None
    if edit.settings is not None:
        settings = _checked_settings(channel.platform, edit.settings)
        channel.settings = json.dumps(settings, sort_keys=True)
    _check_numbers(
        edit.interval_minutes if edit.interval_minutes is not None else channel.interval_minutes,
        edit.safety_buffer if edit.safety_buffer is not None else channel.safety_buffer,
        edit.stock_push_minutes
        if edit.stock_push_minutes is not None
        else channel.stock_push_minutes,
    )
    if edit.interval_minutes is not None and edit.interval_minutes != channel.interval_minutes:
        channel.interval_minutes = edit.interval_minutes
        channel.next_sync_at = None  # re-plan with the new interval
    if edit.safety_buffer is not None:
        channel.safety_buffer = edit.safety_buffer
    if edit.stock_push_minutes is not None:
        channel.stock_push_minutes = edit.stock_push_minutes
    if edit.enabled is not None:
        channel.enabled = edit.enabled
    after = _audited(channel)
    changed = {k: v for k, v in after.items() if before[k] != v}
    if changed:
        record_audit(session, actor, "edit", "channel", channel.id, **changed)
    session.flush()
    return get_channel(session, channel.id)


def set_channel_enabled(
    session: Session, channel_id: int, enabled: bool, *, actor: Actor
) -> ChannelInfo:
    """Disable (no scheduled syncs or pushes) or enable a store."""
    return update_channel(session, channel_id, ChannelEdit(enabled=enabled), actor=actor)


def list_channels(session: Session) -> list[ChannelInfo]:
    """Every store, by name, with its held-order and failed-push counts."""
    held = dict(
        session.execute(
            select(ChannelOrder.channel_id, func.count())
            .where(ChannelOrder.held_reason.is_not(None), ChannelOrder.order_id.is_(None))
            .group_by(ChannelOrder.channel_id)
        ).all()
    )
    failed = dict(
        session.execute(
            select(ChannelPush.channel_id, func.count())
            .where(ChannelPush.status == "failed")
            .group_by(ChannelPush.channel_id)
        ).all()
    )
    rows = session.execute(
        select(Channel, Client.code).join(Client, Client.id == Channel.client_id).order_by(
            Channel.name
        )
    ).all()
    return [_info(c, code, held.get(c.id, 0), failed.get(c.id, 0)) for c, code in rows]


def get_channel(session: Session, channel_id: int) -> ChannelInfo:
    found = [c for c in list_channels(session) if c.id == channel_id]
    if not found:
        raise NotFound(kind="Store", key=str(channel_id))
    return found[0]


def channel_by_name(session: Session, name: str) -> ChannelInfo:
    """A store by its name (case-insensitive), with a clear error when there is none."""
    wanted = name.strip().lower()
    found = [c for c in list_channels(session) if c.name.lower() == wanted]
    if not found:
        raise NotFound(kind="Store", key=name)
    return found[0]


def channel_config(session: Session, channel_id: int) -> ChannelConfig:
    c = _get(session, channel_id)
    return ChannelConfig(
        c.id, c.name, c.platform, c.client_id, c.base_url, _settings(c.settings), c.secret_ref,
        c.interval_minutes, c.safety_buffer,
    )


# --- internals ----------------------------------------------------------------------------


def _platform(value: str) -> Platform:
    try:
        return Platform(value.strip().lower())
    except ValueError:
        raise InvalidValue(
            field="platform", problem=f"{value!r} is not one of {', '.join(PLATFORMS)}"
        ) from None


def _name(value: str) -> str:
    name = " ".join(value.split())
    if not name:
        raise InvalidValue(field="store name", problem="must not be empty")
    if len(name) > 100:
        raise InvalidValue(field="store name", problem="is longer than 100 characters")
    return name


def _checked_settings(platform: str, settings: Mapping[str, str]) -> dict[str, str]:
    """The settings under their canonical keys; secrets and unknown keys are refused."""
    checked, leaked = split_values(platform, settings)
    if leaked:  # a programming error upstream; never store these in the database
        raise InvalidValue(
            field="settings", problem=f"secret keys {sorted(leaked)} belong in the keyring"
        )
    required, _ = setting_keys(platform)
    missing = [k for k in required if not str(checked.get(k, "")).strip()]
    if missing:
        raise InvalidValue(field="settings", problem=f"{', '.join(missing)} is required")
    return checked


def _canonical_key(platform: str, raw: str) -> tuple[str, bool]:
    """(the key as the connector spells it, whether it is a secret) for a key as typed.

    Raises :class:`SettingMisspelt` for a near miss of a known key (a secret above all)
    and :class:`UnknownSetting` for anything else the connector does not read.
    """
    cls = CONNECTORS[_platform(platform)]
    typed = raw.strip()
    loose = _loose(typed)
    secrets = {_loose(k): k for k in cls.secret_keys}
    if loose in secrets:
        return secrets[loose], True
    head, dot, suffix = typed.partition(".")
    head = _loose(head)
    known = known_setting_keys(platform)
    if dot and head == "http":
        key = f"http.{_loose(suffix)}"
    elif dot and head in cls.keyed_settings and suffix.strip():
        return f"{head}.{suffix.strip()}", False  # the suffix is a carrier name: kept as typed
    else:
        key = loose
    if key in known:
        return key, False
    label = cls.platform.label
    for candidates in (tuple(cls.secret_keys), known):
        near = min(candidates, key=lambda k: _distance(key, k), default="")
        if near and _distance(key, near) <= NEAR_MISS_DISTANCE:
            raise SettingMisspelt(platform=label, key=typed, suggestion=near)
    raise UnknownSetting(
        platform=label, key=typed,
        settings=", ".join((*known, *(f"{k}.<...>" for k in cls.keyed_settings))),
        secrets=", ".join(cls.secret_keys),
    )


def _loose(key: str) -> str:
    """A key with case, spaces, dashes and dots folded away: ``Access-Token`` → access_token."""
    return re.sub(r"[\s\-._]+", "_", key.strip().lower()).strip("_")


def _distance(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions) between two short keys."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _audited(c: Channel) -> dict[str, Any]:
    """What an edit of a store records (settings hold no secrets: they are refused)."""
    return {"name": c.name, "base_url": c.base_url, "settings": _settings(c.settings),
            "interval_minutes": c.interval_minutes, "safety_buffer": c.safety_buffer,
            "stock_push_minutes": c.stock_push_minutes, "enabled": c.enabled}


def _check_numbers(interval: int, buffer: int, stock_minutes: int) -> None:
    if not 1 <= interval <= 24 * 60:
        raise InvalidValue(field="sync interval", problem="must be 1 to 1440 minutes")
    if buffer < 0:
        raise InvalidValue(field="safety buffer", problem="must not be negative")
    if stock_minutes < 0:
        raise InvalidValue(field="stock push interval", problem="must not be negative")


def _get(session: Session, channel_id: int) -> Channel:
    channel = session.get(Channel, channel_id)
    if channel is None:
        raise NotFound(kind="Store", key=str(channel_id))
    return channel


def _settings(text: str) -> dict[str, str]:
    try:
        raw = json.loads(text or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}


def _info(c: Channel, client_code: str, held: int, failed: int) -> ChannelInfo:
    template, fields = read_detail(c.last_error_detail)
    return ChannelInfo(
        c.id, c.name, c.platform, client_code, c.base_url, _settings(c.settings), c.enabled,
        c.interval_minutes, c.safety_buffer, c.stock_push_minutes, c.last_sync_at,
        c.next_sync_at, c.last_error, c.last_request_id, held, failed, c.secret_ref,
        template, fields,
    )

