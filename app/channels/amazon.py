"""Amazon SP-API connector: Orders v0 (MFN), RDT for addresses, listings quantity.

Contract (reference §2): LWA refresh-token exchange, token sent as
``x-amz-access-token`` and refreshed before its hour is up; an expired token
answers **403** ``Unauthorized``. ``LastUpdatedBefore`` must be at least two
minutes behind Amazon's clock, so the window end is clamped to the platform
time seen in ``Date`` headers. ``NextToken`` is passed as an ordinary
(properly encoded) parameter, never re-encoded by hand. ``ItemPrice`` is the
line total, so unit price = ItemPrice / QuantityOrdered.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar
from urllib.parse import quote

import httpx

from app.channels.base import (
    AuthError,
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
    "get_orders": BucketSpec(0.0167, 20),
    "get_order_items": BucketSpec(0.5, 30),
    "rdt": BucketSpec(1.0, 10),
    "confirm_shipment": BucketSpec(2.0, 10),
    "listings": BucketSpec(5.0, 5),
    "token": BucketSpec(1.0, 5),
}
_STATUS = {
    "PendingAvailability": OrderStatus.PENDING,
    "Pending": OrderStatus.PENDING,
    "Unshipped": OrderStatus.OPEN,
    "PartiallyShipped": OrderStatus.PARTIALLY_SHIPPED,
    "Shipped": OrderStatus.SHIPPED,
    "InvoiceUnconfirmed": OrderStatus.SHIPPED,
    "Canceled": OrderStatus.CANCELLED,
    "Unfulfillable": OrderStatus.ON_HOLD,
}
_CARRIER_CODES = {
    "UPS",
    "USPS",
    "FedEx",
    "DHL",
    "OnTrac",
    "Amazon Shipping",
    "Yun Express",
    "4PX",
    "Yanwen",
    "China Post",
    "Other",
}
#: Amazon refuses "…Before" values closer than 2 min to its clock; keep a margin.
FRESHNESS_LAG = timedelta(minutes=2, seconds=30)


class AmazonConnector(ConnectorBase):
    """One Amazon seller account in one marketplace (MFN orders only).

    Settings: ``marketplace_id`` (default ATVPDKIKX0DER, US), ``seller_id``
    (stock pushes), ``token_url`` (default https://api.amazon.com/auth/o2/token),
    ``page_size`` (1-100, default 100), ``use_rdt`` (default true: fetch
    addresses with a Restricted Data Token), ``rate_limit.<op>``, ``http.*``.
    Secrets: ``refresh_token``, ``client_id``, ``client_secret``.
    """

    platform: ClassVar[Platform] = Platform.AMAZON
    required_settings: ClassVar[tuple[str, ...]] = ()
    optional_settings: ClassVar[dict[str, str]] = {
        "marketplace_id": "ATVPDKIKX0DER",
        "seller_id": "",
        "token_url": "https://api.amazon.com/auth/o2/token",
        "page_size": "100",
        "use_rdt": "true",
    }
    secret_keys: ClassVar[tuple[str, ...]] = ("refresh_token", "client_id", "client_secret")

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
        for key in self.secret_keys:
            require(secrets, key, store=store, what="secret")
        self._marketplace = settings.get("marketplace_id", "").strip() or "ATVPDKIKX0DER"
        self._token_url = (
            settings.get("token_url", "").strip() or "https://api.amazon.com/auth/o2/token"
        )
        self._page_size = int_setting(settings, "page_size", 100, store=store, low=1, high=100)
        self._use_rdt = bool_setting(settings, "use_rdt", True)
        self.session = self._open_session(
            base_url or "https://sellingpartnerapi-na.amazon.com", _LIMITS, BucketSpec(0.5, 10)
        )
        self._lwa = CachedToken(self.session.clock, margin=300)
        self._rdt = CachedToken(self.session.clock, margin=120)
        self._product_types: dict[str, str] = {}

    # -- Connector API ------------------------------------------------------------

    def fetch_orders(
        self, window_start: datetime, window_end: datetime, cursor: str | None = None
    ) -> Iterator[FetchPage]:
        """getOrders (MFN, LastUpdated window) then getOrderItems for each order."""
        start = to_utc(window_start)
        end = min(to_utc(window_end), self.latest_safe_window_end())
        if end <= start:
            return
        builder = PageBuilder(self.platform, self.store, start, end)
        base = (
            ("MarketplaceIds", self._marketplace),
            ("LastUpdatedAfter", _iso(start)),
            ("LastUpdatedBefore", _iso(end)),
            ("FulfillmentChannels", "MFN"),
            ("MaxResultsPerPage", str(self._page_size)),
        )
        token = cursor
        while True:
            params = base if token is None else (*base, ("NextToken", token))
            request = ApiRequest("GET", "/orders/v0/orders", "get_orders", params=params)
            reply = self.session.send(request)
            payload = self._payload(reply)
            raw_orders = payload.get("Orders")
            if not isinstance(raw_orders, list):
                raise self._bad("payload.Orders missing", reply.request_id)
            orders = []
            for raw in raw_orders:
                if raw.get("FulfillmentChannel", "MFN") != "MFN":
                    continue
                self.session.check_cancel()
                orders.append(self._order(raw, self._items(str(raw.get("AmazonOrderId")))))
            token = payload.get("NextToken") or None
            yield builder.build(orders, token)
            if token is None:
                return

    def latest_safe_window_end(self) -> datetime:
        """Amazon's clock minus its 2-minute freshness rule (plus a margin)."""
        return self.session.platform_now() - FRESHNESS_LAG

    def push_tracking(
        self,
        order_ref: str,
        carrier: str,
        tracking: str,
        lines: Sequence[ShipmentLine] | None = None,
    ) -> PushResult:
        """confirmShipment for one package; order items resolved from SellerSKU."""
        items = self._raw_items(order_ref)
        open_qty = {
            str(i["OrderItemId"]): int(i.get("QuantityOrdered", 0))
            - int(i.get("QuantityShipped", 0))
            for i in items
        }
        wanted: list[tuple[str, int]] = []
        if lines is None:
            wanted = [(item_id, q) for item_id, q in open_qty.items() if q > 0]
        for line in lines or ():
            remaining = line.quantity
            for item in items:
                item_id = str(item["OrderItemId"])
                take = min(remaining, open_qty[item_id])
                if str(item.get("SellerSKU")) == line.sku and take > 0:
                    wanted.append((item_id, take))
                    open_qty[item_id] -= take
                    remaining -= take
            if remaining > 0:
                raise self._rejected("nothing_to_ship", f"order {order_ref}: {line.sku} not open")
        if not wanted:
            raise self._rejected("nothing_to_ship", f"order {order_ref} has nothing left to ship")
        code = carrier if carrier in _CARRIER_CODES else "Other"
        # positive numeric, unique per order, stable across retries
        package_ref = str(zlib.crc32(tracking.encode()) or 1)
        body: dict[str, Any] = {
            "marketplaceId": self._marketplace,
            "packageDetail": {
                "packageReferenceId": package_ref,
                "carrierCode": code,
                "carrierName": carrier,
                "shippingMethod": carrier,
                "trackingNumber": tracking,
                "shipDate": _iso(self.session.platform_now()),
                "orderItems": [{"orderItemId": i, "quantity": q} for i, q in wanted],
            },
        }
        reply = self.session.send(
            ApiRequest(
                "POST",
                f"/orders/v0/orders/{quote(order_ref, safe='')}/shipmentConfirmation",
                "confirm_shipment",
                content=json_bytes(body),
                headers={"Content-Type": "application/json"},
                idempotent=False,
            )
        )
        return PushResult(True, package_ref, reply.request_id)

    def push_stock(self, sku: str, quantity: int) -> PushResult:
        """Listings PATCH of ``fulfillment_availability`` (merchant-fulfilled quantity)."""
        seller = require(self._settings, "seller_id", store=self.store)
        path = f"/listings/2021-08-01/items/{quote(seller, safe='')}/{quote(sku, safe='')}"
        product_type = self._product_type(path, sku)
        body = {
            "productType": product_type,
            "patches": [
                {
                    "op": "merge",
                    "path": "/attributes/fulfillment_availability",
                    "value": [
                        {"fulfillment_channel_code": "DEFAULT", "quantity": max(0, quantity)}
                    ],
                }
            ],
        }
        reply = self.session.send(
            ApiRequest(
                "PATCH",
                path,
                "listings",
                params=(("marketplaceIds", self._marketplace),),
                content=json_bytes(body),
                headers={"Content-Type": "application/json"},
            )
        )
        data = reply.data if isinstance(reply.data, dict) else {}
        if data.get("status") != "ACCEPTED":
            issues = "; ".join(str(i.get("message", i)) for i in data.get("issues") or [])
            raise self._rejected(str(data.get("status", "INVALID")), issues or "not accepted")
        return PushResult(True, str(data.get("submissionId", "")), reply.request_id)

    def test_connection(self) -> str:
        """LWA exchange plus getMarketplaceParticipations."""
        reply = self.session.send(
            ApiRequest("GET", "/sellers/v1/marketplaceParticipations", "sellers")
        )
        names = [
            str((p.get("marketplace") or {}).get("name", "?")) for p in self._payload(reply, list)
        ]
        return "Amazon seller account: " + ", ".join(names)

    # -- SessionHooks -----------------------------------------------------------------

    def authorize(self, request: ApiRequest) -> ApiRequest:
        """LWA token, or the RDT for getOrders so addresses come back unmasked."""
        if not self._lwa.valid:
            self._exchange_lwa()
        token = self._lwa.value
        if self._use_rdt and request.operation == "get_orders":
            if not self._rdt.valid:
                self._obtain_rdt()
            token = self._rdt.value
        return request.with_headers({"x-amz-access-token": token})

    def refresh_auth(self) -> None:
        """Drop both tokens; the retried request obtains fresh ones."""
        self._lwa.clear()
        self._rdt.clear()

    def observe(self, request: ApiRequest, response: httpx.Response, bucket: TokenBucket) -> None:
        """Adopt ``x-amzn-RateLimit-Limit`` as the sustained rate."""
        raw = response.headers.get("x-amzn-ratelimit-limit")
        if raw:
            try:
                bucket.adapt(rate=float(raw))
            except ValueError:
                return

    def interpret(self, request: ApiRequest, response: httpx.Response) -> Reply:
        """Map ``{"errors":[{code,message,details}]}`` and statuses to typed errors."""
        rid = response.headers.get("x-amzn-requestid", "")
        status = response.status_code
        ctx = self._where(rid)
        if status >= 500:
            raise TransientError(detail=f"HTTP {status}", **ctx)
        if status == 429:
            raise RateLimited(retry_after=None, **ctx)
        if request.operation == "token" and status in (400, 401):
            raise AuthError(detail=_lwa_error(response), **ctx)
        data = parse_json(response, **ctx)
        if status < 400:
            return Reply(status, response.headers, data, rid)
        code, message = _first_error(data, status)
        if status in (401, 403):
            expired = code == "Unauthorized" and request.operation != "token"
            raise AuthError(expired=expired, detail=f"{code}: {message}", **ctx)
        raise PlatformError(code=code, platform_message=message, **ctx)

    # -- internals --------------------------------------------------------------------

    def _exchange_lwa(self) -> None:
        form = httpx.QueryParams(
            {
                "grant_type": "refresh_token",
                "refresh_token": self._secrets["refresh_token"],
                "client_id": self._secrets["client_id"],
                "client_secret": self._secrets["client_secret"],
            }
        )
        reply = self.session.send(
            ApiRequest(
                "POST",
                self._token_url,
                "token",
                content=str(form).encode(),
                headers={"Content-Type": "application/x-www-form-urlencoded"},
                auth=False,
            )
        )
        data = reply.data if isinstance(reply.data, dict) else {}
        token = data.get("access_token")
        if not isinstance(token, str):
            raise self._bad("LWA response without access_token", reply.request_id)
        self._lwa.set(token, float(data.get("expires_in") or 3600))
        new_refresh = data.get("refresh_token")
        if isinstance(new_refresh, str) and new_refresh != self._secrets["refresh_token"]:
            self._secrets["refresh_token"] = new_refresh
            if self._on_secrets_changed is not None:
                self._on_secrets_changed({"refresh_token": new_refresh})

    def _obtain_rdt(self) -> None:
        body = {
            "restrictedResources": [
                {
                    "method": "GET",
                    "path": "/orders/v0/orders",
                    "dataElements": ["buyerInfo", "shippingAddress"],
                }
            ]
        }
        reply = self.session.send(
            ApiRequest(
                "POST",
                "/tokens/2021-03-01/restrictedDataToken",
                "rdt",
                content=json_bytes(body),
                headers={"Content-Type": "application/json"},
            )
        )
        data = reply.data if isinstance(reply.data, dict) else {}
        token = data.get("restrictedDataToken")
        if not isinstance(token, str):
            raise self._bad("restrictedDataToken missing", reply.request_id)
        self._rdt.set(token, float(data.get("expiresIn") or 3600))

    def _raw_items(self, order_id: str) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        token: str | None = None
        path = f"/orders/v0/orders/{quote(order_id, safe='')}/orderItems"
        while True:
            params = () if token is None else (("NextToken", token),)
            reply = self.session.send(ApiRequest("GET", path, "get_order_items", params=params))
            payload = self._payload(reply)
            page = payload.get("OrderItems")
            if not isinstance(page, list):
                raise self._bad("payload.OrderItems missing", reply.request_id)
            items.extend(page)
            token = payload.get("NextToken") or None
            if token is None:
                return items

    def _items(self, order_id: str) -> list[tuple[str, int, Decimal | None, str, str, str]]:
        result = []
        for item in self._raw_items(order_id):
            qty = int(item.get("QuantityOrdered", 0))
            price = item.get("ItemPrice") or {}
            total = _decimal(price.get("Amount"))
            unit = None if total is None or qty <= 0 else total / qty
            result.append(
                (
                    str(item.get("SellerSKU") or item.get("ASIN") or ""),
                    qty,
                    unit,
                    str(price.get("CurrencyCode") or ""),
                    str(item.get("Title") or ""),
                    str(item.get("OrderItemId") or ""),
                )
            )
        return result

    def _order(
        self, raw: dict[str, Any], items: list[tuple[str, int, Decimal | None, str, str, str]]
    ) -> PlatformOrder:
        try:
            ship = raw.get("ShippingAddress")
            buyer = raw.get("BuyerInfo") or {}
            total = raw.get("OrderTotal") or {}
            status = str(raw["OrderStatus"])
            return PlatformOrder(
                platform=self.platform,
                store=self.store,
                external_id=str(raw["AmazonOrderId"]),
                updated_at=parse_iso(raw["LastUpdateDate"]),
                platform_status=status,
                status=_STATUS.get(status, OrderStatus.ON_HOLD),
                buyer=Buyer(
                    name=str(buyer.get("BuyerName") or ""),
                    email=str(buyer.get("BuyerEmail") or ""),
                    phone=str((ship or {}).get("Phone") or ""),
                ),
                order=IncomingOrder(
                    number=str(raw["AmazonOrderId"]),
                    ship_to=_address(ship) if ship else ShipTo(),
                    lines=aggregate_lines(items),
                    order_date=parse_iso(raw["PurchaseDate"]),
                    source=self.platform.value,
                ),
                currency=str(total.get("CurrencyCode") or ""),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise self._bad(f"order {raw.get('AmazonOrderId')!r}: {exc!r}", "") from None

    def _product_type(self, path: str, sku: str) -> str:
        cached = self._product_types.get(sku)
        if cached:
            return cached
        reply = self.session.send(
            ApiRequest(
                "GET",
                path,
                "listings",
                params=(("marketplaceIds", self._marketplace), ("includedData", "summaries")),
            )
        )
        summaries = reply.data.get("summaries") if isinstance(reply.data, dict) else None
        for summary in summaries or []:
            if summary.get("productType"):
                self._product_types[sku] = str(summary["productType"])
                return self._product_types[sku]
        raise self._bad(f"listing {sku} has no productType", reply.request_id)

    def _payload(self, reply: Reply, kind: type = dict) -> Any:
        payload = reply.data.get("payload") if isinstance(reply.data, dict) else None
        if not isinstance(payload, kind):
            raise self._bad("payload missing", reply.request_id)
        return payload



def _iso(value: datetime) -> str:
    return to_utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"bad amount {value!r}") from None


def _address(ship: dict[str, Any]) -> ShipTo:
    return ShipTo(
        name=str(ship.get("Name") or ""),
        company=str(ship.get("CompanyName") or ""),
        address1=str(ship.get("AddressLine1") or ""),
        address2=" ".join(str(ship[k]) for k in ("AddressLine2", "AddressLine3") if ship.get(k)),
        city=str(ship.get("City") or ""),
        state=state_code(ship.get("StateOrRegion")),
        zip=str(ship.get("PostalCode") or ""),
        country=country_code(ship.get("CountryCode")),
        phone=str(ship.get("Phone") or ""),
    )


def _first_error(data: Any, status: int) -> tuple[str, str]:
    errors = data.get("errors") if isinstance(data, dict) else None
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        first = errors[0]
        message = str(first.get("message", ""))
        if first.get("details"):
            message = f"{message} ({first['details']})"
        return str(first.get("code", status)), message
    return str(status), f"HTTP {status}"


def _lwa_error(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return f"HTTP {response.status_code}"
    return f"{data.get('error', '')}: {data.get('error_description', '')}".strip(": ")
