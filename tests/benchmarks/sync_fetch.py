"""Fetch 10,000 orders from the local fake Shopify through ShopifyConnector.

Prints wall time, requests/s, orders/s and peak Python memory (tracemalloc,
measured in a second pass because tracing slows everything down). The fake
runs in this process, so its share of CPU and memory is included: the
figures are an upper bound for the connector alone.

    python -m tests.benchmarks.sync_fetch [ORDERS] [PAGE_SIZE]
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from datetime import UTC, datetime, timedelta

from app.channels.shopify import ShopifyConnector
from tests.fakes.platforms.model import make_orders
from tests.fakes.platforms.shopify import FakeShopify

START = datetime(2026, 1, 1, tzinfo=UTC)


def fetch(fake: FakeShopify, page_size: int) -> tuple[int, int, float]:
    """One full pagination; returns (orders, requests, seconds)."""
    before = len(fake.log)
    connector = ShopifyConnector(
        "bench",
        {"page_size": str(page_size), "rate_limit.rest": "100000/100000"},
        {"access_token": "shpat_test"},
        base_url=fake.url,
    )
    began = time.perf_counter()
    seen: set[str] = set()
    with connector:
        for page in connector.fetch_orders(START, START + timedelta(days=30)):
            seen.update(order.external_id for order in page.orders)
    return len(seen), len(fake.log) - before, time.perf_counter() - began


def main() -> None:
    """Seed the fake, time one pass, then measure peak memory on a second pass."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    page_size = int(sys.argv[2]) if len(sys.argv) > 2 else 250
    fake = FakeShopify(bucket=(100000.0, 100000.0))
    for seed in make_orders(count, START, step=timedelta(seconds=30)):
        fake.add(seed)
    fake.start()
    try:
        orders, requests, seconds = fetch(fake, page_size)
        tracemalloc.start()
        fetch(fake, page_size)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        fake.stop()
    assert orders == count, f"fetched {orders} of {count}"
    print(f"orders fetched      {orders}")
    print(f"requests            {requests} (page size {page_size})")
    print(f"fetch time          {seconds:.2f} s")
    print(f"requests/s          {requests / seconds:.1f}")
    print(f"orders/s            {orders / seconds:.0f}")
    print(f"peak traced memory  {peak / 1e6:.1f} MB (connector + in-process fake)")


if __name__ == "__main__":
    main()
