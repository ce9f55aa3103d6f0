"""Platform-neutral order and push DTOs.

Every connector turns its platform's JSON into these frozen values (the order itself
is :class:`app.domain.order_value.IncomingOrder`, as for files) so the
idempotent import service (keyed on platform, store, external id) never sees
platform shapes. Times are aware UTC datetimes, money is ``Decimal``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from app.domain.address import normalize_state
from app.domain.line_prices import exact_unit_prices
from app.domain.order_value import IncomingOrder, OrderLine


class Platform(StrEnum):
    """The marketplaces Haicang can sync with."""

    SHOPIFY = "shopify"
    AMAZON = "amazon"
    WALMART = "walmart"
    TIKTOK = "tiktok"

    @property
    def label(self) -> str:
        """The marketplace's own name, as sellers know it (not translated)."""
        return _LABELS[self]


_LABELS = {Platform.SHOPIFY: "Shopify", Platform.AMAZON: "Amazon", Platform.WALMART: "Walmart",
           Platform.TIKTOK: "TikTok Shop"}


class OrderStatus(StrEnum):
    """Normalised order status; the platform's own status is kept alongside.

    ``PENDING`` means not yet releasable to the warehouse (unpaid / Amazon
    Pending: no address, may still be cancelled); ``OPEN`` is ready to fulfil.
    """

    PENDING = "pending"
    OPEN = "open"
    ON_HOLD = "on_hold"
    PARTIALLY_SHIPPED = "partially_shipped"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Buyer:
    """Who bought; platforms often mask or relay these values."""

    name: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class PlatformOrder:
    """One platform order: the order itself, and what only the sync needs beside it.

    ``order`` is the order as the platform has it: its number, ``order_date`` (when it
    was placed, always given), ``ship_to`` (the empty ``ShipTo()`` while the platform
    withholds the address), the platform's SKUs on ``lines`` and ``source`` the
    platform's name. ``buyer`` is who bought, which can differ from the recipient;
    ``currency`` is the order's, for lines that name none. ``address_withheld`` marks
    an order ready to ship whose name and street the platform keeps back from this
    app (Amazon without the restricted PII role): the warehouse records it and holds
    it until the seller's own label arrives.
    """

    platform: Platform
    store: str
    external_id: str
    updated_at: datetime
    platform_status: str
    status: OrderStatus
    buyer: Buyer
    order: IncomingOrder
    currency: str = ""
    address_withheld: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        """The idempotency key the import service uses."""
        return (self.platform.value, self.store, self.external_id)


@dataclass(frozen=True, slots=True)
class FetchPage:
    """One page of a pagination.

    ``next_cursor`` is opaque: store it verbatim and pass it back with the same
    window to resume. ``max_updated_at`` is the newest platform ``updated_at``
    seen on this page (the only safe base for the next incremental window).
    """

    orders: tuple[PlatformOrder, ...]
    next_cursor: str | None
    max_updated_at: datetime | None
    page_number: int = 1


@dataclass(frozen=True, slots=True)
class ShipmentLine:
    """A quantity of a platform SKU inside one parcel."""

    sku: str
    quantity: int


@dataclass(frozen=True, slots=True)
class PushResult:
    """Outcome of a tracking or stock push.

    ``already_done`` is true when the platform already had this tracking
    number, so a retried push is harmless.
    """

    ok: bool
    platform_ref: str = ""
    request_id: str = ""
    already_done: bool = False
    details: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StockLevel:
    """Sellable quantity of one platform SKU to publish."""

    sku: str
    quantity: int


# --- helpers shared by connectors -------------------------------------------------

_COUNTRY3: dict[str, str] = {"USA": "US", "CAN": "CA", "MEX": "MX", "PRI": "PR", "CHN": "CN"}


def state_code(value: str | None) -> str:
    """Return a 2-letter US state code for a code or full name; else the input trimmed
    (a 2-letter one upper-cased: a Canadian province, say)."""
    text = (value or "").strip()
    return normalize_state(text) or (text.upper() if len(text) == 2 else text)


