"""Two pack stations (two processes, as two PCs) scan the same orders at once.

Each order is packed exactly once: the other station is refused at the scan (the order
is on a bench) or at completion (it is packed already), and nothing of its attempt
stays behind. Real processes and a real database (SQLite file with WAL, and
PostgreSQL when configured).
"""

from __future__ import annotations

import multiprocessing as mp
from collections import Counter

from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models import OrderStatusChange, PackSession, Parcel, ParcelItem
from app.services.health import reconcile_stock
from tests.services.packing_world import allocated_order, build_pack_world

ORDERS = 12
STATIONS = ("PACK-1", "PACK-2")


def _station(url: str, station: str, numbers: list[str], start: mp.synchronize.Event,
             results: mp.Queue) -> None:
    """Scan, count, weigh and complete each order, step by step as the screen does."""
    from app.db.schema import open_database
    from app.domain.errors import DomainError
    from app.services import packing as p
    from app.services.run import run_write
    from tests.services.packing_world import PACKER

    db = open_database(url)
    outcomes: Counter[str] = Counter()
    start.wait(30)
    try:
        for number in numbers:
            try:
                view = run_write(db, p.start_packing, number, station=station, actor=PACKER)
                if view.state is not p.PackState.PACKING:
                    outcomes["shown packed"] += 1
                    continue
                run_write(db, p.scan_item, view.order_id, "MUG", actor=PACKER)
                run_write(db, p.accept_weight, view.order_id, weight_g=470, stable=True,
                          actor=PACKER)
                run_write(db, p.complete_packing, view.order_id, station=station, actor=PACKER)
                outcomes["packed"] += 1
            except DomainError as error:
                outcomes[error.code] += 1
        results.put(("ok", station, dict(outcomes)))
    except Exception as exc:  # report, never hang the parent
        results.put(("error", station, f"{type(exc).__name__}: {exc}"))
    finally:
        db.dispose()


def test_two_stations_never_pack_one_order_twice(db: Database, db_url: str) -> None:
    build_pack_world(db)
    numbers = [f"D-{i:02d}" for i in range(ORDERS)]
    for number in numbers:
        allocated_order(db, number, {"MUG": 1})
    ctx = mp.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_station, args=(db_url, station, numbers, start, results))
             for station in STATIONS]
    for proc in procs:
        proc.start()
    start.set()
    outcomes = [results.get(timeout=240) for _ in procs]
    for proc in procs:
        proc.join(30)
    assert [o for o in outcomes if o[0] != "ok"] == []
    packed = sum(o[2].get("packed", 0) for o in outcomes)
    assert packed == ORDERS
    refused = sum(sum(v for k, v in o[2].items() if k != "packed") for o in outcomes)
    assert refused == ORDERS  # every order once refused (or shown packed) to the other
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Parcel)) == ORDERS
        assert s.scalar(select(func.sum(ParcelItem.quantity))) == ORDERS
        assert s.scalar(select(func.count()).select_from(PackSession)) == 0
        assert s.scalar(select(func.count()).select_from(OrderStatusChange)
                        .where(OrderStatusChange.to_status == "packed")) == ORDERS
        assert reconcile_stock(s).ok
