"""Fake EasyPost API v2 on 127.0.0.1 (docs.easypost.com; carriers.md §1b).

Implements: HTTP basic auth with the API key as user (401 ``APIKEY.INACTIVE``
otherwise), ``POST /shipments`` (wrapped ``{"shipment": …}``; address check: street,
city, state, 5-digit ZIP, else 422 ``ADDRESS.VERIFY.FAILURE``) answering rates from
the shared rate card; ``GET /shipments`` (``purchased``, ``page_size``,
``before_id``, ``start_datetime``, newest first, ``has_more``); ``GET
/shipments/{id}``; ``POST /shipments/{id}/buy`` ``{rate: {id}, insurance}`` (422
``SHIPMENT.POSTAGE.EXISTS`` for a second buy, 422 ``SHIPMENT.RATE.NOT_FOUND`` for a
rate not on the shipment); the label in ``options.label_format`` (PNG by default, as
EasyPost) at ``postage_label.label_url``; ``GET /shipments/{id}/label?file_format=``
filling ``label_pdf_url`` / ``label_zpl_url``; ``POST /shipments/{id}/refund``
(``submitted``, or ``rejected`` once the parcel moved); ``POST /trackers`` (the
existing tracker for a known code, its script advanced one step per read); ``POST
/scan_forms`` for USPS shipments. Label files are served under ``/files/``.
"""

from __future__ import annotations

import base64
import re
from typing import Any

from tests.fakes.carriers.common import FakeCarrier
from tests.fakes.carriers.labels import pdf_label
from tests.fakes.platforms.clock import VirtualClock
from tests.fakes.platforms.server import FakeRequest, FakeResponse, FaultPlan

TEST_KEY = "EZTK_test_key"
LIVE_KEY = "EZAK_live_key"


def _error(status: int, code: str, message: str,
           errors: list[dict[str, Any]] | None = None, **headers: str) -> FakeResponse:
    return FakeResponse.json(
        status, {"error": {"code": code, "message": message, "errors": errors or []}}, **headers)


