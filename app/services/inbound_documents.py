"""Files for an inbound shipment: the carton labels (PDF) and the discrepancy report
(PDF or CSV, English and Chinese in one file) the client receives after the close.

Reading only; the layouts are in :mod:`printers.layouts.inbound`.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy.orm import Session

from app.channels.safe_cells import safe_row
from app.domain.errors import FileUnreadable, InvalidValue
from app.services.inbound import get_inbound
from app.services.receiving import DiscrepancyReport
from printers.layouts.inbound import CartonLabel, Discrepancy, DiscrepancyRow
from printers.layouts.inbound import carton_labels as layout_carton_labels
from printers.layouts.inbound import discrepancy_report as layout_report

CSV_HEADER = ("carton 箱号", "sku", "name 品名", "expected 预报", "received 实收",
              "damaged 破损", "difference 差异", "note 备注")


def carton_labels_pdf(session: Session, reference: str, client_code: str | None = None) -> bytes:
    """One 4x6 label per carton of the shipment, in carton order."""
    detail = get_inbound(session, reference, client_code)
    s = detail.summary
    cartons = detail.cartons
    return layout_carton_labels([
        CartonLabel(s.reference, c.code, s.client, s.warehouse,
                    sum(1 for ln in c.lines if ln.expected), sum(ln.expected for ln in c.lines),
                    n, len(cartons))
        for n, c in enumerate(cartons, start=1)])


def discrepancy_pdf(report: DiscrepancyReport) -> bytes:
    return layout_report(Discrepancy(
        report.reference, f"{report.client} {report.client_name}".strip(), report.warehouse,
        report.status, report.eta.isoformat() if report.eta else "",
        report.closed_at.strftime("%Y-%m-%d %H:%M UTC") if report.closed_at else "",
        tuple(DiscrepancyRow(r.carton, r.sku, r.name, r.expected, r.received, r.damaged,
                             r.unknown) for r in report.rows)))


def write_discrepancy(report: DiscrepancyReport, path: str | Path) -> Path:
    """The report as ``.pdf`` or ``.csv`` (UTF-8 with BOM, for Excel and WPS)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".pdf", ".csv"):
        raise InvalidValue(field="report file", problem="the name must end in .pdf or .csv")
    try:
        if suffix == ".pdf":
            p.write_bytes(discrepancy_pdf(report))
            return p
        with p.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(CSV_HEADER)
            for r in report.rows:
                note = ("unknown code 未知条码" if r.unknown
                        else "short 短少" if r.difference < 0
                        else "over 多收" if r.difference > 0 else "")
                writer.writerow(safe_row([r.carton, r.sku, r.name, r.expected, r.received,
                                          r.damaged, r.difference, note]))
    except OSError as exc:
        raise FileUnreadable(path=str(p), reason=exc.strerror or str(exc)) from exc
    return p
