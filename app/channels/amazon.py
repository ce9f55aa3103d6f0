"""Amazon SP-API connector: Orders 2026-01-01 (v0 as a fallback), MFN orders, listings.

Contract (reference §2, ``amzn/selling-partner-api-models``): LWA refresh-token
exchange, token sent as ``x-amz-access-token`` and refreshed before its hour is
up; an expired token answers **403** ``Unauthorized``. ``…Before`` filters must
be at least two minutes behind Amazon's clock, so the window end is clamped to
the platform time seen in ``Date`` headers. Paging tokens are passed as ordinary
(properly encoded) parameters, never re-encoded by hand.

Orders are read with ``searchOrders`` of the Orders API 2026-01-01 (v0 is marked
deprecated in Amazon's own ``ordersV0.json`` since its 2026-02-25 revision): one
call per page brings the items, the buyer and the recipient (``includedData``), and
the address comes by role, without a Restricted Data Token. The v0 path
(``getOrders`` + ``getOrderItems`` per order, RDT for addresses) stays as the
``orders_api=v0`` setting. An app without the restricted PII role still syncs:
Amazon leaves the name and street out (v0: the RDT request is refused), and orders
ready to ship without a street come out ``address_withheld``. Prices keep the
line total exact (:func:`app.channels.normalized.exact_lines`).
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator, Mapping, Sequence
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
    country_code,
    exact_lines,
    parse_iso,
    state_code,
    to_utc,
)
from app.domain.order_value import IncomingOrder, ShipTo

log = logging.getLogger(__name__)

#: Default usage plans from the models (rate per second, burst).
_LIMITS = {
    "search_orders": BucketSpec(0.0056, 20),
    "get_order": BucketSpec(0.5, 30),
    "get_orders": BucketSpec(0.0167, 20),
    "get_order_items": BucketSpec(0.5, 30),
    "rdt": BucketSpec(1.0, 10),
    "confirm_shipment": BucketSpec(2.0, 10),
    "listings": BucketSpec(5.0, 5),
    "token": BucketSpec(1.0, 5),
}
#: The two order APIs: the ``orders_api`` setting's values.
ORDERS_2026 = "2026-01-01"
ORDERS_V0 = "v0"
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
#: ``FulfillmentStatus`` of orders_2026-01-01.json (the enum of ``fulfillmentStatuses``).
_STATUS_2026 = {
    "PENDING_AVAILABILITY": OrderStatus.PENDING,
    "PENDING": OrderStatus.PENDING,
    "UNSHIPPED": OrderStatus.OPEN,
    "PARTIALLY_SHIPPED": OrderStatus.PARTIALLY_SHIPPED,
    "SHIPPED": OrderStatus.SHIPPED,
    "CANCELLED": OrderStatus.CANCELLED,
    "UNFULFILLABLE": OrderStatus.ON_HOLD,
}
#: Statuses in which Amazon gives the address to an app with the PII role.
_TO_SHIP = frozenset({OrderStatus.OPEN, OrderStatus.PARTIALLY_SHIPPED})
#: The datasets searchOrders returns besides the order and its items.
_INCLUDED = "BUYER,RECIPIENT,PROCEEDS,FULFILLMENT"
_CARRIER_CODES = (
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
)
#: Amazon refuses "…Before" values closer than 2 min to its clock; keep a margin.
FRESHNESS_LAG = timedelta(minutes=2, seconds=30)
#: One order item as push_tracking needs it: (orderItemId, SellerSKU, units still open).
_OpenItem = tuple[str, str, int]


class AmazonConnector(ConnectorBase):
    """One Amazon seller account in one marketplace (MFN orders only).

    Settings: ``marketplace_id`` (default ATVPDKIKX0DER, US), ``seller_id``
    (stock pushes), ``token_url`` (default https://api.amazon.com/auth/o2/token),
    ``page_size`` (1-100, default 100), ``orders_api`` (``2026-01-01``, the default,
    or ``v0``: the deprecated getOrders/getOrderItems, a fallback while an account
    cannot use the new API), ``use_rdt`` (v0 only, default true: fetch addresses
    with a Restricted Data Token), ``rate_limit.<op>``, ``http.*``.
    Secrets: ``refresh_token``, ``client_id``, ``client_secret``.
    """

    platform: ClassVar[Platform] = Platform.AMAZON
    required_settings: ClassVar[tuple[str, ...]] = ()
    optional_settings: ClassVar[dict[str, str]] = {
        "marketplace_id": "ATVPDKIKX0DER",
        "seller_id": "",
        "token_url": "https://api.amazon.com/auth/o2/token",
        "page_size": "100",
        "orders_api": ORDERS_2026,
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
        self._api = settings.get("orders_api", "").strip() or ORDERS_2026
        if self._api not in (ORDERS_2026, ORDERS_V0):
            raise ConfigError(
                store=store, key="orders_api", detail=f"{ORDERS_2026} or {ORDERS_V0}"
            )
        self._use_rdt = bool_setting(settings, "use_rdt", True)
        #: Set once Amazon refused an RDT (no PII role): v0 reads go on without one.
        self.pii_refused = False
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
        """MFN orders updated in the window, a page at a time (searchOrders, or v0)."""
        start = to_utc(window_start)
        end = min(to_utc(window_end), self.latest_safe_window_end())
        if end <= start:
            return
        builder = PageBuilder(self.platform, self.store, start, end)
        pages = self._search_orders if self._api == ORDERS_2026 else self._get_orders
        for orders, token in pages(start, end, cursor):
            yield builder.build(orders, token)

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
        """confirmShipment (v0: the 2026 model has none) for one package; order items
        resolved from SellerSKU; ``carrier`` may name the service too ("UPS Ground")."""
        items, packages = self._open_items(order_ref)
        if tracking in packages:  # shipped with this number already (a retry, Buy Shipping)
            return PushResult(True, packages[tracking], "", already_done=True)
        open_qty = {item_id: qty for item_id, _, qty in items}
        wanted: list[tuple[str, int]] = []
        if lines is None:
            wanted = [(item_id, q) for item_id, q in open_qty.items() if q > 0]
        for line in lines or ():
            remaining = line.quantity
            for item_id, sku, _ in items:
                take = min(remaining, open_qty[item_id])
                if sku == line.sku and take > 0:
                    wanted.append((item_id, take))
                    open_qty[item_id] -= take
                    remaining -= take
            if remaining > 0:
                raise self._rejected("nothing_to_ship", f"order {order_ref}: {line.sku} not open")
        if not wanted:
            raise self._rejected("nothing_to_ship", f"order {order_ref} has nothing left to ship")
        code, name, service = carrier_and_service(carrier)
        # positive numeric, unique per order, stable across retries
        package_ref = str(zlib.crc32(tracking.encode()) or 1)
        package: dict[str, Any] = {
            "packageReferenceId": package_ref,
            "carrierCode": code,
            "carrierName": name,
            "trackingNumber": tracking,
            "shipDate": _iso(self.session.platform_now()),
            "orderItems": [{"orderItemId": i, "quantity": q} for i, q in wanted],
        }
        if service:
            package["shippingMethod"] = service
        reply = self.session.send(
            ApiRequest(
                "POST",
                f"/orders/v0/orders/{quote(order_ref, safe='')}/shipmentConfirmation",
                "confirm_shipment",
                content=json_bytes({"marketplaceId": self._marketplace, "packageDetail": package}),
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
        """LWA token, or the RDT for v0 getOrders so addresses come back unmasked."""
        if not self._lwa.valid:
            self._exchange_lwa()
        token = self._lwa.value
        if self._use_rdt and request.operation == "get_orders" and not self.pii_refused:
            if not self._rdt.valid:
                self._obtain_rdt()
            if self._rdt.valid:
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

    # -- reading orders -----------------------------------------------------------------

    def _search_orders(
        self, start: datetime, end: datetime, cursor: str | None
    ) -> Iterator[tuple[list[PlatformOrder], str | None]]:
        """searchOrders pages: the same filters with every page, ``paginationToken`` added
        (the model's ``Pagination``: "All other parameters must be provided")."""
        base = (
            ("lastUpdatedAfter", _iso(start)),
            ("lastUpdatedBefore", _iso(end)),
            ("marketplaceIds", self._marketplace),
            ("fulfilledBy", "MERCHANT"),
            ("maxResultsPerPage", str(self._page_size)),
            ("includedData", _INCLUDED),
        )
        token = cursor
        while True:
            params = base if token is None else (*base, ("paginationToken", token))
            reply = self.session.send(
                ApiRequest("GET", "/orders/2026-01-01/orders", "search_orders", params=params)
            )
            data = reply.data if isinstance(reply.data, dict) else {}
            raw_orders = data.get("orders")
            if not isinstance(raw_orders, list):
                raise self._bad("orders missing", reply.request_id)
            orders = [
                self._order_2026(raw)
                for raw in raw_orders
                if (raw.get("fulfillment") or {}).get("fulfilledBy", "MERCHANT") == "MERCHANT"
            ]
            token = (data.get("pagination") or {}).get("nextToken") or None
            yield orders, token
            if token is None:
                return

    def _get_orders(
        self, start: datetime, end: datetime, cursor: str | None
    ) -> Iterator[tuple[list[PlatformOrder], str | None]]:
        """v0: getOrders pages, then getOrderItems for each order."""
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
                orders.append(self._order_v0(raw, self._raw_items(str(raw.get("AmazonOrderId")))))
            token = payload.get("NextToken") or None
            yield orders, token
            if token is None:
                return

    def _order_2026(self, raw: dict[str, Any]) -> PlatformOrder:
        """An ``Order`` of orders_2026-01-01.json (items included, prices per unit, the
        item's ``ITEM`` proceeds its exact line total)."""
        try:
            fulfillment = raw.get("fulfillment") or {}
            platform_status = str(fulfillment["fulfillmentStatus"])
            address = (raw.get("recipient") or {}).get("deliveryAddress")
            buyer = raw.get("buyer") or {}
            items = [_item_2026(item) for item in raw["orderItems"]]
            grand = (raw.get("proceeds") or {}).get("grandTotal") or {}
            return self._normalized(
                external_id=str(raw["orderId"]),
                updated=str(raw["lastUpdatedTime"]),
                created=str(raw["createdTime"]),
                platform_status=platform_status,
                status=_STATUS_2026.get(platform_status, OrderStatus.ON_HOLD),
                buyer=Buyer(
                    name=str(buyer.get("buyerName") or ""),
                    email=str(buyer.get("buyerEmail") or ""),
                    phone=str((address or {}).get("phone") or ""),
                ),
                ship_to=_address_2026(address) if address else ShipTo(),
                items=items,
                currency=str(grand.get("currencyCode") or ""),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise self._bad(f"order {raw.get('orderId')!r}: {exc!r}", "") from None

    def _order_v0(self, raw: dict[str, Any], raw_items: list[dict[str, Any]]) -> PlatformOrder:
        """A v0 ``Order`` with its ``OrderItems`` (``ItemPrice`` is the line total)."""
        try:
            ship = raw.get("ShippingAddress")
            buyer = raw.get("BuyerInfo") or {}
            total = raw.get("OrderTotal") or {}
            status = str(raw["OrderStatus"])
            return self._normalized(
                external_id=str(raw["AmazonOrderId"]),
                updated=str(raw["LastUpdateDate"]),
                created=str(raw["PurchaseDate"]),
                platform_status=status,
                status=_STATUS.get(status, OrderStatus.ON_HOLD),
                buyer=Buyer(
                    name=str(buyer.get("BuyerName") or ""),
                    email=str(buyer.get("BuyerEmail") or ""),
                    phone=str((ship or {}).get("Phone") or ""),
                ),
                ship_to=_address_v0(ship) if ship else ShipTo(),
                items=[_item_v0(item) for item in raw_items],
                currency=str(total.get("CurrencyCode") or ""),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise self._bad(f"order {raw.get('AmazonOrderId')!r}: {exc!r}", "") from None

    def _normalized(
        self,
        *,
        external_id: str,
        updated: str,
        created: str,
        platform_status: str,
        status: OrderStatus,
        buyer: Buyer,
        ship_to: ShipTo,
        items: list[tuple[str, int, Decimal | None, str, str, str]],
        currency: str,
    ) -> PlatformOrder:
        """What both APIs' orders become; a ready order without a street is withheld."""
        return PlatformOrder(
            platform=self.platform,
            store=self.store,
            external_id=external_id,
            updated_at=parse_iso(updated),
            platform_status=platform_status,
            status=status,
            buyer=buyer,
            order=IncomingOrder(
                number=external_id,
                ship_to=ship_to,
                lines=exact_lines(items),
                order_date=parse_iso(created),
                source=self.platform.value,
            ),
            currency=currency,
            address_withheld=status in _TO_SHIP and not ship_to.address1.strip(),
        )

    # -- tokens -------------------------------------------------------------------------

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
        """createRestrictedDataToken for v0 getOrders; a refusal (the app lacks the
        restricted role: 403 ``Unauthorized`` in the Tokens API's ``ErrorList``, which
        stays after the one LWA refresh) lets the sync go on without addresses."""
        body = {
            "restrictedResources": [
                {
                    "method": "GET",
                    "path": "/orders/v0/orders",
                    "dataElements": ["buyerInfo", "shippingAddress"],
                }
            ]
        }
        try:
            reply = self.session.send(
                ApiRequest(
                    "POST",
                    "/tokens/2021-03-01/restrictedDataToken",
                    "rdt",
                    content=json_bytes(body),
                    headers={"Content-Type": "application/json"},
                )
            )
        except AuthError as exc:
            log.warning("Amazon %s: no Restricted Data Token (%s); orders come without "
                        "name and street", self.store, exc.fields.get("detail", ""))
            self.pii_refused = True
            return
        data = reply.data if isinstance(reply.data, dict) else {}
        token = data.get("restrictedDataToken")
        if not isinstance(token, str):
            raise self._bad("restrictedDataToken missing", reply.request_id)
        self._rdt.set(token, float(data.get("expiresIn") or 3600))

    # -- order items ----------------------------------------------------------------------

    def _open_items(self, order_id: str) -> tuple[list[_OpenItem], dict[str, str]]:
        """The order's items with the units still to ship, and the packages it has
        (tracking number -> packageReferenceId; only the 2026 API tells them)."""
        if self._api == ORDERS_V0:
            return [
                (
                    str(i["OrderItemId"]),
                    str(i.get("SellerSKU") or ""),
                    int(i.get("QuantityOrdered", 0)) - int(i.get("QuantityShipped", 0)),
                )
                for i in self._raw_items(order_id)
            ], {}
        reply = self.session.send(
            ApiRequest(
                "GET",
                f"/orders/2026-01-01/orders/{quote(order_id, safe='')}",
                "get_order",
                params=(("includedData", "FULFILLMENT,PACKAGES"),),
            )
        )
        order = reply.data.get("order") if isinstance(reply.data, dict) else None
        if not isinstance(order, dict) or not isinstance(order.get("orderItems"), list):
            raise self._bad("order.orderItems missing", reply.request_id)
        result = []
        for item in order["orderItems"]:
            done = item.get("fulfillment") or {}
            ordered = int(item.get("quantityOrdered", 0))
            unfulfilled = done.get("quantityUnfulfilled")
            left = (
                int(unfulfilled)
                if unfulfilled is not None
                else ordered - int(done.get("quantityFulfilled") or 0)
            )
            product = item.get("product") or {}
            result.append((str(item["orderItemId"]), str(product.get("sellerSku") or ""), left))
        packages = {
            str(p["trackingNumber"]): str(p.get("packageReferenceId") or "")
            for p in order.get("packages") or []
            if p.get("trackingNumber")
        }
        return result, packages

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


def carrier_and_service(carrier: str) -> tuple[str, str, str]:
    """(``carrierCode``, ``carrierName``, ``shippingMethod``) for confirmShipment.

    ``shippingMethod`` is the carrier's service ("UPS Ground" -> "Ground"), never the
    carrier's name again; empty (and left out) when ``carrier`` names none. A carrier
    Amazon has no code for goes as ``Other`` with its name as written (required then).
    """
    text = " ".join(carrier.split())
    folded = text.casefold()
    for code in sorted(_CARRIER_CODES, key=len, reverse=True):
        key = code.casefold()
        if folded == key or folded.startswith(key + " "):
            return code, code, text[len(code):].strip(" -")
    return "Other", text, ""


def _iso(value: datetime) -> str:
    return to_utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"bad amount {value!r}") from None


#: An item as :func:`app.channels.normalized.exact_lines` takes it.
_Item = tuple[str, int, Decimal | None, str, str, str]


def _item_2026(item: dict[str, Any]) -> _Item:
    """(sku, quantity, line total, currency, title, orderItemId) of a 2026 ``OrderItem``.

    The line total is the item's ``ITEM`` proceeds (what the buyer was charged for the
    units); without PROCEEDS data, ``unitPrice`` x quantity.
    """
    product = item.get("product") or {}
    quantity = int(item["quantityOrdered"])
    unit = (product.get("price") or {}).get("unitPrice") or {}
    currency = str(unit.get("currencyCode") or "")
    total: Decimal | None = None
    for part in (item.get("proceeds") or {}).get("breakdowns") or []:
        if part.get("type") == "ITEM":
            subtotal = part.get("subtotal") or {}
            total = _decimal(subtotal.get("amount"))
            currency = str(subtotal.get("currencyCode") or currency)
            break
    if total is None:
        price = _decimal(unit.get("amount"))
        total = None if price is None else price * quantity
    sku = str(product.get("sellerSku") or product.get("asin") or "")
    return sku, quantity, total, currency, str(product.get("title") or ""), str(
        item.get("orderItemId") or ""
    )


def _item_v0(item: dict[str, Any]) -> _Item:
    """The same of a v0 ``OrderItem``: ``ItemPrice`` is already the line total."""
    price = item.get("ItemPrice") or {}
    return (
        str(item.get("SellerSKU") or item.get("ASIN") or ""),
        int(item.get("QuantityOrdered", 0)),
        _decimal(price.get("Amount")),
        str(price.get("CurrencyCode") or ""),
        str(item.get("Title") or ""),
        str(item.get("OrderItemId") or ""),
    )


def _address_2026(ship: dict[str, Any]) -> ShipTo:
    """A 2026 ``CustomerAddress``: without the PII role only city, state and country."""
    return ShipTo(
        name=str(ship.get("name") or ""),
        company=str(ship.get("companyName") or ""),
        address1=str(ship.get("addressLine1") or ""),
        address2=" ".join(str(ship[k]) for k in ("addressLine2", "addressLine3") if ship.get(k)),
        city=str(ship.get("city") or ""),
        state=state_code(ship.get("stateOrRegion")),
        zip=str(ship.get("postalCode") or ""),
        country=country_code(ship.get("countryCode")),
        phone=str(ship.get("phone") or ""),
    )


def _address_v0(ship: dict[str, Any]) -> ShipTo:
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
