"""Two docks count the same carton at the same moment: both counts are kept.

Real threads, each with its own connection, released together by a barrier, on SQLite
(WAL, busy timeout) and PostgreSQL when configured. The second dock's first scan also
races the first one to start the shipment's receiving and to make the carton's line for
a SKU it did not announce.
"""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from app.db.models import InboundLine, InboundReceipt, StockMove
from app.domain.inbound_errors import InboundClosed
from app.domain.permissions import Actor
from app.services.health import reconcile_stock
from app.services.inbound import CartonDraft, InboundDraft, create_inbound, get_inbound
from app.services.receiving import close_inbound, receive_units
from app.services.run import run_write
from tests.world import ACTOR, build_world

ROUNDS = 6


def test_two_docks_receiving_one_carton_keep_both_counts(db) -> None:
    build_world(db)
    with db.writing() as s:
        create_inbound(s, client_code="ACME", warehouse_code="LA1", actor=ACTOR,
                       draft=InboundDraft("ASN-R", (CartonDraft("C1", (("MUG", 100),)),)))
    errors: list[BaseException] = []
    barrier = threading.Barrier(3)

    def dock(name: str, code: str) -> None:
        actor = Actor.system(name)
        try:
            for _ in range(ROUNDS):
                barrier.wait(30)
                run_write(db, receive_units, "ASN-R", carton="C1", code=code, quantity=1,
                          actor=actor)
        except BaseException as exc:  # report, never hang the other thread
            errors.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=dock, args=(name, code)) for name, code in (
        ("dock-1", "MUG"), ("dock-2", "CUP"), ("dock-3", "CUP"))]  # CUP: not announced
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    with db.reading() as s:
        detail = get_inbound(s, "ASN-R")
        assert s.scalar(select(func.count()).select_from(InboundLine)) == 2  # CUP made once
    assert detail.summary.status == "receiving"
    assert [(ln.sku, ln.expected, ln.received) for ln in detail.lines] == [
        ("MUG", 100, ROUNDS), ("CUP", 0, 2 * ROUNDS)]
    with db.writing() as s:
        report = close_inbound(s, "ASN-R", actor=ACTOR).report
    assert [(t.sku, t.received, t.difference) for t in report.lines] == [
        ("MUG", ROUNDS, ROUNDS - 100), ("CUP", 2 * ROUNDS, 2 * ROUNDS)]


def test_a_close_never_loses_a_count_made_at_the_same_moment(db) -> None:
    """A dock keeps counting while the office closes: every count that was kept is in
    the ledger, every one after the close is refused - none is recorded but not posted."""
    build_world(db)
    with db.writing() as s:
        create_inbound(s, client_code="ACME", warehouse_code="LA1", actor=ACTOR,
                       draft=InboundDraft("ASN-C", (CartonDraft("C1", (("MUG", 50),)),)))
        receive_units(s, "ASN-C", carton="C1", code="MUG", quantity=1, actor=ACTOR)
    refused: list[int] = []
    errors: list[BaseException] = []
    counting = threading.Event()  # the office closes while the dock is in full swing

    def dock() -> None:
        try:
            for n in range(40):
                if n == 10:
                    counting.set()
                try:
                    run_write(db, receive_units, "ASN-C", carton="C1", code="MUG", quantity=1,
                              actor=Actor.system("dock"))
                except InboundClosed:
                    refused.append(1)
        except BaseException as exc:
            errors.append(exc)
        finally:
            counting.set()

    def office() -> None:
        try:
            counting.wait(60)
            run_write(db, close_inbound, "ASN-C", actor=ACTOR)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=dock), threading.Thread(target=office)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    with db.reading() as s:
        counted = int(s.scalar(select(func.sum(InboundReceipt.quantity))) or 0)
        posted = int(s.scalar(select(func.sum(StockMove.quantity))) or 0)
        assert reconcile_stock(s).ok
    assert counted == posted == 41 - len(refused)
