"""Media (page) sizes, in PDF points, that the layouts produce."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch, mm


@dataclass(frozen=True)
class PageSize:
    """Width and height in points (1/72 in), portrait as fed through the printer."""

    width: float
    height: float

    @property
    def width_mm(self) -> float:
        """Width in millimetres, for printer profiles."""
        return self.width / mm

    @property
    def height_mm(self) -> float:
        """Height in millimetres, for printer profiles."""
        return self.height / mm


LABEL_4X6 = PageSize(4 * inch, 6 * inch)
LABEL_4X2 = PageSize(4 * inch, 2 * inch)
SKU_50X30_MM = PageSize(50 * mm, 30 * mm)
SKU_2_25X1_25_IN = PageSize(2.25 * inch, 1.25 * inch)
LETTER_PAGE = PageSize(*LETTER)
A4_PAGE = PageSize(*A4)


class SkuLabelSize(StrEnum):
    """The two common thermal SKU label stocks."""

    MM_50X30 = "50x30mm"
    IN_2_25X1_25 = "2.25x1.25in"

    @property
    def page(self) -> PageSize:
        """The page size for this stock."""
        return SKU_50X30_MM if self is SkuLabelSize.MM_50X30 else SKU_2_25X1_25_IN


class BinLabelMedia(StrEnum):
    """Bin labels go on 4x6 or 4x2 thermal labels, or on letter sheets of 4x2 labels."""

    LABEL_4X6 = "4x6"
    LABEL_4X2 = "4x2"
    LETTER_SHEET = "letter"


class DocumentPaper(StrEnum):
    """Paper for pick lists, packing slips and manifests: office sheets or a 4x6 label.

    Many pack stations have only the thermal label printer, so the packing slip (and
    the pick list) must also work on a 4x6 label, laid out for it rather than shrunk.
    """

    LETTER = "letter"
    A4 = "a4"
    LABEL_4X6 = "4x6"

    @property
    def page(self) -> PageSize:
        """The page size for this paper."""
        return {DocumentPaper.LETTER: LETTER_PAGE, DocumentPaper.A4: A4_PAGE,
                DocumentPaper.LABEL_4X6: LABEL_4X6}[self]

    @property
    def is_label(self) -> bool:
        """A thermal label: narrow margins, smaller type, barcode on the dot grid."""
        return self is DocumentPaper.LABEL_4X6
