"""PyInstaller runtime hook: runs inside the frozen app before ``app`` is imported.

python-escpos finds its printer database (``capabilities.json``) through
importlib resources and a temporary copy; in a bundle that lookup is fragile, so
point it at the copy the spec puts in ``_MEIPASS/escpos`` (escpos reads the variable
when it is first imported). A value the user set wins.
"""

import os
import sys

_bundle = getattr(sys, "_MEIPASS", None)
if _bundle:
    os.environ.setdefault(
        "ESCPOS_CAPABILITIES_FILE", os.path.join(_bundle, "escpos", "capabilities.json")
    )
