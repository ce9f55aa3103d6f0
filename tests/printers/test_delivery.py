"""End to end: layout -> raster -> encode -> TCP / serial / file -> fake printer -> barcode."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PIL import Image

from printers import jobs, layouts
from printers.profiles import Language, PrinterProfile, PrintOptions
from tests.fakes.printers import (
    READY,
    FakePtyPrinter,
    FakeTcpPrinter,
    parse_escpos,
    parse_tspl,
    parse_zpl,
)
from tests.printers.helpers import TRACKING, decode, page_sizes, shipping

PARSERS: dict[Language, Callable[[bytes], list[Image.Image]]] = {
    Language.ESCPOS: lambda data: parse_escpos(data).images,
    Language.TSPL: lambda data: parse_tspl(data).images,
    Language.ZPL: parse_zpl,
}

SKU = layouts.SkuLabel("CL01-TEA-500", "云南普洱茶", "CL01", "X001ABCDEF")
CASES = {
    "tracking": (lambda: layouts.shipping_label(shipping()), 152.4, TRACKING),
    "order": (lambda: layouts.shipping_label(shipping(tracking="")), 152.4, "SO-10023"),
    "sku": (lambda: layouts.sku_label(SKU), 30.0, "X001ABCDEF"),
    "bin": (
        lambda: layouts.bin_labels(
            [layouts.BinLabel("A-01-02-03")], media=layouts.BinLabelMedia.LABEL_4X2
        ),
        50.8,
        "A-01-02-03",
    ),
}


@pytest.fixture(scope="module")
def tcp_printer() -> Iterator[FakeTcpPrinter]:
    with FakeTcpPrinter(status_replies=READY) as printer:
        yield printer


@pytest.mark.parametrize("language", [Language.ESCPOS, Language.TSPL, Language.ZPL])
@pytest.mark.parametrize("case", list(CASES))
def test_label_barcode_survives_the_trip_over_tcp(
    tcp_printer: FakeTcpPrinter, language: Language, case: str
) -> None:
    make_pdf, height_mm, expected = CASES[case]
    width_mm = 50.0 if case == "sku" else 101.6
    profile = PrinterProfile(
        "pack-1", tcp_printer.uri, language, media_width_mm=width_mm, media_height_mm=height_mm
    )
    before = len(tcp_printer.wait_for_jobs(0))
    result = jobs.print_pdf(make_pdf(), profile)
    received = tcp_printer.wait_for_jobs(before + 1)[before]
    assert result.bytes_sent == len(received)
    images = PARSERS[language](received)
    assert len(images) == 1
    assert decode(images[0]) == [expected]


def test_escpos_over_serial_pty_asks_status_then_prints() -> None:
    with FakePtyPrinter(status_replies=READY) as printer:
        profile = PrinterProfile("receipt", f"serial://{printer.path}?baud=115200", Language.ESCPOS)
        job = jobs.encode_job(layouts.shipping_label(shipping()), profile)
        result = jobs.send(job, profile)
        received = printer.wait_for_bytes(len(job))
        assert printer.status_queries == [1, 2, 4]
        assert result.status is not None and not result.status.paper_out
        assert received == job
        assert decode(parse_escpos(received).images[0]) == [TRACKING]


@pytest.mark.parametrize("language", [Language.TSPL, Language.ZPL])
def test_label_over_file_uri_to_a_device_node(language: Language) -> None:
    with FakePtyPrinter() as printer:
        profile = PrinterProfile("usb-lp", f"file://{printer.path}", language)
        job = jobs.encode_job(layouts.shipping_label(shipping()), profile)
        jobs.send(job, profile)
        received = printer.wait_for_bytes(len(job))
        assert received == job
        assert decode(PARSERS[language](received)[0]) == [TRACKING]


def test_pdf_passthrough_repeats_pages_for_copies() -> None:
    pdf = layouts.shipping_label(shipping())
    profile = PrinterProfile("office", "dummy://", Language.PDF)
    assert jobs.encode_job(pdf, profile) == pdf
    copies = jobs.encode_job(pdf, profile, copies=3)
    assert page_sizes(copies) == [(288.0, 432.0)] * 3


def test_encoding_is_deterministic_for_retries() -> None:
    pdf = layouts.shipping_label(shipping())
    for language in (Language.ESCPOS, Language.TSPL, Language.ZPL):
        profile = PrinterProfile("p", "dummy://", language, options=PrintOptions(cut=True))
        assert jobs.encode_job(pdf, profile) == jobs.encode_job(pdf, profile)
