"""A store's SKU mappings: which warehouse SKU a platform SKU stands for.

Adding a mapping releases the orders that were held back because of that platform
SKU (the order import, ``sync_import``, builds them); SKUs matched by code become
automatic mappings there. The store's own settings are ``channels``'s.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import ChannelOrder, Sku, SkuMapping
from app.domain.errors import InvalidValue, NotFound
from app.domain.permissions import Actor, Permission, require
from app.services.audit import record_audit
from app.services.changes import Changes
from app.services.channels import channel_config
from app.services.lookup import sku_by_code
from app.services.sync_import import release_held_orders, resolve_platform_skus


@dataclass(frozen=True)
class SkuMappingInfo:
    id: int
    channel: str
    platform_sku: str
    sku_code: str
    auto: bool
    pushed_quantity: int | None
    pushed_at: datetime | None


@dataclass(frozen=True)
class UnmappedSku:
    """A platform SKU that holds orders back until it is mapped."""

    platform_sku: str
    orders: int


@dataclass(frozen=True)
class MappingResult:
    mapping: SkuMappingInfo
    released_orders: list[str]
    changes: Changes = Changes.ORDERS | Changes.CATALOG


def map_sku(
    session: Session, channel_id: int, platform_sku: str, sku_code: str, *, actor: Actor
) -> MappingResult:
    """Map a platform SKU to one of the client's SKUs, then release orders it held back."""
    require(actor, Permission.MANAGE_CHANNELS)
    channel = channel_config(session, channel_id)
    text = platform_sku.strip()
    if not text:
        raise InvalidValue(field="platform SKU", problem="must not be empty")
    sku = sku_by_code(session, channel.client_id, sku_code)
    mapping = session.scalar(
        select(SkuMapping).where(
            SkuMapping.channel_id == channel.id, SkuMapping.platform_sku == text
        )
    )
    if mapping is None:
        mapping = SkuMapping(channel_id=channel.id, platform_sku=text, sku_id=sku.id, auto=False)
        session.add(mapping)
    else:
        mapping.sku_id, mapping.auto, mapping.pushed_quantity = sku.id, False, None
    session.flush()
    record_audit(session, actor, "map_sku", "sku_mapping", mapping.id, channel=channel.name,
                 platform_sku=text, sku=sku.code)
    released = release_held_orders(session, channel.id, actor=actor)
    info = _mapping_info(channel.name, mapping, sku.code)
    return MappingResult(info, released)


def delete_sku_mapping(session: Session, mapping_id: int, *, actor: Actor) -> None:
    require(actor, Permission.MANAGE_CHANNELS)
    mapping = session.get(SkuMapping, mapping_id)
    if mapping is None:
        raise NotFound(kind="SKU mapping", key=str(mapping_id))
    channel = channel_config(session, mapping.channel_id)
    sku_code = session.scalar(select(Sku.code).where(Sku.id == mapping.sku_id))
    record_audit(session, actor, "unmap_sku", "sku_mapping", mapping.id, channel=channel.name,
                 platform_sku=mapping.platform_sku, sku=sku_code)
    session.delete(mapping)


def list_sku_mappings(session: Session, channel_id: int) -> list[SkuMappingInfo]:
    channel = channel_config(session, channel_id)
    rows = session.execute(
        select(SkuMapping, Sku.code)
        .join(Sku, Sku.id == SkuMapping.sku_id)
        .where(SkuMapping.channel_id == channel.id)
        .order_by(SkuMapping.platform_sku)
    ).all()
    return [_mapping_info(channel.name, m, code) for m, code in rows]


def unmapped_skus(session: Session, channel_id: int) -> list[UnmappedSku]:
    """Platform SKUs of held orders that no mapping or SKU code covers yet."""
    counts: Counter[str] = Counter()
    for payload in session.scalars(
        select(ChannelOrder.payload).where(
            ChannelOrder.channel_id == channel_id,
            ChannelOrder.order_id.is_(None),
            ChannelOrder.held_reason.like("unmapped SKU%"),
        )
    ):
        skus = {str(line.get("sku", "")) for line in json.loads(payload or "{}").get("lines", [])}
        counts.update(skus)
    if not counts:
        return []
    channel = channel_config(session, channel_id)
    known = resolve_platform_skus(session, channel.id, channel.client_id, counts.keys())
    return [UnmappedSku(s, n) for s, n in sorted(counts.items()) if s not in known]


def _mapping_info(channel: str, m: SkuMapping, sku_code: str) -> SkuMappingInfo:
    return SkuMappingInfo(
        m.id, channel, m.platform_sku, sku_code, m.auto, m.pushed_quantity, m.pushed_at
    )
