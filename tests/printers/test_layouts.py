"""Layouts: page sizes, text (including Chinese), and barcodes that scan."""

from __future__ import annotations

import pytest

from printers import layouts
from printers.errors import LayoutError
from printers.raster import RasterOptions, rasterise
from tests.printers.helpers import CUSTOMER, TRACKING, decode, page_sizes, page_texts, shipping


def test_shipping_label_is_4x6_with_chinese_address_and_tracking_barcode() -> None:
    pdf = layouts.shipping_label(shipping())
    assert page_sizes(pdf) == [(288.0, 432.0)]
    text = page_texts(pdf)[0]
    assert "王小明" in text
    assert "浦东新区世纪大道100号" in text
    assert "SO-10023" in text and "AMZ-113-5550" in text and "UPS" in text
    assert "2 lb 12.1 oz" in text  # 1250 g
    assert decode(rasterise(pdf, RasterOptions(dpi=203))[0]) == [TRACKING]


def test_shipping_label_without_tracking_barcodes_the_order_number() -> None:
    pdf = layouts.shipping_label(shipping(tracking=""))
    assert decode(rasterise(pdf, RasterOptions(dpi=203))[0]) == ["SO-10023"]
    assert "no tracking yet" in page_texts(pdf)[0]


def test_same_fields_give_identical_pdf_bytes() -> None:
    assert layouts.shipping_label(shipping()) == layouts.shipping_label(shipping())


@pytest.mark.parametrize(
    ("size", "expected", "dpi"),
    [
        (layouts.SkuLabelSize.MM_50X30, (141.7, 85.0), 203),
        (layouts.SkuLabelSize.IN_2_25X1_25, (162.0, 90.0), 300),
    ],
)
def test_sku_label_sizes_and_barcode(
    size: layouts.SkuLabelSize, expected: tuple[float, float], dpi: int
) -> None:
    label = layouts.SkuLabel("CL01-TEA-500", "云南普洱茶 500 g gift box", "CL01", "X001ABCDEF")
    pdf = layouts.sku_label(label, size=size, dpi=dpi, copies=3)
    assert page_sizes(pdf) == [expected] * 3
    assert "云南普洱茶" in page_texts(pdf)[0] and "CL01-TEA-500" in page_texts(pdf)[0]
    assert decode(rasterise(pdf, RasterOptions(dpi=dpi))[2]) == ["X001ABCDEF"]


def test_sku_label_without_fnsku_barcodes_the_sku() -> None:
    pdf = layouts.sku_label(layouts.SkuLabel("CL01-MUG", "Mug"))
    assert decode(rasterise(pdf, RasterOptions(dpi=203))[0]) == ["CL01-MUG"]


def test_bin_labels_on_4x6_and_4x2() -> None:
    bins = [layouts.BinLabel("A-01-02-03", "NJ", "A"), layouts.BinLabel("B-11-01-01", "NJ")]
    tall = layouts.bin_labels(bins, media=layouts.BinLabelMedia.LABEL_4X6)
    wide = layouts.bin_labels(bins, media=layouts.BinLabelMedia.LABEL_4X2)
    assert page_sizes(tall) == [(288.0, 432.0)] * 2
    assert page_sizes(wide) == [(288.0, 144.0)] * 2
    assert [decode(image) for image in rasterise(wide, RasterOptions())] == [
        ["A-01-02-03"],
        ["B-11-01-01"],
    ]
    assert decode(rasterise(tall, RasterOptions())[1]) == ["B-11-01-01"]


def test_bin_labels_fill_letter_sheets_ten_per_page() -> None:
    bins = [layouts.BinLabel(f"C-{n:02d}") for n in range(12)]
    pdf = layouts.bin_labels(bins, media=layouts.BinLabelMedia.LETTER_SHEET)
    assert page_sizes(pdf) == [(612.0, 792.0)] * 2
    first, second = page_texts(pdf)
    assert "C-00" in first and "C-09" in first and "C-10" not in first
    assert "C-10" in second and "C-11" in second


