"""TikTok Shop package documents: labels for TikTok orders shipped with TikTok Shipping.

TikTok sells the label itself (the seller pays through TikTok) and its shipping
label is the only place the full address appears when TikTok masks it. The calls
are the shop's, signed like every TikTok call, so this provider borrows a
:class:`TikTokConnector` built from the *store's* settings and secrets (the
carrier account names the store: setting ``channel``).

Contract relied on (TikTok Shop API 202309, partner.tiktokshop.com, specs in
lazykern/ecommerce-api-docs): ``POST /fulfillment/202309/orders/{order_id}/
shipping_services/query`` (weight, dimension) → ``shipping_services[]``;
``POST /fulfillment/202309/packages`` (``order_id``, ``dimension``, ``weight``,
``shipping_service_id``) → ``package_id`` — **not idempotent** (a repeat buys a
second label), so :meth:`TikTokDocsProvider.buy` first reads the order's
``packages[]`` (``GET /order/202309/orders?ids=``) and each package's detail
(``GET /fulfillment/202309/packages/{id}``: ``tracking_number``,
``package_status``, ``shipping_provider_name``) and reuses one that has a label;
``GET /fulfillment/202309/packages/{id}/shipping_documents?document_type=
SHIPPING_LABEL`` (PDF, ``document_size`` A6) or ``SHIPPING_LABEL_PICTURE`` (PNG)
→ ``doc_url`` + ``tracking_number``; tracking: ``POST /fulfillment/202309/packages/
search`` (``update_time_ge``) for each package's status and ``GET
/fulfillment/202309/orders/{order_id}/tracking`` for its events.

ZPL is offered by TikTok for Brazil only: a ZPL request gets the PDF, and the
returned :class:`Label` says ``PDF``. TikTok documents no label void, so
:meth:`void` answers ``not_applicable``; no manifest either (TikTok's own
handover is ``/packages/{id}/ship``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar
from urllib.parse import quote

import httpx

from app.carriers.base import (
    AddressRejected,
    CarrierAuthError,
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
from app.carriers.units import inches, money
from app.channels.base import AuthError, ChannelError, PlatformError
from app.channels.http import ApiRequest, ConnectorRuntime, json_bytes
from app.channels.tiktok import TikTokConnector

T = TypeVar("T")

#: TikTok's error codes (create packages / eligible services / documents) by meaning.
_ADDRESS_CODES = {"11021012"}
_NO_SERVICE_CODES = {"11021009", "21011037", "21004008", "11003011"}
_ALREADY_BOUGHT = {"21022025", "21008042"}
_DOCUMENT_PENDING = {"11034037", "11034023", "21023022"}
#: "Internal error / system timeout / try again later": the outcome is unknown.
_TRY_AGAIN = {"36009003", "11001027", "21001011", "21022026", "21022029", "11006010"}
_DOCUMENT_TRIES = 5
_DOWNLOAD_TRIES = 3
_PACKAGE_STATUS = {
    "PROCESSING": TrackingStatus.PRE_TRANSIT,
    "FULFILLING": TrackingStatus.IN_TRANSIT,
    "COMPLETED": TrackingStatus.DELIVERED,
    "CANCELLED": TrackingStatus.FAILURE,
}
_TRACK_DAYS = 60


class TikTokDocsProvider:
    """Labels for one TikTok store's orders through TikTok Shipping."""

    def __init__(self, connector: TikTokConnector) -> None:
        self._tiktok = connector
        self._session = connector.session
        #: reference → TikTok order id, learnt by rates()/buy() (see :meth:`find`)
        self._orders: dict[str, str] = {}
        options = self._session.options
        self._files = httpx.Client(
            timeout=httpx.Timeout(options.timeout, connect=options.connect_timeout),
            verify=options.verify, proxy=options.proxy, follow_redirects=True)

    @classmethod
    def for_store(cls, store: str, settings: Mapping[str, str], secrets: Mapping[str, str],
                  *, base_url: str | None = None,
                  runtime: ConnectorRuntime | None = None) -> TikTokDocsProvider:
        """Build from the TikTok store's own connector configuration."""
        try:
            connector = TikTokConnector(store, settings, secrets, base_url=base_url,
                                        runtime=runtime)
        except ChannelError as exc:
            raise CarrierAuthError(f"TikTok store {store}: {exc}") from None
        return cls(connector)

    # -- CarrierProvider ----------------------------------------------------------------

    def rates(self, shipment: Shipment) -> list[Rate]:
        """TikTok's eligible shipping services for the order's parcel."""
        order_id = self._order_id(shipment)
        body = {"weight": _weight(shipment), "dimension": _dimension(shipment)}
        data = self._call("POST", f"/fulfillment/202309/orders/{_q(order_id)}/shipping_services"
                          "/query", "shipping_services", body=body)
        rates = []
        for service in data.get("shipping_services") or []:
            days = service.get("latest_delivery_days")
            rates.append(Rate(
                provider_shipment_id=order_id, rate_id=str(service.get("id") or ""),
                carrier=str(service.get("shipping_provider_name") or "TikTok Shipping"),
                service=str(service.get("name") or ""), cost=money(service.get("price")),
                currency=_currency(service.get("currency")),
                delivery_days=int(days) if isinstance(days, int) else None))
        return rates

    def buy(self, shipment: Shipment, rate: Rate, label_format: LabelFormat) -> Label:
        """The order's label: an existing package's, else one new package (never two)."""
        order_id = self._order_id(shipment)
        package = self._labelled_package(order_id)
        if package is None:
            body: dict[str, Any] = {"order_id": order_id, "weight": _weight(shipment),
                                    "dimension": _dimension(shipment)}
            if rate.rate_id:
                body["shipping_service_id"] = rate.rate_id
            try:
                created = self._call("POST", "/fulfillment/202309/packages", "create_package",
                                     body=body, idempotent=False)
            except CarrierError as exc:
                if (exc.detail or "").split(" ")[0] not in _ALREADY_BOUGHT:
                    raise
                package = self._labelled_package(order_id)
                if package is None:
                    raise
            else:
                package = self._package(str(created.get("package_id") or ""))
        return self._label(order_id, package, label_format, rate.cost, rate.currency)

    def find(self, reference: str, label_format: LabelFormat | None = None) -> Label | None:
        """The label bought for ``reference``'s order, if this provider saw the order.

        TikTok knows nothing of our reference, so only orders named to this provider
        (by ``rates`` or ``buy``) can be found; after a restart :meth:`buy` itself
        reuses the order's labelled package, so a retry never creates a second one.
        """
        order_id = self._orders.get(reference)
        if order_id is None:
            return None
        package = self._labelled_package(order_id)
        if package is None:
            return None
        return self._label(order_id, package, label_format or LabelFormat.PDF, None, "USD")

    def void(self, label: Label) -> RefundStatus:
        """TikTok documents no label cancellation."""
        return RefundStatus.NOT_APPLICABLE

    def track(self, tracking_numbers: Sequence[str],
              carriers: Mapping[str, str] | None = None) -> list[Tracking]:
        """Package status from the package search, events from the order's tracking."""
        wanted = set(tracking_numbers)
        since = self._session.clock.now() - timedelta(days=_TRACK_DAYS)
        found: dict[str, dict[str, Any]] = {}
        token = ""
        while wanted - set(found):
            params = [("page_size", "50")] + ([("page_token", token)] if token else [])
            data = self._call("POST", "/fulfillment/202309/packages/search", "packages_search",
                              body={"update_time_ge": int(since.timestamp())}, params=params)
            for package in data.get("packages") or []:
                if package.get("tracking_number") in wanted:
                    found[str(package["tracking_number"])] = package
            token = str(data.get("next_page_token") or "")
            if not token:
                break
        result = []
        for number in tracking_numbers:
            package = found.get(number)
            if package is None:
                continue
            status = _PACKAGE_STATUS.get(str(package.get("status")), TrackingStatus.UNKNOWN)
            orders = package.get("orders") or []
            events: tuple[TrackingEvent, ...] = ()
            if orders:
                events = self._events(str(orders[0].get("id")), status)
            result.append(Tracking(tracking_number=number, status=status, events=events))
        return result

    def manifest(self, labels: Sequence[Label]) -> Manifest | None:
        """TikTok offers no carrier manifest through this API."""
        return None

    def close(self) -> None:
        """Close the store connector's HTTP client and the file client."""
        self._session.close()
        self._files.close()

    # -- internals ------------------------------------------------------------------------

    def _order_id(self, shipment: Shipment) -> str:
        if not shipment.platform_order_id:
            raise CarrierError("TikTok package documents need the TikTok order id "
                               f"(order {shipment.order_number or shipment.reference})")
        self._orders[shipment.reference] = shipment.platform_order_id
        return shipment.platform_order_id

    def _labelled_package(self, order_id: str) -> dict[str, Any] | None:
        """A package of the order that already has its label (tracking number)."""
        data = self._call("GET", "/order/202309/orders", "orders_detail",
                          params=[("ids", order_id)])
        orders = data.get("orders") or []
        if not orders:
            raise CarrierError(f"TikTok does not know order {order_id}")
        for ref in orders[0].get("packages") or []:
            package = self._package(str(ref.get("id") or ref.get("package_id") or ""))
            if package.get("tracking_number") and package.get("package_status") != "CANCELLED":
                return package
        return None

    def _package(self, package_id: str) -> dict[str, Any]:
        if not package_id:
            raise CarrierError("TikTok answered without a package id")
        data = self._call("GET", f"/fulfillment/202309/packages/{_q(package_id)}",
                          "package_detail")
        return {"package_id": package_id, **data}

    def _label(self, order_id: str, package: dict[str, Any], label_format: LabelFormat,
               cost: Decimal | None, currency: str) -> Label:
        fmt = LabelFormat.PNG if label_format is LabelFormat.PNG else LabelFormat.PDF
        document = "SHIPPING_LABEL_PICTURE" if fmt is LabelFormat.PNG else "SHIPPING_LABEL"
        params = [("document_type", document)]
        if fmt is LabelFormat.PDF:
            params.append(("document_size", "A6"))
        path = f"/fulfillment/202309/packages/{_q(package['package_id'])}/shipping_documents"
        data = self._retry_pending(lambda: self._call("GET", path, "shipping_documents",
                                                      params=params))
        url = str(data.get("doc_url") or "")
        if not url:
            raise CarrierError("TikTok answered the shipping document without doc_url")
        service = package.get("delivery_option_name") or package.get("shipping_type") or ""
        return Label(
            tracking_number=str(data.get("tracking_number") or package.get("tracking_number")),
            carrier=str(package.get("shipping_provider_name") or "TikTok Shipping"),
            service=str(service).strip(), cost=cost if cost is not None else Decimal("0"),
            currency=currency, label_format=fmt, data=self._download(url),
            provider_shipment_id=order_id, provider_label_id=str(package["package_id"]))

    def _events(self, order_id: str, status: TrackingStatus) -> tuple[TrackingEvent, ...]:
        data = self._call("GET", f"/fulfillment/202309/orders/{_q(order_id)}/tracking",
                          "tracking")
        events = []
        for item in data.get("tracking") or []:
            millis = item.get("update_time_millis")
            if not isinstance(millis, int):
                continue
            text = str(item.get("description") or "").strip()
            events.append(TrackingEvent(
                at=datetime.fromtimestamp(millis / 1000, tz=UTC),
                status=TrackingStatus.DELIVERED if "delivered" in text.lower()
                else TrackingStatus.UNKNOWN, description=text or None))
        events.sort(key=lambda e: e.at)
        return tuple(events)

    def _retry_pending(self, call: Callable[[], T]) -> T:
        """TikTok generates documents lazily ("still being generated"): wait and ask again."""
        for attempt in range(_DOCUMENT_TRIES):
            try:
                return call()
            except CarrierUnavailable as exc:
                if (exc.detail or "").split(" ")[0] not in _DOCUMENT_PENDING \
                        or attempt == _DOCUMENT_TRIES - 1:
                    raise
                self._session.clock.sleep(1.0 + attempt, self._session.cancel)
        raise AssertionError("unreachable")  # pragma: no cover

    def _download(self, url: str) -> bytes:
        """The label file at ``doc_url`` (a file link, not the signed API: its own client;
        a read, so a dropped connection is tried again a few times)."""
        detail = ""
        for _ in range(_DOWNLOAD_TRIES):
            try:
                response = self._files.get(url)
            except httpx.HTTPError as exc:
                detail = repr(exc)
                continue
            if response.status_code == 200 and response.content:
                return response.content
            detail = f"HTTP {response.status_code}"
            if response.status_code < 500:
                break
        raise CarrierUnavailable("TikTok's label file could not be fetched; try again",
                                 detail=detail)

    def _call(self, method: str, path: str, operation: str, *, body: Any = None,
              params: Sequence[tuple[str, str]] = (), idempotent: bool = True) -> Any:
        request = ApiRequest(method, path, operation, params=tuple(params),
                             content=None if body is None else json_bytes(body),
                             idempotent=idempotent)
        try:
            reply = self._session.send(request)
        except AuthError as exc:
            raise CarrierAuthError(f"TikTok refused the store's credentials: {exc}") from None
        except PlatformError as exc:
            raise _platform_error(exc) from None
        except ChannelError as exc:
            raise CarrierUnavailable(f"TikTok did not answer in time or is unavailable: {exc}",
                                     detail=str(exc)) from None
        return reply.data if isinstance(reply.data, dict) else {}


