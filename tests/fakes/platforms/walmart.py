"""Fake Walmart Marketplace API: token, orders, acknowledge, shipping, inventory.

Enforces: Basic auth + WM headers on ``/v3/token`` (15-minute tokens);
``WM_SEC.ACCESS_TOKEN``/``WM_QOS.CORRELATION_ID``/``WM_SVC.NAME`` on every
call (401 in the gateway ``error`` envelope, 400 in the ``errors`` one);
``createdStartDate`` defaulting to now - 7 days; ``nextCursor`` accepted
only byte-for-byte as issued (it contains ``+ / =``); 404 CONTENT_NOT_FOUND
for an empty list; acknowledge before shipping; trackingInfo validation;
``X-Current-Token-Count`` / ``X-Next-Replenishment-Time`` and 429
REQUEST_THRESHOLD_VIOLATED.
"""

from __future__ import annotations

import base64
import copy
import re
from datetime import datetime, timedelta
from typing import Any

from tests.fakes.platforms.clock import VirtualClock
from tests.fakes.platforms.model import SeedOrder
from tests.fakes.platforms.server import FakePlatform, FakeRequest, FakeResponse, FaultPlan

#: ``CarrierNameType.carrier`` enum of Walmart's Orders model (highsidelabs/walmart-api-php
#: resources/schemas/models/us/mp/orders.json); the fake's own copy, so a wrong list in
#: the connector is caught here.
_CARRIERS = frozenset({
    "UPS", "USPS", "FedEx", "Airborne", "OnTrac", "DHL Ecommerce - US", "DHL", "LS", "UDS",
    "UPSMI", "FDX", "PILOT", "ESTES", "SAIA", "FDS Express", "Seko Worldwide", "HIT Delivery",
    "FEDEXSP", "RL Carriers", "Metropolitan Warehouse & Delivery", "China Post", "YunExpress",
    "Yellow Freight Sys", "AIT Worldwide Logistics", "Chukou1", "Sendle", "Landmark Global",
    "Sunyou", "Yanwen", "4PX", "GLS", "OSM Worldwide", "FIRST MILE", "AM Trucking", "CEVA",
    "India Post", "SF Express", "CNE", "TForce Freight", "AxleHire", "LSO", "Royal Mail",
    "ABF Freight System", "WanB", "Roadrunner Freight", "Meyer Distribution", "AAA Cooper",
    "Canada Post", "Southeastern Freight Lines", "Japan Post", "Correos de Mexico",
    "XPO Logistics", "JD Logistics", "YDH", "JCEX", "Flyt", "Deutsche Post",
})
_METHODS = {"Standard", "Express", "OneDay", "Freight", "WhiteGlove", "Value"}


def _error(status: int, code: str, description: str, *, key: str = "errors") -> FakeResponse:
    entry = {
        "code": code,
        "field": code.split(".")[0],
        "description": description,
        "info": description,
        "severity": "ERROR",
        "category": "DATA",
        "causes": [],
        "errorIdentifiers": {},
    }
    return FakeResponse.json(status, {key: [entry]})


def _ms(value: datetime) -> int:
    return int(value.timestamp() * 1000)


