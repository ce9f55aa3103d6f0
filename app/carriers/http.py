"""The HTTP discipline every label provider shares, borrowed from ``app/channels``.

Why reuse :class:`app.channels.http.ApiSession`: one httpx client per carrier
account, timeouts, capped backoff on 5xx/timeouts and ``Retry-After`` on 429 are
the same problem the platforms had. What differs is the contract with the
services: a provider raises :mod:`app.carriers.base` errors, and a purchase is
never retried blindly — a ``buy`` request is sent with ``idempotent=False``, so a
timeout or a 5xx after it may have reached the carrier surfaces as
:class:`CarrierUnavailable` and the service looks the label up by its reference.
(429 is retried even then: the carrier refused the request before doing anything.)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import httpx

from app.carriers.base import (
    CarrierAuthError,
    CarrierError,
    CarrierUnavailable,
)
from app.channels.base import (
    AuthError,
    ChannelError,
    ConfigError,
    RateLimited,
    TransientError,
)
from app.channels.http import (
    ApiRequest,
    ApiSession,
    BucketSpec,
    ConnectorRuntime,
    Reply,
    TokenBucket,
    parse_json,
    retry_after_seconds,
)

#: Neither EasyPost nor Shippo publishes a hard per-second limit for these calls;
#: a modest client-side bucket keeps a burst of retries polite.
_DEFAULT_LIMIT = BucketSpec(10.0, 20)

#: Turns a provider's refusal (operation, HTTP status, decoded body) into the right
#: :class:`CarrierError`: one per provider.
ErrorMapper = Callable[[str, int, Any], CarrierError]

#: Account modes (a setting of the carrier account).
MODES = ("test", "production")


def check_key_mode(provider: str, mode: str, key: str, *, test_prefix: str,
                   live_prefix: str) -> None:
    """Refuse a test key on a production account and the reverse, before any call.

    Why: a test key on a production account silently "buys" labels no carrier will
    scan; a live key on a test account spends real money in a rehearsal.
    """
    if mode not in MODES:
        raise CarrierAuthError(f"{provider}: mode must be test or production, not {mode!r}")
    if mode == "production" and key.startswith(test_prefix):
        raise CarrierAuthError(
            f"{provider}: this account is in production mode but the key is a test key "
            f"({test_prefix}…); use the production key or set mode=test")
    if mode == "test" and key.startswith(live_prefix):
        raise CarrierAuthError(
            f"{provider}: this account is in test mode but the key is a production key "
            f"({live_prefix}…); use the test key or set mode=production")


def whole_number(provider: str, settings: Mapping[str, str], key: str, default: int,
                 *, low: int, high: int) -> int:
    """An integer setting of a carrier account within bounds (one clear line if not)."""
    raw = settings.get(key, "").strip()
    try:
        value = int(raw) if raw else default
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise CarrierError(f"{provider}: setting {key} must be a whole number from {low} to "
                           f"{high}, not {raw!r}")
    return value


class CarrierSession:
    """One :class:`ApiSession` for one carrier account, speaking carrier errors.

    ``auth_headers`` go on every API call (never on label downloads, which are
    pre-signed file URLs). ``errors`` turns a refused answer (status >= 400 that is
    not 429/5xx) into the right :class:`CarrierError`.
    """

    def __init__(self, *, provider: str, account: str, base_url: str,
                 auth_headers: Mapping[str, str], settings: Mapping[str, str],
                 runtime: ConnectorRuntime | None,
                 errors: ErrorMapper) -> None:
        self.provider = provider
        self._auth = dict(auth_headers)
        self._errors = errors
        try:
            self.session = ApiSession(
                platform=provider, store=account, base_url=base_url, hooks=self,
                limits={}, default_limit=_DEFAULT_LIMIT, settings=settings,
                runtime=runtime or ConnectorRuntime(),
            )
        except ConfigError as exc:  # a bad http.* setting
            raise CarrierError(f"{provider}: setting {exc.fields.get('key')} is invalid "
                               f"({exc.fields.get('detail')})") from None

    # -- calls ----------------------------------------------------------------------

    def call(self, method: str, path: str, operation: str, *, body: Any = None,
             params: Sequence[tuple[str, str]] = (), idempotent: bool = True) -> Any:
        """Send one API request and return its decoded JSON."""
        content = None if body is None else json.dumps(body).encode()
        headers = {"Content-Type": "application/json"} if content is not None else {}
        request = ApiRequest(method, path, operation, params=tuple(params), content=content,
                             headers=headers, idempotent=idempotent)
        return self._send(request).data

    def download(self, url: str) -> bytes:
        """A label or form file, exactly the bytes the carrier stored."""
        request = ApiRequest("GET", url, "download", auth=False,
                             headers={"Accept": "*/*"})
        data = self._send(request).data
        if not isinstance(data, bytes) or not data:
            raise CarrierUnavailable(f"{self.provider}: the label file at {url} was empty")
        return data

    def close(self) -> None:
        """Close the HTTP client."""
        self.session.close()

    def _send(self, request: ApiRequest) -> Reply:
        try:
            return self.session.send(request)
        except AuthError as exc:
            raise CarrierAuthError(
                f"{self.provider} refused the API key (missing, wrong or expired)",
                detail=str(exc)) from None
        except ChannelError as exc:  # timeouts, 5xx, throttling past the cap, junk
            raise CarrierUnavailable(
                f"{self.provider} did not answer in time or is unavailable; try again",
                detail=str(exc)) from None

    # -- SessionHooks -----------------------------------------------------------------

    def authorize(self, request: ApiRequest) -> ApiRequest:
        """Add the account's auth header."""
        return request.with_headers(self._auth)

    def refresh_auth(self) -> None:
        """API keys do not refresh: an expired key is the user's to replace."""

    def observe(self, request: ApiRequest, response: httpx.Response, bucket: TokenBucket) -> None:
        """No rate headers to adapt to."""

    def interpret(self, request: ApiRequest, response: httpx.Response) -> Reply:
        """2xx is an answer; 429/5xx are retried by the session; the rest is refused."""
        status = response.status_code
        ctx = {"platform": self.provider, "store": self.session.store, "request_id": ""}
        if status == 429:
            raise RateLimited(retry_after=retry_after_seconds(response.headers), **ctx)
        if status >= 500:
            raise TransientError(detail=f"HTTP {status}", **ctx)
        if request.operation == "download":
            if status != 200:  # bought, but the file not fetched: find() fetches it again
                raise CarrierUnavailable(f"{self.provider}: the label file could not be "
                                         f"fetched (HTTP {status}); try again")
            return Reply(status, response.headers, response.content)
        data = parse_json(response, **ctx)
        if status in (401, 403):
            raise AuthError(expired=False, detail=f"HTTP {status}", **ctx)
        if status >= 400:
            raise self._errors(request.operation, status, data)
        return Reply(status, response.headers, data)