class FakeEasyPost(FakeCarrier):
    """In-memory EasyPost behind a real HTTP server."""

    def __init__(self, clock: VirtualClock | None = None, faults: FaultPlan | None = None,
                 *, api_keys: tuple[str, ...] = (TEST_KEY, LIVE_KEY),
                 timeout_sleep: float = 1.5) -> None:
        super().__init__(clock, faults, timeout_sleep=timeout_sleep)
        self.api_keys = set(api_keys)
        self.shipments: dict[str, dict[str, Any]] = {}
        self.order: list[str] = []  # creation order
        self.trackers: dict[str, dict[str, Any]] = {}
        self.scan_forms: dict[str, dict[str, Any]] = {}

    def revoke(self, key: str) -> None:
        """Expire an API key (every call with it gets 401)."""
        with self.lock:
            self.api_keys.discard(key)

    def expire_rates(self, shipment_id: str) -> None:
        """The shipment's quoted rates vanish (a buy of one of them is refused)."""
        with self.lock:
            self.shipments[shipment_id]["_expired"] = True

    # -- FakePlatform ---------------------------------------------------------------------

    def throttled(self, retry_after: float) -> FakeResponse:
        """EasyPost's 429."""
        return _error(429, "RATE_LIMITED", "Too many requests", None, **{"Retry-After": "0.1"})

    def revoke_tokens(self) -> None:
        """Expire every key."""
        with self.lock:
            self.api_keys.clear()

    def handle(self, request: FakeRequest) -> FakeResponse:
        """Files, then auth, then the route."""
        if request.path.startswith("/files/"):
            status, body, kind = self.file_response(request.path.removeprefix("/files/"))
            return FakeResponse(status, body, {"Content-Type": kind})
        key = self._key(request)
        if key is None:
            return _error(401, "APIKEY.INACTIVE", "This api key is no longer active.")
        path = request.path.removeprefix("/v2")
        routes: list[tuple[str, str, str, Any]] = [
            ("POST", r"/shipments", "shipments", self._create),
            ("GET", r"/shipments", "list", self._list),
            ("GET", r"/shipments/([^/]+)", "shipment", self._get),
            ("POST", r"/shipments/([^/]+)/buy", "buy", self._buy),
            ("GET", r"/shipments/([^/]+)/label", "label", self._convert),
            ("POST", r"/shipments/([^/]+)/refund", "refund", self._refund),
            ("POST", r"/trackers", "trackers", self._tracker),
            ("POST", r"/scan_forms", "scan_forms", self._scan_form),
        ]
        for method, pattern, operation, handler in routes:
            match = re.fullmatch(pattern, path)
            if method == request.method and match:
                return self._run(operation, handler, request, key, *match.groups())
        return _error(404, "NOT_FOUND", f"no route {request.method} {path}")

    # -- internals -------------------------------------------------------------------------

    def _key(self, request: FakeRequest) -> str | None:
        raw = request.header("authorization")
        if not raw.startswith("Basic "):
            return None
        try:
            key = base64.b64decode(raw[6:]).decode().split(":", 1)[0]
        except ValueError:
            return None
        with self.lock:
            return key if key in self.api_keys else None

    def _run(self, operation: str, handler: Any, request: FakeRequest, key: str,
             *args: str) -> FakeResponse:
        fault = self.next_fault(operation)
        if fault == "auth":
            return _error(401, "APIKEY.INACTIVE", "This api key is no longer active.")
        if fault == "500":
            return _error(500, "INTERNAL_SERVER_ERROR", "Internal server error")
        if fault == "429":
            return self.throttled(0.1)
        if fault == "timeout":
            self.hold()
            return _error(504, "TIMEOUT", "late")
        if fault == "address":
            return _error(422, "ADDRESS.VERIFY.FAILURE", "Address not found",
                          [{"field": "street1", "message": "House number is missing"}])
        if fault == "rate_gone" and args:
            self.expire_rates(args[0])
        response: FakeResponse = handler(request, key, *args, duplicate=fault == "duplicate")
        if fault == "timeout_after":
            self.hold()
        return response

    def _create(self, request: FakeRequest, key: str, *, duplicate: bool) -> FakeResponse:
        body = (request.json() or {}).get("shipment") or {}
        for side in ("to_address", "from_address"):
            address = body.get(side) or {}
            if not (address.get("street1") and address.get("city") and address.get("state")
                    and re.fullmatch(r"\d{5}(-\d{4})?", str(address.get("zip") or ""))):
                return _error(422, "ADDRESS.VERIFY.FAILURE", "Address not found",
                              [{"field": f"{side}.zip", "message": "Invalid ZIP or street"}])
        parcel = body.get("parcel") or {}
        try:
            ounces = float(parcel["weight"])
        except (KeyError, TypeError, ValueError):
            return _error(422, "PARCEL.WEIGHT.INVALID", "Parcel weight is required")
        with self.lock:
            shipment_id = self.new_id("shp_")
            rates = [
                {"id": self.new_id("rate_"), "object": "Rate", "carrier": carrier,
                 "service": service, "rate": price, "currency": "USD", "delivery_days": days,
                 "delivery_date": None, "shipment_id": shipment_id, "mode": self._mode(key)}
                for carrier, service, price, days in self.quote(ounces)
            ]
            shipment = {
                "id": shipment_id, "object": "Shipment", "mode": self._mode(key),
                "reference": body.get("reference"), "to_address": body["to_address"],
                "from_address": body["from_address"], "parcel": parcel,
                "options": body.get("options") or {}, "rates": rates, "selected_rate": None,
                "postage_label": None, "tracking_code": None, "tracker": None,
                "refund_status": None, "insurance": None, "messages": [],
                "created_at": self.clock.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
            self.shipments[shipment_id] = shipment
            self.order.append(shipment_id)
        return FakeResponse.json(201, self._public(shipment))

    def _list(self, request: FakeRequest, key: str, *, duplicate: bool) -> FakeResponse:
        size = int(request.q("page_size") or 20)
        purchased = request.q("purchased")
        before = request.q("before_id")
        since = request.q("start_datetime") or ""
        with self.lock:
            ids = list(reversed(self.order))
            if before in ids:
                ids = ids[ids.index(before) + 1:]
            rows = [self.shipments[i] for i in ids]
        rows = [s for s in rows if s["created_at"] >= since]
        if purchased is not None:
            rows = [s for s in rows if bool(s["tracking_code"]) == (purchased == "true")]
        page = [self._public(s) for s in rows[:size]]
        if duplicate and page:
            page.insert(1, page[0])
        return FakeResponse.json(200, {"shipments": page, "has_more": len(rows) > size})

    def _get(self, request: FakeRequest, key: str, shipment_id: str, *,
             duplicate: bool) -> FakeResponse:
        shipment = self.shipments.get(shipment_id)
        if shipment is None:
            return _error(404, "SHIPMENT.NOT_FOUND", "The requested resource could not be found.")
        return FakeResponse.json(200, self._public(shipment))

    def _buy(self, request: FakeRequest, key: str, shipment_id: str, *,
             duplicate: bool) -> FakeResponse:
        body = request.json() or {}
        rate_id = ((body.get("rate") or {}).get("id")) or ""
        with self.lock:
            shipment = self.shipments.get(shipment_id)
            if shipment is None:
                return _error(404, "SHIPMENT.NOT_FOUND", "Shipment not found.")
            if shipment["tracking_code"]:
                return _error(422, "SHIPMENT.POSTAGE.EXISTS",
                              "Postage already exists for this shipment.")
            rate = next((r for r in shipment["rates"] if r["id"] == rate_id), None)
            if rate is None or shipment.get("_expired"):
                return _error(422, "SHIPMENT.RATE.NOT_FOUND",
                              "The rate you selected is no longer available. Please re-rate.")
            tracking = self.new_tracking(rate["carrier"])
            fmt = str(shipment["options"].get("label_format") or "PNG").upper()
            to = shipment["to_address"]
            address = [to.get("name", ""), to["street1"], f"{to['city']} {to['state']} {to['zip']}"]
            url = self.make_label(fmt, tracking, rate["carrier"], rate["service"], address,
                                  f"{shipment_id}-{fmt}")
            shipment["_address"] = address
            shipment["tracking_code"] = tracking
            shipment["selected_rate"] = rate
            shipment["insurance"] = body.get("insurance")
            shipment["postage_label"] = {
                "id": self.new_id("pl_"), "object": "PostageLabel", "label_url": url,
                "label_file_type": {"PDF": "application/pdf", "ZPL": "application/zpl",
                                    "PNG": "image/png"}[fmt],
                "label_size": "4x6", "label_pdf_url": None, "label_zpl_url": None,
                "label_epl2_url": None, "label_resolution": 300,
            }
            shipment["tracker"] = self._tracker_for(tracking, rate["carrier"], shipment_id)
            self.purchases[shipment["reference"] or shipment_id] += 1
        return FakeResponse.json(200, self._public(shipment))

    def _convert(self, request: FakeRequest, key: str, shipment_id: str, *,
                 duplicate: bool) -> FakeResponse:
        fmt = (request.q("file_format") or "").upper()
        with self.lock:
            shipment = self.shipments.get(shipment_id)
            if shipment is None or not shipment["tracking_code"]:
                return _error(422, "SHIPMENT.POSTAGE.MISSING", "This shipment has no postage.")
            if fmt not in ("PDF", "ZPL", "EPL2"):
                return _error(422, "SHIPMENT.LABEL.INVALID_FORMAT", f"Invalid format {fmt}")
            if fmt == "EPL2":
                return _error(422, "SHIPMENT.LABEL.INVALID_FORMAT", "EPL2 is not offered here")
            rate = shipment["selected_rate"]
            url = self.make_label(fmt, shipment["tracking_code"], rate["carrier"],
                                  rate["service"], shipment["_address"], f"{shipment_id}-{fmt}")
            shipment["postage_label"][f"label_{fmt.lower()}_url"] = url
        return FakeResponse.json(200, self._public(shipment))

    def _refund(self, request: FakeRequest, key: str, shipment_id: str, *,
                duplicate: bool) -> FakeResponse:
        with self.lock:
            shipment = self.shipments.get(shipment_id)
            if shipment is None or not shipment["tracking_code"]:
                return _error(422, "SHIPMENT.REFUND.UNAVAILABLE", "This shipment has no postage.")
            script = self.scripts.get(shipment["tracking_code"])
            moved = bool(script and any(e["status"] != "pre_transit" for e in script.events))
            shipment["refund_status"] = "rejected" if moved else "submitted"
        return FakeResponse.json(200, self._public(shipment))

    def _tracker(self, request: FakeRequest, key: str, *, duplicate: bool) -> FakeResponse:
        body = (request.json() or {}).get("tracker") or {}
        code = str(body.get("tracking_code") or "")
        if not code:
            return _error(422, "TRACKER.TRACKING_CODE.MISSING", "tracking_code is required")
        with self.lock:
            tracker = self.trackers.get(code) or self._tracker_for(
                code, str(body.get("carrier") or "USPS"), None)
            events = self.reveal_tracking(code)
        details = [{"object": "TrackingDetail", "status": e["status"], "message": e["message"],
                    "description": e["message"], "datetime": e["datetime"],
                    "tracking_location": {"city": "ELIZABETH", "state": "NJ", "zip": "07201",
                                          "country": "US"}} for e in events]
        if duplicate:
            details = [d for detail in details for d in (detail, detail)]
        return FakeResponse.json(200, {**tracker, "status": events[-1]["status"],
                                       "tracking_details": details})

    def _scan_form(self, request: FakeRequest, key: str, *, duplicate: bool) -> FakeResponse:
        wanted = [s.get("id") for s in (request.json() or {}).get("shipments") or []]
        with self.lock:
            shipments = [self.shipments.get(str(i)) for i in wanted]
            if not shipments or any(s is None or not s["tracking_code"]
                                    or s["selected_rate"]["carrier"] != "USPS"
                                    for s in shipments):
                return _error(422, "SCAN_FORM.VALIDATION.ERROR",
                              "Every shipment must be a purchased USPS shipment")
            codes = [s["tracking_code"] for s in shipments if s]
            form_id = self.new_id("sf_")
            url = self.store_file(f"{form_id}.pdf",
                                  pdf_label(form_id, "USPS", "SCAN form", codes))
            form = {"id": form_id, "object": "ScanForm", "status": "created", "message": None,
                    "form_url": url, "form_file_type": None, "tracking_codes": codes}
            self.scan_forms[form_id] = form
        return FakeResponse.json(200, form)

    def _tracker_for(self, code: str, carrier: str, shipment_id: str | None) -> dict[str, Any]:
        tracker = self.trackers.get(code)
        if tracker is None:
            tracker = self.trackers[code] = {
                "id": self.new_id("trk_"), "object": "Tracker", "tracking_code": code,
                "carrier": carrier, "shipment_id": shipment_id, "status": "unknown"}
        return tracker

    @staticmethod
    def _mode(key: str) -> str:
        return "test" if key.startswith("EZTK") else "production"

    @staticmethod
    def _public(shipment: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in shipment.items() if not k.startswith("_")}
