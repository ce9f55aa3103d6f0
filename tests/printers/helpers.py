"""Shared builders and checks for the printer tests."""

from __future__ import annotations

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image

from printers import layouts

WAREHOUSE = layouts.Address(
    "Haicang NJ", "100 Dock Rd", "Edison", "NJ", "08817", company="海仓美东仓"
)
CUSTOMER = layouts.Address(
    "王小明", "浦东新区世纪大道100号 Apt 5B", "Los Angeles", "CA", "90001", phone="555-0100"
)
TRACKING = "1Z999AA10123456784"


def shipping(tracking: str = TRACKING, order: str = "SO-10023") -> layouts.ShippingLabel:
    """A typical label for a Chinese-named customer."""
    return layouts.ShippingLabel(
        ship_from=WAREHOUSE,
        ship_to=CUSTOMER,
        carrier="UPS",
        service="Ground",
        weight_g=1250,
        order_number=order,
        tracking_number=tracking,
        client_reference="AMZ-113-5550",
        client_code="CL01",
    )


def decode(image: Image.Image) -> list[str]:
    """Every barcode text zxing-cpp reads in the image."""
    return [result.text for result in zxingcpp.read_barcodes(image.convert("L"))]


def page_texts(pdf: bytes) -> list[str]:
    """The text layer of each page."""
    document = pdfium.PdfDocument(pdf)
    return [document[i].get_textpage().get_text_bounded() for i in range(len(document))]


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's (width, height) in points, rounded to 0.1 pt."""
    document = pdfium.PdfDocument(pdf)
    sizes = (document[i].get_size() for i in range(len(document)))
    return [(round(width, 1), round(height, 1)) for width, height in sizes]
