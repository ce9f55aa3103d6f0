"""The 3PL invoice (EN + 中文 on one sheet): a summary per kind of fee, then every line
(a kind at one tier on one day) with how many sources it sums; the CSV/XLSX that go with
it list each source, so the client can trace each amount to the order, receipt, return
or stock lot behind it. Plain data in, PDF bytes out (``printers`` knows nothing of
``app``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, Spacer

from printers.layouts.documents import _build, _header, _para, _Sheet, _table
from printers.layouts.media import DocumentPaper


@dataclass(frozen=True)
class InvoiceLine:
    day: str
    kind: str
    description: str
    quantity: str
    unit_price: str
    amount: str
    source: str


@dataclass(frozen=True)
class InvoiceDocument:
    number: str
    client: str
    month: str
    status: str
    currency: str
    #: (kind label, lines, amount) per kind of fee
    summary: Sequence[tuple[str, int, str]]
    subtotal: str
    minimum_topup: str
    credits: Sequence[tuple[str, str]]  # (reason, amount)
    credit_total: str
    total: str
    rounding_rule: str
    lines: Sequence[InvoiceLine]


def invoice_pdf(document: InvoiceDocument, *,
                paper: DocumentPaper = DocumentPaper.LETTER) -> bytes:
    sheet = _Sheet(paper, 300)
    draft = " — DRAFT 草稿" if document.status != "issued" else ""
    header = [
        f"Invoice 账单 {document.number}{draft}",
        f"Client 客户 {document.client} · Month 月份 {document.month}",
        f"Currency 币种 {document.currency}",
    ]
    story: list[Flowable] = [*_header(sheet, header, document.number)]
    rows = [["Fee 费用", "Sources 来源数", f"Amount 金额 ({document.currency})"]]
    rows += [[kind, str(n), amount] for kind, n, amount in document.summary]
    rows.append(["Charges 费用合计", "", document.subtotal])
    story.append(_table(sheet, rows, [4, 1, 2], numeric_column=2))
    story.append(Spacer(1, 8))
    totals = [["", f"Amount 金额 ({document.currency})"],
              ["Charges 费用合计", document.subtotal],
              ["Monthly minimum top-up 月最低消费补足", document.minimum_topup]]
    totals += [[f"Credit 抵扣: {reason}", f"-{amount}"] for reason, amount in document.credits]
    totals.append(["Total due 应付合计", document.total])
    story.append(_table(sheet, totals, [5, 2], numeric_column=1))
    story.append(Spacer(1, 8))
    story.append(_para(f"Rounding 舍入规则: {document.rounding_rule} "
                       "每个来源（订单、收货、退货、批次日）金额 = 数量 × 单价，四舍五入到分，"
                       "再按该费用的最低收费补足；每行 = 其来源之和；"
                       "合计 = 各行之和，不足月最低消费时补足，再减去抵扣。",
                       sheet.size(8.5)))
    story.append(Spacer(1, 12))
    detail = [["Date 日期", "Fee 费用", "Description 说明", "Qty 数量", "Price 单价",
               "Amount 金额", "Sources 来源"]]
    detail += [[ln.day, ln.kind, ln.description, ln.quantity, ln.unit_price, ln.amount,
                ln.source] for ln in document.lines]
    detail.append(["", "", "Total 合计", "", "", document.subtotal, ""])
    story.append(_table(sheet, detail, [1.1, 1.8, 3.0, 0.7, 0.7, 0.9, 1.5], numeric_column=5,
                        codes=(0, 6)))
    return _build(story, sheet, f"Invoice {document.number}")
