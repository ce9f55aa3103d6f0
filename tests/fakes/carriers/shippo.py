"""Fake Shippo API on 127.0.0.1 (docs.goshippo.com; carriers.md §1b).

Implements: ``Authorization: ShippoToken <token>`` (401 ``{"detail": "Invalid
token."}`` otherwise); ``POST /shipments`` (``address_from``/``address_to`` checked:
street, city, state, 5-digit ZIP, else 400 ``{"address_to": {"zip": [...]}}``;
``parcels[]`` with ``distance_unit``/``mass_unit``; ``metadata``) answering rates
from the shared rate card with ``servicelevel.token``; ``GET /shipments/{id}``;
``GET /rates/{id}``; ``POST /transactions`` (``rate, label_file_type, metadata``:
400 ``{"rate": [...]}`` for an unknown rate, status ``ERROR`` with a message for
an expired one, a second transaction for a rate already bought is refused);
``GET /transactions`` (newest first, ``results``, ``page``, ``next``); ``GET
/transactions/{id}``; ``POST /refunds``; ``GET /tracks/{carrier}/{number}`` (script
advanced one step per read, Shippo's status words); ``POST /manifests``.
"""

from __future__ import annotations

import re
from typing import Any

from tests.fakes.carriers.common import FakeCarrier
from tests.fakes.carriers.labels import pdf_label
from tests.fakes.platforms.clock import VirtualClock
from tests.fakes.platforms.server import FakeRequest, FakeResponse, FaultPlan

TEST_TOKEN = "shippo_test_0123456789abcdef"
LIVE_TOKEN = "shippo_live_0123456789abcdef"
_FILE_TYPES = {"PDF_4x6": "PDF", "PDF": "PDF", "ZPLII": "ZPL", "PNG": "PNG"}
_TRACK_WORDS = {
    "pre_transit": ("PRE_TRANSIT", None),
    "in_transit": ("TRANSIT", None),
    "out_for_delivery": ("TRANSIT", "out_for_delivery"),
    "delivered": ("DELIVERED", None),
    "return_to_sender": ("RETURNED", None),
    "failure": ("FAILURE", None),
}
_TOKENS = {"USPS": "usps", "UPS": "ups", "FedEx": "fedex"}


