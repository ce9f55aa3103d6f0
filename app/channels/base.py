"""The connector contract and the typed errors every connector raises.

Connectors do HTTP only. The sync engine (``app/services/sync.py``) drives
``fetch_orders`` with a window it fixed before the first page and commits each
page together with its cursor, so everything here is restartable from an
opaque cursor. Error messages are English templates with named placeholders;
the GUI translates them by template text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, ClassVar, Protocol, runtime_checkable

from app.channels.normalized import (
    FetchPage,
    Platform,
    PlatformOrder,
    PushResult,
    ShipmentLine,
)
from app.domain.errors import HaicangError


class ChannelError(HaicangError):
    """Base of every expected connector failure.

    ``request_id`` is the platform's id for the failing request (show it to
    the user: platform support asks for it).
    """

    code = "channel_error"
    template = "Channel error on {store}: {detail}"

    def __init__(self, *, request_id: str = "", **fields: Any) -> None:
        self.request_id = request_id
        super().__init__(**fields)


class ConfigError(ChannelError):
    """A setting or secret needed by the connector is missing or invalid."""

    code = "config_error"
    template = "Store {store}: setting {key} is missing or invalid ({detail})"


class AuthError(ChannelError):
    """Credentials were rejected.

    ``expired`` marks a token that may be fixed by refreshing it; the HTTP
    layer refreshes once and retries the same request before surfacing it.
    """

    code = "auth_rejected"
    template = "{platform} rejected the credentials of store {store}: {detail}"

    def __init__(self, *, expired: bool = False, request_id: str = "", **fields: Any) -> None:
        self.expired = expired
        super().__init__(request_id=request_id, **fields)


class ClockRejected(ChannelError):
    """The platform refused a request because of the time it was signed with.

    TikTok signs every request with the current time and refuses one more than a
    few minutes off. The HTTP layer re-signs once with the clock learned from the
    platform's ``Date`` header, so a PC whose clock is off still syncs; this error
    reaches the user only when that did not help.
    """

    code = "clock_rejected"
    template = (
        "{platform} refused the time of a request from store {store}: check this "
        "computer's date, time and time zone ({detail})"
    )


class RateLimited(ChannelError):
    """The platform throttled us; ``retry_after`` is seconds to wait (None if unknown)."""

    code = "rate_limited"
    template = "{platform} is throttling store {store}; retry in {retry_after} s"

    def __init__(
        self, *, retry_after: float | None = None, request_id: str = "", **fields: Any
    ) -> None:
        self.retry_after = retry_after
        super().__init__(request_id=request_id, retry_after=retry_after, **fields)


class TransientError(ChannelError):
    """A 5xx, timeout or dropped connection; worth retrying later."""

    code = "temporarily_unavailable"
    template = "{platform} is temporarily unavailable for store {store}: {detail}"


class PlatformError(ChannelError):
    """The platform refused the request with its own error code."""

    code = "platform_error"
    template = "{platform} returned error {code} for store {store}: {platform_message}"

    def __init__(
        self, *, code: str, platform_message: str, request_id: str = "", **fields: Any
    ) -> None:
        self.platform_code = code  # the platform's own code (``code`` is this class's)
        self.platform_message = platform_message
        super().__init__(
            request_id=request_id, code=code, platform_message=platform_message, **fields
        )


class BadResponse(ChannelError):
    """The platform answered with something we cannot read (malformed JSON, missing fields)."""

    code = "bad_response"
    template = "{platform} sent an unreadable response for store {store}: {detail}"


class SyncCancelled(ChannelError):
    """The user cancelled; raised between requests, never mid-request."""

    code = "sync_cancelled"
    template = "Sync of store {store} was cancelled"


@runtime_checkable
class Connector(Protocol):
    """What the sync engine and the push queue need from a marketplace.

    Windows are ``[window_start, window_end]`` in aware UTC, fixed by the caller
    for a whole pagination. ``cursor`` is a value from ``FetchPage.next_cursor``
    of the same window, passed back verbatim to resume.
    """

    platform: ClassVar[Platform]
    store: str

    def fetch_orders(
        self, window_start: datetime, window_end: datetime, cursor: str | None = None
    ) -> Iterator[FetchPage]:
        """Yield pages of orders updated inside the window."""
        ...

    def latest_safe_window_end(self) -> datetime:
        """The newest window end the platform accepts (platform clock, freshness lag)."""
        ...

    def push_tracking(
        self,
        order_ref: str,
        carrier: str,
        tracking: str,
        lines: Sequence[ShipmentLine] | None = None,
    ) -> PushResult:
        """Tell the platform a parcel shipped; ``lines=None`` means the whole order."""
        ...

    def push_stock(self, sku: str, quantity: int) -> PushResult:
        """Publish the sellable quantity of one platform SKU."""
        ...

    def test_connection(self) -> str:
        """Check credentials with a cheap call; return a human description of the store."""
        ...

    def close(self) -> None:
        """Release the HTTP client."""
        ...


def require(values: Mapping[str, str], key: str, *, store: str, what: str = "setting") -> str:
    """Read a required setting or secret, raising ``ConfigError`` when absent."""
    value = values.get(key, "").strip()
    if not value:
        raise ConfigError(store=store, key=key, detail=f"required {what}")
    return value


def int_setting(
    settings: Mapping[str, str], key: str, default: int, *, store: str, low: int, high: int
) -> int:
    """Read an integer setting within bounds, raising ``ConfigError`` on junk."""
    raw = settings.get(key, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(store=store, key=key, detail=f"not a whole number: {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(store=store, key=key, detail=f"must be between {low} and {high}")
    return value


def bool_setting(settings: Mapping[str, str], key: str, default: bool) -> bool:
    """Read a yes/no setting; anything unrecognised keeps the default."""
    raw = settings.get(key, "").strip().lower()
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    return default


class PageBuilder:
    """Client-side checks every connector applies to each fetched page.

    Platforms have returned orders outside the requested window and identical
    pages for different cursors (reference §5.3), so: drop orders outside the
    fixed window (their newer version belongs to a later window), drop exact
    repeats (same id and ``updated_at``) within one run, compute the page's
    newest ``updated_at`` from what is kept, and stop on a cursor loop.
    """

    def __init__(
        self, platform: Platform, store: str, window_start: datetime, window_end: datetime
    ) -> None:
        self._platform = platform
        self._store = store
        self._start = window_start
        self._end = window_end
        self._seen: set[tuple[str, datetime]] = set()
        self._cursors: set[str] = set()
        self.page_number = 0

    def build(self, orders: Iterable[PlatformOrder], next_cursor: str | None) -> FetchPage:
        """Make the ``FetchPage`` for one platform page."""
        self.page_number += 1
        kept: list[PlatformOrder] = []
        newest: datetime | None = None
        for order in orders:
            if not self._start <= order.updated_at <= self._end:
                continue
            key = (order.external_id, order.updated_at)
            if key in self._seen:
                continue
            self._seen.add(key)
            kept.append(order)
            if newest is None or order.updated_at > newest:
                newest = order.updated_at
        if next_cursor is not None:
            if next_cursor in self._cursors:
                raise BadResponse(
                    platform=self._platform.label,
                    store=self._store,
                    detail="the platform returned a page cursor it had already given",
                )
            self._cursors.add(next_cursor)
        return FetchPage(tuple(kept), next_cursor or None, newest, self.page_number)