class FakeWalmart(FakePlatform):
    """In-memory Walmart seller behind a real HTTP server."""

    fault_exempt_prefixes = ("/v3/token",)

    def __init__(
        self,
        clock: VirtualClock | None = None,
        faults: FaultPlan | None = None,
        *,
        client_id: str = "wm-client",
        client_secret: str = "wm-secret",
        token_lifetime: float = 900.0,
        limits: dict[str, tuple[float, float]] | None = None,
    ) -> None:
        super().__init__(clock, faults)
        self.client_id, self.client_secret = client_id, client_secret
        self.token_lifetime = token_lifetime
        self.limits.update(limits or {"orders": (1.0, 10)})
        self.tokens: dict[str, float] = {}
        self.orders: dict[str, dict[str, Any]] = {}
        #: What ``lastModifiedStartDate``/``EndDate`` filter on. Walmart never returns it
        #: and it moves on changes that leave every ``statusDate`` alone.
        self.last_modified: dict[str, datetime] = {}
        self.shipments: list[dict[str, Any]] = []
        self.inventory: dict[str, int] = {}
        self._cursors: dict[str, tuple[tuple[str, ...], int, int]] = {}
        self._issued = 0

    # -- seeding ----------------------------------------------------------------------

    def add(self, seed: SeedOrder) -> None:
        """Add a purchase order (``seed.id`` is the purchaseOrderId)."""
        status = {
            "open": "Created",
            "pending": "Created",
            "cancelled": "Cancelled",
            "shipped": "Shipped",
        }[seed.status]
        lines = [
            {
                "lineNumber": str(n + 1),
                "item": {"productName": f"Item {li.sku}", "sku": li.sku},
                "charges": {
                    "charge": [
                        {
                            "chargeType": "PRODUCT",
                            "chargeName": "ItemPrice",
                            "chargeAmount": {
                                "currency": "USD",
                                "amount": float(li.price * li.quantity),
                            },
                        }
                    ]
                },
                "orderLineQuantity": {"unitOfMeasurement": "EACH", "amount": str(li.quantity)},
                "statusDate": _ms(seed.updated),
                "orderLineStatuses": {
                    "orderLineStatus": [
                        {
                            "status": status,
                            "statusQuantity": {
                                "unitOfMeasurement": "EACH",
                                "amount": str(li.quantity),
                            },
                        }
                    ]
                },
            }
            for n, li in enumerate(seed.lines)
        ]
        with self.lock:
            self.orders[seed.id] = {
                "purchaseOrderId": seed.id,
                "customerOrderId": seed.number.lstrip("#"),
                "customerEmailId": "x1@relay.walmart.com",
                "orderDate": _ms(seed.created),
                "shippingInfo": {
                    "phone": seed.phone,
                    "methodCode": seed.extra.get("walmart_method", "Value"),
                    "postalAddress": {
                        "name": seed.buyer_name,
                        "address1": seed.address1,
                        "address2": seed.address2 or None,
                        "city": seed.city,
                        "state": seed.state,
                        "postalCode": seed.zip,
                        "country": "USA",
                        "addressType": "RESIDENTIAL",
                    },
                },
                "orderLines": {"orderLine": lines},
            }
            self.last_modified[seed.id] = seed.updated

    def cancel(self, po: str, at: datetime | None = None) -> None:
        """Cancel every line of a purchase order."""
        with self.lock:
            for line in self.orders[po]["orderLines"]["orderLine"]:
                qty = line["orderLineQuantity"]["amount"]
                line["orderLineStatuses"]["orderLineStatus"] = [
                    {
                        "status": "Cancelled",
                        "statusQuantity": {"unitOfMeasurement": "EACH", "amount": qty},
                    }
                ]
                line["statusDate"] = _ms(at or self.clock.now())
            self.last_modified[po] = at or self.clock.now()

    def change_address(self, po: str, **fields: str) -> None:
        """The buyer corrects the address: modified now, no status (nor statusDate) moves."""
        with self.lock:
            self.orders[po]["shippingInfo"]["postalAddress"].update(fields)
            self.last_modified[po] = self.clock.now()

    def modified(self, po: str) -> datetime:
        """The order's last modification, as Walmart's lastModified filters see it."""
        return self.last_modified[po]

    def revoke_tokens(self) -> None:
        """Expire every issued token."""
        self.tokens.clear()

    # -- HTTP -------------------------------------------------------------------------

    def throttled(self, retry_after: float) -> FakeResponse:
        """Walmart's 429 with replenishment headers."""
        response = _error(429, "REQUEST_THRESHOLD_VIOLATED.GMP_GATEWAY_API", "Too many requests")
        response.headers["X-Current-Token-Count"] = "0"
        replenish = self.clock.now() + timedelta(seconds=max(retry_after, 1.0))
        response.headers["X-Next-Replenishment-Time"] = str(_ms(replenish))
        return response

    def fault_response(self, kind: str) -> FakeResponse:
        """Walmart-shaped faults (503 is a bare gateway status)."""
        if kind == "500":
            return FakeResponse(503, b"Service Unavailable", {"Content-Type": "text/plain"})
        return super().fault_response(kind)

    def handle(self, request: FakeRequest) -> FakeResponse:
        """Route a Walmart request."""
        if not request.header("WM_QOS.CORRELATION_ID") or not request.header("WM_SVC.NAME"):
            return _error(
                400,
                "INVALID_REQUEST_HEADER.GMP_GATEWAY_API",
                "Missing WM_QOS.CORRELATION_ID or WM_SVC.NAME",
            )
        if request.path == "/v3/token":
            return self._token(request)
        with self.lock:
            expiry = self.tokens.get(request.header("WM_SEC.ACCESS_TOKEN"), -1)
        if expiry <= self.clock.monotonic():
            return _error(401, "UNAUTHORIZED.GMP_GATEWAY_API", "Unauthorized", key="error")
        op = "orders" if request.path == "/v3/orders" else "other"
        wait = self.take(op)
        if wait is not None:
            return self.throttled(wait)
        response = self._route(request)
        left = self.remaining(op)
        if left is not None:
            response.headers["X-Current-Token-Count"] = str(int(left))
            response.headers["X-Next-Replenishment-Time"] = str(_ms(self.clock.now()) + 1000)
        return response

    def _route(self, request: FakeRequest) -> FakeResponse:
        if request.path == "/v3/orders" and request.method == "GET":
            return self._list(request)
        m = re.fullmatch(r"/v3/orders/([^/]+)(/acknowledge|/shipping)?", request.path)
        if m and m.group(1) in self.orders:
            po = m.group(1)
            if m.group(2) is None and request.method == "GET":
                return FakeResponse.json(200, {"order": self.orders[po]})
            if m.group(2) == "/acknowledge" and request.method == "POST":
                return self._acknowledge(po)
            if m.group(2) == "/shipping" and request.method == "POST":
                return self._ship(po, request)
        if request.path == "/v3/inventory" and request.method == "PUT":
            body = request.json() or {}
            sku = request.q("sku")
            amount = (body.get("quantity") or {}).get("amount")
            if not sku or body.get("sku") != sku or not isinstance(amount, int):
                return _error(400, "INVALID_REQUEST_CONTENT", "bad inventory body")
            with self.lock:
                self.inventory[sku] = amount
            return FakeResponse.json(200, body)
        return _error(404, "CONTENT_NOT_FOUND.GMP_ORDER_API", "Not found")

    def _token(self, request: FakeRequest) -> FakeResponse:
        expected = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        if request.header("Authorization") != f"Basic {expected}":
            return _error(401, "UNAUTHORIZED.GMP_GATEWAY_API", "Unauthorized", key="error")
        if request.body != b"grant_type=client_credentials":
            return _error(400, "INVALID_REQUEST_CONTENT", "grant_type must be client_credentials")
        with self.lock:
            self._issued += 1
            token = f"eyJ.wm{self._issued}"
            self.tokens[token] = self.clock.monotonic() + self.token_lifetime
        return FakeResponse.json(
            200,
            {"access_token": token, "token_type": "Bearer", "expires_in": int(self.token_lifetime)},
        )

    def _list(self, request: FakeRequest) -> FakeResponse:
        if request.q("hasMoreElements") is not None:
            state = self._cursors.get(request.raw_query)
            if state is None:
                return _error(400, "INVALID_REQUEST_PARAM.GMP_ORDER_API", "Invalid nextCursor")
            ids, offset, limit = state
        else:
            try:
                limit = int(request.q("limit") or 100)
                now = self.clock.now()
                created_from = _date(request.q("createdStartDate")) or now - timedelta(days=7)
                modified_from = _date(request.q("lastModifiedStartDate"))
                modified_to = _date(request.q("lastModifiedEndDate"))
            except ValueError as exc:
                return _error(400, "INVALID_REQUEST_PARAM.GMP_ORDER_API", str(exc))
            if not 1 <= limit <= 200:
                return _error(400, "INVALID_REQUEST_PARAM.GMP_ORDER_API", "limit must be <= 200")
            with self.lock:
                matching = sorted(
                    (
                        po
                        for po, o in self.orders.items()
                        if datetime.fromtimestamp(o["orderDate"] / 1000, tz=now.tzinfo)
                        >= created_from
                        and (modified_from is None or self.modified(po) >= modified_from)
                        and (modified_to is None or self.modified(po) <= modified_to)
                    ),
                    key=lambda po: (self.modified(po), po),
                )
            ids, offset = tuple(matching), 0
        if not ids:
            return _error(404, "CONTENT_NOT_FOUND.GMP_ORDER_API", "No orders found", key="errors")
        with self.lock:
            page = [copy.deepcopy(self.orders[po]) for po in ids[offset : offset + limit]]
        meta: dict[str, Any] = {"totalCount": len(ids), "limit": limit}
        if offset + limit < len(ids):
            state = self.page_served((ids, offset, limit), (ids, offset + limit, limit))
            cursor = (
                f"?limit={limit}&hasMoreElements=true&soIndex={self.new_cursor()}"
                f"&poIndex={state[1]}&partnerId=100009&sellerId=101"
                f"&createdEndDate={self.clock.now().strftime('%Y-%m-%dT%H:%M:%S.000Z')}"
            )
            self._cursors[cursor[1:]] = state
            meta["nextCursor"] = cursor
        else:
            self.page_served(None, None)
        return FakeResponse.json(200, {"list": {"meta": meta, "elements": {"order": page}}})

    def _acknowledge(self, po: str) -> FakeResponse:
        with self.lock:
            for line in self.orders[po]["orderLines"]["orderLine"]:
                for entry in line["orderLineStatuses"]["orderLineStatus"]:
                    if entry["status"] == "Created":
                        entry["status"] = "Acknowledged"
                        line["statusDate"] = _ms(self.clock.now())
                        self.last_modified[po] = self.clock.now()
            return FakeResponse.json(200, {"order": self.orders[po]})

    def _ship(self, po: str, request: FakeRequest) -> FakeResponse:
        body = request.json() or {}
        wanted = (
            ((body.get("orderShipment") or {}).get("orderLines") or {}).get("orderLine")
        ) or []
        with self.lock:
            lines = {li["lineNumber"]: li for li in self.orders[po]["orderLines"]["orderLine"]}
            plan = []
            for entry in wanted:
                line = lines.get(entry.get("lineNumber"))
                status = ((entry.get("orderLineStatuses") or {}).get("orderLineStatus") or [{}])[0]
                info = status.get("trackingInfo") or {}
                carrier = info.get("carrierName") or {}
                qty = int(status.get("statusQuantity", {}).get("amount", 0))
                problem = _tracking_problem(info, carrier)
                if line is None or problem or status.get("status") != "Shipped":
                    return _error(400, "INVALID_REQUEST_CONTENT", problem or "bad order line")
                states = line["orderLineStatuses"]["orderLineStatus"]
                if any(s["status"] == "Created" for s in states):
                    return _error(400, "INVALID_REQUEST_CONTENT", "Order is not acknowledged")
                acked = sum(
                    int(s["statusQuantity"]["amount"])
                    for s in states
                    if s["status"] == "Acknowledged"
                )
                if not 0 < qty <= acked:
                    return _error(400, "INVALID_REQUEST_CONTENT", "quantity exceeds open quantity")
                plan.append((line, qty, info))
            for line, qty, info in plan:
                states = line["orderLineStatuses"]["orderLineStatus"]
                acked = next(s for s in states if s["status"] == "Acknowledged")
                left = int(acked["statusQuantity"]["amount"]) - qty
                acked["statusQuantity"]["amount"] = str(left)
                states.append(
                    {
                        "status": "Shipped",
                        "statusQuantity": {"unitOfMeasurement": "EACH", "amount": str(qty)},
                        "trackingInfo": info,
                    }
                )
                if left == 0:
                    states.remove(acked)
                line["statusDate"] = _ms(self.clock.now())
                self.last_modified[po] = self.clock.now()
                self.shipments.append(
                    {"po": po, "lineNumber": line["lineNumber"], "qty": qty, **info}
                )
            return FakeResponse.json(200, {"order": self.orders[po]})


def _tracking_problem(info: dict[str, Any], carrier: dict[str, Any]) -> str:
    for key in ("shipDateTime", "carrierName", "methodCode", "trackingNumber"):
        if not info.get(key):
            return f"trackingInfo.{key} is required"
    if info["methodCode"] not in _METHODS:
        return "invalid methodCode"
    if "carrier" in carrier and carrier["carrier"] not in _CARRIERS:
        return "invalid carrier"
    if "otherCarrier" in carrier and not info.get("trackingURL"):
        return "trackingURL is required with otherCarrier"
    return ""


def _date(text: str | None) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError(f"{text} has no time zone")
    return value