class FakeShippo(FakeCarrier):
    """In-memory Shippo behind a real HTTP server."""

    def __init__(self, clock: VirtualClock | None = None, faults: FaultPlan | None = None,
                 *, tokens: tuple[str, ...] = (TEST_TOKEN, LIVE_TOKEN),
                 timeout_sleep: float = 1.5, page_size: int = 25) -> None:
        super().__init__(clock, faults, timeout_sleep=timeout_sleep)
        self.tokens = set(tokens)
        self.page_size = page_size
        self.shipments: dict[str, dict[str, Any]] = {}
        self.rates: dict[str, dict[str, Any]] = {}
        self.transactions: dict[str, dict[str, Any]] = {}
        self.transaction_order: list[str] = []
        self.refunds: list[dict[str, Any]] = []
        self.manifests: dict[str, dict[str, Any]] = {}
        self.expired_rates: set[str] = set()

    def revoke(self, token: str) -> None:
        """Invalidate a token (every call with it gets 401)."""
        with self.lock:
            self.tokens.discard(token)

    # -- FakePlatform ---------------------------------------------------------------------

    def throttled(self, retry_after: float) -> FakeResponse:
        """Shippo's 429."""
        return FakeResponse.json(429, {"detail": "Request was throttled."},
                                 **{"Retry-After": "0.1"})

    def revoke_tokens(self) -> None:
        """Invalidate every token."""
        with self.lock:
            self.tokens.clear()

    def handle(self, request: FakeRequest) -> FakeResponse:
        """Files, then auth, then the route."""
        if request.path.startswith("/files/"):
            status, body, kind = self.file_response(request.path.removeprefix("/files/"))
            return FakeResponse(status, body, {"Content-Type": kind})
        auth = request.header("authorization")
        with self.lock:
            known = auth.startswith("ShippoToken ") and auth[12:] in self.tokens
        if not known:
            return FakeResponse.json(401, {"detail": "Invalid token."})
        path = request.path.rstrip("/") or "/"
        routes: list[tuple[str, str, str, Any]] = [
            ("POST", r"/shipments", "shipments", self._create),
            ("GET", r"/shipments/([^/]+)", "shipment", self._get_shipment),
            ("GET", r"/rates/([^/]+)", "rate", self._get_rate),
            ("POST", r"/transactions", "buy", self._buy),
            ("GET", r"/transactions", "list", self._list),
            ("GET", r"/transactions/([^/]+)", "transaction", self._get_transaction),
            ("POST", r"/refunds", "refund", self._refund),
            ("GET", r"/tracks/([^/]+)/([^/]+)", "tracks", self._track),
            ("POST", r"/manifests", "manifests", self._manifest),
        ]
        for method, pattern, operation, handler in routes:
            match = re.fullmatch(pattern, path)
            if method == request.method and match:
                return self._run(operation, handler, request, *match.groups())
        return FakeResponse.json(404, {"detail": "Not found."})

    # -- internals -------------------------------------------------------------------------

    def _run(self, operation: str, handler: Any, request: FakeRequest,
             *args: str) -> FakeResponse:
        fault = self.next_fault(operation)
        if fault == "auth":
            return FakeResponse.json(401, {"detail": "Invalid token."})
        if fault == "500":
            return FakeResponse.json(500, {"detail": "Server error."})
        if fault == "429":
            return self.throttled(0.1)
        if fault == "timeout":
            self.hold()
            return FakeResponse.json(504, {"detail": "late"})
        if fault == "address":
            return FakeResponse.json(400, {"address_to": {
                "street1": ["Address not found: the house number is missing"]}})
        if fault == "rate_gone":
            rate = str((request.json() or {}).get("rate") or "")
            with self.lock:
                self.expired_rates.add(rate)
        response: FakeResponse = handler(request, *args, duplicate=fault == "duplicate")
        if fault == "timeout_after":
            self.hold()
        return response

    def _create(self, request: FakeRequest, *, duplicate: bool) -> FakeResponse:
        body = request.json() or {}
        for side in ("address_from", "address_to"):
            address = body.get(side) or {}
            if not (address.get("street1") and address.get("city") and address.get("state")):
                return FakeResponse.json(400, {side: {"street1": ["This field is required."]}})
            if not re.fullmatch(r"\d{5}(-\d{4})?", str(address.get("zip") or "")):
                return FakeResponse.json(400, {side: {"zip": ["Invalid ZIP code."]}})
        parcels = body.get("parcels") or []
        try:
            parcel = parcels[0]
            assert parcel["mass_unit"] == "oz" and parcel["distance_unit"] == "in"
            ounces = float(parcel["weight"])
        except (IndexError, KeyError, AssertionError, TypeError, ValueError):
            return FakeResponse.json(400, {"parcels": ["weight with mass_unit oz required"]})
        with self.lock:
            shipment_id = self.new_id("shp")
            address_from = {"object_id": self.new_id("adr"), **body["address_from"]}
            rates = []
            for carrier, service, price, days in self.quote(ounces):
                rate = {"object_id": self.new_id("rate"), "amount": price, "currency": "USD",
                        "provider": carrier, "estimated_days": days, "shipment": shipment_id,
                        "carrier_account": f"ca_{carrier.lower()}",
                        "servicelevel": {"token": f"{_TOKENS[carrier]}_{service.lower()}",
                                         "name": service}}
                self.rates[rate["object_id"]] = rate
                rates.append(rate)
            shipment = {"object_id": shipment_id, "status": "SUCCESS",
                        "address_from": address_from, "address_to": body["address_to"],
                        "parcels": parcels, "metadata": body.get("metadata"), "rates": rates,
                        "messages": []}
            self.shipments[shipment_id] = shipment
        return FakeResponse.json(201, shipment)

    def _get_shipment(self, request: FakeRequest, shipment_id: str, *,
                      duplicate: bool) -> FakeResponse:
        shipment = self.shipments.get(shipment_id)
        if shipment is None:
            return FakeResponse.json(404, {"detail": "Not found."})
        return FakeResponse.json(200, shipment)

    def _get_rate(self, request: FakeRequest, rate_id: str, *, duplicate: bool) -> FakeResponse:
        rate = self.rates.get(rate_id)
        if rate is None:
            return FakeResponse.json(404, {"detail": "Not found."})
        return FakeResponse.json(200, rate)

    def _buy(self, request: FakeRequest, *, duplicate: bool) -> FakeResponse:
        body = request.json() or {}
        rate_id = str(body.get("rate") or "")
        file_type = str(body.get("label_file_type") or "PDF")
        with self.lock:
            rate = self.rates.get(rate_id)
            if rate is None:
                return FakeResponse.json(400, {"rate": [f"Rate {rate_id} does not exist."]})
            if file_type not in _FILE_TYPES:
                return FakeResponse.json(400, {"label_file_type": [f"{file_type} is invalid"]})
            transaction_id = self.new_id("txn")
            transaction: dict[str, Any] = {
                "object_id": transaction_id, "object_state": "VALID", "rate": rate_id,
                "metadata": body.get("metadata") or "", "label_file_type": file_type,
                "tracking_number": "", "label_url": "", "messages": [],
                "tracking_status": "UNKNOWN",
                "object_created": self.clock.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
            if rate_id in self.expired_rates:
                transaction["status"] = "ERROR"
                transaction["messages"] = [{"source": rate["provider"], "code": "rate_expired",
                                            "text": "The rate has expired; please re-rate."}]
            elif any(t["rate"] == rate_id and t["status"] == "SUCCESS"
                     for t in self.transactions.values()):
                transaction["status"] = "ERROR"
                transaction["messages"] = [{"source": "Shippo", "code": "already_purchased",
                                            "text": "A label was already bought for this rate."}]
            else:
                shipment = self.shipments[rate["shipment"]]
                to = shipment["address_to"]
                address = [to.get("name", ""), to["street1"],
                           f"{to['city']} {to['state']} {to['zip']}"]
                tracking = self.new_tracking(rate["provider"])
                fmt = _FILE_TYPES[file_type]
                transaction["label_url"] = self.make_label(
                    fmt, tracking, rate["provider"], rate["servicelevel"]["name"], address,
                    transaction_id)
                transaction["tracking_number"] = tracking
                transaction["status"] = "SUCCESS"
                self.purchases[transaction["metadata"] or transaction_id] += 1
            self.transactions[transaction_id] = transaction
            self.transaction_order.append(transaction_id)
        return FakeResponse.json(201, transaction)

    def _list(self, request: FakeRequest, *, duplicate: bool) -> FakeResponse:
        size = min(int(request.q("results") or self.page_size), self.page_size)
        page = int(request.q("page") or 1)
        with self.lock:
            rows = [self.transactions[i] for i in reversed(self.transaction_order)]
        chunk = rows[(page - 1) * size: page * size]
        if duplicate and chunk:
            chunk.insert(1, chunk[0])
        more = len(rows) > page * size
        following = f"{self.url}/transactions/?page={page + 1}&results={size}" if more else None
        return FakeResponse.json(200, {"next": following, "previous": None, "results": chunk})

    def _get_transaction(self, request: FakeRequest, transaction_id: str, *,
                         duplicate: bool) -> FakeResponse:
        transaction = self.transactions.get(transaction_id)
        if transaction is None:
            return FakeResponse.json(404, {"detail": "Not found."})
        return FakeResponse.json(200, transaction)

    def _refund(self, request: FakeRequest, *, duplicate: bool) -> FakeResponse:
        transaction_id = str((request.json() or {}).get("transaction") or "")
        with self.lock:
            transaction = self.transactions.get(transaction_id)
            if transaction is None or transaction["status"] != "SUCCESS":
                return FakeResponse.json(400, {"transaction": ["No label to refund."]})
            script = self.scripts.get(transaction["tracking_number"])
            moved = bool(script and any(e["status"] != "pre_transit" for e in script.events))
            refund = {"object_id": self.new_id("rfd"), "transaction": transaction_id,
                      "status": "ERROR" if moved else "QUEUED"}
            self.refunds.append(refund)
        return FakeResponse.json(201, refund)

    def _track(self, request: FakeRequest, carrier: str, number: str, *,
               duplicate: bool) -> FakeResponse:
        if carrier not in _TOKENS.values():
            return FakeResponse.json(400, {"carrier": [f"{carrier} is not a carrier token"]})
        history = []
        for event in self.reveal_tracking(number):
            status, substatus = _TRACK_WORDS.get(event["status"], ("UNKNOWN", None))
            history.append({
                "status": status, "status_details": event["message"],
                "status_date": event["datetime"],
                "substatus": {"code": substatus} if substatus else None,
                "location": {"city": "Elizabeth", "state": "NJ", "zip": "07201",
                             "country": "US"}})
        if duplicate:
            history = [h for item in history for h in (item, item)]
        return FakeResponse.json(200, {"carrier": carrier, "tracking_number": number,
                                       "tracking_status": history[-1],
                                       "tracking_history": history})

    def _manifest(self, request: FakeRequest, *, duplicate: bool) -> FakeResponse:
        body = request.json() or {}
        ids = [str(i) for i in body.get("transactions") or []]
        with self.lock:
            found = [self.transactions.get(i) for i in ids]
            if (not ids or not body.get("carrier_account") or not body.get("address_from")
                    or any(t is None or t["status"] != "SUCCESS" for t in found)):
                return FakeResponse.json(400, {"transactions": ["invalid manifest request"]})
            manifest_id = self.new_id("man")
            codes = [t["tracking_number"] for t in found if t]
            url = self.store_file(f"{manifest_id}.pdf",
                                  pdf_label(manifest_id, "Manifest", "", codes))
            manifest = {"object_id": manifest_id, "status": "SUCCESS", "documents": [url],
                        "carrier_account": body["carrier_account"], "transactions": ids,
                        "shipment_date": body.get("shipment_date")}
            self.manifests[manifest_id] = manifest
        return FakeResponse.json(201, manifest)
