"""EasyPost (https://api.easypost.com/v2): the warehouse's own or wallet carrier accounts.

Contract relied on (docs.easypost.com; carriers.md §1b): HTTP basic auth with the
API key as the user; ``POST /shipments`` with ``to_address``, ``from_address``,
``parcel`` (ounces / inches), ``reference`` and ``options`` answers a Shipment with
``rates[]`` (``id, carrier, service, rate, currency, delivery_days, delivery_date``);
``POST /shipments/{id}/buy`` ``{rate: {id}, insurance}`` fills ``tracking_code`` and
``postage_label`` (``label_url`` in the bought format, ``label_pdf_url`` /
``label_zpl_url`` once converted by ``GET /shipments/{id}/label?file_format=``);
``POST /shipments/{id}/refund`` sets ``refund_status``; ``POST /trackers``
returns the existing tracker for a known code; ``POST /scan_forms`` makes a USPS
SCAN form. Errors are ``{"error": {code, message, errors[]}}``.

Finding a purchase by reference: EasyPost's shipment list has no reference filter,
so :meth:`EasyPostProvider.find` lists *purchased* shipments created in the last
``find_days`` days (default 3) newest first, page by page (``before_id``), and
matches the ``reference`` field every Shipment carries.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
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

BASE_URL = "https://api.easypost.com/v2"
TEST_KEY_PREFIX = "EZTK"
LIVE_KEY_PREFIX = "EZAK"
_URL_FIELD = {LabelFormat.PDF: "label_pdf_url", LabelFormat.ZPL: "label_zpl_url"}
_STATUS = {
    "pre_transit": TrackingStatus.PRE_TRANSIT,
    "in_transit": TrackingStatus.IN_TRANSIT,
    "out_for_delivery": TrackingStatus.OUT_FOR_DELIVERY,
    "available_for_pickup": TrackingStatus.OUT_FOR_DELIVERY,
    "delivered": TrackingStatus.DELIVERED,
    "return_to_sender": TrackingStatus.RETURN_TO_SENDER,
    "failure": TrackingStatus.FAILURE,
    "cancelled": TrackingStatus.FAILURE,
}
_REFUND = {
    "submitted": RefundStatus.SUBMITTED,
    "refunded": RefundStatus.REFUNDED,
    "rejected": RefundStatus.REJECTED,
    "not_applicable": RefundStatus.NOT_APPLICABLE,
}


def _error(operation: str, status: int, data: Any) -> CarrierError:
    """EasyPost's ``{"error": {code, message, errors}}`` as a carrier error."""
    error = data.get("error") if isinstance(data, dict) else None
    error = error if isinstance(error, dict) else {}
    code = str(error.get("code") or "")
    message = str(error.get("message") or f"HTTP {status}")
    fields = [f"{e.get('field')}: {e.get('message')}" for e in error.get("errors") or []
              if isinstance(e, dict) and e.get("message")]
    text = "; ".join([message, *fields]) if fields else message
    detail = f"{code} (HTTP {status})"
    if code.startswith("ADDRESS.") or any("address" in f.lower() for f in fields):
        return AddressRejected(f"EasyPost refused the address: {text}", detail=detail)
    if "RATE" in code:
        return RateUnavailable(f"EasyPost: the rate is no longer available: {text}",
                               detail=detail)
    return CarrierError(f"EasyPost: {text}", detail=detail)


def _address(address: Address) -> dict[str, Any]:
    body = {"name": address.name, "company": address.company, "street1": address.street1,
            "street2": address.street2, "city": address.city, "state": address.state,
            "zip": address.zip, "country": address.country, "phone": address.phone,
            "email": address.email}
    return {k: v for k, v in body.items() if v}


def _date(raw: Any) -> date | None:
    if not isinstance(raw, str) or not raw:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        return None


def _when(raw: Any) -> datetime | None:
    if not isinstance(raw, str) or not raw:
        return None
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None


