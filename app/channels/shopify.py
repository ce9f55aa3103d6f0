"""Shopify Admin REST connector (orders, fulfilment orders, inventory levels).

Contract (reference §1): ``status=any`` always (the default ``open`` hides
closed and cancelled orders); ``updated_at_min/max`` fix the window; pages
follow the ``Link`` header and the next request carries *only* what that URL
carries (Shopify rejects filters beside ``page_info``), so the cursor we hand
out is the Link URL's raw query string, replayed verbatim.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

import httpx

from app.channels.base import (
    AuthError,
    ConfigError,
    PageBuilder,
    PlatformError,
    RateLimited,
    TransientError,
    bool_setting,
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
    parse_iso,
    state_code,
    to_utc,
)
from app.domain.order_value import IncomingOrder, ShipTo

_LIMITS = {
    # REST leaky bucket: 40 requests, draining 2/s on standard plans.
    "rest": BucketSpec(2.0, 40.0),
    # GraphQL is cost based (100 points/s); our one lookup query is cheap.
    "graphql": BucketSpec(2.0, 10.0),
    "token": BucketSpec(1.0, 5.0),
}
_OPEN_FO = {"open", "in_progress"}
_INVENTORY_QUERY = (
    "query($q:String!){inventoryItems(first:1,query:$q){edges{node{legacyResourceId sku}}}}"
)


class ShopifyConnector(ConnectorBase):
    """One Shopify store.

    Settings: ``shop`` (``name`` of ``name.myshopify.com``; needed when no
    base URL is given), ``api_version`` (default 2025-01), ``page_size``
    (1-250, default 250), ``location_id`` (for stock pushes),
    ``notify_customer`` (default false), ``rate_limit.rest=RATE/BURST``
    (Advanced 4/40, Plus 20/400), ``http.*``.
    Secrets: ``access_token`` (legacy ``shpat_`` token) *or*
    ``client_id`` + ``client_secret`` (client-credentials grant, ~24 h token).
    """

    platform: ClassVar[Platform] = Platform.SHOPIFY
    required_settings: ClassVar[tuple[str, ...]] = ()
    optional_settings: ClassVar[dict[str, str]] = {
        "shop": "",
        "api_version": "2025-01",
        "page_size": "250",
        "location_id": "",
        "notify_customer": "false",
    }
    secret_keys: ClassVar[tuple[str, ...]] = ("access_token", "client_id", "client_secret")

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
        if not base_url:
            shop = require(settings, "shop", store=store)
            base_url = f"https://{shop}.myshopify.com"
        self._version = settings.get("api_version", "").strip() or "2025-01"
        self._page_size = int_setting(settings, "page_size", 250, store=store, low=1, high=250)
        self._notify = bool_setting(settings, "notify_customer", False)
        self._static_token = secrets.get("access_token", "").strip()
        if not self._static_token and not (
            secrets.get("client_id", "").strip() and secrets.get("client_secret", "").strip()
        ):
            raise ConfigError(
                store=store, key="access_token", detail="or client_id + client_secret required"
            )
        self.session = self._open_session(base_url, _LIMITS, _LIMITS["rest"])
        self._token = CachedToken(self.session.clock)
        if self._static_token:
            self._token.set(self._static_token, None)
        self._inventory_items: dict[str, str] = {}

    # -- Connector API ------------------------------------------------------------

    def fetch_orders(
        self, window_start: datetime, window_end: datetime, cursor: str | None = None
    ) -> Iterator[FetchPage]:
        """Page through orders updated in the window (any status)."""
        start, end = to_utc(window_start), to_utc(window_end)
        builder = PageBuilder(self.platform, self.store, start, end)
        path = self._api("orders.json")
        query = cursor
        while True:
            if query is None:
                request = ApiRequest(
                    "GET",
                    path,
                    "rest",
                    params=(
                        ("status", "any"),
                        ("updated_at_min", start.isoformat()),
                        ("updated_at_max", end.isoformat()),
                        ("limit", str(self._page_size)),
                    ),
                )
            else:
                request = ApiRequest("GET", path, "rest", raw_query=query)
            reply = self.session.send(request)
            raw_orders = self._field(reply, "orders", list)
            query = next_page_query(reply.headers.get("link", ""))
            yield builder.build((self._order(o) for o in raw_orders), query)
            if query is None:
                return

    def latest_safe_window_end(self) -> datetime:
        """Shopify has no freshness rule; use the platform clock as last seen."""
        return self.session.platform_now()

    def push_tracking(
        self,
        order_ref: str,
        carrier: str,
        tracking: str,
        lines: Sequence[ShipmentLine] | None = None,
    ) -> PushResult:
        """Create a fulfilment with one tracking number on the open fulfilment orders."""
        existing = self._get(f"orders/{order_ref}/fulfillments.json")
        for fulfillment in self._field(existing, "fulfillments", list):
            numbers = set(fulfillment.get("tracking_numbers") or [])
            numbers.add(fulfillment.get("tracking_number") or "")
            if tracking in numbers:
                return PushResult(True, str(fulfillment.get("id", "")), existing.request_id, True)
        reply = self._get(f"orders/{order_ref}/fulfillment_orders.json")
        open_fos = [
            fo
            for fo in self._field(reply, "fulfillment_orders", list)
            if str(fo.get("status", "")).lower() in _OPEN_FO
        ]
        if not open_fos:
            raise self._rejected("nothing_to_fulfil", f"order {order_ref} has no open items")
        if lines is None:
            groups: list[dict[str, Any]] = [{"fulfillment_order_id": fo["id"]} for fo in open_fos]
        else:
            groups = self._allocate(order_ref, open_fos, lines)
        body = {
            "fulfillment": {
                "line_items_by_fulfillment_order": groups,
                "tracking_info": {"number": tracking, "company": carrier},
                "notify_customer": self._notify,
            }
        }
        created = self.session.send(
            ApiRequest(
                "POST",
                self._api("fulfillments.json"),
                "rest",
                content=json_bytes(body),
                headers={"Content-Type": "application/json"},
                idempotent=False,
            )
        )
        fulfillment = self._field(created, "fulfillment", dict)
        return PushResult(True, str(fulfillment.get("id", "")), created.request_id)

    def push_stock(self, sku: str, quantity: int) -> PushResult:
        """Set ``available`` at the configured location (absolute, so retry-safe)."""
        location = require(self._settings, "location_id", store=self.store)
        item = self._inventory_item(sku)
        body = {
            "location_id": _int_id(location),
            "inventory_item_id": _int_id(item),
            "available": max(0, quantity),
        }
        reply = self.session.send(
            ApiRequest(
                "POST",
                self._api("inventory_levels/set.json"),
                "rest",
                content=json_bytes(body),
                headers={"Content-Type": "application/json"},
            )
        )
        return PushResult(True, item, reply.request_id)

    def test_connection(self) -> str:
        """Read the shop record: proves the token and the API version."""
        shop = self._field(self._get("shop.json"), "shop", dict)
        return f"Shopify shop {shop.get('name', '?')} ({shop.get('myshopify_domain', '')})"

    # -- SessionHooks -----------------------------------------------------------------

    def authorize(self, request: ApiRequest) -> ApiRequest:
        """Add ``X-Shopify-Access-Token``, obtaining a client-credentials token if needed."""
        if not self._token.valid:
            self._obtain_token()
        return request.with_headers({"X-Shopify-Access-Token": self._token.value})

    def refresh_auth(self) -> None:
        """Only client-credentials tokens can be refreshed; a static token stays."""
        if not self._static_token:
            self._token.clear()
            self._obtain_token()

    def observe(self, request: ApiRequest, response: httpx.Response, bucket: TokenBucket) -> None:
        """Follow ``X-Shopify-Shop-Api-Call-Limit: used/limit``."""
        raw = response.headers.get("x-shopify-shop-api-call-limit", "")
        used, _, limit = raw.partition("/")
        try:
            used_n, limit_n = float(used), float(limit)
        except ValueError:
            return
        bucket.adapt(burst=limit_n, remaining=limit_n - used_n)

    def interpret(self, request: ApiRequest, response: httpx.Response) -> Reply:
        """Map Shopify status codes and ``{"errors": ...}`` bodies to typed errors."""
        rid = response.headers.get("x-request-id", "")
        status = response.status_code
        ctx = self._where(rid)
        if status == 429:
            raise RateLimited(retry_after=retry_after_seconds(response.headers) or 2.0, **ctx)
        if status >= 500:
            raise TransientError(detail=f"HTTP {status}", **ctx)
        if status == 401:
            raise AuthError(expired=not self._static_token, detail=_errors(response), **ctx)
        data = parse_json(response, **ctx)
        if status >= 400:
            raise PlatformError(code=str(status), platform_message=_errors(response), **ctx)
        if request.operation == "graphql" and isinstance(data, dict) and data.get("errors"):
            text = "; ".join(str(e.get("message", e)) for e in data["errors"])
            if "throttled" in text.lower():
                raise RateLimited(retry_after=1.0, **ctx)
            raise PlatformError(code="graphql", platform_message=text, **ctx)
        return Reply(status, response.headers, data, rid)

    # -- internals --------------------------------------------------------------------

    def _api(self, tail: str) -> str:
        return f"/admin/api/{self._version}/{tail}"

    def _get(self, tail: str, params: Sequence[tuple[str, str]] = ()) -> Reply:
        return self.session.send(ApiRequest("GET", self._api(tail), "rest", params=params))

    def _obtain_token(self) -> None:
        client_id = require(self._secrets, "client_id", store=self.store, what="secret")
        secret = require(self._secrets, "client_secret", store=self.store, what="secret")
        body = httpx.QueryParams(
            {"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}
        )
        reply = self.session.send(
            ApiRequest(
                "POST",
                "/admin/oauth/access_token",
                "token",
                content=str(body).encode(),
                headers={"Content-Type": "application/x-www-form-urlencoded"},
                auth=False,
            )
        )
        token = self._field(reply, "access_token", str)
        lifetime = reply.data.get("expires_in")
        self._token.set(token, float(lifetime) if isinstance(lifetime, int | float) else 86400.0)

    def _allocate(
        self,
        order_ref: str,
        fulfillment_orders: list[dict[str, Any]],
        lines: Sequence[ShipmentLine],
    ) -> list[dict[str, Any]]:
        """Spread SKU quantities over the fulfilment-order line items of those SKUs."""
        order = self._field(
            self._get(f"orders/{order_ref}.json", (("fields", "id,line_items"),)), "order", dict
        )
        sku_of = {
            li["id"]: (li.get("sku") or f"variant:{li.get('variant_id')}")
            for li in order.get("line_items", [])
        }
        wanted: dict[str, int] = {}
        for line in lines:
            wanted[line.sku] = wanted.get(line.sku, 0) + line.quantity
        groups: list[dict[str, Any]] = []
        for fo in fulfillment_orders:
            items = []
            for foli in fo.get("line_items", []):
                sku = sku_of.get(foli.get("line_item_id"))
                need = wanted.get(sku or "", 0)
                take = min(need, int(foli.get("fulfillable_quantity", foli.get("quantity", 0))))
                if sku and take > 0:
                    items.append({"id": foli["id"], "quantity": take})
                    wanted[sku] = need - take
            if items:
                groups.append(
                    {"fulfillment_order_id": fo["id"], "fulfillment_order_line_items": items}
                )
        short = {sku: n for sku, n in wanted.items() if n > 0}
        if short:
            raise self._rejected("nothing_to_fulfil", f"not fulfillable on Shopify: {short}")
        return groups

    def _inventory_item(self, sku: str) -> str:
        cached = self._inventory_items.get(sku)
        if cached:
            return cached
        body = {"query": _INVENTORY_QUERY, "variables": {"q": f'sku:"{sku}"'}}
        reply = self.session.send(
            ApiRequest(
                "POST",
                self._api("graphql.json"),
                "graphql",
                content=json_bytes(body),
                headers={"Content-Type": "application/json"},
            )
        )
        try:
            edges = reply.data["data"]["inventoryItems"]["edges"]
        except (KeyError, TypeError):
            raise self._bad("inventoryItems missing", reply.request_id) from None
        for edge in edges:
            node = edge.get("node", {})
            if node.get("sku") == sku:
                item = str(node["legacyResourceId"])
                self._inventory_items[sku] = item
                return item
        raise self._rejected("unknown_sku", f"no Shopify inventory item has SKU {sku}")

    def _order(self, raw: dict[str, Any]) -> PlatformOrder:
        try:
            currency = str(raw.get("currency") or "")
            lines = aggregate_lines(
                (
                    li.get("sku") or f"variant:{li.get('variant_id')}",
                    _units_to_ship(li),
                    _decimal(li.get("price")),
                    currency,
                    str(li.get("title") or ""),
                    str(li.get("id", "")),
                )
                for li in raw.get("line_items") or []
            )
            customer = raw.get("customer") or {}
            ship = raw.get("shipping_address")
            return PlatformOrder(
                platform=self.platform,
                store=self.store,
                external_id=str(raw["id"]),
                updated_at=parse_iso(raw["updated_at"]),
                platform_status=_platform_status(raw),
                status=_status(raw),
                buyer=Buyer(
                    name=" ".join(
                        p for p in (customer.get("first_name"), customer.get("last_name")) if p
                    ),
                    email=str(raw.get("email") or raw.get("contact_email") or ""),
                    phone=str(raw.get("phone") or customer.get("phone") or ""),
                ),
                order=IncomingOrder(
                    number=str(raw.get("name") or raw.get("order_number") or raw["id"]),
                    ship_to=_address(ship) if ship else ShipTo(),
                    lines=lines,
                    order_date=parse_iso(raw["created_at"]),
                    source=self.platform.value,
                ),
                currency=currency,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise self._bad(f"order {raw.get('id')!r}: {exc!r}", "") from None

    def _field(self, reply: Reply, name: str, kind: type) -> Any:
        value = reply.data.get(name) if isinstance(reply.data, dict) else None
        if not isinstance(value, kind):
            raise self._bad(f"field {name!r} missing", reply.request_id)
        return value



def _units_to_ship(line_item: dict[str, Any]) -> int:
    """Units of a line the warehouse ships: none of a gift card, tip or shipping protection
    (``requires_shipping`` false), and not those removed or refunded before shipping
    (``current_quantity``, where the API version sends it)."""
    if line_item.get("requires_shipping") is False:
        return 0
    return int(line_item.get("current_quantity", line_item.get("quantity", 0)))


def next_page_query(link_header: str) -> str | None:
    """Raw query string of the ``rel="next"`` URL, untouched (never decoded)."""
    for part in link_header.split(", "):
        url, _, rel = part.partition("; ")
        if rel.strip() == 'rel="next"' and url.startswith("<") and url.endswith(">"):
            _, _, query = url[1:-1].partition("?")
            return query or None
    return None


def _status(raw: dict[str, Any]) -> OrderStatus:
    if raw.get("cancelled_at"):
        return OrderStatus.CANCELLED
    fulfillment = raw.get("fulfillment_status")
    if fulfillment == "fulfilled":
        return OrderStatus.SHIPPED
    if fulfillment == "partial":
        return OrderStatus.PARTIALLY_SHIPPED
    financial = raw.get("financial_status")
    if financial == "pending":
        return OrderStatus.PENDING
    if financial in {"refunded", "voided"}:
        return OrderStatus.ON_HOLD
    return OrderStatus.OPEN


def _platform_status(raw: dict[str, Any]) -> str:
    financial = raw.get("financial_status") or "unknown"
    text = f"{financial}/{raw.get('fulfillment_status') or 'unfulfilled'}"
    return f"cancelled ({text})" if raw.get("cancelled_at") else text


def _address(ship: dict[str, Any]) -> ShipTo:
    name = ship.get("name") or " ".join(
        p for p in (ship.get("first_name"), ship.get("last_name")) if p
    )
    return ShipTo(
        name=str(name or ""),
        company=str(ship.get("company") or ""),
        address1=str(ship.get("address1") or ""),
        address2=str(ship.get("address2") or ""),
        city=str(ship.get("city") or ""),
        state=state_code(ship.get("province_code") or ship.get("province")),
        zip=str(ship.get("zip") or ""),
        country=country_code(ship.get("country_code") or ship.get("country")),
        phone=str(ship.get("phone") or ""),
    )


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"bad amount {value!r}") from None


def _int_id(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def _errors(response: httpx.Response) -> str:
    """Flatten ``{"errors": "..."}`` or ``{"errors": {field: [..]}}`` for the message."""
    try:
        errors = response.json().get("errors")
    except (ValueError, AttributeError):
        return response.text[:200] or f"HTTP {response.status_code}"
    if isinstance(errors, dict):
        return "; ".join(f"{k}: {', '.join(map(str, v))}" for k, v in errors.items())
    return str(errors or f"HTTP {response.status_code}")
