"""Marketplace connectors (HTTP only) and the normalised order model.

``create_connector`` is the one entry point the app needs: it builds the
connector for a platform from per-store ``settings`` (KEY=VALUE strings) and
``secrets`` (from the OS keyring). ``CONNECTORS`` lists each class, whose
``required_settings`` / ``optional_settings`` / ``secret_keys`` describe what
the Channels screen and ``haicang channels add --set`` must collect.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.channels.amazon import AmazonConnector
from app.channels.base import (
    AuthError,
    BadResponse,
    ChannelError,
    ClockRejected,
    ConfigError,
    Connector,
    PlatformError,
    RateLimited,
    SyncCancelled,
    TransientError,
)
from app.channels.http import (
    Clock,
    ConnectorRuntime,
    HttpOptions,
    RateLimiterRegistry,
    SystemClock,
)
from app.channels.normalized import (
    Buyer,
    FetchPage,
    OrderStatus,
    Platform,
    PlatformOrder,
    PushResult,
    ShipmentLine,
    StockLevel,
)
from app.channels.shopify import ShopifyConnector
from app.channels.tiktok import TikTokConnector
from app.channels.walmart import WalmartConnector

ConnectorClass = (
    type[ShopifyConnector] | type[AmazonConnector] | type[WalmartConnector] | type[TikTokConnector]
)

CONNECTORS: dict[Platform, ConnectorClass] = {
    Platform.SHOPIFY: ShopifyConnector,
    Platform.AMAZON: AmazonConnector,
    Platform.WALMART: WalmartConnector,
    Platform.TIKTOK: TikTokConnector,
}


def create_connector(
    platform: Platform | str,
    store: str,
    settings: Mapping[str, str],
    secrets: Mapping[str, str],
    *,
    base_url: str | None = None,
    runtime: ConnectorRuntime | None = None,
) -> Connector:
    """Build the connector for ``platform``; raises ``ConfigError`` on missing settings."""
    try:
        cls = CONNECTORS[Platform(platform)]
    except ValueError:
        raise ConfigError(
            store=store, key="platform", detail=f"unknown platform {platform!r}"
        ) from None
    return cls(store, settings, secrets, base_url=base_url, runtime=runtime)


__all__ = [
    "CONNECTORS",
    "AmazonConnector",
    "AuthError",
    "BadResponse",
    "Buyer",
    "ChannelError",
    "Clock",
    "ClockRejected",
    "ConfigError",
    "Connector",
    "ConnectorRuntime",
    "FetchPage",
    "HttpOptions",
    "OrderStatus",
    "Platform",
    "PlatformError",
    "PlatformOrder",
    "PushResult",
    "RateLimited",
    "RateLimiterRegistry",
    "ShipmentLine",
    "ShopifyConnector",
    "StockLevel",
    "SyncCancelled",
    "SystemClock",
    "TikTokConnector",
    "TransientError",
    "WalmartConnector",
    "create_connector",
]
