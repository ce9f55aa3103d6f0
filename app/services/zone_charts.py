"""Importing carriers' zone charts per warehouse origin, and reading them back.

A chart is imported whole or not at all (:func:`import_zone_chart`); importing again for
the same warehouse and carrier replaces the old chart in the same transaction, so the
advice never sees half of one. The advice reads the newest chart of each warehouse
(:func:`zone_tables`); without one it falls back to the ZIP3 distance estimate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from app.channels.zone_files import ZoneFile, ZoneProblem, read_zone_file
from app.db.models import Warehouse, ZoneChart, ZoneChartRow
from app.domain.errors import ImportRejected, InvalidValue
from app.domain.permissions import Actor, Permission, require
from app.services.audit import record_audit
from app.services.lookup import warehouse_by_code

#: The carrier name of a chart whose layout does not say whose it is (a plain CSV).
GENERIC = "GENERIC"


@dataclass(frozen=True)
class ZoneImportReport:
    file: str
    warehouse: str
    carrier: str
    layout: str
    rows: int
    zip3s: int
    skipped: int
    effective: date | None
    problems: tuple[ZoneProblem, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file, "warehouse": self.warehouse, "carrier": self.carrier,
            "layout": self.layout, "rows": self.rows, "zip3s": self.zip3s,
            "skipped": self.skipped,
            "effective": self.effective.isoformat() if self.effective else None,
            "problems": [{"line": p.line, "reason": p.reason} for p in self.problems],
        }


class ZoneImportRejected(ImportRejected):
    """The chart has bad rows and nothing was written; ``report`` lists them."""

    def __init__(self, report: ZoneImportReport) -> None:
        super().__init__(bad=len({p.line for p in report.problems}), total=report.rows)
        self.report = report


@dataclass(frozen=True)
class ZoneChartInfo:
    id: int
    warehouse: str
    carrier: str
    source_file: str
    effective: date | None
    zip3s: int
    imported_by: str
    imported_at: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "warehouse": self.warehouse, "carrier": self.carrier,
                "source_file": self.source_file,
                "effective": self.effective.isoformat() if self.effective else None,
                "zip3s": self.zip3s, "imported_by": self.imported_by,
                "imported_at": self.imported_at}


def import_zone_chart(session: Session, path: str | Path, warehouse_code: str, *,
                      actor: Actor, carrier: str | None = None,
                      effective: date | None = None) -> ZoneImportReport:
    """Store the chart in ``path`` for ``warehouse_code`` (see :mod:`app.channels.zone_files`
    for the layouts). Raises :class:`ZoneImportRejected` with every bad row, writing nothing."""
    require(actor, Permission.MANAGE_MASTER_DATA)
    wh = warehouse_by_code(session, warehouse_code)
    parsed: ZoneFile = read_zone_file(path)
    name = (carrier or parsed.carrier or GENERIC).strip().upper() or GENERIC
    if len(name) > 40:
        raise InvalidValue(field="carrier", problem="at most 40 characters")
    report = ZoneImportReport(Path(path).name, wh.code, name, parsed.layout, parsed.rows,
                              len(parsed.zones), parsed.skipped, effective,
                              tuple(sorted(parsed.problems, key=lambda p: p.line)))
    if report.problems:
        raise ZoneImportRejected(report)
    old = select(ZoneChart.id).where(ZoneChart.warehouse_id == wh.id,
                                     ZoneChart.carrier == name)
    old_ids = list(session.scalars(old))
    if old_ids:
        session.execute(delete(ZoneChartRow).where(ZoneChartRow.chart_id.in_(old_ids)))
        session.execute(delete(ZoneChart).where(ZoneChart.id.in_(old_ids)))
    chart = ZoneChart(warehouse_id=wh.id, carrier=name, source_file=report.file[:300],
                      effective_date=effective, imported_by=actor.name)
    session.add(chart)
    session.flush()
    session.execute(insert(ZoneChartRow), [
        {"chart_id": chart.id, "dest_zip3": z, "zone": n} for z, n in sorted(parsed.zones.items())])
    record_audit(session, actor, "zones.import", "zone_chart", chart.id, warehouse=wh.code,
                 carrier=name, file=report.file, zip3s=report.zip3s, replaced=old_ids)
    return report


def list_zone_charts(session: Session) -> list[ZoneChartInfo]:
    """Every imported chart, by warehouse then carrier."""
    counts = (select(ZoneChartRow.chart_id, func.count().label("n"))
              .group_by(ZoneChartRow.chart_id).subquery())
    rows = session.execute(
        select(ZoneChart, Warehouse.code, func.coalesce(counts.c.n, 0))
        .join(Warehouse, Warehouse.id == ZoneChart.warehouse_id)
        .outerjoin(counts, counts.c.chart_id == ZoneChart.id)
        .order_by(Warehouse.code, ZoneChart.carrier)).all()
    return [ZoneChartInfo(c.id, wh, c.carrier, c.source_file, c.effective_date, int(n),
                          c.imported_by, c.imported_at.isoformat(timespec="seconds"))
            for c, wh, n in rows]


def zone_tables(session: Session, warehouse_ids: list[int]) -> dict[int, dict[str, int]]:
    """ZIP3 -> zone of the newest chart of each warehouse that has one."""
    newest: dict[int, int] = {}
    for chart_id, wh_id in session.execute(
            select(ZoneChart.id, ZoneChart.warehouse_id)
            .where(ZoneChart.warehouse_id.in_(warehouse_ids))
            .order_by(ZoneChart.imported_at, ZoneChart.id)):
        newest[wh_id] = chart_id
    tables: dict[int, dict[str, int]] = {wh: {} for wh in newest}
    by_chart = {chart: wh for wh, chart in newest.items()}
    if by_chart:
        for chart_id, zip3, zone in session.execute(
                select(ZoneChartRow.chart_id, ZoneChartRow.dest_zip3, ZoneChartRow.zone)
                .where(ZoneChartRow.chart_id.in_(list(by_chart)))):
            tables[by_chart[chart_id]][zip3] = zone
    return tables
