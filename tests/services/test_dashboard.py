"""The dashboard's figures on a known day (see tests/services/dashboard_world.py)."""

from __future__ import annotations

from app.db.engine import Database
from app.domain.states import OrderStatus
from app.services.dashboard import load_dashboard
from tests.services.dashboard_world import LA, NOW, build_dashboard_day


def test_known_day(db: Database) -> None:
    build_dashboard_day(db)
    with db.reading() as s:
        d = load_dashboard(s, now=NOW, zone=LA)
    by = {x.status: (x.now, x.today) for x in d.statuses}
    assert by["new"] == (1, 1) and by["backordered"] == (1, 1)
    assert by["shipped"] == (1, 1) and by["cancelled"] == (1, 0) and by["picking"] == (0, 0)
    assert d.count(OrderStatus.NEW) == 1 and d.backordered == 1
    assert (d.placed_today, d.late) == (3, 1)
    assert [h.key for h in d.hours] == [f"{h:02d}" for h in range(11)]
    hours = {h.key: (h.picked, h.packed, h.shipped) for h in d.hours}
    assert hours["08"] == (2, 0, 0) and hours["09"] == (0, 2, 1) and hours["10"] == (0, 0, 0)
    assert [(u.key, u.picked, u.packed, u.shipped) for u in d.users] == [
        ("bob", 0, 2, 1), ("ann", 2, 0, 0)]
    assert (d.out_of_stock, d.low_stock) == (2, 0)
    assert [(r.client, r.sku) for r in d.low_rows] == [("ACME", "MUG"), ("BETA", "MUG")]
    assert d.exceptions == 1 and d.exceptions_by_kind == (("no_scan", 1),)


def test_empty_database(db: Database) -> None:
    with db.reading() as s:
        d = load_dashboard(s, now=NOW, zone=LA)
    assert d.late == 0 and d.users == () and all(x.now == 0 for x in d.statuses)
    assert sum(h.picked + h.packed + h.shipped for h in d.hours) == 0
