"""The inbound story end to end: announce by file → receive with discrepancies (over,
short, damaged, unknown) → close → put away, which allocates a backordered order; the
ledger agrees with the balances, and every unit on hand is in one FIFO layer, after
every step."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.db.models import PutawayTask
from app.domain.states import BinType, OrderStatus
from app.services import organisation as org
from app.services.allocation import allocate_order
from app.services.health import reconcile_stock
from app.services.inbound import arrive_inbound, import_inbound
from app.services.orders import get_order
from app.services.putaway import confirm_putaway
from app.services.receiving import close_inbound, receive_units, resolve_unknown
from tests.services.layers_check import assert_stock_true
from tests.world import ACTOR, build_world, place_order


def _stock_true(db) -> None:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        assert reconcile_stock(s).ok
    assert_stock_true(db)


def test_announce_receive_close_put_away_allocate(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    build_world(db)
    with db.writing() as s:
        org.create_bins(s, "LA1", [org.BinDraft("QUA-01", BinType.QUARANTINE)], actor=ACTOR)
    order = place_order(db, "SO-1", {"MUG": 5})
    with db.writing() as s:
        assert allocate_order(s, order, actor=ACTOR).status == OrderStatus.BACKORDERED
    path = tmp_path / "asn.csv"
    path.write_text("reference,carton,sku,quantity,eta\nASN-7,C1,MUG,12,2026-12-20\n"
                    "ASN-7,C1,CUP,6,\nASN-7,C2,MUG,12,\n", encoding="utf-8")
    with db.writing() as s:
        import_inbound(s, path, client_code="ACME", warehouse_code="LA1", actor=ACTOR)
        arrive_inbound(s, "ASN-7", actor=ACTOR)
    _stock_true(db)

    for carton, code, qty, damaged in (("C1", "MUG", 11, 1), ("C1", "CUP", 8, 0),
                                       ("C2", "MUG", 10, 0), ("C2", "??-7", 2, 0)):
        with db.writing() as s:
            result = receive_units(s, "ASN-7", carton=carton, code=code, quantity=qty,
                                   damaged=damaged, actor=ACTOR)
        _stock_true(db)  # nothing in the ledger while counting
    with db.writing() as s:
        resolve_unknown(s, result.line.id, "CUP", actor=ACTOR)
        report = close_inbound(s, "ASN-7", actor=ACTOR).report
    assert report.to_json()["lines"] == [
        {"sku": "MUG", "expected": 24, "received": 21, "damaged": 1, "difference": -2},
        {"sku": "CUP", "expected": 6, "received": 10, "damaged": 0, "difference": 4},
    ]
    _stock_true(db)
    with db.reading() as s:
        tasks = list(s.execute(select(PutawayTask.id, PutawayTask.quantity,
                                      PutawayTask.suggested_bin_id)
                               .where(PutawayTask.status == "open")
                               .order_by(PutawayTask.id)))
    assert sorted(q for _i, q, _b in tasks) == [10, 21]

    for task_id, _qty, _suggested in tasks:
        with db.writing() as s:
            confirm_putaway(s, task_id, "A-01-01-01" if _qty == 21 else "A-01-01-02",
                            actor=ACTOR)
        _stock_true(db)
    with db.reading() as s:  # new stock in a pick bin serves the waiting backorder
        assert get_order(s, order).row.status == OrderStatus.ALLOCATED.value
    _stock_true(db)
