"""ESC/POS raster (`GS v 0`) through python-escpos.

python-escpos is imported inside the function: importing it costs noticeable start-up time
(capabilities database) and most stations never print ESC/POS. Images are already
thresholded 1-bit bitmaps, so python-escpos's own conversion cannot dither them. Tall
labels are sent in bands of ``fragment_height`` rows: some clones garble or time out on
big raster commands (python-escpos #631, #628), so bands are kept small by default.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PIL import Image

INIT = b"\x1b@"
DEFAULT_FRAGMENT_HEIGHT = 256


def encode_escpos(
    images: Sequence[Image.Image],
    *,
    fragment_height: int = DEFAULT_FRAGMENT_HEIGHT,
    cut: bool = False,
    copies: int = 1,
) -> bytes:
    """``ESC @`` then each image as GS v 0 bands, with a partial cut after each when asked."""
    _use_shared_capabilities_cache()
    from escpos.printer import Dummy  # lazy: slow import, see module docstring

    printer = Dummy()
    # python-escpos 3.1 prints diagnostics with print(); keep them off our stdout.
    with contextlib.redirect_stdout(io.StringIO()):
        printer._raw(INIT)
        for _ in range(max(1, copies)):
            for image in images:
                printer.image(image, impl="bitImageRaster", fragment_height=fragment_height)
                if cut:
                    printer.cut(mode="PART")
    return bytes(printer.output)


def _use_shared_capabilities_cache() -> None:
    """python-escpos pickles its printer database into a new temporary folder in every
    process and never removes it; one shared folder keeps a pack station's /tmp clean."""
    if "ESCPOS_CAPABILITIES_PICKLE_DIR" not in os.environ:
        folder = Path(tempfile.gettempdir()) / "haicang-escpos-cache"
        folder.mkdir(exist_ok=True)
        os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(folder)
