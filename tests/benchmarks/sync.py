"""Benchmark: sync 10,000 orders from the local fake Shopify.

Prints the time of a fetch-only pass (connector paging, no database), the time of a full
sync (same pages, plus the idempotent import, cursor commits and allocation after each
page) into a fresh SQLite database, their ratio (target <= 1.5) and the process's peak
memory. Run: ``python -m tests.benchmarks.sync [ORDERS]``.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from keyring.backends import fail

from app.channels import HttpOptions, RateLimiterRegistry
from app.channels.shopify import ShopifyConnector
from app.db.schema import open_database
from app.secrets import SecretStore
from app.services.sync import SyncEnvironment, SyncReport, run_sync
from tests.fakes.platforms import SeedLine, SeedOrder, VirtualClock
from tests.fakes.platforms.shopify import FakeShopify
from tests.sync.conftest import add_store
from tests.sync.harness import ShopifyHarness
from tests.world import build_world, receive

HTTP = HttpOptions(timeout=30.0, max_attempts=3)


def main(count: int = 10_000) -> None:
    clock = VirtualClock(datetime(2026, 3, 1, 12, 0, tzinfo=UTC))
    fake = FakeShopify(clock, bucket=(1e6, 1e6)).start()
    start = clock.now() - timedelta(days=3)
    for n in range(count):
        at = start + timedelta(seconds=20 * n)
        lines = [SeedLine("MUG", 1 + n % 2)] + ([SeedLine("CUP", 1)] if n % 3 == 0 else [])
        fake.add(SeedOrder(str(100_000 + n), f"#{100_000 + n}", at, at, lines))
    clock.advance(60)
    try:
        fetch_s, fetched = _fetch_only(fake, clock)
        with tempfile.TemporaryDirectory() as folder:
            import_s, imported = _full_sync(fake, clock, Path(folder), allocate=False)
        with tempfile.TemporaryDirectory() as folder:
            total_s, report = _full_sync(fake, clock, Path(folder), allocate=True)
    finally:
        fake.stop()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"orders on the platform       {count}")
    print(f"fetch only                   {fetch_s:8.2f} s  ({fetched} orders)")
    print(f"sync, import only            {import_s:8.2f} s  ({imported.counts.new} new, "
          f"{imported.pages} pages, error: {imported.error})")
    print(f"sync, import + allocation    {total_s:8.2f} s  ({report.counts.new} new, "
          f"{report.pages} pages, error: {report.error})")
    print(f"ratio import-only / fetch    {import_s / fetch_s:8.2f}  (target <= 1.5)")
    print(f"ratio with allocation / fetch{total_s / fetch_s:8.2f}")
    print(f"peak memory (process RSS)    {peak_mb:8.1f} MB")


def _fetch_only(fake: FakeShopify, clock: VirtualClock) -> tuple[float, int]:
    connector = ShopifyConnector("bench", {"page_size": "250"}, {"access_token": "shpat_test"},
                                 base_url=fake.url, http=HTTP, clock=clock)
    began = time.perf_counter()
    connector.test_connection()
    end = connector.latest_safe_window_end()
    fetched = sum(len(p.orders) for p in connector.fetch_orders(end - timedelta(days=30), end))
    elapsed = time.perf_counter() - began
    connector.close()
    return elapsed, fetched


def _full_sync(fake: FakeShopify, clock: VirtualClock, folder: Path, *,
               allocate: bool) -> tuple[float, SyncReport]:
    db = open_database(f"sqlite:///{folder / 'bench.sqlite3'}")
    build_world(db)
    receive(db, "MUG", 100_000)
    receive(db, "CUP", 100_000, bin_code="A-01-01-02")
    env = SyncEnvironment(db, SecretStore(fail.Keyring(), folder / "secrets.json"),
                          RateLimiterRegistry(clock), clock, HTTP, allocate=allocate)
    harness = ShopifyHarness.__new__(ShopifyHarness)
    harness.clock, harness.fake = clock, fake
    channel = add_store(env, harness, page_size=250, name="bench")
    began = time.perf_counter()
    report = run_sync(env, channel)
    elapsed = time.perf_counter() - began
    db.dispose()
    return elapsed, report


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
