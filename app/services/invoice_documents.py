"""An invoice written for the client: PDF (EN + 中文) with its lines, and CSV/XLSX with one
row per source of every line (move id, order number, inbound reference, RMA number,
stock lot and day) so every amount can be audited back to what caused it; each row names
its line's ``accrual_key`` and the rows of a line add up to it."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from app.channels.safe_cells import safe_row
from app.domain.billing import ChargeKind
from app.domain.stock_control_errors import FileNotWritten
from app.services.billing_detail import SourceRow, plain
from app.services.invoices import ChargeLine, InvoiceInfo
from printers.layouts.invoice import InvoiceDocument, InvoiceLine, invoice_pdf

#: The audit file's columns, one row per source of a line.
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


#: The invoice lines' columns (the XLSX sheet of lines).
LINE_HEADERS = ("date", "kind", "description", "quantity", "unit_price", "amount", "currency",
                "sources", "source_type", "note", "accrual_key")


def _cells(row: SourceRow) -> list[object]:
    return [row.day.isoformat(), row.kind, row.description, str(row.quantity),
            str(row.unit_price), str(row.amount), row.currency, row.source_type,
            "" if row.source_id is None else row.source_id, row.source_ref or "",
            row.note or "", row.accrual_key]


def _line_cells(line: ChargeLine) -> list[object]:
    return [line.day.isoformat(), line.kind, line.description, str(line.quantity),
            str(line.unit_price), str(line.amount), line.currency, line.sources,
            line.source_type, line.note or "", line.accrual_key]


def _sources(line: ChargeLine) -> str:
    """"312 order(s)", "1 adhoc": how many sources the line sums, of what."""
    if line.source_type == "adhoc":
        return "adhoc"
    return f"{line.sources} {line.source_type}(s)"


def _price(price: Decimal) -> str:
    """A price as on a price list: "0.50", "1.25", "0.0125"."""
    cents = price.quantize(Decimal("0.01"))
    return f"{cents:f}" if cents == price else f"{price.normalize():f}"


def _audited(info: InvoiceInfo) -> tuple[SourceRow, ...]:
    """The invoice's sources; an invoice read without them is a caller's bug (an audit
    file without its rows would look like an empty month)."""
    if info.lines and not info.source_rows:
        raise ValueError("the invoice was read without its sources")
    return info.source_rows


def write_invoice_csv(info: InvoiceInfo, path: Path) -> Path:
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(CSV_HEADERS)
            for row in _audited(info):
                writer.writerow(safe_row(_cells(row)))
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
        ["Fee 费用", "Sources 来源数", "Amount 金额"],
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
    lines = workbook.create_sheet("Lines 账单行")
    lines.append(list(LINE_HEADERS))
    for line in info.lines:
        lines.append(safe_row(_line_cells(line)))
    sheet = workbook.create_sheet("Charges 明细")
    sheet.append(list(CSV_HEADERS))
    for source in _audited(info):
        sheet.append(safe_row(_cells(source)))
    for each in (lines, sheet):
        for cell in each[1]:
            cell.font = Font(bold=True)
        each.freeze_panes = "A2"
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
                           plain(ln.quantity), _price(ln.unit_price), str(ln.amount),
                           _sources(ln))
               for ln in info.lines])


def write_invoice_pdf(info: InvoiceInfo, path: Path) -> Path:
    data = invoice_pdf(invoice_document(info))
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise FileNotWritten(path=str(path), reason=exc.strerror or str(exc)) from exc
    return path
