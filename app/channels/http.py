"""Shared HTTP machinery: one httpx client per connector, token buckets, retries.

Why one place: every platform needs the same discipline (reference §5):
per (store, operation) token buckets seeded from documented limits and
adapted from rate headers, honouring ``Retry-After``/replenishment times on
429, capped exponential backoff with jitter on 5xx/timeouts/malformed JSON,
and refreshing an expired token once before retrying the *same* request.
Platform specifics (auth headers, signing, error envelopes, rate headers) come
from a ``SessionHooks`` object supplied by each connector.

All waiting goes through an injectable ``Clock`` so tests run on virtual time,
and a ``threading.Event`` cancels between requests.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any, Protocol

import httpx

from app.channels.base import (
    AuthError,
    BadResponse,
    ChannelError,
    ClockRejected,
    ConfigError,
    RateLimited,
    SyncCancelled,
    TransientError,
)

log = logging.getLogger(__name__)


class Clock(Protocol):
    """Time source and sleeper; swapped for a virtual clock in tests."""

    def monotonic(self) -> float:
        """Seconds on a monotonic scale (bucket refills, token expiry)."""
        ...

    def now(self) -> datetime:
        """Wall-clock aware UTC."""
        ...

    def sleep(self, seconds: float, cancel: threading.Event | None = None) -> None:
        """Wait, returning early when ``cancel`` is set."""
        ...


class SystemClock:
    """The real clock; sleeping waits on the cancel event so cancel is prompt."""

    def monotonic(self) -> float:
        """Real monotonic seconds."""
        return time.monotonic()

    def now(self) -> datetime:
        """Real UTC time."""
        return datetime.now(UTC)

    def sleep(self, seconds: float, cancel: threading.Event | None = None) -> None:
        """Block for ``seconds`` or until cancelled."""
        if seconds <= 0:
            return
        if cancel is None:
            time.sleep(seconds)
        else:
            cancel.wait(seconds)


@dataclass(frozen=True, slots=True)
class HttpOptions:
    """Transport and retry knobs shared by all connectors."""

    timeout: float = 30.0
    connect_timeout: float = 10.0
    max_attempts: int = 5
    max_throttle_waits: int = 30
    backoff_base: float = 1.0
    backoff_max: float = 60.0
    verify: bool | str = True
    proxy: str | None = None
    user_agent: str = "Haicang/0.1"

    @classmethod
    def from_settings(cls, settings: Mapping[str, str], store: str = "") -> HttpOptions:
        """Read ``http.timeout`` / ``http.max_attempts`` / ``http.proxy`` / ``http.verify``."""
        options = cls()
        try:
            if raw := settings.get("http.timeout", "").strip():
                options = replace(options, timeout=float(raw))
            if raw := settings.get("http.max_attempts", "").strip():
                options = replace(options, max_attempts=max(1, int(raw)))
        except ValueError as exc:
            raise ConfigError(store=store, key="http.*", detail=str(exc)) from None
        if raw := settings.get("http.proxy", "").strip():
            options = replace(options, proxy=raw)
        if settings.get("http.verify", "").strip().lower() in {"0", "false", "no"}:
            options = replace(options, verify=False)
        return options


#: The per-store settings every connector reads through :meth:`HttpOptions.from_settings`.
HTTP_SETTING_KEYS: tuple[str, ...] = ("http.timeout", "http.max_attempts", "http.proxy",
                                      "http.verify")


@dataclass(frozen=True, slots=True)
class BucketSpec:
    """A token bucket's sustained rate (requests/s) and burst size."""

    rate: float
    burst: float


def bucket_overrides(settings: Mapping[str, str], store: str) -> dict[str, BucketSpec]:
    """Parse ``rate_limit.<operation>=RATE/BURST`` settings (undocumented limits)."""
    result: dict[str, BucketSpec] = {}
    for key, raw in settings.items():
        if not key.startswith("rate_limit."):
            continue
        try:
            rate_text, burst_text = raw.split("/", 1)
            spec = BucketSpec(float(rate_text), float(burst_text))
        except ValueError:
            raise ConfigError(store=store, key=key, detail="expected RATE/BURST") from None
        if spec.rate <= 0 or spec.burst < 1:
            raise ConfigError(store=store, key=key, detail="rate must be > 0 and burst >= 1")
        result[key.removeprefix("rate_limit.")] = spec
    return result


