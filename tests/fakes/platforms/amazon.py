"""Fake Amazon SP-API: LWA token endpoint, Orders 2026-01-01 and v0, RDT,
confirmShipment, listings.

Built from ``amzn/selling-partner-api-models``: ``orders_2026-01-01.json``
(``searchOrders``/``getOrder``: camelCase ``orders[]`` with their ``orderItems``,
``pagination.nextToken`` sent back as ``paginationToken`` with the same filters,
``includedData`` choosing BUYER/RECIPIENT/PROCEEDS/FULFILLMENT, PII by role and
never by RDT), ``ordersV0.json`` (getOrders/getOrderItems, confirmShipment) and
``tokens_2021-03-01.json`` (createRestrictedDataToken; refused with 403 and the
model's ``ErrorList`` when the app lacks the restricted role).

Enforces: ``x-amz-access-token`` (expired/revoked -> **403** ``Unauthorized``);
exactly one of created/lastUpdated after (never mixed); ``…Before`` at least 2
minutes in the past; decodable ``NextToken``/``paginationToken`` (with ``+ / =``;
v0 filters alongside the token accepted or not, both styles); v0 addresses and
buyer info only with an RDT, 2026 ones only with ``pii_role``; v0 ``ItemPrice`` =
the line total, 2026 ``unitPrice`` per unit and the ``ITEM`` proceeds the line
total; 204 on confirmShipment; 429 ``QuotaExceeded``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs

from tests.fakes.platforms.clock import VirtualClock
from tests.fakes.platforms.model import SeedOrder
from tests.fakes.platforms.server import FakePlatform, FakeRequest, FakeResponse, FaultPlan

_ADDRESS_STATUSES = {"Unshipped", "PartiallyShipped", "Shipped", "InvoiceUnconfirmed"}
#: v0 OrderStatus -> 2026 FulfillmentStatus.
_STATUS_2026 = {
    "PendingAvailability": "PENDING_AVAILABILITY", "Pending": "PENDING",
    "Unshipped": "UNSHIPPED", "PartiallyShipped": "PARTIALLY_SHIPPED", "Shipped": "SHIPPED",
    "InvoiceUnconfirmed": "SHIPPED", "Canceled": "CANCELLED", "Unfulfillable": "UNFULFILLABLE",
}
#: The 2026 address fields that are PII ("Access Orders PII", developer-docs.amazon.com).
_PII_2026 = ("name", "addressLine1", "addressLine2", "addressLine3", "postalCode", "phone")
_DENIED = "Access to requested resource is denied."
_STATUS = {"open": "Unshipped", "pending": "Pending", "cancelled": "Canceled", "shipped": "Shipped"}
_TWO_MIN = (
    "The most updated data is 2 minutes after an order is created or last updated. If "
    "you set the CreatedBefore or LastUpdatedBefore parameters, please provide a date "
    "that is at least 2 minutes before current time"
)


@dataclass(frozen=True)
class _Query:
    after: datetime
    before: datetime | None
    by_update: bool
    channels: frozenset[str]
    limit: int
    offset: int
    snapshot: tuple[str, ...] = ()


def _err(status: int, code: str, message: str, details: str = "", **headers: str) -> FakeResponse:
    return FakeResponse.json(
        status, {"errors": [{"code": code, "message": message, "details": details}]}, **headers
    )


class FakeAmazon(FakePlatform):
    """In-memory seller account behind a real HTTP server."""

    fault_exempt_prefixes = ("/auth/o2/token",)

    def __init__(
        self,
        clock: VirtualClock | None = None,
        faults: FaultPlan | None = None,
        *,
        refresh_token: str = "Atzr|refresh",
        client_id: str = "amzn-client",
        client_secret: str = "amzn-secret",
        token_lifetime: float = 3600.0,
        rdt_lifetime: float = 3600.0,
        items_page_size: int = 100,
        limits: dict[str, tuple[float, float]] | None = None,
        pii_role: bool = True,
    ) -> None:
        """``pii_role`` false: the app lacks the restricted Direct-to-Consumer Delivery
        role (no RDT, no name/street/ZIP/phone in 2026 answers)."""
        super().__init__(clock, faults)
        self.refresh_token, self.client_id, self.client_secret = (
            refresh_token,
            client_id,
            client_secret,
        )
        self.token_lifetime, self.rdt_lifetime = token_lifetime, rdt_lifetime
        self.items_page_size = items_page_size
        self.pii_role = pii_role
        self.limits.update(limits or {"get_orders": (0.0167, 20), "get_order_items": (0.5, 30),
                                      "search_orders": (0.0056, 20), "get_order": (0.5, 30)})
        self.tokens: dict[str, float] = {}
        self.rdts: dict[str, float] = {}
        self.orders: dict[str, dict[str, Any]] = {}
        self.items: dict[str, list[dict[str, Any]]] = {}
        self.shipments: list[dict[str, Any]] = []
        self.listings: dict[str, dict[str, Any]] = {}
        #: 2026-shaped orders served as given (the model's own examples).
        self.raw_2026: dict[str, dict[str, Any]] = {}
        self.seller_id = "A1SELLER"
        self._cursors: dict[str, _Query] = {}
        self._item_cursors: dict[str, tuple[str, int]] = {}
        self._issued = 0

    # -- seeding ----------------------------------------------------------------------

    def add(self, seed: SeedOrder, *, channel: str = "MFN") -> None:
        """Add an order (``seed.id`` is used as AmazonOrderId)."""
        status = _STATUS[seed.status]
        order = {
            "AmazonOrderId": seed.id,
            "PurchaseDate": _iso(seed.created),
            "LastUpdateDate": _iso(seed.updated),
            "OrderStatus": status,
            "FulfillmentChannel": channel,
            "MarketplaceId": "ATVPDKIKX0DER",
            "OrderTotal": {
                "CurrencyCode": seed.currency,
                "Amount": str(sum((li.price * li.quantity for li in seed.lines), start=0)),
            },
            "ShippingAddress": {
                "Name": seed.buyer_name,
                "AddressLine1": seed.address1,
                "AddressLine2": seed.address2 or None,
                "City": seed.city,
                "StateOrRegion": seed.state,
                "PostalCode": seed.zip,
                "CountryCode": "US",
                "Phone": seed.phone,
            },
            "BuyerInfo": {"BuyerEmail": seed.email, "BuyerName": seed.buyer_name},
            "_updated": seed.updated,
        }
        with self.lock:
            self.orders[seed.id] = order
            self.items[seed.id] = [
                {
                    "ASIN": f"B0{n:08d}",
                    "SellerSKU": li.sku,
                    "OrderItemId": f"{seed.id}-{n}",
                    "Title": f"Item {li.sku}",
                    "QuantityOrdered": li.quantity,
                    "QuantityShipped": li.quantity if seed.status == "shipped" else 0,
                    "ItemPrice": {
                        "CurrencyCode": seed.currency,
                        "Amount": str(li.price * li.quantity),
                    },
                }
                for n, li in enumerate(seed.lines)
            ]
            for li in seed.lines:
                self.listings.setdefault(li.sku, {"productType": "HOME", "quantity": None})

    def add_line_total(self, order_id: str, sku: str, total: Decimal) -> None:
        """Charge ``total`` for the SKU's line (17.95 for 2 units: no cent unit price)."""
        with self.lock:
            for item in self.items[order_id]:
                if item["SellerSKU"] == sku:
                    item["ItemPrice"]["Amount"] = str(total)

    def add_v0(self, order: dict[str, Any], items: list[dict[str, Any]]) -> None:
        """Serve a v0 ``Order`` and its ``OrderItems`` verbatim (the model's examples)."""
        with self.lock:
            self.orders[order["AmazonOrderId"]] = {
                **order, "_updated": _parse(order["LastUpdateDate"]), "_verbatim": True}
            self.items[order["AmazonOrderId"]] = items

    def add_2026(self, order: dict[str, Any]) -> None:
        """Serve a 2026 ``Order`` verbatim (say, the model's example), by its times."""
        with self.lock:
            self.raw_2026[order["orderId"]] = order

    def set_status(self, order_id: str, status: str, at: datetime | None = None) -> None:
        """Change an order's OrderStatus (e.g. ``Canceled``) and LastUpdateDate."""
        with self.lock:
            order = self.orders[order_id]
            order["OrderStatus"] = status
            self._touch(order, at or self.clock.now())

    def _touch(self, order: dict[str, Any], at: datetime) -> None:
        order["LastUpdateDate"] = _iso(at)
        order["_updated"] = at

    def revoke_tokens(self) -> None:
        """Expire every LWA token and RDT."""
        self.tokens.clear()
        self.rdts.clear()

    # -- HTTP -------------------------------------------------------------------------

    def throttled(self, retry_after: float) -> FakeResponse:
        """Amazon's 429 (no Retry-After; only a request id)."""
        return _err(
            429,
            "QuotaExceeded",
            "You exceeded your quota for the requested resource.",
            **{"x-amzn-RequestId": f"amz-{len(self.log)}"},
        )

    def fault_response(self, kind: str) -> FakeResponse:
        """Amazon-shaped faults."""
        if kind == "500":
            return _err(500, "InternalFailure", "We encountered an internal error.")
        return super().fault_response(kind)

    def handle(self, request: FakeRequest) -> FakeResponse:
        """Route an SP-API request."""
        if request.path == "/auth/o2/token":
            return self._lwa(request)
        token = request.header("x-amz-access-token")
        now = self.clock.monotonic()
        with self.lock:
            lwa_ok = self.tokens.get(token, -1) > now
            rdt_ok = self.rdts.get(token, -1) > now
        if not (lwa_ok or rdt_ok):
            return _err(
                403,
                "Unauthorized",
                "Access to requested resource is denied.",
                "The access token you provided is revoked, malformed or invalid.",
            )
        rid = {"x-amzn-RequestId": f"amz-{len(self.log)}"}
        path = request.path
        if path == "/orders/v0/orders" and request.method == "GET":
            return self._limited("get_orders", rid, lambda: self._get_orders(request, rdt_ok))
        if rdt_ok:  # an RDT is only good for the resource it was issued for
            return _err(403, "Unauthorized", "Access to requested resource is denied.")
        m = re.fullmatch(r"/orders/v0/orders/([^/]+)/(orderItems|shipmentConfirmation)", path)
        if m and m.group(2) == "orderItems":
            return self._limited("get_order_items", rid, lambda: self._items(m.group(1), request))
        if m and request.method == "POST":
            return self._limited("confirm", rid, lambda: self._confirm(m.group(1), request))
        if path == "/orders/2026-01-01/orders" and request.method == "GET":
            return self._limited("search_orders", rid, lambda: self._search_orders(request))
        m = re.fullmatch(r"/orders/2026-01-01/orders/([^/]+)", path)
        if m and request.method == "GET":
            return self._limited("get_order", rid, lambda: self._get_order(m.group(1), request))
        if path == "/tokens/2021-03-01/restrictedDataToken" and request.method == "POST":
            return self._rdt(request)
        m = re.fullmatch(r"/listings/2021-08-01/items/([^/]+)/([^/]+)", path)
        if m:
            return self._listing(m.group(1), m.group(2), request)
        if path == "/sellers/v1/marketplaceParticipations":
            return FakeResponse.json(
                200, {"payload": [{"marketplace": {"id": "ATVPDKIKX0DER", "name": "Amazon.com"}}]}
            )
        return _err(404, "NotFound", "Resource not found")

    def _limited(self, op: str, headers: dict[str, str], action: Any) -> FakeResponse:
        if self.take(op) is not None:
            return self.throttled(0)
        response: FakeResponse = action()
        response.headers.update(headers)
        if op in self.limits:
            response.headers["x-amzn-RateLimit-Limit"] = str(self.limits[op][0])
        return response

    def _lwa(self, request: FakeRequest) -> FakeResponse:
        form = {k: v[0] for k, v in parse_qs(request.body.decode()).items()}
        expected = ("refresh_token", self.refresh_token, self.client_id, self.client_secret)
        got = (
            form.get("grant_type"),
            form.get("refresh_token"),
            form.get("client_id"),
            form.get("client_secret"),
        )
        if got != expected:
            return FakeResponse.json(
                400,
                {
                    "error": "invalid_grant",
                    "error_description": "The request has an invalid grant parameter",
                },
            )
        with self.lock:
            self._issued += 1
            token = f"Atza|token{self._issued}"
            self.tokens[token] = self.clock.monotonic() + self.token_lifetime
        return FakeResponse.json(
            200,
            {
                "access_token": token,
                "token_type": "bearer",
                "expires_in": int(self.token_lifetime),
                "refresh_token": self.refresh_token,
            },
        )

    def _rdt(self, request: FakeRequest) -> FakeResponse:
        if not self.pii_role:  # tokens_2021-03-01.json: 403 with an ErrorList
            return _err(403, "Unauthorized", _DENIED)
        body = request.json() or {}
        resources = body.get("restrictedResources") or []
        if not resources or resources[0].get("path") != "/orders/v0/orders":
            return _err(400, "InvalidInput", "restrictedResources invalid")
        with self.lock:
            self._issued += 1
            token = f"Atz.sprdt|rdt{self._issued}"
            self.rdts[token] = self.clock.monotonic() + self.rdt_lifetime
        return FakeResponse.json(
            200, {"restrictedDataToken": token, "expiresIn": int(self.rdt_lifetime)}
        )

    def _get_orders(self, request: FakeRequest, with_pii: bool) -> FakeResponse:
        if not request.q("MarketplaceIds"):
            return _err(400, "InvalidInput", "MarketplaceIds is required")
        next_token = request.q("NextToken")
        if next_token is not None:
            query = self._cursors.get(next_token)
            if query is None:
                return _err(
                    400,
                    "InvalidInput",
                    "We could not decode your NextToken. Possible "
                    "reasons include: a transmission error, improper quoting or a "
                    "truncation problem.",
                )
        else:
            built = self._new_query(request)
            if isinstance(built, FakeResponse):
                return built
            query = built
        with self.lock:
            if next_token is None:  # the result set is fixed when the query starts
                matching = sorted(
                    (o for o in self.orders.values() if _match(o, query)),
                    key=lambda o: (o["_updated"], o["AmazonOrderId"]),
                )
                query = replace(query, snapshot=tuple(o["AmazonOrderId"] for o in matching))
            ids = query.snapshot[query.offset : query.offset + query.limit]
            payload: dict[str, Any] = {"Orders": [_public(self.orders[i], with_pii) for i in ids]}
        if query.offset + query.limit < len(query.snapshot):
            nxt = replace(query, offset=query.offset + query.limit)
            token = self.new_cursor()
            self._cursors[token] = self.page_served(query, nxt)
            payload["NextToken"] = token
        else:
            self.page_served(None, None)
        if query.before is not None:
            payload["LastUpdatedBefore" if query.by_update else "CreatedBefore"] = _iso(
                query.before
            )
        return FakeResponse.json(200, {"payload": payload})

    def _new_query(self, request: FakeRequest) -> _Query | FakeResponse:
        created, updated = request.q("CreatedAfter"), request.q("LastUpdatedAfter")
        if (created is None) == (updated is None):
            return _err(
                400, "InvalidInput", "Exactly one of CreatedAfter or LastUpdatedAfter is required"
            )
        by_update = updated is not None
        before_text = request.q("LastUpdatedBefore" if by_update else "CreatedBefore")
        wrong = request.q("CreatedBefore" if by_update else "LastUpdatedBefore")
        if wrong is not None:
            return _err(400, "InvalidInput", "Created and LastUpdated filters cannot be mixed")
        try:
            after = _parse(updated or created or "")
            before = _parse(before_text) if before_text else None
            limit = int(request.q("MaxResultsPerPage") or 100)
        except ValueError as exc:
            return _err(400, "InvalidInput", f"Invalid Input: {exc}")
        if before is not None and before > self.clock.now() - timedelta(minutes=2):
            return _err(400, "InvalidInput", _TWO_MIN)
        if not 1 <= limit <= 100:
            return _err(400, "InvalidInput", "MaxResultsPerPage must be 1-100")
        channels = frozenset((request.q("FulfillmentChannels") or "").split(",")) - {""}
        return _Query(after, before, by_update, channels, limit, 0)

    def _search_orders(self, request: FakeRequest) -> FakeResponse:
        """searchOrders: the query is fixed when it starts; a ``paginationToken`` must come
        with the filters again (the model's ``Pagination``), and points at the next page."""
        token = request.q("paginationToken")
        created, updated = request.q("createdAfter"), request.q("lastUpdatedAfter")
        if (created is None) == (updated is None):
            return _err(400, "InvalidInput", "Invalid Input",
                        "Exactly one of createdAfter and lastUpdatedAfter is required")
        if token is not None:
            query = self._cursors.get(token)
            if query is None:
                return _err(400, "InvalidInput", "Invalid Input", "Invalid paginationToken")
        else:
            by_update = updated is not None
            if request.q("createdBefore" if by_update else "lastUpdatedBefore") is not None:
                return _err(400, "InvalidInput", "Invalid Input",
                            "created and lastUpdated filters cannot be mixed")
            before_text = request.q("lastUpdatedBefore" if by_update else "createdBefore")
            try:
                after = _parse(updated or created or "")
                before = _parse(before_text) if before_text else None
                limit = int(request.q("maxResultsPerPage") or 100)
            except ValueError as exc:
                return _err(400, "InvalidInput", "Invalid Input", str(exc))
            if before is not None and before > self.clock.now() - timedelta(minutes=2):
                return _err(400, "InvalidInput", "Invalid Input", _TWO_MIN)
            if not 1 <= limit <= 100:
                return _err(400, "InvalidInput", "Invalid Input", "maxResultsPerPage is 1-100")
            by = frozenset((request.q("fulfilledBy") or "").split(",")) - {""}
            query = _Query(after, before, by_update, by, limit, 0)
        included = frozenset((request.q("includedData") or "").split(",")) - {""}
        with self.lock:
            if token is None:
                views = [self._view_2026(i, included)
                         for i, o in self.orders.items() if not o.get("_verbatim")]
                views += list(self.raw_2026.values())
                matching = sorted((o for o in views if _match_2026(o, query)),
                                  key=lambda o: (_parse(o["lastUpdatedTime"]), o["orderId"]))
                query = replace(query, snapshot=tuple(o["orderId"] for o in matching))
            ids = query.snapshot[query.offset : query.offset + query.limit]
            body: dict[str, Any] = {"orders": [
                self.raw_2026[i] if i in self.raw_2026 else _served(self._view_2026(i, included))
                for i in ids
            ]}
        if query.offset + query.limit < len(query.snapshot):
            nxt = replace(query, offset=query.offset + query.limit)
            cursor = self.new_cursor()
            self._cursors[cursor] = self.page_served(query, nxt)
            body["pagination"] = {"nextToken": cursor}
        else:
            self.page_served(None, None)
        if query.before is not None:
            body["lastUpdatedBefore" if query.by_update else "createdBefore"] = _iso(query.before)
        return FakeResponse.json(200, body)

    def _get_order(self, order_id: str, request: FakeRequest) -> FakeResponse:
        included = frozenset((request.q("includedData") or "").split(",")) - {""}
        with self.lock:
            if order_id in self.raw_2026:
                return FakeResponse.json(200, {"order": self.raw_2026[order_id]})
            if order_id not in self.orders:
                return _err(404, "NotFound", f"Order {order_id} not found")
            return FakeResponse.json(200, {"order": _served(self._view_2026(order_id, included))})

    def _view_2026(self, order_id: str, included: frozenset[str]) -> dict[str, Any]:
        """The stored order as orders_2026-01-01.json shapes it (caller holds the lock)."""
        order, items = self.orders[order_id], self.items[order_id]
        status = _STATUS_2026[order["OrderStatus"]]
        view: dict[str, Any] = {
            "orderId": order_id,
            "createdTime": order["PurchaseDate"],
            "lastUpdatedTime": order["LastUpdateDate"],
            "salesChannel": {"channelName": "AMAZON", "marketplaceId": order["MarketplaceId"],
                             "marketplaceName": "Amazon.com"},
            "orderItems": [_item_2026(item, included) for item in items],
            "_by": "MERCHANT" if order["FulfillmentChannel"] == "MFN" else "AMAZON",
        }
        if "FULFILLMENT" in included:
            view["fulfillment"] = {"fulfillmentStatus": status, "fulfilledBy": view["_by"],
                                   "fulfillmentServiceLevel": "STANDARD"}
        if "BUYER" in included and self.pii_role:
            info = order["BuyerInfo"]
            view["buyer"] = {"buyerName": info["BuyerName"], "buyerEmail": info["BuyerEmail"]}
        if "RECIPIENT" in included and order["OrderStatus"] in _ADDRESS_STATUSES:
            full = order["ShippingAddress"]
            address = {
                "name": full["Name"], "addressLine1": full["AddressLine1"],
                "addressLine2": full.get("AddressLine2"), "city": full["City"],
                "stateOrRegion": full["StateOrRegion"], "postalCode": full["PostalCode"],
                "countryCode": full["CountryCode"], "phone": full.get("Phone"),
                "addressType": "RESIDENTIAL",
            }
            if not self.pii_role:
                address = {k: v for k, v in address.items() if k not in _PII_2026}
            view["recipient"] = {"deliveryAddress": {k: v for k, v in address.items() if v}}
        if "PACKAGES" in included:  # what confirmShipment recorded, as OrderPackage
            view["packages"] = [
                {"packageReferenceId": p["packageReferenceId"], "carrier": p["carrierCode"],
                 "shippingService": p.get("shippingMethod", ""),
                 "trackingNumber": p["trackingNumber"], "shipTime": p["shipDate"],
                 "packageItems": p["orderItems"]}
                for p in self.shipments if p["order_id"] == order_id
            ]
        if "PROCEEDS" in included:
            total = order["OrderTotal"]
            view["proceeds"] = {"grandTotal": {"amount": total["Amount"],
                                               "currencyCode": total["CurrencyCode"]}}
        return view

    def _items(self, order_id: str, request: FakeRequest) -> FakeResponse:
        with self.lock:
            items = self.items.get(order_id)
            if items is None:
                return _err(404, "NotFound", f"Order {order_id} not found")
            start = 0
            token = request.q("NextToken")
            if token is not None:
                found = self._item_cursors.get(token)
                if found is None or found[0] != order_id:
                    return _err(400, "InvalidInput", "We could not decode your NextToken.")
                start = found[1]
            page = items[start : start + self.items_page_size]
            payload: dict[str, Any] = {"AmazonOrderId": order_id, "OrderItems": page}
            if start + self.items_page_size < len(items):
                nxt = self.new_cursor()
                self._item_cursors[nxt] = (order_id, start + self.items_page_size)
                payload["NextToken"] = nxt
        return FakeResponse.json(200, {"payload": payload})

    def _confirm(self, order_id: str, request: FakeRequest) -> FakeResponse:
        body = request.json() or {}
        package = body.get("packageDetail") or {}
        required = ("packageReferenceId", "carrierCode", "trackingNumber", "shipDate", "orderItems")
        if body.get("marketplaceId") != "ATVPDKIKX0DER" or any(
            not package.get(k) for k in required
        ):
            return _err(400, "InvalidInput", "Invalid Input")
        if not str(package["packageReferenceId"]).isdigit():
            return _err(400, "InvalidInput", "packageReferenceId must be a positive number")
        if package["carrierCode"] == "Other" and not package.get("carrierName"):
            return _err(400, "InvalidInput", "carrierName is required for Other")
        try:
            _parse(package["shipDate"])
        except ValueError:
            return _err(400, "Invalid Input", "Invalid Input")
        with self.lock:
            order = self.orders.get(order_id)
            if order is None:
                return _err(404, "NotFound", f"Order {order_id} not found")
            by_id = {i["OrderItemId"]: i for i in self.items[order_id]}
            for entry in package["orderItems"]:
                item = by_id.get(entry.get("orderItemId"))
                if item is None or entry.get("quantity", 0) > (
                    item["QuantityOrdered"] - item["QuantityShipped"]
                ):
                    return _err(400, "InvalidInput", "orderItems invalid")
            for entry in package["orderItems"]:
                by_id[entry["orderItemId"]]["QuantityShipped"] += entry["quantity"]
            done = all(i["QuantityShipped"] >= i["QuantityOrdered"] for i in by_id.values())
            order["OrderStatus"] = "Shipped" if done else "PartiallyShipped"
            self._touch(order, self.clock.now())
            self.shipments.append({"order_id": order_id, **package})
        return FakeResponse(204)

    def _listing(self, seller: str, sku: str, request: FakeRequest) -> FakeResponse:
        if seller != self.seller_id or request.q("marketplaceIds") != "ATVPDKIKX0DER":
            return _err(400, "InvalidInput", "sellerId or marketplaceIds invalid")
        listing = self.listings.get(sku)
        if listing is None:
            return _err(404, "NotFound", f"SKU {sku} not found")
        if request.method == "GET":
            return FakeResponse.json(
                200,
                {
                    "sku": sku,
                    "summaries": [
                        {"marketplaceId": "ATVPDKIKX0DER", "productType": listing["productType"]}
                    ],
                },
            )
        body = request.json() or {}
        patch = (body.get("patches") or [{}])[0]
        value = (patch.get("value") or [{}])[0]
        if (
            body.get("productType") != listing["productType"]
            or patch.get("path") != "/attributes/fulfillment_availability"
            or not isinstance(value.get("quantity"), int)
        ):
            return FakeResponse.json(
                200,
                {
                    "sku": sku,
                    "status": "INVALID",
                    "issues": [
                        {"code": "4000001", "message": "invalid patch", "severity": "ERROR"}
                    ],
                },
            )
        with self.lock:
            listing["quantity"] = value["quantity"]
        return FakeResponse.json(
            200,
            {
                "sku": sku,
                "status": "ACCEPTED",
                "submissionId": f"sub-{len(self.log)}",
                "issues": [],
            },
        )


