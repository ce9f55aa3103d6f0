"""The dashboard: what an office user needs to see first, in a handful of grouped queries.

* Orders by status: one pass over ``orders`` gives, per status, how many are in it now
  and how many moved into it today (``updated_at``), how many were placed today, and
  how many are late - not yet shipped (new, backordered, allocated, on hold, picking,
  packed) with ``ship_by`` already past.
* Work per hour and per user today: lines picked (``pick_tasks.picked_at``/``picked_by``),
  parcels packed (``parcels.packed_at``/``packed_by``) and orders shipped (the
  ``order_status_history`` rows that made an order ``shipped``: when and by whom - the
  same source for the hour and the user, so both charts add up to the same total).
* Low and out-of-stock SKUs from :func:`app.services.stock_cover.stock_cover`, and the
  open shipping exceptions by kind.

"Today" starts at local midnight of the given time zone (the PC's own when not told);
hours are that zone's wall-clock hours (whole-hour offsets, as every US zone has). Each
query groups in SQL; Python only adds up the grouped rows (24 hours x the users who
worked).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Order, OrderStatusChange, Parcel, PickTask, ShippingException
from app.domain.states import NOT_SHIPPED_STATES, OrderStatus
from app.services.stock_cover import CoverRow, stock_cover

S = OrderStatus
#: Low-stock rows the dashboard lists (the counts cover all of them).
LOW_STOCK_ROWS = 10


@dataclass(frozen=True)
class StatusCount:
    status: str
    #: Orders in this status now.
    now: int
    #: Of them, those that moved into it today.
    today: int


@dataclass(frozen=True)
class WorkCount:
    """Lines picked, parcels packed and orders shipped in one hour or by one user."""

    key: str
    picked: int
    packed: int
    shipped: int


@dataclass(frozen=True)
class Dashboard:
    as_of: datetime
    #: Every status of :class:`OrderStatus`, in its order, zeros included.
    statuses: tuple[StatusCount, ...]
    placed_today: int
    late: int
    backordered: int
    #: Hours of today so far ("00" ... "23", local), each with its counts.
    hours: tuple[WorkCount, ...]
    #: Users who picked, packed or shipped today, most work first.
    users: tuple[WorkCount, ...]
    low_stock: int
    out_of_stock: int
    #: The first :data:`LOW_STOCK_ROWS` out and low SKUs, out first, least cover first.
    low_rows: tuple[CoverRow, ...]
    exceptions: int
    exceptions_by_kind: tuple[tuple[str, int], ...]

    def count(self, status: OrderStatus) -> int:
        return next(s.now for s in self.statuses if s.status == status.value)


def load_dashboard(session: Session, *, now: datetime | None = None,
                   zone: tzinfo | None = None) -> Dashboard:
    """Every figure of the dashboard as of ``now`` (see the module)."""
    now = now or utcnow()
    local = now.astimezone(zone) if zone is not None else now.astimezone()
    since = datetime.combine(local.date(), time(), local.tzinfo).astimezone(UTC)
    offset = round((local.utcoffset() or timedelta()).total_seconds() / 3600)

    statuses, placed, late = _orders(session, since, now)
    hours, users = _work(session, since, offset)
    cover = stock_cover(session, only_flagged=True)
    flagged = sorted(cover, key=lambda r: (not r.out, r.days_of_cover or 0.0, r.client, r.sku))
    kinds = session.execute(
        select(ShippingException.kind, func.count())
        .where(ShippingException.resolved_at.is_(None))
        .group_by(ShippingException.kind).order_by(ShippingException.kind)).all()
    by_status = {s.status: s.now for s in statuses}
    return Dashboard(
        as_of=now, statuses=statuses, placed_today=placed, late=late,
        backordered=by_status[S.BACKORDERED.value],
        hours=tuple(hours[h] for h in sorted(hours) if int(h) <= local.hour),
        users=tuple(sorted(users.values(),
                           key=lambda u: (-(u.picked + u.packed + u.shipped), u.key))),
        low_stock=sum(1 for r in cover if r.low), out_of_stock=sum(1 for r in cover if r.out),
        low_rows=tuple(flagged[:LOW_STOCK_ROWS]),
        exceptions=sum(int(n) for _k, n in kinds),
        exceptions_by_kind=tuple((str(k), int(n)) for k, n in kinds),
    )


def _sum_if(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _orders(session: Session, since: datetime, now: datetime,
            ) -> tuple[tuple[StatusCount, ...], int, int]:
    """Per status (now, today), placed today and late: one grouped pass over orders."""
    rows = session.execute(
        select(Order.status, func.count(), _sum_if(Order.updated_at >= since),
               _sum_if(Order.order_date >= since),
               _sum_if(and_(Order.status.in_([s.value for s in NOT_SHIPPED_STATES]),
                            Order.ship_by < now)))
        .group_by(Order.status)).all()
    found = {str(status): (int(n), int(today), int(placed), int(late))
             for status, n, today, placed, late in rows}
    statuses = tuple(StatusCount(s.value, *found.get(s.value, (0, 0, 0, 0))[:2])
                     for s in OrderStatus)
    return (statuses, sum(v[2] for v in found.values()), sum(v[3] for v in found.values()))


def _work(session: Session, since: datetime, offset: int,
          ) -> tuple[dict[str, WorkCount], dict[str, WorkCount]]:
    """Today's picked / packed / shipped counts by local hour and by user."""
    picked = _grouped(session, PickTask.picked_at, PickTask.picked_by, since)
    packed = _grouped(session, Parcel.packed_at, Parcel.packed_by, since)
    H = OrderStatusChange
    shipped = _grouped(session, H.at, H.actor, since, H.to_status == S.SHIPPED.value)
    tallies: dict[str, dict[str, list[int]]] = {"hour": defaultdict(lambda: [0, 0, 0]),
                                                "user": defaultdict(lambda: [0, 0, 0])}
    for column, rows in enumerate((picked, packed, shipped)):
        for hour, user, n in rows:
            tallies["hour"][f"{(int(hour) + offset) % 24:02d}"][column] += int(n)
            tallies["user"][user or "?"][column] += int(n)
    hours = {f"{h:02d}": WorkCount(f"{h:02d}", *tallies["hour"].get(f"{h:02d}", [0, 0, 0]))
             for h in range(24)}
    users = {u: WorkCount(u, *counts) for u, counts in tallies["user"].items()}
    return hours, users


def _grouped(session: Session, at: Any, who: Any, since: datetime,
             *where: ColumnElement[bool]) -> Sequence[Any]:
    """(UTC hour, user, count) of the rows whose ``at`` is today."""
    hour = func.extract("hour", at)
    return session.execute(select(hour, who, func.count()).where(at >= since, *where)
                           .group_by(hour, who)).all()