def test_pick_list_spans_pages_and_totals_units() -> None:
    lines = tuple(
        layouts.PickLine(f"A-{n:02d}", f"SKU{n}", "蓝牙耳机 Bluetooth earbuds", 2, "SO-1")
        for n in range(80)
    )
    pdf = layouts.pick_list(layouts.PickList("W-0001", "NJ", "2026-11-28", lines, picker="李雷"))
    texts = page_texts(pdf)
    assert len(texts) > 1
    assert all(size == (612.0, 792.0) for size in page_sizes(pdf))
    assert "李雷" in texts[0] and "蓝牙耳机" in texts[0]
    assert "160" in texts[-1]  # 80 lines x 2 units


def test_packing_slip_on_a4() -> None:
    slip = layouts.PackingSlip(
        "SO-10023",
        "2026-11-27",
        "深圳好物 Trading",
        CUSTOMER,
        (layouts.PackingLine("SKU1", "蓝牙耳机", 2), layouts.PackingLine("SKU2", "Case", 1)),
    )
    pdf = layouts.packing_slip(slip, paper=layouts.DocumentPaper.A4)
    assert page_sizes(pdf) == [(595.3, 841.9)]
    text = page_texts(pdf)[0]
    assert "深圳好物" in text and "王小明" in text and "Total items" in text


@pytest.mark.parametrize("dpi", [203, 300])
def test_packing_slip_on_a_4x6_label_scans_and_runs_onto_more_labels(dpi: int) -> None:
    lines = tuple(layouts.PackingLine(f"SKU-{n:03}", f"蓝牙耳机 Bluetooth earbuds {n}", 1 + n % 3)
                  for n in range(40))
    slip = layouts.PackingSlip("113-5550123-4567890", "2026-11-27", "深圳好物 Trading", CUSTOMER,
                               lines)
    pdf = layouts.packing_slip(slip, paper=layouts.DocumentPaper.LABEL_4X6, dpi=dpi)
    sizes, texts = page_sizes(pdf), page_texts(pdf)
    assert len(sizes) > 1 and set(sizes) == {(288.0, 432.0)}
    assert "王小明" in texts[0] and "SKU-000" in texts[0] and "SKU-039" in texts[-1]
    assert "SKU" in texts[1] and "Qty" in texts[1]  # the table header repeats
    assert str(sum(line.quantity for line in lines)) in texts[-1]
    first = rasterise(pdf, RasterOptions(dpi=dpi))[0]
    assert decode(first) == ["113-5550123-4567890"]


def test_manifest_lists_parcels_and_total_weight() -> None:
    parcels = tuple(
        layouts.ManifestParcel(f"1Z999AA1012345678{n}", f"SO-{n}", "Ground", 1000) for n in range(5)
    )
    pdf = layouts.manifest(layouts.Manifest("M-77", "UPS", "NJ", "2026-11-28", parcels))
    text = page_texts(pdf)[0]
    assert "1Z999AA10123456784" in text and "5 parcels" in text and "11 lb 0.4 oz" in text
    assert "Signature" in text


def test_test_page_names_the_printer() -> None:
    pdf = layouts.test_page(layouts.TestPage("Rollo 1", "tspl", 203, "tcp://10.0.0.5:9100"))
    assert "Rollo 1" in page_texts(pdf)[0] and "203 dpi" in page_texts(pdf)[0]
    assert decode(rasterise(pdf, RasterOptions())[0]) == ["HC-TEST-1"]


def test_barcode_of_non_ascii_text_is_a_layout_error() -> None:
    with pytest.raises(LayoutError, match="cannot be encoded"):
        layouts.shipping_label(shipping(tracking="订单123"))


def test_barcode_too_long_for_the_label_is_a_layout_error() -> None:
    with pytest.raises(LayoutError, match="too long"):
        layouts.sku_label(layouts.SkuLabel("X" * 60, "long"))


@pytest.mark.parametrize("paper", [layouts.DocumentPaper.LABEL_4X6, layouts.DocumentPaper.LETTER])
def test_pick_list_never_wraps_a_bin_code_sku_or_order_number(paper) -> None:
    line = layouts.PickLine("A-04-03-01", "ACME-BT-EARBUDS-BLK", "蓝牙耳机 Bluetooth earbuds",
                            2, "SO-20261128-0042")
    pdf = layouts.pick_list(layouts.PickList("W-0001", "NJ", "2026-11-28", (line,)),
                            paper=paper)
    lines = [text.strip() for text in page_texts(pdf)[0].splitlines()]
    for code in ("A-04-03-01", "ACME-BT-EARBUDS-BLK", "SO-20261128-0042"):
        assert any(code in text for text in lines), (code, lines)
