"""Labels and documents laid out from the database: the *what* of printing.

Each ``*_document`` function reads what it needs in the caller's session, fills one of
``printers.layouts``' plain dataclasses and renders it to PDF for the given printer
profile (``dpi=profile.dpi``, media from the profile). The result is a
:class:`Document`: the bytes the print queue archives and sends. No function here
writes; queueing and sending live in :mod:`app.services.print_queue`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Bin, Client, Order, OrderLine, Reservation, Sku, Warehouse
from app.domain.errors import QT_TRANSLATE_NOOP, DomainError, InvalidValue, NotFound
from app.domain.states import OrderStatus
from app.services.lookup import client_by_code, skus_matching, warehouse_by_code
from app.services.order_rows import ship_to_of
from app.services.skus import barcodes_of, looks_like_fnsku
from printers import layouts
from printers.profiles import Language, PrinterProfile

MAX_COPIES = 999
MAX_BIN_LABELS = 2000


class JobKind(StrEnum):
    """What a print job prints (stored in ``print_jobs.kind``)."""

    SHIPPING_LABEL = "shipping_label"
    PACKING_SLIP = "packing_slip"
    PICK_LIST = "pick_list"
    BIN_LABELS = "bin_labels"
    SKU_LABELS = "sku_labels"
    TEST_PAGE = "test_page"
    CARRIER_LABEL = "carrier_label"
    MANIFEST = "manifest"
    CARTON_LABELS = "carton_labels"


class OrderNotReady(DomainError):
    code = "order_not_ready"
    template = "Order {order} has no {missing} yet; allocate it before printing its {document}."
    field_words = ("warehouse", "reserved bins", "shipping label", "pick list")


class OrderBackordered(DomainError):
    """A label for an order without stock would sit in the queue with nothing to ship."""

    code = "order_backordered"
    template = QT_TRANSLATE_NOOP(
        "errors", "Order {order} is backordered: allocate it before printing its label."
    )


class NoBinsInRange(DomainError):
    code = "no_bins_in_range"
    template = QT_TRANSLATE_NOOP(
        "errors", "Warehouse {warehouse} has no bins from {first} to {last}."
    )


class AmbiguousSku(DomainError):
    code = "ambiguous_sku"
    template = QT_TRANSLATE_NOOP(
        "errors", "SKU {sku} belongs to several clients ({clients}); choose the client."
    )


@dataclass(frozen=True)
class Document:
    """Something to print: the archived bytes and what they are for.

    ``pdf`` for everything we lay out; ``zpl`` only for a carrier's raw ZPL label (the
    seller's or a bought one), which prints on ZPL printers as-is. ``copies`` is sent to
    the printer (one page, N labels).
    """

    kind: JobKind
    reference: str
    pdf: bytes | None
    zpl: bytes | None = None
    order_id: int | None = None
    copies: int = 1


# --- orders -----------------------------------------------------------------------------


def _order(session: Session, order_id: int) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise NotFound(kind="Order", key=str(order_id))
    return order


def _ship_to(order: Order) -> layouts.Address:
    """The order's ship-to in the printers' own address type (``printers`` stands alone)."""
    ship = ship_to_of(order)
    return layouts.Address(
        name=ship.name,
        line1=ship.address1,
        line2=ship.address2,
        city=ship.city,
        state=ship.state,
        postal_code=ship.zip,
        country=ship.country,
        company=ship.company,
        phone=ship.phone,
    )


def _warehouse_address(warehouse: Warehouse) -> layouts.Address:
    return layouts.Address(
        name=warehouse.name,
        line1=warehouse.address1,
        line2=warehouse.address2 or "",
        city=warehouse.city,
        state=warehouse.state,
        postal_code=warehouse.zip,
        country=warehouse.country,
        phone=warehouse.phone or "",
    )


def order_weight_g(session: Session, order_id: int) -> int:
    """Sum of SKU weight x quantity: the label's weight until the pack station weighs it."""
    total = session.scalar(
        select(func.coalesce(func.sum(Sku.weight_g * OrderLine.quantity), 0))
        .select_from(OrderLine)
        .join(Sku, Sku.id == OrderLine.sku_id)
        .where(OrderLine.order_id == order_id)
    )
    return int(total or 0)


