"""The base class of the four HTTP connectors: their shared constructor and error helpers.

It lives apart from :mod:`app.channels.base` because it builds an ``ApiSession``:
``http`` imports ``base`` (for the errors), so the class that needs both sits one
level above them, below the connectors.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any, ClassVar, Self

import httpx

from app.channels.base import BadResponse, PlatformError
from app.channels.http import (
    ApiRequest,
    ApiSession,
    BucketSpec,
    ConnectorRuntime,
    Reply,
    TokenBucket,
)
from app.channels.normalized import Platform


class ConnectorBase(ABC):
    """What the four connectors share: the store, its settings and secrets, the run's
    runtime, one ``ApiSession`` with the connector as its hooks; ``with connector:``
    closes the HTTP client on exit, and every error they raise names the platform and
    the store."""

    platform: ClassVar[Platform]
    #: Settings that take a suffix, ``KEY.SUFFIX`` (TikTok's ``shipping_provider_id.UPS``).
    keyed_settings: ClassVar[tuple[str, ...]] = ()
    #: Opened by each connector's constructor once its settings are checked.
    session: ApiSession

    def __init__(
        self,
        store: str,
        settings: Mapping[str, str],
        secrets: Mapping[str, str],
        runtime: ConnectorRuntime | None,
    ) -> None:
        """Copies of ``settings`` and ``secrets``: a token refresh updates this
        connector's secrets, never the caller's mapping."""
        self.store = store
        self._settings = dict(settings)
        self._secrets = dict(secrets)
        self._runtime = runtime or ConnectorRuntime()
        self._on_secrets_changed = self._runtime.on_secrets_changed

    def _open_session(
        self, base_url: str, limits: Mapping[str, BucketSpec], default_limit: BucketSpec
    ) -> ApiSession:
        """The one HTTP session, rate-limited by the documented ``limits`` (the store's
        ``rate_limit.*`` and ``http.*`` settings override them)."""
        return ApiSession(
            platform=self.platform.label,
            store=self.store,
            base_url=base_url,
            hooks=self,
            limits=limits,
            default_limit=default_limit,
            settings=self._settings,
            runtime=self._runtime,
        )

    # -- the session's hooks (SessionHooks), each platform's own -----------------------

    @abstractmethod
    def authorize(self, request: ApiRequest) -> ApiRequest:
        """Add auth headers / signature (ensuring a fresh token) when ``request.auth``."""

    @abstractmethod
    def interpret(self, request: ApiRequest, response: httpx.Response) -> Reply:
        """Turn a response into a ``Reply`` or raise the matching ``ChannelError``."""

    @abstractmethod
    def refresh_auth(self) -> None:
        """Drop and re-obtain tokens after the platform said they expired."""

    @abstractmethod
    def observe(self, request: ApiRequest, response: httpx.Response, bucket: TokenBucket) -> None:
        """Adapt the bucket from the platform's rate headers."""

    # -- life and errors ---------------------------------------------------------------

    def close(self) -> None:
        """Close the HTTP client."""
        self.session.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _where(self, request_id: str = "") -> dict[str, Any]:
        """The fields of a ``ChannelError`` raised for this store."""
        return {"platform": self.platform.label, "store": self.store, "request_id": request_id}

    def _bad(self, detail: str, request_id: str) -> BadResponse:
        return BadResponse(detail=detail, **self._where(request_id))

    def _rejected(self, code: str, message: str) -> PlatformError:
        return PlatformError(code=code, platform_message=message, **self._where())
