"""Fake TikTok Shop Open API (202309): token refresh, signed calls, orders,
packages, product search and inventory; TikTok Shipping labels (package
creation, shipping documents, package tracking) in ``tiktok_packages``.

Enforces: the HMAC-SHA256 signature over path + sorted query + raw body;
``app_key``, a timestamp within 5 minutes, ``x-tts-access-token`` (expired ->
code 105002), ``shop_cipher`` required on shop paths and rejected on
``/authorization``; ``code != 0`` errors on HTTP 200; opaque
``next_page_token`` with ``+ / =`` and "" at the end; one line item per unit.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from app.channels.tiktok import sign_request
from tests.fakes.platforms.clock import VirtualClock
from tests.fakes.platforms.model import SeedOrder
from tests.fakes.platforms.server import FakePlatform, FakeRequest, FakeResponse, FaultPlan
from tests.fakes.platforms.tiktok_packages import TikTokPackages

_STATUS = {
    "open": "AWAITING_SHIPMENT",
    "pending": "UNPAID",
    "cancelled": "CANCELLED",
    "shipped": "IN_TRANSIT",
}


class FakeTikTok(TikTokPackages, FakePlatform):
    """In-memory TikTok shop behind a real HTTP server."""

    fault_exempt_prefixes = ("/api/v2/token/",)

    def __init__(
        self,
        clock: VirtualClock | None = None,
        faults: FaultPlan | None = None,
        *,
        app_key: str = "test_key",
        app_secret: str = "test_secret",
        cipher: str = "TEST_CIPHER",
        access_token: str = "TTP_initial",
        refresh_token: str = "TTP_refresh",
        token_lifetime: float = 7 * 86400.0,
        max_page_size: int = 100,
    ) -> None:
        super().__init__(clock, faults)
        self.app_key, self.app_secret, self.cipher = app_key, app_secret, cipher
        self.refresh_token = refresh_token
        self.token_lifetime = token_lifetime
        self.max_page_size = max_page_size
        self.tokens: dict[str, float] = {access_token: self.clock.monotonic() + token_lifetime}
        self.orders: dict[str, dict[str, Any]] = {}
        self.packages: list[dict[str, Any]] = []
        self.products: dict[str, tuple[str, str]] = {}
        self.inventory: dict[str, int] = {}
        self._cursors: dict[str, tuple[tuple[str, ...], int, int]] = {}
        self._issued = 0
        #: the buyer's full address, printed on TikTok Shipping labels even when masked
        self.label_addresses: dict[str, dict[str, str]] = {}
        self.init_packages()

    # -- seeding ----------------------------------------------------------------------

    def add(self, seed: SeedOrder) -> None:
        """Add an order; each unit becomes its own line item."""
        items = []
        for n, line in enumerate(seed.lines):
            sku_id = f"17{abs(hash(line.sku)) % 10**8:08d}"
            self.products.setdefault(line.sku, (f"P{sku_id}", sku_id))
            for unit in range(line.quantity):
                items.append(
                    {
                        "id": f"{seed.id}{n:02d}{unit:03d}",
                        "product_id": f"P{sku_id}",
                        "product_name": f"Item {line.sku}",
                        "sku_id": sku_id,
                        "seller_sku": line.sku,
                        "currency": seed.currency,
                        "sale_price": str(line.price),
                        "original_price": str(line.price),
                        "display_status": _STATUS[seed.status],
                        "tracking_number": "",
                        "is_gift": False,
                    }
                )
        first, _, last = seed.buyer_name.partition(" ")
        with self.lock:
            self.label_addresses[seed.id] = {
                "name": seed.buyer_name, "address1": seed.address1, "address2": seed.address2,
                "city": seed.city, "state": seed.state, "zip": seed.zip}
            self.orders[seed.id] = {
                "id": seed.id,
                "status": _STATUS[seed.status],
                "create_time": int(seed.created.timestamp()),
                "update_time": int(seed.updated.timestamp()),
                "buyer_email": "v2abc@scs.tiktokw.us",
                "fulfillment_type": "FULFILLMENT_BY_SELLER",
                "payment": {"currency": seed.currency, "total_amount": "0"},
                "recipient_address": {
                    "name": seed.buyer_name,
                    "first_name": first,
                    "last_name": last,
                    "phone_number": "(+1)555*****99",
                    "address_line1": seed.address1,
                    "address_line2": seed.address2,
                    "postal_code": seed.zip,
                    "region_code": "US",
                    "full_address": f"{seed.address1} {seed.city}, {seed.state} {seed.zip}",
                    "district_info": [
                        {
                            "address_level": "L0",
                            "address_level_name": "Country",
                            "address_name": "United States",
                        },
                        {
                            "address_level": "L1",
                            "address_level_name": "State",
                            "address_name": seed.state_name,
                        },
                        {
                            "address_level": "L2",
                            "address_level_name": "County",
                            "address_name": "Jefferson",
                        },
                        {
                            "address_level": "L3",
                            "address_level_name": "City",
                            "address_name": seed.city,
                        },
                    ],
                },
                "line_items": items,
            }

    def set_recipient(self, order_id: str, recipient: dict[str, object]) -> None:
        """Replace an order's ``recipient_address`` (e.g. with TikTok's published example)."""
        with self.lock:
            self.orders[order_id]["recipient_address"] = recipient

    def cancel(self, order_id: str, at: datetime | None = None) -> None:
        """Cancel an order."""
        with self.lock:
            order = self.orders[order_id]
            order["status"] = "CANCELLED"
            for item in order["line_items"]:
                item["display_status"] = "CANCELLED"
            order["update_time"] = int((at or self.clock.now()).timestamp())

    def revoke_tokens(self) -> None:
        """Expire every access token."""
        self.tokens.clear()

    # -- HTTP -------------------------------------------------------------------------

    def _envelope(
        self, code: int, message: str, data: Any = None, status: int = 200, **headers: str
    ) -> FakeResponse:
        return FakeResponse.json(
            status,
            {"code": code, "message": message, "data": data, "request_id": f"tt-{len(self.log)}"},
            **headers,
        )

    def throttled(self, retry_after: float) -> FakeResponse:
        """Throttling is UNVERIFIED: HTTP 429 plus a non-zero code."""
        return self._envelope(11000029, "Too many requests", status=429)

    def fault_response(self, kind: str) -> FakeResponse:
        """TikTok-shaped faults."""
        if kind == "500":
            return self._envelope(1, "Internal error", status=500)
        return super().fault_response(kind)

    def handle(self, request: FakeRequest) -> FakeResponse:
        """Check the signature, token and cipher, then route."""
        if request.path == "/api/v2/token/refresh":
            return self._refresh(request)
        if request.path.startswith("/files/"):
            return self.serve_file(request)
        params = {k: v[0] for k, v in request.query.items()}
        if params.get("app_key") != self.app_key:
            return self._envelope(106002, "Invalid app_key")
        try:
            stamp = int(params.get("timestamp", ""))
        except ValueError:
            return self._envelope(106003, "Invalid timestamp")
        if abs(stamp - self.clock.now().timestamp()) > 300:
            return self._envelope(106003, "Timestamp expired")
        body = request.body if request.method != "GET" else None
        if params.get("sign") != sign_request(self.app_secret, request.path, params, body):
            return self._envelope(106001, "Invalid sign")
        expiry = self.tokens.get(request.header("x-tts-access-token"), -1)
        if expiry <= self.clock.monotonic():
            return self._envelope(105002, "Expired credentials")
        scoped = not request.path.startswith(("/authorization/", "/seller/"))
        if scoped and params.get("shop_cipher") != self.cipher:
            return self._envelope(106011, "Invalid shop_cipher")
        if not scoped and "shop_cipher" in params:
            return self._envelope(106011, "shop_cipher is not allowed on this path")
        return self._route(request, params)

    def _route(self, request: FakeRequest, params: dict[str, str]) -> FakeResponse:
        path = request.path
        if path == "/order/202309/orders/search" and request.method == "POST":
            return self._search(request, params)
        if path == "/order/202309/orders" and request.method == "GET":
            ids = params.get("ids", "").split(",")
            return self._envelope(
                0, "Success", {"orders": [self.orders[i] for i in ids if i in self.orders]}
            )
        m = re.fullmatch(r"/fulfillment/202309/orders/([^/]+)/packages", path)
        if m and request.method == "POST":
            return self._ship(m.group(1), request.json() or {})
        if path == "/product/202309/products/search":
            wanted = set((request.json() or {}).get("seller_skus") or [])
            products = [
                {"id": pid, "skus": [{"id": sid, "seller_sku": sku}]}
                for sku, (pid, sid) in self.products.items()
                if sku in wanted
            ]
            return self._envelope(0, "Success", {"products": products})
        m = re.fullmatch(r"/product/202309/products/([^/]+)/inventory/update", path)
        if m:
            return self._inventory(m.group(1), request.json() or {})
        routed = self.route_packages(request, params)
        if routed is not None:
            return routed
        if path == "/authorization/202309/shops":
            return self._envelope(
                0,
                "Success",
                {
                    "shops": [
                        {
                            "id": "7000",
                            "name": "Fake TikTok Shop",
                            "cipher": self.cipher,
                            "region": "US",
                            "seller_type": "LOCAL",
                        }
                    ]
                },
            )
        return self._envelope(40006, "Invalid path", status=404)

    def _refresh(self, request: FakeRequest) -> FakeResponse:
        if (
            request.q("app_key"),
            request.q("app_secret"),
            request.q("refresh_token"),
            request.q("grant_type"),
        ) != (self.app_key, self.app_secret, self.refresh_token, "refresh_token"):
            return self._envelope(36004004, "invalid refresh token")
        with self.lock:
            self._issued += 1
            token = f"TTP_access{self._issued}"
            self.tokens[token] = self.clock.monotonic() + self.token_lifetime
            self.refresh_token = f"TTP_refresh{self._issued}"
        expire_at = int(self.clock.now().timestamp() + self.token_lifetime)
        return self._envelope(
            0,
            "success",
            {
                "access_token": token,
                "access_token_expire_in": expire_at,
                "refresh_token": self.refresh_token,
                "refresh_token_expire_in": expire_at + 86400 * 300,
                "open_id": "o1",
                "seller_name": "Fake",
                "seller_base_region": "US",
                "user_type": 0,
            },
        )

    def _search(self, request: FakeRequest, params: dict[str, str]) -> FakeResponse:
        try:
            size = int(params.get("page_size", "10"))
        except ValueError:
            return self._envelope(36009001, "invalid page_size")
        if not 1 <= size <= self.max_page_size:
            return self._envelope(36009001, "invalid page_size")
        token = params.get("page_token")
        if token:
            state = self._cursors.get(token)
            if state is None:
                return self._envelope(36009003, "invalid page_token")
            ids, offset, size = state
        else:
            body = request.json()
            if not isinstance(body, dict):
                return self._envelope(36009001, "invalid body")
            low, high = body.get("update_time_ge"), body.get("update_time_lt")
            with self.lock:
                ids = tuple(
                    o["id"]
                    for o in sorted(
                        (
                            o
                            for o in self.orders.values()
                            if (low is None or o["update_time"] >= low)
                            and (high is None or o["update_time"] < high)
                        ),
                        key=lambda o: (o[params.get("sort_field") or "create_time"], o["id"]),
                    )
                )
            offset = 0
        with self.lock:
            page = [self.orders[i] for i in ids[offset : offset + size]]
        next_token = ""
        if offset + size < len(ids):
            state = self.page_served((ids, offset, size), (ids, offset + size, size))
            next_token = self.new_cursor()
            self._cursors[next_token] = state
        else:
            self.page_served(None, None)
        return self._envelope(
            0, "Success", {"orders": page, "next_page_token": next_token, "total_count": len(ids)}
        )

    def _ship(self, order_id: str, body: dict[str, Any]) -> FakeResponse:
        with self.lock:
            order = self.orders.get(order_id)
            if order is None:
                return self._envelope(21011001, "order not found")
            wanted = set(body.get("order_line_item_ids") or [])
            items = [i for i in order["line_items"] if i["id"] in wanted]
            if (
                not body.get("tracking_number")
                or not body.get("shipping_provider_id")
                or len(items) != len(wanted)
                or not items
                or any(i["tracking_number"] for i in items)
            ):
                return self._envelope(21011002, "invalid package request")
            for item in items:
                item["tracking_number"] = body["tracking_number"]
                item["display_status"] = "IN_TRANSIT"
            done = all(
                i["tracking_number"] or i["display_status"] == "CANCELLED"
                for i in order["line_items"]
            )
            order["status"] = "IN_TRANSIT" if done else "PARTIALLY_SHIPPING"
            order["update_time"] = int(self.clock.now().timestamp())
            self.packages.append({"order_id": order_id, **body})
            return self._envelope(0, "Success", {"package_id": f"PKG{len(self.packages)}"})

    def _inventory(self, product_id: str, body: dict[str, Any]) -> FakeResponse:
        for sku, (pid, sid) in self.products.items():
            entry = (body.get("skus") or [{}])[0]
            if pid == product_id and entry.get("id") == sid:
                stock = (entry.get("inventory") or [{}])[0]
                if not stock.get("warehouse_id") or not isinstance(stock.get("quantity"), int):
                    return self._envelope(12019003, "invalid inventory")
                with self.lock:
                    self.inventory[sku] = stock["quantity"]
                return self._envelope(0, "Success", {})
        return self._envelope(12052700, "product or sku not found")
