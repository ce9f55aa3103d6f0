"""TikTok Shipping in the fake TikTok shop: eligible services, packages with
TikTok-bought labels, shipping documents, package search and order tracking.

Follows the 202309 fulfillment reference (lazykern/ecommerce-api-docs):
``POST /fulfillment/202309/orders/{id}/shipping_services/query``;
``POST /fulfillment/202309/packages`` (not idempotent: every call that gets
through buys a label — ``package_creations`` counts them per order; a second one
for a labelled order is refused with 21022025 "A shipping label has already been
purchased."; a bad ZIP with 11021012 "illegal address"); ``GET
/fulfillment/202309/packages/{id}`` (``package_status``, ``tracking_number``, a
*masked* ``recipient_address``); ``GET …/packages/{id}/shipping_documents``
(``doc_url`` to a PDF label — A6, the full unmasked address, a Code 128 of the
tracking number — or a PNG for ``SHIPPING_LABEL_PICTURE``); ``POST
/fulfillment/202309/packages/search``; ``GET /fulfillment/202309/orders/{id}/tracking``.
Label files are served unsigned under ``/files/`` like TikTok's CDN links.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections import Counter
from typing import Any

from reportlab.lib.pagesizes import A6

from tests.fakes.carriers.labels import pdf_label, png_label
from tests.fakes.platforms.clock import VirtualClock
from tests.fakes.platforms.server import FakeRequest, FakeResponse

#: TikTok Shipping services the fake offers for every order.
SERVICES = (
    {"id": "7208502187360519982", "name": "UPS Ground", "price": "6.20", "currency": "USD",
     "earliest_delivery_days": 3, "latest_delivery_days": 5, "is_default": True,
     "shipping_provider_name": "UPS", "shipping_provider_id": "7117858858072016686"},
    {"id": "7208502187360519983", "name": "USPS Ground Advantage", "price": "4.90",
     "currency": "USD", "earliest_delivery_days": 2, "latest_delivery_days": 5,
     "is_default": False, "shipping_provider_name": "USPS",
     "shipping_provider_id": "7117858858072016687"},
)


class TikTokPackages:
    """Mixed into :class:`FakeTikTok`; uses its lock, clock, orders and envelope."""

    orders: dict[str, dict[str, Any]]
    label_addresses: dict[str, dict[str, str]]
    lock: threading.RLock
    clock: VirtualClock
    url: str
    _stop: threading.Event

    def init_packages(self) -> None:
        """State of TikTok Shipping (called from the fake's constructor)."""
        self.label_packages: dict[str, dict[str, Any]] = {}
        #: packages created per order: "bought once" is ``package_creations[id] == 1``
        self.package_creations: Counter[str] = Counter()
        self.doc_files: dict[str, bytes] = {}
        self.order_tracking: dict[str, list[dict[str, Any]]] = {}
        #: the next N shipping-document calls answer "still being generated"
        self.documents_pending = 0
        #: the next N package creations are done, then answered after ``hold_seconds``
        self.slow_creations = 0
        self.hold_seconds = 1.0
        self._package_ids = itertools.count(1)

    # -- test controls ---------------------------------------------------------------------

    def set_package_status(self, package_id: str, status: str, description: str) -> None:
        """Move a package (PROCESSING → FULFILLING → COMPLETED / CANCELLED) with an event."""
        with self.lock:
            package = self.label_packages[package_id]
            package["package_status"] = status
            now = self.clock.now()
            package["update_time"] = int(now.timestamp())
            events = self.order_tracking.setdefault(package["order_id"], [])
            events.append({"description": description,
                           "update_time_millis": int(now.timestamp() * 1000) + len(events)})

    # -- routes ------------------------------------------------------------------------------

    def serve_file(self, request: FakeRequest) -> FakeResponse:
        """An unsigned label file (TikTok's doc_url points at a CDN)."""
        data = self.doc_files.get(request.path.removeprefix("/files/"))
        if data is None:
            return FakeResponse(404, b"")
        kind = "image/png" if request.path.endswith(".png") else "application/pdf"
        return FakeResponse(200, data, {"Content-Type": kind})

    def route_packages(self, request: FakeRequest, params: dict[str, str]) -> FakeResponse | None:
        """Answer a TikTok Shipping path, or None when the path is not one of them."""
        path, method = request.path, request.method
        m = re.fullmatch(r"/fulfillment/202309/orders/([^/]+)/shipping_services/query", path)
        if m and method == "POST":
            if m.group(1) not in self.orders:
                return self._envelope(21011029, "order does not belong to fulfill unit")
            return self._envelope(0, "Success", {"order_id": m.group(1),
                                                 "shipping_services": list(SERVICES)})
        if path == "/fulfillment/202309/packages" and method == "POST":
            return self._create_package(request.json() or {})
        if path == "/fulfillment/202309/packages/search" and method == "POST":
            return self._search_packages(request.json() or {})
        m = re.fullmatch(r"/fulfillment/202309/packages/([^/]+)/shipping_documents", path)
        if m and method == "GET":
            return self._documents(m.group(1), params)
        m = re.fullmatch(r"/fulfillment/202309/packages/([^/]+)", path)
        if m and method == "GET":
            package = self.label_packages.get(m.group(1))
            if package is None:
                return self._envelope(21001001, "Invalid parameters.")
            return self._envelope(0, "Success", package)
        m = re.fullmatch(r"/fulfillment/202309/orders/([^/]+)/tracking", path)
        if m and method == "GET":
            return self._envelope(0, "Success",
                                  {"tracking": list(self.order_tracking.get(m.group(1), []))})
        return None

    # -- internals -------------------------------------------------------------------------

    def _create_package(self, body: dict[str, Any]) -> FakeResponse:
        order_id = str(body.get("order_id") or "")
        with self.lock:
            order = self.orders.get(order_id)
            if order is None:
                return self._envelope(21011029, "order does not belong to fulfill unit")
            if any(self.label_packages[p["id"]]["package_status"] != "CANCELLED"
                   for p in order.get("packages", [])):
                return self._envelope(21022025, "A shipping label has already been purchased.")
            weight, dimension = body.get("weight") or {}, body.get("dimension") or {}
            if weight.get("unit") not in ("GRAM", "POUND") or dimension.get("unit") not in (
                    "CM", "INCH"):
                return self._envelope(21001001, "Invalid parameters.")
            address = self.label_addresses[order_id]
            if not re.fullmatch(r"\d{5}", address["zip"]):
                return self._envelope(11021012, "illegal address")
            wanted = body.get("shipping_service_id") or SERVICES[0]["id"]
            service = next((s for s in SERVICES if s["id"] == wanted), None)
            if service is None:
                return self._envelope(21004008, "create label shipping service not found")
            number = next(self._package_ids)
            package_id = f"11523211272787{number:05d}"
            tracking = (f"1Z999TT1{number:010d}" if service["shipping_provider_name"] == "UPS"
                        else f"9400111899561{number:09d}")
            now = int(self.clock.now().timestamp())
            self.label_packages[package_id] = {
                "package_id": package_id, "order_id": order_id,
                "orders": [{"id": order_id, "skus": []}],
                "package_status": "PROCESSING", "shipping_type": "TIKTOK",
                "shipping_provider_name": service["shipping_provider_name"],
                "shipping_provider_id": service["shipping_provider_id"],
                "delivery_option_name": service["name"], "tracking_number": tracking,
                "create_time": now, "update_time": now,
                "order_line_item_ids": [i["id"] for i in order["line_items"]],
                "recipient_address": {"name": address["name"][:1] + "***",
                                      "full_address": f"{address['city']}, {address['state']}",
                                      "postal_code": address["zip"], "region_code": "US"},
                "weight": weight, "dimension": dimension,
            }
            order.setdefault("packages", []).append({"id": package_id})
            order["status"] = "AWAITING_COLLECTION"
            self.package_creations[order_id] += 1
            slow = self.slow_creations > 0
            self.slow_creations -= 1 if slow else 0
        if slow:
            self._stop.wait(self.hold_seconds)
        return self._envelope(0, "Success", {
            "order_id": order_id, "package_id": package_id, "create_time": now,
            "shipping_service_info": service, "weight": weight, "dimension": dimension})

    def _documents(self, package_id: str, params: dict[str, str]) -> FakeResponse:
        with self.lock:
            package = self.label_packages.get(package_id)
            if package is None:
                return self._envelope(21001001, "Invalid parameters.")
            if self.documents_pending > 0:
                self.documents_pending -= 1
                return self._envelope(11034037, "The shipping document is still being "
                                      "generated by the logistics provider, please try again")
        kind = params.get("document_type")
        tracking = package["tracking_number"]
        if kind == "SHIPPING_LABEL_PICTURE":
            name, data = f"tt-{package_id}.png", png_label(tracking)
        elif kind == "SHIPPING_LABEL":
            a = self.label_addresses[package["order_id"]]
            lines = [a["name"], a["address1"], *([a["address2"]] if a["address2"] else []),
                     f"{a['city']}, {a['state']} {a['zip']}"]
            name = f"tt-{package_id}.pdf"
            data = pdf_label(tracking, package["shipping_provider_name"],
                             package["delivery_option_name"], lines, page=A6)
        else:
            return self._envelope(21001001, "Invalid parameters.")
        with self.lock:
            self.doc_files[name] = data
        url = f"{self.url}/files/{name}"
        return self._envelope(0, "Success", {"doc_url": url, "tracking_number": tracking})

    def _search_packages(self, body: dict[str, Any]) -> FakeResponse:
        low = body.get("update_time_ge") or 0
        with self.lock:
            found = [
                {"id": p["package_id"], "orders": p["orders"], "status": p["package_status"],
                 "tracking_number": p["tracking_number"], "create_time": p["create_time"],
                 "update_time": p["update_time"],
                 "shipping_provider_name": p["shipping_provider_name"],
                 "shipping_provider_id": p["shipping_provider_id"]}
                for p in self.label_packages.values() if p["update_time"] >= low]
        return self._envelope(0, "Success", {"packages": found, "total_count": len(found),
                                             "next_page_token": ""})

    def _envelope(self, code: int, message: str, data: Any = None, status: int = 200,
                  **headers: str) -> FakeResponse:
        raise NotImplementedError  # FakeTikTok's
