"""Two dock PCs scanning the same parcels out at once (real processes on one database,
SQLite file and PostgreSQL when configured): every parcel is on the pickup once, and the
scans that lost the race were told so in a clear refusal, never a crash."""

from __future__ import annotations

import multiprocessing as mp
from collections import Counter

from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models import Pickup, PickupParcel
from tests.services.handover_world import PACKER, build_handover_world, packed

SCANNERS = 3
TRACKINGS = [f"9400{n:04d}" for n in range(6)]


def _scanner(url: str, start: mp.synchronize.Event,
             results: mp.Queue) -> None:
    from app.db.errors import data_conflict
    from app.db.schema import open_database
    from app.domain.errors import HaicangError
    from app.services.pickups import scan_out
    from app.services.run import run_write

    db = open_database(url)
    start.wait(30)
    told: Counter[str] = Counter()
    try:
        for tracking in TRACKINGS:
            try:
                result = run_write(db, scan_out, tracking, "USPS", actor=PACKER)
                told["already" if result.already else "scanned"] += 1
            except HaicangError as exc:
                told[exc.code] += 1
            except Exception as exc:
                conflict = data_conflict(exc)
                if conflict is None:
                    raise
                told[conflict.code] += 1
        results.put(("ok", dict(told)))
    except Exception as exc:  # report, never hang the parent
        results.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        db.dispose()


def test_two_pcs_scanning_the_same_parcels_record_each_once(db: Database, db_url: str) -> None:
    build_handover_world(db)
    for n, tracking in enumerate(TRACKINGS):
        packed(db, f"SO-{n}", "USPS", tracking)
    ctx = mp.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_scanner, args=(db_url, start, results))
             for _ in range(SCANNERS)]
    for p in procs:
        p.start()
    start.set()
    outcomes = [results.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(30)
    assert [o for o in outcomes if o[0] != "ok"] == []
    told: Counter[str] = Counter()
    for _ok, counts in outcomes:
        told.update(counts)
    assert told["scanned"] == len(TRACKINGS), told
    assert sum(told.values()) == SCANNERS * len(TRACKINGS)
    assert set(told) <= {"scanned", "already", "parcel_already_handed_over", "data_conflict"}
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(PickupParcel)) == len(TRACKINGS)
        assert s.scalar(select(func.count(func.distinct(PickupParcel.parcel_id)))) == len(
            TRACKINGS)
        pickups = s.scalar(select(func.count()).select_from(Pickup))
    assert pickups is not None and pickups >= 1