def country_code(value: str | None) -> str:
    """Return an ISO 3166-1 alpha-2 code for the alpha-3 codes platforms send."""
    text = (value or "").strip().upper()
    return _COUNTRY3.get(text, text)


def to_utc(value: datetime) -> datetime:
    """Make a datetime aware UTC; naive values are taken as UTC (platforms send UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_iso(text: str) -> datetime:
    """Parse an ISO 8601 timestamp (``Z`` or an offset) into aware UTC."""
    return to_utc(datetime.fromisoformat(text.replace("Z", "+00:00")))


def from_epoch(seconds: float) -> datetime:
    """Unix seconds to aware UTC."""
    return datetime.fromtimestamp(seconds, tz=UTC)


def aggregate_lines(
    items: Iterable[tuple[str, int, Decimal | None, str, str, str]],
) -> tuple[OrderLine, ...]:
    """Sum platform lines per SKU: items are (sku, qty, unit price, currency, title, ref).

    Platforms split one SKU over several lines (TikTok sends one line per
    unit); the warehouse wants one line per SKU. When unit prices differ the
    quantity-weighted average is kept, rounded to cents.
    """
    order: list[str] = []
    qty: dict[str, int] = {}
    value: dict[str, Decimal | None] = {}
    meta: dict[str, tuple[str, str]] = {}
    refs: dict[str, list[str]] = {}
    for sku, quantity, price, currency, title, ref in items:
        if quantity <= 0:
            continue
        if sku not in qty:
            order.append(sku)
            qty[sku] = 0
            value[sku] = Decimal(0)
            meta[sku] = (currency, title)
            refs[sku] = []
        qty[sku] += quantity
        running = value[sku]
        value[sku] = None if price is None or running is None else running + price * quantity
        if ref:
            refs[sku].append(ref)
    lines = []
    for sku in order:
        total = value[sku]
        unit = None if total is None else _money(total / qty[sku])
        lines.append(OrderLine(sku, qty[sku], unit, meta[sku][0], meta[sku][1], tuple(refs[sku])))
    return tuple(lines)


def exact_lines(
    items: Iterable[tuple[str, int, Decimal | None, str, str, str]],
) -> tuple[OrderLine, ...]:
    """Sum platform lines per SKU from their *line totals*: items are (sku, qty, line
    total, currency, title, ref).

    Unlike :func:`aggregate_lines` nothing is averaged or rounded: a SKU whose total
    does not divide into a cent unit price becomes two lines one cent apart
    (:func:`app.domain.line_prices.exact_unit_prices`), so quantity x unit price adds
    up to exactly what the platform charged. A SKU with any line unpriced stays unpriced.
    """
    order: list[str] = []
    qty: dict[str, int] = {}
    value: dict[str, Decimal | None] = {}
    meta: dict[str, tuple[str, str]] = {}
    refs: dict[str, list[str]] = {}
    for sku, quantity, total, currency, title, ref in items:
        if quantity <= 0:
            continue
        if sku not in qty:
            order.append(sku)
            qty[sku], value[sku], meta[sku], refs[sku] = 0, Decimal(0), (currency, title), []
        qty[sku] += quantity
        running = value[sku]
        value[sku] = None if total is None or running is None else running + total
        if ref:
            refs[sku].append(ref)
    lines: list[OrderLine] = []
    for sku in order:
        currency, title = meta[sku]
        total = value[sku]
        if total is None or total < 0:
            lines.append(OrderLine(sku, qty[sku], None, currency, title, tuple(refs[sku])))
            continue
        for units, unit in exact_unit_prices(total, qty[sku]):
            lines.append(OrderLine(sku, units, unit, currency, title, tuple(refs[sku])))
    return tuple(lines)


def _money(amount: Decimal) -> Decimal:
    """Keep exact prices as sent; only round averages that gained extra digits."""
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        return amount
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
