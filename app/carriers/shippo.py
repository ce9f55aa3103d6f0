"""Shippo (https://api.goshippo.com): the warehouse's own or Shippo-wallet carrier accounts.

Contract relied on (docs.goshippo.com; carriers.md §1b): ``Authorization:
ShippoToken <token>``; ``POST /shipments`` (``address_from``, ``address_to``,
``parcels[]`` with ``distance_unit``/``mass_unit``, ``metadata``, ``async: false``)
answers ``rates[]`` (``object_id, provider, servicelevel{token,name}, amount,
currency, estimated_days``); ``POST /transactions`` (``rate, label_file_type,
async: false, metadata``) answers ``status`` SUCCESS/ERROR/QUEUED,
``tracking_number``, ``label_url``, ``messages[]``; ``POST /refunds
{transaction}``; ``GET /tracks/{carrier}/{tracking_number}``; ``POST /manifests``;
``GET /transactions`` pages (``next``) and ``GET /rates/{id}``.

The label format is chosen at purchase (``PDF_4x6`` / ``ZPLII`` / ``PNG``) and
Shippo cannot convert it later, so :meth:`ShippoProvider.find` returns a label in
the format it was bought in. ``find`` matches ``metadata`` (our reference) on the
transactions listed newest first, up to ``find_pages`` pages (default 5).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from app.carriers.base import (
    Address,
    AddressRejected,
    CarrierError,
    CarrierUnavailable,
    Label,
    LabelFormat,
    Manifest,
    Rate,
    RateUnavailable,
    RefundStatus,
    Shipment,
    Tracking,
    TrackingEvent,
    TrackingStatus,
)
from app.carriers.http import CarrierSession, check_key_mode, whole_number
from app.carriers.units import inches, money, ounces
from app.channels.http import ConnectorRuntime

BASE_URL = "https://api.goshippo.com"
TEST_KEY_PREFIX = "shippo_test_"
LIVE_KEY_PREFIX = "shippo_live_"
FILE_TYPES = {LabelFormat.PDF: "PDF_4x6", LabelFormat.ZPL: "ZPLII", LabelFormat.PNG: "PNG"}
_POLLS = 10
_STATUS = {
    "PRE_TRANSIT": TrackingStatus.PRE_TRANSIT,
    "TRANSIT": TrackingStatus.IN_TRANSIT,
    "DELIVERED": TrackingStatus.DELIVERED,
    "RETURNED": TrackingStatus.RETURN_TO_SENDER,
    "FAILURE": TrackingStatus.FAILURE,
}
_REFUND = {
    "QUEUED": RefundStatus.SUBMITTED,
    "PENDING": RefundStatus.SUBMITTED,
    "SUCCESS": RefundStatus.REFUNDED,
    "ERROR": RefundStatus.REJECTED,
}


def _flatten(value: Any, prefix: str = "") -> list[str]:
    """Shippo's field errors (``{"address_to": {"zip": ["…"]}}``) as "field: text" lines."""
    if isinstance(value, dict):
        return [line for key, inner in value.items()
                for line in _flatten(inner, f"{prefix}.{key}" if prefix else str(key))]
    if isinstance(value, list):
        return [line for inner in value for line in _flatten(inner, prefix)]
    return [f"{prefix}: {value}" if prefix else str(value)]


def _error(operation: str, status: int, data: Any) -> CarrierError:
    """A refused Shippo call as a carrier error with Shippo's own words."""
    lines = _flatten(data) if data is not None else [f"HTTP {status}"]
    text = "; ".join(lines)
    detail = f"HTTP {status}"
    keys = set(data) if isinstance(data, dict) else set()
    if any("address" in key for key in keys) or "address" in text.lower():
        return AddressRejected(f"Shippo refused the address: {text}", detail=detail)
    if "rate" in keys or (operation == "buy" and status == 404):
        return RateUnavailable(f"Shippo: the rate is no longer available: {text}",
                               detail=detail)
    return CarrierError(f"Shippo: {text}", detail=detail)


def _messages(data: dict[str, Any]) -> str:
    return "; ".join(str(m.get("text") or m.get("code")) for m in data.get("messages") or []
                     if isinstance(m, dict))


def _address(address: Address) -> dict[str, Any]:
    body = {"name": address.name, "company": address.company, "street1": address.street1,
            "street2": address.street2, "city": address.city, "state": address.state,
            "zip": address.zip, "country": address.country, "phone": address.phone,
            "email": address.email}
    return {k: v for k, v in body.items() if v}


