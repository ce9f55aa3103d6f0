"""A warehouse's pick-route layout, and routes through any of its bins.

The four layout numbers live on the warehouse (``aisle_pitch_m``, ``bin_pitch_m``,
``block_length``, ``depot_aisle``); the fifth number the router needs, the depth
``P`` of the aisles, is read from the bins themselves (the largest position of the
active sellable bins), so adding a longer aisle moves the back cross aisle with it.
Every screen, the CLI and the wave planner get their distances through
:func:`warehouse_layout` and :func:`app.domain.routing.plan_route`, so they agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import Bin, Warehouse
from app.domain.errors import QT_TRANSLATE_NOOP, DomainError
from app.domain.permissions import Actor, Permission, require
from app.domain.routing import Layout, Stop, plan_route, validate_layout
from app.domain.states import SELLABLE_BIN_TYPES
from app.services.audit import record_audit
from app.services.dto import WarehouseInfo
from app.services.lookup import warehouse_by_code
from app.services.organisation import warehouse_info

#: Distances are shown and compared to the millimetre: pitches have at most a few
#: decimals, so this keeps 2.8 m from printing as 2.7999999999999998.
DISTANCE_DECIMALS = 3


class DepotAisleUnused(DomainError):
    code = "depot_aisle_unused"
    template = QT_TRANSLATE_NOOP(
        "errors", "Warehouse {warehouse} has no bin in aisle {aisle}: the depot must be at the "
        "front of an aisle its bins use ({aisles}).")


class NoBinsToRoute(DomainError):
    code = "no_bins_to_route"
    template = QT_TRANSLATE_NOOP("errors", "Give at least one bin of warehouse {warehouse}.")


class BinsNotInWarehouse(DomainError):
    code = "bins_not_in_warehouse"
    template = QT_TRANSLATE_NOOP(
        "errors", "Warehouse {warehouse} has no bin {codes}.")


class BinsInOtherWarehouse(DomainError):
    code = "bins_in_other_warehouse"
    template = QT_TRANSLATE_NOOP(
        "errors", "Bin {codes} is in warehouse {other}, not in {warehouse}.")


class BinsWithoutPlace(DomainError):
    code = "bins_without_place"
    template = QT_TRANSLATE_NOOP(
        "errors", "Bin {codes} has no aisle and position, so no route can reach it; give it "
        "an aisle and a position first.")


@dataclass(frozen=True)
class RouteResult:
    """Bin codes in visiting order, depot to depot."""

    route: tuple[str, ...]
    distance_m: float
    method: str


def _aisles_used(session: Session, warehouse_id: int) -> list[int]:
    return list(session.scalars(
        select(Bin.aisle).distinct()
        .where(Bin.warehouse_id == warehouse_id, Bin.active.is_(True), Bin.aisle > 0)
        .order_by(Bin.aisle)))


def _aisle_list(aisles: Sequence[int]) -> str:
    if len(aisles) > 1 and list(aisles) == list(range(aisles[0], aisles[-1] + 1)):
        return f"{aisles[0]}-{aisles[-1]}"
    return ", ".join(map(str, aisles))


def set_layout(
    session: Session,
    code: str,
    *,
    actor: Actor,
    aisle_pitch_m: float | None = None,
    bin_pitch_m: float | None = None,
    block_length: int | None = None,
    depot_aisle: int | None = None,
) -> WarehouseInfo:
    """Change the layout values given (``None`` leaves one alone); all checked first, so
    a refused call changes nothing.

    A new depot aisle must be one the warehouse's bins use: a depot in an aisle that does
    not exist would make every route start in a wall. A warehouse without located bins yet
    may name any aisle (its layout is often set before its bins are imported).
    """
    require(actor, Permission.MANAGE_MASTER_DATA)
    wh = warehouse_by_code(session, code)
    given = {"aisle_pitch_m": aisle_pitch_m, "bin_pitch_m": bin_pitch_m,
             "block_length": block_length, "depot_aisle": depot_aisle}
    values = {k: v for k, v in given.items() if v is not None}
    validate_layout(
        wh.aisle_pitch_m if aisle_pitch_m is None else aisle_pitch_m,
        wh.bin_pitch_m if bin_pitch_m is None else bin_pitch_m,
        wh.block_length if block_length is None else block_length,
        wh.depot_aisle if depot_aisle is None else depot_aisle)
    if depot_aisle is not None and depot_aisle != wh.depot_aisle:
        aisles = _aisles_used(session, wh.id)
        if aisles and depot_aisle not in aisles:
            raise DepotAisleUnused(warehouse=wh.code, aisle=depot_aisle,
                                   aisles=_aisle_list(aisles))
    changed = sorted(k for k, v in values.items() if getattr(wh, k) != v)
    for key in changed:
        setattr(wh, key, values[key])
    if changed:
        session.flush()
        record_audit(session, actor, "set_layout", "warehouse", wh.id, code=wh.code,
                     **{k: values[k] for k in changed})
    return warehouse_info(session, wh.code)


def warehouse_layout(session: Session, warehouse_id: int) -> Layout:
    """The routing layout of a warehouse; ``max_position`` from its active sellable bins
    (at least 1, so an empty warehouse still has an aisle to walk)."""
    wh = session.get(Warehouse, warehouse_id)
    if wh is None:
        raise ValueError(f"no warehouse with id {warehouse_id}")
    deepest = session.scalar(
        select(func.max(Bin.position)).where(
            Bin.warehouse_id == warehouse_id, Bin.active.is_(True),
            Bin.bin_type.in_([t.value for t in SELLABLE_BIN_TYPES])))
    return Layout(aisle_pitch_m=wh.aisle_pitch_m, bin_pitch_m=wh.bin_pitch_m,
                  block_length=wh.block_length, depot_aisle=wh.depot_aisle,
                  max_position=max(1, int(deepest or 0)))


def rounded(distance_m: float) -> float:
    return round(distance_m, DISTANCE_DECIMALS)


def route_points(
    layout: Layout, points: Sequence[tuple[int, int]]
) -> tuple[tuple[int, ...], float, str]:
    """The shortest route through distinct (aisle, position) points: their indexes in
    visiting order, the distance and the method (shared by routes and wave plans)."""
    route = plan_route(layout, [Stop(a, p) for a, p in points])
    return route.order, route.distance_m, route.method


def route_bins(session: Session, warehouse_code: str, bin_codes: Sequence[str]) -> RouteResult:
    """The shortest walk from the depot through the bins given and back.

    Bins at one spot (two levels, two sides of the aisle) are one stop and come out next
    to each other, by code. Unknown bins, bins of another warehouse and bins without an
    aisle and position are refused together, each list named in one line.
    """
    wh = warehouse_by_code(session, warehouse_code)
    codes = list(dict.fromkeys(c.strip().upper() for c in bin_codes if c.strip()))
    if not codes:
        raise NoBinsToRoute(warehouse=wh.code)
    rows = session.execute(
        select(Bin.code, Bin.aisle, Bin.position)
        .where(Bin.warehouse_id == wh.id, Bin.code.in_(codes))).all()
    found = {code: (aisle, position) for code, aisle, position in rows}
    missing = [c for c in codes if c not in found]
    if missing:
        _refuse_missing(session, wh, missing)
    unplaced = [c for c in codes if found[c][0] < 1 or found[c][1] < 1]
    if unplaced:
        raise BinsWithoutPlace(codes=", ".join(unplaced))
    points = sorted(set(found.values()))
    order, distance_m, method = route_points(warehouse_layout(session, wh.id), points)
    at: dict[tuple[int, int], list[str]] = {}
    for code in sorted(codes):
        at.setdefault(found[code], []).append(code)
    route = tuple(code for i in order for code in at[points[i]])
    return RouteResult(route, rounded(distance_m), method)


def _refuse_missing(session: Session, wh: Warehouse, missing: list[str]) -> None:
    elsewhere = session.execute(
        select(Bin.code, Warehouse.code).join(Warehouse, Bin.warehouse_id == Warehouse.id)
        .where(Bin.code.in_(missing), Bin.warehouse_id != wh.id)
        .order_by(Warehouse.code, Bin.code)).all()
    other = {code: wcode for code, wcode in elsewhere}
    unknown = [c for c in missing if c not in other]
    if unknown:
        raise BinsNotInWarehouse(warehouse=wh.code, codes=", ".join(unknown))
    first = other[missing[0]]
    raise BinsInOtherWarehouse(codes=", ".join(c for c in missing if other[c] == first),
                               other=first, warehouse=wh.code)
