"""The plain data each layout prints.

Frozen dataclasses with only str/int fields, so the app can build them from its DTOs
without this package knowing anything about the app. Weights are grams (int), as in the
rest of Haicang; layouts convert to lb/oz at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Address:
    """A postal address as printed (already normalised by the caller)."""

    name: str
    line1: str
    city: str
    state: str
    postal_code: str
    country: str = "US"
    line2: str = ""
    company: str = ""
    phone: str = ""

    def city_line(self) -> str:
        """'City, ST 12345' - the line carriers read first."""
        place = ", ".join(part for part in (self.city, self.state) if part)
        return f"{place} {self.postal_code}".strip()


@dataclass(frozen=True)
class ShippingLabel:
    """A 4x6 in label for one parcel; without a tracking number the order is barcoded."""

    ship_from: Address
    ship_to: Address
    carrier: str
    service: str
    weight_g: int
    order_number: str
    tracking_number: str = ""
    client_reference: str = ""
    client_code: str = ""
    parcel: str = ""  # e.g. "1/2" for multi-parcel orders

    @property
    def barcode_value(self) -> str:
        """What the Code128 encodes: the tracking number, else the order number."""
        return self.tracking_number or self.order_number


@dataclass(frozen=True)
class SkuLabel:
    """A product label: the barcode is the FNSKU/UPC when given, else the SKU itself."""

    sku: str
    name: str
    client_code: str = ""
    barcode: str = ""
    condition: str = ""

    @property
    def barcode_value(self) -> str:
        """The value the scanner must read."""
        return self.barcode or self.sku


@dataclass(frozen=True)
class BinLabel:
    """A storage location label: big code for eyes, Code128 for scanners."""

    code: str
    warehouse: str = ""
    zone: str = ""


@dataclass(frozen=True)
class PickLine:
    """One line to pick, in walking order (the caller has routed it)."""

    bin_code: str
    sku: str
    name: str
    quantity: int
    order_number: str = ""


@dataclass(frozen=True)
class PickList:
    """A picker's sheet for a wave or a single order."""

    number: str
    warehouse: str
    created: str
    lines: tuple[PickLine, ...]
    picker: str = ""
    note: str = ""


@dataclass(frozen=True)
class PackingLine:
    """One product in the parcel."""

    sku: str
    name: str
    quantity: int


@dataclass(frozen=True)
class PackingSlip:
    """The slip that goes in the box, branded by the seller (client) name."""

    order_number: str
    order_date: str
    client_name: str
    ship_to: Address
    lines: tuple[PackingLine, ...]
    client_reference: str = ""
    note: str = ""


@dataclass(frozen=True)
class ManifestParcel:
    """One parcel handed to the carrier."""

    tracking_number: str
    order_number: str
    service: str
    weight_g: int


@dataclass(frozen=True)
class Manifest:
    """The handover sheet the driver signs when collecting parcels."""

    number: str
    carrier: str
    warehouse: str
    date: str
    parcels: tuple[ManifestParcel, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class TestPage:
    """What a printer's test page shows, so the user sees the settings took effect."""

    __test__ = False  # not a pytest test class, despite the name

    printer_name: str
    language: str
    dpi: int
    uri: str = ""
    barcode: str = "HC-TEST-1"
