"""TSPL (TSC and most 4x6 label printers: Rollo, iDPRT, Xprinter, HPRT, Marklife).

One ``BITMAP`` per label after ``CLS``, then ``PRINT``. Polarity differs from ESC/POS:
on most TSPL printers a 0 bit prints a dot (LPrint sends 0xFF for white), but not on all,
so it is a per-printer setting (``zero_is_black``) confirmed with a test page. Only
standard commands are sent: some printers (iDPRT SP410) discard a whole job that contains
one command they do not know.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image

from printers.errors import InvalidProfile
from printers.raster import pack

_INVERT = bytes.maketrans(bytes(range(256)), bytes(255 - value for value in range(256)))


def encode_tspl(
    images: Sequence[Image.Image],
    *,
    width_mm: float,
    height_mm: float,
    gap_mm: float = 3.0,
    darkness: int | None = None,
    zero_is_black: bool = True,
    copies: int = 1,
) -> bytes:
    """The TSPL program printing each image as one label, ``copies`` times each."""
    if darkness is not None and not 0 <= darkness <= 15:
        raise InvalidProfile(name="tspl", reason=f"darkness {darkness} is not 0-15 (TSPL DENSITY)")
    head = [
        f"SIZE {_mm(width_mm)} mm,{_mm(height_mm)} mm",
        f"GAP {_mm(gap_mm)} mm,0 mm",
        "DIRECTION 0,0",
        "REFERENCE 0,0",
    ]
    if darkness is not None:
        head.append(f"DENSITY {darkness}")
    out = bytearray("\r\n".join(head).encode("ascii") + b"\r\n")
    for image in images:
        bitmap = pack(image)
        data = bitmap.data.translate(_INVERT) if zero_is_black else bitmap.data
        out += b"CLS\r\n"
        out += f"BITMAP 0,0,{bitmap.width_bytes},{bitmap.height},0,".encode("ascii")
        out += data + b"\r\n"
        out += f"PRINT 1,{max(1, copies)}\r\n".encode("ascii")
    return bytes(out)


def _mm(value: float) -> str:
    """A millimetre figure as TSPL accepts it: no exponent, at most one decimal."""
    return f"{round(value, 1):g}"
