"""reportlab layouts: every label and document is laid out once, as PDF bytes.

The PDF is the archived, reprintable truth; :mod:`printers.jobs` rasterises it for
thermal printers or passes it through to office printers.
"""

from printers.layouts.bins import bin_labels
from printers.layouts.documents import manifest, packing_slip, pick_list
from printers.layouts.media import BinLabelMedia, DocumentPaper, PageSize, SkuLabelSize
from printers.layouts.models import (
    Address,
    BinLabel,
    Manifest,
    ManifestParcel,
    PackingLine,
    PackingSlip,
    PickLine,
    PickList,
    ShippingLabel,
    SkuLabel,
    TestPage,
)
from printers.layouts.shipping import shipping_label
from printers.layouts.sku import sku_label
from printers.layouts.testpage import test_page

__all__ = [
    "Address",
    "BinLabel",
    "BinLabelMedia",
    "DocumentPaper",
    "Manifest",
    "ManifestParcel",
    "PackingLine",
    "PackingSlip",
    "PageSize",
    "PickLine",
    "PickList",
    "ShippingLabel",
    "SkuLabel",
    "SkuLabelSize",
    "TestPage",
    "bin_labels",
    "manifest",
    "packing_slip",
    "pick_list",
    "shipping_label",
    "sku_label",
    "test_page",
]
