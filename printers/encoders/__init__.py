"""Printer languages: 1-bit bitmaps in, printer bytes out (ESC/POS, TSPL, ZPL)."""

from printers.encoders.escpos import encode_escpos
from printers.encoders.tspl import encode_tspl
from printers.encoders.zpl import encode_zpl

__all__ = ["encode_escpos", "encode_tspl", "encode_zpl"]
