"""A 203-dpi carrier ZPL label on a finer ZPL printer gets Zebra's ^MU unit conversion
after each ^XA; matching dpi (or what ^MU cannot say) leaves the bytes untouched."""

from __future__ import annotations

import pytest

from printers.zpl_units import convert_units

TWO_FORMATS = b"^XA^FO50,50^BCN,100^FD1Z999^FS^XZ\r\n^xa^FO10,10^FDx^FS^XZ"


def test_each_format_gets_the_conversion_right_after_its_start() -> None:
    assert convert_units(TWO_FORMATS, label_dpi=203, printer_dpi=300) == (
        b"^XA^MUd,200,300^FO50,50^BCN,100^FD1Z999^FS^XZ\r\n"
        b"^xa^MUd,200,300^FO10,10^FDx^FS^XZ")


def test_a_600_dpi_printer_converts_to_600() -> None:
    assert convert_units(b"^XA^XZ", label_dpi=203, printer_dpi=600) == b"^XA^MUd,200,600^XZ"


@pytest.mark.parametrize(("label", "printer"), [(203, 203), (300, 300), (300, 203),
                                                (203, 152)])
def test_matching_or_coarser_printer_keeps_the_bytes(label: int, printer: int) -> None:
    assert convert_units(TWO_FORMATS, label_dpi=label, printer_dpi=printer) is TWO_FORMATS


def test_a_label_that_sets_its_own_units_is_left_alone() -> None:
    own = b"^XA^MUd,200,300^FO1,1^XZ"
    assert convert_units(own, label_dpi=203, printer_dpi=300) is own