class TokenBucket:
    """Client-side token bucket, corrected by what the platform reports."""

    def __init__(self, spec: BucketSpec, clock: Clock) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self.rate = spec.rate
        self.burst = spec.burst
        self._tokens = spec.burst
        self._updated = clock.monotonic()
        self._blocked_until = 0.0

    def _refill(self, now: float) -> None:
        self._tokens = min(self.burst, self._tokens + (now - self._updated) * self.rate)
        self._updated = now

    def try_take(self) -> float:
        """Take a token and return 0, or return the seconds to wait before trying again."""
        with self._lock:
            now = self._clock.monotonic()
            if now < self._blocked_until:
                return self._blocked_until - now
            self._refill(now)
            if self._tokens >= 1 - 1e-9:  # tolerate float rounding after a refill wait
                self._tokens = max(0.0, self._tokens - 1)
                return 0.0
            return max((1 - self._tokens) / self.rate, 0.001)

    def pause(self, seconds: float) -> None:
        """Hold every caller for ``seconds`` (after a 429)."""
        with self._lock:
            now = self._clock.monotonic()
            self._refill(now)
            self._tokens = 0.0
            self._blocked_until = max(self._blocked_until, now + max(0.0, seconds))

    def adapt(
        self,
        *,
        rate: float | None = None,
        burst: float | None = None,
        remaining: float | None = None,
        reset_in: float | None = None,
    ) -> None:
        """Apply the platform's view: its rate, its burst, tokens it says are left."""
        with self._lock:
            now = self._clock.monotonic()
            self._refill(now)
            if rate is not None and rate > 0:
                self.rate = rate
            if burst is not None and burst >= 1:
                self.burst = burst
            if remaining is not None:
                self._tokens = max(0.0, min(self._tokens, remaining))
                if remaining < 1 and reset_in is not None and reset_in > 0:
                    self._blocked_until = max(self._blocked_until, now + reset_in)


class RateLimiterRegistry:
    """Buckets keyed by (store, operation).

    Pass one registry to every connector built for the same store (the
    composition root can share it) so a "Test connection" click and a running
    sync draw from the same allowance.
    """

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[tuple[str, str], TokenBucket] = {}

    def bucket(self, store: str, operation: str, spec: BucketSpec) -> TokenBucket:
        """Return the bucket for (store, operation), creating it from ``spec``."""
        with self._lock:
            key = (store, operation)
            found = self._buckets.get(key)
            if found is None:
                found = self._buckets[key] = TokenBucket(spec, self._clock)
            return found


@dataclass(frozen=True, slots=True)
class ApiRequest:
    """A platform call before auth is applied.

    ``raw_query`` is appended verbatim (opaque cursors such as Walmart's
    ``nextCursor`` or Shopify's Link URL); ``params`` are encoded normally.
    ``idempotent=False`` (shipment/stock posts) disables retrying once the
    request may have reached the platform: the caller re-checks instead.
    """

    method: str
    path: str
    operation: str
    params: Sequence[tuple[str, str]] = ()
    raw_query: str | None = None
    content: bytes | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    auth: bool = True
    idempotent: bool = True

    def with_headers(self, extra: Mapping[str, str]) -> ApiRequest:
        """Copy with headers added."""
        return replace(self, headers={**self.headers, **extra})


@dataclass(frozen=True, slots=True)
class Reply:
    """A successful platform answer: decoded JSON (or None for empty bodies)."""

    status: int
    headers: httpx.Headers
    data: Any
    request_id: str = ""


class SessionHooks(Protocol):
    """Platform specifics plugged into ``ApiSession``."""

    def authorize(self, request: ApiRequest) -> ApiRequest:
        """Add auth headers / signature (ensuring a fresh token) when ``request.auth``."""
        ...

    def interpret(self, request: ApiRequest, response: httpx.Response) -> Reply:
        """Turn a response into a ``Reply`` or raise the matching ``ChannelError``."""
        ...

    def refresh_auth(self) -> None:
        """Drop and re-obtain tokens after the platform said they expired."""
        ...

    def observe(self, request: ApiRequest, response: httpx.Response, bucket: TokenBucket) -> None:
        """Adapt the bucket from the platform's rate headers."""
        ...