def _platform_error(exc: PlatformError) -> CarrierError:
    code = str(exc.platform_code)
    text = exc.platform_message or str(exc)
    detail = f"{code} {text}"
    if code in _ADDRESS_CODES:
        return AddressRejected(f"TikTok refused the address: {text}", detail=detail)
    if code in _NO_SERVICE_CODES:
        return RateUnavailable(f"TikTok has no shipping service for this parcel: {text}",
                               detail=detail)
    if code in _DOCUMENT_PENDING:
        return CarrierUnavailable(f"TikTok is still making the label: {text}", detail=detail)
    if code in _TRY_AGAIN:
        return CarrierUnavailable(f"TikTok could not answer now; try again: {text}",
                                  detail=detail)
    return CarrierError(f"TikTok: {text} ({code})", detail=detail)


def _weight(shipment: Shipment) -> dict[str, str]:
    return {"value": str(shipment.weight_g), "unit": "GRAM"}


def _dimension(shipment: Shipment) -> dict[str, str]:
    return {"length": str(inches(shipment.length_mm)), "width": str(inches(shipment.width_mm)),
            "height": str(inches(shipment.height_mm)), "unit": "INCH"}


def _currency(raw: Any) -> str:
    text = str(raw or "USD").upper()
    return "USD" if text in {"DOLLAR", ""} else text


def _q(value: str) -> str:
    return quote(value, safe="")