def carrier_token(carrier: str, tracking: str) -> str:
    """Shippo's carrier token for ``/tracks/`` (``usps``, ``ups``, ``fedex``…).

    From the label's carrier where known, else guessed from the number's shape
    (UPS ``1Z…``, FedEx 12/15 digits, otherwise USPS).
    """
    if carrier.strip():
        return re.sub(r"[^a-z0-9]+", "_", carrier.strip().lower()).strip("_")
    if tracking.upper().startswith("1Z"):
        return "ups"
    if re.fullmatch(r"\d{12}|\d{15}", tracking):
        return "fedex"
    return "usps"


def _when(raw: Any) -> datetime | None:
    if not isinstance(raw, str) or not raw:
        return None
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None


class ShippoProvider:
    """One Shippo account (settings: ``find_pages``, ``http.*``; secret: ``api_token``)."""

    def __init__(self, account: str, *, api_token: str, mode: str,
                 settings: Mapping[str, str] | None = None, base_url: str | None = None,
                 runtime: ConnectorRuntime | None = None) -> None:
        if not api_token:
            raise CarrierError("Shippo: the account has no api_token secret")
        check_key_mode("Shippo", mode, api_token, test_prefix=TEST_KEY_PREFIX,
                       live_prefix=LIVE_KEY_PREFIX)
        settings = settings or {}
        self.mode = mode
        self._find_pages = whole_number("Shippo", settings, "find_pages", 5, low=1, high=100)
        self._http = CarrierSession(
            provider="Shippo", account=account, base_url=base_url or BASE_URL,
            auth_headers={"Authorization": f"ShippoToken {api_token}"}, settings=settings,
            runtime=runtime, errors=_error)
        self._clock = self._http.session.clock

    # -- CarrierProvider ----------------------------------------------------------------

    def rates(self, shipment: Shipment) -> list[Rate]:
        """Create the Shippo shipment (``metadata`` = our reference) and read its rates."""
        body = {
            "address_from": _address(shipment.from_address),
            "address_to": _address(shipment.to_address),
            "parcels": [{
                "length": str(inches(shipment.length_mm)),
                "width": str(inches(shipment.width_mm)),
                "height": str(inches(shipment.height_mm)), "distance_unit": "in",
                "weight": str(ounces(shipment.weight_g)), "mass_unit": "oz"}],
            "metadata": shipment.reference,
            "async": False,
        }
        data = self._http.call("POST", "/shipments", "shipments", body=body)
        rates = [self._rate(str(data["object_id"]), r) for r in data.get("rates") or []]
        if not rates and "address" in _messages(data).lower():
            raise AddressRejected(f"Shippo refused the address: {_messages(data)}")
        return rates

    def buy(self, shipment: Shipment, rate: Rate, label_format: LabelFormat) -> Label:
        """One transaction for ``rate`` (never retried after it may have reached Shippo)."""
        body = {"rate": rate.rate_id, "label_file_type": FILE_TYPES[label_format],
                "async": False, "metadata": shipment.reference}
        data = self._http.call("POST", "/transactions", "buy", body=body, idempotent=False)
        for _ in range(_POLLS):
            if data.get("status") not in ("QUEUED", "WAITING"):
                break
            self._clock.sleep(1.0)
            data = self._http.call("GET", f"/transactions/{data['object_id']}", "transaction")
        if data.get("status") in ("QUEUED", "WAITING"):
            raise CarrierUnavailable("Shippo is still buying the label; look it up again soon",
                                     detail=str(data.get("object_id")))
        return self._label(data, rate.carrier, rate.service, rate.cost, rate.currency,
                           rate.provider_shipment_id)

    def find(self, reference: str, label_format: LabelFormat | None = None) -> Label | None:
        """The successful transaction whose ``metadata`` is ours, if any (see module doc)."""
        path = "/transactions"
        params: list[tuple[str, str]] = [("results", "100")]
        for _ in range(self._find_pages):
            data = self._http.call("GET", path, "transactions_list", params=params)
            for found in data.get("results") or []:
                if found.get("metadata") == reference and found.get("status") == "SUCCESS":
                    rate = self._http.call("GET", f"/rates/{found['rate']}", "rate")
                    return self._label(found, str(rate.get("provider") or ""),
                                       str((rate.get("servicelevel") or {}).get("token") or ""),
                                       money(rate.get("amount")),
                                       str(rate.get("currency") or "USD"),
                                       str(rate.get("shipment") or ""))
            following = data.get("next")
            if not following:
                return None
            path, params = str(following), []
        return None

    def void(self, label: Label) -> RefundStatus:
        """Ask for a refund of an unused label (one transaction per refund)."""
        if not label.provider_label_id:
            raise CarrierError("Shippo: this label has no transaction id to refund")
        data = self._http.call("POST", "/refunds", "refund",
                               body={"transaction": label.provider_label_id, "async": False})
        return _REFUND.get(str(data.get("status") or ""), RefundStatus.SUBMITTED)

    def track(self, tracking_numbers: Sequence[str],
              carriers: Mapping[str, str] | None = None) -> list[Tracking]:
        """``GET /tracks/{carrier}/{number}`` for each number."""
        result = []
        for number in tracking_numbers:
            token = carrier_token((carriers or {}).get(number, ""), number)
            data = self._http.call("GET", f"/tracks/{token}/{number}", "tracks")
            result.append(_tracking(number, data))
        return result

    def manifest(self, labels: Sequence[Label]) -> Manifest | None:
        """A Shippo manifest (SCAN form for USPS) of ``labels``, all of one carrier account.

        The carrier account and the origin address are read back from Shippo (the
        transaction's rate and the shipment), so the account needs no extra settings.
        """
        transactions = [lb.provider_label_id for lb in labels if lb.provider_label_id]
        if not transactions:
            return None
        first = labels[0]
        bought = self._http.call("GET", f"/transactions/{transactions[0]}", "transaction")
        rate = self._http.call("GET", f"/rates/{bought['rate']}", "rate")
        origin = self._http.call("GET", f"/shipments/{first.provider_shipment_id}", "shipment")
        address_from = origin.get("address_from") or {}
        body = {"carrier_account": rate.get("carrier_account"),
                "shipment_date": self._clock.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
                "address_from": address_from.get("object_id") or address_from,
                "transactions": transactions, "async": False}
        data = self._http.call("POST", "/manifests", "manifests", body=body, idempotent=False)
        if data.get("status") == "ERROR":
            raise CarrierError(f"Shippo could not make the manifest: {_messages(data)}")
        documents = [str(d) for d in data.get("documents") or [] if d]
        url = documents[0] if documents else None
        return Manifest(provider_id=str(data["object_id"]), url=url,
                        data=self._http.download(url) if url else None)

    def close(self) -> None:
        """Close the HTTP client."""
        self._http.close()

    # -- internals ------------------------------------------------------------------------

    @staticmethod
    def _rate(shipment_id: str, raw: dict[str, Any]) -> Rate:
        days = raw.get("estimated_days")
        level = raw.get("servicelevel") or {}
        return Rate(provider_shipment_id=shipment_id, rate_id=str(raw["object_id"]),
                    carrier=str(raw.get("provider") or ""),
                    service=str(level.get("token") or level.get("name") or ""),
                    cost=money(raw.get("amount")), currency=str(raw.get("currency") or "USD"),
                    delivery_days=int(days) if isinstance(days, int | float) else None)

    def _label(self, data: dict[str, Any], carrier: str, service: str, cost: Any,
               currency: str, shipment_id: str) -> Label:
        status = data.get("status")
        if status != "SUCCESS" or not data.get("label_url"):
            text = _messages(data) or f"transaction {status}"
            if "rate" in text.lower() and ("expired" in text.lower() or "not" in text.lower()):
                raise RateUnavailable(f"Shippo: the rate is no longer available: {text}")
            if "address" in text.lower():
                raise AddressRejected(f"Shippo refused the address: {text}")
            raise CarrierError(f"Shippo could not buy the label: {text}")
        file_type = str(data.get("label_file_type") or "")
        fmt = next((f for f, t in FILE_TYPES.items() if t == file_type),
                   LabelFormat.PDF if file_type.startswith("PDF") else LabelFormat.PNG)
        return Label(tracking_number=str(data["tracking_number"]), carrier=carrier,
                     service=service, cost=money(cost), currency=currency, label_format=fmt,
                     data=self._http.download(str(data["label_url"])),
                     provider_shipment_id=shipment_id,
                     provider_label_id=str(data["object_id"]))


def _event(raw: dict[str, Any]) -> TrackingEvent | None:
    at = _when(raw.get("status_date"))
    if at is None:
        return None
    status = _STATUS.get(str(raw.get("status")), TrackingStatus.UNKNOWN)
    substatus = raw.get("substatus") or {}
    if status is TrackingStatus.IN_TRANSIT and substatus.get("code") == "out_for_delivery":
        status = TrackingStatus.OUT_FOR_DELIVERY
    where = raw.get("location") or {}
    location = ", ".join(str(where[k]) for k in ("city", "state", "zip") if where.get(k))
    return TrackingEvent(at=at, status=status, description=raw.get("status_details") or None,
                         location=location or None)


def _tracking(number: str, data: dict[str, Any]) -> Tracking:
    events = [e for e in (_event(h) for h in data.get("tracking_history") or []) if e]
    current = _event(data.get("tracking_status") or {})
    status = current.status if current else TrackingStatus.UNKNOWN
    return Tracking(tracking_number=str(data.get("tracking_number") or number), status=status,
                    events=tuple(events))
