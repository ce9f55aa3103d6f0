"""A carrier's ZPL label, drawn in 203-dpi dots, made to print at its size on a finer printer.

ZPL coordinates are printer dots, so a 4x6 label laid out for 203 dpi prints at two
thirds of its size on a 300-dpi printer. Zebra's ``^MUd,b,c`` (Set Units of Measurement,
ZPL II manual) tells the printer the format's dots are at ``b`` dpi (150, 200 or 300) and
to convert them to its own ``c`` dpi (300 or 600); it holds for the one format, so it
goes right after each ``^XA``. Only what ``^MU`` can express is converted (up to a finer
printer); the bytes are otherwise sent untouched, and so is a label that sets its own
``^MU``.
"""

from __future__ import annotations

import re

#: ^MU's format base for a label drawn at this dpi (203 dpi is Zebra's "200").
_BASE = {152: 150, 203: 200, 300: 300}
#: The printer resolutions ^MU converts to.
_TARGET = {300: 300, 600: 600}
_FORMAT_START = re.compile(rb"\^XA", re.IGNORECASE)
_OWN_UNITS = re.compile(rb"\^MU", re.IGNORECASE)

#: The dpi a carrier's ZPL is drawn for unless the label says otherwise.
CARRIER_ZPL_DPI = 203


def convert_units(zpl: bytes, *, label_dpi: int, printer_dpi: int) -> bytes:
    """``zpl`` with ``^MUd,<label>,<printer>`` after each ``^XA`` when the dpis differ.

    Unchanged when they match, when ``^MU`` cannot express the pair (a coarser printer),
    or when the label already sets its units.
    """
    if label_dpi == printer_dpi or _OWN_UNITS.search(zpl):
        return zpl
    base, target = _BASE.get(label_dpi), _TARGET.get(printer_dpi)
    if base is None or target is None or target <= base:
        return zpl
    command = b"^MUd,%d,%d" % (base, target)
    return _FORMAT_START.sub(lambda m: m.group(0) + command, zpl)
