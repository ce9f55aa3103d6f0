"""An invoice written for the client: PDF (EN + 中文), and CSV/XLSX with one row per charge
and its source (move id, order number, inbound reference, RMA number, stock lot) so every
amount can be audited back to what caused it."""

from __future__ import annotations

import csv
from pathlib import Path

from app.channels.safe_cells import safe_row
from app.domain.billing import ChargeKind
from app.domain.stock_control_errors import FileNotWritten
from app.services.invoices import ChargeLine, InvoiceInfo
from printers.layouts.invoice import InvoiceDocument, InvoiceLine, invoice_pdf

#: The audit file's columns, one row per charge.
CSV_HEADERS = ("date", "kind", "description", "quantity", "unit_price", "amount", "currency",
               "source_type", "source_id", "source_ref", "note", "accrual_key")

#: How each kind of fee is named on the invoice.
KIND_NAMES: dict[str, str] = {
    ChargeKind.RECEIVING_CARTON: "Receiving per carton 收货（按箱）",
    ChargeKind.RECEIVING_PALLET: "Receiving per pallet 收货（按托）",
    ChargeKind.RECEIVING_CONTAINER: "Container unloading 拆柜",
    ChargeKind.RECEIVING_UNIT: "Receiving per unit 收货（按件）",
    ChargeKind.STORAGE: "Storage 仓储费",
    ChargeKind.PICK_PACK_ORDER: "Pick & pack per order 订单操作费",
    ChargeKind.PICK_PACK_EXTRA_UNIT: "Extra units 续件操作费",
    ChargeKind.LABEL: "Shipping labels 面单运费",
    ChargeKind.PACKING_MATERIAL: "Packing materials 包材费",
    ChargeKind.VAS_LABELLING: "Labelling 贴标",
    ChargeKind.VAS_BAGGING: "Bagging 套袋",
    ChargeKind.VAS_KITTING: "Kitting 组套",
    ChargeKind.RETURN: "Returns 退货处理",
    ChargeKind.ADHOC: "Other charges 其他费用",
}


def _cells(line: ChargeLine) -> list[object]:
    return [line.day.isoformat(), line.kind, line.description, str(line.quantity),
            str(line.unit_price), str(line.amount), line.currency, line.source_type,
            "" if line.source_id is None else line.source_id, line.source_ref or "",
            line.note or "", line.accrual_key]


def _source(line: ChargeLine) -> str:
    """"order O-1", "return RMA-000001", "move 123 PO-7": the reference the client knows,
    and the ledger move's id, which is the only handle on a receipt move."""
    ref = line.source_ref or ""
    if line.source_type == "move" or not ref:
        ref = f"{line.source_id or ''} {ref.removeprefix(f'move {line.source_id}')}"
    return f"{line.source_type} {ref.strip()}".strip()


def write_invoice_csv(info: InvoiceInfo, path: Path) -> Path:
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(CSV_HEADERS)
            for line in info.lines:
                writer.writerow(safe_row(_cells(line)))
    except OSError as exc:
        raise FileNotWritten(path=str(path), reason=exc.strerror or str(exc)) from exc
    return path


def write_invoice_xlsx(info: InvoiceInfo, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = "Invoice 账单"
    rows: list[list[object]] = [
        ["Invoice 账单", info.number], ["Client 客户", f"{info.client} {info.client_name}"],
        ["Month 月份", info.month], ["Status 状态", info.status],
        ["Currency 币种", info.currency], [],
        ["Fee 费用", "Lines 行数", "Amount 金额"],
        *[[KIND_NAMES.get(k, k), n, str(a)] for k, n, a in info.by_kind()],
        [], ["Charges 费用合计", "", str(info.subtotal)],
        ["Monthly minimum top-up 月最低消费补足", "", str(info.minimum_topup)],
        ["Credits 抵扣", "", f"-{info.credits}"],
        ["Total due 应付合计", "", str(info.total)], [],
        ["Rounding 舍入规则", info.rounding_rule],
    ]
    for row in rows:
        summary.append(safe_row(row))
    summary.column_dimensions["A"].width = 40
    summary.column_dimensions["B"].width = 24
    summary.column_dimensions["C"].width = 14
    sheet = workbook.create_sheet("Charges 明细")
    sheet.append(list(CSV_HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in info.lines:
        sheet.append(safe_row(_cells(line)))
    sheet.freeze_panes = "A2"
    credits = workbook.create_sheet("Credits 抵扣")
    credits.append(["corrects", "amount", "reason"])
    for credit in info.credit_lines:
        credits.append(safe_row([credit.corrects, str(credit.amount), credit.reason]))
    try:
        workbook.save(path)
    except OSError as exc:
        raise FileNotWritten(path=str(path), reason=exc.strerror or str(exc)) from exc
    return path


def invoice_document(info: InvoiceInfo) -> InvoiceDocument:
    return InvoiceDocument(
        number=info.number, client=f"{info.client} {info.client_name}", month=info.month,
        status=info.status, currency=info.currency,
        summary=[(KIND_NAMES.get(k, k), n, str(a)) for k, n, a in info.by_kind()],
        subtotal=str(info.subtotal), minimum_topup=str(info.minimum_topup),
        credits=[(f"{c.corrects} {c.reason}", str(c.amount)) for c in info.credit_lines],
        credit_total=str(info.credits), total=str(info.total),
        rounding_rule=info.rounding_rule,
        lines=[InvoiceLine(ln.day.isoformat(), KIND_NAMES.get(ln.kind, ln.kind), ln.description,
                           str(ln.quantity), str(ln.unit_price), str(ln.amount), _source(ln))
               for ln in info.lines])


def write_invoice_pdf(info: InvoiceInfo, path: Path) -> Path:
    data = invoice_pdf(invoice_document(info))
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise FileNotWritten(path=str(path), reason=exc.strerror or str(exc)) from exc
    return path
