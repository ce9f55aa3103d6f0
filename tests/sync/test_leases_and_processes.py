"""Two syncs of one store never overlap (also across processes); a sync killed with SIGKILL
resumes and ends with exactly the platform's orders."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models import ChannelCursor, ChannelOrder, Order
from app.db.schema import open_database
from app.services.run import run_write
from app.services.sync import run_sync
from app.services.sync_env import SyncEnvironment
from app.services.sync_leases import acquire_lease, release_lease
from tests.fakes.platforms import FaultPlan, SeedLine, SeedOrder, VirtualClock
from tests.fakes.platforms.server import FakeRequest, FakeResponse
from tests.fakes.platforms.shopify import FakeShopify
from tests.sync.conftest import add_store
from tests.sync.harness import ShopifyHarness
from tests.world import build_world, receive

HAICANG = [sys.executable, "-m", "app"]


def test_second_sync_of_a_store_is_refused_by_the_lease(
    env: SyncEnvironment, clock: VirtualClock
) -> None:
    harness = ShopifyHarness(clock)
    try:
        harness.seed(1, {"MUG": 1}, clock.now() - timedelta(hours=1))
        channel = add_store(env, harness)
        other_pc = "packstation-2/4242/abcd"
        assert run_write(env.db, acquire_lease, channel, other_pc, 600) is None
        refused = run_sync(env, channel)
        assert refused.refused and refused.failed and "packstation-2" in (refused.error or "")
        with env.db.reading() as s:
            assert s.scalar(select(func.count()).select_from(ChannelOrder)) == 0
        run_write(env.db, release_lease, channel, other_pc)
        assert run_sync(env, channel).counts.new == 1
    finally:
        harness.stop()


def test_lease_of_a_dead_local_process_is_taken_over(env: SyncEnvironment) -> None:
    import socket

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    holder = f"{socket.gethostname()}/{dead.stdout.strip()}/dead"
    clock = env.clock
    assert isinstance(clock, VirtualClock)
    harness = ShopifyHarness(clock)
    try:
        channel = add_store(env, harness)
        alive = f"{socket.gethostname()}/{os.getppid()}/alive"
        assert run_write(env.db, acquire_lease, channel, alive, 600) is None
        assert run_write(env.db, acquire_lease, channel, env.holder, 600) == alive
        run_write(env.db, release_lease, channel, alive)
        assert run_write(env.db, acquire_lease, channel, holder, 600) is None
        assert run_write(env.db, acquire_lease, channel, env.holder, 600) is None
    finally:
        harness.stop()


class SlowShopify(FakeShopify):
    """Takes a while per order page, so a test can kill a sync in the middle."""

    delay = 0.25

    def handle(self, request: FakeRequest) -> FakeResponse:
        if request.path.endswith("/orders.json"):
            time.sleep(self.delay)
        return super().handle(request)


def _cli(args: list[str], env: dict[str, str], **kwargs: object) -> subprocess.CompletedProcess:
    return subprocess.run([*HAICANG, *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False, **kwargs)  # type: ignore[call-overload]


def _process_env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "HAICANG_CONFIG_DIR": str(tmp_path / "cfg"),
            "HAICANG_DATA_DIR": str(tmp_path / "data"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def test_sync_killed_mid_run_resumes_and_ends_with_exactly_the_platform_orders(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'kill.sqlite3'}"
    db: Database = open_database(url)
    build_world(db)
    receive(db, "MUG", 500)
    clock = VirtualClock(datetime.now(UTC).replace(microsecond=0))
    fake = SlowShopify(clock, FaultPlan(), bucket=(1000.0, 1000.0)).start()
    total = 60
    try:
        for n in range(total):
            at = clock.now() - timedelta(hours=3) + timedelta(minutes=n)
            fake.add(SeedOrder(str(5000 + n), f"#{5000 + n}", at, at, [SeedLine("MUG", 1)]))
        penv = _process_env(tmp_path)
        added = _cli(["channels", "add", "--platform", "shopify", "--name", "Main Shop",
                      "--client", "ACME", "--base-url", fake.url, "--set", "page_size=4",
                      "--set", "access_token=shpat_test", "--db", url, "--json"], penv)
        assert added.returncode == 0, added.stderr
        # (read through the engine: opening the file directly here would drop this
        # process's SQLite locks and let the CLI delete the WAL under us)
        with db.engine.connect() as conn:
            stored = str(conn.exec_driver_sql("SELECT * FROM channels").all())
        assert "shpat_test" not in stored and "page_size" in stored
        assert "readable only by you" in added.stderr

        proc = subprocess.Popen([*HAICANG, "sync", "--db", url, "--json"], env=penv,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        pages = 0
        while time.monotonic() < deadline and pages < 4:
            time.sleep(0.05)
            with db.reading() as s:
                pages = s.scalar(select(ChannelCursor.pages_done)) or 0
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        with db.reading() as s:
            partial = s.scalar(select(func.count()).select_from(ChannelOrder))
        assert 0 < partial < total

        served_before = len(fake.requests_to("orders.json"))
        again = _cli(["sync", "--db", url, "--json"], penv)
        assert again.returncode == 0, again.stderr
        report = json.loads(again.stdout)
        assert report["errors"] == 0 and report["new"] == total - partial
        resumed = fake.requests_to("orders.json")[served_before]
        assert resumed.q("page_info") is not None  # continued at the next page
        with db.reading() as s:
            keys = s.execute(select(ChannelOrder.external_id, ChannelOrder.order_id)).all()
            orders = s.scalar(select(func.count()).select_from(Order))
        assert sorted(k for k, _ in keys) == sorted(str(5000 + n) for n in range(total))
        assert len({o for _, o in keys}) == total == orders

        # another PC holds the store's lease: a sync process is refused, exit 1
        assert run_write(db, acquire_lease, 1, "packstation-2/4242/abcd", 600) is None
        second = _cli(["sync", "--db", url, "--json"], penv)
        assert second.returncode == 1, second.stdout
        refused = json.loads(second.stdout)
        assert refused["errors"] == 1 and "already being synced" in refused["channels"][0]["error"]
    finally:
        fake.stop()
        db.dispose()
