"""TikTok Shop Open API (version 202309) connector.

Contract (reference §4): every call is signed (HMAC-SHA256 over path, sorted
query and raw body, wrapped in the app secret) and carries ``app_key``,
``timestamp`` (seconds) and, on shop-scoped paths, ``shop_cipher``; success
is ``code == 0`` in the body whatever the HTTP status, and ``105…``/``360…``
codes mean the token must be refreshed. Order lines come one per unit with no
quantity, so they are counted per SKU; the address is read by
``app.channels.tiktok_address``.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar
from urllib.parse import quote

import httpx

from app.channels.base import (
    AuthError,
    ClockRejected,
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
    from_epoch,
    to_utc,
)
from app.channels.tiktok_address import ship_to_from_recipient
from app.domain.order_value import IncomingOrder, ShipTo

# TikTok's limits are UNVERIFIED (reference §6): conservative, overridable.
_DEFAULT_LIMIT = BucketSpec(5.0, 10)
_STATUS = {
    "UNPAID": OrderStatus.PENDING,
    "ON_HOLD": OrderStatus.PENDING,
    "AWAITING_SHIPMENT": OrderStatus.OPEN,
    "AWAITING_COLLECTION": OrderStatus.OPEN,
    "PARTIALLY_SHIPPING": OrderStatus.PARTIALLY_SHIPPED,
    "IN_TRANSIT": OrderStatus.SHIPPED,
    "DELIVERED": OrderStatus.DELIVERED,
    "COMPLETED": OrderStatus.DELIVERED,
    "CANCELLED": OrderStatus.CANCELLED,
}
_UNSCOPED = ("/authorization/", "/seller/")
# A refusal of the common request parameters (106...; the fake's timestamp refusal is
# 106003) that names the ``timestamp``: the request was signed with a time more than 5
# minutes off. The reference does not list TikTok's codes, hence the message check.
_COMMON_PARAMETER_ERRORS = "106"


def sign_request(secret: str, path: str, params: Mapping[str, str], body: bytes | None) -> str:
    """TikTok Shop request signature (lowercase hex HMAC-SHA256).

    Every query parameter except ``sign`` and ``access_token``, sorted by key
    and concatenated as ``{key}{value}``, is prefixed by the path and followed
    by the raw body bytes; the whole is wrapped in the secret and keyed by it.
    """
    text = path + "".join(
        f"{key}{params[key]}" for key in sorted(params) if key not in ("sign", "access_token")
    )
    message = secret.encode() + text.encode() + (body or b"") + secret.encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


class TikTokConnector(ConnectorBase):
    """One TikTok Shop (seller-fulfilled orders).

    Settings: ``app_key`` (required), ``shop_cipher`` (else read from
    /authorization/202309/shops, picking ``shop_id`` if several),
    ``token_url`` (default https://auth.tiktok-shops.com), ``page_size``
    (1-100, default 50), ``sort_field`` (default create_time),
    ``warehouse_id`` (stock pushes), ``shipping_provider_id`` and
    ``shipping_provider_id.<CARRIER>`` (tracking pushes), ``rate_limit.<op>``,
    ``http.*``.  Secrets: ``app_secret``, ``access_token``, ``refresh_token``,
    optional ``access_token_expire_in`` (Unix expiry timestamp).
    Refreshed tokens are reported through ``runtime.on_secrets_changed``.
    """

    platform: ClassVar[Platform] = Platform.TIKTOK
    required_settings: ClassVar[tuple[str, ...]] = ("app_key",)
    optional_settings: ClassVar[dict[str, str]] = {
        "shop_cipher": "",
        "shop_id": "",
        "token_url": "https://auth.tiktok-shops.com",
        "page_size": "50",
        "sort_field": "create_time",
        "warehouse_id": "",
        "shipping_provider_id": "",
    }
    secret_keys: ClassVar[tuple[str, ...]] = (
        "app_secret",
        "access_token",
        "refresh_token",
        "access_token_expire_in",
    )
    keyed_settings: ClassVar[tuple[str, ...]] = ("shipping_provider_id",)

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
        self._app_key = require(settings, "app_key", store=store)
        self._app_secret = require(secrets, "app_secret", store=store, what="secret")
        self._cipher = settings.get("shop_cipher", "").strip()
        self._token_url = (
            settings.get("token_url", "").strip() or "https://auth.tiktok-shops.com"
        ).rstrip("/")
        self._page_size = int_setting(settings, "page_size", 50, store=store, low=1, high=100)
        self._sort_field = settings.get("sort_field", "").strip() or "create_time"
        self.session = self._open_session(
            base_url or "https://open-api.tiktokglobalshop.com", {}, _DEFAULT_LIMIT
        )
        self._token = CachedToken(self.session.clock, margin=600)
        if access := secrets.get("access_token", "").strip():
            self._token.set(access, self._lifetime(secrets.get("access_token_expire_in", "")))
        elif not secrets.get("refresh_token", "").strip():
            raise ConfigError(store=store, key="access_token", detail="or refresh_token required")
        self._sku_ids: dict[str, tuple[str, str]] = {}

    # -- Connector API ------------------------------------------------------------

    def fetch_orders(
        self, window_start: datetime, window_end: datetime, cursor: str | None = None
    ) -> Iterator[FetchPage]:
        """orders/search by update time; ``next_page_token`` until it is empty."""
        start, end = to_utc(window_start), to_utc(window_end)
        builder = PageBuilder(self.platform, self.store, start, end)
        body = json_bytes(
            {"update_time_ge": int(start.timestamp()), "update_time_lt": int(end.timestamp()) + 1}
        )
        token = cursor
        while True:
            params = [
                ("page_size", str(self._page_size)),
                ("sort_field", self._sort_field),
                ("sort_order", "ASC"),
            ]
            if token:
                params.append(("page_token", token))
            reply = self.session.send(
                ApiRequest(
                    "POST",
                    "/order/202309/orders/search",
                    "orders_search",
                    params=params,
                    content=body,
                )
            )
            data = reply.data if isinstance(reply.data, dict) else {}
            raw_orders = data.get("orders") or []
            if not isinstance(raw_orders, list):
                raise self._bad("data.orders is not a list", reply.request_id)
            token = data.get("next_page_token") or None
            yield builder.build((self._order(o) for o in raw_orders), token)
            if token is None:
                return

    def latest_safe_window_end(self) -> datetime:
        """No documented freshness rule; the platform clock as last seen."""
        return self.session.platform_now()

    def push_tracking(
        self,
        order_ref: str,
        carrier: str,
        tracking: str,
        lines: Sequence[ShipmentLine] | None = None,
    ) -> PushResult:
        """Mark a package shipped with the seller's own carrier for chosen line items."""
        provider = (
            self._settings.get(f"shipping_provider_id.{carrier.upper()}", "").strip()
            or self._settings.get("shipping_provider_id", "").strip()
        )
        if not provider:
            raise ConfigError(
                store=self.store,
                key=f"shipping_provider_id.{carrier.upper()}",
                detail="TikTok needs a shipping provider id per carrier",
            )
        order = self._detail(order_ref)
        items = order.get("line_items") or []
        if any(item.get("tracking_number") == tracking for item in items):
            return PushResult(True, order_ref, "", True)
        free = [
            i
            for i in items
            if not i.get("tracking_number") and i.get("display_status") != "CANCELLED"
        ]
        if lines is None:
            chosen = [str(i["id"]) for i in free]
        else:
            chosen = []
            for line in lines:
                matches = [i for i in free if _sku(i) == line.sku][: line.quantity]
                if len(matches) < line.quantity:
                    raise self._rejected("nothing_to_ship", f"{order_ref}: {line.sku} not open")
                chosen += [str(i["id"]) for i in matches]
                free = [i for i in free if i not in matches]
        if not chosen:
            raise self._rejected("nothing_to_ship", f"order {order_ref} has nothing to ship")
        body = {
            "tracking_number": tracking,
            "shipping_provider_id": provider,
            "order_line_item_ids": chosen,
        }
        reply = self.session.send(
            ApiRequest(
                "POST",
                f"/fulfillment/202309/orders/{quote(order_ref, safe='')}/packages",
                "fulfillment",
                content=json_bytes(body),
                idempotent=False,
            )
        )
        data = reply.data if isinstance(reply.data, dict) else {}
        return PushResult(True, str(data.get("package_id", "")), reply.request_id)

    def push_stock(self, sku: str, quantity: int) -> PushResult:
        """Update one SKU's inventory at the configured warehouse."""
        warehouse = require(self._settings, "warehouse_id", store=self.store)
        product_id, sku_id = self._resolve_sku(sku)
        body = {
            "skus": [
                {
                    "id": sku_id,
                    "inventory": [{"warehouse_id": warehouse, "quantity": max(0, quantity)}],
                }
            ]
        }
        reply = self.session.send(
            ApiRequest(
                "POST",
                f"/product/202309/products/{quote(product_id, safe='')}/inventory/update",
                "inventory",
                content=json_bytes(body),
            )
        )
        return PushResult(True, sku_id, reply.request_id)

    def test_connection(self) -> str:
        """List authorised shops (also learns the shop cipher)."""
        shops = self._shops()
        return "TikTok Shop: " + ", ".join(str(s.get("name", s.get("id"))) for s in shops)

    # -- SessionHooks -----------------------------------------------------------------

    def authorize(self, request: ApiRequest) -> ApiRequest:
        """Token header, common params and the signature (computed per attempt)."""
        if not self._token.valid:
            self._refresh_token()
        params = {k: v for k, v in request.params if v != ""}
        params["app_key"] = self._app_key
        params["timestamp"] = str(int(self.session.platform_now().timestamp()))
        if not request.path.startswith(_UNSCOPED):
            params["shop_cipher"] = self._shop_cipher()
        body = request.content if request.method != "GET" else None
        params["sign"] = sign_request(self._app_secret, request.path, params, body)
        headers = {"x-tts-access-token": self._token.value, "Content-Type": "application/json"}
        return ApiRequest(
            request.method,
            request.path,
            request.operation,
            params=tuple(params.items()),
            content=request.content,
            headers={**request.headers, **headers},
            auth=request.auth,
            idempotent=request.idempotent,
        )

    def refresh_auth(self) -> None:
        """Exchange the refresh token for a new access token."""
        self._token.clear()
        self._refresh_token()

    def observe(self, request: ApiRequest, response: httpx.Response, bucket: TokenBucket) -> None:
        """TikTok documents no rate headers; nothing to adapt."""

    def interpret(self, request: ApiRequest, response: httpx.Response) -> Reply:
        """HTTP 200 and ``code == 0`` is success; anything else is typed."""
        status = response.status_code
        ctx = self._where()
        if status == 429:
            raise RateLimited(retry_after=retry_after_seconds(response.headers), **ctx)
        if status >= 500:
            raise TransientError(detail=f"HTTP {status}", **ctx)
        data = parse_json(response, **ctx)
        if not isinstance(data, dict) or "code" not in data:
            raise self._bad(f"HTTP {status} without a TikTok envelope", "")
        ctx["request_id"] = str(data.get("request_id") or "")
        code = str(data["code"])
        if code == "0" and status == 200:
            return Reply(status, response.headers, data.get("data"), ctx["request_id"])
        message = str(data.get("message") or "")
        if code.startswith(("105", "360")):
            raise AuthError(expired=request.operation != "token", detail=f"{code} {message}", **ctx)
        if code.startswith(_COMMON_PARAMETER_ERRORS) and "timestamp" in message.lower():
            raise ClockRejected(detail=f"{code} {message}", **ctx)
        raise PlatformError(code=code, platform_message=message, **ctx)

    # -- internals --------------------------------------------------------------------

    def _lifetime(self, expire_at: str) -> float | None:
        try:
            return float(expire_at) - self.session.platform_now().timestamp()
        except ValueError:
            return None

    def _refresh_token(self) -> None:
        refresh = require(self._secrets, "refresh_token", store=self.store, what="secret")
        reply = self.session.send(
            ApiRequest(
                "GET",
                f"{self._token_url}/api/v2/token/refresh",
                "token",
                params=(
                    ("app_key", self._app_key),
                    ("app_secret", self._app_secret),
                    ("refresh_token", refresh),
                    ("grant_type", "refresh_token"),
                ),
                auth=False,
            )
        )
        data = reply.data if isinstance(reply.data, dict) else {}
        token = data.get("access_token")
        if not isinstance(token, str) or not token:
            raise self._bad("token refresh without access_token", reply.request_id)
        expire_at = str(data.get("access_token_expire_in") or "")
        self._token.set(token, self._lifetime(expire_at))
        changed = {"access_token": token, "access_token_expire_in": expire_at}
        if isinstance(data.get("refresh_token"), str) and data["refresh_token"]:
            changed["refresh_token"] = data["refresh_token"]
        self._secrets.update(changed)
        if self._on_secrets_changed is not None:
            self._on_secrets_changed(changed)

    def _shops(self) -> list[dict[str, Any]]:
        reply = self.session.send(ApiRequest("GET", "/authorization/202309/shops", "shops"))
        shops = (reply.data or {}).get("shops") if isinstance(reply.data, dict) else None
        if not isinstance(shops, list) or not shops:
            raise self._bad("no authorised shops", reply.request_id)
        wanted = self._settings.get("shop_id", "").strip()
        chosen = next((s for s in shops if str(s.get("id")) == wanted), shops[0])
        if not self._cipher:
            self._cipher = str(chosen.get("cipher") or "")
        return shops

    def _shop_cipher(self) -> str:
        if not self._cipher:
            self._shops()
        return self._cipher

    def _detail(self, order_id: str) -> dict[str, Any]:
        reply = self.session.send(
            ApiRequest("GET", "/order/202309/orders", "orders_detail", params=(("ids", order_id),))
        )
        orders = (reply.data or {}).get("orders") if isinstance(reply.data, dict) else None
        if not orders:
            raise self._rejected("not_found", f"order {order_id} not found")
        return dict(orders[0])

    def _resolve_sku(self, sku: str) -> tuple[str, str]:
        """Find product and SKU ids for a seller SKU (products/search; UNVERIFIED filter)."""
        cached = self._sku_ids.get(sku)
        if cached:
            return cached
        reply = self.session.send(
            ApiRequest(
                "POST",
                "/product/202309/products/search",
                "products_search",
                params=(("page_size", "20"),),
                content=json_bytes({"seller_skus": [sku]}),
            )
        )
        for product in (reply.data or {}).get("products") or []:
            for candidate in product.get("skus") or []:
                if candidate.get("seller_sku") == sku:
                    self._sku_ids[sku] = (str(product["id"]), str(candidate["id"]))
                    return self._sku_ids[sku]
        raise self._rejected("unknown_sku", f"no TikTok product has seller SKU {sku}")

    def _order(self, raw: dict[str, Any]) -> PlatformOrder:
        try:
            items = raw.get("line_items") or []
            live = [i for i in items if i.get("display_status") != "CANCELLED"] or items
            payment = raw.get("payment") or {}
            currency = str(payment.get("currency") or "")
            lines = aggregate_lines(
                (
                    _sku(i),
                    1,
                    _decimal(i.get("sale_price")),
                    str(i.get("currency") or currency),
                    str(i.get("product_name") or ""),
                    str(i.get("id") or ""),
                )
                for i in live
            )
            address = raw.get("recipient_address")
            status = str(raw.get("status") or "")
            return PlatformOrder(
                platform=self.platform,
                store=self.store,
                external_id=str(raw["id"]),
                updated_at=from_epoch(int(raw["update_time"])),
                platform_status=status,
                status=_STATUS.get(status, OrderStatus.ON_HOLD),
                buyer=Buyer(
                    name=str((address or {}).get("name") or ""),
                    email=str(raw.get("buyer_email") or ""),
                    phone=str((address or {}).get("phone_number") or ""),
                ),
                order=IncomingOrder(
                    number=str(raw["id"]),
                    ship_to=ship_to_from_recipient(address) if address else ShipTo(),
                    lines=lines,
                    order_date=from_epoch(int(raw["create_time"])),
                    source=self.platform.value,
                ),
                currency=currency,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise self._bad(f"order {raw.get('id')!r}: {exc!r}", "") from None



def _sku(item: dict[str, Any]) -> str:
    return str(item.get("seller_sku") or item.get("sku_id") or "")


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"bad amount {value!r}") from None