class EasyPostProvider:
    """One EasyPost account (settings: ``label_format``, ``find_days``, ``http.*``;
    secret: ``api_key``)."""

    def __init__(self, account: str, *, api_key: str, mode: str,
                 settings: Mapping[str, str] | None = None, base_url: str | None = None,
                 runtime: ConnectorRuntime | None = None) -> None:
        if not api_key:
            raise CarrierError("EasyPost: the account has no api_key secret")
        check_key_mode("EasyPost", mode, api_key, test_prefix=TEST_KEY_PREFIX,
                       live_prefix=LIVE_KEY_PREFIX)
        settings = settings or {}
        self.mode = mode
        self._find_days = whole_number("EasyPost", settings, "find_days", 3, low=1, high=90)
        self._format = _account_format(settings.get("label_format", ""))
        token = base64.b64encode(f"{api_key}:".encode()).decode()
        self._http = CarrierSession(
            provider="EasyPost", account=account, base_url=base_url or BASE_URL,
            auth_headers={"Authorization": f"Basic {token}"}, settings=settings,
            runtime=runtime, errors=_error)
        self._clock = self._http.session.clock

    # -- CarrierProvider ----------------------------------------------------------------

    def rates(self, shipment: Shipment) -> list[Rate]:
        """Create the EasyPost shipment (carrying our reference) and read its rates."""
        body = {"shipment": {
            "reference": shipment.reference,
            "to_address": _address(shipment.to_address),
            "from_address": _address(shipment.from_address),
            "parcel": {"weight": ounces(shipment.weight_g), "length": inches(shipment.length_mm),
                       "width": inches(shipment.width_mm), "height": inches(shipment.height_mm)},
            "options": {"label_size": "4x6", "label_format": self._format.value},
        }}
        data = self._http.call("POST", "/shipments", "shipments", body=body)
        rates = [self._rate(data["id"], r) for r in data.get("rates") or []]
        if not rates:
            messages = "; ".join(str(m.get("message")) for m in data.get("messages") or []
                                 if isinstance(m, dict))
            if "address" in messages.lower():
                raise AddressRejected(f"EasyPost refused the address: {messages}")
        return rates

    def buy(self, shipment: Shipment, rate: Rate, label_format: LabelFormat) -> Label:
        """Buy ``rate`` once (never retried after it may have reached EasyPost)."""
        if label_format is LabelFormat.PNG and self._format is not LabelFormat.PNG:
            raise _no_png(self._format)
        body: dict[str, Any] = {"rate": {"id": rate.rate_id}}
        if shipment.insure_amount is not None and shipment.insure_amount > 0:
            body["insurance"] = str(shipment.insure_amount)
        try:
            data = self._http.call("POST", f"/shipments/{rate.provider_shipment_id}/buy", "buy",
                                   body=body, idempotent=False)
        except CarrierError as exc:
            if "POSTAGE.EXISTS" not in (exc.detail or ""):
                raise
            # Bought already (a duplicate request got through first): take that label.
            data = self._http.call("GET", f"/shipments/{rate.provider_shipment_id}", "shipment")
        try:
            return self._label(data, label_format)
        except CarrierUnavailable:
            raise
        except CarrierError as exc:  # bought: never let it look like a failed purchase
            raise CarrierUnavailable(
                f"EasyPost sold the label (tracking {data.get('tracking_code')}) but its file "
                f"could not be fetched: {exc.message}", detail=exc.detail) from None

    def find(self, reference: str, label_format: LabelFormat | None = None) -> Label | None:
        """The purchased shipment whose ``reference`` is ours, if any (see module doc)."""
        since = self._clock.now() - timedelta(days=self._find_days)
        before: str | None = None
        while True:
            params = [("purchased", "true"), ("page_size", "100"),
                      ("start_datetime", since.strftime("%Y-%m-%dT%H:%M:%SZ"))]
            if before:
                params.append(("before_id", before))
            data = self._http.call("GET", "/shipments", "shipments_list", params=params)
            shipments = data.get("shipments") or []
            for found in shipments:
                if found.get("reference") == reference and found.get("tracking_code"):
                    fmt = label_format or _bought_format(found)
                    return self._label(found, fmt)
            if not data.get("has_more") or not shipments:
                return None
            before = str(shipments[-1]["id"])

    def void(self, label: Label) -> RefundStatus:
        """Ask for a refund of an unused label."""
        data = self._http.call("POST", f"/shipments/{label.provider_shipment_id}/refund",
                               "refund", body={})
        return _REFUND.get(str(data.get("refund_status") or ""), RefundStatus.SUBMITTED)

    def track(self, tracking_numbers: Sequence[str],
              carriers: Mapping[str, str] | None = None) -> list[Tracking]:
        """One tracker per number (EasyPost returns the existing one for a known code)."""
        result = []
        for number in tracking_numbers:
            tracker: dict[str, Any] = {"tracking_code": number}
            if carriers and carriers.get(number):
                tracker["carrier"] = carriers[number]
            data = self._http.call("POST", "/trackers", "trackers", body={"tracker": tracker})
            result.append(_tracking(data))
        return result

    def manifest(self, labels: Sequence[Label]) -> Manifest | None:
        """A USPS SCAN form for the USPS labels among ``labels`` (None if there are none)."""
        usps = [lb for lb in labels if lb.carrier.upper() == "USPS"]
        if not usps:
            return None
        body = {"shipments": [{"id": lb.provider_shipment_id} for lb in usps]}
        data = self._http.call("POST", "/scan_forms", "scan_forms", body=body,
                               idempotent=False)
        if data.get("status") == "failed":
            raise CarrierError(f"EasyPost could not make the SCAN form: {data.get('message')}")
        url = data.get("form_url") or None
        return Manifest(provider_id=str(data["id"]), url=url,
                        data=self._http.download(url) if url else None)

    def close(self) -> None:
        """Close the HTTP client."""
        self._http.close()

    # -- internals ------------------------------------------------------------------------

    @staticmethod
    def _rate(shipment_id: str, raw: dict[str, Any]) -> Rate:
        days = raw.get("delivery_days")
        return Rate(provider_shipment_id=shipment_id, rate_id=str(raw["id"]),
                    carrier=str(raw.get("carrier") or ""), service=str(raw.get("service") or ""),
                    cost=money(raw.get("rate")), currency=str(raw.get("currency") or "USD"),
                    delivery_days=int(days) if isinstance(days, int | float) else None,
                    delivery_date=_date(raw.get("delivery_date")))

    def _label(self, data: dict[str, Any], label_format: LabelFormat) -> Label:
        """The bought shipment's label in ``label_format``, converting when needed."""
        tracking = data.get("tracking_code")
        postage = data.get("postage_label") or {}
        if not tracking or not postage:
            raise CarrierError("EasyPost answered the purchase without a label",
                               detail=str(data.get("messages") or ""))
        url = _url_for(postage, label_format)
        if url is None and label_format is LabelFormat.PNG:
            raise _no_png(_bought_format(data))
        if url is None:
            converted = self._http.call("GET", f"/shipments/{data['id']}/label", "label",
                                        params=[("file_format", label_format.value)])
            url = _url_for(converted.get("postage_label") or {}, label_format)
            if url is None:
                raise CarrierError(f"EasyPost did not convert the label to {label_format}")
        selected = data.get("selected_rate") or {}
        return Label(
            tracking_number=str(tracking), carrier=str(selected.get("carrier") or ""),
            service=str(selected.get("service") or ""), cost=money(selected.get("rate")),
            currency=str(selected.get("currency") or "USD"), label_format=label_format,
            data=self._http.download(url), provider_shipment_id=str(data["id"]),
            provider_label_id=str(postage.get("id") or "") or None)


