"""Carton labels scan as REFERENCE/CARTON at 203 dpi; the receiving report is bilingual."""

from __future__ import annotations

import pytest

from printers.errors import PrinterError
from printers.layouts.inbound import (
    CartonLabel,
    Discrepancy,
    DiscrepancyRow,
    carton_labels,
    discrepancy_report,
)
from printers.raster import RasterOptions, rasterise
from tests.printers.helpers import decode, page_sizes, page_texts


def test_carton_label_scans_at_203_dpi() -> None:
    pdf = carton_labels([CartonLabel("ASN-2026-0117", "C001", "ACME", "LA1", 2, 36, 1, 2),
                         CartonLabel("ASN-2026-0117", "C002", "ACME", "LA1", 1, 24, 2, 2)])
    assert page_sizes(pdf) == [(288.0, 432.0)] * 2
    texts = page_texts(pdf)
    assert "C002" in texts[1] and "2 / 2" in texts[1] and "客户" in texts[0]
    image = rasterise(pdf, RasterOptions(dpi=203))[0]
    assert decode(image) == ["ASN-2026-0117/C001"]


def test_a_chinese_reference_leaves_the_carton_number_on_the_barcode() -> None:
    label = CartonLabel("入库-001", "C1", "ACME", "LA1", 1, 5, 1, 1)
    assert label.barcode == "C1"
    assert decode(rasterise(carton_labels([label]), RasterOptions(dpi=203))[0]) == ["C1"]
    with pytest.raises(PrinterError):
        carton_labels([CartonLabel("入库-001", "箱1", "ACME", "LA1", 1, 5, 1, 1)])


def test_report_has_both_languages_and_signed_differences() -> None:
    pdf = discrepancy_report(Discrepancy("ASN-1", "ACME Acme", "LA1", "closed", "2026-12-20",
                                         "2026-12-21 10:00 UTC", (
        DiscrepancyRow("C1", "MUG", "Mug 马克杯", 10, 8, 1),
        DiscrepancyRow("C1", "CUP", "Cup", 5, 7, 0),
        DiscrepancyRow("C2", "X-9", "", 0, 2, 0, unknown=True))))
    text = page_texts(pdf)[0]
    for needle in ("Receiving report", "收货差异报告", "马克杯", "-1", "+2", "未知条码",
                   "Total", "合计"):
        assert needle in text, needle
