"""Inbound paperwork: 4x6 carton labels and the receiving discrepancy report (EN + 中文).

A carton label carries a Code128 of ``REFERENCE/CARTON`` so the dock scans one barcode
and gets both; the report is the client's record of what arrived, in both languages on
one sheet because the seller reads Chinese and the warehouse English.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.platypus import Flowable, Paragraph, Spacer

from printers.errors import LayoutError
from printers.layouts.documents import _build, _header, _para, _Sheet, _table
from printers.layouts.drawing import draw_code128, draw_text, fit_size, pdf_canvas, wrap
from printers.layouts.media import LABEL_4X6, DocumentPaper

#: Between reference and carton in the carton barcode (``ASN-1/C001``).
CARTON_SEPARATOR = "/"


@dataclass(frozen=True)
class CartonLabel:
    reference: str
    carton: str
    client: str
    warehouse: str
    sku_lines: int
    units: int
    number: int  # 1-based, of ``total``
    total: int

    @property
    def barcode(self) -> str:
        """``REFERENCE/CARTON``; only the carton number when the reference has characters
        Code128 cannot carry (a Chinese reference: the dock chooses the shipment first)."""
        both = f"{self.reference}{CARTON_SEPARATOR}{self.carton}"
        return both if both.isascii() and both.isprintable() else self.carton


@dataclass(frozen=True)
class DiscrepancyRow:
    carton: str
    sku: str
    name: str
    expected: int
    received: int
    damaged: int
    unknown: bool = False

    @property
    def difference(self) -> int:
        return self.received + self.damaged - self.expected


@dataclass(frozen=True)
class Discrepancy:
    reference: str
    client: str
    warehouse: str
    status: str
    eta: str
    closed: str
    rows: tuple[DiscrepancyRow, ...] = field(default_factory=tuple)


def carton_labels(labels: Sequence[CartonLabel], *, dpi: int = 203) -> bytes:
    """One 4x6 label per carton: reference and carton big, the barcode, client and counts."""
    if not labels:
        raise LayoutError(layout="carton labels", reason="no cartons given")
    page = LABEL_4X6
    margin = 14.0
    inner = page.width - 2 * margin
    with pdf_canvas(page, f"Carton labels {labels[0].reference}") as (canvas, buffer):
        for label in labels:
            top = page.height - margin
            size = fit_size(label.reference, inner, 34, 14)
            draw_text(canvas, page.width / 2, top - size, label.reference, size, bold=True,
                      anchor="center")
            top -= size + 10
            carton = f"箱 Carton {label.carton}"
            size = fit_size(carton, inner, 40, 14)
            draw_text(canvas, page.width / 2, top - size, carton, size, bold=True,
                      anchor="center")
            top -= size + 16
            for text in (f"客户 Client {label.client}  ·  仓库 Warehouse {label.warehouse}",
                         f"SKU 行 lines: {label.sku_lines}  ·  件数 units: {label.units}"):
                for line in wrap(text, inner, 12, 2):
                    draw_text(canvas, margin, top - 12, line, 12)
                    top -= 16
            count = f"{label.number} / {label.total}"
            draw_text(canvas, page.width / 2, margin + 4, count, 22, bold=True, anchor="center")
            draw_code128(canvas, label.barcode, center_x=page.width / 2, y=margin + 40,
                         max_width=inner, height=min(150.0, top - margin - 60), dpi=dpi)
            canvas.showPage()
        canvas.save()
        return buffer.getvalue()


def discrepancy_report(document: Discrepancy, *,
                       paper: DocumentPaper = DocumentPaper.LETTER) -> bytes:
    """The receiving report: header, one row per carton and SKU, totals, unknown codes."""
    sheet = _Sheet(paper, 300)
    header = [
        f"Receiving report 收货差异报告 {document.reference}",
        f"Client 客户 {document.client} · Warehouse 仓库 {document.warehouse}",
        f"Status 状态 {document.status} · ETA 预计到达 {document.eta or '-'} · "
        f"Closed 完成 {document.closed or '-'}",
    ]
    rows = [["Carton 箱号", "SKU", "Name 品名", "Expected 预报", "Received 实收",
             "Damaged 破损", "Difference 差异"]]
    for r in document.rows:
        name = "Unknown code 未知条码" if r.unknown else r.name
        rows.append([r.carton, r.sku, name, str(r.expected), str(r.received), str(r.damaged),
                     f"{r.difference:+d}" if r.difference else "0"])
    totals = [sum(getattr(r, k) for r in document.rows)
              for k in ("expected", "received", "damaged")]
    difference = totals[1] + totals[2] - totals[0]
    rows.append(["", "", "Total 合计", *map(str, totals),
                 f"{difference:+d}" if difference else "0"])
    story: list[Flowable] = [*_header(sheet, header, document.reference)]
    story.append(_table(sheet, rows, [1.1, 1.4, 2.4, 1, 1, 1, 1.1], numeric_column=6,
                        codes=(0, 1)))
    story.append(Spacer(1, 12))
    story.append(_legend(sheet))
    return _build(story, sheet, f"Receiving report {document.reference}")


def _legend(sheet: _Sheet) -> Paragraph:
    return _para(
        "Difference = received + damaged − expected: below 0 short, above 0 over. "
        "差异 = 实收 + 破损 − 预报：小于 0 为短少，大于 0 为多收。"
        "Unknown codes are held in quarantine until identified. 未知条码的货物在隔离区等待确认。",
        sheet.size(8.5))
