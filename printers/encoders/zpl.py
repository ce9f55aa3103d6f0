"""ZPL II (Zebra and clones): one ``^GFA`` graphic per label.

Compression: the ZPL *ASCII* compression scheme (hex data with run-length counts
``G``-``Y`` = 1-19 and ``g``-``z`` = 20-400, ``,`` = rest of row white, ``!`` = rest of
row black, ``:`` = repeat previous row), not ``:Z64:``. It is understood by every ZPL II
firmware including clones, needs no CRC, and is still small: labels are mostly white
rows and long runs. In ZPL graphics a 1 bit prints a dot, as in our packed rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PIL import Image

from printers.errors import InvalidProfile
from printers.raster import PackedBitmap, pack

_RUN = re.compile(r"([0-9A-F])\1{2,}")


def encode_zpl(
    images: Sequence[Image.Image], *, darkness: int | None = None, copies: int = 1
) -> bytes:
    """One ``^XA ... ^XZ`` format per image, printed ``copies`` times each."""
    if darkness is not None and not 0 <= darkness <= 30:
        raise InvalidProfile(name="zpl", reason=f"darkness {darkness} is not 0-30 (ZPL ~SD)")
    parts: list[str] = []
    if darkness is not None:
        parts.append(f"~SD{darkness:02d}")
    for image in images:
        bitmap = pack(image)
        total = bitmap.width_bytes * bitmap.height
        parts.append(
            f"^XA^PW{bitmap.width}^LL{bitmap.height}^LH0,0"
            f"^FO0,0^GFA,{total},{total},{bitmap.width_bytes},{compress(bitmap)}^FS"
            f"^PQ{max(1, copies)}^XZ"
        )
    return ("\n".join(parts) + "\n").encode("ascii")


def compress(bitmap: PackedBitmap) -> str:
    """The bitmap's rows in ZPL ASCII compression."""
    rows: list[str] = []
    previous: bytes | None = None
    step = bitmap.width_bytes
    for start in range(0, len(bitmap.data), step):
        row = bitmap.data[start : start + step]
        if row == previous:
            rows.append(":")
            continue
        previous = row
        rows.append(_compress_row(row.hex().upper()))
    return "".join(rows)


def _compress_row(hexrow: str) -> str:
    """One row: trailing white/black becomes ',' / '!', runs become count prefixes."""
    tail = ""
    body = hexrow.rstrip("0")
    if len(body) < len(hexrow):
        tail = ","
    else:
        body = hexrow.rstrip("F")
        if len(body) < len(hexrow):
            tail = "!"
    return _RUN.sub(lambda match: _run(match.group(1), len(match.group(0))), body) + tail


def _run(char: str, length: int) -> str:
    """A run of ``length`` copies of ``char``: count characters then the hex digit.

    One count prefix covers at most 400 (``z``); longer runs are split.
    """
    out = []
    while length > 400:
        out.append("z" + char)
        length -= 400
    high, low = divmod(length, 20)
    prefix = (chr(ord("g") + high - 1) if high else "") + (chr(ord("G") + low - 1) if low else "")
    out.append(prefix + char)
    return "".join(out)
