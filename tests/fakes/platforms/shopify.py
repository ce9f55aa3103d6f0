"""Fake Shopify Admin REST API (orders, fulfilment orders, inventory, shop).

Enforces: ``X-Shopify-Access-Token``; ``status`` defaulting to ``open``;
``limit`` <= 250; no filter beside ``page_info``; opaque ``page_info`` with
``+ / =`` in Link headers; keyset paging by id; the call-limit header and 429
with ``Retry-After``; client-credentials tokens with ``expires_in``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs, quote

from tests.fakes.platforms.clock import VirtualClock
from tests.fakes.platforms.model import SeedOrder
from tests.fakes.platforms.server import FakePlatform, FakeRequest, FakeResponse, FaultPlan

_EST = timezone(timedelta(hours=-5))
_PAGE_ONLY = {"page_info", "limit", "fields"}


@dataclass(frozen=True)
class _Query:
    status: str
    updated_min: datetime | None
    updated_max: datetime | None
    created_min: datetime | None
    after_id: int


class FakeShopify(FakePlatform):
    """In-memory Shopify store behind a real HTTP server."""

    fault_exempt_prefixes = ("/admin/oauth/",)

    def __init__(
        self,
        clock: VirtualClock | None = None,
        faults: FaultPlan | None = None,
        *,
        token: str = "shpat_test",
        client_id: str = "cid",
        client_secret: str = "csecret",
        token_lifetime: float = 86400.0,
        max_page_size: int = 250,
        bucket: tuple[float, float] = (2.0, 40.0),
    ) -> None:
        super().__init__(clock, faults)
        self.version = "2025-01"
        self.tokens: set[str] = {token} if token else set()
        self._token_expiry: dict[str, float] = {}
        self.client_id, self.client_secret = client_id, client_secret
        self.token_lifetime = token_lifetime
        self.max_page_size = max_page_size
        self.limits["rest"] = bucket
        self.orders: dict[int, dict[str, Any]] = {}
        self.fulfillment_orders: dict[int, list[dict[str, Any]]] = {}
        self.fulfillments: list[dict[str, Any]] = []
        self.inventory_items: dict[str, int] = {}
        self.levels: dict[tuple[int, int], int] = {}
        self.locations = {7001}
        self._cursors: dict[str, _Query] = {}
        self._next_id = 900000
        self._issued = 0

    # -- seeding and mutation -------------------------------------------------------------

    def add(self, seed: SeedOrder) -> None:
        """Add an order in Shopify's REST shape."""
        order_id = int(seed.id)
        first, _, last = seed.buyer_name.partition(" ")
        items: list[dict[str, Any]] = []
        for n, line in enumerate(seed.lines):
            item_id = order_id * 100 + n
            items.append(
                {
                    "id": item_id,
                    "variant_id": item_id + 7,
                    "sku": line.sku,
                    "title": f"Item {line.sku}",
                    "quantity": line.quantity,
                    "current_quantity": line.quantity - line.removed,
                    "requires_shipping": line.ships,
                    "gift_card": False,
                    "price": str(line.price),
                    "fulfillment_status": None,
                }
            )
            self.inventory_items.setdefault(line.sku, 5000 + len(self.inventory_items))
        order = {
            "id": order_id,
            "name": seed.number,
            "order_number": order_id,
            "email": seed.email,
            "phone": None,
            "currency": seed.currency,
            "created_at": seed.created.astimezone(_EST).isoformat(),
            "financial_status": "pending" if seed.status == "pending" else "paid",
            "fulfillment_status": "fulfilled" if seed.status == "shipped" else None,
            "cancelled_at": None,
            "closed_at": None,
            "line_items": items,
            "customer": {"first_name": first, "last_name": last, "phone": seed.phone},
            "shipping_address": {
                "first_name": first,
                "last_name": last,
                "name": seed.buyer_name,
                "company": None,
                "address1": seed.address1,
                "address2": seed.address2,
                "city": seed.city,
                "province": seed.state_name,
                "province_code": seed.state,
                "zip": seed.zip,
                "country": "United States",
                "country_code": "US",
                "phone": seed.phone,
            },
        }
        with self.lock:
            self.orders[order_id] = order
            self._set_updated(order_id, seed.updated)
            if seed.status == "cancelled":
                order["cancelled_at"] = order["updated_at"]
            self.fulfillment_orders[order_id] = [
                {
                    "id": order_id * 10,
                    "order_id": order_id,
                    "status": "closed" if seed.status == "shipped" else "open",
                    "line_items": [
                        {
                            "id": li["id"] * 10,
                            "line_item_id": li["id"],
                            "quantity": li["current_quantity"],
                            "fulfillable_quantity": 0
                            if seed.status == "shipped"
                            else li["current_quantity"],
                        }
                        for li in items
                        if li["requires_shipping"] and li["current_quantity"] > 0
                    ],
                }
            ]

    def cancel(self, order_id: str, at: datetime | None = None) -> None:
        """Cancel an order on the platform."""
        with self.lock:
            at = at or self.clock.now()
            self.orders[int(order_id)]["cancelled_at"] = at.astimezone(_EST).isoformat()
            self._set_updated(int(order_id), at)

    def touch(self, order_id: str, at: datetime | None = None) -> None:
        """Bump an order's ``updated_at`` (e.g. a note edit) to ``at`` or now."""
        with self.lock:
            self._set_updated(int(order_id), at or self.clock.now())

    def _set_updated(self, order_id: int, at: datetime) -> None:
        order = self.orders[order_id]
        order["updated_at"] = at.astimezone(_EST).isoformat()
        order["_updated"] = at

    def revoke_tokens(self) -> None:
        """Invalidate client-credentials tokens (static tokens cannot expire)."""
        for token in list(self._token_expiry):
            self.tokens.discard(token)
            del self._token_expiry[token]

    # -- HTTP -----------------------------------------------------------------------------

    def throttled(self, retry_after: float) -> FakeResponse:
        """Shopify's 429."""
        return FakeResponse.json(
            429,
            {
                "errors": "Exceeded 2 calls per second for api client. "
                "Reduce request rates to resume uninterrupted service."
            },
            **{"Retry-After": f"{retry_after:.1f}", "X-Request-Id": "req-429"},
        )

    def handle(self, request: FakeRequest) -> FakeResponse:
        """Route a Shopify request."""
        if request.path == "/admin/oauth/access_token" and request.method == "POST":
            return self._issue_token(request)
        if not self._authorized(request):
            return FakeResponse.json(
                401,
                {
                    "errors": "[API] Invalid API key or access token "
                    "(unrecognized login or wrong password)"
                },
            )
        wait = self.take("rest")
        if wait is not None:
            return self.throttled(max(wait, 0.5))
        prefix = f"/admin/api/{self.version}/"
        if not request.path.startswith(prefix):
            return FakeResponse.json(404, {"errors": "Not Found"})
        tail = request.path[len(prefix) :]
        response = self._route(request, tail)
        used = 40 - int(self.remaining("rest") or 0)
        response.headers["X-Shopify-Shop-Api-Call-Limit"] = f"{used}/40"
        response.headers.setdefault("X-Request-Id", f"req-{len(self.log)}")
        return response

    def _route(self, request: FakeRequest, tail: str) -> FakeResponse:
        m = re.fullmatch(r"orders/(\d+)(/fulfillment_orders|/fulfillments)?\.json", tail)
        if tail == "orders.json" and request.method == "GET":
            return self._list_orders(request)
        if m and request.method == "GET":
            order = self.orders.get(int(m.group(1)))
            if order is None:
                return FakeResponse.json(404, {"errors": "Not Found"})
            if m.group(2) == "/fulfillment_orders":
                return FakeResponse.json(
                    200, {"fulfillment_orders": self.fulfillment_orders[order["id"]]}
                )
            if m.group(2) == "/fulfillments":
                return FakeResponse.json(
                    200,
                    {
                        "fulfillments": [
                            f for f in self.fulfillments if f["order_id"] == order["id"]
                        ]
                    },
                )
            return FakeResponse.json(200, {"order": _public(order)})
        if tail == "fulfillments.json" and request.method == "POST":
            return self._create_fulfillment(request)
        if tail == "inventory_levels/set.json" and request.method == "POST":
            return self._set_level(request)
        if tail == "graphql.json" and request.method == "POST":
            return self._graphql(request)
        if tail == "shop.json":
            return FakeResponse.json(
                200, {"shop": {"name": "Fake Shop", "myshopify_domain": "fake.myshopify.com"}}
            )
        return FakeResponse.json(404, {"errors": "Not Found"})

    def _authorized(self, request: FakeRequest) -> bool:
        token = request.header("X-Shopify-Access-Token")
        with self.lock:
            expiry = self._token_expiry.get(token)
            if expiry is not None and self.clock.monotonic() >= expiry:
                self.tokens.discard(token)
            return token in self.tokens

    def _issue_token(self, request: FakeRequest) -> FakeResponse:
        form = {k: v[0] for k, v in parse_qs(request.body.decode()).items()}
        if (form.get("grant_type"), form.get("client_id"), form.get("client_secret")) != (
            "client_credentials",
            self.client_id,
            self.client_secret,
        ):
            return FakeResponse.json(400, {"error": "invalid_client"})
        with self.lock:
            self._issued += 1
            token = f"shpat_cc{self._issued}"
            self.tokens.add(token)
            self._token_expiry[token] = self.clock.monotonic() + self.token_lifetime
        return FakeResponse.json(
            200,
            {"access_token": token, "scope": "read_orders", "expires_in": int(self.token_lifetime)},
        )

    def _list_orders(self, request: FakeRequest) -> FakeResponse:
        limit = int(request.q("limit") or 50)
        if not 1 <= limit <= self.max_page_size:
            return FakeResponse.json(400, {"errors": {"limit": ["must be <= 250"]}})
        page_info = request.q("page_info")
        if page_info is not None:
            extra = sorted(set(request.query) - _PAGE_ONLY)
            if extra:
                return FakeResponse.json(
                    400, {"errors": f"{extra[0]} cannot be passed when page_info is present"}
                )
            query = self._cursors.get(page_info)
            if query is None:
                return FakeResponse.json(400, {"errors": {"page_info": ["Invalid value."]}})
        else:
            try:
                query = _Query(
                    request.q("status") or "open",
                    _dt(request.q("updated_at_min")),
                    _dt(request.q("updated_at_max")),
                    _dt(request.q("created_at_min")),
                    0,
                )
            except ValueError as exc:
                return FakeResponse.json(400, {"errors": str(exc)})
        with self.lock:
            matching = sorted(
                (o for o in self.orders.values() if o["id"] > query.after_id and _match(o, query)),
                key=lambda o: o["id"],
            )
            page = [_public(o) for o in matching[:limit]]
        headers: dict[str, str] = {}
        if len(matching) > limit:
            state = self.page_served(query, _with_after(query, page[-1]["id"]))
            token = self.new_cursor()
            self._cursors[token] = state
            base = f"{self.url}/admin/api/{self.version}/orders.json"
            links = [f'<{base}?limit={limit}&page_info={quote(token, safe="")}>; rel="next"']
            if query.after_id:
                links.insert(0, f'<{base}?limit={limit}&page_info=prev>; rel="previous"')
            headers["Link"] = ", ".join(links)
        else:
            self.page_served(None, None)
        return FakeResponse.json(200, {"orders": page}, **headers)

    def _create_fulfillment(self, request: FakeRequest) -> FakeResponse:
        body = (request.json() or {}).get("fulfillment") or {}
        tracking = body.get("tracking_info") or {}
        groups = body.get("line_items_by_fulfillment_order") or []
        if not groups or not tracking.get("number"):
            return FakeResponse.json(422, {"errors": {"fulfillment": ["is invalid"]}})
        with self.lock:
            by_id = {fo["id"]: fo for fos in self.fulfillment_orders.values() for fo in fos}
            plan = []
            for group in groups:
                fo = by_id.get(group.get("fulfillment_order_id"))
                if fo is None or fo["status"] not in ("open", "in_progress"):
                    return FakeResponse.json(422, {"errors": {"base": ["not fulfillable"]}})
                wanted = group.get("fulfillment_order_line_items")
                items = {li["id"]: li for li in fo["line_items"]}
                if wanted is None:
                    wanted = [
                        {"id": i, "quantity": li["fulfillable_quantity"]} for i, li in items.items()
                    ]
                for w in wanted:
                    li = items.get(w["id"])
                    if li is None or not 0 < w["quantity"] <= li["fulfillable_quantity"]:
                        return FakeResponse.json(422, {"errors": {"base": ["bad quantity"]}})
                    plan.append((fo, li, w["quantity"]))
            for fo, li, qty in plan:
                li["fulfillable_quantity"] -= qty
                if all(x["fulfillable_quantity"] == 0 for x in fo["line_items"]):
                    fo["status"] = "closed"
            order_id = plan[0][0]["order_id"]
            self._next_id += 1
            fulfillment = {
                "id": self._next_id,
                "order_id": order_id,
                "tracking_number": tracking["number"],
                "tracking_numbers": [tracking["number"]],
                "tracking_company": tracking.get("company"),
                "line_items": [{"id": li["line_item_id"], "quantity": q} for _, li, q in plan],
            }
            self.fulfillments.append(fulfillment)
            remaining = sum(
                li["fulfillable_quantity"]
                for fo in self.fulfillment_orders[order_id]
                for li in fo["line_items"]
            )
            self.orders[order_id]["fulfillment_status"] = (
                "fulfilled" if remaining == 0 else "partial"
            )
            self._set_updated(order_id, self.clock.now())
        return FakeResponse.json(201, {"fulfillment": fulfillment})

    def _set_level(self, request: FakeRequest) -> FakeResponse:
        body = request.json() or {}
        location: int = body.get("location_id", 0)
        item: int = body.get("inventory_item_id", 0)
        available = body.get("available")
        if location not in self.locations or item not in self.inventory_items.values():
            return FakeResponse.json(422, {"errors": {"base": ["unknown location or item"]}})
        if not isinstance(available, int):
            return FakeResponse.json(422, {"errors": {"available": ["must be an integer"]}})
        with self.lock:
            self.levels[(location, item)] = available
        return FakeResponse.json(200, {"inventory_level": body})

    def _graphql(self, request: FakeRequest) -> FakeResponse:
        body = request.json() or {}
        m = re.fullmatch(r'sku:"(.*)"', str((body.get("variables") or {}).get("q", "")))
        if "inventoryItems" not in str(body.get("query")) or m is None:
            return FakeResponse.json(200, {"errors": [{"message": "unsupported query"}]})
        item = self.inventory_items.get(m.group(1))
        edges = (
            [] if item is None else [{"node": {"legacyResourceId": str(item), "sku": m.group(1)}}]
        )
        return FakeResponse.json(200, {"data": {"inventoryItems": {"edges": edges}}})

    def stock_of(self, sku: str, location: int = 7001) -> int | None:
        """What the last stock push set for ``sku``."""
        return self.levels.get((location, self.inventory_items[sku]))


def _public(order: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in order.items() if not k.startswith("_")}


def _with_after(query: _Query, after: int) -> _Query:
    return _Query(query.status, query.updated_min, query.updated_max, query.created_min, after)


def _dt(text: str | None) -> datetime | None:
    if text is None:
        return None
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError(f"timestamp without offset: {text}")
    return value


def _match(order: dict[str, Any], query: _Query) -> bool:
    updated: datetime = order["_updated"]
    if query.updated_min and updated < query.updated_min:
        return False
    if query.updated_max and updated > query.updated_max:
        return False
    if query.created_min and datetime.fromisoformat(order["created_at"]) < query.created_min:
        return False
    if query.status == "any":
        return True
    closed = bool(order["cancelled_at"]) or order["fulfillment_status"] == "fulfilled"
    if query.status == "open":
        return not closed
    if query.status == "cancelled":
        return bool(order["cancelled_at"])
    return closed