def _no_png(bought: LabelFormat) -> CarrierError:
    """EasyPost converts a bought label to PDF or ZPL (``label_pdf_url``/``label_zpl_url``)
    but never to PNG: PNG is only had by buying in it."""
    return CarrierError(f"EasyPost sells this account's labels as {bought} and converts them "
                        "to PDF or ZPL only; set label_format=PNG on the account for PNG")


def _account_format(raw: str) -> LabelFormat:
    """The format bought by default (setting ``label_format``: PDF, ZPL or PNG; PDF).

    EasyPost sells the label in the shipment's ``options.label_format``; asking for the
    format the warehouse prints saves the conversion call on every purchase.
    """
    try:
        return LabelFormat((raw or "PDF").strip().upper())
    except ValueError:
        raise CarrierError(f"EasyPost: label_format must be PDF, ZPL or PNG, not {raw!r}") \
            from None


def _bought_format(data: dict[str, Any]) -> LabelFormat:
    kind = str((data.get("postage_label") or {}).get("label_file_type") or "").lower()
    if "pdf" in kind:
        return LabelFormat.PDF
    if "zpl" in kind:
        return LabelFormat.ZPL
    return LabelFormat.PNG


def _url_for(postage: dict[str, Any], label_format: LabelFormat) -> str | None:
    field = _URL_FIELD.get(label_format)
    if field and postage.get(field):
        return str(postage[field])
    kind = str(postage.get("label_file_type") or "").lower()
    if postage.get("label_url") and label_format.value.lower() in kind:
        return str(postage["label_url"])
    return None


def _tracking(data: dict[str, Any]) -> Tracking:
    events = []
    for detail in data.get("tracking_details") or []:
        at = _when(detail.get("datetime"))
        if at is None:
            continue
        where = detail.get("tracking_location") or {}
        location = ", ".join(str(where[k]) for k in ("city", "state", "zip") if where.get(k))
        events.append(TrackingEvent(
            at=at, status=_STATUS.get(str(detail.get("status")), TrackingStatus.UNKNOWN),
            description=detail.get("message") or detail.get("description") or None,
            location=location or None))
    return Tracking(tracking_number=str(data.get("tracking_code") or ""),
                    status=_STATUS.get(str(data.get("status")), TrackingStatus.UNKNOWN),
                    events=tuple(events))