@dataclass(frozen=True)
class ConnectorRuntime:
    """What a connector borrows from the run that builds it (not from the store's settings).

    ``http`` None means: from the store's ``http.*`` settings. ``cancel`` is the run's
    cancel flag; ``limiter`` the process's shared rate-limit buckets (two connectors
    of one store never exceed its limit together); ``on_secrets_changed`` receives
    rotated tokens to save.
    """

    http: HttpOptions | None = None
    clock: Clock | None = None
    cancel: threading.Event | None = None
    limiter: RateLimiterRegistry | None = None
    on_secrets_changed: Callable[[dict[str, str]], None] | None = None


class ApiSession:
    """One httpx client plus the retry/limit loop, owned by one connector.

    ``platform`` is the marketplace's name as sellers know it (``Platform.label``):
    it goes into the error messages a user reads.
    """

    def __init__(
        self,
        *,
        platform: str,
        store: str,
        base_url: str,
        hooks: SessionHooks,
        limits: Mapping[str, BucketSpec],
        default_limit: BucketSpec,
        settings: Mapping[str, str],
        runtime: ConnectorRuntime,
        rng: random.Random | None = None,
    ) -> None:
        """``limits`` are the documented ones; the store's ``rate_limit.<op>`` and
        ``http.*`` settings override them and the defaults."""
        self.platform = platform
        self.store = store
        self.base_url = base_url.rstrip("/")
        self.options = runtime.http or HttpOptions.from_settings(settings, store)
        self.clock: Clock = runtime.clock or SystemClock()
        self.cancel = runtime.cancel or threading.Event()
        self._hooks = hooks
        self._limits = {**limits, **bucket_overrides(settings, store)}
        self._default_limit = default_limit
        self._limiter = runtime.limiter or RateLimiterRegistry(self.clock)
        self._rng = rng or random.Random()
        self._server_offset = timedelta(0)
        self.request_count = 0
        opts = self.options
        self._client = httpx.Client(
            timeout=httpx.Timeout(opts.timeout, connect=opts.connect_timeout),
            verify=opts.verify,
            proxy=opts.proxy,
            headers={"User-Agent": opts.user_agent, "Accept": "application/json"},
            follow_redirects=False,
        )

    # -- public -------------------------------------------------------------------

    def send(self, request: ApiRequest) -> Reply:
        """Send with limits, retries, one auth refresh and one re-signing with the
        platform's clock; raise a ``ChannelError``."""
        failures = 0
        throttles = 0
        refreshed = resigned = False
        while True:
            bucket = self.bucket(request.operation)
            self._acquire(bucket)
            prepared = self._hooks.authorize(request) if request.auth else request
            error: ChannelError
            try:
                self.request_count += 1
                response = self._client.send(self._build(prepared))
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                error = self._transient(f"cannot connect: {exc}")
            except httpx.TimeoutException as exc:
                error = self._transient(f"timed out: {exc!r}")
                if not request.idempotent:
                    raise error from exc
            except httpx.TransportError as exc:
                error = self._transient(f"connection failed: {exc}")
                if not request.idempotent:
                    raise error from exc
            else:
                self._note_server_time(response)
                self._hooks.observe(request, response, bucket)
                try:
                    return self._hooks.interpret(request, response)
                except AuthError as exc:
                    if not (exc.expired and request.auth) or refreshed:
                        raise
                    log.info("%s %s: token expired, refreshing once", self.platform, self.store)
                    refreshed = True
                    self._hooks.refresh_auth()
                    continue
                except ClockRejected:
                    # The refusal's Date header has just corrected platform_now();
                    # ``authorize`` signs the retry with it.
                    if resigned or not request.auth:
                        raise
                    log.info("%s %s: request time refused, retrying with the platform's "
                             "clock (%s off)", self.platform, self.store, self._server_offset)
                    resigned = True
                    continue
                except RateLimited as exc:
                    throttles += 1
                    if throttles > self.options.max_throttle_waits:
                        raise
                    wait = exc.retry_after
                    if wait is None:
                        wait = max(1.0 / bucket.rate if bucket.rate > 0 else 1.0, 1.0)
                        wait = min(wait, self.options.backoff_max)
                    wait = max(wait, 0.1)  # never hammer on "retry after 0"
                    log.info("%s %s: throttled, waiting %.1fs", self.platform, self.store, wait)
                    bucket.pause(wait)
                    continue
                except (TransientError, BadResponse) as exc:
                    if not request.idempotent:
                        raise
                    error = exc
            failures += 1
            if failures >= self.options.max_attempts:
                raise error
            delay = self._backoff(failures)
            log.info("%s %s: %s; retry in %.2fs", self.platform, self.store, error, delay)
            self.clock.sleep(delay, self.cancel)
            self.check_cancel()

    def bucket(self, operation: str) -> TokenBucket:
        """The bucket for one operation of this store."""
        spec = self._limits.get(operation, self._default_limit)
        return self._limiter.bucket(f"{self.platform}:{self.store}", operation, spec)

    def platform_now(self) -> datetime:
        """Local time corrected by the offset seen in the platform's ``Date`` headers."""
        return self.clock.now() + self._server_offset

    def check_cancel(self) -> None:
        """Raise ``SyncCancelled`` when the cancel flag is set."""
        if self.cancel.is_set():
            raise SyncCancelled(store=self.store)

    def close(self) -> None:
        """Close the httpx client (idempotent)."""
        self._client.close()

    # -- internals ------------------------------------------------------------------

    def _acquire(self, bucket: TokenBucket) -> None:
        while True:
            self.check_cancel()
            wait = bucket.try_take()
            if wait <= 0:
                return
            self.clock.sleep(wait, self.cancel)

    def _build(self, request: ApiRequest) -> httpx.Request:
        url = request.path if "://" in request.path else self.base_url + request.path
        if request.raw_query is not None:
            query = request.raw_query.lstrip("?")
            url = f"{url}?{query}" if query else url
            if request.params:
                raise ValueError("raw_query and params cannot be combined")
            return httpx.Request(
                request.method, url, content=request.content, headers=dict(request.headers)
            )
        return httpx.Request(
            request.method,
            url,
            params=list(request.params) or None,
            content=request.content,
            headers=dict(request.headers),
        )

    def _backoff(self, failures: int) -> float:
        ceiling = min(self.options.backoff_max, self.options.backoff_base * 2 ** (failures - 1))
        return self._rng.uniform(ceiling / 2, ceiling)

    def _transient(self, detail: str) -> TransientError:
        return TransientError(platform=self.platform, store=self.store, detail=detail)

    def _note_server_time(self, response: httpx.Response) -> None:
        raw = response.headers.get("date")
        if not raw:
            return
        try:
            server = parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            return
        if server.tzinfo is None:
            server = server.replace(tzinfo=UTC)
        self._server_offset = server - self.clock.now()


