"""Several PCs import overlapping order files into one database at the same moment.

Real processes, a real database (SQLite file with WAL, and PostgreSQL when
configured). Every file holds orders all files share, orders it shares with a
neighbour and orders only it holds, in its own shuffled order (so two imports
meet the same numbers in different orders). Afterwards every order of every file
exists exactly once with its lines, and the reports add up: each order was
created by exactly one import and is "already imported" for every other file.
"""

from __future__ import annotations

import multiprocessing as mp
import random
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models import Order, OrderLine
from tests.imports.conftest import build_shop
from tests.imports.writers import good_row, write_csv

WORKERS = 5
SHARED = 120  # orders in every file
WINDOW = 160  # orders shared with the next file
OWN = 60  # orders only this file holds
SKUS = ("MUG-RED", "CUP", "TEE-M")


def _numbers(worker: int) -> list[str]:
    shared = range(SHARED)
    window = range(10_000 + worker * WINDOW, 10_000 + (worker + 2) * WINDOW)
    own = range(50_000 + worker * OWN, 50_000 + (worker + 1) * OWN)
    return [f"RACE-{n}" for n in (*shared, *window, *own)]


def _lines(number: str) -> list[tuple[str, int]]:
    """The same lines for a number in every file (so a re-import is not a conflict)."""
    rng = random.Random(number)
    return [(sku, rng.randint(1, 4)) for sku in rng.sample(SKUS, rng.randint(1, 3))]


def _write_file(path: Path, worker: int) -> Path:
    numbers = _numbers(worker)
    random.Random(worker).shuffle(numbers)
    rows = [good_row(n, sku=sku, quantity=str(q)) for n in numbers for sku, q in _lines(n)]
    return write_csv(path, rows)


def _worker(url: str, path: str, start: mp.synchronize.Event,
            results: mp.Queue) -> None:
    from app.db.schema import open_database
    from app.services.order_import import import_order_file
    from tests.imports.conftest import ACTOR

    db = open_database(url)
    start.wait(30)
    try:
        report = import_order_file(db, "ACME", path, actor=ACTOR)
        results.put(("ok", path, report.orders_created, report.orders_already_imported))
    except Exception as exc:  # report, never hang the parent
        results.put(("error", path, f"{type(exc).__name__}: {exc}", ()))
    finally:
        db.dispose()


def test_overlapping_files_imported_at_once_create_every_order_exactly_once(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    build_shop(db)
    files = {str(_write_file(tmp_path / f"pc{w}.csv", w)): w for w in range(WORKERS)}

    ctx = mp.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(db_url, path, start, results)) for path in files]
    for p in procs:
        p.start()
    start.set()
    outcomes = [results.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(30)
    assert [o[2] for o in outcomes if o[0] != "ok"] == []

    created: Counter[str] = Counter()
    for _, path, made, already in outcomes:
        numbers = _numbers(files[path])
        assert sorted([*made, *already]) == sorted(numbers), f"{path} lost orders"
        created.update(made)
    everything = {n for w in range(WORKERS) for n in _numbers(w)}
    assert set(created) == everything and max(created.values()) == 1

    with db.reading() as s:
        stored = dict(s.execute(select(Order.number, Order.id)).all())
        lines: dict[int, list[tuple[int, int]]] = {}
        for oid, sku_id, qty in s.execute(
            select(OrderLine.order_id, OrderLine.sku_id, OrderLine.quantity)
            .order_by(OrderLine.order_id, OrderLine.line_no)
        ):
            lines.setdefault(oid, []).append((sku_id, qty))
        total_lines = s.scalar(select(func.count(OrderLine.id)))
    assert set(stored) == everything
    assert {len(lines[stored[n]]) for n in everything} >= {1}
    for n in everything:
        assert [q for _, q in lines[stored[n]]] == [q for _, q in _lines(n)], n
    assert total_lines == sum(len(_lines(n)) for n in everything)


def _planned_before_the_other_pc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the import's check see none of the existing orders, as when another PC
    commits them between this import's check and its insert."""
    import app.services.order_import as order_import
    from app.services.order_bulk import existing_order_ids

    calls: list[int] = []

    def first_call_sees_nothing(session: Session, client_id: int,
                                numbers: Iterable[str]) -> dict[str, int]:
        calls.append(1)
        return {} if len(calls) == 1 else existing_order_ids(session, client_id, numbers)

    monkeypatch.setattr(order_import, "existing_order_ids", first_call_sees_nothing)


def test_an_order_another_pc_wrote_meanwhile_is_already_imported_not_doubled(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.order_import import import_order_file
    from tests.imports.conftest import ACTOR

    build_shop(db)
    first = write_csv(tmp_path / "a.csv", [good_row("SO-1"), good_row("SO-1", sku="CUP")])
    import_order_file(db, "ACME", first, actor=ACTOR)
    both = write_csv(tmp_path / "b.csv", [good_row("SO-2"), good_row("SO-1"),
                                          good_row("SO-1", sku="CUP")])
    _planned_before_the_other_pc(monkeypatch)
    report = import_order_file(db, "ACME", both, actor=ACTOR)
    assert report.orders_created == ("SO-2",) and len(report.created_ids) == 1
    assert report.orders_already_imported == ("SO-1",) and report.ok
    with db.reading() as s:
        assert s.scalar(select(func.count(OrderLine.id))) == 3
        assert s.scalar(select(func.count(Order.id))) == 2


def test_an_order_another_pc_wrote_differently_meanwhile_rejects_the_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.domain.errors import ImportRejected
    from app.services.order_import import import_order_file
    from tests.imports.conftest import ACTOR

    build_shop(db)
    import_order_file(db, "ACME", write_csv(tmp_path / "a.csv", [good_row("SO-1")]),
                      actor=ACTOR)
    other = write_csv(tmp_path / "b.csv", [good_row("SO-2"), good_row("SO-1", quantity="5")])
    _planned_before_the_other_pc(monkeypatch)
    try:
        import_order_file(db, "ACME", other, actor=ACTOR)
    except ImportRejected as exc:
        problems = exc.report.problems  # type: ignore[attr-defined]
    else:
        raise AssertionError("a conflicting order must reject the whole file")
    assert [(p.line, p.order_number, p.field) for p in problems] == [(3, "SO-1", "order_number")]
    with db.reading() as s:
        assert s.scalar(select(func.count(Order.id))) == 1  # SO-2 was rolled back too

    _planned_before_the_other_pc(monkeypatch)
    report = import_order_file(db, "ACME", other, actor=ACTOR, valid_only=True)
    assert report.orders_created == ("SO-2",) and report.orders_rejected == ("SO-1",)
    assert report.orders_already_imported == ()
