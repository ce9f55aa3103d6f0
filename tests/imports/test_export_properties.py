"""Any Shopify export - orders of one to three lines, continuation rows without the order's
cells, ZIPs as Excel leaves them, lines that do not ship - reads back as its orders."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.channels.files import read_order_file
from tests.fuzzing import fuzz_settings
from tests.imports.export_files import SHOPIFY_HEADER, shopify_order, write_export

pytestmark = pytest.mark.fuzz

#: (state, a ZIP of it, how Excel may show it): leading zeros lost, floats, apostrophes.
_PLACES = [("NJ", "08817", ("8817", "8817.0", "'08817", "08817", "8.817E+03")),
           ("MA", "02134", ("2134", "'02134", "2134.0")),
           ("CA", "90012", ("90012", "90012.0")),
           ("TX", "73301", ("73301",))]

_line = st.tuples(st.sampled_from(["MUG-RED", "CUP", "TEE-M"]), st.integers(1, 50),
                  st.booleans())  # (sku, quantity, ships)
_order = st.tuples(st.lists(_line, min_size=1, max_size=3), st.sampled_from(range(len(_PLACES))),
                   st.data())


@fuzz_settings(60)
@given(st.lists(_order, min_size=1, max_size=6))
def test_a_shopify_export_reads_back_as_its_orders(orders: list) -> None:
    rows: list[dict[str, str]] = []
    expected: dict[str, tuple[str, list[tuple[str, int]]]] = {}
    for n, (lines, place, data) in enumerate(orders):
        state, zip_code, shown = _PLACES[place]
        name = f"#{1001 + n}"
        order_rows = shopify_order(name, [(sku, qty, "9.99") for sku, qty, _ in lines],
                                   **{"Shipping Province": state,
                                      "Shipping Zip": data.draw(st.sampled_from(shown))})
        for row, (_sku, _qty, ships) in zip(order_rows, lines, strict=True):
            row["Lineitem requires shipping"] = "true" if ships else "false"
        rows.extend(order_rows)
        shipped = [(sku, qty) for sku, qty, ships in lines if ships]
        if shipped:
            expected[name] = (zip_code, shipped)
    with TemporaryDirectory() as tmp:
        parsed = read_order_file(write_export(Path(tmp) / "orders_export.csv",
                                              SHOPIFY_HEADER, rows))
    assert parsed.problems == ()
    got = {o.number: (o.ship_to.zip, [(ln.sku, ln.quantity) for ln in o.lines])
           for o in parsed.orders}
    assert got == expected
    assert all(o.source == "shopify" for o in parsed.orders)