def shipping_label_fields(session: Session, order_id: int) -> layouts.ShippingLabel:
    """The 4x6 label's fields; the barcode is the tracking number, else the order number."""
    order = _order(session, order_id)
    if order.status == OrderStatus.BACKORDERED:
        raise OrderBackordered(order=order.number)
    if order.warehouse_id is None:
        raise OrderNotReady(order=order.number, missing="warehouse", document="shipping label")
    warehouse = session.get(Warehouse, order.warehouse_id)
    client = session.get(Client, order.client_id)
    assert warehouse is not None and client is not None  # foreign keys
    carrier = order.carrier or order.service_level.upper()
    return layouts.ShippingLabel(
        ship_from=_warehouse_address(warehouse),
        ship_to=_ship_to(order),
        carrier=carrier,
        service=order.service_level if order.carrier else "",
        weight_g=order_weight_g(session, order.id),
        order_number=order.number,
        tracking_number=order.tracking_number or "",
        client_code=client.code,
    )


def shipping_label_document(
    session: Session, order_id: int, profile: PrinterProfile
) -> Document:
    fields = shipping_label_fields(session, order_id)
    pdf = layouts.shipping_label(fields, dpi=profile.dpi)
    return Document(JobKind.SHIPPING_LABEL, fields.order_number, pdf, order_id=order_id)


def _order_lines(session: Session, order_id: int) -> list[tuple[str, str, int]]:
    rows = session.execute(
        select(Sku.code, Sku.name_en, Sku.name_zh, OrderLine.quantity)
        .join(Sku, Sku.id == OrderLine.sku_id)
        .where(OrderLine.order_id == order_id)
        .order_by(OrderLine.line_no)
    )
    return [(code, _name(name, name_zh), qty) for code, name, name_zh, qty in rows]


def _name(english: str, chinese: str | None) -> str:
    return f"{english} / {chinese}" if chinese else english


def paper_for(profile: PrinterProfile) -> layouts.DocumentPaper:
    """The document layout for the profile's media: A4, a 4x6 label, else letter.

    A pack station whose only printer is the 4x6 label printer gets documents laid out
    for the label; shrinking a letter page onto it made barcodes too fine to scan.
    """
    for paper in (layouts.DocumentPaper.A4, layouts.DocumentPaper.LABEL_4X6):
        page = paper.page
        if (abs(profile.media_width_mm - page.width_mm) < 3
                and abs(profile.media_height_mm - page.height_mm) < 3):
            return paper
    return layouts.DocumentPaper.LETTER


def packing_slip_document(session: Session, order_id: int, profile: PrinterProfile) -> Document:
    order = _order(session, order_id)
    client = session.get(Client, order.client_id)
    assert client is not None
    slip = layouts.PackingSlip(
        order_number=order.number,
        order_date=f"{order.order_date:%Y-%m-%d}",
        client_name=client.name,
        ship_to=_ship_to(order),
        lines=tuple(
            layouts.PackingLine(sku, name, qty)
            for sku, name, qty in _order_lines(session, order.id)
        ),
        note=order.notes or "",
    )
    pdf = layouts.packing_slip(slip, paper=paper_for(profile), dpi=profile.dpi)
    return Document(JobKind.PACKING_SLIP, order.number, pdf, order_id=order.id)


def pick_list_document(session: Session, order_id: int, profile: PrinterProfile) -> Document:
    """The order's reserved bins in walking order (aisle, position, level)."""
    order = _order(session, order_id)
    rows = list(session.execute(
        select(Bin.code, Sku.code, Sku.name_en, Sku.name_zh, Reservation.quantity,
               Bin.aisle, Bin.position, Bin.level)
        .join(Bin, Bin.id == Reservation.bin_id)
        .join(Sku, Sku.id == Reservation.sku_id)
        .where(Reservation.order_id == order.id)
    ))
    if not rows or order.warehouse_id is None:
        raise OrderNotReady(order=order.number, missing="reserved bins", document="pick list")
    warehouse = session.get(Warehouse, order.warehouse_id)
    assert warehouse is not None
    rows.sort(key=lambda r: (r.aisle, r.position, r.level, r[0]))
    document = layouts.PickList(
        number=order.number,
        warehouse=warehouse.code,
        created=f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        lines=tuple(
            layouts.PickLine(bin_code, sku, _name(name, name_zh), qty, order.number)
            for bin_code, sku, name, name_zh, qty, *_ in rows
        ),
    )
    pdf = layouts.pick_list(document, paper=paper_for(profile), dpi=profile.dpi)
    return Document(JobKind.PICK_LIST, order.number, pdf, order_id=order.id)


# --- bins and SKUs ------------------------------------------------------------------------