def _iso(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError(f"{text} has no time zone")
    return value


def _match(order: dict[str, Any], query: _Query) -> bool:
    when = order["_updated"] if query.by_update else _parse(order["PurchaseDate"])
    if when < query.after or (query.before is not None and when > query.before):
        return False
    return not query.channels or order["FulfillmentChannel"] in query.channels


def _public(order: dict[str, Any], with_pii: bool) -> dict[str, Any]:
    result = {k: v for k, v in order.items() if not k.startswith("_")}
    if order.get("_verbatim"):
        return result
    if order["OrderStatus"] not in _ADDRESS_STATUSES:
        result.pop("ShippingAddress")
    elif not with_pii:
        full = order["ShippingAddress"]
        result["ShippingAddress"] = {
            k: full[k] for k in ("City", "PostalCode", "CountryCode", "StateOrRegion")
        }
    if not with_pii:
        result.pop("BuyerInfo")
    return result


def _item_2026(item: dict[str, Any], included: frozenset[str]) -> dict[str, Any]:
    """A v0 item as a 2026 ``OrderItem``: ``unitPrice`` per unit (in cents, as Amazon
    shows it), the exact line total in the ``ITEM`` proceeds."""
    quantity = item["QuantityOrdered"]
    price = item["ItemPrice"]
    total = Decimal(price["Amount"])
    unit = (total / quantity).quantize(Decimal("0.01")) if quantity else total
    money = {"currencyCode": price["CurrencyCode"]}
    result: dict[str, Any] = {
        "orderItemId": item["OrderItemId"],
        "quantityOrdered": quantity,
        "product": {"asin": item["ASIN"], "title": item["Title"], "sellerSku": item["SellerSKU"],
                    "price": {"unitPrice": {"amount": str(unit), **money}}},
    }
    if "PROCEEDS" in included:
        line = {"amount": str(total), **money}
        result["proceeds"] = {"proceedsTotal": line,
                              "breakdowns": [{"type": "ITEM", "subtotal": line}]}
    if "FULFILLMENT" in included:
        result["fulfillment"] = {"quantityFulfilled": item["QuantityShipped"],
                                 "quantityUnfulfilled": quantity - item["QuantityShipped"]}
    return result


def _served(view: dict[str, Any]) -> dict[str, Any]:
    """A view without the fake's own bookkeeping keys."""
    return {k: v for k, v in view.items() if not k.startswith("_")}


def _match_2026(order: dict[str, Any], query: _Query) -> bool:
    when = _parse(order["lastUpdatedTime"] if query.by_update else order["createdTime"])
    if when < query.after or (query.before is not None and when > query.before):
        return False
    by = order.get("_by") or (order.get("fulfillment") or {}).get("fulfilledBy", "MERCHANT")
    return not query.channels or by in query.channels
