"""Files for an inbound shipment: the carton labels (a PDF to save, or a print-queue
:class:`~app.services.print_documents.Document` for the station's 4x6 label printer) and
the discrepancy report (PDF or CSV, English and Chinese in one file) the client receives
after the close.

Reading only; the layouts are in :mod:`printers.layouts.inbound`, queueing and sending in
:mod:`app.services.print_queue`.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy.orm import Session

from app.channels.safe_cells import safe_row
from app.domain.errors import FileUnreadable, InvalidValue
from app.domain.inbound_errors import CartonNotInShipment
from app.services.inbound import get_inbound
from app.services.print_documents import Document, JobKind
from app.services.receiving import DiscrepancyReport
from printers.layouts.inbound import CartonLabel, Discrepancy, DiscrepancyRow
from printers.layouts.inbound import carton_labels as layout_carton_labels
from printers.layouts.inbound import discrepancy_report as layout_report
from printers.profiles import PrinterProfile

CSV_HEADER = ("carton 箱号", "sku", "name 品名", "expected 预报", "received 实收",
              "damaged 破损", "difference 差异", "note 备注")


def carton_labels_pdf(session: Session, reference: str, client_code: str | None = None, *,
                      carton: str | None = None, dpi: int = 203) -> bytes:
    """One 4x6 label per carton of the shipment, in carton order; ``carton`` alone (a
    torn label reprinted) keeps its "n / total" of the whole shipment."""
    return layout_carton_labels(_carton_labels(session, reference, client_code, carton),
                                dpi=dpi)


def carton_labels_document(session: Session, reference: str, profile: PrinterProfile,
                           client_code: str | None = None, *,
                           carton: str | None = None) -> Document:
    """The carton labels laid out at the label printer's dpi, for the print queue (the
    job's reference is ``REFERENCE`` or, for one carton, ``REFERENCE/CARTON``)."""
    labels = _carton_labels(session, reference, client_code, carton)
    name = labels[0].reference + (f"/{labels[0].carton}" if carton is not None else "")
    return Document(JobKind.CARTON_LABELS, name,
                    layout_carton_labels(labels, dpi=profile.dpi))


def _carton_labels(session: Session, reference: str, client_code: str | None,
                   carton: str | None) -> list[CartonLabel]:
    detail = get_inbound(session, reference, client_code)
    s = detail.summary
    cartons = detail.cartons
    labels = [CartonLabel(s.reference, c.code, s.client, s.warehouse,
                          sum(1 for ln in c.lines if ln.expected),
                          sum(ln.expected for ln in c.lines), n, len(cartons))
              for n, c in enumerate(cartons, start=1)]
    if carton is not None:
        labels = [label for label in labels if label.carton == carton.strip()]
        if not labels:
            raise CartonNotInShipment(carton=carton.strip(), reference=s.reference)
    return labels


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