def parse_json(response: httpx.Response, *, platform: str, store: str, request_id: str) -> Any:
    """Decode a JSON body; empty bodies give None; junk raises ``BadResponse``."""
    if not response.content.strip():
        return None
    try:
        return response.json()
    except ValueError as exc:
        raise BadResponse(
            platform=platform, store=store, detail=f"invalid JSON ({exc})", request_id=request_id
        ) from None


def retry_after_seconds(headers: httpx.Headers) -> float | None:
    """Read ``Retry-After`` as seconds (numeric form; HTTP dates are ignored)."""
    raw = headers.get("retry-after")
    if raw is None:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        return None


class CachedToken:
    """An access token with its expiry on the session clock.

    ``valid`` answers with a safety margin so tokens are refreshed *before*
    they expire (reference §5.5); the 401/403 path covers early revocation.
    """

    def __init__(self, clock: Clock, margin: float = 60.0) -> None:
        self._clock = clock
        self._margin = margin
        self.value = ""
        self._expires_at: float | None = None

    def set(self, value: str, lifetime: float | None) -> None:
        """Store a token valid for ``lifetime`` seconds (None: no known expiry)."""
        self.value = value
        now = self._clock.monotonic()
        if lifetime is None:
            self._expires_at = None
        else:
            margin = min(self._margin, lifetime / 4)
            self._expires_at = now + lifetime - margin

    def clear(self) -> None:
        """Forget the token (after the platform rejected it)."""
        self.value = ""
        self._expires_at = None

    @property
    def valid(self) -> bool:
        """True while the token exists and is not about to expire."""
        if not self.value:
            return False
        return self._expires_at is None or self._clock.monotonic() < self._expires_at


def json_bytes(payload: Any) -> bytes:
    """Serialise a request body once, so what is signed is what is sent."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
