"""Walmart Marketplace (US) connector: orders, acknowledge, per-line shipping, inventory.

Contract (reference §3): client-credentials token (15 min) sent as
``WM_SEC.ACCESS_TOKEN`` with a fresh ``WM_QOS.CORRELATION_ID`` and
``WM_SVC.NAME`` on every call; ``meta.nextCursor`` is a whole query string
replayed verbatim (decoding it breaks paging); explicit date filters always
(``createdStartDate`` silently defaults to 7 days ago); status lives per line;
errors come as ``error`` or ``errors`` arrays; a 404 ``CONTENT_NOT_FOUND``
on the order list just means "no orders".
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar
from urllib.parse import quote

import httpx

from app.channels.base import (
    AuthError,
    ConfigError,
    PageBuilder,
    PlatformError,
    RateLimited,
    TransientError,
    int_setting,
    require,
)
from app.channels.connector_base import ConnectorBase
from app.channels.http import (
    ApiRequest,
    BucketSpec,
    CachedToken,
    ConnectorRuntime,
    Reply,
    TokenBucket,
    json_bytes,
    parse_json,
    retry_after_seconds,
)
from app.channels.normalized import (
    Buyer,
    FetchPage,
    OrderStatus,
    Platform,
    PlatformOrder,
    PushResult,
    ShipmentLine,
    aggregate_lines,
    country_code,
    from_epoch,
    state_code,
    to_utc,
)
from app.channels.walmart_carriers import walmart_carrier
from app.domain.order_value import IncomingOrder, ShipTo

# Per-endpoint order-API limits are UNVERIFIED (reference §3): conservative
# defaults, corrected at runtime from X-Current-Token-Count, overridable by
# ``rate_limit.<op>`` settings.
_LIMITS = {
    "orders": BucketSpec(1.0, 10),
    "order": BucketSpec(1.0, 10),
    "acknowledge": BucketSpec(1.0, 10),
    "shipping": BucketSpec(1.0, 10),
    "inventory": BucketSpec(1.0, 10),
    "token": BucketSpec(1.0, 5),
}
_METHOD_CODES = {"Standard", "Express", "OneDay", "Freight", "WhiteGlove", "Value"}
_SHIPPED = {"Shipped", "Delivered"}


class WalmartConnector(ConnectorBase):
    """One Walmart seller account (seller-fulfilled orders).

    Settings: ``service_name`` (WM_SVC.NAME, default "Walmart Marketplace"),
    ``token_url`` (default ``{base}/v3/token``), ``page_size`` (1-200, default
    100), ``ship_node`` (inventory), ``method_code`` (Standard/Express/OneDay/
    Freight/WhiteGlove/Value, default Standard: only for an order that names no
    method of its own), ``tracking_url_template``
    (for carriers outside Walmart's list; ``{tracking}`` placeholder),
    ``rate_limit.<op>``, ``http.*``.  Secrets: ``client_id``, ``client_secret``.
    """

    platform: ClassVar[Platform] = Platform.WALMART
    required_settings: ClassVar[tuple[str, ...]] = ()
    optional_settings: ClassVar[dict[str, str]] = {
        "service_name": "Walmart Marketplace",
        "token_url": "",
        "page_size": "100",
        "ship_node": "",
        "method_code": "Standard",
        "tracking_url_template": "https://t.17track.net/en#nums={tracking}",
    }
    secret_keys: ClassVar[tuple[str, ...]] = ("client_id", "client_secret")

    def __init__(
        self,
        store: str,
        settings: Mapping[str, str],
        secrets: Mapping[str, str],
        *,
        base_url: str | None = None,
        runtime: ConnectorRuntime | None = None,
    ) -> None:
        super().__init__(store, settings, secrets, runtime)
        client_id = require(secrets, "client_id", store=store, what="secret")
        client_secret = require(secrets, "client_secret", store=store, what="secret")
        self._basic = base64.b64encode(f"{client_id}:{client_secret}".encode()).decode()
        base = (base_url or "https://marketplace.walmartapis.com").rstrip("/")
        self._token_url = settings.get("token_url", "").strip() or f"{base}/v3/token"
        self._service = settings.get("service_name", "").strip() or "Walmart Marketplace"
        self._page_size = int_setting(settings, "page_size", 100, store=store, low=1, high=200)
        self._method = settings.get("method_code", "").strip() or "Standard"
        if self._method not in _METHOD_CODES:
            raise ConfigError(store=store, key="method_code", detail=", ".join(_METHOD_CODES))
        self._tracking_url = (
            settings.get("tracking_url_template", "").strip()
            or self.optional_settings["tracking_url_template"]
        )
        self.session = self._open_session(base, _LIMITS, BucketSpec(1.0, 10))
        self._token = CachedToken(self.session.clock, margin=60)

    # -- Connector API ------------------------------------------------------------

    def fetch_orders(
        self, window_start: datetime, window_end: datetime, cursor: str | None = None
    ) -> Iterator[FetchPage]:
        """GET /v3/orders by lastModified window, then ``nextCursor`` verbatim."""
        start, end = to_utc(window_start), to_utc(window_end)
        builder = PageBuilder(self.platform, self.store, start, end)
        query = cursor
        while True:
            if query is None:
                request = ApiRequest(
                    "GET",
                    "/v3/orders",
                    "orders",
                    params=(
                        ("createdStartDate", _iso(end - timedelta(days=180))),
                        ("lastModifiedStartDate", _iso(start)),
                        ("lastModifiedEndDate", _iso(end)),
                        ("limit", str(self._page_size)),
                        ("shipNodeType", "SellerFulfilled"),
                    ),
                )
            else:
                request = ApiRequest("GET", "/v3/orders", "orders", raw_query=query)
            try:
                reply = self.session.send(request)
            except PlatformError as exc:
                if not exc.platform_code.startswith("CONTENT_NOT_FOUND"):
                    raise
                yield builder.build((), None)
                return
            listing = reply.data.get("list") if isinstance(reply.data, dict) else None
            if not isinstance(listing, dict):
                raise self._bad("list missing", reply.request_id)
            raw_orders = ((listing.get("elements") or {}).get("order")) or []
            query = (listing.get("meta") or {}).get("nextCursor") or None
            yield builder.build((self._seen_in(self._order(o), end) for o in raw_orders), query)
            if query is None:
                return

    @staticmethod
    def _seen_in(order: PlatformOrder, window_end: datetime) -> PlatformOrder:
        """Date an order by the window Walmart returned it in.

        Walmart selects orders by a last-modified time it never returns; the line
        ``statusDate`` only moves with a status, so an address or line change keeps
        the old stamps. Returned for a ``lastModified`` window, the order changed no
        later than the window's end: that is its ``updated_at``, which keeps it inside
        the window and newer than what the last run stored, and the content digest
        then tells a real change from a re-read.
        """
        if order.updated_at >= window_end:
            return order
        return replace(order, updated_at=window_end)

    def latest_safe_window_end(self) -> datetime:
        """No documented freshness rule; the platform clock as last seen."""
        return self.session.platform_now()

    def _method_of(self, raw: dict[str, Any]) -> str:
        """The order's own shipping method (``shippingInfo.methodCode``): a shipping update
        must confirm the service the buyer paid for, not one store-wide setting."""
        method = str((raw.get("shippingInfo") or {}).get("methodCode") or "")
        return method if method in _METHOD_CODES else self._method

    def acknowledge(self, order: PlatformOrder | str) -> PushResult:
        """Acknowledge a purchase order (all lines); required before shipping, repeatable."""
        po = order if isinstance(order, str) else order.external_id
        reply = self.session.send(
            ApiRequest("POST", f"/v3/orders/{quote(po, safe='')}/acknowledge", "acknowledge")
        )
        return PushResult(True, po, reply.request_id)

    def push_tracking(
        self,
        order_ref: str,
        carrier: str,
        tracking: str,
        lines: Sequence[ShipmentLine] | None = None,
    ) -> PushResult:
        """Per-line shipping update; acknowledges first if Walmart still says Created."""
        raw = self._get_order(order_ref)
        order_lines = _lines(raw)
        if any(_has_tracking(line, tracking) for line in order_lines):
            return PushResult(True, order_ref, "", True)
        if any(_statuses(line).get("Created") for line in order_lines):
            self.acknowledge(order_ref)
        allocation = self._allocate(order_ref, order_lines, lines)
        listed = walmart_carrier(carrier)
        info: dict[str, Any] = {
            "shipDateTime": int(self.session.platform_now().timestamp() * 1000),
            "carrierName": {"carrier": listed} if listed else {"otherCarrier": carrier},
            "methodCode": self._method_of(raw),
            "trackingNumber": tracking,
        }
        if listed is None:
            info["trackingURL"] = self._tracking_url.format(tracking=quote(tracking, safe=""))
        body = {
            "orderShipment": {
                "orderLines": {
                    "orderLine": [
                        {
                            "lineNumber": number,
                            "orderLineStatuses": {
                                "orderLineStatus": [
                                    {
                                        "status": "Shipped",
                                        "statusQuantity": {
                                            "unitOfMeasurement": "EACH",
                                            "amount": str(qty),
                                        },
                                        "trackingInfo": info,
                                    }
                                ]
                            },
                        }
                        for number, qty in allocation
                    ]
                }
            }
        }
        reply = self.session.send(
            ApiRequest(
                "POST",
                f"/v3/orders/{quote(order_ref, safe='')}/shipping",
                "shipping",
                content=json_bytes(body),
                headers={"Content-Type": "application/json"},
                idempotent=False,
            )
        )
        return PushResult(True, order_ref, reply.request_id)

    def push_stock(self, sku: str, quantity: int) -> PushResult:
        """PUT /v3/inventory (absolute quantity, so retry-safe)."""
        params = [("sku", sku)]
        if node := self._settings.get("ship_node", "").strip():
            params.append(("shipNode", node))
        body = {"sku": sku, "quantity": {"unit": "EACH", "amount": max(0, quantity)}}
        reply = self.session.send(
            ApiRequest(
                "PUT",
                "/v3/inventory",
                "inventory",
                params=params,
                content=json_bytes(body),
                headers={"Content-Type": "application/json"},
            )
        )
        return PushResult(True, sku, reply.request_id)

    def test_connection(self) -> str:
        """Obtain a token: proves the client id and secret."""
        self._obtain_token()
        return f"Walmart seller account ({self._service})"

    # -- SessionHooks -----------------------------------------------------------------

    def authorize(self, request: ApiRequest) -> ApiRequest:
        """WM_SEC.ACCESS_TOKEN plus a new correlation id per attempt."""
        if not self._token.valid:
            self._obtain_token()
        return request.with_headers(
            {**self._wm_headers(), "WM_SEC.ACCESS_TOKEN": self._token.value}
        )

    def refresh_auth(self) -> None:
        """Walmart has no refresh token here: simply get a new client-credentials token."""
        self._token.clear()
        self._obtain_token()

    def observe(self, request: ApiRequest, response: httpx.Response, bucket: TokenBucket) -> None:
        """Follow ``X-Current-Token-Count`` and ``X-Next-Replenishment-Time``."""
        raw_count = response.headers.get("x-current-token-count")
        if raw_count is None:
            return
        try:
            count = float(raw_count)
        except ValueError:
            return
        bucket.adapt(remaining=count, reset_in=self._replenish_in(response.headers))

    def interpret(self, request: ApiRequest, response: httpx.Response) -> Reply:
        """Map statuses and ``error``/``errors`` envelopes to typed errors."""
        rid = response.request.headers.get("WM_QOS.CORRELATION_ID", "")
        status = response.status_code
        ctx = self._where(rid)
        if status == 429:
            wait = self._replenish_in(response.headers) or retry_after_seconds(response.headers)
            raise RateLimited(retry_after=wait, **ctx)
        if status >= 500:
            raise TransientError(detail=f"HTTP {status}", **ctx)
        if status in (401, 403):
            code, message = _first_error(response)
            expired = status == 401 and request.operation != "token"
            raise AuthError(expired=expired, detail=f"{code}: {message}", **ctx)
        data = parse_json(response, **ctx)
        if status >= 400:
            code, message = _first_error(response)
            raise PlatformError(code=code, platform_message=message, **ctx)
        return Reply(status, response.headers, data, rid)

    # -- internals --------------------------------------------------------------------

    def _wm_headers(self) -> dict[str, str]:
        return {"WM_SVC.NAME": self._service, "WM_QOS.CORRELATION_ID": str(uuid.uuid4())}

    def _obtain_token(self) -> None:
        reply = self.session.send(
            ApiRequest(
                "POST",
                self._token_url,
                "token",
                content=b"grant_type=client_credentials",
                headers={
                    **self._wm_headers(),
                    "Authorization": f"Basic {self._basic}",
                    "Content-Type": "application/x-www-form-urlencoded",
                },
                auth=False,
            )
        )
        data = reply.data if isinstance(reply.data, dict) else {}
        token = data.get("access_token")
        if not isinstance(token, str):
            raise self._bad("token response without access_token", reply.request_id)
        self._token.set(token, float(data.get("expires_in") or 900))

    def _replenish_in(self, headers: httpx.Headers) -> float | None:
        raw = headers.get("x-next-replenishment-time") or headers.get("x-next-replenish-time")
        if not raw:
            return None
        try:
            at = float(raw) / 1000.0
        except ValueError:
            return None
        return max(0.0, at - self.session.platform_now().timestamp())

    def _get_order(self, po: str) -> dict[str, Any]:
        reply = self.session.send(ApiRequest("GET", f"/v3/orders/{quote(po, safe='')}", "order"))
        order = reply.data.get("order") if isinstance(reply.data, dict) else None
        if not isinstance(order, dict):
            raise self._bad("order missing", reply.request_id)
        return order

    def _allocate(
        self, po: str, order_lines: list[dict[str, Any]], lines: Sequence[ShipmentLine] | None
    ) -> list[tuple[str, int]]:
        open_qty = {str(line["lineNumber"]): _open_quantity(line) for line in order_lines}
        if lines is None:
            result = [(n, q) for n, q in open_qty.items() if q > 0]
        else:
            result = []
            for wanted in lines:
                remaining = wanted.quantity
                for line in order_lines:
                    number = str(line["lineNumber"])
                    take = min(remaining, open_qty[number])
                    if (line.get("item") or {}).get("sku") == wanted.sku and take > 0:
                        result.append((number, take))
                        open_qty[number] -= take
                        remaining -= take
                if remaining > 0:
                    raise self._rejected("nothing_to_ship", f"order {po}: {wanted.sku} not open")
        if not result:
            raise self._rejected("nothing_to_ship", f"order {po} has nothing left to ship")
        return result

    def _order(self, raw: dict[str, Any]) -> PlatformOrder:
        try:
            order_lines = _lines(raw)
            statuses = [_statuses(line) for line in order_lines]
            items = []
            for line, status in zip(order_lines, statuses, strict=True):
                ordered = int(float((line.get("orderLineQuantity") or {}).get("amount", 0)))
                live = ordered - status.get("Cancelled", 0)
                charge = _product_charge(line)
                amount = _decimal(charge.get("amount"))
                unit = None if amount is None or ordered <= 0 else amount / ordered
                items.append(
                    (
                        (line.get("item") or {}).get("sku") or "",
                        live,
                        ordered,
                        unit,
                        str(charge.get("currency") or "USD"),
                        str((line.get("item") or {}).get("productName") or ""),
                        str(line.get("lineNumber", "")),
                    )
                )
            all_cancelled = all(live <= 0 for _, live, *_ in items)
            lines = aggregate_lines(
                (sku, ordered if all_cancelled else live, unit, cur, title, ref)
                for sku, live, ordered, unit, cur, title, ref in items
            )
            shipping = raw.get("shippingInfo") or {}
            postal = shipping.get("postalAddress")
            stamps = [int(raw["orderDate"])] + [
                int(line.get("statusDate") or 0) for line in order_lines
            ]
            return PlatformOrder(
                platform=self.platform,
                store=self.store,
                external_id=str(raw["purchaseOrderId"]),
                updated_at=from_epoch(max(stamps) / 1000),
                platform_status=",".join(sorted({s for st in statuses for s in st})),
                status=_status(statuses, all_cancelled),
                buyer=Buyer(
                    name=str((postal or {}).get("name") or ""),
                    email=str(raw.get("customerEmailId") or ""),
                    phone=str(shipping.get("phone") or ""),
                ),
                order=IncomingOrder(
                    number=str(raw.get("customerOrderId") or raw["purchaseOrderId"]),
                    ship_to=_address(postal, shipping) if postal else ShipTo(),
                    lines=lines,
                    order_date=from_epoch(int(raw["orderDate"]) / 1000),
                    source=self.platform.value,
                ),
                currency=lines[0].currency if lines else "USD",
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise self._bad(f"order {raw.get('purchaseOrderId')!r}: {exc!r}", "") from None



def _iso(value: datetime) -> str:
    return to_utc(value).strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def _lines(raw: dict[str, Any]) -> list[dict[str, Any]]:
    return list(((raw.get("orderLines") or {}).get("orderLine")) or [])


def _statuses(line: dict[str, Any]) -> dict[str, int]:
    """Quantity per status of one line (a line can be part shipped, part cancelled)."""
    result: dict[str, int] = {}
    for entry in ((line.get("orderLineStatuses") or {}).get("orderLineStatus")) or []:
        amount = int(float((entry.get("statusQuantity") or {}).get("amount", 0)))
        result[str(entry.get("status"))] = result.get(str(entry.get("status")), 0) + amount
    return result


def _open_quantity(line: dict[str, Any]) -> int:
    status = _statuses(line)
    return status.get("Created", 0) + status.get("Acknowledged", 0)


def _has_tracking(line: dict[str, Any], tracking: str) -> bool:
    for entry in ((line.get("orderLineStatuses") or {}).get("orderLineStatus")) or []:
        if (entry.get("trackingInfo") or {}).get("trackingNumber") == tracking:
            return True
    return False


def _status(statuses: list[dict[str, int]], all_cancelled: bool) -> OrderStatus:
    if all_cancelled:
        return OrderStatus.CANCELLED
    shipped = sum(s.get(k, 0) for s in statuses for k in _SHIPPED)
    open_qty = sum(s.get("Created", 0) + s.get("Acknowledged", 0) for s in statuses)
    if shipped and not open_qty:
        delivered_only = all(not s.get("Shipped") for s in statuses)
        return OrderStatus.DELIVERED if delivered_only else OrderStatus.SHIPPED
    return OrderStatus.PARTIALLY_SHIPPED if shipped else OrderStatus.OPEN


def _product_charge(line: dict[str, Any]) -> dict[str, Any]:
    for charge in ((line.get("charges") or {}).get("charge")) or []:
        if charge.get("chargeType") == "PRODUCT":
            return dict(charge.get("chargeAmount") or {})
    return {}


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"bad amount {value!r}") from None


def _address(postal: dict[str, Any], shipping: dict[str, Any]) -> ShipTo:
    return ShipTo(
        name=str(postal.get("name") or ""),
        address1=str(postal.get("address1") or ""),
        address2=str(postal.get("address2") or ""),
        city=str(postal.get("city") or ""),
        state=state_code(postal.get("state")),
        zip=str(postal.get("postalCode") or ""),
        country=country_code(postal.get("country")),
        phone=str(shipping.get("phone") or ""),
    )


def _first_error(response: httpx.Response) -> tuple[str, str]:
    """First entry of the gateway ``error`` or the spec ``errors`` array."""
    try:
        data = response.json()
    except ValueError:
        return str(response.status_code), f"HTTP {response.status_code}"
    errors = data.get("error") or data.get("errors") if isinstance(data, dict) else None
    if isinstance(errors, dict):
        errors = errors.get("error") or [errors]
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        first = errors[0]
        message = str(first.get("description") or first.get("info") or "")
        return str(first.get("code") or response.status_code), message
    return str(response.status_code), f"HTTP {response.status_code}"