def bin_codes_in_range(session: Session, warehouse_code: str, first: str, last: str) -> list[str]:
    """Bin codes from ``first`` to ``last`` inclusive, in plain code order.

    Ordered in Python, not SQL: PostgreSQL's locale collation ignores hyphens, so
    ``ORDER BY code`` would put bins in a different order there than on SQLite.
    """
    warehouse = warehouse_by_code(session, warehouse_code)
    low, high = sorted((first.strip().upper(), last.strip().upper()))
    codes = sorted(session.scalars(select(Bin.code).where(Bin.warehouse_id == warehouse.id)))
    chosen = [code for code in codes if low <= code <= high]
    if not chosen:
        raise NoBinsInRange(warehouse=warehouse.code, first=low, last=high)
    if len(chosen) > MAX_BIN_LABELS:
        raise InvalidValue(field="bin range", problem=f"is more than {MAX_BIN_LABELS} bins")
    return chosen


def bin_media_for(profile: PrinterProfile) -> layouts.BinLabelMedia:
    """4x2 stock when the profile's media is short, letter sheets on PDF printers."""
    if profile.language is Language.PDF and profile.media_height_mm > 200:
        return layouts.BinLabelMedia.LETTER_SHEET
    if profile.media_height_mm < 80:
        return layouts.BinLabelMedia.LABEL_4X2
    return layouts.BinLabelMedia.LABEL_4X6


def bin_labels_document(
    session: Session, warehouse_code: str, first: str, last: str, profile: PrinterProfile
) -> Document:
    codes = bin_codes_in_range(session, warehouse_code, first, last)
    return bin_labels_of(warehouse_by_code(session, warehouse_code).code, codes, profile)


def bin_labels_of(warehouse_code: str, codes: list[str], profile: PrinterProfile) -> Document:
    """Labels of the given bins (a range from the CLI, a selection in Admin → Bins)."""
    labels = [layouts.BinLabel(code, warehouse_code) for code in codes]
    pdf = layouts.bin_labels(labels, media=bin_media_for(profile), dpi=profile.dpi)
    reference = f"{warehouse_code} {codes[0]}..{codes[-1]}" if len(codes) > 1 else codes[0]
    return Document(JobKind.BIN_LABELS, reference, pdf)


def find_sku(session: Session, code: str, client_code: str | None = None) -> Sku:
    """The SKU a code or barcode names; several clients sharing it need ``client_code``."""
    if client_code:
        client = client_by_code(session, client_code)
        matches = [sku for sku in skus_matching(session, code) if sku.client_id == client.id]
    else:
        matches = skus_matching(session, code)
    if not matches:
        raise NotFound(kind="SKU", key=code)
    if len({sku.client_id for sku in matches}) > 1:
        codes = sorted(
            session.scalars(
                select(Client.code).where(Client.id.in_({sku.client_id for sku in matches}))
            )
        )
        raise AmbiguousSku(sku=code, clients=", ".join(codes))
    exact = [sku for sku in matches if sku.code == code.strip()]
    return (exact or matches)[0]


def sku_size_for(profile: PrinterProfile) -> layouts.SkuLabelSize:
    """The SKU stock closest to the profile's media (50x30 mm unless it is 2.25x1.25 in)."""
    inch_stock = layouts.SkuLabelSize.IN_2_25X1_25.page
    if abs(profile.media_width_mm - inch_stock.width_mm) < 2 and abs(
        profile.media_height_mm - inch_stock.height_mm
    ) < 2:
        return layouts.SkuLabelSize.IN_2_25X1_25
    return layouts.SkuLabelSize.MM_50X30


def sku_labels_document(
    session: Session, code: str, copies: int, profile: PrinterProfile,
    client_code: str | None = None,
) -> Document:
    """One label page printed ``copies`` times; the barcode is the FNSKU when there is one."""
    if not 1 <= copies <= MAX_COPIES:
        raise InvalidValue(field="copies", problem=f"must be 1 to {MAX_COPIES}")
    sku = find_sku(session, code, client_code)
    client = session.get(Client, sku.client_id)
    assert client is not None
    fnsku = next((c for c in barcodes_of(session, [sku.id])[sku.id] if looks_like_fnsku(c)), "")
    label = layouts.SkuLabel(sku.code, sku.name_en, client.code, barcode=fnsku)
    pdf = layouts.sku_label(label, size=sku_size_for(profile), dpi=profile.dpi)
    return Document(JobKind.SKU_LABELS, f"{client.code}/{sku.code}", pdf, copies=copies)


def test_page_document(profile: PrinterProfile) -> Document:
    """The printer's name, language, dpi and a barcode, on its own media."""
    page = layouts.PageSize(
        profile.media_width_mm * 72 / 25.4, profile.media_height_mm * 72 / 25.4
    )
    fields = layouts.TestPage(profile.name, profile.language.value, profile.dpi, profile.uri)
    return Document(JobKind.TEST_PAGE, profile.name, layouts.test_page(fields, page=page))


test_page_document.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
